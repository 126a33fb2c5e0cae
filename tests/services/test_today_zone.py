"""Today speaks in the time zone it is given (the Coach's), not the computer's: the day, the
time a symptom check was started, what is due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from stenosis_coach.core.clock import ManualClock
from stenosis_coach.core.safety import QUESTIONS, CheckTrigger
from stenosis_coach.services import safety, today

FAR = timezone(timedelta(hours=10))  # far from the computer's zone (UTC on the test machines)
NOW = datetime(2026, 3, 2, 20, 30, tzinfo=UTC)  # Tue 3 Mar, 06:30 in FAR


def test_the_waiting_check_and_the_day_are_said_in_the_zone_given(db):
    clock = ManualClock(NOW)
    check = safety.start_check(db, CheckTrigger.WEEKLY, clock.now())
    safety.answer(db, check.id, QUESTIONS[0].id, False, clock.now())
    model = today.build_today(db, clock.now(), FAR)
    waiting = next(item for item in model.items if item.key == "safety-waiting")
    assert "You started it on Tue 3 Mar at 06:30 and answered 1 of" in waiting.detail
    assert "3 March" in model.date_text
