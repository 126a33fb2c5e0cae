"""Cue timing benchmark (run by hand, not in CI): a real routine with real timers.

Runs the app's own exercise controller (the one the player uses) on a throwaway data dir,
offscreen, with sound muted, through a routine of about 5 minutes in real time, and
measures every cue against the monotonic clock: error = when the cue was played minus
when the routine's timeline says it was due. Prints p50/p99/max error and the drift
(how much later the last cues are than the first ones). Target (issue 4): p99 <= 20 ms,
drift 0.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/cue_timing.py [--routine ID]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STENOSIS_COACH_NO_SOUND", "1")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from stenosis_coach.core.clock import SystemClock
from stenosis_coach.core.exercises.library import estimated_seconds
from stenosis_coach.paths import AppPaths
from stenosis_coach.services import exercises as library
from stenosis_coach.ui.app import build_window
from stenosis_coach.ui.cues import FakeCuePlayer
from stenosis_coach.ui.dialogs import Dialogs


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--routine", default="gentle-start")
    opts = parser.parse_args()
    app = QApplication(sys.argv[:1])
    paths = AppPaths.resolve(tempfile.mkdtemp(prefix="bench-cues-"))
    window = build_window(paths, SystemClock(), Dialogs())
    window._cues = FakeCuePlayer(available=False)  # muted: nothing is played
    window.context.open_database()
    window.show()
    controller = window.page("exercises") and window.exercises
    routine = library.routines()[opts.routine]
    planned = estimated_seconds(routine, library.exercises())
    errors: list[tuple[float, float]] = []  # (due engine time, error in seconds)
    t0: list[float] = []
    play = controller._play

    def timed_play(cue) -> None:
        errors.append((cue.at_s, time.monotonic() - (t0[0] + cue.at_s)))
        play(cue)

    controller._play = timed_play
    finished = controller._finished

    def done() -> None:
        finished()
        app.quit()

    controller._finished = done
    print(f"running '{routine.name}' for {planned} s in real time, sound muted …", flush=True)
    t0.append(time.monotonic())
    controller._begin(routine, None, None, False)
    QTimer.singleShot((planned + 30) * 1000, app.quit)  # a safety net
    app.exec()
    # Tear the window down while Qt is still alive (not during interpreter shutdown).
    window.close()
    window.context.close_database()
    window.deleteLater()
    app.processEvents()
    del window, controller
    if not errors:
        print("no cues were played")
        return 1
    ms = [e * 1000 for _due, e in errors]
    tenth = max(1, len(ms) // 10)
    drift = statistics.median(ms[-tenth:]) - statistics.median(ms[:tenth])
    print(f"cues: {len(ms)} over {errors[-1][0]:.0f} s of routine")
    print(
        f"error p50 {percentile(ms, 50):6.2f} ms   p99 {percentile(ms, 99):6.2f} ms   "
        f"max {max(ms):6.2f} ms   (target p99 <= 20 ms)"
    )
    print(f"drift (last tenth vs first tenth, medians): {drift:+.2f} ms  (target 0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
