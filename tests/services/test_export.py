"""CSV export (issue 7): one documented file per table, all or nothing, re-importable walks."""

import csv
import errno
import io
import json
import re
import tempfile
from datetime import date, timedelta, timezone
from fractions import Fraction
from pathlib import Path

import pytest

from stenosis_coach.core import datafolder
from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.safety import QUESTIONS, CheckTrigger, ClearanceReason
from stenosis_coach.core.sessions import EndReason
from stenosis_coach.core.walking import diary
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import Walk, WalkEnd, WalkKind
from stenosis_coach.core.walking.prescription import Prescription
from stenosis_coach.errors import InvalidInput, StorageProblem, UserError
from stenosis_coach.paths import AppPaths
from stenosis_coach.services import daily, export, safety, walks
from stenosis_coach.services.export import FILES, decimal_text, export_csv
from stenosis_coach.services.recording import SessionRecorder
from stenosis_coach.services.walk_sessions import WalkRecording
from stenosis_coach.storage.database import open_database

TZ = timezone(timedelta(hours=1))
DOCS = Path(__file__).parents[2] / "docs" / "csv-export.md"
TRICKY = 'Ana <b>Ruiz</b> & Co, "the knee one"\nsecond line, café'


def local(utc_text: str) -> str:
    """A UTC moment as the export writes it: local time with the stored local offset."""
    from datetime import datetime, timezone

    from stenosis_coach.core.clock import utc_offset_minutes

    moment = datetime.fromisoformat(utc_text + "+00:00")
    from datetime import timedelta

    zone = timezone(timedelta(minutes=utc_offset_minutes(moment)))
    return moment.astimezone(zone).isoformat()


def read(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def as_dicts(path: Path) -> list[dict[str, str]]:
    header, *rows = read(path)
    return [dict(zip(header, row, strict=True)) for row in rows]


def fill(db, clock):
    """A little of everything, through the services the app uses."""
    now = clock.now()  # 2026-03-02 08:30 UTC
    # a walk logged by hand, and one logged then deleted
    form = WalkForm(
        WalkKind.TEST,
        date(2026, 2, 20),
        "6.5",
        "3.25",
        rests=1,
        peak_leg_pain=5,
        distance_m="420.5",
        notes=TRICKY,
    )
    walks.log_walk(db, form, now, TZ)
    gone = walks.log_walk(
        db, WalkForm(WalkKind.TRAINING, date(2026, 2, 21), "9", peak_leg_pain=1), now, TZ
    )
    walks.delete_walk(db, gone.id, now)
    # an exercise session with an event whose data has accents
    rec = SessionRecorder(db, clock)
    rec.start("routine", TRICKY, routine="flexion-basics")
    clock.advance(12.5)
    rec.event("step_started", step=1, name="Genou à la poitrine")
    clock.advance(47.5)
    rec.finish(EndReason.COMPLETED)
    # a walk recorded live, with its session: 100 s is 5/3 min (no exact decimal)
    clock.advance(600)
    plan = Prescription(WalkKind.TRAINING, Fraction(240), Fraction(120), Fraction(1200), "")
    live = WalkRecording(db, clock, plan)
    live.start()
    start = clock.now()
    clock.advance(100)
    live.save(
        Walk(start, WalkKind.TRAINING, Fraction(100), None, 2, rests=0, ended_by=WalkEnd.MUST_STOP)
    )
    # daily logs (one deleted) and treatments (one deleted)
    daily.save_log(
        db,
        DailyLog(
            date(2026, 3, 1),
            leg_pain=4,
            back_pain=2,
            otc_doses=2,
            opioid_doses=1,
            new_weakness=True,
            standing_s=Fraction(270),
            notes=TRICKY,
        ),
        now,
        TZ,
    )
    old = daily.save_log(db, DailyLog(date(2026, 2, 28), leg_pain=9), now, TZ)
    daily.delete_log(db, old, now)
    daily.add_treatment(
        db, TreatmentEvent(date(2026, 2, 10), TreatmentKind.NERVE_BLOCK, TRICKY), now, TZ
    )
    dropped = daily.add_treatment(
        db, TreatmentEvent(date(2026, 2, 11), TreatmentKind.PROCEDURE), now, TZ
    )
    daily.delete_treatment(db, dropped, now)
    # red-flag checks: one all "no", one with a "yes" then a clearance, one left unfinished
    for trigger, yes in ((CheckTrigger.FIRST_RUN, ()), (CheckTrigger.ON_DEMAND, ("fever",))):
        check = safety.start_check(db, trigger, clock.now())
        for q in QUESTIONS:
            safety.answer(db, check.id, q.id, q.id in yes, clock.now())
        safety.finish_check(db, check.id, clock.now())
        clock.advance(60)
    safety.record_clearance(db, ClearanceReason.CHECKED_BY_CLINICIAN, clock.now())
    clock.advance(60)
    waiting = safety.start_check(db, CheckTrigger.WEEKLY, clock.now())
    safety.answer(db, waiting.id, "clumsy-hands", True, clock.now())


@pytest.fixture
def exported(db, clock, tmp_path):
    fill(db, clock)
    out = tmp_path / "export"
    result = export_csv(db, out, clock.now(), TZ)
    return out, result


def test_every_file_is_written_with_its_header_and_counted(exported):
    out, result = exported
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    for name, columns in FILES.items():
        header, *rows = read(out / name)
        assert header == list(columns), name
        assert result.counts[name] == len(rows), name
    assert result.counts == {
        "walks.csv": 2,
        "walk_diary.csv": 2,
        "sessions.csv": 2,
        "session_events.csv": 5,
        "daily_log.csv": 1,
        "treatments.csv": 1,
        "safety_checks.csv": 3,
        "safety_answers.csv": 2 * len(QUESTIONS) + 1,
        "clearances.csv": 1,
        "questionnaires.csv": 0,
    }
    assert result.sentence() == (
        f"Exported 10 files (2 walks, 2 sessions, 5 session events, 1 daily log, 1 treatment, "
        f"3 safety checks, {2 * len(QUESTIONS) + 1} safety answers, 1 clearance, "
        f"0 questionnaire answers) to {out.resolve()}."
    )


def test_files_are_utf8_with_a_bom_crlf_lines_and_rfc4180_quotes(exported):
    out, _ = exported
    raw = (out / "treatments.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdate,kind,kind_label,note\r\n")
    assert raw.endswith(b"\r\n")
    assert '"Ana <b>Ruiz</b> & Co, ""the knee one""\nsecond line, café"'.encode() in raw


def test_walks_have_diary_columns_first_exact_minutes_and_their_origin(exported):
    out, _ = exported
    logged, live = as_dicts(out / "walks.csv")
    assert logged == logged | {
        "date": "2026-02-20",
        "kind": "test",
        "total_walk_min": "6.5",
        "time_to_symptoms_min": "3.25",
        "peak_leg_pain": "5",
        "rests": "1",
        "next_day_flare": "no",
        "distance_m": "420.5",
        "notes": TRICKY,
        "start": "2026-02-20T12:00:00+01:00",
        "source": "app",
        "diary_file": "",
        "ended_by": "completed",
        "session_id": "",
    }
    assert live["total_walk_min"] == "1.666667"  # 100 s: no exact decimal, 6 places
    assert live["time_to_symptoms_min"] == "" and live["distance_m"] == ""
    assert live["rests"] == "0" and live["ended_by"] == "must_stop"
    assert live["session_id"] != "" and live["start"] == "2026-03-02T09:41:00+01:00"
    sessions = {row["session_id"]: row for row in as_dicts(out / "sessions.csv")}
    assert sessions[live["session_id"]]["kind"] == "walk"
    assert [row[:9] for row in read(out / "walks.csv")] == read(out / "walk_diary.csv")


def test_sessions_and_their_events(exported):
    out, _ = exported
    routine = as_dicts(out / "sessions.csv")[0]
    assert routine == {
        "session_id": routine["session_id"],
        "kind": "routine",
        "title": TRICKY,
        "state": "finished",
        "started": local("2026-03-02T08:30:00"),
        "ended": local("2026-03-02T08:31:00"),
        "minutes": "1",
        "ended_how": "completed",
        "last_heartbeat": local("2026-03-02T08:31:00"),
        "routine_id": "flexion-basics",
    }
    events = [
        e for e in as_dicts(out / "session_events.csv") if e["session_id"] == routine["session_id"]
    ]
    assert [(e["seconds_from_start"], e["event"]) for e in events] == [
        ("0", "started"),
        ("12.5", "step_started"),
        ("60", "finished"),
    ]
    assert events[1]["at"] == local("2026-03-02T08:30:12")
    assert json.loads(events[1]["details"]) == {"name": "Genou à la poitrine", "step": 1}
    assert "Genou à la poitrine" in events[1]["details"]  # readable, not \u00e0


def test_daily_log_and_treatments(exported):
    out, _ = exported
    [day] = as_dicts(out / "daily_log.csv")
    assert day == {
        "date": "2026-03-01",
        "leg_pain": "4",
        "back_pain": "2",
        "numbness": "",
        "otc_doses": "2",
        "prescription_doses": "0",
        "opioid_doses": "1",
        "total_doses": "3",
        "woken_by_leg_pain": "",
        "sleep_quality": "",
        "new_weakness": "yes",
        "standing_min": "4.5",
        "notes": TRICKY,
        "updated_at": "2026-03-02T09:30:00+01:00",
        "since_treatment": "",
    }
    assert as_dicts(out / "treatments.csv") == [
        {"date": "2026-02-10", "kind": "nerve_block", "kind_label": "Nerve block", "note": TRICKY}
    ]


def test_safety_checks_answers_and_clearances(exported):
    out, _ = exported
    first, flagged, waiting = as_dicts(out / "safety_checks.csv")
    assert (first["trigger"], first["level"], first["any_yes"], first["yes_answers"]) == (
        "first_run",
        "",
        "no",
        "",
    )
    assert first["completed"] == local("2026-03-02T08:42:40")
    assert (flagged["level"], flagged["any_yes"], flagged["yes_answers"]) == (
        "urgent",
        "yes",
        "Fever",
    )
    assert (waiting["completed"], waiting["level"], waiting["any_yes"]) == ("", "", "")
    assert waiting["yes_answers"] == "Clumsy hands or dropping things"
    answers = as_dicts(out / "safety_answers.csv")
    assert [a["question_id"] for a in answers[: len(QUESTIONS)]] == [q.id for q in QUESTIONS]
    fever = next(
        a for a in answers if a["check_id"] == flagged["check_id"] and a["question_id"] == "fever"
    )
    assert fever["answer"] == "yes" and fever["question_level"] == "urgent"
    assert fever["question"].startswith("Since your last check, have you had a fever")
    assert fever["answered_at"] == flagged["started"]
    [clearance] = as_dicts(out / "clearances.csv")
    assert clearance["check_id"] == flagged["check_id"]
    assert clearance["reason"] == "checked_by_clinician"
    assert clearance["at"] == local("2026-03-02T08:44:40")


def test_deleted_rows_are_not_exported(exported):
    out, _ = exported
    assert "2026-02-21" not in {w["date"] for w in as_dicts(out / "walks.csv")}
    assert "2026-02-28" not in {d["date"] for d in as_dicts(out / "daily_log.csv")}
    assert "procedure" not in {t["kind"] for t in as_dicts(out / "treatments.csv")}


def test_an_empty_history_gives_every_file_with_its_header_only(db, clock, tmp_path):
    result = export_csv(db, tmp_path / "out", clock.now(), TZ)
    assert set(result.counts.values()) == {0}
    for name, columns in FILES.items():
        assert read(tmp_path / "out" / name) == [list(columns)]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(13, 2), "6.5"),
        (Fraction(390, 60), "6.5"),
        (Fraction(7), "7"),
        (Fraction(100), "100"),
        (Fraction(0), "0"),
        (Fraction(129, 20), "6.45"),
        (Fraction(1, 1024), "0.0009765625"),
        (Fraction(5, 3), "1.666667"),
        (Fraction(100001, 60), "1666.683333"),
        (None, ""),
    ],
)
def test_minutes_are_exact_decimals_where_possible(value, text):
    assert decimal_text(value) == text


def test_walk_diary_columns_are_the_diary_contract(exported):
    out, _ = exported
    [diary_header, *_rows] = read(out / "walk_diary.csv")
    [walks_header, *_rows] = read(out / "walks.csv")
    assert sorted(diary_header) == sorted(diary.COLUMNS)
    assert walks_header[: len(diary_header)] == diary_header


def test_the_headers_written_are_the_data_folders_contract(exported):
    """DESIGN 4.4: core owns the data folder's columns; the export writes exactly those,
    file by file and in order, and import reads every one of them back."""
    out, _ = exported
    assert sorted(p.name for p in out.iterdir()) == sorted(datafolder.EXPORTED)
    for name, columns in datafolder.EXPORTED.items():
        [header, *_rows] = read(out / name)
        assert header == list(columns), name
        read_back = datafolder.COLUMNS[name]
        assert [c for c in read_back if c in header] == header, name
    assert list(FILES.items()) == list(datafolder.EXPORTED.items())


def test_walks_go_back_in_with_walks_import_and_export_the_same(exported, tmp_path, clock):
    out, _ = exported
    fresh = open_database(AppPaths.resolve(tmp_path / "fresh"))
    try:
        result = walks.import_diary(fresh, out / "walk_diary.csv", clock.now(), TZ)
        assert result.added == 2
        export_csv(fresh, tmp_path / "again", clock.now(), TZ)
    finally:
        fresh.close()
    assert read(tmp_path / "again" / "walk_diary.csv") == read(out / "walk_diary.csv")
    diary_part = [row[:9] for row in read(tmp_path / "again" / "walks.csv")]
    assert diary_part == read(out / "walk_diary.csv")
    again = as_dicts(tmp_path / "again" / "walks.csv")
    assert {(w["source"], w["diary_file"]) for w in again} == {("diary", "walk_diary.csv")}


# -- the target folder, and no partial output ---------------------------------------------------


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def place(tmp_path) -> Path:
    """The folder the export goes in: after each test, only what the test expects is there."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_an_existing_empty_folder_is_used(db, clock, place):
    out = place / "empty"
    out.mkdir()
    export_csv(db, out, clock.now(), TZ)
    assert entries(out) == sorted(FILES)
    assert entries(place) == ["empty"]  # no temporary folder left beside it


def test_a_folder_with_files_is_refused_and_left_alone(db, clock, place):
    out = place / "mine"
    out.mkdir()
    (out / "walks.csv").write_text("my own file")
    with pytest.raises(InvalidInput, match="is not empty"):
        export_csv(db, out, clock.now(), TZ)
    assert entries(out) == ["walks.csv"]
    assert (out / "walks.csv").read_text() == "my own file"


def test_a_file_is_refused(db, clock, place):
    out = place / "notes.txt"
    out.write_text("keep me")
    with pytest.raises(InvalidInput, match="is a file, not a folder"):
        export_csv(db, out, clock.now(), TZ)
    assert out.read_text() == "keep me"


def test_a_missing_parent_folder_is_refused(db, clock, place):
    with pytest.raises(InvalidInput, match="does not exist"):
        export_csv(db, place / "nowhere" / "out", clock.now(), TZ)
    assert not (place / "nowhere").exists()


def test_a_parent_that_is_a_file_is_refused(db, clock, place):
    (place / "notes.txt").write_text("keep me")
    with pytest.raises(InvalidInput, match=r"notes\.txt is a file, not a folder"):
        export_csv(db, place / "notes.txt" / "out", clock.now(), TZ)
    assert (place / "notes.txt").read_text() == "keep me"


def test_an_unwritable_parent_leaves_nothing(db, clock, place, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    with pytest.raises(UserError, match=r"not allowed to write to .*the export was not written"):
        export_csv(db, place / "out", clock.now(), TZ)
    assert entries(place) == []


@pytest.mark.parametrize("existing", [False, True])
def test_a_failure_mid_write_leaves_no_partial_output(db, clock, place, monkeypatch, existing):
    fill(db, clock)
    out = place / "out"
    if existing:
        out.mkdir()
    real = export._write_csv
    written = []

    def disk_fills_up(path, header, rows):
        if len(written) == 4:
            path.write_text("half a file")
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(path.name)
        return real(path, header, rows)

    monkeypatch.setattr(export, "_write_csv", disk_fills_up)
    with pytest.raises(StorageProblem, match=r"disk is full, so the export was not written"):
        export_csv(db, out, clock.now(), TZ)
    assert entries(place) == (["out"] if existing else [])
    if existing:
        assert entries(out) == []


def test_a_bug_mid_export_also_leaves_nothing_and_is_not_hidden(db, clock, place, monkeypatch):
    def broken(db, tz):
        raise RuntimeError("a bug")

    monkeypatch.setattr(export, "_daily_rows", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        export_csv(db, place / "out", clock.now(), TZ)
    assert entries(place) == []


def test_a_folder_filled_meanwhile_is_not_overwritten(db, clock, place, monkeypatch):
    out = place / "out"
    real = export._move_into_place

    def someone_writes_first(partial, target):
        target.mkdir()
        (target / "theirs.txt").write_text("theirs")
        real(partial, target)

    monkeypatch.setattr(export, "_move_into_place", someone_writes_first)
    with pytest.raises(InvalidInput, match="no longer empty"):
        export_csv(db, out, clock.now(), TZ)
    assert entries(out) == ["theirs.txt"]
    assert entries(place) == ["out"]


# -- the documentation ----------------------------------------------------------------------------


def test_every_file_and_column_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.MULTILINE)
    for name, columns in FILES.items():
        [section] = [s for s in sections if s.startswith(f"`{name}`")]
        documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
        assert documented == list(columns), name


def test_every_exported_file_is_private_and_the_folder_too(db, clock, place):
    """Issue 13 item 8: the export goes through the one atomic writer (0600 files, 0700)."""
    import stat

    fill(db, clock)
    result = export_csv(db, place / "out", clock.now(), TZ)
    assert stat.S_IMODE(result.out_dir.stat().st_mode) == 0o700
    for f in result.out_dir.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    assert [p.name for p in place.iterdir()] == ["out"]  # no temp left beside it


def test_a_session_kept_as_interrupted_is_exported_with_its_one_status(db, clock, tmp_path):
    """A session saved as interrupted by an older version whose steps had ended first says
    so (core.sessions.session_status), as the app's history does; one cut short stays
    interrupted."""
    from stenosis_coach.core.sessions import ROUTINE_FINISHED, SessionEvent
    from stenosis_coach.storage.sessions_repo import SessionRepository

    repo = SessionRepository(db)
    ended = repo.start("routine", "Gentle start", clock.now(), 60)
    repo.add_event(
        ended, SessionEvent(ROUTINE_FINISHED, 30.0, clock.now(), {"reason": "completed"})
    )
    repo.finish(ended, clock.now(), EndReason.INTERRUPTED, 30.0)
    cut = repo.start("routine", "Gentle start", clock.now(), 60)
    repo.finish(cut, clock.now(), EndReason.INTERRUPTED, 10.0)
    result = export_csv(db, tmp_path / "out", clock.now(), TZ)
    how = {int(r["session_id"]): r["ended_how"] for r in as_dicts(result.out_dir / "sessions.csv")}
    assert how == {ended: "completed", cut: "interrupted"}


def test_the_files_are_the_same_in_every_language(pseudo, db, clock, tmp_path):
    """CSV headers and cells are data (issue 14): a question's words and a treatment's kind
    stay in the app's English, whatever the user's language; only the summary is said."""
    fill(db, clock)
    result = export_csv(db, tmp_path / "export", clock.now(), TZ)
    for name in FILES:
        text = (result.out_dir / name).read_text(encoding="utf-8-sig")
        assert "⟦" not in text, name
    answers = as_dicts(result.out_dir / "safety_answers.csv")
    assert answers[0]["question"] == QUESTIONS[0].since_words
    assert as_dicts(result.out_dir / "treatments.csv")[0]["kind_label"] == "Nerve block"
    assert result.sentence().startswith("⟦Exported 10 files")
