"""Red-flag checks through the service: stored as answered, never lost, gating sessions."""

from datetime import timedelta

import pytest

from stenosis_coach.core.safety import QUESTIONS, CheckTrigger, ClearanceReason, Level
from stenosis_coach.core.today import WEEKLY_ACTION
from stenosis_coach.services import safety
from stenosis_coach.services.today import build_today as build_all


def build_today(db, now):
    """The Today page with only the safety items (walks and routines add their own)."""
    from dataclasses import replace

    model = build_all(db, now)
    return replace(model, items=tuple(i for i in model.items if i.key.startswith("safety")))


ALL_NO = {q.id: False for q in QUESTIONS}


def answer_all(db, check_id, now, yes=()):
    for q in QUESTIONS:
        safety.answer(db, check_id, q.id, q.id in yes, now)


def test_a_fresh_user_needs_a_first_check_and_nothing_else(db, clock):
    status = safety.status(db, clock.now())
    assert status.first_check_needed and status.pending is None
    assert not status.needs_clearance and status.flags_last_28_days == 0


def test_answers_are_stored_one_by_one_and_an_unfinished_check_is_asked_again(db, clock):
    check = safety.start_check(db, CheckTrigger.FIRST_RUN, clock.now())
    safety.answer(db, check.id, "saddle-numbness", False, clock.now())
    # the app dies here; at the next start the same check is waiting, with its answer
    pending = safety.status(db, clock.now()).pending
    assert pending.id == check.id
    assert pending.answers == {"saddle-numbness": False}
    again = safety.start_check(db, CheckTrigger.WEEKLY, clock.now())
    assert again.id == check.id


def test_changing_an_answer_after_back_keeps_one_answer(db, clock):
    check = safety.start_check(db, CheckTrigger.ON_DEMAND, clock.now())
    safety.answer(db, check.id, "fever", True, clock.now())
    safety.answer(db, check.id, "fever", False, clock.now())
    assert safety.status(db, clock.now()).pending.answers == {"fever": False}


def test_an_incomplete_check_cannot_be_finished(db, clock):
    check = safety.start_check(db, CheckTrigger.FIRST_RUN, clock.now())
    safety.answer(db, check.id, "fever", False, clock.now())
    with pytest.raises(ValueError, match="incomplete"):
        safety.finish_check(db, check.id, clock.now())


def test_all_no_is_no_advice_and_the_weekly_check_comes_back_after_seven_days(db, clock):
    check = safety.start_check(db, CheckTrigger.FIRST_RUN, clock.now())
    answer_all(db, check.id, clock.now())
    assert safety.finish_check(db, check.id, clock.now()) is None
    assert build_today(db, clock.now()).nothing_due
    clock.advance(timedelta(days=7).total_seconds())
    [item] = build_today(db, clock.now()).items
    assert item.action == WEEKLY_ACTION


def test_a_yes_replaces_the_plan_until_a_clearance_is_recorded(db, clock):
    check = safety.start_check(db, CheckTrigger.MUST_STOP, clock.now())
    answer_all(db, check.id, clock.now(), yes={"bladder-trouble"})
    advice = safety.finish_check(db, check.id, clock.now())
    assert advice.level is Level.EMERGENCY
    status = safety.status(db, clock.now())
    assert status.needs_clearance and status.flags_last_28_days == 1
    [item] = build_today(db, clock.now()).items
    assert item.blocks_plan and item.title == "Get emergency care now"
    assert "New trouble starting or controlling urine" in item.detail
    clock.advance(3600)
    safety.record_clearance(db, ClearanceReason.CHECKED_BY_CLINICIAN, clock.now())
    assert not safety.status(db, clock.now()).needs_clearance
    assert build_today(db, clock.now()).nothing_due


def test_a_later_yes_needs_a_new_clearance(db, clock):
    for _ in range(2):
        check = safety.start_check(db, CheckTrigger.ON_DEMAND, clock.now())
        answer_all(db, check.id, clock.now(), yes={"fever"})
        safety.finish_check(db, check.id, clock.now())
        assert safety.status(db, clock.now()).needs_clearance
        clock.advance(60)
        safety.record_clearance(db, ClearanceReason.ANSWERED_BY_MISTAKE, clock.now())
        clock.advance(60)
    assert not safety.status(db, clock.now()).needs_clearance


def test_flags_are_counted_over_the_last_28_days_only(db, clock):
    check = safety.start_check(db, CheckTrigger.ON_DEMAND, clock.now())
    answer_all(db, check.id, clock.now(), yes={"calf-pain-standing"})
    safety.finish_check(db, check.id, clock.now())
    clock.advance(timedelta(days=27).total_seconds())
    assert safety.red_flags_last_28_days(db, clock.now()) == 1
    clock.advance(timedelta(days=2).total_seconds())
    assert safety.red_flags_last_28_days(db, clock.now()) == 0


def test_only_weekly_and_on_demand_checks_may_be_postponed(db, clock):
    check = safety.start_check(db, CheckTrigger.SEVERE_HURT, clock.now())
    with pytest.raises(ValueError, match="cannot be postponed"):
        safety.postpone_check(db, check.id, clock.now())
    assert safety.status(db, clock.now()).pending.id == check.id


def test_a_postponed_weekly_check_is_not_forced_but_stays_due(db, clock):
    first = safety.start_check(db, CheckTrigger.FIRST_RUN, clock.now())
    answer_all(db, first.id, clock.now())
    safety.finish_check(db, first.id, clock.now())
    clock.advance(timedelta(days=8).total_seconds())
    weekly = safety.start_check(db, CheckTrigger.WEEKLY, clock.now())
    safety.postpone_check(db, weekly.id, clock.now())
    status = safety.status(db, clock.now())
    assert status.pending is None and status.weekly_due


def test_clearance_without_a_yes_is_refused(db, clock):
    with pytest.raises(ValueError):
        safety.record_clearance(db, ClearanceReason.CHECKED_BY_CLINICIAN, clock.now())


def test_checks_in_a_range_for_the_report(db, clock):
    check = safety.start_check(db, CheckTrigger.FIRST_RUN, clock.now())
    answer_all(db, check.id, clock.now(), yes={"fever"})
    safety.finish_check(db, check.id, clock.now())
    found = safety.checks_between(
        db, clock.now() - timedelta(days=1), clock.now() + timedelta(days=1)
    )
    assert [c.id for c in found] == [check.id]
    assert found[0].answers["fever"] is True and found[0].advice.reasons == ("Fever",)


# -- the flow of December 2026 (DESIGN 5.5, issue 12) -----------------------------------


def test_an_emergency_yes_finishes_the_check_at_once_with_the_rest_not_asked(db, clock):
    check = safety.start_check(db, CheckTrigger.ON_DEMAND, clock.now())
    assert safety.answer(db, check.id, "saddle-numbness", False, clock.now()) is None
    advice = safety.answer(db, check.id, "bladder-trouble", True, clock.now())
    assert advice.level is Level.EMERGENCY
    status = safety.status(db, clock.now())
    assert status.pending is None and status.needs_clearance
    assert status.open_flag.not_asked == tuple(q.id for q in QUESTIONS[2:])
    [item] = build_today(db, clock.now()).items
    assert item.blocks_plan and item.title == "Get emergency care now"


def test_an_urgent_yes_does_not_finish_the_check(db, clock):
    check = safety.start_check(db, CheckTrigger.ON_DEMAND, clock.now())
    assert safety.answer(db, check.id, "fever", True, clock.now()) is None
    assert safety.status(db, clock.now()).pending.id == check.id
    with pytest.raises(ValueError, match="incomplete"):
        safety.finish_check(db, check.id, clock.now())


def test_a_check_left_with_a_yes_is_finished_with_its_advice(db, clock):
    check = safety.start_check(db, CheckTrigger.SEVERE_HURT, clock.now())
    for q in QUESTIONS[:8]:
        safety.answer(db, check.id, q.id, False, clock.now())
    safety.answer(db, check.id, "clumsy-hands", True, clock.now())
    with pytest.raises(ValueError, match="has a yes"):
        safety.start_check(db, CheckTrigger.WEEKLY, clock.now())
    advice = safety.finish_left_check(db, check.id, clock.now())
    assert advice.level is Level.URGENT
    status = safety.status(db, clock.now())
    assert status.pending is None and status.needs_clearance
    assert len(status.open_flag.not_asked) == len(QUESTIONS) - 9


def test_a_check_left_with_only_no_is_asked_again_when_old(db, clock):
    old = safety.start_check(db, CheckTrigger.MUST_STOP, clock.now())
    safety.answer(db, old.id, "saddle-numbness", False, clock.now())
    clock.advance(timedelta(hours=1).total_seconds())
    assert safety.start_check(db, CheckTrigger.WEEKLY, clock.now()).id == old.id
    clock.advance(timedelta(days=1).total_seconds())
    new = safety.start_check(db, CheckTrigger.WEEKLY, clock.now())
    assert new.id != old.id and new.answers == {}
    assert new.trigger is CheckTrigger.MUST_STOP  # the reason it was asked is kept
    assert safety.status(db, clock.now()).pending.id == new.id


def test_advice_not_yet_read_is_shown_until_it_is(db, clock):
    check = safety.start_check(db, CheckTrigger.ON_DEMAND, clock.now())
    safety.answer(db, check.id, "chest-pain", False, clock.now())
    assert safety.unread_advice(db, clock.now()) is None
    safety.answer(db, check.id, "saddle-numbness", True, clock.now())
    assert safety.unread_advice(db, clock.now()).id == check.id
    safety.mark_advice_read(db, check.id)
    assert safety.unread_advice(db, clock.now()) is None
    clock.advance(60)
    safety.record_clearance(db, ClearanceReason.CHECKED_BY_CLINICIAN, clock.now())
    assert safety.unread_advice(db, clock.now()) is None


def test_today_says_how_many_questions_and_that_a_mistake_can_be_cleared(db, clock):
    [item] = build_today(db, clock.now()).items  # the first check, due at once
    assert f"{len(QUESTIONS)} yes-or-no questions" in item.detail
    check = safety.start_check(db, CheckTrigger.ON_DEMAND, clock.now())
    safety.answer(db, check.id, "chest-pain", True, clock.now())
    [item] = build_today(db, clock.now()).items
    assert "mistake" in item.detail
