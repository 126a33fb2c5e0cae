"""Stationary cycling: the ride record and its own progression (DESIGN 5.9: "its own
progression (5.1's rules, own state)").

The rules are not copied: each ride is handed to the walking replay
(:mod:`stenosis_coach.core.walking.prescription`) as a walk-shaped record, so the numbers
(0.8, x1.1, two easy sessions, 7/10, 48 h, 72 h, 15 s steps, the 60 s floor) and a plan's
progression stay one rule. Only rides are replayed: walks never enter a ride's state, and
rides never enter a walk's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from fractions import Fraction

from stenosis_coach.core.walking.model import Walk, WalkEnd, WalkKind

# The replay itself is private to the walking prescription; reused as is (no copy of 5.1).
from stenosis_coach.core.walking.prescription import PlanStart, _run, _State
from stenosis_coach.core.words import day_text, minutes_text
from stenosis_coach.i18n import _, ngettext


class RideKind(StrEnum):
    TEST = "test"  # cycling test: pedal until symptoms make you stop (like 5.1's walking test)
    TRAINING = "training"  # training ride: bouts and planned rests


class RideEnd(StrEnum):
    COMPLETED = "completed"
    MUST_STOP = "must_stop"  # "Must stop" pressed: counts as a flare (DESIGN 5.1)
    REST_NOT_EASING = "rest_not_easing"  # 10 min of rest without easing (DESIGN 5.1)
    STOPPED = "stopped"  # ended early for another reason


@dataclass(frozen=True)
class Ride:
    """A finished cycling session.

    ``start`` is timezone-aware. ``tfs_s``: pedalling seconds until symptoms started (rests
    and pauses excluded), ``None`` when they never came; ``total_ride_s``: pedalling seconds,
    rests and pauses excluded; ``peak_leg_pain``: 0-10. ``seq`` orders rides that start at
    the same moment.
    """

    start: datetime
    kind: RideKind
    total_ride_s: Fraction
    tfs_s: Fraction | None
    peak_leg_pain: int
    bouts: int | None = None
    rests: int | None = None
    next_day_flare: bool = False
    ended_by: RideEnd = RideEnd.COMPLETED
    seq: int = 0
    notes: str = ""

    @property
    def tolerance_s(self) -> Fraction:
        """A test ride's TFS, or its total pedalling time when symptoms never came."""
        return self.tfs_s if self.tfs_s is not None else self.total_ride_s


@dataclass(frozen=True)
class RidePrescription:
    """``next_ride``: what the next cycling session is, and one plain sentence why."""

    kind: RideKind
    bout_s: Fraction | None
    rest_s: Fraction
    target_total_s: Fraction
    reason: str


def _as_walk(ride: Ride) -> Walk:
    """The ride as the 5.1 replay reads a session (only the fields its rules use)."""
    return Walk(
        start=ride.start,
        kind=WalkKind(ride.kind.value),
        total_walk_s=ride.total_ride_s,
        tfs_s=ride.tfs_s,
        peak_leg_pain=ride.peak_leg_pain,
        seq=ride.seq,
        rests=ride.rests,
        next_day_flare=ride.next_day_flare,
        ended_by=WalkEnd(ride.ended_by.value),
    )


def next_ride(
    rides: Iterable[Ride], now: datetime, plan: PlanStart | None = None
) -> RidePrescription:
    """The next cycling session after replaying ``rides`` by DESIGN 5.1's rules.

    ``plan`` is a cycling plan (never the walking one). ``now`` must be timezone-aware.
    Raises ``TypeError`` when anything but a ride is passed (walks keep their own state).
    """
    rides = list(rides)
    for r in rides:
        if not isinstance(r, Ride):
            raise TypeError(f"next_ride takes rides only, not {type(r).__name__}")
    st = _run([_as_walk(r) for r in rides], plan)
    every = plan.test_every_days if plan is not None else 7  # DESIGN 5.1: default 7 days
    tests = [r for r in rides if r.kind == RideKind.TEST]
    recent = any(r.start > now - timedelta(days=every) for r in tests)
    kind = RideKind.TRAINING if recent else RideKind.TEST
    if not rides and plan is None:
        reason = _(
            "Your first ride is a cycling test: it shows how long you can pedal before "
            "symptoms, so your training rides fit you."
        )
    elif kind == RideKind.TEST:
        last = max(tests, key=lambda r: r.start) if tests else None
        reason = (
            ngettext(
                "Your last cycling test was on {day}; you do one every {days} day.",
                "Your last cycling test was on {day}; you do one every {days} days.",
                every,
            ).format(day=day_text(last.start, now.date()), days=every)
            if last
            else _("Training rides are planned from a cycling test, and you have not done one yet.")
        )
    else:
        reason = _bout_reason(st, plan)
    return RidePrescription(kind, st.bout, st.rest, st.target, reason)


def _bout_reason(st: _State, plan: PlanStart | None) -> str:
    """One sentence: the bout shown, and the ride (or plan) that set it."""
    src, bout = st.source, minutes_text(st.bout)
    if src is None:
        assert plan is not None  # without a plan the first ride always sets the bout
        return _("{bout} bouts were set by the cycling plan you imported on {day}.").format(
            bout=bout, day=day_text(plan.at)
        )
    ride, day = src.walk, day_text(src.walk.start)
    if src.flare:
        return _("Your bouts were eased back to {bout} after a flare on {day}.").format(
            bout=bout, day=day
        )
    if src.event == "step_up":
        return _(
            "After easy rides, the last on {day}, bouts grew to {bout} and your total to {total}."
        ).format(day=day, bout=bout, total=minutes_text(st.target))
    if src.event == "shortened":
        return _("Bouts of {bout} come from your ride on {day}: symptoms came at {time}.").format(
            bout=bout, day=day, time=minutes_text(ride.tfs_s)
        )
    if ride.kind == WalkKind.TEST:
        said = (
            _("Bouts of {bout} come from your cycling test on {day}: {time} before symptoms.")
            if ride.tfs_s is not None
            else _("Bouts of {bout} come from your cycling test on {day}: {time}, no symptoms.")
        )
    else:
        said = (
            _("Bouts of {bout} come from your first ride on {day}: {time} before symptoms.")
            if ride.tfs_s is not None
            else _("Bouts of {bout} come from your first ride on {day}: {time}, no symptoms.")
        )
    return said.format(bout=bout, day=day, time=minutes_text(ride.tolerance_s))
