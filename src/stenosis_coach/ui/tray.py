"""The tray icon: keeps the app in reach with its window closed (issue 16, DESIGN 5.7).

Its menu: "Open Stenosis Coach", what Today lists now (the same items, from the same due
function, so the tray and Today agree), and "Quit". Made only when the desktop has a tray
(:func:`tray_available`); tests give a :class:`FakeTrayIcon` (the offscreen platform has
no tray, and a real icon there logs Qt warnings).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from stenosis_coach import APP_TITLE
from stenosis_coach.i18n import _
from stenosis_coach.ui.widgets import icon

if TYPE_CHECKING:
    from stenosis_coach.paths import AppPaths
    from stenosis_coach.ui.context import AppContext

log = logging.getLogger(__name__)


def tray_available() -> bool:
    """Does the desktop show tray icons now?"""
    return QSystemTrayIcon.isSystemTrayAvailable()


def make_icon(parent: QObject) -> Any:
    """The real tray icon, with the app's icon."""
    return QSystemTrayIcon(icon("stenosis-coach"), parent)


class FakeTrayIcon(QObject):
    """A tray icon for tests: what QSystemTrayIcon offers the app, recorded.

    Signals:
        activated(object): a click on the icon (a QSystemTrayIcon.ActivationReason).
        messageClicked(): the last message shown was clicked.
    """

    activated = Signal(object)
    messageClicked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu: QMenu | None = None
        self.tooltip = ""
        self.visible = False
        self.messages: list[tuple[str, str]] = []

    def setContextMenu(self, menu: QMenu) -> None:
        self.menu = menu

    def setToolTip(self, text: str) -> None:
        self.tooltip = text

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def isVisible(self) -> bool:
        return self.visible

    def showMessage(self, title: str, text: str, *args: Any) -> None:
        self.messages.append((title, text))


class Tray(QObject):
    """The icon and its menu; the window's owner (ui/reminders.py) acts on its signals.

    Signals:
        open_requested(): "Open Stenosis Coach", or a click on the icon.
        action_requested(str): one of Today's items was chosen (its Today action).
        quit_requested(): "Quit".
    """

    open_requested = Signal()
    action_requested = Signal(str)
    quit_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self.menu = QMenu(parent)
        self.menu.setAccessibleName(APP_TITLE)
        self.menu.aboutToShow.connect(self.refresh)
        self.icon = make_icon(self)
        self.icon.setToolTip(APP_TITLE)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.refresh()

    def open_window(self) -> None:
        self.open_requested.emit()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def refresh(self) -> None:
        """The menu as Today is now: each due item opens it, as its Start button does."""
        self.menu.clear()
        opening = QAction(_("Open {app}").format(app=APP_TITLE), self.menu)
        opening.triggered.connect(self.open_requested)
        self.menu.addAction(opening)
        coach = self._context.coach
        items = coach.today().items if coach is not None and not coach.closed else ()
        if items:
            self.menu.addSeparator()
        for item in items:
            entry = QAction(item.title, self.menu)
            if item.action:
                entry.triggered.connect(
                    lambda _checked=False, action=item.action: self.action_requested.emit(action)
                )
            else:  # several answers (Carry on / Start again): they are on Today
                entry.triggered.connect(self.open_requested)
            self.menu.addAction(entry)
        self.menu.addSeparator()
        leaving = QAction(_("Quit"), self.menu)
        leaving.triggered.connect(self.quit_requested)
        self.menu.addAction(leaving)

    def _activated(self, reason: object) -> None:
        # A left click (or a double click) opens the window; the menu is on the right click.
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()


def make_tray(context: AppContext, parent: QWidget) -> Tray | None:
    """The tray when the desktop has one, else ``None`` (closing the window then quits)."""
    return Tray(context, parent) if tray_available() else None


# -- a second start while the window is in the tray -------------------------------------------
# The instance lock lets one window open a data folder. With the window hidden in the tray,
# "already open, look for its window" would send the patient looking for a window that is
# not there: the second start asks the running app to bring its window back instead.


def _server_name(paths: AppPaths) -> str:
    import hashlib  # OpenSSL, loaded here: not before the window's first paint

    digest = hashlib.sha256(str(paths.data_dir).encode("utf-8")).hexdigest()[:16]
    return f"stenosis-coach-{digest}"


class ShowAgain(QObject):
    """Listens (a local socket, this user only) for a second start on the same data
    folder, and calls ``show`` when one comes."""

    def __init__(self, paths: AppPaths, show: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self._show = show
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = _server_name(paths)
        QLocalServer.removeServer(name)  # one left by an app that died: this app holds the lock
        if not self._server.listen(name):
            log.info("no second-start listener: %s", self._server.errorString())
        self._server.newConnection.connect(self._connected)

    def _connected(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.disconnected.connect(connection.deleteLater)
            connection.disconnectFromServer()
        log.info("started again: the window comes forward")
        self._show()


def ask_running_app_to_show(paths: AppPaths, timeout_ms: int = 1000) -> bool:
    """A second start: ask the app that has ``paths`` open to show its window; ``True``
    when it was asked (nothing more to do), ``False`` when no app listens."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(_server_name(paths))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(b"show\n")
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True
