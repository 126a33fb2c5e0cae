"""``backup --out FILE``, ``restore FILE`` and ``import --from DIR`` (DESIGN 4.1, 4.4)."""

from __future__ import annotations

import argparse
from pathlib import Path

from stenosis_coach.commands import Command, window_closed
from stenosis_coach.i18n import N_, _
from stenosis_coach.paths import AppPaths


def _backup_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help=_("where to write the backup (a single .db file)"),
    )


def _backup(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services.coach import Coach

    written = Coach.backup(paths, args.out)
    print(_("Your data was backed up to {file}.").format(file=written))
    return 0


def _restore_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=_("a backup made by 'backup'"))


def _restore(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services.coach import Coach

    with window_closed(paths, _("Stenosis Coach is open. Close its window, then restore again.")):
        result = Coach.restore(paths, args.file)
    print(_("Your data was restored from {file}.").format(file=result.restored_from))
    if result.previous_kept_at:
        print(_("The data it replaced was kept at {file}.").format(file=result.previous_kept_at))
    return 0


def _import_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="folder",
        required=True,
        type=Path,
        metavar="DIR",
        help=_("a folder written by 'export'"),
    )


def _import(args: argparse.Namespace, paths: AppPaths) -> int:
    from stenosis_coach.services.coach import Coach

    refusal = _("Stenosis Coach is open. Close its window, then import again.")
    with window_closed(paths, refusal), Coach.open(paths) as coach:
        result = coach.import_folder(args.folder)
    print(result.sentence())
    return 0


BACKUP = Command("backup", N_("copy all your data to one file"), _backup_args, _backup)
RESTORE = Command(
    "restore",
    N_("replace your data with a backup (the old data is kept)"),
    _restore_args,
    _restore,
)
IMPORT = Command(
    "import",
    N_("an export's folder back into an EMPTY data dir"),
    _import_args,
    _import,
)
COMMANDS = (BACKUP, RESTORE, IMPORT)
