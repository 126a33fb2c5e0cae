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
from stenosis_coach.core.words import and_text, day_text, minutes_text, number_text, share_text
from stenosis_coach.i18n import N_, _, ngettext

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
    """``next_walk`` (DESIGN 4.1/5.1) and why, in two layers (issue 12, H19).

    ``reason`` is shown as "Why: ..." wherever the walk is (Today, the Walk page, status):
    one plain sentence naming the numbers shown and the main reason, and, when the newest
    walk did not set them, one short sentence on what that walk did or did not change.
    ``details`` are the rules behind it (what counts as an easy walk, the count towards a
    longer bout, what a longer bout waits for, where the total comes from), shown only on
    the Walk page under "More about this plan".
    """

    kind: WalkKind
    bout_s: Fraction | None
    rest_s: Fraction
    target_total_s: Fraction
    reason: str
    details: tuple[str, ...] = ()


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
    blocked: tuple[str, ...] = ()  # why a due step-up waited (words)
    ready_at: datetime | None = None  # from when an easy walk would step up (when blocked)
    shortfalls: tuple[str, ...] = ()  # why a training walk was not a good one: "pain", "short"
    flare: tuple[str, ...] = ()  # what made it a flare (words)
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
        causes.append(_("pain {pain}/10 or more").format(pain=p.flare_pain))
    if walk.next_day_flare:
        causes.append(_("a flare the next day"))
    if walk.ended_by == WalkEnd.MUST_STOP:
        causes.append(_("you had to stop"))
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
    quiet_hours, gap_hours = _hours(quiet), _hours(gap)  # said once, not at every walk
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
                blocked, ready = [], []
                if st.last_flare is not None and walk.start - st.last_flare < quiet:
                    blocked.append(
                        _("less than {hours} hours after a flare").format(hours=quiet_hours)
                    )
                    ready.append(st.last_flare + quiet)
                if st.last_step is not None and walk.start - st.last_step < gap:
                    blocked.append(
                        _("less than {hours} hours after the last step up").format(hours=gap_hours)
                    )
                    ready.append(st.last_step + gap)
                step.blocked = tuple(blocked)
                step.ready_at = max(ready) if ready else None
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
                shortfalls.append("pain")
            if walk.total_walk_s < st.target:
                shortfalls.append("short")
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
    details: list[str] = []
    if not walks:
        reason = _(FIRST_WALK_WHY)
        details.append(
            _(
                "Your training walks are then planned from it: bouts of {share} of the time "
                "you walked before symptoms came, with a rest after each."
            ).format(share=share_text(st.p.bout_fraction))
        )
    elif kind == WalkKind.TEST:
        last = max(tests, key=lambda w: w.start) if tests else None
        reason = (
            ngettext(
                "Your last walking test was on {day}; you do one every {days} day.",
                "Your last walking test was on {day}; you do one every {days} days.",
                every,
            ).format(day=day_text(last.start, now.date()), days=every)
            if last
            else _("Training walks are planned from a walking test, and you have not done one yet.")
        )
        details.append(
            _(
                "A walking test shows how your walking is changing, and your next training "
                "walks are planned from it."
            )
        )
    else:
        reason, details = _why(st, plan, walks)
    if walks and kind == WalkKind.TEST:
        latest = replay_order(walks)[-1]
        if latest.kind == WalkKind.TRAINING:
            reason += " " + _("Your training walk on {day} does not replace it.").format(
                day=day_text(latest.start, now.date())
            )
            details.insert(
                0, _("Only a walking test measures how far you can walk before symptoms.")
            )
    if kind == WalkKind.TRAINING or not walks:
        details.append(_(DESIGN_NOTE))
    return Prescription(kind, st.bout, st.rest, st.target, reason, tuple(details))


def prescribed_before(
    walks: Iterable[Walk], plan: PlanStart | None = None
) -> list[tuple[Walk, Fraction | None, Fraction]]:
    """Each replayed walk (those from ``plan.at`` on, with a plan) with the bout and target in
    force as it began, in replay order: one replay for all (DESIGN 5.4's planned bouts)."""
    return [(s.walk, s.bout_before, s.target_before) for s in _run(walks, plan).steps]


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
            _(
                "{day}: your walking plan set {bout} bouts, {rest} rests and {total} of "
                "walking in all."
            ).format(
                day=day_text(plan.at),
                bout=minutes_text(plan.bout_s),
                rest=minutes_text(plan.rest_s),
                total=minutes_text(plan.target_total_s),
            )
        )
    return lines + [_step_text(s, st.p) for s in st.steps]


# --- words ---------------------------------------------------------------------------------

# Small counts said as words in the Why ("After two easy walks"); from 8 on, figures.
_COUNT_WORDS = {
    1: N_("one"),
    2: N_("two"),
    3: N_("three"),
    4: N_("four"),
    5: N_("five"),
    6: N_("six"),
    7: N_("seven"),
}


def _count(n: int) -> str:
    return _(_COUNT_WORDS[n]) if n in _COUNT_WORDS else str(n)


def _hours(span: timedelta) -> str:
    return number_text(Fraction(span.days * 86400 + span.seconds, 3600))


_pct = share_text  # "80%", "82.5%"

FIRST_WALK_WHY = N_(
    "Your first walk shows how long you can walk now, so your training walks fit you."
)

# DESIGN 5.1: "the app says so" -- the bout rules are ours, and a plan may change them.
DESIGN_NOTE = N_(
    "These rules are the app's own design, after walking programmes used for other leg pain; "
    "a walking plan from your therapist can change them."
)


def _why(st: _State, plan: PlanStart | None, walks: list[Walk]) -> tuple[str, list[str]]:
    """Why the numbers shown (bout and target), short, then the details.

    The short part: one sentence on the walk that last set the bout (or the plan), and one
    on what the newest walk did or did not change when it did not set it. The details: the
    rule behind each, and where the total comes from."""
    short, details = [_bout_short(st, plan)], _bout_details(st)
    last = st.steps[-1] if st.steps else None
    latest = replay_order(walks)[-1] if walks else None
    if plan is not None and latest is not None and latest.start < plan.at:
        if last is None or latest.sort_key > last.walk.sort_key:
            short.append(
                _(
                    "Your walk on {day} was before your walking plan, so it does not change it."
                ).format(day=day_text(latest.start))
            )
    elif last is not None and last is not st.source:
        short.append(_latest_short(last, st.p))
        details += _latest_details(last, st.p)
    if st.source is None or st.source.event != "step_up":
        details.append(_target_why(st, plan))
    return " ".join(short), details


def _bout_short(st: _State, plan: PlanStart | None) -> str:
    """One sentence: the bout shown, and the walk (or plan) that set it."""
    src, p = st.source, st.p
    bout = minutes_text(st.bout)
    if src is None:
        assert plan is not None  # without a plan the first walk always sets the bout
        return _("{bout} bouts were set by the walking plan you imported on {day}.").format(
            bout=bout, day=day_text(plan.at)
        )
    walk, pct = src.walk, _pct(p.bout_fraction)
    day = day_text(walk.start)
    if src.flare:
        assert src.bout is not None  # a flare eases the bout its walk had
        if p.bout_fraction * src.bout < p.floor_s and src.eased_to == p.floor_s:
            return _("{bout} is the shortest bout, eased back after a flare on {day}.").format(
                bout=bout, day=day
            )
        return _(
            "{bout} is {share} of your {before} bout, eased back after a flare on {day}."
        ).format(bout=bout, share=pct, before=minutes_text(src.bout), day=day)
    if src.event == "step_up":
        n, total = src.good_count, minutes_text(src.target)
        if src.target == src.target_before:  # already at the most
            said = ngettext(
                "After {count} easy walk, the last on {day}, bouts grew to {bout}; {total} in "
                "all is the most.",
                "After {count} easy walks, the last on {day}, bouts grew to {bout}; {total} in "
                "all is the most.",
                n,
            )
        else:
            said = ngettext(
                "After {count} easy walk, the last on {day}, bouts grew to {bout} and your "
                "total to {total}.",
                "After {count} easy walks, the last on {day}, bouts grew to {bout} and your "
                "total to {total}.",
                n,
            )
        return said.format(count=_count(n), day=day, bout=bout, total=total)
    assert src.basis is not None and src.bout is not None
    raw = p.bout_fraction * src.basis
    what = _what_set_the_bout(src, day)
    if raw < p.floor_s and src.bout == p.floor_s:
        return _("{bout} is the shortest bout, as {share} of {what} is less.").format(
            bout=bout, share=pct, what=what
        )
    if raw > src.target and src.bout == src.target:
        return _("{bout} is your whole walk: {share} of {what} is more.").format(
            bout=bout, share=pct, what=what
        )
    return _("{bout} is {share} of {what}.").format(bout=bout, share=pct, what=what)


def _what_set_the_bout(src: _Step, day: str) -> str:
    """The walk a bout is a share of, as said in the Why's sentence ("{bout} is 80% of …")."""
    walk = src.walk
    if src.event == "shortened":
        return _("the {time} you walked before symptoms on {day}").format(
            time=minutes_text(walk.tfs_s), day=day
        )
    time = minutes_text(src.basis)
    if walk.kind == WalkKind.TEST:
        if walk.tfs_s is not None:
            said = _("your walking test on {day} ({time} before symptoms)")
        else:
            said = _("your walking test on {day} ({time}, no symptoms)")
    elif walk.tfs_s is not None:
        said = _("your first walk on {day} ({time} before symptoms)")
    else:
        said = _("your first walk on {day} ({time}, no symptoms)")
    return said.format(day=day, time=time)


def _bout_details(st: _State) -> list[str]:
    """The rule behind the bout's sentence, without saying it again."""
    src, p = st.source, st.p
    pct = _pct(p.bout_fraction)
    if src is None:
        return []
    day = day_text(src.walk.start)
    if src.flare:
        assert src.bout is not None
        causes = and_text(src.flare)
        if src.event in ("anchor", "shortened", "step_up") and src.bout != src.bout_before:
            text = _(
                "The walk on {day} was a flare ({causes}); that walk first set your bout to {bout}."
            ).format(day=day, causes=causes, bout=minutes_text(src.bout))
        else:
            text = _("The walk on {day} was a flare ({causes}).").format(day=day, causes=causes)
        raw = p.bout_fraction * src.bout
        if raw < p.floor_s and src.eased_to == p.floor_s:
            rule = _(
                "{share} of your {bout} bout would be {raw}, but a bout is never shorter than "
                "{floor}."
            ).format(
                share=pct,
                bout=minutes_text(src.bout),
                raw=minutes_text(raw),
                floor=minutes_text(src.eased_to),
            )
        else:
            rule = _("After a flare, the bout is eased back to {share}.").format(share=pct)
        return [f"{text} {rule}"]
    if src.event == "step_up":
        return [
            _(
                "Before that, bouts were {bout} and your total {total}. A step up makes bouts "
                "{share} longer (at least {least}), and the total {step} longer, up to {most}."
            ).format(
                bout=minutes_text(src.bout_before),
                total=minutes_text(src.target_before),
                share=_pct(p.step_up - 1),
                least=minutes_text(p.step_up_min_s),
                step=minutes_text(p.target_step_s),
                most=minutes_text(p.max_target_s),
            )
        ]
    assert src.basis is not None and src.bout is not None
    lines = [
        _(
            "Each bout is {share} of the time you walked before symptoms came, so it ends "
            "before they build."
        ).format(share=pct)
    ]
    raw = p.bout_fraction * src.basis
    if raw < p.floor_s and src.bout == p.floor_s:  # why the bout is not exactly 80 %
        lines.append(
            _("{share} of {time} is {raw}, and a bout is never shorter than {bout}.").format(
                share=pct,
                time=minutes_text(src.basis),
                raw=minutes_text(raw),
                bout=minutes_text(src.bout),
            )
        )
    elif raw > src.target and src.bout == src.target:
        lines.append(
            _(
                "{share} of {time} is {raw}, and a bout is never longer than your {total} in all."
            ).format(
                share=pct,
                time=minutes_text(src.basis),
                raw=minutes_text(raw),
                total=minutes_text(src.target),
            )
        )
    return lines


def _latest_short(s: _Step, p: Progression) -> str:
    """One sentence: what the newest walk (a training walk that did not set the bout) did
    or did not change."""
    w = s.walk
    day = day_text(w.start)
    if s.event == "later_bout":
        return _(
            "Your training walk on {day} does not change the bout: symptoms came only after {time}."
        ).format(day=day, time=minutes_text(w.tfs_s))
    if s.event == "good":
        if s.ready_at is not None:
            return _(
                "Your training walk on {day} was an easy one; bouts can grow with an easy walk "
                "from {ready}."
            ).format(day=day, ready=day_text(s.ready_at))
        more = p.good_walks_to_step_up - s.streak
        return ngettext(
            "Your training walk on {day} was an easy one: {count} more like it makes bouts longer.",
            "Your training walk on {day} was an easy one: {count} more like it make bouts longer.",
            more,
        ).format(day=day, count=_count(more))
    reasons = []  # not_good
    if w.total_walk_s < s.target_before:
        reasons.append(
            _("it was shorter than your {total} in all").format(total=minutes_text(s.target_before))
        )
    if w.peak_leg_pain > p.good_pain_max:
        reasons.append(_("leg pain was {pain}/10").format(pain=w.peak_leg_pain))
    because = and_text(reasons) if reasons else _("it did not count as an easy walk")
    return _("Your training walk on {day} does not change the bout: {reasons}.").format(
        day=day, reasons=because
    )


def _latest_details(s: _Step, p: Progression) -> list[str]:
    """The rules behind :func:`_latest_short`: the count, what counts, what it waits for."""
    w = s.walk
    need = p.good_walks_to_step_up
    good_rule = ngettext(
        "{count} training walk of the full {target}, without symptoms and with leg pain "
        "{pain}/10 or less, make the bout longer.",
        "{count} training walks of the full {target}, without symptoms and with leg pain "
        "{pain}/10 or less, make the bout longer.",
        need,
    ).format(
        count=_count(need).capitalize(),
        target=minutes_text(s.target_before),
        pain=p.good_pain_max,
    )
    restart = [_("The count towards a longer bout starts again.")] if s.streak_before else []
    if s.event == "later_bout":
        return [
            _("The bout stays {bout}: only symptoms within the first bout make it shorter.").format(
                bout=minutes_text(s.bout)
            ),
            *restart,
        ]
    day, total = day_text(w.start), minutes_text(w.total_walk_s)
    if s.event == "good":
        walked = _(
            "Your training walk on {day} was {total}, with no symptoms and leg pain {pain}/10: "
            "{count} of {need} towards a longer bout."
        ).format(day=day, total=total, pain=w.peak_leg_pain, count=s.streak, need=need)
        lines = [f"{walked} {good_rule}"]
        if s.blocked:
            lines.append(_("The bout waits: it is {reasons}.").format(reasons=and_text(s.blocked)))
        return lines
    walked = _("Your training walk on {day} was {total}, with leg pain {pain}/10.").format(
        day=day, total=total, pain=w.peak_leg_pain
    )
    return [f"{walked} {good_rule}", *restart]


def _target_why(st: _State, plan: PlanStart | None) -> str:
    p = st.p
    start = Fraction(plan.target_total_s) if plan is not None else Fraction(p.first_target_s)
    grows = st.target < p.max_target_s
    if st.target != start:
        said = (
            _(
                "{total} in all has grown from {start}; it grows by {step} with each longer "
                "bout, up to {most}."
            )
            if grows
            else _("{total} in all has grown from {start}.")
        )
    elif plan is not None:
        said = (
            _(
                "{total} in all is what your walking plan set; it grows by {step} with each "
                "longer bout, up to {most}."
            )
            if grows
            else _("{total} in all is what your walking plan set.")
        )
    else:
        said = (
            _(
                "{total} in all is the starting amount; it grows by {step} with each longer "
                "bout, up to {most}."
            )
            if grows
            else _("{total} in all is the starting amount.")
        )
    return said.format(
        total=minutes_text(st.target),
        start=minutes_text(start),
        step=minutes_text(p.target_step_s),
        most=minutes_text(p.max_target_s),
    )


def _step_head(w: Walk) -> str:
    """The walk a step line is about: "Mon 2 Mar, walking test 6:40 min, pain 3/10"."""
    test = w.kind == WalkKind.TEST
    if w.tfs_s is not None:
        said = (
            _("{day}, walking test {total}, symptoms at {symptoms}, pain {pain}/10")
            if test
            else _("{day}, training walk {total}, symptoms at {symptoms}, pain {pain}/10")
        )
    else:
        said = (
            _("{day}, walking test {total}, pain {pain}/10")
            if test
            else _("{day}, training walk {total}, pain {pain}/10")
        )
    return said.format(
        day=day_text(w.start),
        total=minutes_text(w.total_walk_s),
        symptoms=minutes_text(w.tfs_s),
        pain=w.peak_leg_pain,
    )


def _shortfall_text(shortfall: str, s: _Step, p: Progression) -> str:
    if shortfall == "pain":
        return _("pain above {pain}/10").format(pain=p.good_pain_max)
    return _("shorter than your {target} target").format(target=minutes_text(s.target_before))


def _step_text(s: _Step, p: Progression) -> str:
    w = s.walk
    pct, need = _pct(p.bout_fraction), p.good_walks_to_step_up
    bout = minutes_text(s.bout)
    parts: list[str] = []
    if s.event == "anchor":
        said = (
            _("sets your bout at {bout} ({share} of {time})")
            if w.kind == WalkKind.TEST
            else _("your first walk sets your bout at {bout} ({share} of {time})")
        )
        parts.append(said.format(bout=bout, share=pct, time=minutes_text(s.basis)))
    elif s.event == "shortened":
        parts.append(
            _(
                "symptoms came in the first bout, so your bout is now {bout} ({share} of {time})"
            ).format(bout=bout, share=pct, time=minutes_text(s.basis))
        )
    elif s.event == "later_bout":
        parts.append(
            _("symptoms came after the first bout, so your bout stays {bout}").format(bout=bout)
        )
    elif s.event == "good":
        if s.blocked:
            said = _(
                "a good walk ({count} of {need} towards a step up), but no step up yet: {reasons}"
            )
        else:
            said = _("a good walk ({count} of {need} towards a step up)")
        parts.append(said.format(count=s.streak, need=need, reasons=and_text(s.blocked)))
    elif s.event == "step_up":
        parts.append(
            _(
                "a good walk ({count} of {need}): stepped up to {bout} bouts and {total} in all"
            ).format(count=s.good_count, need=need, bout=bout, total=minutes_text(s.target))
        )
    else:  # not_good: say why, unless the flare below says it already
        why = [_shortfall_text(t, s, p) for t in s.shortfalls if not (s.flare and t == "pain")]
        if why:
            parts.append(_("{reasons}, so not a good walk").format(reasons=and_text(why)))
    if s.event in ("shortened", "later_bout", "not_good") and s.streak_before:
        parts.append(_("the count towards a step up starts again"))
    if s.flare:
        parts.append(
            _("a flare ({causes}), so your bout eases to {bout}").format(
                causes=and_text(s.flare), bout=minutes_text(s.eased_to)
            )
        )
    if not parts:
        parts.append(_("no change"))
    # One replayed walk and what it changed: "Mon 2 Mar, walking test 6:40 min, pain 3/10:
    # sets your bout at 5:15 min (80% of 6:35 min)."
    return _("{walk}: {changes}.").format(walk=_step_head(w), changes="; ".join(parts))
