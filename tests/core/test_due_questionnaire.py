"""The ZCQ is due at the start (once there is a walking plan or a routine in use) and every
28 days (DESIGN 5.6, 5.7): one answer in ``Due``, ``due --json`` and its sentence."""

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

from stenosis_coach.core.due import DueInputs, RoutinePlanIn, WalkingPlanIn, what_is_due
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.walking.prescription import PlanStart

MONDAY = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def due(at, **inputs):
    return what_is_due(DueInputs(**inputs), at, UTC)


def test_nothing_is_asked_before_a_plan_or_anything_in_use():
    answer = due(MONDAY)
    assert not answer.questionnaire and answer.questionnaire_due_on is None
    assert answer.to_json()["questionnaire"] is False


def test_due_at_the_start_of_a_walking_plan_and_said_in_the_sentence():
    plan = WalkingPlanIn(PlanStart(MONDAY, Fraction(240), Fraction(120), Fraction(900)))
    before = due(MONDAY - timedelta(hours=1), walking_plans=[plan])
    assert not before.questionnaire  # only what happened up to T counts
    answer = due(MONDAY + timedelta(hours=1), walking_plans=[plan])
    assert answer.questionnaire and answer.questionnaire_due_on == MONDAY.date()
    assert answer.to_json()["questionnaire"] is True
    assert "the questionnaire" in answer.sentence()


def test_a_first_walk_or_routine_plan_is_a_start_too():
    walk = Walk(MONDAY, WalkKind.TEST, Fraction(600), None, 2)
    assert due(MONDAY + timedelta(hours=2), walks=[walk]).questionnaire
    routines = RoutinePlanIn(MONDAY, ())
    assert due(MONDAY + timedelta(hours=2), routine_plans=[routines]).questionnaire


def test_answered_it_is_due_again_28_days_later_exactly():
    walk = Walk(MONDAY, WalkKind.TEST, Fraction(600), None, 2)
    answered = [MONDAY.date()]
    day27 = due(MONDAY + timedelta(days=27), walks=[walk], zcq_days=answered)
    assert not day27.questionnaire
    assert day27.questionnaire_due_on == date(2026, 3, 30)
    day28 = due(MONDAY + timedelta(days=28), walks=[walk], zcq_days=answered)
    assert day28.questionnaire and day28.anything_due
    assert day28.to_json()["questionnaire_due_on"] == "2026-03-30"


def test_a_questionnaire_answered_after_t_does_not_count():
    walk = Walk(MONDAY, WalkKind.TEST, Fraction(600), None, 2)
    later = [MONDAY.date() + timedelta(days=3)]
    assert due(MONDAY + timedelta(days=1), walks=[walk], zcq_days=later).questionnaire
