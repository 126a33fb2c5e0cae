""" "Preview as the patient sees it": the plan in the words of the patient's import preview.

:func:`preview_lines` is plain Python (tested without widgets); :class:`PreviewSection` shows
the lines, read-only, with the roles of the app's type scale.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QVBoxLayout, QWidget

from stenosis_coach.core.exercises.model import Dosing, Exercise, Position, Sides
from stenosis_coach.core.words import minutes_text
from stenosis_coach.i18n import N_, _, ngettext
from stenosis_coach.services.exercises import routine_length
from stenosis_coach.services.plans import walking_text
from stenosis_coach.ui.exercises.page import POSITIONS
from stenosis_coach.ui.therapist.draft import PlanDraft
from stenosis_coach.ui.widgets import SPACING, Card, label

NO_TITLE = N_("(no title yet)")


def position_text(position: Position) -> str:
    """Where an exercise is done ("Lying down"), in the user's language."""
    return _(POSITIONS[position.value])


def dose_words(dosing: Dosing) -> str:
    """A step's dose in plain words: ``"2 sets of 10 times, holding 5 s each, each side"``.
    Each part is a phrase of its own, with what it adds to as a placeholder."""
    if dosing.duration_s is not None:
        secs = dosing.duration_s
        what = _("{seconds} s").format(seconds=secs) if secs < 120 else minutes_text(secs)
    else:
        reps = dosing.reps or 0
        what = ngettext("{n} time", "{n} times", reps).format(n=reps)
        if dosing.hold_s:
            what = _("{times}, holding {seconds} s each").format(times=what, seconds=dosing.hold_s)
    if dosing.sets > 1:
        what = ngettext("{n} set of {dose}", "{n} sets of {dose}", dosing.sets).format(
            n=dosing.sets, dose=what
        )
    if dosing.sides is Sides.EACH:
        what = _("{dose}, each side").format(dose=what)
    if dosing.sets > 1 or dosing.sides is Sides.EACH:
        what = _("{dose}; rest {seconds} s").format(dose=what, seconds=dosing.rest_s)
    return what


def step_line(number: int, name: str, dosing: Dosing) -> str:
    return _("{number}. {exercise}: {dose}").format(
        number=number, exercise=name, dose=dose_words(dosing)
    )


def length_text(draft: PlanDraft, index: int, library: Mapping[str, Exercise]) -> str:
    """``"about 8 min"``, or a word that there is nothing to time yet."""
    if not draft.routines[index].steps:
        return _("no exercises yet")
    return routine_length(draft.routine(index), dict(library))


def preview_lines(draft: PlanDraft, library: Mapping[str, Exercise]) -> list[tuple[str, str]]:
    """``(role, text)`` lines: title, who it is from, each routine with its steps and
    length, the plan's own exercises and the walking plan sentence."""
    lines: list[tuple[str, str]] = [("page-title", draft.title.strip() or _(NO_TITLE))]
    if draft.author_label:
        lines.append(("secondary", _("From {author}").format(author=draft.author_label)))
    if draft.patient.strip():
        lines.append(("", _("For {patient}").format(patient=draft.patient.strip())))
    if draft.notes.strip():
        lines.append(("", draft.notes.strip()))
    for index, routine in enumerate(draft.routines):
        name = routine.name.strip() or _("(a routine with no name)")
        length = length_text(draft, index, library)
        heading = ngettext(
            "{routine}, {length}, {n} time a week",
            "{routine}, {length}, {n} times a week",
            routine.per_week,
        ).format(routine=name, length=length, n=routine.per_week)
        lines.append(("section-title", heading))
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
        name = exercise.name.strip() or _("(no name)")
        lines.append(("section-title", _("New exercise: {exercise}").format(exercise=name)))
        where = position_text(exercise.position)
        if not used:
            where = _("{position}. Not in a routine, so not sent.").format(position=where)
        lines.append(("secondary", where))
        made = exercise.exercise()
        text = "\n".join(f"{n}. {step}" for n, step in enumerate(made.steps, start=1))
        if made.cautions:
            text += "\n" + _("Take care:") + "\n" + "\n".join(f"•  {c}" for c in made.cautions)
        if text:
            lines.append(("", text))
    walking = draft.walking_plan()
    lines.append(("section-title", _("Walking plan")))
    lines.append(("", walking_text(walking) if walking else _("No walking plan in this file.")))
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
                _(
                    "This is what your patient will see when they open the file, before they "
                    "import it."
                ),
                "secondary",
            )
        )
        self.card = Card()
        self.card.setAccessibleName(_("Preview of the plan"))
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
