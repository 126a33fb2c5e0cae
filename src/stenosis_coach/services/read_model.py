"""The read model: what Today, Walk, Progress, ``status``, ``due`` and the report are computed
from, each table read once (issue 14, DESIGN 2 "The next step of the house").

A :class:`ReadModel` belongs to one *generation* of the data (``Database.generation``, a
counter that moves on every commit that changed a row). Each record list is read from
storage the first time it is asked for, then kept; what the readers compute from them
(:mod:`services.due`, :mod:`services.status`, :mod:`services.progress`,
:mod:`services.today`, :mod:`services.report`) is kept too, with :meth:`ReadModel.memo`.
The :class:`~stenosis_coach.services.coach.Coach` holds the latest one and makes a new one
only when the generation moved: a change is read and computed once, and shared by every
page and the CLI.

A read model is a snapshot only as long as nothing is written: one kept across a write may
mix old and new records. Ask the Coach for the current one instead of keeping it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any, TypeVar

from stenosis_coach import i18n
from stenosis_coach.core.daily import DailyLog, TreatmentEvent
from stenosis_coach.core.due import (
    CHOSEN_ROUTINE_PER_WEEK,
    ActiveRoutine,
    DueInputs,
    RoutinePlanIn,
    RoutineRun,
    StartedCheck,
    WalkingPlanIn,
)
from stenosis_coach.core.exercises.library import estimated_seconds, source_name
from stenosis_coach.core.exercises.model import Exercise, Routine
from stenosis_coach.core.outcomes.model import ZCQ, Questionnaire, SinceTreatment
from stenosis_coach.core.routine_summary import RoutineSummary, summarize
from stenosis_coach.core.safety_state import CheckRecord, ClearanceRecord, counted_finishes
from stenosis_coach.core.sessions import (
    ROUTINE_STEP_SKIPPED,
    EndReason,
    SessionEvent,
    SessionRecord,
    reached_its_end,
    routine_replay,
    session_status,
)
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.services import exercises as library
from stenosis_coach.services.walking_plans import stored_plan_start
from stenosis_coach.storage.daily_repo import DailyRepository, StoredTreatment
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.outcomes_repo import OutcomesRepository
from stenosis_coach.storage.plans_repo import PlanRepository
from stenosis_coach.storage.safety_repo import SafetyRepository
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.storage.walks_repo import WalkRepository

ROUTINE_SESSION = "routine"  # services.routines.SESSION_KIND
# Routine sessions what is due looks at: this week's, and a day either side for time zones.
RUNS_BEFORE = timedelta(days=9)
RUNS_AFTER = timedelta(days=1)

MEMO_SIZE = 128  # answers kept (many are for one moment: "now")

T = TypeVar("T")


@dataclass(frozen=True)
class PlanParts:
    """What the imported plans bring to what is due: walking plans, and routines by plan."""

    walking: tuple[WalkingPlanIn, ...]
    routines: tuple[RoutinePlanIn, ...]


# The tables each record list is read from (a list is kept from one read model to the next
# while none of its tables changed: Database.changed_at).
WALKS = ("walk",)
LOGS = ("daily_log",)
TREATMENTS = ("treatment_event",)
CHECKS = ("red_flag_check", "red_flag_answer")
CLEARANCES = ("clearance",)
SESSIONS = ("session", "session_event")
PLANS = ("plan_import", "custom_exercise", "custom_routine")
QUESTIONNAIRES = ("questionnaire_answer",)
_TABLES: dict[str, tuple[str, ...]] = {
    "walks": WALKS,
    "walking_tests": WALKS,
    "logs": LOGS,
    "log_days": LOGS,
    "stored_treatments": TREATMENTS,
    "treatments": TREATMENTS,
    "checks": CHECKS,
    "clearances": CLEARANCES,
    "routine_sessions": SESSIONS,
    "routine_outcomes": SESSIONS,
    "routine_history": SESSIONS,
    "exercises": PLANS,
    "routines": PLANS,
    "plan_parts": PLANS,
    "my_routine": (*PLANS, "app_state"),
    "questionnaires": QUESTIONNAIRES,
    "relief_answers": LOGS,
    "walk_sessions": WALKS,
    "_walks_with_sessions": WALKS,
}


class ReadModel:
    """The records of one generation of the data, read once each, and what is computed from
    them (see the module's docstring). Made from the ``previous`` one (the Coach's), it
    keeps the records and answers of the tables that did not change since."""

    def __init__(self, db: Database, previous: ReadModel | None = None) -> None:
        self._db = db
        self.generation = db.generation
        self._events: dict[int, list[SessionEvent]] = {}  # routine sessions' events, by id
        self._memo: dict[Hashable, Any] = {}
        if previous is not None and previous._db is db:
            before = previous.generation
            for name, tables in _TABLES.items():
                if name in previous.__dict__ and db.changed_at(*tables) <= before:
                    self.__dict__[name] = previous.__dict__[name]
            if db.changed_at(*SESSIONS) <= before:
                self._events = previous._events
            self._memo = previous._memo  # its keys say which data each answer is of

    @property
    def database(self) -> Database:
        return self._db

    def current(self) -> bool:
        """Nothing was written since this was made (and the data is still open)."""
        return not self._db.closed and self._db.generation == self.generation

    def memo(
        self, key: Hashable, compute: Callable[[], T], tables: tuple[str, ...] | None = None
    ) -> T:
        """``compute()`` once for ``key`` while the data it is computed from stays the same:
        the rows of ``tables`` (every table when not given), in this language (what is kept
        may hold words)."""
        data = (
            self.generation
            if tables is None
            else min(self.generation, self._db.changed_at(*tables))
        )
        full = (key, data, i18n.language(), i18n.pseudo())
        if full in self._memo:
            found: T = self._memo.pop(full)  # the most recently used go last
        else:
            while len(self._memo) >= MEMO_SIZE:  # the least recently used answer goes
                del self._memo[next(iter(self._memo))]
            found = compute()
        self._memo[full] = found
        return found

    # -- the records ----------------------------------------------------------------------
    @cached_property
    def walks(self) -> list[Walk]:
        """Every live walk, oldest first."""
        return [walk for walk, _session in self._walks_with_sessions]

    @cached_property
    def _walks_with_sessions(self) -> list[tuple[Walk, int | None]]:
        """The walks and their sessions, read once for both."""
        return WalkRepository(self._db).walks_with_sessions()

    @cached_property
    def walking_tests(self) -> list[Walk]:
        """The walking tests alone, oldest first (a treatment's effect is read from them)."""
        return [w for w in self.walks if w.kind is WalkKind.TEST]

    @cached_property
    def logs(self) -> list[DailyLog]:
        """Every live daily log, oldest first."""
        return DailyRepository(self._db).all_logs()

    @cached_property
    def relief_answers(self) -> dict[date, SinceTreatment]:
        """Each daily log's "compared with before the treatment" (DESIGN 5.10), by day."""
        return DailyRepository(self._db).since_treatment_answers()

    @cached_property
    def questionnaires(self) -> list[Questionnaire]:
        """Every live questionnaire (ZCQ and My activities), oldest first (DESIGN 5.6)."""
        return OutcomesRepository(self._db).questionnaires()

    @cached_property
    def walk_sessions(self) -> dict[Walk, int]:
        """Each live walk recorded in the app -> the id of its session (its events)."""
        return {w: s for w, s in self._walks_with_sessions if s is not None}

    @cached_property
    def stored_treatments(self) -> list[StoredTreatment]:
        """The live treatments with their ids, oldest first."""
        return DailyRepository(self._db).treatments()

    @cached_property
    def treatments(self) -> list[TreatmentEvent]:
        return [stored.event for stored in self.stored_treatments]

    @cached_property
    def checks(self) -> list[CheckRecord]:
        """Every safety check with its answers, oldest first."""
        return SafetyRepository(self._db).checks()

    @cached_property
    def clearances(self) -> list[ClearanceRecord]:
        return SafetyRepository(self._db).clearances()

    @cached_property
    def routine_sessions(self) -> list[SessionRecord]:
        """Every finished routine session, oldest first (no events)."""
        return SessionRepository(self._db).starts_and_ends(ROUTINE_SESSION)

    @cached_property
    def routine_outcomes(self) -> list[RoutineSummary]:
        """Every finished routine session with its start and whether it was completed and
        done (what the weekly plots need, fast over years of sessions): the stored status
        tells, and only the events of a session saved as interrupted, or completed with a
        skip (rare), are read (one status with the history, core.sessions)."""
        sessions = self.routine_sessions
        skipped = SessionRepository(self._db).ids_with_event(ROUTINE_SESSION, ROUTINE_STEP_SKIPPED)
        read = [
            s.id
            for s in sessions
            if s.end_reason is EndReason.INTERRUPTED
            or (s.end_reason is EndReason.COMPLETED and s.id in skipped)
        ]
        events = self.session_events(read)
        # Without events, a summary depends on how the session ended only: one made per end.
        plain: dict[EndReason | None, RoutineSummary] = {}
        found = []
        for s in sessions:
            if s.id in events:
                found.append(summarize(s, events[s.id]))
                continue
            like = plain.get(s.end_reason)
            if like is None:
                like = plain[s.end_reason] = summarize(s, [])
            found.append(
                RoutineSummary(
                    s,
                    like.routine_id,
                    like.before,
                    like.after,
                    like.steps_done,
                    like.steps_skipped,
                    like.worst_hurt,
                    like.completed,
                    steps=like.steps,
                    done=like.done,
                )
            )
        return found

    @cached_property
    def routine_history(self) -> list[RoutineSummary]:
        """Every finished routine session summed up from all its events, newest first (the
        report's list)."""
        sessions = self.routine_sessions[::-1]
        events = self.session_events([s.id for s in sessions])
        return [summarize(s, events[s.id]) for s in sessions]

    def session_events(self, session_ids: list[int]) -> dict[int, list[SessionEvent]]:
        """The events of these routine sessions (each read once per generation)."""
        missing = [i for i in session_ids if i not in self._events]
        if missing:
            self._events.update(SessionRepository(self._db).events_for(missing))
        return {i: self._events[i] for i in session_ids}

    # -- exercises, routines and plans ----------------------------------------------------
    @cached_property
    def exercises(self) -> dict[str, Exercise]:
        """Built-in exercises plus those imported plans brought."""
        return library.exercises(self._db)

    @cached_property
    def routines(self) -> dict[str, Routine]:
        return library.routines(self._db)

    @cached_property
    def my_routine(self) -> Routine:
        """The routine the patient chose (or the one suggested)."""
        chosen = SafetyRepository(self._db).get_state(library.MY_ROUTINE)
        found = self.routines
        return found.get(chosen or library.DEFAULT_ROUTINE) or found[library.DEFAULT_ROUTINE]

    def active_routine(self, routine: Routine, per_week: int) -> ActiveRoutine:
        return ActiveRoutine(
            routine.id,
            routine.name,
            per_week,
            float(estimated_seconds(routine, self.exercises)),
            source_name=source_name(routine),  # what --json says, in every language
        )

    @cached_property
    def plan_parts(self) -> PlanParts:
        plans_repo = PlanRepository(self._db)
        by_plan = plans_repo.routines_by_plan()
        walking, routine_plans = [], []
        for stored in plans_repo.plans():
            w = stored.walking
            if w:
                start = stored_plan_start(stored.imported_at, w)
                walking.append(WalkingPlanIn(start, w.get("walks_per_week", 4)))
            brought = by_plan.get(stored.id)
            if brought:
                active = tuple(self.active_routine(r, r.per_week) for r in brought)
                routine_plans.append(RoutinePlanIn(stored.imported_at, active))
        return PlanParts(tuple(walking), tuple(routine_plans))

    # -- what is due's inputs -------------------------------------------------------------
    def routine_runs(self, at: datetime) -> list[RoutineRun]:
        """The routine sessions of ``at``'s week (and a day either side), each with whether
        it reached its end as DESIGN 5.7 counts it: only these have their events read."""
        since, until = at - RUNS_BEFORE, at + RUNS_AFTER
        sessions = [s for s in self.routine_sessions if since <= s.started_at <= until]
        events = self.session_events([s.id for s in sessions])
        runs = []
        for s in sessions:
            started = next((e for e in events[s.id] if e.kind == "started"), None)
            routine_id = started.data.get("routine", "") if started else ""
            # Not stopped, and not mostly skipped (its status and replay each once).
            status = session_status(s.end_reason, events[s.id])
            done = reached_its_end(status, routine_replay(events[s.id]))
            ended = status is EndReason.COMPLETED
            runs.append(
                RoutineRun(
                    routine_id, s.started_at, s.elapsed_s, done, skipped_through=ended and not done
                )
            )
        return runs

    def due_inputs(self, at: datetime) -> DueInputs:
        """Everything :func:`core.due.what_is_due` needs at ``at``."""
        checks = self.checks
        parts = self.plan_parts
        return DueInputs(
            walks=self.walks,
            walking_plans=list(parts.walking),
            routine_plans=list(parts.routines),
            chosen_routine=self.active_routine(self.my_routine, CHOSEN_ROUTINE_PER_WEEK),
            routine_runs=self.routine_runs(at),
            log_days=self.log_days,
            # A check whose "yes" was withdrawn before its last question is not one done.
            finished_checks=counted_finishes(checks, self.clearances),
            started_checks=[
                StartedCheck(c.started_at, c.completed_at, c.postponed_at, len(c.answers))
                for c in checks
            ],
            zcq_days=[q.date for q in self.questionnaires if q.instrument == ZCQ],
            first_routine_at=(
                self.routine_sessions[0].started_at if self.routine_sessions else None
            ),
        )

    @cached_property
    def log_days(self) -> frozenset[date]:
        return frozenset(log.day for log in self.logs)
