"""Deletes that can be undone: one stack for walks, daily logs and treatments (issue 12).

A delete only marks its row (``deleted_at``); nothing is erased. The undo stack is those
marks, newest first, read from the database: it holds every delete, not just the last one,
and it is still there after the app is closed or dies. Undo brings back the newest delete
of the kinds a page shows (the Walk page: walks; Progress: daily logs and treatments).

When is a delete final? What people know from their phones and e-mail ("recently
deleted"): it can be brought back for :data:`KEEP_DAYS` days. After that the app no longer
offers it, but the row stays in the database file (and so in backups); it is never shown,
counted or exported. Deleted rows are small: years of them are a few kilobytes.

The stamp of each delete is never earlier than the one before (:func:`next_stamp`), so the
order of deletes holds when two happen in the same microsecond or the clock is set back.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.daily import TREATMENT_WORDS
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.core.words import day_text, minutes_text
from stenosis_coach.i18n import _
from stenosis_coach.storage.daily_repo import DailyRepository
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.walks_repo import WalkRepository

KEEP_DAYS = 30  # like a phone's "recently deleted": a month to change one's mind
STEP = timedelta(microseconds=1)  # the stored times' resolution (storage.types)


class Kind(StrEnum):
    WALK = "walk"
    LOG = "daily_log"
    TREATMENT = "treatment"


class Said(StrEnum):
    """Which words name a deleted item (each has its own whole sentences)."""

    WALK = "walk"
    WALKING_TEST = "walking_test"
    LOG = "daily_log"
    TREATMENT = "treatment"


@dataclass(frozen=True)
class Deleted:
    """One delete on the stack: what it was, and when it was deleted. Its words are whole
    messages, one per kind of item (:meth:`sentence`, :meth:`undo_name`): a language may
    put the item anywhere in the sentence, with the case and the article it needs."""

    kind: Kind
    item_id: int
    deleted_at: datetime
    said: Said
    day: str  # the item's day: "Mon 4 May"
    detail: str = ""  # a walk's minutes ("20 min"), a treatment's name
    on: str = ""  # the day of the delete when it was not today: "Tue 5 May"

    def sentence(self) -> str:
        """``The walk of Mon 4 May (20 min) was deleted.`` (``… deleted on Tue 5 May.``
        when that was another day)."""
        if self.on:
            said = {
                Said.WALK: _("The walk of {day} ({minutes}) was deleted on {deleted_day}."),
                Said.WALKING_TEST: _(
                    "The walking test of {day} ({minutes}) was deleted on {deleted_day}."
                ),
                Said.LOG: _("The daily log of {day} was deleted on {deleted_day}."),
                Said.TREATMENT: _(
                    "The treatment of {day} ({treatment}) was deleted on {deleted_day}."
                ),
            }[self.said]
        else:
            said = {
                Said.WALK: _("The walk of {day} ({minutes}) was deleted."),
                Said.WALKING_TEST: _("The walking test of {day} ({minutes}) was deleted."),
                Said.LOG: _("The daily log of {day} was deleted."),
                Said.TREATMENT: _("The treatment of {day} ({treatment}) was deleted."),
            }[self.said]
        return self._filled(said)

    def undo_name(self) -> str:
        """The Undo button's name for a screen reader: ``Undo: bring back the walk of Mon 4
        May (20 min)``."""
        said = {
            Said.WALK: _("Undo: bring back the walk of {day} ({minutes})"),
            Said.WALKING_TEST: _("Undo: bring back the walking test of {day} ({minutes})"),
            Said.LOG: _("Undo: bring back the daily log of {day}"),
            Said.TREATMENT: _("Undo: bring back the treatment of {day} ({treatment})"),
        }[self.said]
        return self._filled(said)

    def _filled(self, said: str) -> str:
        return said.format(
            day=self.day, minutes=self.detail, treatment=self.detail, deleted_day=self.on
        )


def next_stamp(now: datetime, last: datetime | None) -> datetime:
    """When a delete is stamped: ``now``, or just after the last delete if that is later."""
    return now if last is None or now > last else last + STEP


def delete(db: Database, kind: Kind, item_id: int, now: datetime) -> None:
    """Delete a live walk, daily log or treatment, undoably; :class:`LookupError` if it is
    not there (already deleted, or never was)."""
    at = next_stamp(now, _last_deleted_at(db))
    if kind is Kind.WALK:
        WalkRepository(db).set_deleted(item_id, at)
    elif kind is Kind.LOG:
        DailyRepository(db).set_log_deleted(item_id, at)
    else:
        DailyRepository(db).set_treatment_deleted(item_id, at)


def restore(db: Database, kind: Kind, item_id: int, now: datetime) -> None:
    """Bring back one deleted item. A daily log whose day was logged again since comes
    back and the newer log of that day goes on the stack in its place (one log a day)."""
    if kind is Kind.WALK:
        WalkRepository(db).set_deleted(item_id, None)
    elif kind is Kind.LOG:
        DailyRepository(db).restore_log(item_id, next_stamp(now, _last_deleted_at(db)))
    else:
        DailyRepository(db).set_treatment_deleted(item_id, None)


def undo_stack(
    db: Database, kinds: Collection[Kind], now: datetime, tz: tzinfo = LOCAL
) -> list[Deleted]:
    """The deletes of ``kinds`` that can still be undone, newest first."""
    since = now - timedelta(days=KEEP_DAYS)
    this_year = now.astimezone(tz).year
    found: list[Deleted] = []
    if Kind.WALK in kinds:
        for at, stored in WalkRepository(db).deleted(since):
            walk = stored.walk
            said = Said.WALKING_TEST if walk.kind is WalkKind.TEST else Said.WALK
            day = _day(walk.start.astimezone(tz).date(), this_year)
            minutes = minutes_text(walk.total_walk_s)
            found.append(Deleted(Kind.WALK, stored.id, at, said, day, minutes))
    repo = DailyRepository(db)
    if Kind.LOG in kinds:
        for at, log in repo.deleted_logs(since):
            day = _day(log.log.day, this_year)
            found.append(Deleted(Kind.LOG, log.id, at, Said.LOG, day))
    if Kind.TREATMENT in kinds:
        for at, treatment in repo.deleted_treatments(since):
            event = treatment.event
            day, words = _day(event.date, this_year), TREATMENT_WORDS[event.kind]
            found.append(Deleted(Kind.TREATMENT, treatment.id, at, Said.TREATMENT, day, words))
    today = now.astimezone(tz).date()
    found = [
        d
        if (deleted_day := d.deleted_at.astimezone(tz).date()) == today
        else replace(d, on=_day(deleted_day, this_year))
        for d in found
    ]
    # Stamps never repeat (next_stamp); the id only orders rows written by older versions.
    return sorted(found, key=lambda d: (d.deleted_at, d.item_id), reverse=True)


def undo(
    db: Database, kinds: Collection[Kind], now: datetime, tz: tzinfo = LOCAL
) -> Deleted | None:
    """Bring back the newest delete of ``kinds``; which one it was, or ``None``."""
    stack = undo_stack(db, kinds, now, tz)
    if not stack:
        return None
    top = stack[0]
    restore(db, top.kind, top.item_id, now)
    return top


def _last_deleted_at(db: Database) -> datetime | None:
    found = [WalkRepository(db).last_deleted_at(), DailyRepository(db).last_deleted_at()]
    return max((at for at in found if at is not None), default=None)


def _day(day: date, this_year: int) -> str:
    return day_text(day, date(this_year, 1, 1))  # with its year when not this year
