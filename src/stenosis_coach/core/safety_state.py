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


def safety_status(
    checks: Sequence[CheckRecord], clearances: Sequence[ClearanceRecord], now: datetime
) -> SafetyStatus:
    """``checks`` and ``clearances`` in any order."""
    ordered = sorted(checks, key=lambda c: (c.started_at, c.id))
    completed = [c for c in ordered if c.complete]
    # When each completed check was completed (``complete`` means completed_at is set).
    done_at = {id(c): c.completed_at for c in completed if c.completed_at is not None}
    pending = next(
        (c for c in reversed(ordered) if not c.complete and c.postponed_at is None), None
    )
    flagged = [c for c in completed if c.any_yes]
    last_flag = max(flagged, key=lambda c: done_at[id(c)]) if flagged else None
    last_clearance = max((c.at for c in clearances), default=None)
    last_done = max(done_at.values(), default=None)
    since = now - timedelta(days=RED_FLAG_WINDOW_DAYS)
    return SafetyStatus(
        pending=pending,
        first_check_needed=not completed,
        weekly_due=check_due(last_done, now),
        needs_clearance=session_gate(last_flag.completed_at if last_flag else None, last_clearance),
        open_flag=last_flag,
        flags_last_28_days=sum(1 for c in flagged if done_at[id(c)] >= since),
    )
