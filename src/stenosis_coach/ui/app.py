"""Start the desktop app: style and show the window first, then open the data."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QRect, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from stenosis_coach import APP_NAME, APP_TITLE, __version__, i18n
from stenosis_coach.core.clock import Clock, SystemClock
from stenosis_coach.core.settings import DEFAULT_WINDOW_SIZE, fit_window
from stenosis_coach.i18n import _
from stenosis_coach.instance_lock import InstanceLock
from stenosis_coach.paths import AppPaths
from stenosis_coach.resources import resource_path
from stenosis_coach.services.settings_store import load_settings
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.file_open import PlanFileOpener
from stenosis_coach.ui.main_window import MainWindow
from stenosis_coach.ui.startup import open_data, prepare_folders
from stenosis_coach.ui.theme import apply_theme
from stenosis_coach.ui.tray import ask_running_app_to_show
from stenosis_coach.ui.widgets import icon

log = logging.getLogger(__name__)

# Set to the launcher's time.time() to have the app report its start-up times on stderr
# and quit once interactive (used by bench/startup.py and the packaged-app smoke test).
PROBE_ENV = "STENOSIS_COACH_STARTUP_PROBE"
DESKTOP_ID = "io.github.stenosiscoach.StenosisCoach"  # packaging/linux/*.desktop

# Until the window is first painted, no event filter written in Python is installed on the
# whole application: such a filter sees the events of Qt's private objects (the gesture
# manager a scroll area makes), and PySide, looking for their class, then loads every Qt
# class and makes their enums at once (about 150 of them, ~100 ms here). The first paint is
# watched on the window itself, and the application-wide filters (Enter presses buttons)
# come once the window is on screen.


class CoachApplication(QApplication):
    """The application object; hands the desktop's file-open events (a plan file
    double-clicked on macOS) to :attr:`file_opener`. Its own :meth:`event` sees only the
    application's events, not every object's as an application-wide filter would."""

    file_opener: PlanFileOpener | None = None

    def event(self, event: QEvent) -> bool:
        opener = self.file_opener
        if opener is not None and opener.eventFilter(self, event):
            return True
        return super().event(event)


class StartupProbe(QObject):
    """Reports seconds from launch to the window's first paint and to interactive, and the
    CPU seconds the process had used at the first paint (less swayed than the others by
    what else the computer is doing); install it on the window (the window is painted
    first, its rail and page over it)."""

    def __init__(self, launched_at: float) -> None:
        super().__init__()
        self.launched_at = launched_at
        self.first_paint: float | None = None
        self.cpu_at_paint: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.first_paint is None and event.type() == QEvent.Type.Paint:
            self.first_paint = time.time() - self.launched_at
            self.cpu_at_paint = time.process_time()
        return False

    def interactive(self) -> None:
        ready = time.time() - self.launched_at
        print(
            f"startup-probe first_paint={self.first_paint:.4f} interactive={ready:.4f} "
            f"cpu={self.cpu_at_paint:.4f}",
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
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)  # after this frame has been flushed
        return False


def call_after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once ``window`` has been painted on screen (from the event loop,
    after that frame)."""
    watcher = _FirstPaint(callback)
    watcher.setParent(window)
    window.installEventFilter(watcher)


def crash_hook(
    paths: AppPaths, show: Callable[[str, str], None]
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """``sys.excepthook``: the crash dialog of :mod:`stenosis_coach.ui.crash`, whose module
    is imported when something goes wrong, not before the first paint."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        from stenosis_coach.ui.crash import make_excepthook

        make_excepthook(paths, show)(kind, exc, tb)

    return hook


def tune_garbage_collector() -> None:
    """Years of history are read as tens of thousands of small objects; Python's default
    young-generation threshold (700) would run a collection every few hundred of them.
    Objects made at start-up are frozen out of collection, and collections run less often
    (measured: the progress page's data on 10 years, median 123 -> 100 ms, and steadier)."""
    gc.freeze()
    gc.set_threshold(20_000, 10, 10)


def after_safety(window: MainWindow, then: Callable[[], None]) -> None:
    """Run ``then`` now, or once the safety screen showing (first run, a check left
    unanswered) has been answered: safety always comes first. Another screen (a walk, a
    form) does not wait: ``then`` runs now and deals with it."""
    if not safety_showing(window):
        then()
        return

    def later() -> None:
        window.safety.flow_finished.disconnect(later)
        then()

    window.safety.flow_finished.connect(later)


def safety_showing(window: MainWindow) -> bool:
    if window.flow is None:
        return False
    from stenosis_coach.ui.safety.screens import Screen

    return isinstance(window.flow, Screen)


def open_plan_file(window: MainWindow, path: Path) -> None:
    """A plan file from the command line or handed over by the desktop: its import
    preview, once no safety screen shows (a routine or walk running is asked about)."""
    after_safety(window, lambda: window.plans.import_files([path]))


def resume_kept_walks(window: MainWindow) -> None:
    """Ask the leg pain of walks a crash cut short, once no safety screen is showing."""
    kept, window.context.kept_walks = window.context.kept_walks, []
    if kept:
        window.page("walk")
        after_safety(window, lambda: window.walking.finish_interrupted(kept))


def install_qt_translations(app: QApplication) -> QTranslator | None:
    """Qt's own words (the buttons of a file or print dialog, a text box's menu) in the
    language :mod:`stenosis_coach.i18n` chose, from the translations Qt ships; ``None``
    (Qt's English stays) for English or a language Qt has none for."""
    name = i18n.language()
    if name.split("_")[0] == "en":
        return None
    translator = QTranslator(app)
    where = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(name), "qtbase", "_", where):
        log.info("no Qt translation for %s in %s", name, where)
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator


def build_window(
    paths: AppPaths, clock: Clock, dialogs: Dialogs, *, enter_presses: bool = True
) -> MainWindow:
    """The styled window with its pages; the database is not opened yet.

    ``enter_presses``: install now the filter that has Enter press the focused button (as
    Space does); ``run_app`` installs it once the window is painted, with
    :func:`install_enter_presses`."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    settings = load_settings(paths)
    apply_theme(app, settings)
    if enter_presses:
        install_enter_presses(app)
    context = AppContext(paths, settings, clock, dialogs)
    window = MainWindow(context)
    dialogs.parent = window
    return window


def install_enter_presses(app: QApplication) -> None:
    """Enter presses the focused button, as Space does, everywhere in the app."""
    from stenosis_coach.ui.keys import install_enter_presses as install

    install(app)


# Room kept for a window manager's frame (title bar, borders) while it is not known yet.
TITLE_BAR_ALLOWANCE = 40
BORDER_ALLOWANCE = 4


def place_window(window: MainWindow, available: QRect | None = None) -> None:
    """Size and place the window before it is shown: as it was last time when that still
    fits, else within the free area of the screen (``available``: that of the screen it
    was on, or the primary screen), never larger than it nor off it."""
    saved = window.context.settings.window
    if available is None:
        screen = None
        if saved is not None:
            screen = QGuiApplication.screenAt(
                QRect(saved.x, saved.y, saved.width, saved.height).center()
            )
        screen = screen or QGuiApplication.primaryScreen()
        if screen is None:
            window.resize(*DEFAULT_WINDOW_SIZE)
            return
        available = screen.availableGeometry()
    if window.isVisible():
        frame, inner = window.frameGeometry(), window.geometry()
        left, top = inner.left() - frame.left(), inner.top() - frame.top()
        right, bottom = frame.right() - inner.right(), frame.bottom() - inner.bottom()
    else:
        left = right = bottom = BORDER_ALLOWANCE
        top = TITLE_BAR_ALLOWANCE
    placed = fit_window(
        saved,
        (
            available.x() + left,
            available.y() + top,
            available.width() - left - right,
            available.height() - top - bottom,
        ),
    )
    window.setGeometry(placed.x, placed.y, placed.width, placed.height)
    if placed.maximised:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def show_at_start(window: MainWindow, minimised: bool = False) -> bool:
    """Show the window as the app starts; ``True`` when it is shown (and will be painted).
    ``minimised`` (``--minimised``, the start at login, services/autostart.py): hidden in
    the tray when the desktop has one (its icon is the way back), else minimised."""
    if not minimised:
        window.show()
        return True
    if window.tray is not None:
        window.tray.show()
    else:
        window.showMinimized()
    return False


def run_app(paths: AppPaths, plan_file: str | None = None, minimised: bool = False) -> int:
    # The computer's language, for every word, date and number from here on.
    i18n.setup(catalogues=resource_path("locale"))
    if not prepare_folders(paths):  # a read-only data folder: one sentence, a dialog, exit 1
        return 1
    log.info("starting %s %s with data in %s", APP_NAME, __version__, paths.data_dir)
    app = QApplication.instance() or CoachApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)  # Wayland matches the window to the menu entry
    app.setWindowIcon(icon("stenosis-coach"))
    install_qt_translations(app)  # Qt's own words in the language chosen above
    plan_opener = PlanFileOpener(app)  # macOS: a double-clicked plan file
    if isinstance(app, CoachApplication):
        app.file_opener = plan_opener
    else:  # an application made before (a test's): a filter sees its events
        app.installEventFilter(plan_opener)

    lock = InstanceLock(paths.lock_file)
    if not lock.acquire():
        if not plan_file and ask_running_app_to_show(paths):
            return 0  # the open app's window came forward (from the tray, or behind others)
        # Styled like the window would be: the saved text size and colours.
        apply_theme(app, load_settings(paths))
        text = _("{app} is already open. Look for its window.").format(app=APP_TITLE)
        if plan_file:  # nothing is imported under the open window's feet
            text = _(
                "{app} is already open. Look for its window. To import the plan, use File, "
                "then Import plan…, in that window."
            ).format(app=APP_TITLE)
        Dialogs().inform(APP_TITLE, text)
        return 1

    dialogs = Dialogs()
    # Application-wide filters wait for the first paint (see CoachApplication's note).
    window = build_window(paths, SystemClock(), dialogs, enter_presses=False)
    probe = None
    if os.environ.get(PROBE_ENV):
        probe = StartupProbe(float(os.environ[PROBE_ENV]))
        window.installEventFilter(probe)
    sys.excepthook = crash_hook(paths, dialogs.warn)
    place_window(window)
    painted = show_at_start(window, minimised)

    def finish_startup() -> None:
        # The launcher paused the garbage collector until the window is painted (cli.open_app).
        gc.enable()
        install_enter_presses(app)  # before any key is read: the window was only painted
        if not open_data(window.context, window.data_actions):
            window.close()
            app.quit()
            return
        window.plans.preload()  # a clinic pack, at first run
        window.reminders.ask_after_first_check()  # once, when a check ends all clear
        window.reminders.listen_for_second_start()  # a second start shows this window
        window.safety.on_startup()  # first run, or a check a crash left unanswered
        tune_garbage_collector()
        resume_kept_walks(window)
        if plan_file:
            open_plan_file(window, Path(plan_file))
        plan_opener.ready(lambda path: open_plan_file(window, path))
        if probe is not None:
            QTimer.singleShot(0, probe.interactive)  # after the page has been filled

    # Open the data only once the window has been painted: the user sees the app at once.
    if painted:
        call_after_first_paint(window, finish_startup)
    else:  # hidden in the tray, or minimised: it may not be painted for a while
        QTimer.singleShot(0, finish_startup)
    try:
        return app.exec()
    finally:
        # Closing the window closed the database; a quit that did not close it (the
        # start-up probe, a session ending) closes it here, before the lock is let go.
        window.context.close_database()
        lock.release()
        log.info("closed")
