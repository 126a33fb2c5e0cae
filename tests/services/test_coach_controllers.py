"""The Coach's use-cases for the window's controllers (issue 14): each write says what kind
of data it changed, on the coach's own clock and time zone."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta, timezone

import pytest

from stenosis_coach.core.clock import ManualClock
from stenosis_coach.core.safety import QUESTIONS, CheckTrigger, ClearanceReason
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services.changes import Change, Changes
from stenosis_coach.services.coach import Coach

# Late in the evening in UTC, already the next day in the coach's zone.
LATE = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
ZONE = timezone(timedelta(hours=2))


@pytest.fixture
def coach(paths, template_db):
    paths.ensure()
    shutil.copy2(template_db, paths.db_file)
    clock = ManualClock(LATE)
    with Coach.open(paths, clock=clock, tz=ZONE) as opened:
        yield opened


def test_a_logged_walk_changes_walks_and_the_flare_question_follows(coach):
    today = coach.today_date()
    assert today.isoformat() == "2026-03-03"  # the coach's zone, not UTC's day
    form = WalkForm(WalkKind.TRAINING, today, "10", peak_leg_pain=2)
    assert coach.log_walk(form) == Changes.of(Change.WALKS)
    assert coach.answer_flare(False) == Changes()  # walked today: nothing is asked yet
    coach.clock.advance(24 * 3600)
    assert coach.answer_flare(True) == Changes.of(Change.WALKS)
    assert coach.answer_flare(True) == Changes()  # asked once


def test_the_check_s_writes_change_safety(coach):
    check, changes = coach.start_check(CheckTrigger.ON_DEMAND)
    assert changes == Changes.of(Change.SAFETY)
    assert coach.safety_status().pending is not None
    again, _ = coach.owe_check(CheckTrigger.SEVERE_HURT)
    assert again is None  # one already waits
    for question in QUESTIONS:
        advice, changes = coach.answer_check(check.id, question.id, False)
        assert advice is None and changes == Changes.of(Change.SAFETY)
    advice, changes = coach.finish_check(check.id)
    assert advice is None and changes == Changes.of(Change.SAFETY)
    assert coach.safety_status().pending is None
    owed, changes = coach.owe_check(CheckTrigger.SEVERE_HURT)
    assert owed is not None and changes == Changes.of(Change.SAFETY)


def test_the_welcome_and_a_clearance_change_safety(coach):
    assert not coach.welcome_seen()
    assert coach.mark_welcome_seen() == Changes.of(Change.SAFETY)
    assert coach.welcome_seen()
    check, _ = coach.start_check(CheckTrigger.ON_DEMAND)
    for question in QUESTIONS:
        coach.answer_check(check.id, question.id, question is QUESTIONS[-1])
    advice, _ = coach.finish_check(check.id)
    assert advice is not None and coach.safety_status().needs_clearance
    cleared = coach.record_clearance(ClearanceReason.ANSWERED_BY_MISTAKE)
    assert cleared == Changes.of(Change.SAFETY)
    assert not coach.safety_status().needs_clearance


def test_a_routine_recorded_on_the_coach_changes_routines(coach):
    recording = coach.record_routine()
    routine = coach.my_routine()
    recording.start(routine, False, None)
    assert coach.finish_routine(recording, 2, 1, completed=False) == Changes.of(Change.ROUTINES)
