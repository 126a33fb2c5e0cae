"""The walking plan (optional): bouts, rests, the session target, how often to walk and test;
the progression numbers wait behind an "Advanced" fold."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from stenosis_coach.i18n import N_, _, decimal_text
from stenosis_coach.services.plans import walking_text
from stenosis_coach.ui.therapist.draft import PlanDraft
from stenosis_coach.ui.therapist.form import BoundedNumber, ChoiceRow, FormGrid, refit
from stenosis_coach.ui.therapist.limits import (
    PROGRESSION_DEFAULTS,
    PROGRESSION_NUMBERS,
    WALK_NUMBERS,
)
from stenosis_coach.ui.widgets import SPACING, Card, button, button_row, label

HINTS = {  # marked; translated where shown
    "bout_s": N_("Walk this long, then rest. Stop before symptoms build."),
    "rest_s": N_("A guide: the patient rests until symptoms ease."),
    "target_total_s": N_("Walking time in one session, rests not counted."),
    "walks_per_week": "",
    "test_every_days": N_("A walking test measures how far things have come."),
}
ADVANCED_NOTE = N_(
    "These numbers steer how the walks grow. They are the app's own design, after walking "
    "programmes for leg artery disease, not numbers from a stenosis trial. Change them only "
    "with a reason."
)


def _number(value: float) -> str:
    """A usual value as the locale writes it: ``0.8``, ``1.1``, ``30``."""
    return decimal_text(Decimal(str(value)).normalize(), 2)


def _percent(fraction: float) -> str:
    return decimal_text(Decimal(str(round(fraction * 100))), 0)


def progression_hints() -> dict[str, str]:
    """What each progression number usually is and does, in the user's language."""
    usual = PROGRESSION_DEFAULTS
    return {
        "bout_fraction": _(
            "Usually {value}: walks last {percent}% of the time symptoms took to come."
        ).format(value=_number(usual["bout_fraction"]), percent=_percent(usual["bout_fraction"])),
        "step_up": _("Usually {value}: each step-up makes the walks {percent}% longer.").format(
            value=_number(usual["step_up"]), percent=_percent(usual["step_up"] - 1)
        ),
        "good_walks_to_step_up": _("Usually {count} good walks in a row.").format(
            count=usual["good_walks_to_step_up"]
        ),
        "flare_pain": _(
            "Usually {value}: a walk this painful or worse shortens the next ones."
        ).format(value=usual["flare_pain"]),
        "max_target_s": _("Usually {minutes} minutes.").format(
            minutes=_number(usual["max_target_s"] / 60)
        ),
        "min_days_between_step_ups": _("Usually {days} days.").format(
            days=usual["min_days_between_step_ups"]
        ),
    }


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
        self.include = QCheckBox(_("Include a walking plan"))
        self.include.setAccessibleName(_("Include a walking plan"))
        self.include.toggled.connect(self._include)
        column.addWidget(self.include, 0, Qt.AlignmentFlag.AlignLeft)

        self.card = Card(_("Walking plan"))
        form = FormGrid()
        self.numbers: dict[str, BoundedNumber] = {}
        for key, spec in WALK_NUMBERS.items():
            field = BoundedNumber(spec)
            field.value_changed.connect(lambda value, k=key: self._set(k, value))
            self.numbers[key] = field
            hint = _(HINTS[key]) if HINTS[key] else ""
            form.add(spec.label, field, hint, field.error)
            if key == "target_total_s":
                rest_by = _("Rest by")
                self.rest_position = ChoiceRow(
                    rest_by, [("sit", _("Sitting down")), ("lean", _("Leaning forward"))]
                )
                self.rest_position.chosen.connect(self._set_rest_position)
                form.add(rest_by, self.rest_position, _("Both open the spinal canal."))
        self.card.body.addLayout(form)
        self.sentence = label("", "secondary")
        self.card.body.addWidget(self.sentence)
        self.advanced_button = button(_("Advanced: show how the walks grow"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.toggled.connect(self._fold)
        self.card.body.addLayout(button_row(self.advanced_button))

        self.advanced = QWidget()
        box = QVBoxLayout(self.advanced)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2 * SPACING)
        box.addWidget(label(_(ADVANCED_NOTE), "secondary"))
        grid = FormGrid()
        self.progression: dict[str, BoundedNumber] = {}
        hints = progression_hints()
        for key, spec in PROGRESSION_NUMBERS.items():
            field = BoundedNumber(spec)
            field.value_changed.connect(lambda value, k=key: self._set_progression(k, value))
            self.progression[key] = field
            grid.add(spec.label, field, hints[key], field.error)
        box.addLayout(grid)
        self.defaults = button(_("Use the usual numbers"), _("Use the usual progression numbers"))
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
        self.sentence.setText(
            _("Your patient will read: “{sentence}”").format(sentence=walking_text(plan))
        )

    def _include(self, on: bool) -> None:
        self.draft.include_walking = on
        self.card.setEnabled(on)
        self.edited.emit()

    def _fold(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        refit(self)
        self.advanced_button.setText(
            _("Advanced: hide how the walks grow")
            if shown
            else _("Advanced: show how the walks grow")
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
