"""Start the desktop app: style and show the window first, then open the data."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from stenosis_coach import APP_NAME, APP_TITLE, __version__
from stenosis_coach.core.clock import Clock, SystemClock
from stenosis_coach.instance_lock import InstanceLock
from stenosis_coach.logging_setup import configure_logging
from stenosis_coach.paths import AppPaths
from stenosis_coach.services.settings_store import load_settings
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.crash import make_excepthook
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.file_open import PlanFileOpener
from stenosis_coach.ui.keys import install_enter_presses
from stenosis_coach.ui.main_window import MainWindow
from stenosis_coach.ui.startup import open_data
from stenosis_coach.ui.theme import apply_theme
from stenosis_coach.ui.widgets import icon

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1180, 820)
# Set to the launcher's time.time() to have the app report its start-up times on stderr
# and quit once interactive (used by bench/startup.py and the packaged-app smoke test).
PROBE_ENV = "STENOSIS_COACH_STARTUP_PROBE"
DESKTOP_ID = "io.github.stenosiscoach.StenosisCoach"  # packaging/linux/*.desktop


class StartupProbe(QObject):
    """Reports seconds from launch to the first painted widget and to interactive."""

    def __init__(self, launched_at: float) -> None:
        super().__init__()
        self.launched_at = launched_at
        self.first_paint: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.first_paint is None and event.type() == QEvent.Type.Paint:
            self.first_paint = time.time() - self.launched_at
        return False

    def interactive(self) -> None:
        ready = time.time() - self.launched_at
        print(
            f"startup-probe first_paint={self.first_paint:.4f} interactive={ready:.4f}",
            file=sys.stderr,
            flush=True,
        )
        QTimer.singleShot(0, QApplication.quit)


class _FirstPaint(QObject):
    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self._callback)  # after this frame has been flushed
        return False


def call_after_first_paint(app: QApplication, callback: Callable[[], None]) -> None:
    watcher = _FirstPaint(callback)
    watcher.setParent(app)
    app.installEventFilter(watcher)


def tune_garbage_collector() -> None:
    """Years of history are read as tens of thousands of small objects; Python's default
    young-generation threshold (700) would run a collection every few hundred of them.
    Objects made at start-up are frozen out of collection, and collections run less often
    (measured: the progress page's data on 10 years, median 123 -> 100 ms, and steadier)."""
    gc.freeze()
    gc.set_threshold(20_000, 10, 10)


def after_safety(window: MainWindow, then: Callable[[], None]) -> None:
    """Run ``then`` now, or once the safety screen showing (first run, a check left
    unanswered) has been answered: safety always comes first."""
    if window.flow is None:
        then()
        return

    def later() -> None:
        window.safety.flow_finished.disconnect(later)
        then()

    window.safety.flow_finished.connect(later)


def resume_kept_walks(window: MainWindow) -> None:
    """Ask the leg pain of walks a crash cut short, once no safety screen is showing."""
    kept, window.context.kept_walks = window.context.kept_walks, []
    if kept:
        window.page("walk")
        after_safety(window, lambda: window.walking.finish_interrupted(kept))


def build_window(paths: AppPaths, clock: Clock, dialogs: Dialogs) -> MainWindow:
    """The styled window with its pages; the database is not opened yet."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    settings = load_settings(paths)
    apply_theme(app, settings)
    install_enter_presses(app)  # Enter presses the focused button, as Space does
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
    app.setDesktopFileName(DESKTOP_ID)  # Wayland matches the window to the menu entry
    app.setWindowIcon(icon("stenosis-coach"))
    plan_opener = PlanFileOpener(app)  # macOS: a double-clicked plan file
    app.installEventFilter(plan_opener)

    lock = InstanceLock(paths.lock_file)
    if not lock.acquire():
        # Styled like the window would be: the saved text size and colours.
        apply_theme(app, load_settings(paths))
        Dialogs().inform(APP_TITLE, f"{APP_TITLE} is already open. Look for its window.")
        return 1

    probe = None
    if os.environ.get(PROBE_ENV):
        probe = StartupProbe(float(os.environ[PROBE_ENV]))
        app.installEventFilter(probe)

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
        window.plans.preload()  # a clinic pack, at first run
        window.safety.on_startup()  # first run, or a check a crash left unanswered
        tune_garbage_collector()
        resume_kept_walks(window)
        if plan_file:
            after_safety(window, lambda: window.plans.import_files([Path(plan_file)]))
        plan_opener.ready(
            lambda path: after_safety(window, lambda: window.plans.import_files([path]))
        )
        if probe is not None:
            QTimer.singleShot(0, probe.interactive)  # after the page has been filled

    # Open the data only once the window has been painted: the user sees the app at once.
    call_after_first_paint(app, finish_startup)
    try:
        return app.exec()
    finally:
        lock.release()
        log.info("closed")
