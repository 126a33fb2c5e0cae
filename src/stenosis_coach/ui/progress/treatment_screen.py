"""Add a treatment event (injection, physiotherapy, medication change…) with its date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLineEdit, QPushButton

from stenosis_coach.core.daily import TreatmentEvent, TreatmentKind
from stenosis_coach.i18n import _
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.form_leave import LeavesAsking, UnsavedEntries, forget_error_when
from stenosis_coach.ui.inputs import DateField
from stenosis_coach.ui.theme import set_kind
from stenosis_coach.ui.widgets import SPACING, ActionRow, PageBase, button, button_row, label


class TreatmentScreen(LeavesAsking, PageBase):
    """Signals: submitted(TreatmentEvent), cancelled() (asked first when something was
    entered)."""

    submitted = Signal(object)
    cancelled = Signal()

    def __init__(self, today: date, dialogs: Dialogs) -> None:
        super().__init__(_("Add a treatment"), pinned_actions=True)
        self.column.addWidget(
            label(
                _(
                    "Treatments show as markers on your progress plots, so you and your "
                    "clinician can see what came after them."
                ),
                "secondary",
            )
        )
        self.kinds = QButtonGroup(self)
        grid = QGridLayout()
        grid.setSpacing(2 * SPACING)
        self.kind_buttons: dict[TreatmentKind, QPushButton] = {}
        for index, kind in enumerate(TreatmentKind):
            btn = QPushButton(kind.label)
            btn.setCheckable(True)
            btn.setAccessibleName(_("Treatment: {kind}").format(kind=kind.label))
            set_kind(btn, "choice")
            self.kinds.addButton(btn)
            self.kind_buttons[kind] = btn
            grid.addWidget(btn, index // 2, index % 2)
        self.column.addWidget(label(_("What was it?"), "section-title"))
        self.column.addLayout(grid)
        self.column.addWidget(label(_("When?"), "section-title"))
        self.day = DateField(_("Date of the treatment"), value=today, maximum=today)  # one stop
        self.column.addLayout(button_row(self.day))
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note"))
        self.note.setPlaceholderText(_("Note (optional), e.g. L4-5, Dr Patel"))
        self.column.addWidget(self.note)
        self.error = label("", "error")
        self.column.addWidget(self.error)
        self.save = button(_("Save"), _("Save the treatment"), "primary")
        self.cancel = button(_("Cancel"), shortcut_hint="Esc")
        self.save.clicked.connect(self._submit)
        self.cancel.clicked.connect(self._leave)
        self.pin(ActionRow(self.save, self.cancel))  # in view at any text size
        self.column.addStretch(1)
        forget_error_when(self.kinds.buttonToggled, self.error)
        self._unsaved = UnsavedEntries(self, dialogs)
        self._unsaved.remember()

    def _submit(self) -> None:
        kind = next((k for k, b in self.kind_buttons.items() if b.isChecked()), None)
        if kind is None:
            self.show_error(_("Choose what the treatment was."))
            return
        q = self.day.date()
        self.submitted.emit(
            TreatmentEvent(date(q.year(), q.month(), q.day()), kind, self.note.text().strip())
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
