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


# -- a disk that fills up, faked: runs everywhere, no mount needed (issue 13, "How") ------------
#
# One test per kind of file the app writes (the PDFs: tests/storage/test_pdf_faults.py; a
# session's events: tests/storage/test_session_disk_full.py). The fake fails the writing
# itself with ENOSPC, as a full disk does: either the file object's ``write`` (for a file
# under the folder) or ``os.fsync`` (file systems that find out only when flushing: NFS,
# delayed allocation). SQLite writes in C, so for a backup the "write" fault is SQLite
# saying the disk is full while it copies.

FULL = OSError(errno.ENOSPC, "No space left on device")


class FillsUp:
    """A file being written on a disk with only ``room`` bytes left."""

    def __init__(self, handle, room: int = 16) -> None:
        self._handle, self._room = handle, room

    def write(self, data):
        self._room -= len(data)
        if self._room < 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self._handle.write(data)

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._handle.close()
        return False


@pytest.fixture
def full_disk(monkeypatch):
    """``full_disk(folder, "write" | "fsync")``: from now on the disk holding ``folder``
    is full."""
    import builtins

    def make_full(folder, how):
        folder = os.path.realpath(folder)
        if how == "fsync":

            def fsync(fd):
                raise OSError(errno.ENOSPC, "No space left on device")

            monkeypatch.setattr(os, "fsync", fsync)
            return
        real_open = builtins.open

        def opened(file, mode="r", *args, **kwargs):
            handle = real_open(file, mode, *args, **kwargs)
            inside = isinstance(file, str | os.PathLike) and os.path.realpath(file).startswith(
                folder + os.sep
            )
            return FillsUp(handle) if inside and set(mode) & set("wax") else handle

        monkeypatch.setattr(builtins, "open", opened)

    return make_full


def nothing_left_behind(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("how", ["write", "fsync"])
def test_a_backup_onto_a_full_disk_leaves_the_old_backup(
    db, paths, out, full_disk, how, monkeypatch
):
    target = out / "backup.db"
    backup_to(paths, target)
    before = target.read_bytes()
    if how == "write":
        real_copy = backup.sqlite_copy

        def copy_fills_up(source, tmp):
            real_copy(source, tmp)  # SQLite writes in C: it says the disk is full itself
            raise sqlite_error(sqlite3.SQLITE_FULL, "database or disk is full")

        monkeypatch.setattr(backup, "sqlite_copy", copy_fills_up)
    else:
        full_disk(out, how)
    with pytest.raises(DiskFull, match=r"^The disk is full, so the backup was not written"):
        backup_to(paths, target)
    assert target.read_bytes() == before and nothing_left_behind(out)


@pytest.mark.parametrize("how", ["write", "fsync"])
def test_an_export_onto_a_full_disk_leaves_nothing(db, out, full_disk, how):
    from datetime import timedelta, timezone

    from stenosis_coach.services.export import export_csv

    full_disk(out, how)
    with pytest.raises(DiskFull, match=r"^The disk is full, so the export was not written"):
        export_csv(db, out / "csv", T, timezone(timedelta(hours=1)))
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("how", ["write", "fsync"])
def test_a_plan_export_onto_a_full_disk_leaves_the_old_file(db, out, full_disk, how):
    from stenosis_coach.services.plans import export_plan

    target = out / "home.scplan.json"
    target.write_text("the plan given last week")
    full_disk(out, how)
    with pytest.raises(DiskFull, match=r"^The disk is full, so the plan file was not written"):
        export_plan(db, target, ["flexion-basics"], False, "Home", "R. Okafor", None)
    assert target.read_text() == "the plan given last week" and nothing_left_behind(out)


@pytest.mark.parametrize("how", ["write", "fsync"])
def test_settings_on_a_full_disk_leave_the_saved_ones(paths, full_disk, how):
    from stenosis_coach.services.settings_store import load_settings, save_settings

    saved = load_settings(paths).with_changes(high_contrast=True)
    save_settings(paths, saved)
    before = paths.settings_file.read_bytes()
    full_disk(paths.config_dir, how)
    with pytest.raises(OSError, match=r"^The disk is full, so the settings file was not written"):
        save_settings(paths, saved.with_changes(high_contrast=False))
    assert paths.settings_file.read_bytes() == before
    assert load_settings(paths) == saved and nothing_left_behind(paths.config_dir)
