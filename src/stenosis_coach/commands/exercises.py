"""``exercises list [--json]`` and ``routines list [--json]`` (DESIGN 4.1)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from stenosis_coach.commands import Command
from stenosis_coach.i18n import N_, _, ngettext
from stenosis_coach.paths import AppPaths

if TYPE_CHECKING:
    from stenosis_coach.core.exercises.model import Exercise, Routine

# The words for the values of Position and Source (their values are ids, in --json).
POSITION_WORDS = {
    "lying": N_("lying"),
    "sitting": N_("sitting"),
    "standing": N_("standing"),
    "cycling": N_("cycling"),
}
SOURCE_WORDS = {"built-in": N_("built-in"), "therapist": N_("therapist"), "user": N_("user")}


def _list_args(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help=_("list them"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))


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
        print(f"{exercise.id:<{width}}  {exercise_line(exercise)}")
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
        said = ngettext(
            "{name} — {origin}, {n} step, {length}", "{name} — {origin}, {n} steps, {length}", steps
        )
        length = service.routine_length(routine, library)
        line = said.format(name=routine.name, origin=origin(routine), n=steps, length=length)
        print(f"{routine.id:<{width}}  {line}")
    return 0


def exercise_line(exercise: Exercise) -> str:
    """ "Knees to chest — lying", or "Chin tucks — sitting, neck" (after the id column)."""
    position = POSITION_WORDS.get(exercise.position.value)
    where = _(position) if position else exercise.position.value
    if exercise.region == "cervical":
        return _("{name} — {position}, neck").format(name=exercise.name, position=where)
    return _("{name} — {position}").format(name=exercise.name, position=where)


def origin(routine: Routine) -> str:
    """ "built-in", or "from R. Okafor, PT, Lakeside Physio" for a therapist's routine."""
    if routine.author:
        return _("from {author}").format(author=routine.author)
    source = SOURCE_WORDS.get(routine.source.value)
    return _(source) if source else routine.source.value


COMMANDS = (
    Command("exercises", N_("the exercise library"), _list_args, _exercises),
    Command("routines", N_("the routines you can do"), _list_args, _routines),
)
