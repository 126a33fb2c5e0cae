"""No page scrolls sideways at 1024 px with extra-large text: rows of buttons go on to a
second line and side-by-side parts stack, rather than push words out of sight. The Report
page also in the pseudo-locale, whose words are longer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QScrollArea

from stenosis_coach.core.settings import TextSize
from stenosis_coach.services.coach import Coach

PAGES = ["today", "walk", "exercises", "progress", "report", "settings", "therapist"]


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def sideways(window, kind: type[QAbstractScrollArea] = QScrollArea) -> list[tuple[str, int]]:
    """Each shown scroll area (of ``kind``: also lists and text views) that scrolls
    sideways, and by how much."""
    return [
        (area.objectName() or type(area).__name__, area.horizontalScrollBar().maximum())
        for area in window.findChildren(kind)
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0
    ]


def open_at(window, key: str, width: int = 1024):
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(width, 700)
    page = window.show_page(key)
    settle()
    return page


@pytest.mark.parametrize("key", PAGES)
def test_no_page_scrolls_sideways_at_extra_large_text(window, key):
    open_at(window, key)
    assert sideways(window) == []


def test_the_report_does_not_scroll_sideways_in_the_pseudo_locale(
    pseudo, paths, clock, make_window
):
    """A year of history fills page 1's preview: it wraps to its box too."""
    with Coach.open(paths, clock=clock) as coach:
        coach.fill_demo(52, 7)
    window = make_window()
    open_at(window, "report")
    assert sideways(window, QAbstractScrollArea) == []


def left_of(window, widget) -> QPoint:
    return widget.mapTo(window, QPoint(0, 0))


def test_the_reports_range_goes_on_to_a_second_line_rather_than_scroll(window):
    """ "From [date] to [date]" wraps between its halves where the page is narrow: each
    word stays before its own date box, in reading order."""
    page = open_at(window, "report", width=900)
    assert sideways(window, QAbstractScrollArea) == []
    words = {w.text(): w for w in page.findChildren(QLabel) if w.text() in ("From", "to")}
    first, last = (left_of(window, w) for w in (page.first, page.last))
    start, to = (left_of(window, words[w]) for w in ("From", "to"))
    assert last.y() > first.y()  # "to [date]" on the second line
    assert start.x() < first.x() and to.x() < last.x()
    assert abs(to.y() - last.y()) < page.last.height() and abs(start.y() - first.y()) < (
        page.first.height()
    )
