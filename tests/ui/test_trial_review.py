"""The 12-week trial on Today (issue 16, seed 001): "Week N of 12" calmly under the date,
then, once 12 weeks are done, a review card (what changed, take the report to the
clinician) after the day's plan, that "Done, hide this" hides (remembered across a
restart) with a way back: Undo (Ctrl+Z) at once, and "Show the review again" any time,
beside words that say where else it is seen (the report's page 1)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton

from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import plans, walks
from stenosis_coach.services.changes import Changes

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "plan-lakeside.scplan.json"
DAY = 24 * 3600


def programme(window, clock, weeks: int):
    """The therapist's plan imported today, then a walking test every week, 4:00 min
    rising to 7:00 min; the clock ends ``weeks`` weeks after the import."""
    coach = window.context.coach
    db = coach.database
    plans.import_plans(db, plans.read_plans([PLAN]), clock.now())
    minutes = (4, 4, 4, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7)
    for week in range(weeks):
        day = clock.now().astimezone(walks.LOCAL).date()
        mins = str(minutes[min(week, len(minutes) - 1)])
        walks.log_walk(db, WalkForm(WalkKind.TEST, day, mins, mins, peak_leg_pain=3), clock.now())
        clock.advance(7 * DAY)
    window.context.announce(Changes.all())


def review_card(window):
    """The review card shown (a card built again replaces the old one)."""
    cards = window.today.findChildren(QFrame, "trial-review")
    shown = [c for c in cards if c.isVisibleTo(window.today)]
    return (shown or cards or [None])[0]


def review_shown(window) -> bool:
    card = review_card(window)
    return card is not None and card.isVisibleTo(window.today)


def show_again(window) -> QPushButton:
    return window.today.findChild(QPushButton, "trial-review-show")


def shown_texts(widget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget) and w.text()]


def test_week_n_of_12_then_the_review_and_done_hides_it_for_good(
    make_window, qtbot, clock, dialogs
):
    window = make_window()
    programme(window, clock, weeks=5)  # the clock is now in week 6
    page = window.show_page("today")
    assert page.trial_line.isVisibleTo(page)
    assert page.trial_line.text() == "Week 6 of 12 of your programme (it started on Mon 2 Mar)."
    assert review_card(window) is None

    programme_rest = 12 - 5  # seven more weekly tests: the 12 weeks are done
    db = window.context.coach.database
    for _week in range(5, 5 + programme_rest):
        day = clock.now().astimezone(walks.LOCAL).date()
        mins = "7"
        walks.log_walk(db, WalkForm(WalkKind.TEST, day, mins, mins, peak_leg_pain=3), clock.now())
        clock.advance(7 * DAY)
    window.context.announce(Changes.all())
    page = window.show_page("today")
    assert page.trial_line.text() == "Your 12 weeks are done: the programme started on Mon 2 Mar."
    card = review_card(window)
    assert card is not None and card.isVisibleTo(page)
    said = " ".join(shown_texts(card))
    assert "Your 12 weeks: what changed" in said
    assert "Your walking tests since Mon 2 Mar 2026. Improving" in said  # one colon-free lead
    assert "4:00 min → 7:00 min" in said  # walking before symptoms, before and after
    assert "Take your report to your clinician" in said
    for word in ("poor", "fail", "bad"):
        assert word not in said.lower()
    hide = card.findChild(QPushButton, "trial-review-hide")
    assert hide.text() == "Done, hide this" and hide.accessibleName()
    qtbot.mouseClick(hide, Qt.MouseButton.LeftButton)
    assert not review_shown(window)
    assert page.trial_line.isVisibleTo(page)  # the week line stays, calmly

    # Remembered: a new window on the same data, the next day, shows no review, but the
    # way to show it again stays.
    clock.advance(DAY)
    again = make_window()
    page = again.show_page("today")
    assert not review_shown(again)
    assert page.trial_line.text().startswith("Your 12 weeks are done")
    assert show_again(again).isVisibleTo(page)


def test_before_anything_started_there_is_no_week_line(window):
    page = window.show_page("today")
    assert not page.trial_line.isVisibleTo(page)
    assert review_card(window) is None


def test_under_the_pseudo_locale_the_week_line_and_the_review_are_wrapped(
    pseudo, make_window, clock, dialogs
):
    from stenosis_coach.i18n import is_pseudo_wrapped

    window = make_window()
    programme(window, clock, weeks=13)
    page = window.show_page("today")
    assert is_pseudo_wrapped(page.trial_line.text())
    card = review_card(window)
    texts = shown_texts(card) + [b.text() for b in card.findChildren(QPushButton)]
    assert texts and all(is_pseudo_wrapped(t) for t in texts), texts
    assert all(is_pseudo_wrapped(b.accessibleName()) for b in card.findChildren(QPushButton))


def test_ctrl_1_puts_the_focus_on_the_days_plan_and_the_review_comes_after_it(
    make_window, qtbot, clock, dialogs
):
    # The tester (keyboard only): Ctrl+1 put the first focus on "Done, hide this", above
    # every due item; one Space hid the review. The day's plan comes first.
    window = make_window()
    programme(window, clock, weeks=13)
    window.show()
    window.show_page("progress")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # A button's shortcut "animates" the click (a short visible press), so wait for it.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_key() == "today")
    page = window.today
    qtbot.waitUntil(lambda: page.isAncestorOf(window.focusWidget()))
    focused = window.focusWidget()
    card = review_card(window)
    assert card is not None and card.isVisibleTo(page)
    assert focused is not None and not card.isAncestorOf(focused)
    assert focused.objectName() != "trial-review-hide"
    # every due item's card is above the review, and Tab reaches them before it
    items = [f for f in page.findChildren(QFrame) if f.property("card-key")]
    assert items, "the day's plan is shown"
    assert all(f.geometry().top() < card.geometry().top() for f in items)
    hide = card.findChild(QPushButton, "trial-review-hide")
    seen = []
    for _ in range(40):
        w = window.focusWidget()
        if w is hide:
            break
        seen.append(w)
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    assert window.focusWidget() is hide
    starts = [b for f in items for b in f.findChildren(QPushButton)]
    assert all(b in seen for b in starts)


def test_hiding_keeps_an_undo_and_says_where_the_review_is_seen_again(
    make_window, qtbot, clock, dialogs
):
    window = make_window()
    programme(window, clock, weeks=13)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.show_page("today")
    hide = review_card(window).findChild(QPushButton, "trial-review-hide")
    hide.setFocus()
    qtbot.keyClick(hide, Qt.Key.Key_Space)
    assert not review_shown(window)
    note = page.findChild(QLabel, "trial-review-hidden")
    assert note is not None and note.isVisibleTo(page)
    assert "report" in note.text()  # where it can still be seen
    again = show_again(window)
    assert again.isVisibleTo(page) and again.accessibleName()
    assert window.focusWidget() is again  # one more Space brings it straight back
    qtbot.keyClick(again, Qt.Key.Key_Space)
    assert review_shown(window)
    assert not note.isVisibleTo(page)

    # Ctrl+Z undoes the hide too
    hide = review_card(window).findChild(QPushButton, "trial-review-hide")
    qtbot.mouseClick(hide, Qt.MouseButton.LeftButton)
    assert not review_shown(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review_shown(window)
    assert window.focusWidget() is review_card(window).findChild(QPushButton, "trial-review-hide")


def test_under_the_pseudo_locale_the_hidden_note_is_wrapped(pseudo, make_window, clock, dialogs):
    from stenosis_coach.i18n import is_pseudo_wrapped

    window = make_window()
    programme(window, clock, weeks=13)
    page = window.show_page("today")
    review_card(window).findChild(QPushButton, "trial-review-hide").click()
    note = page.findChild(QLabel, "trial-review-hidden")
    again = show_again(window)
    for text in (note.text(), again.text(), again.accessibleName()):
        assert is_pseudo_wrapped(text), text
