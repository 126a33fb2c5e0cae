"""Fuzzing plan files (DESIGN 4.2, issue 8): a plan or a PlanError with messages, never a crash.

Mutated Lakeside plans (a key dropped, a value replaced by any JSON value, a key added; then
perhaps the bytes truncated or flipped) and random bytes go through ``parse_plan``. Every
outcome is either a :class:`ValidPlan` whose contents keep every DESIGN 4.2 bound, or a
:class:`PlanError` whose every message is ``SOURCE: $...: <a sentence>``.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from stenosis_coach.core.exercises.library import builtin_library
from stenosis_coach.core.exercises.model import Position, Sides, Source
from stenosis_coach.core.plans.validate import PlanError, ValidPlan, parse_plan

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "plan-lakeside.scplan.json"
RAW = FIXTURE.read_bytes()
BASE: dict[str, Any] = json.loads(RAW)
BUILTIN = frozenset(builtin_library())
SOURCE = "SOURCE"
T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
SLUG = re.compile(r"[a-z0-9-]{1,64}")

# Values that are nearly right are the interesting ones: bounds, built-in ids, enum words.
NEAR = st.sampled_from(
    [
        0,
        1,
        2,
        3,
        5,
        7,
        10,
        14,
        28,
        60,
        100,
        101,
        300,
        600,
        900,
        1800,
        2700,
        3600,
        7200,
        0.5,
        0.8,
        0.9,
        1.1,
        1.25,
        -1,
        10.0,
        "10",
        "",
        " ",
        "both",
        "each",
        "sit",
        "lean",
        "lying",
        "cycling",
        "pelvic-tilt",
        "stationary-cycling",
        "lakeside-seated-march",
        "Bad Id",
        "stenosis-coach-plan",
        "x" * 201,
        "line\nbreak",
        "\x00",
        "\ud800",
        True,
        False,
        None,
    ]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | NEAR
)
KEYS = st.text(max_size=12) | st.sampled_from(
    [
        "reps",
        "sets",
        "hold_s",
        "duration_s",
        "rest_s",
        "sides",
        "id",
        "name",
        "steps",
        "walking",
        "routines",
        "exercises",
        "progression",
        "max_target_s",
        "exercise",
    ]
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)


def slots(doc: Any) -> list[tuple[Any, Any]]:
    """Every ``(container, key or index)`` in ``doc``."""
    found: list[tuple[Any, Any]] = []
    stack = [doc]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            found.append((node, key))
            if isinstance(value, dict | list):
                stack.append(value)
    return found


@st.composite
def mutated_plans(draw: st.DrawFn) -> bytes:
    doc = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        places = slots(doc)
        op = draw(st.sampled_from(["drop", "change", "add", "nudge", "nudge"]))
        numbers = [(c, k) for c, k in places if type(c[k]) in (int, float)]
        if op == "nudge" and numbers:  # a number moved near or past its bounds
            container, key = draw(st.sampled_from(numbers))
            if type(container[key]) is int:
                container[key] = draw(st.integers(-2, 30) | st.integers(-2, 7300))
            else:
                container[key] = draw(st.floats(0.3, 1.4))
        elif op in ("add", "nudge") or not places:
            containers = [doc] + [c[k] for c, k in places if isinstance(c[k], dict | list)]
            target = draw(st.sampled_from(containers))
            if isinstance(target, dict):
                target[draw(KEYS)] = draw(JSON_VALUES)
            else:
                target.insert(draw(st.integers(0, len(target))), draw(JSON_VALUES))
        else:
            container, key = draw(st.sampled_from(places))
            if op == "drop":
                del container[key]
            else:
                container[key] = draw(JSON_VALUES)
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
    data = text.encode("utf-8", "surrogatepass")
    how = draw(st.sampled_from(["as is", "as is", "as is", "truncate", "flip"]))
    return bytes_mutation(draw, data, how)


def bytes_mutation(draw: st.DrawFn, data: bytes, how: str) -> bytes:
    if how == "truncate" and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if how == "flip" and data:
        changed = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            changed[draw(st.integers(0, len(data) - 1))] ^= draw(st.integers(1, 255))
        return bytes(changed)
    return data


@st.composite
def fixture_bytes(draw: st.DrawFn) -> bytes:
    return bytes_mutation(draw, RAW, draw(st.sampled_from(["truncate", "flip"])))


FILES = st.one_of(mutated_plans(), mutated_plans(), fixture_bytes(), st.binary(max_size=2000))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FILES)
def test_any_bytes_give_a_plan_or_messages_never_a_crash(data: bytes):
    try:
        plan = parse_plan(data, source=SOURCE, builtin_ids=BUILTIN)
    except PlanError as error:
        event("refused")
        assert error.problems
        for message in error.messages:
            assert message.startswith(f"{SOURCE}: $"), message
            path, _, sentence = message.removeprefix(f"{SOURCE}: ").partition(": ")
            assert path.startswith("$") and sentence.strip(), message
            message.encode("utf-8")  # printable anywhere, even with broken input
        return
    event("a valid plan")
    assert_within_bounds(plan)


@st.composite
def nudged_plans(draw: st.DrawFn) -> bytes:
    """The Lakeside plan with a few numbers moved near or past their bounds."""
    doc = copy.deepcopy(BASE)
    doc["walking"]["progression"] = {"bout_fraction": 0.8, "step_up": 1.1, "max_target_s": 1800}
    for _ in range(draw(st.integers(1, 3))):
        numbers = [(c, k) for c, k in slots(doc) if type(c[k]) in (int, float)]
        container, key = draw(st.sampled_from(numbers))
        if type(container[key]) is int:
            low, high = draw(st.sampled_from([(-1, 16), (0, 102), (50, 1000), (250, 3700)]))
            container[key] = draw(st.integers(low, high))
        else:
            container[key] = draw(st.floats(0.45, 1.3))
    return json.dumps(doc).encode()


@settings(max_examples=300, deadline=None)
@given(nudged_plans())
def test_nudged_numbers_give_a_plan_within_bounds_or_name_the_number(data: bytes):
    try:
        plan = parse_plan(data, source=SOURCE, builtin_ids=BUILTIN)
    except PlanError as error:
        event("refused")
        for problem in error.problems:
            assert re.search(r"\.[a-z_]+$", problem.path), problem  # a field, never the file
        return
    event("a valid plan")
    assert_within_bounds(plan)


def assert_within_bounds(plan: ValidPlan) -> None:
    """Everything a plan can hand the app keeps the DESIGN 4.2 bounds."""
    assert plan.title.strip() and plan.author.strip()
    exercises = plan.exercises()
    custom = {e.id for e in exercises}
    assert len(custom) == len(exercises) and not custom & BUILTIN
    for exercise in exercises:
        assert SLUG.fullmatch(exercise.id) and exercise.name.strip()
        assert 1 <= len(exercise.steps) <= 10 and isinstance(exercise.position, Position)
        assert exercise.source == Source.THERAPIST and not exercise.floor
    routines = plan.routines()
    assert len({r.id for r in routines}) == len(routines)
    for routine in routines:
        assert SLUG.fullmatch(routine.id) and 1 <= routine.per_week <= 14
        assert 1 <= len(routine.steps) <= 50
        for step in routine.steps:
            assert step.exercise in BUILTIN | custom
            dose = step.dosing
            assert (dose.reps is None) != (dose.duration_s is None)
            assert dose.reps is None or 1 <= dose.reps <= 100
            assert dose.duration_s is None or 10 <= dose.duration_s <= 7200
            assert dose.hold_s is None or (dose.reps is not None and 1 <= dose.hold_s <= 600)
            assert 1 <= dose.sets <= 10 and 0 <= dose.rest_s <= 600
            assert isinstance(dose.sides, Sides)
    start = plan.walking_start(T0)
    assert routines or start is not None
    if start is None:
        return
    p = start.progression
    assert 60 <= start.bout_s <= start.target_total_s <= p.max_target_s <= 2700
    assert start.target_total_s >= 300 and 60 <= start.rest_s <= 900
    assert 3 <= start.test_every_days <= 28 and 1 <= (plan.walks_per_week or 0) <= 14
    assert Fraction(1, 2) <= p.bout_fraction <= Fraction(9, 10)
    assert 1 <= p.step_up <= Fraction(5, 4) and 1 <= p.good_walks_to_step_up <= 5
    assert 5 <= p.flare_pain <= 10 and 24 <= p.min_hours_between_step_ups <= 14 * 24
    assert plan.rest_position in ("sit", "lean")


def test_the_unmutated_fixture_is_within_bounds():
    assert_within_bounds(parse_plan(RAW, source=SOURCE, builtin_ids=BUILTIN))
