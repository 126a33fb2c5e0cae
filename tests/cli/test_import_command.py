"""``import --from DIR`` (DESIGN 4.1, 4.4): a folder written by ``export`` back into an
EMPTY data dir, all or nothing; exit 0, 1 (one sentence per problem on stderr) or 2."""

import shutil
from pathlib import Path

import pytest

from stenosis_coach import cli
from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.instance_lock import InstanceLock
from stenosis_coach.paths import AppPaths

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "data-folder-outcomes"


def run(capsys, data: Path, *args: str):
    code = cli.main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def exported(capsys, tmp_path) -> Path:
    """A 4-week demo history, exported."""
    assert run(capsys, tmp_path / "old", "demo", "--weeks", "4")[0] == 0
    folder = tmp_path / "export"
    assert run(capsys, tmp_path / "old", "export", "--out", str(folder))[0] == 0
    return folder


def status(capsys, data: Path) -> str:
    code, out, _err = run(capsys, data, "status", "--json")
    assert code == 0
    return out


def test_an_export_goes_back_into_a_new_data_dir(capsys, tmp_path):
    folder = exported(capsys, tmp_path)
    code, out, err = run(capsys, tmp_path / "new", "import", "--from", str(folder))
    assert (code, err) == (0, "")
    assert out.startswith("Imported ") and out.endswith(f" from {folder}.\n")
    assert out.count("\n") == 1
    assert status(capsys, tmp_path / "new") == status(capsys, tmp_path / "old")
    again = tmp_path / "again"
    assert run(capsys, tmp_path / "new", "export", "--out", str(again))[0] == 0
    for name in ("daily_log.csv", "treatments.csv", "walk_diary.csv"):
        assert (again / name).read_bytes() == (folder / name).read_bytes(), name


def test_data_that_holds_a_history_is_refused_and_nothing_is_written(capsys, tmp_path):
    folder = exported(capsys, tmp_path)
    before = status(capsys, tmp_path / "old")
    code, out, err = run(capsys, tmp_path / "old", "import", "--from", str(folder))
    assert (code, out) == (1, "")
    assert "already holds recorded data" in err and err.count("\n") == 1
    assert status(capsys, tmp_path / "old") == before


def test_a_bad_value_names_file_line_and_column_and_nothing_is_written(capsys, tmp_path):
    folder = tmp_path / "folder"
    shutil.copytree(FIXTURE, folder, ignore=shutil.ignore_patterns("*.json"))
    logs = folder / "daily_log.csv"
    lines = logs.read_text(encoding="utf-8-sig").splitlines()
    lines[3] = lines[3].replace("2026-03-10,6,", "2026-03-10,60,")
    logs.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    code, out, err = run(capsys, tmp_path / "new", "import", "--from", str(folder))
    assert (code, out) == (1, "")
    assert err == "daily_log.csv: line 4, column leg_pain: Choose a number from 0 to 10.\n"
    shutil.rmtree(tmp_path / "empty", ignore_errors=True)
    assert status(capsys, tmp_path / "new") == status(capsys, tmp_path / "empty")


def test_it_waits_for_the_window_to_close(capsys, tmp_path):
    folder = exported(capsys, tmp_path)
    paths = AppPaths.resolve(tmp_path / "new")
    paths.ensure()
    with InstanceLock(paths.lock_file) as window:
        assert window.acquire()
        code, out, err = run(capsys, paths.data_dir, "import", "--from", str(folder))
    assert (code, out) == (1, "")
    assert err == "Stenosis Coach is open. Close its window, then import again.\n"
    assert status(capsys, paths.data_dir) == status(capsys, tmp_path / "empty")


def test_from_is_required(capsys, tmp_path):
    with pytest.raises(SystemExit) as exited:
        cli.main(["--data-dir", str(tmp_path / "new"), "import"])
    assert exited.value.code == 2


def test_a_missing_folder_is_one_sentence(capsys, tmp_path):
    code, _out, err = run(capsys, tmp_path / "new", "import", "--from", str(tmp_path / "no"))
    assert code == 1 and err == f"The folder {tmp_path / 'no'} does not exist.\n"


def test_the_sentences_are_translated(pseudo, capsys, tmp_path):
    folder = exported(capsys, tmp_path)
    code, out, _err = run(capsys, tmp_path / "new", "import", "--from", str(folder))
    assert code == 0 and is_pseudo_wrapped(out.strip())
    code, _out, err = run(capsys, tmp_path / "new", "import", "--from", str(folder))
    assert code == 1 and is_pseudo_wrapped(err.strip())
