"""``plan validate FILE...``, ``plan import FILE... [--replace]``, ``plan export ...``."""

from __future__ import annotations

import argparse
from pathlib import Path

from stenosis_coach.commands import Command, window_closed
from stenosis_coach.paths import AppPaths

DEFAULT_TITLE = "Exercise and walking plan"
DEFAULT_AUTHOR = "Stenosis Coach user"


def _args(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    validate = sub.add_parser("validate", help="check plan files; one line per problem")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp = sub.add_parser("import", help="import plan files (all or nothing)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--replace", action="store_true", help="replace routines that already exist")
    export = sub.add_parser("export", help="write routines and the walking plan to a file")
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument(
        "--routine",
        action="append",
        default=[],
        metavar="ID",
        help="a routine to include (repeat for several)",
    )
    export.add_argument(
        "--with-walking-plan", action="store_true", help="include the current walking plan"
    )
    export.add_argument("--title", default=DEFAULT_TITLE)
    export.add_argument("--author", default=DEFAULT_AUTHOR, metavar="NAME")
    export.add_argument("--clinic", default=None, metavar="NAME")


def _run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services import plans

    if args.plan_command == "validate":
        for f in plans.read_plans(args.files):  # raises with every problem of every file
            routines = len(f.plan.routines())
            walking = ", a walking plan" if f.plan.walking() else ""
            print(f"{f.path}: valid ({routines} routine{'s' if routines != 1 else ''}{walking}).")
        return 0
    from stenosis_coach.services.coach import Coach

    if args.plan_command == "import":
        files = plans.read_plans(args.files)  # a bad file is said first, window open or not
        with window_closed(paths, "import the plan"), Coach.open(paths) as coach:
            result = coach.import_plans(files, replace=args.replace)
        print(result.sentence())
        return 0
    with Coach.open(paths) as coach:
        out = coach.export_plan(
            args.out, args.routine, args.with_walking_plan, args.title, args.author, args.clinic
        )
    print(f"The plan was written to {out}.")
    return 0


COMMANDS = (Command("plan", "therapist plan files: validate, import, export", _args, _run),)
