"""``status --json`` always has ``home_tests`` (DESIGN 4.1: "always has these keys (values
null where they cannot be computed)"): ``null`` until home tests can be recorded (issue 18
fills it), on empty data and on a demo history alike."""

import json
from pathlib import Path

from stenosis_coach import cli


def status_json(capsys, data: Path) -> dict:
    code = cli.main(["--data-dir", str(data), "status", "--json"])
    out = capsys.readouterr()
    assert (code, out.err) == (0, "")
    return json.loads(out.out)


def test_empty_data_has_home_tests_null(capsys, tmp_path):
    status = status_json(capsys, tmp_path / "data")
    assert "home_tests" in status and status["home_tests"] is None


def test_a_demo_history_has_home_tests_null_too(capsys, tmp_path):
    data = tmp_path / "data"
    assert cli.main(["--data-dir", str(data), "demo", "--weeks", "8"]) == 0
    capsys.readouterr()
    status = status_json(capsys, data)
    assert status["home_tests"] is None
    assert status["treatment_relief"] and status["outcomes"]["zcq"]["first"]  # others kept
