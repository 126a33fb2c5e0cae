"""``import --from DIR`` (DESIGN 4.4): export -> import into fresh data -> export gives the
same rows, ids aside; all or nothing; only into empty data."""

import csv
import io
import json
import shutil
from datetime import UTC, date
from pathlib import Path

import pytest

from stenosis_coach.errors import InvalidInput
from stenosis_coach.paths import AppPaths
from stenosis_coach.services import data_import, demo
from stenosis_coach.services.export import export_csv
from stenosis_coach.storage.database import open_database
from stenosis_coach.storage.history_repo import HistoryRepository
from stenosis_coach.storage.outcomes_repo import OutcomesRepository
from tests.services.test_export import TZ, fill

FIXTURE = Path(__file__).parents[1] / "fixtures" / "data-folder-outcomes"
# Each id column, and the file whose row order gives the id its place.
IDS = {
    "walk_id": "walks.csv",
    "session_id": "sessions.csv",
    "check_id": "safety_checks.csv",
    "clearance_id": "clearances.csv",
}


def read(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def ids_aside(folder: Path) -> dict[str, list[dict[str, str]]]:
    """Every file's rows, each id replaced by the place of its row in its own file (so a
    link kept reads the same, whatever the numbers)."""
    places = {
        column: {row[column]: str(i) for i, row in enumerate(read(folder / name))}
        for column, name in IDS.items()
        if (folder / name).exists()
    }
    found = {}
    for path in sorted(folder.iterdir()):
        rows = read(path)
        for row in rows:
            for column, place in places.items():
                if row.get(column):
                    row[column] = place[row[column]]
        found[path.name] = rows
    return found


@pytest.fixture
def fresh(tmp_path):
    databases = []

    def make(name: str = "fresh"):
        db = open_database(AppPaths.resolve(tmp_path / name))
        databases.append(db)
        return db

    yield make
    for db in databases:
        db.close()


def round_trip(db, fresh, clock, tmp_path, tz=TZ):
    first = tmp_path / "first"
    export_csv(db, first, clock.now(), tz)
    other = fresh()
    result = data_import.import_folder(other, first, clock.now(), tz)
    again = tmp_path / "again"
    export_csv(other, again, clock.now(), tz)
    return first, again, result


def test_sessions_csv_names_the_routine_of_a_routine_session(db, clock, tmp_path):
    fill(db, clock)
    export_csv(db, tmp_path / "out", clock.now(), TZ)
    sessions = read(tmp_path / "out" / "sessions.csv")
    assert [(s["kind"], s["routine_id"]) for s in sessions] == [
        ("routine", "flexion-basics"),
        ("walk", ""),
    ]


def test_export_import_export_gives_the_same_rows(db, clock, tmp_path, fresh):
    fill(db, clock)
    first, again, result = round_trip(db, fresh, clock, tmp_path)
    assert ids_aside(again) == ids_aside(first)
    assert result.counts["walks"] == 2 and result.counts["clearances"] == 1
    assert result.sentence().startswith("Imported 2 walks, 2 sessions, 5 session events, ")


def test_a_demo_history_comes_back_the_same(db, clock, tmp_path, fresh):
    demo.fill_demo(db, 16, seed=4, now=clock.now(), tz=TZ)
    first, again, _result = round_trip(db, fresh, clock, tmp_path)
    assert ids_aside(again) == ids_aside(first)
    assert len(read(again / "walks.csv")) > 40


def test_the_outcomes_fixture_comes_back_with_its_questionnaires(tmp_path, clock, fresh):
    folder = tmp_path / "fixture"
    shutil.copytree(FIXTURE, folder, ignore=shutil.ignore_patterns("*.json"))
    db = fresh()
    result = data_import.import_folder(db, folder, clock.now(), UTC)
    assert result.counts["questionnaires"] == 4
    out = tmp_path / "out"
    export_csv(db, out, clock.now(), UTC)
    for name in ("daily_log.csv", "treatments.csv", "questionnaires.csv"):
        # the same rows; a column the fixture leaves out is written empty
        written, given = read(out / name), read(folder / name)
        key = lambda row: tuple(row.values())  # noqa: E731  (the fixture is hand-written)
        assert sorted(({k: row[k] for k in given[0]} for row in written), key=key) == sorted(
            given, key=key
        ), name
        assert all(v == "" for row in written for k, v in row.items() if k not in given[0])
    activities = OutcomesRepository(db).activities()  # as the ratings imply them
    assert activities and all(a.added_on == date(2026, 3, 2) for a in activities)


def test_the_imported_fixture_gives_the_outcomes_it_must(tmp_path, clock, fresh):
    """DESIGN 4.1's ``outcomes`` from the questionnaires as stored after the import."""
    from stenosis_coach.core.outcomes.summary import outcomes_of
    from tests.core.test_outcomes_fixture import close

    folder = tmp_path / "fixture"
    shutil.copytree(FIXTURE, folder, ignore=shutil.ignore_patterns("*.json"))
    db = fresh()
    data_import.import_folder(db, folder, clock.now(), UTC)
    expected = json.loads((FIXTURE / "expected-status.json").read_text())
    close(outcomes_of(OutcomesRepository(db).questionnaires()).to_json(), expected["outcomes"])


def test_files_that_are_not_tables_are_passed_over(tmp_path, clock, fresh):
    """The fixture as it is: its expected-status.json is not a table."""
    db = fresh()
    result = data_import.import_folder(db, FIXTURE, clock.now(), UTC)
    assert result.counts["questionnaires"] == 4 and result.counts["logs"] == 33


def test_a_csv_file_it_does_not_know_refuses_the_folder(tmp_path, clock, fresh):
    folder = tmp_path / "folder"
    shutil.copytree(FIXTURE, folder)
    (folder / "home_tests_v2.csv").write_text("date\n", encoding="utf-8")
    db = fresh()
    with pytest.raises(InvalidInput) as refused:
        data_import.import_folder(db, folder, clock.now(), UTC)
    assert str(refused.value).startswith(
        "home_tests_v2.csv: this file is not part of a data folder"
    )
    assert not HistoryRepository(db).has_data()


def test_data_that_holds_a_history_is_refused_and_left_alone(db, clock, tmp_path):
    fill(db, clock)
    export_csv(db, tmp_path / "out", clock.now(), TZ)
    before = ids_aside_of(db, clock, tmp_path / "before")
    with pytest.raises(InvalidInput, match="already holds recorded data"):
        data_import.import_folder(db, tmp_path / "out", clock.now(), TZ)
    assert ids_aside_of(db, clock, tmp_path / "after") == before


def ids_aside_of(db, clock, out):
    export_csv(db, out, clock.now(), TZ)
    return ids_aside(out)


def test_one_bad_value_refuses_everything(db, clock, tmp_path, fresh):
    fill(db, clock)
    out = tmp_path / "out"
    export_csv(db, out, clock.now(), TZ)
    text = (out / "treatments.csv").read_text(encoding="utf-8-sig")
    (out / "treatments.csv").write_text(text.replace("nerve_block", "nerve-block"), "utf-8-sig")
    other = fresh()
    with pytest.raises(InvalidInput) as refused:
        data_import.import_folder(other, out, clock.now(), TZ)
    assert str(refused.value).startswith(
        "treatments.csv: line 2, column kind: 'nerve-block' is not one of: epidural_injection"
    )
    assert not HistoryRepository(other).has_data()


def test_a_missing_folder_is_refused(tmp_path, clock, fresh):
    db = fresh()
    with pytest.raises(InvalidInput, match="does not exist"):
        data_import.import_folder(db, tmp_path / "nowhere", clock.now(), TZ)
    (tmp_path / "folder" / "inner.csv").mkdir(parents=True)
    with pytest.raises(InvalidInput) as refused:
        data_import.import_folder(db, tmp_path / "folder", clock.now(), TZ)
    assert str(refused.value) == "inner.csv: this is not a file; remove it"


def test_an_older_export_without_routine_id_keeps_the_routine(db, clock, tmp_path, fresh):
    fill(db, clock)
    first = tmp_path / "first"
    export_csv(db, first, clock.now(), TZ)
    old = tmp_path / "old"
    shutil.copytree(first, old)
    rows = read(old / "sessions.csv")
    columns = [c for c in rows[0] if c != "routine_id"]
    with (old / "sessions.csv").open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    other = fresh()
    data_import.import_folder(other, old, clock.now(), TZ)
    again = tmp_path / "again"
    export_csv(other, again, clock.now(), TZ)
    assert read(again / "sessions.csv")[0]["routine_id"] == "flexion-basics"
    assert ids_aside(again) == ids_aside(first)


def test_relief_answers_come_back(tmp_path, clock, fresh):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "daily_log.csv").write_text(
        "date,leg_pain,since_treatment\n2026-03-23,4,better\n2026-03-24,5,\n", encoding="utf-8"
    )
    db = fresh()
    data_import.import_folder(db, folder, clock.now(), UTC)
    out = tmp_path / "out"
    export_csv(db, out, clock.now(), UTC)
    assert [(r["date"], r["since_treatment"]) for r in read(out / "daily_log.csv")] == [
        ("2026-03-23", "better"),
        ("2026-03-24", ""),
    ]
