"""CLI subcommands (DESIGN 4.1). Each module defines ``COMMANDS``; later capabilities add theirs
to :data:`COMMAND_MODULES` and nothing else in the CLI changes.

A command that needs what only the wiring layer may reach (the report's PDF is drawn by Qt,
in ``ui``, which commands never import) is made by a function taking it, typed, and
``cli.load_commands`` calls it in the module's place:
:func:`stenosis_coach.commands.report.report_command`."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from stenosis_coach.errors import UserError
from stenosis_coach.i18n import grouped_text, ngettext
from stenosis_coach.instance_lock import InstanceLock
from stenosis_coach.paths import AppPaths


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, one-line help, its arguments, and what it does.

    ``help`` is marked ``N_()`` (it is made at import time) and translated where the parser
    shows it; ``add_arguments`` runs when the parser is built, after the language is chosen,
    so its help texts are ``_()``.

    ``run`` returns the exit code; it raises :class:`~stenosis_coach.errors.UserError`
    for bad input (exit 1).
    """

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, AppPaths], int]


@contextmanager
def window_closed(paths: AppPaths, refusal: str) -> Iterator[None]:
    """Hold the window's lock while a command changes the data, so nothing is changed under
    an open window (its screens, its running walk and its undo belong to the data it opened).
    ``refusal`` is said when the window is open, translated: ``_("Stenosis Coach is open.
    Close its window, then restore again.")``."""
    paths.ensure()
    with InstanceLock(paths.lock_file) as lock:
        if not lock.acquire():
            raise UserError(refusal)
        yield


MAX_PROBLEM_LINES = 20


def visible(text: str) -> str:
    """``text`` with control characters (a cell's escape codes, a bell) written out as
    ``\\x1b``, so a refusal quoting a file never drives the terminal; line breaks and tabs
    stay."""
    return "".join(
        f"\\x{ord(char):02x}" if unicodedata.category(char) == "Cc" and char not in "\n\t" else char
        for char in text
    )


def problem_lines(message: str, limit: int = MAX_PROBLEM_LINES) -> str:
    """A refusal as printed: its first ``limit`` lines, then how many more there are
    (25,000 bad rows print 20 lines and "… and 24,980 more problems."); control characters
    are shown, not sent (see :func:`visible`)."""
    shown = visible(message)
    lines = shown.splitlines()
    if len(lines) <= limit:
        return shown
    more = len(lines) - limit
    said = ngettext("… and {count} more problem.", "… and {count} more problems.", more)
    return "\n".join([*lines[:limit], said.format(count=grouped_text(more))])


COMMAND_MODULES = (
    "stenosis_coach.commands.data",
    "stenosis_coach.commands.walking",
    "stenosis_coach.commands.exercises",
    "stenosis_coach.commands.plans",
    "stenosis_coach.commands.report",  # made by report_command, wired in cli.py
    "stenosis_coach.commands.export",
    "stenosis_coach.commands.due",
)
