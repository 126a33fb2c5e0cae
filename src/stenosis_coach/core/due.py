"""What is due at a local moment T (DESIGN 5.7, a contract).

One pure function, :func:`what_is_due`, answers for Today, the Walk page, ``status`` and
``due``; they read its answer and never decide on their own, so they cannot disagree.
Only what happened up to T counts: later walks, sessions, logs, checks and plans are left
out, so the answer for a past moment is what the app would have said then.

``questionnaire`` (the Zurich Claudication Questionnaire, DESIGN 5.6): due when there is
a walking plan or a routine in use and no ZCQ was answered in the 28 days before T's date
(:func:`core.outcomes.zcq.next_zcq_due`). Reading of "once there is a walking plan or a
routine": the programme starts on the local day of the first of a walking plan, a plan's
routines, a walk, or a routine session (the routine the app suggests before any is done
does not start it: a fresh install is asked for its first walking test, not yet a
questionnaire).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from stenosis_coach.core.outcomes.model import ZCQ, Questionnaire
from stenosis_coach.core.outcomes.zcq import next_zcq_due
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.walking.prescription import PlanStart, Prescription, replay
from stenosis_coach.core.words import and_text
from stenosis_coach.i18n import _, ngettext

DEFAULT_WALKS_PER_WEEK = 4  # DESIGN 4.2: walks_per_week defaults to 4
CHOSEN_ROUTINE_PER_WEEK = 7  # DESIGN 5.7: with no plan, the chosen routine, 7 a week
DONE_FRACTION = 0.8  # DESIGN 5.7: a session that reached 80 % of its length is done
CHECK_EVERY = timedelta(days=7)  # DESIGN 5.7: a safety check every 7 x 24 h


@dataclass(frozen=True)
class ActiveRoutine:
    id: str
    name: str  # in the user's language (a built-in's name is translated)
    per_week: int
    length_s: float  # the routine's planned length
    source_name: str = ""  # the name as its source wrote it, for --json (empty: ``name``)


@dataclass(frozen=True)
class RoutineRun:
    """One finished routine session, as far as "is it done" needs to know."""

    routine_id: str
    started_at: datetime  # aware
    elapsed_s: float  # how long it ran
    completed: bool  # it reached its end (core.sessions.routine_done)
    # It was not stopped, but went to its end with most of it skipped: not done, and not
    # "stopped early" either (nothing to carry on).
    skipped_through: bool = False


@dataclass(frozen=True)
class WalkingPlanIn:
    """A therapist's walking plan imported at ``start.at``."""

    start: PlanStart
    walks_per_week: int = DEFAULT_WALKS_PER_WEEK


@dataclass(frozen=True)
class RoutinePlanIn:
    """A plan imported at ``at`` that brought routines: they are the active ones from then."""

    at: datetime
    routines: tuple[ActiveRoutine, ...]


@dataclass(frozen=True)
class StartedCheck:
    """A safety check as far as "is one waiting to be finished" needs to know."""

    started_at: datetime  # aware
    finished_at: datetime | None = None
    left_for_later_at: datetime | None = None  # "Finish later" (a weekly or on-demand one)
    answered: int = 0  # questions answered so far

    def waiting_at(self, at: datetime) -> bool:
        """At ``at`` it was started and neither finished nor left for later: every walk
        and routine waits for it (DESIGN 5.5, asked after "must stop" and the like)."""
        return (
            self.started_at <= at
            and (self.finished_at is None or self.finished_at > at)
            and (self.left_for_later_at is None or self.left_for_later_at > at)
        )


@dataclass(frozen=True)
class DueInputs:
    """Everything stored that the answer depends on (any order; later ones are ignored)."""

    walks: Sequence[Walk] = ()
    walking_plans: Sequence[WalkingPlanIn] = ()
    routine_plans: Sequence[RoutinePlanIn] = ()
    chosen_routine: ActiveRoutine | None = None  # used when no plan brought routines
    routine_runs: Sequence[RoutineRun] = ()
    log_days: frozenset[date] = frozenset()
    finished_checks: Sequence[datetime] = ()  # when each check was finished (aware)
    started_checks: Sequence[StartedCheck] = ()  # every check, to see one left unfinished
    zcq_days: Sequence[date] = ()  # the days a ZCQ was answered (DESIGN 5.6)
    first_routine_at: datetime | None = None  # the first routine session ever (aware)


@dataclass(frozen=True)
class WalkDue:
    due: bool
    kind: WalkKind  # next_walk.kind (DESIGN 5.1)
    prescription: Prescription
    walked_today: bool
    this_week: int  # walks started this week (Monday to Sunday)
    per_week: int
    waits_for_check: bool = False  # a safety check was started and must be finished first


@dataclass(frozen=True)
class RoutineDue:
    routine: ActiveRoutine
    due: bool
    done_this_week: int
    done_today: int
    per_day: int  # ceil(per_week / 7)
    stopped_today: bool  # today's last session of it stopped early (not done)


@dataclass(frozen=True)
class Due:
    at: datetime
    walk: WalkDue
    routines: tuple[RoutineDue, ...] = ()
    daily_log: bool = False
    safety_check: bool = False
    # A check started and not finished (left with Esc after "must stop", or the app closed
    # over it): it is due first, and every walk and routine waits for it.
    check_waiting: StartedCheck | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    questionnaire: bool = False  # the ZCQ (DESIGN 5.6, 5.7)
    questionnaire_due_on: date | None = None  # the day it is (or was) next due; None: not yet

    @property
    def routines_due(self) -> tuple[RoutineDue, ...]:
        return tuple(r for r in self.routines if r.due)

    @property
    def anything_due(self) -> bool:
        return (
            self.walk.due
            or bool(self.routines_due)
            or self.daily_log
            or self.safety_check
            or self.questionnaire
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(timespec="minutes"),
            "walk": {
                "due": self.walk.due,
                "kind": self.walk.kind.value,
                "this_week": self.walk.this_week,
                "per_week": self.walk.per_week,
            },
            "routines": [
                {
                    "id": r.routine.id,
                    "name": r.routine.source_name or r.routine.name,  # never translated
                    "due": r.due,
                    "done_this_week": r.done_this_week,
                    "per_week": r.routine.per_week,
                    "stopped_early_today": r.stopped_today,
                }
                for r in self.routines
            ],
            "daily_log": self.daily_log,
            "safety_check": self.safety_check,
            "safety_check_waiting": self.check_waiting is not None,
            "questionnaire": self.questionnaire,
            "questionnaire_due_on": (
                self.questionnaire_due_on.isoformat() if self.questionnaire_due_on else None
            ),
        }

    def sentence(self) -> str:
        """What is due, in one line (plain ``status`` and ``due``)."""
        things = []
        if self.check_waiting is not None:
            things.append(_("the safety check you started (walks and exercises wait for it)"))
        elif self.safety_check:
            things.append(_("the weekly safety check"))
        if self.walk.due:
            things.append(_("a walking test") if self.walk.kind is WalkKind.TEST else _("a walk"))
        things.extend(r.routine.name for r in self.routines_due)
        if self.daily_log:
            things.append(_("today's log"))
        if self.questionnaire:
            things.append(_("the questionnaire on your legs and walking"))
        if not things:
            return _("Nothing is due now: you have done everything for today.")
        return _("Due now: {things}.").format(things=and_text(things))


def week_start(day: date) -> date:
    """The Monday of ``day``'s week (DESIGN 5.7: weeks run Monday to Sunday)."""
    return day - timedelta(days=day.weekday())


def in_force(
    inputs: DueInputs, at: datetime
) -> tuple[WalkingPlanIn | None, int, tuple[ActiveRoutine, ...]]:
    """At ``at``: the newest walking plan (None: the app's defaults), the walks it asks a
    week, and the active routines (those of the newest plan that brought routines; with no
    such plan, the routine the patient chose). What is due and adherence read this one
    answer."""
    plans = sorted((p for p in inputs.walking_plans if p.start.at <= at), key=lambda p: p.start.at)
    plan = plans[-1] if plans else None
    per_week = plan.walks_per_week if plan else DEFAULT_WALKS_PER_WEEK
    routine_plans = sorted((p for p in inputs.routine_plans if p.at <= at), key=lambda p: p.at)
    newest = routine_plans[-1] if routine_plans else None
    if newest is not None:
        active = newest.routines
    elif inputs.chosen_routine is not None:
        active = (inputs.chosen_routine,)
    else:
        active = ()
    return plan, per_week, active


def programme_start(inputs: DueInputs, at: datetime, tz: tzinfo) -> date | None:
    """The local day the programme started, as far as known at ``at``: the first of a
    walking plan, a plan's routines, a walk, or a routine session (None: not yet)."""
    begun = [p.start.at for p in inputs.walking_plans if p.start.at <= at]
    begun += [p.at for p in inputs.routine_plans if p.at <= at]
    begun += [w.start for w in inputs.walks if w.start <= at]
    if inputs.first_routine_at is not None and inputs.first_routine_at <= at:
        begun.append(inputs.first_routine_at)
    return min(begun).astimezone(tz).date() if begun else None


def run_is_done(run: RoutineRun, length_s: float) -> bool:
    """DESIGN 5.7: it reached its end, or 80 % of the routine's length."""
    return run.completed or run.elapsed_s >= DONE_FRACTION * length_s


def what_is_due(inputs: DueInputs, at: datetime, tz: tzinfo) -> Due:
    """What is due at ``at`` (aware) in the patient's local time ``tz`` (DESIGN 5.7)."""
    if at.tzinfo is None:
        raise ValueError("at must be timezone-aware")
    today = at.astimezone(tz).date()
    monday = week_start(today)

    def local_day(moment: datetime) -> date:
        return moment.astimezone(tz).date()

    # -- walk ------------------------------------------------------------------------------
    walks = [w for w in inputs.walks if w.start <= at]
    plan, per_week, active = in_force(inputs, at)
    rx = replay(walks, at, plan.start if plan else None)
    walked_today = any(local_day(w.start) == today for w in walks)
    this_week = sum(1 for w in walks if monday <= local_day(w.start) <= today)
    walk_due = not walked_today and (this_week < per_week or rx.kind is WalkKind.TEST)
    waiting = max(
        (c for c in inputs.started_checks if c.waiting_at(at)),
        key=lambda c: c.started_at,
        default=None,
    )
    walk = WalkDue(walk_due, rx.kind, rx, walked_today, this_week, per_week, waiting is not None)

    # -- routines --------------------------------------------------------------------------
    runs = sorted(
        (r for r in inputs.routine_runs if r.started_at <= at), key=lambda r: r.started_at
    )
    routines = []
    for routine in active:
        mine = [r for r in runs if r.routine_id == routine.id]
        week = [r for r in mine if monday <= local_day(r.started_at) <= today]
        today_runs = [r for r in week if local_day(r.started_at) == today]
        done_week = sum(1 for r in week if run_is_done(r, routine.length_s))
        done_today = sum(1 for r in today_runs if run_is_done(r, routine.length_s))
        per_day = math.ceil(routine.per_week / 7)
        due = done_week < routine.per_week and done_today < per_day
        last = today_runs[-1] if today_runs else None
        stopped = (
            due
            and last is not None
            and not last.skipped_through
            and not run_is_done(last, routine.length_s)
        )
        routines.append(RoutineDue(routine, due, done_week, done_today, per_day, stopped))

    # -- daily log and safety check ----------------------------------------------------------
    daily_log = today not in inputs.log_days
    checks = [c for c in inputs.finished_checks if c <= at]
    safety_check = not checks or at - max(checks) >= CHECK_EVERY or waiting is not None

    # -- the questionnaire (ZCQ) ------------------------------------------------------------
    start = programme_start(inputs, at, tz)
    answered = [Questionnaire(d, ZCQ) for d in inputs.zcq_days if d <= today]
    due_on = next_zcq_due(answered, start)

    return Due(
        at=at,
        walk=walk,
        routines=tuple(routines),
        daily_log=daily_log,
        safety_check=safety_check,
        check_waiting=waiting,
        questionnaire=due_on is not None and due_on <= today,
        questionnaire_due_on=due_on,
    )


def walk_status_line(walk: WalkDue) -> str:
    """The Walk page's line under "Your next walk": is it due today, and if not, why not;
    and, before all, a symptom check the walk waits for."""
    if walk.waits_for_check:
        return _(
            "Finish your safety check first: the walk waits until it is done. "
            "Start the walk takes you to the check."
        )
    n = walk.per_week
    if walk.due:
        if walk.kind is WalkKind.TEST and walk.this_week >= n:
            return ngettext(
                "Due today: a walking test is due, even though this week's {n} walk is done.",
                "Due today: a walking test is due, even though this week's {n} walks are done.",
                n,
            ).format(n=n)
        return _("Due today.")
    if walk.walked_today:
        return _("You have walked today. This is for your next walk.")
    return ngettext(
        "This week's {n} walk is done. This is for your next walk.",
        "This week's {n} walks are done. This is for your next walk.",
        n,
    ).format(n=n)
