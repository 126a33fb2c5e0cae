"""The daily log and treatment events as the patient handles them (issue 6)."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.daily import DailyLog, TreatmentEvent
from stenosis_coach.core.due import Due
from stenosis_coach.core.progress.verdict import DailyDoses
from stenosis_coach.core.today import LOG_ACTION, TodayItem
from stenosis_coach.core.walking.logged import FormProblems
from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import _
from stenosis_coach.services import undo
from stenosis_coach.services.due import due_at
from stenosis_coach.storage.daily_repo import DailyRepository
from stenosis_coach.storage.daily_repo import StoredLog as StoredLog
from stenosis_coach.storage.daily_repo import StoredTreatment as StoredTreatment
from stenosis_coach.storage.database import Database


def save_log(db: Database, log: DailyLog, now: datetime, tz: tzinfo = LOCAL) -> int:
    """Save (or replace) the day's log; :class:`FormProblems` and nothing saved if a value
    is out of range."""
    problems = log.problems()
    if log.day > now.astimezone(tz).date():
        problems["day"] = _("The date is in the future. Choose today or an earlier day.")
    if problems:
        raise FormProblems(problems)
    return DailyRepository(db).save_log(log, now)


def log_for(db: Database, day: date) -> StoredLog | None:
    return DailyRepository(db).log_for(day)


def logs(db: Database) -> list[StoredLog]:
    return DailyRepository(db).logs()


def latest_logs(db: Database, limit: int) -> list[StoredLog]:
    return DailyRepository(db).latest_logs(limit)


def delete_log(db: Database, log_id: int, now: datetime) -> None:
    """Delete a day's log, onto the undo stack (:mod:`services.undo`)."""
    undo.delete(db, undo.Kind.LOG, log_id, now)


def undo_delete_log(db: Database, log_id: int, now: datetime) -> None:
    """Bring back this deleted log (a newer log of its day is deleted in its place)."""
    undo.restore(db, undo.Kind.LOG, log_id, now)


def add_treatment(db: Database, event: TreatmentEvent, now: datetime, tz: tzinfo = LOCAL) -> int:
    if event.date > now.astimezone(tz).date():
        raise InvalidInput(_("A treatment date cannot be in the future."))
    if len(event.note) > 500:
        raise InvalidInput(_("A treatment note is at most 500 characters."))
    return DailyRepository(db).add_treatment(event)


def treatments(db: Database) -> list[StoredTreatment]:
    return DailyRepository(db).treatments()


def delete_treatment(db: Database, event_id: int, now: datetime) -> None:
    """Delete a treatment, onto the undo stack (:mod:`services.undo`)."""
    undo.delete(db, undo.Kind.TREATMENT, event_id, now)


def undo_delete_treatment(db: Database, event_id: int, now: datetime) -> None:
    undo.restore(db, undo.Kind.TREATMENT, event_id, now)


def daily_doses(db: Database) -> list[DailyDoses]:
    """Pain-medication doses per logged day, all kinds added (DESIGN 5.3)."""
    return [DailyDoses(s.log.day, s.log.doses) for s in logs(db)]


def weakness_days(db: Database) -> list[date]:
    """Days the daily log reported new weakness or balance trouble (DESIGN 5.4)."""
    return [s.log.day for s in logs(db) if s.log.new_weakness]


def today_items(
    db: Database, now: datetime, tz: tzinfo = LOCAL, due: Due | None = None
) -> list[TodayItem]:
    """Today's log, when it is due (DESIGN 5.7, :mod:`core.due`)."""
    if not (due or due_at(db, now, tz)).daily_log:
        return []
    return [
        TodayItem(
            key="daily-log",
            title=_("Today's log"),
            detail=_("Leg and back pain, medication and sleep, in about 30 seconds."),
            action_label=_("Log today"),
            action=LOG_ACTION,
        )
    ]
