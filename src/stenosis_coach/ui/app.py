"""Start the desktop app: style and show the window first, then open the data."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from stenosis_coach import APP_NAME, APP_TITLE, __version__
from stenosis_coach.core.clock import Clock, SystemClock
from stenosis_coach.instance_lock import InstanceLock
from stenosis_coach.logging_setup import configure_logging
from stenosis_coach.paths import AppPaths
from stenosis_coach.services.settings_store import load_settings
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.crash import make_excepthook
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.main_window import MainWindow
from stenosis_coach.ui.startup import open_data
from stenosis_coach.ui.theme import apply_theme
from stenosis_coach.ui.widgets import icon

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1180, 820)


def build_window(paths: AppPaths, clock: Clock, dialogs: Dialogs) -> MainWindow:
    """The styled window with its pages; the database is not opened yet."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    settings = load_settings(paths)
    apply_theme(app, settings)
    context = AppContext(paths, settings, clock, dialogs)
    window = MainWindow(context)
    dialogs.parent = window
    return window


def fit_to_screen(window: MainWindow) -> None:
    screen = QGuiApplication.primaryScreen()
    width, height = DEFAULT_SIZE
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width()), min(height, area.height())
    window.resize(width, height)


def run_app(paths: AppPaths, plan_file: str | None = None) -> int:
    paths.ensure()
    configure_logging(paths)
    log.info("starting %s %s with data in %s", APP_NAME, __version__, paths.data_dir)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(icon("stenosis-coach"))

    lock = InstanceLock(paths.lock_file)
    if not lock.acquire():
        QMessageBox.information(None, APP_TITLE,
                                f"{APP_TITLE} is already open. Look for its window.")
        return 1

    dialogs = Dialogs()
    window = build_window(paths, SystemClock(), dialogs)
    sys.excepthook = make_excepthook(paths, dialogs.warn)
    fit_to_screen(window)
    window.show()

    def finish_startup() -> None:
        if not open_data(window.context, window.data_actions):
            window.close()
            app.quit()
            return
        if plan_file:
            dialogs.inform(
                "Plan files",
                f"Opening plan files such as {plan_file} is not available in this "
                "version yet. Your therapist's plan has not been imported.",
            )

    QTimer.singleShot(0, finish_startup)
    try:
        return app.exec()
    finally:
        lock.release()
        log.info("closed")
