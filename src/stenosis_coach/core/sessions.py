"""What the app knows about a recorded session (a routine, a walk, a check).

Each coaching engine produces events as it runs; the recorder stores them as they happen,
with a heartbeat once a second, so a session whose app died can be offered back
("Save it as ended at HH:MM" or "Discard") at the next start (DESIGN 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from typing import Any


class SessionState(StrEnum):
    RUNNING = "running"
    FINISHED = "finished"


class EndReason(StrEnum):
    COMPLETED = "completed"
    STOPPED = "stopped"
    MUST_STOP = "must_stop"
    INTERRUPTED = "interrupted"  # the app died; saved as ended at the last heartbeat


HEARTBEAT_INTERVAL_S = 1.0


@dataclass(frozen=True)
class SessionEvent:
    """One thing that happened in a session.

    ``t_s`` is engine time: monotonic seconds from the session's start.
    """

    kind: str
    t_s: float
    at: datetime
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SessionRecord:
    id: int
    kind: str
    title: str
    state: SessionState
    started_at: datetime  # UTC
    utc_offset_min: int
    heartbeat_at: datetime  # UTC
    elapsed_s: float  # engine seconds at the last heartbeat or event
    ended_at: datetime | None = None
    end_reason: EndReason | None = None

    @property
    def local_tz(self) -> timezone:
        return timezone(timedelta(minutes=self.utc_offset_min))

    @property
    def local_start(self) -> datetime:
        return self.started_at.astimezone(self.local_tz)

    @property
    def last_alive_local(self) -> datetime:
        return self.heartbeat_at.astimezone(self.local_tz)


def interrupted_offer(session: SessionRecord) -> str:
    """The sentence that offers an interrupted session back to the user."""
    start = session.local_start
    alive = session.last_alive_local
    minutes = max(0, round(session.elapsed_s / 60))
    what = session.title or "A session"
    return (
        f"{what}, started {start:%a} {start.day} {start:%b} at {start:%H:%M}, "
        f"was not finished: the app closed unexpectedly after {minutes} min. "
        f"You can save it as ended at {alive:%H:%M}, or discard it."
    )
