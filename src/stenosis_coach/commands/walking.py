"""``walks import FILE.csv`` and ``status [--json]``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from stenosis_coach.commands import Command, window_closed
from stenosis_coach.i18n import N_, _
from stenosis_coach.paths import AppPaths


def _walks_args(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="walks_command", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import",
        help=_("add walks from a walk diary CSV (all or nothing)"),
        description=_(
            "Add walks from a walk diary CSV. Any bad row rejects "
            "the whole file; importing the same file again adds nothing."
        ),
    )
    imp.add_argument("file", type=Path, metavar="FILE.csv")


def _walks(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services.coach import Coach

    refusal = _("Stenosis Coach is open. Close its window, then import the walks again.")
    with window_closed(paths, refusal), Coach.open(paths) as coach:
        result = coach.import_walks(args.file)
    print(result.sentence())
    return 0


def _status_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print the figures as JSON"))


def _status(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services.coach import Coach

    with Coach.open(paths) as coach:
        status = coach.status()
    if args.json:
        print(json.dumps(status.to_json(), indent=1, ensure_ascii=False))
    else:
        print("\n".join(status.sentences()))
    return 0


COMMANDS: tuple[Command, ...] = (
    Command("walks", N_("walk diary: import walks recorded elsewhere"), _walks_args, _walks),
    Command(
        "status", N_("how things stand: verdict, key figures, next walk"), _status_args, _status
    ),
)


def _demo_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--weeks", type=int, default=16, help=_("how many weeks (default 16)"))
    parser.add_argument("--seed", type=int, default=1, help=_("the story's random seed"))


def _demo(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services.coach import Coach

    refusal = _("Stenosis Coach is open. Close its window, then make the demo again.")
    with window_closed(paths, refusal), Coach.open(paths) as coach:
        summary = coach.fill_demo(args.weeks, args.seed)
    print(summary.sentence())
    return 0


COMMANDS = (
    *COMMANDS,
    Command("demo", N_("fill an EMPTY data dir with a realistic demo history"), _demo_args, _demo),
)
