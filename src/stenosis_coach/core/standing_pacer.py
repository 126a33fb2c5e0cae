"""The standing-task pacer (issue 17, DESIGN 5.9): chores done in blocks, with a sit between.

Seed 000: "if meal prep ... brings on pain, do them in shorter blocks and sit before
symptoms spike". A block is 80 % of the median of the last 3 standing tests (the same 80 %
DESIGN 5.1 takes of a walking test for a bout); after each block the patient sits for a
minute, then stands again, until they end the chore.

Pure Python, like the walk engine (``core.walking.engine``): every action takes ``now``, a
monotonic reading the caller supplies (a clock injected by the Qt side, a ManualClock in
tests); the pacer never reads a clock. Each action returns the events it caused; an event a
timer caused carries the moment it was *due*, so the events do not depend on how often the
caller ticks, and folding them (:func:`replay`) gives what the live pacer holds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from fractions import Fraction
from typing import ClassVar

from stenosis_coach.core.daily import DailyLog
from stenosis_coach.core.session_events import event_kinds
from stenosis_coach.core.words import minutes_text
from stenosis_coach.i18n import N_, _

TESTS_USED = 3  # DESIGN 5.9: the median of the last 3 standing tests
SHARE = Fraction(4, 5)  # DESIGN 5.9 (seed 000: sit "before symptoms spike"): 80 % of it
# The app's own choice, not a clinical number: no block under a minute, like a walking bout
# (DESIGN 5.1's fit); a shorter block would leave the chore more sitting than doing.
FLOOR_S = 60
SIT_S = 60  # DESIGN 5.9: "sit for a minute"
EPS_S = 1e-6  # float noise allowed when a planned boundary is reached


def block_length(standing_tests: Iterable[DailyLog]) -> int | None:
    """A chore's block in whole seconds: 80 % of the median of the last 3 standing tests.

    ``standing_tests``: daily logs in any order; the last 3 by day that hold a standing test
    are used (logs without one are skipped). With 1 or 2 tests, the median of those (with 2,
    their mean). ``None`` without any test. Exact (Fraction), rounded **down** to a whole
    second (never longer than 80 %), and never under :data:`FLOOR_S`. A test stopped at the
    30-min limit counts as 30 min: it is a lower bound, so the block errs on the short side.
    """
    tests = sorted(
        (log for log in standing_tests if log.standing_s is not None), key=lambda log: log.day
    )
    last = sorted(Fraction(log.standing_s) for log in tests[-TESTS_USED:] if log.standing_s)
    if not last:
        return None
    mid = len(last) // 2
    median = last[mid] if len(last) % 2 else (last[mid - 1] + last[mid]) / 2
    return max(FLOOR_S, math.floor(SHARE * median))


# --- words ---------------------------------------------------------------------------------

# What each cue says aloud; the screen shows the same words (its on-screen twin).
CUE_TEXTS = {
    "sit": N_("Time to sit for a minute"),
    "stand": N_("You can stand again"),
}


def cue_text(cue_id: str) -> str:
    """What the cue ``cue_id`` ("sit", "stand") says, in the user's language."""
    return _(CUE_TEXTS[cue_id])


def pocket_card_line(block_s: int | Fraction) -> str:
    """The pocket card's line: "Standing chores: blocks of 4:00 min, then sit for a minute"."""
    # Translators: {time} is a duration as the app writes it ("4:00 min").
    return _("Standing chores: blocks of {time}, then sit for a minute").format(
        time=minutes_text(block_s)
    )


# --- events: plain values, ``t_s`` in pacer seconds since it started ------------------------


@dataclass(frozen=True)
class PacerEvent:
    t_s: float


@dataclass(frozen=True)
class BlockStarted(PacerEvent):
    KIND: ClassVar[str] = "block_started"
    n: int
    planned_s: int


@dataclass(frozen=True)
class SitCue(PacerEvent):
    """Block ``n`` is over: "Time to sit for a minute" (said aloud and shown)."""

    KIND: ClassVar[str] = "sit_cue"
    n: int

    @property
    def text(self) -> str:
        return cue_text("sit")


@dataclass(frozen=True)
class SitEnded(PacerEvent):
    """The minute's sit after block ``n`` is over: "You can stand again"."""

    KIND: ClassVar[str] = "sit_ended"
    n: int

    @property
    def text(self) -> str:
        return cue_text("stand")


@dataclass(frozen=True)
class PacerPaused(PacerEvent):
    KIND: ClassVar[str] = "paused"


@dataclass(frozen=True)
class PacerResumed(PacerEvent):
    KIND: ClassVar[str] = "resumed"


@dataclass(frozen=True)
class PacerEnded(PacerEvent):
    """The patient ended the chore."""

    KIND: ClassVar[str] = "ended"


EVENT_KINDS: dict[str, type[PacerEvent]] = event_kinds(
    BlockStarted, SitCue, SitEnded, PacerPaused, PacerResumed, PacerEnded
)


class PacerPhase(StrEnum):
    STANDING = "standing"
    SITTING = "sitting"
    PAUSED = "paused"
    ENDED = "ended"


@dataclass(frozen=True)
class PacerSoFar:
    """What a chore amounts to after its events: the one fold, live or replayed."""

    stood_s: float = 0.0  # standing time of the ended blocks, pauses excluded
    blocks: int = 0
    sits: int = 0
    ended: bool = False
    block_from: float | None = None  # pacer time the open block started
    paused_at: float | None = None
    block_paused_s: float = 0.0  # resumed pauses since the open block started

    def then(self, event: PacerEvent) -> PacerSoFar:
        t = event.t_s
        match event:
            case BlockStarted():
                return replace(self, blocks=self.blocks + 1, block_from=t, block_paused_s=0.0)
            case SitCue():
                return replace(self, stood_s=self._stood(t), sits=self.sits + 1, block_from=None)
            case PacerPaused():
                return replace(self, paused_at=t)
            case PacerResumed() if self.paused_at is not None:
                paused = self.block_paused_s + (t - self.paused_at)
                return replace(self, paused_at=None, block_paused_s=paused)
            case PacerEnded():
                until = self.paused_at if self.paused_at is not None else t
                return replace(self, stood_s=self._stood(until), ended=True, block_from=None)
        return self

    def _stood(self, until: float) -> float:
        if self.block_from is None:
            return self.stood_s
        return self.stood_s + max(0.0, until - self.block_from - self.block_paused_s)


def replay(events: Iterable[PacerEvent]) -> PacerSoFar:
    """Fold a chore's events (live, or read back from storage)."""
    so_far = PacerSoFar()
    for event in events:
        so_far = so_far.then(event)
    return so_far


@dataclass(frozen=True)
class PacerView:
    """What a pacer screen shows at one moment."""

    phase: PacerPhase
    paused_in: PacerPhase | None
    block_n: int
    block_s: int
    left_s: float  # in the block or the sit, pauses excluded


class PacerActionError(ValueError):
    """An action the current phase does not allow (resume while standing, ...)."""


class StandingPacer:
    """One chore from ``t0`` (a monotonic reading): blocks of ``block_s`` seconds, each
    followed by a :data:`SIT_S` sit, until :meth:`end`. The first call (normally
    ``tick(t0)``) returns ``BlockStarted(1)``."""

    def __init__(self, block_s: int, t0: float) -> None:
        if block_s < FLOOR_S:
            raise ValueError(f"a block is at least {FLOOR_S} s, not {block_s}")
        self.block_s = block_s
        self._t0 = t0
        self._last = 0.0
        self._phase = PacerPhase.STANDING
        self._paused_in: PacerPhase | None = None
        self._seg_start = 0.0  # pacer time the block or sit last (re)started
        self._closed = 0.0  # time in the block or sit before the last pause
        self._n = 0
        self._so_far = PacerSoFar()
        self._out: list[PacerEvent] = []
        self._start_block(0.0)

    def tick(self, now: float) -> list[PacerEvent]:
        """Advance to ``now``: end every block and sit due by then, in order."""
        e = self._pacer_s(now)
        while self._phase in (PacerPhase.STANDING, PacerPhase.SITTING):
            length = self.block_s if self._phase is PacerPhase.STANDING else SIT_S
            due = self._seg_start + (length - self._closed)
            if due > e + EPS_S:
                break
            if self._phase is PacerPhase.STANDING:
                self._emit(SitCue(due, self._n))
                self._phase, self._seg_start, self._closed = PacerPhase.SITTING, due, 0.0
            else:
                self._emit(SitEnded(due, self._n))
                self._start_block(due)
        out, self._out = self._out, []
        return out

    def pause(self, now: float) -> list[PacerEvent]:
        e = self._act(now, PacerPhase.STANDING, PacerPhase.SITTING)
        self._closed += e - self._seg_start
        self._phase, self._paused_in = PacerPhase.PAUSED, self._phase
        self._emit(PacerPaused(e))
        return self.tick(now)

    def resume(self, now: float) -> list[PacerEvent]:
        e = self._act(now, PacerPhase.PAUSED)
        assert self._paused_in is not None
        self._phase, self._paused_in, self._seg_start = self._paused_in, None, e
        self._emit(PacerResumed(e))
        return self.tick(now)

    def end(self, now: float) -> list[PacerEvent]:
        """The patient ends the chore (from any phase but ended)."""
        e = self._act(now, PacerPhase.STANDING, PacerPhase.SITTING, PacerPhase.PAUSED)
        self._phase, self._paused_in = PacerPhase.ENDED, None
        self._emit(PacerEnded(e))
        return self.tick(now)

    @property
    def phase(self) -> PacerPhase:
        return self._phase

    @property
    def so_far(self) -> PacerSoFar:
        return self._so_far

    def view(self, now: float) -> PacerView:
        """The screen's state at ``now`` (call :meth:`tick` first)."""
        e = max(self._last, now - self._t0)
        active = self._paused_in or self._phase
        done = self._closed + (0.0 if self._phase is PacerPhase.PAUSED else e - self._seg_start)
        length = self.block_s if active is PacerPhase.STANDING else SIT_S
        left = max(0.0, length - done) if active is not PacerPhase.ENDED else 0.0
        return PacerView(self._phase, self._paused_in, self._n, self.block_s, left)

    def _start_block(self, at: float) -> None:
        self._n += 1
        self._phase, self._seg_start, self._closed = PacerPhase.STANDING, at, 0.0
        self._emit(BlockStarted(at, self._n, self.block_s))

    def _emit(self, event: PacerEvent) -> None:
        self._out.append(event)
        self._so_far = self._so_far.then(event)

    def _pacer_s(self, now: float) -> float:
        e = now - self._t0
        if e < self._last - EPS_S:
            raise ValueError(f"time went backwards: {e} s after {self._last} s")
        self._last = max(self._last, e)
        return self._last

    def _act(self, now: float, *allowed: PacerPhase) -> float:
        self._out.extend(self.tick(now))
        if self._phase not in allowed:
            raise PacerActionError(f"not while {self._phase.value}")
        return self._last
