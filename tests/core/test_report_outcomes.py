"""Report page 1 (issue 15): beside the walking verdict, the ZCQ and My-activities change;
each treatment's relief days beside its walking before/after; one line for the clinician
("No signs pointing to referral" or the signs found)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.outcomes.model import PSFS, ZCQ, Questionnaire
from stenosis_coach.core.report import ReportInput, build_report
from stenosis_coach.i18n import is_pseudo_wrapped

FIRST, LAST = date(2026, 3, 1), date(2026, 4, 30)
INJECTION = date(2026, 3, 22)


def zcq(day: date, s: int, f: int, p: int | None = None) -> Questionnaire:
    answers = {f"s{i}": s for i in range(1, 7)} | {"s7": 3} | {f"f{i}": f for i in range(1, 6)}
    if p is not None:
        answers |= {f"p{i}": p for i in range(1, 7)}
    return Questionnaire(day, ZCQ, answers)


def pain_logs() -> list[DailyLog]:
    """Leg 6 before the injection, 3 for 10 days after, then 6 again: relief 11 days."""
    found = []
    for n in range(61):
        d = FIRST + timedelta(days=n)
        k = (d - INJECTION).days
        found.append(DailyLog(d, leg_pain=3 if 1 <= k <= 10 else 6, back_pain=5))
    return found


def report(questionnaires=(), logs=None, treatments=(), **more):
    return build_report(
        ReportInput(
            patient=None,
            first=FIRST,
            last=LAST,
            today=LAST + timedelta(days=1),
            tz=UTC,
            walks=[],
            logs=pain_logs() if logs is None else logs,
            treatments=list(treatments),
            checks=[],
            routines=[],
            next_walk_text="Next walk: a walking test.",
            generated_at=datetime(2026, 5, 1, 9, tzinfo=UTC),
            questionnaires=list(questionnaires),
            **more,
        )
    ).page1


QUESTIONNAIRES = [
    zcq(date(2026, 3, 2), 4, 3),
    Questionnaire(date(2026, 3, 2), PSFS, {"Standing to cook": 3, "Grocery store": 2}),
    zcq(date(2026, 4, 27), 3, 2, 2),
    Questionnaire(date(2026, 4, 27), PSFS, {"Standing to cook": 6, "Grocery store": 5}),
]


def test_page_one_has_the_zcq_and_my_activities_change():
    # By hand: symptoms (6 x 4 + 3) / 7 = 3.857 -> (6 x 3 + 3) / 7 = 3, change -0.857 (>= 0.36:
    # meaningful; with function -1 and satisfaction 2: success); activities 2.5 -> 5.5.
    page = report(QUESTIONNAIRES)
    assert page.outcomes == (
        "Zurich Claudication Questionnaire, Mon 2 Mar to Mon 27 Apr: symptom severity 3.86 "
        "to 3.00, physical function 3.00 to 2.00 (lower is better). A meaningful improvement in "
        "symptoms, and a success by the usual rule (symptoms and function each better by 0.5 "
        "or more, satisfaction 2.5 or lower).",
        "My activities, Mon 2 Mar to Mon 27 Apr: 2.50 to 5.50 out of 10 on average (higher "
        "is better). A meaningful improvement (2 points or more).",
    )


def test_no_questionnaire_no_outcome_lines():
    assert report().outcomes == ()


def test_each_treatment_has_its_relief_days_beside_its_walking():
    page = report(treatments=[TreatmentEvent(INJECTION, TreatmentKind.EPIDURAL_INJECTION)])
    [line] = page.treatments
    assert line.relief_days == 11
    assert line.relief_text == (
        "Leg pain back near where it was before, on day 11 after the epidural injection."
    )
    # a kind with no relief record says nothing of relief
    page = report(treatments=[TreatmentEvent(INJECTION, TreatmentKind.PT_START)])
    assert page.treatments[0].relief_text == ""


def test_relief_still_going_after_42_days_is_said_so():
    logs = [
        DailyLog(g.day, leg_pain=3 if g.day > INJECTION else 6, back_pain=5) for g in pain_logs()
    ]
    page = report(logs=logs, treatments=[TreatmentEvent(INJECTION, TreatmentKind.NERVE_BLOCK)])
    assert page.treatments[0].relief_days is None
    assert page.treatments[0].relief_text == (
        "Still better 39 days after the nerve block."  # to the range end
    )


def test_one_line_for_the_clinician():
    calm = [DailyLog(FIRST + timedelta(days=n), leg_pain=3, back_pain=3) for n in range(61)]
    assert report(logs=calm).clinician_line == "For the clinician: no signs pointing to referral."
    legs = [DailyLog(FIRST + timedelta(days=n), leg_pain=7, back_pain=3) for n in range(61)]
    assert report(logs=legs).clinician_line == (
        "For the clinician: 1 sign pointing to referral: leg pain limiting more than back pain."
    )


def test_the_new_lines_are_translated(pseudo):
    page = report(
        QUESTIONNAIRES, treatments=[TreatmentEvent(INJECTION, TreatmentKind.EPIDURAL_INJECTION)]
    )
    lines = [*page.outcomes, page.clinician_line, page.treatments[0].relief_text]
    assert len(lines) == 4 and all(is_pseudo_wrapped(t) for t in lines), lines
