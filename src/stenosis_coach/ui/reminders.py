"""Reminders on the desktop (issue 16, DESIGN 5.7): the timer, the notifications, the tray.

:class:`Reminders` belongs to the main window. With reminders on, a timer asks the Coach
once a minute (and as the data opens) what to remind (core/reminders.py decides), records
it first (so nothing is ever shown twice, even if a second timer or a restart comes), then
shows each through a :class:`Notifier`. Clicking a notification opens the app on that
item, as its Start button on Today would (a walk: the Walk page, its Start button ready,
so no walk is timed before the patient sets off), unless a walk, a routine or another
screen is open: then the window only comes forward, and nothing is dropped.

Notifiers: on Linux the desktop's notification service (org.freedesktop.Notifications on
the session D-Bus; a click is its ActionInvoked "default"), else the tray icon's messages
(QSystemTrayIcon.showMessage and messageClicked: Windows, macOS, or no D-Bus);
:class:`FakeNotifier` for tests.

PySide6's QtDBus cannot send the ``uint32`` that Notify's second argument must be (a
Python int goes as ``int32``, or ``uint16`` through QDBusArgument, and the service refuses
the call), so the D-Bus notifier speaks D-Bus with jeepney (pure Python), read from Qt's
event loop through a QSocketNotifier.
"""

from __future__ import annotations

import logging
import sys
from collections import deque
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from stenosis_coach import APP_TITLE
from stenosis_coach.core.reminders import (
    Reminder,
    ReminderSettings,
    due_reminders,
    next_check,
)
from stenosis_coach.core.today import WALK_ACTION
from stenosis_coach.errors import UserError
from stenosis_coach.i18n import _, pgettext
from stenosis_coach.ui import tray as tray_module
from stenosis_coach.ui.context import AppContext

if TYPE_CHECKING:
    from stenosis_coach.ui.tray import Tray

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


class Notifier(QObject):
    """Shows a reminder on the desktop.

    Signals:
        clicked(object): the patient clicked the notification of this Reminder.
    """

    clicked = Signal(object)

    def notify(self, reminder: Reminder) -> None:
        raise NotImplementedError


class FakeNotifier(Notifier):
    """For tests: records what was shown; :meth:`click` clicks one."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[Reminder] = []

    def notify(self, reminder: Reminder) -> None:
        self.shown.append(reminder)

    def click(self, reminder: Reminder | None = None) -> None:
        self.clicked.emit(reminder if reminder is not None else self.shown[-1])


class TrayNotifier(Notifier):
    """The tray icon's message balloon (Windows, macOS, or Linux without the service)."""

    def __init__(self, tray: Tray) -> None:
        super().__init__(tray)
        self._tray = tray
        self._last: Reminder | None = None
        tray.icon.messageClicked.connect(self._clicked)

    def notify(self, reminder: Reminder) -> None:
        self._last = reminder  # a balloon shows one at a time: the last is the one seen
        self._tray.show()
        self._tray.icon.showMessage(reminder.title, reminder.text)

    def _clicked(self) -> None:
        if self._last is not None:
            self.clicked.emit(self._last)


NOTIFICATIONS = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"


class DBusNotifier(Notifier):
    """org.freedesktop.Notifications on the session bus. Raises OSError (or KeyError:
    no session bus address) when there is no session bus."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from jeepney import DBusAddress, MatchRule, message_bus
        from jeepney.io.blocking import open_dbus_connection

        self._conn = open_dbus_connection(bus="SESSION")
        self._address = DBusAddress(
            NOTIFICATIONS_PATH, bus_name=NOTIFICATIONS, interface=NOTIFICATIONS
        )
        rule = MatchRule(type="signal", interface=NOTIFICATIONS, path=NOTIFICATIONS_PATH)
        self._conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=2)
        self._signals: deque[Any] = deque(maxlen=64)
        self._filter = self._conn.filter(rule, queue=self._signals)
        self._sent: dict[int, Reminder] = {}
        self._reader = QSocketNotifier(self._conn.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._reader.activated.connect(self._read)

    def notify(self, reminder: Reminder) -> None:
        """Raises OSError when the service does not take it (the caller falls back)."""
        from jeepney import MessageType, new_method_call

        message = new_method_call(
            self._address,
            "Notify",
            "susssasa{sv}i",
            (
                APP_TITLE,
                0,  # replaces nothing
                "stenosis-coach",
                reminder.title,
                reminder.text,
                ["default", pgettext("button", "Open")],
                _hints(),
                -1,  # the service's usual time on screen
            ),
        )
        try:
            reply = self._conn.send_and_get_reply(message, timeout=3)
        except TimeoutError as exc:
            raise OSError("the notification service did not answer") from exc
        if reply.header.message_type is MessageType.error:
            raise OSError(f"the notification service refused: {reply.body!r}")
        self._sent[int(reply.body[0])] = reminder
        self._handle()  # signals read while waiting for the reply

    def _read(self) -> None:
        while True:
            try:
                self._conn.recv_messages(timeout=0)
            except TimeoutError:
                break
            except (OSError, ValueError) as exc:
                log.warning("notification service connection lost: %s", exc)
                self._reader.setEnabled(False)
                break
        self._handle()

    def _handle(self) -> None:
        while self._signals:
            message = self._signals.popleft()
            member = message.header.fields.get(_member_field())
            body = message.body
            if member == "ActionInvoked" and len(body) == 2:
                reminder = self._sent.get(int(body[0]))
                if reminder is not None and body[1] == "default":
                    self.clicked.emit(reminder)
            elif member == "NotificationClosed" and body:
                self._sent.pop(int(body[0]), None)


def _hints() -> dict[str, tuple[str, str]]:
    """The desktop entry (set by ui/app.py) lets the desktop show the app's name and icon."""
    hints = {"category": ("s", "reminder")}
    desktop = QGuiApplication.desktopFileName()
    if desktop:
        hints["desktop-entry"] = ("s", desktop)
    return hints


def _member_field() -> Any:
    from jeepney import HeaderFields

    return HeaderFields.member


class FallingBackNotifier(Notifier):
    """The first notifier that works: the desktop's service, then the tray's balloon."""

    def __init__(self, notifiers: list[Notifier]) -> None:
        super().__init__()
        self._notifiers = notifiers
        for notifier in notifiers:
            notifier.clicked.connect(self.clicked)

    def notify(self, reminder: Reminder) -> None:
        while self._notifiers:
            try:
                self._notifiers[0].notify(reminder)
                return
            except OSError as exc:
                log.warning("notifications: %s; trying the next way", exc)
                self._notifiers.pop(0)
        log.warning("no way to show a reminder on this desktop: %s", reminder.key)


def make_notifier(tray: Tray | None) -> Notifier:
    """The desktop's notifications (Linux, with a session bus), then the tray's."""
    ways: list[Notifier] = []
    if sys.platform.startswith("linux"):
        try:
            ways.append(DBusNotifier())
        except Exception as exc:  # no session bus, no jeepney: the tray's balloon then
            log.info("no D-Bus notifications: %s", exc)
    if tray is not None:
        ways.append(TrayNotifier(tray))
    return FallingBackNotifier(ways)


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
        self._context.database_ready.connect(self.check)  # right after the start
        self.destroyed.connect(_quit_with_the_last_window)
        self._context.settings_changed.connect(self._settings_changed)
        self._was_on = self._context.settings.reminders.on
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
        if settings.on and not self._was_on:
            self._pass_over_earlier(settings)
        self._was_on = settings.on
        if settings.on:
            self._schedule()
        else:
            self.timer.stop()
            if self.tray is not None and self._window.isVisible():
                self.tray.hide()
        if settings.on and self.tray is not None:
            self.tray.show()

    def _pass_over_earlier(self, settings: ReminderSettings) -> None:
        """Reminders just turned on: what they would have said earlier today is not said
        now all at once (it is on Today); each comes from its next time on."""
        coach = self._context.coach
        if coach is None or coach.closed:
            return
        try:
            coach.mark_reminded(coach.reminders_at(settings=settings))
        except (UserError, OSError) as exc:
            log.warning("reminders: %s", exc)

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
                    "remind you. To open it again, click the icon. To close it completely, "
                    "choose Quit in the icon's menu or in the File menu."
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
        if settings.asked or coach is None or coach.closed:
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
        self._context.update_settings(reminders=settings.with_changes(asked=True, on=on))
