"""``exercises list [--json]`` and ``routines list [--json]`` (DESIGN 4.1)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from stenosis_coach.commands import Command
from stenosis_coach.paths import AppPaths

if TYPE_CHECKING:
    from stenosis_coach.core.exercises.model import Routine


def _list_args(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list them")
    listing.add_argument("--json", action="store_true", help="print JSON")


def _exercises(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services import exercises as service
    from stenosis_coach.services.coach import Coach

    # With the user's data if there is any (imported plans); no data file is made.
    with Coach.open(paths, create=False) as coach:
        found = coach.exercises()
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
    from stenosis_coach.services.coach import Coach

    with Coach.open(paths, create=False) as coach:
        library, found = coach.exercises(), coach.routines()
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


def origin(routine: Routine) -> str:
    """ "built-in", or "from R. Okafor, PT, Lakeside Physio" for a therapist's routine."""
    return f"from {routine.author}" if routine.author else routine.source.value


COMMANDS = (
    Command("exercises", "the exercise library", _list_args, _exercises),
    Command("routines", "the routines you can do", _list_args, _routines),
)
