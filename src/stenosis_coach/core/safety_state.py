"""Where the patient stands with the red-flag checks, computed from what is stored.

Pure: given the stored checks and clearances and the time, says whether a check must be
asked now, whether the weekly check is due, and whether sessions wait for a clearance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from stenosis_coach.core.safety import (
    CheckTrigger,
    ClearanceReason,
    Level,
    SeekCareAdvice,
    advice_for,
    check_due,
    session_gate,
    unanswered,
)

# DESIGN 4.1: status --json reports red-flag checks with any "yes" in the last 28 days.
RED_FLAG_WINDOW_DAYS = 28


@dataclass(frozen=True)
class CheckRecord:
    id: int
    trigger: CheckTrigger
    started_at: datetime
    utc_offset_min: int
    completed_at: datetime | None = None
    postponed_at: datetime | None = None
    level: Level | None = None
    answers: dict[str, bool] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return self.completed_at is not None

    @property
    def any_yes(self) -> bool:
        return self.complete and self.level is not None

    @property
    def advice(self) -> SeekCareAdvice | None:
        return advice_for(self.answers) if self.any_yes else None

    @property
    def not_asked(self) -> tuple[str, ...]:
        """Ids of the questions a finished check did not ask (it ended on a "yes")."""
        return tuple(q.id for q in unanswered(self.answers)) if self.complete else ()


# A check left with only "no" answers carries on where it stopped if it was started less
# than this long ago; an older one starts again, as a "no" from then may no longer be true.
RESUME_WITHIN = timedelta(hours=12)


class LeftCheck(StrEnum):
    """What happens to a check that was started and left unfinished (DESIGN 5.5)."""

    SHOW_ADVICE = "show_advice"  # it has a "yes": finish it and show that advice first
    RESUME = "resume"  # only "no" answers, and recent: carry on, answers kept
    ASK_AGAIN = "ask_again"  # only "no" answers, but old: start again from question 1


def left_check(check: CheckRecord, now: datetime) -> LeftCheck:
    if any(check.answers.values()):
        return LeftCheck.SHOW_ADVICE
    if not check.answers:
        return LeftCheck.RESUME  # nothing answered: nothing to be out of date
    if check.started_at <= now < check.started_at + RESUME_WITHIN:
        return LeftCheck.RESUME
    return LeftCheck.ASK_AGAIN


@dataclass(frozen=True)
class ClearanceRecord:
    id: int
    at: datetime
    reason: ClearanceReason
    check_id: int


@dataclass(frozen=True)
class SafetyStatus:
    pending: CheckRecord | None  # started, not finished, not postponed: ask it now
    first_check_needed: bool  # no check has ever been completed
    weekly_due: bool
    needs_clearance: bool  # a "yes" waits for "I have been checked" before any session
    open_flag: CheckRecord | None  # the check with a "yes" that needs the clearance
    flags_last_28_days: int

    @property
    def advice(self) -> SeekCareAdvice | None:
        return self.open_flag.advice if self.open_flag and self.needs_clearance else None


def withdrawn_checks(
    checks: Sequence[CheckRecord], clearances: Sequence[ClearanceRecord]
) -> frozenset[int]:
    """Ids of the checks that ended before their last question (an Emergency "yes", or
    left with a "yes") whose "yes" the patient then said was a mistake.

    Their questions after that "yes" were never asked, so such a check is not a check
    done: it does not count as the first check, nor as this week's check (DESIGN 5.7).
    It stays on record, with its "yes" and the clearance that withdrew it; the questions
    it did not ask are asked in the check that carries it on (:func:`carried_on`).
    """
    mistaken = {c.check_id for c in clearances if c.reason is ClearanceReason.ANSWERED_BY_MISTAKE}
    return frozenset(c.id for c in checks if c.id in mistaken and c.not_asked)


def counted_finishes(
    checks: Sequence[CheckRecord], clearances: Sequence[ClearanceRecord]
) -> list[datetime]:
    """When each check that counts as done was finished (what is due, DESIGN 5.7): every
    finished check but the withdrawn ones (:func:`withdrawn_checks`)."""
    withdrawn = withdrawn_checks(checks, clearances)
    return [c.completed_at for c in checks if c.completed_at is not None and c.id not in withdrawn]


def carried_on(check: CheckRecord, now: datetime) -> dict[str, bool]:
    """The answers a check withdrawn as a mistake at ``now`` hands on to the check that
    asks the questions it did not ask: its answers, each withdrawn "yes" now a "no", so
    the check goes on with the next question. When the withdrawn check was started
    :data:`RESUME_WITHIN` ago or more, nothing is handed on: a "no" from then may no
    longer be true, so every question is asked again (as for a check left, :func:`left_check`).
    """
    if check.started_at <= now < check.started_at + RESUME_WITHIN:
        return dict.fromkeys(check.answers, False)
    return {}


def safety_status(
    checks: Sequence[CheckRecord], clearances: Sequence[ClearanceRecord], now: datetime
) -> SafetyStatus:
    """``checks`` and ``clearances`` in any order."""
    ordered = sorted(checks, key=lambda c: (c.started_at, c.id))
    completed = [c for c in ordered if c.complete]
    withdrawn = withdrawn_checks(checks, clearances)
    # A check withdrawn before its last question was asked is not a check done.
    counted = [c.completed_at for c in completed if c.id not in withdrawn]
    # When each completed check was completed (``complete`` means completed_at is set).
    done_at = {id(c): c.completed_at for c in completed if c.completed_at is not None}
    pending = next(
        (c for c in reversed(ordered) if not c.complete and c.postponed_at is None), None
    )
    flagged = [c for c in completed if c.any_yes]
    # The latest by its end; of two ended at the same moment, the one started later.
    last_flag = (
        max(flagged, key=lambda c: (done_at[id(c)], c.started_at, c.id)) if flagged else None
    )
    # The clearances that speak of it: its own, or one given at or after it ended for a
    # check asked before it (a check started by a clearance is not cleared by it).
    covering = [
        c.at
        for c in clearances
        if last_flag is not None and (c.check_id == last_flag.id or last_flag.started_at < c.at)
    ]
    last_clearance = max(covering, default=None)
    last_done = max((t for t in counted if t is not None), default=None)
    since = now - timedelta(days=RED_FLAG_WINDOW_DAYS)
    return SafetyStatus(
        pending=pending,
        first_check_needed=not counted,
        weekly_due=check_due(last_done, now),
        needs_clearance=session_gate(last_flag.completed_at if last_flag else None, last_clearance),
        open_flag=last_flag,
        flags_last_28_days=sum(1 for c in flagged if done_at[id(c)] >= since),
    )
