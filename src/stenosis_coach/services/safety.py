"""Red-flag checks as the user does them: start, answer, finish or postpone, and clear.

Every answer is committed when given, so a crash never loses one, and a check that was
started but not finished is asked again at the next start (issue 3).
"""

from __future__ import annotations

from datetime import datetime

from stenosis_coach.core.clock import utc_offset_minutes
from stenosis_coach.core.due import Due
from stenosis_coach.core.safety import (
    QUESTIONS_BY_ID,
    CheckTrigger,
    ClearanceReason,
    SeekCareAdvice,
    advice_for,
    decide,
)
from stenosis_coach.core.safety_state import CheckRecord, SafetyStatus, safety_status
from stenosis_coach.core.today import ADVICE_ACTION, WEEKLY_ACTION, TodayItem
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.safety_repo import SafetyRepository

WELCOME_SEEN = "welcome_seen"


def status(db: Database, now: datetime) -> SafetyStatus:
    repo = SafetyRepository(db)
    return safety_status(repo.checks(), repo.clearances(), now)


def start_check(db: Database, trigger: CheckTrigger, now: datetime) -> CheckRecord:
    """Begin a check, or resume the one already waiting (its answers are kept)."""
    repo = SafetyRepository(db)
    pending = status(db, now).pending
    if pending is not None:
        return pending
    return repo.get_check(repo.start_check(trigger, now, utc_offset_minutes(now)))


def answer(db: Database, check_id: int, question_id: str, yes: bool, now: datetime) -> None:
    if question_id not in QUESTIONS_BY_ID:
        raise ValueError(f"unknown red-flag question {question_id!r}")
    SafetyRepository(db).answer(check_id, question_id, yes, now)


def finish_check(db: Database, check_id: int, now: datetime) -> SeekCareAdvice | None:
    """Record the check as complete; the advice to show, or ``None`` when all were "no"."""
    repo = SafetyRepository(db)
    answers = repo.get_check(check_id).answers
    level = decide(answers)  # raises if any question is unanswered
    repo.complete(check_id, level, now)
    return advice_for(answers)


def postpone_check(db: Database, check_id: int, now: datetime) -> None:
    """Leave a weekly or on-demand check for later; it stays due on the Today page."""
    repo = SafetyRepository(db)
    check = repo.get_check(check_id)
    if not check.trigger.may_postpone:
        raise ValueError(f"a {check.trigger} check cannot be postponed")
    repo.postpone(check_id, now)


def record_clearance(db: Database, reason: ClearanceReason, now: datetime) -> None:
    """The patient confirms a clinician checked them, or that the "yes" was a mistake."""
    current = status(db, now)
    if current.open_flag is None or not current.needs_clearance:
        raise ValueError("there is no red-flag answer waiting for a clearance")
    SafetyRepository(db).add_clearance(current.open_flag.id, reason, now, utc_offset_minutes(now))


def welcome_seen(db: Database) -> bool:
    return SafetyRepository(db).get_state(WELCOME_SEEN) is not None


def mark_welcome_seen(db: Database, now: datetime) -> None:
    SafetyRepository(db).set_state(WELCOME_SEEN, now.isoformat())


def red_flags_last_28_days(db: Database, now: datetime) -> int:
    return status(db, now).flags_last_28_days


def checks_between(db: Database, since: datetime, until: datetime) -> list[CheckRecord]:
    """Completed checks started in [since, until), for the report."""
    return [c for c in SafetyRepository(db).checks(since, until) if c.complete]


# -- the Today page ---------------------------------------------------------------------


def today_items(db: Database, now: datetime, due: Due | None = None) -> list[TodayItem]:
    """Advice waiting for "I have been checked" (it replaces the plan), or the check when
    it is due (DESIGN 5.7, :mod:`core.due`)."""
    from stenosis_coach.services.due import due_at

    current = status(db, now)
    advice = current.advice
    if advice is not None:
        return [
            TodayItem(
                key="safety-advice",
                title=advice.title,
                detail=(
                    f"{advice.body} You answered yes to: {'; '.join(advice.reasons)}. "
                    "Your plan will come back here once you tell the app you have been "
                    "checked."
                ),
                action_label="I have been checked",
                action=ADVICE_ACTION,
                urgent=True,
                blocks_plan=True,
            )
        ]
    if (due or due_at(db, now)).safety_check:
        first = current.first_check_needed
        return [
            TodayItem(
                key="safety-weekly",
                title="Symptom check" if first else "Weekly symptom check",
                detail=(
                    "A few yes-or-no questions about your back, legs and health. "
                    if first
                    else "A few yes-or-no questions about anything new since your last check. "
                )
                + "It takes about two minutes.",
                action_label="Start the check",
                action=WEEKLY_ACTION,
            )
        ]
    return []
