"""Settings → Reminders: on or off, the time of each, and quiet hours (issue 16).

Self-contained: the Settings page adds :class:`ReminderCard` in one line. Every change
applies at once and is remembered, as everywhere in Settings.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QEvent, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from stenosis_coach import APP_TITLE
from stenosis_coach.core.reminders import ReminderSettings, comes_at, time_text
from stenosis_coach.core.settings import Settings
from stenosis_coach.i18n import N_, _
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.inputs import is_plain_key
from stenosis_coach.ui.tray import tray_available
from stenosis_coach.ui.widgets import SPACING, Card, label

TIME_FORMAT = "HH:mm"
STEP_MINUTES = 15  # what − and + change a reminder time by
MIN_TARGET = 48  # px: UI.md, the smallest target for a control used with the mouse
NO_ARROWS = "QTimeEdit::up-button, QTimeEdit::down-button { width: 0px; border: none; }"
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
    and the mouse wheel changes it only once the box has the focus. No tiny arrows: the
    large − and + beside it (:class:`TimeEntry`) are for the mouse. As tall as a button
    and as wide as its text at every text size."""

    def __init__(self, name: str, value: time, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(TIME_FORMAT)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Qt's own arrows are too small to hit; with NoButtons a styled box draws no text
        # at all, so the arrows stay and take no room.
        self.setStyleSheet(NO_ARROWS)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_wall(value)
        self._fit()

    def wall(self) -> time:
        chosen = self.time()
        return time(chosen.hour(), chosen.minute())

    def set_wall(self, value: time) -> None:
        self.setTime(QTime(value.hour, value.minute))

    def fitted_height(self) -> int:
        return max(MIN_TARGET, self.fontMetrics().height() + 2 * SPACING + 8)

    def _fit(self) -> None:
        self.setMinimumHeight(self.fitted_height())
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("00:00") + 4 * SPACING + 8)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

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


class TimeEntry(QWidget):
    """A :class:`TimeField` with large − and + buttons (a quarter of an hour each) beside
    it, as :class:`ui.inputs.NumberField` has; the box is the Tab stop."""

    def __init__(self, name: str, value: time) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING)
        self.field = TimeField(name, value)
        self.minus = QPushButton("−")
        self.plus = QPushButton("+")
        # Translators: a screen reader's names for the - and + beside a time box;
        # {field} is the box's name ("Time of the walk reminder: earlier").
        self.minus.setAccessibleName(_("{field}: earlier").format(field=name))
        self.plus.setAccessibleName(_("{field}: later").format(field=name))
        for btn, minutes in ((self.minus, -STEP_MINUTES), (self.plus, STEP_MINUTES)):
            btn.setFixedWidth(64)
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the box has the arrow keys
            btn.clicked.connect(lambda _c=False, m=minutes: self._step(m))
        row.addWidget(self.minus)
        row.addWidget(self.field)
        row.addWidget(self.plus)
        row.addStretch(1)
        self.setFocusProxy(self.field)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._align()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._align()

    def _align(self) -> None:
        """The box as tall as the buttons beside it (their height follows the text size)."""
        self.field.setMinimumHeight(max(self.field.fitted_height(), self.plus.sizeHint().height()))

    def _step(self, minutes: int) -> None:
        self.field.setTime(self.field.time().addSecs(minutes * 60))


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
        self.entries: dict[str, TimeEntry] = {}
        current = context.settings.reminders
        for row, (name, words, accessible) in enumerate(FIELDS):
            entry = TimeEntry(_(accessible), getattr(current, name))
            field = entry.field
            field.timeChanged.connect(lambda _t, n=name, f=field: self._set(**{n: f.wall()}))
            caption = label(_(words), wrap=False)
            caption.setBuddy(field)
            grid.addWidget(caption, row, 0)
            grid.addWidget(entry, row, 1)
            self.fields[name] = field
            self.entries[name] = entry
        grid.setColumnStretch(2, 1)
        self.body.addLayout(grid)
        self.body.addWidget(
            label(
                _(
                    "The weekly safety check and the questionnaire come with the exercises "
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
        for entry in self.entries.values():
            entry.setEnabled(chosen.on)
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
