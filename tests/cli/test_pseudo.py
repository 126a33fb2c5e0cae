"""The pseudo-locale on the command line (issue 14, "Words are translatable"): with
``STENOSIS_COACH_PSEUDO=1`` every sentence the CLI says is wrapped ``⟦…⟧``, so anyone can see
what is not translatable yet; what a program reads (``--json``) never changes."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stenosis_coach import cli, i18n
from stenosis_coach.core.clock import ManualClock
from stenosis_coach.i18n import PSEUDO_CLOSE, PSEUDO_OPEN

FIXTURES = Path(__file__).parents[1] / "fixtures"
NOW = datetime(2026, 12, 3, 16, 5, tzinfo=UTC)


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Coach the CLI opens reads the same moment, so two runs can be compared."""
    monkeypatch.setattr("stenosis_coach.services.coach.SystemClock", lambda: ManualClock(NOW))


@pytest.fixture
def history(tmp_path: Path, fixed_clock: None, capsys: pytest.CaptureFixture[str]) -> Path:
    """A data folder with 16 weeks of demo history (walks, routines, logs, checks)."""
    folder = tmp_path / "data"
    assert cli.main(["--data-dir", str(folder), "demo"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    return folder


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, pseudo: bool, *args: str
) -> tuple[int, str, str]:
    """One CLI run in this process, the pseudo-locale chosen by the environment as a user
    would (cli.main reads it at start)."""
    if pseudo:
        monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    else:
        monkeypatch.delenv(i18n.PSEUDO_ENV, raising=False)
    code = cli.main(list(args))
    said = capsys.readouterr()
    return code, said.out, said.err


def lines_of(text: str) -> list[str]:
    """The lines said (at least one)."""
    lines = text.strip().splitlines()
    assert lines
    return lines


def status_lines(history, capsys, monkeypatch) -> list[str]:
    code, out, err = run(capsys, monkeypatch, True, "--data-dir", str(history), "status")
    assert code == 0, err
    lines = lines_of(out)
    assert len(lines) >= 4  # verdict, next walk, due, safety checks
    return lines


def test_every_line_of_status_is_wrapped(history, capsys, monkeypatch):
    lines = status_lines(history, capsys, monkeypatch)
    assert [line for line in lines if PSEUDO_OPEN not in line] == []


def test_every_line_of_status_is_marked_from_its_first_word_to_its_last(
    history, capsys, monkeypatch
):
    """Not only a marked number inside an English sentence: the sentences themselves."""
    lines = status_lines(history, capsys, monkeypatch)
    partly = [
        line for line in lines if not (line.startswith(PSEUDO_OPEN) and line.endswith(PSEUDO_CLOSE))
    ]
    assert partly == []


def test_status_json_is_the_same_bytes_with_and_without_pseudo(history, capsys, monkeypatch):
    args = ("--data-dir", str(history), "status", "--json")
    code, plain, err = run(capsys, monkeypatch, False, *args)
    assert code == 0, err
    code, pseudo, err = run(capsys, monkeypatch, True, *args)
    assert code == 0, err
    assert PSEUDO_OPEN not in pseudo and PSEUDO_CLOSE not in pseudo
    assert pseudo == plain


@pytest.mark.parametrize(
    "args",
    [
        ("due", "--json", "--at", "2026-12-03T09:30"),
        ("exercises", "list", "--json"),
        ("routines", "list", "--json"),
    ],
    ids=["due", "exercises", "routines"],
)
def test_every_json_is_the_same_bytes_with_and_without_pseudo(history, capsys, monkeypatch, args):
    """What a program reads is never translated (DESIGN 4.1: ids, names and figures)."""
    code, plain, err = run(capsys, monkeypatch, False, "--data-dir", str(history), *args)
    assert code == 0, err
    code, pseudo, err = run(capsys, monkeypatch, True, "--data-dir", str(history), *args)
    assert code == 0, err
    assert pseudo == plain


def test_what_the_commands_say_is_wrapped(tmp_path, capsys, monkeypatch, history):
    folder = str(history)
    backup = tmp_path / "backup.db"
    code, out, err = run(
        capsys, monkeypatch, True, "--data-dir", folder, "backup", "--out", str(backup)
    )
    assert code == 0, err
    assert out.startswith(PSEUDO_OPEN) and out.strip().endswith(PSEUDO_CLOSE)
    assert str(backup) in out  # the file name is filled in, not translated
    code, out, err = run(capsys, monkeypatch, True, "--data-dir", folder, "restore", str(backup))
    assert code == 0, err
    assert all(line.startswith(PSEUDO_OPEN) for line in lines_of(out))
    code, out, err = run(capsys, monkeypatch, True, "--data-dir", folder, "routines", "list")
    assert code == 0, err
    assert all(PSEUDO_OPEN in line for line in lines_of(out))
    code, out, err = run(
        capsys, monkeypatch, True, "plan", "validate", str(FIXTURES / "plan-lakeside.scplan.json")
    )
    assert code == 0, err
    assert all(PSEUDO_OPEN in line for line in lines_of(out))


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],  # not a command, not a plan file
        ["a.scplan.json", "b.scplan.json"],  # one plan file at most
    ],
)
def test_a_usage_error_of_ours_is_wrapped(args, capsys, monkeypatch):
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    with pytest.raises(SystemExit) as caught:
        cli.main(args)
    assert caught.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert PSEUDO_OPEN in last and last.endswith(PSEUDO_CLOSE)


def test_a_bad_value_is_a_wrapped_sentence(tmp_path, capsys, monkeypatch):
    code, _out, err = run(
        capsys, monkeypatch, True, "--data-dir", str(tmp_path), "due", "--at", "tomorrow"
    )
    assert code == 1
    assert err.startswith(PSEUDO_OPEN) and err.strip().endswith(PSEUDO_CLOSE)
    assert "tomorrow" in err


def test_a_bad_diary_file_is_a_wrapped_sentence(tmp_path, capsys, monkeypatch):
    utf16 = tmp_path / "diary.csv"
    utf16.write_text("date,walking_min\n2026-03-02,5\n", encoding="utf-16")
    for diary in (tmp_path / "missing.csv", utf16, tmp_path):
        code, _out, err = run(
            capsys,
            monkeypatch,
            True,
            "--data-dir",
            str(tmp_path / "d"),
            "walks",
            "import",
            str(diary),
        )
        assert code == 1
        assert PSEUDO_OPEN in err and err.strip().endswith(PSEUDO_CLOSE), err


def test_a_diary_with_a_bad_row_is_refused_in_wrapped_words(tmp_path, capsys, monkeypatch):
    code, _out, err = run(
        capsys,
        monkeypatch,
        True,
        "--data-dir",
        str(tmp_path / "d"),
        "walks",
        "import",
        str(FIXTURES / "diary-invalid-pain.csv"),
    )
    assert code == 1
    assert all(PSEUDO_OPEN in line for line in lines_of(err)), err


def test_our_help_texts_are_wrapped(capsys, monkeypatch):
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    with pytest.raises(SystemExit):
        cli.main(["status", "--help"])
    out = capsys.readouterr().out
    assert f"{PSEUDO_OPEN}how things stand" in out  # the command's description
    assert f"{PSEUDO_OPEN}print the figures as JSON{PSEUDO_CLOSE}" in out
    assert f"{PSEUDO_OPEN}keep all data in DIR" in out
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert f"{PSEUDO_OPEN}a PDF report to take to your appointments{PSEUDO_CLOSE}" in out
    assert f"{PSEUDO_OPEN}copy all your data to one file{PSEUDO_CLOSE}" in out


def test_the_cli_speaks_the_computers_language(tmp_path, capsys, monkeypatch):
    """Words, dates and numbers follow the computer's locale; nothing set by hand."""
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert cli.main(["--data-dir", str(tmp_path), "status", "--json"]) == 0
    assert i18n.language() == "de_DE"
    assert not i18n.pseudo()


def test_a_real_process_wraps_its_sentences(history):
    """The environment alone turns the pseudo-locale on, in a process of its own."""
    env = {**os.environ, i18n.PSEUDO_ENV: "1", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "stenosis_coach", "--data-dir", str(history), "status"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert all(PSEUDO_OPEN in line for line in lines_of(result.stdout))


def test_the_window_is_open_refusal_is_one_wrapped_sentence(tmp_path, capsys, monkeypatch):
    from stenosis_coach.instance_lock import InstanceLock
    from stenosis_coach.paths import AppPaths

    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    with InstanceLock(paths.lock_file) as window:
        assert window.acquire()
        for args in (("demo",), ("restore", str(tmp_path / "b.db"))):
            code, _out, err = run(
                capsys, monkeypatch, True, "--data-dir", str(paths.data_dir), *args
            )
            assert code == 1
            assert err.startswith(PSEUDO_OPEN) and err.strip().endswith(PSEUDO_CLOSE), err


def test_the_count_of_problems_not_shown_is_one_wrapped_sentence(pseudo):
    from stenosis_coach.commands import problem_lines

    lines = problem_lines("\n".join(f"line {n}: bad" for n in range(25))).splitlines()
    assert len(lines) == 21
    assert lines[-1] == f"{PSEUDO_OPEN}… and 5 more problems.{PSEUDO_CLOSE}"
    one = problem_lines("\n".join(f"line {n}: bad" for n in range(21))).splitlines()
    assert one[-1] == f"{PSEUDO_OPEN}… and 1 more problem.{PSEUDO_CLOSE}"
