"""A routine laid out as a flat, planned timeline: segments, and the marks (cues, step edges)
the session engine emits as it plays them.

Everything is whole seconds from the routine's start (ints), so any offset on the timeline
is exact and a long routine cannot accumulate rounding error.

Segments of one step, in order (DESIGN 4.2: ``rest_s`` is the rest after each set and
between sides; reps within a set are paced by the hold and a short release):

* ``get_ready`` (5 s) opens every step, "Get ready: Pelvic tilt".
* Per side (one pass for ``sides: both``; ``first`` then ``second`` for ``each``), per set:
  a ``timed`` segment of ``duration_s``; or per rep a ``hold`` of ``hold_s``; or, with no
  hold, a paced ``rep`` of 3 s. A ``release`` (2 s) sits between two holds that would
  otherwise touch (between reps, and between sets when there is no rest).
* ``rest`` (``rest_s``) after each set but the last of a side. Between sides the rest is
  ``max(rest_s, 5)`` s: a ``rest`` of ``rest_s - 5`` (dropped when not positive) and then a
  5 s ``switch_side``, so there is always time to change position. No rest after the last
  set of the last side: the next step's ``get_ready`` (or the end) follows.

Cues (each a mark on the timeline):

* At a segment's start: ``next`` (get_ready, "next: pelvic tilt"), ``hold``, ``relax``
  (release), ``pace`` (each paced rep), ``start`` (timed), ``rest``, ``other_side``
  (switch_side). So no transition is silent (UI.md, "Coaching screens").
* ``tick`` "3", "2", "1" at 3, 2 and 1 s before the end of a hold, timed, rest or
  switch_side segment, only those that fall after the segment's start (a 3 s hold gets
  "2" and "1"). A rest that hands over to a switch_side has none: the count runs at the end
  of the switch, where work starts again.
* ``routine_complete`` at the end.

A segment's ``text`` and a cue's ``text`` (its on-screen twin) are in the user's language,
translated when the timeline is built (the sound is chosen by the cue id, never by its words).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from stenosis_coach.core.exercises.model import Exercise, Routine, RoutineStep, Sides
from stenosis_coach.core.words import name_in_sentence
from stenosis_coach.i18n import N_, _

# Pacing constants: the app's own choices (not from a trial), kept short and calm.
GET_READY_S = 5  # time to get into position before each step (ours)
RELEASE_S = 2  # "a short release" between holds, DESIGN 4.2 (ours: 2 s)
REP_S = 3  # one paced rep without a hold; DESIGN 5.2 lists 2-3 s moves (ours: 3 s)
SWITCH_S = 5  # minimum time to change sides (ours)
TICKS = (3, 2, 1)  # the 3-2-1 count before a segment ends (issue 4)

FIRST, SECOND = "first", "second"


class SegmentKind(StrEnum):
    GET_READY = "get_ready"
    HOLD = "hold"
    RELEASE = "release"
    REP = "rep"
    TIMED = "timed"
    REST = "rest"
    SWITCH_SIDE = "switch_side"


class CueId(StrEnum):
    TICK = "tick"
    HOLD = "hold"
    RELAX = "relax"
    REST = "rest"
    OTHER_SIDE = "other_side"
    NEXT = "next"
    PACE = "pace"
    START = "start"
    ROUTINE_COMPLETE = "routine_complete"


class MarkKind(StrEnum):
    SESSION_STARTED = "session_started"
    STEP_STARTED = "step_started"
    STEP_DONE = "step_done"
    CUE = "cue"
    FINISHED = "finished"


# What the player shows during a segment, and the words of the cue that opens it (marked
# here, translated when a timeline is built).
_TEXT = {
    SegmentKind.HOLD: N_("Hold"),
    SegmentKind.RELEASE: N_("Relax"),
    SegmentKind.REP: N_("Slow and steady"),
    SegmentKind.TIMED: N_("Keep going"),
    SegmentKind.REST: N_("Rest"),
    SegmentKind.SWITCH_SIDE: N_("Other side"),
}
_START_CUE = {
    SegmentKind.HOLD: (CueId.HOLD, N_("hold")),
    SegmentKind.RELEASE: (CueId.RELAX, N_("relax")),
    SegmentKind.TIMED: (CueId.START, N_("start")),
    SegmentKind.REST: (CueId.REST, N_("rest")),
    SegmentKind.SWITCH_SIDE: (CueId.OTHER_SIDE, N_("other side")),
}
_TICKED = {SegmentKind.HOLD, SegmentKind.TIMED, SegmentKind.REST, SegmentKind.SWITCH_SIDE}


@dataclass(frozen=True)
class Segment:
    """One stretch of the timeline. ``start_s`` is its planned offset from the routine's start.

    ``step`` indexes ``routine.steps`` (from 0); ``set_no`` and ``rep_no`` count from 1
    (a rest or release carries the set or rep just done; a switch_side the side to come);
    ``rep_no``/``reps`` are ``None`` where reps do not apply; ``side`` is ``None`` for a
    both-sides step, else ``"first"`` or ``"second"``.
    """

    kind: SegmentKind
    step: int
    exercise: str
    start_s: int
    duration_s: int
    text: str
    set_no: int
    sets: int
    rep_no: int | None = None
    reps: int | None = None
    side: str | None = None

    @property
    def end_s(self) -> int:
        return self.start_s + self.duration_s


@dataclass(frozen=True)
class Mark:
    """Something due at ``offset_s`` on the timeline: a cue or a step or session edge."""

    offset_s: int
    kind: MarkKind
    step: int | None = None
    cue_id: CueId | None = None
    text: str = ""


@dataclass(frozen=True)
class Timeline:
    """A routine's whole plan. ``step_marks[k]`` is the index in ``marks`` where step ``k``
    starts (its ``step_started``); ``step_marks[-1]`` is where the end starts."""

    routine: Routine
    names: tuple[str, ...]  # exercise name per step
    segments: tuple[Segment, ...]
    marks: tuple[Mark, ...]
    step_starts: tuple[int, ...]
    step_marks: tuple[int, ...]
    total_s: int
    segment_starts: tuple[int, ...] = ()

    def segment_at(self, position_s: float) -> Segment | None:
        """The segment playing at ``position_s``; ``None`` outside ``[0, total_s)``."""
        if position_s < 0 or position_s >= self.total_s:
            return None
        index = bisect_right(self.segment_starts, position_s) - 1
        return self.segments[index]

    def step_at(self, position_s: float) -> int:
        """The step playing at ``position_s`` (the last step at or after the end)."""
        return max(0, bisect_right(self.step_starts, position_s) - 1)

    def step_end(self, step: int) -> int:
        return self.step_starts[step + 1] if step + 1 < len(self.step_starts) else self.total_s


def check_routine(routine: Routine, exercises: Mapping[str, Exercise]) -> None:
    """Refuse a routine the engine cannot play, with a message naming the problem."""
    if not routine.steps:
        raise ValueError(f"Routine '{routine.id}' has no steps.")
    for number, step in enumerate(routine.steps, start=1):
        where = f"Routine '{routine.id}', step {number}"  # not translated: a programmer's error
        if step.exercise not in exercises:
            raise ValueError(f"{where} uses an unknown exercise '{step.exercise}'.")
        d = step.dosing
        bad = [
            name
            for name, value, low in (
                ("reps", d.reps, 1),
                ("sets", d.sets, 1),
                ("hold_s", d.hold_s, 1),
                ("duration_s", d.duration_s, 1),
                ("rest_s", d.rest_s, 0),
            )
            if value is not None and value < low
        ]
        if bad:
            raise ValueError(f"{where} ('{step.exercise}') has an impossible {bad[0]}.")


def build_timeline(routine: Routine, exercises: Mapping[str, Exercise]) -> Timeline:
    """Lay ``routine`` out as segments and marks (see the module docstring for the rules)."""
    check_routine(routine, exercises)
    segments: list[Segment] = []
    marks = [Mark(0, MarkKind.SESSION_STARTED)]
    step_starts: list[int] = []
    step_marks: list[int] = []
    for k, step in enumerate(routine.steps):
        exercise = exercises[step.exercise]
        start = segments[-1].end_s if segments else 0
        step_segments = _step_segments(k, step, exercise, start)
        step_starts.append(start)
        step_marks.append(len(marks))
        marks.append(Mark(start, MarkKind.STEP_STARTED, k))
        marks.extend(_segment_marks(step_segments, exercise))
        marks.append(Mark(step_segments[-1].end_s, MarkKind.STEP_DONE, k))
        segments.extend(step_segments)
    total = segments[-1].end_s
    step_marks.append(len(marks))
    complete = _("routine complete")
    marks.append(Mark(total, MarkKind.CUE, None, CueId.ROUTINE_COMPLETE, complete))
    marks.append(Mark(total, MarkKind.FINISHED))
    return Timeline(
        routine=routine,
        names=tuple(exercises[s.exercise].name for s in routine.steps),
        segments=tuple(segments),
        marks=tuple(marks),
        step_starts=tuple(step_starts),
        step_marks=tuple(step_marks),
        total_s=total,
        segment_starts=tuple(s.start_s for s in segments),
    )


def spoken_name(name: str) -> str:
    """An exercise's name inside a cue's sentence: 'Pelvic tilt' -> 'pelvic tilt' in
    English, as written in other languages (:func:`core.words.name_in_sentence`)."""
    return name_in_sentence(name)


def _step_segments(k: int, step: RoutineStep, exercise: Exercise, start: int) -> list[Segment]:
    d = step.dosing
    sides: tuple[str | None, ...] = (FIRST, SECOND) if d.sides == Sides.EACH else (None,)
    reps = d.reps
    out: list[Segment] = []

    def add(
        kind: SegmentKind,
        seconds: int,
        set_no: int,
        side: str | None,
        rep_no: int | None = None,
        text: str | None = None,
    ) -> None:
        at = out[-1].end_s if out else start
        text = text or _(_TEXT[kind])
        counted = reps if rep_no is not None else None
        out.append(
            Segment(kind, k, exercise.id, at, seconds, text, set_no, d.sets, rep_no, counted, side)
        )

    ready = _("Get ready: {exercise}").format(exercise=exercise.name)
    add(SegmentKind.GET_READY, GET_READY_S, 1, sides[0], text=ready)
    for side_index, side in enumerate(sides):
        for set_no in range(1, d.sets + 1):
            if d.duration_s is not None:
                add(SegmentKind.TIMED, d.duration_s, set_no, side)
            for rep in range(1, (reps or 0) + 1):
                if not d.hold_s:
                    add(SegmentKind.REP, REP_S, set_no, side, rep)
                    continue
                prev = out[-1]
                if prev.kind is SegmentKind.HOLD:  # two holds never touch
                    add(SegmentKind.RELEASE, RELEASE_S, prev.set_no, prev.side, prev.rep_no)
                add(SegmentKind.HOLD, d.hold_s, set_no, side, rep)
            if set_no < d.sets:
                if d.rest_s > 0:
                    add(SegmentKind.REST, d.rest_s, set_no, side)
            elif side_index + 1 < len(sides):
                if d.rest_s > SWITCH_S:
                    add(SegmentKind.REST, d.rest_s - SWITCH_S, set_no, side)
                add(SegmentKind.SWITCH_SIDE, SWITCH_S, 1, sides[side_index + 1])
    return out


def _segment_marks(segments: list[Segment], exercise: Exercise) -> list[Mark]:
    out: list[Mark] = []
    for i, seg in enumerate(segments):
        if seg.kind is SegmentKind.GET_READY:
            cue = CueId.NEXT
            # Translators: a cue said before an exercise; {exercise} is its name as written
            # ("Pelvic tilt"; English alone lower-cases its first letter here).
            text = _("next: {exercise}").format(exercise=spoken_name(exercise.name))
        elif seg.kind is SegmentKind.REP:
            cue = CueId.PACE
            text = _("rep {rep} of {reps}").format(rep=seg.rep_no, reps=seg.reps)
        else:
            cue, words = _START_CUE[seg.kind]
            text = _(words)
        out.append(Mark(seg.start_s, MarkKind.CUE, seg.step, cue, text))
        following = segments[i + 1] if i + 1 < len(segments) else None
        hands_over = following is not None and following.kind is SegmentKind.SWITCH_SIDE
        if seg.kind in _TICKED and not (seg.kind is SegmentKind.REST and hands_over):
            out.extend(
                Mark(seg.end_s - n, MarkKind.CUE, seg.step, CueId.TICK, str(n))
                for n in TICKS
                if n < seg.duration_s
            )
    return out
