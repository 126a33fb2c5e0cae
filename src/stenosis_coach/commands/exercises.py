"""``exercises list [--json]`` and ``routines list [--json]`` (DESIGN 4.1)."""

from __future__ import annotations

import argparse
import json

from stenosis_coach.commands import Command
from stenosis_coach.paths import AppPaths


def _list_args(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list them")
    listing.add_argument("--json", action="store_true", help="print JSON")


def _with_db(paths: AppPaths, read):
    """Run ``read(db)`` with the user's data if there is any (imported plans), else
    ``read(None)`` (built-in only) without creating a data file."""
    if not paths.db_file.exists():
        return read(None)
    from stenosis_coach.storage.database import open_database

    db = open_database(paths)
    try:
        return read(db)
    finally:
        db.close()


def _exercises(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services import exercises as service

    found = _with_db(paths, service.exercises)
    if args.json:
        print(
            json.dumps(
                [service.exercise_json(e) for e in found.values()], indent=1, ensure_ascii=False
            )
        )
        return 0
    width = max(len(e.id) for e in found.values())
    for exercise in found.values():
        where = exercise.position.value + (", neck" if exercise.region == "cervical" else "")
        print(f"{exercise.id:<{width}}  {exercise.name} — {where}")
    return 0


def _routines(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services import exercises as service

    library, found = _with_db(paths, lambda db: (service.exercises(db), service.routines(db)))
    if args.json:
        print(
            json.dumps(
                [service.routine_json(r, library) for r in found.values()],
                indent=1,
                ensure_ascii=False,
            )
        )
        return 0
    width = max(len(r.id) for r in found.values())
    for routine in found.values():
        steps = len(routine.steps)
        print(
            f"{routine.id:<{width}}  {routine.name} — {origin(routine)}, {steps} "
            f"step{'s' if steps != 1 else ''}, {service.routine_length(routine, library)}"
        )
    return 0


def origin(routine) -> str:
    """ "built-in", or "from R. Okafor, PT, Lakeside Physio" for a therapist's routine."""
    return f"from {routine.author}" if routine.author else routine.source.value


COMMANDS = (
    Command("exercises", "the exercise library", _list_args, _exercises),
    Command("routines", "the routines you can do", _list_args, _routines),
)
