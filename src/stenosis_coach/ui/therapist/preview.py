""" "Preview as the patient sees it": the plan in the words of the patient's import preview.

:func:`preview_lines` is plain Python (tested without widgets); :class:`PreviewSection` shows
the lines, read-only, with the roles of the app's type scale.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QVBoxLayout, QWidget

from stenosis_coach.core.exercises.model import Dosing, Exercise, Sides
from stenosis_coach.core.words import minutes_text
from stenosis_coach.services.exercises import routine_length
from stenosis_coach.services.plans import walking_text
from stenosis_coach.ui.exercises.page import POSITIONS
from stenosis_coach.ui.therapist.draft import PlanDraft
from stenosis_coach.ui.widgets import SPACING, Card, label

NO_TITLE = "(no title yet)"


def dose_words(dosing: Dosing) -> str:
    """A step's dose in plain words: ``"2 sets of 10 times, holding 5 s each, each side"``."""
    if dosing.duration_s is not None:
        secs = dosing.duration_s
        what = f"{secs} s" if secs < 120 else minutes_text(secs)
    else:
        hold = f", holding {dosing.hold_s} s each" if dosing.hold_s else ""
        what = f"{dosing.reps} times{hold}"
    if dosing.sets > 1:
        what = f"{dosing.sets} sets of {what}"
    if dosing.sides is Sides.EACH:
        what += ", each side"
    if dosing.sets > 1 or dosing.sides is Sides.EACH:
        what += f"; rest {dosing.rest_s} s"
    return what


def step_line(number: int, name: str, dosing: Dosing) -> str:
    return f"{number}. {name}: {dose_words(dosing)}"


def length_text(draft: PlanDraft, index: int, library: Mapping[str, Exercise]) -> str:
    """``"about 8 min"``, or a word that there is nothing to time yet."""
    if not draft.routines[index].steps:
        return "no exercises yet"
    return routine_length(draft.routine(index), dict(library))


def preview_lines(draft: PlanDraft, library: Mapping[str, Exercise]) -> list[tuple[str, str]]:
    """``(role, text)`` lines: title, who it is from, each routine with its steps and
    length, the plan's own exercises and the walking plan sentence."""
    lines: list[tuple[str, str]] = [("page-title", draft.title.strip() or NO_TITLE)]
    if draft.author_label:
        lines.append(("secondary", f"From {draft.author_label}"))
    if draft.patient.strip():
        lines.append(("", f"For {draft.patient.strip()}"))
    if draft.notes.strip():
        lines.append(("", draft.notes.strip()))
    for index, routine in enumerate(draft.routines):
        name = routine.name.strip() or "(a routine with no name)"
        length = length_text(draft, index, library)
        lines.append(("section-title", f"{name}, {length}, {routine.per_week} times a week"))
        if routine.description.strip():
            lines.append(("secondary", routine.description.strip()))
        steps = [
            step_line(n, library[s.exercise].name, s.dosing())
            for n, s in enumerate(routine.steps, start=1)
            if s.exercise in library
        ]
        if steps:
            lines.append(("", "\n".join(steps)))
    for exercise in draft.exercises:
        used = draft.uses(exercise.id)
        heading = f"New exercise: {exercise.name.strip() or '(no name)'}"
        lines.append(("section-title", heading))
        where = POSITIONS[exercise.position.value]
        lines.append(("secondary", where if used else f"{where}. Not in a routine, so not sent."))
        made = exercise.exercise()
        text = "\n".join(f"{n}. {step}" for n, step in enumerate(made.steps, start=1))
        if made.cautions:
            text += "\nTake care:\n" + "\n".join(f"•  {c}" for c in made.cautions)
        if text:
            lines.append(("", text))
    walking = draft.walking_plan()
    lines.append(("section-title", "Walking plan"))
    lines.append(("", walking_text(walking) if walking else "No walking plan in this file."))
    return lines


class PreviewSection(QWidget):
    """The read-only preview; call :meth:`show_plan` to redraw it."""

    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2 * SPACING)
        column.addWidget(
            label(
                "This is what your patient will see when they open the file, before they "
                "import it.",
                "secondary",
            )
        )
        self.card = Card()
        self.card.setAccessibleName("Preview of the plan")
        column.addWidget(self.card)
        self._lines: list = []

    def show_plan(self, draft: PlanDraft, library: Mapping[str, Exercise]) -> None:
        for old in self._lines:
            self.card.body.removeWidget(old)
            old.deleteLater()
        self._lines = []
        for role, text in preview_lines(draft, library):
            line = label(text, role or None)
            self.card.body.addWidget(line)
            self._lines.append(line)

    def text(self) -> str:
        return "\n".join(line.text() for line in self._lines)
