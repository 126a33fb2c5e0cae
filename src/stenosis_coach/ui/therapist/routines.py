"""The routines being built: the list, the chosen routine's details, its steps and doses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from stenosis_coach.core.exercises.model import Dosing, Exercise
from stenosis_coach.i18n import _, pgettext
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.keys import takes_command_keys
from stenosis_coach.ui.therapist.draft import PlanDraft
from stenosis_coach.ui.therapist.form import (
    BoundedNumber,
    FormGrid,
    fill_list,
    item_list,
    refit,
)
from stenosis_coach.ui.therapist.limits import PER_WEEK
from stenosis_coach.ui.therapist.preview import dose_words, length_text
from stenosis_coach.ui.therapist.step_editor import StepEditor
from stenosis_coach.ui.widgets import SPACING, Card, button, label


def _side_buttons(*buttons: QWidget) -> QVBoxLayout:
    column = QVBoxLayout()
    column.setSpacing(SPACING)
    for widget in buttons:
        column.addWidget(widget)
    column.addStretch(1)
    return column


def step_row(number: int, name: str, dosing: Dosing) -> str:
    """A step in the list: its name, and its dose on a second line."""
    return _("{number}. {exercise}\n{dose}").format(
        number=number, exercise=name, dose=dose_words(dosing)
    )


def no_name() -> str:
    """A routine's line in the list while its name is empty."""
    return _("(no name)")


class RoutinesSection(QWidget):
    """Shows the draft's routines and forwards every edit to it.

    Signals:
        edited(): the draft changed.
        pick_requested(int): choose an exercise to add to this routine (by index).
    """

    edited = Signal()
    pick_requested = Signal(int)

    def __init__(
        self,
        draft: PlanDraft,
        library: Callable[[], dict[str, Exercise]],
        dialogs: Dialogs,
    ) -> None:
        super().__init__()
        self.draft, self._library, self._dialogs = draft, library, dialogs
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3 * SPACING)

        mine = Card(_("Routines in this plan"))
        row = QHBoxLayout()
        row.setSpacing(2 * SPACING)
        self.routine_list = item_list(_("Routines in this plan"), rows=(2, 4))
        self.routine_list.currentRowChanged.connect(self._show_routine)
        self.new_routine = button(_("New routine"))
        self.remove_routine = button(_("Remove routine"), _("Remove the chosen routine"))
        self.new_routine.clicked.connect(self._add_routine)
        self.remove_routine.clicked.connect(self._remove_routine)
        self.none_yet = label(_("No routines yet. Press “New routine” to start one."), "secondary")
        row.addWidget(self.none_yet, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.routine_list, 1)
        row.addLayout(_side_buttons(self.new_routine, self.remove_routine))
        mine.body.addLayout(row)
        self.details = QWidget()
        form = FormGrid()
        form.setContentsMargins(0, SPACING, 0, 0)
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Routine name"))
        self.name.textEdited.connect(self._rename)
        self.description = QLineEdit()
        self.description.setAccessibleName(_("Routine description"))
        self.description.setPlaceholderText(_("One sentence, for example: Gentle stretches lying"))
        self.description.textEdited.connect(self._describe)
        self.per_week = BoundedNumber(PER_WEEK)
        self.per_week.value_changed.connect(self._set_per_week)
        form.add(_("Name"), self.name)
        form.add(_("Description"), self.description, _("Optional."))
        form.add(_("Times a week"), self.per_week, "", self.per_week.error)
        self.details.setLayout(form)
        mine.body.addWidget(self.details)
        column.addWidget(mine)

        self.steps_card = Card(_("Exercises in this routine"))
        self.length = label("", "secondary")
        self.steps_card.body.addWidget(self.length)
        row = QHBoxLayout()
        row.setSpacing(2 * SPACING)
        self.step_list = item_list(_("Exercises in this routine"), rows=(3, 6))
        self.step_list.currentRowChanged.connect(self._show_step)
        self.step_list.installEventFilter(self)
        takes_command_keys(self.step_list, "Alt+Up", "Alt+Down")  # move_step, see below
        self.add_step = button(_("Add an exercise…"), _("Add an exercise to this routine"))
        self.move_up = button(
            _("Move up"), _("Move the exercise up"), shortcut_hint=pgettext("key", "Alt+↑")
        )
        self.move_down = button(
            _("Move down"), _("Move the exercise down"), shortcut_hint=pgettext("key", "Alt+↓")
        )
        self.remove_step = button(
            pgettext("button", "Remove"), _("Remove the exercise from the routine")
        )
        self.add_step.clicked.connect(lambda: self.pick_requested.emit(self.current_routine()))
        self.move_up.clicked.connect(lambda: self.move_step(-1))
        self.move_down.clicked.connect(lambda: self.move_step(+1))
        self.remove_step.clicked.connect(self._remove_step)
        row.addWidget(self.step_list, 1)
        row.addLayout(_side_buttons(self.add_step, self.move_up, self.move_down, self.remove_step))
        self.steps_card.body.addLayout(row)
        # The chosen exercise's dose, right under the list it belongs to.
        self.step_editor = StepEditor()
        self.step_editor.edited.connect(self._step_edited)
        self.steps_card.body.addWidget(self.step_editor)
        column.addWidget(self.steps_card)
        self.refresh()

    # -- showing ----------------------------------------------------------------------
    def current_routine(self) -> int:
        return self.routine_list.currentRow()

    def current_step(self) -> int:
        return self.step_list.currentRow()

    def refresh(self, routine: int | None = None, step: int | None = None) -> None:
        """Redraw from the draft, choosing ``routine`` and ``step`` (default: as before)."""
        routine = self.current_routine() if routine is None else routine
        if self.draft.routines and not 0 <= routine < len(self.draft.routines):
            routine = 0
        rows = [(r.name.strip() or no_name(), r.id) for r in self.draft.routines]
        fill_list(self.routine_list, rows, routine)
        self._show_routine(self.current_routine(), step)

    def _show_routine(self, index: int, step: int | None = None) -> None:
        has = 0 <= index < len(self.draft.routines)
        self.none_yet.setVisible(not self.draft.routines)
        self.routine_list.setVisible(bool(self.draft.routines))
        for part in (self.remove_routine, self.details, self.steps_card):
            part.setVisible(has)
        refit(self)
        if not has:
            fill_list(self.step_list, [])
            self._show_step(-1)
            return
        routine = self.draft.routines[index]
        self.name.setText(routine.name)
        self.description.setText(routine.description)
        self.per_week.show_value(routine.per_week)
        self._fill_steps(0 if step is None else step)

    def _fill_steps(self, step: int) -> None:
        index = self.current_routine()
        routine = self.draft.routines[index]
        library = self._library()
        rows = [
            (step_row(n, library[s.exercise].name, s.dosing()), n)
            for n, s in enumerate(routine.steps, start=1)
        ]
        fill_list(self.step_list, rows, min(step, len(rows) - 1))
        self.length.setText(self._length_text(index, library))
        self._show_step(self.current_step())

    def _length_text(self, index: int, library: dict[str, Exercise]) -> str:
        length = length_text(self.draft, index, library)
        return _("Estimated length: {length}").format(length=length)

    def _show_step(self, step: int) -> None:
        routine = self.current_routine()
        steps = self.draft.routines[routine].steps if routine >= 0 else []
        has = 0 <= step < len(steps)
        self.move_up.setEnabled(has and step > 0)
        self.move_down.setEnabled(has and step < len(steps) - 1)
        self.remove_step.setEnabled(has)
        if has:
            self.step_editor.show_step(steps[step], self._library()[steps[step].exercise].name)
        else:
            self.step_editor.show_step(None)

    def problems(self) -> list[str]:
        found = [p for p in (self.per_week.problem(),) if p and not self.details.isHidden()]
        return found + self.step_editor.problems()

    # -- editing ------------------------------------------------------------------------
    def _add_routine(self) -> None:
        number = len(self.draft.routines) + 1
        index = self.draft.add_routine(_("Routine {number}").format(number=number))
        self.refresh(index)
        self.name.setFocus()
        self.name.selectAll()
        self.edited.emit()

    def _remove_routine(self) -> None:
        index = self.current_routine()
        if index < 0:
            return
        name = self.draft.routines[index].name
        if not self._dialogs.confirm(
            _("Remove this routine?"),
            _("“{routine}” and its exercises will be taken out of this plan.").format(routine=name),
            yes=_("Remove the routine"),
        ):
            return
        self.draft.remove_routine(index)
        self.refresh(min(index, len(self.draft.routines) - 1))
        self.routine_list.setFocus()
        self.edited.emit()

    def _rename(self, text: str) -> None:
        index = self.current_routine()
        self.draft.rename_routine(index, text)
        self.routine_list.item(index).setText(text.strip() or no_name())
        self.edited.emit()

    def _describe(self, text: str) -> None:
        self.draft.routines[self.current_routine()].description = text
        self.edited.emit()

    def _set_per_week(self, value: object) -> None:
        if self.current_routine() >= 0:
            self.draft.routines[self.current_routine()].per_week = int(value)  # type: ignore[arg-type]
            self.edited.emit()

    def add_exercise(self, exercise: Exercise) -> None:
        """Add ``exercise`` (chosen in the picker) at the end of the current routine."""
        step = self.draft.add_step(self.current_routine(), exercise)
        self._fill_steps(step)
        self.step_list.setFocus()
        self.edited.emit()

    def move_step(self, delta: int) -> None:
        step = self.current_step()
        if step < 0:
            return
        moved = self.draft.move_step(self.current_routine(), step, delta)
        if moved != step:
            self._fill_steps(moved)
            self.edited.emit()
        self.step_list.setFocus()

    def _remove_step(self) -> None:
        """Asks first, like removing a routine: a step's dose would be lost (issue 12)."""
        step = self.current_step()
        if step < 0:
            return
        routine = self.draft.routines[self.current_routine()]
        chosen = routine.steps[step]
        name = self._library()[chosen.exercise].name
        dose = dose_words(chosen.dosing())
        routine_name = routine.name.strip()
        if routine_name:
            text = _("“{exercise}” ({dose}) will be taken out of “{routine}”.").format(
                exercise=name, dose=dose, routine=routine_name
            )
        else:
            text = _("“{exercise}” ({dose}) will be taken out of “this routine”.").format(
                exercise=name, dose=dose
            )
        if not self._dialogs.confirm(
            _("Remove this exercise from the routine?"), text, yes=_("Remove the exercise")
        ):
            self.step_list.setFocus()
            return
        self.draft.remove_step(self.current_routine(), step)
        self._fill_steps(step)
        self.step_list.setFocus()
        self.edited.emit()

    def _step_edited(self) -> None:
        self._fill_steps_keep_editor()
        self.edited.emit()

    def _fill_steps_keep_editor(self) -> None:
        """Redraw the step lines and length without refilling the editor being typed in."""
        index = self.current_routine()
        library = self._library()
        for n, s in enumerate(self.draft.routines[index].steps):
            self.step_list.item(n).setText(step_row(n + 1, library[s.exercise].name, s.dosing()))
        self.length.setText(self._length_text(index, library))

    def eventFilter(self, watched, event) -> bool:
        """In the list: Alt+Up/Alt+Down move the exercise, Delete removes it."""
        if watched is self.step_list and event.type() == QEvent.Type.KeyPress:
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_step(-1 if event.key() == Qt.Key.Key_Up else +1)
                return True
            if (
                event.key() == Qt.Key.Key_Delete
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
            ):
                self._remove_step()
                return True
        return False
