"""Second-start benchmark of ``./run.sh`` (run by hand, not in CI).

Issue 12: a second ``./run.sh`` must open the window within 2 s of the installed command.
Runs ``./run.sh`` once to set up, then alternates ``./run.sh`` and ``.venv/bin/stenosis-coach``
on the same data dir, each measured from launch to interactive with the app's start-up
probe, and prints the medians and their difference.

    QT_QPA_PLATFORM=offscreen python3 bench/run_sh.py [--runs 5] [--checkout DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import launch  # the same probe as bench/startup.py


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--checkout", default=str(Path(__file__).resolve().parents[1]))
    opts = parser.parse_args()
    root = Path(opts.checkout)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = tempfile.mkdtemp(prefix="bench-run-sh-")
    run_sh = [str(root / "run.sh"), "--data-dir", data]
    installed = [str(root / ".venv" / "bin" / "stenosis-coach"), "--data-dir", data]
    launch(run_sh, env)  # the first run may install; not counted
    script, command = [], []
    for _ in range(opts.runs):
        script.append(launch(run_sh, env)[1])
        command.append(launch(installed, env)[1])
    a, b = statistics.median(script), statistics.median(command)
    print(f"runs: {opts.runs} alternating; checkout: {root}")
    print(f"./run.sh, interactive:             {a * 1000:7.0f} ms")
    print(f"installed command, interactive:    {b * 1000:7.0f} ms")
    print(f"difference:                        {(a - b) * 1000:7.0f} ms (target <= 2000)")


if __name__ == "__main__":
    main()
