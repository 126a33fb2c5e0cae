"""Planned vs done per week on Progress (DESIGN 5.7, issue 16): the Sessions plot draws the
walks and routine sessions done each week beside those planned (dotted lines for
planned, solid with filled markers for done), says this week's counts in words beside
it, and its hover and table say done of planned, never blame."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from stenosis_coach.core.progress.series import monday
from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.services.demo import fill_demo
from stenosis_coach.services.status import weekly_adherence

SESSIONS = "sessions"


@pytest.fixture
def demo(window, clock):
    fill_demo(window.context.coach.database, weeks=6, seed=3, now=clock.now())
    window.context.data_changed.emit()
    return window


def sessions_view(window):
    from stenosis_coach.ui.progress.plot import VIEWS

    page = window.show_page("progress")
    index = next(i for i, view in enumerate(VIEWS) if view.key == SESSIONS)
    page.view_buttons[index].click()
    return page


def this_and_last_week(window):
    coach = window.context.coach
    today = coach.today_date()
    this = monday(today)
    last = this.fromordinal(this.toordinal() - 7)
    weeks = weekly_adherence(coach.read_model(), [last, this], today, coach.tz)
    return weeks


def test_the_sessions_plot_draws_done_beside_planned(demo):
    page = sessions_view(demo)
    plot = page.plot
    last, this = this_and_last_week(demo)
    curves = {path: item for path, (item, _style) in plot._curves.items() if item.isVisible()}
    assert set(curves) == {
        "sessions.walks",
        "sessions.walks_planned",
        "sessions.routines",
        "sessions.routines_planned",
    }
    # Whole weeks drawn solid; last week's values are done and planned by DESIGN 5.7's rule.
    _xs, routines = curves["sessions.routines"].getData()
    _xs, planned = curves["sessions.routines_planned"].getData()
    assert routines[-1] == last.routines_done and planned[-2] == last.routines_planned
    _xs, walks = curves["sessions.walks"].getData()
    assert walks[-1] == last.walks_done
    assert planned[-1] == this.routines_planned  # this week's plan is known in full
    for path in ("sessions.walks_planned", "sessions.routines_planned"):
        assert curves[path].opts["pen"].style() == Qt.PenStyle.DotLine
        assert curves[path].opts["symbol"] is None
    for path in ("sessions.walks", "sessions.routines"):
        assert curves[path].opts["pen"].style() == Qt.PenStyle.SolidLine
    key = plot.key.text()  # an entry is never broken in two: "walks" | "planned"
    assert '<span style="white-space:nowrap">' in key and "walks planned" in key
    said = plot.key.accessibleName()
    assert "walks planned, a dotted line" in said and "routines done, squares" in said


def test_this_week_is_said_in_words_beside_the_plot(demo):
    page = sessions_view(demo)
    last, this = this_and_last_week(demo)
    words = page.plot.notes.text()
    assert page.plot.notes.isVisible()
    for said, week in (("This week so far", this), ("Last week", last)):
        walks = (
            f"{week.walks_done} of {week.walks_planned} planned walks"
            if week.walks_done <= week.walks_planned
            else f"{week.walks_done} walks ({week.walks_planned} planned)"
        )
        routines = f"{week.routines_done} of {week.routines_planned} planned routine sessions"
        assert f"{said}: {walks} and {routines}." in words, words
    page.view_buttons[0].click()  # the walking tests: their own words, not these
    assert "This week" not in page.plot.notes.text()


def test_more_walks_than_planned_is_said_as_such():
    """Never "6 of 4": status's and the report's words."""
    from datetime import date

    from stenosis_coach.services.progress import WALKS_DONE, SessionWeek

    week = SessionWeek(0.0, 6.0, date(2026, 3, 2), 6, WALKS_DONE, planned=4)
    assert week.text == "Week of Mon 2 Mar: 6 walks (4 planned)"


def test_hover_and_numbers_say_done_of_planned(demo):
    page = sessions_view(demo)
    plot = page.plot
    last, _this = this_and_last_week(demo)
    item, _style = plot._curves["sessions.routines"]
    xs, ys = item.getData()
    box = plot.plot_item.getViewBox()
    plot._moved(box.mapViewToScene(QPointF(xs[-1], ys[-1])))
    hover = plot.hover.text()
    assert f"{last.routines_done} of {last.routines_planned} planned routine sessions" in hover
    assert "completed" not in hover
    plot.numbers_button.click()
    table = plot.numbers
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == [
        "Week of",
        "Walks done",
        "Walks planned",
        "Routines done",
        "Routines planned",
    ]
    row = 1  # newest first: last week under this week
    assert (
        table.item(row, 3)
        .text()
        .startswith(f"{last.routines_done} of {last.routines_planned} planned")
    )


def test_the_sessions_words_are_translated(pseudo, demo):
    page = sessions_view(demo)
    lines = page.plot.notes.text().splitlines()
    assert lines and all(is_pseudo_wrapped(line) for line in lines)
    assert is_pseudo_wrapped(page.plot.title.text())
