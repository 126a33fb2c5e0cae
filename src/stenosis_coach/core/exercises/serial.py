"""Exercises and routines as plain JSON-able dicts (how imported ones are stored)."""

from __future__ import annotations

from typing import Any

from stenosis_coach.core.exercises.model import (
    Dosing,
    Exercise,
    Position,
    Routine,
    RoutineStep,
    Sides,
    Source,
)


def dosing_to_dict(d: Dosing) -> dict[str, Any]:
    return {
        "reps": d.reps,
        "sets": d.sets,
        "hold_s": d.hold_s,
        "duration_s": d.duration_s,
        "rest_s": d.rest_s,
        "sides": d.sides.value,
    }


def dosing_from_dict(d: dict[str, Any]) -> Dosing:
    return Dosing(
        reps=d["reps"],
        sets=d["sets"],
        hold_s=d["hold_s"],
        duration_s=d["duration_s"],
        rest_s=d["rest_s"],
        sides=Sides(d["sides"]),
    )


def exercise_to_dict(e: Exercise) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "position": e.position.value,
        "steps": list(e.steps),
        "cautions": list(e.cautions),
        "default": dosing_to_dict(e.default),
        "floor": e.floor,
        "alternative": e.alternative,
        "region": e.region,
        "illustration": e.illustration,
        "source": e.source.value,
        "author": e.author,
    }


def exercise_from_dict(d: dict[str, Any]) -> Exercise:
    return Exercise(
        id=d["id"],
        name=d["name"],
        position=Position(d["position"]),
        steps=tuple(d["steps"]),
        cautions=tuple(d["cautions"]),
        default=dosing_from_dict(d["default"]),
        floor=d["floor"],
        alternative=d["alternative"],
        region=d["region"],
        illustration=d["illustration"],
        source=Source(d["source"]),
        author=d["author"],
    )


def routine_to_dict(r: Routine) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "description": r.description,
        "per_week": r.per_week,
        "source": r.source.value,
        "author": r.author,
        "steps": [{"exercise": s.exercise, **dosing_to_dict(s.dosing)} for s in r.steps],
    }


def routine_from_dict(d: dict[str, Any]) -> Routine:
    steps = tuple(RoutineStep(s["exercise"], dosing_from_dict(s)) for s in d["steps"])
    return Routine(
        id=d["id"],
        name=d["name"],
        steps=steps,
        description=d["description"],
        per_week=d["per_week"],
        source=Source(d["source"]),
        author=d["author"],
    )
