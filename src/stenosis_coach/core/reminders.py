"""Reminders between sessions (DESIGN 5.7, issue 16): which to show at a moment T.

Opt-in (off until the patient says yes). Each item is reminded at or after the time the
patient picked for it, on the same local day, only when :func:`core.due.what_is_due`
says it is due at T (so a walk already done is never reminded), at most once a local day
(``already_sent`` is kept on disk, so a restart does not remind again), and never in
quiet hours. Wall times are the patient's: a time the clocks skip (01:30 on the morning
the clocks go forward) comes as soon as the day reaches it.

The weekly symptom check and the questionnaire have no time of their own: they come
with the morning one (the routine's).

Turning reminders on, or changing a time, never brings a burst of what would have been
said earlier: :func:`passed_over` names the items whose (new) time has already passed
today; they are recorded with the moment of the change and wait for tomorrow. An item
whose (new) time is later today still comes today, even after an earlier pass-over.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from stenosis_coach.i18n import N_, _

if TYPE_CHECKING:  # the settings file reads ReminderSettings before the first paint:
    # what decides the reminders (due, today, words) is imported when first used.
    from stenosis_coach.core.due import Due, RoutineDue

# The items and the setting whose time each uses.
WALK = "walk"
DAILY_LOG = "daily_log"
SAFETY_CHECK = "safety_check"
QUESTIONNAIRE = "questionnaire"
ROUTINE_PREFIX = "routine:"  # one key per routine: "routine:<id>"
TIME_FIELDS = ("routine", "walk", "daily_log", "quiet_start", "quiet_end")


def _clock_time(value: object, default: time) -> time:
    """``"HH:MM"`` as a time; anything else (missing, damaged) is ``default``."""
    if not isinstance(value, str):
        return default
    try:
        parsed = time.fromisoformat(value)
    except ValueError:
        return default
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


@dataclass(frozen=True)
class ReminderSettings:
    """The patient's reminder choices (remembered in the settings file).

    Defaults: off; the routine at 09:00, the walk at 15:00, the daily log at 19:00; quiet
    hours 21:00-08:00 (equal start and end: no quiet hours). ``asked``: the question
    "Would you like reminders?" was asked (it is asked once); ``told_tray``: the patient
    was told once that closing the window keeps the app in the tray."""

    on: bool = False
    routine: time = time(9, 0)
    walk: time = time(15, 0)
    daily_log: time = time(19, 0)
    quiet_start: time = time(21, 0)
    quiet_end: time = time(8, 0)
    asked: bool = False
    told_tray: bool = False

    def time_for(self, key: str) -> time:
        """The wall time of an item (the check and the questionnaire: the morning one)."""
        if key == WALK:
            return self.walk
        if key == DAILY_LOG:
            return self.daily_log
        return self.routine

    def with_changes(self, **changes: Any) -> ReminderSettings:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"on": self.on, "asked": self.asked, "told_tray": self.told_tray}
        for name in TIME_FIELDS:
            data[name] = getattr(self, name).strftime("%H:%M")
        return data

    @classmethod
    def from_dict(cls, data: object) -> ReminderSettings:
        """From the settings file; anything missing or damaged keeps its default."""
        default = cls()
        if not isinstance(data, dict):
            return default

        def flag(name: str) -> bool:
            value = data.get(name)
            return value if isinstance(value, bool) else bool(getattr(default, name))

        def wall(name: str) -> time:
            found: time = getattr(default, name)
            return _clock_time(data.get(name), found)

        return cls(
            on=flag("on"),
            routine=wall("routine"),
            walk=wall("walk"),
            daily_log=wall("daily_log"),
            quiet_start=wall("quiet_start"),
            quiet_end=wall("quiet_end"),
            asked=flag("asked"),
            told_tray=flag("told_tray"),
        )


@dataclass(frozen=True)
class Reminder:
    """One reminder: its item ``key``, plain words, and the Today action that opens it."""

    key: str
    title: str
    text: str
    action: str


def in_quiet_hours(wall: time, settings: ReminderSettings) -> bool:
    """Is the wall time ``wall`` in quiet hours (start included, end not; across
    midnight when the start is later than the end)?"""
    start, end = settings.quiet_start, settings.quiet_end
    wall = wall.replace(second=0, microsecond=0, tzinfo=None)
    if start == end:
        return False
    if start < end:
        return start <= wall < end
    return wall >= start or wall < end


def comes_at(wall: time, settings: ReminderSettings) -> time | None:
    """When a reminder set for ``wall`` really comes: at ``wall``; at the end of quiet hours
    when ``wall`` is in the part of them that ends later that day; ``None`` (never) when
    the day ends in quiet hours after ``wall``."""
    if not in_quiet_hours(wall, settings):
        return wall
    start, end = settings.quiet_start, settings.quiet_end
    if start < end or wall < end:
        return end
    return None


def time_text(wall: time) -> str:
    """A wall time as the patient's locale writes it ("15:00")."""
    from stenosis_coach.i18n import date_text

    return date_text(datetime.combine(date(2000, 1, 3), wall), "Hm")


def _walk_reminder(due: Due) -> Reminder:
    from stenosis_coach.core.today import TEST_INSTRUCTION, WALK_ACTION
    from stenosis_coach.core.walking.model import WalkKind
    from stenosis_coach.core.words import minutes_text

    rx = due.walk.prescription
    if due.walk.kind is WalkKind.TEST or rx.bout_s is None:
        return Reminder(WALK, _("Time for your walking test"), _(TEST_INSTRUCTION), WALK_ACTION)
    text = _(
        "Walk {bout} at a time, with rests of about {rest}: {total} of walking in all."
    ).format(
        bout=minutes_text(rx.bout_s),
        rest=minutes_text(rx.rest_s),
        total=minutes_text(rx.target_total_s),
    )
    return Reminder(WALK, _("Time for your walk"), text, WALK_ACTION)


def _routine_reminder(entry: RoutineDue) -> Reminder:
    from stenosis_coach.core.today import ROUTINE_ACTION, ROUTINE_RESUME_ACTION, routine_action

    routine = entry.routine
    key = ROUTINE_PREFIX + routine.id
    if entry.stopped_today:
        text = _("You stopped {routine} early today. You can carry on where you left off.").format(
            routine=routine.name
        )
        return Reminder(
            key,
            _("Time for your exercises"),
            text,
            routine_action(ROUTINE_RESUME_ACTION, routine.id),
        )
    text = _("{routine} is due today.").format(routine=routine.name)
    return Reminder(
        key, _("Time for your exercises"), text, routine_action(ROUTINE_ACTION, routine.id)
    )


def due_reminders(due: Due) -> list[Reminder]:
    """A reminder for each item due in ``due``, in Today's order (the check first)."""
    from stenosis_coach.core.today import LOG_ACTION, WEEKLY_ACTION, ZCQ_ACTION

    found: list[Reminder] = []
    if due.check_waiting is not None:
        found.append(
            Reminder(
                SAFETY_CHECK,
                _("Please finish your safety check"),
                _("You started a safety check. Walks and exercises wait until it is done."),
                WEEKLY_ACTION,
            )
        )
    elif due.safety_check:
        found.append(
            Reminder(
                SAFETY_CHECK,
                _("Time for your weekly safety check"),
                _("A few yes-or-no questions about new symptoms. It takes about a minute."),
                WEEKLY_ACTION,
            )
        )
    found.extend(_routine_reminder(entry) for entry in due.routines_due)
    if due.walk.due:
        found.append(_walk_reminder(due))
    if due.daily_log:
        found.append(
            Reminder(
                DAILY_LOG,
                _("Time for today's log"),
                _("Note how today went. It takes a minute or two."),
                LOG_ACTION,
            )
        )
    if due.questionnaire:
        found.append(
            Reminder(
                QUESTIONNAIRE,
                _("Time for the questionnaire"),
                _(
                    "A few short questions about your legs, your walking and your care. "
                    "It takes about 5 minutes."
                ),
                ZCQ_ACTION,
            )
        )
    return found


def _kind(key: str) -> str:
    """The setting an item's time comes from ("routine:gentle-start" -> "routine")."""
    return key.split(":")[0]


def _minute(local: datetime) -> time:
    return local.time().replace(second=0, microsecond=0, tzinfo=None)


def _comes(key: str, settings: ReminderSettings) -> time | None:
    """The wall time an item really comes at with ``settings`` (``None``: off, or never)."""
    if not settings.on:
        return None
    return comes_at(settings.time_for(_kind(key)), settings)


def _is_passed_over(
    key: str,
    settings: ReminderSettings,
    passed: Mapping[str, datetime],
    today: date,
    tz: tzinfo,
) -> bool:
    """Was the item passed over today at a moment after the time it now comes at?"""
    moment = passed.get(key)
    if moment is None:
        return False
    local = moment.astimezone(tz)
    comes = _comes(key, settings)
    return local.date() == today and comes is not None and comes < _minute(local)


def reminders_at(
    at: datetime,
    due: Due,
    settings: ReminderSettings,
    already_sent: Mapping[str, date],
    tz: tzinfo,
    paused: bool = False,
    passed: Mapping[str, datetime] | None = None,
) -> list[Reminder]:
    """The reminders to show at ``at`` (aware): each due item whose time has come today,
    not reminded yet today (``already_sent``: item key -> the local day it last was), not
    passed over today after its time (``passed``: item key -> the moment, see
    :func:`passed_over`), outside quiet hours. ``paused``: a safety answer waits for the
    patient to be checked (Today shows only that), so nothing is reminded."""
    if at.tzinfo is None:
        raise ValueError("at must be timezone-aware")
    if not settings.on or paused:
        return []
    local = at.astimezone(tz)
    wall = local.time().replace(tzinfo=None)
    if in_quiet_hours(wall, settings):
        return []
    today = local.date()
    passed = passed or {}
    return [
        reminder
        for reminder in due_reminders(due)
        if already_sent.get(reminder.key) != today
        and wall >= settings.time_for(_kind(reminder.key))
        and not _is_passed_over(reminder.key, settings, passed, today, tz)
    ]


def passed_over(
    at: datetime,
    due: Due,
    before: ReminderSettings,
    after: ReminderSettings,
    already_sent: Mapping[str, date],
    passed: Mapping[str, datetime],
    tz: tzinfo,
) -> list[str]:
    """The settings change from ``before`` to ``after`` at ``at`` (reminders turned on, a
    time or quiet hours changed): the keys of the due items to pass over today, to be
    recorded with ``at``. Only items whose time the change moved (turning on moves all)
    and whose new time had already passed today: a time later today still comes today,
    a time in this very minute comes now. Nothing reminded or passed over already."""
    if at.tzinfo is None:
        raise ValueError("at must be timezone-aware")
    if not after.on:
        return []
    local = at.astimezone(tz)
    today, now = local.date(), _minute(local)
    found = []
    for reminder in due_reminders(due):
        key = reminder.key
        comes = _comes(key, after)
        if comes is None or comes == _comes(key, before) or not comes < now:
            continue
        if already_sent.get(key) == today or _is_passed_over(key, after, passed, today, tz):
            continue
        found.append(key)
    return found


@dataclass(frozen=True)
class NextReminder:
    """The next reminder to come: its item, the moment (aware) and what it is, in words."""

    key: str
    at: datetime
    what: str  # a N_ message: "your walk"; translated when shown


# What the next reminder is about, as a standalone phrase (shown as _(...)).
WHAT = {
    SAFETY_CHECK: N_("your weekly safety check"),
    WALK: N_("your walk"),
    DAILY_LOG: N_("your daily log"),
    QUESTIONNAIRE: N_("the questionnaire"),
    "routine": N_("your exercises"),
}
WALKING_TEST = N_("your walking test")


def _what(key: str, due: Due) -> str:
    from stenosis_coach.core.walking.model import WalkKind

    if key == WALK and due.walk.kind is WalkKind.TEST:
        return WALKING_TEST
    return WHAT[_kind(key)]


def next_reminder(
    at: datetime,
    due_at: Callable[[datetime], Due],
    settings: ReminderSettings,
    already_sent: Mapping[str, date],
    passed: Mapping[str, datetime],
    tz: tzinfo,
    paused: bool = False,
    days: int = 7,
) -> NextReminder | None:
    """The next reminder after ``at`` (aware), if nothing else changes: at each reminder
    time from this minute on (today, then the next ``days`` days), the first item that
    ``due_at`` (what is due at a moment) says will be due then and that is not reminded
    or passed over today. ``None`` when reminders are off or paused, or none comes."""
    if not settings.on or paused:
        return None
    local = at.astimezone(tz)
    today, now = local.date(), _minute(local)
    walls = sorted(
        {
            comes
            for wall in (settings.routine, settings.walk, settings.daily_log)
            if (comes := comes_at(wall, settings)) is not None
        }
    )
    for offset in range(days + 1):
        day = today + timedelta(days=offset)
        for wall in walls:
            if offset == 0 and wall < now:
                continue
            moment = _wall_moment(day, wall, tz)
            due = due_at(moment.astimezone(at.tzinfo))
            for reminder in due_reminders(due):
                key = reminder.key
                if _comes(key, settings) != wall:
                    continue
                if offset == 0 and (
                    already_sent.get(key) == today
                    or _is_passed_over(key, settings, passed, today, tz)
                ):
                    continue
                return NextReminder(key, moment.astimezone(at.tzinfo), _what(key, due))
    return None


def next_reminder_text(found: NextReminder, at: datetime, tz: tzinfo) -> str:
    """ "Next reminder: your walk, today at 19:55" (tomorrow, or a day's name later)."""
    from stenosis_coach.core.words import day_text

    moment = found.at.astimezone(tz)
    wall = moment.time().replace(tzinfo=None)
    # Translators: {what} is what the reminder is about ("your walk"), {time} a clock time.
    what = _(found.what)
    days = (moment.date() - at.astimezone(tz).date()).days
    if days == 0:
        return _("Next reminder: {what}, today at {time}").format(what=what, time=time_text(wall))
    if days == 1:
        return _("Next reminder: {what}, tomorrow at {time}").format(
            what=what, time=time_text(wall)
        )
    # Translators: {day} is a day with its date ("Thu 5 Mar").
    return _("Next reminder: {what}, on {day} at {time}").format(
        what=what, day=day_text(moment.date()), time=time_text(wall)
    )


def typed_time(text: str) -> time | None:
    """The time typed into a time box: "1955" or "19:55" (also "19.55") is 19:55, "955"
    is 09:55, "19" is 19:00, "7" is 07:00; "195" (no such 01:95) is 19:05, on the way to
    "1955". ``None`` when it is no time (or more than four digits)."""
    for separator in (":", ".", "h"):
        if separator in text:
            hours, _sep, minutes = text.partition(separator)
            if not (hours.isdigit() and len(hours) <= 2 and len(minutes) <= 2):
                return None
            if minutes and not minutes.isdigit():
                return None
            return _valid(int(hours), int(minutes or "0"))
    if not text.isdigit() or len(text) > 4:
        return None
    if len(text) <= 2:
        if int(text) <= 23:
            return time(int(text), 0)
        return _valid(int(text[0]), int(text[1]))
    if len(text) == 3:
        return _valid(int(text[0]), int(text[1:])) or _valid(int(text[:2]), int(text[2]))
    return _valid(int(text[:2]), int(text[2:]))


def _valid(hours: int, minutes: int) -> time | None:
    return time(hours, minutes) if hours <= 23 and minutes <= 59 else None


def _wall_moment(day: date, wall: time, tz: tzinfo) -> datetime:
    """The first moment of ``day`` whose wall time is ``wall`` or later (a time the clocks
    skip is the moment they reach it), as an aware UTC-comparable datetime."""
    moment = datetime.combine(day, wall, tzinfo=tz)
    # Round-tripping through UTC turns a skipped wall time into the real moment after it.
    as_utc = moment.astimezone(tz).astimezone(tz)
    return as_utc if as_utc.time().replace(tzinfo=None) >= wall else moment


def next_check(at: datetime, settings: ReminderSettings, tz: tzinfo) -> datetime:
    """The next moment after ``at`` when a reminder's time comes or quiet hours end (the
    timer also checks every minute: what is due changes with what the patient does)."""
    today = at.astimezone(tz).date()
    walls = {settings.routine, settings.walk, settings.daily_log, settings.quiet_end}
    moments = [
        _wall_moment(today + timedelta(days=days), wall, tz) for days in (0, 1) for wall in walls
    ]
    later = [moment for moment in moments if moment > at]
    return min(later).astimezone(at.tzinfo)
