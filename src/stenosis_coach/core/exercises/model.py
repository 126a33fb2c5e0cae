"""What an exercise and a routine are, as every part of the app sees them.

The same shapes serve the built-in library (``resources/exercises``), a therapist's plan
file (DESIGN 4.2) and the session engine. Durations are whole seconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Position(StrEnum):
    LYING = "lying"
    SITTING = "sitting"
    STANDING = "standing"
    CYCLING = "cycling"


class Sides(StrEnum):
    BOTH = "both"  # both sides at once, or a symmetrical exercise
    EACH = "each"  # do every set on one side, then on the other


class Source(StrEnum):
    BUILT_IN = "built-in"
    THERAPIST = "therapist"
    USER = "user"


@dataclass(frozen=True)
class Dosing:
    """A step's dose. Either ``reps`` (with optional ``hold_s`` per rep) or ``duration_s``.

    ``rest_s`` is the rest after each set (and between sides), DESIGN 4.2.
    """

    reps: int | None = None
    sets: int = 1
    hold_s: int | None = None
    duration_s: int | None = None
    rest_s: int = 30
    sides: Sides = Sides.BOTH

    def __post_init__(self) -> None:
        if (self.reps is None) == (self.duration_s is None):
            raise ValueError("a step has either reps or duration_s, not both or neither")


@dataclass(frozen=True)
class Exercise:
    """One exercise. ``steps`` are the plain instructions (at most 5 short sentences).

    ``alternative`` names the chair or bed version of a floor exercise (an exercise id);
    ``region`` is ``"lumbar"`` or ``"cervical"`` (neck exercises are marked as such).
    ``illustration`` is a file name in ``resources/exercises/illustrations``.
    """

    id: str
    name: str
    position: Position
    steps: tuple[str, ...]
    cautions: tuple[str, ...] = ()
    default: Dosing = field(default_factory=lambda: Dosing(reps=10))
    floor: bool = False
    alternative: str | None = None
    region: str = "lumbar"
    illustration: str | None = None
    source: Source = Source.BUILT_IN
    author: str | None = None  # "R. Okafor, PT, Lakeside Physio" for a therapist's exercise

    @property
    def instructions(self) -> str:
        return "\n".join(self.steps)


@dataclass(frozen=True)
class RoutineStep:
    exercise: str  # an exercise id
    dosing: Dosing


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    steps: tuple[RoutineStep, ...]
    description: str = ""
    per_week: int = 7
    source: Source = Source.BUILT_IN
    author: str | None = None
