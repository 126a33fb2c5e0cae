"""One plot at a time with a clear title (UI.md "Progress"), drawn with pyqtgraph.

Curves are created once and only their data changes (``setData``); a range change only
moves the x range. Colours are Okabe-Ito, lines >= 3 px, markers >= 9 px with a different
shape per series, and each series is named at its last point instead of in a legend.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

from stenosis_coach.core.progress import series as s
from stenosis_coach.core.words import day_text
from stenosis_coach.services.progress import ProgressData
from stenosis_coach.ui.theme import Palette
from stenosis_coach.ui.widgets import label

DENSE_POINTS = 400  # above this, a line series is drawn without markers
BLUE, VERMILION, GREEN, PURPLE = "#0072B2", "#D55E00", "#009E73", "#CC79A7"
ORANGE, SKY = "#E69F00", "#56B4E9"  # used instead of blue and vermilion on black


@dataclass(frozen=True)
class CurveStyle:
    name: str  # the direct label
    colour: str
    dark_colour: str
    symbol: str | None
    line: bool


@dataclass(frozen=True)
class View:
    key: str
    button: str
    title: str
    y_label: str
    empty: str
    curves: tuple[tuple[str, CurveStyle], ...]  # (ProgressData path, style)


VIEWS = (
    View(
        "walking",
        "Walking tests",
        "Minutes walked before symptoms, from your walking tests",
        "minutes",
        "No walking tests yet. Your first walk is a walking test.",
        (
            ("tolerance", CurveStyle("tests", BLUE, SKY, "o", False)),
            ("tolerance_median", CurveStyle("median of last 3", VERMILION, ORANGE, None, True)),
        ),
    ),
    View(
        "training",
        "Training walks",
        "Minutes of training walks, each week",
        "minutes",
        "No training walks yet.",
        (("training_per_week", CurveStyle("per week", GREEN, GREEN, "s", True)),),
    ),
    View(
        "pain",
        "Pain",
        "Leg and back pain from your daily log (0 to 10)",
        "0 to 10",
        "No daily logs yet. Log a day from this page.",
        (
            ("pain.leg", CurveStyle("leg", BLUE, SKY, "o", True)),
            ("pain.back", CurveStyle("back", VERMILION, ORANGE, "s", True)),
            ("pain.numbness", CurveStyle("numbness", PURPLE, PURPLE, "t", False)),
        ),
    ),
    View(
        "medication",
        "Medication",
        "Pain-medication doses each day",
        "doses",
        "No medication logged yet.",
        (("medication", CurveStyle("doses", PURPLE, PURPLE, "d", True)),),
    ),
    View(
        "standing",
        "Standing",
        "Minutes standing before symptoms (standing tests)",
        "minutes",
        "No standing tests yet. Do one from the daily log.",
        (("standing", CurveStyle("standing", BLUE, SKY, "o", True)),),
    ),
    View(
        "sessions",
        "Sessions",
        "Walks and routines each week",
        "sessions",
        "No sessions yet.",
        (
            ("adherence.walks", CurveStyle("walks", BLUE, SKY, "o", True)),
            ("adherence.routines", CurveStyle("routines", GREEN, GREEN, "s", True)),
        ),
    ),
)


def pick(data: ProgressData, path: str) -> s.Series:
    item = data
    for part in path.split("."):
        item = getattr(item, part)
    return item


class ProgressPlot(QWidget):
    """A titled plot of one :class:`View`, with treatment markers and hover text."""

    def __init__(self, palette: Palette, body_pt: int = 15) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = label("", "section-title")
        layout.addWidget(self.title)
        self.axis = pg.DateAxisItem(orientation="bottom")
        self.widget = pg.PlotWidget(axisItems={"bottom": self.axis})
        self.widget.setMinimumHeight(340)
        self.widget.setMenuEnabled(False)
        self.widget.setMouseEnabled(x=False, y=False)  # ranges come from big buttons
        self.widget.hideButtons()
        self.widget.setAccessibleName("Progress plot")
        self.plot_item = self.widget.getPlotItem()
        self.plot_item.showGrid(x=False, y=True, alpha=0.25)
        layout.addWidget(self.widget)
        self.hover = label("Move the pointer over a point to see its value.", "secondary")
        layout.addWidget(self.hover)
        self.legend = label("", "secondary")  # the numbered treatment markers
        layout.addWidget(self.legend)
        self.empty = label("", "secondary")
        layout.addWidget(self.empty)
        self._curves: dict[str, tuple[pg.PlotDataItem, pg.TextItem, CurveStyle]] = {}
        self._markers: list[pg.InfiniteLine] = []
        self._data: ProgressData | None = None
        self._stale: set[str] = set()
        self.view = VIEWS[0]
        self.apply_palette(palette, body_pt)
        for view in VIEWS:
            for index, (path, style) in enumerate(view.curves):
                item = pg.PlotDataItem()
                # The name sits at the series' last point: the first above it, the next
                # below, the third further up, so names of one plot never overlap.
                anchor = ((1, 1.3), (1, -0.3), (1, 2.4))[index % 3]
                text = pg.TextItem(style.name, anchor=anchor)
                self.plot_item.addItem(item)
                self.plot_item.addItem(text)
                self._curves[path] = (item, text, style)
        self.widget.scene().sigMouseMoved.connect(self._moved)

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

    def _style(
        self, item: pg.PlotDataItem, text: pg.TextItem, style: CurveStyle, points: int = 0
    ) -> None:
        colour = style.dark_colour if self._dark else style.colour
        # Hundreds of daily markers are clutter, and slow: dense series are drawn as lines.
        dense = points > DENSE_POINTS and style.line
        item.setPen(pg.mkPen(colour, width=3) if style.line else None)
        item.setSymbol(None if dense else style.symbol)
        item.setSymbolSize(11)
        item.setSymbolBrush(pg.mkBrush(colour))
        item.setSymbolPen(pg.mkPen(colour))
        text.setColor(colour)

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
                    "position": 0.95,
                    "color": self._text_colour,
                    "fill": pg.mkBrush(self._card_colour),
                },
            )
            self.plot_item.addItem(line)
            self._markers.append(line)
        self.legend.setText(
            "Treatments: "
            + " · ".join(
                f"{n} {m.label}, {day_text(m.day)} {m.day.year}"
                for n, m in enumerate(data.markers, start=1)
            )
            if data.markers
            else ""
        )
        self.legend.setVisible(bool(data.markers))
        self.show_view(self.view)

    def _fill(self, path: str) -> None:
        item, text, style = self._curves[path]
        series = pick(self._data, path)
        self._style(item, text, style, len(series.points))
        item.setData(series.xs, series.ys)
        if series.points:
            last = series.points[-1]
            text.setPos(last.x, last.y)
        self._stale.discard(path)

    def show_view(self, view: View) -> None:
        self.view = view
        if self._data is not None:
            for path, _style in view.curves:
                if path in self._stale:
                    self._fill(path)
        self.title.setText(view.title)
        self.plot_item.setLabel("left", view.y_label)
        visible = {path for path, _style in view.curves}
        any_points = False
        for path, (item, text, _style) in self._curves.items():
            shown = path in visible
            item.setVisible(shown)
            text.setVisible(shown)
            if shown and self._data is not None:
                any_points = any_points or bool(pick(self._data, path).points)
        self.empty.setText("" if any_points else view.empty)
        self.empty.setVisible(not any_points)
        self.widget.setAccessibleDescription(view.title)

    def set_range(self, x_min: float, x_max: float) -> None:
        self.plot_item.setXRange(x_min, x_max, padding=0)
        self.plot_item.enableAutoRange(axis="y")

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
            self.hover.setText(best.text)
