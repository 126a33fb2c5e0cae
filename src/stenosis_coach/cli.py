"""``stenosis-coach``: open the app, or run a headless command (DESIGN 4.1).

Exit codes: 0 ok, 1 invalid input, 2 usage error, 3 unexpected internal error.
Subcommands are loaded from :data:`stenosis_coach.commands.COMMAND_MODULES`; nothing
here imports Qt unless the window is being opened.

argparse's own words ("usage:", "options", "show this help message and exit", its error
sentences) are looked up by argparse at call time through the module-level ``_`` and
``ngettext`` it took from :mod:`gettext`. While the command line is read
(:func:`argparse_in_our_words`) they go through :mod:`stenosis_coach.i18n` instead, so the
pseudo-locale wraps them and our catalogue translates them (:data:`ARGPARSE_WORDS` lists
them for the extractor). Nothing else in the process is touched: they are given back after.

Opening the window is the fast path (:func:`window_arguments`, :func:`open_app`): the
commands and their parser are loaded only for a command (``COMMAND_MODULES``, ``Command``
and ``problem_lines`` are still names of this module, imported when first used), and the
garbage collector waits until the window is painted.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from stenosis_coach import APP_NAME, APP_TITLE, __version__, i18n
from stenosis_coach.errors import UserError, storage_error
from stenosis_coach.i18n import N_, _, ngettext
from stenosis_coach.paths import ENV_DATA_DIR, AppPaths, folder_problem
from stenosis_coach.resources import resource_path

if TYPE_CHECKING:  # also names of this module, for type checkers (see __getattr__)
    from stenosis_coach.commands import COMMAND_MODULES, Command, problem_lines  # noqa: F401
    from stenosis_coach.core.report.model import Report

# Names of this module that come from stenosis_coach.commands, imported when first used
# (PEP 562): opening the window never needs them.
_FROM_COMMANDS = ("COMMAND_MODULES", "Command", "problem_lines")


def __getattr__(name: str) -> object:
    if name in _FROM_COMMANDS:
        from stenosis_coach import commands

        return getattr(commands, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


log = logging.getLogger(__name__)

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
PLAN_SUFFIX = ".scplan.json"
DATA_DIR_USAGE = "[--data-dir DIR]"  # not translated: the option as it is typed
MINIMISED = "--minimised"  # services/autostart.py starts the app with it at login

# argparse's own words, for the catalogue (translated when argparse says them).
ARGPARSE_WORDS = (
    # Translators: argparse's own words on the command line, as Python writes them (keep each
    # %(name)s and %s as it is; "usage: " ends in a space, before the program's name).
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
ARGPARSE_COUNTED = (  # the counted one, for the catalogue as a plural entry
    lambda n: ngettext("expected %s argument", "expected %s arguments", n),
)


def _argparse_word(message: str | None) -> str | None:
    """argparse's ``_``: its message translated by our function; a trailing line break
    stays outside the message (a catalogue's entry has none, and under the pseudo-locale
    the line ends with its closing bracket)."""
    if message is None:
        return None  # argparse asks for a missing description too
    core = message.rstrip("\n")
    return _(core) + message[len(core) :]


def _argparse_counted(singular: str, plural: str, n: int) -> str:
    return ngettext(singular, plural, n)


@contextmanager
def argparse_in_our_words() -> Iterator[None]:
    """While the command line is read, argparse's words go through :mod:`stenosis_coach.i18n`
    (see the module's docstring)."""
    words: dict[str, Callable[..., object]] = {"_": _argparse_word, "ngettext": _argparse_counted}
    saved = {name: getattr(argparse, name) for name in words}
    for name, said in words.items():
        setattr(argparse, name, said)
    try:
        yield
    finally:
        for name, kept in saved.items():
            setattr(argparse, name, kept)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, with the colon after a heading inside a translated message (some
    languages put a space before it, or none), and without ``--data-dir`` in a command's
    usage: the program's part of it already says it."""

    class _Section(argparse.HelpFormatter._Section):  # type: ignore[name-defined]
        def format_help(self) -> str:
            if self.parent is not None:
                self.formatter._indent()
            join = self.formatter._join_parts
            item_help = join([func(*args) for func, args in self.items])
            if self.parent is not None:
                self.formatter._dedent()
            if not item_help:
                return ""
            heading = ""
            if self.heading is not argparse.SUPPRESS and self.heading is not None:
                # Translators: layout only: a heading of the command line's help ("options",
                # "commands"), then what your language writes after one.
                said = _("{heading}:").format(heading=self.heading)
                heading = " " * self.formatter._current_indent + said + "\n"
            return str(join(["\n", heading, item_help, "\n"]))

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        shown = [a for a in actions if "--data-dir" not in a.option_strings]
        super().add_usage(usage, shown, groups, prefix)


def load_commands() -> dict[str, Command]:
    """Every subcommand by name, in the order of :data:`COMMAND_MODULES` (the order help
    lists them). A module that needs what only this layer may reach is wired here: the
    report's PDF is drawn by Qt, in ``ui``, which commands never import."""
    from stenosis_coach.commands.report import report_command

    wired = {"stenosis_coach.commands.report": (report_command(draw_report_pdf),)}
    commands: dict[str, Command] = {}
    # Looked up on the module (a test may add a module to the list).
    for module_name in sys.modules[__name__].COMMAND_MODULES:
        found = wired.get(module_name) or importlib.import_module(module_name).COMMANDS
        for command in found:
            commands[command.name] = command
    return commands


def draw_report_pdf(report: Report, out: Path) -> None:
    """Draw the report's PDF with Qt, without a screen (Qt is imported only now)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([APP_NAME])
    from stenosis_coach.ui.report.render import write_report_pdf

    write_report_pdf(report, out)
    del app


def _add_data_dir(parser: argparse.ArgumentParser, default: object) -> None:
    """``--data-dir``, before the command or after it."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=_("keep all data in DIR instead of the usual place (also {variable})").format(
            variable=ENV_DATA_DIR
        ),
    )


def build_parser(commands: dict[str, Command]) -> argparse.ArgumentParser:
    """The command line's parser; build it inside :func:`argparse_in_our_words`."""
    under = " " * len(str(argparse._("usage: ")))  # the second way lines up with the first
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description=_(
            "{app}: exercise and walking coach for spinal stenosis. "
            "With no command, opens the app (with a plan file, its import preview)."
        ).format(app=APP_TITLE),
        usage=f"{APP_NAME} {DATA_DIR_USAGE} [FILE{PLAN_SUFFIX}]\n"
        f"{under}{APP_NAME} {DATA_DIR_USAGE} COMMAND ...",
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=_("show program's version number and exit"),
    )
    _add_data_dir(parser, None)
    parser.add_argument(
        MINIMISED,
        action="store_true",
        help=_("open hidden in the tray, or minimised (used when starting at login)"),
    )
    sub = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        title=N_("commands"),  # argparse translates a group's title (argparse_in_our_words)
        prog=f"{APP_NAME} {DATA_DIR_USAGE}",  # a command's usage: the program, once
    )
    for command in commands.values():
        said = _(command.help)  # marked N_() where the command is defined
        child = sub.add_parser(
            command.name, help=said, description=said, formatter_class=HelpFormatter
        )
        _add_data_dir(child, argparse.SUPPRESS)
        command.add_arguments(child)
    return parser


def _first_positional(argv: Sequence[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--data-dir":
            skip = True
        elif arg == "--":
            continue
        elif not arg.startswith("-"):
            return arg
    return None


def window_arguments(argv: Sequence[str]) -> tuple[str | None, str | None] | None:
    """``(data_dir, plan_file)`` when the command line only opens the window (nothing, a
    ``--data-dir DIR``, one plan file): the window opens without loading the commands or
    building the parser, which would cost its first paint. ``None`` for anything else,
    which the full parser reads (and refuses, when wrong), as before."""
    data_dir: str | None = None
    plan_file: str | None = None
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--data-dir" and data_dir is None and rest and not rest[0].startswith("-"):
            data_dir = rest.pop(0)
        elif arg.startswith("--data-dir=") and data_dir is None:
            data_dir = arg.removeprefix("--data-dir=")
        elif plan_file is None and not arg.startswith("-") and arg.endswith(PLAN_SUFFIX):
            plan_file = arg
        else:
            return None
    return data_dir, plan_file


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    window = window_arguments(argv)
    if window is not None:
        return open_window(*window)
    # The computer's language; the pseudo-locale from STENOSIS_COACH_PSEUDO. First, before
    # any help text or sentence is made.
    i18n.setup(catalogues=resource_path("locale"))
    commands = load_commands()
    with argparse_in_our_words():
        args, plan_file = _read_arguments(commands, argv)
    paths = AppPaths.resolve(args.data_dir)
    if args.command is None:
        if args.minimised:  # at login (services/autostart.py): hidden in the tray
            return open_app(paths, plan_file, minimised=True)
        return open_app(paths, plan_file)
    return run_command(commands[args.command], args, paths)


def _read_arguments(
    commands: dict[str, Command], argv: list[str]
) -> tuple[argparse.Namespace, str | None]:
    """The arguments, and the plan file to open; a usage error exits 2 (argparse)."""
    parser = build_parser(commands)
    first = _first_positional(argv)
    plan_file = None
    if first is not None and first not in commands:
        # Not a command: the only other thing allowed is one plan file to open.
        if not first.endswith(PLAN_SUFFIX):
            parser.error(
                _("unknown command '{command}' (a file to open must end in {suffix})").format(
                    command=first, suffix=PLAN_SUFFIX
                )
            )
        rest = [a for a in argv if a != first]
        if _first_positional(rest) is not None:
            parser.error(_("give at most one plan file to open"))
        plan_file, argv = first, rest
    return parser.parse_args(argv), plan_file


def run_command(command: Command, args: argparse.Namespace, paths: AppPaths) -> int:
    """Run one subcommand with friendly errors: one sentence per problem, never a traceback."""
    from stenosis_coach.commands import problem_lines

    try:
        from stenosis_coach.logging_setup import configure_logging

        paths.ensure()
        configure_logging(paths)
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        print(folder_problem(exc, paths.log_dir).message, file=sys.stderr)
        return EXIT_INVALID
    try:
        return command.run(args, paths)
    except UserError as exc:
        log.info("%s: %s", command.name, problem_lines(exc.message))
        print(problem_lines(exc.message), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_("Stopped."), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. "| head"): stop quietly, as other command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        action = _("'{command}' was not finished").format(command=command.name)
        problem = storage_error(exc, action, paths.data_dir)
        if problem is not None:  # a full or read-only disk is not a bug: one sentence
            log.warning("'%s' stopped: %s", command.name, exc)
            print(problem.message, file=sys.stderr)
            return problem.exit_code
        log.exception("unexpected error in '%s'", command.name)
        said = _("Something went wrong inside {app} ({error}). Details are in {file}.")
        error = f"{type(exc).__name__}: {exc}"  # not translated: the bug, as Python names it
        print(said.format(app=APP_TITLE, error=error, file=paths.log_file), file=sys.stderr)
        return EXIT_INTERNAL


def open_window(data_dir: str | None, plan_file: str | None) -> int:
    """The window's fast path (:func:`window_arguments`): no commands, no parser, and no
    garbage collection from here until the window is painted (see :func:`open_app`)."""
    gc.disable()
    try:
        i18n.setup(catalogues=resource_path("locale"))  # first, before any sentence is made
        return open_app(AppPaths.resolve(data_dir), plan_file)
    finally:
        gc.enable()  # whatever happened


def open_app(paths: AppPaths, plan_file: str | None, minimised: bool = False) -> int:
    """Open the window. Python's garbage collector waits until the window is painted
    (``run_app`` lets it run again then): before, it would go through every object made so
    far dozens of times while the window is being made, where nothing is garbage yet."""
    gc.disable()
    try:
        from stenosis_coach.ui import feature_check

        feature_check.install()  # PySide's look at each module imported next, made quicker
        from stenosis_coach.ui.app import run_app

        return run_app(paths, plan_file, minimised)
    finally:
        gc.enable()  # whatever happened


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
