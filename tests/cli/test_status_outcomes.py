"""``status --json`` ``outcomes`` and ``treatment_relief`` (DESIGN 4.1, 5.6, 5.10), from the
outcomes data folder imported with ``import --from``; the plain ``status`` says them too."""

import json
import math
from pathlib import Path

from stenosis_coach import cli
from stenosis_coach.i18n import is_pseudo_wrapped

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FOLDER = FIXTURES / "data-folder-outcomes"


def run(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def close(got: object, want: object, where: str = "$") -> None:
    if isinstance(want, dict):
        assert isinstance(got, dict), where
        assert set(got) == set(want), f"{where}: keys {sorted(got)} != {sorted(want)}"
        for key, value in want.items():
            close(got[key], value, f"{where}.{key}")
    elif isinstance(want, list):
        assert isinstance(got, list) and len(got) == len(want), where
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            close(g, w, f"{where}[{i}]")
    elif isinstance(want, float) or (isinstance(want, int) and not isinstance(want, bool)):
        assert isinstance(got, int | float) and not isinstance(got, bool), where
        assert math.isclose(got, want, rel_tol=0, abs_tol=1e-9), f"{where}: {got} != {want}"
    else:
        assert got == want, f"{where}: {got!r} != {want!r}"


def imported(capsys, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    code, _out, err = run(capsys, data, "import", "--from", str(FOLDER))
    assert (code, err) == (0, "")
    return data


def test_the_imported_folder_gives_the_expected_outcomes_and_relief(capsys, tmp_path):
    data = imported(capsys, tmp_path)
    code, out, err = run(capsys, data, "status", "--json")
    assert (code, err) == (0, "")
    status = json.loads(out)
    expected = json.loads((FOLDER / "expected-status.json").read_text(encoding="utf-8"))
    for key, want in expected.items():
        close(status[key], want, f"$.{key}")


def test_empty_data_has_the_new_keys_null_or_empty(capsys, tmp_path):
    code, out, _err = run(capsys, tmp_path, "status", "--json")
    assert code == 0
    status = json.loads(out)
    assert status["outcomes"] == {
        "zcq": {"first": None, "latest": None, "change": None, "meaningful": None, "success": None},
        "psfs": {"first": None, "latest": None, "change": None, "meaningful": None},
    }
    assert status["treatment_relief"] == []


def test_plain_status_says_the_zcq_and_my_activities(capsys, tmp_path):
    data = imported(capsys, tmp_path)
    code, out, _err = run(capsys, data, "status")
    assert code == 0
    lines = out.splitlines()
    assert (
        "Zurich Claudication Questionnaire, Mon 2 Mar 2026 to Mon 27 Apr 2026: symptom "
        "severity 3.29 to 2.29, physical function 2.20 to 1.60 (lower is better). A meaningful "
        "improvement in symptoms, and a success by the usual rule (symptoms and function each "
        "better by 0.5 or more, satisfaction 2.5 or lower)."
    ) in lines, out
    assert (
        "My activities, Mon 2 Mar 2026 to Mon 27 Apr 2026: 3.00 to 5.00 out of 10 on average "
        "(higher is better). A meaningful improvement (2 points or more)."
    ) in lines, out
    # The signs now read the daily relief record (DESIGN 5.4, 5.10).
    assert any("epidural injection" in line for line in lines if "clinician" in line), out


def test_plain_status_with_no_questionnaire_has_no_such_line(capsys, tmp_path):
    code, out, _err = run(capsys, tmp_path, "status")
    assert code == 0
    assert "Zurich" not in out and "My activities" not in out


def test_the_outcome_lines_are_translated(capsys, tmp_path, pseudo):
    data = imported(capsys, tmp_path)
    code, out, _err = run(capsys, data, "status")
    assert code == 0
    lines = [line for line in out.splitlines() if "Zurich" in line or "activities" in line]
    assert len(lines) == 2 and all(is_pseudo_wrapped(line) for line in lines), out
    assert all(line.count("⟦") == 3 for line in lines), out  # the line, its 2 sentences
