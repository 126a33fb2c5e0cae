"""One plot at a time with a clear title (UI.md "Progress"), drawn with pyqtgraph.

Curves are created once and only their data changes (``setData``); a range change only
moves the x range. Colours are Okabe-Ito, lines >= 3 px, markers >= 9 px with a different
shape per series. The series are named in a key under the plot (names at the points ran
into each other: "per week" over "this week so far"), with the marker each is drawn with.

Read as a person would (issue 12): dates under the plot are "4 May" or "May", spaced so
they never overlap at any text size; the y axis never rescales itself to "(x0.001)" and a
single point gets a range around it; the week still under way is drawn apart ("this week
so far", open marker, dashed) instead of as a drop; the mouse wheel scrolls the page.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QGraphicsGridLayout,
    QGraphicsItem,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from stenosis_coach import i18n
from stenosis_coach.core.progress import series as s
from stenosis_coach.core.words import day_text
from stenosis_coach.i18n import N_, _, ngettext
from stenosis_coach.services.progress import ProgressData
from stenosis_coach.ui.progress.plot_words import (
    SHOW,
    KeyEntry,
    Numbers,
    PlotNumbers,
    key_html,
    key_words,
    value_text,
)
from stenosis_coach.ui.theme import Palette
from stenosis_coach.ui.widgets import label

WEEKLY = ("training_per_week", "sessions.walks", "sessions.routines")  # done, one a week
SO_FAR = N_("this week so far")  # translated where shown, as every word of a View
HOVER_HINT = N_("Point at a dot to see its value, or use “Show the numbers” below.")
DENSE_POINTS = 400  # above this, a line series is drawn without markers
BLUE, VERMILION, GREEN, PURPLE = "#0072B2", "#D55E00", "#009E73", "#CC79A7"
ORANGE, SKY = "#E69F00", "#56B4E9"  # used instead of blue and vermilion on black


@dataclass(frozen=True)
class CurveStyle:
    name: str  # the name in the key, marked N_: shown as _(name)
    colour: str
    dark_colour: str
    symbol: str | None
    line: bool
    dotted: bool = False  # what was planned: a dotted line, no markers (DESIGN 5.7)


@dataclass(frozen=True)
class YScale:
    """A y axis from 0 (minutes, ratings and counts are never negative) up to at least
    ``least_top``, and at least ``room`` above the highest value: a one-second difference
    between tests is not a steep climb, and a marker at the top is not cut."""

    least_top: float
    room: float
    fixed: bool = False  # the whole scale always (pain 0 to 10)
    bottom: float = 0  # the questionnaire's scores start at 1


MINUTES = YScale(least_top=5, room=2)  # a few minutes above the longest walk
RATING = YScale(least_top=10, room=0, fixed=True)
COUNT = YScale(least_top=4, room=1)
SCORE = YScale(least_top=5, room=0, fixed=True, bottom=1)  # the ZCQ: 1 to 5 (Stucki 1996)


@dataclass(frozen=True)
class View:
    """One plot. Its words are held in English (marked ``N_``) and given translated by
    the properties (``button``, ``title``, ...), so whoever shows them does not
    translate them again."""

    key: str
    button_words: str
    title_words: str
    y_label_words: str
    empty_words: str
    curves: tuple[tuple[str, CurveStyle], ...]  # (ProgressData path, style)
    scale: YScale = MINUTES
    first_column_words: str = N_("Date")  # of the numbers' table ("Week of": weekly)
    notes: str | None = None  # ProgressData's lines said beside the plot (translated)
    source: str | None = None  # ProgressData's citation of the plot's source (translated)

    @property
    def button(self) -> str:
        return _(self.button_words)

    @property
    def title(self) -> str:
        return _(self.title_words)

    @property
    def y_label(self) -> str:
        return _(self.y_label_words)

    @property
    def empty(self) -> str:
        return _(self.empty_words)

    @property
    def first_column(self) -> str:
        return _(self.first_column_words)


VIEWS = (
    View(
        "walking",
        N_("Walking tests"),
        N_("Minutes walked before symptoms, from your walking tests"),
        N_("minutes"),
        N_("No walking tests yet. Your first walk is a walking test."),
        (
            ("tolerance", CurveStyle(N_("tests"), BLUE, SKY, "o", False)),
            (
                "tolerance_median",
                CurveStyle(N_("median of last 3"), VERMILION, ORANGE, None, True),
            ),
        ),
    ),
    View(
        "training",
        N_("Training walks"),
        N_("Minutes of training walks, each week"),
        N_("minutes"),
        N_("No training walks yet."),
        (("training_per_week", CurveStyle(N_("per week"), GREEN, GREEN, "s", True)),),
        MINUTES,
        N_("Week of"),
    ),
    View(
        "pain",
        N_("Pain"),
        N_("Leg and back pain from your daily log (0 to 10)"),
        N_("0 to 10"),
        N_("No daily logs yet. Log a day from this page."),
        (
            ("pain.leg", CurveStyle(N_("leg"), BLUE, SKY, "o", True)),
            ("pain.back", CurveStyle(N_("back"), VERMILION, ORANGE, "s", True)),
            ("pain.numbness", CurveStyle(N_("numbness"), PURPLE, PURPLE, "t", False)),
        ),
        RATING,
    ),
    View(
        "medication",
        N_("Medication"),
        N_("Pain-medication doses each day"),
        N_("doses"),
        N_("No medication logged yet."),
        (("medication", CurveStyle(N_("doses"), PURPLE, PURPLE, "d", True)),),
        COUNT,
    ),
    View(
        "standing",
        N_("Standing"),
        N_("Minutes standing before symptoms (standing tests)"),
        N_("minutes"),
        N_("No standing tests yet. Do one from the daily log."),
        (("standing", CurveStyle(N_("standing"), BLUE, SKY, "o", True)),),
    ),
    View(
        "sessions",
        N_("Sessions"),
        N_("Walks and routines each week: done and planned"),
        N_("sessions"),
        N_("No sessions yet."),
        (  # done solid with filled markers, planned dotted in the same colour (DESIGN 5.7)
            ("sessions.walks", CurveStyle(N_("walks done"), BLUE, SKY, "o", True)),
            (
                "sessions.walks_planned",
                CurveStyle(N_("walks planned"), BLUE, SKY, None, True, dotted=True),
            ),
            ("sessions.routines", CurveStyle(N_("routines done"), GREEN, GREEN, "s", True)),
            (
                "sessions.routines_planned",
                CurveStyle(N_("routines planned"), GREEN, GREEN, None, True, dotted=True),
            ),
        ),
        COUNT,
        N_("Week of"),
        notes="adherence_lines",
    ),
    View(
        "zcq",
        N_("Questionnaire"),
        N_("Your questionnaire: symptoms and what you can do (lower is better)"),
        N_("score (lower is better)"),
        N_("No questionnaire yet. “Answer the questionnaire now” is below."),
        (
            ("zcq.symptoms", CurveStyle(N_("symptoms, 1 to 5"), BLUE, SKY, "o", True)),
            (
                "zcq.function",
                CurveStyle(N_("what you can do, 1 to 4"), VERMILION, ORANGE, "s", True),
            ),
        ),
        SCORE,
        notes="zcq_lines",
        source="zcq_source",
    ),
)


# ---- dates under a plot ----------------------------------------------------------------

# (unit, count): a tick every day, every 2 days, every Monday, ... every 10 years.
TICK_STEPS = (
    ("day", 1),
    ("day", 2),
    ("week", 1),
    ("week", 2),
    ("month", 1),
    ("month", 2),
    ("month", 3),
    ("month", 6),
    ("year", 1),
    ("year", 2),
    ("year", 5),
    ("year", 10),
)
EDGE_PAD = 0.015  # of the x range, each side
FILL_LIMIT = 0.75  # labels cover at most this share of the axis (pyqtgraph drops > 0.8)


def _local_day(x: float, tz: tzinfo | None) -> date:
    return datetime.fromtimestamp(x, tz).date()


def _tick_days(unit: str, n: int, first: date, last: date) -> list[date]:
    """The days of one step's ticks in ``[first, last]``, aligned so that moving the
    range does not move them (even days, even weeks, months 1, 4, 7, 10, ...)."""
    if unit == "day":
        return [
            first + timedelta(days=i)
            for i in range((last - first).days + 1)
            if (first + timedelta(days=i)).toordinal() % n == 0
        ]
    if unit == "week":
        start = first + timedelta(days=(7 - first.weekday()) % 7)  # the first Monday
        weeks = range(0, (last - start).days // 7 + 1) if start <= last else range(0)
        days = [start + timedelta(weeks=w) for w in weeks]
        return [d for d in days if (d.toordinal() // 7) % n == 0]
    months = 12 * n if unit == "year" else n
    found = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        day = date(year, month, 1)
        if day >= first and ((year * 12 + month - 1) % months == 0):
            found.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _tick_count(unit: str, n: int, first: date, last: date) -> int:
    """About how many ticks a step puts in ``[first, last]`` (without making them)."""
    days = (last - first).days + 1
    per = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
    return days // per


def _date_text(day: date, skeleton: str) -> str:
    """``day`` as the user's locale writes ``skeleton``; the source English keeps the
    three-letter "Sep" the app says everywhere (CLDR's en_GB writes "Sept")."""
    return _locale_date_text(i18n.language(), day, skeleton)


@lru_cache(maxsize=4096)  # an axis is laid out again at each paint: the same days
def _locale_date_text(language: str, day: date, skeleton: str) -> str:
    text = i18n.date_text(day, skeleton)
    return text.replace("Sept", "Sep") if language == i18n.SOURCE_LOCALE else text


def _tick_text(unit: str, day: date) -> str:
    """A date under the plot: "4 May" (a day or a week), "May" ("Jan 2027" in January),
    or the year, the user's way."""
    if unit in ("day", "week"):
        return _date_text(day, "MMMd")
    if unit == "month":
        return _date_text(day, "yMMM") if day.month == 1 else _date_text(day, "MMM")
    return _date_text(day, "y")


def _months(language: str) -> list[str]:
    """The locale's short month names, as a tick says them."""
    return [_locale_date_text(language, date(2001, m, 1), "MMM") for m in range(1, 13)]


def date_ticks(
    x_min: float,
    x_max: float,
    pixels: float,
    width_of: Callable[[str], float],
    tz: tzinfo | None = None,
) -> list[tuple[float, str]]:
    """Ticks ``(x, text)`` for a date axis ``pixels`` long over POSIX seconds: the finest
    step (a day, a week, a month, a year, ...) whose labels, measured by ``width_of``,
    leave a gap of two digits between them and fill at most :data:`FILL_LIMIT` of the
    axis. Ticks sit on local noon, where the points of days and weeks are drawn."""
    if x_max <= x_min or pixels <= 0:
        return []
    per_second = pixels / (x_max - x_min)
    first, last = _local_day(x_min, tz), _local_day(x_max, tz)
    gap = width_of("00")
    # No label is narrower than a month's name: skip steps that cannot fit unmeasured.
    shortest = min(width_of(month) for month in _months(i18n.language()))
    fallback: list[tuple[float, str]] = []
    for unit, n in TICK_STEPS:
        if _tick_count(unit, n, first, last) * (shortest + gap) > pixels:
            continue
        ticks = [
            (s.noon_x(day, tz), _tick_text(unit, day))
            for day in _tick_days(unit, n, first, last)
            if x_min <= s.noon_x(day, tz) <= x_max
        ]
        if not ticks:
            continue
        widths = [width_of(text) for _x, text in ticks]
        if sum(widths) > FILL_LIMIT * pixels:
            fallback = fallback or ticks[len(ticks) // 2 : len(ticks) // 2 + 1]
            continue
        fits = all(
            (b[0] - a[0]) * per_second >= (wa + wb) / 2 + gap
            for a, b, wa, wb in zip(ticks, ticks[1:], widths, widths[1:], strict=False)
        )
        if fits:
            return ticks
        fallback = fallback or ticks[len(ticks) // 2 : len(ticks) // 2 + 1]
    return fallback


class DateAxis(pg.AxisItem):
    """A bottom axis of dates from :func:`date_ticks`, measured with its own tick font."""

    def __init__(self, tz: tzinfo | None = None) -> None:
        super().__init__("bottom")
        self.enableAutoSIPrefix(False)
        self._tz = tz
        self._texts: dict[float, str] = {}

    def _width(self, text: str) -> float:
        font = self.style.get("tickFont") or QFont()
        if getattr(self, "_metrics_font", None) != font:
            self._metrics_font, self._metrics = QFont(font), QFontMetrics(font)
        return self._metrics.horizontalAdvance(text)

    def tickValues(self, minVal, maxVal, size):
        ticks = date_ticks(minVal, maxVal, size, self._width, self._tz)
        self._texts = dict(ticks)
        return [(86400.0, [x for x, _text in ticks])]

    def tickStrings(self, values, scale, spacing):
        return [self._texts.get(x, "") for x in values]


MARGIN = 0.03  # of the y span, below 0 and above the top: markers there are drawn whole


def y_range(ys: Sequence[float], scale: YScale = MINUTES) -> tuple[float, float]:
    """The y range of :class:`YScale` ``scale`` over ``ys``: from 0 to the larger of
    ``least_top`` and the highest value plus ``room`` (a tenth more for large values), so
    the axis has real ticks (never "(x0.001)") and equal heights mean equal minutes."""
    high = max(ys, default=0.0)
    top = float(scale.least_top)
    if not scale.fixed:
        top = max(top, high + max(scale.room, 0.1 * high))
    margin = (top - scale.bottom) * MARGIN
    return scale.bottom - margin, top + margin


class PlotArea(pg.GraphicsWidget):
    """What a plot draws in its view: the curves' box, a y axis on its left and the dates
    under it, and only that. pyqtgraph's ``PlotItem`` also builds, at each start, an options
    menu of some forty widgets and a context menu the page never shows (ranges come from
    big buttons): a fifth of the Progress page's open time on ten years (issue 14). The
    names are pyqtgraph's (``getViewBox``, ``getAxis``, ``items``, ...)."""

    GRID_ALPHA = 0.25  # of the y grid's lines

    def __init__(self, bottom: pg.AxisItem) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.vb = pg.ViewBox(parent=self, enableMouse=False, enableMenu=False)
        self.vb.disableAutoRange()  # the ranges are always set: no pass over the data
        self.items: list[QGraphicsItem] = []
        left = pg.AxisItem("left", parent=self)
        self.axes = {"left": left, "bottom": bottom}
        layout = QGraphicsGridLayout()
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        self.setLayout(layout)
        layout.addItem(left, 0, 0)
        layout.addItem(self.vb, 0, 1)
        layout.addItem(bottom, 1, 1)
        for axis in (left, bottom):
            axis.linkToView(self.vb)
            axis.enableAutoSIPrefix(False)
            axis.setZValue(0.5)  # over the curves' box, under what draws on the axes
            axis.setFlag(QGraphicsItem.GraphicsItemFlag.ItemNegativeZStacksBehindParent)
        for index in range(2):
            layout.setRowStretchFactor(index, 1)
            layout.setColumnStretchFactor(index, 1)
        layout.setRowStretchFactor(0, 100)  # the box takes the room the axes leave
        layout.setColumnStretchFactor(1, 100)
        left.setGrid(int(self.GRID_ALPHA * 255))  # level lines across: values read off

    def getViewBox(self) -> pg.ViewBox:
        return self.vb

    def getAxis(self, name: str) -> pg.AxisItem:
        return self.axes[name]

    def setLabel(self, name: str, text: str) -> None:
        self.axes[name].setLabel(text)

    def addItem(self, item: QGraphicsItem) -> None:
        self.items.append(item)
        self.vb.addItem(item)

    def removeItem(self, item: QGraphicsItem) -> None:
        if item in self.items:
            self.items.remove(item)
            self.vb.removeItem(item)

    def setXRange(self, low: float, high: float, padding: float | None = None) -> None:
        self.vb.setXRange(low, high, padding=padding)

    def setYRange(self, low: float, high: float, padding: float | None = None) -> None:
        self.vb.setYRange(low, high, padding=padding)


class PlotView(pg.GraphicsView):
    """A plot that never zooms or pans: the ranges come from big buttons, and the mouse
    wheel scrolls the page it sits on, as it does everywhere else."""

    def __init__(self, bottom: pg.AxisItem) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot_item = PlotArea(bottom)
        self.setCentralItem(self.plot_item)

    def getPlotItem(self) -> PlotArea:
        return self.plot_item

    def resizeEvent(self, ev) -> None:
        """The plot fills the part of the view inside its border (pyqtgraph sizes it to
        the whole widget: the focus ring's border then cut the last date, "Dec", and the
        right and bottom edge of the plot by its width)."""
        if self.closed:
            return
        inside = self.viewport().size()
        self.range = QRectF(0, 0, inside.width(), inside.height())
        pg.GraphicsView.setRange(self, self.range, padding=0, disableAutoPixel=False)
        self.updateMatrix()

    def wheelEvent(self, ev: QWheelEvent) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is None:
            ev.ignore()
            return
        QApplication.sendEvent(parent.verticalScrollBar(), ev)


def no_si_prefix(plot_item: pg.PlotItem) -> None:
    """Axes that say "2" rather than "2 k" (the report's plot, a plain PlotItem)."""
    for name in ("left", "bottom"):
        plot_item.getAxis(name).enableAutoSIPrefix(False)


LABEL_TOP = 0.95  # where a treatment's number sits on its line (0 bottom, 1 top)


def stagger_numbers(plot_item: PlotArea | pg.PlotItem, lines: Sequence[pg.InfiniteLine]) -> None:
    """Treatment numbers that would touch go one below the other: each visible line's
    number takes the highest row where it clears the numbers already there (a gap of half
    a number's width), so "3" and "4" a month apart on a 3-year axis never read "34"."""
    box = plot_item.getViewBox()
    (x0, x1), _ys = box.viewRange()
    width, height = box.width(), box.height()
    if width <= 0 or height <= 0 or x1 <= x0:
        return
    rows: list[float] = []  # per row, the right edge (px) of its last number
    for line in sorted((ln for ln in lines if ln.isVisible()), key=lambda ln: ln.value()):
        size = line.label.boundingRect()
        centre = (line.value() - x0) / (x1 - x0) * width
        left = centre - size.width() / 2
        gap = size.width() / 2
        row = next((i for i, right in enumerate(rows) if right + gap <= left), len(rows))
        if row == len(rows):
            rows.append(0.0)
        rows[row] = centre + size.width() / 2
        line.label.setPosition(max(0.05, LABEL_TOP - row * (size.height() + 2) / height))


def pick(data: ProgressData, path: str) -> s.Series:
    item = data
    for part in path.split("."):
        item = getattr(item, part)
    return item


class ProgressPlot(QWidget):
    """A titled plot of one :class:`View`, with treatment markers, a key below it, hover
    text, and "Show the numbers" (every value, by keyboard and screen reader)."""

    def __init__(self, palette: Palette, body_pt: int = 15) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = label("", "section-title")
        layout.addWidget(self.title)
        self.axis = DateAxis()
        self.widget = PlotView(self.axis)  # no zoom, pan or menu: ranges from big buttons
        self.widget.setMinimumHeight(340)
        self.widget.setAccessibleName(_("Plot"))
        self.plot_item = self.widget.getPlotItem()
        layout.addWidget(self.widget)
        # The series' names, in a line of their own under the plot: never on the points.
        self.key = label("", "secondary")
        self.key.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.key)
        # A view's own words beside it (the questionnaire: its change judged, its source).
        self.notes = label("")
        self.notes.setVisible(False)
        layout.addWidget(self.notes)
        self.source = label("", "secondary")
        self.source.setVisible(False)
        layout.addWidget(self.source)
        self.legend = label("", "secondary")  # the numbered treatment markers
        layout.addWidget(self.legend)
        self.hover = label(_(HOVER_HINT), "secondary")
        layout.addWidget(self.hover)
        self.empty = label("", "secondary")
        layout.addWidget(self.empty)
        self.show_numbers = PlotNumbers()
        self.show_numbers.set_source(self._numbers)
        self.numbers_button = self.show_numbers.button
        layout.addWidget(self.show_numbers)
        self._curves: dict[str, tuple[pg.PlotDataItem, CurveStyle]] = {}
        # The week still under way, drawn apart from the whole weeks' line.
        self.partial: dict[str, pg.PlotDataItem] = {}
        self._x_range: tuple[float, float] | None = None
        self._markers: list[pg.InfiniteLine] = []
        self._data: ProgressData | None = None
        self._stale: set[str] = set()
        self.view = VIEWS[0]
        self.apply_palette(palette, body_pt)
        self._add_curves(self.view)  # the other views' curves when first shown
        self.widget.scene().sigMouseMoved.connect(self._moved)
        self.plot_item.getViewBox().sigResized.connect(
            lambda _box: stagger_numbers(self.plot_item, self._markers)
        )

    def _add_curves(self, view: View) -> None:
        """The curves of ``view``, made the first time it is shown (a plot item is costly
        to make; most people look at one or two views), filled when shown."""
        for path, style in view.curves:
            if path in self._curves:
                continue
            item = pg.PlotDataItem()
            self.plot_item.addItem(item)
            self._curves[path] = (item, style)
            self._stale.add(path)
            if path in WEEKLY:
                so_far = pg.PlotDataItem()
                self.plot_item.addItem(so_far)
                self.partial[path] = so_far

    @property
    def numbers(self) -> QTableWidget:
        """The table of "Show the numbers" (made when first asked for)."""
        return self.show_numbers.table

    def apply_palette(self, palette: Palette, body_pt: int = 15) -> None:
        self._dark = palette.background == "#000000"
        self.widget.setBackground(palette.card)
        font = QFont()
        font.setPointSize(max(11, body_pt - 2))
        height = QFontMetrics(font).height()
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen(palette.text, width=1))
            axis.setTextPen(pg.mkPen(palette.text))
            axis.setStyle(tickFont=font)
            axis.label.setFont(font)
        # Room for the dates under the plot at every text size.
        self.plot_item.getAxis("bottom").setHeight(round(height * 1.8))
        self.plot_item.getAxis("left").setWidth(round(height * 3.2))
        self._text_colour = palette.text
        self._card_colour = palette.card
        for path in getattr(self, "_curves", {}):
            self._stale.add(path)
        if getattr(self, "_data", None) is not None:
            self.show_view(self.view)

    def _colour(self, style: CurveStyle) -> str:
        return style.dark_colour if self._dark else style.colour

    def _style(self, item: pg.PlotDataItem, style: CurveStyle, points: int = 0) -> None:
        colour = self._colour(style)
        # Hundreds of daily markers are clutter, and slow: dense series are drawn as lines.
        dense = points > DENSE_POINTS and style.line
        dots = Qt.PenStyle.DotLine if style.dotted else Qt.PenStyle.SolidLine
        item.setPen(pg.mkPen(colour, width=3, style=dots) if style.line else None)
        item.setSymbol(None if dense else style.symbol)
        item.setSymbolSize(11)
        item.setSymbolBrush(pg.mkBrush(colour))
        item.setSymbolPen(pg.mkPen(colour))

    def _style_so_far(self, path: str, style: CurveStyle) -> None:
        """The week under way: dashed, with an open marker — not a whole week."""
        colour = self._colour(style)
        so_far = self.partial[path]
        so_far.setPen(pg.mkPen(colour, width=3, style=Qt.PenStyle.DashLine))
        so_far.setSymbol(style.symbol)
        so_far.setSymbolSize(11)
        so_far.setSymbolPen(pg.mkPen(colour, width=2))

    def set_data(self, data: ProgressData) -> None:
        """New data: the visible view's curves are filled now, the others when shown."""
        self._data = data
        self._stale = set(self._curves)
        for line in self._markers:
            self.plot_item.removeItem(line)
        self._markers = []
        for number, marker in enumerate(data.markers, start=1):
            # A short number on the line (names of treatments close together would collide);
            # the names and dates are listed under the plot.
            line = pg.InfiniteLine(
                pos=marker.x,
                angle=90,
                movable=False,
                pen=pg.mkPen(self._text_colour, width=2, style=Qt.PenStyle.DashLine),
                label=str(number),
                labelOpts={
                    "position": LABEL_TOP,
                    "color": self._text_colour,
                    "fill": pg.mkBrush(self._card_colour),
                },
            )
            self.plot_item.addItem(line)
            line.setZValue(line.zValue() + 1)  # over the curves, made before or after it
            self._markers.append(line)
        treatments = " · ".join(  # each its own item, a dot between them
            _("{number} {treatment}, {day}").format(
                number=n, treatment=m.label, day=day_text(m.day, data.today)
            )
            for n, m in enumerate(data.markers, start=1)
        )
        self.legend.setText(
            _("Treatments (dashed lines): {treatments}").format(treatments=treatments)
            if data.markers
            else ""
        )
        self.legend.setVisible(bool(data.markers))
        self.show_view(self.view)

    def _so_far(self, path: str) -> bool:
        """Whether ``path``'s last point is the week still under way."""
        if path not in WEEKLY or self._data is None:
            return False
        points = pick(self._data, path).points
        return bool(points) and points[-1].day == s.monday(self._data.today)

    def _fill(self, path: str) -> None:
        item, style = self._curves[path]
        series = pick(self._data, path)
        self._style(item, style, len(series.points))
        points = list(series.points)
        partial = self._so_far(path)
        whole = points[:-1] if partial else points
        item.setData([p.x for p in whole], [p.y for p in whole])
        if path in self.partial:
            self._style_so_far(path, style)
            shown = points[-2:] if partial else []
            colour = self._colour(style)
            # The whole week keeps its filled marker; this week's is open.
            brushes = [pg.mkBrush(colour)] * (len(shown) - 1) + [pg.mkBrush(self._card_colour)]
            self.partial[path].setData(
                [p.x for p in shown], [p.y for p in shown], symbolBrush=brushes if shown else None
            )
        self._stale.discard(path)

    def show_view(self, view: View) -> None:
        self.view = view
        self._add_curves(view)
        if self._data is not None:
            for path, _style in view.curves:
                if path in self._stale:
                    self._fill(path)
        self.title.setText(view.title)
        self.plot_item.setLabel("left", view.y_label)
        visible = {path for path, _style in view.curves}
        any_points = False
        for path, (item, _style) in self._curves.items():
            shown = path in visible
            item.setVisible(shown)
            if path in self.partial:
                self.partial[path].setVisible(shown and self._so_far(path))
            if shown and self._data is not None:
                any_points = any_points or bool(pick(self._data, path).points)
        self.empty.setText("" if any_points else view.empty)
        self.empty.setVisible(not any_points)
        self._show_key(any_points)
        notes = getattr(self._data, view.notes, []) if view.notes and self._data else []
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        source = getattr(self._data, view.source, "") if view.source and self._data else ""
        self.source.setText(source if notes else "")
        self.source.setVisible(bool(notes and source))
        self.widget.setAccessibleName(_("Plot: {title}").format(title=view.title))
        self._describe()
        self.show_numbers.refresh()

    def _show_key(self, any_points: bool) -> None:
        entries = []
        for path, style in self.view.curves:
            colour = self._colour(style)
            entries.append(
                KeyEntry(_(style.name), colour, style.symbol, style.line, dotted=style.dotted)
            )
            if path in self.partial and self._so_far(path):
                entries.append(KeyEntry(_(SO_FAR), colour, style.symbol, True, open=True))
        self.key.setText(key_html(entries))
        self.key.setAccessibleName(key_words(entries))
        self.key.setVisible(any_points)

    def set_range(self, x_min: float, x_max: float) -> None:
        self._x_range = (x_min, x_max)
        # A little room each side: a point on the first or last day is drawn whole.
        self.plot_item.setXRange(x_min, x_max, padding=EDGE_PAD)
        # Treatment numbers outside the range would sit on the plot's edge.
        for line, marker in zip(
            self._markers, self._data.markers if self._data else (), strict=False
        ):
            line.setVisible(x_min <= marker.x <= x_max)
        stagger_numbers(self.plot_item, self._markers)
        self._fit_y()
        self._describe()
        self.show_numbers.refresh()

    def _in_view(self, path: str) -> list[s.Point]:
        if self._data is None or self._x_range is None:
            return []
        x_min, x_max = self._x_range
        return [p for p in pick(self._data, path).points if x_min <= p.x <= x_max]

    def _fit_y(self) -> None:
        """The y range of what is visible now (see :func:`y_range`)."""
        if self._data is None or self._x_range is None:
            return
        ys = [p.y for path, _style in self.view.curves for p in self._in_view(path)]
        self.plot_item.setYRange(*y_range(ys, self.view.scale), padding=0)

    def _describe(self) -> None:
        """What a screen reader says of the plot: how many values, and where to read them."""
        count = sum(len(self._in_view(path)) for path, _style in self.view.curves)
        said = (
            ngettext(
                "{title}: {count} value in this range. {show} lists them.",
                "{title}: {count} values in this range. {show} lists them.",
                count,
            )
            if count
            else _("{title}: no values in this range. {show} lists them.")
        )
        self.widget.setAccessibleDescription(
            said.format(title=self.view.title, count=count, show=_(SHOW))
        )

    def _numbers(self) -> Numbers:
        """The points in view for "Show the numbers", the week under way marked."""
        columns = []
        for path, style in self.view.curves:
            points = self._in_view(path)
            last = pick(self._data, path).points[-1] if self._so_far(path) else None
            columns.append(
                (_(style.name), [(p.day, so_far(value_text(p), p is last)) for p in points])
            )
        today = self._data.today if self._data is not None else None
        return Numbers(self.view.title, self.view.first_column, columns, today)

    def visible_xs(self) -> list[float]:
        if self._data is None:
            return []
        return [x for path, _style in self.view.curves for x in pick(self._data, path).xs]

    def _moved(self, position: QPointF) -> None:
        if self._data is None or not self.plot_item.sceneBoundingRect().contains(position):
            return
        box = self.plot_item.getViewBox()
        at = box.mapSceneToView(position)
        px, py = box.viewPixelSize()  # view units per screen pixel
        if not px or not py:
            return
        best, best_d = None, 24.0  # pixels: near enough to a point to name it
        for path, _style in self.view.curves:
            points = pick(self._data, path).points  # sorted by x
            lo = bisect_left(points, at.x() - best_d * px, key=lambda p: p.x)
            for point in points[lo:]:
                dx = (point.x - at.x()) / px
                if dx > best_d:
                    break
                distance = abs(dx) + abs(point.y - at.y()) / py
                if distance < best_d:
                    best, best_d = point, distance
        if best is not None:
            partial = any(
                self._so_far(path) and pick(self._data, path).points[-1] is best
                for path, _style in self.view.curves
            )
            self.hover.setText(so_far(point_text(best, self._data.today), partial))


def so_far(text: str, partial: bool) -> str:
    """A value of the week under way says so: "45:00 min (this week so far)"."""
    return _("{value} (this week so far)").format(value=text) if partial else text


def point_text(point: s.Point, today: date) -> str:
    """A point's hover text with its date said the one way (the year when not this year)."""
    return point.text.replace(day_text(point.day), day_text(point.day, today), 1)
