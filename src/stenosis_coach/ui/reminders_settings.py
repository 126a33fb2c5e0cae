"""Settings → Reminders: on or off, the time of each, and quiet hours (issue 16).

Self-contained: the Settings page adds :class:`ReminderCard` in one line. Every change
applies at once and is remembered, as everywhere in Settings.
"""

from __future__ import annotations

import logging
from datetime import time

from PySide6.QtCore import QEvent, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QTimeEdit,
    QWidget,
)

from stenosis_coach import APP_TITLE
from stenosis_coach.core.reminders import (
    ReminderSettings,
    comes_at,
    next_reminder_text,
    time_text,
    typed_time,
)
from stenosis_coach.core.settings import Settings
from stenosis_coach.errors import UserError
from stenosis_coach.i18n import N_, _
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.inputs import COMMAND_MODIFIERS
from stenosis_coach.ui.tray import tray_available
from stenosis_coach.ui.widgets import SPACING, Card, label

log = logging.getLogger(__name__)

TIME_FORMAT = "HH:mm"
MINUTE_MS = 60_000
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


_SEPARATORS = {":", ".", "h"}
_EDIT_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)


class TimeField(QTimeEdit):
    """A time box that is one Tab stop (as :class:`ui.inputs.DateField`): Tab leaves it,
    arriving the hour is selected, Left and Right move between hour and minutes, Up and
    Down change the part the cursor is in; Ctrl, Alt or Meta never change the time, and
    the mouse wheel changes it only once the box has the focus. No tiny arrows: the large
    − and + beside it (:class:`TimeEntry`) are for the mouse. As tall as a button and as
    wide as its text at every text size.

    Typing sets the time as it is typed (core.reminders.typed_time): "1955" or "19:55" is
    19:55, "955" is 09:55, each digit shown at once (Qt's own typing did nothing until Up
    or Down had been pressed, and left half-typed times such as "2:00"). Typing starts on
    arriving, after an arrow key, or after a whole time; Backspace takes back a digit.
    Typed in the minutes (after Right), the digits are the minutes."""

    def __init__(self, name: str, value: time, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(TIME_FORMAT)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Qt's own arrows are too small to hit; with NoButtons a styled box draws no text
        # at all, so the arrows stay and take no room.
        self.setStyleSheet(NO_ARROWS)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._typed = ""  # what was typed since typing started (see the class's words)
        self._before: time | None = None  # the time when typing started
        self._minutes_only = False
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
        self._typed = ""
        if event.reason() != Qt.FocusReason.MouseFocusReason:  # a click places the cursor
            self.setSelectedSection(QTimeEdit.Section.HourSection)

    def focusOutEvent(self, event) -> None:
        self._typed = ""
        super().focusOutEvent(event)

    def keyPressEvent(self, event) -> None:
        text = event.text()
        typing = text.isdigit() or text in _SEPARATORS or event.key() in _EDIT_KEYS
        if event.modifiers() & COMMAND_MODIFIERS:
            if event.key() in _STEP_KEYS or (text and typing) or event.key() in _EDIT_KEYS:
                event.ignore()  # a command key, never a change of time
                return
            super().keyPressEvent(event)
            return
        if typing:
            self._type(text, event.key())
            event.accept()
            return
        if text.isprintable() and text:
            event.accept()  # a letter is no time: nothing changes
            return
        self._typed = ""
        part = {
            Qt.Key.Key_Left: QTimeEdit.Section.HourSection,
            Qt.Key.Key_Home: QTimeEdit.Section.HourSection,
            Qt.Key.Key_Right: QTimeEdit.Section.MinuteSection,
            Qt.Key.Key_End: QTimeEdit.Section.MinuteSection,
        }.get(event.key())
        if part is not None:  # the part is selected: typing replaces it, Up changes it
            self.setSelectedSection(part)
            event.accept()
            return
        super().keyPressEvent(event)

    def _type(self, text: str, key: int) -> None:
        """One key of a time typed (a digit, ":" or Backspace): the time it makes, at once."""
        if not self._typed:
            self._before = self.wall()
            self._minutes_only = self.currentSection() == QTimeEdit.Section.MinuteSection
        if key in _EDIT_KEYS:
            if not self._typed:
                return
            typed = self._typed[:-1]
        elif self._full(self._typed):
            typed = text  # a whole time was typed: a new one starts
            self._before = self.wall()
        else:
            typed = self._typed + text
        wanted = self._read(typed)
        if wanted is None and typed:
            return  # no such time (":" first, "2460"): the last key is left out
        self._typed = typed
        wanted = wanted if wanted is not None else self._before  # all taken back
        if wanted is not None:
            self.set_wall(wanted)
        part = QTimeEdit.Section.MinuteSection
        if not self._minutes_only and not self._hours_done(typed):
            part = QTimeEdit.Section.HourSection
        self.setSelectedSection(part)

    def _read(self, typed: str) -> time | None:
        if not typed:
            return None
        if self._minutes_only:
            if not typed.isdigit() or len(typed) > 2 or int(typed) > 59:
                return None
            before = self._before or self.wall()
            return before.replace(minute=int(typed))
        return typed_time(typed)

    def _full(self, typed: str) -> bool:
        """Is ``typed`` a whole time (the next digit starts a new one)?"""
        if self._minutes_only:
            return len(typed) >= 2
        for separator in _SEPARATORS:
            if separator in typed:
                return len(typed.partition(separator)[2]) >= 2
        return len(typed) >= 4

    @staticmethod
    def _hours_done(typed: str) -> bool:
        """Are the hours of ``typed`` known (what follows is the minutes)?"""
        if any(separator in typed for separator in _SEPARATORS) or len(typed) >= 2:
            return True
        return typed.isdigit() and int(typed) >= 3  # "3" to "9" cannot start an hour

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
        # As tall as the row (the buttons): a time box's own policy is a fixed height, and
        # after a change of text size it was drawn off centre, its bottom edge cut.
        policy = self.field.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Preferred)
        self.field.setSizePolicy(policy)
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
        # "Next reminder: your walk, today at 19:55": what comes next, so that a reminder
        # never goes missing without a word (core.reminders.next_reminder).
        self.next_line = label("")
        self.next_line.setVisible(False)
        self.body.addWidget(self.next_line)
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
                "clock, so that reminders can come. Starting {app} again brings its window "
                "back. To close it completely, choose File, then Quit."
            )
        else:
            where = _(
                "Reminders come only while {app} is open. You can leave its window open, "
                "or make it small."
            )
        self.where_note = label(where.format(app=APP_TITLE), "secondary")
        self.body.addWidget(self.where_note)
        self.show_settings(context.settings)
        # After the reminder timer's own slot (ui/reminders.py, made with the window before
        # this page): what a change passed over is recorded before the next one is said.
        context.settings_changed.connect(self.show_settings)
        context.data_changed.connect(self.show_next)
        context.database_ready.connect(self.show_next)
        self._ticker = QTimer(self)  # what comes next moves on as reminders are shown
        self._ticker.setInterval(MINUTE_MS)
        self._ticker.timeout.connect(self.show_next)

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
        self.show_next()

    def show_next(self) -> None:
        """The next reminder, in words; nothing while reminders are off."""
        chosen = self._context.settings.reminders
        coach = self._context.coach
        text = ""
        if chosen.on and coach is not None and not coach.closed:
            from stenosis_coach.services import reminders as reminders_service

            try:
                paused = coach.safety_status().needs_clearance
                found = reminders_service.next_to_come(
                    coach.paths, coach.due, chosen, coach.now(), coach.tz, paused
                )
            except (UserError, OSError) as exc:
                log.warning("next reminder not worked out: %s", exc)
                found, paused = None, False
            if found is not None:
                text = next_reminder_text(found, coach.now(), coach.tz)
            elif paused:
                text = _("Reminders wait until you have been checked. Today says more.")
            else:
                text = _("No reminder is due in the coming week.")
        self.next_line.setText(text)
        self.next_line.setVisible(bool(text))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.show_next()
        self._ticker.start()

    def hideEvent(self, event) -> None:
        self._ticker.stop()
        super().hideEvent(event)

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
