"""Daily logs and treatment events, returned as core dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import col, select

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.outcomes.model import SinceTreatment
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.models import DailyLogRow, TreatmentRow
from stenosis_coach.storage.types import parse_exact, parse_utc

LOG_FIELDS = (
    "leg_pain",
    "back_pain",
    "numbness",
    "otc_doses",
    "prescription_doses",
    "opioid_doses",
    "woken_by_leg_pain",
    "sleep_quality",
    "new_weakness",
    "standing_s",
    "notes",
)


@dataclass(frozen=True)
class StoredLog:
    id: int
    log: DailyLog


@dataclass(frozen=True)
class StoredTreatment:
    id: int
    event: TreatmentEvent


def _log(row: DailyLogRow) -> DailyLog:
    return DailyLog(
        day=date.fromisoformat(row.day), **{name: getattr(row, name) for name in LOG_FIELDS}
    )


def _treatment(row: TreatmentRow) -> TreatmentEvent:
    return TreatmentEvent(date.fromisoformat(row.day), TreatmentKind(row.kind), row.note)


class DailyRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save_log(self, log: DailyLog, at: datetime) -> int:
        """Create or replace the day's log (one per day)."""
        with self._db.session() as s:
            row = s.exec(
                select(DailyLogRow).where(
                    DailyLogRow.day == log.day.isoformat(), col(DailyLogRow.deleted_at).is_(None)
                )
            ).first()
            if row is None:
                row = DailyLogRow(day=log.day.isoformat(), updated_at=at)
            for name in LOG_FIELDS:
                setattr(row, name, getattr(log, name))
            row.updated_at = at
            s.add(row)
            s.flush()
            assert row.id is not None
            return row.id

    def all_logs(self) -> list[DailyLog]:
        """Every live log, oldest first, read raw: this feeds the figures, over years."""
        sql = (
            f"SELECT day, {', '.join(LOG_FIELDS)} FROM daily_log "
            "WHERE deleted_at IS NULL ORDER BY day"
        )
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql(sql).all()
        return [
            DailyLog(
                date.fromisoformat(row[0]), *row[1:9], bool(row[9]), parse_exact(row[10]), row[11]
            )
            for row in rows
        ]

    def updated_times(self) -> dict[int, datetime]:
        """Each live log's last change: its id -> when."""
        sql = "SELECT id, updated_at FROM daily_log WHERE deleted_at IS NULL"
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql(sql).all()
        found = {}
        for log_id, updated in rows:
            at = parse_utc(updated)
            assert at is not None  # a NOT NULL column
            found[int(log_id)] = at
        return found

    def logs(self, since: date | None = None, until: date | None = None) -> list[StoredLog]:
        with self._db.session() as s:
            c = DailyLogRow.__table__.c
            query = select(c.id, c.day, *(c[name] for name in LOG_FIELDS)).where(
                c.deleted_at.is_(None)
            )
            if since is not None:
                query = query.where(col(DailyLogRow.day) >= since.isoformat())
            if until is not None:
                query = query.where(col(DailyLogRow.day) <= until.isoformat())
            rows = s.execute(query.order_by(col(DailyLogRow.day))).all()
            return [StoredLog(r.id, _log(r)) for r in rows if r.id is not None]

    def latest_logs(self, limit: int) -> list[StoredLog]:
        """The newest ``limit`` logs, newest first."""
        with self._db.session() as s:
            rows = s.execute(
                select(DailyLogRow.__table__)
                .where(col(DailyLogRow.deleted_at).is_(None))
                .order_by(col(DailyLogRow.day).desc())
                .limit(limit)
            ).all()
            return [StoredLog(r.id, _log(r)) for r in rows]

    def log_for(self, day: date) -> StoredLog | None:
        found = self.logs(day, day)
        return found[0] if found else None

    def set_log_deleted(self, log_id: int, at: datetime) -> None:
        """Delete a live log (undoably); :class:`LookupError` if there is none."""
        with self._db.session() as s:
            row = s.get(DailyLogRow, log_id)
            if row is None or row.deleted_at is not None:
                raise LookupError(f"no live daily log {log_id}")
            row.deleted_at = at

    def restore_log(self, log_id: int, at: datetime) -> int | None:
        """Bring a deleted log back. A day has one live log: if the day was logged again
        since, that newer log is deleted (at ``at``) in its place, in the same commit,
        and its id returned, so it can be brought back in turn."""
        with self._db.session() as s:
            row = s.get_one(DailyLogRow, log_id)
            other = s.exec(
                select(DailyLogRow).where(
                    DailyLogRow.day == row.day,
                    col(DailyLogRow.deleted_at).is_(None),
                    DailyLogRow.id != log_id,
                )
            ).first()
            if other is not None:
                other.deleted_at = at
            row.deleted_at = None
            return None if other is None else other.id

    def deleted_logs(self, since: datetime) -> list[tuple[datetime, StoredLog]]:
        """Logs deleted at or after ``since``, with when, newest delete first."""
        with self._db.session() as s:
            rows = s.execute(
                select(DailyLogRow.__table__)
                .where(col(DailyLogRow.deleted_at) >= since)
                .order_by(col(DailyLogRow.deleted_at).desc(), col(DailyLogRow.id).desc())
            ).all()
            return [(r.deleted_at, StoredLog(r.id, _log(r))) for r in rows]

    def deleted_treatments(self, since: datetime) -> list[tuple[datetime, StoredTreatment]]:
        """Treatments deleted at or after ``since``, with when, newest delete first."""
        with self._db.session() as s:
            rows = s.execute(
                select(TreatmentRow.__table__)
                .where(col(TreatmentRow.deleted_at) >= since)
                .order_by(col(TreatmentRow.deleted_at).desc(), col(TreatmentRow.id).desc())
            ).all()
            return [(r.deleted_at, StoredTreatment(r.id, _treatment(r))) for r in rows]

    def last_deleted_at(self) -> datetime | None:
        """The latest delete of a log or a treatment."""
        with self._db.session() as s:
            found = [
                s.exec(select(func.max(DailyLogRow.deleted_at))).one(),
                s.exec(select(func.max(TreatmentRow.deleted_at))).one(),
            ]
        return max((at for at in found if at is not None), default=None)

    # -- "compared with before the treatment" (DESIGN 5.10, issue 15) ----------------------
    def since_treatment(self, day: date) -> SinceTreatment | None:
        """The answer the live log of ``day`` gave (``None``: no log, or not answered)."""
        with self._db.session() as s:
            value = s.exec(
                select(DailyLogRow.since_treatment).where(
                    DailyLogRow.day == day.isoformat(), col(DailyLogRow.deleted_at).is_(None)
                )
            ).first()
        return None if value is None else SinceTreatment(value)

    def set_since_treatment(self, day: date, answer: SinceTreatment | None, at: datetime) -> None:
        """Record (or clear, ``None``) the answer on the live log of ``day``, as a change of
        that log at ``at``; :class:`LookupError` when the day has no log."""
        with self._db.session() as s:
            row = s.exec(
                select(DailyLogRow).where(
                    DailyLogRow.day == day.isoformat(), col(DailyLogRow.deleted_at).is_(None)
                )
            ).first()
            if row is None:
                raise LookupError(f"no live daily log on {day}")
            row.since_treatment = None if answer is None else answer.value
            row.updated_at = at
            s.add(row)

    def since_treatment_answers(self) -> dict[date, SinceTreatment]:
        """Each live log's answer, by day (days not answered left out), oldest first."""
        sql = (
            "SELECT day, since_treatment FROM daily_log "
            "WHERE deleted_at IS NULL AND since_treatment IS NOT NULL ORDER BY day"
        )
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql(sql).all()
        return {date.fromisoformat(day): SinceTreatment(value) for day, value in rows}

    def add_treatment(self, event: TreatmentEvent) -> int:
        with self._db.session() as s:
            row = TreatmentRow(day=event.date.isoformat(), kind=event.kind, note=event.note)
            s.add(row)
            s.flush()
            assert row.id is not None
            return row.id

    def treatments(self) -> list[StoredTreatment]:
        with self._db.session() as s:
            rows = s.exec(
                select(TreatmentRow)
                .where(col(TreatmentRow.deleted_at).is_(None))
                .order_by(col(TreatmentRow.day))
            ).all()
            return [StoredTreatment(r.id, _treatment(r)) for r in rows if r.id is not None]

    def set_treatment_deleted(self, event_id: int, at: datetime | None) -> None:
        """Delete (``at``, undoably) or bring back (``None``); :class:`LookupError` when
        deleting one that is not live."""
        with self._db.session() as s:
            row = s.get(TreatmentRow, event_id)
            if row is None or (at is not None and row.deleted_at is not None):
                raise LookupError(f"no live treatment {event_id}")
            row.deleted_at = at
