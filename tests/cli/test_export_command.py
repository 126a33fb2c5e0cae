"""``export --out DIR`` (DESIGN 4.1): one sentence, exit codes, no partial output, walks back in."""

import csv
import errno
import io
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stenosis_coach import cli
from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.paths import AppPaths
from stenosis_coach.services import export, walks
from stenosis_coach.services.export import FILES
from stenosis_coach.storage.database import open_database

MODULE = "stenosis_coach.commands.export"


@pytest.fixture(autouse=True)
def _export_command(monkeypatch):
    """The command as it is once its module is listed in COMMAND_MODULES."""
    if MODULE not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, MODULE))


@pytest.fixture
def place(tmp_path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def run(capsys, data: Path, *args: str):
    code = cli.main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def one_sentence(text: str) -> bool:
    return text.endswith(".\n") and text.count("\n") == 1


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def log_walks(data: Path) -> None:
    now = datetime.now(UTC)
    today = now.astimezone(LOCAL).date()
    db = open_database(AppPaths.resolve(data))
    try:
        for days_ago, kind, minutes, symptoms, notes in (
            (9, WalkKind.TEST, "6.5", "3.25", 'Ana <b>Ruiz</b>, "A & B"\nline two'),
            (8, WalkKind.TRAINING, "17.5", "", ""),
            (8, WalkKind.TEST, "7", "", "same day, café"),
            (0, WalkKind.TEST, "7.25", "4", ""),
        ):
            form = WalkForm(
                kind,
                today - timedelta(days=days_ago),
                minutes,
                symptoms,
                rests=days_ago % 3,
                peak_leg_pain=days_ago % 11,
                distance_m="812.25" if days_ago == 8 else "",
                notes=notes,
            )
            walks.log_walk(db, form, now)
    finally:
        db.close()


def test_export_writes_every_file_and_says_so_in_one_sentence(tmp_path, place, capsys):
    log_walks(tmp_path / "data")
    out = place / "export"
    code, stdout, err = run(capsys, tmp_path / "data", "export", "--out", str(out))
    assert code == 0, err
    assert err == ""
    assert stdout == (
        "Exported 10 files (4 walks, 0 sessions, 0 session events, 0 daily logs, 0 treatments, "
        "0 safety checks, 0 safety answers, 0 clearances, 0 questionnaire answers) "
        f"to {out.resolve()}.\n"
    )
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    assert len(rows(out / "walks.csv")) == 5
    assert sorted(p.name for p in place.iterdir()) == ["export"]


def test_an_empty_folder_is_used(tmp_path, place, capsys):
    out = place / "empty"
    out.mkdir()
    code, stdout, err = run(capsys, tmp_path / "data", "export", "--out", str(out))
    assert code == 0, err
    assert stdout.startswith("Exported 10 files (0 walks,")
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("mine"), "is a file, not a folder"),
        (lambda p: (p.mkdir(), (p / "mine.txt").write_text("mine")), "is not empty"),
        (lambda p: None, "does not exist"),
    ],
    ids=["a file", "a folder with files", "no parent folder"],
)
def test_a_bad_place_is_one_sentence_and_exit_1_and_nothing_is_touched(
    tmp_path, place, capsys, make, message
):
    out = place / "target"
    make(out)
    if message == "does not exist":
        out = place / "missing" / "target"
    before = {p: p.read_bytes() for p in place.rglob("*") if p.is_file()}
    code, stdout, err = run(capsys, tmp_path / "data", "export", "--out", str(out))
    assert code == 1
    assert stdout == ""
    assert message in err and one_sentence(err), err
    assert {p: p.read_bytes() for p in place.rglob("*") if p.is_file()} == before
    assert not (tmp_path / "data" / "coach.db").exists()  # refused before the data was opened


def test_an_unwritable_place_is_one_sentence_and_exit_1(tmp_path, place, capsys, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    code, _stdout, err = run(capsys, tmp_path / "data", "export", "--out", str(place / "out"))
    assert code == 1
    assert err == (
        f"You are not allowed to write to {place.resolve()}, so the export was not written.\n"
    )
    assert list(place.iterdir()) == []


def test_a_full_disk_mid_export_leaves_nothing_and_exits_1(tmp_path, place, capsys, monkeypatch):
    log_walks(tmp_path / "data")
    real = export._write_csv

    def disk_fills_up(path, header, rows):
        if path.name == "sessions.csv":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, header, rows)

    monkeypatch.setattr(export, "_write_csv", disk_fills_up)
    out = place / "out"
    code, stdout, err = run(capsys, tmp_path / "data", "export", "--out", str(out))
    assert code == 1 and stdout == ""
    assert (
        err == "The disk is full, so the export was not written; free some space, then try again.\n"
    )
    assert list(place.iterdir()) == []


def test_out_is_required(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["--data-dir", str(tmp_path / "data"), "export"])
    assert exited.value.code == 2
    assert "--out" in capsys.readouterr().err


def test_walks_go_back_in_with_walks_import_and_export_the_same(tmp_path, place, capsys):
    log_walks(tmp_path / "data")
    first, second = place / "first", place / "second"
    assert run(capsys, tmp_path / "data", "export", "--out", str(first))[0] == 0
    code, stdout, err = run(
        capsys, tmp_path / "fresh", "walks", "import", str(first / "walk_diary.csv")
    )
    assert code == 0, err
    assert stdout == "Imported 4 walks from walk_diary.csv.\n"
    assert run(capsys, tmp_path / "fresh", "export", "--out", str(second))[0] == 0
    assert rows(second / "walk_diary.csv") == rows(first / "walk_diary.csv")
    assert [r[:9] for r in rows(second / "walks.csv")] == rows(first / "walk_diary.csv")
    assert [r[:9] for r in rows(first / "walks.csv")] == rows(first / "walk_diary.csv")
    # and importing it again adds nothing (DESIGN 4.3: rows compared as multisets)
    code, stdout, _ = run(
        capsys, tmp_path / "fresh", "walks", "import", str(second / "walk_diary.csv")
    )
    assert code == 0 and stdout.startswith("Imported 0 walks")
