"""The exercises and routines a patient can use: built-in ones, plus those therapists' plans
brought; and the routine the patient chose."""

from __future__ import annotations

from typing import Any

from stenosis_coach.core.exercises.library import (
    builtin_library,
    builtin_routines,
    estimated_seconds,
    minutes_label,
    source_name,
)
from stenosis_coach.core.exercises.model import Dosing, Exercise, Routine
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.plans_repo import PlanRepository
from stenosis_coach.storage.safety_repo import SafetyRepository

MY_ROUTINE = "my_routine"
DEFAULT_ROUTINE = "gentle-start"  # a first routine that asks the least of a new patient


def exercises(db: Database | None = None) -> dict[str, Exercise]:
    """Built-in exercises plus those a therapist's plan brought (with ``db``)."""
    found = builtin_library()
    if db is not None:
        found.update(PlanRepository(db).exercises())
    return found


def routines(db: Database | None = None) -> dict[str, Routine]:
    """Built-in routines plus imported ones (with ``db``); an imported id replaces."""
    found = builtin_routines()
    if db is not None:
        found.update(PlanRepository(db).routines())
    return found


def my_routine(db: Database) -> Routine:
    """The routine the Today page offers (chosen in the Exercises page)."""
    chosen = SafetyRepository(db).get_state(MY_ROUTINE)
    found = routines(db)
    return found.get(chosen or DEFAULT_ROUTINE) or found[DEFAULT_ROUTINE]


def choose_routine(db: Database, routine_id: str) -> None:
    if routine_id not in routines(db):
        raise ValueError(f"unknown routine {routine_id!r}")
    SafetyRepository(db).set_state(MY_ROUTINE, routine_id)


def routine_length(routine: Routine, library: dict[str, Exercise] | None = None) -> str:
    return minutes_label(estimated_seconds(routine, library or exercises()))


def dosing_json(dosing: Dosing) -> dict[str, Any]:
    """A step's dose in the plan-file field names (DESIGN 4.2), without empty fields."""
    data = {
        "reps": dosing.reps,
        "sets": dosing.sets,
        "hold_s": dosing.hold_s,
        "duration_s": dosing.duration_s,
        "rest_s": dosing.rest_s,
        "sides": dosing.sides.value,
    }
    return {key: value for key, value in data.items() if value is not None}


def exercise_json(exercise: Exercise) -> dict[str, Any]:
    """For ``--json``: a built-in's name in its shipped English, whatever the language (a
    program reads the same bytes in every language)."""
    return {
        "id": exercise.id,
        "name": source_name(exercise),
        "position": exercise.position.value,
        "region": exercise.region,
        "floor": exercise.floor,
        "alternative": exercise.alternative,
        "source": exercise.source.value,
    }


def routine_json(routine: Routine, library: dict[str, Exercise]) -> dict[str, Any]:
    """For ``--json`` (a built-in's name in its shipped English, as :func:`exercise_json`)."""
    return {
        "id": routine.id,
        "name": source_name(routine),
        "source": routine.source.value,
        "author": routine.author,
        "per_week": routine.per_week,
        "minutes": round(estimated_seconds(routine, library) / 60, 1),
        "steps": [
            {"exercise": step.exercise, **dosing_json(step.dosing)} for step in routine.steps
        ],
    }
