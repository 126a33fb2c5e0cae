"""Reminders (DESIGN 5.7, issue 16): at the times the patient picks, at most one per due
item per local day, none in quiet hours, none for what is done. Pure core, a moving clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from stenosis_coach.core.due import ActiveRoutine, DueInputs, RoutineRun, what_is_due
from stenosis_coach.core.reminders import (
    ReminderSettings,
    in_quiet_hours,
    next_check,
    reminders_at,
)
from stenosis_coach.core.today import (
    LOG_ACTION,
    ROUTINE_ACTION,
    ROUTINE_RESUME_ACTION,
    WALK_ACTION,
    WEEKLY_ACTION,
    ZCQ_ACTION,
    routine_action,
)
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.i18n import is_pseudo_wrapped

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 3, 2, 0, 0, tzinfo=LONDON)  # a Monday, 00:00 local (GMT)
ROUTINE = ActiveRoutine("gentle-start", "Gentle start", 7, 600.0)
ON = ReminderSettings(on=True)


def walk(at: datetime, kind: WalkKind = WalkKind.TRAINING, minutes: int = 15) -> Walk:
    return Walk(at.astimezone(UTC), kind, Fraction(minutes * 60), None, 2)


# A patient with a walking test last week, a weekly check done on Sunday, a log and a ZCQ
# on record: so that only what a test is about is due.
HISTORY = dict(
    walks=[walk(MONDAY - timedelta(days=5), WalkKind.TEST, 10)],
    chosen_routine=ROUTINE,
    finished_checks=[MONDAY - timedelta(hours=6)],
    zcq_days=[date(2026, 2, 20)],
)


def due_at(at: datetime, **changes):
    inputs = {**HISTORY, **changes}
    return what_is_due(DueInputs(**inputs), at.astimezone(UTC), LONDON)


class Week:
    """Moves through a week minute by minute, as the app's timer does, sending what is
    reminded and recording it (the "already reminded" record)."""

    def __init__(self, settings: ReminderSettings = ON, **inputs) -> None:
        self.settings = settings
        self.inputs = inputs
        self.sent: dict[str, date] = {}
        self.shown: list[tuple[datetime, str]] = []

    def at(self, moment: datetime) -> list:
        found = reminders_at(
            moment.astimezone(UTC), due_at(moment, **self.inputs), self.settings, self.sent, LONDON
        )
        for reminder in found:
            self.sent[reminder.key] = moment.astimezone(LONDON).date()
            self.shown.append((moment, reminder.key))
        return found

    def run(self, start: datetime, end: datetime, step: timedelta = timedelta(minutes=1)):
        moment = start
        while moment < end:
            self.at(moment)
            moment += step
        return self.shown


def keys(found) -> list[str]:
    return [r.key for r in found]


def test_off_by_default_with_the_patients_times():
    settings = ReminderSettings()
    assert not settings.on
    assert settings.routine == time(9, 0) and settings.walk == time(15, 0)
    assert settings.daily_log == time(19, 0)
    assert (settings.quiet_start, settings.quiet_end) == (time(21, 0), time(8, 0))
    assert reminders_at(MONDAY + timedelta(hours=16), due_at(MONDAY), settings, {}, LONDON) == []


def test_a_whole_monday_each_item_once_at_its_time_and_none_at_midnight():
    week = Week()
    assert week.at(MONDAY) == []  # Monday 00:00: in quiet hours, nothing due by time yet
    shown = week.run(MONDAY, MONDAY + timedelta(days=1))
    assert shown == [
        (MONDAY + timedelta(hours=9), "routine:gentle-start"),
        (MONDAY + timedelta(hours=15), "walk"),
        (MONDAY + timedelta(hours=19), "daily_log"),
    ]


def test_a_walk_done_before_its_time_is_not_reminded():
    week = Week(walks=[*HISTORY["walks"], walk(MONDAY + timedelta(hours=11))])
    shown = week.run(MONDAY + timedelta(hours=14), MONDAY + timedelta(hours=20))
    assert "walk" not in [key for _at, key in shown]


def test_reminders_say_what_to_do_and_open_the_item():
    found = {r.key: r for r in Week().at(MONDAY + timedelta(hours=20))}
    walk_reminder = found["walk"]
    assert walk_reminder.action == WALK_ACTION
    assert walk_reminder.title == "Time for your walk"
    assert "min" in walk_reminder.text and "rest" in walk_reminder.text
    assert found["routine:gentle-start"].action == routine_action(ROUTINE_ACTION, "gentle-start")
    assert "Gentle start" in found["routine:gentle-start"].text
    assert found["daily_log"].action == LOG_ACTION


def test_a_walking_test_says_so():
    week = Week(walks=[walk(MONDAY - timedelta(days=20), WalkKind.TEST, 10)])
    found = {r.key: r for r in week.at(MONDAY + timedelta(hours=15))}
    assert found["walk"].title == "Time for your walking test"


def test_a_routine_stopped_early_offers_to_carry_on():
    stopped = RoutineRun("gentle-start", (MONDAY + timedelta(hours=7)).astimezone(UTC), 60, False)
    found = {r.key: r for r in Week(routine_runs=[stopped]).at(MONDAY + timedelta(hours=9))}
    reminder = found["routine:gentle-start"]
    assert reminder.action == routine_action(ROUTINE_RESUME_ACTION, "gentle-start")
    assert "carry on" in reminder.text
    done = RoutineRun("gentle-start", (MONDAY + timedelta(hours=7)).astimezone(UTC), 600, True)
    assert Week(routine_runs=[done]).at(MONDAY + timedelta(hours=9)) == []


def test_never_twice_the_same_local_day_even_after_a_restart():
    first = Week()
    first.at(MONDAY + timedelta(hours=15, minutes=1))
    again = Week()
    again.sent = dict(first.sent)  # a new start of the app reads the record back
    assert "walk" not in keys(again.at(MONDAY + timedelta(hours=17)))
    # the next day it is reminded again (nothing was walked)
    assert "walk" in keys(again.at(MONDAY + timedelta(days=1, hours=15)))


def test_started_at_1540_after_a_1500_walk_time_one_reminder_then():
    week = Week()
    week.sent = {"routine:gentle-start": MONDAY.date()}
    assert keys(week.at(MONDAY + timedelta(hours=15, minutes=40))) == ["walk"]
    assert week.run(MONDAY + timedelta(hours=15, minutes=41), MONDAY + timedelta(hours=18)) == [
        (MONDAY + timedelta(hours=15, minutes=40), "walk")
    ]


def test_quiet_hours_across_midnight():
    late = ReminderSettings(on=True, walk=time(22, 30), daily_log=time(23, 0))
    shown = Week(late).run(MONDAY, MONDAY + timedelta(days=2))
    assert all(key not in ("walk", "daily_log") for _at, key in shown)
    assert in_quiet_hours(time(23, 59), late) and in_quiet_hours(time(0, 0), late)
    assert in_quiet_hours(time(7, 59), late) and not in_quiet_hours(time(8, 0), late)
    assert not in_quiet_hours(time(20, 59), late) and in_quiet_hours(time(21, 0), late)
    # an early time waits for the end of quiet hours, the same day
    early = ReminderSettings(on=True, routine=time(6, 30))
    assert Week(early).run(MONDAY, MONDAY + timedelta(hours=12)) == [
        (MONDAY + timedelta(hours=8), "routine:gentle-start")
    ]
    # quiet hours within a day (13:00-14:00), and none at all (start == end)
    nap = ReminderSettings(on=True, walk=time(13, 30), quiet_start=time(13), quiet_end=time(14))
    assert (MONDAY + timedelta(hours=14), "walk") in Week(nap).run(
        MONDAY + timedelta(hours=12), MONDAY + timedelta(hours=15)
    )
    never = ReminderSettings(on=True, quiet_start=time(8), quiet_end=time(8))
    assert not in_quiet_hours(time(3, 0), never)


def test_the_weekly_check_and_the_questionnaire_use_the_morning_time():
    week = Week(finished_checks=[], zcq_days=[])
    found = {r.key: r for r in week.at(MONDAY + timedelta(hours=9))}
    assert found["safety_check"].action == WEEKLY_ACTION
    assert found["questionnaire"].action == ZCQ_ACTION
    assert "safety_check" not in keys(Week(finished_checks=[]).at(MONDAY + timedelta(hours=8)))


def test_the_clocks_go_forward_in_london():
    sunday = datetime(2026, 3, 29, 0, 0, tzinfo=LONDON)  # 01:00 GMT -> 02:00 BST
    inputs = dict(walks=[walk(sunday - timedelta(days=4), WalkKind.TEST, 10)])
    settings = ReminderSettings(
        on=True, routine=time(1, 30), quiet_start=time(23, 0), quiet_end=time(1, 0)
    )
    week = Week(settings, **inputs)
    utc_start = sunday.astimezone(UTC)
    moment = utc_start
    while moment < utc_start + timedelta(hours=20):
        week.at(moment.astimezone(LONDON))
        moment += timedelta(minutes=1)
    routine = [at for at, key in week.shown if key == "routine:gentle-start"]
    # 01:30 never happens that day: it comes at 02:00 BST, once
    assert [at.astimezone(LONDON).strftime("%H:%M %Z") for at in routine] == ["02:00 BST"]
    walks = [at for at, key in week.shown if key == "walk"]
    assert [at.astimezone(LONDON).strftime("%H:%M %Z") for at in walks] == ["15:00 BST"]


def test_the_clocks_go_back_the_hour_twice_is_reminded_once():
    sunday = datetime(2026, 10, 25, 0, 0, tzinfo=LONDON)  # 02:00 BST -> 01:00 GMT
    inputs = dict(
        walks=[walk(sunday - timedelta(days=4), WalkKind.TEST, 10)],
        finished_checks=[(sunday - timedelta(days=1)).astimezone(UTC)],
        zcq_days=[date(2026, 10, 10)],
    )
    settings = ReminderSettings(
        on=True, routine=time(1, 30), quiet_start=time(23), quiet_end=time(1)
    )
    week = Week(settings, **inputs)
    moment = sunday.astimezone(UTC)
    while moment < sunday.astimezone(UTC) + timedelta(hours=6):
        week.at(moment.astimezone(LONDON))
        moment += timedelta(minutes=1)
    assert [key for _at, key in week.shown] == ["routine:gentle-start"]


def test_a_whole_week_once_a_day_each():
    week = Week()
    shown = week.run(MONDAY, MONDAY + timedelta(days=7), timedelta(minutes=5))
    days = [(at.date(), key) for at, key in shown]
    assert len(days) == len(set(days))
    assert all(not in_quiet_hours(at.time(), ON) for at, _key in shown)
    # nothing is ever walked or logged: the log is reminded every day
    assert sum(1 for _d, key in days if key == "daily_log") == 7


def test_next_check_is_the_next_reminder_time_or_the_end_of_quiet_hours():
    at = (MONDAY + timedelta(hours=10, minutes=15)).astimezone(UTC)
    assert next_check(at, ON, LONDON) == (MONDAY + timedelta(hours=15)).astimezone(UTC)
    night = (MONDAY + timedelta(hours=22)).astimezone(UTC)
    assert next_check(night, ON, LONDON) == (MONDAY + timedelta(days=1, hours=8)).astimezone(UTC)


def test_settings_round_trip_and_old_files_load():
    custom = ReminderSettings(on=True, walk=time(16, 45), quiet_start=time(22, 0), asked=True)
    assert ReminderSettings.from_dict(custom.to_dict()) == custom
    assert ReminderSettings.from_dict(None) == ReminderSettings()
    damaged = ReminderSettings.from_dict({"on": "yes", "walk": "25:99", "routine": "07:15"})
    assert not damaged.on and damaged.walk == time(15, 0) and damaged.routine == time(7, 15)


def test_reminder_words_are_whole_translated_messages(pseudo):
    found = Week().at(MONDAY + timedelta(hours=20))
    assert found
    for reminder in found:
        assert is_pseudo_wrapped(reminder.title), reminder.title
        assert is_pseudo_wrapped(reminder.text), reminder.text


def test_the_settings_file_keeps_reminders_and_an_old_file_still_loads():
    from stenosis_coach.core.settings import Settings

    chosen = Settings().with_changes(reminders=ReminderSettings(on=True, walk=time(16, 0)))
    assert Settings.from_dict(chosen.to_dict()) == chosen
    old = {"text_size": "normal", "high_contrast": True, "sound_on": True, "volume": 60}
    loaded = Settings.from_dict(old)
    assert loaded.reminders == ReminderSettings() and loaded.high_contrast


def test_when_a_time_in_quiet_hours_really_comes():
    from stenosis_coach.core.reminders import comes_at

    assert comes_at(time(15, 0), ON) == time(15, 0)
    assert comes_at(time(6, 30), ON) == time(8, 0)  # waits for the end of quiet hours
    assert comes_at(time(22, 30), ON) is None  # the day ends in quiet hours: never
    nap = ReminderSettings(quiet_start=time(13), quiet_end=time(14))
    assert comes_at(time(13, 30), nap) == time(14, 0)


# -- turning reminders on, or changing a time, later in the day (a tester's findings) ------


class Changing(Week):
    """A Week whose settings change at a moment, as Settings (or "Yes, remind me") does:
    what the change passes over is recorded, as the app records it."""

    def __init__(self, settings: ReminderSettings = ON, **inputs) -> None:
        super().__init__(settings, **inputs)
        self.passed: dict[str, datetime] = {}

    def change(self, moment: datetime, settings: ReminderSettings) -> list[str]:
        from stenosis_coach.core.reminders import passed_over

        found = passed_over(
            moment.astimezone(UTC),
            due_at(moment, **self.inputs),
            self.settings,
            settings,
            self.sent,
            self.passed,
            LONDON,
        )
        for key in found:
            self.passed[key] = moment.astimezone(UTC)
        self.settings = settings
        return found

    def at(self, moment: datetime) -> list:
        found = reminders_at(
            moment.astimezone(UTC),
            due_at(moment, **self.inputs),
            self.settings,
            self.sent,
            LONDON,
            passed=self.passed,
        )
        for reminder in found:
            self.sent[reminder.key] = moment.astimezone(LONDON).date()
            self.shown.append((moment, reminder.key))
        return found


OFF = ReminderSettings()


def test_turned_on_at_1950_with_the_walk_at_1955_the_walk_comes_at_1955():
    week = Changing(OFF)
    week.change(MONDAY + timedelta(hours=19, minutes=50), ON.with_changes(walk=time(19, 55)))
    shown = week.run(MONDAY + timedelta(hours=19, minutes=50), MONDAY + timedelta(hours=21))
    # the exercises (09:00) and the log (19:00) had passed: not all at once now
    assert shown == [(MONDAY + timedelta(hours=19, minutes=55), "walk")]


def test_turned_on_at_1600_after_a_1500_walk_no_walk_today_but_tomorrow():
    week = Changing(OFF)
    assert "walk" in week.change(MONDAY + timedelta(hours=16), ON)
    shown = week.run(MONDAY + timedelta(hours=16), MONDAY + timedelta(days=1, hours=16))
    walks_shown = [at for at, key in shown if key == "walk"]
    assert walks_shown == [MONDAY + timedelta(days=1, hours=15)]
    assert (MONDAY + timedelta(hours=19), "daily_log") in shown  # still to come today


def test_yes_then_the_walk_moved_to_later_today_comes_at_its_new_time():
    week = Changing(OFF)
    week.change(MONDAY + timedelta(hours=19, minutes=50), ON)  # "Yes, remind me"
    assert (
        week.run(MONDAY + timedelta(hours=19, minutes=50), MONDAY + timedelta(hours=19, minutes=52))
        == []
    )
    week.change(MONDAY + timedelta(hours=19, minutes=52), ON.with_changes(walk=time(19, 55)))
    shown = week.run(MONDAY + timedelta(hours=19, minutes=52), MONDAY + timedelta(hours=21))
    assert shown == [(MONDAY + timedelta(hours=19, minutes=55), "walk")]


def test_a_time_moved_into_the_past_does_not_come_at_once():
    week = Changing(ON.with_changes(walk=time(17, 0)))
    week.run(MONDAY, MONDAY + timedelta(hours=16))
    assert week.change(MONDAY + timedelta(hours=16), ON.with_changes(walk=time(15, 30))) == ["walk"]
    shown = week.run(MONDAY + timedelta(hours=16), MONDAY + timedelta(hours=18, minutes=59))
    assert "walk" not in [key for _at, key in shown]
    # an unchanged time is left alone: the log still comes at 19:00
    assert (
        week.change(MONDAY + timedelta(hours=17), week.settings.with_changes(told_tray=True)) == []
    )
    assert (MONDAY + timedelta(hours=19), "daily_log") in week.run(
        MONDAY + timedelta(hours=19), MONDAY + timedelta(hours=19, minutes=1)
    )


def test_a_time_set_to_this_very_minute_comes_now():
    week = Changing(OFF)
    week.change(
        MONDAY + timedelta(hours=16, minutes=20, seconds=30), ON.with_changes(walk=time(16, 20))
    )
    assert "walk" in keys(week.at(MONDAY + timedelta(hours=16, minutes=20, seconds=31)))


def test_turned_on_in_quiet_hours_an_early_time_still_comes_when_they_end():
    week = Changing(OFF)
    early = ON.with_changes(routine=time(6, 30))
    assert week.change(MONDAY + timedelta(hours=7), early) == []
    shown = week.run(MONDAY + timedelta(hours=7), MONDAY + timedelta(hours=9))
    assert shown == [(MONDAY + timedelta(hours=8), "routine:gentle-start")]


# -- the next reminder, in words -------------------------------------------------------------


def next_of(moment: datetime, week: Changing):
    from stenosis_coach.core.reminders import next_reminder

    return next_reminder(
        moment.astimezone(UTC),
        lambda at: due_at(at, **week.inputs),
        week.settings,
        week.sent,
        week.passed,
        LONDON,
    )


def test_the_next_reminder_today_in_words():
    from stenosis_coach.core.reminders import next_reminder_text

    week = Changing(OFF)
    week.change(MONDAY + timedelta(hours=19, minutes=50), ON.with_changes(walk=time(19, 55)))
    found = next_of(MONDAY + timedelta(hours=19, minutes=50), week)
    assert found is not None and found.key == "walk"
    assert found.at == (MONDAY + timedelta(hours=19, minutes=55)).astimezone(UTC)
    text = next_reminder_text(found, MONDAY + timedelta(hours=19, minutes=50), LONDON)
    assert text == "Next reminder: your walk, today at 19:55"


def test_the_next_reminder_tomorrow_morning_in_words():
    from stenosis_coach.core.reminders import next_reminder_text

    week = Changing(OFF)
    week.change(MONDAY + timedelta(hours=19, minutes=50), ON)
    found = next_of(MONDAY + timedelta(hours=19, minutes=50), week)
    assert found is not None and found.key == "routine:gentle-start"
    text = next_reminder_text(found, MONDAY + timedelta(hours=19, minutes=50), LONDON)
    assert text == "Next reminder: your exercises, tomorrow at 09:00"
    assert next_of(MONDAY + timedelta(hours=19), Changing(OFF)) is None  # off: none


def test_the_next_reminder_words_are_one_translated_message(pseudo):
    from stenosis_coach.core.reminders import next_reminder_text

    week = Changing(OFF)
    week.change(MONDAY + timedelta(hours=10), ON)
    found = next_of(MONDAY + timedelta(hours=10), week)
    text = next_reminder_text(found, MONDAY + timedelta(hours=10), LONDON)
    assert is_pseudo_wrapped(text) and "15:00" in text


# -- a time typed into a time box -------------------------------------------------------------


def test_typed_times():
    from stenosis_coach.core.reminders import typed_time

    assert typed_time("1955") == time(19, 55)
    assert typed_time("19:55") == time(19, 55)
    assert typed_time("955") == time(9, 55)
    assert typed_time("0930") == time(9, 30)
    assert typed_time("7") == time(7, 0)
    assert typed_time("19") == time(19, 0)
    assert typed_time("9.05") == time(9, 5)
    assert typed_time("2460") is None and typed_time("") is None and typed_time("12345") is None
