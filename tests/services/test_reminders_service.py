"""Reminders through the Coach: the saved settings, the record of what was reminded today
(kept in the data folder, so a restart never reminds twice), and none while a safety answer
waits for the patient to be checked."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, time, timedelta

import pytest

from stenosis_coach.core.clock import ManualClock
from stenosis_coach.core.reminders import ReminderSettings
from stenosis_coach.core.safety import QUESTIONS, CheckTrigger
from stenosis_coach.core.settings import Settings
from stenosis_coach.services.coach import Coach
from stenosis_coach.services.reminders import sent_file
from stenosis_coach.services.settings_store import save_settings

MONDAY = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
ON = ReminderSettings(on=True)


@pytest.fixture
def data(paths, template_db):
    paths.ensure()
    shutil.copy2(template_db, paths.db_file)
    return paths


def checked(coach: Coach, yes_to: str | None = None) -> None:
    check, _changes = coach.start_check(CheckTrigger.FIRST_RUN)
    for question in QUESTIONS:
        advice, _changes = coach.answer_check(check.id, question.id, question.id == yes_to)
        if advice is not None:
            return
    coach.finish_check(check.id)


def test_saved_settings_are_read_and_the_record_survives_a_restart(data):
    clock = ManualClock(MONDAY + timedelta(hours=7))
    with Coach.open(data, clock=clock, tz=UTC) as coach:
        checked(coach)
        clock.advance(8 * 3600)  # 15:00
        assert coach.reminders_at() == []  # off: nothing, whatever is due
        save_settings(data, Settings(reminders=ON))
        shown = coach.reminders_at()
        assert "walk" in [r.key for r in shown]
        coach.mark_reminded(shown)
        assert coach.reminders_at() == []
    assert sent_file(data).exists()
    clock.advance(3600)
    with Coach.open(data, clock=clock, tz=UTC) as coach:  # the app started again
        assert coach.reminders_at() == []
        clock.advance(20 * 3600)  # Tuesday 12:00: the routine again, the walk at 15:00
        assert [r.key for r in coach.reminders_at()] == ["routine:" + coach.my_routine().id]


def test_a_damaged_record_reminds_again_rather_than_never(data):
    clock = ManualClock(MONDAY + timedelta(hours=7))
    with Coach.open(data, clock=clock, tz=UTC) as coach:
        checked(coach)
        clock.advance(8 * 3600)
        sent_file(data).write_text("{not json", encoding="utf-8")
        assert "walk" in [r.key for r in coach.reminders_at(settings=ON)]


def test_nothing_is_reminded_while_a_yes_waits_for_a_check_by_a_clinician(data):
    clock = ManualClock(MONDAY + timedelta(hours=7))
    with Coach.open(data, clock=clock, tz=UTC) as coach:
        checked(coach, yes_to=QUESTIONS[-1].id)
        assert coach.safety_status().needs_clearance
        clock.advance(8 * 3600)
        assert coach.reminders_at(settings=ON) == []


def test_the_coach_uses_its_time_zone(data):
    clock = ManualClock(MONDAY + timedelta(hours=7))
    late = ReminderSettings(on=True, walk=time(15, 0))
    with Coach.open(data, clock=clock, tz=UTC) as coach:
        checked(coach)
    clock.advance(7 * 3600)  # 14:00 UTC, 15:00 in UTC+1
    from datetime import timezone

    with Coach.open(data, clock=clock, tz=timezone(timedelta(hours=1))) as coach:
        assert "walk" in [r.key for r in coach.reminders_at(settings=late)]
    with Coach.open(data, clock=clock, tz=UTC) as coach:
        assert "walk" not in [r.key for r in coach.reminders_at(settings=late)]


def test_what_turning_on_passed_over_is_kept_on_disk_and_a_later_time_still_comes(data):
    from stenosis_coach.services import reminders

    clock = ManualClock(MONDAY + timedelta(hours=7))
    with Coach.open(data, clock=clock, tz=UTC) as coach:
        checked(coach)
        clock.advance(12 * 3600 + 50 * 60)  # 19:50
        passed = reminders.pass_over(
            data, coach.due(), ReminderSettings(), ON, coach.now(), coach.tz
        )
        assert "walk" in passed and "daily_log" in passed
    with Coach.open(data, clock=clock, tz=UTC) as coach:  # started again: still passed over
        assert coach.reminders_at(settings=ON) == []
        later = ON.with_changes(walk=time(19, 55))
        assert reminders.pass_over(data, coach.due(), ON, later, coach.now(), coach.tz) == []
        clock.advance(5 * 60)
        assert [r.key for r in coach.reminders_at(settings=later)] == ["walk"]


def test_an_old_record_without_passed_still_loads(data):
    from stenosis_coach.services import reminders

    sent_file(data).write_text('{"version": 1, "sent": {"walk": "2026-03-02"}}', encoding="utf-8")
    assert reminders.load_sent(data) == {"walk": MONDAY.date()}
    assert reminders.load_passed(data) == {}
