"""The command-line contract (DESIGN 4.1): names, exit codes, one plain sentence per error."""

import subprocess
import sys

import pytest

from stenosis_coach import __version__, cli
from stenosis_coach.commands import Command


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "stenosis_coach", *args], capture_output=True, text=True, env=env
    )


def test_version_via_python_dash_m():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"stenosis-coach {__version__}"


def test_backup_and_restore_round_trip(tmp_path, capsys):
    data = tmp_path / "data"
    from stenosis_coach.paths import AppPaths
    from stenosis_coach.storage.database import open_database

    open_database(AppPaths.resolve(data)).close()
    out = tmp_path / "backup.db"
    assert cli.main(["--data-dir", str(data), "backup", "--out", str(out)]) == 0
    assert out.exists()
    assert cli.main(["restore", str(out), "--data-dir", str(data)]) == 0
    said = capsys.readouterr().out
    assert "restored from" in said and "kept at" in said


def test_env_var_selects_the_data_dir(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STENOSIS_COACH_DATA_DIR", str(tmp_path / "env-data"))
    assert cli.main(["backup", "--out", str(tmp_path / "b.db")]) == 1
    assert "no data to back up" in capsys.readouterr().err
    assert (tmp_path / "env-data" / "logs").is_dir()


def test_invalid_input_is_one_sentence_and_exit_1(tmp_path, capsys):
    not_db = tmp_path / "notes.txt"
    not_db.write_text("hello")
    code = cli.main(["--data-dir", str(tmp_path / "d"), "restore", str(not_db)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == f"{not_db} is not a Stenosis Coach backup; nothing was changed."
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv", [["frobnicate"], ["backup"], ["--no-such-option"], ["a.scplan.json", "b.scplan.json"]]
)
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(argv)
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_a_bug_is_one_line_with_the_log_path_and_exit_3(tmp_path, monkeypatch, capsys):
    def explode(args, paths):
        raise ZeroDivisionError("boom")

    broken = Command("backup", "x", lambda p: None, explode)
    monkeypatch.setattr(cli, "load_commands", lambda: {"backup": broken})
    code = cli.main(["--data-dir", str(tmp_path), "backup"])
    err = capsys.readouterr().err
    assert code == 3
    assert len(err.strip().splitlines()) == 1
    assert "stenosis-coach.log" in err
    log_text = (tmp_path / "logs" / "stenosis-coach.log").read_text()
    assert "ZeroDivisionError: boom" in log_text and "Traceback" in log_text


def test_restore_is_refused_while_the_window_holds_the_lock(tmp_path, capsys):
    from stenosis_coach.instance_lock import InstanceLock
    from stenosis_coach.paths import AppPaths

    paths = AppPaths.resolve(tmp_path / "d")
    paths.ensure()
    with InstanceLock(paths.lock_file) as window:
        assert window.acquire()
        code = cli.main(["--data-dir", str(paths.data_dir), "restore", str(tmp_path / "x.db")])
    assert code == 1
    assert "Close its window" in capsys.readouterr().err


def test_help_lists_every_command_in_its_usual_order(capsys):
    """The report's command is wired in cli.py (it is given Qt's PDF renderer) but keeps its
    place in the list, between plan and export."""
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    listed = [line.split()[0] for line in out.split("COMMAND\n", 1)[1].splitlines() if line]
    assert listed[:12] == [
        "backup",
        "restore",
        "import",
        "walks",
        "status",
        "demo",
        "exercises",
        "routines",
        "plan",
        "report",
        "export",
        "due",
    ]
