"""The walks table on the Walk page fits the default window at extra-large text: every
column's header is shown whole, no column is cut at the right, nothing scrolls sideways
(a tester found "Re…" and a sideways scroll bar)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from stenosis_coach.core.settings import TextSize
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.ui.hosts import coach_of

DEFAULT_SIZE = (1180, 820)  # the window's size on a first start


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def some_walks(window, clock) -> None:
    coach = coach_of(window.context)
    today = coach.today_date()
    forms = [
        WalkForm(
            WalkKind.TEST, today - timedelta(days=9), "12.5", "6.5", rests="0", peak_leg_pain=4
        ),
        WalkForm(
            WalkKind.TRAINING, today - timedelta(days=8), "18", "", rests="3", peak_leg_pain=10
        ),
        WalkForm(
            WalkKind.TRAINING, today - timedelta(days=1), "45", "30", rests="12", peak_leg_pain=7
        ),
    ]
    for form in forms:
        window.context.announce(coach.log_walk(form))


def shown_whole(text: str, metrics, width: int, height: int) -> bool:
    """``text`` fits a box ``width`` x ``height`` when broken at spaces (no word cut)."""
    needed = metrics.boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, text)
    return needed.width() <= width and needed.height() <= height


def headers_cut(table) -> list[str]:
    """The column titles not shown whole: cut at the right of the table, or not fitting
    their section (Qt would elide them, "Re…")."""
    header = table.horizontalHeader()
    model = table.model()
    bold = QFont(header.font())
    bold.setBold(True)  # a chosen column's title is bold: it must fit too
    metrics = QFontMetrics(bold)
    cut = []
    for column in range(model.columnCount()):
        title = str(model.headerData(column, header.orientation()))
        # the style's padding around the words (4 px 8 px, a border)
        padding = header.sectionSizeFromContents(column).width()
        padding -= metrics.horizontalAdvance(title)
        inside = header.sectionSize(column) - padding
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        if (
            header.isSectionHidden(column)
            or right > table.viewport().width()
            or not shown_whole(title, metrics, inside, header.height() - 8)
        ):
            cut.append(title)
    return cut


def test_every_column_of_the_walks_table_shows_whole_at_extra_large_text(window, clock):
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(*DEFAULT_SIZE)
    some_walks(window, clock)
    page = window.show_page("walk")
    settle()
    table = page.table
    assert page.model.rowCount() == 3
    assert headers_cut(table) == []
    header = table.horizontalHeader()
    # Every column ends inside the table's visible part: nothing to scroll sideways to.
    assert table.horizontalScrollBar().maximum() == 0
    assert header.length() <= table.viewport().width()
    # Every cell's words show whole in its column and its row (no "…", no cut line).
    metrics = table.fontMetrics()
    model = page.model
    for row in range(model.rowCount()):
        height = table.rowHeight(row)
        for column in range(model.columnCount()):
            text = model.data(model.index(row, column))
            width = header.sectionSize(column) - 9  # the cell's margins and the grid line
            assert shown_whole(text, metrics, width, height), (text, width, height)
