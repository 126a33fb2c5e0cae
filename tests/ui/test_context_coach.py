"""The window holds one Coach (issue 14): opened with the window's clock, closed with it."""

from __future__ import annotations

from stenosis_coach.services.coach import Coach


def test_the_window_holds_an_open_coach_on_its_clock(make_window, clock, paths):
    window = make_window()
    coach = window.context.coach
    assert isinstance(coach, Coach) and not coach.closed
    assert coach.clock is clock and coach.paths == paths
    assert coach.now() == clock.now()
    # the data is reached through the Coach only: no other handle on the database
    assert not hasattr(window.context, "db")


def test_closing_the_data_closes_the_coach(make_window):
    window = make_window()
    coach = window.context.coach
    window.context.close_database()
    assert coach.closed and window.context.coach is None


def test_before_the_data_is_open_there_is_no_coach(make_window):
    window = make_window(open_data=False)
    assert window.context.coach is None
