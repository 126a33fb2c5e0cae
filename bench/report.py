"""Report benchmark (run by hand, not in CI).

In one run, times making the PDF report (model + plot + layout + PDF) for 10 years of
demo history against an empty report, several times each, and prints medians.
Target (issue 7): the 10-year report <= 1.5 s in total.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/report.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from stenosis_coach.paths import AppPaths
from stenosis_coach.services.demo import fill_demo
from stenosis_coach.services.report import report_for
from stenosis_coach.storage.database import open_database
from stenosis_coach.ui.report.render import write_report_pdf


def make(paths: AppPaths, out: Path) -> tuple[float, float]:
    db = open_database(paths)
    try:
        t = time.perf_counter()
        report = report_for(db, datetime.now(UTC))
        model = time.perf_counter() - t
    finally:
        db.close()
    write_report_pdf(report, out)
    return model, time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    opts = parser.parse_args()
    app = QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="bench-report-"))
    empty = AppPaths.resolve(work / "empty")
    open_database(empty).close()
    full = AppPaths.resolve(work / "ten-years")
    db = open_database(full)
    print(fill_demo(db, 520, 1, datetime.now(UTC)).sentence())
    db.close()
    make(full, work / "warm-up.pdf")  # imports, fonts, first use of pyqtgraph
    results: dict[str, list[tuple[float, float]]] = {"empty": [], "ten years": []}
    for _ in range(opts.runs):
        results["empty"].append(make(empty, work / "empty.pdf"))
        results["ten years"].append(make(full, work / "ten-years.pdf"))
    for name, runs in results.items():
        model = statistics.median(r[0] for r in runs)
        total = statistics.median(r[1] for r in runs)
        print(f"{name:<10} model {model * 1000:7.0f} ms   total {total * 1000:7.0f} ms")
    pages = os.popen(f"pdfinfo {work / 'ten-years.pdf'} | grep Pages").read().strip()
    print(f"10-year PDF: {pages}; target: total <= 1500 ms")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
