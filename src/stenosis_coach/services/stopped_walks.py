"""Walks stopped before their summary could be asked, kept for the next start (issue 12).

Closing the window mid-walk ("Stop and close"), or a menu that leaves the walk, ends it at
once, as stopped: its leg pain cannot be asked then. The session is finished with a mark
saying its walk still waits; the next start offers it back (keep it, and the summary asks
the pain as after any walk; or discard it). It waits until its walk is saved, or the
patient leaves its summary without saving, or discards it: nothing is lost by closing.
"""

from __future__ import annotations

import dataclasses

from stenosis_coach.core.sessions import EndReason, SessionEvent, SessionRecord
from stenosis_coach.core.walking.engine import WalkDraft
from stenosis_coach.core.walking.model import WalkEnd, WalkKind
from stenosis_coach.services.walk_sessions import WalkRecording
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.sessions_repo import SessionRepository

WAITS = "walk_waits"  # set in the "finished" event's data: the walk waits for its summary
NOT_KEPT = "walk_not_kept"  # an event added when the patient leaves its summary unsaved


def stop_waiting(recording: WalkRecording, end: EndReason = EndReason.STOPPED) -> None:
    """End a live walk's session now, its walk waiting for its summary."""
    recorder = recording.recorder
    if recorder.active:
        recorder.finish(end, None, saved=False, **{WAITS: True})


def waiting_walks(db: Database) -> list[SessionRecord]:
    """Walks stopped before their summary, still waiting for it, oldest first."""
    repo = SessionRepository(db)
    # Finished with the mark, no walk saved (even one deleted since), not left unsaved.
    ids = repo.marked_without_walk("walk", WAITS, NOT_KEPT)
    return [found for i in ids if (found := repo.get(i)) is not None]


def is_waiting(db: Database, session_id: int) -> bool:
    return any(s.id == session_id for s in waiting_walks(db))


def not_kept(db: Database, session: SessionRecord) -> None:
    """The patient left a waiting walk's summary without saving: it is not offered again.
    The session stays, stopped, as after any walk left unsaved (the mark's time is the
    session's own end, so nothing about the session moves)."""
    if not is_waiting(db, session.id):
        return
    stored = SessionRepository(db).get(session.id)
    assert stored is not None
    SessionRepository(db).add_event(
        session.id, SessionEvent(NOT_KEPT, stored.elapsed_s, stored.heartbeat_at, {})
    )


def discard(db: Database, session_id: int) -> None:
    """The patient discarded a waiting walk (after confirming): it is deleted."""
    SessionRepository(db).delete(session_id)


def kept_as(draft: WalkDraft) -> WalkDraft:
    """What a walk cut short is kept as. A walking test measures until the patient needs to
    stop (or 30 min, DESIGN 5.1); one cut short by closing the app or a crash did not end
    that way, so it is not a test result: it is kept as a walk (its minutes count, the
    next walking test is still due), never as a tolerance it did not measure."""
    if draft.kind is WalkKind.TEST and draft.ended_by is WalkEnd.STOPPED:
        return dataclasses.replace(draft, kind=WalkKind.TRAINING)
    return draft
