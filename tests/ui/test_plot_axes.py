"""Progress plots and the report's plot tell the truth at a glance (issue 12, H12 item 1):
minutes and ratings are drawn from 0, so a one-second difference is not a steep climb; the
series' names sit in a legend below the plot and never overlap; every value can be read
with the keyboard and a screen reader, not only by pointing at it."""

from __future__ import annotations

import re
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

from pyqtgraph import TextItem
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from stenosis_coach.core.daily import DailyLog
from stenosis_coach.core.progress.series import HALF_DAY_S, Point, Series, noon_x
from stenosis_coach.services import daily
from stenosis_coach.services.walks import import_diary

HEADER = "date,kind,time_to_symptoms_min,total_walk_min,rests,peak_leg_pain,next_day_flare,"
HEADER += "distance_m,notes"


def import_rows(window, tmp_path: Path, rows: list[str]) -> None:
    diary = tmp_path / "diary.csv"
    diary.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    import_diary(window.context.coach.database, diary, window.context.clock.now())
    window.context.data_changed.emit()


def y_view(page) -> tuple[float, float]:
    low, high = page.plot.plot_item.getViewBox().viewRange()[1]
    return low, high


# Three walking tests a second apart: 6:38, 6:39 and 6:40 min (the clock is Mon 2 Mar 2026).
CLOSE_TESTS = [
    "2026-02-10,test,6.6333,8,0,3,,,",
    "2026-02-17,test,6.65,8,0,3,,,",
    "2026-02-24,test,6.6667,8,0,3,,,",
]


def test_minutes_are_drawn_from_zero_with_room_above(window, tmp_path):
    import_rows(window, tmp_path, CLOSE_TESTS)
    page = window.show_page("progress")
    for button in page.range_buttons:  # 4 weeks, 12 weeks, all
        button.click()
        low, high = y_view(page)
        assert -0.5 <= low <= 0, button.text()  # from 0 (a marker on 0 is drawn whole)
        assert high >= 6.6667 + 2, button.text()  # a few minutes above the highest
        assert high <= 15, button.text()  # ... and not so far that the points are lost


def test_a_long_training_week_still_has_the_axis_from_zero(window, tmp_path):
    import_rows(window, tmp_path, [f"2026-02-{d:02d},training,,30,0,3,,," for d in (9, 16, 23)])
    page = window.show_page("progress")
    page.view_buttons[1].click()  # training minutes each week: 30 a week
    low, high = y_view(page)
    assert -1.5 <= low <= 0 and high >= 32


def test_pain_is_drawn_on_its_whole_0_to_10_scale(window):
    now = window.context.clock.now()
    for n in range(5):
        log = DailyLog(date(2026, 2, 20) + timedelta(days=n), leg_pain=3 + n % 2, back_pain=4)
        daily.save_log(window.context.coach.database, log, now)
    window.context.data_changed.emit()
    page = window.show_page("progress")
    page.view_buttons[2].click()
    for button in page.range_buttons:
        button.click()
        low, high = y_view(page)
        assert -0.5 <= low <= 0 and 10 <= high <= 10.5, button.text()


def test_series_names_sit_in_a_legend_below_the_plot_and_never_overlap(window, clock, tmp_path):
    clock.advance(2 * 24 * 3600)  # Wed 4 Mar: the week of Mon 2 Mar is under way
    import_rows(
        window,
        tmp_path,
        [
            "2026-02-17,training,,20,0,3,,,",
            "2026-02-24,training,,20,0,3,,,",
            "2026-03-03,training,,5,0,3,,,",
        ],
    )
    page = window.show_page("progress")
    page.view_buttons[1].click()
    QApplication.processEvents()
    plot = page.plot
    # No words drawn inside the plot, where "per week" and "this week so far" smeared.
    texts = [i for i in plot.plot_item.items if isinstance(i, TextItem) and i.isVisible()]
    assert texts == []
    legend = plot.key
    assert legend.isVisible()
    words = legend.text()
    assert "per week" in words and "this week so far" in words
    # Below the plot, in the page's own layout: nothing can draw over it.
    plot_bottom = plot.widget.mapTo(plot, QPoint(0, plot.widget.height())).y()
    assert legend.mapTo(plot, QPoint(0, 0)).y() >= plot_bottom
    assert legend.accessibleName().startswith("Key:")
    page.view_buttons[0].click()  # walking tests: its own names
    assert "median of last 3" in plot.key.text() and "per week" not in plot.key.text()


def test_every_value_can_be_read_with_the_keyboard(window, tmp_path):
    import_rows(window, tmp_path, ["2025-12-10,test,3.0833,5,0,3,,,", *CLOSE_TESTS])
    page = window.show_page("progress")
    page.range_buttons[2].click()  # all: back into last year
    plot = page.plot
    assert "Minutes walked before symptoms" in plot.widget.accessibleName()
    show = plot.numbers_button
    assert show.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not plot.numbers.isVisible()
    show.setFocus()
    QApplication.processEvents()
    QTest.keyClick(show, Qt.Key.Key_Space)
    numbers = plot.numbers
    assert numbers.isVisible() and numbers.accessibleName()
    assert show.text().startswith("Hide")
    headers = [numbers.horizontalHeaderItem(c).text() for c in range(numbers.columnCount())]
    assert headers == ["Date", "Tests", "Median of last 3"]
    rows = [
        [numbers.item(r, c).text() for c in range(numbers.columnCount())]
        for r in range(numbers.rowCount())
    ]
    assert rows[0][0] == "Tue 24 Feb"  # newest first; this year: no year
    assert rows[0][1] == "6:40 min before symptoms"
    assert rows[-1][0] == "Wed 10 Dec 2025"  # last year: with its year
    assert rows[-1][1] == "3:05 min before symptoms"
    page.range_buttons[0].click()  # 4 weeks: the table follows the plot
    assert numbers.rowCount() == 3  # not last December's test
    QTest.keyClick(show, Qt.Key.Key_Space)
    assert not numbers.isVisible() and show.text().startswith("Show")


def test_the_reports_plot_starts_at_zero_too(qtbot):
    from stenosis_coach.core.report.model import PlotData
    from stenosis_coach.ui.report.render import report_plot

    days = [date(2026, 2, 10), date(2026, 2, 17), date(2026, 2, 24)]
    points = tuple(
        Point(noon_x(d), 6.6 + i / 60, d, Fraction(396 + i, 60), "tolerance")
        for i, d in enumerate(days)
    )
    plot = PlotData(
        "Minutes walked before symptoms",
        Series("tolerance", points),
        Series("tolerance_median", points),
        (),
        (noon_x(days[0]) - HALF_DAY_S, noon_x(days[-1]) + HALF_DAY_S),
        "",
    )
    view, item = report_plot(plot)
    qtbot.addWidget(view)
    low, high = item.getViewBox().viewRange()[1]
    assert -0.5 <= low <= 0 and high >= 6.64 + 2


def test_lists_on_progress_give_the_year_only_when_it_is_not_this_year(window):
    from stenosis_coach.core.daily import TreatmentEvent, TreatmentKind

    now = window.context.clock.now()  # Mon 2 Mar 2026
    for day in (date(2023, 12, 10), date(2026, 2, 20)):
        daily.save_log(window.context.coach.database, DailyLog(day, leg_pain=3), now)
        daily.add_treatment(
            window.context.coach.database,
            TreatmentEvent(day, TreatmentKind.EPIDURAL_INJECTION),
            now,
        )
    window.context.data_changed.emit()
    page = window.show_page("progress")
    logs = [page.logs.item(r).text() for r in range(page.logs.count())]
    assert logs[0].startswith("Fri 20 Feb:") and logs[1].startswith("Sun 10 Dec 2023:")
    treatments = [page.treatments.item(r).text() for r in range(page.treatments.count())]
    assert treatments[0].startswith("Fri 20 Feb:")
    assert treatments[1].startswith("Sun 10 Dec 2023:")
    said = page.verdict_extra.text()  # the lines under the verdict say them the same way
    assert "injection on Sun 10 Dec 2023:" in said and "injection on Fri 20 Feb:" in said


def test_treatment_numbers_close_together_never_overlap(window, tmp_path):
    from stenosis_coach.core.daily import TreatmentEvent, TreatmentKind

    import_rows(window, tmp_path, ["2023-12-10,test,3,5,0,3,,,", *CLOSE_TESTS])
    now = window.context.clock.now()
    for day in (date(2025, 6, 5), date(2025, 7, 3), date(2025, 7, 10)):
        event = TreatmentEvent(day, TreatmentKind.MEDICATION_CHANGE)
        daily.add_treatment(window.context.coach.database, event, now)
    window.context.data_changed.emit()
    page = window.show_page("progress")
    page.range_buttons[2].click()  # all: 3 years, the three lines a few pixels apart
    QApplication.processEvents()
    page.plot.widget.grab()  # laid out and painted, as on screen
    labels = [line.label.sceneBoundingRect() for line in page.plot._markers]
    assert len(labels) == 3 and all(not r.isEmpty() for r in labels)
    for i, first in enumerate(labels):
        for second in labels[i + 1 :]:
            assert not first.intersects(second), (first, second)


def test_the_exercise_history_gives_last_years_dates_their_year(window):
    from datetime import UTC, datetime

    from stenosis_coach.services.demo import fill_demo

    fill_demo(window.context.coach.database, 4, 1, datetime(2025, 6, 1, 9, tzinfo=UTC), UTC)
    window.context.data_changed.emit()
    history = window.show_page("exercises").history_list.text().splitlines()
    assert history and all(re.match(r"\w{3} \d{1,2} \w{3} 2025: ", line) for line in history)
