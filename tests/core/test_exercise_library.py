"""The built-in exercise library and routines (DESIGN 5.2), their checks and the time estimate."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from stenosis_coach.core.exercises.library import (
    LibraryError,
    builtin_library,
    builtin_routines,
    estimated_seconds,
    load_library,
    load_routines,
    minutes_label,
)
from stenosis_coach.core.exercises.model import (
    Dosing,
    Exercise,
    Position,
    Routine,
    RoutineStep,
    Sides,
)

LIBRARY = builtin_library()
ROUTINES = builtin_routines()

EXPECTED_IDS = {
    "knee-to-chest-single",
    "knee-to-chest-double",
    "pelvic-tilt",
    "childs-pose",
    "glute-bridge",
    "abdominal-bracing",
    "supine-hamstring-stretch",
    "seated-forward-bend",
    "knee-to-chest-seated",
    "pelvic-tilt-seated",
    "abdominal-bracing-seated",
    "seated-hamstring-stretch",
    "sit-to-stand",
    "standing-forward-lean",
    "hip-flexor-stretch",
    "stationary-cycling",
    "chin-tuck",
    "shoulder-blade-squeeze",
    "neck-turn",
}


# --- the built-in library --------------------------------------------------------------------


def test_builtin_library_has_exactly_the_illustrated_ids():
    assert set(LIBRARY) == EXPECTED_IDS


def test_builtin_library_has_enough_lumbar_and_cervical_exercises():
    lumbar = [e for e in LIBRARY.values() if e.region == "lumbar"]
    cervical = [e for e in LIBRARY.values() if e.region == "cervical"]
    assert len(lumbar) >= 12
    assert len(cervical) >= 2
    assert {e.id for e in cervical} == {"chin-tuck", "shoulder-blade-squeeze", "neck-turn"}


def test_every_position_is_used():
    assert {e.position for e in LIBRARY.values()} == set(Position)


@pytest.mark.parametrize("exercise", LIBRARY.values(), ids=lambda e: e.id)
def test_exercise_text_is_short_and_plain(exercise: Exercise):
    assert exercise.name[0].isupper()
    assert exercise.name[1:] == exercise.name[1:].lower()  # sentence case
    assert 1 <= len(exercise.steps) <= 5
    for step in exercise.steps:
        assert len(step) <= 120, step
        assert step.endswith("."), step
    assert exercise.cautions
    for caution in exercise.cautions:
        assert len(caution) <= 120, caution
        assert caution.endswith("."), caution


@pytest.mark.parametrize("exercise", LIBRARY.values(), ids=lambda e: e.id)
def test_every_exercise_names_its_illustration(exercise: Exercise):
    assert exercise.illustration == f"{exercise.id}.svg"


@pytest.mark.parametrize("exercise", LIBRARY.values(), ids=lambda e: e.id)
def test_floor_exercises_have_a_chair_or_bed_version(exercise: Exercise):
    if exercise.floor:
        assert exercise.alternative in LIBRARY
        assert not LIBRARY[exercise.alternative].floor
    else:
        assert exercise.alternative is None


def test_floor_alternatives_are_the_agreed_ones():
    alternatives = {e.id: e.alternative for e in LIBRARY.values() if e.floor}
    assert alternatives == {
        "knee-to-chest-single": "knee-to-chest-seated",
        "knee-to-chest-double": "knee-to-chest-seated",
        "pelvic-tilt": "pelvic-tilt-seated",
        "childs-pose": "seated-forward-bend",
        "glute-bridge": "sit-to-stand",
        "abdominal-bracing": "abdominal-bracing-seated",
        "supine-hamstring-stretch": "seated-hamstring-stretch",
    }


def _has(exercise: Exercise, *words: str) -> bool:
    return any(all(w in c.lower() for w in words) for c in exercise.cautions)


@pytest.mark.parametrize("exercise", LIBRARY.values(), ids=lambda e: e.id)
def test_design_cautions_are_shown_where_they_apply(exercise: Exercise):
    assert _has(exercise, "floor", "get down") == exercise.floor
    if exercise.id.startswith("knee-to-chest") or exercise.id == "childs-pose":
        assert _has(exercise, "hip replacement")
        assert _has(exercise, "osteoporosis")
    if exercise.region == "lumbar":
        assert _has(exercise, "3 out of 10")
    else:
        assert _has(exercise, "gently")
        assert _has(exercise, "arms tingle", "dizzy")


def test_backward_bending_caution_on_the_exercises_that_extend():
    warned = {e.id for e in LIBRARY.values() if _has(e, "backward bending")}
    assert {"glute-bridge", "hip-flexor-stretch", "standing-forward-lean"} <= warned


def test_default_dosing_follows_design_5_2():
    d = {i: e.default for i, e in LIBRARY.items()}
    assert d["knee-to-chest-single"].reps == 10 and 5 <= d["knee-to-chest-single"].hold_s <= 20
    assert d["knee-to-chest-single"].sides is Sides.EACH
    assert (d["pelvic-tilt"].reps, d["pelvic-tilt"].hold_s) == (10, 5)
    assert (d["seated-forward-bend"].reps, d["seated-forward-bend"].hold_s) == (10, 3)
    assert (d["childs-pose"].reps, d["childs-pose"].hold_s) == (3, 30)
    hip = d["hip-flexor-stretch"]
    assert (hip.reps, hip.hold_s, hip.sides) == (3, 30, Sides.EACH)
    assert (d["glute-bridge"].sets, d["glute-bridge"].reps) == (2, 10)
    assert (d["abdominal-bracing"].reps, d["abdominal-bracing"].hold_s) == (10, 10)
    assert d["stationary-cycling"].duration_s == 600
    assert d["stationary-cycling"].reps is None


def test_builtin_results_are_fresh_copies():
    mine = builtin_library()
    mine.clear()
    assert builtin_library() == LIBRARY


# --- the built-in routines -------------------------------------------------------------------

_MINUTES = re.compile(r"(?:~|about )(\d+) min\b")


def test_builtin_routines_exist():
    assert {"gentle-start", "flexion-basics", "before-your-walk", "chair-routine"} <= set(ROUTINES)
    assert ROUTINES["gentle-start"].name == "Gentle start, lying"


@pytest.mark.parametrize("routine", ROUTINES.values(), ids=lambda r: r.id)
def test_routine_steps_resolve_and_descriptions_leave_the_length_to_the_app(routine: Routine):
    assert len(routine.steps) >= 1
    assert all(step.exercise in LIBRARY for step in routine.steps)
    assert 1 <= routine.per_week <= 14
    # The app shows the length computed from the player's timeline, so it cannot go stale.
    assert not _MINUTES.search(routine.description), routine.description


@pytest.mark.parametrize(
    ("routine_id", "minutes"),
    [("gentle-start", 6), ("flexion-basics", 12), ("before-your-walk", 5), ("chair-routine", 8)],
)
def test_routine_lengths_are_as_promised(routine_id: str, minutes: int):
    seconds = estimated_seconds(ROUTINES[routine_id], LIBRARY)
    assert minutes_label(seconds) == f"about {minutes} min"


@pytest.mark.parametrize("routine_id", ["before-your-walk", "chair-routine"])
def test_no_floor_routines_stay_off_the_floor(routine_id: str):
    assert not any(LIBRARY[s.exercise].floor for s in ROUTINES[routine_id].steps)


def test_before_your_walk_is_standing_and_sitting():
    positions = {LIBRARY[s.exercise].position for s in ROUTINES["before-your-walk"].steps}
    assert positions == {Position.SITTING, Position.STANDING}


# --- the estimate ----------------------------------------------------------------------------


def test_estimate_is_what_the_player_will_run():
    from stenosis_coach.core.exercises.timeline import build_timeline

    routine = Routine(
        id="r",
        name="R",
        steps=(
            RoutineStep("pelvic-tilt", Dosing(reps=10, hold_s=5)),
            RoutineStep("stationary-cycling", Dosing(duration_s=600)),
        ),
    )
    assert estimated_seconds(routine, LIBRARY) == build_timeline(routine, LIBRARY).total_s
    for built_in in ROUTINES.values():
        assert estimated_seconds(built_in, LIBRARY) == build_timeline(built_in, LIBRARY).total_s


def test_estimate_refuses_an_unknown_exercise():
    routine = Routine(id="r", name="R", steps=(RoutineStep("nope", Dosing(reps=1)),))
    with pytest.raises(LibraryError, match="routine 'r' step 1: unknown exercise 'nope'"):
        estimated_seconds(routine, LIBRARY)


@pytest.mark.parametrize(
    ("seconds", "label"),
    [(0, "about 1 min"), (29, "about 1 min"), (89, "about 1 min"), (90, "about 2 min"),
     (350, "about 6 min"), (711, "about 12 min")],
)  # fmt: skip
def test_minutes_label(seconds: int, label: str):
    assert minutes_label(seconds) == label


# --- bad input -------------------------------------------------------------------------------


def exercise(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "ex",
        "name": "An exercise",
        "position": "sitting",
        "steps": ["Sit down."],
    }
    base.update(changes)
    return {key: value for key, value in base.items() if value is not None}


def library_text(*items: dict[str, Any]) -> str:
    return json.dumps({"exercises": list(items)})


SMALL = load_library(
    library_text(
        exercise(id="chair"),
        exercise(id="floor-one", position="lying", floor=True, alternative="chair"),
    )
)


def routines_text(*steps: dict[str, Any], **changes: Any) -> str:
    routine: dict[str, Any] = {"id": "x", "name": "X", "steps": list(steps)}
    routine.update(changes)
    return json.dumps({"routines": [routine]})


def test_small_valid_files_load():
    assert SMALL["floor-one"].alternative == "chair"
    assert SMALL["chair"].default == Dosing(reps=10)
    routines = load_routines(
        routines_text({"exercise": "chair", "duration_s": 60, "sides": "each"}), SMALL
    )
    assert routines["x"].steps[0].dosing == Dosing(duration_s=60, sides=Sides.EACH)
    assert routines["x"].per_week == 7


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", r"library\.json: not valid JSON \(line 1"),
        (json.dumps([]), r"expected an object"),
        (json.dumps({"exercises": [], "extra": 1}), r"unknown field 'extra'"),
        (
            library_text(exercise(position="kneeling")),
            r"library\.json: exercise 'ex': position: unknown position 'kneeling'",
        ),
        (
            library_text(exercise(default={"reps": 10, "duration_s": 60})),
            r"exercise 'ex': default: give either reps or duration_s \(this step has both\)",
        ),
        (
            library_text(exercise(default={"sets": 2})),
            r"exercise 'ex': default: give either reps or duration_s \(this step has neither\)",
        ),
        (
            library_text(exercise(default={"reps": 101})),
            r"exercise 'ex': default: reps: 101 is out of range \(1 to 100\)",
        ),
        (
            library_text(exercise(default={"reps": 10, "sets": 11})),
            r"default: sets: 11 is out of range \(1 to 10\)",
        ),
        (
            library_text(exercise(default={"reps": 10, "hold_s": 0})),
            r"default: hold_s: 0 is out of range \(1 to 600\)",
        ),
        (
            library_text(exercise(default={"duration_s": 9})),
            r"default: duration_s: 9 is out of range \(10 to 7200\)",
        ),
        (
            library_text(exercise(default={"reps": 10, "rest_s": 601})),
            r"default: rest_s: 601 is out of range \(0 to 600\)",
        ),
        (
            library_text(exercise(default={"reps": True})),
            r"default: reps: must be a whole number",
        ),
        (
            library_text(exercise(default={"reps": 10, "sides": "left"})),
            r"default: sides: unknown value 'left'",
        ),
        (
            library_text(exercise(default={"duration_s": 60, "hold_s": 5})),
            r"default: hold_s: only a step with reps has a hold",
        ),
        (
            library_text(exercise(id="Knee_To_Chest")),
            r"exercise 1: id: 'Knee_To_Chest' is not a slug",
        ),
        (library_text(exercise(id="a" * 65)), r"exercise 1: id: 'a+' is not a slug"),
        (library_text(exercise(), exercise()), r"exercise 'ex': id is used twice"),
        (
            library_text(exercise(steps=[f"Step {n}." for n in range(6)])),
            r"exercise 'ex': steps: has 6 steps; give 1 to 5",
        ),
        (library_text(exercise(steps=[])), r"exercise 'ex': steps: has 0 steps"),
        (library_text(exercise(name="")), r"exercise 'ex': name: missing or empty"),
        (library_text(exercise(region="thoracic")), r"exercise 'ex': region: unknown region"),
        (library_text(exercise(purpose="Why.")), r"exercise 'ex': unknown field 'purpose'"),
        (
            library_text(exercise(floor=True)),
            r"exercise 'ex': alternative: a floor exercise needs a chair or bed version",
        ),
        (
            library_text(exercise(floor=True, alternative="nowhere")),
            r"exercise 'ex': alternative: unknown exercise 'nowhere'",
        ),
        (
            library_text(
                exercise(floor=True, alternative="mat"),
                exercise(id="mat", floor=True, alternative="ex"),
            ),
            r"exercise 'ex': alternative: 'mat' is also a floor exercise",
        ),
        (
            library_text(exercise(illustration="../secret.svg")),
            r"exercise 'ex': illustration: give a file name, not a path",
        ),
    ],
)
def test_bad_library_is_refused_with_a_clear_message(text: str, message: str):
    with pytest.raises(LibraryError, match=message):
        load_library(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            routines_text(
                {"exercise": "chair", "reps": 5},
                {"exercise": "chair", "reps": 5},
                {"exercise": "knee-hug", "reps": 5},
            ),
            r"^routines\.json: routine 'x' step 3: unknown exercise 'knee-hug'$",
        ),
        (routines_text(), r"routine 'x': steps: empty; a routine needs at least one step"),
        (
            json.dumps({"routines": [{"id": "x", "name": "X"}]}),
            r"routine 'x': steps: missing",
        ),
        (
            routines_text({"exercise": "chair"}),
            r"routine 'x' step 1: give either reps or duration_s \(this step has neither\)",
        ),
        (
            routines_text({"exercise": "chair", "reps": 5, "duration_s": 60}),
            r"routine 'x' step 1: give either reps or duration_s \(this step has both\)",
        ),
        (
            routines_text({"exercise": "chair", "reps": 0}),
            r"routine 'x' step 1: reps: 0 is out of range \(1 to 100\)",
        ),
        (
            routines_text({"exercise": "chair", "reps": 5}, per_week=15),
            r"routine 'x': per_week: 15 is out of range \(1 to 14\)",
        ),
        (
            routines_text({"exercise": "chair", "reps": 5}, per_week=0),
            r"routine 'x': per_week: 0 is out of range \(1 to 14\)",
        ),
        (
            routines_text({"exercise": "chair", "reps": 5}, id="Gentle Start"),
            r"routine 1: id: 'Gentle Start' is not a slug",
        ),
        (
            json.dumps(
                {
                    "routines": [
                        {"id": "x", "name": "X", "steps": [{"exercise": "chair", "reps": 5}]},
                        {"id": "x", "name": "Y", "steps": [{"exercise": "chair", "reps": 5}]},
                    ]
                }
            ),
            r"routine 'x': id is used twice",
        ),
        (
            routines_text({"exercise": "chair", "reps": 5, "tempo": 2}),
            r"routine 'x' step 1: unknown field 'tempo'",
        ),
    ],
)
def test_bad_routines_are_refused_with_a_clear_message(text: str, message: str):
    with pytest.raises(LibraryError, match=message):
        load_routines(text, SMALL)


def test_library_error_is_a_value_error():
    assert issubclass(LibraryError, ValueError)


def test_chair_versions_replace_every_floor_exercise_keeping_the_dose():
    from stenosis_coach.core.exercises.library import has_floor_steps, with_chair_versions

    basics = ROUTINES["flexion-basics"]
    assert has_floor_steps(basics, LIBRARY)
    chair = with_chair_versions(basics, LIBRARY)
    assert not has_floor_steps(chair, LIBRARY)
    assert [s.dosing for s in chair.steps] == [s.dosing for s in basics.steps]
    assert chair.steps[0].exercise == "pelvic-tilt-seated"


# --- words in the user's language (issue 14) ----------------------------------------------------


def test_builtin_words_are_translated_when_read_not_when_imported(pseudo):
    from stenosis_coach.i18n import is_pseudo_wrapped

    # LIBRARY and ROUTINES above were read in English; the pseudo switch made since counts.
    assert not is_pseudo_wrapped(LIBRARY["pelvic-tilt"].name)
    library, routines = builtin_library(), builtin_routines()
    for exercise in library.values():
        said = [exercise.name, *exercise.steps, *exercise.cautions]
        assert [s for s in said if not is_pseudo_wrapped(s)] == [], exercise.id
        assert exercise.name == f"⟦{LIBRARY[exercise.id].name}⟧"
    for routine in routines.values():
        assert is_pseudo_wrapped(routine.name) and is_pseudo_wrapped(routine.description)
    assert minutes_label(370) == "⟦about 6 min⟧"
    # Ids, doses and the structure are not words: they stay as they are.
    assert set(library) == set(LIBRARY) and routines["gentle-start"].steps == (
        ROUTINES["gentle-start"].steps
    )


def test_the_catalogue_lists_every_builtin_text_once():
    from stenosis_coach.core.exercises.library import catalogue_messages

    messages = catalogue_messages()
    assert len(messages) == len(set(messages))
    wanted = {t for e in LIBRARY.values() for t in (e.name, *e.steps, *e.cautions)}
    wanted |= {t for r in ROUTINES.values() for t in (r.name, r.description) if t}
    assert set(messages) == wanted
    assert "One knee to chest" in messages and "Gentle start, lying" in messages


def test_what_a_program_reads_keeps_the_shipped_english(pseudo):
    from stenosis_coach.core.exercises.library import source_name
    from stenosis_coach.core.exercises.model import Source

    shown = builtin_routines()["gentle-start"]
    assert shown.name == "⟦Gentle start, lying⟧"
    assert source_name(shown) == "Gentle start, lying"  # --json: the same in every language
    assert source_name(builtin_library()["pelvic-tilt"]) == LIBRARY["pelvic-tilt"].name
    assert builtin_routines(translated=False) == ROUTINES
    assert builtin_library(translated=False) == LIBRARY
    own = Exercise("pelvic-tilt", "Mi báscula", Position.LYING, ("Paso.",), source=Source.THERAPIST)
    assert source_name(own) == "Mi báscula"  # a therapist's words, as written
