"""While the window is open on a data folder, the commands that change its data refuse with
one sentence (exit 1) and change nothing; the ones that only read still work."""

import shutil
from pathlib import Path

import pytest

from stenosis_coach import cli
from stenosis_coach.instance_lock import InstanceLock
from stenosis_coach.paths import AppPaths
from stenosis_coach.storage.database import open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def open_window(tmp_path):
    """A data folder with its window open (the window's lock held)."""
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    open_database(paths).close()
    with InstanceLock(paths.lock_file) as window:
        assert window.acquire()
        yield paths


def _cli(paths, *args):
    return cli.main(["--data-dir", str(paths.data_dir), *args])


def _status(paths, capsys):
    assert _cli(paths, "status", "--json") == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ("walks", "import", str(FIXTURES / "diary-programme-12-weeks.csv")),
        ("plan", "import", str(FIXTURES / "plan-lakeside.scplan.json")),
        ("demo", "--weeks", "4"),
    ],
    ids=["walks import", "plan import", "demo"],
)
def test_a_command_that_changes_data_waits_for_the_window_to_close(open_window, args, capsys):
    before = _status(open_window, capsys)
    code = _cli(open_window, *args)
    err = capsys.readouterr().err
    assert code == 1
    assert "Stenosis Coach is open" in err and "Close its window" in err
    assert len(err.strip().splitlines()) == 1
    assert _status(open_window, capsys) == before  # nothing changed


def test_commands_that_only_read_work_with_the_window_open(open_window, tmp_path, capsys):
    assert _cli(open_window, "status") == 0
    assert _cli(open_window, "due") == 0
    assert _cli(open_window, "export", "--out", str(tmp_path / "out")) == 0
    assert _cli(open_window, "backup", "--out", str(tmp_path / "b.db")) == 0
    plan = tmp_path / "plan.json"
    shutil.copy(FIXTURES / "plan-lakeside.scplan.json", plan)
    assert _cli(open_window, "plan", "validate", str(plan)) == 0


def test_once_the_window_is_closed_the_import_goes_ahead(tmp_path, capsys):
    paths = AppPaths.resolve(tmp_path / "data")
    code = _cli(paths, "walks", "import", str(FIXTURES / "diary-programme-12-weeks.csv"))
    assert code == 0
    assert "walk" in capsys.readouterr().out
