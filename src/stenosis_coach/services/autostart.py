"""Start when I log in (issue 16, DESIGN 5.7): the app starts minimised to the tray when
the user logs in, if they want it (off by default).

One place per desktop, each behind the same small interface (:class:`Autostart`):

* Linux and other XDG desktops: an autostart entry,
  ``$XDG_CONFIG_HOME/autostart/<app id>.desktop`` (XDG Autostart and Desktop Entry specs).
* Windows: a value named after the app under ``HKCU\\Software\\Microsoft\\Windows\\
  CurrentVersion\\Run``, through an injectable :class:`RunRegistry` (tests give a dict).
* macOS: a LaunchAgent, ``~/Library/LaunchAgents/<app id>.plist`` with ``RunAtLoad``.

What is on disk (or in the registry) is the only record: the Settings page asks
:meth:`Autostart.is_enabled` each time it shows, so it never disagrees with the desktop.
Files are written all or nothing (:func:`stenosis_coach.files.write_checked`); a problem
is one sentence (:class:`~stenosis_coach.errors.UserError`). No Qt here.
"""

from __future__ import annotations

import logging
import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from stenosis_coach import APP_NAME, APP_TITLE
from stenosis_coach.errors import UserError, storage_error
from stenosis_coach.files import write_checked
from stenosis_coach.i18n import _

log = logging.getLogger(__name__)

# The desktop id (packaging/linux/*.desktop, ui/app.py's DESKTOP_ID): the entry's name.
APP_ID = "io.github.stenosiscoach.StenosisCoach"
MINIMISED_OPTION = "--minimised"  # cli.py: open the window hidden in the tray
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = APP_TITLE  # the name Windows' Startup apps list shows


def launch_command(
    *,
    frozen: bool | None = None,
    executable: str | None = None,
    data_dir: Path | None = None,
) -> list[str]:
    """The command that starts this app minimised: a frozen bundle runs its executable,
    an install from source runs ``python -m stenosis_coach``. ``data_dir``: a data folder
    chosen with ``--data-dir`` comes along, so the app opens on the same data."""
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    executable = sys.executable if executable is None else executable
    command = [executable] if frozen else [executable, "-m", "stenosis_coach"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return [*command, MINIMISED_OPTION]


def data_dir_to_pass(data_dir: Path) -> Path | None:
    """``data_dir`` when it is not the platform's usual data folder (it was chosen with
    ``--data-dir`` or the environment): the app started at login must open it too. The
    usual folder is not passed, since ``--data-dir`` also moves the settings beside it."""
    import platformdirs

    usual = Path(platformdirs.PlatformDirs(APP_NAME, appauthor=False).user_data_dir)
    return None if data_dir == usual else data_dir


class Autostart(Protocol):
    """Turns "start when I log in" on or off where this desktop looks for it."""

    def is_enabled(self) -> bool:
        """Whether the desktop will start the app at the next login."""
        ...

    def enable(self, command: Sequence[str]) -> None:
        """Start ``command`` at login (written anew if there already); UserError if not."""
        ...

    def disable(self) -> None:
        """Start nothing at login (nothing there is fine); UserError if it stays."""
        ...


def _turned_on() -> str:
    return _("“Start when I log in” was not turned on")


def _turned_off() -> str:
    return _("“Start when I log in” was not turned off")


def _problem(exc: OSError, action: str, where: Path) -> UserError:
    found = storage_error(exc, action, where)
    if found is not None:
        return found
    return UserError(
        _("{place} could not be changed ({reason}), so {action}.").format(
            place=where, reason=exc.strerror or exc, action=action
        )
    )


def _write_file(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _problem(exc, _turned_on(), path.parent) from None
    write_checked(path, data=data)


def _remove_file(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise _problem(exc, _turned_off(), path) from None


# --- Linux and other XDG desktops --------------------------------------------------------

_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_line(command: Sequence[str]) -> str:
    """``command`` as a desktop entry's ``Exec`` value: an argument holding a reserved
    character is quoted, with ``"``, `````, ``$`` and ``\\`` escaped inside the quotes, and
    ``%`` doubled (Desktop Entry spec, "The Exec key")."""
    said = []
    for arg in command:
        arg = arg.replace("%", "%%")
        if arg and not _EXEC_RESERVED.intersection(arg):
            said.append(arg)
            continue
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        said.append(f'"{escaped}"')
    return " ".join(said)


class XdgAutostart:
    """``<config home>/autostart/<app id>.desktop``."""

    def __init__(self, config_home: Path) -> None:
        self.path = config_home / "autostart" / f"{APP_ID}.desktop"

    def entry_text(self, command: Sequence[str]) -> str:
        lines = [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={APP_TITLE}",
            f"Icon={APP_ID}",
            f"Exec={exec_line(command)}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "X-KDE-autostart-after=panel",  # after the tray exists
        ]
        return "\n".join(lines) + "\n"

    def is_enabled(self) -> bool:
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        entry = _desktop_entry(text)
        if entry.get("Hidden", "").strip().lower() == "true":
            return False
        return entry.get("X-GNOME-Autostart-enabled", "true").strip().lower() != "false"

    def enable(self, command: Sequence[str]) -> None:
        _write_file(self.path, self.entry_text(command).encode("utf-8"))
        log.info("autostart entry written: %s", self.path)

    def disable(self) -> None:
        _remove_file(self.path)
        log.info("autostart entry removed: %s", self.path)


def _desktop_entry(text: str) -> dict[str, str]:
    """The keys of the ``[Desktop Entry]`` group (a damaged line is skipped)."""
    entry: dict[str, str] = {}
    group = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
        elif group == "Desktop Entry" and "=" in line:  # not translated: the spec's group
            key, value = line.split("=", 1)
            entry[key.strip()] = value
    return entry


def xdg_config_home(environ: Mapping[str, str], home: Path) -> Path:
    """``$XDG_CONFIG_HOME`` when it is an absolute path, else ``~/.config`` (the spec)."""
    chosen = environ.get("XDG_CONFIG_HOME", "")
    return Path(chosen) if chosen and os.path.isabs(chosen) else home / ".config"


# --- macOS -------------------------------------------------------------------------------


class LaunchAgent:
    """``~/Library/LaunchAgents/<app id>.plist``, run at load (at login)."""

    def __init__(self, home: Path) -> None:
        self.path = home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"

    def is_enabled(self) -> bool:
        try:
            agent = plistlib.loads(self.path.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError):
            return False
        return isinstance(agent, dict) and agent.get("RunAtLoad") is True

    def enable(self, command: Sequence[str]) -> None:
        agent = {
            "Label": APP_ID,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        _write_file(self.path, plistlib.dumps(agent))
        log.info("launch agent written: %s", self.path)

    def disable(self) -> None:
        _remove_file(self.path)
        log.info("launch agent removed: %s", self.path)


# --- Windows -----------------------------------------------------------------------------


class RunRegistry(Protocol):
    """The values of ``HKCU\\...\\Run``: name → command line."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class WinregRunKey:
    """The real ``HKCU\\...\\Run`` key, through :mod:`winreg` (Windows only; elsewhere
    every call is an ``OSError``)."""

    def get(self, name: str) -> str | None:
        if sys.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                    value, _kind = winreg.QueryValueEx(key, name)
            except FileNotFoundError:
                return None
            return str(value)
        raise OSError("the Windows registry exists only on Windows")

    def set(self, name: str, value: str) -> None:
        if sys.platform == "win32":
            import winreg

            with winreg.CreateKeyEx(
                winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)
            return
        raise OSError("the Windows registry exists only on Windows")

    def delete(self, name: str) -> None:
        if sys.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(
                    winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
                ) as key:
                    winreg.DeleteValue(key, name)
            except FileNotFoundError:
                pass
            return
        raise OSError("the Windows registry exists only on Windows")


class WindowsRun:
    """The app's value under ``HKCU\\...\\Run``: the command line Windows runs at login."""

    def __init__(self, registry: RunRegistry) -> None:
        self.registry = registry

    def is_enabled(self) -> bool:
        try:
            return bool(self.registry.get(RUN_VALUE))
        except OSError:
            return False

    def enable(self, command: Sequence[str]) -> None:
        try:
            self.registry.set(RUN_VALUE, subprocess.list2cmdline(list(command)))
        except OSError as exc:
            raise _registry_problem(exc, _turned_on()) from None

    def disable(self) -> None:
        try:
            self.registry.delete(RUN_VALUE)
        except OSError as exc:
            raise _registry_problem(exc, _turned_off()) from None


def _registry_problem(exc: OSError, action: str) -> UserError:
    return UserError(
        _("Windows did not accept the change ({reason}), so {action}.").format(
            reason=exc.strerror or exc, action=action
        )
    )


# --- this computer -----------------------------------------------------------------------


def autostart_for(
    platform: str = sys.platform,
    *,
    environ: Mapping[str, str] | None = None,
    home: Path | None = None,
    registry: RunRegistry | None = None,
) -> Autostart | None:
    """Where ``platform`` (``sys.platform``'s words) starts apps at login, or ``None``
    where the app knows of no such place."""
    if platform == "win32":
        return WindowsRun(registry if registry is not None else WinregRunKey())
    home = Path.home() if home is None else home
    if platform == "darwin":
        return LaunchAgent(home)
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return XdgAutostart(xdg_config_home(os.environ if environ is None else environ, home))
    return None
