"""Opening ``coach.db`` safely: check it, refuse the future, back up, migrate.

Order at every start (DESIGN 3):
1. a damaged file (``PRAGMA quick_check`` fails, or not ours) is kept untouched and the
   newest backup is offered (:class:`DatabaseDamaged`);
2. a file from a newer app is refused, untouched (:class:`DatabaseTooNew`);
3. an older file is copied to ``backups/`` with SQLite's backup API, then migrated;
4. no file: a new private one is made and migrated from empty beside it, then renamed into
   place, so a first start cut short never leaves a half-made ``coach.db``.

Only a missing file is a first start: an empty file or anything else is kept as it is and
treated as damage. A full or read-only disk is said as such, never as damage: every SQLite
or OS error goes through :func:`stenosis_coach.errors.problem_kind`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from stenosis_coach.errors import (
    DAMAGED,
    DatabaseDamaged,
    DatabaseTooNew,
    StorageProblem,
    UserError,
    problem_kind,
    storage_error,
)
from stenosis_coach.paths import AppPaths
from stenosis_coach.storage import backup
from stenosis_coach.storage.engine import make_engine
from stenosis_coach.storage.migrate import upgrade_to_head
from stenosis_coach.storage.schema import SCHEMA_VERSION, inspect_database

log = logging.getLogger(__name__)

UPGRADE_LABEL = "before-upgrade"


class Database:
    """An open, checked, current ``coach.db``. Only repositories use :meth:`session`."""

    def __init__(self, paths: AppPaths, engine: Engine) -> None:
        self.paths = paths
        self.engine = engine
        self.closed = False

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work, committed on success and rolled back on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except DBAPIError as exc:
                with contextlib.suppress(DBAPIError):
                    session.rollback()
                raise storage_problem(exc, self.paths.db_file) from exc
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.closed = True
        self.engine.dispose()


def storage_problem(exc: BaseException, where: Path | None = None) -> BaseException:
    """A full disk, a read-only disk or damage as one sentence; anything else (a bug) is
    returned as it is, to be raised as it is."""
    return storage_error(exc, "the last change could not be saved", where) or exc


def open_database(paths: AppPaths, now: datetime | None = None) -> Database:
    """Check, back up and migrate as needed, then return the open database."""
    paths.ensure()
    db_file = paths.db_file
    try:
        try:
            found = os.stat(db_file)
        except FileNotFoundError:
            found = None
        if found is None:
            create_new(db_file)
            engine = make_engine(db_file)
        else:
            if not stat.S_ISREG(found.st_mode) or found.st_size == 0:
                raise damaged(paths, "is empty" if found.st_size == 0 else "is not a file")
            version = prepare_existing(paths, now or datetime.now(UTC))
            engine = make_engine(db_file)
            if version < SCHEMA_VERSION:
                upgrade_to_head(engine)
    except UserError:
        raise
    except (OSError, sqlite3.Error, DBAPIError) as exc:
        if problem_kind(exc, db_file) == DAMAGED:
            raise damaged(paths, "seems to be damaged") from exc
        problem = storage_error(exc, "your data could not be opened", db_file)
        if problem is not None:
            raise problem from exc
        if isinstance(exc, OSError):
            raise StorageProblem(
                f"Your data could not be opened in {paths.data_dir}: {exc.strerror or exc}."
            ) from exc
        raise
    return Database(paths, engine)


def create_new(db_file: Path) -> None:
    """Make and migrate a new database beside ``db_file``, then rename it into place."""
    from stenosis_coach.files import sync_dir

    fresh = db_file.with_name(f".{db_file.name}.new")
    for leftover in (fresh, *(fresh.with_name(fresh.name + s) for s in ("-wal", "-shm"))):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    engine = make_engine(fresh)
    try:
        upgrade_to_head(engine)
    finally:
        engine.dispose()  # the last connection closes: its WAL is checkpointed and removed
    os.replace(fresh, db_file)
    sync_dir(db_file.parent)


def damaged(paths: AppPaths, how: str) -> DatabaseDamaged:
    """Keep the file as it is and offer the newest backup."""
    newest = next(iter(backup.backups(paths.backup_dir)), None)
    return DatabaseDamaged(
        f"Your data file {paths.db_file} {how}, so it has been left as it is.",
        newest_backup=newest,
    )


def prepare_existing(paths: AppPaths, now: datetime) -> int:
    """Raise if the file must not be used; back it up if it is about to be upgraded.

    Returns the file's schema version.
    """
    db_file = paths.db_file
    found = inspect_database(db_file, read_only=False)
    if not found.is_sqlite or not found.healthy or not found.is_ours:
        log.error("database %s failed its check: %s", db_file, found.check)
        raise damaged(paths, "seems to be damaged")
    if found.user_version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"Your data file {db_file} was written by a newer version of Stenosis Coach. "
            "Please install the newer version again; your data has not been changed."
        )
    if found.user_version < SCHEMA_VERSION:
        saved = backup.timestamped_backup(db_file, paths.backup_dir, UPGRADE_LABEL, now)
        log.info("backed up %s to %s before upgrading", db_file, saved)
    return found.user_version
