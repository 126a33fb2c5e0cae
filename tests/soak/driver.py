"""The app process the crash-safety soak kills (tests/soak/test_kill_soak.py).

``python driver.py DATA_DIR walk|routine`` builds the real main window offscreen on
DATA_DIR, opens the data, starts a live walk or a routine through the real controllers
(the same buttons a user presses), prints ``ready <session id>`` on stdout and runs the
Qt event loop with the real clock until it is killed. Nothing here is faked but the
dialogs (which answer the first option and print what they were asked, so a dialog the
soak did not expect shows in its output) and the sound (off, as in every test).
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["STENOSIS_COACH_NO_SOUND"] = "1"

from PySide6.QtWidgets import QApplication

from stenosis_coach.core.clock import SystemClock
from stenosis_coach.paths import AppPaths
from stenosis_coach.ui.dialogs import Dialogs


class AnsweringDialogs(Dialogs):
    """Never blocks: says on stdout what would have been shown, answers the first option."""

    def inform(self, title: str, text: str) -> None:
        print(f"dialog inform: {title}: {text}", flush=True)

    def warn(self, title: str, text: str) -> None:
        print(f"dialog warn: {title}: {text}", flush=True)

    def choose(self, title: str, text: str, options: list[str], safe: int = 0) -> int | None:
        print(f"dialog choose: {title}: {text}", flush=True)
        return 0


def start_walk(window) -> int:
    page = window.show_page("walk")
    page.start.click()
    coach = window.walking.coach
    assert coach is not None and window.flow is coach.screen, "the walk did not start"
    return coach.recording.recorder.session_id


def start_routine(window) -> int:
    page = window.show_page("exercises")
    start, _choose = page.routine_buttons["gentle-start"]
    start.click()
    before = window.flow
    before.leg.buttons[3].click()
    before.back.buttons[2].click()
    before.go.click()
    recording = window.exercises.recording
    assert recording is not None and window.flow is window.exercises.player, "no routine"
    return recording.recorder.session_id


def main(argv: list[str]) -> int:
    data_dir, kind = argv[1], argv[2]
    app = QApplication(argv[:1])
    from stenosis_coach.ui.app import build_window
    from stenosis_coach.ui.startup import open_data

    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    dialogs = AnsweringDialogs()
    window = build_window(paths, SystemClock(), dialogs)
    window.resize(1100, 760)
    window.show()
    if not open_data(window.context, window.data_actions):
        print("could not open the data", flush=True)
        return 1
    session_id = start_walk(window) if kind == "walk" else start_routine(window)
    print(f"ready {session_id}", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
