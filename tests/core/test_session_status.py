"""One status per session (issue 13, item 10), derived in one place: core.sessions."""

from datetime import UTC, datetime, timedelta

import pytest

from stenosis_coach.core.routine_summary import summarize
from stenosis_coach.core.sessions import (
    EndReason,
    SessionEvent,
    SessionRecord,
    SessionState,
    session_status,
    walk_status,
)
from stenosis_coach.core.walking.model import WalkEnd

T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


def event(kind: str, t_s: float, **data) -> SessionEvent:
    return SessionEvent(kind, t_s, T0 + timedelta(seconds=t_s), data)


def session(reason: EndReason | None, kind: str = "routine") -> SessionRecord:
    return SessionRecord(
        id=1,
        kind=kind,
        title="Gentle start, lying",
        state=SessionState.FINISHED if reason else SessionState.RUNNING,
        started_at=T0,
        utc_offset_min=0,
        heartbeat_at=T0 + timedelta(seconds=400),
        elapsed_s=400.0,
        ended_at=T0 + timedelta(seconds=400) if reason else None,
        end_reason=reason,
    )


ROUTINE_STEPS_ENDED = [
    event("started", 0.0, routine="gentle-start"),
    event("ratings_before", 0.0, leg=3, back=2),
    event("step_started", 1.0, step=0, t_engine=1.0),
    event("step_done", 390.0, step=0, t_engine=390.0),
    # the last step ended: the engine's "finished" fact, stored before the ratings after
    event("session_finished", 390.0, reason="completed", t_engine=390.0),
]


def test_a_routine_whose_steps_ended_is_completed_though_the_app_died_on_its_ratings():
    assert session_status(EndReason.INTERRUPTED, ROUTINE_STEPS_ENDED) is EndReason.COMPLETED


def test_a_routine_the_app_died_in_is_interrupted():
    mid = ROUTINE_STEPS_ENDED[:3]
    assert session_status(EndReason.INTERRUPTED, mid) is EndReason.INTERRUPTED


def test_a_routine_stopped_before_the_app_died_on_its_ratings_is_stopped():
    stopped = [*ROUTINE_STEPS_ENDED[:3], event("session_finished", 60.0, reason="stopped")]
    assert session_status(EndReason.INTERRUPTED, stopped) is EndReason.STOPPED


def test_a_status_recorded_at_the_end_is_kept():
    for reason in (EndReason.COMPLETED, EndReason.STOPPED, EndReason.MUST_STOP):
        assert session_status(reason, ROUTINE_STEPS_ENDED) is reason
    assert session_status(None, ROUTINE_STEPS_ENDED) is None  # still running


def test_a_walk_ended_by_must_stop_is_a_must_stop_session_even_if_the_app_died_after():
    events = [
        event("started", 0.0, walk_kind="training"),
        event("bout_started", 0.0, bout=1, t_engine=0.0),
        event("bout_ended", 95.0, bout=1, walked_s="95", reason="must_stop", t_engine=95.0),
        event("walk_finished", 95.0, end="must_stop", t_engine=95.0),
    ]
    assert walk_status(WalkEnd.MUST_STOP) is EndReason.MUST_STOP
    assert session_status(EndReason.INTERRUPTED, events) is EndReason.MUST_STOP


@pytest.mark.parametrize(
    ("end", "status"),
    [
        (WalkEnd.COMPLETED, EndReason.COMPLETED),
        (WalkEnd.MUST_STOP, EndReason.MUST_STOP),
        (WalkEnd.REST_NOT_EASING, EndReason.STOPPED),
        (WalkEnd.STOPPED, EndReason.STOPPED),
    ],
)
def test_every_way_a_walk_ends_is_one_session_status(end, status):
    assert walk_status(end) is status
    finished = [event("walk_finished", 60.0, end=end.value, t_engine=60.0)]
    assert session_status(EndReason.INTERRUPTED, finished) is status


def test_the_routine_history_reads_the_one_status():
    # With its events (the history list) or without (the weekly figures), one answer.
    recovered = session(EndReason.COMPLETED)
    assert summarize(recovered, ROUTINE_STEPS_ENDED).completed
    assert summarize(recovered, []).completed
    # A session stored as interrupted by an older version, its steps ended: completed too.
    assert summarize(session(EndReason.INTERRUPTED), ROUTINE_STEPS_ENDED).completed
    assert not summarize(session(EndReason.INTERRUPTED), ROUTINE_STEPS_ENDED[:3]).completed
    assert summarize(session(EndReason.INTERRUPTED), ROUTINE_STEPS_ENDED).after.leg is None


def test_the_offer_after_a_crash_says_a_routine_was_finished_when_it_was():
    from dataclasses import replace

    from stenosis_coach.core.sessions import interrupted_offer

    running = replace(session(None), heartbeat_at=T0 + timedelta(seconds=420), elapsed_s=420.0)
    cut_short = interrupted_offer(replace(running, end_reason=EndReason.INTERRUPTED))
    assert "was not finished" in cut_short
    finished = interrupted_offer(replace(running, end_reason=EndReason.COMPLETED))
    assert "was not finished" not in finished
    assert "you finished it" in finished and "ratings" in finished
    assert "save it as ended at 08:37" in finished
    walk = replace(running, kind="walk", title="Training walk", end_reason=EndReason.MUST_STOP)
    ended = interrupted_offer(walk)
    assert "was not finished" not in ended and "Training walk" in ended


def test_a_finished_fact_that_cannot_be_read_tells_nothing():
    odd = [event("session_finished", 5.0, reason="paused?"), event("walk_finished", 6.0)]
    assert session_status(EndReason.INTERRUPTED, odd) is EndReason.INTERRUPTED


def test_the_offer_after_a_crash_gives_a_short_session_in_minutes_and_seconds():
    """A routine stopped 10 s in is not 'ended after 0 min': short times read as 0:10 min."""
    from dataclasses import replace

    from stenosis_coach.core.sessions import interrupted_offer

    short = replace(session(EndReason.STOPPED), elapsed_s=10.0)
    assert "after 0:10 min" in interrupted_offer(short)
    cut = replace(session(EndReason.INTERRUPTED), elapsed_s=95.0)
    assert "after 1:35 min" in interrupted_offer(cut)
