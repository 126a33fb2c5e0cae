"""The dose of one routine step: repetitions or a time, sets, hold, rest and sides."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from stenosis_coach.core.exercises.model import Sides
from stenosis_coach.i18n import _
from stenosis_coach.ui.therapist.draft import StepDraft
from stenosis_coach.ui.therapist.form import BoundedNumber, ChoiceRow, FormGrid, refit
from stenosis_coach.ui.therapist.limits import STEP_NUMBERS
from stenosis_coach.ui.widgets import SPACING, label


class StepEditor(QWidget):
    """Edits the :class:`StepDraft` given to :meth:`show_step` in place.

    Signals:
        edited(): the step changed (its line in the list and the length need redrawing).
    """

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, SPACING, 0, 0)
        self.body.setSpacing(2 * SPACING)
        self.title_label = label(_("Dose"), "section-title")
        self.body.addWidget(self.title_label)
        self._step: StepDraft | None = None
        self._name = ""
        self.hint = label(_("Choose an exercise in the list above to set its dose."), "secondary")
        self.body.addWidget(self.hint)
        self.form_holder = QWidget()
        form = FormGrid()
        form.setContentsMargins(0, 0, 0, 0)
        count_by = _("Count by")
        self.count_by = ChoiceRow(count_by, [(False, _("Repetitions")), (True, _("Time"))])
        self.count_by.chosen.connect(self._set_mode)
        form.add(count_by, self.count_by)
        self.numbers: dict[str, BoundedNumber] = {}
        names = {
            "reps": (_("Repetitions in each set"), ""),
            "hold_s": (_("Hold each repetition"), _("Leave empty for no hold.")),
            "duration_s": (_("Time for each set"), _("For example, 600 seconds is 10 minutes.")),
            "sets": (_("Sets"), ""),
            "rest_s": (_("Rest after each set"), _("Also the rest between sides.")),
        }
        self._rows: dict[str, list[QWidget]] = {}
        for key, (words, hint) in names.items():
            field = BoundedNumber(STEP_NUMBERS[key], words)
            field.value_changed.connect(lambda value, k=key: self._set(k, value))
            self.numbers[key] = field
            before = form.count()
            form.add(words, field, hint, field.error)
            self._rows[key] = [form.itemAt(i).widget() for i in range(before, form.count())]
        sides = _("Sides")
        self.sides = ChoiceRow(
            sides, [(Sides.BOTH, _("Both sides")), (Sides.EACH, _("Each side in turn"))]
        )
        self.sides.chosen.connect(self._set_sides)
        form.add(sides, self.sides, _("Both sides: together, or a symmetrical exercise."))
        self.form_holder.setLayout(form)
        self.body.addWidget(self.form_holder)
        self.show_step(None)

    def show_step(self, step: StepDraft | None, name: str = "") -> None:
        """Show ``step`` (``None``: nothing chosen); edits then go into it."""
        self._step, self._name = step, name
        self.title_label.setText(_("Dose: {exercise}").format(exercise=name) if step else _("Dose"))
        self.setAccessibleName(self.title_label.text())
        self.hint.setVisible(step is None)
        self.form_holder.setVisible(step is not None)
        if step is None:
            return
        self.count_by.set_value(step.by_time)
        self.sides.set_value(step.sides)
        for key, field in self.numbers.items():
            field.show_value(getattr(step, key))
        self._show_mode(step.by_time)

    def problems(self) -> list[str]:
        if self._step is None:
            return []
        shown = [f for f in self.numbers.values() if not f.isHidden()]
        return [f.problem() or "" for f in shown if f.problem()]

    def _show_mode(self, by_time: bool) -> None:
        for key, widgets in self._rows.items():
            shown = key == "duration_s" if by_time else key in ("reps", "hold_s")
            if key in ("sets", "rest_s"):
                shown = True
            for widget in widgets:
                if widget is self.numbers[key].error:
                    widget.setVisible(shown and bool(self.numbers[key].problem()))
                else:
                    widget.setVisible(shown)
        refit(self)

    def _set_mode(self, by_time: object) -> None:
        if self._step is None:
            return
        self._step.by_time = bool(by_time)
        # Refilled from the draft: a half-typed value in a row being hidden is dropped.
        self.show_step(self._step, self._name)
        self.edited.emit()

    def _set_sides(self, sides: object) -> None:
        if self._step is not None:
            self._step.sides = Sides(sides)
            self.edited.emit()

    def _set(self, key: str, value: object) -> None:
        if self._step is not None:
            setattr(self._step, key, value)
            self.edited.emit()
