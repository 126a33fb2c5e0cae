"""A live walk, recorded as it happens (DESIGN 3), and a walk rebuilt after a crash.

Every engine event (bout started or ended, rest, symptoms, pause, finish) is committed the
moment it happens, with a heartbeat once a second; the finished walk is stored with its
session. Cues are not stored: they are derived from the timeline.
"""

from __future__ import annotations

from datetime import datetime

from stenosis_coach.core.clock import Clock
from stenosis_coach.core.session_events import plain
from stenosis_coach.core.sessions import (
    EndReason,
    SessionEvent,
    SessionRecord,
    walk_replay,
    walk_status,
)
from stenosis_coach.core.walking import engine as walk_engine
from stenosis_coach.core.walking.engine import WalkDraft
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.walking.prescription import Prescription
from stenosis_coach.services.recording import SessionRecorder
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.storage.walks_repo import WalkRepository

SESSION_KIND = "walk"


def stored_title(kind: WalkKind) -> str:
    """A walk session's title as stored: data, always English (what is shown is worded from
    the walk's kind where it is shown)."""
    if kind is WalkKind.TEST:
        return "Walking test"  # not translated: stored in the data file
    return "Training walk"  # not translated: stored in the data file


class WalkRecording:
    """Stores one live walk in the database as it goes."""

    def __init__(self, db: Database, clock: Clock, plan: Prescription) -> None:
        self._db = db
        self._recorder = SessionRecorder(db, clock)
        self.plan = plan
        self.started_at: datetime | None = None

    @property
    def recorder(self) -> SessionRecorder:
        return self._recorder

    def start(self) -> int:
        title = stored_title(self.plan.kind)
        session_id = self._recorder.start(
            SESSION_KIND,
            title,
            walk_kind=self.plan.kind.value,
            bout_s=plain(self.plan.bout_s),
            rest_s=plain(self.plan.rest_s),
            target_total_s=plain(self.plan.target_total_s),
        )
        started = SessionRepository(self._db).get(session_id)
        assert started is not None  # just written: starting must reach the disk
        self.started_at = started.started_at
        return session_id

    def record(self, events: list[walk_engine.WalkEvent]) -> None:
        for event in events:
            if isinstance(event, walk_engine.Cue | walk_engine.WalkStarted):
                continue  # cues follow from the timeline; "started" is already stored
            self._recorder.record(event)

    def save(self, walk: Walk) -> int | None:
        """Store the finished walk with its session, and close the session. On a full disk
        both wait in memory and are written later, in order (``None``: not written yet)."""
        walk_ids: list[int] = []

        def add_walk(session_id: int) -> dict[str, int]:
            walk_ids.append(WalkRepository(self._db).add_recorded(walk, session_id))
            return {"walk_id": walk_ids[0]}

        self._recorder.finish(walk_status(walk.ended_by), with_it=add_walk)
        return walk_ids[0] if walk_ids else None

    def discard(self) -> None:
        """The user left the summary without saving: keep the session, marked stopped."""
        if self._recorder.active:
            self._recorder.finish(EndReason.STOPPED, saved=False)


def draft_from_session(session: SessionRecord, events: list[SessionEvent]) -> WalkDraft:
    """Rebuild a walk whose app died, from its stored events, up to its last heartbeat.

    A walk that had ended (its ``walk_finished`` fact, e.g. "Must stop") keeps that end, as
    its session's status does (core.sessions.session_status); one cut short is "stopped".
    """
    # The walk engine's own reading of its events, measured to its last heartbeat.
    return walk_replay(events).draft(session.started_at, session.elapsed_s)


def interrupted_draft(db: Database, session: SessionRecord) -> WalkDraft:
    return draft_from_session(session, SessionRepository(db).events(session.id))


def save_interrupted_walk(db: Database, session: SessionRecord, walk: Walk) -> int:
    return WalkRepository(db).add_recorded(walk, session.id)
