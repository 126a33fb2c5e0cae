"""The exercise-session engine: plays a routine's timeline against an injected clock.

Qt-free and clock-free (STYLE 2, 3): every method takes ``now``, monotonic seconds, and the
engine never reads a clock. Actions return the events they cause as plain frozen values;
the one Qt controller calls :meth:`ExerciseSession.tick` from a timer, plays the cues and
hands the rest to the recorder (DESIGN 3). The same calls at the same times always give
the same events.

**Engine time** is active seconds since the session's start ``t0``: it runs while the
session runs and is frozen while paused and once finished. Every event's ``t_s`` is engine
time. Events the timeline causes (``StepStarted``, ``StepDone``, a completed
``SessionFinished``) carry the engine time they were due, so a late tick cannot blur the
record; user actions carry the engine time of the call; a ``Cue`` carries both its due
time ``at_s`` and the time it was emitted ``t_s`` (``late_s`` is the difference).

**The plan.** :func:`~stenosis_coach.core.exercises.timeline.build_timeline` lays the
routine out in whole seconds (rules in that module). The engine keeps a plan origin: the
timeline offset ``plan_offset`` plays at engine time ``plan_origin`` (at first 0 and 0), so
the position on the timeline is ``plan_offset + (engine - plan_origin)`` and a mark at
offset ``o`` is due at engine time ``plan_origin + (o - plan_offset)``, an exact integer
until a skip or back. Nothing is accumulated tick by tick, so nothing drifts. Skip and
back re-plan: the target step's start plays at the engine time of the call.

**States.** ::

    RUNNING --pause(now)---------------> PAUSED (reason "user")
    RUNNING --this_hurts(now, r)-------> PAUSED (reason "hurt"), after a Hurt event
    PAUSED  --resume(now)--------------> RUNNING (Resumed carries the paused seconds)
    RUNNING --tick reaches the end-----> FINISHED (completed; "routine complete" cue)
    RUNNING/PAUSED --stop(now)---------> FINISHED (stopped)
    RUNNING/PAUSED --skip on last step-> FINISHED (completed)
    RUNNING/PAUSED --skip/back---------> same state, re-planned from now

Every action first catches up to ``now`` exactly as ``tick(now)`` would, emitting each mark
due at or before it, in timeline order, once. While paused nothing is emitted from the
timeline (no cue ever plays while paused); marks due at the pause moment come out on
resume. A ``now`` earlier than one already seen is treated as the latest one seen.
After FINISHED every action returns ``[]``. Steps are numbered from 0.

**Carrying on.** ``start_step=k`` plays the same routine from the start of step ``k`` (a
routine stopped early, carried on later): engine time still starts at 0, the timeline
starts at step ``k``'s offset, ``SessionStarted.planned_s`` is what is left, and the view's
step numbers and progress are those of the whole routine. The session completes only when
the routine's end is reached.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import ClassVar

from stenosis_coach.core.exercises.model import Exercise, Routine
from stenosis_coach.core.exercises.timeline import (
    CueId,
    Mark,
    MarkKind,
    Segment,
    Timeline,
    build_timeline,
)
from stenosis_coach.core.session_events import EndReason, event_kinds
from stenosis_coach.i18n import _

BACK_GRACE_S = 2.0  # "back" within the first 2 s of a step goes to the previous one (issue 4)


class PauseReason(StrEnum):
    USER = "user"
    HURT = "hurt"  # paused by "this hurts" while the user answers (skip or stop offered)


@dataclass(frozen=True)
class Event:
    """Something that happened; ``t_s`` is engine seconds since the session's start."""

    t_s: float


@dataclass(frozen=True)
class SessionStarted(Event):
    KIND: ClassVar[str] = "session_started"
    routine: str
    planned_s: int


@dataclass(frozen=True)
class StepStarted(Event):
    KIND: ClassVar[str] = "step_started"
    step: int
    exercise: str


@dataclass(frozen=True)
class StepDone(Event):
    KIND: ClassVar[str] = "step_done"
    step: int
    exercise: str


@dataclass(frozen=True)
class StepSkipped(Event):
    """``step`` was skipped. ``left_s`` is how much of its planned time the skip left
    undone and ``planned_s`` the session's planned time (what was left of the routine
    when it started), so a routine skipped through to its end is not counted as done
    (DESIGN 5.7, :func:`~stenosis_coach.core.sessions.routine_done`). Both follow from
    the plan and the moment, so they are not part of an event's identity."""

    KIND: ClassVar[str] = "step_skipped"
    step: int
    exercise: str
    left_s: float = field(default=0.0, compare=False)
    planned_s: float = field(default=0.0, compare=False)


@dataclass(frozen=True)
class SteppedBack(Event):
    """``back`` left ``step`` to start ``to_step`` again (the same step, or the one before)."""

    KIND: ClassVar[str] = "stepped_back"
    step: int
    to_step: int


@dataclass(frozen=True)
class Paused(Event):
    KIND: ClassVar[str] = "paused"
    reason: PauseReason = PauseReason.USER


@dataclass(frozen=True)
class Resumed(Event):
    KIND: ClassVar[str] = "resumed"
    paused_s: float  # monotonic seconds the pause lasted (engine time did not move)


@dataclass(frozen=True)
class Hurt(Event):
    KIND: ClassVar[str] = "hurt"
    rating: int  # 0-10
    step: int
    exercise: str


@dataclass(frozen=True)
class SessionFinished(Event):
    KIND: ClassVar[str] = "session_finished"
    reason: EndReason  # COMPLETED or STOPPED


@dataclass(frozen=True)
class Cue(Event):
    """A sound or spoken cue; ``text`` is its on-screen twin (UI.md, "Sound")."""

    KIND: ClassVar[str] = "cue"
    cue_id: CueId
    text: str
    at_s: float  # when it was due, engine time; ``t_s`` is when it was emitted
    exercise: str | None = None  # for ``next``: the exercise id announced (its sound file)

    @property
    def late_s(self) -> float:
        return self.t_s - self.at_s


# The events by the kind each is stored under (recorded as they happen, DESIGN 3).
EVENT_KINDS: dict[str, type[Event]] = event_kinds(
    SessionStarted,
    StepStarted,
    StepDone,
    StepSkipped,
    SteppedBack,
    Paused,
    Resumed,
    Hurt,
    SessionFinished,
    Cue,
)


@dataclass(frozen=True)
class RoutineSoFar:
    """What a routine session amounts to after its events: the engine's own fold
    (:meth:`then`), over the live engine's events or the stored ones read back
    (``core.sessions.routine_replay``): one reading of a session's steps.

    Each step counts once: a step skipped, then gone back to and done, is done.
    """

    steps: frozenset[int] = frozenset()  # gone through (started, done or skipped)
    done: frozenset[int] = frozenset()
    skipped: frozenset[int] = frozenset()
    # What each skip left undone of its step (a step done since is taken out), and the
    # session's planned time, both as the skips said them (older skips said neither).
    skipped_left_s: tuple[tuple[int, float], ...] = ()
    planned_s: float = 0.0
    worst_hurt: int | None = None
    end: EndReason | None = None  # how its steps ended (None: they never did)
    # Where to carry it on: the step it was in, or the one after the last step done
    # (None: no step started yet).
    carry_on_from: int | None = None

    @property
    def skipped_share(self) -> float:
        """The share (0..1) of the planned time the skips left undone."""
        if self.planned_s <= 0:
            return 0.0
        return min(1.0, sum(left for _, left in self.skipped_left_s) / self.planned_s)

    def then(self, event: Event) -> RoutineSoFar:
        """The session after ``event``."""
        match event:
            case StepStarted():
                return replace(self, steps=self.steps | {event.step}, carry_on_from=event.step)
            case StepDone():
                left = tuple((s, x) for s, x in self.skipped_left_s if s != event.step)
                return replace(
                    self,
                    carry_on_from=event.step + 1,
                    steps=self.steps | {event.step},
                    done=self.done | {event.step},
                    skipped=self.skipped - {event.step},
                    skipped_left_s=left,
                )
            case StepSkipped():
                left = tuple((s, x) for s, x in self.skipped_left_s if s != event.step)
                skipped = self.skipped if event.step in self.done else self.skipped | {event.step}
                return replace(
                    self,
                    steps=self.steps | {event.step},
                    skipped=skipped,
                    skipped_left_s=(*left, (event.step, event.left_s)),
                    planned_s=max(self.planned_s, event.planned_s),
                )
            case Hurt():
                return replace(self, worst_hurt=max(self.worst_hurt or 0, event.rating))
            case SessionFinished():
                return replace(self, end=event.reason)
        return self


def replay(events: Iterable[Event]) -> RoutineSoFar:
    """Fold a routine session's events (live, or read back from storage)."""
    so_far = RoutineSoFar()
    for event in events:
        so_far = so_far.then(event)
    return so_far


@dataclass(frozen=True)
class SessionView:
    """A snapshot for the player. ``segment`` is ``None`` once finished."""

    segment: Segment | None
    remaining_s: float  # seconds left in the segment (engine time)
    step: int
    steps: int
    progress: float  # 0..1 through the routine's planned time
    next_up: str  # "Next: Pelvic tilt", "Last exercise", or "" once finished
    paused: bool
    pause_reason: PauseReason | None
    finished: bool
    finish_reason: EndReason | None
    elapsed_s: float  # active seconds, pauses excluded

    @property
    def countdown(self) -> int:
        """Whole seconds for the big countdown (3.2 s left shows 4, as a countdown should)."""
        return max(0, math.ceil(round(self.remaining_s, 6)))

    @property
    def set_no(self) -> int | None:
        return self.segment.set_no if self.segment else None

    @property
    def sets(self) -> int | None:
        return self.segment.sets if self.segment else None

    @property
    def rep_no(self) -> int | None:
        return self.segment.rep_no if self.segment else None

    @property
    def reps(self) -> int | None:
        return self.segment.reps if self.segment else None

    @property
    def side(self) -> str | None:
        return self.segment.side if self.segment else None


class ExerciseSession:
    """One run through a routine. Raises ``ValueError`` (naming the problem) for a routine
    with no steps or an unknown exercise. See the module docstring for the state machine."""

    def __init__(
        self,
        routine: Routine,
        exercises: Mapping[str, Exercise],
        t0: float,
        start_step: int = 0,
    ) -> None:
        self.timeline: Timeline = build_timeline(routine, exercises)
        if not 0 <= start_step < len(routine.steps):
            raise ValueError(
                f"The routine has steps 0 to {len(routine.steps) - 1}, not step {start_step}."
            )
        self.start_step = start_step
        self.routine = routine
        self.t0 = t0
        self._last_now = t0
        self._active_base = 0.0  # engine time when the clock last started running
        self._run_since = t0  # monotonic time it started running
        self._plan_origin = 0.0
        self._plan_offset = self.timeline.step_starts[start_step]
        self._next = 0  # index of the next mark to emit
        self._pause: PauseReason | None = None
        self._paused_at = t0
        self._finish: EndReason | None = None
        self._end_e = 0.0

    # -- actions ------------------------------------------------------------------------------

    def tick(self, now: float) -> list[Event]:
        """Emit everything due at or before ``now``."""
        return self._catch_up(now)

    def pause(self, now: float) -> list[Event]:
        return self._pause_at(now, PauseReason.USER)

    def resume(self, now: float) -> list[Event]:
        events = self._catch_up(now)
        if self._pause is None or self._finish is not None:
            return events
        events.append(Resumed(self._active_base, paused_s=self._last_now - self._paused_at))
        self._pause = None
        self._run_since = self._last_now
        return events + self._catch_up(self._last_now)

    def skip(self, now: float) -> list[Event]:
        """Leave the current step for the next one (on the last step: finish, completed)."""
        events = self._catch_up(now)
        if self._finish is not None:
            return events
        e = self._engine()
        step = self._step(e)
        timeline = self.timeline
        left = max(0.0, timeline.step_end(step) - self._position(e))
        planned = timeline.total_s - timeline.step_starts[self.start_step]
        events.append(StepSkipped(e, step, self.routine.steps[step].exercise, left, planned))
        self._replan(step + 1, e)
        return events + self._drain(e, force=step + 1 == len(self.routine.steps))

    def back(self, now: float) -> list[Event]:
        """Start the current step again, or the previous one within its first 2 s."""
        events = self._catch_up(now)
        if self._finish is not None:
            return events
        e = self._engine()
        step = self._step(e)
        into = self._position(e) - self.timeline.step_starts[step]
        target = step - 1 if into < BACK_GRACE_S and step > 0 else step
        events.append(SteppedBack(e, step, target))
        self._replan(target, e)
        return events + self._drain(e)

    def stop(self, now: float) -> list[Event]:
        events = self._catch_up(now)
        if self._finish is not None:
            return events
        e = self._engine()
        self._finish, self._end_e = EndReason.STOPPED, e
        return [*events, SessionFinished(e, EndReason.STOPPED)]

    def this_hurts(self, now: float, rating: int) -> list[Event]:
        """Record a pain rating (0-10) and pause while the user chooses skip, stop or go on."""
        if isinstance(rating, bool) or not isinstance(rating, int) or not 0 <= rating <= 10:
            raise ValueError(f"A pain rating is a whole number from 0 to 10, not {rating!r}.")
        events = self._catch_up(now)
        if self._finish is not None:
            return events
        e = self._engine()
        step = self._step(e)
        events.append(Hurt(e, rating, step, self.routine.steps[step].exercise))
        return events + self._pause_at(self._last_now, PauseReason.HURT)

    # -- queries ------------------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self._finish is not None

    @property
    def paused(self) -> bool:
        return self._pause is not None and self._finish is None

    def next_due_at(self, now: float) -> float | None:
        """The monotonic time the next mark falls due (for a precise single-shot timer);
        ``None`` while paused or once finished."""
        if self._pause is not None or self._finish is not None:
            return None
        due = self._due(self.timeline.marks[self._next])
        return max(now, self._run_since + (due - self._active_base))

    def view(self, now: float) -> SessionView:
        """What the player shows at ``now`` (a query: it changes nothing)."""
        e = self._engine(max(now, self._last_now))
        timeline = self.timeline
        position = min(max(self._position(e), 0.0), float(timeline.total_s))
        segment = None if self._finish is not None else timeline.segment_at(position)
        step = segment.step if segment else timeline.step_at(position)
        remaining = segment.end_s - position if segment else 0.0
        if segment is None:
            next_up = ""
        elif step + 1 < len(timeline.names):
            # Translators: shown under the exercise being done; {exercise} is the name of
            # the one after it, as written ("Next: Glute bridge").
            next_up = _("Next: {exercise}").format(exercise=timeline.names[step + 1])
        else:
            # Translators: shown under the exercise being done when no other follows.
            next_up = _("Last exercise")
        progress = 1.0 if self._finish is EndReason.COMPLETED else position / timeline.total_s
        return SessionView(
            segment=segment,
            remaining_s=remaining,
            step=step,
            steps=len(timeline.names),
            progress=progress,
            next_up=next_up,
            paused=self.paused,
            pause_reason=self._pause if self._finish is None else None,
            finished=self._finish is not None,
            finish_reason=self._finish,
            elapsed_s=e,
        )

    # -- internals ----------------------------------------------------------------------------

    def _engine(self, now: float | None = None) -> float:
        if self._finish is not None:
            return self._end_e
        if self._pause is not None:
            return self._active_base
        at = self._last_now if now is None else now
        return self._active_base + (at - self._run_since)

    def _position(self, e: float) -> float:
        return self._plan_offset + (e - self._plan_origin)

    def _due(self, mark: Mark) -> float:
        return self._plan_origin + (mark.offset_s - self._plan_offset)

    def _step(self, e: float) -> int:
        return self.timeline.step_at(self._position(e))

    def _replan(self, step: int, e: float) -> None:
        self._next = self.timeline.step_marks[step]
        self._plan_offset = self.timeline.marks[self._next].offset_s
        self._plan_origin = e

    def _pause_at(self, now: float, reason: PauseReason) -> list[Event]:
        events = self._catch_up(now)
        if self._pause is not None or self._finish is not None:
            return events
        self._active_base = self._engine()
        self._pause, self._paused_at = reason, self._last_now
        return [*events, Paused(self._active_base, reason)]

    def _catch_up(self, now: float) -> list[Event]:
        self._last_now = max(now, self._last_now)
        if self._pause is not None or self._finish is not None:
            return []
        return self._drain(self._engine())

    def _drain(self, e: float, force: bool = False) -> list[Event]:
        """Emit the marks due at or before engine time ``e`` (while running, or ``force``)."""
        if (self._pause is not None and not force) or self._finish is not None:
            return []
        events: list[Event] = []
        marks = self.timeline.marks
        if self._next == 0 and self.start_step:
            # Carrying on: "started" now, then straight to the start of ``start_step``.
            self._next = self.timeline.step_marks[self.start_step]
            events.append(self._event(marks[0], 0.0, e))
        while self._next < len(marks) and self._due(marks[self._next]) <= e:
            mark = marks[self._next]
            self._next += 1
            events.append(self._event(mark, self._due(mark), e))
            if mark.kind is MarkKind.FINISHED:
                self._finish, self._end_e = EndReason.COMPLETED, self._due(mark)
                break
        return events

    def _event(self, mark: Mark, due: float, e: float) -> Event:
        if mark.kind is MarkKind.CUE:
            assert mark.cue_id is not None
            announced = None
            if mark.cue_id is CueId.NEXT and mark.step is not None:
                announced = self.routine.steps[mark.step].exercise
            return Cue(e, mark.cue_id, mark.text, due, announced)
        if mark.kind is MarkKind.SESSION_STARTED:
            planned = self.timeline.total_s - self.timeline.step_starts[self.start_step]
            return SessionStarted(due, self.routine.id, planned)
        if mark.kind is MarkKind.FINISHED:
            return SessionFinished(due, EndReason.COMPLETED)
        assert mark.step is not None
        exercise = self.routine.steps[mark.step].exercise
        kind = StepStarted if mark.kind is MarkKind.STEP_STARTED else StepDone
        return kind(due, mark.step, exercise)
