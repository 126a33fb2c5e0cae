"""A stored session read back through its engine's own fold (issue 14).

What the live engine knows after its last event is what the stored events replay to, and a
walk (or a routine) whose app died is rebuilt by that replay: renaming an engine class
changes nothing stored or read.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from stenosis_coach.core.exercises import engine as exercise_engine
from stenosis_coach.core.routine_summary import summarize
from stenosis_coach.core.sessions import (
    EndReason,
    routine_replay,
    session_status,
    skipped_share,
    walk_replay,
)
from stenosis_coach.core.walking import engine as walk_engine
from stenosis_coach.core.walking.model import Walk, WalkEnd, WalkKind
from stenosis_coach.core.walking.prescription import Prescription
from stenosis_coach.services import exercises as library
from stenosis_coach.services import recording, routines
from stenosis_coach.services.walk_sessions import WalkRecording, interrupted_draft
from stenosis_coach.storage.sessions_repo import SessionRepository

F = Fraction


def training() -> Prescription:
    return Prescription(WalkKind.TRAINING, F(240), F(120), F(900), "why")


class LiveWalk:
    """A walk coached as the Qt shell does: engine events recorded as they come, a heartbeat
    once a second."""

    def __init__(self, db, clock, plan: Prescription) -> None:
        self.clock = clock
        self.rec = WalkRecording(db, clock, plan)
        self.sid = self.rec.start()
        self.engine = walk_engine.WalkSession(plan, clock.monotonic())
        self.rec.record(self.engine.tick(clock.monotonic()))

    def run(self, seconds: float) -> None:
        for _ in range(int(seconds)):
            self.clock.advance(1.0)
            self.rec.record(self.engine.tick(self.clock.monotonic()))
            self.rec.recorder.heartbeat()

    def act(self, action: str) -> None:
        self.rec.record(getattr(self.engine, action)(self.clock.monotonic()))


def stored(db, sid):
    repo = SessionRepository(db)
    return repo.get(sid), repo.events(sid)


def a_walk_with_everything(db, clock) -> LiveWalk:
    """Symptoms, rests, a pause in a bout and one in a rest, a "ready" refused."""
    walk = LiveWalk(db, clock, training())
    walk.run(100.4)
    walk.act("symptoms_starting")  # ends bout 1 at 100 s, a rest follows
    walk.run(30)
    walk.act("ready")  # refused: 60 s of rest at least
    walk.run(20)
    walk.act("pause")
    walk.run(15)
    walk.act("resume")
    walk.run(40)
    walk.act("ready")
    walk.run(50)
    walk.act("pause")
    walk.run(25)
    walk.act("resume")
    walk.run(12)
    return walk


def test_a_stored_walk_replays_to_the_live_engine_at_its_last_event(db, clock):
    walk = a_walk_with_everything(db, clock)
    _session, events = stored(db, walk.sid)
    replayed = walk_replay(events)
    assert replayed == walk.engine.so_far
    assert replayed.rests == 1 and replayed.tfs_s == F(100) and len(replayed.bouts) == 1


def test_a_finished_stored_walk_replays_to_the_live_engine(db, clock):
    walk = a_walk_with_everything(db, clock)
    walk.act("must_stop")
    _session, events = stored(db, walk.sid)
    assert walk_replay(events) == walk.engine.so_far
    assert walk_replay(events).end is WalkEnd.MUST_STOP


def test_a_walk_cut_short_counts_its_open_bout_up_to_the_last_heartbeat(db, clock):
    walk = a_walk_with_everything(db, clock)  # bout 2: 50 s, a 25 s pause, then 12 s
    session, _events = stored(db, walk.sid)
    draft = interrupted_draft(db, session)
    assert draft.total_walk_s == F(100) + F(62)
    assert (draft.rests, draft.tfs_s, draft.ended_by) == (1, F(100), WalkEnd.STOPPED)


RENAMED = {
    walk_engine.BoutStarted: "BoutBegan",
    walk_engine.BoutEnded: "BoutOver",
    walk_engine.RestStarted: "RestBegan",
    walk_engine.SymptomsStarted: "FirstSymptoms",
    walk_engine.Paused: "Halted",
    walk_engine.Resumed: "Continued",
    walk_engine.WalkFinished: "WalkOver",
}


@pytest.fixture
def classes_renamed():
    """Every engine class renamed, as a refactor would (what is stored must not change)."""
    renamed = {
        **RENAMED,
        exercise_engine.StepStarted: "StepBegan",
        exercise_engine.StepDone: "StepComplete",
        exercise_engine.StepSkipped: "StepPassedOver",
        exercise_engine.SessionFinished: "RoutineOver",
    }
    old = {cls: (cls.__name__, cls.__qualname__) for cls in renamed}
    for cls, name in renamed.items():
        cls.__name__ = cls.__qualname__ = name
    yield
    for cls, (name, qualname) in old.items():
        cls.__name__, cls.__qualname__ = name, qualname


def test_recovery_reads_a_walk_the_same_with_every_engine_class_renamed(db, clock, classes_renamed):
    walk = a_walk_with_everything(db, clock)
    walk.act("must_stop")
    clock.advance(5)
    walk.rec.recorder.heartbeat()  # the app dies on the summary
    saved = recording.save_interrupted(db, walk.sid)
    assert saved.end_reason is EndReason.MUST_STOP
    draft = interrupted_draft(db, saved)
    assert (draft.total_walk_s, draft.rests, draft.tfs_s) == (F(162), 1, F(100))
    assert draft.ended_by is WalkEnd.MUST_STOP


def run_routine(db, clock, skip_all: bool = False, until: float | None = None):
    """A routine coached as the player does; ``skip_all`` skips every step; ``until`` stops
    coaching after that many seconds (the app dies)."""
    routine = routines.my_routine(db)
    rec = routines.RoutineRecording(db, clock)
    sid = rec.start(routine, chair_versions=False)
    engine = exercise_engine.ExerciseSession(routine, library.exercises(db), clock.monotonic())
    live: list[exercise_engine.Event] = []
    seconds = 0
    while not engine.finished and (until is None or seconds < until):
        clock.advance(1.0)
        seconds += 1
        got = engine.skip(clock.monotonic()) if skip_all else engine.tick(clock.monotonic())
        live += got
        rec.record(got)
        rec.recorder.heartbeat()
    return sid, engine, live


def test_a_stored_routine_replays_to_the_fold_of_the_live_engines_events(db, clock):
    sid, _engine, live = run_routine(db, clock, until=200)
    _session, events = stored(db, sid)
    assert routine_replay(events) == exercise_engine.replay(live)
    assert routine_replay(events).steps  # it went through some of its steps


def test_recovery_reads_a_routine_the_same_with_every_engine_class_renamed(
    db, clock, classes_renamed
):
    sid, engine, _live = run_routine(db, clock, skip_all=True)
    assert engine.finished
    saved = recording.save_interrupted(db, sid)  # the app died on the ratings
    assert saved.end_reason is EndReason.COMPLETED
    session, events = stored(db, sid)
    assert session_status(EndReason.INTERRUPTED, events) is EndReason.COMPLETED
    assert skipped_share(events) > 0.9  # each step skipped a second into it
    summary = summarize(session, events)
    assert summary.steps_skipped == summary.steps > 0 and not summary.done


def test_a_walk_ended_then_cut_short_is_offered_as_the_live_engine_measured_it(db, clock):
    """One walk, built in one place: the summary after a crash starts from the same draft
    the live summary would have shown."""
    walk = a_walk_with_everything(db, clock)
    walk.act("must_stop")
    clock.advance(30)
    walk.rec.recorder.heartbeat()  # the app dies on the summary
    saved = recording.save_interrupted(db, walk.sid)
    live = walk.engine.draft(walk.rec.started_at)
    assert interrupted_draft(db, saved) == live
    assert live.walk(6, notes="hills") == Walk(
        start=live.start,
        kind=WalkKind.TRAINING,
        total_walk_s=F(162),
        tfs_s=F(100),
        peak_leg_pain=6,
        rests=1,
        ended_by=WalkEnd.MUST_STOP,
        notes="hills",
    )


def test_a_routine_cut_short_carries_on_from_its_step_with_every_engine_class_renamed(
    db, clock, classes_renamed
):
    sid, engine, _live = run_routine(db, clock, until=200)  # the app dies in the routine
    in_step = engine.view(clock.monotonic()).step
    assert in_step > 0
    recording.save_interrupted(db, sid)
    resume = routines.resume_point(db, clock.now())
    assert resume is not None and (resume.session_id, resume.step) == (sid, in_step)
