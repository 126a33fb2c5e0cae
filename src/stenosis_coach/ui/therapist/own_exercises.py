"""The therapist's own exercises: name, id, position, instructions and cautions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from stenosis_coach.core.exercises.model import Position
from stenosis_coach.core.plans.model import MAX_INSTRUCTION_LINES
from stenosis_coach.i18n import _, ngettext
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.therapist.draft import PlanDraft
from stenosis_coach.ui.therapist.form import (
    ChoiceRow,
    FormGrid,
    error_label,
    fill_list,
    item_list,
    refit,
    show_error,
)
from stenosis_coach.ui.therapist.preview import position_text
from stenosis_coach.ui.widgets import SPACING, Card, button, label


def text_box(name: str, lines: int) -> QPlainTextEdit:
    """A plain multi-line box; Tab moves on (it does not type a tab), as in a form."""
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 24)  # then it scrolls
    return box


class OwnExercisesSection(QWidget):
    """Shows the draft's custom exercises and forwards every edit to it.

    Signals:
        edited(): the draft changed.
    """

    edited = Signal()

    def __init__(self, draft: PlanDraft, dialogs: Dialogs) -> None:
        super().__init__()
        self.draft, self._dialogs = draft, dialogs
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3 * SPACING)

        mine = Card(_("Your own exercises"))
        row = QHBoxLayout()
        row.setSpacing(2 * SPACING)
        self.exercise_list = item_list(_("Your own exercises"), rows=(2, 4))
        self.exercise_list.currentRowChanged.connect(self._show)
        self.new_exercise = button(_("New exercise"))
        self.remove_exercise = button(_("Remove exercise"), _("Remove the chosen exercise"))
        self.new_exercise.clicked.connect(self._add)
        self.remove_exercise.clicked.connect(self._remove)
        side = QVBoxLayout()
        side.setSpacing(SPACING)
        side.addWidget(self.new_exercise)
        side.addWidget(self.remove_exercise)
        side.addStretch(1)
        self.none_yet = label(
            _("None yet. Press “New exercise” to write one; then add it to a routine."),
            "secondary",
        )
        row.addWidget(self.none_yet, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.exercise_list, 1)
        row.addLayout(side)
        mine.body.addLayout(row)
        column.addWidget(mine)

        self.details = Card(_("About this exercise"))
        form = FormGrid()
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Exercise name"))
        self.name.textEdited.connect(self._rename)
        self.ident = QLineEdit()
        self.ident.setAccessibleName(_("Exercise id"))
        self.ident.textEdited.connect(self._set_id)
        self.id_error = error_label()
        self.position = ChoiceRow(
            _("Position"), [(p, position_text(p)) for p in Position], columns=2
        )
        self.position.chosen.connect(self._set_position)
        self.instructions = text_box(_("Instructions, one step per line"), 6)
        self.instructions.textChanged.connect(self._set_instructions)
        self.instructions_error = error_label()
        self.cautions = text_box(_("Cautions"), 3)
        self.cautions.textChanged.connect(self._set_cautions)
        form.add(_("Name"), self.name)
        form.add(
            _("Id"),
            self.ident,
            _("Made from the name. Small letters, digits and hyphens only."),
            self.id_error,
        )
        form.add(_("Position"), self.position)
        form.add(
            _("Instructions"),
            self.instructions,
            _("One step per line, at most {count} lines.").format(count=MAX_INSTRUCTION_LINES),
            self.instructions_error,
        )
        form.add(_("Cautions"), self.cautions, _("When to take care or stop. Optional."))
        self.details.body.addLayout(form)
        column.addWidget(self.details)
        self._filling = False
        self.refresh()

    def current(self) -> int:
        return self.exercise_list.currentRow()

    def refresh(self, index: int | None = None) -> None:
        index = self.current() if index is None else index
        if self.draft.exercises and not 0 <= index < len(self.draft.exercises):
            index = 0
        rows = [(self._row_text(e.name), e.id) for e in self.draft.exercises]
        fill_list(self.exercise_list, rows, index)
        self._show(self.current())

    def problems(self) -> list[str]:
        if self.current() < 0:
            return []
        found = [self.id_error.text(), self.instructions_error.text()]
        return [text for text in found if text]

    def _row_text(self, name: str) -> str:
        return name.strip() or _("(no name)")

    def _show(self, index: int) -> None:
        has = 0 <= index < len(self.draft.exercises)
        self.none_yet.setVisible(not self.draft.exercises)
        self.exercise_list.setVisible(bool(self.draft.exercises))
        self.details.setVisible(has)
        self.remove_exercise.setVisible(has)
        refit(self)
        self._filling = True
        if has:
            exercise = self.draft.exercises[index]
            self.name.setText(exercise.name)
            self.ident.setText(exercise.id)
            self.position.set_value(exercise.position)
            self.instructions.setPlainText(exercise.instructions)
            self.cautions.setPlainText(exercise.cautions)
        else:
            for box in (self.name, self.ident, self.instructions, self.cautions):
                box.clear()
        self._filling = False
        show_error(self.id_error, self.ident, None)
        show_error(self.instructions_error, self.instructions, None)

    def _add(self) -> None:
        number = len(self.draft.exercises) + 1
        index = self.draft.add_exercise(_("Exercise {number}").format(number=number))
        self.refresh(index)
        self.name.setFocus()
        self.name.selectAll()
        self.edited.emit()

    def _remove(self) -> None:
        index = self.current()
        if index < 0:
            return
        exercise = self.draft.exercises[index]
        used = self.draft.uses(exercise.id)
        if used:
            text = ngettext(
                "“{exercise}” will be taken out of this plan. It is in {n} routine step, "
                "which go too.",
                "“{exercise}” will be taken out of this plan. It is in {n} routine steps, "
                "which go too.",
                used,
            ).format(exercise=exercise.name, n=used)
        else:
            text = _("“{exercise}” will be taken out of this plan.").format(exercise=exercise.name)
        if not self._dialogs.confirm(
            _("Remove this exercise?"), text, yes=_("Remove the exercise")
        ):
            return
        self.draft.remove_exercise(index)
        self.refresh(min(index, len(self.draft.exercises) - 1))
        self.exercise_list.setFocus()
        self.edited.emit()

    def _rename(self, text: str) -> None:
        index = self.current()
        self.draft.rename_exercise(index, text)
        self.exercise_list.item(index).setText(self._row_text(text))
        if not self.draft.exercises[index].id_edited:
            self.ident.setText(self.draft.exercises[index].id)
            show_error(self.id_error, self.ident, None)
        self.edited.emit()

    def _set_id(self, text: str) -> None:
        problem = self.draft.set_exercise_id(self.current(), text.strip())
        show_error(self.id_error, self.ident, problem)
        if problem is None:
            self.edited.emit()

    def _set_position(self, position: object) -> None:
        self.draft.exercises[self.current()].position = Position(position)
        self.edited.emit()

    def _set_instructions(self) -> None:
        if self._filling or self.current() < 0:
            return
        text = self.instructions.toPlainText()
        problem = self.draft.instruction_problem(text)
        show_error(self.instructions_error, self.instructions, problem)
        if problem is None:
            self.draft.exercises[self.current()].instructions = text
            self.edited.emit()

    def _set_cautions(self) -> None:
        if self._filling or self.current() < 0:
            return
        self.draft.exercises[self.current()].cautions = self.cautions.toPlainText()
        self.edited.emit()
