"""``export --out DIR``: everything recorded, as CSV files (DESIGN 4.1, docs/csv-export.md)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from stenosis_coach.commands import Command
from stenosis_coach.paths import AppPaths


def _export_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="DIR",
        help="a new (or empty) folder to write the CSV files into; its parent folder must exist",
    )


def _export(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services.export import check_target, export_csv
    from stenosis_coach.storage.database import open_database

    check_target(args.out)  # a bad folder is refused before the data is opened
    db = open_database(paths)
    try:
        result = export_csv(db, args.out, datetime.now(UTC))
    finally:
        db.close()
    print(result.sentence())
    return 0


COMMANDS = (Command("export", "CSV tables of everything recorded", _export_args, _export),)
