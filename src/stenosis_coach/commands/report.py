"""``report --out FILE.pdf [--from DATE] [--to DATE] [--patient NAME]``."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path

from stenosis_coach.commands import Command
from stenosis_coach.errors import InvalidInput
from stenosis_coach.paths import AppPaths


def _args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    parser.add_argument(
        "--from",
        dest="first",
        metavar="DATE",
        help="first day, like 2026-05-04 (default: the start)",
    )
    parser.add_argument("--to", dest="last", metavar="DATE", help="last day (default: today)")
    parser.add_argument("--patient", metavar="NAME", help="a name to print on the report")


FIRST_DAY = date(1900, 1, 1)


def _from_1900(day: date | None, what: str) -> date | None:
    if day is not None and day < FIRST_DAY:
        raise InvalidInput(f"{what}: {day.isoformat()} is too long ago; give a day from 1900 on.")
    return day


def _run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.files import check_output
    from stenosis_coach.services.coach import Coach
    from stenosis_coach.services.report import parse_day

    # Before Qt is touched: never a device, a pipe, a folder, /proc, a name too long.
    out = check_output(args.out, "report")
    first = _from_1900(parse_day(args.first, "--from"), "--from")
    last = _from_1900(parse_day(args.last, "--to"), "--to")
    if not paths.db_file.exists():
        raise InvalidInput(f"There is no data in {paths.data_dir} to report on.")
    with Coach.open(paths) as coach:
        report = coach.report_model(first, last, args.patient)
    # Qt renders the PDF without a screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["stenosis-coach"])
    from stenosis_coach.ui.report.render import write_report_pdf

    # All or nothing: a full or read-only disk is one sentence (a UserError, exit 1) and
    # leaves an older file of that name as it was.
    write_report_pdf(report, out)
    del app
    print(f"The report was written to {out}.")
    return 0


COMMANDS = (Command("report", "a PDF report to take to your appointments", _args, _run),)
