"""``due [--json] [--at YYYY-MM-DDTHH:MM]``: what is due at a local moment (DESIGN 4.1, 5.7).

The same answer as the Today page and ``status`` (:func:`services.due.due_at`).
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime

from stenosis_coach.commands import Command
from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import N_, _
from stenosis_coach.paths import AppPaths

AT_FORMAT = "%Y-%m-%dT%H:%M"


def _args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print what is due as JSON"))
    parser.add_argument(
        "--at",
        metavar="YYYY-MM-DDTHH:MM",
        help=_("a local date and time to ask about (default: now)"),
    )


def parse_at(text: str | None) -> datetime | None:
    """``--at`` as a date and time on the user's clock (naive); None when not given."""
    if text is None:
        return None
    try:
        return datetime.strptime(text, AT_FORMAT)
    except ValueError as exc:
        raise InvalidInput(
            _(
                "--at {value}: give a local date and time as YYYY-MM-DDTHH:MM, "
                "for example 2026-03-02T09:30."
            ).format(value=text)
        ) from exc


def _run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services.coach import Coach

    wall = parse_at(args.at)  # a bad --at is said before the data is opened
    with Coach.open(paths) as coach:
        due = coach.due(coach.wall_time(wall) if wall is not None else None)
    if args.json:
        print(json.dumps(due.to_json(), indent=1, ensure_ascii=False))
    else:
        print(due.sentence())
    return 0


COMMANDS = (Command("due", N_("what is due now (or --at a local date and time)"), _args, _run),)
