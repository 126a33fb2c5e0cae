"""A full or read-only disk during a session loses nothing (issue 13 item 5).

The recorder keeps every write the disk refuses in memory, in order and with its own
times, retries at each heartbeat, and writes it all when the disk takes it again. A fake
disk (the repository's writes raise SQLite's own "database or disk is full") runs
everywhere; one test fills a real small tmpfs (root only, skipped elsewhere).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from stenosis_coach.core.sessions import EndReason, SessionState
from stenosis_coach.errors import DiskFull, NotWritable
from stenosis_coach.paths import AppPaths
from stenosis_coach.services.recording import SessionRecorder, pending_writes
from stenosis_coach.storage.database import open_database
from stenosis_coach.storage.sessions_repo import SessionRepository

WRITES = ("start", "add_event", "heartbeat", "finish")


class FakeDisk:
    """Makes every session write fail as SQLite fails on a full (or read-only) disk."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        self.error = "database or disk is full"
        self.refused = 0
        for name in WRITES:
            real = getattr(SessionRepository, name)
            monkeypatch.setattr(SessionRepository, name, self._failing(real))

    def _failing(self, real):
        def write(repo, *args, **kwargs):
            if self.full:
                self.refused += 1
                raise sqlite3.OperationalError(self.error)
            return real(repo, *args, **kwargs)

        return write


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> FakeDisk:
    return FakeDisk(monkeypatch)


def stored(db, session_id):
    repo = SessionRepository(db)
    return repo.get(session_id), repo.events(session_id)


def test_a_full_disk_keeps_every_event_in_order_and_writes_them_when_space_returns(db, clock, disk):
    rec = SessionRecorder(db, clock)
    sid = rec.start("walk", "Training walk")
    clock.advance(1)
    rec.event("bout_started", bout=1)
    disk.full = True
    for n in range(3):
        clock.advance(1)
        rec.event("tick", n=n)  # no error reaches the caller: the session goes on
        rec.heartbeat()
    assert rec.active and disk.refused > 0
    assert isinstance(pending_writes(db).problem, DiskFull)
    assert "free some space" in pending_writes(db).problem.message
    _session, events = stored(db, sid)
    assert [e.kind for e in events] == ["started", "bout_started"]

    disk.full = False
    clock.advance(1)
    rec.heartbeat()
    session, events = stored(db, sid)
    assert pending_writes(db).saved and pending_writes(db).problem is None
    assert [(e.kind, e.t_s, e.data) for e in events] == [
        ("started", 0.0, {}),
        ("bout_started", 1.0, {"bout": 1}),
        ("tick", 2.0, {"n": 0}),
        ("tick", 3.0, {"n": 1}),
        ("tick", 4.0, {"n": 2}),
    ]
    # Each event kept the time it happened, not the time it was written.
    assert [e.at - clock.now() for e in events[2:]] == [
        timedelta(seconds=-3),
        timedelta(seconds=-2),
        timedelta(seconds=-1),
    ]
    assert session.elapsed_s == 5.0 and session.heartbeat_at == clock.now()


def test_the_heartbeat_retries_without_piling_up_one_write_a_second(db, clock, disk):
    rec = SessionRecorder(db, clock)
    rec.start("walk", "Training walk")
    disk.full = True
    rec.event("bout_started")
    for _ in range(60):
        clock.advance(1)
        rec.heartbeat()
    assert pending_writes(db).waiting <= 2  # the event, and at most one heartbeat


def test_finishing_on_a_full_disk_keeps_the_session_and_saves_it_later(db, clock, disk):
    rec = SessionRecorder(db, clock)
    sid = rec.start("routine", "Gentle start")
    disk.full = True
    clock.advance(30)
    rec.event("ratings_after", leg=2, back=1)
    record = rec.finish(EndReason.COMPLETED)
    assert not rec.active
    assert record.id == sid and record.end_reason is EndReason.COMPLETED
    assert record.elapsed_s == 30.0
    assert stored(db, sid)[0].state is SessionState.RUNNING  # not written yet
    assert pending_writes(db).retry() is False  # still full: kept

    disk.full = False
    assert pending_writes(db).retry() is True
    session, events = stored(db, sid)
    assert session.state is SessionState.FINISHED
    assert session.end_reason is EndReason.COMPLETED and session.elapsed_s == 30.0
    assert [e.kind for e in events] == ["started", "ratings_after", "finished"]


def test_a_read_only_disk_is_held_back_the_same_way(db, clock, disk):
    rec = SessionRecorder(db, clock)
    sid = rec.start("walk", "Training walk")
    disk.full, disk.error = True, "attempt to write a readonly database"
    rec.event("paused")
    assert isinstance(pending_writes(db).problem, NotWritable)
    disk.full = False
    rec.heartbeat()
    assert [e.kind for e in stored(db, sid)[1]] == ["started", "paused"]


def test_a_bug_is_raised_once_not_kept_and_retried_every_second(db, clock, monkeypatch):
    rec = SessionRecorder(db, clock)
    rec.start("walk", "Training walk")

    def broken(*_args, **_kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(SessionRepository, "add_event", broken)
    with pytest.raises(ValueError):
        rec.event("paused")
    assert pending_writes(db).saved
    rec.heartbeat()  # no second error


def test_the_next_session_waits_behind_what_is_not_saved_yet(db, clock, disk):
    rec = SessionRecorder(db, clock)
    first = rec.start("walk", "Training walk")
    disk.full = True
    rec.finish(EndReason.STOPPED)
    with pytest.raises(DiskFull, match="nothing can be recorded just now"):
        SessionRecorder(db, clock).start("walk", "Training walk")  # the patient is told
    disk.full = False
    second_rec = SessionRecorder(db, clock)
    second = second_rec.start("walk", "Training walk")
    assert stored(db, first)[0].state is SessionState.FINISHED
    assert second > first


def test_a_real_full_disk_loses_no_event(mount_tmpfs, template_db: Path, clock):
    disk_dir = mount_tmpfs("2m")
    paths = AppPaths.resolve(disk_dir / "data")
    paths.ensure()
    shutil.copy2(template_db, paths.db_file)
    db = open_database(paths)
    try:
        rec = SessionRecorder(db, clock)
        sid = rec.start("walk", "Training walk")
        filler = disk_dir / "filler"
        fd = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o600)
        try:  # take every byte left
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        written = 0
        for n in range(40):
            clock.advance(1)
            rec.event("tick", n=n)
            rec.heartbeat()
            written += 1
        assert not pending_writes(db).saved, "the disk never filled"
        assert isinstance(pending_writes(db).problem, DiskFull)
        os.unlink(filler)
        clock.advance(1)
        rec.heartbeat()
        rec.finish(EndReason.COMPLETED)
        assert pending_writes(db).saved
        session, events = stored(db, sid)
        assert [e.data.get("n") for e in events if e.kind == "tick"] == list(range(written))
        assert session.state is SessionState.FINISHED
        check = sqlite3.connect(paths.db_file)
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        check.close()
    finally:
        db.close()


def test_a_recorder_never_writes_into_another_database(paths, db, clock):
    """The recorder belongs to the database it started in: once that one is closed (a
    restore put another file in its place), nothing goes into the new one."""
    rec = SessionRecorder(db, clock)
    sid = rec.start("walk", "Training walk")
    db.close()
    other = open_database(paths)  # the same path, another open database
    try:
        before = SessionRepository(other).events(sid)
        with pytest.raises(RuntimeError, match="closed"):
            rec.event("paused")
        with pytest.raises(RuntimeError, match="closed"):
            rec.finish(EndReason.STOPPED)
        assert SessionRepository(other).events(sid) == before
        assert SessionRepository(other).get(sid).state is SessionState.RUNNING
    finally:
        other.close()


@pytest.mark.parametrize(
    ("error", "said"),
    [
        ("database or disk is full", DiskFull),
        ("attempt to write a readonly database", NotWritable),
    ],
)
def test_what_the_database_says_of_a_refused_commit_is_held_too(
    db, clock, monkeypatch, error, said
):
    """The same refusal seen where the app sees it: a commit fails inside Database.session
    and comes out as the app's own sentence (DiskFull, NotWritable)."""
    from sqlalchemy.exc import OperationalError
    from sqlmodel import Session

    rec = SessionRecorder(db, clock)
    sid = rec.start("walk", "Training walk")
    real_commit = Session.commit
    refusing = {"on": True}

    def commit(session):
        if refusing["on"]:
            raise OperationalError("COMMIT", {}, sqlite3.OperationalError(error))
        return real_commit(session)

    monkeypatch.setattr(Session, "commit", commit)
    rec.event("paused")
    assert isinstance(pending_writes(db).problem, said)
    refusing["on"] = False
    rec.heartbeat()
    assert [e.kind for e in stored(db, sid)[1]] == ["started", "paused"]


def test_a_session_does_not_start_on_a_full_disk_and_says_why_in_its_own_words(db, clock, disk):
    disk.full = True
    rec = SessionRecorder(db, clock)
    with pytest.raises(DiskFull) as told:
        rec.start("routine", "Gentle start")
    assert told.value.message == (
        "The disk is full, so nothing can be recorded just now; free some space, then try again."
    )
    assert not rec.active and pending_writes(db).saved
