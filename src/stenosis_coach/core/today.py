"""What the Today page says: greeting, date, what is due, and the last result.

Capabilities (routines, walks, the weekly check) contribute :class:`TodayItem`s; this
module only decides how the page reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from stenosis_coach.core.words import greeting, long_day_text


@dataclass(frozen=True)
class TodayItem:
    """One thing due today, with one big action.

    ``action`` names what the action does (e.g. ``"start-routine:flexion-basics"``);
    the shell maps it to a page or coach. ``urgent`` items (safety advice) come first.
    """

    key: str
    title: str
    detail: str
    action_label: str
    action: str
    urgent: bool = False
    blocks_plan: bool = False  # safety advice: shown instead of the plan, not beside it
    choices: tuple[tuple[str, str], ...] = ()  # (label, action): several answers, no Start


@dataclass(frozen=True)
class TodayModel:
    greeting: str
    date_text: str
    items: tuple[TodayItem, ...] = ()
    last_result: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def nothing_due(self) -> bool:
        return not self.items


# Actions of the Today items, handled by the window.
ADVICE_ACTION = "safety:clearance"
WEEKLY_ACTION = "safety:weekly-check"
WALK_ACTION = "walk:start"
ROUTINE_ACTION = "routine:start"
# Carry on with a routine stopped early today (DESIGN 5.7: a stopped routine is not done).
ROUTINE_RESUME_ACTION = "routine:resume"
LOG_ACTION = "log:today"
FLARE_ACTIONS = {"walk:legs-better": False, "walk:legs-same": False, "walk:legs-worse": True}

NOTHING_DUE = (
    "Nothing is due today. When you have a routine, a walking plan or a weekly "
    "symptom check, it will appear here with a big Start button."
)


def compose_today(
    now_local: datetime, items: list[TodayItem], last_result: str | None = None
) -> TodayModel:
    blocking = [item for item in items if item.blocks_plan]
    if blocking:  # issue 3: until the patient has been checked, the advice replaces the plan
        items = blocking
    ordered = sorted(items, key=lambda item: not item.urgent)  # stable: urgent first
    return TodayModel(
        greeting=greeting(now_local),
        date_text=f"Today is {long_day_text(now_local)}.",
        items=tuple(ordered),
        last_result=last_result,
    )
