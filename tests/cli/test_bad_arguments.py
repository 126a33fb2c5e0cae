"""Odd arguments and odd disks on the real command line (issue 13, items 4-8, 11).

Each runs the real CLI in a subprocess with a time limit: a hang is a failure, and so is
any exit code but 0 or 1, a traceback, or a device node replaced by a file.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from stenosis_coach.paths import AppPaths

LONG = "a" * 300
TIMEOUT = 60


def cli(data: Path, *args: str, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        return subprocess.run(
            [sys.executable, "-m", "stenosis_coach", "--data-dir", str(data), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"'{' '.join(args)}' hung for {timeout} s")


def refused(result: subprocess.CompletedProcess[str]) -> str:
    """Exit 1, nothing on stdout, no traceback, no Qt warning: the refusal sentence."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert "Something went wrong" not in result.stderr
    assert "QPdf" not in result.stderr and "qt." not in result.stderr
    assert result.stdout == ""
    return result.stderr.strip()


@pytest.fixture
def data(tmp_path: Path, template_db: Path) -> Path:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    shutil.copy2(template_db, paths.db_file)
    return paths.data_dir


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    made = tmp_path / "pipe.scplan.json"
    os.mkfifo(made)
    return made


# -- input files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("walks", "import", "/dev/zero"),
        ("plan", "validate", "/dev/zero"),
        ("plan", "import", "/dev/zero"),
        ("restore", "/dev/zero"),
    ],
)
def test_dev_zero_is_refused_at_once(data, args):
    said = refused(cli(data, *args, timeout=20))
    assert "not an ordinary file" in said


@pytest.mark.parametrize(
    "command", [("walks", "import"), ("plan", "validate"), ("plan", "import"), ("restore",)]
)
def test_a_fifo_is_refused_without_hanging(data, fifo, command):
    said = refused(cli(data, *command, str(fifo), timeout=20))
    assert "not an ordinary file" in said


@pytest.mark.parametrize(
    "args",
    [
        ("walks", "import", f"{LONG}.csv"),
        ("plan", "validate", f"{LONG}.scplan.json"),
        ("restore", f"{LONG}.db"),
        ("backup", "--out", f"{LONG}.db"),
        ("report", "--out", f"{LONG}.pdf"),
        ("plan", "export", "--out", f"{LONG}.scplan.json", "--routine", "flexion-basics"),
        ("export", "--out", LONG),
    ],
)
def test_a_300_character_name_is_one_sentence(data, tmp_path, args):
    args = tuple(str(tmp_path / a) if a.startswith(LONG) else a for a in args)
    said = refused(cli(data, *args))
    assert "too long" in said.lower()


# -- output files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--out", "/dev/full"),
        ("backup", "--out", "/dev/full"),
        ("plan", "export", "--out", "/dev/full", "--routine", "flexion-basics"),
    ],
)
def test_a_device_is_never_replaced(data, args):
    before = os.stat("/dev/full")
    said = refused(cli(data, *args))
    assert "written" not in said or "not written" in said
    after = os.stat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_a_fifo_is_never_replaced(data, tmp_path):
    out = tmp_path / "out.pdf"
    os.mkfifo(out)
    refused(cli(data, "report", "--out", str(out)))
    assert stat.S_ISFIFO(out.stat().st_mode)


def test_report_to_proc_version_is_refused_before_qt(data):
    said = refused(cli(data, "report", "--out", "/proc/version"))
    assert said == (
        "No file can be made in /proc, so the report was not written there; choose another place."
    )


def test_a_report_for_the_year_one_is_one_sentence(data):
    said = refused(
        cli(data, "report", "--from", "0001-01-01", "--to", "0001-01-02", "--out", "x.pdf")
    )
    assert len(said.splitlines()) == 1


def test_files_written_are_private(data, tmp_path):
    backup = tmp_path / "b.db"
    assert cli(data, "backup", "--out", str(backup)).returncode == 0
    plan = tmp_path / "p.scplan.json"
    result = cli(data, "plan", "export", "--out", str(plan), "--routine", "flexion-basics")
    assert result.returncode == 0, result.stderr
    export = tmp_path / "csv"
    assert cli(data, "export", "--out", str(export)).returncode == 0
    for f in (backup, plan, *export.iterdir()):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    assert stat.S_IMODE(export.stat().st_mode) == 0o700


# -- many problems ----------------------------------------------------------------------------


def test_25000_bad_rows_print_20_lines_and_a_count(data, tmp_path):
    diary = tmp_path / "bad.csv"
    rows = "".join(f"2026-01-01,training,abc{i},,3,,,,\n" for i in range(25_000))
    diary.write_text(
        "date,kind,total_walk_min,time_to_symptoms_min,peak_leg_pain,rests,"
        "next_day_flare,distance_m,notes\n" + rows
    )
    said = refused(cli(data, "walks", "import", str(diary)))
    lines = said.splitlines()
    assert len(lines) == 21
    assert lines[-1] == "… and 24,980 more problems."


# -- the data file itself -----------------------------------------------------------------------


def test_an_empty_data_file_is_damage_not_a_first_start(data):
    db_file = data / "coach.db"
    db_file.write_bytes(b"")
    said = refused(cli(data, "status"))
    assert "empty" in said or "damaged" in said
    assert db_file.stat().st_size == 0  # kept as it was, not made into a new database


def test_a_read_only_data_folder_is_one_sentence(tmp_path):
    mount = tmp_path / "ro"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a read-only tmpfs here (needs root)")
    try:
        said = refused(cli(mount / "data", "status"))
        assert "cannot be written to" in said and len(said.splitlines()) == 1
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


# -- text files not saved as UTF-8 (issue 13, item 11a) -------------------------------------

FIXTURES = Path(__file__).parent.parent / "fixtures"
UTF16 = [
    pytest.param("utf-16-le", id="utf-16-le-without-bom"),
    pytest.param("utf-16-be", id="utf-16-be-without-bom"),
    pytest.param("utf-16", id="utf-16-with-bom"),
]


def saved_as(source: str, encoding: str, out: Path) -> Path:
    out.write_bytes((FIXTURES / source).read_text(encoding="utf-8").encode(encoding))
    return out


@pytest.mark.parametrize("encoding", UTF16)
def test_a_utf16_walk_diary_is_one_sentence_saying_save_it_as_utf8(data, tmp_path, encoding):
    diary = saved_as("diary-programme-12-weeks.csv", encoding, tmp_path / "walks.csv")
    result = cli(data, "walks", "import", str(diary))
    assert "\0" not in result.stdout + result.stderr
    assert refused(result) == (
        f"{diary} is not saved as UTF-8 text (it looks like UTF-16). "
        "Save it as UTF-8 (CSV UTF-8) and import it again."
    )


@pytest.mark.parametrize("command", ["validate", "import"])
@pytest.mark.parametrize("encoding", UTF16)
def test_a_utf16_plan_file_is_one_sentence_saying_save_it_as_utf8(
    data, tmp_path, encoding, command
):
    plan = saved_as("plan-lakeside.scplan.json", encoding, tmp_path / "plan.scplan.json")
    result = cli(data, "plan", command, str(plan))
    assert "\0" not in result.stdout + result.stderr
    assert refused(result) == (
        f"{plan}: $: is not saved as UTF-8 text (it looks like UTF-16); "
        "save it as UTF-8 and try again"
    )


def test_control_characters_in_a_refused_file_are_shown_not_sent_to_the_terminal(tmp_path):
    """A cell holding terminal escape codes is quoted in the refusal as visible text: the
    terminal shows "\\x1b[2J", it is not cleared or recoloured."""
    diary = tmp_path / "escape.csv"
    diary.write_text(
        "date,kind,time_to_symptoms_min,total_walk_min,rests,peak_leg_pain,next_day_flare,"
        "distance_m,notes\n2026-02-02,\x1b[2Jtest\x07,6.5,15,,4,,,\n",
        encoding="utf-8",
    )
    message = refused(cli(tmp_path / "data", "walks", "import", str(diary)))
    assert "\x1b" not in message and "\x07" not in message
    assert "\\x1b[2Jtest\\x07" in message
