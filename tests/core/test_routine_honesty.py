"""A routine skipped through to its end is said and counted as what it was (issue 12, H9).

DESIGN 5.7 counts a routine session as done when it "reached its end (or ≥ 80 % of its
length)". Skipped exercises are not done: a session that reached its end counts as done
when no more than 20 % of its planned time was skipped (core.sessions.routine_done).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from stenosis_coach.core.due import RoutineRun, run_is_done
from stenosis_coach.core.exercises.engine import ExerciseSession, StepSkipped
from stenosis_coach.core.exercises.model import Dosing, Exercise, Position, Routine, RoutineStep
from stenosis_coach.core.routine_summary import summarize
from stenosis_coach.core.sessions import (
    EndReason,
    SessionEvent,
    SessionRecord,
    SessionState,
    routine_done,
)

T0 = 1000.0
AT = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)

EXERCISES = {
    e: Exercise(id=e, name=e.title(), position=Position.LYING, steps=("Gently.",))
    for e in ("tilt", "knee", "bridge", "stretch")
}
HOLD = Dosing(reps=4, hold_s=5, rest_s=2)  # each step is the same length


def routine() -> Routine:
    return Routine(id="four", name="Four", steps=tuple(RoutineStep(e, HOLD) for e in EXERCISES))


def play(actions) -> tuple[list[SessionEvent], EndReason]:
    """Run a session: ``actions`` is a list of (seconds to let run, then "skip"/"back")."""
    s = ExerciseSession(routine(), EXERCISES, T0)
    events, now = [], T0
    for wait, action in actions:
        now += wait
        events += s.tick(now)
        if action:
            events += getattr(s, action)(now)
    now += 2000
    events += s.tick(now)
    assert s.finished
    stored = [
        SessionEvent(_kind(e), e.t_s, AT, {k: v for k, v in vars(e).items() if k != "t_s"})
        for e in events
        if type(e).__name__ not in ("Cue", "SessionStarted")
    ]
    stored.insert(0, SessionEvent("started", 0.0, AT, {"routine": "four"}))
    return stored, s.view(now).finish_reason


def _kind(event) -> str:
    name = type(event).__name__
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def record(events, reason: EndReason, elapsed_s: float = 18.0) -> SessionRecord:
    return SessionRecord(
        id=1,
        kind="routine",
        title="Four",
        state=SessionState.FINISHED,
        started_at=AT,
        utc_offset_min=0,
        heartbeat_at=AT + timedelta(seconds=elapsed_s),
        elapsed_s=elapsed_s,
        ended_at=AT + timedelta(seconds=elapsed_s),
        end_reason=reason,
    )


def test_a_skip_records_how_much_of_the_plan_it_left_undone() -> None:
    s = ExerciseSession(routine(), EXERCISES, T0)
    s.tick(T0 + 3)
    [skipped, *_rest] = s.skip(T0 + 3)
    assert isinstance(skipped, StepSkipped) and skipped.step == 0
    step_length = s.timeline.step_end(0)
    assert skipped.left_s == step_length - 3
    assert skipped.planned_s == s.timeline.total_s


def test_the_last_three_skipped_in_seconds_is_finished_but_not_done() -> None:
    step = ExerciseSession(routine(), EXERCISES, T0).timeline.step_end(0)
    events, reason = play([(step + 1, "skip"), (2, "skip"), (2, "skip")])
    assert reason is EndReason.COMPLETED  # it reached its end: it was not stopped
    summary = summarize(record(events, reason), events)
    assert summary.completed
    assert (summary.steps, summary.steps_done, summary.steps_skipped) == (4, 1, 3)
    assert not summary.done
    assert summary.end_title == "Routine finished: 1 of 4 exercises done, 3 skipped."
    assert summary.state_words == "finished, 3 of 4 exercises skipped"
    assert not routine_done(EndReason.COMPLETED, events)


def test_one_short_skip_at_the_end_still_counts_as_done() -> None:
    step = ExerciseSession(routine(), EXERCISES, T0).timeline.step_end(0)
    events, reason = play([(4 * step - 3, "skip")])  # the last 3 s of the last exercise
    summary = summarize(record(events, reason, 4 * step), events)
    assert summary.steps_skipped == 1 and summary.done
    assert summary.end_title == "Routine finished: 3 of 4 exercises done, 1 skipped."
    assert routine_done(EndReason.COMPLETED, events)


def test_nothing_skipped_is_complete_and_done() -> None:
    events, reason = play([])
    summary = summarize(record(events, reason, 400), events)
    assert summary.done and summary.steps_done == 4 and summary.steps_skipped == 0
    assert summary.end_title == "Routine complete. Well done!"
    assert summary.state_words == "finished"


def test_a_skipped_exercise_gone_back_to_and_done_is_done_not_skipped() -> None:
    step = ExerciseSession(routine(), EXERCISES, T0).timeline.step_end(0)
    events, reason = play([(3, "skip"), (1, "back")])  # back within 2 s: to the one before
    summary = summarize(record(events, reason, 4 * step), events)
    assert summary.steps_skipped == 0 and summary.steps_done == 4 and summary.done


def test_a_stopped_routine_is_neither_finished_nor_done() -> None:
    s = ExerciseSession(routine(), EXERCISES, T0)
    s.tick(T0 + 5)
    events = [SessionEvent("step_done", 5, AT, {"step": 0})]
    summary = summarize(record(events, EndReason.STOPPED), events)
    assert not summary.done and summary.state_words == "stopped early"
    assert summary.end_title == "Routine stopped"


def test_skips_recorded_before_they_said_their_seconds_keep_their_old_reading() -> None:
    events = [
        SessionEvent("started", 0, AT, {"routine": "four"}),
        SessionEvent("step_done", 10, AT, {"step": 0, "exercise": "tilt"}),
        SessionEvent("step_skipped", 11, AT, {"step": 1, "exercise": "knee"}),
        SessionEvent("session_finished", 30, AT, {"reason": "completed"}),
    ]
    assert routine_done(EndReason.COMPLETED, events)
    assert summarize(record(events, EndReason.COMPLETED), events).steps_skipped == 1


def test_what_is_due_does_not_count_a_routine_skipped_through() -> None:
    step = ExerciseSession(routine(), EXERCISES, T0).timeline.step_end(0)
    events, reason = play([(step + 1, "skip"), (2, "skip"), (2, "skip")])
    run = RoutineRun("four", AT, 18.0, routine_done(reason, events))
    assert not run_is_done(run, 4 * step)
