"""``report --out FILE.pdf [--from DATE] [--to DATE] [--patient NAME]``.

The PDF is drawn by Qt, which only the window's layer (``ui``) imports: ``cli.py`` wires the
command with the function that draws it (:func:`report_command`), so this module never
imports ``ui`` or Qt.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from stenosis_coach.commands import Command
from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import N_, _
from stenosis_coach.paths import AppPaths

if TYPE_CHECKING:
    from stenosis_coach.core.report.model import Report

# Writes the report to the PDF file given, all or nothing: a full or read-only disk is one
# sentence (a UserError) and leaves an older file of that name as it was.
DrawReportPdf = Callable[["Report", Path], object]

HELP = N_("a PDF report to take to your appointments")


def _args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    parser.add_argument(
        "--from",
        dest="first",
        metavar="DATE",
        help=_("first day, like 2026-05-04 (default: the start)"),
    )
    parser.add_argument("--to", dest="last", metavar="DATE", help=_("last day (default: today)"))
    parser.add_argument("--patient", metavar="NAME", help=_("a name to print on the report"))


FIRST_DAY = date(1900, 1, 1)


def _from_1900(day: date | None, what: str) -> date | None:
    if day is not None and day < FIRST_DAY:
        raise InvalidInput(
            _("{option}: {day} is too long ago; give a day from 1900 on.").format(
                option=what, day=day.isoformat()
            )
        )
    return day


def report_command(draw_pdf: DrawReportPdf) -> Command:
    """The ``report`` command, drawing its PDF with ``draw_pdf`` (cli.py gives Qt's)."""

    def run(args: argparse.Namespace, paths: AppPaths) -> int:
        from stenosis_coach.files import check_output
        from stenosis_coach.services.coach import Coach
        from stenosis_coach.services.report import parse_day

        # Before the PDF is drawn: never a device, a pipe, a folder, /proc, a name too long.
        out = check_output(args.out, "report")
        first = _from_1900(parse_day(args.first, "--from"), "--from")
        last = _from_1900(parse_day(args.last, "--to"), "--to")
        if not paths.db_file.exists():
            raise InvalidInput(
                _("There is no data in {folder} to report on.").format(folder=paths.data_dir)
            )
        with Coach.open(paths) as coach:
            report = coach.report_model(first, last, args.patient)
        draw_pdf(report, out)
        print(_("The report was written to {file}.").format(file=out))
        return 0

    return Command("report", HELP, _args, run)
