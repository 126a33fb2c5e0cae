"""What a finished routine session amounts to, read back from its stored events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stenosis_coach.core.exercises import engine
from stenosis_coach.core.sessions import (
    EndReason,
    SessionEvent,
    SessionRecord,
    reached_its_end,
    routine_replay,
    session_status,
)
from stenosis_coach.i18n import _, ngettext


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
    completed: bool  # its status is "completed": it reached its end, it was not stopped
    steps: int = 0  # the steps it went through (from the one it started at)
    done: bool = True  # it counts as done for the week (core.sessions.routine_done)

    @property
    def minutes(self) -> float:
        return self.session.elapsed_s / 60

    @property
    def end_title(self) -> str:
        """What the screen after the last exercise says: what was done, no more, no blame."""
        return _end_title(self.completed, self.steps, self.steps_done, self.steps_skipped)

    @property
    def state_words(self) -> str:
        """How it ended, for the history and the report: "finished", "finished, 3 of 4
        exercises skipped" or "stopped early"."""
        if not self.completed:
            return _("stopped early")
        if not self.steps_skipped:
            return _("finished")
        return ngettext(
            "finished, {skipped} of {n} exercise skipped",
            "finished, {skipped} of {n} exercises skipped",
            self.steps,
        ).format(skipped=self.steps_skipped, n=self.steps)


def summarize(session: SessionRecord, events: Iterable[SessionEvent]) -> RoutineSummary:
    routine_id = ""
    before = after = Ratings()
    events = list(events)
    # The session's one status (core.sessions): with or without its events, one answer.
    status = session_status(session.end_reason, events)
    for event in events:  # the recorder's own facts, around the engine's events
        data = event.data
        if event.kind == "started":
            routine_id = data.get("routine", "")
        elif event.kind == "ratings_before":
            before = Ratings(data.get("leg"), data.get("back"))
        elif event.kind == "ratings_after":
            after = Ratings(data.get("leg"), data.get("back"))
    so_far = routine_replay(events)  # the engine's own reading of its events
    completed = status is EndReason.COMPLETED
    return RoutineSummary(
        session,
        routine_id,
        before,
        after,
        len(so_far.done),
        len(so_far.skipped),
        so_far.worst_hurt,
        completed,
        steps=len(so_far.steps),
        done=reached_its_end(status, so_far),
    )


def end_title(engine_events: Iterable[engine.Event], completed: bool) -> str:
    """:attr:`RoutineSummary.end_title` from the engine's own events, as the routine ends
    (before they are all stored): the same fold as the stored ones are read through."""
    so_far = engine.replay(engine_events)
    return _end_title(completed, len(so_far.steps), len(so_far.done), len(so_far.skipped))


def _end_title(completed: bool, steps: int, done: int, skipped: int) -> str:
    if not completed:
        return _("Routine stopped")
    if not skipped:
        return _("Routine complete. Well done!")
    return ngettext(
        "Routine finished: {done} of {n} exercise done, {skipped} skipped.",
        "Routine finished: {done} of {n} exercises done, {skipped} skipped.",
        steps,
    ).format(done=done, n=steps, skipped=skipped)
