"""Start-up benchmark (run by hand, not in CI).

In one run, alternates launches of
  (a) a bare QApplication with an empty window, and
  (b) the app (``python -m stenosis_coach`` on an empty or given data dir),
each measured from launch to the main window's first paint and to interactive (for the
app: its data opened and the Today page filled; for the bare window: its first paint), and
the CPU time the process had used at its first paint (steadier than the wall clock on a
busy machine: what others run slows a launch, not the work it does).
Both watch the paint on the window itself (an event filter on the window, painted first,
before its children): a filter written in Python on the whole application would slow
what it measures (see ui/app.py). Also times importing pyqtgraph and sqlmodel in a fresh
interpreter. Prints medians and ratios against the targets of issues 2 and 14:

  first window  <= 1.5 x bare floor (issue 14; issue 2 asked 2.0)
  interactive   <= 1.3 x (bare floor + import of pyqtgraph and sqlmodel)

Python modules are launched from bytecode, as installed (pip compiles a wheel's modules
to bytecode when it installs it; the packaged app ships them compiled): the bytecode goes
to a cache in a temporary folder, written by one launch of each kind that is not counted.
``--no-bytecode`` compiles the app's own modules from source at every launch instead, as
an editable checkout does with PYTHONDONTWRITEBYTECODE=1 (PySide, pyqtgraph and the other
installed packages keep their bytecode either way).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--runs 7] [--data-dir DIR]
        [--no-bytecode]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

BARE = r"""
import os, sys, time
t0 = float(os.environ["T0"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
class Probe(QObject):
    first = None
    def eventFilter(self, obj, ev):
        if self.first is None and ev.type() == QEvent.Type.Paint:
            self.first = time.time() - t0
            self.cpu = time.process_time()
            QTimer.singleShot(0, self.done)
        return False
    def done(self):
        print(f"startup-probe first_paint={self.first:.4f} interactive={self.first:.4f} "
              f"cpu={self.cpu:.4f}", file=sys.stderr, flush=True)
        app.quit()
probe = Probe()
w = QMainWindow(); w.resize(1180, 820); w.installEventFilter(probe); w.show()
app.exec()
"""

IMPORTS = r"""
import time
t = time.perf_counter()
import pyqtgraph, sqlmodel
print(f"imports={time.perf_counter() - t:.4f}")
"""

PROBE = re.compile(r"startup-probe first_paint=([\d.]+) interactive=([\d.]+)(?: cpu=([\d.]+))?")


def launch(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    env = dict(env, T0=repr(time.time()))
    env["STENOSIS_COACH_STARTUP_PROBE"] = env["T0"]
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    found = PROBE.search(result.stderr)
    if not found:
        raise SystemExit(f"no probe output from {args}:\n{result.stderr}")
    cpu = float(found.group(3)) if found.group(3) else float("nan")  # an app without it
    return float(found.group(1)), float(found.group(2)), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir", help="use this data dir (default: a new empty one)")
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="compile the app's modules from source at every launch (no bytecode cache)",
    )
    opts = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    data_dir = opts.data_dir or tempfile.mkdtemp(prefix="bench-startup-")
    if opts.no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="bench-startup-pycache-")
    app_cmd = [sys.executable, "-m", "stenosis_coach", "--data-dir", data_dir]
    # Not counted: the first launch of each kind creates and migrates the DB and writes
    # the bytecode cache.
    launch(app_cmd, env)
    launch([sys.executable, "-c", BARE], env)
    subprocess.run([sys.executable, "-c", IMPORTS], env=env, capture_output=True, check=True)
    bare, app, imports = [], [], []
    for _ in range(opts.runs):
        bare.append(launch([sys.executable, "-c", BARE], env))
        app.append(launch(app_cmd, env))
        out = subprocess.run(
            [sys.executable, "-c", IMPORTS], env=env, capture_output=True, text=True, check=True
        ).stdout
        imports.append(float(out.split("=")[1]))
    bare_paint = statistics.median(b[0] for b in bare)
    app_paint = statistics.median(a[0] for a in app)
    app_ready = statistics.median(a[1] for a in app)
    imp = statistics.median(imports)
    bare_cpu = statistics.median(b[2] for b in bare)
    app_cpu = statistics.median(a[2] for a in app)
    floor_ready = bare_paint + imp
    bytecode = "compiled from source" if opts.no_bytecode else "from bytecode, as installed"
    print(f"runs: {opts.runs} alternating; data dir: {data_dir}; modules {bytecode}")
    print(f"bare window, first paint:        {bare_paint * 1000:7.0f} ms (floor)")
    print(f"import pyqtgraph + sqlmodel:     {imp * 1000:7.0f} ms")
    print(
        f"app, first paint:                {app_paint * 1000:7.0f} ms "
        f"= {app_paint / bare_paint:.2f} x floor (target <= 1.5)"
    )
    print(
        f"app, interactive:                {app_ready * 1000:7.0f} ms "
        f"= {app_ready / floor_ready:.2f} x (floor + imports) (target <= 1.3)"
    )
    print(
        f"CPU at first paint:              bare {bare_cpu * 1000:.0f} ms, app "
        f"{app_cpu * 1000:.0f} ms = {app_cpu / bare_cpu:.2f} x"
    )


if __name__ == "__main__":
    main()
