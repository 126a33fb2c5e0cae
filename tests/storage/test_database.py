"""Opening the database: migrations from empty, refusal of the future, damage, backups."""

import hashlib
import sqlite3
import stat
from datetime import UTC, datetime, timedelta

import pytest

from stenosis_coach.errors import DatabaseDamaged, DatabaseTooNew
from stenosis_coach.storage import backup
from stenosis_coach.storage.database import UPGRADE_LABEL, open_database
from stenosis_coach.storage.migrate import head_revision
from stenosis_coach.storage.schema import APPLICATION_ID, SCHEMA_VERSION


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pragma(path, name):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_migrates_from_empty_to_a_private_wal_database(paths):
    db = open_database(paths)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            tables = {
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert {"session", "session_event", "alembic_version"} <= tables
        assert revision == head_revision()
        assert int(revision) == SCHEMA_VERSION
        assert pragma(paths.db_file, "user_version") == SCHEMA_VERSION
        assert pragma(paths.db_file, "application_id") == APPLICATION_ID
        for f in paths.data_dir.glob("coach.db*"):
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
        assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    finally:
        db.close()


def test_reopening_a_current_database_makes_no_backup(paths):
    open_database(paths).close()
    open_database(paths).close()
    assert backup.backups(paths.backup_dir) == []


def test_newer_database_is_refused_and_left_untouched(paths):
    open_database(paths).close()
    conn = sqlite3.connect(paths.db_file)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(paths.db_file)
    with pytest.raises(DatabaseTooNew, match="newer version"):
        open_database(paths)
    assert digest(paths.db_file) == before
    assert backup.backups(paths.backup_dir) == []


def test_damaged_database_is_kept_and_newest_backup_offered(paths):
    open_database(paths).close()
    t = datetime(2026, 1, 1, tzinfo=UTC)
    older = backup.timestamped_backup(paths.db_file, paths.backup_dir, "before-upgrade", t)
    newest = backup.timestamped_backup(
        paths.db_file, paths.backup_dir, "before-restore", t + timedelta(days=1)
    )
    assert older != newest
    raw = bytearray(paths.db_file.read_bytes())
    raw[4096:8192] = b"\xff" * 4096  # wreck page 2
    paths.db_file.write_bytes(bytes(raw))
    before = digest(paths.db_file)
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(paths)
    assert caught.value.newest_backup == newest
    assert "damaged" in caught.value.message
    assert digest(paths.db_file) == before


def test_a_file_that_is_not_ours_is_treated_as_damaged(paths):
    paths.ensure()
    paths.db_file.write_text("hello, not a database")
    with pytest.raises(DatabaseDamaged):
        open_database(paths)
    assert paths.db_file.read_text() == "hello, not a database"


def test_older_database_is_backed_up_before_upgrade(paths):
    paths.ensure()
    conn = sqlite3.connect(paths.db_file)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # ours, at version 0
    conn.execute("CREATE TABLE keepsake (note TEXT)")
    conn.execute("INSERT INTO keepsake VALUES ('from the old version')")
    conn.commit()
    conn.close()
    open_database(paths).close()
    saved = backup.backups(paths.backup_dir, UPGRADE_LABEL)
    assert len(saved) == 1
    assert pragma(saved[0], "user_version") == 0
    conn = sqlite3.connect(saved[0])
    assert conn.execute("SELECT note FROM keepsake").fetchone() == ("from the old version",)
    conn.close()
    assert stat.S_IMODE(saved[0].stat().st_mode) == 0o600
    assert pragma(paths.db_file, "user_version") == SCHEMA_VERSION


def test_only_the_newest_five_backups_are_kept(paths):
    open_database(paths).close()
    t = datetime(2026, 1, 1, tzinfo=UTC)
    made = [
        backup.timestamped_backup(
            paths.db_file, paths.backup_dir, "before-upgrade", t + timedelta(hours=i)
        )
        for i in range(7)
    ]
    assert backup.backups(paths.backup_dir, "before-upgrade") == list(reversed(made[2:]))


def test_a_version_1_database_is_backed_up_and_upgraded_keeping_its_data(paths, clock):
    from stenosis_coach.services.recording import SessionRecorder
    from stenosis_coach.storage.database import Database
    from stenosis_coach.storage.engine import make_engine
    from stenosis_coach.storage.migrate import upgrade_to_head
    from stenosis_coach.storage.sessions_repo import SessionRepository

    paths.ensure()
    engine = make_engine(paths.db_file)
    upgrade_to_head(engine, "0001")
    old = Database(paths, engine)
    rec = SessionRecorder(old, clock)
    rec.start("routine", "Recorded by version 1")
    rec.finish()
    old.close()
    assert pragma(paths.db_file, "user_version") == 1

    db = open_database(paths)
    try:
        assert [s.title for s in SessionRepository(db).recent()] == ["Recorded by version 1"]
        with db.engine.connect() as conn:
            tables = {
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            }
        assert "red_flag_check" in tables
    finally:
        db.close()
    [saved] = backup.backups(paths.backup_dir, UPGRADE_LABEL)
    assert pragma(saved, "user_version") == 1
    assert pragma(paths.db_file, "user_version") == SCHEMA_VERSION


def test_a_full_disk_is_a_plain_sentence_not_a_crash(db, monkeypatch):
    import sqlite3 as sqlite

    from sqlalchemy.exc import OperationalError

    from stenosis_coach.errors import StorageProblem

    def full(*args, **kwargs):
        raise OperationalError("INSERT", {}, sqlite.OperationalError("database or disk is full"))

    with pytest.raises(StorageProblem, match="disk is full"), db.session() as s:
        monkeypatch.setattr(s, "flush", full)
        s.flush()
