"""The built-in exercise library and routines: loading, checking and timing (DESIGN 5.2).

Two JSON files under ``resources/exercises`` hold the built-in content. Both are UTF-8 JSON
objects; unknown fields are errors, so a typo never goes unnoticed.

``library.json``::

    {"exercises": [
        {"id": "knee-to-chest-single",          # required, a slug: [a-z0-9-], at most 64
         "name": "Single knee to chest",        # required, sentence case
         "position": "lying",                   # required: lying, sitting, standing, cycling
         "steps": ["Lie on your back.", ...],   # required, 1 to 5 short sentences
         "cautions": ["...", ...],              # optional, default none
         "default": {<dosing>},                 # optional, default {"reps": 10}
         "floor": true,                         # optional, default false
         "alternative": "knee-to-chest-seated", # required when floor is true
         "region": "lumbar",                    # optional: lumbar (default) or cervical
         "illustration": "knee-to-chest-single.svg"}  # optional, a file name
    ]}

``routines.json``::

    {"routines": [
        {"id": "gentle-start",                  # required, a slug
         "name": "Gentle start, lying",         # required
         "description": "...",                  # optional, one sentence
         "per_week": 7,                         # optional, 1 to 14, default 7
         "steps": [                             # required, at least one
            {"exercise": "pelvic-tilt", <dosing>}, ...]}
    ]}

A ``<dosing>`` is the plan file's step dose (DESIGN 4.2), written flat: ``reps`` (1-100) or
``duration_s`` (10-7200), exactly one of them; ``sets`` (1-10, default 1); ``hold_s``
(1-600, with ``reps`` only); ``rest_s`` (0-600, default 30, the rest after each set and
between sides); ``sides`` (``both``, the default, or ``each``). A routine step does not
inherit the exercise's default dose: it states its own, as a plan file's step does.

Every problem raises :class:`LibraryError` with the file, the exercise or routine id and
the field, for example ``routines.json: routine 'x' step 3: unknown exercise 'y'`` (the
shipped files are ours: these messages are for us, in English).

The built-in names, steps, cautions and descriptions are shown to the user, so
:func:`builtin_library` and :func:`builtin_routines` give them translated, in the language
chosen when they are called (the files are read once, in English, and translated once per
language and pseudo switch).
:func:`catalogue_messages` lists them for the message catalogue. A therapist's exercises and
routines are the therapist's own words and are never translated.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any

from stenosis_coach import i18n
from stenosis_coach.core.exercises.model import (
    Dosing,
    Exercise,
    Position,
    Routine,
    RoutineStep,
    Sides,
    Source,
)
from stenosis_coach.i18n import _, ngettext
from stenosis_coach.resources import resource_path

LIBRARY_FILE = "library.json"
ROUTINES_FILE = "routines.json"

#: Inclusive bounds for a dose and a routine (DESIGN 4.2).
BOUNDS: Mapping[str, tuple[int, int]] = {
    "reps": (1, 100),
    "sets": (1, 10),
    "hold_s": (1, 600),
    "duration_s": (10, 7200),
    "rest_s": (0, 600),
    "per_week": (1, 14),
}
MAX_STEPS = 5
REGIONS = ("lumbar", "cervical")

#: Timing assumptions of :func:`estimated_seconds`.

_SLUG = re.compile(r"[a-z0-9-]{1,64}")
_EXERCISE_FIELDS = frozenset(
    {
        "id",
        "name",
        "position",
        "steps",
        "cautions",
        "default",
        "floor",
        "alternative",
        "region",
        "illustration",
    }
)
_ROUTINE_FIELDS = frozenset({"id", "name", "description", "per_week", "steps"})
_DOSING_FIELDS = frozenset({"reps", "sets", "hold_s", "duration_s", "rest_s", "sides"})


class LibraryError(ValueError):
    """The library or routines file is not valid; the message names the file, id and field."""


# --- loading ---------------------------------------------------------------------------------


def load_library(text: str, *, filename: str = LIBRARY_FILE) -> dict[str, Exercise]:
    """Parse and check a library file (layout in the module docstring); ids keep file order."""
    items = _top_list(text, "exercises", filename)
    exercises: dict[str, Exercise] = {}
    for index, raw in enumerate(items):
        exercise = _exercise(raw, f"{filename}: exercise {index + 1}", filename)
        if exercise.id in exercises:
            raise LibraryError(f"{filename}: exercise '{exercise.id}': id is used twice")
        exercises[exercise.id] = exercise
    for exercise in exercises.values():
        _check_alternative(exercise, exercises, filename)
    return exercises


def load_routines(
    text: str, exercises: Mapping[str, Exercise], *, filename: str = ROUTINES_FILE
) -> dict[str, Routine]:
    """Parse and check a routines file whose steps name exercises in ``exercises``."""
    items = _top_list(text, "routines", filename)
    routines: dict[str, Routine] = {}
    for index, raw in enumerate(items):
        routine = _routine(raw, f"{filename}: routine {index + 1}", exercises, filename)
        if routine.id in routines:
            raise LibraryError(f"{filename}: routine '{routine.id}': id is used twice")
        routines[routine.id] = routine
    return routines


@cache
def _builtin_library() -> Mapping[str, Exercise]:
    path = resource_path("exercises", LIBRARY_FILE)
    return load_library(path.read_text(encoding="utf-8"))


@cache
def _builtin_routines() -> Mapping[str, Routine]:
    path = resource_path("exercises", ROUTINES_FILE)
    return load_routines(path.read_text(encoding="utf-8"), _builtin_library())


# Other names a plan file may use for a built-in exercise (DESIGN 4.2's example says
# "knee-to-chest"; 5.2 names the usual exercises). A plan's own exercise of that id wins.
EXERCISE_ALIASES: Mapping[str, str] = {
    "knee-to-chest": "knee-to-chest-single",
    "single-knee-to-chest": "knee-to-chest-single",
    "double-knee-to-chest": "knee-to-chest-double",
    "posterior-pelvic-tilt": "pelvic-tilt",
    "child-pose": "childs-pose",
    "bridge": "glute-bridge",
    "hamstring-stretch": "supine-hamstring-stretch",
    "forward-lean": "standing-forward-lean",
    "cycling": "stationary-cycling",
    "exercise-bike": "stationary-cycling",
}


def builtin_library(*, translated: bool = True) -> dict[str, Exercise]:
    """The shipped exercises by id, their words in the user's language (read once,
    translated once per language; each call returns a fresh dict). ``translated=False``:
    in English, as shipped (what a machine reads: ``--json``, a CSV export)."""
    if not translated:
        return dict(_builtin_library())
    return dict(_translated_library(i18n.language(), i18n.pseudo()))


def builtin_routines(*, translated: bool = True) -> dict[str, Routine]:
    """The shipped routines by id, their words in the user's language (read once,
    translated once per language; each call returns a fresh dict). ``translated=False``:
    in English."""
    if not translated:
        return dict(_builtin_routines())
    return dict(_translated_routines(i18n.language(), i18n.pseudo()))


def source_name(item: Exercise | Routine) -> str:
    """``item``'s name as its source wrote it, whatever the user's language: a built-in's
    English name (by its id), a therapist's exercise or routine as written. For what a
    program reads (``--json``), which must be the same bytes in every language."""
    if item.source is Source.BUILT_IN:
        shipped: Mapping[str, Exercise | Routine]
        shipped = _builtin_library() if isinstance(item, Exercise) else _builtin_routines()
        found = shipped.get(item.id)
        if found is not None:
            return found.name
    return item.name


def builtin_exercise_ids() -> frozenset[str]:
    """The ids of the shipped exercises (no words: nothing to translate)."""
    return frozenset(_builtin_library())


# Translated once per language (and pseudo switch): the exercises are frozen, so every caller
# may share them; a change of language (or of the pseudo switch) reads them again.
@lru_cache(maxsize=4)
def _translated_library(language: str, pseudo: bool) -> Mapping[str, Exercise]:
    return {ident: _translated_exercise(e) for ident, e in _builtin_library().items()}


@lru_cache(maxsize=4)
def _translated_routines(language: str, pseudo: bool) -> Mapping[str, Routine]:
    return {ident: _translated_routine(r) for ident, r in _builtin_routines().items()}


def _translated_exercise(exercise: Exercise) -> Exercise:
    return replace(
        exercise,
        name=_(exercise.name),
        steps=tuple(_(step) for step in exercise.steps),
        cautions=tuple(_(caution) for caution in exercise.cautions),
    )


def _translated_routine(routine: Routine) -> Routine:
    description = _(routine.description) if routine.description else ""
    return replace(routine, name=_(routine.name), description=description)


def catalogue_messages() -> list[str]:
    """Every built-in text shown to the user (exercise names, steps and cautions, routine
    names and descriptions), in English, each once, in file order: the extractor adds them
    to the message catalogue, since they live in JSON, not in ``_()`` calls."""
    found: dict[str, None] = {}
    for exercise in _builtin_library().values():
        found.update(dict.fromkeys((exercise.name, *exercise.steps, *exercise.cautions)))
    for routine in _builtin_routines().values():
        found.update(dict.fromkeys(t for t in (routine.name, routine.description) if t))
    return list(found)


# --- timing ----------------------------------------------------------------------------------


def estimated_seconds(routine: Routine, exercises: Mapping[str, Exercise]) -> int:
    """How long ``routine`` takes as the player runs it, in whole seconds.

    The player's own timeline (``core.exercises.timeline``) is the one source: a routine's
    stated length is what the patient will live through, rests and changeovers included.
    Every step must name an exercise in ``exercises``, otherwise :class:`LibraryError`.
    """
    from stenosis_coach.core.exercises.timeline import build_timeline

    for number, step in enumerate(routine.steps, start=1):
        if step.exercise not in exercises:
            raise LibraryError(
                f"routine '{routine.id}' step {number}: unknown exercise '{step.exercise}'"
            )
    return int(build_timeline(routine, exercises).total_s)


def minutes_label(seconds: int) -> str:
    """A length in words, rounded to the nearest minute and never below 1: ``"about 6 min"``."""
    if seconds < 0:
        raise ValueError(f"a length cannot be negative: {seconds} s")
    minutes = max(1, (seconds + 30) // 60)
    return ngettext("about {minutes} min", "about {minutes} min", minutes).format(minutes=minutes)


# --- checking --------------------------------------------------------------------------------


def _top_list(text: str, key: str, filename: str) -> list[Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LibraryError(
            f"{filename}: not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}"
        ) from None
    if not isinstance(data, dict):
        raise LibraryError(f'{filename}: expected an object like {{"{key}": [...]}}')
    unknown = sorted(set(data) - {key})
    if unknown:
        raise LibraryError(f"{filename}: unknown field '{unknown[0]}' (expected only '{key}')")
    items = data.get(key)
    if not isinstance(items, list):
        raise LibraryError(f"{filename}: '{key}' must be a list")
    return items


def _exercise(raw: Any, where: str, filename: str) -> Exercise:
    if not isinstance(raw, dict):
        raise LibraryError(f"{where}: expected an object")
    ident = _slug(raw, where)
    where = f"{filename}: exercise '{ident}'"
    _no_unknown(raw, _EXERCISE_FIELDS, where)
    name = _text(raw, "name", where)
    position = _position(raw, where)
    steps = _text_list(raw, "steps", where, required=True)
    if not 1 <= len(steps) <= MAX_STEPS:
        raise LibraryError(
            f"{where}: steps: has {len(steps)} steps; give 1 to {MAX_STEPS} short sentences"
        )
    cautions = _text_list(raw, "cautions", where, required=False)
    default = _dosing(raw["default"], f"{where}: default") if "default" in raw else Dosing(reps=10)
    floor = raw.get("floor", False)
    if not isinstance(floor, bool):
        raise LibraryError(f"{where}: floor: must be true or false")
    alternative = _optional_text(raw, "alternative", where)
    region = raw.get("region", "lumbar")
    if region not in REGIONS:
        raise LibraryError(f"{where}: region: unknown region {region!r} (use lumbar or cervical)")
    illustration = _optional_text(raw, "illustration", where)
    if illustration is not None and ("/" in illustration or "\\" in illustration):
        raise LibraryError(f"{where}: illustration: give a file name, not a path")
    return Exercise(
        id=ident,
        name=name,
        position=position,
        steps=steps,
        cautions=cautions,
        default=default,
        floor=floor,
        alternative=alternative,
        region=region,
        illustration=illustration,
        source=Source.BUILT_IN,
    )


def _check_alternative(
    exercise: Exercise, exercises: Mapping[str, Exercise], filename: str
) -> None:
    where = f"{filename}: exercise '{exercise.id}': alternative"
    alternative = exercise.alternative
    if alternative is None:
        if exercise.floor:
            raise LibraryError(f"{where}: a floor exercise needs a chair or bed version")
        return
    if alternative not in exercises:
        raise LibraryError(f"{where}: unknown exercise '{alternative}'")
    if alternative == exercise.id:
        raise LibraryError(f"{where}: an exercise cannot be its own alternative")
    if exercises[alternative].floor:
        raise LibraryError(
            f"{where}: '{alternative}' is also a floor exercise; name a chair or bed version"
        )


def _routine(raw: Any, where: str, exercises: Mapping[str, Exercise], filename: str) -> Routine:
    if not isinstance(raw, dict):
        raise LibraryError(f"{where}: expected an object")
    ident = _slug(raw, where)
    where = f"{filename}: routine '{ident}'"
    _no_unknown(raw, _ROUTINE_FIELDS, where)
    name = _text(raw, "name", where)
    description = _optional_text(raw, "description", where) or ""
    per_week = _bounded_int(raw, "per_week", where) if "per_week" in raw else 7
    raw_steps = raw.get("steps")
    if raw_steps is None:
        raise LibraryError(f"{where}: steps: missing; a routine needs at least one step")
    if not isinstance(raw_steps, list):
        raise LibraryError(f"{where}: steps: must be a list")
    if not raw_steps:
        raise LibraryError(f"{where}: steps: empty; a routine needs at least one step")
    steps = []
    for number, raw_step in enumerate(raw_steps, start=1):
        step_where = f"{where} step {number}"
        if not isinstance(raw_step, dict):
            raise LibraryError(f"{step_where}: expected an object")
        exercise = raw_step.get("exercise")
        if not isinstance(exercise, str):
            raise LibraryError(f"{step_where}: exercise: missing or not text")
        if exercise not in exercises:
            raise LibraryError(f"{step_where}: unknown exercise '{exercise}'")
        dose = {key: value for key, value in raw_step.items() if key != "exercise"}
        steps.append(RoutineStep(exercise=exercise, dosing=_dosing(dose, step_where)))
    return Routine(
        id=ident,
        name=name,
        steps=tuple(steps),
        description=description,
        per_week=per_week,
        source=Source.BUILT_IN,
    )


def _dosing(raw: Any, where: str) -> Dosing:
    if not isinstance(raw, dict):
        raise LibraryError(f'{where}: expected a dose like {{"reps": 10}}')
    _no_unknown(raw, _DOSING_FIELDS, where)
    has_reps, has_duration = "reps" in raw, "duration_s" in raw
    if has_reps == has_duration:
        which = "both" if has_reps else "neither"
        raise LibraryError(f"{where}: give either reps or duration_s (this step has {which})")
    if has_duration and "hold_s" in raw:
        raise LibraryError(f"{where}: hold_s: only a step with reps has a hold")
    values = {key: _bounded_int(raw, key, where) for key in BOUNDS if key in raw}
    sides = raw.get("sides", Sides.BOTH.value)
    if not isinstance(sides, str) or sides not in {s.value for s in Sides}:
        raise LibraryError(f"{where}: sides: unknown value {sides!r} (use both or each)")
    return Dosing(
        reps=values.get("reps"),
        sets=values.get("sets", 1),
        hold_s=values.get("hold_s"),
        duration_s=values.get("duration_s"),
        rest_s=values.get("rest_s", 30),
        sides=Sides(sides),
    )


def _bounded_int(raw: Mapping[str, Any], key: str, where: str) -> int:
    value = raw[key]
    low, high = BOUNDS[key]
    # bool is an int in Python; true/false is never a count.
    if not isinstance(value, int) or isinstance(value, bool):
        raise LibraryError(f"{where}: {key}: must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise LibraryError(f"{where}: {key}: {value} is out of range ({low} to {high})")
    return value


def _slug(raw: Mapping[str, Any], where: str) -> str:
    ident = raw.get("id")
    if not isinstance(ident, str):
        raise LibraryError(f"{where}: id: missing or not text")
    if not _SLUG.fullmatch(ident):
        raise LibraryError(
            f"{where}: id: {ident!r} is not a slug (a-z, 0-9 and '-', at most 64 characters)"
        )
    return ident


def _no_unknown(raw: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise LibraryError(f"{where}: unknown field '{unknown[0]}'")


def _position(raw: Mapping[str, Any], where: str) -> Position:
    value: Any = raw.get("position")  # anything the file holds; Position says if it is one
    try:
        return Position(value)
    except ValueError:
        names = ", ".join(p.value for p in Position)
        raise LibraryError(
            f"{where}: position: unknown position {value!r} (use one of {names})"
        ) from None


def _text(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LibraryError(f"{where}: {key}: missing or empty")
    return value


def _optional_text(raw: Mapping[str, Any], key: str, where: str) -> str | None:
    if key not in raw or raw[key] is None:
        return None
    return _text(raw, key, where)


def _text_list(raw: Mapping[str, Any], key: str, where: str, *, required: bool) -> tuple[str, ...]:
    if key not in raw:
        if required:
            raise LibraryError(f"{where}: {key}: missing")
        return ()
    value = raw[key]
    if not isinstance(value, list):
        raise LibraryError(f"{where}: {key}: must be a list of sentences")
    for number, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip():
            raise LibraryError(f"{where}: {key} {number}: must be a non-empty sentence")
    return tuple(value)


def with_chair_versions(routine: Routine, exercises: Mapping[str, Exercise]) -> Routine:
    """The routine with every floor exercise replaced by its chair or bed version
    (DESIGN 5.2: every floor exercise offers one), keeping each step's dose."""
    steps = tuple(
        RoutineStep(exercises[s.exercise].alternative or s.exercise, s.dosing)
        if exercises[s.exercise].floor
        else s
        for s in routine.steps
    )
    return replace(routine, steps=steps)


def has_floor_steps(routine: Routine, exercises: Mapping[str, Exercise]) -> bool:
    return any(exercises[s.exercise].floor for s in routine.steps)
