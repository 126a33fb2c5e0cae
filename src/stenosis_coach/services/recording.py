"""Recording a session as it happens, and offering back one whose app died (DESIGN 3).

Every event is committed when it happens; while the session runs, :meth:`SessionRecorder.
heartbeat` is called once a second (the Qt shell does that from a timer), so a crash loses
at most the last second.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from enum import Enum
from fractions import Fraction
from typing import Any

from stenosis_coach.core.clock import Clock, utc_offset_minutes
from stenosis_coach.core.sessions import EndReason, SessionEvent, SessionRecord
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.sessions_repo import SessionRepository

# kind -> called with (db, session) after an interrupted session is saved, so that the
# capability that owns the kind (walks, routines) can write its own summary.
InterruptedHandler = Callable[[Database, SessionRecord], None]
_interrupted_handlers: dict[str, InterruptedHandler] = {}


def on_interrupted_saved(kind: str, handler: InterruptedHandler) -> None:
    """Register what to do when an interrupted session of ``kind`` is saved."""
    _interrupted_handlers[kind] = handler


class SessionRecorder:
    """Writes one session to the database, stamping events with engine time.

    Engine time (``t_s``) is monotonic seconds since :meth:`start`; stored times are UTC
    from the same injected clock.
    """

    def __init__(self, db: Database, clock: Clock) -> None:
        self._repo = SessionRepository(db)
        self._clock = clock
        self._session_id: int | None = None
        self._mono_start = 0.0

    @property
    def session_id(self) -> int | None:
        return self._session_id

    @property
    def active(self) -> bool:
        return self._session_id is not None

    def elapsed(self) -> float:
        return self._clock.monotonic() - self._mono_start

    def start(self, kind: str, title: str, **data: Any) -> int:
        if self._session_id is not None:
            raise RuntimeError("a session is already being recorded")
        now = self._clock.now()
        self._mono_start = self._clock.monotonic()
        self._session_id = self._repo.start(kind, title, now, utc_offset_minutes(now))
        self._repo.add_event(self._session_id, SessionEvent("started", 0.0, now, data))
        return self._session_id

    def event(self, kind: str, **data: Any) -> None:
        self._repo.add_event(
            self._require(), SessionEvent(kind, self.elapsed(), self._clock.now(), data)
        )

    def record(self, event: Any) -> None:
        """Store an engine event (a frozen dataclass with ``t_s``) under its snake-case name,
        e.g. ``BoutStarted`` -> ``"bout_started"``, with its fields as data."""
        data = {
            f.name: plain(getattr(event, f.name))
            for f in dataclasses.fields(event)
            if f.name != "t_s"
        }
        name = "".join(f"_{c.lower()}" if c.isupper() else c for c in type(event).__name__)
        self.event(name.lstrip("_"), t_engine=event.t_s, **data)

    def heartbeat(self) -> None:
        if self._session_id is not None:
            self._repo.heartbeat(self._session_id, self._clock.now(), self.elapsed())

    def finish(self, reason: EndReason = EndReason.COMPLETED, **data: Any) -> SessionRecord:
        session_id = self._require()
        elapsed = self.elapsed()
        now = self._clock.now()
        self._repo.add_event(
            session_id, SessionEvent("finished", elapsed, now, {"reason": reason.value, **data})
        )
        record = self._repo.finish(session_id, now, reason, elapsed)
        self._session_id = None
        return record

    def _require(self) -> int:
        if self._session_id is None:
            raise RuntimeError("no session is being recorded")
        return self._session_id


def plain(value: Any) -> Any:
    """A value as JSON can hold it: exact fractions as text, enums as their value."""
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def interrupted_sessions(db: Database) -> list[SessionRecord]:
    """Sessions left running by an app that died.

    Call only while holding the instance lock: then no other window can be running them.
    """
    return SessionRepository(db).running()


def save_interrupted(db: Database, session_id: int) -> SessionRecord:
    """Keep an interrupted session, as ended at its last heartbeat."""
    repo = SessionRepository(db)
    session = repo.get(session_id)
    if session is None:
        raise LookupError(f"no session {session_id}")
    record = repo.finish(session_id, session.heartbeat_at, EndReason.INTERRUPTED, None)
    handler = _interrupted_handlers.get(record.kind)
    if handler is not None:
        handler(db, record)
    return record


def discard_interrupted(db: Database, session_id: int) -> None:
    """Forget an interrupted session and its events (the user chose "Discard")."""
    SessionRepository(db).delete(session_id)
