"""The 12-week trial (issue 16, seed 001): its start, "Week N of 12", and the review once
12 weeks are done, in the words the verdict and the report already say."""

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

from stenosis_coach.core.due import ActiveRoutine, DueInputs, RoutinePlanIn, WalkingPlanIn
from stenosis_coach.core.outcomes.model import ZCQ, Questionnaire
from stenosis_coach.core.progress.outcomes import zcq_judgement
from stenosis_coach.core.progress.verdict import compute_verdict
from stenosis_coach.core.trial import Trial, trial_of, trial_review, trial_start
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.walking.prescription import PlanStart

MONDAY = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
ROUTINE = ActiveRoutine("pt-flexion", "Flexion", 3, 900.0)


def walk_test(at, minutes):
    return Walk(at, WalkKind.TEST, Fraction(minutes * 60), Fraction(minutes * 60), 3)


def plan(at):
    return WalkingPlanIn(PlanStart(at, 240, 120, 1200))


def test_the_trial_starts_at_the_newest_plan_else_the_first_walk_or_routine():
    walks = [walk_test(MONDAY - timedelta(days=20), 4)]
    assert trial_start(DueInputs(), MONDAY, UTC) is None
    assert trial_start(DueInputs(walks=walks), MONDAY, UTC) == date(2026, 2, 10)
    routine_first = DueInputs(first_routine_at=MONDAY - timedelta(days=30), walks=walks)
    assert trial_start(routine_first, MONDAY, UTC) == date(2026, 1, 31)
    plans = DueInputs(
        walks=walks,
        walking_plans=[plan(MONDAY - timedelta(days=10))],
        routine_plans=[RoutinePlanIn(MONDAY - timedelta(days=3), (ROUTINE,))],
    )
    assert trial_start(plans, MONDAY, UTC) == date(2026, 2, 27)  # the newest: the routines
    # a plan imported later does not count yet
    assert trial_start(plans, MONDAY - timedelta(days=5), UTC) == date(2026, 2, 20)


def test_week_n_of_12_and_the_review_after_84_days():
    start = date(2026, 3, 2)
    assert Trial(start, start).week == 1
    assert Trial(start, start + timedelta(days=6)).week == 1
    assert Trial(start, start + timedelta(days=7)).week == 2
    week12 = Trial(start, start + timedelta(days=83))
    assert week12.week == 12 and not week12.done
    assert week12.week_line() == "Week 12 of 12 of your programme (it started on Mon 2 Mar)."
    done = Trial(start, start + timedelta(days=84))
    assert done.done
    assert done.week_line() == "Your 12 weeks are done: the programme started on Mon 2 Mar."
    # The report speaks of the patient neutrally, never "your"
    assert week12.report_line() == "Week 12 of the 12-week programme (started on Mon 2 Mar)."
    assert done.report_line() == "12-week programme completed on Mon 25 May (started on Mon 2 Mar)."
    inputs = DueInputs(walking_plans=[plan(MONDAY)])
    assert trial_of(inputs, MONDAY + timedelta(days=84), UTC) == done


def test_the_review_says_the_verdicts_and_the_questionnaires_own_words():
    # Before the plan: slow tests that do not count. Since it: 4 min, rising to 7 min.
    before = [walk_test(MONDAY - timedelta(days=d), 1) for d in (21, 14, 7)]
    since = [
        walk_test(MONDAY + timedelta(days=7 * k, hours=2), m)
        for k, m in enumerate((4, 4, 4, 5, 6, 7, 7, 7, 7, 7, 7, 7))
    ]
    first = {**{f"s{i}": 3 for i in range(1, 7)}, "s7": 3, **{f"f{i}": 2 for i in range(1, 6)}}
    later = {**{f"s{i}": 2 for i in range(1, 7)}, "s7": 1, **{f"f{i}": 1 for i in range(1, 6)}}
    zcq = [
        Questionnaire(date(2026, 3, 2), ZCQ, first),
        Questionnaire(date(2026, 5, 18), ZCQ, later),
    ]
    trial = Trial(date(2026, 3, 2), date(2026, 5, 25))
    review = trial_review(trial, before + since, [], zcq, UTC)
    verdict = compute_verdict(since, [], trial.today, UTC)
    # One colon-free lead, then the verdict's own sentences (never "Since …: Improving: …")
    assert review.changes[0] == f"Your walking tests since Mon 2 Mar 2026. {verdict.summary}"
    assert "4:00 min → 7:00 min" in review.changes[0]  # walking before symptoms, min:sec
    assert review.walking == verdict.summary  # for the report's own lead
    from stenosis_coach.core.outcomes.summary import outcomes_of
    from stenosis_coach.core.progress.outcomes import zcq_change_lines

    # The questionnaire in the words its thank-you says: each score with its scale and days
    said = zcq_change_lines(outcomes_of(zcq).zcq, trial.today)
    assert list(review.changes[1:]) == said
    assert review.changes[1] == (
        "Your symptoms, on a scale of 1 to 5 (lower is better): 3.00 on Mon 2 Mar, "
        "1.86 on Mon 18 May."
    )
    assert review.changes[2].startswith("What you can do, on a scale of 1 to 4 (lower means")
    assert review.changes[3] == zcq_judgement(outcomes_of(zcq).zcq)
    assert "clinician" in review.advice and review.lines[-1] == review.advice
    for word in ("poor", "fail", "bad"):
        assert word not in " ".join(review.lines).lower()


def test_no_questionnaire_no_zcq_line():
    trial = Trial(date(2026, 3, 2), date(2026, 5, 25))
    review = trial_review(trial, [], [], [], UTC)
    assert len(review.changes) == 1 and "No walking tests yet" in review.changes[0]


def test_under_the_pseudo_locale_each_line_is_one_wrapped_message(pseudo):
    from stenosis_coach.i18n import is_pseudo_wrapped

    trial = Trial(date(2026, 3, 2), date(2026, 5, 25))
    review = trial_review(trial, [], [], [], UTC)
    for line in (review.title, *review.lines, trial.week_line(), trial.report_line()):
        assert is_pseudo_wrapped(line) and line.startswith("⟦"), line


def test_the_reports_review_line_is_neutral_and_has_one_lead():
    trial = Trial(date(2026, 3, 2), date(2026, 5, 25))
    review = trial_review(trial, [], [], [], UTC)
    line = review.report_line()
    assert line == f"Walking tests since the programme started on Mon 2 Mar 2026. {review.walking}"
