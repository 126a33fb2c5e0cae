"""Opening ``coach.db`` safely: check it, refuse the future, back up, migrate.

Order at every start (DESIGN 3):
1. a damaged file (``PRAGMA quick_check`` fails, or not ours) is kept untouched and the
   newest backup is offered (:class:`DatabaseDamaged`);
2. a file from a newer app is refused, untouched (:class:`DatabaseTooNew`);
3. an older file is copied to ``backups/`` with SQLite's backup API, then migrated;
4. no file: a new private one is created and migrated from empty.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from stenosis_coach.errors import DatabaseDamaged, DatabaseTooNew, StorageProblem
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

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work, committed on success and rolled back on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except OperationalError as exc:
                session.rollback()
                raise storage_problem(exc) from exc
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def storage_problem(exc: OperationalError) -> Exception:
    """Turn SQLite's "disk full" / "read-only" into a sentence; anything else stays a bug."""
    text = str(exc.orig).lower()
    if "disk is full" in text or "disk i/o error" in text:
        return StorageProblem(
            "Your computer's disk is full, so the last change could not be saved. "
            "Free some space, then try again."
        )
    if "readonly" in text or "read-only" in text:
        return StorageProblem(
            "Your data folder cannot be written to, so the last change could not be saved."
        )
    return exc


def open_database(paths: AppPaths, now: datetime | None = None) -> Database:
    """Check, back up and migrate as needed, then return the open database."""
    paths.ensure()
    db_file = paths.db_file
    try:
        version = 0
        if db_file.exists() and db_file.stat().st_size > 0:
            version = prepare_existing(paths, now or datetime.now(UTC))
        engine = make_engine(db_file)
        if version < SCHEMA_VERSION:
            upgrade_to_head(engine)
    except OSError as exc:
        raise StorageProblem(
            f"Your data could not be opened in {paths.data_dir}: {exc.strerror or exc}."
        ) from exc
    return Database(paths, engine)


def prepare_existing(paths: AppPaths, now: datetime) -> int:
    """Raise if the file must not be used; back it up if it is about to be upgraded.

    Returns the file's schema version.
    """
    db_file = paths.db_file
    found = inspect_database(db_file, read_only=False)
    if not found.is_sqlite or not found.healthy or not found.is_ours:
        log.error("database %s failed its check: %s", db_file, found.check)
        newest = next(iter(backup.backups(paths.backup_dir)), None)
        raise DatabaseDamaged(
            f"Your data file {db_file} seems to be damaged, so it has been left as it is.",
            newest_backup=newest,
        )
    if found.user_version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"Your data file {db_file} was written by a newer version of Stenosis Coach. "
            "Please install the newer version again; your data has not been changed."
        )
    if found.user_version < SCHEMA_VERSION:
        saved = backup.timestamped_backup(db_file, paths.backup_dir, UPGRADE_LABEL, now)
        log.info("backed up %s to %s before upgrading", db_file, saved)
    return found.user_version
