"""Reminders between sessions (DESIGN 5.7): what to remind now, and the record of what
was reminded on which day, kept in the data folder so that a restart never reminds the
same item twice in a day. A small JSON file written all or nothing (no schema change)."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from stenosis_coach.core.due import Due
from stenosis_coach.core.reminders import Reminder, ReminderSettings, reminders_at
from stenosis_coach.errors import UserError
from stenosis_coach.paths import AppPaths

log = logging.getLogger(__name__)

SENT_FILE = "reminders.json"
KEEP_DAYS = 7  # older entries can never stop a reminder: they are dropped when written


def sent_file(paths: AppPaths) -> Path:
    return paths.data_dir / SENT_FILE


def load_sent(paths: AppPaths) -> dict[str, date]:
    """Item key -> the local day it was last reminded; empty when there is no record or it
    is damaged (then at worst an item is reminded once more)."""
    try:
        data = json.loads(sent_file(paths).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("reminder record unreadable, starting afresh: %s", exc)
        return {}
    sent = data.get("sent") if isinstance(data, dict) else None
    if not isinstance(sent, dict):
        return {}
    found: dict[str, date] = {}
    for key, day in sent.items():
        try:
            found[str(key)] = date.fromisoformat(day)
        except (TypeError, ValueError):
            continue
    return found


def save_sent(paths: AppPaths, sent: Mapping[str, date], today: date) -> None:
    """Write the record (entries older than a week dropped); a failure is logged, never
    raised: a reminder must not stop the app."""
    from stenosis_coach.files import write_checked

    kept = {k: d.isoformat() for k, d in sent.items() if d >= today - timedelta(days=KEEP_DAYS)}
    text = json.dumps({"version": 1, "sent": kept}, indent=2, sort_keys=True) + "\n"
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
    return reminders_at(at, due, settings, load_sent(paths), tz, paused)


def mark_reminded(paths: AppPaths, reminders: list[Reminder], at: datetime, tz: tzinfo) -> None:
    """Record that ``reminders`` were shown at ``at`` (their local day)."""
    if not reminders:
        return
    today = at.astimezone(tz).date()
    sent = load_sent(paths)
    for reminder in reminders:
        sent[reminder.key] = today
    save_sent(paths, sent, today)
