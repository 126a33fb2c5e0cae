"""The version-1 plan file as pydantic models: DESIGN 4.2, a contract.

Field names, required fields, defaults and bounds are exactly DESIGN 4.2's. Unknown fields are
errors at every level, and types are strict: a whole number must be a JSON integer (not
``"10"``, ``10.5``, ``10.0`` or ``true``); ``bout_fraction`` and ``step_up`` take any JSON
number. ``null`` is accepted only where "left out" has no other default (``patient``,
``notes``, ``author.clinic`` and a step's ``reps``, ``hold_s`` and ``duration_s``) and means
the same as leaving the field out.

Limits DESIGN 4.2 leaves open, decided here so that a typo cannot make a huge file:

* one-line text (``title``, names, ``author.*``, ``patient``) at most 200 characters; a
  routine's ``description`` at most 1000; an exercise's ``instructions`` and ``cautions`` at
  most 2000 and ``notes`` at most 5000. These may have line breaks; no text may hold control
  characters other than line breaks and tabs. Required text must not be blank.
* ``instructions`` are the exercise's steps, one per line: at most
  :data:`MAX_INSTRUCTION_LINES` non-blank lines (blank lines are ignored).
* at most :data:`MAX_EXERCISES` custom exercises, :data:`MAX_ROUTINES` routines and
  :data:`MAX_STEPS` steps per routine.
* exercise ids and routine ids are each unique among their own kind (an exercise and a
  routine may share an id: they never meet).

The rules that span fields (:func:`plan_rule_problems`) run on the whole file after its fields
are valid; :mod:`.validate` also runs them on a file whose fields are not, so that every
problem is reported at once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from stenosis_coach.i18n import _, ngettext

FORMAT = "stenosis-coach-plan"
VERSION = 1
MAX_INSTRUCTION_LINES = 10
MAX_EXERCISES = 100
MAX_ROUTINES = 50
MAX_STEPS = 50

Loc = tuple[str | int, ...]

#: The pydantic error type that carries cross-field problems; its context has ``problems``,
#: a list of ``(loc relative to the failing model, message)`` pairs.
RULES_ERROR = "plan_rules"

# Text patterns (ECMA-262 and Rust regex alike, so the JSON Schema says the same).
SLUG_PATTERN = r"^[a-z0-9-]{1,64}$"
_LINE = r"[^\x00-\x1f\x7f-\x9f]"  # any character but a control character
_TEXT = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"  # ... line breaks and tabs allowed
_FILLED = r"[^\s\x00-\x1f\x7f-\x9f]"  # a character that is not blank
LINE_PATTERN = rf"^{_LINE}*$"
FILLED_LINE_PATTERN = rf"^{_LINE}*{_FILLED}{_LINE}*$"
TEXT_PATTERN = rf"^{_TEXT}*$"
FILLED_TEXT_PATTERN = rf"^{_TEXT}*{_FILLED}{_TEXT}*$"


def _line(max_length: int = 200, *, filled: bool = True, **kwargs: Any) -> Any:
    """A one-line text field; ``filled``: required, and not blank."""
    pattern = FILLED_LINE_PATTERN if filled else LINE_PATTERN
    return Field(max_length=max_length, pattern=pattern, **kwargs)


def _lines(max_length: int, *, filled: bool = False, **kwargs: Any) -> Any:
    """A text field that may hold line breaks and tabs."""
    pattern = FILLED_TEXT_PATTERN if filled else TEXT_PATTERN
    return Field(max_length=max_length, pattern=pattern, **kwargs)


def _slug(**kwargs: Any) -> Any:
    return Field(pattern=SLUG_PATTERN, **kwargs)


def instruction_lines(text: str) -> tuple[str, ...]:
    """The non-blank lines of ``text``, stripped: an exercise's steps, a caution's sentences."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _few_lines(text: str) -> str:
    count = len(instruction_lines(text))
    if count > MAX_INSTRUCTION_LINES:
        message = ngettext(
            "has {count} line; give at most {most} short lines, one step per line",
            "has {count} lines; give at most {most} short lines, one step per line",
            count,
        )  # pydantic fills the {placeholders} from the context
        raise PydanticCustomError(
            "too_many_lines", message, {"count": count, "most": MAX_INSTRUCTION_LINES}
        )
    return text


def _whole_number_1(value: Any) -> Any:
    # Literal[1] alone would take true and 1.0; the version is the JSON integer 1.
    if type(value) is not int:
        raise PydanticCustomError("plan_version_type", _("must be the whole number 1"))
    return value


# The fields' descriptions, for the published JSON Schema (a file format, in English).
_D_AUTHOR = "The therapist's name, e.g. 'R. Okafor, PT'."  # not translated: schema
_D_INSTRUCTIONS = (
    f"Plain steps, one per line, at most {MAX_INSTRUCTION_LINES} lines."  # not translated: schema
)
_D_CAUTIONS = "When to take care or stop; one sentence or line each."  # not translated: schema
_D_EXERCISE = "A built-in exercise id or a custom one from this file."  # not translated: schema
_D_HOLD = "Only with reps."  # not translated: schema
_D_DURATION = "Instead of reps."  # not translated: schema
_D_REST = "Rest after each set and between sides."  # not translated: schema
_D_BOUT = "At most target_total_s."  # not translated: schema
_D_TARGET = "At most progression.max_target_s."  # not translated: schema


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PlanAuthor(_Strict):
    """Who wrote the plan: shown as "from <clinic>" beside everything it adds."""

    name: str = _line(description=_D_AUTHOR)
    clinic: str | None = _line(default=None, filled=False)


class PlanExercise(_Strict):
    """A custom exercise; its id may not be a built-in exercise's id."""

    id: str = _slug()
    name: str = _line()
    instructions: Annotated[str, AfterValidator(_few_lines)] = _lines(
        2000,
        filled=True,
        description=_D_INSTRUCTIONS,
    )
    cautions: str = _lines(
        2000,
        default="",
        description=_D_CAUTIONS,
    )
    position: Literal["lying", "sitting", "standing", "cycling"]


class PlanStep(_Strict):
    """One step of a routine: ``reps`` (with an optional ``hold_s``) or ``duration_s``."""

    exercise: str = _slug(description=_D_EXERCISE)
    reps: int | None = Field(None, ge=1, le=100)
    sets: int = Field(1, ge=1, le=10)
    hold_s: int | None = Field(None, ge=1, le=600, description=_D_HOLD)
    duration_s: int | None = Field(None, ge=10, le=7200, description=_D_DURATION)
    rest_s: int = Field(30, ge=0, le=600, description=_D_REST)
    sides: Literal["both", "each"] = "both"


class PlanRoutine(_Strict):
    """A routine: steps done in order, ``per_week`` times a week."""

    id: str = _slug()
    name: str = _line()
    description: str = _lines(1000, default="")
    per_week: int = Field(7, ge=1, le=14)
    steps: list[PlanStep] = Field(min_length=1, max_length=MAX_STEPS)


class PlanProgression(_Strict):
    """The numbers of the DESIGN 5.1 prescription replay (our design after PAD practice)."""

    bout_fraction: float = Field(0.8, ge=0.5, le=0.9)
    step_up: float = Field(1.1, ge=1.0, le=1.25)
    good_walks_to_step_up: int = Field(2, ge=1, le=5)
    flare_pain: int = Field(7, ge=5, le=10)
    max_target_s: int = Field(1800, ge=300, le=2700)
    min_days_between_step_ups: int = Field(3, ge=1, le=14)


class PlanWalking(_Strict):
    """The walking plan: it seeds the prescription when imported (DESIGN 5.1)."""

    bout_s: int = Field(ge=60, le=3600, description=_D_BOUT)
    rest_s: int = Field(ge=60, le=900)
    target_total_s: int = Field(ge=300, le=2700, description=_D_TARGET)
    rest_position: Literal["sit", "lean"] = "sit"
    walks_per_week: int = Field(4, ge=1, le=14)
    test_every_days: int = Field(7, ge=3, le=28)
    progression: PlanProgression = Field(default_factory=PlanProgression)


class PlanFile(_Strict):
    """A whole plan file, version 1. It has routines, a walking plan, or both."""

    format: Literal["stenosis-coach-plan"]
    version: Annotated[Literal[1], BeforeValidator(_whole_number_1)]
    title: str = _line()
    author: PlanAuthor
    patient: str | None = _line(default=None, filled=False)
    notes: str | None = _lines(5000, default=None)
    exercises: list[PlanExercise] = Field(default_factory=list, max_length=MAX_EXERCISES)
    routines: list[PlanRoutine] = Field(default_factory=list, max_length=MAX_ROUTINES)
    walking: PlanWalking | None = None

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> PlanFile:
        context = info.context if isinstance(info.context, Mapping) else {}
        builtin_ids = context.get("builtin_ids")
        if builtin_ids is None:  # no context: the app's own library
            from stenosis_coach.core.exercises.library import builtin_exercise_ids

            builtin_ids = builtin_exercise_ids()
        problems = plan_rule_problems(self.model_dump(), frozenset(builtin_ids))
        if problems:
            text = "; ".join(message for _, message in problems)
            raise PydanticCustomError(RULES_ERROR, "{text}", {"text": text, "problems": problems})
        return self


# --- the rules that span fields ---------------------------------------------------------------


_SLUG = re.compile(SLUG_PATTERN)


def _int(value: Any) -> int | None:
    return value if type(value) is int else None


def _items(value: Any, most: int) -> list[tuple[int, dict[str, Any]]]:
    """The objects of a list, up to its allowed length (the field check reports a longer one)."""
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value[:most]) if isinstance(item, dict)]


def plan_rule_problems(data: Any, builtin_ids: frozenset[str]) -> list[tuple[Loc, str]]:
    """The cross-field problems of a plan (parsed JSON), each as ``(loc, message)``.

    Lenient: parts of the wrong type are skipped here (the field checks report them), so it
    runs on any parsed JSON as well as on a validated plan's ``model_dump()``.
    """
    if not isinstance(data, dict):
        return []
    problems: list[tuple[Loc, str]] = []
    custom_ids: set[str] = set()
    first: dict[str, int] = {}
    for i, exercise in _items(data.get("exercises"), MAX_EXERCISES):
        ident = exercise.get("id")
        if not isinstance(ident, str):
            continue
        if ident in builtin_ids:
            problems.append(
                (
                    ("exercises", i, "id"),
                    _(
                        "'{id}' is the id of a built-in exercise; "
                        "give this exercise an id of its own"
                    ).format(id=ident),
                )
            )
        elif ident in first:
            problems.append(
                (
                    ("exercises", i, "id"),
                    _(
                        "the id '{id}' is already used by {path}; each exercise needs its own id"
                    ).format(id=ident, path=f"$.exercises[{first[ident]}]"),
                )
            )
        else:
            first[ident] = i
        custom_ids.add(ident)
    known = builtin_ids | custom_ids
    routines = data.get("routines")
    first = {}
    for i, routine in _items(routines, MAX_ROUTINES):
        ident = routine.get("id")
        if isinstance(ident, str):
            if ident in first:
                problems.append(
                    (
                        ("routines", i, "id"),
                        _(
                            "the id '{id}' is already used by {path}; each routine needs its own id"
                        ).format(id=ident, path=f"$.routines[{first[ident]}]"),
                    )
                )
            else:
                first[ident] = i
        for j, step in _items(routine.get("steps"), MAX_STEPS):
            problems.extend(_step_problems(step, ("routines", i, "steps", j), known))
    walking = data.get("walking")
    if isinstance(walking, dict):
        problems.extend(_walking_problems(walking))
    if (routines is None or routines == []) and walking is None:
        problems.append(
            ((), _("a plan needs at least one routine or a walking plan; it has neither"))
        )
    return problems


def _step_problems(step: dict[str, Any], loc: Loc, known: frozenset[str]) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []
    name = step.get("exercise")
    if isinstance(name, str) and _SLUG.fullmatch(name) and name not in known:
        close = difflib.get_close_matches(name, sorted(known), n=1)
        if close:
            message = _(
                "names exercise '{exercise}', which is neither built in nor in this file "
                "(did you mean '{close}'?)"
            ).format(exercise=name, close=close[0])
        else:
            message = _(
                "names exercise '{exercise}', which is neither built in nor in this file"
            ).format(exercise=name)
        problems.append(((*loc, "exercise"), message))
    has_reps = step.get("reps") is not None
    has_duration = step.get("duration_s") is not None
    if has_reps and has_duration:
        problems.append((loc, _("has both reps and duration_s; give only one of them")))
    elif not has_reps and not has_duration:
        problems.append((loc, _("needs either reps or duration_s")))
    elif has_duration and step.get("hold_s") is not None:
        problems.append(
            ((*loc, "hold_s"), _("is only for a step with reps, and this step has duration_s"))
        )
    return problems


def _walking_problems(walking: dict[str, Any]) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []
    bout, target = _int(walking.get("bout_s")), _int(walking.get("target_total_s"))
    if bout is not None and target is not None and bout > target:
        problems.append(
            (
                ("walking", "bout_s"),
                _("must not be longer than target_total_s ({target} seconds), not {bout}").format(
                    target=target, bout=bout
                ),
            )
        )
    progression = walking.get("progression", {})
    if progression is None:
        return problems
    most = _int(progression.get("max_target_s", 1800)) if isinstance(progression, dict) else None
    if target is not None and most is not None and 300 <= most <= 2700 and target > most:
        problems.append(
            (
                ("walking", "target_total_s"),
                _(
                    "must not be more than progression.max_target_s ({most} seconds), not {target}"
                ).format(most=most, target=target),
            )
        )
    return problems
