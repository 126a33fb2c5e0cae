"""``walks import`` and ``status --json``: the contracts of DESIGN 4.1, 4.3, 5.1 and 5.3."""

import json
from pathlib import Path

import pytest

from stenosis_coach import cli

FIXTURES = Path(__file__).parents[1] / "fixtures"
STATUS_KEYS = [
    "verdict",
    "change_pct",
    "medication_up",
    "last_test_days_ago",
    "baseline",
    "latest",
    "next_walk",
    "specialist_signs",
    "red_flags_last_28_days",
]


def run(capsys, *args):
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def status_json(capsys, data):
    code, out, err = run(capsys, "--data-dir", str(data), "status", "--json")
    assert code == 0, err
    return json.loads(out)


def test_empty_data_has_every_key_and_a_first_walking_test(tmp_path, capsys):
    status = status_json(capsys, tmp_path)
    assert list(status)[: len(STATUS_KEYS)] == STATUS_KEYS  # new keys may follow (DESIGN 4.1)
    assert status["due"]["walk"] == {"due": True, "kind": "test", "this_week": 0, "per_week": 4}
    assert status["due"]["daily_log"] is True and status["due"]["safety_check"] is True
    assert status["verdict"] == "not_enough_data"
    assert status["change_pct"] is None and status["baseline"] is None
    assert status["next_walk"] == {
        "kind": "test",
        "bout_s": None,
        "rest_s": 120,
        "target_total_s": 900,
    }
    assert status["specialist_signs"] == []
    assert status["red_flags_last_28_days"] == 0


@pytest.mark.parametrize("name", ["diary-programme-12-weeks", "diary-prescription-steps"])
def test_worked_examples_give_exactly_the_expected_status(tmp_path, capsys, name):
    code, _out, err = run(
        capsys, "--data-dir", str(tmp_path), "walks", "import", str(FIXTURES / f"{name}.csv")
    )
    assert code == 0, err
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text())
    status = status_json(capsys, tmp_path)
    for key in ("verdict", "change_pct", "baseline", "latest"):
        assert status[key] == expected[key], key
    next_walk = dict(status["next_walk"])
    assert next_walk.pop("kind") in ("test", "training")
    assert next_walk == expected["next_walk"]


def test_importing_the_same_diary_twice_adds_nothing(tmp_path, capsys):
    diary = str(FIXTURES / "diary-prescription-steps.csv")
    _, first, _ = run(capsys, "--data-dir", str(tmp_path), "walks", "import", diary)
    before = status_json(capsys, tmp_path)
    code, second, _ = run(capsys, "--data-dir", str(tmp_path), "walks", "import", diary)
    assert code == 0
    assert first.startswith("Imported 6 walks")
    assert second.startswith("Imported 0 walks") and "6 already there" in second
    assert status_json(capsys, tmp_path) == before


def test_a_bad_diary_is_refused_whole_naming_line_and_column(tmp_path, capsys):
    code, out, err = run(
        capsys,
        "--data-dir",
        str(tmp_path),
        "walks",
        "import",
        str(FIXTURES / "diary-invalid-pain.csv"),
    )
    assert code == 1 and out == ""
    assert "line 3" in err and "peak_leg_pain" in err
    assert "Traceback" not in err
    # the valid first row was not imported either
    assert status_json(capsys, tmp_path)["baseline"] is None


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["walks", "import", "missing.csv"], "no such file"),
        (["walks", "import", "."], "folder"),
    ],
)
def test_unreadable_diaries_are_one_sentence_and_exit_1(tmp_path, capsys, args, needle):
    code, _, err = run(capsys, "--data-dir", str(tmp_path), *args)
    assert code == 1 and needle in err and len(err.strip().splitlines()) == 1


def test_plain_status_says_the_same_in_sentences(tmp_path, capsys):
    run(
        capsys,
        "--data-dir",
        str(tmp_path),
        "walks",
        "import",
        str(FIXTURES / "diary-programme-12-weeks.csv"),
    )
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "status")
    assert code == 0
    assert "3:18 min → 5:54 min (+79%)" in out
    assert "Next walk:" in out and "Why:" in out


def test_red_flags_in_the_last_28_days_are_counted(tmp_path, capsys):
    from datetime import UTC, datetime

    from stenosis_coach.core.safety import QUESTIONS, CheckTrigger
    from stenosis_coach.paths import AppPaths
    from stenosis_coach.services import safety
    from stenosis_coach.storage.database import open_database

    db = open_database(AppPaths.resolve(tmp_path))
    now = datetime.now(UTC)
    check = safety.start_check(db, CheckTrigger.ON_DEMAND, now)
    for q in QUESTIONS:
        safety.answer(db, check.id, q.id, q.id == "fever", now)
    safety.finish_check(db, check.id, now)
    db.close()
    assert status_json(capsys, tmp_path)["red_flags_last_28_days"] == 1
