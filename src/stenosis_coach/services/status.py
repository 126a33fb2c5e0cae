"""Where things stand: the verdict, key figures, the next walk, signs and red flags.

The one source for ``status`` (CLI), the Today page's walk and the progress page.
The keys and their meaning are a contract (DESIGN 4.1).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from fractions import Fraction
from typing import Any

from stenosis_coach.core.adherence import Adherence, last_14_days, weekly
from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.daily import DailyLog, TreatmentEvent
from stenosis_coach.core.due import CHOSEN_ROUTINE_PER_WEEK, Due, DueInputs, RoutineRun
from stenosis_coach.core.outcomes.model import TreatmentRelief
from stenosis_coach.core.outcomes.relief import treatment_relief
from stenosis_coach.core.outcomes.summary import Outcomes, outcomes_of
from stenosis_coach.core.progress.signs import (
    FLARE_PAIN,
    CountedRests,
    Sign,
    diary_rests,
    specialist_signs,
    symptom_rests,
)
from stenosis_coach.core.progress.verdict import (
    DailyDoses,
    Verdict,
    compute_verdict,
    to_status_json,
)
from stenosis_coach.core.report.model import outcome_lines
from stenosis_coach.core.safety import NEW_WEAKNESS_IDS
from stenosis_coach.core.safety_state import CheckRecord, ClearanceRecord, safety_status
from stenosis_coach.core.today import TEST_HEADLINE
from stenosis_coach.core.walking.engine import BoutEnded, BoutEndReason
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.walking.prescription import PlanStart, Prescription, prescribed_before
from stenosis_coach.core.words import day_text, minutes_text
from stenosis_coach.i18n import _, ngettext
from stenosis_coach.services.due import due_for
from stenosis_coach.services.read_model import (
    CHECKS,
    LOGS,
    PLANS,
    QUESTIONNAIRES,
    SESSIONS,
    TREATMENTS,
    WALKS,
    ReadModel,
)
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.sessions_repo import SessionRepository


@dataclass(frozen=True)
class Status:
    verdict: Verdict
    next_walk: Prescription
    signs: list[Sign]
    red_flags_last_28_days: int
    due: Due | None = None  # what is due now (DESIGN 5.7); the same answer as Today's
    # DESIGN 4.1 (December 2026): the ZCQ and My activities (5.6), relief after treatments
    # (5.10). None: not known to the caller (its JSON says null, as "not computable").
    outcomes: Outcomes | None = None
    relief: tuple[TreatmentRelief, ...] = field(default_factory=tuple)
    adherence: Adherence | None = None  # DESIGN 5.7: the last 14 days, planned and done

    def to_json(self) -> dict[str, Any]:
        return {
            **to_status_json(self.verdict),
            "next_walk": {
                "kind": self.next_walk.kind.value,
                "bout_s": _number(self.next_walk.bout_s),
                "rest_s": _number(self.next_walk.rest_s),
                "target_total_s": _number(self.next_walk.target_total_s),
            },
            "specialist_signs": [s.to_json() for s in self.signs],  # source English
            "red_flags_last_28_days": self.red_flags_last_28_days,
            **({"due": self.due.to_json()} if self.due is not None else {}),
            "outcomes": (self.outcomes or outcomes_of(())).to_json(),
            "treatment_relief": [r.to_json() for r in self.relief],
            "adherence": {
                "last_14_days": (
                    self.adherence.to_json()
                    if self.adherence is not None
                    else {"planned": None, "done": None}
                )
            },
            # DESIGN 4.1: the latest value per home test (5.8); null until home tests can
            # be recorded (issue 18), as the contract says for what cannot be computed.
            "home_tests": None,
        }

    def sentences(self) -> list[str]:
        """The same facts, in words, for plain ``status``."""
        lines = [self.verdict.summary]
        if self.verdict.nudge:
            lines.append(self.verdict.nudge)
        lines.append(walk_sentence(self.next_walk))
        if self.due is not None:
            lines.append(self.due.sentence())
        if self.adherence is not None:
            lines.append(self.adherence.sentence())
        if self.outcomes is not None:
            lines.extend(outcome_sentences(self.outcomes))
        for sign in self.signs:
            lines.append(_("Time to talk to your clinician: {sign}").format(sign=sign.text))
        flags = self.red_flags_last_28_days
        if flags:
            lines.append(
                ngettext(
                    "{n} safety check in the last 28 days had a yes answer.",
                    "{n} safety checks in the last 28 days had a yes answer.",
                    flags,
                ).format(n=flags)
            )
        else:
            lines.append(_("No safety check in the last 28 days had a yes answer."))
        return lines


def outcome_sentences(outcomes: Outcomes) -> list[str]:
    """The ZCQ and My-activities lines of plain ``status`` (none without questionnaires),
    said as page 1 of the report says them."""
    return list(outcome_lines(outcomes, lambda day: day_text(day, year=True)))


def walk_headline(rx: Prescription) -> str:
    """What to do, in words (issue 5: "Walk 4 min, then rest sitting or leaning forward …")."""
    if rx.kind is WalkKind.TEST or rx.bout_s is None:
        return _(TEST_HEADLINE)  # core.today knows it, to leave out its opening on a card
    return _(
        "Walk {bout}, then rest sitting or leaning forward until your legs settle. "
        "Repeat until you have walked {total}."
    ).format(bout=minutes_text(rx.bout_s), total=minutes_text(rx.target_total_s))


def walk_sentence(rx: Prescription) -> str:
    """``Next walk: … Why: …`` (one message: the order may differ in another language)."""
    if rx.reason:
        return _("Next walk: {walk} Why: {why}").format(walk=walk_headline(rx), why=rx.reason)
    return _("Next walk: {walk}").format(walk=walk_headline(rx))


def _number(value: Fraction | int | None) -> int | float | None:
    if value is None:
        return None
    value = Fraction(value)
    return int(value) if value.denominator == 1 else float(value)


@dataclass(frozen=True)
class Records:
    """Everything the figures are computed from, each table read once (as the read model
    holds them: :class:`services.read_model.ReadModel` has the same fields)."""

    walks: list[Walk]
    logs: list[DailyLog]
    treatments: list[TreatmentEvent]
    checks: list[CheckRecord]
    clearances: list[ClearanceRecord]


def load_records(db: Database) -> Records:
    model = ReadModel(db)
    return Records(
        walks=model.walks,
        logs=model.logs,
        treatments=model.treatments,
        checks=model.checks,
        clearances=model.clearances,
    )


def weakness_reports(records: Records | ReadModel, tz: tzinfo = LOCAL) -> list[date]:
    """Days with new weakness or balance trouble, from red-flag answers or the daily log
    (DESIGN 5.4)."""
    days = {log.day for log in records.logs if log.new_weakness}
    for check in records.checks:
        done = check.completed_at
        if done is not None and any(check.answers.get(q) for q in NEW_WEAKNESS_IDS):
            days.add(done.astimezone(tz).date())
    return sorted(days)


@dataclass(frozen=True)
class Judgement:
    """The verdict and the specialist signs: they depend on the day only, not the hour."""

    verdict: Verdict
    signs: list[Sign]


# What the signs read (DESIGN 5.4, December 2026): each table named, so a change is seen.
JUDGEMENT_TABLES = (*WALKS, *LOGS, *TREATMENTS, *CHECKS, *QUESTIONNAIRES, *SESSIONS, *PLANS)
# Training walks whose rests are counted: the last 28 days (two spans of 14), a day of slack
# either side for time zones.
RESTS_DAYS = 29


def plan_in_force(model: ReadModel, at: datetime) -> PlanStart | None:
    """The newest walking plan imported by ``at`` (None: the app's own defaults)."""
    plans = sorted((p.start for p in model.plan_parts.walking if p.start.at <= at), key=_plan_at)
    return plans[-1] if plans else None


def _plan_at(plan: PlanStart) -> datetime:
    return plan.at


def counted_rests(model: ReadModel, today: date, tz: tzinfo = LOCAL) -> dict[Walk, CountedRests]:
    """DESIGN 5.4: the rests of each recent training walk that ``more_rests`` counts, so that
    rests the app itself prescribed never raise it. A live walk counts the rests that began
    with a symptom tap (a bout ended by "symptoms starting"); a diary walk, its ``rests``
    beyond the planned bouts - 1 of the prescription it was walked under. A walk with
    neither (a diary walk without a rest count, or walked before any bout was set) is left
    out."""
    walks = model.walks
    recent = [
        w
        for w in walks
        if w.kind is WalkKind.TRAINING
        and 0 <= (today - w.start.astimezone(tz).date()).days <= RESTS_DAYS
    ]
    sessions = model.walk_sessions
    live = [sessions[w] for w in recent if w in sessions]
    events = model.session_events(live)
    found: dict[Walk, CountedRests] = {}
    diary: list[Walk] = []
    for w in recent:
        session = sessions.get(w)
        if session is not None:
            taps = sum(
                1
                for e in events[session]
                if e.kind == BoutEnded.KIND and e.data.get("reason") == BoutEndReason.SYMPTOMS
            )
            found[w] = symptom_rests(taps)
        elif w.rests is not None:
            diary.append(w)
    # The prescription each diary walk was walked under: one replay per plan in force.
    by_plan: dict[PlanStart | None, list[Walk]] = {}
    for w in diary:
        by_plan.setdefault(plan_in_force(model, w.start), []).append(w)
    for plan, chosen in by_plan.items():
        wanted = set(chosen)
        for w, bout, target in prescribed_before(walks, plan):
            if w not in wanted or w.rests is None or bout is None or bout <= 0:
                continue
            found[w] = diary_rests(w.rests, math.ceil(Fraction(target) / Fraction(bout)))
    return found


def judgement(model: ReadModel, today: date, tz: tzinfo = LOCAL) -> Judgement:
    """The verdict and the signs on ``today`` (worked out once per day in a generation)."""

    def compute() -> Judgement:
        doses = [DailyDoses(log.day, log.doses) for log in model.logs]
        weakness = weakness_reports(model, tz)
        rests = counted_rests(model, today, tz)
        end_of_day = datetime.combine(today, datetime.max.time(), tz)
        plan = plan_in_force(model, end_of_day)
        return Judgement(
            verdict=compute_verdict(model.walks, doses, today, tz),
            signs=specialist_signs(
                model.walks,
                doses,
                model.treatments,
                weakness,
                today,
                tz,
                logs=model.logs,
                questionnaires=[q for q in model.questionnaires if q.date <= today],
                counted_rests=rests.get,
                relief_answers=model.relief_answers,
                flare_pain=plan.progression.flare_pain if plan is not None else FLARE_PAIN,
            ),
        )

    return model.memo(("judgement", today, tz), compute, JUDGEMENT_TABLES)


def outcomes_at(model: ReadModel, today: date) -> Outcomes:
    """DESIGN 4.1's ``outcomes`` from the questionnaires dated up to ``today``."""
    return model.memo(
        ("outcomes", today),
        lambda: outcomes_of(q for q in model.questionnaires if q.date <= today),
        QUESTIONNAIRES,
    )


def relief_of(model: ReadModel) -> tuple[TreatmentRelief, ...]:
    """DESIGN 4.1's ``treatment_relief``: each treatment with a relief record (5.10)."""
    return model.memo(
        ("treatment_relief",),
        lambda: tuple(treatment_relief(model.treatments, model.logs)),
        (*TREATMENTS, *LOGS),
    )


def status_of(model: ReadModel, now: datetime, tz: tzinfo = LOCAL) -> Status:
    """How things stand at ``now`` (aware), from the read model."""

    def compute() -> Status:
        today = now.astimezone(tz).date()
        judged = judgement(model, today, tz)
        flags = safety_status(model.checks, model.clearances, now).flags_last_28_days
        due = due_for(model, now, tz)  # one answer with Today (DESIGN 5.7)
        return Status(
            verdict=judged.verdict,
            next_walk=due.walk.prescription,
            signs=judged.signs,
            red_flags_last_28_days=flags,
            due=due,
            outcomes=outcomes_at(model, today),
            relief=relief_of(model),
            adherence=adherence_of(model, now, tz),
        )

    return model.memo(("status", now, tz), compute)


# -- adherence (DESIGN 5.7) ------------------------------------------------------------------
# Routine sessions the last 14 days read: 14 days and a day either side for time zones.
ADHERENCE_SINCE = timedelta(days=16)


def routine_runs(model: ReadModel, since: datetime | None = None) -> list[RoutineRun]:
    """Every finished routine session started at ``since`` or later (every one: None), with
    its routine and whether it reached its end as what is due counts it (the history's one
    status: ``routine_outcomes``' ``done``). Only the routine of each is read (its
    "started" event), not its steps: years of sessions stay fast for Progress."""

    def compute() -> list[RoutineRun]:
        found = [
            o for o in model.routine_outcomes if since is None or o.session.started_at >= since
        ]
        unknown = [o.session.id for o in found if not o.routine_id]
        started = SessionRepository(model.database).events_for(unknown, kinds=("started",))
        runs = []
        for o in found:
            routine_id = o.routine_id
            if not routine_id:
                events = started.get(o.session.id) or []
                routine_id = str(events[0].data.get("routine", "")) if events else ""
            runs.append(RoutineRun(routine_id, o.session.started_at, o.session.elapsed_s, o.done))
        return runs

    return model.memo(("routine_runs", since), compute, SESSIONS)


def adherence_inputs(model: ReadModel, since: datetime | None = None) -> DueInputs:
    """What adherence reads: the inputs of what is due (the plans, the chosen routine, the
    walks) with the routine sessions from ``since``."""
    parts = model.plan_parts
    sessions = model.routine_sessions
    return DueInputs(
        walks=model.walks,
        walking_plans=list(parts.walking),
        routine_plans=list(parts.routines),
        chosen_routine=model.active_routine(model.my_routine, CHOSEN_ROUTINE_PER_WEEK),
        routine_runs=routine_runs(model, since),
        first_routine_at=sessions[0].started_at if sessions else None,
    )


def adherence_of(model: ReadModel, now: datetime, tz: tzinfo = LOCAL) -> Adherence:
    """DESIGN 5.7's last 14 days at ``now`` (aware): planned and done sessions."""
    return model.memo(
        ("adherence", now, tz),
        lambda: last_14_days(adherence_inputs(model, now - ADHERENCE_SINCE), now, tz),
    )


def adherence_14_days(db: Database, now: datetime, tz: tzinfo = LOCAL) -> Adherence:
    """The last 14 days at ``now``, read from ``db`` now."""
    return adherence_of(ReadModel(db), now, tz)


def weekly_adherence(
    model: ReadModel, mondays: list[date], today: date, tz: tzinfo = LOCAL
) -> tuple[Adherence, ...]:
    """Planned and done per calendar week (Progress), as known at the end of ``today``."""
    end_of_day = datetime.combine(today, datetime.max.time(), tz)
    return weekly(adherence_inputs(model), mondays, end_of_day, tz)


def build_status(
    db: Database, now: datetime, tz: tzinfo = LOCAL, records: Records | None = None
) -> Status:
    """How things stand at ``now``, read from ``db`` now (``records`` when the caller has
    them already)."""
    model = ReadModel(db)
    if records is not None:
        model.walks, model.logs, model.checks = records.walks, records.logs, records.checks
        model.treatments, model.clearances = records.treatments, records.clearances
    return status_of(model, now, tz)
