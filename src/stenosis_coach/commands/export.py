"""``export --out DIR``: everything recorded, as CSV files (DESIGN 4.1, docs/csv-export.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from stenosis_coach.commands import Command
from stenosis_coach.i18n import N_, _
from stenosis_coach.paths import AppPaths


def _export_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="DIR",
        help=_("a new (or empty) folder to write the CSV files into; its parent folder must exist"),
    )


def _export(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services.coach import Coach
    from stenosis_coach.services.export import check_target

    check_target(args.out)  # a bad folder is refused before the data is opened
    with Coach.open(paths) as coach:
        result = coach.export(args.out)
    print(result.sentence())
    return 0


COMMANDS = (Command("export", N_("CSV tables of everything recorded"), _export_args, _export),)
