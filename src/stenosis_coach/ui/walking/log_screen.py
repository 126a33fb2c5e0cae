"""Log a walk done elsewhere (outdoors, with a watch) in under a minute, or correct one."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.i18n import _
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.form_leave import LeavesAsking, UnsavedEntries, forget_error_when
from stenosis_coach.ui.inputs import DateField, NumberField, RatingScale
from stenosis_coach.ui.theme import set_kind
from stenosis_coach.ui.widgets import SPACING, ActionRow, PageBase, button, button_row, label


class LogWalkScreen(LeavesAsking, PageBase):
    """The diary fields (DESIGN 4.3) as a form.

    Signals:
        submitted(WalkForm): the user pressed Save; the owner validates and stores it,
            and calls :meth:`show_problems` if a value is bad.
        cancelled(): the user left without saving (asked first when something was
            entered).
    """

    submitted = Signal(object)
    cancelled = Signal()

    def __init__(self, today: date, dialogs: Dialogs, form: WalkForm | None = None) -> None:
        super().__init__(_("Correct a walk") if form else _("Log a walk"), pinned_actions=True)
        self._today = today
        self.column.addWidget(
            label(
                _(
                    "For a walk you did away from the computer. Only minutes walked and "
                    "leg pain are needed."
                ),
                "secondary",
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(3 * SPACING)
        grid.setVerticalSpacing(2 * SPACING)
        self._errors: dict[str, QWidget] = {}
        row = 0

        def add(field: str, title: str, widget: QWidget, hint: str = "") -> None:
            nonlocal row
            grid.addWidget(label(title), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, row, 1)
            error = label("", "error")
            error.hide()
            self._errors[field] = error
            row += 1
            if hint:
                grid.addWidget(label(hint, "secondary"), row, 1)
                row += 1
            grid.addWidget(error, row, 1)
            row += 1

        self.kind_training = QPushButton(_("Training walk"))
        self.kind_test = QPushButton(_("Walking test"))
        self._kind_group = QButtonGroup(self)
        for btn in (self.kind_training, self.kind_test):
            btn.setCheckable(True)
            set_kind(btn, "choice")
            self._kind_group.addButton(btn)
        kinds = QWidget()
        kinds.setLayout(button_row(self.kind_training, self.kind_test))
        kinds.setAccessibleName(_("Kind of walk"))
        add("kind", _("Kind of walk"), kinds)

        self.day = DateField(_("Date of the walk"), maximum=today)  # one Tab stop
        self.today_button = button(_("Today"))
        self.yesterday_button = button(_("Yesterday"))
        self.today_button.clicked.connect(lambda: self._set_day(self._today))
        self.yesterday_button.clicked.connect(
            lambda: self._set_day(self._today - timedelta(days=1))
        )
        days = QWidget()
        days.setLayout(button_row(self.day, self.today_button, self.yesterday_button))
        add("day", _("Date"), days)

        minutes = _("min")
        self.walking = NumberField(_("Minutes walked"), step=1, maximum=180, unit=minutes)
        add(
            "walking_min",
            _("Minutes walked"),
            self.walking,
            _("Walking time only, without rests."),
        )
        self.symptoms = NumberField(
            _("Minutes until symptoms"), step=0.5, maximum=180, unit=minutes
        )
        add(
            "symptoms_min",
            _("Minutes until symptoms"),
            self.symptoms,
            _("Leave empty if symptoms did not come."),
        )
        self.rests = NumberField(_("Rests"), step=1, maximum=50, decimals=0)
        add("rests", _("Rests taken"), self.rests)
        self.pain = RatingScale(_("Worst leg pain"))
        add("peak_leg_pain", _("Worst leg pain (0 to 10)"), self.pain)
        self.distance = NumberField(
            _("Distance in metres"), step=100, maximum=100000, unit=_("metres"), decimals=0
        )
        add("distance_m", _("Distance (if you know it)"), self.distance)
        self.notes = QLineEdit()
        self.notes.setAccessibleName(_("Notes"))
        self.notes.setPlaceholderText(_("For example: hilly, cold, walked with a friend"))
        add("notes", _("Notes"), self.notes)
        self.column.addLayout(grid)

        self.save = button(_("Save the walk"), kind="primary")
        self.cancel = button(_("Cancel"), shortcut_hint="Esc")
        self.save.clicked.connect(self._submit)
        self.cancel.clicked.connect(self._leave)
        self.pin(ActionRow(self.save, self.cancel))
        self.column.addStretch(1)
        self.fill(form or WalkForm(kind=WalkKind.TRAINING, day=today, walking_min=""))
        self.setFocusProxy(self.walking)
        edits = {
            "kind": self._kind_group.buttonToggled,
            "day": self.day.dateChanged,
            "walking_min": self.walking.changed,
            "symptoms_min": self.symptoms.changed,
            "rests": self.rests.changed,
            "peak_leg_pain": self.pain.rated,
            "distance_m": self.distance.changed,
            "notes": self.notes.textChanged,
        }
        for field, edited in edits.items():
            forget_error_when(edited, self._errors[field])
        self._unsaved = UnsavedEntries(self, dialogs)
        self._unsaved.remember()

    def fill(self, form: WalkForm) -> None:
        (self.kind_test if form.kind is WalkKind.TEST else self.kind_training).setChecked(True)
        self._set_day(form.day)
        self.walking.set_text(form.walking_min)
        self.symptoms.set_text(form.symptoms_min)
        self.rests.set_text("" if form.rests is None else str(form.rests))
        self.pain.set_value(form.peak_leg_pain)
        self.distance.set_text(form.distance_m)
        self.notes.setText(form.notes)

    def form(self) -> WalkForm:
        qdate = self.day.date()
        return WalkForm(
            kind=WalkKind.TEST if self.kind_test.isChecked() else WalkKind.TRAINING,
            day=date(qdate.year(), qdate.month(), qdate.day()),
            walking_min=self.walking.text(),
            symptoms_min=self.symptoms.text(),
            rests=self.rests.text() or None,  # read (and explained) by walk_from_form
            peak_leg_pain=self.pain.value(),
            distance_m=self.distance.text(),
            notes=self.notes.text(),
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        for field, error in self._errors.items():
            text = problems.get(field, "")
            error.setText(text)
            error.setVisible(bool(text))
        first = next((f for f in self._errors if f in problems), None)
        targets = {
            "walking_min": self.walking,
            "symptoms_min": self.symptoms,
            "rests": self.rests,
            "peak_leg_pain": self.pain.buttons[0],
            "distance_m": self.distance,
            "day": self.day,
        }
        if first in targets:
            targets[first].setFocus()
            self.bring_into_view(self._errors[first], targets[first])

    def _set_day(self, day: date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))

    def _submit(self) -> None:
        self.submitted.emit(self.form())
