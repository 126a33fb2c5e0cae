"""Progress page benchmark (run by hand, not in CI).

In one run, on a data dir with a long history (default: 10 years of demo data, made on
the fly in a temp dir), measures several times and prints medians:
  - a bare sqlite3 read of the same rows the page uses (the floor),
  - opening the progress page (data, plots, first paint; pyqtgraph already imported) as
    in the app: it starts on Today, whose records the Coach's read model keeps,
  - opening it just after a change of the data (a log deleted and brought back: every
    record read and everything computed again),
  - refreshing it after another such change, and once more with nothing changed (the
    Coach's read model is kept: only the page is filled again),
  - a range change (4 weeks / 12 weeks / all).
Targets (issue 6): page ready <= 150 ms, range change <= 50 ms; issue 14: open <= 2 x the
bare read, measured in the same run. Each figure is given as wall-clock time and as this
thread's CPU time ("cpu"), which other work on a shared machine disturbs much less.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/progress.py [--data-dir DIR] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STENOSIS_COACH_NO_SOUND", "1")

import pyqtgraph  # noqa: F401  (imported up front: the page's own import is measured apart)
from PySide6.QtWidgets import QApplication

from stenosis_coach.core.clock import SystemClock
from stenosis_coach.paths import AppPaths
from stenosis_coach.services.coach import Coach
from stenosis_coach.services.demo import fill_demo
from stenosis_coach.services.undo import Kind
from stenosis_coach.storage.database import open_database
from stenosis_coach.ui.app import build_window, tune_garbage_collector
from stenosis_coach.ui.dialogs import Dialogs

BARE_QUERIES = (
    "SELECT * FROM walk WHERE deleted_at IS NULL ORDER BY start",
    "SELECT * FROM daily_log WHERE deleted_at IS NULL ORDER BY day",
    "SELECT * FROM treatment_event WHERE deleted_at IS NULL",
    "SELECT * FROM session WHERE kind = 'routine' AND state = 'finished'",
    "SELECT e.* FROM session_event e JOIN session s ON s.id = e.session_id "
    "WHERE s.kind = 'routine'",
    "SELECT * FROM red_flag_check",
    "SELECT * FROM red_flag_answer",
)


def change(coach: Coach) -> None:
    """A write that leaves the data as it was (the newest log deleted, then brought back):
    the data's generation moves, so the page reads and computes everything again."""
    newest = coach.latest_logs(1)[0]
    coach.delete(Kind.LOG, newest.id)
    coach.undo({Kind.LOG})


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


class Timed:
    """Wall-clock and this thread's CPU time of a ``with`` block, kept in ``into``: on a
    machine shared with other work the CPU time says what the block itself cost (the
    bare read and the page both run on this thread)."""

    def __init__(self, into: list[tuple[float, float]]) -> None:
        self._into = into

    def __enter__(self) -> None:
        self._wall, self._cpu = time.perf_counter(), time.thread_time()

    def __exit__(self, *_exc: object) -> None:
        self._into.append((time.perf_counter() - self._wall, time.thread_time() - self._cpu))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--weeks", type=int, default=520)
    opts = parser.parse_args()
    app = QApplication(sys.argv[:1])
    paths = AppPaths.resolve(opts.data_dir or tempfile.mkdtemp(prefix="bench-progress-"))
    db = open_database(paths)
    if not opts.data_dir:
        print(fill_demo(db, opts.weeks, 1, datetime.now(UTC)).sentence())
    db.close()

    tune_garbage_collector()  # as the app does once it has started
    bare: list[tuple[float, float]] = []
    opened: list[tuple[float, float]] = []
    opened_changed: list[tuple[float, float]] = []
    refreshed: list[tuple[float, float]] = []
    unchanged: list[tuple[float, float]] = []
    ranged: list[tuple[float, float]] = []
    for _ in range(opts.runs):
        with Timed(bare):
            conn = sqlite3.connect(paths.db_file)
            for query in BARE_QUERIES:
                conn.execute(query).fetchall()
            conn.close()

        window = build_window(paths, SystemClock(), Dialogs())
        window.resize(1180, 820)
        window.show()
        window.context.open_database()
        app.processEvents()  # the app starts on Today (what the Coach read for it is kept)
        coach = window.context.coach
        with Timed(opened):
            page = window.show_page("progress")
            window.repaint()
            app.processEvents()
        change(coach)
        with Timed(refreshed):
            page.refresh()
            window.repaint()
            app.processEvents()
        with Timed(unchanged):
            page.refresh()  # nothing changed: what was computed is shown again
            window.repaint()
            app.processEvents()
        for index in (0, 2, 1):
            with Timed(ranged):
                page.set_range(index)
                window.repaint()
                app.processEvents()
        window.close()
        window.context.close_database()
        window.deleteLater()
        app.processEvents()

        window = build_window(paths, SystemClock(), Dialogs())
        window.resize(1180, 820)
        window.show()
        window.context.open_database()
        app.processEvents()
        change(window.context.coach)  # nothing read or computed before is kept
        with Timed(opened_changed):
            window.show_page("progress")
            window.repaint()
            app.processEvents()
        window.close()
        window.context.close_database()
        window.deleteLater()
        app.processEvents()

    floor = statistics.median(wall for wall, _cpu in bare)
    cpu_floor = statistics.median(cpu for _wall, cpu in bare)
    print(f"runs: {opts.runs}; data: {paths.db_file} ({paths.db_file.stat().st_size:,} bytes)")
    print(f"bare sqlite3 read of the same rows: {ms(floor)} (floor)   cpu {ms(cpu_floor)}")
    for name, values, target in (
        ("open the progress page", opened, 0.150),
        ("open it just after a change", opened_changed, 0.150),
        ("refresh after a change", refreshed, 0.150),
        ("refresh, nothing changed", unchanged, 0.150),
        ("range change", ranged, 0.050),
    ):
        median = statistics.median(wall for wall, _cpu in values)
        cpu = statistics.median(cpu for _wall, cpu in values)
        print(
            f"{name:<35} {ms(median)}  = {median / floor:5.1f} x floor   "
            f"(target <= {target * 1000:.0f} ms)   cpu {ms(cpu)} = {cpu / cpu_floor:5.1f} x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
