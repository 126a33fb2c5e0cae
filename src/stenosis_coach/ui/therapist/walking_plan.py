"""The walking plan (optional): bouts, rests, the session target, how often to walk and test;
the progression numbers wait behind an "Advanced" fold."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from stenosis_coach.services.plans import walking_text
from stenosis_coach.ui.therapist.draft import PlanDraft
from stenosis_coach.ui.therapist.form import BoundedNumber, ChoiceRow, FormGrid, refit
from stenosis_coach.ui.therapist.limits import (
    PROGRESSION_DEFAULTS,
    PROGRESSION_NUMBERS,
    WALK_NUMBERS,
)
from stenosis_coach.ui.widgets import SPACING, Card, button, button_row, label

HINTS = {
    "bout_s": "Walk this long, then rest. Stop before symptoms build.",
    "rest_s": "A guide: the patient rests until symptoms ease.",
    "target_total_s": "Walking time in one session, rests not counted.",
    "walks_per_week": "",
    "test_every_days": "A walking test measures how far things have come.",
}
_USUAL = PROGRESSION_DEFAULTS
PROGRESSION_HINTS = {
    "bout_fraction": f"Usually {_USUAL['bout_fraction']:g}: walks last "
    f"{_USUAL['bout_fraction']:.0%} of the time symptoms took to come.",
    "step_up": f"Usually {_USUAL['step_up']:g}: each step-up makes the walks "
    f"{_USUAL['step_up'] - 1:.0%} longer.",
    "good_walks_to_step_up": f"Usually {_USUAL['good_walks_to_step_up']} good walks in a row.",
    "flare_pain": f"Usually {_USUAL['flare_pain']}: a walk this painful or worse shortens "
    "the next ones.",
    "max_target_s": f"Usually {_USUAL['max_target_s'] / 60:g} minutes.",
    "min_days_between_step_ups": f"Usually {_USUAL['min_days_between_step_ups']} days.",
}
ADVANCED_NOTE = (
    "These numbers steer how the walks grow. They are the app's own design, after walking "
    "programmes for leg artery disease, not numbers from a stenosis trial. Change them only "
    "with a reason."
)


class WalkingSection(QWidget):
    """Shows the draft's walking plan and forwards every edit to it.

    Signals:
        edited(): the draft changed.
    """

    edited = Signal()

    def __init__(self, draft: PlanDraft) -> None:
        super().__init__()
        self.draft = draft
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3 * SPACING)
        self.include = QCheckBox("Include a walking plan")
        self.include.setAccessibleName("Include a walking plan")
        self.include.toggled.connect(self._include)
        column.addWidget(self.include, 0, Qt.AlignmentFlag.AlignLeft)

        self.card = Card("Walking plan")
        form = FormGrid()
        self.numbers: dict[str, BoundedNumber] = {}
        for key, spec in WALK_NUMBERS.items():
            field = BoundedNumber(spec)
            field.value_changed.connect(lambda value, k=key: self._set(k, value))
            self.numbers[key] = field
            form.add(spec.name, field, HINTS[key], field.error)
            if key == "target_total_s":
                self.rest_position = ChoiceRow(
                    "Rest by", [("sit", "Sitting down"), ("lean", "Leaning forward")]
                )
                self.rest_position.chosen.connect(self._set_rest_position)
                form.add("Rest by", self.rest_position, "Both open the spinal canal.")
        self.card.body.addLayout(form)
        self.sentence = label("", "secondary")
        self.card.body.addWidget(self.sentence)
        self.advanced_button = button("Advanced: show how the walks grow")
        self.advanced_button.setCheckable(True)
        self.advanced_button.toggled.connect(self._fold)
        self.card.body.addLayout(button_row(self.advanced_button))

        self.advanced = QWidget()
        box = QVBoxLayout(self.advanced)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2 * SPACING)
        box.addWidget(label(ADVANCED_NOTE, "secondary"))
        grid = FormGrid()
        self.progression: dict[str, BoundedNumber] = {}
        for key, spec in PROGRESSION_NUMBERS.items():
            field = BoundedNumber(spec)
            field.value_changed.connect(lambda value, k=key: self._set_progression(k, value))
            self.progression[key] = field
            grid.add(spec.name, field, PROGRESSION_HINTS[key], field.error)
        box.addLayout(grid)
        self.defaults = button("Use the usual numbers", "Use the usual progression numbers")
        self.defaults.clicked.connect(self._use_defaults)
        box.addLayout(button_row(self.defaults))
        self.advanced.hide()
        self.card.body.addWidget(self.advanced)
        column.addWidget(self.card)
        self.refresh()

    def refresh(self) -> None:
        walking = self.draft.walking
        self.include.setChecked(self.draft.include_walking)
        self.card.setEnabled(self.draft.include_walking)
        for key, field in self.numbers.items():
            field.show_value(getattr(walking, key))
        self.rest_position.set_value(walking.rest_position)
        for key, field in self.progression.items():
            field.show_value(walking.progression[key])
        self._say()

    def problems(self) -> list[str]:
        if not self.draft.include_walking:
            return []
        fields = [*self.numbers.values(), *self.progression.values()]
        return [f.problem() or "" for f in fields if f.problem()]

    def _say(self) -> None:
        plan = self.draft.walking.plan_form()
        self.sentence.setText(f"Your patient will read: “{walking_text(plan)}”")

    def _include(self, on: bool) -> None:
        self.draft.include_walking = on
        self.card.setEnabled(on)
        self.edited.emit()

    def _fold(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        refit(self)
        self.advanced_button.setText(
            "Advanced: hide how the walks grow" if shown else "Advanced: show how the walks grow"
        )

    def _set(self, key: str, value: object) -> None:
        setattr(self.draft.walking, key, value)
        self._say()
        self.edited.emit()

    def _set_rest_position(self, position: object) -> None:
        self.draft.walking.rest_position = str(position)
        self._say()
        self.edited.emit()

    def _set_progression(self, key: str, value: object) -> None:
        self.draft.walking.progression[key] = value  # type: ignore[assignment]
        self.edited.emit()

    def _use_defaults(self) -> None:
        self.draft.walking.progression = dict(PROGRESSION_DEFAULTS)
        for key, field in self.progression.items():
            field.show_value(PROGRESSION_DEFAULTS[key])
        self.edited.emit()
