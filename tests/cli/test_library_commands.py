import json

from stenosis_coach import cli


def test_exercises_list_json_has_id_name_position(capsys):
    assert cli.main(["exercises", "list", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    ids = {e["id"] for e in found}
    assert {"knee-to-chest-single", "pelvic-tilt", "chin-tuck"} <= ids
    assert all({"id", "name", "position"} <= set(e) for e in found)
    assert len([e for e in found if e["region"] == "lumbar"]) >= 12


def test_routines_list_plain_and_json(capsys):
    assert cli.main(["routines", "list"]) == 0
    plain = capsys.readouterr().out
    assert "flexion-basics" in plain and "built-in" in plain and "about 12 min" in plain
    assert cli.main(["routines", "list", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found) >= 3
    basics = next(r for r in found if r["id"] == "flexion-basics")
    assert basics["source"] == "built-in" and basics["steps"][0]["exercise"] == "pelvic-tilt"


def test_list_needs_its_action(capsys):
    import pytest

    with pytest.raises(SystemExit) as caught:
        cli.main(["routines"])
    assert caught.value.code == 2
