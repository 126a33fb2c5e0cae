"""Progress as Margaret (72, extra-large text, a 1024x700 screen) sees it (issue 14, a
tester's findings): the page opens at its top, "Is it working?" first; the dates under the
plot are drawn whole, the last month too; lists wrap their words, never cut them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from stenosis_coach.core.daily import TreatmentEvent, TreatmentKind
from stenosis_coach.core.settings import TextSize
from stenosis_coach.services.walks import import_diary

FIXTURES = Path(__file__).parents[1] / "fixtures"
CTRL = Qt.KeyboardModifier.ControlModifier
SIZES = [(1024, 700), (1280, 800)]


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def twelve_weeks_and_treatments(window, clock) -> None:
    """The tester's Progress: 12 weeks of walks and four treatments, one with a long note."""
    clock.advance(29 * 24 * 3600)  # Tue 31 Mar 2026, after the diary's last walk
    coach = window.context.coach
    import_diary(coach.database, FIXTURES / "diary-programme-12-weeks.csv", clock.now())
    today = coach.today_date()
    for days, kind, note in (
        (70, TreatmentKind.PT_START, "Physiotherapy: flexion and walking, twice a week"),
        (45, TreatmentKind.EPIDURAL_INJECTION, "Epidural steroid injection"),
        (20, TreatmentKind.MEDICATION_CHANGE, "Stopped prescription pain pills"),
        (10, TreatmentKind.EPIDURAL_INJECTION, ""),
    ):
        event = TreatmentEvent(today - timedelta(days=days), kind, note)
        window.context.announce(coach.add_treatment(event))
    window.context.data_changed.emit()


def extra_large(window, size: tuple[int, int] = (1024, 700)) -> None:
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(*size)
    window.activateWindow()


def area_of(widget) -> QAbstractScrollArea:
    parent = widget.parentWidget()
    while not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def on_screen(area: QAbstractScrollArea, widget) -> QRect:
    """``widget``'s rectangle in the scroll area's viewport."""
    return QRect(widget.mapTo(area.viewport(), QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", SIZES)
def test_progress_opens_at_its_top_by_page_key_and_by_click(window, qtbot, clock, size):
    twelve_weeks_and_treatments(window, clock)
    extra_large(window, size)
    qtbot.waitUntil(window.isActiveWindow)
    page = window.page("progress")
    area = area_of(page)
    for how in ("click", "key"):  # the first time by click, then the key (from the top)
        window.show_page("today")
        window.nav_button("today").setFocus()
        if how == "key":
            number = window.page_keys().index("progress") + 1
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key(Qt.Key.Key_0 + number), CTRL)
        else:
            window.nav_button("progress").click()
        settle()
        shown = area.viewport().rect()
        assert area.verticalScrollBar().value() == 0, how
        for widget in (page.title, page.verdict_card.title_label, page.verdict_heading):
            assert shown.contains(on_screen(area, widget)), (how, widget)
        if how == "key":  # the focus is in view, on the verdict: read first, Tab goes on
            focused = QApplication.focusWidget()
            assert focused is page.verdict_heading
            assert focused.accessibleName().startswith("Is it working?")
            assert shown.contains(on_screen(area, focused))
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is page.view_buttons[0]
            assert area.viewport().rect().contains(on_screen(area, page.view_buttons[0]))


@pytest.mark.parametrize("size", SIZES)
def test_nothing_on_progress_passes_its_right_edge(window, clock, size):
    twelve_weeks_and_treatments(window, clock)
    extra_large(window, size)
    page = window.show_page("progress")
    settle()
    area = area_of(page)
    assert area.horizontalScrollBar().maximum() == 0
    for card in (page.verdict_card, page.outcomes_card, page.log_card, page.treat_card):
        assert on_screen(area, card).right() <= area.viewport().width(), card.accessibleName()


def drawn_dates(axis) -> list[tuple[object, str]]:
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect, text) for rect, _flags, text in texts]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("contrast", [False, True])
def test_every_date_under_the_plot_is_drawn_whole(window, clock, size, contrast):
    twelve_weeks_and_treatments(window, clock)
    extra_large(window, size)
    window.context.update_settings(high_contrast=contrast)
    page = window.show_page("progress")
    view = page.plot.widget
    for button in page.range_buttons:
        button.click()
        settle()
        axis = page.plot.plot_item.getAxis("bottom")
        drawn = drawn_dates(axis)
        assert len(drawn) >= 2, button.text()
        inside = view.viewport().rect()
        for rect, text in drawn:
            scene = axis.mapRectToScene(rect)
            where = view.mapFromScene(scene).boundingRect()
            assert inside.contains(where), (button.text(), text, where, inside)
        box = view.mapFromScene(page.plot.plot_item.getViewBox().sceneBoundingRect())
        assert inside.contains(box.boundingRect().adjusted(1, 1, -1, -1)), button.text()


def test_treatments_wrap_their_words_never_cut_them(window, clock):
    twelve_weeks_and_treatments(window, clock)
    extra_large(window)
    page = window.show_page("progress")
    settle()
    for listing in (page.treatments, page.logs):
        assert listing.horizontalScrollBar().maximum() == 0
        room = listing.viewport().width()
        for row in range(listing.count()):
            item = listing.item(row)
            rect = listing.visualItemRect(item)
            assert rect.left() >= 0 and rect.right() <= room, item.text()
    long = next(
        listing_row
        for listing_row in range(page.treatments.count())
        if "twice a week" in page.treatments.item(listing_row).text()
    )
    item = page.treatments.item(long)
    line = page.treatments.fontMetrics().lineSpacing()
    assert page.treatments.visualItemRect(item).height() >= 2 * line  # on two lines at least
    assert page.treatments.textElideMode() == Qt.TextElideMode.ElideNone


def test_the_treatments_list_shows_every_entry_without_its_own_scrolling(window, clock):
    twelve_weeks_and_treatments(window, clock)
    extra_large(window)
    page = window.show_page("progress")
    settle()
    listing = page.treatments
    assert listing.count() == 4
    assert listing.verticalScrollBar().maximum() == 0
    for row in range(listing.count()):
        rect = listing.visualItemRect(listing.item(row))
        assert listing.viewport().rect().contains(rect), listing.item(row).text()
