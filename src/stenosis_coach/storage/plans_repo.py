"""Imported plans, and the therapists' exercises and routines they brought."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import col, select

from stenosis_coach.core.exercises.model import Exercise, Routine
from stenosis_coach.core.exercises.serial import (
    exercise_from_dict,
    exercise_to_dict,
    routine_from_dict,
    routine_to_dict,
)
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.models import CustomExerciseRow, CustomRoutineRow, PlanImportRow


@dataclass(frozen=True)
class StoredPlan:
    id: int
    title: str
    author: str
    clinic: str | None
    imported_at: datetime
    walking: dict[str, Any] | None
    sha256: str


@dataclass(frozen=True)
class NewPlan:
    title: str
    author: str
    clinic: str | None
    patient: str | None
    notes: str | None
    source_name: str
    sha256: str
    walking: dict[str, Any] | None
    exercises: list[Exercise]
    routines: list[Routine]


class PlanRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add_all(self, plans: list[NewPlan], at: datetime) -> list[int]:
        """Store every plan in ONE transaction (all or nothing); same ids are replaced."""
        ids = []
        with self._db.session() as s:
            for plan in plans:
                row = PlanImportRow(
                    title=plan.title,
                    author=plan.author,
                    clinic=plan.clinic,
                    patient=plan.patient,
                    notes=plan.notes,
                    source_name=plan.source_name,
                    sha256=plan.sha256,
                    imported_at=at,
                    walking=json.dumps(plan.walking) if plan.walking else None,
                )
                s.add(row)
                s.flush()
                assert row.id is not None
                ids.append(row.id)
                for exercise in plan.exercises:
                    s.merge(
                        CustomExerciseRow(
                            id=exercise.id,
                            plan_id=row.id,
                            data=json.dumps(exercise_to_dict(exercise)),
                        )
                    )
                for routine in plan.routines:
                    s.merge(
                        CustomRoutineRow(
                            id=routine.id, plan_id=row.id, data=json.dumps(routine_to_dict(routine))
                        )
                    )
        return ids

    def exercises(self) -> dict[str, Exercise]:
        with self._db.session() as s:
            rows = s.execute(select(CustomExerciseRow.__table__)).all()
            return {r.id: exercise_from_dict(json.loads(r.data)) for r in rows}

    def routines(self) -> dict[str, Routine]:
        with self._db.session() as s:
            rows = s.execute(select(CustomRoutineRow.__table__)).all()
            return {r.id: routine_from_dict(json.loads(r.data)) for r in rows}

    def routines_by_plan(self) -> dict[int, list[Routine]]:
        """The routines each stored plan brought (and still holds), by the plan's id."""
        found: dict[int, list[Routine]] = {}
        with self._db.session() as s:
            rows = s.execute(select(CustomRoutineRow.__table__)).all()
            for r in rows:
                if r.plan_id is not None:
                    found.setdefault(r.plan_id, []).append(routine_from_dict(json.loads(r.data)))
        return found

    def plans(self) -> list[StoredPlan]:
        with self._db.session() as s:
            rows = s.execute(
                select(PlanImportRow.__table__).order_by(col(PlanImportRow.imported_at))
            ).all()
            return [
                StoredPlan(
                    r.id,
                    r.title,
                    r.author,
                    r.clinic,
                    r.imported_at,
                    json.loads(r.walking) if r.walking else None,
                    r.sha256,
                )
                for r in rows
            ]

    def imported_hashes(self) -> set[str]:
        return {p.sha256 for p in self.plans()}
