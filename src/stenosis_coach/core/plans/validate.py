"""Read a plan file (DESIGN 4.2) into a :class:`ValidPlan`, or say every problem with it.

``parse_plan`` checks, in order: at most 1 MB; UTF-8 (a byte-order mark is accepted); JSON
(no ``NaN`` or ``Infinity``, no number too large for a float, no key twice in one object, at
most :data:`MAX_DEPTH` levels deep, no broken ``\\u`` escapes); one JSON object; then the
models of :mod:`.model`. A file with any problem raises :class:`PlanError` listing all of them,
sorted by JSON path, each as ``FILE: JSON-PATH: message`` -- nothing is ever partly read.

Two choices of ours: a file that says it is a newer version (``"version": 2``) gets that one
message only (its other fields belong to a format this app does not know), and the
cross-field rules are checked even when some fields are wrong, so one round of fixes is enough.

``plan_to_dict`` and ``dump_plan`` write a plan for export; the result always parses.
"""

from __future__ import annotations

import copy
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import ValidationError

from stenosis_coach.core.exercises.library import EXERCISE_ALIASES, builtin_exercise_ids
from stenosis_coach.core.exercises.model import (
    Dosing,
    Exercise,
    Position,
    Routine,
    RoutineStep,
    Sides,
    Source,
)
from stenosis_coach.core.plans._messages import show, sorted_problems, translate_error
from stenosis_coach.core.plans.model import (
    FORMAT,
    RULES_ERROR,
    VERSION,
    Loc,
    PlanFile,
    instruction_lines,
    plan_rule_problems,
)
from stenosis_coach.core.walking.prescription import PlanStart, Progression
from stenosis_coach.i18n import _, grouped_text

MAX_BYTES = 1_000_000  # DESIGN 4.2: at most 1 MB
MAX_DEPTH = 16  # a valid plan is 5 levels deep ($.routines[0].steps[0].reps)
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class PlanProblem:
    """One problem with a plan file; ``str()`` gives ``SOURCE: $.json.path: message``."""

    source: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.path}: {self.message}"


class PlanError(Exception):
    """A plan file that cannot be imported, with every problem found in it (at least one)."""

    def __init__(self, problems: Sequence[PlanProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.messages))

    @property
    def messages(self) -> list[str]:
        return [str(problem) for problem in self.problems]


@dataclass(frozen=True)
class ValidPlan:
    """A checked plan file, and its contents as the app's own objects."""

    plan: PlanFile
    source: str

    @property
    def title(self) -> str:
        return self.plan.title

    @property
    def author(self) -> str:
        return self.plan.author.name

    @property
    def clinic(self) -> str | None:
        return self.plan.author.clinic

    @property
    def author_label(self) -> str:
        """``"R. Okafor, PT, Lakeside Physio"``: the author, then the clinic if given."""
        clinic = (self.clinic or "").strip()
        return f"{self.author}, {clinic}" if clinic else self.author

    @property
    def patient(self) -> str | None:
        return self.plan.patient

    @property
    def notes(self) -> str | None:
        return self.plan.notes

    @property
    def walks_per_week(self) -> int | None:
        return self.plan.walking.walks_per_week if self.plan.walking else None

    @property
    def rest_position(self) -> Literal["sit", "lean"] | None:
        return self.plan.walking.rest_position if self.plan.walking else None

    def exercises(self) -> list[Exercise]:
        """The custom exercises: steps are the instruction lines, cautions its sentences."""
        return [
            Exercise(
                id=item.id,
                name=item.name.strip(),
                position=Position(item.position),
                steps=instruction_lines(item.instructions),
                cautions=_sentences(item.cautions),
                floor=False,
                illustration=None,
                source=Source.THERAPIST,
                author=self.author_label,
            )
            for item in self.plan.exercises
        ]

    def routines(self) -> list[Routine]:
        return [
            Routine(
                id=item.id,
                name=item.name.strip(),
                steps=tuple(
                    RoutineStep(step.exercise, _dosing(step.model_dump(exclude={"exercise"})))
                    for step in item.steps
                ),
                description=item.description.strip(),
                per_week=item.per_week,
                source=Source.THERAPIST,
                author=self.author_label,
            )
            for item in self.plan.routines
        ]

    def walking(self) -> dict[str, Any] | None:
        """The walking plan in the file's own form, defaults filled in (``None``: no plan)."""
        return self.plan.walking.model_dump() if self.plan.walking else None

    def walking_start(self, at: datetime) -> PlanStart | None:
        """The prescription's starting point when imported at ``at`` (DESIGN 5.1)."""
        walking = self.plan.walking
        if walking is None:
            return None
        return PlanStart(
            at=at,
            bout_s=walking.bout_s,
            rest_s=walking.rest_s,
            target_total_s=walking.target_total_s,
            test_every_days=walking.test_every_days,
            progression=Progression.from_plan(walking.progression.model_dump()),
        )


def _dosing(dose: dict[str, Any]) -> Dosing:
    return Dosing(**(dose | {"sides": Sides(dose["sides"])}))


def _sentences(text: str) -> tuple[str, ...]:
    return tuple(
        part.strip()
        for line in instruction_lines(text)
        for part in re.split(r"(?<=[.!?])\s+", line)
        if part.strip()
    )


# --- reading ----------------------------------------------------------------------------------


def parse_plan(data: bytes, *, source: str, builtin_ids: frozenset[str]) -> ValidPlan:
    """Check a plan file's bytes; raise :class:`PlanError` naming every problem."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"a plan file is bytes, not {type(data).__name__}")
    problems, raw = _read_json(bytes(data))
    plan = None
    if raw is not None:
        more, plan = _check(raw, frozenset(builtin_ids))
        problems += more
    if problems or plan is None:
        raise PlanError([PlanProblem(source, *pair) for pair in sorted_problems(problems)])
    return ValidPlan(plan, source)


class _BadNumber(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _BadNumber(
        _("the file holds {name}, which is not a number a plan can use").format(name=name)
    )


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumber(
            _("the file holds the number {number}, which is too large").format(number=text[:20])
        )
    return value


def _too_deep() -> str:
    return _("is nested too deeply (a plan has at most {levels} levels)").format(levels=MAX_DEPTH)


def _read_json(data: bytes) -> tuple[list[tuple[Loc, str]], dict[str, Any] | None]:
    """Bytes to a JSON object safe to check, or ``None`` and why not (and repeated keys)."""
    if len(data) > MAX_BYTES:
        too_big = _("the file is {size} bytes; a plan file may be at most 1 MB")
        return [((), too_big.format(size=grouped_text(len(data))))], None
    body = data.removeprefix(_BOM)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        at = error.start + len(data) - len(body)
        why = _(
            "the file is not UTF-8 text (byte {number} cannot be read as UTF-8); save it as UTF-8"
        ).format(number=grouped_text(at + 1))
        return [((), why)], None
    if not text.strip():
        return [((), _("the file is empty"))], None
    repeated: list[tuple[dict[str, Any], list[str]]] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) < len(pairs):
            seen: set[str] = set()
            twice = []
            for key, _value in pairs:
                if key in seen:
                    twice.append(key)
                seen.add(key)
            repeated.append((obj, sorted(set(twice))))  # keeps obj alive: its id stays unique
        return obj

    try:
        raw = json.loads(
            text,
            object_pairs_hook=pairs_hook,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
        )
    except _BadNumber as error:
        return [((), str(error))], None
    except json.JSONDecodeError as error:
        # ``error.msg`` is Python's own English ("Expecting ',' delimiter").
        bad = _("the file is not valid JSON: {reason} (line {line}, column {column})")
        return [((), bad.format(reason=error.msg, line=error.lineno, column=error.colno))], None
    except RecursionError:
        return [
            (
                (),
                _("the file is nested too deeply (a plan has at most {levels} levels)").format(
                    levels=MAX_DEPTH
                ),
            )
        ], None
    except ValueError:  # an integer of thousands of digits
        return [((), _("the file is not valid JSON: it holds a number with too many digits"))], None
    problems, fatal = _scan(raw, {id(obj): keys for obj, keys in repeated})
    if not isinstance(raw, dict):
        if isinstance(raw, list):
            holds = _("the file holds a list; a plan file is one JSON object {...}")
        else:
            holds = _(
                "the file holds the single value {value}; a plan file is one JSON object {{...}}"
            ).format(value=show(raw))
        problems.append(((), holds))
        fatal = True
    return problems, None if fatal else raw


def _scan(raw: Any, repeated: Mapping[int, list[str]]) -> tuple[list[tuple[Loc, str]], bool]:
    """Repeated keys, and (fatal) too deep or broken text; without recursion."""
    problems: list[tuple[Loc, str]] = []
    fatal = deep = False
    stack: list[tuple[Any, Loc]] = [(raw, ())]
    while stack:
        value, loc = stack.pop()
        if len(loc) > MAX_DEPTH:
            if not deep:  # once is enough
                problems.append((loc, _too_deep()))
            fatal = deep = True
        elif isinstance(value, str) and not _encodable(value):
            fatal = True
            problems.append((loc, _("holds a broken \\u escape, which is not valid text")))
        elif isinstance(value, list):
            stack.extend((item, (*loc, i)) for i, item in enumerate(value))
        elif isinstance(value, dict):
            for key in repeated.get(id(value), ()):
                twice = _("appears twice in the same object; keep only one")
                problems.append(((*loc, key), twice))
            for key, item in value.items():
                if not _encodable(key):
                    fatal = True
                    problems.append((loc, _("has a field name with a broken \\u escape")))
                else:
                    stack.append((item, (*loc, key)))
    return problems, fatal


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check(
    raw: dict[str, Any], builtin_ids: frozenset[str]
) -> tuple[list[tuple[Loc, str]], PlanFile | None]:
    """The parsed file as a model, or its problems (DESIGN 4.2), cross-field rules included."""
    version = raw.get("version")
    if raw.get("format") == FORMAT and type(version) is int and version > VERSION:
        return [
            (
                ("version",),
                _(
                    "this is a version {version} plan file, but this app reads version "
                    "{supported}; a newer Stenosis Coach may open it"
                ).format(version=version, supported=VERSION),
            )
        ], None
    raw = _with_canonical_ids(raw)
    try:
        plan = PlanFile.model_validate(raw, context={"builtin_ids": builtin_ids})
    except ValidationError as error:
        problems: list[tuple[Loc, str]] = []
        ruled = False
        for item in error.errors(include_url=False):
            ruled = ruled or item["type"] == RULES_ERROR
            problems.extend(translate_error(item))
        if not ruled:  # the rules run only on valid fields: run them leniently here
            problems.extend(plan_rule_problems(raw, builtin_ids))
        return problems, None
    return [], plan


def _with_canonical_ids(raw: dict[str, Any]) -> dict[str, Any]:
    """``raw`` with each step naming a built-in exercise by another name (``knee-to-chest``)
    given the built-in id; a copy when anything changes."""
    routines = raw.get("routines")
    if not isinstance(routines, list):
        return raw
    exercises = raw.get("exercises")
    own = (
        {e["id"] for e in exercises if isinstance(e, dict) and isinstance(e.get("id"), str)}
        if isinstance(exercises, list)
        else set()
    )

    def step(s: Any) -> Any:
        name = s.get("exercise") if isinstance(s, dict) else None
        if isinstance(name, str) and name in EXERCISE_ALIASES and name not in own:
            return {**s, "exercise": EXERCISE_ALIASES[name]}
        return s

    def routine(r: Any) -> Any:
        if isinstance(r, dict) and isinstance(r.get("steps"), list):
            return {**r, "steps": [step(s) for s in r["steps"]]}
        return r

    return {**raw, "routines": [routine(r) for r in routines]}


# --- writing ----------------------------------------------------------------------------------


def plan_to_dict(
    title: str,
    author: str,
    clinic: str | None,
    routines: Sequence[Routine],
    exercises_used: Mapping[str, Exercise],
    walking: Mapping[str, Any] | None,
    patient: str | None = None,
    notes: str | None = None,
) -> dict[str, Any]:
    """A valid version-1 plan for export (DESIGN 4.2).

    ``exercises_used`` must hold every exercise the routines name; those that are not built in
    (``source`` other than ``BUILT_IN``) go into the file, in order of first use, so that it
    imports on any machine. ``walking`` is in the file's form (as :meth:`ValidPlan.walking`),
    plain JSON values. Raises ``ValueError`` when the result would not be a valid plan (a step
    out of bounds, a custom exercise with a built-in id, neither routines nor walking, ...),
    naming the problems by JSON path.
    """
    customs: dict[str, Exercise] = {}
    builtin_ids: set[str] = set()
    for routine in routines:
        for step in routine.steps:
            exercise = exercises_used.get(step.exercise)
            if exercise is None:
                raise ValueError(
                    _(
                        "routine '{routine}' names exercise '{exercise}', "
                        "which is not among the exercises given"
                    ).format(routine=routine.id, exercise=step.exercise)
                )
            if exercise.source == Source.BUILT_IN:
                builtin_ids.add(exercise.id)
            else:
                customs.setdefault(exercise.id, exercise)
    d: dict[str, Any] = {"format": FORMAT, "version": VERSION, "title": title}
    d["author"] = {"name": author} if clinic is None else {"name": author, "clinic": clinic}
    if patient is not None:
        d["patient"] = patient
    if notes is not None:
        d["notes"] = notes
    if customs:
        d["exercises"] = [_exercise_dict(exercise) for exercise in customs.values()]
    if routines:
        d["routines"] = [_routine_dict(routine) for routine in routines]
    if walking is not None:
        d["walking"] = copy.deepcopy(dict(walking))
    # The app's own library counts too: a custom exercise must not take a built-in id anywhere.
    problems, _plan = _check(d, frozenset(builtin_ids) | builtin_exercise_ids())
    if problems:
        details = "; ".join(f"{path}: {text}" for path, text in sorted_problems(problems))
        raise ValueError(_("this plan cannot be exported: {details}").format(details=details))
    return d


def _exercise_dict(exercise: Exercise) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": exercise.id,
        "name": exercise.name,
        "instructions": "\n".join(exercise.steps),
    }
    if exercise.cautions:
        d["cautions"] = "\n".join(exercise.cautions)
    d["position"] = Position(exercise.position).value
    return d


def _routine_dict(routine: Routine) -> dict[str, Any]:
    d: dict[str, Any] = {"id": routine.id, "name": routine.name}
    if routine.description:
        d["description"] = routine.description
    d["per_week"] = routine.per_week
    d["steps"] = [_step_dict(step) for step in routine.steps]
    return d


def _step_dict(step: RoutineStep) -> dict[str, Any]:
    dose = {
        "reps": step.dosing.reps,
        "duration_s": step.dosing.duration_s,
        "sets": step.dosing.sets,
        "hold_s": step.dosing.hold_s,
        "rest_s": step.dosing.rest_s,
        "sides": Sides(step.dosing.sides).value,
    }
    return {"exercise": step.exercise} | {k: v for k, v in dose.items() if v is not None}


def dump_plan(d: Mapping[str, Any]) -> bytes:
    """A plan dict as file bytes: UTF-8, indent 1, a final newline; ``ValueError`` over 1 MB."""
    data = (json.dumps(d, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")
    if len(data) > MAX_BYTES:
        too_big = _("the plan is {size} bytes; a plan file may be at most 1 MB")
        raise ValueError(too_big.format(size=grouped_text(len(data))))
    return data
