"""One way for every table and list in the app (walks, daily logs, treatments, exercises,
the therapist's routines and steps): Tab goes on to the buttons after it, never cell by
cell; the arrow keys move from row to row; a whole row is chosen, one at a time.

UI.md: every action reachable by keyboard. A table that keeps Tab (Qt's default for
tables) hides "Correct…" and "Delete" below it from someone using only the keyboard.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionHeaderV2,
    QTableView,
    QWidget,
)

View = TypeVar("View", bound=QAbstractItemView)


def rows_view(view: View) -> View:
    """Set ``view`` up as a list of rows to choose from (see the module's words)."""
    view.setTabKeyNavigation(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


class WrappingHeader(QHeaderView):
    """A horizontal header whose words go on to more lines when its column is narrower than
    them, instead of being cut ("Re…"): each title is shown whole, at any text size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def title(self, logical: int) -> str:
        model = self.model()
        if model is None:
            return ""
        return str(model.headerData(logical, self.orientation()) or "")

    def metrics(self) -> QFontMetrics:
        """As Qt measures a title: in bold (a highlighted column's title is bold)."""
        font = QFont(self.font())
        font.setBold(True)
        return QFontMetrics(font)

    def padding(self, logical: int) -> int:
        """What the style adds around a title's words (margins, a sort arrow)."""
        whole = super().sectionSizeFromContents(logical).width()
        return max(0, whole - self.metrics().horizontalAdvance(self.title(logical)))

    def narrowest(self, logical: int) -> int:
        """The narrowest the column may be: its longest word, whole."""
        metrics = self.metrics()
        words = self.title(logical).split() or [""]
        return max(metrics.horizontalAdvance(word) for word in words) + self.padding(logical)

    def widest(self, logical: int) -> int:
        """The title on one line."""
        return super().sectionSizeFromContents(logical).width()

    def lines(self, logical: int, width: int) -> str:
        """The title broken into lines that fit ``width`` (with the padding), at spaces."""
        return wrapped(self.title(logical), self.metrics(), width - self.padding(logical))

    def sectionSizeFromContents(self, logical: int) -> QSize:
        size = super().sectionSizeFromContents(logical)
        if self.model() is None or self.isSectionHidden(logical):
            return size
        count = self.lines(logical, self.sectionSize(logical)).count("\n") + 1
        extra = (count - 1) * self.metrics().lineSpacing()
        return QSize(size.width(), size.height() + extra)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if not rect.isValid():
            return
        option = QStyleOptionHeaderV2()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, logical)
        option.rect = rect
        option.text = self.lines(logical, rect.width())
        option.textElideMode = Qt.TextElideMode.ElideNone
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()


def wrapped(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` with its spaces turned into line breaks where a line would pass ``width``
    (a word longer than ``width`` keeps its own line, whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def two_lines_width(text: str, metrics: QFontMetrics) -> int:
    """The narrowest ``text`` can be on at most two lines, broken at a space:
    ``"Sun 22 Feb 2026"`` -> the width of ``"Sun 22 Feb"``."""
    words = text.split()
    best = metrics.horizontalAdvance(" ".join(words))
    for cut in range(1, len(words)):
        first = metrics.horizontalAdvance(" ".join(words[:cut]))
        second = metrics.horizontalAdvance(" ".join(words[cut:]))
        best = min(best, max(first, second))
    return best


class SharedColumns(QObject):
    """Columns that share the table's width (installed by :func:`fit_columns`).

    Each column is as wide as its widest cell and title when the table has room; when it
    has not, each gives up width down to what its words need on two lines (titles go on to
    more lines if they must, cells to a second line, every row two lines tall), so that
    every column shows whole, side by side, without a sideways scroll. Recomputed when the
    rows change or the table is resized; the words are measured once per change of rows.
    """

    SAMPLE_ROWS = 1000  # rows measured (the texts of a column are alike, as in Qt's own)

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._header = WrappingHeader(view)
        view.setHorizontalHeader(self._header)
        self._header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._header.setStretchLastSection(False)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._measured: list[tuple[int, int]] | None = None  # (narrowest, widest) each
        self._one_line = view.verticalHeader().defaultSectionSize()  # the style's
        self._viewport = view.viewport()  # compared, never called, in eventFilter
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)
        self._model: QAbstractItemModel | None = None
        self.watch(view.model())

    def watch(self, model: QAbstractItemModel | None) -> None:
        """Follow ``model``'s rows (call again after ``setModel``)."""
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
            model.headerDataChanged,
        ):
            signal.connect(self._rows_changed)
        self._rows_changed()

    def _rows_changed(self, *_args) -> None:
        self._measured = None
        self.fit()

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if watched is self._viewport:
            if kind == QEvent.Type.Resize:
                self.fit()
        elif kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._measured = None  # the text size changed: the words are measured again
            self.fit()
        return False

    def _measure(self) -> list[tuple[int, int]]:
        view, model = self._view, self._view.model()
        metrics = view.fontMetrics()
        rows = min(model.rowCount(), self.SAMPLE_ROWS)
        found = []
        for column in range(model.columnCount()):
            texts = [str(model.index(row, column).data() or "") for row in range(rows)]
            cell_widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            cell_word = max((two_lines_width(t, metrics) for t in set(texts)), default=0)
            # The cell's margins (the style's, and the grid line), as Qt measures a cell.
            hint = view.sizeHintForColumn(column) if rows else 0
            pad = max(0, hint - cell_widest) if rows else 0
            narrowest = max(cell_word + pad if rows else 0, self._header.narrowest(column))
            widest = max(hint, self._header.widest(column), narrowest)
            found.append((narrowest, widest))
        return found

    def fit(self) -> None:
        view, header = self._view, self._header
        model = view.model()
        if model is None or model.columnCount() == 0:
            return
        if self._measured is None:
            self._measured = self._measure()
        measured = self._measured
        room = view.viewport().width()
        narrowest = sum(low for low, _high in measured)
        widest = sum(high for _low, high in measured)
        if widest <= room:
            widths = [high for _low, high in measured]
            widths[-1] += room - widest  # the last column takes what is left
        elif narrowest >= room:
            widths = [low for low, _high in measured]
        else:  # share: each column gets back a part of what it gave up
            spare = room - narrowest
            give = widest - narrowest
            widths = [low + (high - low) * spare // give for low, high in measured]
            widths[-1] += room - sum(widths)
        for column, width in enumerate(widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        # Every row as tall as its words: two lines each when a column gave up width
        # (one height for all rows: thousands of rows are not measured one by one).
        lines = 1 if widest <= room else 2
        rows = view.verticalHeader()
        wanted = max(self._one_line, lines * view.fontMetrics().lineSpacing() + 2 * ROW_MARGIN)
        if rows.defaultSectionSize() != wanted:
            rows.setDefaultSectionSize(wanted)
        header.updateGeometry()
        header.viewport().update()


ROW_MARGIN = 4  # px above and below a row's words


def fit_columns(view: QTableView) -> SharedColumns:
    """Make ``view``'s columns share its width (see :class:`SharedColumns`)."""
    return SharedColumns(view)
