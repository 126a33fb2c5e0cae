"""What a finished routine session amounts to, read back from its stored events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stenosis_coach.core.sessions import EndReason, SessionEvent, SessionRecord, session_status


@dataclass(frozen=True)
class Ratings:
    leg: int | None = None
    back: int | None = None


@dataclass(frozen=True)
class RoutineSummary:
    session: SessionRecord
    routine_id: str
    before: Ratings
    after: Ratings
    steps_done: int
    steps_skipped: int
    worst_hurt: int | None
    completed: bool

    @property
    def minutes(self) -> float:
        return self.session.elapsed_s / 60


def summarize(session: SessionRecord, events: Iterable[SessionEvent]) -> RoutineSummary:
    routine_id = ""
    before = after = Ratings()
    done = skipped = 0
    worst: int | None = None
    events = list(events)
    # The session's one status (core.sessions): with or without its events, one answer.
    completed = session_status(session.end_reason, events) is EndReason.COMPLETED
    for event in events:
        data = event.data
        if event.kind == "started":
            routine_id = data.get("routine", "")
        elif event.kind == "ratings_before":
            before = Ratings(data.get("leg"), data.get("back"))
        elif event.kind == "ratings_after":
            after = Ratings(data.get("leg"), data.get("back"))
        elif event.kind == "step_done":
            done += 1
        elif event.kind == "step_skipped":
            skipped += 1
        elif event.kind == "hurt":
            worst = max(worst or 0, int(data["rating"]))
    return RoutineSummary(session, routine_id, before, after, done, skipped, worst, completed)
