"""What is due now (DESIGN 5.7): gathers what is stored, and asks :mod:`core.due`.

Today, the Walk page, ``status`` and ``due`` all call :func:`due_at`, so they give one
answer.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.due import (
    CHOSEN_ROUTINE_PER_WEEK,
    ActiveRoutine,
    Due,
    DueInputs,
    RoutinePlanIn,
    RoutineRun,
    StartedCheck,
    WalkingPlanIn,
    what_is_due,
)
from stenosis_coach.core.exercises.library import estimated_seconds
from stenosis_coach.core.exercises.model import Routine
from stenosis_coach.core.sessions import (
    EndReason,
    reached_its_end,
    routine_replay,
    session_status,
)
from stenosis_coach.core.walking.model import Walk
from stenosis_coach.services import exercises as library
from stenosis_coach.services.walking_plans import stored_plan_start
from stenosis_coach.storage.daily_repo import DailyRepository
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.plans_repo import PlanRepository
from stenosis_coach.storage.safety_repo import SafetyRepository
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.storage.walks_repo import WalkRepository

ROUTINE_SESSION = "routine"  # services.routines.SESSION_KIND


def gather(db: Database, at: datetime, walks: list[Walk] | None = None) -> DueInputs:
    """Everything :func:`core.due.what_is_due` needs, read from storage (``walks`` when the
    caller has them already)."""
    exercises = library.exercises(db)

    def active(routine: Routine, per_week: int) -> ActiveRoutine:
        return ActiveRoutine(
            routine.id, routine.name, per_week, float(estimated_seconds(routine, exercises))
        )

    plans_repo = PlanRepository(db)
    by_plan = plans_repo.routines_by_plan()
    walking_plans = []
    routine_plans = []
    for stored in plans_repo.plans():
        w = stored.walking
        if w:
            start = stored_plan_start(stored.imported_at, w)
            walking_plans.append(WalkingPlanIn(start, w.get("walks_per_week", 4)))
        brought = by_plan.get(stored.id)
        if brought:
            routines = tuple(active(r, r.per_week) for r in brought)
            routine_plans.append(RoutinePlanIn(stored.imported_at, routines))

    # Routine sessions of this week (and a day either side for time zones), with their ids.
    sessions_repo = SessionRepository(db)
    since = at - timedelta(days=9)
    sessions = [
        s
        for s in sessions_repo.starts_and_ends(ROUTINE_SESSION)
        if since <= s.started_at <= at + timedelta(days=1)
    ]
    events = sessions_repo.events_for([s.id for s in sessions])
    runs = []
    for s in sessions:
        started = next((e for e in events[s.id] if e.kind == "started"), None)
        routine_id = started.data.get("routine", "") if started else ""
        # Reached its end as DESIGN 5.7 counts it: not stopped, and not mostly skipped
        # (its status and its replay each worked out once).
        status = session_status(s.end_reason, events[s.id])
        done = reached_its_end(status, routine_replay(events[s.id]))
        ended = status is EndReason.COMPLETED
        runs.append(
            RoutineRun(
                routine_id, s.started_at, s.elapsed_s, done, skipped_through=ended and not done
            )
        )

    safety = SafetyRepository(db)
    checks = safety.checks()
    finished = [c.completed_at for c in checks if c.completed_at is not None]
    started_checks = [
        StartedCheck(c.started_at, c.completed_at, c.postponed_at, len(c.answers)) for c in checks
    ]
    log_days = frozenset(log.day for log in DailyRepository(db).all_logs())
    return DueInputs(
        walks=WalkRepository(db).walks() if walks is None else walks,
        walking_plans=walking_plans,
        routine_plans=routine_plans,
        chosen_routine=active(library.my_routine(db), CHOSEN_ROUTINE_PER_WEEK),
        routine_runs=runs,
        log_days=log_days,
        finished_checks=finished,
        started_checks=started_checks,
    )


def due_at(db: Database, at: datetime, tz: tzinfo = LOCAL, walks: list[Walk] | None = None) -> Due:
    """What is due at ``at`` (aware), in local time ``tz`` (DESIGN 5.7)."""
    return what_is_due(gather(db, at, walks), at, tz)
