"""The window is on screen before the slow parts of start-up (issue 14, "first paint"):
the database layer, the plots, the report, sound, Babel's locale data, the commands and the
rest of Qt's classes wait until the user has something to look at, and Python's garbage
collector does not run in between. A behaviour test, not a timing one: it looks at what the
real launch (``cli.main`` opening the window) has loaded when the window is first painted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Opens the window as the launcher does (cli.main); at the first paint (before the data
# opens) and once interactive, notes what is loaded and whether the garbage collector ran;
# the start-up probe quits the app once interactive.
SCRIPT = r"""
import gc, json, os, sys, time
os.environ["STENOSIS_COACH_STARTUP_PROBE"] = repr(time.time())
import PySide6.QtWidgets as QtWidgets
from stenosis_coach import cli
from stenosis_coach.ui import app as ui_app

seen = {}
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info))

def loaded():
    return {
        "modules": sorted(sys.modules),
        # PySide loads a Qt class when first used; all at once (here QWizard, which the
        # app never uses) when an app-wide event filter written in Python sees a private
        # Qt object: about a hundred milliseconds of work.
        "all_qt_classes": "QWizard" in vars(QtWidgets),
        "collections": len(collections),
        "gc_enabled": gc.isenabled(),
    }

real = ui_app.call_after_first_paint

def spy(window, callback):
    def first():
        try:
            seen["first_paint"] = loaded()
            seen["today_filled"] = window.context.coach is not None
            callback()
            from stenosis_coach.ui.keys import EnterPressesButtons
            app = QtWidgets.QApplication.instance()
            seen["enter_presses"] = app.findChild(EnterPressesButtons) is not None
            seen["today_after"] = window.context.coach is not None
            seen["gc_after"] = gc.isenabled()
            asked = sys.modules["shibokensupport.feature"]._mod_uses_pyside
            seen["quicker_feature_check"] = hasattr(asked, "__wrapped__")
        except BaseException as exc:  # never a crash dialog waiting for a click
            print(repr(exc), file=sys.stderr, flush=True)
            os._exit(3)
    real(window, first)

ui_app.call_after_first_paint = spy
collections.clear()  # from here on, as the launcher opens the window
code = cli.main(["--data-dir", sys.argv[1]])
print(json.dumps(dict(seen, code=code)))
"""

HEAVY = (
    "pyqtgraph",
    "numpy",
    "sqlalchemy",
    "sqlmodel",
    "alembic",
    "babel",
    "PySide6.QtMultimedia",
    "PySide6.QtSvg",
    "PySide6.QtPrintSupport",
    "stenosis_coach.storage",
    "stenosis_coach.services.coach",
    "stenosis_coach.ui.progress",
    "stenosis_coach.ui.report",
    "stenosis_coach.ui.safety",
    "stenosis_coach.ui.cues",
    # What is computed from the data waits for the data (Today shows "Opening your data…").
    "stenosis_coach.core.report",
    "stenosis_coach.core.progress",
    "stenosis_coach.core.trial",
    "stenosis_coach.core.due",
    "stenosis_coach.commands",  # the command line's commands: not for the window
    "stenosis_coach.ui.crash",  # the crash dialog: imported when something goes wrong
    "importlib.resources",  # the shipped files are plain files: a path is enough
    "sqlite3",  # the database's driver: the data opens after the first paint
    "hashlib",  # OpenSSL: only to name the tray's "show the window again" socket
)


def start_app(data_dir: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="en_GB.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "STENOSIS_COACH_PSEUDO"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_window_is_painted_before_the_heavy_parts_load(tmp_path):
    seen = start_app(tmp_path)
    first = seen["first_paint"]
    early = [
        name
        for name in first["modules"]
        if any(name == heavy or name.startswith(heavy + ".") for heavy in HEAVY)
    ]
    assert early == []
    assert not first["all_qt_classes"]
    assert not seen["today_filled"]  # the data opens after the first paint


def test_no_garbage_collection_runs_before_the_first_paint(tmp_path):
    """Python's collector, run every few hundred new objects, went through everything made
    so far dozens of times before the window showed; it waits until the window is painted,
    then runs as before (the app is up for hours: garbage must still be collected)."""
    seen = start_app(tmp_path)
    assert seen["first_paint"]["collections"] == 0
    assert not seen["first_paint"]["gc_enabled"]
    assert seen["gc_after"]


def test_pyside_looks_at_our_modules_the_quicker_way(tmp_path):
    """PySide6 reads the source of every module imported after it (its __feature__
    switches): opening the window has it read the file's bytes instead, with the same
    answers (tests/ui/test_first_paint.py::test_the_quicker_feature_check_answers_the_same)."""
    assert start_app(tmp_path)["quicker_feature_check"]


def test_the_quicker_feature_check_answers_the_same():
    import stenosis_coach.core.words
    import stenosis_coach.ui.widgets  # noqa: F401
    from stenosis_coach.ui import feature_check

    assert feature_check.install()
    asked = sys.modules[feature_check.FEATURE_MODULE]._mod_uses_pyside
    modules = [
        module
        for name, module in list(sys.modules.items())
        if name.startswith(("stenosis_coach", "PySide6", "shiboken", "pyqtgraph", "json", "_"))
    ]
    answers = [asked(module) for module in modules]
    assert answers == [asked.__wrapped__(module) for module in modules]
    assert asked(sys.modules["stenosis_coach.ui.widgets"])  # uses PySide6
    assert not asked(sys.modules["stenosis_coach.core.words"])  # does not
    assert not asked(sys.modules["sys"])  # built in: PySide's own answer


def test_after_the_first_paint_the_app_is_whole(tmp_path):
    """What waited for the first paint is there once the app is interactive: the data is
    open (Today filled) and Enter presses the focused button."""
    seen = start_app(tmp_path)
    assert seen["code"] == 0
    assert seen["today_after"]
    assert seen["enter_presses"]


def test_a_plan_file_from_the_desktop_still_reaches_the_app(tmp_path):
    """macOS hands a double-clicked plan file to the application object: without an
    application-wide filter, the app's own event handler passes it on."""
    script = r"""
import sys
from pathlib import Path
from PySide6.QtGui import QFileOpenEvent
from stenosis_coach.ui.app import CoachApplication
from stenosis_coach.ui.file_open import PlanFileOpener
app = CoachApplication(sys.argv[:1])
app.file_opener = PlanFileOpener(app)
app.sendEvent(app, QFileOpenEvent("/tmp/a.scplan.json"))
app.sendEvent(app, QFileOpenEvent("/tmp/notes.txt"))
opened = []
app.file_opener.ready(opened.append)
print(opened == [Path("/tmp/a.scplan.json")])
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1:] == ["True"], result.stderr
