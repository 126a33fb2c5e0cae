"""The exercises and routines a patient can use: built-in now, plus therapists' later."""

from __future__ import annotations

from typing import Any

from stenosis_coach.core.exercises.library import estimated_seconds, minutes_label
from stenosis_coach.core.exercises.model import Dosing, Exercise, Routine


def exercises(db=None) -> dict[str, Exercise]:
    """Built-in exercises plus those a therapist's plan brought (with ``db``)."""
    from stenosis_coach.services.plans import all_exercises

    return all_exercises(db)


def routines(db=None) -> dict[str, Routine]:
    """Built-in routines plus imported ones (with ``db``); an imported id replaces."""
    from stenosis_coach.services.plans import all_routines

    return all_routines(db)


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
    return {
        "id": exercise.id,
        "name": exercise.name,
        "position": exercise.position.value,
        "region": exercise.region,
        "floor": exercise.floor,
        "alternative": exercise.alternative,
        "source": exercise.source.value,
    }


def routine_json(routine: Routine, library: dict[str, Exercise]) -> dict[str, Any]:
    return {
        "id": routine.id,
        "name": routine.name,
        "source": routine.source.value,
        "author": routine.author,
        "per_week": routine.per_week,
        "minutes": round(estimated_seconds(routine, library) / 60, 1),
        "steps": [
            {"exercise": step.exercise, **dosing_json(step.dosing)} for step in routine.steps
        ],
    }
