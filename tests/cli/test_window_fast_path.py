"""Opening the window reads its few arguments without the commands (issue 14: the first
paint): no command module is imported and no parser is built; anything else still goes
through the full parser, with its refusals."""

from __future__ import annotations

import subprocess
import sys

import pytest

from stenosis_coach import cli


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (None, None)),
        (["--data-dir", "/d"], ("/d", None)),
        (["--data-dir=/d"], ("/d", None)),
        (["plan.scplan.json"], (None, "plan.scplan.json")),
        (["--data-dir", "/d", "x.scplan.json"], ("/d", "x.scplan.json")),
        (["x.scplan.json", "--data-dir", "/d"], ("/d", "x.scplan.json")),
    ],
)
def test_the_window_arguments_are_read_alone(argv, expected):
    assert cli.window_arguments(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        ["status"],
        ["--help"],
        ["--version"],
        ["--data-dir"],
        ["--data-dir", "--help"],
        ["--data-dir", "/a", "--data-dir", "/b"],
        ["a.scplan.json", "b.scplan.json"],
        ["notes.txt"],
    ],
)
def test_anything_else_goes_through_the_full_parser(argv):
    assert cli.window_arguments(argv) is None


def test_opening_the_window_imports_no_command(tmp_path):
    code = (
        "import sys\n"
        "from stenosis_coach import cli\n"
        "cli.open_app = lambda paths, plan: print(paths.data_dir, plan, sorted(\n"
        "    m for m in sys.modules if m.startswith('stenosis_coach.commands.'))) or 0\n"
        f"sys.exit(cli.main(['--data-dir', {str(tmp_path)!r}, 'p.scplan.json']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(tmp_path), "p.scplan.json", "[]"]


def test_a_missing_data_dir_value_is_still_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["--data-dir"])
    assert exited.value.code == 2
    assert "--data-dir" in capsys.readouterr().err
