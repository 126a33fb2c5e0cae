"""What the app knows about a recorded session (a routine, a walk, a check).

Each coaching engine produces events as it runs; the recorder stores them as they happen,
with a heartbeat once a second, so a session whose app died can be offered back
("Save it as ended at HH:MM" or "Discard") at the next start (DESIGN 3).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import StrEnum

from stenosis_coach.core.exercises import engine as routine_engine
from stenosis_coach.core.session_events import EndReason as EndReason  # exported here too
from stenosis_coach.core.session_events import SessionEvent as SessionEvent
from stenosis_coach.core.session_events import from_stored
from stenosis_coach.core.walking import engine as walk_engine
from stenosis_coach.core.walking.model import WalkEnd, WalkKind
from stenosis_coach.core.words import day_text, minutes_text
from stenosis_coach.i18n import _, date_text


class SessionState(StrEnum):
    RUNNING = "running"
    FINISHED = "finished"


# How a walk's end (the walk row's ``ended_by``) reads as its session's status, so the two
# always agree. Resting 10 min without easing ends the walk early: "stopped".
WALK_END_STATUS: dict[WalkEnd, EndReason] = {
    WalkEnd.COMPLETED: EndReason.COMPLETED,
    WalkEnd.MUST_STOP: EndReason.MUST_STOP,
    WalkEnd.REST_NOT_EASING: EndReason.STOPPED,
    WalkEnd.STOPPED: EndReason.STOPPED,
}

# The fact each engine stores the moment its own part ends (a routine's last step, or the
# walk), before the ratings or the walk's summary are asked: the kinds their events
# declare (core.session_events).
ROUTINE_FINISHED = routine_engine.SessionFinished.KIND  # data: {"reason": "completed" | ...}
WALK_FINISHED = walk_engine.WalkFinished.KIND  # data: {"end": a WalkEnd value}
ROUTINE_STEP_SKIPPED = routine_engine.StepSkipped.KIND  # data: step, exercise, left_s, ...


def walk_replay(events: Iterable[SessionEvent]) -> walk_engine.WalkSoFar:
    """A walk's stored events read back through the walk engine's own fold: what the live
    engine knew at its last stored event (its kind from the session's "started" fact)."""
    events = list(events)
    started = next((e for e in events if e.kind == "started"), None)
    try:
        kind = WalkKind(started.data.get("walk_kind", "test")) if started else WalkKind.TEST
    except ValueError:  # a kind this version does not know
        kind = WalkKind.TEST
    found = (from_stored(walk_engine.EVENT_KINDS, e) for e in events)
    return walk_engine.replay((e for e in found if e is not None), kind)


def routine_replay(events: Iterable[SessionEvent]) -> routine_engine.RoutineSoFar:
    """A routine session's stored events read back through the exercise engine's own
    fold: its steps gone through, done and skipped, its worst "this hurts", its end."""
    found = (from_stored(routine_engine.EVENT_KINDS, e) for e in events)
    return routine_engine.replay(e for e in found if e is not None)


def walk_status(end: WalkEnd) -> EndReason:
    """The status of the session a walk ended by ``end`` was recorded in."""
    return WALK_END_STATUS[end]


def finished_fact(events: Iterable[SessionEvent]) -> EndReason | None:
    """How the session's own part ended, from the engine's "finished" fact (read through
    its replay); ``None`` when it never ended (the app died in the middle)."""
    events = list(events)
    ended = routine_replay(events).end
    if ended is not None:
        return ended
    end = walk_replay(events).end
    return walk_status(end) if end is not None else None


def session_status(recorded: EndReason | None, events: Iterable[SessionEvent]) -> EndReason | None:
    """The one status of a session (``None`` while it runs).

    What was recorded when it ended, except a session the app died on (``interrupted``)
    after its own part had ended: a routine whose last step finished is ``completed`` even
    if the app died on the ratings after it (they are just missing); a walk ended by "Must
    stop" is ``must_stop`` even if the app died on its summary.
    """
    if recorded is not EndReason.INTERRUPTED:
        return recorded
    return finished_fact(events) or EndReason.INTERRUPTED


# DESIGN 5.7: a routine session is done when it "reached its end (or >= 80 % of its
# length)". Skipped exercises are not done: it reached its end when it was not stopped and
# no more than this share of its planned time was skipped.
MOST_OF_A_ROUTINE = 0.8


def skipped_share(events: Iterable[SessionEvent]) -> float:
    """The share (0..1) of a routine session's planned time its skips left undone. A
    step skipped, then gone back to and done, is not skipped. Skips stored before they
    said their seconds (no ``left_s``) count as nothing: they keep their old reading."""
    return routine_replay(events).skipped_share


def routine_done(status: EndReason | None, events: Iterable[SessionEvent]) -> bool:
    """Whether a routine session "reached its end" as DESIGN 5.7 counts it for the week:
    its status (:func:`session_status`) is ``completed`` and its skips left no more than
    20 % of its planned time undone. (A session stopped early may still count by the time
    it ran: core.due.run_is_done.)"""
    events = list(events)
    return reached_its_end(session_status(status, events), routine_replay(events))


def reached_its_end(status: EndReason | None, so_far: routine_engine.RoutineSoFar) -> bool:
    """:func:`routine_done` from a session's one status and its replay (read once)."""
    return status is EndReason.COMPLETED and so_far.skipped_share <= 1 - MOST_OF_A_ROUTINE + 1e-9


HEARTBEAT_INTERVAL_S = 1.0


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
    """The sentence that offers an interrupted session back to the user.

    ``session.end_reason`` is the status it will be kept with (see
    :func:`session_status`; ``None`` reads as interrupted): a routine whose steps had all
    been done is said to be finished, a walk that had ended to have ended.
    """
    start = session.local_start
    alive = session.last_alive_local
    minutes = minutes_text(max(0.0, session.elapsed_s))  # "0:10 min", never "0 min"
    status = session.end_reason or EndReason.INTERRUPTED
    if status is EndReason.INTERRUPTED:
        said = _(
            "{what}, started {day} at {time}, was not finished: the app closed unexpectedly "
            "after {minutes}. You can save it as ended at {ended}, or discard it."
        )
    elif status is EndReason.COMPLETED and session.kind == "routine":
        said = _(
            "{what}, started {day} at {time}: you finished it, but the app closed before your "
            "ratings were saved. You can save it as ended at {ended}, or discard it."
        )
    else:
        said = _(
            "{what}, started {day} at {time}, ended after {minutes}, but the app closed before "
            "it was saved. You can save it as ended at {ended}, or discard it."
        )
    return said.format(
        what=session.title or _("A session"),
        day=day_text(start),
        time=date_text(start, "Hm"),
        minutes=minutes,
        ended=date_text(alive, "Hm"),
    )
