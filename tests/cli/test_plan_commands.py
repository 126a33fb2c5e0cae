"""``plan validate``, ``plan import``, ``plan export`` (DESIGN 4.1 and 4.2)."""

from pathlib import Path

from stenosis_coach import cli

LAKESIDE = str(Path(__file__).parents[1] / "fixtures" / "plan-lakeside.scplan.json")


def run(capsys, *args):
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_validate_a_good_and_a_bad_file(tmp_path, capsys):
    code, out, _ = run(capsys, "plan", "validate", LAKESIDE)
    assert code == 0 and out.strip().endswith("valid (1 routine, a walking plan).")
    bad = tmp_path / "bad.scplan.json"
    bad.write_text('{"format": "stenosis-coach-plan", "version": 1, "title": "x"}')
    code, out, err = run(capsys, "plan", "validate", LAKESIDE, str(bad))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert lines and all(line.startswith(f"{bad}: $") for line in lines)


def test_import_then_refuse_then_replace(tmp_path, capsys):
    data = str(tmp_path / "d")
    assert run(capsys, "--data-dir", data, "plan", "import", LAKESIDE)[0] == 0
    code, _, err = run(capsys, "--data-dir", data, "plan", "import", LAKESIDE)
    assert code == 1 and "use --replace" in err
    assert run(capsys, "--data-dir", data, "plan", "import", "--replace", LAKESIDE)[0] == 0
    code, out, _ = run(capsys, "--data-dir", data, "routines", "list")
    assert "from R. Okafor, PT, Lakeside Physio" in out


def test_export_round_trip_to_a_fresh_data_dir(tmp_path, capsys):
    data, other = str(tmp_path / "a"), str(tmp_path / "b")
    run(capsys, "--data-dir", data, "plan", "import", LAKESIDE)
    out_file = str(tmp_path / "handover.scplan.json")
    code, out, err = run(
        capsys,
        "--data-dir",
        data,
        "plan",
        "export",
        "--out",
        out_file,
        "--routine",
        "lakeside-before-walk",
        "--with-walking-plan",
        "--title",
        "Weeks 5 to 8",
        "--author",
        "R. Okafor, PT",
        "--clinic",
        "Lakeside Physio",
    )
    assert code == 0, err
    assert run(capsys, "--data-dir", other, "plan", "import", out_file)[0] == 0
    code, out, _ = run(capsys, "--data-dir", other, "routines", "list", "--json")
    assert '"lakeside-before-walk"' in out


def test_export_needs_something_to_export(tmp_path, capsys):
    code, _, err = run(
        capsys,
        "--data-dir",
        str(tmp_path),
        "plan",
        "export",
        "--out",
        str(tmp_path / "x.scplan.json"),
    )
    assert code == 1 and "at least one routine" in err
