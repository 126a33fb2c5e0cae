"""Reminders on the desktop (issue 16, DESIGN 5.7): the timer, what a click opens, the tray.

:class:`Reminders` belongs to the main window. With reminders on, a timer asks the Coach
once a minute (and as the data opens) what to remind (core/reminders.py decides), records
it first (so nothing is ever shown twice, even if a second timer or a restart comes), then
shows each through a Notifier (ui/reminders_notify.py). Clicking a notification opens the
app on that item, as its Start button on Today would (a walk: the Walk page, its Start
button ready, so no walk is timed before the patient sets off), unless a walk, a routine
or another screen is open: then the window only comes forward, and nothing is dropped.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from stenosis_coach import APP_TITLE
from stenosis_coach.core.reminders import (
    Reminder,
    ReminderSettings,
    due_reminders,
    next_check,
    time_text,
)
from stenosis_coach.core.today import WALK_ACTION
from stenosis_coach.errors import UserError
from stenosis_coach.i18n import _
from stenosis_coach.services import reminders as reminders_service
from stenosis_coach.ui import tray as tray_module
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.reminders_notify import Notifier, make_notifier

log = logging.getLogger(__name__)

MINUTE_MS = 60_000


class ReminderWindow(Protocol):
    """What :class:`Reminders` uses of the main window (which owns it)."""

    context: AppContext

    @property
    def safety(self) -> Any: ...  # SafetyController: its flow_finished signal

    @property
    def flow(self) -> QWidget | None: ...

    def running_session(self) -> str | None: ...

    def _today_action(self, action: str) -> None: ...

    def open_page(self, key: str) -> QWidget: ...

    # QWidget's own
    def isVisible(self) -> bool: ...
    def isMinimized(self) -> bool: ...
    def show(self) -> None: ...
    def showNormal(self) -> None: ...
    def hide(self) -> None: ...
    def raise_(self) -> None: ...
    def activateWindow(self) -> None: ...
    def close(self) -> bool: ...


def _quit_with_the_last_window() -> None:
    """Qt's default again once the window and its tray are gone."""
    QApplication.setQuitOnLastWindowClosed(True)


class Reminders(QObject):
    """The reminder timer, the tray and what a click opens, for one main window."""

    def __init__(self, window: ReminderWindow) -> None:
        assert isinstance(window, QObject)
        super().__init__(window)
        self._window = window
        self._context = window.context
        self.notifier: Notifier | None = None  # made when the first reminder is shown
        self._hooked: Notifier | None = None  # the notifier whose clicks open items
        self._show_again: tray_module.ShowAgain | None = None
        self.quitting = False
        self.quit_app = QApplication.quit  # tests replace it
        self._ask_after_check = False
        self.tray = tray_module.make_tray(window.context, window)
        if self.tray is not None:
            self.tray.open_requested.connect(self.show_window)
            self.tray.action_requested.connect(self.open_action)
            self.tray.quit_requested.connect(self.quit)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)  # set again after each check: never two running
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(self.check)
        # A change made with no data open is weighed when the data opens, before a check.
        self._context.database_ready.connect(self._settings_changed)
        self._context.database_ready.connect(self.check)  # right after the start
        self.destroyed.connect(_quit_with_the_last_window)
        self._context.settings_changed.connect(self._settings_changed)
        self._before = self._context.settings.reminders  # what a change is compared with
        self._settings_changed()

    # -- checking ------------------------------------------------------------------------
    def check(self) -> list[Reminder]:
        """Show what is to be reminded now (recorded first); then set the timer again."""
        self._schedule()
        settings = self._context.settings.reminders
        coach = self._context.coach
        if not settings.on or coach is None or coach.closed:
            return []
        if self._window.running_session() is not None:
            return []  # not in the middle of a walk or routine: after it
        try:
            shown = coach.reminders_at(settings=settings)
            if shown:
                coach.mark_reminded(shown)
        except (UserError, OSError) as exc:
            log.warning("reminders not checked: %s", exc)
            return []
        if shown:
            log.info("reminded: %s", ", ".join(r.key for r in shown))
            notifier = self._notifier()
            for reminder in shown:
                notifier.notify(reminder)
        return shown

    def _schedule(self) -> None:
        settings = self._context.settings.reminders
        if not settings.on:
            self.timer.stop()
            return
        coach = self._context.coach
        now = self._context.clock.now()
        delay_ms = MINUTE_MS - (now.second * 1000 + now.microsecond // 1000) + 200
        if coach is not None and not coach.closed:
            until = (next_check(now, settings, coach.tz) - now).total_seconds() * 1000
            delay_ms = min(delay_ms, int(until) + 200)
        self.timer.start(max(1000, min(MINUTE_MS, delay_ms)))

    def _settings_changed(self, *_args: object) -> None:
        settings = self._context.settings.reminders
        if settings != self._before and self._pass_over_earlier(self._before, settings):
            self._before = settings
        if settings.on:
            self._schedule()
        else:
            self.timer.stop()
            if self.tray is not None and self._window.isVisible():
                self.tray.hide()
        if settings.on and self.tray is not None:
            self.tray.show()

    def _pass_over_earlier(self, before: ReminderSettings, after: ReminderSettings) -> bool:
        """Reminders just turned on, or a time changed: an item whose (new) time has
        already passed today is not said now (it is on Today) but from tomorrow; one whose
        time is later today still comes today (core.reminders.passed_over). ``False``
        when no data is open (weighed again when it opens)."""
        coach = self._context.coach
        if coach is None or coach.closed:
            return False
        try:
            passed = reminders_service.pass_over(
                coach.paths, coach.due(), before, after, coach.now(), coach.tz
            )
        except (UserError, OSError) as exc:
            log.warning("reminders: %s", exc)
            return True  # said in the log; not tried again at every change
        if passed:
            log.info("reminders: passed over for today: %s", ", ".join(passed))
        return True

    def _notifier(self) -> Notifier:
        if self.notifier is None:
            self.notifier = make_notifier(self.tray)
            self.notifier.setParent(self)
        if self._hooked is not self.notifier:  # a new one (tests set their own)
            self.notifier.clicked.connect(self.open_reminder)
            self._hooked = self.notifier
        return self.notifier

    # -- opening -------------------------------------------------------------------------
    def show_window(self) -> None:
        QApplication.setQuitOnLastWindowClosed(True)
        window = self._window
        if window.isMinimized():
            window.showNormal()
        window.show()
        if QGuiApplication.platformName() != "offscreen":  # it has no stacking to change
            window.raise_()
        window.activateWindow()

    def open_reminder(self, reminder: Reminder) -> None:
        """A notification was clicked: the app on that item, if it is still due."""
        log.info("reminder clicked: %s", reminder.key)
        coach = self._context.coach
        still = coach is not None and not coach.closed
        if still and reminder.key not in {r.key for r in due_reminders(coach.due())}:
            still = False  # done since: Today says what is left
        if still:
            self.open_action(reminder.action)
        else:
            self.show_window()

    def open_action(self, action: str) -> None:
        """The window, on what ``action`` (a Today action) starts; a walk, a routine or
        another screen open stays as it is."""
        self.show_window()
        window = self._window
        if self._context.coach is None or window.flow is not None:
            return
        if window.running_session() is not None:
            return
        if action == WALK_ACTION:
            # The Walk page with "Start the walk" ready: the walk's clock starts when the
            # patient is ready to go, not at a click on a notification.
            window.open_page("walk")
            return
        window._today_action(action)

    # -- closing and quitting ---------------------------------------------------------------
    def close_to_tray(self) -> bool:
        """The window is being closed: with reminders on and a tray, hide it there instead
        (said once) and return ``True``. A walk or routine running closes as before."""
        settings = self._context.settings.reminders
        if self.quitting or self.tray is None or not settings.on:
            return False
        if self._context.coach is None or self._window.running_session() is not None:
            return False
        if not settings.told_tray:
            self._context.dialogs.inform(
                _("{app} keeps running").format(app=APP_TITLE),
                _(
                    "{app} is still running, with its icon near the clock, so that it can "
                    "remind you. To open its window again, start {app} again as you usually "
                    "do, or click the icon. To close it completely, open the window and "
                    "choose File, then Quit (or Quit in the icon's menu)."
                ).format(app=APP_TITLE),
            )
            self._context.update_settings(reminders=settings.with_changes(told_tray=True))
        self.tray.show()
        self._window.hide()
        # Closing another window now (the user guide) must not end the app in the tray.
        QApplication.setQuitOnLastWindowClosed(False)
        return True

    def quit(self) -> None:
        """Close the window for good and end the app (the tray's or File's Quit)."""
        self.quitting = True
        was_open = self._context.coach is not None
        self._window.close()
        if was_open and self._context.coach is not None:
            # Not closed: the patient kept a walk or routine going, or what was recorded
            # still waits for the disk. The app goes on.
            self.quitting = False
            return
        if self.tray is not None:
            self.tray.hide()
        QApplication.setQuitOnLastWindowClosed(True)
        self.quit_app()

    def listen_for_second_start(self) -> None:
        """Started again on the same data (the menu entry clicked while the window is in
        the tray): the window comes forward (ui/tray.py). Called once the window is up."""
        if self._show_again is None:
            self._show_again = tray_module.ShowAgain(self._context.paths, self.show_window, self)

    # -- the question, once ------------------------------------------------------------------
    def ask_after_first_check(self) -> None:
        """After a safety check ends all clear, ask once whether the patient would like
        reminders (DESIGN 5.7: opt-in). Called at start-up (ui/app.py)."""
        if self._ask_after_check:
            return
        self._ask_after_check = True
        self._window.safety.flow_finished.connect(self._maybe_ask)

    def _maybe_ask(self) -> None:
        settings = self._context.settings.reminders
        coach = self._context.coach
        if settings.asked or settings.on or coach is None or coach.closed:  # on: chosen
            return
        status = coach.safety_status()
        if status.first_check_needed or status.needs_clearance or status.pending is not None:
            return  # not after a "yes", nor before a check has been done
        choice = self._context.dialogs.choose(
            _("Would you like reminders?"),
            _(
                "The app can remind you when your walk, your exercises or your daily log "
                "are due, at times you choose. There are no reminders at night. You can "
                "change this in Settings."
            ),
            [_("Yes, remind me"), _("Not now")],
            safe=1,
        )
        on = choice == 0
        chosen = settings.with_changes(asked=True, on=on)
        self._context.update_settings(reminders=chosen)
        if on:
            self._context.dialogs.inform(
                _("Reminders are on"),
                _(
                    "You'll be reminded of your exercises at {exercises}, your walk at "
                    "{walk} and your daily log at {daily_log}, when they are due. Change "
                    "the times in Settings → Reminders."
                ).format(
                    exercises=time_text(chosen.routine),
                    walk=time_text(chosen.walk),
                    daily_log=time_text(chosen.daily_log),
                ),
            )
