"""Back up the user's data to a file, and restore it from one (Settings and CLI).

A backup is written through the one atomic writer (:func:`stenosis_coach.files.write_checked`):
a private temp file, fsynced, ``PRAGMA integrity_check`` ok, then renamed.

A restore replaces nothing until the candidate has passed every check, made on a private
copy of it: an ordinary file (never a pipe or a device), ours, not from a newer version,
``PRAGMA integrity_check`` and ``foreign_key_check`` clean, migrated to this version, and
every row read back through the app's own types and repositories. A row the app cannot
read makes the file damaged (one sentence, nothing changed), never a crash later. The
copy that was checked is the one restored.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from stenosis_coach import files
from stenosis_coach.errors import (
    FULL,
    NOT_ALLOWED,
    READ_ONLY,
    DatabaseTooNew,
    InvalidInput,
    NotOurDatabase,
    StorageProblem,
    UserError,
    problem_kind,
    storage_error,
)
from stenosis_coach.i18n import _
from stenosis_coach.paths import AppPaths
from stenosis_coach.storage import backup
from stenosis_coach.storage.database import Database, open_database
from stenosis_coach.storage.engine import create_private_file, make_engine
from stenosis_coach.storage.history_repo import read_everything
from stenosis_coach.storage.schema import SCHEMA_VERSION, inspect_database

log = logging.getLogger(__name__)

RESTORE_LABEL = "before-restore"
MAX_BACKUP_BYTES = 4 * 1024**3  # ten years of data is a few tens of MB


def backup_to(paths: AppPaths, out: Path) -> Path:
    """Copy the live database to ``out`` (a consistent snapshot, even while in use)."""
    out = Path(out).expanduser().absolute()
    db_file = paths.db_file
    if not db_file.exists() or db_file.stat().st_size == 0:
        raise InvalidInput(_("There is no data to back up yet."))
    target = files.check_output(out, "backup")
    if target.exists() and target.samefile(db_file):
        raise InvalidInput(
            _("{file} is the live data file itself; choose another name.").format(file=out)
        )
    try:
        written = backup.copy_database(db_file, target)
    except sqlite3.Error as exc:  # reading the live data failed
        problem = storage_error(exc, _("the backup was not made"), db_file)
        if problem is None:
            raise
        raise problem from exc
    log.info("backed up %s to %s", db_file, written)
    return written


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_kept_at: Path | None  # where the data that was replaced now lives


def check_restorable(source: Path, paths: AppPaths) -> None:
    """Raise unless ``source`` is a healthy Stenosis Coach backup this app can read whole."""
    source = Path(source).expanduser().absolute()
    paths.ensure()
    with _checked_copy(source, paths):
        pass


def restore_from(paths: AppPaths, source: Path, now: datetime) -> RestoreResult:
    """Replace the live data with ``source``, keeping the old data as a backup.

    The caller must hold the instance lock and have closed its own database. A healthy
    old database is copied to ``backups/``; a damaged (or empty) one is moved aside, never
    overwritten. What is restored is the private copy that passed every check.
    """
    source = Path(source).expanduser().absolute()
    paths.ensure()
    db_file = paths.db_file
    kept: Path | None = None
    with _checked_copy(source, paths) as candidate:
        try:
            if db_file.exists():
                current = (
                    inspect_database(db_file, read_only=False)
                    if db_file.stat().st_size > 0
                    else None
                )
                if current is not None and current.is_ours and current.healthy:
                    kept = backup.timestamped_backup(db_file, paths.backup_dir, RESTORE_LABEL, now)
                else:
                    kept = _move_aside(db_file, now)
            if not db_file.exists() and not _sidecars(db_file):
                os.replace(candidate, db_file)  # atomic: the checked copy, whole
                files.sync_dir(db_file.parent)
            else:
                if not db_file.exists():
                    create_private_file(db_file)
                backup.copy_into(candidate, db_file)
        except UserError:
            raise
        except (OSError, sqlite3.Error) as exc:
            problem = storage_error(exc, _("the restore was not finished"), paths.data_dir)
            raise problem or StorageProblem(
                _(
                    "The restore could not be completed ({reason}); your data was not replaced."
                ).format(reason=exc)
            ) from exc
    open_database(paths, now).close()
    log.info("restored %s (previous data kept at %s)", source, kept)
    return RestoreResult(restored_from=source, previous_kept_at=kept)


def _sidecars(db_file: Path) -> list[Path]:
    found = (db_file.with_name(db_file.name + s) for s in ("-wal", "-shm", "-journal"))
    return [p for p in found if p.exists()]


@contextlib.contextmanager
def _checked_copy(source: Path, paths: AppPaths) -> Iterator[Path]:
    """A private copy of ``source`` in the data folder that passed every check (module doc),
    migrated to this version; removed on the way out unless it was moved into place."""
    fd = files.open_input(source, MAX_BACKUP_BYTES, "backup")  # refuses pipes and devices
    os.close(fd)
    found = inspect_database(source, read_only=True)
    if not found.is_ours:
        raise NotOurDatabase(
            _("{file} is not a Stenosis Coach backup; nothing was changed.").format(file=source)
        )
    if found.user_version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            _("{file} was made by a newer version of Stenosis Coach; nothing was changed.").format(
                file=source
            )
        )
    damaged = InvalidInput(_("{file} is damaged, so nothing was changed.").format(file=source))
    if not found.healthy:
        log.error("restore candidate %s failed quick_check: %s", source, found.check)
        raise damaged
    try:
        fd, name = tempfile.mkstemp(prefix=".restore-", suffix=".partial", dir=paths.data_dir)
    except OSError as exc:
        raise storage_error(exc, _("nothing was restored"), paths.data_dir) or damaged from exc
    os.close(fd)
    copy = Path(name)
    try:
        try:
            backup.sqlite_copy(source, copy)
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            if problem_kind(exc, paths.data_dir) in (FULL, READ_ONLY, NOT_ALLOWED):
                raise (
                    storage_error(exc, _("nothing was restored"), paths.data_dir) or damaged
                ) from exc
            log.error("restore candidate %s could not be copied: %s", source, exc)
            raise damaged from exc
        problem = _unreadable(copy, found.user_version, paths)
        if problem is not None:
            log.error("restore candidate %s refused: %s", source, problem)
            raise damaged
        yield copy
    finally:
        for leftover in (copy, *(copy.with_name(copy.name + s) for s in ("-wal", "-shm"))):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _unreadable(copy: Path, version: int, paths: AppPaths) -> str | None:
    """Why the app could not use ``copy``, or ``None`` when every check passes."""
    try:
        conn = sqlite3.connect(copy)
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            integrity = conn.execute("PRAGMA integrity_check").fetchall()
            if [tuple(r) for r in integrity] != [("ok",)]:
                return f"integrity_check: {integrity[:3]}"
            orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
            if orphans:
                return f"foreign_key_check: {orphans[:3]}"
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        return f"sqlite: {exc}"
    engine = make_engine(copy)
    try:
        if version < SCHEMA_VERSION:
            # Imported only here: Alembic takes long to import, and only an older backup
            # needs it.
            from stenosis_coach.storage.migrate import upgrade_to_head

            upgrade_to_head(engine)
        read_everything(Database(paths, engine))
    except Exception as exc:  # any row the app cannot read: the file is damaged
        log.exception("restore candidate %s cannot be read by the app", copy)
        return f"{type(exc).__name__}: {exc}"
    finally:
        engine.dispose()
    return None


def _move_aside(db_file: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    target = db_file.with_name(f"coach-damaged-{stamp}.db")
    os.replace(db_file, target)
    for suffix in ("-wal", "-shm"):
        side = db_file.with_name(db_file.name + suffix)
        if side.exists():
            with contextlib.suppress(OSError):
                os.replace(side, target.with_name(target.name + suffix))
    return target
