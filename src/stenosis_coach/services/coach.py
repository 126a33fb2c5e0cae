"""The Coach: one session with the user's data (DESIGN 2, "The next step of the house").

A :class:`Coach` owns the open database, the clock and the time zone; ``commands/`` (and,
later, ``ui/``) are given a Coach and never import ``storage`` nor read the wall clock::

    with Coach.open(paths) as coach:  # the data is closed whatever happens inside
        print(coach.status().sentences())

Each method is one use-case and delegates to the service function that holds its logic,
passing the coach's database, its clock's ``now()`` and its time zone.
"""

from __future__ import annotations

from collections.abc import Collection
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
from stenosis_coach.services import undo as undo_service
from stenosis_coach.services import walks as walks_service
from stenosis_coach.services.changes import Change, Changes
from stenosis_coach.services.plans import ImportResult, PlanFile
from stenosis_coach.services.read_model import ReadModel
from stenosis_coach.services.recording import PendingWrites, pending_writes
from stenosis_coach.services.status import Status
from stenosis_coach.services.walks import DiaryImport
from stenosis_coach.storage.database import Database, open_database

if TYPE_CHECKING:  # imported where used: the report's model alone takes 0.1 s to import
    from stenosis_coach.core.daily import DailyLog, TreatmentEvent
    from stenosis_coach.core.due import WalkDue
    from stenosis_coach.core.reminders import Reminder, ReminderSettings
    from stenosis_coach.core.report.model import Report
    from stenosis_coach.core.routine_summary import RoutineSummary
    from stenosis_coach.core.safety import CheckTrigger, ClearanceReason, SeekCareAdvice
    from stenosis_coach.core.safety_state import CheckRecord, SafetyStatus
    from stenosis_coach.core.sessions import SessionRecord
    from stenosis_coach.core.today import TodayModel
    from stenosis_coach.core.walking.engine import WalkDraft
    from stenosis_coach.core.walking.logged import WalkForm
    from stenosis_coach.core.walking.model import StoredWalk, Walk
    from stenosis_coach.core.walking.prescription import Prescription
    from stenosis_coach.services.daily import StoredLog, StoredTreatment
    from stenosis_coach.services.data_backup import RestoreResult
    from stenosis_coach.services.data_import import FolderImport
    from stenosis_coach.services.demo import DemoSummary
    from stenosis_coach.services.export import ExportResult
    from stenosis_coach.services.plans import ImportPreview
    from stenosis_coach.services.progress import ProgressData
    from stenosis_coach.services.routines import ResumePoint, RoutineRecording
    from stenosis_coach.services.walk_sessions import WalkRecording


# What an undoable delete (or its undo) changes.
_UNDO_CHANGES = {
    undo_service.Kind.WALK: Change.WALKS,
    undo_service.Kind.LOG: Change.DAILY,
    undo_service.Kind.TREATMENT: Change.DAILY,
}


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
        self._read: ReadModel | None = None  # the latest read model (see read_model())

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
    def read_model(self) -> ReadModel:
        """The records the pages and ``status`` read, and what is computed from them: the
        same one until the data changes (``Database.generation``), then made again, once."""
        db = self.database
        model = self._read
        if model is None or model.database is not db or not model.current():
            model = self._read = ReadModel(db, previous=model)
        return model

    def today_date(self) -> date:
        """Today's date on the user's calendar."""
        return self.now().astimezone(self._tz).date()

    def today(self) -> TodayModel:
        """The Today page: what is due now, each with its action, and the last result."""
        from stenosis_coach.services.today import today_of

        return today_of(self.read_model(), self.now(), self._tz)

    def next_walk(self) -> WalkDue:
        """The next walk as Today says it: due or not, and its prescription."""
        return self.due().walk

    def walks(self) -> list[StoredWalk]:
        """The walks recorded, newest first (deleted ones left out)."""
        return walks_service.history(self.database)

    def progress(self) -> ProgressData:
        """The Progress page's verdict, signs, series and treatment lines."""
        from stenosis_coach.services.progress import progress_of

        return progress_of(self.read_model(), self.now(), self._tz)

    def latest_logs(self, limit: int) -> list[StoredLog]:
        """The newest ``limit`` daily logs, newest first."""
        from stenosis_coach.services import daily

        return daily.latest_logs(self.database, limit)

    def treatments(self) -> list[StoredTreatment]:
        """The treatments recorded, oldest first."""
        return list(self.read_model().stored_treatments)

    def my_routine(self) -> Routine:
        """The routine the user chose (or the one suggested)."""
        from stenosis_coach.services import routines

        return routines.my_routine(self.database)

    def routine_history(self, limit: int) -> list[RoutineSummary]:
        """The newest ``limit`` routine sessions, summed up."""
        from stenosis_coach.services import routines

        return routines.history(self.database, limit=limit)

    def programme_start(self) -> date:
        """The first day of the programme (the report's "whole programme"); today when
        nothing is recorded yet."""
        from stenosis_coach.services.report import first_day

        today = self.today_date()
        if self._db is None:
            return today
        return first_day(self.read_model(), today, self._tz)

    def undo_stack(self, kinds: Collection[undo_service.Kind]) -> list[undo_service.Deleted]:
        """The deletes of ``kinds`` that can still be undone, newest first."""
        return undo_service.undo_stack(self.database, kinds, self.now(), self._tz)

    def interrupted_sessions(self) -> list[SessionRecord]:
        """Sessions an earlier run did not finish (offered back at start)."""
        from stenosis_coach.services import recording

        return recording.interrupted_sessions(self.database)

    def stopped_walks(self) -> list[SessionRecord]:
        """Walks stopped before their summary, waiting to be kept or discarded."""
        from stenosis_coach.services import stopped_walks

        return stopped_walks.waiting_walks(self.database)

    def walk_draft(self, session: SessionRecord) -> WalkDraft:
        """The walk an unfinished walk's session recorded, as far as it went."""
        from stenosis_coach.services.walk_sessions import interrupted_draft

        return interrupted_draft(self.database, session)

    def status(self) -> Status:
        """How things stand now: verdict, key figures, next walk, signs, what is due."""
        return status_service.status_of(self.read_model(), self.now(), self._tz)

    def due(self, at: datetime | None = None) -> Due:
        """What is due at ``at`` (an aware moment; now when not given)."""
        at = at if at is not None else self.now()
        return due_service.due_for(self.read_model(), at, self._tz)

    def reminders_at(
        self, at: datetime | None = None, settings: ReminderSettings | None = None
    ) -> list[Reminder]:
        """The reminders to show at ``at`` (now when not given) with the patient's reminder
        ``settings`` (the saved ones when not given): due items whose time has come, not
        reminded yet today, outside quiet hours; none while a safety answer waits for the
        patient to be checked (Today then shows only that). Not recorded: see
        :meth:`mark_reminded`."""
        from stenosis_coach.services import reminders
        from stenosis_coach.services.settings_store import load_settings

        at = at if at is not None else self.now()
        chosen = settings if settings is not None else load_settings(self._paths).reminders
        paused = self.safety_status().needs_clearance
        return reminders.reminders_now(self._paths, self.due(at), chosen, at, self._tz, paused)

    def mark_reminded(self, shown: list[Reminder], at: datetime | None = None) -> None:
        """Record that ``shown`` were reminded (on ``at``'s local day; now when not given):
        none of them comes again that day, even after a restart."""
        from stenosis_coach.services import reminders

        at = at if at is not None else self.now()
        reminders.mark_reminded(self._paths, shown, at, self._tz)

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

        model = self.read_model()
        return report_service.report_of(model, self.now(), first, last, patient, self._tz)

    # -- writing ------------------------------------------------------------------------
    def delete(self, kind: undo_service.Kind, item_id: int) -> Changes:
        """Delete a walk, daily log or treatment, undoably."""
        undo_service.delete(self.database, kind, item_id, self.now())
        return Changes.of(_UNDO_CHANGES[kind])

    def undo(
        self, kinds: Collection[undo_service.Kind]
    ) -> tuple[undo_service.Deleted | None, Changes]:
        """Bring back the newest delete of ``kinds``: which one (``None``: nothing to
        undo) and what changed."""
        back = undo_service.undo(self.database, kinds, self.now(), self._tz)
        if back is None:
            return None, Changes()
        return back, Changes.of(_UNDO_CHANGES[back.kind])

    def choose_routine(self, routine_id: str) -> Changes:
        """Make ``routine_id`` the user's routine."""
        from stenosis_coach.services import routines

        routines.choose_routine(self.database, routine_id)
        return Changes.of(Change.PLANS, Change.ROUTINES)

    def keep_interrupted(self, session_id: int) -> tuple[SessionRecord, Changes]:
        """Keep an unfinished session as ended at its last heartbeat."""
        from stenosis_coach.services import recording

        saved = recording.save_interrupted(self.database, session_id)
        return saved, Changes.of(Change.WALKS, Change.ROUTINES)

    def discard_interrupted(self, session_id: int) -> Changes:
        """Delete an unfinished session (asked twice before)."""
        from stenosis_coach.services import recording

        recording.discard_interrupted(self.database, session_id)
        return Changes.of(Change.WALKS, Change.ROUTINES)

    def discard_stopped_walk(self, session_id: int) -> Changes:
        """Delete a walk stopped before its summary (asked twice before)."""
        from stenosis_coach.services import stopped_walks

        stopped_walks.discard(self.database, session_id)
        return Changes.of(Change.WALKS)

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

    def import_folder(self, folder: Path) -> FolderImport:
        """Take back a folder written by ``export`` into this empty data: all or nothing
        (DESIGN 4.4)."""
        from stenosis_coach.services import data_import

        return data_import.import_folder(self.database, folder, self.now(), self._tz)

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

    # -- the window's controllers: walks, routines, the daily log, plans, the check -------
    # (issue 14: the controllers' reads and writes; each write returns what it changed)
    def log_walk(self, form: WalkForm) -> Changes:
        """Save a walk done without the coach; raises ``FormProblems`` (nothing saved)."""
        walks_service.log_walk(self.database, form, self.now(), self._tz)
        return Changes.of(Change.WALKS)

    def correct_walk(self, walk_id: int, form: WalkForm) -> Changes:
        """Correct a walk as typed again; raises ``FormProblems`` (nothing saved)."""
        walks_service.correct_walk(self.database, walk_id, form, self.now(), self._tz)
        return Changes.of(Change.WALKS)

    def answer_flare(self, flare: bool) -> Changes:
        """How the legs were the day after the last walk (nothing when not asked now)."""
        asked = walks_service.flare_question(self.database, self.now(), self._tz)
        if asked is None:
            return Changes()
        walks_service.answer_flare_question(self.database, asked.id, flare, self.now())
        return Changes.of(Change.WALKS)

    def record_walk(self, plan: Prescription) -> WalkRecording:
        """A live walk's recording on this coach's data and clock (not started yet)."""
        from stenosis_coach.services.walk_sessions import WalkRecording

        return WalkRecording(self.database, self._clock, plan)

    def save_walk(
        self,
        walk: Walk,
        recording: WalkRecording | None = None,
        session: SessionRecord | None = None,
    ) -> Changes:
        """Save a walk the coach measured: the live one (``recording``) or one an earlier
        run cut short (``session``)."""
        from stenosis_coach.services.walk_sessions import save_interrupted_walk

        if recording is not None:
            recording.save(walk)
        elif session is not None:
            save_interrupted_walk(self.database, session, walk)
        return Changes.of(Change.WALKS)

    def leave_walk(self, recording: WalkRecording) -> Changes:
        """A live walk's summary left without saving: its session is kept, stopped."""
        recording.discard()
        return Changes.of(Change.WALKS)

    def walk_not_kept(self, session: SessionRecord) -> Changes:
        """A walk cut short, offered back and left without saving: not offered again."""
        from stenosis_coach.services import stopped_walks

        stopped_walks.not_kept(self.database, session)
        return Changes.of(Change.WALKS)

    def record_routine(self) -> RoutineRecording:
        """A routine's recording on this coach's data and clock (not started yet)."""
        from stenosis_coach.services.routines import RoutineRecording

        return RoutineRecording(self.database, self._clock)

    def finish_routine(
        self, recording: RoutineRecording, leg: int | None, back: int | None, completed: bool
    ) -> Changes:
        """The routine's last ratings (``None``: skipped), and its end."""
        recording.ratings("after", leg, back)
        recording.finish(completed)
        return Changes.of(Change.ROUTINES)

    def resume_point(self, routine_id: str | None = None) -> ResumePoint | None:
        """Where today's stopped ``routine_id`` (the user's own when ``None``) goes on."""
        from stenosis_coach.services.routines import resume_point

        return resume_point(self.database, self.now(), routine_id, self._tz)

    def owe_check(self, trigger: CheckTrigger) -> tuple[CheckRecord | None, Changes]:
        """A session stopped for the symptom check: the check is stored as started (owed)
        unless one already waits (then ``None``)."""
        from stenosis_coach.services import safety

        if safety.status(self.database, self.now()).pending is not None:
            return None, Changes()
        return safety.start_check(self.database, trigger, self.now()), Changes.of(Change.SAFETY)

    def daily_log(self, day: date) -> StoredLog | None:
        """The daily log of ``day``, if one was saved."""
        from stenosis_coach.services import daily

        return daily.log_for(self.database, day)

    def save_daily_log(self, log: DailyLog) -> Changes:
        """Save a day's log (replacing that day's); raises ``FormProblems``."""
        from stenosis_coach.services import daily

        daily.save_log(self.database, log, self.now(), self._tz)
        return Changes.of(Change.DAILY)

    def add_treatment(self, event: TreatmentEvent) -> Changes:
        """Add a treatment; raises ``InvalidInput`` for a value that cannot be."""
        from stenosis_coach.services import daily

        daily.add_treatment(self.database, event, self.now(), self._tz)
        return Changes.of(Change.DAILY)

    def plan_preview(self, files: list[PlanFile]) -> ImportPreview:
        """What importing ``files`` would add or replace."""
        return plans.preview(self.database, files)

    def preload_plans(self, folders: list[Path]) -> tuple[ImportResult | None, Changes]:
        """The clinic pack in ``folders``, imported once at first run (``None``: none)."""
        result = plans.preload(self.database, folders, self.now())
        return result, (Changes.all() if result is not None else Changes())

    def safety_status(self) -> SafetyStatus:
        """Where the symptom checks stand: one waiting, a clearance needed, the first."""
        from stenosis_coach.services import safety

        return safety.status(self.database, self.now())

    def unread_advice(self) -> CheckRecord | None:
        """A check whose advice was never closed."""
        from stenosis_coach.services import safety

        return safety.unread_advice(self.database, self.now())

    def welcome_seen(self) -> bool:
        from stenosis_coach.services import safety

        return safety.welcome_seen(self.database)

    def hide_trial_review(self, start: date) -> Changes:
        """Today's 12-week review "Done, hide this" (issue 16), for the trial from ``start``."""
        from stenosis_coach.services.today import hide_trial_review

        return hide_trial_review(self.database, start)

    def show_trial_review(self) -> Changes:
        """Undo "Done, hide this": Today shows the 12-week review again."""
        from stenosis_coach.services.today import show_trial_review

        return show_trial_review(self.database)

    def mark_welcome_seen(self) -> Changes:
        from stenosis_coach.services import safety

        safety.mark_welcome_seen(self.database, self.now())
        return Changes.of(Change.SAFETY)

    def start_check(self, trigger: CheckTrigger) -> tuple[CheckRecord, Changes]:
        """Start the symptom check (or go on with the one waiting)."""
        from stenosis_coach.services import safety

        return safety.start_check(self.database, trigger, self.now()), Changes.of(Change.SAFETY)

    def answer_check(
        self, check_id: int, question_id: str, yes: bool
    ) -> tuple[SeekCareAdvice | None, Changes]:
        """One answer; the advice at once for an emergency "yes" (the check ends)."""
        from stenosis_coach.services import safety

        advice = safety.answer(self.database, check_id, question_id, yes, self.now())
        return advice, Changes.of(Change.SAFETY)

    def finish_check(self, check_id: int) -> tuple[SeekCareAdvice | None, Changes]:
        """The check answered to its end: its advice (``None``: all clear)."""
        from stenosis_coach.services import safety

        return safety.finish_check(self.database, check_id, self.now()), Changes.of(Change.SAFETY)

    def finish_left_check(self, check_id: int) -> tuple[SeekCareAdvice, Changes]:
        """A check left with a "yes": finished now, its advice for the answers given."""
        from stenosis_coach.services import safety

        advice = safety.finish_left_check(self.database, check_id, self.now())
        return advice, Changes.of(Change.SAFETY)

    def postpone_check(self, check_id: int) -> Changes:
        from stenosis_coach.services import safety

        safety.postpone_check(self.database, check_id, self.now())
        return Changes.of(Change.SAFETY)

    def record_clearance(self, reason: ClearanceReason) -> Changes:
        """A "yes" cleared (checked by a clinician, or answered by mistake)."""
        from stenosis_coach.services import safety

        safety.record_clearance(self.database, reason, self.now())
        return Changes.of(Change.SAFETY)

    def mark_advice_read(self, check_id: int) -> Changes:
        from stenosis_coach.services import safety

        safety.mark_advice_read(self.database, check_id)
        return Changes.of(Change.SAFETY)

    # -- outcomes: the ZCQ, My activities, relief after a treatment (issue 15) -----------
    def questionnaires(self, instrument: Instrument | None = None) -> list[Questionnaire]:
        """The questionnaires recorded (of ``instrument``: ``"zcq"`` or ``"psfs"``; or
        all), oldest first, as core :class:`Questionnaire` objects."""
        from stenosis_coach.services import outcomes

        return outcomes.questionnaires(self.database, instrument)

    def record_zcq(self, day: date, answers: Mapping[str, int]) -> Changes:
        """Save the ZCQ of ``day`` (``{"s1": 4, ...}``, unanswered items left out),
        replacing that day's; raises ``FormProblems`` (nothing saved)."""
        from stenosis_coach.services import outcomes

        outcomes.record_zcq(self.database, day, answers, self.now(), self._tz)
        return Changes.of(Change.OUTCOMES)

    def record_psfs(self, day: date, ratings: Mapping[str, Answer]) -> Changes:
        """Save My activities rated on ``day`` (``{words: 0-10 or "stopped"}``), replacing
        that day's; a "stopped" one is marked stopped; raises ``FormProblems``."""
        from stenosis_coach.services import outcomes

        outcomes.record_psfs(self.database, day, ratings, self.now(), self._tz)
        return Changes.of(Change.OUTCOMES)

    def delete_questionnaire(self, day: date, instrument: Instrument) -> Changes:
        """Delete the day's questionnaire of ``instrument``; raises ``InvalidInput``."""
        from stenosis_coach.services import outcomes

        outcomes.delete_questionnaire(self.database, day, instrument, self.now())
        return Changes.of(Change.OUTCOMES)

    def activities(self, current_only: bool = False) -> list[Activity]:
        """My activities in the order named (only those still rated if ``current_only``)."""
        from stenosis_coach.services import outcomes

        if current_only:
            return outcomes.current_activities(self.database)
        return outcomes.activities(self.database)

    def add_activity(self, words: str) -> tuple[Activity, Changes]:
        """Name a new activity (added today); raises ``InvalidInput``."""
        from stenosis_coach.services import outcomes

        added = outcomes.add_activity(self.database, words, self.now(), self._tz)
        return added, Changes.of(Change.OUTCOMES)

    def retire_activity(self, activity_id: int) -> Changes:
        """No longer rate this activity; raises ``InvalidInput``."""
        from stenosis_coach.services import outcomes

        outcomes.retire_activity(self.database, activity_id, self.now(), self._tz)
        return Changes.of(Change.OUTCOMES)

    def stop_activity(self, activity_id: int) -> Changes:
        """Mark this activity "stopped doing it"; raises ``InvalidInput``."""
        from stenosis_coach.services import outcomes

        outcomes.stop_activity(self.database, activity_id, self.now(), self._tz)
        return Changes.of(Change.OUTCOMES)

    def relief_treatment(self, day: date) -> tuple[date, TreatmentKind] | None:
        """The treatment the log of ``day`` asks "compared with before" about (``None``:
        the question is not asked that day)."""
        from stenosis_coach.services import outcomes

        return outcomes.relief_treatment(self.database, day)

    def since_treatment(self, day: date) -> SinceTreatment | None:
        """The log of ``day``'s answer to "compared with before the treatment"."""
        from stenosis_coach.services import outcomes

        return outcomes.since_treatment(self.database, day)

    def answer_since_treatment(self, day: date, answer: SinceTreatment | None) -> Changes:
        """Record (or clear) the saved log of ``day``'s "compared with before the
        treatment"; raises ``InvalidInput`` (no saved log, or not asked that day)."""
        from stenosis_coach.services import outcomes

        outcomes.answer_since_treatment(self.database, day, answer, self.now())
        return Changes.of(Change.DAILY)

    def relief_words(self, treatment_day: date, kind: TreatmentKind | None = None) -> str:
        """How long the relief after the treatment on ``treatment_day`` lasted, in the
        patient's words, from the daily logs up to today (DESIGN 5.10; as the report says),
        naming the treatment by its ``kind`` ("after the epidural injection")."""
        from stenosis_coach.core.outcomes.relief import relief_words

        return relief_words(treatment_day, self.read_model().logs, self.today_date(), kind)


if TYPE_CHECKING:  # the outcomes' types (issue 15), imported where used
    from collections.abc import Mapping

    from stenosis_coach.core.daily import TreatmentKind
    from stenosis_coach.core.outcomes.model import (
        Answer,
        Instrument,
        Questionnaire,
        SinceTreatment,
    )
    from stenosis_coach.services.outcomes import Activity
