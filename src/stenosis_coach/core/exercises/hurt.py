"""What a "this hurts" answer during a routine means (DESIGN 5.5, issue 12).

Pain that stays at 3 out of 10 or less is the goal; more than that offers a skip or a stop.
Pain at the severe score (7 or more), or leg symptoms that spread or new weakness in the
legs, mean "stop and get checked": the routine ends there and the red-flag questions come
next, never another exercise. There is no way back into the routine from such an answer.
"""

from __future__ import annotations

from stenosis_coach.core.safety import SEVERE_HURT_SCORE, CheckTrigger


def hurt_check_trigger(rating: int | None, spreading_or_weak: bool | None) -> CheckTrigger | None:
    """The check an answer calls for (``None``: none). Either part may be still unanswered
    (``None``); one part is enough to call for the check.

    A severe pain comes first (the stronger reason); spreading symptoms or new weakness
    otherwise."""
    if rating is not None and rating >= SEVERE_HURT_SCORE:
        return CheckTrigger.SEVERE_HURT
    if spreading_or_weak:
        return CheckTrigger.SESSION_SYMPTOMS
    return None


def must_stop(rating: int | None, spreading_or_weak: bool | None) -> bool:
    """The answer means "stop the routine and get checked" (no skip, no carrying on)."""
    return hurt_check_trigger(rating, spreading_or_weak) is not None
