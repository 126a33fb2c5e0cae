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
from stenosis_coach.i18n import N_, _


@dataclass(frozen=True)
class NumberSpec:
    """One number the therapist types: its words, DESIGN 4.2 bounds and how it is shown.

    ``low``/``high`` are in the plan file's unit; ``scale`` 60 shows seconds as minutes.
    ``name`` and ``unit`` are English, marked: :attr:`label` and :attr:`unit_text` are them
    in the user's language.
    """

    key: str
    name: str  # a noun for messages and screen readers: N_("Repetitions")
    low: float
    high: float
    unit: str = ""  # shown beside the box: "seconds", N_("minutes"), N_("days")
    whole: bool = True
    scale: int = 1
    optional: bool = False  # empty means "none" (a hold is optional)

    @property
    def label(self) -> str:
        return _(self.name)

    @property
    def unit_text(self) -> str:
        return _(self.unit) if self.unit else ""

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

    def _said(self, with_unit: str, without_unit: str) -> str:
        """One of two translated sentences (with a unit or without), filled in."""
        message = _(with_unit) if self.unit else _(without_unit)
        return message.format(
            name=self.label,
            low=self.shown(self.low),
            high=self.shown(self.high),
            unit=self.unit_text,
        )

    def refused_text(self) -> str:
        """What a value outside the bounds (or not a number) is told, in one sentence."""
        if self.whole and self.scale == 1:
            return self._said(WHOLE_WITH_UNIT, WHOLE_WITHOUT_UNIT)
        return self._said(NUMBER_WITH_UNIT, NUMBER_WITHOUT_UNIT)

    def empty_text(self) -> str:
        """What an empty box that needs a value is told."""
        return self._said(EMPTY_WITH_UNIT, EMPTY_WITHOUT_UNIT)

    def parse(self, text: str) -> float | int | None:
        """The typed text as a plan-file value, or ``ValueError`` with a plain sentence.

        Read by the app's one number parser (a decimal comma works; inf, nan, exponents and
        an ambiguous ``1,500`` are refused), exactly, then scaled and checked.
        """
        message = self.refused_text()
        rule = NumberRule(self.label, required=not self.optional, invalid=message)
        try:
            number = read_number(text, rule)
        except NumberProblem as problem:
            if problem.problem is Problem.EMPTY:
                raise ValueError(self.empty_text()) from None
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


# What a refused value is told (whole sentences: word order differs between languages).
WHOLE_WITH_UNIT = N_("{name} must be a whole number from {low} to {high} {unit}.")
WHOLE_WITHOUT_UNIT = N_("{name} must be a whole number from {low} to {high}.")
NUMBER_WITH_UNIT = N_("{name} must be a number from {low} to {high} {unit}.")
NUMBER_WITHOUT_UNIT = N_("{name} must be a number from {low} to {high}.")
EMPTY_WITH_UNIT = N_("{name}: type a number from {low} to {high} {unit}.")
EMPTY_WITHOUT_UNIT = N_("{name}: type a number from {low} to {high}.")


def _bounds(model: type, name: str) -> tuple[float, float]:
    """A field's ``ge``/``le`` in the plan file's pydantic model (DESIGN 4.2)."""
    info = model.model_fields[name]
    low = next(m.ge for m in info.metadata if hasattr(m, "ge"))
    high = next(m.le for m in info.metadata if hasattr(m, "le"))
    return low, high


STEP_NUMBERS = {
    "reps": NumberSpec("reps", N_("Repetitions"), *BOUNDS["reps"]),
    "sets": NumberSpec("sets", N_("Sets"), *BOUNDS["sets"]),
    "hold_s": NumberSpec("hold_s", N_("Hold"), *BOUNDS["hold_s"], N_("seconds"), optional=True),
    "duration_s": NumberSpec("duration_s", N_("Time"), *BOUNDS["duration_s"], N_("seconds")),
    "rest_s": NumberSpec("rest_s", N_("Rest"), *BOUNDS["rest_s"], N_("seconds")),
}
PER_WEEK = NumberSpec("per_week", N_("Times a week"), *BOUNDS["per_week"])
WALK_NUMBERS = {
    "bout_s": NumberSpec(
        "bout_s", N_("Each walk"), *_bounds(PlanWalking, "bout_s"), N_("minutes"), scale=60
    ),
    "rest_s": NumberSpec(
        "rest_s", N_("Rest between walks"), *_bounds(PlanWalking, "rest_s"), N_("minutes"), scale=60
    ),
    "target_total_s": NumberSpec(
        "target_total_s",
        N_("Total walking time"),
        *_bounds(PlanWalking, "target_total_s"),
        N_("minutes"),
        scale=60,
    ),
    "walks_per_week": NumberSpec(
        "walks_per_week", N_("Walks a week"), *_bounds(PlanWalking, "walks_per_week")
    ),
    "test_every_days": NumberSpec(
        "test_every_days",
        N_("Days between walking tests"),
        *_bounds(PlanWalking, "test_every_days"),
        N_("days"),
    ),
}
PROGRESSION_NUMBERS = {
    "bout_fraction": NumberSpec(
        "bout_fraction",
        N_("Bout as a share of tolerance"),
        *_bounds(PlanProgression, "bout_fraction"),
        whole=False,
    ),
    "step_up": NumberSpec(
        "step_up", N_("Step-up factor"), *_bounds(PlanProgression, "step_up"), whole=False
    ),
    "good_walks_to_step_up": NumberSpec(
        "good_walks_to_step_up",
        N_("Good walks before a step-up"),
        *_bounds(PlanProgression, "good_walks_to_step_up"),
    ),
    "flare_pain": NumberSpec(
        "flare_pain",
        N_("Leg pain (0 to 10) that counts as a flare"),
        *_bounds(PlanProgression, "flare_pain"),
    ),
    "max_target_s": NumberSpec(
        "max_target_s",
        N_("Longest total walking time"),
        *_bounds(PlanProgression, "max_target_s"),
        N_("minutes"),
        scale=60,
    ),
    "min_days_between_step_ups": NumberSpec(
        "min_days_between_step_ups",
        N_("Days between step-ups"),
        *_bounds(PlanProgression, "min_days_between_step_ups"),
        N_("days"),
    ),
}
PROGRESSION_DEFAULTS = {
    name: PlanProgression.model_fields[name].default for name in PROGRESSION_NUMBERS
}
