"""How a reminder reaches the desktop (issue 16): a :class:`Notifier`, with a click back.

On Linux the desktop's notification service (org.freedesktop.Notifications on the session
D-Bus; a click is its ActionInvoked "default"), else the tray icon's messages
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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtGui import QGuiApplication

from stenosis_coach import APP_TITLE
from stenosis_coach.core.reminders import Reminder
from stenosis_coach.i18n import pgettext

if TYPE_CHECKING:
    from stenosis_coach.ui.tray import Tray

log = logging.getLogger(__name__)


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
