"""Walks in the database, returned as core :class:`Walk` objects."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Hashable
from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import func
from sqlmodel import col, select

from stenosis_coach.core.clock import utc_offset_minutes
from stenosis_coach.core.walking.model import StoredWalk, Walk, WalkEnd, WalkKind
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.models import WalkRow
from stenosis_coach.storage.types import parse_exact, parse_utc


def _walk(row: WalkRow, start: datetime | None = None) -> Walk:
    return Walk(
        start=row.start if start is None else start,
        kind=WalkKind(row.kind),
        total_walk_s=row.total_walk_s,
        tfs_s=row.tfs_s,
        peak_leg_pain=row.peak_leg_pain,
        imported=row.imported,
        seq=row.import_seq,
        rests=row.rests,
        next_day_flare=row.next_day_flare,
        ended_by=WalkEnd(row.ended_by),
        distance_m=row.distance_m,
        notes=row.notes,
    )


def to_row(walk: Walk, **extra: object) -> WalkRow:
    # A start given in UTC (a live walk) is stored with the computer's local offset at that
    # moment, so its local time and day are right; a diary walk carries its own zone.
    offset = (
        timedelta(minutes=utc_offset_minutes(walk.start))
        if walk.start.tzinfo is UTC
        else walk.start.utcoffset()
    )
    return WalkRow(
        kind=walk.kind,
        start=walk.start.astimezone(UTC),
        utc_offset_min=int(offset.total_seconds() // 60) if offset else 0,
        total_walk_s=walk.total_walk_s,
        tfs_s=walk.tfs_s,
        peak_leg_pain=walk.peak_leg_pain,
        rests=walk.rests,
        next_day_flare=walk.next_day_flare,
        ended_by=walk.ended_by,
        distance_m=walk.distance_m,
        notes=walk.notes,
        imported=walk.imported,
        **extra,
    )


@functools.cache
def _offset_zone(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


def local_start(row: WalkRow) -> datetime:
    return row.start.astimezone(_offset_zone(row.utc_offset_min))


class WalkRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add_recorded(self, walk: Walk, session_id: int | None) -> int:
        with self._db.session() as s:
            row = to_row(walk, session_id=session_id)
            s.add(row)
            s.flush()
            assert row.id is not None
            return row.id

    def add_imported(
        self, walks: list[Walk], source: str, key: Callable[[Walk], Hashable]
    ) -> list[Walk]:
        """Add the walks not already stored, in one transaction; returns those added.

        Rows are compared with the stored imported walks as multisets (DESIGN 4.3): a
        file imported twice adds nothing, and a row that appears twice in a file is added
        as many times as it is missing.
        """
        with self._db.session() as s:
            stored = s.exec(
                select(WalkRow).where(
                    WalkRow.imported == True,  # noqa: E712 (SQL expression)
                    col(WalkRow.deleted_at).is_(None),
                )
            ).all()
            have = Counter(key(_with_local(r)) for r in stored)
            next_seq = (s.exec(select(func.max(WalkRow.import_seq))).one() or 0) + 1
            added = []
            for walk in walks:
                k = key(walk)
                if have[k] > 0:
                    have[k] -= 1
                    continue
                s.add(to_row(walk, import_seq=next_seq, source=source))
                added.append(walk)
                next_seq += 1
            return added

    def all(self, *, include_deleted: bool = False) -> list[StoredWalk]:
        with self._db.session() as s:
            # Plain rows, not ORM objects: ten years of walks load in milliseconds.
            query = select(WalkRow.__table__)
            if not include_deleted:
                query = query.where(col(WalkRow.deleted_at).is_(None))
            rows = s.execute(query.order_by(col(WalkRow.start), col(WalkRow.id))).all()
            return [StoredWalk(r.id, _with_local(r), r.source) for r in rows if r.id is not None]

    def walks(self) -> list[Walk]:
        """Every live walk, oldest first, read raw: this feeds every figure, over years."""
        return [walk for walk, _session in self.walks_with_sessions()]

    def walks_with_sessions(self) -> list[tuple[Walk, int | None]]:
        """Every live walk, oldest first, with the id of the session it was recorded in
        (``None``: logged by hand or imported), in one raw read."""
        sql = (
            "SELECT start, utc_offset_min, kind, total_walk_s, tfs_s, peak_leg_pain, "
            "imported, import_seq, rests, next_day_flare, ended_by, distance_m, notes, "
            "session_id FROM walk WHERE deleted_at IS NULL ORDER BY start, id"
        )
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql(sql).all()
        return [
            (
                Walk(
                    start=parse_utc(start).astimezone(_offset_zone(offset)),
                    kind=WalkKind(kind),
                    total_walk_s=parse_exact(total),
                    tfs_s=parse_exact(tfs),
                    peak_leg_pain=pain,
                    imported=bool(imported),
                    seq=seq,
                    rests=rests,
                    next_day_flare=bool(flare),
                    ended_by=WalkEnd(ended_by),
                    distance_m=parse_exact(distance),
                    notes=notes,
                ),
                None if session is None else int(session),
            )
            for (
                start,
                offset,
                kind,
                total,
                tfs,
                pain,
                imported,
                seq,
                rests,
                flare,
                ended_by,
                distance,
                notes,
                session,
            ) in rows
        ]

    def session_links(self) -> dict[int, int]:
        """Each live walk recorded in the app: its id -> the id of its session."""
        sql = "SELECT id, session_id FROM walk WHERE deleted_at IS NULL AND session_id IS NOT NULL"
        with self._db.session() as s:
            return {int(i): int(sid) for i, sid in s.connection().exec_driver_sql(sql).all()}

    def replace(self, walk_id: int, walk: Walk) -> None:
        """Correct a walk (a typo in the history); keeps its import order and source."""
        with self._db.session() as s:
            row = s.get_one(WalkRow, walk_id)
            fresh = to_row(walk)
            for name in (
                "kind",
                "start",
                "utc_offset_min",
                "total_walk_s",
                "tfs_s",
                "peak_leg_pain",
                "rests",
                "next_day_flare",
                "ended_by",
                "distance_m",
                "notes",
            ):
                setattr(row, name, getattr(fresh, name))

    def set_deleted(self, walk_id: int, at: datetime | None) -> None:
        """Delete (``at``) or bring back (``None``) a walk; deleting is undoable.

        Deleting a walk that is not live raises :class:`LookupError`. Nothing else is
        touched: its session, events and ratings stay, so a walk brought back is complete.
        """
        with self._db.session() as s:
            row = s.get(WalkRow, walk_id)
            if row is None or (at is not None and row.deleted_at is not None):
                raise LookupError(f"no live walk {walk_id}")
            row.deleted_at = at

    def deleted(self, since: datetime) -> list[tuple[datetime, StoredWalk]]:
        """Walks deleted at or after ``since``, with when, newest delete first."""
        with self._db.session() as s:
            rows = s.execute(
                select(WalkRow.__table__)
                .where(col(WalkRow.deleted_at) >= since)
                .order_by(col(WalkRow.deleted_at).desc(), col(WalkRow.id).desc())
            ).all()
            return [(r.deleted_at, StoredWalk(r.id, _with_local(r), r.source)) for r in rows]

    def last_deleted_at(self) -> datetime | None:
        with self._db.session() as s:
            return s.exec(select(func.max(WalkRow.deleted_at))).one()

    def count(self) -> int:
        with self._db.session() as s:
            return s.exec(
                select(func.count()).select_from(WalkRow).where(col(WalkRow.deleted_at).is_(None))
            ).one()


def _with_local(row: WalkRow) -> Walk:
    """The walk with its start in the local offset it was recorded in."""
    return _walk(row, start=local_start(row))
