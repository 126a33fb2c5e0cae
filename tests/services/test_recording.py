"""Sessions are stored as they happen and offered back after a crash (DESIGN 3)."""

import sqlite3

import pytest

from stenosis_coach.core.sessions import EndReason, SessionState, interrupted_offer
from stenosis_coach.services import recording
from stenosis_coach.services.recording import SessionRecorder
from stenosis_coach.storage.sessions_repo import SessionRepository


def committed_rows(db_file, sql):
    """Read through a separate connection, as a crash survivor would."""
    conn = sqlite3.connect(db_file)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_each_event_is_committed_when_it_happens(db, clock, paths):
    rec = SessionRecorder(db, clock)
    sid = rec.start("routine", "Flexion basics")
    clock.advance(12.5)
    rec.event("step_started", step=1)
    rows = committed_rows(paths.db_file, "SELECT kind, t_s FROM session_event ORDER BY id")
    assert rows == [("started", 0.0), ("step_started", 12.5)]
    assert committed_rows(paths.db_file, f"SELECT state FROM session WHERE id={sid}") == [
        ("running",)
    ]


def test_heartbeat_moves_the_last_alive_time(db, clock, paths):
    rec = SessionRecorder(db, clock)
    sid = rec.start("walk", "Training walk")
    for _ in range(3):
        clock.advance(1.0)
        rec.heartbeat()
    session = SessionRepository(db).get(sid)
    assert session.elapsed_s == 3.0
    assert (session.heartbeat_at - session.started_at).total_seconds() == 3.0


def test_finished_session_is_not_offered_back(db, clock):
    rec = SessionRecorder(db, clock)
    rec.start("routine", "Gentle start")
    clock.advance(60)
    record = rec.finish(EndReason.COMPLETED)
    assert record.state is SessionState.FINISHED and record.elapsed_s == 60
    assert recording.interrupted_sessions(db) == []
    assert not rec.active


def test_a_session_left_running_is_offered_and_saved_as_ended_at_last_heartbeat(db, clock):
    rec = SessionRecorder(db, clock)
    sid = rec.start("walk", "Walking test")
    clock.advance(300)
    rec.heartbeat()
    clock.advance(0.6)  # the app dies before the next heartbeat
    [offered] = recording.interrupted_sessions(db)
    assert offered.id == sid
    text = interrupted_offer(offered)
    assert "Walking test" in text and "5:00 min" in text
    assert f"{offered.last_alive_local:%H:%M}" in text
    saved = recording.save_interrupted(db, sid)
    assert saved.end_reason is EndReason.INTERRUPTED
    assert saved.ended_at == offered.heartbeat_at
    assert recording.interrupted_sessions(db) == []


def test_discard_forgets_the_session_and_its_events(db, clock, paths):
    rec = SessionRecorder(db, clock)
    sid = rec.start("routine", "Gentle start")
    rec.event("step_started", step=1)
    recording.discard_interrupted(db, sid)
    assert committed_rows(paths.db_file, "SELECT count(*) FROM session_event") == [(0,)]
    assert SessionRepository(db).get(sid) is None


def test_interrupted_handler_of_the_kind_runs_on_save(db, clock):
    seen = []
    recording.on_interrupted_saved("test-kind", lambda _db, s: seen.append(s.id))
    rec = SessionRecorder(db, clock)
    sid = rec.start("test-kind", "x")
    recording.save_interrupted(db, sid)
    assert seen == [sid]


def test_recording_twice_at_once_is_a_bug(db, clock):
    rec = SessionRecorder(db, clock)
    rec.start("routine", "a")
    with pytest.raises(RuntimeError):
        rec.start("routine", "b")


def test_the_fast_session_read_agrees_with_the_ordinary_one(db, clock):
    for title in ("a", "b"):
        rec = SessionRecorder(db, clock)
        rec.start("routine", title)
        clock.advance(30)
        rec.finish(EndReason.STOPPED if title == "a" else EndReason.COMPLETED)
    repo = SessionRepository(db)
    assert repo.starts_and_ends("routine") == list(reversed(repo.recent(10, kind="routine")))
