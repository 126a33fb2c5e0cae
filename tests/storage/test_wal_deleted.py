"""A ``coach.db-wal`` deleted or replaced while the app runs loses nothing (issue 13 item 9).

SQLite keeps writing into the WAL file it has open: once that file is deleted from the
folder, whatever is in it exists only in the running process, and a kill loses it. The
heartbeat notices (the WAL file's inode vanished or changed), copies what the connection
has into the data file (a checkpoint through the open WAL), and starts a fresh WAL.
Proved with real processes killed with SIGKILL.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from stenosis_coach.core.sessions import SessionState
from stenosis_coach.paths import AppPaths
from stenosis_coach.services.recording import SessionRecorder
from stenosis_coach.storage.database import open_database
from stenosis_coach.storage.sessions_repo import SessionRepository

# Runs in a child process: record, lose the WAL file (how = "delete" or "replace"), record
# more with heartbeats (or, to show what is at stake, without any), then die at once as a
# crash or a power cut would.
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import UTC, datetime
    from stenosis_coach.core.clock import ManualClock
    from stenosis_coach.paths import AppPaths
    from stenosis_coach.services.recording import SessionRecorder
    from stenosis_coach.storage.database import open_database

    data, how, beat = sys.argv[1], sys.argv[2], sys.argv[3] == "beat"
    paths = AppPaths.resolve(data)
    db = open_database(paths)
    clock = ManualClock(datetime(2026, 3, 2, 8, 30, tzinfo=UTC))
    rec = SessionRecorder(db, clock)
    sid = rec.start("walk", "Training walk")
    for n in range(5):
        clock.advance(1)
        rec.event("tick", n=n)
        rec.heartbeat()
    wal = str(paths.db_file) + "-wal"
    os.unlink(wal)
    if how == "replace":
        with open(wal, "wb") as other:
            other.write(b"not a wal file" * 100)
    if beat:
        clock.advance(1)
        rec.heartbeat()
        print("told:", rec.files_notice or "", flush=True)
    for n in range(5, 10):
        clock.advance(1)
        rec.event("tick", n=n)
        if beat:
            rec.heartbeat()
    print("session", sid, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def run_child(paths: AppPaths, how: str, beat: bool) -> subprocess.CompletedProcess[str]:
    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(paths.data_dir), how, "beat" if beat else "no"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    return done


@pytest.fixture
def data(paths: AppPaths, template_db: Path) -> AppPaths:
    paths.ensure()
    shutil.copy2(template_db, paths.db_file)
    return paths


def after_the_kill(paths: AppPaths):
    check = sqlite3.connect(paths.db_file)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        check.close()
    db = open_database(paths)
    try:
        repo = SessionRepository(db)
        sessions = repo.running()
        return sessions, {s.id: repo.events(s.id) for s in sessions}
    finally:
        db.close()


@pytest.mark.parametrize("how", ["delete", "replace"])
def test_a_wal_lost_mid_session_then_a_kill_loses_no_event(data, how):
    done = run_child(data, how, beat=True)
    assert "told: " in done.stdout and done.stdout.split("told: ")[1].split("\n")[0]
    [session], events = after_the_kill(data)
    assert session.state is SessionState.RUNNING  # offered back as interrupted
    ticks = [e.data["n"] for e in events[session.id] if e.kind == "tick"]
    assert ticks == list(range(10))
    assert session.elapsed_s == 11.0


def test_without_a_heartbeat_the_kill_loses_what_was_in_the_wal(data):
    """What the check prevents (and that the test really kills what was in the WAL)."""
    run_child(data, "delete", beat=False)
    sessions, events = after_the_kill(data)
    kept = [e.data["n"] for s in sessions for e in events[s.id] if e.kind == "tick"]
    assert kept != list(range(10))


def test_the_check_says_nothing_while_the_wal_is_the_same(db, clock):
    rec = SessionRecorder(db, clock)
    rec.start("walk", "Training walk")
    for _ in range(5):
        clock.advance(1)
        rec.heartbeat()
    assert rec.files_notice is None
    assert not db.wal_replaced()


def test_the_check_tells_once(db, clock):
    rec = SessionRecorder(db, clock)
    sid = rec.start("walk", "Training walk")
    rec.heartbeat()
    os.unlink(str(db.paths.db_file) + "-wal")
    clock.advance(1)
    rec.heartbeat()
    told = rec.files_notice
    assert told and "safe" in told
    rec.take_files_notice()
    clock.advance(1)
    rec.event("tick")
    rec.heartbeat()
    assert rec.files_notice is None  # the fresh WAL is the one seen now
    assert [e.kind for e in SessionRepository(db).events(sid)] == ["started", "tick"]


def test_a_wal_deleted_before_the_first_heartbeat_is_noticed_too(db, clock):
    rec = SessionRecorder(db, clock)
    sid = rec.start("walk", "Training walk")
    rec.event("tick")
    db.wal_file.unlink()
    clock.advance(1)
    rec.heartbeat()
    assert rec.take_files_notice()
    db.close()
    check = sqlite3.connect(db.paths.db_file)  # what is in the file itself, WAL or not
    try:
        kinds = [
            k for (k,) in check.execute("SELECT kind FROM session_event WHERE session_id=?", (sid,))
        ]
    finally:
        check.close()
    assert kinds == ["started", "tick"]


def test_the_real_app_mid_walk_saves_a_lost_wal_before_it_is_killed(data):
    """The running app (real window, real timers and clock: tests/soak/driver.py): the
    WAL deleted mid-walk is replaced by a fresh one within about a second, and a kill
    after that loses neither the walk nor its events."""
    import time

    driver = Path(__file__).resolve().parents[1] / "soak" / "driver.py"
    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    child = subprocess.Popen(
        [sys.executable, str(driver), str(data.data_dir), "walk"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    try:
        assert child.stdout is not None
        ready = child.stdout.readline()
        assert ready.startswith("ready "), ready
        session_id = int(ready.split()[1])
        wal = Path(f"{data.db_file}-wal")
        deadline = time.monotonic() + 10
        while not wal.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        wal.unlink()
        while not wal.exists() and time.monotonic() < deadline:  # the heartbeat's rescue
            time.sleep(0.05)
        assert wal.exists(), "no fresh WAL file within 10 s"
    finally:
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
    assert "dialog" not in out  # said on the screen, never in a box
    sessions, events = after_the_kill(data)
    assert [s.id for s in sessions] == [session_id]
    assert [e.kind for e in events[session_id]][:1] == ["started"]
