"""The plan a therapist is building, as plain data: no Qt, so it is tested without widgets.

The widgets of the therapist tools show a :class:`PlanDraft` and forward each edit to it;
:meth:`PlanDraft.routines_for_export`, :meth:`PlanDraft.exercises_for_export` and
:meth:`PlanDraft.walking_plan` give what ``services.plans.write_plan_file`` takes. Numbers
arrive already checked against DESIGN 4.2's bounds (:mod:`.limits`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from stenosis_coach.core.exercises.library import builtin_library, builtin_routines
from stenosis_coach.core.exercises.model import (
    Dosing,
    Exercise,
    Position,
    Routine,
    RoutineStep,
    Sides,
    Source,
)
from stenosis_coach.core.plans.model import MAX_INSTRUCTION_LINES, instruction_lines
from stenosis_coach.i18n import _, decimal_text
from stenosis_coach.ui.therapist.limits import PROGRESSION_DEFAULTS

SLUG_MAX = 64  # DESIGN 4.2: ids are slugs, [a-z0-9-], at most 64 characters
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(rf"[a-z0-9-]{{1,{SLUG_MAX}}}")


# --- ids ---------------------------------------------------------------------------------------


def slug(text: str) -> str:
    """``"Wall slide, standing"`` -> ``"wall-slide-standing"`` (at most 64 characters)."""
    return _NOT_SLUG.sub("-", text.lower()).strip("-")[:SLUG_MAX].strip("-")


def unique_slug(text: str, taken: set[str] | frozenset[str], fallback: str) -> str:
    base = slug(text) or fallback
    found, number = base, 2
    while found in taken:
        tail = f"-{number}"
        found = base[: SLUG_MAX - len(tail)].rstrip("-") + tail
        number += 1
    return found


# --- the draft -------------------------------------------------------------------------------


@dataclass
class StepDraft:
    """One routine step: repetitions (with an optional hold) or a time, never both."""

    exercise: str
    by_time: bool = False
    reps: int = 10
    sets: int = 1
    hold_s: int | None = None
    duration_s: int = 60
    rest_s: int = 30
    sides: Sides = Sides.BOTH

    @classmethod
    def from_exercise(cls, exercise: Exercise) -> StepDraft:
        """Start from the exercise's usual dose."""
        d = exercise.default
        return cls(
            exercise.id,
            by_time=d.duration_s is not None,
            reps=d.reps or 10,
            sets=d.sets,
            hold_s=d.hold_s,
            duration_s=d.duration_s or 60,
            rest_s=d.rest_s,
            sides=d.sides,
        )

    def dosing(self) -> Dosing:
        return Dosing(
            reps=None if self.by_time else self.reps,
            sets=self.sets,
            hold_s=None if self.by_time else self.hold_s,
            duration_s=self.duration_s if self.by_time else None,
            rest_s=self.rest_s,
            sides=self.sides,
        )


@dataclass
class RoutineDraft:
    id: str
    name: str
    description: str = ""
    per_week: int = 7
    steps: list[StepDraft] = field(default_factory=list)


@dataclass
class CustomExercise:
    """A therapist's own exercise. ``id_edited``: the id no longer follows the name."""

    id: str
    name: str
    position: Position = Position.SITTING
    instructions: str = ""
    cautions: str = ""
    id_edited: bool = False

    def exercise(self, author: str | None = None) -> Exercise:
        return Exercise(
            id=self.id,
            name=self.name.strip(),
            position=self.position,
            steps=instruction_lines(self.instructions),
            cautions=instruction_lines(self.cautions),
            source=Source.THERAPIST,
            author=author,
        )


@dataclass
class WalkingDraft:
    """The walking plan in the plan file's units (seconds); DESIGN 5.1 starting values."""

    bout_s: int = 240
    rest_s: int = 120
    target_total_s: int = 900  # DESIGN 5.1: start at 15 min
    rest_position: str = "sit"
    walks_per_week: int = 4
    test_every_days: int = 7
    progression: dict[str, float | int] = field(default_factory=lambda: dict(PROGRESSION_DEFAULTS))

    def plan_form(self) -> dict:
        """As a plan file's ``walking``; progression numbers only where they differ."""
        plan: dict = {
            "bout_s": self.bout_s,
            "rest_s": self.rest_s,
            "target_total_s": self.target_total_s,
            "rest_position": self.rest_position,
            "walks_per_week": self.walks_per_week,
            "test_every_days": self.test_every_days,
        }
        changed = {k: v for k, v in self.progression.items() if v != PROGRESSION_DEFAULTS[k]}
        if changed:
            plan["progression"] = changed
        return plan


@dataclass
class PlanDraft:
    """Everything the therapist tools edit. Ids are made from names unless typed."""

    title: str = ""
    author: str = ""
    clinic: str = ""
    patient: str = ""
    notes: str = ""
    routines: list[RoutineDraft] = field(default_factory=list)
    exercises: list[CustomExercise] = field(default_factory=list)
    include_walking: bool = False
    walking: WalkingDraft = field(default_factory=WalkingDraft)
    builtin_exercise_ids: frozenset[str] = field(
        default_factory=lambda: frozenset(builtin_library())
    )
    builtin_routine_ids: frozenset[str] = field(
        default_factory=lambda: frozenset(builtin_routines())
    )

    @property
    def author_label(self) -> str:
        """``"R. Okafor, PT, Lakeside Physio"``, as the patient sees it."""
        parts = [p.strip() for p in (self.author, self.clinic) if p.strip()]
        return ", ".join(parts)

    def file_name(self) -> str:
        return f"{slug(self.title) or 'plan'}.scplan.json"

    # -- routines -----------------------------------------------------------------------
    def add_routine(self, name: str | None = None) -> int:
        """Add a routine named ``name`` (by default "New routine"); its index."""
        name = _("New routine") if name is None else name
        taken = self._routine_ids()
        self.routines.append(RoutineDraft(unique_slug(name, taken, "routine"), name))
        return len(self.routines) - 1

    def remove_routine(self, index: int) -> None:
        del self.routines[index]

    def rename_routine(self, index: int, name: str) -> None:
        """A new name gives a new id (kept clear of built-in routines, which it would hide)."""
        routine = self.routines[index]
        routine.name = name
        routine.id = unique_slug(name, self._routine_ids(skip=index), "routine")

    def add_step(self, routine: int, exercise: Exercise) -> int:
        steps = self.routines[routine].steps
        steps.append(StepDraft.from_exercise(exercise))
        return len(steps) - 1

    def remove_step(self, routine: int, step: int) -> None:
        del self.routines[routine].steps[step]

    def move_step(self, routine: int, step: int, delta: int) -> int:
        """Move a step up (-1) or down (+1); its new index (unchanged at either end)."""
        steps = self.routines[routine].steps
        target = step + delta
        if not 0 <= target < len(steps):
            return step
        steps[step], steps[target] = steps[target], steps[step]
        return target

    def _routine_ids(self, skip: int | None = None) -> set[str]:
        own = {r.id for i, r in enumerate(self.routines) if i != skip}
        return own | self.builtin_routine_ids

    # -- custom exercises -----------------------------------------------------------------
    def add_exercise(self, name: str | None = None) -> int:
        """Add an exercise of your own named ``name`` (by default "New exercise")."""
        name = _("New exercise") if name is None else name
        taken = self._exercise_ids()
        self.exercises.append(CustomExercise(unique_slug(name, taken, "exercise"), name))
        return len(self.exercises) - 1

    def remove_exercise(self, index: int) -> int:
        """Remove it and every step that uses it; how many steps went."""
        gone = self.exercises.pop(index).id
        removed = 0
        for routine in self.routines:
            kept = [s for s in routine.steps if s.exercise != gone]
            removed += len(routine.steps) - len(kept)
            routine.steps = kept
        return removed

    def uses(self, exercise_id: str) -> int:
        return sum(s.exercise == exercise_id for r in self.routines for s in r.steps)

    def rename_exercise(self, index: int, name: str) -> None:
        exercise = self.exercises[index]
        exercise.name = name
        if not exercise.id_edited:
            self._set_id(index, unique_slug(name, self._exercise_ids(skip=index), "exercise"))

    def exercise_id_problem(self, index: int, text: str) -> str | None:
        """Why ``text`` cannot be this exercise's id, in a plain sentence, or ``None``."""
        if not _SLUG.fullmatch(text):
            return _(
                "The id may use only small letters a to z, digits and hyphens (-), "
                "at most {count} characters."
            ).format(count=SLUG_MAX)
        if text in self.builtin_exercise_ids:
            return _("'{id}' is the id of a built-in exercise. Choose another id.").format(id=text)
        if text in self._exercise_ids(skip=index) - self.builtin_exercise_ids:
            return _("Another of your exercises already has the id '{id}'.").format(id=text)
        return None

    def set_exercise_id(self, index: int, text: str) -> str | None:
        """Take a typed id if it is allowed (else the reason, and nothing changes)."""
        problem = self.exercise_id_problem(index, text)
        if problem is None:
            self.exercises[index].id_edited = True
            self._set_id(index, text)
        return problem

    def instruction_problem(self, text: str) -> str | None:
        count = len(instruction_lines(text))
        if count > MAX_INSTRUCTION_LINES:
            return _(
                "There are {count} lines. Give at most {most} short lines, one step on each."
            ).format(count=count, most=MAX_INSTRUCTION_LINES)
        return None

    def _set_id(self, index: int, new: str) -> None:
        old = self.exercises[index].id
        self.exercises[index].id = new
        for routine in self.routines:
            for step in routine.steps:
                if step.exercise == old:
                    step.exercise = new

    def _exercise_ids(self, skip: int | None = None) -> set[str]:
        own = {e.id for i, e in enumerate(self.exercises) if i != skip}
        return own | self.builtin_exercise_ids

    # -- what is exported ---------------------------------------------------------------------
    def library(self, base: Mapping[str, Exercise]) -> dict[str, Exercise]:
        """``base`` (built-in and imported exercises) with this plan's own exercises."""
        author = self.author_label or None
        return {**base, **{e.id: e.exercise(author) for e in self.exercises}}

    def routine(self, index: int) -> Routine:
        r = self.routines[index]
        return Routine(
            id=r.id,
            name=r.name.strip(),
            steps=tuple(RoutineStep(s.exercise, s.dosing()) for s in r.steps),
            description=r.description.strip(),
            per_week=r.per_week,
            source=Source.THERAPIST,
            author=self.author_label or None,
        )

    def routines_for_export(self) -> list[Routine]:
        return [self.routine(i) for i in range(len(self.routines))]

    def exercises_for_export(self, base: Mapping[str, Exercise]) -> dict[str, Exercise]:
        """Every exercise the routines may name; the plan's own are marked as not built in."""
        return self.library(base)

    def walking_plan(self) -> dict | None:
        return self.walking.plan_form() if self.include_walking else None

    def problems(self) -> list[str]:
        """What stops the plan being exported, in plain sentences (the file check of
        ``write_plan_file`` still has the last word)."""
        found = []
        if not self.title.strip():
            found.append(_("Give the plan a title (in Plan details)."))
        if not self.author.strip():
            found.append(_("Give your name as the author (in Plan details)."))
        if not self.routines and not self.include_walking:
            found.append(_("Add a routine or include a walking plan."))
        for number, routine in enumerate(self.routines, start=1):
            name = routine.name.strip()
            if not name:
                found.append(_("Routine {number} needs a name.").format(number=number))
            if not routine.steps:
                found.append(
                    _("The routine “{routine}” has no exercises yet.").format(
                        routine=name or number
                    )
                )
        for number, exercise in enumerate(self.exercises, start=1):
            name = exercise.name.strip()
            if not name:
                found.append(_("Your exercise {number} needs a name.").format(number=number))
            if not instruction_lines(exercise.instructions):
                found.append(
                    _("Your exercise “{exercise}” needs instructions.").format(
                        exercise=name or number
                    )
                )
        if self.include_walking:
            w = self.walking
            most = w.progression["max_target_s"]
            if w.bout_s > w.target_total_s:
                found.append(_("Each walk cannot be longer than the total walking time."))
            if w.target_total_s > most:
                minutes = decimal_text(Decimal(str(most)) / 60, 2)
                found.append(
                    _(
                        "The total walking time cannot be more than the longest total walking "
                        "time in Advanced ({minutes} minutes)."
                    ).format(minutes=minutes)
                )
        return found
