"""Progress plots read right (issue 12): a single test has a real axis, dates never
overlap at any text size, the unfinished week is not a drop, and the wheel scrolls the page."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from stenosis_coach.core.progress.series import noon_x
from stenosis_coach.core.settings import TextSize
from stenosis_coach.services.walks import import_diary

FIXTURES = Path(__file__).parents[1] / "fixtures"
HEADER = "date,kind,time_to_symptoms_min,total_walk_min,rests,peak_leg_pain,next_day_flare,"
HEADER += "distance_m,notes"


def import_rows(window, tmp_path: Path, rows: list[str]) -> None:
    diary = tmp_path / "diary.csv"
    diary.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    import_diary(window.context.coach.database, diary, window.context.clock.now())
    window.context.data_changed.emit()


def drawn_labels(axis) -> list[tuple[object, str]]:
    """The tick labels the axis paints, with their rectangles (pyqtgraph's own draw specs:
    what it leaves out for lack of room is not here)."""
    QApplication.processEvents()
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect, text) for rect, _flags, text in texts]


def test_a_single_short_walking_test_has_a_real_axis(window, tmp_path):
    import_rows(window, tmp_path, ["2026-02-27,test,0.4,0.4,,5,,,"])
    page = window.show_page("progress")
    left = page.plot.plot_item.getAxis("left")
    assert "(x" not in left.labelString()  # not "minutes (x0.001)"
    low, high = page.plot.plot_item.getViewBox().viewRange()[1]
    assert low <= 0.4 <= high and high - low >= 1
    labels = [text for _rect, text in drawn_labels(left)]
    assert len(labels) >= 2, labels


@pytest.mark.parametrize("size", list(TextSize))
def test_date_labels_are_readable_and_never_overlap(window, size):
    import_diary(
        window.context.coach.database,
        FIXTURES / "diary-programme-12-weeks.csv",
        datetime(2026, 4, 1, tzinfo=window.context.clock.now().tzinfo),
    )
    window.context.data_changed.emit()
    window.context.update_settings(text_size=size)
    page = window.show_page("progress")
    bottom = page.plot.plot_item.getAxis("bottom")
    for button in page.range_buttons:
        button.click()
        drawn = sorted(drawn_labels(bottom), key=lambda r: r[0].left())
        assert len(drawn) >= 2, (size, button.text())
        for (rect, text), (after, _) in pairwise(drawn):
            assert rect.right() < after.left(), (size, button.text(), text)
        for _rect, text in drawn:  # "4 May" or "May", never a bare "04"
            assert re.search(r"[A-Za-z]", text), (size, button.text(), text)


def test_this_week_so_far_is_drawn_apart_not_as_a_drop(window, clock, tmp_path):
    clock.advance(2 * 24 * 3600)  # Wed 4 Mar 2026: the week of Mon 2 Mar is not over
    import_rows(
        window,
        tmp_path,
        [
            "2026-02-17,training,,20,0,3,,,",
            "2026-02-24,training,,20,0,3,,,",
            "2026-02-26,training,,20,0,3,,,",
            "2026-03-03,training,,5,0,3,,,",
        ],
    )
    page = window.show_page("progress")
    page.view_buttons[1].click()  # training walks, minutes each week
    line, _style = page.plot._curves["training_per_week"]
    xs, ys = line.getData()
    assert xs[-1] == noon_x(date(2026, 2, 23)) and ys[-1] == 40  # the last whole week
    item = page.plot.partial["training_per_week"]
    xs, ys = item.getData()
    assert xs[-1] == noon_x(date(2026, 3, 2)) and ys[-1] == 5
    assert item.isVisible() and "this week so far" in page.plot.key.text()  # in the key
    box = page.plot.plot_item.getViewBox()
    page.plot._moved(box.mapViewToScene(QPointF(xs[-1], ys[-1])))  # the pointer on it
    assert page.plot.hover.text().endswith("(this week so far)")
    clock.advance(7 * 24 * 3600)  # a week later it is a whole week like the others
    window.context.data_changed.emit()
    xs, ys = line.getData()
    assert xs[-1] == noon_x(date(2026, 3, 2)) and ys[-1] == 5


def scroll_area_of(widget) -> QAbstractScrollArea:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    assert parent is not None
    return parent


def test_the_wheel_over_a_plot_scrolls_the_page(window):
    import_diary(
        window.context.coach.database,
        FIXTURES / "diary-programme-12-weeks.csv",
        datetime(2026, 4, 1, tzinfo=window.context.clock.now().tzinfo),
    )
    window.context.data_changed.emit()
    page = window.show_page("progress")
    QApplication.processEvents()
    area = scroll_area_of(page.plot)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    box = page.plot.plot_item.getViewBox()
    before = box.viewRange()
    viewport = page.plot.widget.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),  # one notch towards the user: down the page
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert bar.value() > 0  # the page moved
    assert box.viewRange() == before  # the plot did not zoom or pan


def test_every_day_of_a_week_is_named_once(window):
    """Ticks sit on days (local noon), where the points are."""
    from stenosis_coach.ui.progress.plot import date_ticks

    first = noon_x(date(2026, 3, 2)) - 12 * 3600
    last = noon_x(date(2026, 3, 8)) + 12 * 3600
    ticks = date_ticks(first, last, 2000, lambda text: 10 * len(text))
    assert [text for _x, text in ticks] == [f"{d} Mar" for d in range(2, 9)]
    assert [x for x, _text in ticks] == [
        noon_x(date(2026, 3, 2) + timedelta(days=n)) for n in range(7)
    ]


def test_the_reports_plot_has_the_same_readable_axes(qtbot):
    """The PDF's plot of a single 0.4-minute test: real ticks, no "(x0.001)", dates apart."""
    from fractions import Fraction

    from stenosis_coach.core.progress.series import HALF_DAY_S, Point, Series
    from stenosis_coach.core.report.model import PlotData
    from stenosis_coach.ui.report.render import report_plot

    day = date(2026, 2, 27)
    point = Point(noon_x(day), 0.4, day, Fraction(2, 5), "tolerance")
    plot = PlotData(
        "Minutes walked before symptoms",
        Series("tolerance", (point,)),
        Series("tolerance_median", (point,)),
        (),
        (noon_x(day - timedelta(days=27)) - HALF_DAY_S, noon_x(day) + HALF_DAY_S),
        "",
    )
    view, item = report_plot(plot)
    qtbot.addWidget(view)
    left, bottom = item.getAxis("left"), item.getAxis("bottom")
    assert "(x" not in left.labelString()
    assert len(drawn_labels(left)) >= 2
    dates = sorted(drawn_labels(bottom), key=lambda r: r[0].left())
    assert len(dates) >= 2
    for (rect, text), (after, _) in pairwise(dates):
        assert rect.right() < after.left(), text
