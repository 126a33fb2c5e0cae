"""The walking part of imported therapist plans (DESIGN 4.2, 5.1): where the prescription
starts from. Read by what is due (:mod:`services.due`) and by the plan files
(:mod:`services.plans`), below both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from stenosis_coach.core.walking.prescription import PlanStart, Progression
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.plans_repo import PlanRepository


@dataclass(frozen=True)
class WalkingPlan:
    start: PlanStart
    walks_per_week: int
    rest_position: str


def stored_plan_start(at: datetime, walking: dict[str, Any]) -> PlanStart:
    """The prescription's starting point from a stored plan's walking part (defaults as in
    DESIGN 4.2), imported at ``at``."""
    return PlanStart(
        at=at,
        bout_s=walking["bout_s"],
        rest_s=walking["rest_s"],
        target_total_s=walking["target_total_s"],
        test_every_days=walking.get("test_every_days", 7),
        progression=Progression.from_plan(walking.get("progression") or {}),
    )


def walking_plan(db: Database) -> WalkingPlan | None:
    """The walking plan of the newest import that has one (DESIGN 5.1: its values seed the
    prescription and walks before it are not replayed)."""
    for stored in reversed(PlanRepository(db).plans()):
        w = stored.walking
        if w:
            start = stored_plan_start(stored.imported_at, w)
            return WalkingPlan(start, w.get("walks_per_week", 4), w.get("rest_position", "sit"))
    return None
