"""The next walk's prescription: a replay of every walk (DESIGN 5.1, a contract).

All arithmetic is exact (:class:`fractions.Fraction`): the replay must give the same bout on
every machine, and the worked examples in ``tests/fixtures`` must come out to the second.

Two edge cases the contract leaves open, decided here:

* "A test walk in the last N days" means a test whose ``start > now - N days``: a test done
  exactly ``test_every_days`` ago is due again, so a weekly test at the same hour stays weekly.
  Every stored walk is looked at for this, including walks from before a plan's import.
* A plan imported at P starts the replay with its bout, rest, target and progression and with
  an empty history (no streak, no flare, no step-up): walks before P are not replayed at all.
  As the plan gives a bout, ``bout is None`` never holds after it, so the first training walk
  after P does **not** re-anchor the bout; only a walking test does.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from stenosis_coach.core.walking.model import Walk, WalkEnd, WalkKind, replay_order
from stenosis_coach.core.words import day_text, minutes_text

Number = int | float | Decimal | Fraction | str

# DESIGN 4.2 bounds of a plan's progression numbers, by their plan names.
_PLAN_BOUNDS = {
    "bout_fraction": (Fraction(1, 2), Fraction(9, 10)),
    "step_up": (Fraction(1), Fraction(5, 4)),
    "good_walks_to_step_up": (Fraction(1), Fraction(5)),
    "flare_pain": (Fraction(5), Fraction(10)),
    "max_target_s": (Fraction(300), Fraction(2700)),
    "min_days_between_step_ups": (Fraction(1), Fraction(14)),
}

# The bout rules below are the app's own design (DESIGN 5.1): no stenosis trial publishes bout
# rules, so they follow peripheral-artery-disease (PAD) walking practice -- walk to moderate
# symptoms, then rest -- and a therapist's plan file may change the first six (DESIGN 4.2).


@dataclass(frozen=True)
class Progression:
    """The numbers of the DESIGN 5.1 replay (our design after PAD practice, not a trial's)."""

    bout_fraction: Fraction = Fraction(4, 5)  # DESIGN 5.1: bout = 0.8 x tolerance (ours, PAD)
    step_up: Fraction = Fraction(11, 10)  # DESIGN 5.1: step up x1.1 (ours, PAD practice)
    good_walks_to_step_up: int = 2  # DESIGN 5.1: two good training walks (ours, PAD)
    flare_pain: int = 7  # DESIGN 5.1: peak leg pain >= 7/10 is a flare (ours, PAD)
    max_target_s: int | Fraction = 1800  # DESIGN 5.1: grow to 30 min (AHA PAD: 30-45 min)
    min_hours_between_step_ups: int | Fraction = 72  # DESIGN 5.1: 72 h (ours, PAD)
    flare_quiet_hours: int | Fraction = 48  # DESIGN 5.1: no step-up within 48 h of a flare
    good_pain_max: int = 3  # DESIGN 5.1: a good walk has pain <= 3/10 (ours, PAD moderate)
    step_up_min_s: int | Fraction = 15  # DESIGN 5.1: a step-up adds at least 15 s (ours)
    first_target_s: int | Fraction = 900  # DESIGN 5.1: start at 15 min, half AHA's PAD 30
    target_step_s: int | Fraction = 150  # DESIGN 5.1: the target grows 2.5 min (ours)
    floor_s: int | Fraction = 60  # DESIGN 5.1: a bout is never under 60 s (ours)
    round_to_s: int | Fraction = 15  # DESIGN 5.1: bouts in 15 s steps (ours)

    @classmethod
    def from_plan(cls, numbers: Mapping[str, Number]) -> Progression:
        """Build from a plan's ``walking.progression`` (DESIGN 4.2 names; missing = default).

        Floats and Decimals go through ``Fraction(str(x))`` so that ``0.8`` is exactly 4/5.
        Raises ``ValueError`` for an unknown name or a number outside the 4.2 bounds.
        """
        values: dict[str, Fraction] = {}
        for name, raw in numbers.items():
            if raw is None:  # left out of the plan: the default
                continue
            if name not in _PLAN_BOUNDS:
                raise ValueError(f"unknown progression number {name!r}")
            if isinstance(raw, bool):
                raise ValueError(f"{name} must be a number, not {raw!r}")
            value = Fraction(str(raw))
            low, high = _PLAN_BOUNDS[name]
            if not low <= value <= high:
                raise ValueError(f"{name} must be from {low} to {high}, not {raw}")
            values[name] = value
        kwargs: dict[str, object] = {}
        for name in ("bout_fraction", "step_up"):
            if name in values:
                kwargs[name] = values[name]
        for name in ("good_walks_to_step_up", "flare_pain"):
            if name in values:
                if values[name].denominator != 1:
                    raise ValueError(f"{name} must be a whole number")
                kwargs[name] = int(values[name])
        if "max_target_s" in values:
            kwargs["max_target_s"] = _tidy(values["max_target_s"])
        if "min_days_between_step_ups" in values:
            kwargs["min_hours_between_step_ups"] = _tidy(values["min_days_between_step_ups"] * 24)
        return cls(**kwargs)  # type: ignore[arg-type]


DEFAULT_PROGRESSION = Progression()


def _tidy(value: Fraction) -> int | Fraction:
    return int(value) if value.denominator == 1 else value


@dataclass(frozen=True)
class PlanStart:
    """A therapist's walking plan imported at ``at`` (aware): DESIGN 5.1, last paragraph."""

    at: datetime
    bout_s: int | Fraction
    rest_s: int | Fraction
    target_total_s: int | Fraction
    test_every_days: int = 7  # DESIGN 5.1: one test every 7 days by default
    progression: Progression = field(default_factory=Progression)


@dataclass(frozen=True)
class Prescription:
    """``next_walk`` (DESIGN 4.1/5.1) plus a plain sentence saying why, shown as "Why: ..."."""

    kind: WalkKind
    bout_s: Fraction | None
    rest_s: Fraction
    target_total_s: Fraction
    reason: str


def fit(x: Fraction, target: int | Fraction, p: Progression = DEFAULT_PROGRESSION) -> Fraction:
    """DESIGN 5.1: ``min(target, max(60, 15 * floor(x / 15 + 1/2)))`` -- halves round up."""
    step = Fraction(p.round_to_s)
    rounded = step * math.floor(Fraction(x) / step + Fraction(1, 2))
    return min(Fraction(target), max(Fraction(p.floor_s), rounded))


# --- the replay ----------------------------------------------------------------------------


@dataclass
class _Step:
    """What one replayed walk did (for the "why" texts)."""

    walk: Walk
    event: str  # anchor | shortened | later_bout | good | step_up | not_good
    streak_before: int
    streak: int = 0
    good_count: int = 0  # the streak that earned a step-up
    bout: Fraction | None = None  # after the event, before any flare
    target: Fraction = Fraction(0)
    basis: Fraction | None = None  # what 0.8 was applied to (anchor, shortened)
    blocked: tuple[str, ...] = ()  # why a due step-up waited
    shortfalls: tuple[str, ...] = ()  # why a training walk was not a good one
    flare: tuple[str, ...] = ()  # what made it a flare
    eased_to: Fraction | None = None
    bout_before: Fraction | None = None  # the bout as the walk began
    target_before: Fraction = Fraction(0)


@dataclass
class _State:
    bout: Fraction | None
    rest: Fraction
    target: Fraction
    p: Progression
    streak: int = 0
    last_flare: datetime | None = None
    last_step: datetime | None = None
    source: _Step | None = None  # the walk that last set the bout (None: start or plan)
    steps: list[_Step] = field(default_factory=list)


def _flare_causes(walk: Walk, p: Progression) -> tuple[str, ...]:
    causes = []
    if walk.peak_leg_pain >= p.flare_pain:
        causes.append(f"pain {p.flare_pain}/10 or more")
    if walk.next_day_flare:
        causes.append("a flare the next day")
    if walk.ended_by == WalkEnd.MUST_STOP:
        causes.append("you had to stop")
    return tuple(causes)


def _run(walks: Iterable[Walk], plan: PlanStart | None) -> _State:
    """The DESIGN 5.1 pseudo-code, line for line, recording what each walk did."""
    if plan is None:
        p = DEFAULT_PROGRESSION
        st = _State(None, Fraction(120), Fraction(p.first_target_s), p)  # DESIGN 5.1
        todo = replay_order(list(walks))
    else:
        p = plan.progression
        st = _State(Fraction(plan.bout_s), Fraction(plan.rest_s), Fraction(plan.target_total_s), p)
        todo = replay_order([w for w in walks if w.start >= plan.at])
    quiet = timedelta(hours=float(p.flare_quiet_hours))  # timedelta takes no Fraction
    gap = timedelta(hours=float(p.min_hours_between_step_ups))
    for walk in todo:
        causes = _flare_causes(walk, p)
        flare = bool(causes)
        step = _Step(walk, "", st.streak, bout_before=st.bout, target_before=st.target)
        if walk.kind == WalkKind.TEST or st.bout is None:  # a test re-anchors the bout
            step.event, step.basis = "anchor", walk.tolerance_s
            st.bout = fit(p.bout_fraction * walk.tolerance_s, st.target, p)
            st.streak = 0
            st.source = step
        elif walk.tfs_s is not None:  # symptoms came during a training walk
            st.streak = 0
            step.event = "later_bout"
            if walk.tfs_s < st.bout:  # ... already in the first bout
                step.event, step.basis = "shortened", walk.tfs_s
                st.bout = fit(p.bout_fraction * walk.tfs_s, st.target, p)
                st.source = step
        elif not flare and walk.peak_leg_pain <= p.good_pain_max and walk.total_walk_s >= st.target:
            st.streak += 1  # a good training walk
            step.event = "good"
            if st.streak >= p.good_walks_to_step_up:
                blocked = []
                if st.last_flare is not None and walk.start - st.last_flare < quiet:
                    blocked.append(f"less than {_hours(quiet)} hours after a flare")
                if st.last_step is not None and walk.start - st.last_step < gap:
                    blocked.append(f"less than {_hours(gap)} hours after the last step up")
                step.blocked = tuple(blocked)
                if not blocked:
                    step.event, step.good_count = "step_up", st.streak
                    bigger = max(st.bout + p.step_up_min_s, p.step_up * st.bout)
                    st.bout = fit(bigger, st.target, p)  # fitted to the old target, as 5.1
                    st.target = min(Fraction(p.max_target_s), st.target + p.target_step_s)
                    st.streak = 0
                    st.last_step = walk.start
                    st.source = step
        else:
            step.event = "not_good"
            shortfalls = []
            if walk.peak_leg_pain > p.good_pain_max:
                shortfalls.append(f"pain above {p.good_pain_max}/10")
            if walk.total_walk_s < st.target:
                shortfalls.append(f"shorter than your {minutes_text(st.target)} target")
            step.shortfalls = tuple(shortfalls)
            st.streak = 0
        step.bout, step.target, step.streak = st.bout, st.target, st.streak
        if flare:
            assert st.bout is not None  # set above: the first branch runs while it is None
            st.bout = fit(p.bout_fraction * st.bout, st.target, p)
            st.streak = 0
            st.last_flare = walk.start
            step.flare, step.eased_to, step.streak = causes, st.bout, 0
            st.source = step
        st.steps.append(step)
    return st


def replay(walks: Iterable[Walk], now: datetime, plan: PlanStart | None = None) -> Prescription:
    """``next_walk`` after replaying ``walks`` (DESIGN 5.1). ``now`` must be timezone-aware."""
    walks = list(walks)
    st = _run(walks, plan)
    every = plan.test_every_days if plan is not None else 7  # DESIGN 5.1: default 7 days
    since = now - timedelta(days=every)
    tests = [w for w in walks if w.kind == WalkKind.TEST]
    recent = any(w.start > since for w in tests)
    kind = WalkKind.TRAINING if recent else WalkKind.TEST
    if not walks:
        reason = (
            "Your first walk is a walking test: walk at a comfortable pace until you need to stop."
        )
    elif kind == WalkKind.TEST:
        last = max(tests, key=lambda w: w.start) if tests else None
        when = (
            f"your last one was on {day_text(last.start, now.date())}, "
            f"and you do one every {every} days"
            if last
            else "you have not done one yet"
        )
        reason = (
            f"It is time for a walking test: {when}. "
            "Walk at a comfortable pace until you need to stop."
        )
    else:
        reason = _why(st, plan, walks)
    if walks and kind == WalkKind.TEST:
        latest = replay_order(walks)[-1]
        if latest.kind == WalkKind.TRAINING:
            reason += (
                f" Your training walk on {day_text(latest.start, now.date())} does not replace it: "
                "only a walking test measures how far you can walk before symptoms."
            )
    return Prescription(kind, st.bout, st.rest, st.target, reason)


def explain_steps(walks: Iterable[Walk], now: datetime, plan: PlanStart | None = None) -> list[str]:
    """One plain sentence per replayed walk saying what it changed (the "why" panel).

    With a plan, a first sentence says what the plan set. ``now`` is accepted for symmetry
    with :func:`replay`; the steps do not depend on it.
    """
    del now
    st = _run(walks, plan)
    lines = []
    if plan is not None:
        lines.append(
            f"{day_text(plan.at)}: your walking plan set {minutes_text(plan.bout_s)} bouts, "
            f"{minutes_text(plan.rest_s)} rests and "
            f"{minutes_text(plan.target_total_s)} of walking in all."
        )
    return lines + [_step_text(s, st.p) for s in st.steps]


# --- words ---------------------------------------------------------------------------------

_COUNT_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}


def _hours(span: timedelta) -> str:
    hours = Fraction(span.days * 86400 + span.seconds, 3600)
    return str(int(hours)) if hours.denominator == 1 else f"{float(hours):g}"


def _pct(fraction: Fraction) -> str:
    value = fraction * 100
    return f"{value.numerator}%" if value.denominator == 1 else f"{float(value):.1f}%"


def _why(st: _State, plan: PlanStart | None, walks: list[Walk]) -> str:
    """Why the numbers shown (bout and target): the walk that last set the bout (or the
    plan), what the latest walk did or did not change, and where the target comes from."""
    parts = [_bout_why(st, plan)]
    last = st.steps[-1] if st.steps else None
    latest = replay_order(walks)[-1] if walks else None
    if plan is not None and latest is not None and latest.start < plan.at:
        if last is None or latest.sort_key > last.walk.sort_key:
            parts.append(
                f"Your walk on {day_text(latest.start)} was before the walking plan you "
                f"imported on {day_text(plan.at)}, so it does not change the plan."
            )
    elif last is not None and last is not st.source:
        parts.append(_latest_why(last, st.p))
    if st.source is None or st.source.event != "step_up":
        parts.append(_target_why(st, plan))
    return " ".join(parts)


def _fit_note(raw: Fraction, bout: Fraction, target: Fraction, p: Progression) -> str:
    """Why the bout is not exactly 80 % of something: the 1-minute floor or the target."""
    if raw < p.floor_s and bout == p.floor_s:
        return f" That is {minutes_text(raw)}; a bout is never shorter than {minutes_text(bout)}."
    if raw > target and bout == target:
        return (
            f" That is {minutes_text(raw)}; a bout is never longer than your "
            f"{minutes_text(target)} in all."
        )
    return ""


def _bout_why(st: _State, plan: PlanStart | None) -> str:
    src, p = st.source, st.p
    if src is None:
        assert plan is not None  # without a plan the first walk always sets the bout
        return (
            f"Your bout of {minutes_text(st.bout)} was set by the walking plan you imported "
            f"on {day_text(plan.at)}."
        )
    walk, pct = src.walk, _pct(p.bout_fraction)
    day = day_text(walk.start)
    if src.flare:
        causes = " and ".join(src.flare)
        before = ""
        if src.event in ("anchor", "shortened", "step_up") and src.bout != src.bout_before:
            before = f"that walk first set your bout to {minutes_text(src.bout)}, then "
        assert src.bout is not None  # a flare eases the bout its walk had
        raw = p.bout_fraction * src.bout
        text = (
            f"Eased back after a flare on {day} ({causes}): {before}{pct} of your "
            f"{minutes_text(src.bout)} bout"
        )
        if raw < p.floor_s and src.eased_to == p.floor_s:
            return (
                f"{text} would be {minutes_text(raw)}, but a bout is never shorter than "
                f"{minutes_text(src.eased_to)}."
            )
        return f"{text} is {minutes_text(src.eased_to)}."
    if src.event == "step_up":
        count = _COUNT_WORDS.get(src.good_count, str(src.good_count))
        walks = "walk" if src.good_count == 1 else "walks"
        bouts = (
            f"Stepped up after {count} easy training {walks} (the last on {day}): bouts from "
            f"{minutes_text(src.bout_before)} to {minutes_text(src.bout)}"
        )
        if src.target == src.target_before:  # already at the most
            return f"{bouts}; {minutes_text(src.target)} in all is the most."
        return (
            f"{bouts}, and {minutes_text(src.target_before)} to {minutes_text(src.target)} in all."
        )
    assert src.basis is not None and src.bout is not None
    raw = p.bout_fraction * src.basis
    note = _fit_note(raw, src.bout, src.target, p)
    if src.event == "shortened":
        return (
            f"Shortened to {pct} of the {minutes_text(walk.tfs_s)} you walked before symptoms "
            f"came on {day}.{note}"
        )
    what = (
        f"your walking test on {day}" if walk.kind == WalkKind.TEST else f"your first walk ({day})"
    )
    came = (
        f"you walked {minutes_text(src.basis)} and symptoms never came"
        if walk.tfs_s is None
        else f"symptoms came after {minutes_text(src.basis)}"
    )
    return f"{pct} of {what}: {came}.{note}"


def _latest_why(s: _Step, p: Progression) -> str:
    """What the latest walk (a training walk that did not set the bout) did or did not do."""
    w = s.walk
    day = day_text(w.start)
    need = p.good_walks_to_step_up
    need_words = _COUNT_WORDS.get(need, str(need))
    bout = minutes_text(s.bout)
    good_rule = (
        f"{need_words.capitalize()} training walk{'s' if need != 1 else ''} of the full "
        f"{minutes_text(s.target_before)}, without symptoms and with leg pain "
        f"{p.good_pain_max}/10 or less, make the bout longer."
    )
    if s.event == "later_bout":
        text = (
            f"Your training walk on {day}: symptoms came after {minutes_text(w.tfs_s)}, later "
            f"than the {bout} bout, so the bout stays {bout}."
        )
        if s.streak_before:
            text += " The count towards a longer bout starts again."
        return text
    if s.event == "good":
        text = (
            f"Your training walk on {day} was a good one ({minutes_text(w.total_walk_s)}, "
            f"no symptoms, leg pain {w.peak_leg_pain}/10): {s.streak} of {need} towards a "
            f"longer bout."
        )
        if s.blocked:
            text += f" The bout waits: it is {' and '.join(s.blocked)}."
        return text
    # not_good
    reasons = []
    if w.total_walk_s < s.target_before:
        reasons.append(
            f"it was {minutes_text(w.total_walk_s)}, shorter than your "
            f"{minutes_text(s.target_before)} in all"
        )
    if w.peak_leg_pain > p.good_pain_max:
        reasons.append(f"leg pain was {w.peak_leg_pain}/10")
    because = " and ".join(reasons) if reasons else "it did not count as a good walk"
    text = f"Your training walk on {day} does not change the bout: {because}. {good_rule}"
    if s.streak_before:
        text += " The count towards a longer bout starts again."
    return text


def _target_why(st: _State, plan: PlanStart | None) -> str:
    p = st.p
    start = Fraction(plan.target_total_s) if plan is not None else Fraction(p.first_target_s)
    whence = "what your walking plan set" if plan is not None else "the starting amount"
    if st.target == start:
        text = f"{minutes_text(st.target)} in all is {whence}"
    else:
        text = f"{minutes_text(st.target)} in all has grown from {minutes_text(start)}"
    if st.target < p.max_target_s:
        text += (
            f"; it grows by {minutes_text(p.target_step_s)} with each longer bout, up to "
            f"{minutes_text(p.max_target_s)}"
        )
    return text + "."


def _step_text(s: _Step, p: Progression) -> str:
    w = s.walk
    kind = "walking test" if w.kind == WalkKind.TEST else "training walk"
    head = f"{day_text(w.start)}, {kind} {minutes_text(w.total_walk_s)}"
    if w.tfs_s is not None:
        head += f", symptoms at {minutes_text(w.tfs_s)}"
    head += f", pain {w.peak_leg_pain}/10"
    pct, need = _pct(p.bout_fraction), p.good_walks_to_step_up
    parts: list[str] = []
    if s.event == "anchor":
        first = "" if w.kind == WalkKind.TEST else "your first walk "
        parts.append(
            f"{first}sets your bout at {minutes_text(s.bout)} ({pct} of {minutes_text(s.basis)})"
        )
    elif s.event == "shortened":
        parts.append(
            f"symptoms came in the first bout, so your bout is now {minutes_text(s.bout)} "
            f"({pct} of {minutes_text(s.basis)})"
        )
    elif s.event == "later_bout":
        parts.append(
            f"symptoms came after the first bout, so your bout stays {minutes_text(s.bout)}"
        )
    elif s.event == "good":
        text = f"a good walk ({s.streak} of {need} towards a step up)"
        if s.blocked:
            text += f", but no step up yet: {' and '.join(s.blocked)}"
        parts.append(text)
    elif s.event == "step_up":
        parts.append(
            f"a good walk ({s.good_count} of {need}): stepped up to {minutes_text(s.bout)} bouts "
            f"and {minutes_text(s.target)} in all"
        )
    else:  # not_good: say why, unless the flare below says it already
        why = [t for t in s.shortfalls if not (s.flare and t.startswith("pain"))]
        if why:
            parts.append(f"{' and '.join(why)}, so not a good walk")
    if s.event in ("shortened", "later_bout", "not_good") and s.streak_before:
        parts.append("the count towards a step up starts again")
    if s.flare:
        parts.append(
            f"a flare ({' and '.join(s.flare)}), so your bout eases to {minutes_text(s.eased_to)}"
        )
    if not parts:
        parts.append("no change")
    return f"{head}: {'; '.join(parts)}."
