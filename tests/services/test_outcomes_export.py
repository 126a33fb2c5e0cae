"""questionnaires.csv and daily_log.csv's since_treatment in the export (issue 15, DESIGN
4.4): one row per answered item, the activity's own words, the answer as a number or
``stopped``; the relief answer empty when unknown."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta, timezone
from pathlib import Path

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.outcomes.model import SinceTreatment
from stenosis_coach.services import daily, outcomes
from stenosis_coach.services.export import FILES, export_csv

TZ = timezone(timedelta(hours=1))
FIXTURE = Path(__file__).parents[1] / "fixtures" / "data-folder-outcomes" / "questionnaires.csv"


def read(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n")
    return list(csv.reader(io.StringIO(raw.decode("utf-8")[1:], newline="")))


def test_questionnaires_are_one_row_per_answered_item(db, clock, tmp_path):
    """The fixture's folder (DESIGN 4.4) recorded through the services exports its rows."""
    header, *rows = read(FIXTURE)
    assert header == ["date", "instrument", "item", "answer"]
    grouped: dict[tuple[str, str], dict[str, object]] = {}
    for day, instrument, item, answer in rows:
        value = answer if answer == "stopped" else int(answer)
        grouped.setdefault((day, instrument), {})[item] = value
    for (day, instrument), answers in grouped.items():
        q = outcomes.Questionnaire(date.fromisoformat(day), instrument, answers)
        outcomes.record_questionnaire(db, q, clock.now() + timedelta(days=90), TZ)
    clock.advance(90 * 86400)
    outcomes.record_psfs(
        db, date(2026, 5, 25), {"Gardening": "stopped", 'Café, "le" soir': 7}, clock.now(), TZ
    )
    result = export_csv(db, tmp_path / "out", clock.now(), TZ)
    got_header, *got = read(result.out_dir / "questionnaires.csv")
    assert got_header == header
    assert sorted(got) == sorted(
        [
            *rows,
            ["2026-05-25", "psfs", "Gardening", "stopped"],
            ["2026-05-25", "psfs", 'Café, "le" soir', "7"],
        ]
    )
    # by date, then instrument, each questionnaire's items in the order answered
    assert [r[:2] for r in got] == sorted(r[:2] for r in got)
    assert [r[2] for r in got if r[:2] == ["2026-03-02", "zcq"]][:3] == ["s1", "s2", "s3"]
    assert result.counts["questionnaires.csv"] == len(rows) + 2
    assert "38 questionnaire answers" in result.sentence()


def test_a_deleted_or_replaced_questionnaire_is_not_exported(db, clock, tmp_path):
    outcomes.record_zcq(db, date(2026, 3, 1), {"s1": 4, "s2": 3}, clock.now(), TZ)
    outcomes.record_zcq(db, date(2026, 3, 1), {"s1": 2}, clock.now(), TZ)
    outcomes.record_zcq(db, date(2026, 2, 1), {"s1": 5}, clock.now(), TZ)
    outcomes.delete_questionnaire(db, date(2026, 2, 1), "zcq", clock.now())
    result = export_csv(db, tmp_path / "out", clock.now(), TZ)
    assert read(result.out_dir / "questionnaires.csv")[1:] == [["2026-03-01", "zcq", "s1", "2"]]


def test_daily_log_gains_since_treatment_last_empty_when_unknown(db, clock, tmp_path):
    assert FILES["daily_log.csv"][-1] == "since_treatment"
    assert FILES["questionnaires.csv"] == ("date", "instrument", "item", "answer")
    injected = date(2026, 2, 26)
    daily.add_treatment(
        db, TreatmentEvent(injected, TreatmentKind.EPIDURAL_INJECTION), clock.now(), TZ
    )
    for n, answer in ((1, SinceTreatment.MUCH_BETTER), (2, None), (3, SinceTreatment.WORSE)):
        day = injected + timedelta(days=n)
        daily.save_log(db, DailyLog(day, leg_pain=4), clock.now(), TZ)
        if answer is not None:
            outcomes.answer_since_treatment(db, day, answer, clock.now())
    daily.save_log(db, DailyLog(injected, leg_pain=6), clock.now(), TZ)
    result = export_csv(db, tmp_path / "out", clock.now(), TZ)
    header, *rows = read(result.out_dir / "daily_log.csv")
    assert header[-2:] == ["updated_at", "since_treatment"]
    assert [(r[0], r[-1]) for r in rows] == [
        ("2026-02-26", ""),
        ("2026-02-27", "much_better"),
        ("2026-02-28", ""),
        ("2026-03-01", "worse"),
    ]


def test_the_other_files_keep_their_columns():
    """Only daily_log.csv gains a column (at its end); questionnaires.csv is new."""
    assert list(FILES)[:9] == [
        "walks.csv",
        "walk_diary.csv",
        "sessions.csv",
        "session_events.csv",
        "daily_log.csv",
        "treatments.csv",
        "safety_checks.csv",
        "safety_answers.csv",
        "clearances.csv",
    ]
    assert FILES["daily_log.csv"][:-1] == (
        "date",
        "leg_pain",
        "back_pain",
        "numbness",
        "otc_doses",
        "prescription_doses",
        "opioid_doses",
        "total_doses",
        "woken_by_leg_pain",
        "sleep_quality",
        "new_weakness",
        "standing_min",
        "notes",
        "updated_at",
    )
