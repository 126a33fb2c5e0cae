"""Build the Stenosis Coach desktop app for this OS with PyInstaller.

    python packaging/build.py [--no-tarball] [--no-clean]

Run it with a Python that has the app installed normally (not editable) plus PyInstaller
(and Pillow, for the Windows .ico / macOS .icns icons), for example::

    python3 -m venv /tmp/venv-pack
    /tmp/venv-pack/bin/pip install . pyinstaller pillow
    /tmp/venv-pack/bin/python packaging/build.py

Produces, below packaging/dist/:
  all OSes   stenosis-coach/                    the one-folder app (see stenosis-coach.spec)
  macOS      Stenosis Coach.app                 the same, as an app bundle
  Linux      stenosis-coach-<version>-linux-<arch>.tar.gz
             with the app, install.sh / uninstall.sh and the desktop files (share/)
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "build"
DIST = HERE / "dist"
SPEC = HERE / "stenosis-coach.spec"
ICON_SVG = ROOT / "resources" / "icons" / "stenosis-coach.svg"
PNG_DIR = ROOT / "resources" / "icons" / "png"
APP_ID = "io.github.stenosiscoach.StenosisCoach"
APP_NAME = "stenosis-coach"


def version() -> str:
    text = (ROOT / "src" / "stenosis_coach" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    if not found:
        raise SystemExit("no __version__ in src/stenosis_coach/__init__.py")
    return found.group(1)


def png_icons() -> dict[int, Path]:
    """The rendered app icon PNGs by size (scripts/render_icon_pngs.py makes them)."""
    icons = {}
    for path in PNG_DIR.glob("stenosis-coach-*.png"):
        size = path.stem.rsplit("-", 1)[1]
        if size.isdigit():
            icons[int(size)] = path
    if not icons:
        raise SystemExit(f"no icon PNGs in {PNG_DIR} (run scripts/render_icon_pngs.py)")
    return dict(sorted(icons.items()))


def check_environment() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        raise SystemExit(
            f"PyInstaller is not installed for {sys.executable}: pip install pyinstaller"
        )
    spec = importlib.util.find_spec("stenosis_coach")
    if spec is None or spec.origin is None:
        raise SystemExit(f"stenosis-coach is not installed for {sys.executable}: pip install .")
    installed = Path(spec.origin).resolve()
    if ROOT / "src" in installed.parents:
        print(
            "note: stenosis_coach is an editable install; the bundle is built from the checkout "
            "(a normal `pip install .` is recommended for release builds)"
        )


def make_icons(out: Path) -> None:
    """stenosis-coach.ico (Windows) and .icns (macOS) from the PNGs, if Pillow is here."""
    out.mkdir(parents=True, exist_ok=True)
    try:
        from PIL import Image
    except ImportError:
        print("note: Pillow not installed; building without .ico/.icns icons (pip install pillow)")
        return
    icons = png_icons()
    largest = Image.open(icons[max(icons)]).convert("RGBA")
    sizes = [(s, s) for s in icons if s <= 256]
    largest.save(out / f"{APP_NAME}.ico", format="ICO", sizes=sizes)
    # Pillow's ICNS writer scales the one image to every size the format has (up to 1024).
    largest.save(out / f"{APP_NAME}.icns", format="ICNS")
    print(f"icons: {out / (APP_NAME + '.ico')}, {out / (APP_NAME + '.icns')}")


def run_pyinstaller(clean: bool) -> Path:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD / "pyinstaller"),
    ]
    if clean:
        command.append("--clean")
    command.append(str(SPEC))
    env = dict(os.environ, STENOSIS_COACH_ICON_DIR=str(BUILD / "icons"))
    print("$", " ".join(command))
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    app_dir = DIST / APP_NAME
    if not app_dir.is_dir():
        raise SystemExit(f"PyInstaller did not produce {app_dir}")
    return app_dir


def strip_libpython(app_dir: Path) -> None:
    """Drop the debug information of libpython (a self-built Python keeps ~18 MB of it).

    Only libpython: running `strip` over everything (PyInstaller's strip=True) breaks the
    wheels' patchelf-ed libraries, e.g. numpy's OpenBLAS.
    """
    strip = shutil.which("strip")
    if strip is None:
        return
    for lib in (app_dir / "_internal").glob("libpython3*.so*"):
        if lib.is_file() and not lib.is_symlink():
            subprocess.run([strip, "--strip-debug", str(lib)], check=True)


def linux_arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


def stage_linux(app_dir: Path, stage: Path, ver: str) -> None:
    """Lay out the Linux tarball's content in ``stage``: the app folder, install.sh,
    uninstall.sh, README.txt and share/ (desktop entry, AppStream, MIME type, icons)."""
    stage.mkdir(parents=True)
    shutil.copytree(app_dir, stage / APP_NAME, symlinks=True)
    linux = HERE / "linux"
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(linux / script, stage / script)
        (stage / script).chmod(0o755)
    share = stage / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(linux / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir()
    shutil.copy2(linux / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy2(linux / f"{APP_ID}.mime.xml", share / "mime" / "packages" / f"{APP_ID}.xml")
    for size, png in png_icons().items():
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(png, target / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ICON_SVG, scalable / f"{APP_ID}.svg")
    (stage / "README.txt").write_text(
        f"Stenosis Coach {ver} for Linux ({linux_arch()})\n\n"
        "Install for your user (no root needed):   ./install.sh\n"
        "Remove again:                             ~/.local/opt/stenosis-coach/uninstall.sh\n"
        "Or run it from here without installing:   ./stenosis-coach/stenosis-coach\n\n"
        "The same program is also the command-line tool: stenosis-coach --help\n",
        encoding="utf-8",
    )


def make_linux_tarball(app_dir: Path, ver: str) -> Path:
    """stenosis-coach-<ver>-linux-<arch>.tar.gz, with one top folder of the same name."""
    name = f"{APP_NAME}-{ver}-linux-{linux_arch()}"
    stage = BUILD / "tarball" / name
    shutil.rmtree(stage.parent, ignore_errors=True)
    stage_linux(app_dir, stage, ver)

    tarball = DIST / f"{name}.tar.gz"

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(tarball, "w:gz", compresslevel=6) as tar:
        tar.add(stage, arcname=name, filter=normalise)
    return tarball


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-tarball", action="store_true", help="Linux: skip the .tar.gz")
    parser.add_argument(
        "--no-clean", action="store_true", help="reuse PyInstaller's cache (faster rebuilds)"
    )
    opts = parser.parse_args()
    started = time.perf_counter()
    check_environment()
    ver = version()
    make_icons(BUILD / "icons")
    app_dir = run_pyinstaller(clean=not opts.no_clean)
    if sys.platform.startswith("linux"):
        strip_libpython(app_dir)
    print(f"app folder: {app_dir} ({du(app_dir) / 1e6:.0f} MB)")
    if sys.platform == "darwin":
        print(f"app bundle: {DIST / 'Stenosis Coach.app'}")
    if sys.platform.startswith("linux") and not opts.no_tarball:
        tarball = make_linux_tarball(app_dir, ver)
        print(f"tarball: {tarball} ({tarball.stat().st_size / 1e6:.0f} MB)")
    print(f"build took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
