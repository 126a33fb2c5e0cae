"""Back up the user's data to a file, and restore it from one (Settings and CLI)."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from stenosis_coach.errors import (
    DatabaseTooNew,
    InvalidInput,
    NotOurDatabase,
    StorageProblem,
)
from stenosis_coach.paths import AppPaths
from stenosis_coach.storage import backup
from stenosis_coach.storage.database import open_database
from stenosis_coach.storage.engine import create_private_file
from stenosis_coach.storage.schema import SCHEMA_VERSION, inspect_database

log = logging.getLogger(__name__)

RESTORE_LABEL = "before-restore"


def backup_to(paths: AppPaths, out: Path) -> Path:
    """Copy the live database to ``out`` (a consistent snapshot, even while in use)."""
    out = Path(out).expanduser().absolute()
    db_file = paths.db_file
    if not db_file.exists() or db_file.stat().st_size == 0:
        raise InvalidInput("There is no data to back up yet.")
    if out.is_dir():
        raise InvalidInput(f"{out} is a folder; give a file name for the backup.")
    if out.resolve() == db_file.resolve():
        raise InvalidInput(f"{out} is the live data file itself; choose another name.")
    if not out.parent.is_dir():
        raise InvalidInput(f"The folder {out.parent} does not exist.")
    try:
        backup.copy_database(db_file, out)
    except (OSError, sqlite3.Error) as exc:
        raise StorageProblem(f"The backup could not be written to {out}: {exc}.") from exc
    log.info("backed up %s to %s", db_file, out)
    return out


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_kept_at: Path | None  # where the data that was replaced now lives


def check_restorable(source: Path) -> None:
    """Raise unless ``source`` is a healthy Stenosis Coach database this app can read."""
    if not source.is_file():
        raise InvalidInput(f"{source} does not exist or is not a file.")
    found = inspect_database(source, read_only=True)
    if not found.is_ours:
        raise NotOurDatabase(f"{source} is not a Stenosis Coach backup; nothing was changed.")
    if not found.healthy:
        raise InvalidInput(f"{source} is damaged ({found.check}); nothing was changed.")
    if found.user_version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"{source} was made by a newer version of Stenosis Coach; nothing was changed."
        )


def restore_from(paths: AppPaths, source: Path, now: datetime) -> RestoreResult:
    """Replace the live data with ``source``, keeping the old data as a backup.

    The caller must hold the instance lock and have closed its own database. A healthy
    old database is copied to ``backups/``; a damaged one is moved aside, never
    overwritten. The restored data is then migrated if it came from an older version.
    """
    source = Path(source).expanduser().absolute()
    check_restorable(source)
    paths.ensure()
    db_file = paths.db_file
    kept: Path | None = None
    try:
        if db_file.exists() and db_file.stat().st_size > 0:
            current = inspect_database(db_file, read_only=False)
            if current.is_ours and current.healthy:
                kept = backup.timestamped_backup(db_file, paths.backup_dir, RESTORE_LABEL, now)
            else:
                kept = _move_aside(db_file, now)
        if not db_file.exists():
            create_private_file(db_file)
        backup.copy_into(source, db_file)
    except (OSError, sqlite3.Error) as exc:
        raise StorageProblem(f"The restore could not be completed: {exc}.") from exc
    open_database(paths, now).close()  # migrate an older backup now, with its own backup
    log.info("restored %s (previous data kept at %s)", source, kept)
    return RestoreResult(restored_from=source, previous_kept_at=kept)


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
