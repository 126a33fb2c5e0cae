"""Settings → Reminders: on or off, the time of each, and quiet hours (issue 16).

Self-contained: the Settings page adds :class:`ReminderCard` in one line. Every change
applies at once and is remembered, as everywhere in Settings.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QCheckBox, QGridLayout, QTimeEdit, QWidget

from stenosis_coach import APP_TITLE
from stenosis_coach.core.reminders import ReminderSettings, comes_at, time_text
from stenosis_coach.core.settings import Settings
from stenosis_coach.i18n import N_, _
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.inputs import is_plain_key
from stenosis_coach.ui.tray import tray_available
from stenosis_coach.ui.widgets import SPACING, Card, label

TIME_FORMAT = "HH:mm"
_STEP_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

# (setting, the label beside its box, the box's name for screen readers): shown as _(...).
FIELDS = (
    ("routine", N_("Exercises"), N_("Time of the exercises reminder")),
    ("walk", N_("Walk"), N_("Time of the walk reminder")),
    ("daily_log", N_("Daily log"), N_("Time of the daily log reminder")),
    ("quiet_start", N_("Quiet hours start"), N_("Quiet hours start")),
    ("quiet_end", N_("Quiet hours end"), N_("Quiet hours end")),
)
# What a reminder time in quiet hours means, one whole sentence per item: shown as _(...).
NEVER_COMES = {
    "routine": N_(
        "The exercises reminder at {time} is in quiet hours, so it never comes. Choose "
        "an earlier time, or change the quiet hours."
    ),
    "walk": N_(
        "The walk reminder at {time} is in quiet hours, so it never comes. Choose an "
        "earlier time, or change the quiet hours."
    ),
    "daily_log": N_(
        "The daily log reminder at {time} is in quiet hours, so it never comes. Choose "
        "an earlier time, or change the quiet hours."
    ),
}
COMES_LATER = {
    "routine": N_(
        "The exercises reminder at {time} is in quiet hours, so it comes at {end}, when they end."
    ),
    "walk": N_(
        "The walk reminder at {time} is in quiet hours, so it comes at {end}, when they end."
    ),
    "daily_log": N_(
        "The daily log reminder at {time} is in quiet hours, so it comes at {end}, when they end."
    ),
}


class TimeField(QTimeEdit):
    """A time box that is one Tab stop (as :class:`ui.inputs.DateField`): Tab leaves it,
    arriving the cursor is on the hour, Left and Right move between hour and minutes, Up
    and Down change the part the cursor is in; Ctrl, Alt or Meta never change the time,
    and the mouse wheel changes it only once the box has the focus."""

    def __init__(self, name: str, value: time, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(TIME_FORMAT)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setKeyboardTracking(False)  # typing "1", "5" is 15, not 01 then 15
        self.set_wall(value)

    def wall(self) -> time:
        chosen = self.time()
        return time(chosen.hour(), chosen.minute())

    def set_wall(self, value: time) -> None:
        self.setTime(QTime(value.hour, value.minute))

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.setCurrentSection(QTimeEdit.Section.HourSection)

    def keyPressEvent(self, event) -> None:
        if event.key() in _STEP_KEYS and not is_plain_key(event):
            event.ignore()  # a command key, never a change of time
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:
        if not self.hasFocus():
            event.ignore()
            return
        super().wheelEvent(event)


class ReminderCard(Card):
    """The Reminders section of Settings."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Reminders"), parent=parent)
        self._context = context
        self.enabled_box = QCheckBox(_("Remind me when something is due"))
        self.enabled_box.setAccessibleName(_("Reminders on"))
        self.enabled_box.toggled.connect(lambda on: self._set(on=on))
        self.body.addWidget(self.enabled_box)
        grid = QGridLayout()
        grid.setHorizontalSpacing(2 * SPACING)
        grid.setVerticalSpacing(SPACING)
        self.fields: dict[str, TimeField] = {}
        current = context.settings.reminders
        for row, (name, words, accessible) in enumerate(FIELDS):
            field = TimeField(_(accessible), getattr(current, name))
            field.timeChanged.connect(lambda _t, n=name, f=field: self._set(**{n: f.wall()}))
            caption = label(_(words), wrap=False)
            caption.setBuddy(field)
            grid.addWidget(caption, row, 0)
            grid.addWidget(field, row, 1)
            self.fields[name] = field
        grid.setColumnStretch(2, 1)
        self.body.addLayout(grid)
        self.body.addWidget(
            label(
                _(
                    "The weekly symptom check and the questionnaire come with the exercises "
                    "reminder. There are no reminders in quiet hours, and never twice a day "
                    "for the same thing."
                ),
                "secondary",
            )
        )
        self.problem = label("")
        self.problem.setVisible(False)
        self.body.addWidget(self.problem)
        if tray_available():
            where = _(
                "When you close the window, {app} keeps running with an icon near the "
                "clock, so that reminders can come. Choose Quit in its menu to close it."
            )
        else:
            where = _(
                "Reminders come only while {app} is open. You can leave its window open, "
                "or make it small."
            )
        self.where_note = label(where.format(app=APP_TITLE), "secondary")
        self.body.addWidget(self.where_note)
        self.show_settings(context.settings)
        context.settings_changed.connect(self.show_settings)

    def show_settings(self, settings: Settings) -> None:
        chosen = settings.reminders
        widgets = [self.enabled_box, *self.fields.values()]
        for widget in widgets:
            widget.blockSignals(True)
        self.enabled_box.setChecked(chosen.on)
        for name, field in self.fields.items():
            if field.wall() != getattr(chosen, name):
                field.set_wall(getattr(chosen, name))
        for widget in widgets:
            widget.blockSignals(False)
        for field in self.fields.values():
            field.setEnabled(chosen.on)
        self._say_problems(chosen)

    def _say_problems(self, chosen: ReminderSettings) -> None:
        """A reminder time in quiet hours, said plainly with what it means."""
        lines = []
        for name in ("routine", "walk", "daily_log"):
            wall = getattr(chosen, name)
            comes = comes_at(wall, chosen)
            if comes is None:
                lines.append(_(NEVER_COMES[name]).format(time=time_text(wall)))
            elif comes != wall:
                lines.append(
                    _(COMES_LATER[name]).format(time=time_text(wall), end=time_text(comes))
                )
        self.problem.setText("\n".join(lines))
        self.problem.setVisible(chosen.on and bool(lines))

    def _set(self, **changes: object) -> None:
        current = self._context.settings.reminders
        self._context.update_settings(reminders=current.with_changes(**changes))
