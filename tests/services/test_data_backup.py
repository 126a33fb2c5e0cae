"""Back up and restore: a round trip that never loses the data it replaces."""

import hashlib
import sqlite3
from datetime import UTC, datetime

import pytest

from stenosis_coach.errors import DatabaseTooNew, InvalidInput, NotOurDatabase
from stenosis_coach.services.data_backup import backup_to, restore_from
from stenosis_coach.services.recording import SessionRecorder
from stenosis_coach.storage import backup
from stenosis_coach.storage.database import open_database
from stenosis_coach.storage.schema import SCHEMA_VERSION
from stenosis_coach.storage.sessions_repo import SessionRepository

NOW = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)


def titles(paths):
    db = open_database(paths)
    try:
        return sorted(s.title for s in SessionRepository(db).recent())
    finally:
        db.close()


def record(db, clock, title):
    rec = SessionRecorder(db, clock)
    rec.start("routine", title)
    clock.advance(30)
    rec.finish()


def test_round_trip_restores_exactly_and_keeps_the_replaced_data(db, clock, paths, tmp_path):
    record(db, clock, "Before backup")
    out = backup_to(paths, tmp_path / "my-backup.db")
    record(db, clock, "After backup")
    db.close()

    result = restore_from(paths, out, NOW)

    assert titles(paths) == ["Before backup"]
    assert result.previous_kept_at is not None
    conn = sqlite3.connect(result.previous_kept_at)
    kept = sorted(r[0] for r in conn.execute("SELECT title FROM session"))
    conn.close()
    assert kept == ["After backup", "Before backup"]
    assert result.previous_kept_at in backup.backups(paths.backup_dir)


def test_backup_is_consistent_while_the_database_is_open(db, clock, paths, tmp_path):
    record(db, clock, "Open session data")
    out = backup_to(paths, tmp_path / "b.db")  # db still open, data still in the WAL
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT title FROM session").fetchall() == [("Open session data",)]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert (out.stat().st_mode & 0o777) == 0o600


def test_backup_refuses_bad_destinations_and_leaves_nothing(db, paths, tmp_path):
    with pytest.raises(InvalidInput, match="does not exist"):
        backup_to(paths, tmp_path / "no-such-folder" / "b.db")
    with pytest.raises(InvalidInput, match="folder"):
        backup_to(paths, tmp_path)
    with pytest.raises(InvalidInput, match="live data file"):
        backup_to(paths, paths.db_file)
    assert not list(tmp_path.glob("*.partial"))


def test_backup_with_no_data_yet_says_so(paths, tmp_path):
    with pytest.raises(InvalidInput, match="no data"):
        backup_to(paths, tmp_path / "b.db")


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", ["text", "foreign-sqlite", "newer", "missing"])
def test_restore_refuses_what_is_not_our_backup_and_changes_nothing(db, paths, tmp_path, kind):
    db.close()
    bad = tmp_path / "bad.db"
    if kind == "text":
        bad.write_text("just some notes\n" * 50)
        expected = NotOurDatabase
    elif kind == "foreign-sqlite":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
        conn.close()
        expected = NotOurDatabase
    elif kind == "newer":
        backup_to(paths, bad)
        conn = sqlite3.connect(bad)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
        expected = DatabaseTooNew
    else:
        expected = InvalidInput
    before = digest(paths.db_file)
    with pytest.raises(expected, match=r"nothing was changed|does not exist"):
        restore_from(paths, bad, NOW)
    assert digest(paths.db_file) == before
    assert backup.backups(paths.backup_dir) == []


def test_restore_over_a_damaged_database_moves_it_aside_untouched(db, clock, paths, tmp_path):
    record(db, clock, "Precious")
    good = backup_to(paths, tmp_path / "good.db")
    db.close()
    raw = bytearray(paths.db_file.read_bytes())
    raw[100:4096] = b"\x00" * 3996
    paths.db_file.write_bytes(bytes(raw))
    damaged = digest(paths.db_file)

    result = restore_from(paths, good, NOW)

    assert result.previous_kept_at.name.startswith("coach-damaged-")
    assert digest(result.previous_kept_at) == damaged
    assert titles(paths) == ["Precious"]
