"""Routines as the patient does them: pick one, run it, rate it, see it in the history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from stenosis_coach.core.clock import LOCAL, Clock
from stenosis_coach.core.due import Due, RoutineDue
from stenosis_coach.core.exercises import engine as exercise_engine
from stenosis_coach.core.exercises.model import Routine
from stenosis_coach.core.routine_summary import RoutineSummary, summarize
from stenosis_coach.core.sessions import EndReason, routine_replay, session_status
from stenosis_coach.core.today import (
    ROUTINE_ACTION,
    ROUTINE_RESUME_ACTION,
    TodayItem,
    routine_action,
)
from stenosis_coach.i18n import _
from stenosis_coach.services import exercises as library
from stenosis_coach.services.due import due_at

# The patient's own routine is the library's (services.exercises); named here too.
from stenosis_coach.services.exercises import DEFAULT_ROUTINE as DEFAULT_ROUTINE
from stenosis_coach.services.exercises import MY_ROUTINE as MY_ROUTINE
from stenosis_coach.services.exercises import choose_routine as choose_routine
from stenosis_coach.services.exercises import my_routine as my_routine
from stenosis_coach.services.read_model import ReadModel
from stenosis_coach.services.recording import SessionRecorder
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.sessions_repo import SessionRepository

SESSION_KIND = "routine"


class RoutineRecording:
    """Stores one routine session as it goes (DESIGN 3)."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.recorder = SessionRecorder(db, clock)
        self.ended: EndReason | None = None  # how the steps ended, once they have

    def start(
        self, routine: Routine, chair_versions: bool, carries_on: ResumePoint | None = None
    ) -> int:
        """Start recording; ``carries_on`` names the session stopped early that this one
        carries on (a new session that starts at that step: see :func:`resume_point`)."""
        extra = (
            {"carries_on": carries_on.session_id, "from_step": carries_on.step}
            if carries_on is not None
            else {}
        )
        return self.recorder.start(
            SESSION_KIND,
            routine.name,
            routine=routine.id,
            chair_versions=chair_versions,
            **extra,
        )

    def ratings(self, when: str, leg: int | None, back: int | None) -> None:
        self.recorder.event(f"ratings_{when}", leg=leg, back=back)

    def record(self, events: list[exercise_engine.Event]) -> None:
        """Store the engine's events as they happen. ``SessionFinished`` is the fact "the
        routine's steps ended" (``session_finished``, before the ratings after): a routine
        whose app dies on its ratings is still kept as it ended (core.sessions)."""
        for event in events:
            if not isinstance(event, exercise_engine.Cue | exercise_engine.SessionStarted):
                self.recorder.record(event)
            if isinstance(event, exercise_engine.SessionFinished):
                self.ended = event.reason

    def hurt_details(self, spreading_or_weak: bool) -> None:
        self.recorder.event("hurt_details", spreading_or_weak=spreading_or_weak)

    def finish(self, completed: bool) -> None:
        """Close the session: as its steps ended, or (they never did) as ``completed``
        says."""
        if self.recorder.active:
            said = EndReason.COMPLETED if completed else EndReason.STOPPED
            self.recorder.finish(self.ended or said)


@dataclass(frozen=True)
class ResumePoint:
    """Where a routine stopped early today can be carried on from."""

    session_id: int
    routine_id: str
    step: int  # the step it was in (numbered from 0 in the whole routine)
    chair_versions: bool


def resume_point(
    db: Database, now: datetime, routine_id: str | None = None, tz: tzinfo = LOCAL
) -> ResumePoint | None:
    """Where to carry on ``routine_id`` (the patient's own routine when ``None``) if its
    newest session of today was stopped (or cut short by the app closing) before its end;
    ``None`` otherwise.

    Carrying on is a *new* session that starts at that step and is linked to the stopped
    one (``carries_on``, ``from_step`` in its "started" event): each session's events stay
    true to what happened in it, and the new one is "completed" only if the patient really
    reaches the routine's end.
    """
    wanted = routine_id or my_routine(db).id
    repo = SessionRepository(db)
    today = now.astimezone(tz).date()
    todays = [s for s in repo.recent(20, kind=SESSION_KIND) if s.local_start.date() == today]
    events = repo.events_for([s.id for s in todays])
    for session in todays:  # newest first
        started = next((e for e in events[session.id] if e.kind == "started"), None)
        if started is None or started.data.get("routine") != wanted:
            continue
        if session_status(session.end_reason, events[session.id]) not in (
            EndReason.STOPPED,
            EndReason.INTERRUPTED,
        ):
            return None
        # In a step until it is done; once done, the next one is where to carry on.
        step = routine_replay(events[session.id]).carry_on_from
        if step is None:
            step = int(started.data.get("from_step", 0))
        routine = library.routines(db).get(wanted)
        if routine is None or step >= len(routine.steps):
            return None
        chair = bool(started.data.get("chair_versions", False))
        return ResumePoint(session.id, wanted, step, chair)
    return None


def history(db: Database, limit: int = 30) -> list[RoutineSummary]:
    """Finished routine sessions, newest first (two queries, however many there are)."""
    repo = SessionRepository(db)
    sessions = repo.recent(limit, kind=SESSION_KIND)
    events = repo.events_for([s.id for s in sessions])
    return [summarize(s, events[s.id]) for s in sessions]


def outcomes(db: Database) -> list[RoutineSummary]:
    """Every finished routine session with its start and whether it was completed, oldest
    first (:attr:`services.read_model.ReadModel.routine_outcomes`)."""
    return ReadModel(db).routine_outcomes


def routine_due(db: Database, now: datetime, tz: tzinfo = LOCAL) -> list[RoutineDue]:
    """Each active routine and whether it is due now (DESIGN 5.7, :mod:`core.due`)."""
    return list(due_at(db, now, tz).routines)


def today_items(
    db: Database, now: datetime, due: Due | None = None, tz: tzinfo = LOCAL
) -> list[TodayItem]:
    """A card per routine due; one stopped early today offers to carry on or start again."""
    due = due or due_at(db, now, tz)
    if not due.routines_due:
        return []
    found = library.routines(db)
    known = library.exercises(db)
    mine = my_routine(db).id
    items = []
    for entry in due.routines_due:
        routine = found.get(entry.routine.id)
        length = library.routine_length(routine, known) if routine else None
        name = entry.routine.name
        which = None if entry.routine.id == mine else entry.routine.id
        title = _("{routine}, {length}").format(routine=name, length=length) if length else name
        if entry.stopped_today:
            items.append(
                TodayItem(
                    key=f"routine-{entry.routine.id}",
                    title=title,
                    detail=_(
                        "You stopped this routine early today. You can carry on where you "
                        "left off, or start it again from the beginning."
                    ),
                    action_label="",
                    action="",
                    choices=(
                        (_("Carry on"), routine_action(ROUTINE_RESUME_ACTION, which)),
                        (_("Start again"), routine_action(ROUTINE_ACTION, which)),
                    ),
                )
            )
        else:
            items.append(
                TodayItem(
                    key=f"routine-{entry.routine.id}",
                    title=title,
                    detail=routine.description if routine else "",
                    action_label=_("Start the routine"),
                    action=routine_action(ROUTINE_ACTION, which),
                )
            )
    return items
