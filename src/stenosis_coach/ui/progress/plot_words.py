"""What a plot says in words (issue 12): the key under it, and its numbers as a table.

The key names each series with the marker it is drawn with, in a line of its own below the
plot, so names never sit on the points or on each other ("per week" and "this week so far"
smeared into one another at the plot's right edge). "Show the numbers" lists every point in
view as a table: the keyboard and a screen reader reach every value, not only a pointer.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stenosis_coach.core.progress import series as s
from stenosis_coach.core.words import day_text
from stenosis_coach.i18n import N_, PSEUDO_CLOSE, PSEUDO_OPEN, _
from stenosis_coach.ui.tables import rows_view
from stenosis_coach.ui.widgets import button, button_row, label

FILLED = {"o": "●", "s": "■", "t": "▼", "d": "◆"}  # pyqtgraph's symbols, as glyphs
OPEN = {"o": "○", "s": "□", "t": "▽", "d": "◇"}
# A marker in words: (filled, the week under way's open one on a dashed line); N_: shown _().
SHAPE_WORDS = {
    "o": (N_("dots"), N_("open dot, dashed line")),
    "s": (N_("squares"), N_("open square, dashed line")),
    "t": (N_("triangles"), N_("open triangle, dashed line")),
    "d": (N_("diamonds"), N_("open diamond, dashed line")),
}
LINE = "━━"
DASHED = "╍╍"
DOTTED = "┈┈"
SHOW, HIDE = N_("Show the numbers"), N_("Hide the numbers")


@dataclass(frozen=True)
class KeyEntry:
    name: str  # "per week"
    colour: str
    symbol: str | None  # pyqtgraph's symbol, None for a line alone
    line: bool
    open: bool = False  # the week under way: an open marker on a dashed line
    dotted: bool = False  # what was planned: a dotted line alone


def _glyph(entry: KeyEntry) -> str:
    if entry.symbol is None:
        return DOTTED if entry.dotted else DASHED if entry.open else LINE
    return (OPEN if entry.open else FILLED)[entry.symbol]


def _shape_words(entry: KeyEntry) -> str:
    if entry.symbol is None:
        if entry.dotted:
            return _("a dotted line")
        return _("a dashed line") if entry.open else _("a line")
    filled, open_ = SHAPE_WORDS[entry.symbol]
    return _(open_) if entry.open else _(filled)


def key_html(entries: Sequence[KeyEntry]) -> str:
    """The key as rich text: each name after its marker, in the series' colour; a line
    breaks between entries, never inside one ("walks" at a line's end, "planned" on the
    next, read as two entries)."""
    return "&nbsp;&nbsp;&nbsp; ".join(
        f'<span style="white-space:nowrap"><span style="color:{e.colour}">{_glyph(e)}</span>'
        f"&nbsp;{html.escape(e.name)}</span>"
        for e in entries
    )


def key_words(entries: Sequence[KeyEntry]) -> str:
    """The key for a screen reader: "Key: tests, dots; median of last 3, a line"."""
    said = "; ".join(  # each series its own item
        # Translators: one entry of a plot's key read aloud: the series' name, then how
        # its points are drawn ("Walking tests, dots").
        _("{series}, {marker}").format(series=e.name, marker=_shape_words(e))
        for e in entries
    )
    return _("Key: {series}").format(series=said)


def value_text(point: s.Point) -> str:
    """A point's value without its date: "6:40 min before symptoms" (still one translated
    message in the pseudo-locale: "⟦6:40 min before symptoms⟧")."""
    text = point.text
    wrapped = text.startswith(PSEUDO_OPEN) and text.endswith(PSEUDO_CLOSE)
    inner = text[1:-1] if wrapped else text
    _day, _colon, value = inner.partition(": ")
    value = value or inner
    return f"{PSEUDO_OPEN}{value}{PSEUDO_CLOSE}" if wrapped else value


def _capital(name: str) -> str:
    """``name`` with its first letter a capital, as a column header starts."""
    at = next((i for i, char in enumerate(name) if char.isalpha()), 0)
    return name[:at] + name[at : at + 1].upper() + name[at + 1 :]


@dataclass(frozen=True)
class Numbers:
    """What a plot shows now, for its table."""

    title: str
    first_header: str  # "Date", or "Week of" for weekly series
    columns: list[tuple[str, list[tuple[date, str]]]]  # (series name, [(day, value)])
    today: date | None  # dates in another year carry it


class PlotNumbers(QWidget):
    """ "Show the numbers": a button and, under it, a table of the points in view, one row
    a day (or week), newest first, one column a series. Filled only while it is shown."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.button = button(_(SHOW), _(SHOW))
        self.button.clicked.connect(self.toggle)
        self._layout.addLayout(button_row(self.button))
        # The table (a score of Qt widgets with its headers) is made when first asked for.
        self._table: QTableWidget | None = None
        self.none = label(_("No values in this range."), "secondary")
        self.none.setVisible(False)
        self._layout.addWidget(self.none)
        self._source: Callable[[], Numbers] = lambda: Numbers("", _("Date"), [], None)

    @property
    def table(self) -> QTableWidget:
        """The table of the numbers, under the button and next after it with Tab."""
        if self._table is None:
            table = rows_view(QTableWidget())
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.setWordWrap(True)
            table.setMinimumHeight(260)
            table.setAccessibleName(_("The numbers of the plot, newest first"))
            table.setVisible(False)
            self._layout.insertWidget(1, table)
            QWidget.setTabOrder(self.button, table)
            self._table = table
        return self._table

    def set_source(self, source: Callable[[], Numbers]) -> None:
        """``source()`` gives what is in view now; asked at each :meth:`refresh` while shown."""
        self._source = source

    @property
    def shown(self) -> bool:
        return self._table is not None and not self._table.isHidden()

    def toggle(self) -> None:
        showing = not self.shown
        self.table.setVisible(showing)
        words = _(HIDE) if showing else _(SHOW)
        self.button.setText(words)
        self.button.setAccessibleName(words)
        if showing:
            self.refresh()
        else:
            self.none.setVisible(False)

    def refresh(self) -> None:
        if not self.shown:
            return
        now = self._source()
        columns = now.columns
        days: dict[date, list[str]] = {}
        for index, (_name, values) in enumerate(columns):
            for day, text in values:
                days.setdefault(day, [""] * len(columns))[index] = text
        table = self.table
        table.setUpdatesEnabled(False)
        table.clear()
        table.setColumnCount(1 + len(columns))
        table.setHorizontalHeaderLabels(
            [now.first_header] + [_capital(name) for name, _values in columns]
        )
        table.setRowCount(len(days))
        for row, day in enumerate(sorted(days, reverse=True)):
            cells = [day_text(day, now.today), *days[day]]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(row, column, item)
        # The date as wide as it needs, the values the rest: less wrapping at large text.
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()
        table.setUpdatesEnabled(True)
        table.setAccessibleName(
            _("The numbers of the plot: {title}, newest first").format(title=now.title)
        )
        self.none.setVisible(not days)
