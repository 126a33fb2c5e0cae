"""What the Today page says: greeting, date, what is due, and the last result.

Capabilities (routines, walks, the weekly check) contribute :class:`TodayItem`s; this
module only decides how the page reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from stenosis_coach.core.words import greeting, long_day_text
from stenosis_coach.i18n import N_, _

if TYPE_CHECKING:  # the trial's review comes with the data: the window paints without it
    from stenosis_coach.core.trial import TrialReview


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
    # The 12-week trial (issue 16): "Week 3 of 12 …" ("" before anything started), and its
    # review once the 12 weeks are done (None: not yet, or hidden).
    trial_line: str = ""
    review: TrialReview | None = None
    # The review was hidden ("Done, hide this"): Today offers to show it again.
    review_hidden: bool = False

    @property
    def nothing_due(self) -> bool:
        return not self.items


# Actions of the Today items, handled by the window.
ADVICE_ACTION = "safety:clearance"
ADVICE_MISTAKE_ACTION = "safety:mistake"  # "My answer was a mistake" (asks, then records)
WEEKLY_ACTION = "safety:weekly-check"
WALK_ACTION = "walk:start"
ROUTINE_ACTION = "routine:start"
# Carry on with a routine stopped early today (DESIGN 5.7: a stopped routine is not done).
ROUTINE_RESUME_ACTION = "routine:resume"
LOG_ACTION = "log:today"
# The Zurich Claudication Questionnaire, due at the start and every 28 days (DESIGN 5.6,
# 5.7): a stable id the window maps to the questionnaire's screens.
ZCQ_ACTION = "zcq"
FLARE_ACTIONS = {"walk:legs-better": False, "walk:legs-same": False, "walk:legs-worse": True}

# What Today says when nothing is due (DESIGN 5.7). Every patient has at least the routine
# they chose (or the first one) and the walks, so "nothing due" means all is done for now.
NOTHING_DUE_TITLE = N_("All done for today")  # shown as _(NOTHING_DUE_TITLE)
NOTHING_DUE = N_(  # shown as _(NOTHING_DUE)
    "You have done everything for today. What comes next will appear here when it is due, "
    "with a big Start button."
)


# A walking test's headline (services.status.walk_headline shows it as _(TEST_HEADLINE)),
# and the same without its opening, for a card whose title already says "Walking test"
# (H19: say each thing once). Two whole messages: a translation is never cut.
TEST_HEADLINE = N_(
    "A walking test: walk at a comfortable pace, tap when symptoms start, and keep going "
    "until you need to stop (30 min at most)."
)
TEST_INSTRUCTION = N_(
    "Walk at a comfortable pace, tap when symptoms start, and keep going until you need to "
    "stop (30 min at most)."
)


def questionnaire_item() -> TodayItem:
    """Today's card for a due ZCQ (DESIGN 5.6, 5.7): what it is, in a plain sentence."""
    return TodayItem(
        key="questionnaire",
        title=_("Questionnaire"),
        detail=_(
            "A few short questions about your legs, your walking and your care. Your answers "
            "show you and your clinician how things are changing. It takes about 5 minutes."
        ),
        action_label=_("Answer the questions"),
        action=ZCQ_ACTION,
    )


def walk_instruction(headline: str) -> str:
    """The walk's headline without its opening "A walking test: " (the card's title says
    it): "Walk at a comfortable pace, tap when symptoms start, ..."."""
    return _(TEST_INSTRUCTION) if headline == _(TEST_HEADLINE) else headline


def walk_card_detail(headline: str, reason: str) -> str:
    """The Today walk card's words: what to do, then the short Why, each said once; the
    Why's details stay on the Walk page (H19)."""
    what = walk_instruction(headline)
    return _("{what} Why: {why}").format(what=what, why=reason) if reason else what


def routine_action(base: str, routine_id: str | None) -> str:
    """``base`` (ROUTINE_ACTION or ROUTINE_RESUME_ACTION) for one routine: the bare action
    is the patient's own routine; ``"routine:start:ID"`` names another (a plan's)."""
    return base if not routine_id else f"{base}:{routine_id}"


def action_target(action: str) -> tuple[str, str | None]:
    """Split ``"routine:start:ID"`` into ``("routine:start", "ID")``; others unchanged."""
    for base in (ROUTINE_RESUME_ACTION, ROUTINE_ACTION):
        if action.startswith(base + ":"):
            return base, action[len(base) + 1 :]
    return action, None


def compose_today(
    now_local: datetime,
    items: list[TodayItem],
    last_result: str | None = None,
    trial_line: str = "",
    review: TrialReview | None = None,
    review_hidden: bool = False,
) -> TodayModel:
    blocking = [item for item in items if item.blocks_plan]
    if blocking:  # issue 3: until the patient has been checked, the advice replaces the plan
        items = blocking
    ordered = sorted(items, key=lambda item: not item.urgent)  # stable: urgent first
    return TodayModel(
        greeting=greeting(now_local),
        date_text=_("Today is {day}.").format(day=long_day_text(now_local)),
        items=tuple(ordered),
        last_result=last_result,
        trial_line=trial_line,
        review=review if not blocking else None,  # safety advice first, alone
        review_hidden=review_hidden and not blocking,
    )
