"""The appointment report's content model (issue 7): every figure hand-checked against the
12-week diary fixture plus a few logs, treatments, checks and routines made here."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest

from stenosis_coach.core.daily import DailyLog, MedicationKind, TreatmentEvent, TreatmentKind
from stenosis_coach.core.progress.series import HALF_DAY_S, noon_x
from stenosis_coach.core.progress.signs import SignCode
from stenosis_coach.core.progress.verdict import VerdictKind, to_status_json
from stenosis_coach.core.report import (
    COMPARE_HEADERS,
    ROUTINE_HEADERS,
    WALK_HEADERS,
    WEEKLY_HEADERS,
    Report,
    ReportInput,
    build_report,
)
from stenosis_coach.core.report.model import range_line
from stenosis_coach.core.routine_summary import Ratings, RoutineSummary
from stenosis_coach.core.safety import QUESTIONS, CheckTrigger, ClearanceReason, Level, decide
from stenosis_coach.core.safety_state import CheckRecord, ClearanceRecord
from stenosis_coach.core.sessions import EndReason, SessionRecord, SessionState
from stenosis_coach.core.walking.diary import parse_diary

FIXTURES = Path(__file__).parents[1] / "fixtures"
FIRST, LAST = date(2026, 1, 5), date(2026, 3, 29)  # Mon to Sun: exactly 12 weeks (84 days)
TODAY = date(2026, 3, 30)
MADE = datetime(2026, 3, 30, 9, 15, tzinfo=UTC)
NAME = "Ana <b>Ruiz</b> & Co"
NEXT_WALK = "Next walk: Walk 4.5 min, then rest sitting or leaning forward."


@cache
def diary_walks() -> tuple:
    text = (FIXTURES / "diary-programme-12-weeks.csv").read_text(encoding="utf-8")
    return tuple(parse_diary(text, source="fixture", today=TODAY, tz=UTC))


def day(n: int) -> date:
    """Day ``n`` of the range (0 is Mon 5 Jan 2026)."""
    return FIRST + timedelta(days=n)


def logs(late_prescription: int = 0, opioid_day: int | None = None) -> list[DailyLog]:
    """A log every day: the first 14 days back pain 5/6 alternating, leg 5, woken once;
    the middle back and leg 4; the last 14 days back and leg 3 (two days without a back
    rating). 2 OTC doses a day, plus ``late_prescription`` in the last 14 days."""
    found = []
    for n in range(84):
        if n < 14:
            back, leg, woken, extra = 5 + n % 2, 5, 1, 0
        elif n < 70:
            back, leg, woken, extra = 4, 4, 0, 0
        else:
            back = None if n in (75, 80) else 3
            leg, woken, extra = 3, 0, late_prescription
        found.append(
            DailyLog(
                day(n),
                leg_pain=leg,
                back_pain=back,
                otc_doses=2,
                prescription_doses=extra,
                opioid_doses=1 if n == opioid_day else 0,
                woken_by_leg_pain=woken,
                standing_s=STANDING.get(n),
                notes="Stiff <i>today</i> & tired" if n == 1 else "",
            )
        )
    return found


# Standing tests: 2 min and 3 min in the first 28 days; 5, 6 and 30 min in the last 28.
STANDING = {1: Fraction(120), 15: Fraction(180), 64: Fraction(300), 74: Fraction(360)}
STANDING[79] = Fraction(1800)

EPIDURAL = TreatmentEvent(date(2026, 2, 1), TreatmentKind.EPIDURAL_INJECTION, "Left L4 <L5>")
PT_BEFORE = TreatmentEvent(date(2025, 12, 20), TreatmentKind.PT_START)  # windows touch Jan
OLD_EVENT = TreatmentEvent(date(2025, 10, 1), TreatmentKind.MEDICATION_CHANGE)  # too early


def at(d: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=UTC)


def check(
    n: int, when: datetime, trigger=CheckTrigger.WEEKLY, yes: tuple[str, ...] = ()
) -> CheckRecord:
    answers = {q.id: q.id in yes for q in QUESTIONS}
    return CheckRecord(n, trigger, when, 0, when, None, decide(answers), answers)


def checks() -> list[CheckRecord]:
    weekly = [check(i, at(day(5 + 7 * i))) for i in range(12)]  # every Saturday, all "no"
    flagged = check(
        20,
        at(date(2026, 3, 3), 16),
        CheckTrigger.MUST_STOP,
        ("calf-pain-standing", "unsteady-or-falls"),
    )
    before = check(21, at(date(2025, 12, 27)), yes=("fever",))  # outside the range
    unfinished = replace(check(22, at(day(40))), completed_at=None)
    return [*weekly, flagged, before, unfinished]


CLEARANCES = [
    ClearanceRecord(1, at(date(2025, 12, 28)), ClearanceReason.ANSWERED_BY_MISTAKE, 21),
    ClearanceRecord(2, at(date(2026, 3, 5), 10), ClearanceReason.CHECKED_BY_CLINICIAN, 20),
]


def routine(start: datetime, offset_min: int = 0, title: str = "Flexion basics") -> RoutineSummary:
    session = SessionRecord(
        1,
        "routine",
        title,
        SessionState.FINISHED,
        start,
        offset_min,
        start,
        750.0,
        start,
        EndReason.COMPLETED,
    )
    return RoutineSummary(session, "flexion-basics", Ratings(4, 3), Ratings(2, 2), 6, 0, None, True)


def routines() -> list[RoutineSummary]:
    """4 in the first 4 weeks (one at 00:30 local on day 0, the day before in UTC), 8 in the
    last 4, and one the evening before the range."""
    first = [routine(at(day(0) - timedelta(days=1), 23, 30), offset_min=60)]
    first += [routine(at(day(n), 8)) for n in (3, 10, 20)]
    last = [routine(at(day(n), 8)) for n in range(57, 84, 4)]  # 7 of them ...
    last.append(
        replace(
            routine(at(day(83), 19), title="Chair <routine>"),
            after=Ratings(None, None),
            worst_hurt=5,
            completed=False,
        )
    )  # ... and an 8th, stopped
    outside = routine(at(day(0) - timedelta(days=1), 20), offset_min=60)  # 21:00 on Sun 4 Jan
    return [*first, *last, outside]


def report_input(**changes) -> ReportInput:
    data = ReportInput(
        patient=NAME,
        first=FIRST,
        last=LAST,
        today=TODAY,
        tz=UTC,
        walks=diary_walks(),
        logs=logs(),
        treatments=[EPIDURAL, PT_BEFORE, OLD_EVENT],
        checks=checks(),
        routines=routines(),
        next_walk_text=NEXT_WALK,
        generated_at=MADE,
        clearances=CLEARANCES,
    )
    return replace(data, **changes)


@cache
def full() -> Report:
    return build_report(report_input())


def line(cells: tuple[str, ...]) -> str:
    return " | ".join(cells)


def row(report: Report, key: str):
    return next(r for r in report.page1.compare if r.key == key)


# ---- page 1: header and verdict -----------------------------------------------------------


def test_header_lines_and_user_text_passed_through_unchanged():
    p = full().page1
    assert p.title == "Walking and symptoms report"
    assert p.patient == NAME
    assert p.patient_line == "Patient: Ana <b>Ruiz</b> & Co"
    assert p.range_line == "Mon 5 Jan 2026 to Sun 29 Mar 2026, 12 weeks"
    assert p.generated_line == "Made with Stenosis Coach on Mon 30 Mar 2026 at 09:15."
    assert p.next_walk == NEXT_WALK
    assert [n.text for n in full().notes] == ["Stiff <i>today</i> & tired"]
    assert full().routines[-1].routine == "Chair <routine>"
    assert full().page1.treatments[1].event.note == "Left L4 <L5>"


@pytest.mark.parametrize("patient", [None, "", "   "])
def test_no_name_no_patient_line(patient):
    assert build_report(report_input(patient=patient)).page1.patient_line == ""


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (date(2026, 1, 5), date(2026, 3, 27), "Mon 5 Jan 2026 to Fri 27 Mar 2026, 12 weeks"),
        (date(2026, 5, 4), date(2026, 5, 4), "Mon 4 May 2026, 1 day"),
        (date(2026, 5, 4), date(2026, 5, 16), "Mon 4 May 2026 to Sat 16 May 2026, 13 days"),
        (date(2026, 5, 4), date(2026, 5, 17), "Mon 4 May 2026 to Sun 17 May 2026, 2 weeks"),
        (date(2026, 5, 4), date(2026, 5, 27), "Mon 4 May 2026 to Wed 27 May 2026, 3 weeks"),
        (date(2016, 5, 1), date(2026, 4, 30), "Sun 1 May 2016 to Thu 30 Apr 2026, 10 years"),
    ],
)
def test_range_line(first, last, text):
    assert range_line(first, last) == text  # 24 days = 3.43 weeks: the nearest week


def test_verdict_matches_the_fixtures_expected_json():
    expected = json.loads((FIXTURES / "diary-programme-12-weeks.expected.json").read_text())
    section = full().page1.verdict
    status = to_status_json(section.verdict)
    for key in ("verdict", "change_pct", "baseline", "latest"):
        assert status[key] == expected[key], key
    v = section.verdict
    assert v.change_pct == Decimal("78.8")  # 100 * (354 - 198) / 198 = 78.79
    assert v.medication_up is False  # 2 a day from 5 Jan; 2 a day to 27 Mar
    assert v.last_test_days_ago == 2  # judged at the range's last day, Sun 29 Mar
    assert section.headline == "Improving"
    # Each figure says where it comes from (a tester read "Leg pain: 4 → 4" beside a daily
    # log whose leg pain fell): the tests' medians, leg pain after the test.
    assert section.summary == (
        "Improving: your walking has got better. First 3 and latest 3 walking tests: walking "
        "before symptoms 3:18 min → 5:54 min (+79%), leg pain after the test 5 → 4."
    )
    assert section.nudge is None


def test_stale_last_test_nudges_at_the_ranges_end():
    report = build_report(report_input(last=date(2026, 4, 30), today=date(2026, 5, 1)))
    assert report.page1.verdict.nudge == (
        "Your last walking test was 34 days ago — a new one keeps this honest."
    )
    assert "Do a walking test this week." in report.page1.what_next


# ---- page 1: baseline against latest --------------------------------------------------------


def test_compare_table_rows_hand_checked():
    r = full()
    cells = {c.key: c.cells for c in r.page1.compare}
    assert COMPARE_HEADERS == ("", "At the start", "Latest", "Change")
    assert list(cells) == [
        "tolerance",  # no "tfs" row: every test had symptoms, so it would repeat this one
        "total_walk",
        "leg_pain",
        "leg_pain_daily",
        "back_pain",
        "medication",
        "opioid",
        "standing",
        "sessions",
    ]
    # TFS of the first 3 tests 198, 186, 246 s; last 3 354, 366, 336 s.
    assert cells["tolerance"] == ("Walking before symptoms", "3:18 min", "5:54 min", "+79%")
    # Totals 390, 270, 384 -> 384 s; 474, 672, 552 -> 552 s: +43.75%.
    assert cells["total_walk"] == ("Walking time per test", "6:24 min", "9:12 min", "+44%")
    # Peak leg pain 5, 5, 6 -> 5; 4, 4, 3 -> 4.
    assert cells["leg_pain"] == ("Leg pain after walking tests (0–10)", "5", "4", "−1")
    # The daily log's leg pain: 5 in the first 14 days, 3 in the last 14.
    assert cells["leg_pain_daily"] == ("Daily leg pain (0–10)", "5", "3", "−2")
    # 5, 6, 5, 6, ... over 14 days = 5.5; the last 14 days: 12 ratings of 3.
    assert cells["back_pain"] == ("Back pain (0–10)", "5.5", "3", "−2.5")
    assert cells["medication"] == ("All pain medication (doses a day)", "2", "2", "0")
    # Standing: 2 and 3 min -> 2.5 min; 5, 6 and 30 min -> 6 min (+140%).
    assert cells["standing"] == ("Standing tolerance", "2:30 min", "6:00 min", "+140%")
    # 16 walks + 4 routines in 5 Jan-1 Feb = 5 a week; 16 walks + 8 routines in 2-29 Mar = 6.
    assert cells["sessions"] == ("Sessions per week", "5", "6", "+1")
    assert row(r, "tolerance").baseline == 198 and row(r, "tolerance").latest == 354
    assert row(r, "sessions").baseline == 5 and row(r, "sessions").latest == 6


def test_compare_rows_need_six_tests_and_long_enough_spans():
    short = build_report(report_input(first=date(2026, 1, 5), last=date(2026, 1, 29)))
    assert short.page1.verdict.verdict.test_walks == 5
    for r in short.page1.compare:  # 25 days: 14-day spans would overlap, and 5 tests only
        assert r.cells[1:] == ("—", "—", "—"), r.key
    no_standing = build_report(report_input(logs=[replace(g, standing_s=None) for g in logs()]))
    assert "standing" not in [r.key for r in no_standing.page1.compare]


def test_each_compare_row_says_where_its_figures_come_from():
    sources = {c.key: c.source for c in full().page1.compare}
    walking = "walking tests, first 3 and latest 3"
    daily = "daily log, first and last 14 days"
    assert sources == {
        "tolerance": walking,
        "total_walk": walking,
        "leg_pain": walking,
        "leg_pain_daily": daily,
        "back_pain": daily,
        "medication": daily,
        "opioid": daily,
        "standing": "standing tests, first and last 28 days",
        "sessions": "walks and routines, first and last 4 weeks",
    }
    assert full().page1.compare_notes == ()  # nothing left out to explain


def test_time_to_first_symptoms_has_its_own_row_only_when_it_differs():
    """A test with no symptoms counts its whole walk in "walking before symptoms" (the
    verdict's figure): then the time to first symptoms differs, and says so."""
    walks = list(diary_walks())
    first_test = next(i for i, w in enumerate(walks) if w.kind.value == "test")
    walks[first_test] = replace(walks[first_test], tfs_s=None)  # no symptoms: 390 s whole
    r = build_report(report_input(walks=walks))
    cells = {c.key: c.cells for c in r.page1.compare}
    assert list(cells)[:2] == ["tolerance", "tfs"]
    # 390 (the whole walk), 186, 246 s -> 246 s; TFS 186 and 246 s -> 216 s.
    assert cells["tolerance"] == ("Walking before symptoms", "4:06 min", "5:54 min", "+44%")
    assert cells["tfs"][0] == "Time to first symptoms, tests that had them"
    assert cells["tfs"][1:3] == ("3:36 min", "5:54 min")
    assert "Walking tolerance" not in [c.label for c in r.page1.compare]


@pytest.mark.parametrize(
    ("standing", "note"),
    [
        ({1: 120, 15: 180}, "none in the last 28 days"),
        ({64: 300, 74: 360}, "none in the first 28 days"),
        ({40: 300}, "none in the first or the last 28 days"),
    ],
)
def test_standing_not_compared_is_left_out_and_said_in_words(standing, note):
    """A tester read "Standing tolerance 3:52 min → —": what does — mean? Now no row, and
    a sentence under the table."""
    found = [replace(g, standing_s=None) for g in logs()]
    found = [replace(g, standing_s=Fraction(standing[n])) if n in standing else g
             for n, g in enumerate(found)]  # fmt: skip
    p = build_report(report_input(logs=found)).page1
    assert "standing" not in [c.key for c in p.compare]
    assert p.compare_notes == (f"Standing tests: {note}, so they are not compared.",)


def test_the_standing_note_is_translated(pseudo):
    from stenosis_coach.i18n import is_pseudo_wrapped

    found = [replace(g, standing_s=Fraction(120) if n == 1 else None) for n, g in enumerate(logs())]
    [note] = build_report(report_input(logs=found)).page1.compare_notes
    assert is_pseudo_wrapped(note) and note.startswith("⟦Standing tests: none in the last 28")


def test_standing_in_a_short_range_is_said_too_short():
    p = build_report(report_input(first=date(2026, 1, 5), last=date(2026, 1, 29))).page1
    assert "standing" not in [c.key for c in p.compare]
    assert p.compare_notes == (
        "Standing tests: the range is shorter than 8 weeks, so they are not compared.",
    )


def test_back_pain_needs_seven_rated_days_in_each_span():
    sparse = [g for g in logs() if not (g.day < day(14) and g.day.weekday() < 4)]  # 6 left
    assert row(build_report(report_input(logs=sparse)), "back_pain").baseline_text == "—"
    assert row(build_report(report_input(logs=sparse)), "medication").baseline_text == "—"


def test_a_sub_range_changes_the_windows():
    sub = build_report(report_input(first=date(2026, 2, 1)))
    v = sub.page1.verdict.verdict
    assert (v.baseline.from_date, v.baseline.to_date) == (date(2026, 2, 6), date(2026, 2, 20))
    assert v.baseline.median_tolerance_s == 282  # 270, 282, 294 s
    assert v.change_pct == Decimal("25.5")  # (354 - 282) / 282
    assert v.verdict == VerdictKind.HOLDING
    assert sub.page1.verdict.headline == "Holding steady"
    assert row(sub, "tolerance").cells == (
        "Walking before symptoms",
        "4:42 min",
        "5:54 min",
        "+26%",
    )
    assert sub.page1.range_line == "Sun 1 Feb 2026 to Sun 29 Mar 2026, 8 weeks"
    assert len(sub.walks) == 34 and sub.walks[0].day == date(2026, 2, 2)
    assert len(sub.page1.plot.tolerance.points) == 8
    assert sub.weekly[0].week_start == date(2026, 1, 26)  # the Monday of Sun 1 Feb
    # The PT start's windows end on 24 Jan: no longer touching the range.
    assert [t.event for t in sub.page1.treatments] == [EPIDURAL]


# ---- page 1: treatments, plot, signs, safety ---------------------------------------------------


def test_treatment_lines_after_not_because():
    lines = full().page1.treatments
    assert [t.event for t in lines] == [PT_BEFORE, EPIDURAL]  # not the October change
    assert [t.in_range for t in lines] == [False, True]
    assert lines[0].text == (
        "After the start of physiotherapy on Sat 20 Dec 2025: not enough walking tests before "
        "and after to compare."
    )
    # Before (4 Jan-31 Jan): 186, 192, 198, 246, 246, 270 s -> 222 s; after (8 Feb-8 Mar):
    # 282, 282, 294, 300 s -> 288 s; +29.7%.
    assert lines[1].text == (
        "After the epidural injection on Sun 1 Feb: walking before symptoms "
        "3:42 min → 4:48 min (+29%)."
    )
    assert lines[1].effect.before_median_s == 222 and lines[1].effect.after_median_s == 288


def test_treatment_windows_use_no_walk_after_the_range():
    early = build_report(report_input(last=date(2026, 2, 15)))
    epidural = next(t for t in early.page1.treatments if t.event == EPIDURAL)
    assert epidural.effect.after_median_s == 282  # only Fri 13 Feb's test
    assert epidural.text.endswith("3:42 min → 4:42 min (+27%).")


def test_plot_has_the_ranges_tests_and_only_markers_inside_it():
    plot = full().page1.plot
    assert plot.title == "Minutes walked before symptoms, walking tests"
    assert len(plot.tolerance.points) == 14
    assert plot.tolerance.points[0].exact == Fraction(33, 10)
    assert plot.running_median.points[2].exact == Fraction(33, 10)  # 3.3, 3.1, 4.1
    assert [m.day for m in plot.markers] == [EPIDURAL.date]
    assert plot.x_range == (noon_x(FIRST, UTC) - HALF_DAY_S, noon_x(LAST, UTC) + HALF_DAY_S)


def test_red_flag_yes_with_labels_and_clearance():
    safety = full().page1.safety
    assert safety.checks == 13 and safety.all_no == 12  # not December's, not the unfinished
    assert safety.summary == (
        '1 check with a "yes" answer, listed below; 12 weekly safety checks with no warning signs.'
    )
    (entry,) = safety.flagged
    assert entry.date_text == "Tue 3 Mar 2026"
    assert entry.trigger_text == 'Check after "Must stop"'
    assert entry.check.level == Level.URGENT
    assert entry.level_text == "Urgent: contact your clinician today"
    assert entry.answers == ("New unsteadiness or falls", "Calf pain that eases by standing still")
    assert entry.clearance == CLEARANCES[1]
    assert entry.clearance_text == "Checked by a clinician on Thu 5 Mar 2026"


def test_red_flag_without_clearance_and_all_no_checks():
    uncleared = build_report(report_input(clearances=[])).page1.safety.flagged[0]
    assert uncleared.clearance is None
    assert uncleared.clearance_text == "No clearance recorded"
    quiet = build_report(report_input(checks=checks()[:12])).page1.safety
    assert quiet.flagged == ()
    assert quiet.summary == "12 weekly safety checks with no warning signs."


def test_signs_as_of_the_ranges_last_day():
    # The "yes" to new unsteadiness on Tue 3 Mar is within 28 days of Sun 29 Mar.
    signs = full().page1.signs
    assert [s.code for s in signs] == [SignCode.NEW_WEAKNESS_OR_BALANCE]
    assert signs[0].text == "You reported new weakness or unsteadiness on Tue 3 Mar."
    assert build_report(report_input(checks=checks()[:12])).page1.signs == ()


# ---- page 1: what next, and questions for the visit -----------------------------------------


def test_what_next_with_a_red_flag_and_a_sign():
    assert build_report(report_input(clearances=[])).page1.what_next == (
        'Discuss the "yes" answer on Tue 3 Mar: no clinician check is recorded yet.',
        "Ask whether a different treatment or a specialist review is needed.",
    )


def test_what_next_when_improving_without_signs():
    report = build_report(report_input(checks=checks()[:12]))
    assert report.page1.what_next == (
        "Keep going: the programme is working.",
        "Agree when to look at progress again.",
    )


def test_medication_question_only_when_doses_rose():
    flat = build_report(report_input(checks=checks()[:12]))
    assert not [q for q in flat.questions if "medication" in q.text]
    rose = build_report(report_input(checks=checks()[:12], logs=logs(late_prescription=1)))
    assert row(rose, "medication").cells[1:] == ("2", "3", "+1")
    assert rose.page1.verdict.verdict.medication_up is False  # 40/14 - 2 < 1 to 27 Mar
    (q,) = [q for q in rose.questions if "medication" in q.text]
    assert q.text == "Is my pain medication right for me?"
    assert q.detail == "My pain medication went from 2 to 3 doses a day (first and last 14 days)."
    assert rose.page1.what_next[-1] == (
        "Talk about pain medication: you take more doses a day than at first."
    )
    opioid = build_report(report_input(checks=checks()[:12], logs=logs(opioid_day=30)))
    (q,) = [q for q in opioid.questions if "medication" in q.text]
    assert q.detail == "I took an opioid on 1 day."


def test_questions_follow_the_data():
    questions = build_report(report_input(clearances=[])).questions  # the "yes" not cleared
    assert 3 <= len(questions) <= 6
    assert [q.text for q in questions] == [
        "Is my walking improving enough to keep going as I am?",
        "Should my walking plan change?",
        'What do my "yes" answers on the safety checks mean?',
        "Would another treatment, or a specialist's opinion, help?",
    ]
    assert questions[0].detail == (
        "From my first 3 to my latest 3 walking tests, walking before symptoms went from "
        "3:18 min to 5:54 min (+79%); leg pain went from 5 to 4."
    )
    assert questions[1].detail == NEXT_WALK
    assert questions[2].detail == (
        "Tue 3 Mar: New unsteadiness or falls, Calf pain that eases by standing still"
    )
    assert questions[3].detail == "You reported new weakness or unsteadiness on Tue 3 Mar."


# ---- following pages ----------------------------------------------------------------------


def test_weekly_table():
    weeks = full().weekly
    assert len(weeks) == 12 and [w.week_start.weekday() for w in weeks] == [0] * 12
    assert len(WEEKLY_HEADERS) == len(weeks[0].cells)
    # Week of 5 Jan: tests 5, 7, 9 Jan (198, 186, 246 s); training 8, 10, 11 Jan (17.5 + 20 +
    # 17.5 min); the 00:30 routine and 8 Jan's; back pain 5, 6, 5, 6, 5, 6, 5 -> 38/7; 2 doses.
    assert line(weeks[0].cells) == "Mon 5 Jan 2026 | 3 | 3:18 | 3 | 55 | 2 | 5 | 5.4 | 2"
    # Week of 23 Mar: the test of 27 Mar (336 s); training 23, 25, 26, 28 Mar (25 + 20 + 15 +
    # 15 min); routines on 23, 27 and 29 Mar; back pain 3 on 6 rated days; leg pain 3.
    assert line(weeks[-1].cells) == "Mon 23 Mar 2026 | 1 | 5:36 | 4 | 75 | 3 | 3 | 3 | 2"


def test_walk_and_routine_lists():
    r = full()
    assert len(r.walks) == 50
    assert len(WALK_HEADERS) == len(r.walks[0].cells)
    assert r.walks[0].cells == ("Mon 5 Jan 2026", "Test", "6:30", "3:18", "—", "5", "Diary", "")
    assert (
        line(r.walks[4].cells) == "Sat 10 Jan 2026 | Training | 20 | no symptoms | 3 | 5 | Diary | "
    )
    assert len(r.routines) == 12  # not the one on the evening before the range
    assert len(ROUTINE_HEADERS) == len(r.routines[0].cells)
    assert (
        line(r.routines[0].cells)
        == "Mon 5 Jan 2026 | Flexion basics | 12:30 | Finished | 4 → 2 | —"
    )
    assert (
        line(r.routines[-1].cells)
        == "Sun 29 Mar 2026 | Chair <routine> | 12:30 | Stopped | 4 → — | 5"
    )


def test_daily_summary():
    s = full().daily_summary
    assert (s.days_logged, s.days_in_range) == (84, 84)
    # Leg: 14 x 5, 56 x 4, 14 x 3 = 336 / 84 = 4. Back: 77 + 224 + 36 over 82 ratings.
    assert (s.leg_pain_mean, s.leg_pain_median) == (4, 4)
    assert s.back_pain_mean == Fraction(337, 82) and s.back_pain_median == 4
    assert s.doses_by_kind == (
        (MedicationKind.OVER_THE_COUNTER, 168),
        (MedicationKind.PRESCRIPTION, 0),
        (MedicationKind.OPIOID, 0),
    )
    assert (s.nights_recorded, s.nights_woken) == (84, 14)
    assert (s.standing_tests, s.standing_best_s) == (5, 1800)
    assert [(line.label, line.value) for line in s.lines] == [
        ("Days logged", "84 of 84 days"),
        ("Leg pain (0–10)", "mean 4, median 4"),
        ("Back pain (0–10)", "mean 4.1, median 4"),
        ("Pain medication", "168 doses in all: over the counter 168, prescription 0, opioid 0"),
        ("Nights woken by leg pain", "woken on 14 of 84 nights recorded"),
        ("Standing tests", "5, best at least 30 min"),
    ]


def test_logs_for_one_day_are_merged():
    extra = DailyLog(day(1), back_pain=9, otc_doses=3, notes="Second entry")
    s = build_report(report_input(logs=[*logs(), extra]))
    assert s.daily_summary.days_logged == 84
    assert s.weekly[0].doses == Fraction(17, 7)  # 14 + 3 doses over 7 logged days
    assert s.weekly[0].back_pain == Fraction(41, 7)  # 9 replaces that day's 6: 38 - 6 + 9
    assert [n.text for n in s.notes] == ["Stiff <i>today</i> & tired", "Second entry"]


def test_notes_from_walks_and_logs_by_day():
    walks = list(diary_walks())
    walks[0] = replace(walks[0], notes="Windy <today>")
    walks[3] = replace(walks[3], notes="   ")  # blank: left out
    notes = build_report(report_input(walks=walks)).notes
    assert [(n.date_text, n.source, n.text) for n in notes] == [
        ("Mon 5 Jan 2026", "Walk", "Windy <today>"),
        ("Tue 6 Jan 2026", "Daily log", "Stiff <i>today</i> & tired"),
    ]


# ---- edges --------------------------------------------------------------------------------


def test_empty_data_gives_a_sensible_report():
    empty = ReportInput(
        patient=None,
        first=date(2026, 4, 6),
        last=date(2026, 5, 3),
        today=date(2026, 5, 4),
        tz=timezone(timedelta(hours=2)),
        walks=[],
        logs=[],
        treatments=[],
        checks=[],
        routines=[],
        next_walk_text="",
        generated_at=datetime(2026, 5, 4, 8, 0, tzinfo=UTC),
    )
    r = build_report(empty)
    p = r.page1
    assert p.generated_line == "Made with Stenosis Coach on Mon 4 May 2026 at 10:00."
    assert p.verdict.headline == "No walking tests"
    assert p.verdict.summary.startswith("No walking tests in this range.")
    assert p.plot.empty_text == "No walking tests in this range."
    assert p.plot.tolerance.points == () and p.plot.markers == ()
    assert all(c.cells[1:] == ("—", "—", "—") for c in p.compare)
    assert [c.key for c in p.compare if c.key == "standing"] == []
    assert p.treatments == () and p.signs == ()
    assert p.safety.summary == "No safety checks in this range."
    assert p.what_next == ("Do a walking test this week.", "Agree when to look at progress again.")
    assert [q.text for q in r.questions] == [
        "How much walking should I do, and how often?",
        "Which warning signs mean I should contact you, or get care straight away?",
        "When should we look at my progress again?",
    ]
    assert len(r.weekly) == 4 and all(
        w.cells[1:] == ("0", "—", "0", "0", "0", "—", "—", "—") for w in r.weekly
    )
    assert r.walks == () and r.routines == () and r.notes == ()
    assert r.daily_summary.lines[0].value == "0 of 28 days"


def test_fewer_than_six_tests():
    walks = [w for w in diary_walks() if w.start.date() <= date(2026, 1, 23)]
    r = build_report(report_input(walks=walks, checks=checks()[:12]))
    assert r.page1.verdict.headline == "Not enough walking tests yet"
    assert r.page1.what_next[0] == (
        "Do a walking test each week: 1 more test will show whether walking is changing."
    )
    assert "Is my walking improving enough to keep going as I am?" not in [
        q.text for q in r.questions
    ]


def test_a_reversed_range_is_refused():
    with pytest.raises(ValueError, match="after its last day"):
        build_report(report_input(first=LAST, last=FIRST))


def test_same_input_same_report():
    assert build_report(report_input()) == full()


def test_ten_years_are_reported_whole():
    """How fast: bench/core.py (report model, 10 years; target <= 0.5 s)."""
    from zoneinfo import ZoneInfo

    from stenosis_coach.core.demo import generate

    tz = ZoneInfo("UTC")
    end = date(2026, 4, 30)
    h = generate(520, 1, end, tz)
    sessions = [
        RoutineSummary(
            SessionRecord(
                i,
                "routine",
                r.routine_id,
                SessionState.FINISHED,
                r.start,
                0,
                r.start,
                float(r.elapsed_s),
            ),
            r.routine_id,
            Ratings(r.leg_before, r.back_before),
            Ratings(r.leg_after, r.back_after),
            r.steps_done,
            r.steps_skipped,
            None,
            r.completed,
        )
        for i, r in enumerate(h.routine_sessions)
    ]
    records = [
        CheckRecord(i, c.trigger, c.at, 0, c.at, None, decide(c.answers), c.answers)
        for i, c in enumerate(h.checks)
    ]
    data = ReportInput(
        "Maria",
        h.first_day,
        h.last_day,
        end,
        tz,
        h.walks,
        h.logs,
        h.treatments,
        records,
        sessions,
        NEXT_WALK,
        MADE,
    )
    assert (len(h.walks), len(h.logs), len(sessions)) > (2000, 3000, 2500)
    report = build_report(data)
    assert len(report.weekly) == 521 and len(report.walks) == len(h.walks)


# ---- issue 12: honest words on paper ---------------------------------------------------------


def test_the_report_says_whole_percents_never_across_a_rules_line():
    r = full()
    assert "(+79%)" in r.page1.verdict.summary and "78.8" not in r.page1.verdict.summary
    assert row(r, "tolerance").change_text == "+79%"  # 78.79%: whole percent, as people say it
    assert row(r, "total_walk").change_text == "+44%"  # 43.75%
    assert "(+30%)" not in r.page1.treatments[1].text  # 29.7% is judged below the 30% line
    assert r.page1.treatments[1].change_text == "+29%"
    assert "(+79%)" in r.questions[0].detail
    assert to_status_json(r.page1.verdict.verdict)["change_pct"] == 78.8  # the contract stays


def test_a_cleared_safety_answer_is_not_presented_as_current():
    cleared = full()  # the 3 Mar "yes" was checked by a clinician on 5 Mar
    assert not any("safety" in line for line in cleared.page1.what_next)
    assert not any("safety" in q.text for q in cleared.questions)
    assert cleared.page1.safety.flagged[0].clearance_text.startswith("Checked by a clinician")
    current = build_report(report_input(clearances=[]))
    assert current.page1.what_next[0] == (
        'Discuss the "yes" answer on Tue 3 Mar: no clinician check is recorded yet.'
    )
    assert any("safety" in q.text for q in current.questions)


def test_opioids_are_on_page_one_apart_from_other_medication():
    opioid_logs = [
        replace(g, opioid_doses=(2 if g.day < day(14) else 1 if g.day >= day(70) else 0))
        for g in logs()
    ]
    r = build_report(report_input(logs=opioid_logs))
    assert row(r, "opioid").cells == ("Opioids (doses a day)", "2", "1", "−1")
    assert row(r, "medication").label == "All pain medication (doses a day)"
    assert r.page1.opioid_line == (
        "Opioids: 42 doses on 28 of 84 logged days; the last on Sun 29 Mar."
    )
    none = full()
    assert row(none, "opioid").cells[1:] == ("0", "0", "0")
    assert none.page1.opioid_line == "Opioids: none logged in this range."
    no_logs = build_report(report_input(logs=[]))
    assert no_logs.page1.opioid_line == ""


def test_the_after_not_because_caveat_belongs_to_the_treatments():
    p = full().page1
    assert "because of" in p.treatment_caveat
    assert not any("because of" in f for f in p.footnotes)


def test_a_long_note_is_capped_in_the_walks_table_and_whole_under_notes():
    walks = list(diary_walks())
    long_note = "Walked to the market and back, " * 20
    walks[0] = replace(walks[0], notes=long_note)
    r = build_report(report_input(walks=walks))
    cell = r.walks[0].cells[-1]
    assert len(cell) <= 100 and cell.endswith("(whole note under Notes)")
    assert r.notes[0].text == long_note


def test_a_week_cut_by_the_range_says_how_many_of_its_days_count():
    weeks = build_report(report_input(first=date(2026, 2, 1), last=date(2026, 3, 25))).weekly
    assert weeks[0].cells[0] == "Mon 26 Jan 2026 (1 of 7 days)"  # only Sun 1 Feb
    assert weeks[-1].cells[0] == "Mon 23 Mar 2026 (3 of 7 days)"  # the week under way
    assert weeks[1].cells[0] == "Mon 2 Feb 2026"


# ---- words in the user's language (issue 14) ------------------------------------------------


def test_every_sentence_of_the_report_is_translated(pseudo):
    from stenosis_coach.core.report.tables import (
        compare_headers,
        routine_table,
        walk_table,
        weekly_table,
    )
    from stenosis_coach.i18n import is_pseudo_wrapped

    r = build_report(report_input())  # built in the pseudo-locale: not the cached English one
    p = r.page1
    said = [p.title, p.patient_line, p.range_line, p.generated_line, p.verdict.headline]
    said += [p.plot.title, p.plot.empty_text, p.opioid_line, p.treatment_caveat, *p.footnotes]
    said += [t.text for t in p.treatments] + [p.safety.summary, *p.what_next]
    for flag in p.safety.flagged:
        said += [flag.trigger_text, flag.level_text, flag.clearance_text, *flag.answers]
    said += [q.text for q in r.questions] + [r.questions[0].detail]  # the others: given
    said += [c.label for c in p.compare] + [c.basis for c in p.compare]
    said += [c.source for c in p.compare]
    said += [x for line in r.daily_summary.lines for x in (line.label, line.value)]
    said += list(compare_headers()[1:]) + [n.source for n in r.notes]
    for table in (walk_table(r.walks), weekly_table(r.weekly), routine_table(r.routines)):
        said += table.headers
    said += [w.cells[1] for w in r.walks] + [x.ended for x in r.routines]
    assert [s for s in said if not is_pseudo_wrapped(s)] == []
    # One sentence, one message: what the patient typed sits inside it, untouched.
    assert p.patient_line == "⟦Patient: Ana <b>Ruiz</b> & Co⟧"
    assert p.range_line.startswith("⟦") and p.range_line.endswith("⟦12 weeks⟧⟧")
    assert compare_headers()[0] == ""  # the labels' column has no header
    epidural = next(t.text for t in p.treatments if t.event == EPIDURAL)
    assert epidural.startswith("⟦After the ⟦epidural injection⟧ on ")  # translated once
    assert r.page1.next_walk == NEXT_WALK  # the app's sentence, as given


def test_english_table_headers_and_cells_stay_as_they_were():
    r = full()
    from stenosis_coach.core.report.tables import compare_headers, walk_table

    assert compare_headers() == COMPARE_HEADERS
    assert walk_table(r.walks).headers[:4] == (
        "Date",
        "Kind",
        "Walked (min:sec)",
        "Until symptoms (min:sec)",
    )


def test_a_change_in_points_is_the_change_of_the_figures_as_printed():
    """4.76 -> 5.04 prints 4.8 -> 5: its change reads +0.2 (the exact +0.28 would print
    +0.3, and a clinician would see the sum not add up)."""
    from stenosis_coach.core.report.tables import _row

    row = _row("leg", "Leg pain", "", (Fraction(476, 100), Fraction(504, 100)))
    assert (row.baseline_text, row.latest_text, row.change_text) == ("4.8", "5", "+0.2")
    row = _row("leg", "Leg pain", "", (Fraction(5), Fraction(5)))
    assert row.change_text == "0"
