"""The app ends cleanly and keeps running (issue 12).

Once the Progress page (pyqtgraph plots) was shown and the window deleted, the process
aborted in Python's final garbage collection (``Fatal Python error: bool_dealloc``, exit
status 134). The cause: PySide6 6.12 on Python 3.11 gives back one reference too few to
``None`` from every Qt call that returns nothing and to ``True`` from every signal emitted
from Python, so these objects' counts run down to zero; a live walk ended the app the same
way after about 8 minutes (``none_dealloc``). See ``stenosis_coach/ui/refcounts.py``.

Each test runs in its own process (an abort would end the test run), offscreen, on a
temporary data folder, and looks at what a user or a launcher would: the exit status, the
data file and the log.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from stenosis_coach.paths import AppPaths

# Plot and range buttons pressed in each window below: without the fix, enough for the
# process to abort (120 were not).
TURNS = 300

# Started instead of ``python -m stenosis_coach``: it runs the very same entry point (the
# package's __main__, the command line, run_app) after setting up a timer that, once the
# data is open, shows Progress, looks through its plots and closes the window, as a user
# would.
DRIVER = textwrap.dedent(
    """
    import runpy, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    data_dir = sys.argv[1]

    def main_window():
        from stenosis_coach.ui.main_window import MainWindow

        found = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        return found[0] if found else None

    def show_page():
        window = main_window()
        if window is None or window.context.coach is None:
            QTimer.singleShot(20, show_page)
            return
        if window.flow is not None:  # the first start's safety questions
            window.end_flow("progress")
        shown = window.show_page("progress")
        for turn in range(TURNS):  # each plot, each range, a few times over
            shown.view_buttons[turn % len(shown.view_buttons)].click()
            shown.range_buttons[turn % len(shown.range_buttons)].click()
            app.processEvents()
        QTimer.singleShot(200, lambda: close(window))

    def close(window):
        print("closing", flush=True)
        window.close()

    QTimer.singleShot(0, show_page)
    sys.argv = ["stenosis-coach", "--data-dir", data_dir]
    runpy.run_module("stenosis_coach", run_name="__main__", alter_sys=True)
    """
)


# A window built as run_app builds it, Progress shown and its plots looked through, then
# closed and deleted (as the test fixtures do): the process then ended in Python's final
# garbage collection.
BUILT_WINDOW = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication
    from stenosis_coach.core.clock import SystemClock
    from stenosis_coach.paths import AppPaths
    from stenosis_coach.ui.app import build_window
    from stenosis_coach.ui.dialogs import Dialogs
    from stenosis_coach.ui.startup import open_data

    app = QApplication(sys.argv[:1])
    paths = AppPaths.resolve(Path(sys.argv[1]))
    paths.ensure()
    window = build_window(paths, SystemClock(), Dialogs())
    window.show()
    assert open_data(window.context, window.data_actions)
    page = window.show_page("progress")
    for turn in range(TURNS):  # each plot, each range, a few times over
        page.view_buttons[turn % len(page.view_buttons)].click()
        page.range_buttons[turn % len(page.range_buttons)].click()
        app.processEvents()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    print("closed", flush=True)
    """
)

# Qt calls as a long session makes them: a label changed (a walk's clock, 10 times a
# second, about 8 labels each time) and signals emitted from Python.
MANY_CALLS = textwrap.dedent(
    """
    import sys
    import stenosis_coach.ui  # what every window, page and printed report imports first
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QLabel, QPushButton

    app = QApplication(sys.argv[:1])

    class Ticks(QObject):
        tick = Signal()

    label, ticks = QLabel(), Ticks()
    for _ in range(300_000):  # a 60-minute walk's label changes
        label.setText("0:42")
    for _ in range(100_000):
        ticks.tick.emit()
    failed = QPushButton()
    for _ in range(100_000):
        try:
            failed.clicked.disconnect()  # nothing connected: False inside
        except (RuntimeError, TypeError):
            pass
    print("still running", flush=True)
    """
)

# A live walk in a real window, its clock moved on 20 minutes in tenth-second ticks (as
# its timer does): it used to end the app after about 8 minutes.
LONG_WALK = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from stenosis_coach.core.clock import ManualClock
    from stenosis_coach.paths import AppPaths
    from stenosis_coach.ui.app import build_window
    from stenosis_coach.ui.cues import FakeCuePlayer
    from stenosis_coach.ui.dialogs import Dialogs
    from stenosis_coach.ui.startup import open_data

    app = QApplication(sys.argv[:1])
    paths = AppPaths.resolve(Path(sys.argv[1]))
    paths.ensure()
    clock = ManualClock(datetime(2026, 3, 2, 8, 30, tzinfo=UTC))
    window = build_window(paths, clock, Dialogs())
    window.show()
    assert open_data(window.context, window.data_actions)
    window._cues = FakeCuePlayer()
    window.show_page("walk")
    window.walking.start_walk()
    for _ in range(20 * 60 * 10):
        clock.advance(0.1)
        window.walking.coach.tick()
    print("still", window.running_session(), flush=True)
    window.walking.stop_for_close()
    window.close()
    """
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["STENOSIS_COACH_NO_SOUND"] = "1"
    env.pop("STENOSIS_COACH_DATA_DIR", None)
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)


def _assert_ended_cleanly(result: subprocess.CompletedProcess[str], data_dir: Path) -> None:
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Fatal Python error" not in result.stderr
    paths = AppPaths.resolve(data_dir)
    with sqlite3.connect(paths.db_file) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    lines = paths.log_file.read_text(encoding="utf-8").splitlines()
    assert lines[-1].endswith("closed"), lines[-5:]


def _script(tmp_path: Path, name: str, text: str) -> str:
    script = tmp_path / name
    script.write_text(text.replace("TURNS", str(TURNS)), encoding="utf-8")
    return str(script)


def test_closing_the_app_after_progress_was_shown_ends_with_exit_0(tmp_path):
    data_dir = tmp_path / "data"
    result = _run([sys.executable, _script(tmp_path, "driver.py", DRIVER), str(data_dir)], _env())
    assert "closing" in result.stdout, result.stderr[-2000:]  # the window was really used
    _assert_ended_cleanly(result, data_dir)


def test_python_m_stenosis_coach_opens_the_app_and_ends_with_its_exit_code(tmp_path):
    """No arguments but the data folder: the app itself, quitting once it is ready (the
    start-up probe the launcher benchmark uses)."""
    data_dir = tmp_path / "data"
    env = _env()
    env["STENOSIS_COACH_STARTUP_PROBE"] = repr(time.time())
    result = _run([sys.executable, "-m", "stenosis_coach", "--data-dir", str(data_dir)], env)
    assert "startup-probe" in result.stderr
    _assert_ended_cleanly(result, data_dir)


def test_a_window_built_like_the_apps_with_progress_shown_and_deleted_ends_with_exit_0(
    tmp_path,
):
    script = _script(tmp_path, "built.py", BUILT_WINDOW)
    result = _run([sys.executable, script, str(tmp_path / "data")], _env())
    assert "closed" in result.stdout, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Fatal Python error" not in result.stderr


def test_hundreds_of_thousands_of_qt_calls_do_not_end_the_app(tmp_path):
    """More label changes and signals than ``None`` and ``True`` have references: each
    used to take one away, and at zero the interpreter aborted."""
    script = _script(tmp_path, "calls.py", MANY_CALLS)
    result = _run([sys.executable, "-W", "ignore", script], _env())
    assert "Fatal Python error" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    assert "still running" in result.stdout


def test_a_twenty_minute_walk_keeps_the_app_running(tmp_path):
    script = _script(tmp_path, "walk.py", LONG_WALK)
    result = _run([sys.executable, script, str(tmp_path / "data")], _env())
    assert "Fatal Python error" not in result.stderr, result.stderr[-2000:]
    assert "still walk" in result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
