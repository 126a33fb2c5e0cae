"""The walk's "Why" on the Walk page and Today (H19): short, with the details behind "More
about this plan" on the Walk page only; "Start the walk" stays in view at 1024x700 with
extra-large text; Today's walking-test card says each thing once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel

from stenosis_coach.core.settings import TextSize
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import walks
from stenosis_coach.services.due import due_at

WIDTH, HEIGHT = 1024, 700


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def shown_part(widget) -> QRect:
    window = widget.window()
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        shown = shown.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return shown


def in_view(widget) -> bool:
    whole = QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())
    return widget.isVisible() and shown_part(widget) == whole


def log(window, clock, days_ago, kind=WalkKind.TRAINING, minutes="15", symptoms=""):
    day = (clock.now() - timedelta(days=days_ago)).astimezone(walks.LOCAL).date()
    form = WalkForm(kind, day, minutes, symptoms, peak_leg_pain=2)
    walks.log_walk(window.context.coach.database, form, clock.now())


def a_step_up_that_waits(window, clock) -> None:
    """A test, two easy walks (a step up), then two more easy walks within 72 hours of it:
    the longest Why there was (~90 words of rules)."""
    log(window, clock, 6, WalkKind.TEST, "8", "5")
    for days_ago, minutes in ((5, "15"), (4, "15"), (3, "18"), (2, "18")):
        log(window, clock, days_ago, minutes=minutes)
    window.context.data_changed.emit()


def a_walk_that_changed_nothing(window, clock) -> None:
    """The issue's case: a 0.4 min walking test, then a 10 min walk that changes nothing
    (the old Why: ~95 words, with "Start the walk" pushed below the window)."""
    log(window, clock, 2, WalkKind.TEST, "0.4", "")
    log(window, clock, 1, minutes="10")
    window.context.data_changed.emit()


def visible_texts(widget) -> list[str]:
    QApplication.processEvents()  # cards added to a shown page are shown by a queued call
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget) and w.text()]


@pytest.mark.parametrize("history", [a_walk_that_changed_nothing, a_step_up_that_waits])
def test_start_the_walk_stays_in_view_at_1024x700_with_extra_large_text(
    window, qtbot, clock, history
):
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(WIDTH, HEIGHT)
    history(window, clock)
    page = window.show_page("walk")
    settle()
    for area in window.findChildren(QAbstractScrollArea):
        area.verticalScrollBar().setValue(0)
    settle()
    assert (window.width(), window.height()) == (WIDTH, HEIGHT)
    assert page.why_text.text().startswith("Why: ")
    assert in_view(page.start), f"{page.start.geometry()} is cut off"


def test_more_about_this_plan_opens_and_closes_with_the_keyboard(window, qtbot, clock):
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(WIDTH, HEIGHT)
    a_step_up_that_waits(window, clock)
    page = window.show_page("walk")
    rx = due_at(window.context.coach.database, clock.now()).walk.prescription
    assert page.why_text.text() == f"Why: {rx.reason}"
    assert "towards a longer bout" not in page.why_text.text()  # a rule: in the details
    more = page.more
    assert more.accessibleName() == "More about this plan"
    assert more.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not page.details_text.isVisibleTo(page) and not more.isChecked()
    assert "hidden" in more.accessibleDescription()

    more.setFocus()
    qtbot.keyClick(more, Qt.Key.Key_Space)
    settle()
    assert more.isChecked() and page.details_text.isVisibleTo(page)
    assert "shown" in more.accessibleDescription()
    shown = page.details_text.text()
    assert "2 of 2 towards a longer bout" in shown
    assert "The bout waits: it is less than 72 hours after the last step up." in shown
    for area in window.findChildren(QAbstractScrollArea):
        area.verticalScrollBar().setValue(0)
    settle()
    assert in_view(page.start)  # the details open below the walk's buttons

    qtbot.keyClick(more, Qt.Key.Key_Space)
    assert not more.isChecked() and not page.details_text.isVisibleTo(page)
    assert "hidden" in more.accessibleDescription()


def test_today_shows_the_short_why_and_never_the_details(window, clock):
    a_step_up_that_waits(window, clock)
    rx = due_at(window.context.coach.database, clock.now()).walk.prescription
    assert rx.details
    today = window.show_page("today")
    text = " ".join(visible_texts(today))
    assert f"Why: {rx.reason}" in text
    for detail in rx.details:
        assert detail not in text
    assert "towards a longer bout" not in text


def test_the_walking_test_card_says_each_thing_once(window, clock):
    """Issue 12: "A walking test: walk at a comfortable pace… Why: Your first walk is a
    walking test: walk at a comfortable pace…" -- one message, no repetition."""
    today = window.show_page("today")
    [card_title] = [t for t in visible_texts(today) if t == "Walking test"]
    [detail] = [t for t in visible_texts(today) if "Why:" in t]
    said = f"{card_title}. {detail}".lower()
    assert said.count("walking test") == 1, detail
    assert said.count("comfortable pace") == 1, detail
    assert detail.startswith("Walk at a comfortable pace")

    page = window.show_page("walk")
    assert page.next_card.title_label.text() == "Your next walk: a walking test"
    assert not page.next_text.text().lower().startswith("a walking test")
    said = " ".join((page.next_text.text(), page.why_text.text())).lower()
    assert said.count("comfortable pace") == 1


def test_a_due_test_card_names_the_last_test_once(window, clock):
    log(window, clock, 0, WalkKind.TEST, "8", "5")
    clock.advance(timedelta(days=8).total_seconds())
    window.context.data_changed.emit()
    today = window.show_page("today")
    [detail] = [t for t in visible_texts(today) if "Why:" in t]
    assert detail.count("comfortable pace") == 1
    assert "Why: Your last walking test was on Mon 2 Mar; you do one every 7 days." in detail
