"""One status per session (issue 13, item 10): the history, the weekly figures, ``status``,
the export and crash recovery all say the same thing about a session."""

import csv
from fractions import Fraction

from stenosis_coach.core.exercises import engine as exercise_engine
from stenosis_coach.core.sessions import EndReason
from stenosis_coach.core.walking import engine as walk_engine
from stenosis_coach.core.walking.model import WalkEnd, WalkKind
from stenosis_coach.core.walking.prescription import Prescription
from stenosis_coach.services import exercises as library
from stenosis_coach.services import recording, routines, today
from stenosis_coach.services.demo import fill_demo
from stenosis_coach.services.export import export_csv
from stenosis_coach.services.progress import progress_data
from stenosis_coach.services.status import build_status
from stenosis_coach.services.walk_sessions import (
    WalkRecording,
    interrupted_draft,
    save_interrupted_walk,
)
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.storage.walks_repo import WalkRepository


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def exported(db, clock, tmp_path, name="export"):
    out = tmp_path / name
    export_csv(db, out, clock.now())
    sessions = {r["session_id"]: r for r in read_csv(out / "sessions.csv")}
    return sessions, read_csv(out / "walks.csv")


def run_routine_to_its_ratings(db, clock) -> int:
    """A routine coached to the end of its last step, as the player does; the app then dies
    on the ratings after it (no finish)."""
    routine = routines.my_routine(db)
    rec = routines.RoutineRecording(db, clock)
    sid = rec.start(routine, chair_versions=False)
    rec.ratings("before", 3, 2)
    session = exercise_engine.ExerciseSession(routine, library.exercises(db), clock.monotonic())
    while not session.finished:
        clock.advance(1.0)
        rec.record(session.tick(clock.monotonic()))
        rec.recorder.heartbeat()
    clock.advance(20)  # 20 s on the ratings screen, heartbeat still going
    rec.recorder.heartbeat()
    return sid


def test_a_routine_killed_on_its_ratings_is_kept_completed_and_counted_everywhere(
    db, clock, tmp_path
):
    sid = run_routine_to_its_ratings(db, clock)
    [offered] = recording.interrupted_sessions(db)  # the next start offers it back
    saved = recording.save_interrupted(db, offered.id)
    assert saved.end_reason is EndReason.COMPLETED
    [summary] = routines.history(db)
    assert summary.completed and summary.after.leg is None  # ratings missing, nothing invented
    [outcome] = routines.outcomes(db)
    assert outcome.completed
    weekly = progress_data(db, clock.now()).adherence.routines.points[-1]
    assert weekly.exact == 1 and "1 completed" in weekly.text  # the hover text
    due = build_status(db, clock.now()).to_json()["due"]
    assert due["routines"][0]["done_this_week"] == 1
    sessions, _walks = exported(db, clock, tmp_path)
    assert sessions[str(sid)]["ended_how"] == "completed"


def test_a_routine_the_app_died_in_is_interrupted_everywhere(db, clock, tmp_path):
    routine = routines.my_routine(db)
    rec = routines.RoutineRecording(db, clock)
    sid = rec.start(routine, chair_versions=False)
    session = exercise_engine.ExerciseSession(routine, library.exercises(db), clock.monotonic())
    for _ in range(30):
        clock.advance(1.0)
        rec.record(session.tick(clock.monotonic()))
    rec.recorder.heartbeat()
    assert recording.save_interrupted(db, sid).end_reason is EndReason.INTERRUPTED
    assert not routines.history(db)[0].completed and not routines.outcomes(db)[0].completed
    sessions, _walks = exported(db, clock, tmp_path)
    assert sessions[str(sid)]["ended_how"] == "interrupted"


def walk_ended_by_must_stop(db, clock) -> int:
    """A training walk ended by Must stop; the app dies on its summary (not saved)."""
    plan = Prescription(WalkKind.TRAINING, Fraction(240), Fraction(120), Fraction(1200), "")
    rec = WalkRecording(db, clock, plan)
    sid = rec.start()
    engine = walk_engine.WalkSession(plan, clock.monotonic())
    rec.record(engine.tick(clock.monotonic()))
    clock.advance(95)
    rec.record(engine.must_stop(clock.monotonic()))
    clock.advance(30)  # on the summary screen
    rec.recorder.heartbeat()
    return sid


def test_a_walk_ended_by_must_stop_then_killed_is_must_stop_for_its_session_and_its_walk(
    db, clock, tmp_path
):
    sid = walk_ended_by_must_stop(db, clock)
    saved = recording.save_interrupted(db, sid)
    assert saved.end_reason is EndReason.MUST_STOP
    draft = interrupted_draft(db, saved)  # what the summary asked after the restart shows
    assert draft.ended_by is WalkEnd.MUST_STOP
    save_interrupted_walk(db, saved, draft.walk(6))
    [stored] = WalkRepository(db).all()
    assert stored.walk.ended_by is WalkEnd.MUST_STOP
    sessions, walks = exported(db, clock, tmp_path)
    [walk] = walks
    assert walk["session_id"] == str(sid)
    assert (walk["ended_by"], sessions[str(sid)]["ended_how"]) == ("must_stop", "must_stop")


def test_demo_walks_and_their_sessions_agree(db, clock, tmp_path):
    fill_demo(db, weeks=12, seed=1, now=clock.now())
    sessions, walks = exported(db, clock, tmp_path)
    recorded = [w for w in walks if w["session_id"]]
    ends = {w["ended_by"] for w in recorded}
    assert "must_stop" in ends  # the demo has one (DESIGN 5.5's Tom)
    expected = {"completed": "completed", "must_stop": "must_stop"}
    for w in recorded:
        how = sessions[w["session_id"]]["ended_how"]
        assert how == expected.get(w["ended_by"], "stopped"), w


def test_a_routine_saved_as_interrupted_by_an_older_version_reads_completed_everywhere(
    db, clock, tmp_path
):
    sid = run_routine_to_its_ratings(db, clock)
    repo = SessionRepository(db)
    beat = repo.get(sid).heartbeat_at
    repo.finish(sid, beat, EndReason.INTERRUPTED, None)  # what the older version stored
    assert routines.history(db)[0].completed and routines.outcomes(db)[0].completed
    due = build_status(db, clock.now()).to_json()["due"]
    assert due["routines"][0]["done_this_week"] == 1
    assert routines.resume_point(db, clock.now()) is None  # nothing to carry on
    assert "stopped before the end" not in today.last_result(db)
    sessions, _walks = exported(db, clock, tmp_path)
    assert sessions[str(sid)]["ended_how"] == "completed"
