"""Smoke-test the frozen one-folder app: build it (or take a built one), then run the CLI and
the window from the bundle on empty, throw-away data folders.

    python packaging/smoke_test.py                 # build with this Python, then test
    python packaging/smoke_test.py --no-build      # test packaging/dist/stenosis-coach as is
    python packaging/smoke_test.py --no-build --dist DIR --python /path/to/venv/bin/python

--python is the interpreter whose ``python -m stenosis_coach`` the start-up times are
compared with (default: this one). Exits non-zero on the first failure: a non-zero exit
code, or any of "Traceback", "ModuleNotFoundError", "ImportError", "could not find the Qt
platform plugin", "Cannot load library" or "qt.qpa" on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PLAN = ROOT / "tests" / "fixtures" / "plan-lakeside.scplan.json"
DIARY = ROOT / "tests" / "fixtures" / "diary-programme-12-weeks.csv"
APP_ID = "io.github.stenosiscoach.StenosisCoach"
BAD = (
    "Traceback",
    "ModuleNotFoundError",
    "ImportError",
    "could not find the Qt platform plugin",
    "Cannot load library",
    "qt.qpa",
)
EXE = "stenosis-coach.exe" if sys.platform == "win32" else "stenosis-coach"


class SmokeFailure(Exception):
    pass


def check_output(label: str, result: subprocess.CompletedProcess, ok_codes=(0,)) -> None:
    bad = [marker for marker in BAD if marker in (result.stderr or "")]
    if result.returncode not in ok_codes or bad:
        raise SmokeFailure(
            f"{label}: exit {result.returncode}"
            + (f", stderr has {bad}" if bad else "")
            + f"\n--- stdout ---\n{(result.stdout or '')[-2000:]}"
            f"\n--- stderr ---\n{(result.stderr or '')[-4000:]}"
        )


class Runner:
    def __init__(self, exe: Path, env: dict[str, str]) -> None:
        self.exe = exe
        self.env = env
        self.results: list[tuple[str, float]] = []

    def __call__(self, label: str, *args: str, ok_codes=(0,), timeout=120, **kw) -> str:
        started = time.perf_counter()
        result = subprocess.run(
            [str(self.exe), *args],
            env=kw.get("env", self.env),
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=kw.get("cwd"),
        )
        elapsed = time.perf_counter() - started
        check_output(label, result, ok_codes)
        self.results.append((label, elapsed))
        print(f"  ok  {label:<38} {elapsed:6.2f} s")
        return result.stdout


def run_gui_probe(
    runner: Runner,
    label: str,
    data_dir: Path,
    env: dict[str, str],
    wrapper: list[str] | None = None,
) -> None:
    """Open the window; the app quits by itself once it is interactive (its start-up probe)."""
    env = dict(env, STENOSIS_COACH_STARTUP_PROBE=repr(time.time()))
    started = time.perf_counter()
    result = subprocess.run(
        [*(wrapper or []), str(runner.exe), "--data-dir", str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    check_output(label, result)
    if "startup-probe" not in result.stderr:
        raise SmokeFailure(f"{label}: the window never became interactive\n{result.stderr}")
    probe = result.stderr.split("startup-probe", 1)[1].strip().splitlines()[0]
    print(f"  ok  {label:<38} {time.perf_counter() - started:6.2f} s  ({probe})")


def run_gui_for_a_while(
    runner: Runner, label: str, data_dir: Path, env: dict[str, str], seconds: float, plan: Path
) -> None:
    """Open the window on a plan file (its import preview), keep it up, then SIGTERM it."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(
            [str(runner.exe), "--data-dir", str(data_dir), str(plan)],
            env=env,
            stdout=out,
            stderr=err,
            text=True,
        )
        try:
            time.sleep(seconds)
            still_running = proc.poll() is None
            if still_running:
                proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=20)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        out.seek(0)
        err.seek(0)
        result = subprocess.CompletedProcess(proc.args, code, out.read(), err.read())
    if not still_running:
        raise SmokeFailure(f"{label}: the app quit by itself (exit {code})\n{result.stderr}")
    check_output(label, result, ok_codes=(0, -signal.SIGTERM, 128 + signal.SIGTERM))
    print(
        f"  ok  {label:<38} {time.perf_counter() - started:6.2f} s"
        f"  (up {seconds:g} s, then SIGTERM)"
    )


# A date as German says it ("Di., 1. Dez."): a weekday's abbreviation, then the day.
GERMAN_DAY = re.compile(r"\b(Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. ")
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def check_german_dates(run: Runner, demo: Path, env: dict[str, str]) -> None:
    """Babel's locale data is in the bundle: ``status`` on the demo data, with the computer
    in German, says its dates the German way (the words stay English: no German catalogue)
    and does not fail. Without the data, Babel cannot say a date in any language."""
    german = {k: v for k, v in env.items() if k not in LOCALE_VARIABLES}
    german["LANG"] = "de_DE.UTF-8"
    out = run("status in German (Babel's data)", "--data-dir", str(demo), "status", env=german)
    if not GERMAN_DAY.search(out):
        raise SmokeFailure(f"status with LANG=de_DE.UTF-8 says no date in German:\n{out}")


def check_logs(work: Path) -> None:
    """The app logs errors it caught (a crash dialog, a failed command) to logs/*.log."""
    for log in sorted(work.rglob("logs/*.log")):
        bad = [
            line
            for line in log.read_text(errors="replace").splitlines()
            if " ERROR " in line or " CRITICAL " in line or line.startswith("Traceback")
        ]
        if bad:
            raise SmokeFailure(f"{log} has errors:\n" + "\n".join(bad[:20]))
    print(f"  ok  {'no errors in the app logs':<38}")


def median_time(command: list[str], env: dict[str, str], runs: int) -> float:
    subprocess.run(command, env=env, capture_output=True, check=True)  # warm the file cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bundle_size(app_dir: Path) -> str:
    if shutil.which("du"):
        return subprocess.run(
            ["du", "-sh", str(app_dir)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    total = sum(p.stat().st_size for p in app_dir.rglob("*") if p.is_file())
    return f"{total / 1e6:.0f}M"


def lint_desktop_files() -> None:
    linux = HERE / "linux"
    checks = [
        ("desktop-file-validate", [str(linux / f"{APP_ID}.desktop")]),
        ("appstreamcli", ["validate", "--no-net", str(linux / f"{APP_ID}.metainfo.xml")]),
    ]
    for tool, args in checks:
        if not shutil.which(tool):
            print(f"  --  {tool} not installed; skipped")
            continue
        result = subprocess.run([tool, *args], capture_output=True, text=True)
        if result.returncode != 0:
            raise SmokeFailure(f"{tool} failed:\n{result.stdout}{result.stderr}")
        print(f"  ok  {tool}")


def test_tarball_install(tarball: Path, work: Path) -> None:
    """Unpack the tarball, install.sh into a fake HOME, run the installed app, uninstall.sh."""
    started = time.perf_counter()
    unpack = work / "unpacked"
    with tarfile.open(tarball) as tar:
        tar.extractall(unpack, filter="tar")
    (top,) = unpack.iterdir()
    home = work / "fake home"  # a space, on purpose
    home.mkdir()
    env = {
        "HOME": str(home),
        "PATH": f"{home}/.local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
    }
    for script in ("install.sh",):
        result = subprocess.run(["sh", str(top / script)], env=env, capture_output=True, text=True)
        check_output(script, result)
    share = home / ".local" / "share"
    expected = [
        home / ".local" / "bin" / "stenosis-coach",
        home / ".local" / "opt" / "stenosis-coach" / "uninstall.sh",
        share / "applications" / f"{APP_ID}.desktop",
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
        share / "mime" / "packages" / f"{APP_ID}.xml",
        share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    ]
    missing = [str(p) for p in expected if not p.exists()]
    if missing:
        raise SmokeFailure(f"install.sh did not create {missing}")
    if shutil.which("update-mime-database"):
        globs = (share / "mime" / "globs2").read_text()
        if "application/x-stenosis-coach-plan:*.scplan.json" not in globs:
            raise SmokeFailure("the .scplan.json MIME type is not in the user's MIME database")
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(share / "applications" / f"{APP_ID}.desktop")],
            capture_output=True,
            text=True,
        )
        check_output("installed .desktop file", result)
    result = subprocess.run(
        ["stenosis-coach", "--version"], env=env, capture_output=True, text=True
    )
    check_output("installed stenosis-coach --version", result)
    uninstall = home / ".local" / "opt" / "stenosis-coach" / "uninstall.sh"
    result = subprocess.run(["sh", str(uninstall)], env=env, capture_output=True, text=True)
    check_output("uninstall.sh", result)
    left = [str(p) for p in expected if p.exists() or p.is_symlink()]
    if left:
        raise SmokeFailure(f"uninstall.sh left {left}")
    print(f"  ok  {'tarball install.sh / uninstall.sh':<38} {time.perf_counter() - started:6.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="test the existing build")
    parser.add_argument(
        "--dist",
        type=Path,
        default=HERE / "dist" / "stenosis-coach",
        help="the one-folder app (default: packaging/dist/stenosis-coach)",
    )
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="interpreter for the `python -m stenosis_coach` comparison",
    )
    parser.add_argument("--gui-seconds", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=5, help="runs per start-up timing")
    parser.add_argument("--no-install", action="store_true", help="skip the tarball install test")
    opts = parser.parse_args()
    overall = time.perf_counter()

    build_time = None
    if not opts.no_build:
        print(f"building with {sys.executable} ...")
        started = time.perf_counter()
        subprocess.run([sys.executable, str(HERE / "build.py")], check=True)
        build_time = time.perf_counter() - started
    app_dir = opts.dist.resolve()
    exe = app_dir / EXE
    if not exe.is_file():
        raise SystemExit(f"no built app at {exe} (run packaging/build.py first)")

    work = Path(tempfile.mkdtemp(prefix="stenosis-smoke-"))
    empty = work / "data-empty"
    demo = work / "data-demo"
    env = {k: v for k, v in os.environ.items() if not k.startswith("STENOSIS_COACH_")}
    env.update(
        STENOSIS_COACH_DATA_DIR=str(empty),  # every command below on throw-away data only
        QT_QPA_PLATFORM="offscreen",
        HOME=str(work / "home"),
        XDG_RUNTIME_DIR=str(work / "runtime"),
        LANG="C.UTF-8",
    )
    (work / "home").mkdir()
    (work / "runtime").mkdir(mode=0o700)
    run = Runner(exe, env)
    print(f"testing {exe} on empty data in {work}")
    try:
        version = run("--version", "--version").strip()
        json.loads(run("status --json (empty data)", "status", "--json"))
        run("exercises list", "exercises", "list")
        json.loads(run("routines list --json", "routines", "list", "--json"))
        run("plan validate", "plan", "validate", str(PLAN))
        run("plan import", "plan", "import", str(PLAN))
        exported = work / "again.scplan.json"
        run(
            "plan export",
            *("plan", "export", "--out", str(exported), "--with-walking-plan"),
            *("--title", "Smoke", "--author", "Smoke test"),
        )
        run("walks import", "walks", "import", str(DIARY))
        bad = work / "bad.scplan.json"
        bad.write_text('{"format": "stenosis-coach-plan", "version": 1}', encoding="utf-8")
        run("plan validate (a bad file: exit 1)", "plan", "validate", str(bad), ok_codes=(1,))
        run("demo --weeks 4 (second empty dir)", "--data-dir", str(demo), "demo", "--weeks", "4")
        status = json.loads(
            run("status --json (demo)", "--data-dir", str(demo), "status", "--json")
        )
        check_german_dates(run, demo, env)
        pdf = work / "x.pdf"
        run("report --out x.pdf", "--data-dir", str(demo), "report", "--out", str(pdf))
        if not pdf.read_bytes().startswith(b"%PDF"):
            raise SmokeFailure("report: x.pdf is not a PDF")
        export_dir = work / "export"
        run("export --out dir", "--data-dir", str(demo), "export", "--out", str(export_dir))
        if not list(export_dir.rglob("*.csv")):
            raise SmokeFailure("export: no CSV files written")
        backup = work / "backup.db"
        run("backup --out", "--data-dir", str(demo), "backup", "--out", str(backup))
        if not backup.read_bytes().startswith(b"SQLite format 3"):
            raise SmokeFailure("backup: not an SQLite file")
        run("restore", "restore", str(backup))
        restored = json.loads(run("status --json (restored)", "status", "--json"))
        if restored != status:
            raise SmokeFailure("restore: the restored data does not give the demo's status")

        run_gui_probe(run, "window offscreen (until interactive)", work / "data-gui", env)
        run_gui_for_a_while(
            run, "window offscreen on a plan file", work / "data-gui2", env, opts.gui_seconds, PLAN
        )
        if sys.platform.startswith("linux") and shutil.which("xvfb-run"):
            xenv = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}
            xenv["QT_QPA_PLATFORM"] = "xcb"
            run_gui_probe(
                run,
                "window on X11 (xcb, xvfb-run)",
                work / "data-x11",
                xenv,
                wrapper=["xvfb-run", "-a"],
            )
        else:
            print("  --  xvfb-run not installed; the xcb platform plugin was not tried")

        check_logs(work)

        if sys.platform.startswith("linux"):
            lint_desktop_files()
            tarballs = sorted((app_dir.parent).glob("stenosis-coach-*-linux-*.tar.gz"))
            if opts.no_install:
                pass
            elif tarballs:
                test_tarball_install(tarballs[-1], work / "install")
            else:
                print("  --  no tarball next to the app; install.sh not tried")

        print(f"timing (median of {opts.runs} runs, after one warm-up):")
        py = [opts.python, "-m", "stenosis_coach"]
        rows = [
            ("--version", [str(exe), "--version"], [*py, "--version"]),
            (
                "status --json (demo data)",
                [str(exe), "--data-dir", str(demo), "status", "--json"],
                [*py, "--data-dir", str(demo), "status", "--json"],
            ),
        ]
        for label, frozen, python in rows:
            t_frozen = median_time(frozen, env, opts.runs)
            t_python = median_time(python, env, opts.runs)
            print(f"  {label:<28} bundle {t_frozen:6.3f} s   python -m {t_python:6.3f} s")
    except SmokeFailure as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        print(f"(work files kept in {work})", file=sys.stderr)
        return 1

    shutil.rmtree(work, ignore_errors=True)
    print(
        f"app: {version}; bundle size (du -sh): {bundle_size(app_dir)}; verdict on demo data: "
        f"{status.get('verdict')}"
    )
    if build_time is not None:
        print(f"build: {build_time:.0f} s")
    print(f"all passed in {time.perf_counter() - overall:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
