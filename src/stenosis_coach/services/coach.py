"""The Coach: one session with the user's data (DESIGN 2, "The next step of the house").

A :class:`Coach` owns the open database, the clock and the time zone; ``commands/`` (and,
later, ``ui/``) are given a Coach and never import ``storage`` nor read the wall clock::

    with Coach.open(paths) as coach:  # the data is closed whatever happens inside
        print(coach.status().sentences())

Each method is one use-case and delegates to the service function that holds its logic,
passing the coach's database, its clock's ``now()`` and its time zone.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from stenosis_coach.core import clock as clocks
from stenosis_coach.core.clock import Clock, SystemClock
from stenosis_coach.core.due import Due
from stenosis_coach.core.exercises.model import Exercise, Routine
from stenosis_coach.paths import AppPaths
from stenosis_coach.services import due as due_service
from stenosis_coach.services import exercises as library
from stenosis_coach.services import plans
from stenosis_coach.services import status as status_service
from stenosis_coach.services import walks as walks_service
from stenosis_coach.services.plans import ImportResult, PlanFile
from stenosis_coach.services.recording import PendingWrites, pending_writes
from stenosis_coach.services.status import Status
from stenosis_coach.services.walks import DiaryImport
from stenosis_coach.storage.database import Database, open_database

if TYPE_CHECKING:  # imported where used: the report's model alone takes 0.1 s to import
    from stenosis_coach.core.report.model import Report
    from stenosis_coach.services.data_backup import RestoreResult
    from stenosis_coach.services.demo import DemoSummary
    from stenosis_coach.services.export import ExportResult


class Coach:
    """The user's data, the clock and the time zone, held together for one session.

    Made by :meth:`open`; a context manager that closes the data on leaving, however the
    block ends. A coach opened with ``create=False`` on a data folder that holds no data yet
    has no database: it lists the built-in exercises and routines and does nothing else.
    """

    def __init__(
        self, paths: AppPaths, database: Database | None, clock: Clock, tz: tzinfo
    ) -> None:
        self._paths = paths
        self._db = database
        self._clock = clock
        self._tz = tz
        self._closed = False

    @classmethod
    def open(
        cls,
        paths: AppPaths,
        *,
        clock: Clock | None = None,
        tz: tzinfo | None = None,
        create: bool = True,
    ) -> Coach:
        """Open the data in ``paths`` (checked, backed up and migrated as needed; made new
        when there is none, unless ``create`` is false). The real clock and the computer's
        time zone unless others are given (tests give a ManualClock)."""
        clock = clock or SystemClock()
        zone = tz if tz is not None else clocks.LOCAL
        if not create and not paths.db_file.exists():
            return cls(paths, None, clock, zone)
        return cls(paths, open_database(paths, clock.now()), clock, zone)

    # -- the session --------------------------------------------------------------------
    def __enter__(self) -> Coach:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the data (again is harmless); the coach is of no more use after."""
        self._closed = True
        if self._db is not None:
            self._db.close()

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def paths(self) -> AppPaths:
        return self._paths

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def tz(self) -> tzinfo:
        """The time zone days and wall times are read in."""
        return self._tz

    def now(self) -> datetime:
        """The coach's clock's time (aware, UTC)."""
        return self._clock.now()

    def wall_time(self, naive: datetime) -> datetime:
        """A date and time on the user's clock (``2026-03-02 09:30``) as a moment in the
        coach's time zone."""
        return naive.replace(tzinfo=self._tz)

    @property
    def database(self) -> Database:
        """The open database, for services and the window's move to the Coach; refused
        once closed, or when the coach was opened on no data (``create=False``)."""
        if self._closed:
            raise RuntimeError(f"the coach of {self._paths.data_dir} is closed")
        if self._db is None:
            raise RuntimeError(f"there is no data in {self._paths.data_dir} yet")
        return self._db

    def _library_db(self) -> Database | None:
        """The database if there is one (imported plans bring exercises and routines)."""
        if self._db is None and not self._closed:
            return None
        return self.database

    def waiting_writes(self) -> PendingWrites | None:
        """What was recorded and still waits for the disk (a full disk), after one more
        try; ``None`` once all of it is written, or when no data is open."""
        if self._closed or self._db is None or self._db.closed:
            return None
        pending = pending_writes(self._db)
        return None if pending.retry() else pending

    # -- reading ------------------------------------------------------------------------
    def status(self) -> Status:
        """How things stand now: verdict, key figures, next walk, signs, what is due."""
        return status_service.build_status(self.database, self.now(), self._tz)

    def due(self, at: datetime | None = None) -> Due:
        """What is due at ``at`` (an aware moment; now when not given)."""
        return due_service.due_at(self.database, at if at is not None else self.now(), self._tz)

    def exercises(self) -> dict[str, Exercise]:
        """Built-in exercises plus those imported plans brought."""
        return library.exercises(self._library_db())

    def routines(self) -> dict[str, Routine]:
        """Built-in routines plus imported ones (an imported id replaces)."""
        return library.routines(self._library_db())

    def report_model(
        self, first: date | None = None, last: date | None = None, patient: str | None = None
    ) -> Report:
        """The appointment report over ``[first, last]`` (default: all of it, to today)."""
        from stenosis_coach.services import report as report_service

        return report_service.report_for(self.database, self.now(), first, last, patient, self._tz)

    # -- writing ------------------------------------------------------------------------
    def import_walks(self, path: Path) -> DiaryImport:
        """Add the walks of a walk diary CSV, all or nothing."""
        return walks_service.import_diary(self.database, path, self.now(), self._tz)

    def import_plans(self, files: list[PlanFile], replace: bool = False) -> ImportResult:
        """Import plan files read by :func:`services.plans.read_plans`, all or nothing."""
        return plans.import_plans(self.database, files, self.now(), replace=replace)

    def export_plan(
        self,
        out: Path,
        routine_ids: list[str],
        with_walking: bool,
        title: str,
        author: str,
        clinic: str | None,
    ) -> Path:
        """Write routines (and the walking plan as it stands now) to a plan file."""
        return plans.export_plan(
            self.database,
            out,
            routine_ids,
            with_walking,
            title,
            author,
            clinic,
            now=self.now(),
            tz=self._tz,
        )

    def export(self, out: Path) -> ExportResult:
        """Everything recorded, as CSV files in the new folder ``out``."""
        from stenosis_coach.services import export as export_service

        return export_service.export_csv(self.database, out, self.now(), self._tz)

    def fill_demo(self, weeks: int, seed: int) -> DemoSummary:
        """Fill empty data with a demo history of ``weeks`` weeks ending yesterday."""
        from stenosis_coach.services import demo as demo_service

        return demo_service.fill_demo(self.database, weeks, seed, self.now(), self._tz)

    # -- the whole data file, with no coach open on it -----------------------------------
    @staticmethod
    def backup(paths: AppPaths, out: Path) -> Path:
        """Copy the data in ``paths`` to the file ``out``; returns where it was written."""
        from stenosis_coach.services import data_backup

        return data_backup.backup_to(paths, out)

    @staticmethod
    def restore(paths: AppPaths, source: Path, clock: Clock | None = None) -> RestoreResult:
        """Replace the data in ``paths`` with the backup ``source`` (the old data is kept).
        No coach may be open on ``paths`` meanwhile."""
        from stenosis_coach.services import data_backup

        return data_backup.restore_from(paths, source, (clock or SystemClock()).now())
