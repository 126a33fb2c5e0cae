"""``plan validate FILE...``, ``plan import FILE... [--replace]``, ``plan export ...``."""

from __future__ import annotations

import argparse
from pathlib import Path

from stenosis_coach.commands import Command, window_closed
from stenosis_coach.i18n import N_, _, ngettext
from stenosis_coach.paths import AppPaths

# Written into the plan file, which a therapist reads: in the user's language.
DEFAULT_TITLE = N_("Exercise and walking plan")
DEFAULT_AUTHOR = N_("Stenosis Coach user")


def _args(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    validate = sub.add_parser("validate", help=_("check plan files; one line per problem"))
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp = sub.add_parser("import", help=_("import plan files (all or nothing)"))
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument(
        "--replace", action="store_true", help=_("replace routines that already exist")
    )
    export = sub.add_parser("export", help=_("write routines and the walking plan to a file"))
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument(
        "--routine",
        action="append",
        default=[],
        metavar="ID",
        help=_("a routine to include (repeat for several)"),
    )
    export.add_argument(
        "--with-walking-plan", action="store_true", help=_("include the current walking plan")
    )
    export.add_argument("--title", default=_(DEFAULT_TITLE))
    export.add_argument("--author", default=_(DEFAULT_AUTHOR), metavar="NAME")
    export.add_argument("--clinic", default=None, metavar="NAME")


def _run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services import plans

    if args.plan_command == "validate":
        for f in plans.read_plans(args.files):  # raises with every problem of every file
            routines = len(f.plan.routines())
            if f.plan.walking():
                said = ngettext(
                    "{file}: valid ({n} routine, a walking plan).",
                    "{file}: valid ({n} routines, a walking plan).",
                    routines,
                )
            else:
                said = ngettext(
                    "{file}: valid ({n} routine).", "{file}: valid ({n} routines).", routines
                )
            print(said.format(file=f.path, n=routines))
        return 0
    from stenosis_coach.services.coach import Coach

    if args.plan_command == "import":
        files = plans.read_plans(args.files)  # a bad file is said first, window open or not
        refusal = _("Stenosis Coach is open. Close its window, then import the plan again.")
        with window_closed(paths, refusal), Coach.open(paths) as coach:
            result = coach.import_plans(files, replace=args.replace)
        print(result.sentence())
        return 0
    with Coach.open(paths) as coach:
        out = coach.export_plan(
            args.out, args.routine, args.with_walking_plan, args.title, args.author, args.clinic
        )
    print(_("The plan was written to {file}.").format(file=out))
    return 0


COMMANDS = (Command("plan", N_("therapist plan files: validate, import, export"), _args, _run),)
