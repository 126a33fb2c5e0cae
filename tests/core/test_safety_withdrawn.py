"""A check whose "yes" was withdrawn as a mistake before its last question (pure rules)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from stenosis_coach.core.safety import QUESTIONS, CheckTrigger, ClearanceReason, Level
from stenosis_coach.core.safety_state import (
    CheckRecord,
    ClearanceRecord,
    carried_on,
    counted_finishes,
    safety_status,
    withdrawn_checks,
)

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
WEEK_AGO = NOW - timedelta(days=7, hours=1)
ALL_NO = {q.id: False for q in QUESTIONS}


def check(id_, answers, started, done, level=None, trigger=CheckTrigger.WEEKLY):
    return CheckRecord(id_, trigger, started, 0, completed_at=done, level=level, answers=answers)


def cleared(id_, check_id, at, reason=ClearanceReason.ANSWERED_BY_MISTAKE):
    return ClearanceRecord(id_, at, reason, check_id)


OLD = check(1, ALL_NO, WEEK_AGO, WEEK_AGO)
ENDED = check(2, {"saddle-numbness": False, "bladder-trouble": True}, NOW, NOW, Level.EMERGENCY)


def test_only_a_check_ended_early_and_said_to_be_a_mistake_is_withdrawn():
    full = check(3, {**ALL_NO, "fever": True}, NOW, NOW, Level.URGENT)
    clearances = [cleared(1, 2, NOW), cleared(2, 3, NOW)]
    assert withdrawn_checks([OLD, ENDED, full], clearances) == {2}
    checked = [cleared(1, 2, NOW, ClearanceReason.CHECKED_BY_CLINICIAN)]
    assert withdrawn_checks([OLD, ENDED], checked) == frozenset()
    assert counted_finishes([OLD, ENDED], clearances) == [WEEK_AGO]


def test_a_withdrawn_check_is_not_this_weeks_check_nor_the_first():
    status = safety_status([OLD, ENDED], [cleared(1, 2, NOW)], NOW)
    assert status.weekly_due and not status.needs_clearance
    status = safety_status([ENDED], [cleared(1, 2, NOW)], NOW)
    assert status.first_check_needed


def test_the_answers_carried_on_turn_the_withdrawn_yes_to_no_unless_too_old():
    assert carried_on(ENDED, NOW + timedelta(minutes=5)) == {
        "saddle-numbness": False,
        "bladder-trouble": False,
    }
    assert carried_on(ENDED, NOW + timedelta(hours=12)) == {}


def test_a_clearance_does_not_clear_a_yes_in_the_check_it_started():
    carried = check(3, {**ALL_NO, "chest-pain": True}, NOW, NOW, Level.EMERGENCY)
    status = safety_status([OLD, ENDED, carried], [cleared(1, 2, NOW)], NOW)
    assert status.open_flag == carried and status.needs_clearance
