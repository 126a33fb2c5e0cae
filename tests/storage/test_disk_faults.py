"""Full disks, read-only disks and empty files at start, in a session and in a backup
(issue 13, items 4 and 5): told apart from damage, one sentence each, nothing replaced."""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from stenosis_coach.errors import DatabaseDamaged, DiskFull, NotWritable
from stenosis_coach.paths import AppPaths
from stenosis_coach.services.data_backup import backup_to
from stenosis_coach.storage import backup, schema
from stenosis_coach.storage.database import open_database

T = datetime(2026, 1, 1, tzinfo=UTC)


def sqlite_error(code: int, message: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode = code
    return exc


# -- item 4: only a missing file is a first start ----------------------------------------------


def test_an_empty_data_file_is_kept_and_the_newest_backup_offered(paths):
    open_database(paths).close()
    newest = backup.timestamped_backup(paths.db_file, paths.backup_dir, "before-upgrade", T)
    paths.db_file.write_bytes(b"")
    with pytest.raises(DatabaseDamaged, match="is empty") as caught:
        open_database(paths)
    assert caught.value.newest_backup == newest
    assert paths.db_file.stat().st_size == 0  # not made into a new, empty database


def test_a_first_start_cut_short_leaves_no_half_made_data_file(paths, monkeypatch):
    from stenosis_coach.storage import database

    def crash(engine):
        raise KeyboardInterrupt  # the power goes during the first migration

    monkeypatch.setattr(database, "upgrade_to_head", crash)
    with pytest.raises(KeyboardInterrupt):
        open_database(paths)
    assert not paths.db_file.exists()  # so the next start is a first start again
    monkeypatch.undo()
    open_database(paths).close()
    assert paths.db_file.stat().st_size > 0


# -- item 5: a full disk is not damage ------------------------------------------------------------


def test_a_full_disk_at_start_says_so_not_damaged(paths, monkeypatch):
    open_database(paths).close()
    real_connect = sqlite3.connect

    def full(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.close()
        raise sqlite_error(sqlite3.SQLITE_FULL, "database or disk is full")

    monkeypatch.setattr(schema.sqlite3, "connect", full)
    with pytest.raises(DiskFull, match="disk is full, so your data could not be opened"):
        open_database(paths)


def test_a_disk_io_error_on_a_full_disk_at_start_is_a_full_disk(paths, monkeypatch):
    from stenosis_coach import errors

    open_database(paths).close()

    def io_error(*args, **kwargs):
        raise sqlite_error(sqlite3.SQLITE_IOERR_SHMSIZE, "disk I/O error")

    class Full:
        f_bavail, f_frsize, f_flag = 0, 4096, 0

    monkeypatch.setattr(schema.sqlite3, "connect", io_error)
    monkeypatch.setattr(errors.os, "statvfs", lambda p: Full())
    with pytest.raises(DiskFull):
        open_database(paths)


def test_a_full_disk_in_a_session_is_one_sentence(db, monkeypatch):
    with pytest.raises(DiskFull, match="the last change could not be saved"), db.session() as s:
        s.execute(text("SELECT 1"))
        raise sqlalchemy_error(sqlite_error(sqlite3.SQLITE_FULL, "database or disk is full"))


def test_a_read_only_database_in_a_session_is_one_sentence(db):
    with pytest.raises(NotWritable, match="cannot be written to"), db.session():
        raise sqlalchemy_error(
            sqlite_error(sqlite3.SQLITE_READONLY, "attempt to write a readonly database")
        )


def sqlalchemy_error(orig):
    from sqlalchemy.exc import OperationalError

    return OperationalError("INSERT ...", {}, orig)


def test_a_full_disk_during_a_backup_is_not_a_raw_disk_io_error(db, paths, tmp_path, monkeypatch):
    from stenosis_coach import errors

    def io_error(source, tmp):
        tmp.write_bytes(b"half")
        raise sqlite_error(sqlite3.SQLITE_IOERR_WRITE, "disk I/O error")

    class Full:
        f_bavail, f_frsize, f_flag = 0, 4096, 0

    monkeypatch.setattr(backup, "sqlite_copy", io_error)
    monkeypatch.setattr(errors.os, "statvfs", lambda p: Full())
    out = tmp_path / "b.db"
    with pytest.raises(DiskFull) as caught:
        backup_to(paths, out)
    assert "I/O" not in caught.value.message
    assert caught.value.message.startswith("The disk is full")
    assert not out.exists() and [p.name for p in tmp_path.glob(".*partial")] == []


# -- a real small disk (root only; skipped where it cannot be mounted) -----------------------


@pytest.fixture
def small_disk(mount_tmpfs):
    return mount_tmpfs("1m")


def fill(folder):
    with open(folder / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def test_a_backup_onto_a_really_full_disk(db, paths, small_disk):
    fill(small_disk)
    out = small_disk / "backup.db"
    with pytest.raises(DiskFull, match="disk is full, so the backup was not written"):
        backup_to(paths, out)
    assert not out.exists() and sorted(os.listdir(small_disk)) == ["filler"]


def test_a_really_full_disk_at_start_is_not_damage(small_disk, template_db):
    import shutil

    paths = AppPaths.resolve(small_disk / "data")
    paths.ensure()
    shutil.copy2(template_db, paths.db_file)
    db = open_database(paths)
    try:
        fill(small_disk)
        with pytest.raises(DiskFull), db.session() as s:
            s.execute(text("CREATE TABLE ballast (x)"))
            for _ in range(200):
                s.execute(text("INSERT INTO ballast VALUES (zeroblob(8192))"))
    finally:
        db.close()
    try:
        open_database(paths).close()  # a start on a full disk: opened, or "disk is full"
    except DiskFull:
        pass
    except DatabaseDamaged:
        pytest.fail("a full disk was reported as damage")


def test_an_empty_data_file_can_be_restored_over_and_is_kept_aside(paths):
    from stenosis_coach.services.data_backup import restore_from

    open_database(paths).close()
    newest = backup.timestamped_backup(paths.db_file, paths.backup_dir, "before-upgrade", T)
    paths.db_file.write_bytes(b"")
    result = restore_from(paths, newest, T)
    assert result.previous_kept_at.name.startswith("coach-damaged-")
    assert result.previous_kept_at.stat().st_size == 0
    open_database(paths).close()
