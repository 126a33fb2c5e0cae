"""Plan files (DESIGN 4.2): the Lakeside example, every kind of bad file, export, the schema."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from stenosis_coach.core.exercises.library import builtin_library
from stenosis_coach.core.exercises.model import (
    Dosing,
    Exercise,
    Position,
    Routine,
    RoutineStep,
    Sides,
    Source,
)
from stenosis_coach.core.plans.model import PlanFile
from stenosis_coach.core.plans.schema import (
    SCHEMA_FILE,
    plan_json_schema,
    schema_path,
    schema_text,
)
from stenosis_coach.core.plans.validate import (
    PlanError,
    ValidPlan,
    dump_plan,
    parse_plan,
    plan_to_dict,
)
from stenosis_coach.core.walking.prescription import PlanStart, Progression, replay

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "plan-lakeside.scplan.json"
RAW = FIXTURE.read_bytes()
BASE: dict[str, Any] = json.loads(RAW)
LIBRARY = builtin_library()
BUILTIN = frozenset(LIBRARY)
SOURCE = "plan.scplan.json"
T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


def parse(data: bytes) -> ValidPlan:
    return parse_plan(data, source=SOURCE, builtin_ids=BUILTIN)


def encode(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def problems_of(data: bytes) -> list[tuple[str, str]]:
    """``(path, message)`` of every problem; the file must be refused."""
    with pytest.raises(PlanError) as caught:
        parse(data)
    pairs = []
    for text in caught.value.messages:
        assert text.startswith(f"{SOURCE}: $"), text
        path, message = text.removeprefix(f"{SOURCE}: ").split(": ", 1)
        pairs.append((path, message))
    assert pairs
    return pairs


# --- the Lakeside example --------------------------------------------------------------------


def test_lakeside_fixture_parses_with_its_envelope():
    plan = parse(RAW)
    assert plan.title == "Home programme — weeks 1 to 4"
    assert plan.author == "R. Okafor, PT"
    assert plan.clinic == "Lakeside Physio"
    assert plan.author_label == "R. Okafor, PT, Lakeside Physio"
    assert plan.patient == "Maria Jensen"
    assert plan.notes is not None and plan.notes.startswith("Do the routine before your walk")
    assert plan.walks_per_week == 4
    assert plan.rest_position == "sit"
    assert plan.source == SOURCE


def test_lakeside_custom_exercises_convert():
    lean, march = parse(RAW).exercises()
    assert lean == Exercise(
        id="lakeside-supported-forward-lean",
        name="Supported forward lean",
        position=Position.STANDING,
        steps=(
            "Stand at the kitchen counter, feet hip-width apart.",
            "Place both hands on the counter.",
            "Let your hips move back and your back round gently forward.",
            "Breathe out and hold.",
            "Come back up slowly.",
        ),
        cautions=("Stop if leg symptoms spread or you feel dizzy.",),
        floor=False,
        illustration=None,
        source=Source.THERAPIST,
        author="R. Okafor, PT, Lakeside Physio",
    )
    assert march.id == "lakeside-seated-march"
    assert march.position == Position.SITTING
    assert len(march.steps) == 3
    assert march.cautions == ("Keep the movement small if your hips are stiff.",)


def test_lakeside_routine_converts_with_defaults_applied():
    (routine,) = parse(RAW).routines()
    assert routine == Routine(
        id="lakeside-before-walk",
        name="Before your walk",
        description="About 5 minutes, standing and sitting.",
        per_week=4,
        steps=(
            RoutineStep(
                "lakeside-supported-forward-lean",
                Dosing(reps=5, sets=1, hold_s=10, rest_s=20, sides=Sides.BOTH),
            ),
            RoutineStep(
                "lakeside-seated-march", Dosing(reps=20, sets=2, rest_s=30, sides=Sides.BOTH)
            ),
        ),
        source=Source.THERAPIST,
        author="R. Okafor, PT, Lakeside Physio",
    )


def test_lakeside_walking_plan_seeds_the_prescription():
    plan = parse(RAW)
    start = plan.walking_start(T0)
    assert start == PlanStart(at=T0, bout_s=240, rest_s=120, target_total_s=900, test_every_days=7)
    assert start.progression == Progression()  # every progression number left at its default
    assert start.progression.bout_fraction == Fraction(4, 5)
    assert start.progression.min_hours_between_step_ups == 72
    assert plan.walking() == {
        "bout_s": 240,
        "rest_s": 120,
        "target_total_s": 900,
        "rest_position": "sit",
        "walks_per_week": 4,
        "test_every_days": 7,
        "progression": {
            "bout_fraction": 0.8,
            "step_up": 1.1,
            "good_walks_to_step_up": 2,
            "flare_pain": 7,
            "max_target_s": 1800,
            "min_days_between_step_ups": 3,
        },
    }
    first = replay([], T0, start)  # DESIGN 5.1: the plan's bout from the first walk on
    assert (first.bout_s, first.rest_s, first.target_total_s) == (240, 120, 900)


def test_progression_numbers_reach_the_prescription():
    doc = copy.deepcopy(BASE)
    doc["walking"]["progression"] = {
        "bout_fraction": 0.75,
        "step_up": 1,
        "good_walks_to_step_up": 3,
        "flare_pain": 6,
        "max_target_s": 2400,
        "min_days_between_step_ups": 5,
    }
    start = parse(encode(doc)).walking_start(T0)
    assert start is not None
    assert start.progression == Progression(
        bout_fraction=Fraction(3, 4),
        step_up=Fraction(1),
        good_walks_to_step_up=3,
        flare_pain=6,
        max_target_s=2400,
        min_hours_between_step_ups=120,
    )


def test_minimal_plan_gets_every_default():
    doc = {
        "format": "stenosis-coach-plan",
        "version": 1,
        "title": "Walks only",
        "author": {"name": "A. Therapist"},
        "routines": [{"id": "r", "name": "R", "steps": [{"exercise": "pelvic-tilt", "reps": 10}]}],
        "walking": {"bout_s": 120, "rest_s": 120, "target_total_s": 600},
    }
    plan = parse(encode(doc))
    assert plan.clinic is None and plan.patient is None and plan.notes is None
    assert plan.author_label == "A. Therapist"
    assert plan.exercises() == []
    (routine,) = plan.routines()
    assert routine.per_week == 7 and routine.description == ""
    assert routine.steps[0].dosing == Dosing(reps=10, sets=1, rest_s=30, sides=Sides.BOTH)
    assert plan.rest_position == "sit" and plan.walks_per_week == 4
    start = plan.walking_start(T0)
    assert start is not None and start.test_every_days == 7
    assert start.progression == Progression()


def test_the_design_example_names_knee_to_chest_and_gets_the_builtin():
    doc = {
        "format": "stenosis-coach-plan",
        "version": 1,
        "title": "As in the design notes",
        "author": {"name": "A. Therapist"},
        "routines": [
            {
                "id": "r",
                "name": "R",
                "steps": [
                    {"exercise": "knee-to-chest", "reps": 10, "hold_s": 5, "sides": "each"},
                    {"exercise": "stationary-cycling", "duration_s": 600},
                ],
            }
        ],
    }
    (routine,) = parse(encode(doc)).routines()
    assert [s.exercise for s in routine.steps] == ["knee-to-chest-single", "stationary-cycling"]


def test_an_own_exercise_keeps_a_name_the_library_also_answers_to():
    doc = {
        "format": "stenosis-coach-plan",
        "version": 1,
        "title": "Own bridge",
        "author": {"name": "A. Therapist"},
        "exercises": [
            {"id": "bridge", "name": "Our bridge", "instructions": "Lift.", "position": "lying"}
        ],
        "routines": [{"id": "r", "name": "R", "steps": [{"exercise": "bridge", "reps": 5}]}],
    }
    (routine,) = parse(encode(doc)).routines()
    assert routine.steps[0].exercise == "bridge"


def test_walking_only_and_routines_only_plans_are_valid():
    walking_only = {k: v for k, v in BASE.items() if k not in ("routines", "exercises")}
    assert parse(encode(walking_only)).routines() == []
    routines_only = {k: v for k, v in BASE.items() if k != "walking"}
    plan = parse(encode(routines_only))
    assert plan.walking() is None and plan.walking_start(T0) is None
    assert plan.walks_per_week is None and plan.rest_position is None


def test_a_byte_order_mark_is_accepted():
    assert parse(b"\xef\xbb\xbf" + RAW).title == BASE["title"]


def test_models_alone_use_the_builtin_library():
    assert PlanFile.model_validate(BASE).title == BASE["title"]


# --- bad files ---------------------------------------------------------------------------------


def edit(change: Callable[[dict[str, Any]], object]) -> Callable[[], bytes]:
    """A bad file: the Lakeside plan with one change."""

    def make() -> bytes:
        doc = copy.deepcopy(BASE)
        change(doc)
        return encode(doc)

    return make


def step(doc: dict[str, Any], index: int = 0) -> dict[str, Any]:
    return doc["routines"][0]["steps"][index]


def walking(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["walking"]


BAD_FILES = [
    ("unknown top field", edit(lambda d: d.update(titel="x")), "$.titel", "unknown field 'titel'"),
    (
        "unknown step field",
        edit(lambda d: step(d).update(repz=5)),
        "$.routines[0].steps[0].repz",
        "unknown field 'repz' (did you mean 'reps'?)",
    ),
    (
        "unknown author field",
        edit(lambda d: d["author"].update(email="a@b.c")),
        "$.author.email",
        "unknown field 'email'",
    ),
    (
        "unknown progression field",
        edit(lambda d: walking(d).update(progression={"stepup": 1.1})),
        "$.walking.progression.stepup",
        "unknown field 'stepup'",
    ),
    (
        "wrong format",
        edit(lambda d: d.update(format="stenosis-coach-diary")),
        "$.format",
        'must be "stenosis-coach-plan", not "stenosis-coach-diary"',
    ),
    ("version 2", edit(lambda d: d.update(version=2)), "$.version", "a version 2 plan file"),
    ("version as text", edit(lambda d: d.update(version="1")), "$.version", 'not "1"'),
    ("missing title", edit(lambda d: d.pop("title")), "$.title", "is required but missing"),
    ("blank title", edit(lambda d: d.update(title="  ")), "$.title", "must not be blank"),
    ("title too long", edit(lambda d: d.update(title="x" * 201)), "$.title", "at most 200"),
    (
        "missing author name",
        edit(lambda d: d["author"].pop("name")),
        "$.author.name",
        "is required but missing",
    ),
    (
        "reps 0",
        edit(lambda d: step(d).update(reps=0)),
        "$.routines[0].steps[0].reps",
        "must be a whole number from 1 to 100, not 0",
    ),
    (
        "reps 101",
        edit(lambda d: step(d).update(reps=101)),
        "$.routines[0].steps[0].reps",
        "must be a whole number from 1 to 100, not 101",
    ),
    (
        "sets 11",
        edit(lambda d: step(d, 1).update(sets=11)),
        "$.routines[0].steps[1].sets",
        "must be a whole number from 1 to 10, not 11",
    ),
    (
        "hold on a duration step",
        edit(
            lambda d: d["routines"][0]["steps"].__setitem__(
                1, {"exercise": "lakeside-seated-march", "duration_s": 60, "hold_s": 5}
            )
        ),
        "$.routines[0].steps[1].hold_s",
        "only for a step with reps",
    ),
    (
        "both reps and duration",
        edit(lambda d: step(d).update(duration_s=60)),
        "$.routines[0].steps[0]",
        "has both reps and duration_s",
    ),
    (
        "neither reps nor duration",
        edit(lambda d: step(d, 1).pop("reps")),
        "$.routines[0].steps[1]",
        "needs either reps or duration_s",
    ),
    (
        "bout longer than target",
        edit(lambda d: walking(d).update(bout_s=1000)),
        "$.walking.bout_s",
        "must not be longer than target_total_s (900 seconds), not 1000",
    ),
    (
        "target over max_target_s",
        edit(lambda d: walking(d).update(target_total_s=2000)),
        "$.walking.target_total_s",
        "must not be more than progression.max_target_s (1800 seconds), not 2000",
    ),
    (
        "max_target_s 3000",
        edit(lambda d: walking(d).update(progression={"max_target_s": 3000})),
        "$.walking.progression.max_target_s",
        "must be a whole number from 300 to 2700, not 3000",
    ),
    (
        "test_every_days 2",
        edit(lambda d: walking(d).update(test_every_days=2)),
        "$.walking.test_every_days",
        "must be a whole number from 3 to 28, not 2",
    ),
    (
        "bout_fraction 0.95",
        edit(lambda d: walking(d).update(progression={"bout_fraction": 0.95})),
        "$.walking.progression.bout_fraction",
        "must be a number from 0.5 to 0.9, not 0.95",
    ),
    (
        "rest position",
        edit(lambda d: walking(d).update(rest_position="stand")),
        "$.walking.rest_position",
        'must be one of "sit", "lean", not "stand"',
    ),
    (
        "slug with a capital",
        edit(lambda d: d["exercises"][1].update(id="Lakeside-march")),
        "$.exercises[1].id",
        "lowercase letters a-z, digits 0-9 and '-', not \"Lakeside-march\"",
    ),
    (
        "slug with a space",
        edit(lambda d: d["routines"][0].update(id="before walk")),
        "$.routines[0].id",
        'not "before walk"',
    ),
    (
        "duplicate exercise ids",
        edit(lambda d: d["exercises"][1].update(id="lakeside-supported-forward-lean")),
        "$.exercises[1].id",
        "already used by $.exercises[0]",
    ),
    (
        "duplicate routine ids",
        edit(lambda d: d["routines"].append(copy.deepcopy(d["routines"][0]))),
        "$.routines[1].id",
        "already used by $.routines[0]",
    ),
    (
        "unknown exercise",
        edit(lambda d: step(d).update(exercise="knee-to-chst")),
        "$.routines[0].steps[0].exercise",
        "names exercise 'knee-to-chst', which is neither built in nor in this file",
    ),
    (
        "custom exercise reuses a built-in id",
        edit(
            lambda d: d["exercises"].append(
                {"id": "pelvic-tilt", "name": "Tilt", "instructions": "Tilt.", "position": "lying"}
            )
        ),
        "$.exercises[2].id",
        "'pelvic-tilt' is the id of a built-in exercise",
    ),
    (
        "no routines and no walking",
        edit(lambda d: (d.pop("routines"), d.pop("walking"))),
        "$",
        "at least one routine or a walking plan",
    ),
    (
        "empty steps",
        edit(lambda d: d["routines"][0].update(steps=[])),
        "$.routines[0].steps",
        "must have at least one step",
    ),
    (
        "text for a number",
        edit(lambda d: d["routines"][0].update(per_week="4")),
        "$.routines[0].per_week",
        'must be a whole number from 1 to 14, not "4"',
    ),
    (
        "float for a whole number",
        edit(lambda d: walking(d).update(rest_s=120.5)),
        "$.walking.rest_s",
        "must be a whole number from 60 to 900, not 120.5",
    ),
    (
        "10.0 for a whole number",
        edit(lambda d: step(d).update(reps=10.0)),
        "$.routines[0].steps[0].reps",
        "not 10.0",
    ),
    (
        "true for a whole number",
        edit(lambda d: step(d, 1).update(sets=True)),
        "$.routines[0].steps[1].sets",
        "must be a whole number from 1 to 10, not true",
    ),
    (
        "position unknown",
        edit(lambda d: d["exercises"][0].update(position="kneeling")),
        "$.exercises[0].position",
        'must be one of "lying", "sitting", "standing", "cycling", not "kneeling"',
    ),
    (
        "too many instruction lines",
        edit(lambda d: d["exercises"][0].update(instructions="\n".join(["Step."] * 11))),
        "$.exercises[0].instructions",
        "has 11 lines; give at most 10",
    ),
    (
        "routines not a list",
        edit(lambda d: d.update(routines={"id": "x"})),
        "$.routines",
        "must be a list",
    ),
    (
        "step not an object",
        edit(lambda d: d["routines"][0]["steps"].__setitem__(0, None)),
        "$.routines[0].steps[0]",
        "must be an object {...}, not null",
    ),
    (
        "unknown field with a space",
        edit(lambda d: d.update({"my notes": "x"})),
        '$["my notes"]',
        "unknown field 'my notes'",
    ),
    (
        "control character in a name",
        edit(lambda d: d["exercises"][0].update(name="Lean\u0007")),
        "$.exercises[0].name",
        "must not hold control characters",
    ),
    (
        "line break in a title",
        edit(lambda d: d.update(title="Weeks 1\nto 4")),
        "$.title",
        "must be a single line",
    ),
    (
        "duplicate key",
        lambda: RAW.replace(b'"title"', b'"title": "Old title",\n "title"', 1),
        "$.title",
        "appears twice in the same object",
    ),
    ("over 1 MB", lambda: RAW + b" " * 1_000_000, "$", "may be at most 1 MB"),
    ("not UTF-8", lambda: RAW.replace("—".encode(), b"\x97"), "$", "is not UTF-8 text"),
    ("UTF-16", lambda: RAW.decode().encode("utf-16"), "$", "is not UTF-8 text"),
    ("not JSON", lambda: b"title: My plan\n", "$", "is not valid JSON"),
    ("truncated JSON", lambda: RAW[: len(RAW) // 2], "$", "is not valid JSON"),
    ("empty file", lambda: b"", "$", "the file is empty"),
    ("a JSON array", lambda: b"[" + RAW + b"]", "$", "a plan file is one JSON object"),
    ("a JSON number", lambda: b"7", "$", "the single value 7"),
    ("NaN", lambda: RAW.replace(b'"per_week": 4', b'"per_week": NaN'), "$", "holds NaN"),
    ("Infinity", lambda: RAW.replace(b"240", b"1e999"), "$", "too large"),
    ("nested far too deeply", lambda: b"[" * 200_000, "$", "nested too deeply"),
    (
        "nested too deeply",
        edit(lambda d: d.update(notes=json.loads("[" * 40 + "]" * 40))),
        "$.notes" + "[0]" * 16,
        "nested too deeply",
    ),
    (
        "broken escape",
        lambda: RAW.replace(b"Maria Jensen", b"Maria \\ud800"),
        "$.patient",
        "broken \\u escape",
    ),
]


@pytest.mark.parametrize(
    ("make", "path", "message"),
    [pytest.param(make, path, message, id=name) for name, make, path, message in BAD_FILES],
)
def test_bad_file_is_refused_naming_the_json_path(
    make: Callable[[], bytes], path: str, message: str
):
    problems = problems_of(make())
    assert any(p == path and message in m for p, m in problems), problems


def test_there_are_many_distinct_bad_files():
    assert len({name for name, *_ in BAD_FILES}) == len(BAD_FILES) >= 15


def test_every_problem_is_reported_at_once_sorted_by_path():
    doc = copy.deepcopy(BASE)
    doc["author"]["email"] = "x"
    steps = doc["routines"][0]["steps"]
    steps.extend(copy.deepcopy(steps[1]) for _ in range(10))
    steps[2]["sets"] = 0
    steps[10]["reps"] = 250
    steps[11]["exercise"] = "knee-to-chst"
    doc["walking"]["bout_s"] = 1200
    doc["walking"]["walks_per_week"] = 15
    doc["version"] = True
    assert problems_of(encode(doc)) == [
        ("$.author.email", "unknown field 'email'"),
        ("$.routines[0].steps[2].sets", "must be a whole number from 1 to 10, not 0"),
        ("$.routines[0].steps[10].reps", "must be a whole number from 1 to 100, not 250"),
        (
            "$.routines[0].steps[11].exercise",
            "names exercise 'knee-to-chst', which is neither built in nor in this file"
            " (did you mean 'knee-to-chest-single'?)",
        ),
        ("$.version", "must be the whole number 1, not true"),
        ("$.walking.bout_s", "must not be longer than target_total_s (900 seconds), not 1200"),
        ("$.walking.walks_per_week", "must be a whole number from 1 to 14, not 15"),
    ]


def test_plan_error_text_is_one_line_per_problem():
    doc = copy.deepcopy(BASE)
    doc["title"] = ""
    doc["routines"][0]["per_week"] = 0
    with pytest.raises(PlanError) as caught:
        parse(encode(doc))
    assert str(caught.value).splitlines() == [
        f"{SOURCE}: $.routines[0].per_week: must be a whole number from 1 to 14, not 0",
        f"{SOURCE}: $.title: must not be blank",
    ]
    assert [p.path for p in caught.value.problems] == ["$.routines[0].per_week", "$.title"]


def low_target(doc: dict[str, Any]) -> dict[str, Any]:
    walking(doc)["target_total_s"] = 300  # at most max_target_s
    return walking(doc)


BOUNDS = [  # DESIGN 4.2, checked at both ends, with where they live in the file
    ("reps", 1, 100, lambda d: step(d)),
    ("sets", 1, 10, lambda d: step(d)),
    ("hold_s", 1, 600, lambda d: step(d)),
    ("rest_s", 0, 600, lambda d: step(d)),
    ("per_week", 1, 14, lambda d: d["routines"][0]),
    ("rest_s", 60, 900, walking),
    ("walks_per_week", 1, 14, walking),
    ("test_every_days", 3, 28, walking),
    ("good_walks_to_step_up", 1, 5, lambda d: walking(d)["progression"]),
    ("flare_pain", 5, 10, lambda d: walking(d)["progression"]),
    ("min_days_between_step_ups", 1, 14, lambda d: walking(d)["progression"]),
    ("max_target_s", 300, 2700, lambda d: low_target(d)["progression"]),
]


@pytest.mark.parametrize(("name", "low", "high", "where"), BOUNDS)
def test_whole_number_bounds_hold_at_both_ends(
    name: str, low: int, high: int, where: Callable[[dict[str, Any]], dict[str, Any]]
):
    for value, ok in ((low, True), (high, True), (low - 1, False), (high + 1, False)):
        doc = copy.deepcopy(BASE)
        walking(doc)["progression"] = {}
        where(doc)[name] = value
        if ok:
            parse(encode(doc))
        else:
            assert any(path.endswith(f".{name}") for path, _ in problems_of(encode(doc)))


def test_duration_and_walking_bounds():
    doc = copy.deepcopy(BASE)
    doc["routines"][0]["steps"] = [
        {"exercise": "stationary-cycling", "duration_s": 10},
        {"exercise": "stationary-cycling", "duration_s": 7200, "sides": "each"},
    ]
    walking(doc).update(bout_s=60, target_total_s=300, progression={"max_target_s": 300})
    assert parse(encode(doc)).routines()[0].steps[1].dosing.sides == Sides.EACH
    walking(doc).update(bout_s=2700, target_total_s=2700, progression={"max_target_s": 2700})
    assert parse(encode(doc)).walking_start(T0) is not None
    for field, value in (("bout_s", 59), ("target_total_s", 299), ("target_total_s", 2701)):
        bad = copy.deepcopy(doc)
        walking(bad)[field] = value
        assert f"$.walking.{field}" in dict(problems_of(encode(bad)))
    step(doc)["duration_s"] = 7201
    assert "$.routines[0].steps[0].duration_s" in dict(problems_of(encode(doc)))


# --- export: plan_to_dict and dump_plan ------------------------------------------------------


def test_round_trip_gives_equal_routines_exercises_and_walking():
    plan = parse(RAW)
    used = {**LIBRARY, **{e.id: e for e in plan.exercises()}}
    d = plan_to_dict(
        plan.title,
        plan.author,
        plan.clinic,
        plan.routines(),
        used,
        plan.walking(),
        patient=plan.patient,
        notes=plan.notes,
    )
    again = parse(dump_plan(d))
    assert again.routines() == plan.routines()
    assert again.exercises() == plan.exercises()
    assert again.walking() == plan.walking()
    assert again.walking_start(T0) == plan.walking_start(T0)
    assert (again.title, again.author_label, again.patient, again.notes) == (
        plan.title,
        plan.author_label,
        plan.patient,
        plan.notes,
    )


def test_export_carries_exactly_the_custom_exercises_the_routines_use():
    mine = Exercise(
        id="my-wall-lean",
        name="Wall lean",
        position=Position.STANDING,
        steps=("Face a wall.", "Lean in."),
        cautions=("Go slowly.", "Stop if dizzy."),
        source=Source.USER,
    )
    unused = Exercise("my-unused", "Unused", Position.SITTING, ("Sit.",), source=Source.USER)
    routine = Routine(
        id="mixed",
        name="Mixed",
        steps=(
            RoutineStep("stationary-cycling", Dosing(duration_s=600)),
            RoutineStep("my-wall-lean", Dosing(reps=8, sets=2, hold_s=5, sides=Sides.EACH)),
            RoutineStep("pelvic-tilt", Dosing(reps=10, rest_s=0)),
            RoutineStep("my-wall-lean", Dosing(reps=4)),
        ),
        per_week=5,
    )
    used = {**LIBRARY, mine.id: mine, unused.id: unused}
    d = plan_to_dict("Mine", "Me", None, [routine], used, None)
    assert [e["id"] for e in d["exercises"]] == ["my-wall-lean"]
    assert "walking" not in d and d["author"] == {"name": "Me"}
    plan = parse(dump_plan(d))
    (back,) = plan.routines()
    assert back.steps == routine.steps and back.per_week == 5
    (exercise,) = plan.exercises()
    assert exercise.steps == mine.steps and exercise.cautions == mine.cautions
    assert exercise.source == Source.THERAPIST and exercise.author == "Me"


def test_export_refuses_what_would_not_import():
    cycling = RoutineStep("stationary-cycling", Dosing(duration_s=600))
    with pytest.raises(ValueError, match="neither"):
        plan_to_dict("T", "Me", None, [], LIBRARY, None)
    with pytest.raises(ValueError, match="not among the exercises given"):
        plan_to_dict("T", "Me", None, [Routine("r", "R", (cycling,))], {}, None)
    too_many = Routine("r", "R", (RoutineStep("pelvic-tilt", Dosing(reps=500)),))
    with pytest.raises(ValueError, match=r"\$\.routines\[0\]\.steps\[0\]\.reps"):
        plan_to_dict("T", "Me", None, [too_many], LIBRARY, None)
    clash = Exercise("pelvic-tilt", "Mine", Position.LYING, ("Tilt.",), source=Source.USER)
    mine = Routine("r", "R", (RoutineStep("pelvic-tilt", Dosing(reps=5)),))
    with pytest.raises(ValueError, match="built-in exercise"):
        plan_to_dict("T", "Me", None, [mine], {"pelvic-tilt": clash}, None)
    with pytest.raises(ValueError, match=r"\$\.walking\.bout_s"):
        walk = {"bout_s": 1000, "rest_s": 120, "target_total_s": 900}
        plan_to_dict("T", "Me", None, [], LIBRARY, walk)


def test_dump_plan_writes_utf8_indent_one_and_a_final_newline():
    assert dump_plan(BASE) == RAW  # the fixture is written exactly so
    assert dump_plan({"a": "é"}) == '{\n "a": "é"\n}\n'.encode()


# --- the published schema ----------------------------------------------------------------------


def test_published_schema_equals_the_models():
    path = schema_path()
    assert path.name == SCHEMA_FILE and path.parent.name == "schemas"
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == plan_json_schema()
    assert text == schema_text(), "regenerate: python -m stenosis_coach.core.plans.schema"


def test_schema_has_its_identity_and_no_real_host():
    schema = plan_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://stenosis-coach.invalid/")
    assert schema["title"] and schema["description"]
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["format", "version", "title", "author"]
    step_schema = schema["$defs"]["PlanStep"]["properties"]
    assert step_schema["reps"]["anyOf"][0] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert step_schema["sets"]["default"] == 1 and step_schema["rest_s"]["default"] == 30


def test_an_own_exercise_with_a_list_for_an_id_is_a_problem_not_a_crash():
    doc = copy.deepcopy(BASE)
    doc["exercises"][1]["id"] = []
    assert any(path == "$.exercises[1].id" for path, _ in problems_of(encode(doc)))


# --- words in the user's language (issue 14) ----------------------------------------------------


def test_a_plan_files_problems_are_translated_where_and_what_kept(pseudo):
    from stenosis_coach.i18n import is_pseudo_wrapped

    doc = copy.deepcopy(BASE)
    doc["routines"][0]["steps"][0]["reps"] = 250
    doc["routines"][0]["steps"][1]["exercise"] = "knee-to-chestt"
    doc["titel"] = "x"
    with pytest.raises(PlanError) as caught:
        parse(encode(doc))
    problems = caught.value.problems
    assert problems and all(is_pseudo_wrapped(p.message) for p in problems)
    assert all(p.source == SOURCE and not is_pseudo_wrapped(p.path) for p in problems)
    assert str(problems[0]).startswith(f"{SOURCE}: $")  # the file and the JSON path, as they are
    by_path = {p.path: p.message for p in problems}
    assert by_path["$.routines[0].steps[0].reps"] == (
        "⟦must be a whole number from 1 to 100, not 250⟧"
    )
    assert by_path["$.titel"] == "⟦unknown field 'titel' (did you mean 'title'?)⟧"
    for bad in (b"", b"[1]", b"{", b"x" * 1_000_001):
        with pytest.raises(PlanError) as caught:
            parse(bad)
        assert all(is_pseudo_wrapped(p.message) for p in caught.value.problems), bad[:9]


def test_an_imported_exercise_keeps_the_therapists_words(pseudo):
    plan = parse(RAW)
    from stenosis_coach.i18n import is_pseudo_wrapped

    mine = plan.exercises()
    assert mine and not any(is_pseudo_wrapped(e.name) for e in mine)
    assert not any(is_pseudo_wrapped(s) for e in mine for s in e.steps)
    assert not any(is_pseudo_wrapped(r.name) for r in plan.routines())
