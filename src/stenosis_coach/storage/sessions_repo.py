"""Sessions and their events, stored as they happen. Returns core dataclasses."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from fractions import Fraction
from typing import NamedTuple

from sqlmodel import col, delete, select

from stenosis_coach.core.sessions import EndReason, SessionEvent, SessionRecord, SessionState
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.models import SessionEventRow, SessionRow
from stenosis_coach.storage.types import parse_exact, parse_utc


class EventRow(NamedTuple):
    """A stored event as it is kept, with its session's UTC offset (the CSV export): its
    data is the stored JSON text, unread."""

    session_id: int
    at: datetime
    t_s: float
    kind: str
    data: str
    utc_offset_min: int


class LastSession(NamedTuple):
    """The newest finished session, with the walk it recorded (if any, and not deleted)."""

    session_id: int
    walk_kind: str | None
    walk_total_s: Fraction | None


# The newest finished session, leaving out a walk's session once its walk was deleted
# (Undo brings the walk back, and with it this session); with the walk it recorded, if any.
_LAST_SESSION_SQL = """
SELECT s.id, w.kind, w.total_walk_s FROM session s
LEFT JOIN walk w ON w.session_id = s.id AND w.deleted_at IS NULL
WHERE s.state = 'finished'
  AND NOT EXISTS (SELECT 1 FROM walk d WHERE d.session_id = s.id
                  AND d.deleted_at IS NOT NULL)
ORDER BY s.started_at DESC, s.id DESC, w.id DESC LIMIT 1
"""

# Finished sessions of a kind whose "finished" event carries a mark, with no walk saved
# (even one deleted since) and no event of the kind that takes the mark back; oldest first.
_MARKED_SQL = """
SELECT s.id FROM session s
WHERE s.kind = ? AND s.state = 'finished'
  AND EXISTS (SELECT 1 FROM session_event e WHERE e.session_id = s.id
              AND e.kind = 'finished' AND json_extract(e.data, '$.' || ?) = 1)
  AND NOT EXISTS (SELECT 1 FROM session_event e WHERE e.session_id = s.id
                  AND e.kind = ?)
  AND NOT EXISTS (SELECT 1 FROM walk w WHERE w.session_id = s.id)
ORDER BY s.started_at, s.id
"""


_IDS_A_QUERY = 500  # ids bound in one IN (...): well under SQLite's limit on variables


def _record(row: SessionRow) -> SessionRecord:
    assert row.id is not None
    return SessionRecord(
        id=row.id,
        kind=row.kind,
        title=row.title,
        state=SessionState(row.state),
        started_at=row.started_at,
        utc_offset_min=row.utc_offset_min,
        heartbeat_at=row.heartbeat_at,
        elapsed_s=row.elapsed_s,
        ended_at=row.ended_at,
        end_reason=EndReason(row.end_reason) if row.end_reason else None,
    )


class SessionRepository:
    """Each method is one committed transaction: nothing waits in memory to be saved."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def start(self, kind: str, title: str, started_at: datetime, utc_offset_min: int) -> int:
        with self._db.session() as s:
            row = SessionRow(
                kind=kind,
                title=title,
                state=SessionState.RUNNING,
                started_at=started_at,
                utc_offset_min=utc_offset_min,
                heartbeat_at=started_at,
                elapsed_s=0.0,
            )
            s.add(row)
            s.flush()
            assert row.id is not None
            return row.id

    def add_event(self, session_id: int, event: SessionEvent) -> None:
        """Store an event and move the heartbeat with it, in one commit."""
        with self._db.session() as s:
            s.add(
                SessionEventRow(
                    session_id=session_id,
                    kind=event.kind,
                    t_s=event.t_s,
                    at=event.at,
                    data=json.dumps(event.data, sort_keys=True),
                )
            )
            row = s.get_one(SessionRow, session_id)
            row.heartbeat_at = event.at
            row.elapsed_s = max(row.elapsed_s, event.t_s)

    def heartbeat(self, session_id: int, at: datetime, elapsed_s: float) -> None:
        with self._db.session() as s:
            row = s.get_one(SessionRow, session_id)
            row.heartbeat_at = at
            row.elapsed_s = elapsed_s

    def finish(
        self, session_id: int, ended_at: datetime, reason: EndReason, elapsed_s: float | None
    ) -> SessionRecord:
        with self._db.session() as s:
            row = s.get_one(SessionRow, session_id)
            row.state = SessionState.FINISHED
            row.ended_at = ended_at
            row.end_reason = reason
            row.heartbeat_at = max(row.heartbeat_at, ended_at)
            if elapsed_s is not None:
                row.elapsed_s = elapsed_s
            return _record(row)

    def get(self, session_id: int) -> SessionRecord | None:
        with self._db.session() as s:
            row = s.get(SessionRow, session_id)
            return _record(row) if row else None

    def running(self) -> list[SessionRecord]:
        with self._db.session() as s:
            rows = s.exec(
                select(SessionRow)
                .where(SessionRow.state == SessionState.RUNNING)
                .order_by(col(SessionRow.started_at))
            ).all()
            return [_record(r) for r in rows]

    def recent(self, limit: int = 20, kind: str | None = None) -> list[SessionRecord]:
        with self._db.session() as s:
            query = select(SessionRow.__table__).where(SessionRow.state == SessionState.FINISHED)
            if kind:
                query = query.where(SessionRow.kind == kind)
            rows = s.execute(query.order_by(col(SessionRow.started_at).desc()).limit(limit)).all()
            return [_record(r) for r in rows]

    def events(self, session_id: int) -> list[SessionEvent]:
        with self._db.session() as s:
            rows = s.exec(
                select(SessionEventRow)
                .where(SessionEventRow.session_id == session_id)
                .order_by(col(SessionEventRow.id))
            ).all()
            return [SessionEvent(r.kind, r.t_s, r.at, json.loads(r.data)) for r in rows]

    def starts_and_ends(self, kind: str) -> list[SessionRecord]:
        """Finished sessions of ``kind`` with their times and how they ended, oldest first,
        read raw (years of sessions for the weekly plots)."""
        sql = (
            "SELECT id, title, started_at, utc_offset_min, heartbeat_at, elapsed_s, "
            "ended_at, end_reason FROM session WHERE state = 'finished' AND kind = ? "
            "ORDER BY started_at"
        )
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql(sql, (kind,)).all()
        return [
            SessionRecord(
                id=sid,
                kind=kind,
                title=title,
                state=SessionState.FINISHED,
                started_at=parse_utc(started),
                utc_offset_min=offset,
                heartbeat_at=parse_utc(beat),
                elapsed_s=elapsed,
                ended_at=parse_utc(ended),
                end_reason=EndReason(reason) if reason else None,
            )
            for sid, title, started, offset, beat, elapsed, ended, reason in rows
        ]

    def events_for(
        self, session_ids: list[int], kinds: Iterable[str] | None = None
    ) -> dict[int, list[SessionEvent]]:
        """Events of many sessions (for histories and plots), each session's in order; only
        events of ``kinds`` when given. Read raw, a few hundred sessions a query."""
        found: dict[int, list[SessionEvent]] = {i: [] for i in session_ids}
        wanted = list(kinds) if kinds is not None else None
        if not session_ids or wanted == []:
            return found
        with self._db.session() as s:
            conn = s.connection()
            for first in range(0, len(session_ids), _IDS_A_QUERY):
                ids = session_ids[first : first + _IDS_A_QUERY]
                sql = (
                    "SELECT session_id, kind, t_s, at, data FROM session_event "
                    f"WHERE session_id IN ({', '.join('?' * len(ids))})"
                )
                params: tuple[object, ...] = tuple(ids)
                if wanted is not None:
                    sql += f" AND kind IN ({', '.join('?' * len(wanted))})"
                    params += tuple(wanted)
                for sid, kind, t_s, at, data in conn.exec_driver_sql(sql + " ORDER BY id", params):
                    moment = parse_utc(at)
                    assert moment is not None  # an event's time is a NOT NULL column
                    found[sid].append(SessionEvent(kind, float(t_s), moment, json.loads(data)))
        return found

    def ids_with_event(self, kind: str, event_kind: str) -> set[int]:
        """The finished sessions of ``kind`` that hold an event of ``event_kind``."""
        sql = (
            "SELECT DISTINCT e.session_id FROM session_event e "
            "JOIN session s ON s.id = e.session_id "
            "WHERE s.kind = ? AND s.state = 'finished' AND e.kind = ?"
        )
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql(sql, (kind, event_kind)).all()
        return {int(row[0]) for row in rows}

    def all(self) -> list[SessionRecord]:
        """Every session, running or finished, by start (then id), read raw."""
        sql = (
            "SELECT id, kind, title, state, started_at, utc_offset_min, heartbeat_at, "
            "elapsed_s, ended_at, end_reason FROM session ORDER BY started_at, id"
        )
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql(sql).all()
        found = []
        for sid, kind, title, state, started, offset, beat, elapsed, ended, reason in rows:
            started_at, heartbeat_at = parse_utc(started), parse_utc(beat)
            assert started_at is not None and heartbeat_at is not None  # NOT NULL columns
            found.append(
                SessionRecord(
                    id=sid,
                    kind=kind,
                    title=title,
                    state=SessionState(state),
                    started_at=started_at,
                    utc_offset_min=offset,
                    heartbeat_at=heartbeat_at,
                    elapsed_s=elapsed,
                    ended_at=parse_utc(ended),
                    end_reason=EndReason(reason) if reason else None,
                )
            )
        return found

    def events_of_ended(
        self, reason: EndReason, kinds: Iterable[str]
    ) -> dict[int, list[SessionEvent]]:
        """The events of ``kinds`` of every session kept as ended by ``reason``, by session
        (those with none left out), each session's in order."""
        wanted = list(kinds)
        if not wanted:
            return {}
        sql = (
            "SELECT e.session_id, e.kind, e.t_s, e.at, e.data FROM session_event e "
            "JOIN session s ON s.id = e.session_id "
            f"WHERE s.end_reason = ? AND e.kind IN ({', '.join('?' * len(wanted))}) "
            "ORDER BY e.id"
        )
        found: dict[int, list[SessionEvent]] = {}
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql(sql, (reason.value, *wanted)).all()
        for sid, kind, t_s, at, data in rows:
            moment = parse_utc(at)
            assert moment is not None  # an event's time is a NOT NULL column
            event = SessionEvent(str(kind), float(t_s), moment, json.loads(str(data)))
            found.setdefault(int(sid), []).append(event)
        return found

    def event_rows(self) -> list[EventRow]:
        """Every event as stored, by its session's start, then session, then order."""
        sql = (
            "SELECT e.session_id, e.at, e.t_s, e.kind, e.data, s.utc_offset_min "
            "FROM session_event e JOIN session s ON s.id = e.session_id "
            "ORDER BY s.started_at, e.session_id, e.id"
        )
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql(sql).all()
        found = []
        for sid, at, t_s, kind, data, offset in rows:
            moment = parse_utc(at)
            assert moment is not None  # an event's time is a NOT NULL column
            found.append(EventRow(sid, moment, float(t_s), kind, data, offset))
        return found

    def last_finished(self) -> LastSession | None:
        """The newest finished session, never one whose walk was deleted."""
        with self._db.session() as s:
            found = s.connection().exec_driver_sql(_LAST_SESSION_SQL).first()
        if found is None:
            return None
        return LastSession(int(found[0]), found[1], parse_exact(found[2]))

    def marked_without_walk(self, kind: str, mark: str, unmarked_by: str) -> list[int]:
        """The ids of finished sessions of ``kind`` whose "finished" event has ``mark`` set,
        that saved no walk and have no ``unmarked_by`` event; oldest first."""
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql(_MARKED_SQL, (kind, mark, unmarked_by))
            return [int(row[0]) for row in rows.all()]

    def delete(self, session_id: int) -> None:
        with self._db.session() as s:
            s.exec(delete(SessionEventRow).where(col(SessionEventRow.session_id) == session_id))
            s.exec(delete(SessionRow).where(col(SessionRow.id) == session_id))
