"""The numbers a therapist types, with DESIGN 4.2's bounds and plain messages (no Qt).

Walking bounds are read from the plan file's own models, and a routine step's from the
library's ``BOUNDS``, so the editor can never disagree with the file it writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from stenosis_coach.core.exercises.library import BOUNDS
from stenosis_coach.core.numbers import NumberProblem, NumberRule, Problem, read_number
from stenosis_coach.core.plans.model import PlanProgression, PlanWalking


@dataclass(frozen=True)
class NumberSpec:
    """One number the therapist types: its words, DESIGN 4.2 bounds and how it is shown.

    ``low``/``high`` are in the plan file's unit; ``scale`` 60 shows seconds as minutes.
    """

    key: str
    name: str  # a noun for messages and screen readers: "Repetitions"
    low: float
    high: float
    unit: str = ""  # shown beside the box: "seconds", "minutes", "days"
    whole: bool = True
    scale: int = 1
    optional: bool = False  # empty means "none" (a hold is optional)

    @property
    def step(self) -> float:
        if not self.whole:
            return 0.05
        return 0.5 if self.scale == 60 else 1

    @property
    def decimals(self) -> int:
        return 0 if self.whole and self.scale == 1 else 2

    def shown(self, value: float | None) -> str:
        """The plan-file value as the box shows it (seconds as minutes when scaled)."""
        if value is None:
            return ""
        number = value / self.scale
        return f"{number:.2f}".rstrip("0").rstrip(".")

    def bounds_text(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"from {self.shown(self.low)} to {self.shown(self.high)}{unit}"

    def parse(self, text: str) -> float | int | None:
        """The typed text as a plan-file value, or ``ValueError`` with a plain sentence.

        Read by the app's one number parser (a decimal comma works; inf, nan, exponents and
        an ambiguous ``1,500`` are refused), exactly, then scaled and checked.
        """
        kind = "a whole number" if self.whole and self.scale == 1 else "a number"
        message = f"{self.name} must be {kind} {self.bounds_text()}."
        rule = NumberRule(self.name, required=not self.optional, invalid=message)
        try:
            number = read_number(text, rule)
        except NumberProblem as problem:
            if problem.problem is Problem.EMPTY:
                raise ValueError(f"{self.name}: type a number {self.bounds_text()}.") from None
            if problem.problem is Problem.AMBIGUOUS:
                raise ValueError(problem.message) from None
            raise ValueError(message) from None
        if number is None:
            return None
        value = number * self.scale
        if self.whole:
            if self.scale == 1 and value.denominator != 1:
                raise ValueError(message)
            value = Fraction(round(value))
        if not self.low <= value <= self.high:
            raise ValueError(message)
        return int(value) if self.whole else round(float(value), 2)


def _bounds(model: type, name: str) -> tuple[float, float]:
    """A field's ``ge``/``le`` in the plan file's pydantic model (DESIGN 4.2)."""
    info = model.model_fields[name]
    low = next(m.ge for m in info.metadata if hasattr(m, "ge"))
    high = next(m.le for m in info.metadata if hasattr(m, "le"))
    return low, high


STEP_NUMBERS = {
    "reps": NumberSpec("reps", "Repetitions", *BOUNDS["reps"]),
    "sets": NumberSpec("sets", "Sets", *BOUNDS["sets"]),
    "hold_s": NumberSpec("hold_s", "Hold", *BOUNDS["hold_s"], "seconds", optional=True),
    "duration_s": NumberSpec("duration_s", "Time", *BOUNDS["duration_s"], "seconds"),
    "rest_s": NumberSpec("rest_s", "Rest", *BOUNDS["rest_s"], "seconds"),
}
PER_WEEK = NumberSpec("per_week", "Times a week", *BOUNDS["per_week"])
WALK_NUMBERS = {
    "bout_s": NumberSpec(
        "bout_s", "Each walk", *_bounds(PlanWalking, "bout_s"), "minutes", scale=60
    ),
    "rest_s": NumberSpec(
        "rest_s", "Rest between walks", *_bounds(PlanWalking, "rest_s"), "minutes", scale=60
    ),
    "target_total_s": NumberSpec(
        "target_total_s",
        "Total walking time",
        *_bounds(PlanWalking, "target_total_s"),
        "minutes",
        scale=60,
    ),
    "walks_per_week": NumberSpec(
        "walks_per_week", "Walks a week", *_bounds(PlanWalking, "walks_per_week")
    ),
    "test_every_days": NumberSpec(
        "test_every_days",
        "Days between walking tests",
        *_bounds(PlanWalking, "test_every_days"),
        "days",
    ),
}
PROGRESSION_NUMBERS = {
    "bout_fraction": NumberSpec(
        "bout_fraction",
        "Bout as a share of tolerance",
        *_bounds(PlanProgression, "bout_fraction"),
        whole=False,
    ),
    "step_up": NumberSpec(
        "step_up", "Step-up factor", *_bounds(PlanProgression, "step_up"), whole=False
    ),
    "good_walks_to_step_up": NumberSpec(
        "good_walks_to_step_up",
        "Good walks before a step-up",
        *_bounds(PlanProgression, "good_walks_to_step_up"),
    ),
    "flare_pain": NumberSpec(
        "flare_pain",
        "Leg pain (0 to 10) that counts as a flare",
        *_bounds(PlanProgression, "flare_pain"),
    ),
    "max_target_s": NumberSpec(
        "max_target_s",
        "Longest total walking time",
        *_bounds(PlanProgression, "max_target_s"),
        "minutes",
        scale=60,
    ),
    "min_days_between_step_ups": NumberSpec(
        "min_days_between_step_ups",
        "Days between step-ups",
        *_bounds(PlanProgression, "min_days_between_step_ups"),
        "days",
    ),
}
PROGRESSION_DEFAULTS = {
    name: PlanProgression.model_fields[name].default for name in PROGRESSION_NUMBERS
}
