"""Start when I log in (issue 16, DESIGN 5.7): the XDG autostart entry on Linux, the Run
value in the Windows registry (a fake registry here) and a LaunchAgent on macOS, written
all or nothing and removed again; what is on disk is what the app says."""

from __future__ import annotations

import configparser
import plistlib
import shlex
import sys
from pathlib import Path

import pytest

from stenosis_coach.errors import UserError
from stenosis_coach.services import autostart

COMMAND = ["/opt/stenosis coach/bin/python", "-m", "stenosis_coach", "--minimised"]


def test_from_source_it_starts_python_with_the_package_minimised():
    made = autostart.launch_command(frozen=False, executable="/usr/bin/python3")
    assert made == ["/usr/bin/python3", "-m", "stenosis_coach", "--minimised"]


def test_a_frozen_bundle_starts_itself_minimised():
    made = autostart.launch_command(frozen=True, executable="/opt/sc/stenosis-coach")
    assert made == ["/opt/sc/stenosis-coach", "--minimised"]


def test_a_chosen_data_folder_comes_along(tmp_path):
    made = autostart.launch_command(frozen=True, executable="/x/sc", data_dir=tmp_path)
    assert made == ["/x/sc", "--data-dir", str(tmp_path), "--minimised"]


def test_the_default_is_this_python():
    made = autostart.launch_command()
    assert made[0] == sys.executable and made[-1] == "--minimised"


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_linux_writes_and_removes_an_xdg_autostart_entry(tmp_path):
    place = autostart.XdgAutostart(tmp_path / "config")
    assert not place.is_enabled()
    place.enable(COMMAND)
    path = tmp_path / "config" / "autostart" / "io.github.stenosiscoach.StenosisCoach.desktop"
    assert place.path == path and place.is_enabled()
    entry = read_entry(path)
    assert entry["Type"] == "Application" and entry["Name"] == "Stenosis Coach"
    assert shlex.split(entry["Exec"]) == COMMAND  # the space in the path is quoted
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert not list(path.parent.glob("*.partial"))
    place.disable()
    assert not path.exists() and not place.is_enabled()
    place.disable()  # nothing there: nothing to do


def test_the_exec_line_escapes_what_the_spec_reserves():
    line = autostart.exec_line(["/a b/run", '50% "x" $HOME `y` \\z'])
    assert line == '"/a b/run" "50%% \\"x\\" \\$HOME \\`y\\` \\\\z"'


def test_an_entry_turned_off_by_the_desktop_counts_as_off(tmp_path):
    place = autostart.XdgAutostart(tmp_path)
    place.enable(COMMAND)
    text = place.path.read_text(encoding="utf-8")
    place.path.write_text(text + "Hidden=true\n", encoding="utf-8")
    assert not place.is_enabled()
    place.path.write_text(
        text.replace("X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false"),
        encoding="utf-8",
    )
    assert not place.is_enabled()
    place.enable(COMMAND)  # on again: written anew
    assert place.is_enabled()


def test_the_xdg_folder_follows_xdg_config_home(tmp_path):
    found = autostart.autostart_for("linux", environ={"XDG_CONFIG_HOME": str(tmp_path / "c")})
    assert isinstance(found, autostart.XdgAutostart)
    assert found.path.parent == tmp_path / "c" / "autostart"
    home = autostart.autostart_for("linux", environ={"XDG_CONFIG_HOME": "relative"}, home=tmp_path)
    assert home.path.parent == tmp_path / ".config" / "autostart"  # the spec ignores relative


def test_a_folder_that_cannot_be_written_is_one_sentence(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    place = autostart.XdgAutostart(blocked)
    with pytest.raises(UserError) as raised:
        place.enable(COMMAND)
    assert "\n" not in raised.value.message and str(blocked) in raised.value.message


class FakeRegistry:
    """HKCU\\...\\Run as a dict."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_sets_and_deletes_the_run_value():
    registry = FakeRegistry()
    place = autostart.autostart_for("win32", registry=registry)
    assert isinstance(place, autostart.WindowsRun) and not place.is_enabled()
    place.enable([r"C:\Program Files\Stenosis Coach\stenosis-coach.exe", "--minimised"])
    assert registry.values == {
        "Stenosis Coach": r'"C:\Program Files\Stenosis Coach\stenosis-coach.exe" --minimised'
    }
    assert place.is_enabled()
    assert autostart.RUN_KEY == r"Software\Microsoft\Windows\CurrentVersion\Run"
    place.disable()
    assert registry.values == {} and not place.is_enabled()


def test_macos_writes_a_launch_agent_that_runs_at_load(tmp_path):
    place = autostart.autostart_for("darwin", home=tmp_path)
    assert isinstance(place, autostart.LaunchAgent) and not place.is_enabled()
    place.enable(COMMAND)
    path = tmp_path / "Library" / "LaunchAgents" / "io.github.stenosiscoach.StenosisCoach.plist"
    assert place.path == path and place.is_enabled()
    agent = plistlib.loads(path.read_bytes())
    assert agent == {
        "Label": "io.github.stenosiscoach.StenosisCoach",
        "ProgramArguments": COMMAND,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    place.disable()
    assert not path.exists() and not place.is_enabled()


def test_a_platform_without_a_way_has_none():
    assert autostart.autostart_for("sunos5") is None


def test_a_registry_that_refuses_is_one_sentence():
    class Refusing(FakeRegistry):
        def set(self, name: str, value: str) -> None:
            raise PermissionError(5, "Access is denied")

    with pytest.raises(UserError) as raised:
        autostart.WindowsRun(Refusing()).enable(["app.exe", "--minimised"])
    assert raised.value.message == (
        "Windows did not accept the change (Access is denied), so “Start when I log in” "
        "was not turned on."
    )


def test_the_entry_is_named_as_the_app_is_packaged():
    root = Path(__file__).resolve().parents[1]
    desktop = root / "packaging" / "linux" / f"{autostart.APP_ID}.desktop"
    assert desktop.is_file()


def test_the_usual_data_folder_is_not_passed(tmp_path):
    import platformdirs

    usual = Path(platformdirs.PlatformDirs("stenosis-coach", appauthor=False).user_data_dir)
    assert autostart.data_dir_to_pass(usual) is None
    assert autostart.data_dir_to_pass(tmp_path) == tmp_path
