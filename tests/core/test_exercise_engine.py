"""The exercise-session engine, driven by a fake monotonic time value (never a real clock)."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from stenosis_coach.core.exercises.engine import (
    Cue,
    Event,
    ExerciseSession,
    Hurt,
    Paused,
    PauseReason,
    Resumed,
    SessionFinished,
    SessionStarted,
    StepDone,
    SteppedBack,
    StepSkipped,
    StepStarted,
)
from stenosis_coach.core.exercises.model import (
    Dosing,
    Exercise,
    Position,
    Routine,
    RoutineStep,
    Sides,
)
from stenosis_coach.core.exercises.timeline import (
    CueId,
    MarkKind,
    SegmentKind,
    build_timeline,
)
from stenosis_coach.core.sessions import EndReason

T0 = 1000.0  # the monotonic reading at the session's start


def _exercise(id_: str, name: str, position: Position = Position.LYING) -> Exercise:
    return Exercise(id=id_, name=name, position=position, steps=("Do it gently.",))


EXERCISES = {
    e.id: e
    for e in (
        _exercise("pelvic-tilt", "Pelvic tilt"),
        _exercise("cycling", "Stationary cycling", Position.CYCLING),
        _exercise("bridge", "Glute bridge"),
        _exercise("hip-flexor", "Hip-flexor stretch", Position.STANDING),
    )
}


def routine(*steps: tuple[str, Dosing], id_: str = "small") -> Routine:
    return Routine(id=id_, name="Test", steps=tuple(RoutineStep(e, d) for e, d in steps))


# 0-13 pelvic tilt (get ready 5, hold 3, release 2, hold 3); 13-28 cycling (5 + 10);
# 28-52 bridge each side (5, rep 3, rep 3, rest 2, switch 5, rep 3, rep 3).
SMALL = routine(
    ("pelvic-tilt", Dosing(reps=2, hold_s=3, rest_s=10)),
    ("cycling", Dosing(duration_s=10)),
    ("bridge", Dosing(reps=2, rest_s=7, sides=Sides.EACH)),
)


def session(r: Routine = SMALL) -> ExerciseSession:
    return ExerciseSession(r, EXERCISES, T0)


def at(seconds: float) -> float:
    return T0 + seconds


def run(s: ExerciseSession, step_ms: int, until_s: float, start_ms: int = 0) -> list[Event]:
    """Tick every ``step_ms`` from ``start_ms`` to ``until_s`` (milliseconds, exact)."""
    events: list[Event] = []
    for ms in range(start_ms, round(until_s * 1000) + 1, step_ms):
        events += s.tick(T0 + ms / 1000)
    return events


NAMES = {f"next: {e.name[0].lower()}{e.name[1:]}": e.id for e in EXERCISES.values()}


def cue(t: float, cue_id: CueId, text: str) -> Cue:
    return Cue(t, cue_id, text, t, NAMES.get(text))


def cues(events: list[Event]) -> list[Cue]:
    return [e for e in events if isinstance(e, Cue)]


def plain(events: list[Event]) -> list[Event]:
    return [e for e in events if not isinstance(e, Cue)]


SMALL_CUES = [
    cue(0, CueId.NEXT, "next: pelvic tilt"),
    cue(5, CueId.HOLD, "hold"),
    cue(6, CueId.TICK, "2"),
    cue(7, CueId.TICK, "1"),
    cue(8, CueId.RELAX, "relax"),
    cue(10, CueId.HOLD, "hold"),
    cue(11, CueId.TICK, "2"),
    cue(12, CueId.TICK, "1"),
    cue(13, CueId.NEXT, "next: stationary cycling"),
    cue(18, CueId.START, "start"),
    cue(25, CueId.TICK, "3"),
    cue(26, CueId.TICK, "2"),
    cue(27, CueId.TICK, "1"),
    cue(28, CueId.NEXT, "next: glute bridge"),
    cue(33, CueId.PACE, "rep 1 of 2"),
    cue(36, CueId.PACE, "rep 2 of 2"),
    cue(39, CueId.REST, "rest"),
    cue(41, CueId.OTHER_SIDE, "other side"),
    cue(43, CueId.TICK, "3"),
    cue(44, CueId.TICK, "2"),
    cue(45, CueId.TICK, "1"),
    cue(46, CueId.PACE, "rep 1 of 2"),
    cue(49, CueId.PACE, "rep 2 of 2"),
    cue(52, CueId.ROUTINE_COMPLETE, "routine complete"),
]

SMALL_PLAIN = [
    SessionStarted(0, "small", 52),
    StepStarted(0, 0, "pelvic-tilt"),
    StepDone(13, 0, "pelvic-tilt"),
    StepStarted(13, 1, "cycling"),
    StepDone(28, 1, "cycling"),
    StepStarted(28, 2, "bridge"),
    StepDone(52, 2, "bridge"),
    SessionFinished(52, EndReason.COMPLETED),
]


# -- the timeline -------------------------------------------------------------------------


def test_timeline_of_reps_with_hold_two_sets_each_side() -> None:
    r = routine(("pelvic-tilt", Dosing(reps=2, sets=2, hold_s=5, rest_s=10, sides=Sides.EACH)))
    timeline = build_timeline(r, EXERCISES)
    got = [
        (s.kind.value, s.start_s, s.duration_s, s.set_no, s.rep_no, s.side, s.text)
        for s in timeline.segments
    ]
    assert got == [
        ("get_ready", 0, 5, 1, None, "first", "Get ready: Pelvic tilt"),
        ("hold", 5, 5, 1, 1, "first", "Hold"),
        ("release", 10, 2, 1, 1, "first", "Relax"),
        ("hold", 12, 5, 1, 2, "first", "Hold"),
        ("rest", 17, 10, 1, None, "first", "Rest"),
        ("hold", 27, 5, 2, 1, "first", "Hold"),
        ("release", 32, 2, 2, 1, "first", "Relax"),
        ("hold", 34, 5, 2, 2, "first", "Hold"),
        ("rest", 39, 5, 2, None, "first", "Rest"),  # rest_s 10 between sides: 5 + switch 5
        ("switch_side", 44, 5, 1, None, "second", "Other side"),
        ("hold", 49, 5, 1, 1, "second", "Hold"),
        ("release", 54, 2, 1, 1, "second", "Relax"),
        ("hold", 56, 5, 1, 2, "second", "Hold"),
        ("rest", 61, 10, 1, None, "second", "Rest"),
        ("hold", 71, 5, 2, 1, "second", "Hold"),
        ("release", 76, 2, 2, 1, "second", "Relax"),
        ("hold", 78, 5, 2, 2, "second", "Hold"),  # no rest after the last set of the last side
    ]
    assert timeline.total_s == 83 == sum(s.duration_s for s in timeline.segments)
    assert {s.sets for s in timeline.segments} == {2}
    assert {s.reps for s in timeline.segments if s.rep_no is not None} == {2}
    assert all(a.end_s == b.start_s for a, b in pairwise(timeline.segments))
    # The rest that hands over to the switch has no 3-2-1; the switch itself has one.
    ticks = [m.offset_s for m in timeline.marks if m.cue_id is CueId.TICK]
    assert not any(39 <= t < 44 for t in ticks)
    assert {46, 47, 48} <= set(ticks)


def test_timeline_of_a_duration_step() -> None:
    timeline = build_timeline(
        routine(("hip-flexor", Dosing(duration_s=30, sets=3, rest_s=15))), EXERCISES
    )
    got = [(s.kind, s.start_s, s.duration_s, s.set_no, s.rep_no) for s in timeline.segments]
    assert got == [
        (SegmentKind.GET_READY, 0, 5, 1, None),
        (SegmentKind.TIMED, 5, 30, 1, None),
        (SegmentKind.REST, 35, 15, 1, None),
        (SegmentKind.TIMED, 50, 30, 2, None),
        (SegmentKind.REST, 80, 15, 2, None),
        (SegmentKind.TIMED, 95, 30, 3, None),
    ]
    assert timeline.total_s == 125
    planned = [(m.offset_s, m.cue_id, m.text) for m in timeline.marks if m.kind is MarkKind.CUE]
    assert planned[:6] == [
        (0, CueId.NEXT, "next: hip-flexor stretch"),
        (5, CueId.START, "start"),
        (32, CueId.TICK, "3"),
        (33, CueId.TICK, "2"),
        (34, CueId.TICK, "1"),
        (35, CueId.REST, "rest"),
    ]
    assert planned[-1] == (125, CueId.ROUTINE_COMPLETE, "routine complete")


def test_holds_never_touch_and_a_side_switch_always_takes_time() -> None:
    no_rest = Dosing(reps=1, sets=2, hold_s=4, rest_s=0, sides=Sides.EACH)
    kinds = [s.kind.value for s in build_timeline(routine(("bridge", no_rest)), EXERCISES).segments]
    assert kinds == [
        "get_ready", "hold", "release", "hold", "switch_side", "hold", "release", "hold",
    ]  # fmt: skip
    short = build_timeline(
        routine(("bridge", Dosing(reps=1, sets=1, rest_s=3, sides=Sides.EACH))), EXERCISES
    )
    switch = [s for s in short.segments if s.kind is SegmentKind.SWITCH_SIDE]
    assert [(s.duration_s, s.side) for s in switch] == [(5, "second")]
    assert not any(s.kind is SegmentKind.REST for s in short.segments)


def test_marks_are_in_time_order_and_short_holds_count_only_inside_themselves() -> None:
    timeline = build_timeline(SMALL, EXERCISES)
    offsets = [m.offset_s for m in timeline.marks]
    assert offsets == sorted(offsets)
    assert timeline.total_s == 52
    assert [(c.at_s, c.cue_id, c.text) for c in SMALL_CUES] == [
        (m.offset_s, m.cue_id, m.text) for m in timeline.marks if m.kind is MarkKind.CUE
    ]


@pytest.mark.parametrize(
    ("r", "message"),
    [
        (Routine(id="empty-one", name="Empty", steps=()), "empty-one"),
        (routine(("pelvic-tilt", Dosing(reps=2)), ("nope", Dosing(reps=2))), "'nope'"),
        (routine(("bridge", Dosing(reps=0))), "reps"),
        (routine(("bridge", Dosing(duration_s=10, sets=0))), "sets"),
    ],
)
def test_a_routine_the_engine_cannot_play_is_refused_by_name(r: Routine, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ExerciseSession(r, EXERCISES, T0)


def test_no_steps_message_says_so() -> None:
    with pytest.raises(ValueError, match="Routine 'empty-one' has no steps"):
        build_timeline(Routine(id="empty-one", name="Empty", steps=()), EXERCISES)


# -- playing a routine ---------------------------------------------------------------------


def test_whole_routine_ticked_every_100_ms() -> None:
    s = session()
    events = run(s, 100, 60)
    assert plain(events) == SMALL_PLAIN
    assert cues(events) == SMALL_CUES  # each once, emitted exactly when due
    announced = [c.exercise for c in cues(events) if c.cue_id is CueId.NEXT]
    assert announced == ["pelvic-tilt", "cycling", "bridge"]  # for the next-<id> sound
    # Order within one instant: step edges, then the cue that announces the new step.
    assert events[:3] == [SMALL_PLAIN[0], SMALL_PLAIN[1], SMALL_CUES[0]]
    assert events[-3:] == [SMALL_PLAIN[-2], SMALL_CUES[-1], SMALL_PLAIN[-1]]
    assert s.finished and s.view(at(60)).elapsed_s == 52
    assert s.tick(at(61)) == []


@pytest.mark.parametrize("step_ms", [500, 700, 60_000])
def test_coarser_ticks_emit_the_same_cues_late_but_with_their_due_time(step_ms: int) -> None:
    s = session()
    events = run(s, step_ms, 60)
    assert plain(events) == SMALL_PLAIN  # timeline events carry their due time
    got = cues(events)
    assert [(c.cue_id, c.text, c.at_s) for c in got] == [
        (c.cue_id, c.text, c.at_s) for c in SMALL_CUES
    ]
    assert all(0 <= c.late_s < step_ms / 1000 for c in got)
    if step_ms == 500:
        assert all(c.late_s == 0 for c in got)  # every due time is on the 0.5 s grid
    if step_ms == 60_000:  # one big jump: everything comes out at once
        assert {c.t_s for c in got[1:]} == {60}


def test_the_same_calls_give_the_same_events() -> None:
    def script() -> list[Event]:
        s = session()
        out = run(s, 250, 6)
        out += s.pause(at(6.1)) + s.resume(at(9.3)) + s.skip(at(9.9))
        out += s.this_hurts(at(12.2), 5) + s.back(at(12.7)) + s.resume(at(15))
        return out + run(s, 250, 120, start_ms=15_000)

    assert script() == script()


def test_pause_during_a_hold_freezes_the_countdown_and_the_cues() -> None:
    s = session(routine(("pelvic-tilt", Dosing(reps=1, hold_s=10))))  # hold 5-15
    run(s, 100, 8)
    assert s.view(at(8)).remaining_s == 7
    assert s.pause(at(8)) == [Paused(8, PauseReason.USER)]
    assert run(s, 100, 108, start_ms=8_100) == []  # nothing while paused, not even the "3"
    frozen = s.view(at(108))
    assert (frozen.paused, frozen.remaining_s, frozen.elapsed_s) == (True, 7, 8)
    assert s.next_due_at(at(108)) is None
    assert s.resume(at(108)) == [Resumed(8, paused_s=100)]
    view = s.view(at(108))
    assert (view.paused, view.remaining_s, view.countdown, view.elapsed_s) == (False, 7, 7, 8)
    assert s.next_due_at(at(108)) == at(112)  # the "3" moved by exactly the pause
    events = run(s, 100, 120, start_ms=108_100)
    assert cues(events) == [
        cue(12, CueId.TICK, "3"),
        cue(13, CueId.TICK, "2"),
        cue(14, CueId.TICK, "1"),
        cue(15, CueId.ROUTINE_COMPLETE, "routine complete"),
    ]
    assert plain(events)[-1] == SessionFinished(15, EndReason.COMPLETED)
    assert s.view(at(120)).elapsed_s == 15


def test_pause_and_resume_are_idempotent_and_marks_due_at_the_pause_come_first() -> None:
    s = session()
    run(s, 500, 9)
    assert s.pause(at(10)) == [cue(10, CueId.HOLD, "hold"), Paused(10, PauseReason.USER)]
    assert s.pause(at(11)) == []
    assert s.resume(at(20)) == [Resumed(10, paused_s=10)]
    assert s.resume(at(21)) == [cue(11, CueId.TICK, "2")]  # running already: a plain tick


def test_skip_moves_to_the_next_step_now() -> None:
    s = session()
    run(s, 500, 7)
    events = s.skip(at(7.5))
    assert events == [
        StepSkipped(7.5, 0, "pelvic-tilt"),
        StepStarted(7.5, 1, "cycling"),
        cue(7.5, CueId.NEXT, "next: stationary cycling"),
    ]
    view = s.view(at(7.5))
    assert view.segment is not None and view.segment.kind is SegmentKind.GET_READY
    assert (view.step, view.remaining_s, view.next_up) == (1, 5, "Next: Glute bridge")
    rest = run(s, 500, 60, start_ms=8_000)
    assert cues(rest)[0] == cue(12.5, CueId.START, "start")  # re-planned from the skip
    assert StepDone(7.5, 0, "pelvic-tilt") not in rest
    assert rest[-1] == SessionFinished(52 - 13 + 7.5, EndReason.COMPLETED)


def test_skipping_the_last_step_completes_the_routine_even_when_paused() -> None:
    s = session()
    run(s, 500, 30)
    s.pause(at(30))
    assert s.skip(at(31)) == [
        StepSkipped(30, 2, "bridge"),
        cue(30, CueId.ROUTINE_COMPLETE, "routine complete"),
        SessionFinished(30, EndReason.COMPLETED),
    ]
    view = s.view(at(31))
    assert view.finished and view.progress == 1 and view.segment is None and not view.paused
    assert s.skip(at(32)) == s.back(at(32)) == s.resume(at(32)) == []


def test_skip_while_paused_stays_paused_until_resume() -> None:
    s = session()
    run(s, 500, 3)
    s.pause(at(3))
    assert s.skip(at(4)) == [StepSkipped(3, 0, "pelvic-tilt")]
    assert s.view(at(5)).segment.step == 1  # type: ignore[union-attr]
    assert s.resume(at(9)) == [
        Resumed(3, paused_s=6),
        StepStarted(3, 1, "cycling"),
        cue(3, CueId.NEXT, "next: stationary cycling"),
    ]


def test_back_restarts_the_current_step() -> None:
    s = session()
    run(s, 500, 20)  # 7 s into step 1
    assert s.back(at(20)) == [
        SteppedBack(20, 1, 1),
        StepStarted(20, 1, "cycling"),
        cue(20, CueId.NEXT, "next: stationary cycling"),
    ]
    assert cues(run(s, 500, 25, start_ms=20_500)) == [cue(25, CueId.START, "start")]
    assert s.view(at(25)).remaining_s == 10


def test_back_within_the_first_2_s_of_a_step_goes_to_the_previous_one() -> None:
    s = session()
    run(s, 500, 14.5)  # 1.5 s into step 1
    assert s.back(at(14.5)) == [
        SteppedBack(14.5, 1, 0),
        StepStarted(14.5, 0, "pelvic-tilt"),
        cue(14.5, CueId.NEXT, "next: pelvic tilt"),
    ]
    assert s.view(at(19.5)).segment.kind is SegmentKind.HOLD  # type: ignore[union-attr]


def test_back_early_in_the_first_step_restarts_it() -> None:
    s = session()
    s.tick(at(0))
    assert s.back(at(1)) == [
        SteppedBack(1, 0, 0),
        StepStarted(1, 0, "pelvic-tilt"),
        cue(1, CueId.NEXT, "next: pelvic tilt"),
    ]


def test_stop_ends_the_session_and_later_calls_do_nothing() -> None:
    s = session()
    run(s, 500, 20)
    assert s.stop(at(20.5)) == [SessionFinished(20.5, EndReason.STOPPED)]
    view = s.view(at(30))
    assert view.finished and view.finish_reason is EndReason.STOPPED
    assert (view.segment, view.next_up, view.elapsed_s) == (None, "", 20.5)
    assert view.progress == pytest.approx(20.5 / 52)
    for action in (s.tick, s.pause, s.resume, s.skip, s.back, s.stop):
        assert action(at(40)) == []
    assert s.this_hurts(at(40), 5) == []


def test_this_hurts_records_the_rating_and_pauses() -> None:
    s = session()
    run(s, 500, 6)
    assert s.this_hurts(at(6.5), 4) == [
        Hurt(6.5, 4, 0, "pelvic-tilt"),
        Paused(6.5, PauseReason.HURT),
    ]
    view = s.view(at(10))
    assert view.paused and view.pause_reason is PauseReason.HURT
    assert run(s, 500, 30, start_ms=7_000) == []
    assert s.this_hurts(at(30), 6) == [Hurt(6.5, 6, 0, "pelvic-tilt")]  # still paused
    assert s.skip(at(31)) == [StepSkipped(6.5, 0, "pelvic-tilt")]  # the user chose skip
    assert [type(e) for e in s.resume(at(32))] == [Resumed, StepStarted, Cue]


@pytest.mark.parametrize("rating", [-1, 11, 3.5, True])
def test_a_rating_outside_0_to_10_is_refused(rating: object) -> None:
    with pytest.raises(ValueError, match="0 to 10"):
        session().this_hurts(at(1), rating)  # type: ignore[arg-type]


def test_progress_goes_from_0_to_1_monotonically() -> None:
    s = session()
    progress = []
    for ms in range(0, 55_000, 250):
        s.tick(at(ms / 1000))
        progress.append(s.view(at(ms / 1000)).progress)
    assert progress[0] == 0 and progress[-1] == 1
    assert all(a <= b for a, b in pairwise(progress))


def test_the_view_shows_counters_next_up_and_the_countdown() -> None:
    s = session()
    run(s, 500, 42.5)
    v = s.view(at(9))  # a view is a query: an earlier time changes nothing
    assert v.segment is not None and v.segment.kind is SegmentKind.SWITCH_SIDE
    assert (v.remaining_s, v.countdown, v.side, v.set_no, v.sets) == (3.5, 4, "second", 1, 1)
    assert (v.step, v.steps, v.next_up) == (2, 3, "Last exercise")
    s2 = session()
    v = s2.view(at(9))
    assert v.segment is not None and v.segment.kind is SegmentKind.RELEASE
    assert (v.rep_no, v.reps, v.remaining_s, v.countdown) == (1, 2, 1, 1)
    assert v.next_up == "Next: Stationary cycling"
    assert s2.view(at(30.5)).segment.text == "Get ready: Glute bridge"  # type: ignore[union-attr]


def test_time_going_backwards_is_read_as_the_latest_time_seen() -> None:
    s = session()
    run(s, 1000, 10)
    assert s.tick(at(5)) == []
    assert s.view(at(5)) == s.view(at(10))


def test_next_due_at_gives_the_monotonic_time_of_the_next_mark() -> None:
    s = session()
    assert s.next_due_at(at(0)) == at(0)
    s.tick(at(0))
    assert s.next_due_at(at(0)) == at(5)
    s.pause(at(2))
    s.resume(at(12))
    assert s.next_due_at(at(12)) == at(15)


def test_a_two_hour_routine_at_50_ms_has_no_drift() -> None:
    long = routine(
        ("cycling", Dosing(duration_s=3600)),
        ("pelvic-tilt", Dosing(reps=10, hold_s=10, sets=3, rest_s=60)),
        ("hip-flexor", Dosing(duration_s=30, sets=3, rest_s=30, sides=Sides.EACH)),
        ("bridge", Dosing(reps=15, sets=3, rest_s=45)),
        ("cycling", Dosing(duration_s=2700)),
        id_="long",
    )
    timeline = build_timeline(long, EXERCISES)
    assert timeline.total_s >= 7200
    start = 86_400.123  # an awkward monotonic reading, and jittery 50 ms timer ticks
    s = ExerciseSession(long, EXERCISES, start)
    jitter = random.Random(4)
    now, events = start, []
    while not s.finished:
        now += 0.05 + jitter.uniform(-0.01, 0.01)
        events += s.tick(now)
    got = cues(events)
    planned = [m.offset_s for m in timeline.marks if m.kind is MarkKind.CUE]
    assert [c.at_s for c in got] == planned  # due times are the plan itself, exactly
    assert got[-1].at_s == timeline.total_s
    assert plain(events)[-1] == SessionFinished(timeline.total_s, EndReason.COMPLETED)
    assert all(0 <= c.late_s < 0.061 for c in got)  # never more than one tick late


# -- carrying on from a step (a routine stopped early, issue 12) --------------------------


def test_a_session_can_start_at_a_later_step_and_plays_the_rest_of_the_routine() -> None:
    s = ExerciseSession(SMALL, EXERCISES, T0, start_step=1)
    events = run(s, 500, 40)
    # Engine time starts at 0; the routine's timeline starts at step 1 (offset 13).
    assert plain(events) == [
        SessionStarted(0, "small", 39),
        StepStarted(0, 1, "cycling"),
        StepDone(15, 1, "cycling"),
        StepStarted(15, 2, "bridge"),
        StepDone(39, 2, "bridge"),
        SessionFinished(39, EndReason.COMPLETED),
    ]
    assert cues(events)[0] == Cue(0, CueId.NEXT, "next: stationary cycling", 0, "cycling")
    assert s.view(at(40)).progress == 1.0


def test_a_session_started_at_a_later_step_shows_where_it_is_in_the_whole_routine() -> None:
    s = ExerciseSession(SMALL, EXERCISES, T0, start_step=2)
    s.tick(at(0))
    view = s.view(at(0))
    assert (view.step, view.steps, view.next_up) == (2, 3, "Last exercise")
    assert view.progress == pytest.approx(28 / 52)
    assert view.elapsed_s == 0


@pytest.mark.parametrize("step", [-1, 3])
def test_a_start_step_outside_the_routine_is_refused(step: int) -> None:
    with pytest.raises(ValueError, match="step"):
        ExerciseSession(SMALL, EXERCISES, T0, start_step=step)


# --- words in the user's language (issue 14) ----------------------------------------------------


def test_cues_and_the_players_words_are_translated(pseudo):
    from stenosis_coach.i18n import is_pseudo_wrapped

    r = routine(
        ("pelvic-tilt", Dosing(reps=2, hold_s=3, sides=Sides.EACH, rest_s=10)),
        ("cycling", Dosing(duration_s=20)),
        ("bridge", Dosing(reps=2)),
    )
    session = ExerciseSession(r, EXERCISES, T0)
    cues = [e for e in session.tick(T0 + 10_000) if isinstance(e, Cue)]
    words = [c for c in cues if c.cue_id is not CueId.TICK]  # a tick says a digit: "3"
    assert {c.cue_id for c in words} >= {CueId.NEXT, CueId.HOLD, CueId.PACE, CueId.START}
    assert [c.text for c in words if not is_pseudo_wrapped(c.text)] == []
    assert cues[0].text == "⟦next: pelvic tilt⟧"  # the name in the sentence, one message
    assert any(c.text == "⟦rep 1 of 2⟧" for c in cues)
    timeline = build_timeline(r, EXERCISES)
    assert [s.text for s in timeline.segments if not is_pseudo_wrapped(s.text)] == []
    fresh = ExerciseSession(r, EXERCISES, T0)
    assert fresh.view(T0).next_up == "⟦Next: Stationary cycling⟧"
    last = ExerciseSession(r, EXERCISES, T0, start_step=2)
    assert last.view(T0).next_up == "⟦Last exercise⟧"


def test_how_a_routine_ended_is_translated(pseudo):
    from stenosis_coach.core.routine_summary import end_title

    r = routine(("pelvic-tilt", Dosing(reps=2)), ("bridge", Dosing(reps=2)))
    session = ExerciseSession(r, EXERCISES, T0)
    events = session.tick(T0) + session.skip(T0 + 1) + session.tick(T0 + 1000)
    assert end_title(events, completed=True) == (
        "⟦Routine finished: 1 of 2 exercises done, 1 skipped.⟧"
    )
    assert end_title([], completed=False) == "⟦Routine stopped⟧"


def test_the_next_cue_says_the_name_as_written_outside_english() -> None:
    """English says "next: pelvic tilt" inside the sentence; German keeps a name's capital
    (its nouns have one), as does every language but English."""
    from stenosis_coach import i18n

    i18n.setup("de")
    try:
        texts = [m.text for m in build_timeline(SMALL, EXERCISES).marks if m.cue_id is CueId.NEXT]
    finally:
        i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)
    assert texts == ["next: Pelvic tilt", "next: Stationary cycling", "next: Glute bridge"]
