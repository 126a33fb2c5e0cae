"""Fast checks of packaging/ (no PyInstaller run): the desktop entry, AppStream metadata and
MIME type agree with each other and the app, and install.sh / uninstall.sh work on a stub
app in a throw-away HOME. The frozen build itself is checked by packaging/smoke_test.py."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from stenosis_coach import __version__
from stenosis_coach.cli import PLAN_SUFFIX

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "io.github.stenosiscoach.StenosisCoach"
MIME_TYPE = "application/x-stenosis-coach-plan"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"

posix_only = pytest.mark.skipif(os.name != "posix", reason="install.sh is for Linux")


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def load_build_module():
    spec = importlib.util.spec_from_file_location("packaging_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_desktop_entry_opens_plan_files() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "stenosis-coach %f"
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"].split(";")[:-1] == [MIME_TYPE]
    assert entry["Terminal"] == "false"


def test_mime_type_claims_plan_files_over_json() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot()
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    (glob,) = mime.findall(f"{MIME_NS}glob")
    assert glob.get("pattern") == "*" + PLAN_SUFFIX
    assert int(glob.get("weight", "50")) > 50  # above application/json's *.json
    parents = [e.get("type") for e in mime.findall(f"{MIME_NS}sub-class-of")]
    assert parents == ["application/json"]


def test_metainfo_matches_desktop_entry_and_version() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "stenosis-coach"
    assert root.findtext("provides/mediatype") == MIME_TYPE
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, (
        "add a <release> for this version to the metainfo file"
    )


def test_icons_for_every_platform_exist() -> None:
    build = load_build_module()
    sizes = set(build.png_icons())
    assert {16, 32, 48, 64, 128, 256} <= sizes
    assert build.ICON_SVG.is_file()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@posix_only
def test_install_and_uninstall_scripts_in_a_fresh_home(tmp_path: Path) -> None:
    """install.sh puts app, link, menu entry, icon and MIME type under HOME; uninstall.sh
    removes them all again (a shell stub stands in for the frozen app)."""
    build = load_build_module()
    app = tmp_path / "built" / "stenosis-coach"
    app.mkdir(parents=True)
    stub = app / "stenosis-coach"
    stub.write_text('#!/bin/sh\necho stenosis-coach stub "$@"\n')
    stub.chmod(0o755)
    stage = tmp_path / "unpacked"
    build.stage_linux(app, stage, __version__)

    home = tmp_path / "a home"  # a space in the path, on purpose
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.defpath, "LANG": "C.UTF-8"}
    result = subprocess.run(
        ["sh", str(stage / "install.sh")], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr

    share = home / ".local" / "share"
    installed = [
        home / ".local" / "bin" / "stenosis-coach",
        home / ".local" / "opt" / "stenosis-coach" / "uninstall.sh",
        share / "applications" / f"{APP_ID}.desktop",
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
        share / "mime" / "packages" / f"{APP_ID}.xml",
        share / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    ]
    assert [p for p in installed if not p.exists()] == []
    exec_line = next(
        line
        for line in (share / "applications" / f"{APP_ID}.desktop").read_text().splitlines()
        if line.startswith("Exec=")
    )
    assert exec_line == f'Exec="{home}/.local/opt/stenosis-coach/stenosis-coach" %f'
    ran = subprocess.run(
        [str(home / ".local" / "bin" / "stenosis-coach"), "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert ran.stdout.strip() == "stenosis-coach stub --version"

    # Installing again updates in place.
    again = subprocess.run(
        ["sh", str(stage / "install.sh")], env=env, capture_output=True, text=True
    )
    assert again.returncode == 0, again.stderr

    uninstall = home / ".local" / "opt" / "stenosis-coach" / "uninstall.sh"
    result = subprocess.run(["sh", str(uninstall)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert [p for p in installed if p.exists() or p.is_symlink()] == []
    assert not (home / ".local" / "opt" / "stenosis-coach").exists()


@posix_only
def test_install_does_not_replace_a_foreign_command(tmp_path: Path) -> None:
    build = load_build_module()
    app = tmp_path / "built" / "stenosis-coach"
    app.mkdir(parents=True)
    (app / "stenosis-coach").write_text("#!/bin/sh\n")
    (app / "stenosis-coach").chmod(0o755)
    build.stage_linux(app, tmp_path / "unpacked", __version__)
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    mine = home / ".local" / "bin" / "stenosis-coach"
    mine.write_text("#!/bin/sh\necho pip-installed\n")
    env = {"HOME": str(home), "PATH": os.defpath}
    result = subprocess.run(
        ["sh", str(tmp_path / "unpacked" / "install.sh")], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert not mine.is_symlink() and "pip-installed" in mine.read_text()
    subprocess.run(
        ["sh", str(home / ".local" / "opt" / "stenosis-coach" / "uninstall.sh")],
        env=env,
        capture_output=True,
        check=True,
    )
    assert mine.exists()  # still there: it was never ours


def test_spec_is_valid_python() -> None:
    compile((PACKAGING / "stenosis-coach.spec").read_text(encoding="utf-8"), "spec", "exec")
    assert sys.version_info >= (3, 11)
