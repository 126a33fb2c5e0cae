"""A "yes" withdrawn as a mistake in a check that ended before its last question: the
questions not asked are still asked, in a check that carries the earlier answers on; the
withdrawn "yes" stays on record; what is due does not count the withdrawn check."""

from datetime import timedelta

from stenosis_coach.core.safety import QUESTIONS, CheckTrigger, ClearanceReason, Level
from stenosis_coach.services import safety
from stenosis_coach.services.due import due_at
from stenosis_coach.storage.safety_repo import SafetyRepository

MISTAKE = ClearanceReason.ANSWERED_BY_MISTAKE


def all_clear(db, now, trigger=CheckTrigger.WEEKLY):
    check = safety.start_check(db, trigger, now)
    for q in QUESTIONS:
        safety.answer(db, check.id, q.id, False, now)
    assert safety.finish_check(db, check.id, now) is None


def emergency_at_question(db, now, number, trigger):
    """No to the questions before ``number``, then an emergency "yes": the check ends."""
    check = safety.start_check(db, trigger, now)
    for q in QUESTIONS[: number - 1]:
        safety.answer(db, check.id, q.id, False, now)
    advice = safety.answer(db, check.id, QUESTIONS[number - 1].id, True, now)
    assert advice is not None and advice.level is Level.EMERGENCY
    return check.id


def test_the_mistake_carries_the_check_on_and_keeps_the_withdrawn_yes(db, clock):
    all_clear(db, clock.now())
    clock.advance(timedelta(days=7).total_seconds())
    assert due_at(db, clock.now()).safety_check
    first = emergency_at_question(db, clock.now(), 3, CheckTrigger.MUST_STOP)
    clock.advance(600)
    safety.record_clearance(db, MISTAKE, clock.now())

    repo = SafetyRepository(db)
    withdrawn = repo.get_check(first)
    assert withdrawn.complete and withdrawn.level is Level.EMERGENCY
    assert withdrawn.answers[QUESTIONS[2].id] is True  # never overwritten
    status = safety.status(db, clock.now())
    assert not status.needs_clearance and status.weekly_due
    carried = status.pending
    assert carried is not None and carried.id != first
    assert carried.trigger is CheckTrigger.MUST_STOP
    assert carried.answers == {q.id: False for q in QUESTIONS[:3]}
    due = due_at(db, clock.now())
    assert due.safety_check and due.check_waiting is not None

    for q in QUESTIONS[3:]:
        safety.answer(db, carried.id, q.id, False, clock.now())
    assert safety.finish_check(db, carried.id, clock.now()) is None
    status = safety.status(db, clock.now())
    assert status.pending is None and not status.weekly_due
    assert not due_at(db, clock.now()).safety_check


def test_a_carried_on_weekly_check_left_for_later_leaves_the_weekly_check_due(db, clock):
    all_clear(db, clock.now())
    clock.advance(timedelta(days=7).total_seconds())
    emergency_at_question(db, clock.now(), 1, CheckTrigger.WEEKLY)
    safety.record_clearance(db, MISTAKE, clock.now())
    carried = safety.status(db, clock.now()).pending
    safety.postpone_check(db, carried.id, clock.now())
    status = safety.status(db, clock.now())
    assert status.pending is None and status.weekly_due
    assert due_at(db, clock.now()).safety_check


def test_a_withdrawn_first_check_is_not_a_first_check_done(db, clock):
    emergency_at_question(db, clock.now(), 2, CheckTrigger.FIRST_RUN)
    safety.record_clearance(db, MISTAKE, clock.now())
    status = safety.status(db, clock.now())
    assert status.first_check_needed
    assert status.pending is not None and status.pending.trigger is CheckTrigger.FIRST_RUN


def test_a_mistake_said_after_a_day_asks_every_question_again(db, clock):
    emergency_at_question(db, clock.now(), 4, CheckTrigger.MUST_STOP)
    clock.advance(timedelta(days=1).total_seconds())
    safety.record_clearance(db, MISTAKE, clock.now())
    carried = safety.status(db, clock.now()).pending
    assert carried is not None and carried.answers == {}


def test_a_clinicians_check_or_a_check_that_asked_everything_carries_nothing_on(db, clock):
    emergency_at_question(db, clock.now(), 1, CheckTrigger.MUST_STOP)
    safety.record_clearance(db, ClearanceReason.CHECKED_BY_CLINICIAN, clock.now())
    assert safety.status(db, clock.now()).pending is None
    clock.advance(timedelta(days=1).total_seconds())
    check = safety.start_check(db, CheckTrigger.ON_DEMAND, clock.now())
    for q in QUESTIONS:
        safety.answer(db, check.id, q.id, q.id == "fever", clock.now())
    assert safety.finish_check(db, check.id, clock.now()) is not None
    safety.record_clearance(db, MISTAKE, clock.now())
    status = safety.status(db, clock.now())
    assert status.pending is None and not status.needs_clearance and not status.weekly_due
