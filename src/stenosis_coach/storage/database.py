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
import re
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event
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
from stenosis_coach.i18n import _
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
        # The WAL file the open connections write to, as (device, inode) when first seen;
        # forgotten when the last connection closes (SQLite then removes the file itself).
        self._connections = 0
        self._wal_seen: tuple[int, int] | None = None
        event.listen(engine, "connect", self._connected)
        event.listen(engine, "close", self._disconnected)
        event.listen(engine, "close_detached", self._disconnected)
        # The change counter (see :attr:`generation`), and each table's last change.
        self._generation = 0
        self._table_changed: dict[str, int] = {}
        self._all_changed = 0  # a statement whose table was not seen changes them all
        event.listen(engine, "before_cursor_execute", self._executing)
        event.listen(engine, "commit", self._committed)
        event.listen(engine, "rollback", self._rolled_back)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work, committed on success and rolled back on error.

        Refused once :meth:`close` was called: whatever held on to this database (a session's
        recorder, a cached id) must never reach the file that took its place (a restore)."""
        if self.closed:
            raise RuntimeError(f"the database {self.paths.db_file} is closed")
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

    # -- the change counter ---------------------------------------------------------------
    @property
    def generation(self) -> int:
        """A number that moves on every commit that changed a row, through any session or
        connection of this database; a read (even committed) leaves it as it is. Readers
        keep what they computed with the generation it was computed at: the same number
        means the same data, without reading it."""
        return self._generation

    def changed_at(self, *tables: str) -> int:
        """The generation of the last commit that changed a row of one of ``tables`` (0:
        none since the data was opened). A reader that kept what it read of them at
        generation ``g`` may keep it while ``changed_at(...) <= g``."""
        found = max((self._table_changed.get(t, 0) for t in tables), default=0)
        return max(found, self._all_changed)

    def _executing(
        self, conn: Connection, _cursor: Any, statement: str, *_args: Any, **_kwargs: Any
    ) -> None:
        written = written_tables(statement)
        if written:
            conn.connection.info.setdefault(_WRITTEN, set()).update(written)

    def _committed(self, conn: Connection) -> None:
        written = conn.connection.info.pop(_WRITTEN, None) or {ALL_TABLES}
        if _changes_since_last_seen(conn):
            self._generation += 1
            if ALL_TABLES in written:
                self._all_changed = self._generation
            for table in written:
                self._table_changed[table] = self._generation

    def _rolled_back(self, conn: Connection) -> None:
        conn.connection.info.pop(_WRITTEN, None)
        _changes_since_last_seen(conn)  # what was undone is not a change

    # -- the WAL file under the app's feet (issue 13 item 9) ---------------------------------
    @property
    def wal_file(self) -> Path:
        return self.paths.db_file.with_name(self.paths.db_file.name + "-wal")

    def wal_replaced(self) -> bool:
        """The ``-wal`` file in the folder is not the one the open connections write to: it
        was deleted or replaced while the app runs. What SQLite wrote into it since the last
        checkpoint then lives only in this process (a kill would lose it) until
        :meth:`rescue_wal`. Cheap (one ``stat``): the session heartbeat asks every second."""
        found = self._wal_identity()
        if self._wal_seen is None or self._connections == 0:
            self._wal_seen = found  # no WAL file seen yet since the connections opened
            return False
        return found != self._wal_seen

    def rescue_wal(self) -> None:
        """Copy everything the connection has into ``coach.db`` (a checkpoint reads the WAL
        it still holds open, even deleted), fsynced; then close every connection, so that
        the next one starts a fresh WAL file. A file found in the WAL's place is not ours:
        it is kept beside, renamed, so that SQLite never replays it."""
        with self.engine.connect() as conn:
            busy, _frames, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        if busy:
            log.warning("checkpoint of a lost WAL was busy; it is done when connections close")
        self.engine.dispose()  # the last close checkpoints again and lets the lost file go
        stranger = self._wal_identity()
        if stranger is not None:
            kept = self.wal_file.with_name(
                f"{self.wal_file.name}.found-{datetime.now(UTC):%Y%m%d-%H%M%S}"
            )
            os.replace(self.wal_file, kept)
            log.warning("a file not written by the app was in the WAL's place: kept as %s", kept)
        with self.engine.connect() as conn:  # a fresh WAL file, seen from now on
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").one()
            self._wal_seen = self._wal_identity()
        log.warning(
            "the WAL file of %s was deleted or replaced; its data was saved", self.paths.db_file
        )

    def _wal_identity(self) -> tuple[int, int] | None:
        try:
            found = os.stat(self.wal_file)
        except FileNotFoundError:
            return None
        return (found.st_dev, found.st_ino)

    def _connected(self, _dbapi_conn: object, _record: object) -> None:
        # Called after the connection's PRAGMAs (make_engine listens first): in WAL mode
        # SQLite has opened (or made) the WAL file by now, so this is the one it writes to.
        if self._connections == 0:
            self._wal_seen = self._wal_identity()
        self._connections += 1

    def _disconnected(self, _dbapi_conn: object, _record: object = None) -> None:
        self._connections = max(0, self._connections - 1)
        if self._connections == 0:
            self._wal_seen = None


_SEEN = "stenosis_coach.total_changes"  # keys in a pooled connection's info
_WRITTEN = "stenosis_coach.written_tables"
ALL_TABLES = "*"  # a write whose tables are not known: every table may have changed

_WRITE = re.compile(
    r"\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"`\[]?(\w+)",
    re.IGNORECASE,
)
_READ = re.compile(r"\s*(?:SELECT|PRAGMA|SAVEPOINT|RELEASE|BEGIN|COMMIT|ROLLBACK)\b", re.I)
# Rows a delete in a table changes in others (ON DELETE CASCADE / SET NULL, models.py).
CASCADES = {
    "session": ("session_event", "walk"),
    "red_flag_check": ("red_flag_answer",),
    "plan_import": ("custom_exercise", "custom_routine"),
}


def written_tables(statement: str) -> set[str]:
    """The tables a statement may change rows of (none for a read; :data:`ALL_TABLES` when
    it cannot tell)."""
    found = _WRITE.match(statement)
    if found is not None:
        table = found.group(1).lower()
        return {table, *CASCADES.get(table, ())}
    if _READ.match(statement):
        return set()
    return {ALL_TABLES}


def _changes_since_last_seen(conn: Connection) -> bool:
    """Whether the SQLite connection under ``conn`` changed rows since this was last asked
    of it (``total_changes`` counts every row inserted, updated or deleted)."""
    pooled = conn.connection
    total = getattr(pooled.dbapi_connection, "total_changes", None)
    if total is None:  # not a sqlite3 connection: count every commit
        return True
    seen = pooled.info.get(_SEEN, 0)
    pooled.info[_SEEN] = total
    return bool(total != seen)


def storage_problem(exc: BaseException, where: Path | None = None) -> BaseException:
    """A full disk, a read-only disk or damage as one sentence; anything else (a bug) is
    returned as it is, to be raised as it is."""
    return storage_error(exc, _("the last change could not be saved"), where) or exc


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
                raise damaged(paths, EMPTY if found.st_size == 0 else NOT_A_FILE)
            version = prepare_existing(paths, now or datetime.now(UTC))
            engine = make_engine(db_file)
            if version < SCHEMA_VERSION:
                upgrade_to_head(engine)
    except UserError:
        raise
    except (OSError, sqlite3.Error, DBAPIError) as exc:
        if problem_kind(exc, db_file) == DAMAGED:
            raise damaged(paths, SEEMS_DAMAGED) from exc
        problem = storage_error(exc, _("your data could not be opened"), db_file)
        if problem is not None:
            raise problem from exc
        if isinstance(exc, OSError):
            raise StorageProblem(
                _("Your data could not be opened in {folder}: {reason}.").format(
                    folder=paths.data_dir, reason=exc.strerror or exc
                )
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


# How a data file is damaged: each its own sentence (damaged() says which).
EMPTY, NOT_A_FILE, SEEMS_DAMAGED = "empty", "not a file", "damaged"


def damaged(paths: AppPaths, how: str) -> DatabaseDamaged:
    """Keep the file as it is and offer the newest backup. ``how``: :data:`EMPTY`,
    :data:`NOT_A_FILE` or :data:`SEEMS_DAMAGED`."""
    newest = next(iter(backup.backups(paths.backup_dir)), None)
    if how == EMPTY:
        said = _("Your data file {file} is empty, so it has been left as it is.")
    elif how == NOT_A_FILE:
        said = _("Your data file {file} is not a file, so it has been left as it is.")
    else:
        said = _("Your data file {file} seems to be damaged, so it has been left as it is.")
    return DatabaseDamaged(said.format(file=paths.db_file), newest_backup=newest)


def prepare_existing(paths: AppPaths, now: datetime) -> int:
    """Raise if the file must not be used; back it up if it is about to be upgraded.

    Returns the file's schema version.
    """
    db_file = paths.db_file
    found = inspect_database(db_file, read_only=False)
    if not found.is_sqlite or not found.healthy or not found.is_ours:
        log.error("database %s failed its check: %s", db_file, found.check)
        raise damaged(paths, SEEMS_DAMAGED)
    if found.user_version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            _(
                "Your data file {file} was written by a newer version of Stenosis Coach. "
                "Please install the newer version again; your data has not been changed."
            ).format(file=db_file)
        )
    if found.user_version < SCHEMA_VERSION:
        saved = backup.timestamped_backup(db_file, paths.backup_dir, UPGRADE_LABEL, now)
        log.info("backed up %s to %s before upgrading", db_file, saved)
    return found.user_version
