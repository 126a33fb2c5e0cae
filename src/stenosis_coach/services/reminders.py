"""Reminders between sessions (DESIGN 5.7): what to remind now, and the record of what
was reminded on which day, kept in the data folder so that a restart never reminds the
same item twice in a day; with it, what a change of the reminder settings passed over
(core.reminders.passed_over) and when. A small JSON file written all or nothing (no schema
change; a record without "passed" still loads)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stenosis_coach.core.reminders import (
    NextReminder,
    Reminder,
    ReminderSettings,
    next_reminder,
    passed_over,
    reminders_at,
)
from stenosis_coach.errors import UserError
from stenosis_coach.paths import AppPaths

if TYPE_CHECKING:  # the due function waits for the data: the window paints without it
    from stenosis_coach.core.due import Due

log = logging.getLogger(__name__)

SENT_FILE = "reminders.json"
KEEP_DAYS = 7  # older entries can never stop a reminder: they are dropped when written


def sent_file(paths: AppPaths) -> Path:
    return paths.data_dir / SENT_FILE


def _load(paths: AppPaths) -> dict[str, Any]:
    try:
        data = json.loads(sent_file(paths).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("reminder record unreadable, starting afresh: %s", exc)
        return {}
    return data if isinstance(data, dict) else {}


def load_sent(paths: AppPaths) -> dict[str, date]:
    """Item key -> the local day it was last reminded; empty when there is no record or it
    is damaged (then at worst an item is reminded once more)."""
    sent = _load(paths).get("sent")
    if not isinstance(sent, dict):
        return {}
    found: dict[str, date] = {}
    for key, day in sent.items():
        try:
            found[str(key)] = date.fromisoformat(day)
        except (TypeError, ValueError):
            continue
    return found


def load_passed(paths: AppPaths) -> dict[str, datetime]:
    """Item key -> the moment (aware) a change of the settings passed it over; empty when
    there is none or the record is damaged."""
    passed = _load(paths).get("passed")
    if not isinstance(passed, dict):
        return {}
    found: dict[str, datetime] = {}
    for key, moment in passed.items():
        try:
            parsed = datetime.fromisoformat(moment)
        except (TypeError, ValueError):
            continue
        if parsed.tzinfo is not None:
            found[str(key)] = parsed
    return found


def save_sent(
    paths: AppPaths,
    sent: Mapping[str, date],
    today: date,
    passed: Mapping[str, datetime] | None = None,
) -> None:
    """Write the record (entries older than a week dropped); a failure is logged, never
    raised: a reminder must not stop the app. ``passed``: kept as on disk when not given."""
    from stenosis_coach.files import write_checked

    passed = load_passed(paths) if passed is None else passed
    oldest = today - timedelta(days=KEEP_DAYS)
    kept = {k: d.isoformat() for k, d in sent.items() if d >= oldest}
    kept_passed = {k: m.isoformat() for k, m in passed.items() if m.date() >= oldest}
    record = {"version": 1, "sent": kept, "passed": kept_passed}
    text = json.dumps(record, indent=2, sort_keys=True) + "\n"
    try:
        write_checked(sent_file(paths), data=text.encode("utf-8"), what="reminder record")
    except (UserError, OSError) as exc:
        log.warning("reminder record not saved: %s", exc)


def reminders_now(
    paths: AppPaths,
    due: Due,
    settings: ReminderSettings,
    at: datetime,
    tz: tzinfo,
    paused: bool = False,
) -> list[Reminder]:
    """The reminders to show at ``at``, given the record on disk (not marked yet)."""
    return reminders_at(at, due, settings, load_sent(paths), tz, paused, load_passed(paths))


def pass_over(
    paths: AppPaths,
    due: Due,
    before: ReminderSettings,
    after: ReminderSettings,
    at: datetime,
    tz: tzinfo,
) -> list[str]:
    """The reminder settings changed from ``before`` to ``after`` at ``at``: record what
    the change passes over today (core.reminders.passed_over); the keys recorded."""
    sent, passed = load_sent(paths), load_passed(paths)
    found = passed_over(at, due, before, after, sent, passed, tz)
    if found:
        for key in found:
            passed[key] = at
        save_sent(paths, sent, at.astimezone(tz).date(), passed)
    return found


def next_to_come(
    paths: AppPaths,
    due_at: Callable[[datetime], Due],
    settings: ReminderSettings,
    at: datetime,
    tz: tzinfo,
    paused: bool = False,
) -> NextReminder | None:
    """The next reminder after ``at``, given the record on disk (core.next_reminder)."""
    return next_reminder(at, due_at, settings, load_sent(paths), load_passed(paths), tz, paused)


def mark_reminded(paths: AppPaths, reminders: list[Reminder], at: datetime, tz: tzinfo) -> None:
    """Record that ``reminders`` were shown at ``at`` (their local day)."""
    if not reminders:
        return
    today = at.astimezone(tz).date()
    sent = load_sent(paths)
    for reminder in reminders:
        sent[reminder.key] = today
    save_sent(paths, sent, today)
