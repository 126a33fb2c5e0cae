"""Daily logs and treatment events, returned as core dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import col, select

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.models import DailyLogRow, TreatmentRow
from stenosis_coach.storage.types import parse_exact

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

    def set_log_deleted(self, log_id: int, at: datetime | None) -> None:
        with self._db.session() as s:
            s.get_one(DailyLogRow, log_id).deleted_at = at

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
            return [
                StoredTreatment(
                    r.id, TreatmentEvent(date.fromisoformat(r.day), TreatmentKind(r.kind), r.note)
                )
                for r in rows
                if r.id is not None
            ]

    def set_treatment_deleted(self, event_id: int, at: datetime | None) -> None:
        with self._db.session() as s:
            s.get_one(TreatmentRow, event_id).deleted_at = at
