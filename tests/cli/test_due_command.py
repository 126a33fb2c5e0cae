"""``due [--json] [--at YYYY-MM-DDTHH:MM]`` (DESIGN 4.1, 5.7): the same answer as Today
and ``status``, at any local moment."""

import json

from stenosis_coach import cli

DIARY = (
    "date,kind,total_walk_min,time_to_symptoms_min,peak_leg_pain\n"
    "2026-11-02,test,10,5,3\n"
)  # a Monday; a diary walk starts at 12:00 local time


def run(capsys, *args):
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_new_patient_has_a_walking_test_the_log_and_the_check_due(tmp_path, capsys):
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "due", "--json")
    assert code == 0, err
    due = json.loads(out)
    assert due["walk"] == {"due": True, "kind": "test", "this_week": 0, "per_week": 4}
    assert due["daily_log"] is True and due["safety_check"] is True
    assert [r["id"] for r in due["routines"]] == ["gentle-start"]
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "due")
    assert code == 0 and out.startswith("Due now: the weekly safety check, a walking test")


def test_at_a_past_moment_only_what_happened_by_then_counts(tmp_path, capsys):
    diary = tmp_path / "diary.csv"
    diary.write_text(DIARY, encoding="utf-8")
    data = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data, "walks", "import", str(diary))[0] == 0

    def due_at(at):
        code, out, err = run(capsys, "--data-dir", data, "due", "--json", "--at", at)
        assert code == 0, err
        return json.loads(out)

    before = due_at("2026-11-02T11:00")  # the walk had not started yet
    assert before["walk"] == {"due": True, "kind": "test", "this_week": 0, "per_week": 4}
    after = due_at("2026-11-02T15:00")
    assert after["walk"] == {"due": False, "kind": "training", "this_week": 1, "per_week": 4}
    assert after["at"].startswith("2026-11-02T15:00")
    assert due_at("2026-11-03T09:00")["walk"]["due"] is True  # a training walk, the next day
    # status gives the same answer about now
    code, out, _ = run(capsys, "--data-dir", data, "status", "--json")
    assert code == 0
    _, now_out, _ = run(capsys, "--data-dir", data, "due", "--json")
    assert json.loads(out)["due"]["walk"] == json.loads(now_out)["walk"]


def test_a_bad_moment_is_one_plain_sentence_and_exit_1(tmp_path, capsys):
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "due", "--at", "tomorrow")
    assert code == 1 and out == ""
    assert "YYYY-MM-DDTHH:MM" in err and len(err.strip().splitlines()) == 1


def test_the_questionnaire_is_due_from_the_first_walk(tmp_path, capsys):
    """DESIGN 5.6, 5.7 (issue 15): ``questionnaire`` joins ``due --json`` (a key added)."""
    diary = tmp_path / "diary.csv"
    diary.write_text(DIARY, encoding="utf-8")
    data = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data, "walks", "import", str(diary))[0] == 0

    def due_at(at):
        code, out, err = run(capsys, "--data-dir", data, "due", "--json", "--at", at)
        assert code == 0, err
        return json.loads(out)

    assert due_at("2026-11-01T12:00")["questionnaire"] is False  # before the first walk
    first = due_at("2026-11-02T13:00")
    assert first["questionnaire"] is True and first["questionnaire_due_on"] == "2026-11-02"
    code, out, _ = run(capsys, "--data-dir", data, "due", "--at", "2026-11-02T13:00")
    assert code == 0 and "the questionnaire on your legs and walking" in out
