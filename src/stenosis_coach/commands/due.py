"""``due [--json] [--at YYYY-MM-DDTHH:MM]``: what is due at a local moment (DESIGN 4.1, 5.7).

The same answer as the Today page and ``status`` (:func:`services.due.due_at`).
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime

from stenosis_coach.commands import Command
from stenosis_coach.errors import InvalidInput
from stenosis_coach.paths import AppPaths

AT_FORMAT = "%Y-%m-%dT%H:%M"


def _args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print what is due as JSON")
    parser.add_argument(
        "--at",
        metavar="YYYY-MM-DDTHH:MM",
        help="a local date and time to ask about (default: now)",
    )


def parse_at(text: str | None) -> datetime:
    """``--at`` as an aware moment in the computer's time zone; now when not given."""
    from stenosis_coach.core.clock import LOCAL

    if text is None:
        return datetime.now(UTC)
    try:
        naive = datetime.strptime(text, AT_FORMAT)
    except ValueError as exc:
        raise InvalidInput(
            f"--at {text}: give a local date and time as YYYY-MM-DDTHH:MM, "
            "for example 2026-03-02T09:30."
        ) from exc
    return naive.replace(tzinfo=LOCAL)


def _run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.core.clock import LOCAL
    from stenosis_coach.services.due import due_at
    from stenosis_coach.storage.database import open_database

    at = parse_at(args.at)
    db = open_database(paths)
    try:
        due = due_at(db, at, LOCAL)
    finally:
        db.close()
    if args.json:
        print(json.dumps(due.to_json(), indent=1, ensure_ascii=False))
    else:
        print(due.sentence())
    return 0


COMMANDS = (Command("due", "what is due now (or --at a local date and time)", _args, _run),)
