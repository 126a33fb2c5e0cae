"""The live walk engine: a walking test or a training walk, driven by an injected clock.

Pure Python (no Qt, no SQL). Every action takes ``now``, a monotonic reading in seconds that
the caller supplies (STYLE 2); the engine never reads a clock. Each action returns the events
it caused as plain values (STYLE 3); a Qt controller calls :meth:`WalkSession.tick` from a
timer and re-emits them.

Time, exactly:

* Engine time is ``now - t0`` as a float, kept as given. Every event's ``t_s`` is engine
  time; an event a timer caused (bout end, cue, time limit, rest limit) carries the moment it
  was *due* on the engine timeline, not the moment the tick that found it came, so the events
  are the same whether the caller ticks every 0.1 s or every second.
* Planned boundaries are exact: a bout of 240 s ends when its walked time reaches 240 s and
  is recorded as exactly ``Fraction(240)``; the next phase starts at the due moment. Float
  noise in monotonic readings (about 1e-13 s) is absorbed by ``EPS_S``: a boundary counts as
  reached when the measured time is within a microsecond of it.
* A duration measured by a tap (symptoms, "need to stop", a rest ended by "ready") becomes a
  stored :class:`~fractions.Fraction` rounded to the nearest 0.1 s, halves up, from the
  float's exact value (:func:`measured`). Total walking time is the exact sum of the bouts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from fractions import Fraction
from typing import ClassVar

from stenosis_coach.core.session_events import event_kinds
from stenosis_coach.core.walking.model import Walk, WalkEnd, WalkKind
from stenosis_coach.core.walking.prescription import Prescription
from stenosis_coach.i18n import N_, _

TEST_LIMIT_S = Fraction(1800)  # DESIGN 5.1: a walking test lasts at most 30 min (Tomkins 2009)
READY_FLOOR_S = Fraction(60)  # DESIGN 5.1: a rest lasts no less than 60 s
REST_LIMIT_S = Fraction(600)  # DESIGN 5.1: 10 min of rest without easing ends the walk
WARNING_S = Fraction(30)  # issue 5: the spoken warning comes 30 s before a bout ends
RESOLUTION_S = Fraction(1, 10)  # tapped durations are stored to the nearest 0.1 s
EPS_S = 1e-6  # float noise allowed when a planned boundary is reached


class Phase(StrEnum):
    WALKING = "walking"
    RESTING = "resting"
    PAUSED = "paused"
    FINISHED = "finished"


class BoutEndReason(StrEnum):
    PLANNED = "planned"  # the bout's time was up; a rest follows
    TARGET_REACHED = "target_reached"  # the last bout of a training walk
    SYMPTOMS = "symptoms"  # "symptoms starting" ended it; a rest follows
    TIME_LIMIT = "time_limit"  # a walking test reached 30 min
    NEED_TO_STOP = "need_to_stop"
    MUST_STOP = "must_stop"


# What each cue says aloud; a Cue carries it translated (cue_text).
CUE_TEXTS = {
    "start_walking": N_("Start walking at a comfortable pace."),
    "find_a_seat_soon": N_("Thirty seconds left in this bout: find a seat soon."),
    "time_to_rest": N_("Time to rest: sit down or lean forward."),
    "ready_when_you_are": N_("You may press ready when your legs have settled."),
    "walk_complete": N_("Walk complete. Well done. Sit down and rest."),
    "test_time_limit": N_("Thirty minutes: the walking test is complete. Please stop and rest."),
}


def cue_text(cue_id: str) -> str:
    """What the cue ``cue_id`` says, in the user's language."""
    return _(CUE_TEXTS[cue_id])


class WalkActionError(ValueError):
    """An action the walk's current phase does not allow (e.g. "ready" while walking).

    The UI should not offer it; if a timer got there first, redraw from :meth:`view`."""


# --- events: plain values, ``t_s`` in engine seconds since the walk started -----------------


@dataclass(frozen=True)
class WalkEvent:
    """Something that happened; timer events carry the moment they were due."""

    t_s: float


@dataclass(frozen=True)
class WalkStarted(WalkEvent):
    KIND: ClassVar[str] = "walk_started"
    kind: WalkKind


@dataclass(frozen=True)
class BoutStarted(WalkEvent):
    KIND: ClassVar[str] = "bout_started"
    n: int
    planned_s: Fraction | None  # None: a walking test (open-ended, 30 min at most)


@dataclass(frozen=True)
class BoutEnded(WalkEvent):
    KIND: ClassVar[str] = "bout_ended"
    n: int
    walked_s: Fraction
    reason: BoutEndReason


@dataclass(frozen=True)
class RestStarted(WalkEvent):
    KIND: ClassVar[str] = "rest_started"
    n: int


@dataclass(frozen=True)
class RestEnded(WalkEvent):
    KIND: ClassVar[str] = "rest_ended"
    n: int
    rested_s: Fraction  # pauses excluded


@dataclass(frozen=True)
class SymptomsStarted(WalkEvent):
    KIND: ClassVar[str] = "symptoms_started"
    tfs_s: Fraction  # walking seconds, rests and pauses excluded


@dataclass(frozen=True)
class ReadyRefused(WalkEvent):
    KIND: ClassVar[str] = "ready_refused"
    rested_s: float
    wait_s: float  # seconds of rest still needed before "ready" is accepted


@dataclass(frozen=True)
class Paused(WalkEvent):
    """Walking or resting stopped counting."""

    KIND: ClassVar[str] = "paused"


@dataclass(frozen=True)
class Resumed(WalkEvent):
    KIND: ClassVar[str] = "resumed"
    paused_s: float


@dataclass(frozen=True)
class WalkFinished(WalkEvent):
    KIND: ClassVar[str] = "walk_finished"
    end: WalkEnd


@dataclass(frozen=True)
class OfferRedFlagCheck(WalkEvent):
    KIND: ClassVar[str] = "offer_red_flag_check"
    reason: WalkEnd  # MUST_STOP or REST_NOT_EASING: the UI opens the red-flag check


@dataclass(frozen=True)
class Cue(WalkEvent):
    """Something to say aloud, at ``at_s`` (= ``t_s``), its due time on the engine timeline."""

    KIND: ClassVar[str] = "cue"
    cue_id: str
    text: str

    @property
    def at_s(self) -> float:
        return self.t_s


Event = WalkEvent

# The events by the kind each is stored under (recorded as they happen, DESIGN 3).
EVENT_KINDS: dict[str, type[WalkEvent]] = event_kinds(
    WalkStarted,
    BoutStarted,
    BoutEnded,
    RestStarted,
    RestEnded,
    SymptomsStarted,
    ReadyRefused,
    Paused,
    Resumed,
    WalkFinished,
    OfferRedFlagCheck,
    Cue,
)


@dataclass(frozen=True)
class WalkSoFar:
    """What a walk amounts to after its events: the engine's own fold (:meth:`then`).

    The live engine keeps it as it emits its events (:attr:`WalkSession.so_far`), and a walk
    whose app died is rebuilt by folding its stored events the same way
    (``core.sessions.walk_replay``): one reading of a walk's events, live or stored.
    """

    kind: WalkKind
    bouts: tuple[Fraction, ...] = ()  # each ended bout's walked seconds, exact
    rests: int = 0
    tfs_s: Fraction | None = None
    end: WalkEnd | None = None
    bout_from: float | None = None  # engine time the bout still open started
    paused_at: float | None = None  # engine time of a pause not yet resumed
    bout_paused_s: float = 0.0  # resumed pauses since the open bout started

    @property
    def walked_s(self) -> Fraction:
        """The ended bouts' walking time, exact."""
        return sum(self.bouts, Fraction(0))

    def then(self, event: WalkEvent) -> WalkSoFar:
        """The walk after ``event``."""
        t = event.t_s
        match event:
            case WalkStarted():
                return replace(self, kind=event.kind)
            case BoutStarted():
                return replace(self, bout_from=t, bout_paused_s=0.0)
            case BoutEnded():
                return replace(self, bouts=(*self.bouts, event.walked_s), bout_from=None)
            case RestStarted():
                return replace(self, rests=self.rests + 1)
            case SymptomsStarted() if self.tfs_s is None:
                return replace(self, tfs_s=event.tfs_s)
            case Paused():
                return replace(self, paused_at=t)
            case Resumed() if self.paused_at is not None:
                paused = self.bout_paused_s + (t - self.paused_at)
                return replace(self, paused_at=None, bout_paused_s=paused)
            case WalkFinished():
                return replace(self, end=event.end)
        return self

    def walked_until(self, t_s: float) -> Fraction:
        """All the walking time at engine time ``t_s`` (a walk cut short: its last
        heartbeat), the bout still open counted up to then, or up to its pause."""
        if self.bout_from is None:
            return self.walked_s
        until = self.paused_at if self.paused_at is not None else t_s
        return self.walked_s + measured(max(0.0, until - self.bout_from - self.bout_paused_s))

    def draft(self, start: datetime, until_s: float) -> WalkDraft:
        """The walk measured up to engine time ``until_s`` (its end, or a crashed walk's
        last heartbeat); one that has not ended is "stopped"."""
        return WalkDraft(
            kind=self.kind,
            start=start,
            total_walk_s=self.walked_until(until_s),
            tfs_s=self.tfs_s,
            rests=self.rests,
            ended_by=self.end or WalkEnd.STOPPED,
        )


@dataclass(frozen=True)
class WalkDraft:
    """What a walk's summary screen starts from: measured, not yet rated. The one place a
    measured walk is made into a :class:`Walk` (:meth:`walk`), live or after a crash."""

    kind: WalkKind
    start: datetime
    total_walk_s: Fraction
    tfs_s: Fraction | None
    rests: int
    ended_by: WalkEnd

    def walk(self, peak_leg_pain: int, distance_m: Fraction | None = None, notes: str = "") -> Walk:
        return Walk(
            start=self.start,
            kind=self.kind,
            total_walk_s=self.total_walk_s,
            tfs_s=self.tfs_s,
            peak_leg_pain=peak_leg_pain,
            rests=self.rests,
            ended_by=self.ended_by,
            distance_m=distance_m,
            notes=notes,
        )


def replay(events: Iterable[WalkEvent], kind: WalkKind) -> WalkSoFar:
    """Fold a walk's events (live, or read back from storage) into what it amounts to."""
    so_far = WalkSoFar(kind)
    for event in events:
        so_far = so_far.then(event)
    return so_far


@dataclass(frozen=True)
class WalkView:
    """What the walk screen shows at one moment (seconds as floats, for display)."""

    kind: WalkKind
    phase: Phase
    paused_in: Phase | None  # the phase a pause interrupted
    timer_s: float  # the big timer: walked in this bout (training) or in all (test)
    bout_n: int
    bout_planned_s: Fraction | None
    bout_left_s: float | None
    rest_s: float  # rest so far in the current rest, pauses excluded
    rest_planned_s: Fraction  # the guide, not a limit
    ready_allowed: bool
    ready_in_s: float
    total_walked_s: float
    target_s: Fraction | None  # None for a test
    bouts_done: int
    rests_taken: int
    tfs_s: Fraction | None
    progress: float  # of the target (training) or of the 30-min limit (test), 0..1
    instruction: str
    ended_by: WalkEnd | None


def measured(seconds: float) -> Fraction:
    """A tapped duration as stored: nearest 0.1 s, halves up, exact (239.97 -> 240)."""
    steps = math.floor(Fraction(seconds) / RESOLUTION_S + Fraction(1, 2))
    return max(Fraction(0), steps * RESOLUTION_S)


class WalkSession:
    """One walk from ``t0`` (a monotonic reading): a walking test or a training walk.

    ``plan`` is a :class:`Prescription` or anything with its ``kind``, ``bout_s``, ``rest_s``
    and ``target_total_s`` (a therapist's plan values). Actions the current phase does not
    allow raise :class:`WalkActionError`; timer events fired before the refusal are kept and
    come with the next call.

    The first call (normally ``tick(t0)``) returns ``WalkStarted``, ``BoutStarted(1)`` and the
    ``start_walking`` cue. :meth:`view` does not advance the walk: call :meth:`tick` first.
    """

    def __init__(self, plan: Prescription, t0: float) -> None:
        self.kind = WalkKind(plan.kind)
        self.rest_planned_s = Fraction(plan.rest_s)
        if self.kind == WalkKind.TRAINING:
            if plan.bout_s is None or plan.bout_s <= 0 or plan.target_total_s <= 0:
                raise ValueError("a training walk needs a bout and a target above 0 s")
            self.bout_s: Fraction | None = Fraction(plan.bout_s)
            self.target_s: Fraction | None = Fraction(plan.target_total_s)
        else:
            self.bout_s = self.target_s = None
        self._t0 = t0
        self._last = 0.0
        self._phase = Phase.WALKING
        self._paused_in: Phase | None = None
        self._paused_at = 0.0
        self._seg_start = 0.0  # engine time the running bout or rest last (re)started
        self._closed = 0.0  # time in the current bout or rest before the last pause
        self._plan: list[tuple[Fraction, str]] = []  # (bout or rest seconds, timer) pending
        self._bout_n = 0
        self._planned: Fraction | None = None
        self._so_far = WalkSoFar(self.kind)  # bouts, rests, symptoms, end: the events' fold
        self._out: list[Event] = []
        self._emit(WalkStarted(0.0, self.kind))
        self._start_bout(0.0)

    # --- actions ----------------------------------------------------------------------------

    def tick(self, now: float) -> list[Event]:
        """Advance to ``now``: fire every timer due by then, in timeline order."""
        e = self._engine_s(now)
        while self._phase in (Phase.WALKING, Phase.RESTING) and self._plan:
            offset, timer = self._plan[0]
            due = self._seg_start + (float(offset) - self._closed)
            if due > e + EPS_S:
                break
            self._plan.pop(0)
            self._fire(timer, offset, due)
        out, self._out = self._out, []
        return out

    def symptoms_starting(self, now: float) -> list[Event]:
        """Record the time to first symptoms (once); in a training bout, end it and rest."""
        e = self._act(now, Phase.WALKING, Phase.RESTING, Phase.PAUSED)
        in_bout = Phase.WALKING in (self._phase, self._paused_in)
        if self._so_far.tfs_s is None:
            current = measured(self._amount(e)) if in_bout else Fraction(0)
            self._emit(SymptomsStarted(e, self._total() + self._clip(current)))
        if in_bout and self.kind == WalkKind.TRAINING:
            paused = self._phase == Phase.PAUSED
            self._end_bout(e, self._clip(measured(self._amount(e))), BoutEndReason.SYMPTOMS)
            if self._phase == Phase.RESTING and paused:  # the rest starts when they resume
                self._phase, self._paused_in = Phase.PAUSED, Phase.RESTING
        return self.tick(now)

    def ready(self, now: float) -> list[Event]:
        """End the rest ("symptoms eased — ready") and start the next bout; from 60 s of rest."""
        e = self._act(now, Phase.RESTING)
        rested = self._amount(e)
        if rested < float(READY_FLOOR_S) - EPS_S:
            self._emit(ReadyRefused(e, rested, float(READY_FLOOR_S) - rested))
            return self.tick(now)
        self._emit(RestEnded(e, self._so_far.rests, measured(rested)))
        self._start_bout(e)
        return self.tick(now)

    def pause(self, now: float) -> list[Event]:
        """An interruption: neither walking nor rest time counts until :meth:`resume`."""
        e = self._act(now, Phase.WALKING, Phase.RESTING)
        self._closed += e - self._seg_start
        self._phase, self._paused_in, self._paused_at = Phase.PAUSED, self._phase, e
        self._emit(Paused(e))
        return self.tick(now)

    def resume(self, now: float) -> list[Event]:
        e = self._act(now, Phase.PAUSED)
        assert self._paused_in is not None
        self._phase, self._paused_in, self._seg_start = self._paused_in, None, e
        self._emit(Resumed(e, e - self._paused_at))
        return self.tick(now)

    def must_stop(self, now: float) -> list[Event]:
        """End the walk ("must stop"); the UI then opens the red-flag check."""
        e = self._act(now, Phase.WALKING, Phase.RESTING, Phase.PAUSED)
        self._close(e, BoutEndReason.MUST_STOP)
        self._finish(e, WalkEnd.MUST_STOP)
        return self.tick(now)

    def need_to_stop(self, now: float) -> list[Event]:
        """The end of a walking test; a training walk ended early (``STOPPED``)."""
        e = self._act(now, Phase.WALKING, Phase.RESTING, Phase.PAUSED)
        self._close(e, BoutEndReason.NEED_TO_STOP)
        if self.kind == WalkKind.TEST:
            self._finish(e, WalkEnd.COMPLETED, "walk_complete")
        else:
            self._finish(e, WalkEnd.STOPPED)
        return self.tick(now)

    # --- reading ----------------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self._phase

    def view(self, now: float) -> WalkView:
        e = max(self._last, now - self._t0)
        active = self._paused_in or self._phase
        amount = self._amount(e)
        in_bout = active == Phase.WALKING and self._phase != Phase.FINISHED
        limit = self._planned if self.kind == WalkKind.TRAINING else TEST_LIMIT_S
        bout = min(amount, float(limit)) if in_bout and limit is not None else 0.0
        done = float(self._total())
        total = done + bout
        rest = min(amount, float(REST_LIMIT_S)) if active == Phase.RESTING else 0.0
        wait = max(0.0, float(READY_FLOOR_S) - rest) if active == Phase.RESTING else 0.0
        whole = self.target_s if self.target_s is not None else TEST_LIMIT_S
        return WalkView(
            kind=self.kind,
            phase=self._phase,
            paused_in=self._paused_in,
            timer_s=bout if self.kind == WalkKind.TRAINING else total,
            bout_n=self._bout_n,
            bout_planned_s=self._planned,
            bout_left_s=float(self._planned) - bout if in_bout and self._planned else None,
            rest_s=rest,
            rest_planned_s=self.rest_planned_s,
            ready_allowed=self._phase == Phase.RESTING and wait <= EPS_S,
            ready_in_s=wait,
            total_walked_s=total,
            target_s=self.target_s,
            bouts_done=len(self._so_far.bouts),
            rests_taken=self._so_far.rests,
            tfs_s=self._so_far.tfs_s,
            progress=min(1.0, total / float(whole)),
            instruction=self._instruction(wait),
            ended_by=self._so_far.end,
        )

    @property
    def so_far(self) -> WalkSoFar:
        """What the walk amounts to after the events emitted so far (its own fold)."""
        return self._so_far

    def draft(self, start: datetime) -> WalkDraft:
        """The finished walk as measured, for its summary (which asks the leg pain)."""
        if self._so_far.end is None:
            raise WalkActionError("the walk has not finished yet")
        if start.tzinfo is None:
            raise ValueError("the walk's start must be timezone-aware")
        return self._so_far.draft(start, self._last)

    def result(self, peak_leg_pain: int, start: datetime) -> Walk:
        """The finished walk; ``peak_leg_pain`` (0-10) comes from the end-of-walk summary."""
        draft = self.draft(start)
        pain = peak_leg_pain
        if isinstance(pain, bool) or not isinstance(pain, int) or not 0 <= pain <= 10:
            raise ValueError("peak leg pain must be a whole number from 0 to 10")
        return draft.walk(peak_leg_pain)

    # --- inside -----------------------------------------------------------------------------

    def _total(self) -> Fraction:
        return self._so_far.walked_s

    def _emit(self, event: Event) -> None:
        """Give ``event`` out with the next call's events, and fold it into the walk."""
        self._out.append(event)
        self._so_far = self._so_far.then(event)

    def _engine_s(self, now: float) -> float:
        e = now - self._t0
        if e < self._last - EPS_S:
            raise ValueError(f"time went backwards: {e} s after {self._last} s")
        self._last = max(self._last, e)
        return self._last

    def _act(self, now: float, *allowed: Phase) -> float:
        """Fire due timers up to ``now``, then check the action fits the phase."""
        self._out.extend(self.tick(now))
        if self._phase not in allowed:
            raise WalkActionError(f"not possible while the walk is {self._phase.value}")
        return self._last

    def _amount(self, e: float) -> float:
        """Seconds in the current bout or rest, pauses excluded."""
        running = self._phase in (Phase.WALKING, Phase.RESTING)
        return self._closed + (e - self._seg_start if running else 0.0)

    def _clip(self, walked: Fraction) -> Fraction:
        limit = self._planned if self.kind == WalkKind.TRAINING else TEST_LIMIT_S
        return walked if limit is None else min(walked, limit)

    def _cue(self, at: float, cue_id: str) -> None:
        self._emit(Cue(at, cue_id, cue_text(cue_id)))

    def _start_bout(self, at: float) -> None:
        self._bout_n += 1
        self._phase, self._seg_start, self._closed = Phase.WALKING, at, 0.0
        if self.kind == WalkKind.TEST:
            self._planned = None
            self._plan = [(TEST_LIMIT_S, "test_limit")]
        else:
            assert self.bout_s is not None and self.target_s is not None
            self._planned = min(self.bout_s, self.target_s - self._total())
            self._plan = [(self._planned, "bout_end")]
            if self._planned > WARNING_S:
                self._plan.insert(0, (self._planned - WARNING_S, "find_a_seat_soon"))
        self._emit(BoutStarted(at, self._bout_n, self._planned))
        self._cue(at, "start_walking")

    def _start_rest(self, at: float) -> None:
        self._phase, self._seg_start, self._closed = Phase.RESTING, at, 0.0
        self._plan = [(READY_FLOOR_S, "ready_when_you_are"), (REST_LIMIT_S, "rest_limit")]
        self._emit(RestStarted(at, self._so_far.rests + 1))
        self._cue(at, "time_to_rest")

    def _end_bout(self, at: float, walked: Fraction, reason: BoutEndReason) -> None:
        """Close a training bout; then rest, or finish when the target is met."""
        assert self.target_s is not None
        done = self._total() + walked >= self.target_s
        if done and reason == BoutEndReason.PLANNED:
            reason = BoutEndReason.TARGET_REACHED
        self._emit(BoutEnded(at, self._bout_n, walked, reason))
        if done:
            self._finish(at, WalkEnd.COMPLETED, "walk_complete")
        else:
            self._start_rest(at)

    def _fire(self, timer: str, offset: Fraction, due: float) -> None:
        if timer in ("find_a_seat_soon", "ready_when_you_are"):
            self._cue(due, timer)
        elif timer == "bout_end":
            self._end_bout(due, offset, BoutEndReason.PLANNED)
        elif timer == "test_limit":
            self._emit(BoutEnded(due, self._bout_n, offset, BoutEndReason.TIME_LIMIT))
            self._finish(due, WalkEnd.COMPLETED, "test_time_limit")
        else:  # rest_limit: 10 min without easing (DESIGN 5.1)
            self._emit(RestEnded(due, self._so_far.rests, offset))
            self._finish(due, WalkEnd.REST_NOT_EASING)

    def _close(self, at: float, reason: BoutEndReason) -> None:
        """Close the running (or paused) bout or rest at ``at``, as measured."""
        active = self._paused_in or self._phase
        amount = measured(self._amount(at))
        if active == Phase.WALKING:
            self._emit(BoutEnded(at, self._bout_n, self._clip(amount), reason))
        elif active == Phase.RESTING:
            self._emit(RestEnded(at, self._so_far.rests, min(amount, REST_LIMIT_S)))

    def _finish(self, at: float, end: WalkEnd, cue_id: str | None = None) -> None:
        self._phase, self._paused_in, self._plan = Phase.FINISHED, None, []
        if cue_id is not None:
            self._cue(at, cue_id)
        self._emit(WalkFinished(at, end))
        if end in (WalkEnd.MUST_STOP, WalkEnd.REST_NOT_EASING):
            self._emit(OfferRedFlagCheck(at, end))

    def _instruction(self, wait: float) -> str:
        phase = self._phase
        if phase == Phase.PAUSED:
            return _("Paused: this time is not counted. Press Resume to carry on.")
        if phase == Phase.RESTING:
            if wait <= EPS_S:
                return _(
                    "Sit down or lean forward until your legs settle. Press ready when they have."
                )
            return _("Sit down or lean forward until your legs settle.")
        if phase == Phase.WALKING and self.kind == WalkKind.TRAINING:
            return _("Walk at a comfortable pace. I'll tell you when to rest.")
        if phase == Phase.WALKING and self._so_far.tfs_s is None:
            return _(
                "Walk at a comfortable pace. Press \u201cSymptoms starting\u201d when you first "
                "feel them, then keep going until you need to stop."
            )
        if phase == Phase.WALKING:
            return _("Keep going at a comfortable pace until you need to stop.")
        end = self._so_far.end or WalkEnd.STOPPED
        if end is WalkEnd.COMPLETED:
            return _("Walk complete. Well done: sit down and rest.")
        if end is WalkEnd.MUST_STOP:
            return _("Walk stopped. Please answer a few safety questions.")
        if end is WalkEnd.REST_NOT_EASING:
            return _(
                "Your legs have not settled after 10 minutes of rest, so the walk has ended. "
                "Please answer a few safety questions."
            )
        return _("Walk ended early. Sit down and rest.")
