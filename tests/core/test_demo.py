"""The demo history (issue 6, ``demo``): deterministic, within every bound, telling the story."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from functools import cache
from itertools import pairwise
from statistics import median
from zoneinfo import ZoneInfo

import pytest

from stenosis_coach.core.daily import TreatmentKind
from stenosis_coach.core.demo import DemoHistory, generate
from stenosis_coach.core.exercises.library import builtin_routines
from stenosis_coach.core.progress.verdict import (
    DailyDoses,
    VerdictKind,
    compute_verdict,
    treatment_effect,
)
from stenosis_coach.core.safety import QUESTIONS, session_gate
from stenosis_coach.core.walking.model import WalkEnd, WalkKind, replay_order
from stenosis_coach.core.walking.prescription import replay

TZ = ZoneInfo("Europe/London")
END = date(2026, 4, 30)
SEEDS = (1, 2, 3, 4, 5)


@cache
def history(weeks: int = 16, seed: int = 1) -> DemoHistory:
    return generate(weeks, seed, END, TZ)


def local_day(moment) -> date:
    return moment.astimezone(TZ).date()


def flare(walk) -> bool:
    return walk.peak_leg_pain >= 7 or walk.next_day_flare or walk.ended_by == WalkEnd.MUST_STOP


def test_same_seed_same_history_and_different_seed_different():
    again = generate(16, 1, END, TZ)
    assert again == history()
    assert generate(16, 2, END, TZ).walks != history().walks
    assert generate(16, 2, END, TZ).logs != history().logs


@pytest.mark.parametrize("weeks", [0, 3, 1041])
def test_weeks_out_of_range_are_refused(weeks):
    with pytest.raises(ValueError, match="weeks"):
        generate(weeks, 1, END, TZ)


@pytest.mark.parametrize(("weeks", "seed"), [(4, 1), (12, 2), (16, 1), (16, 9), (104, 3)])
def test_every_value_is_within_bounds(weeks, seed):
    h = history(weeks, seed)
    first = END - timedelta(days=7 * weeks - 1)
    assert (h.first_day, h.last_day) == (first, END)
    assert h.walks == replay_order(h.walks)
    assert len({w.start for w in h.walks}) == len(h.walks)
    seqs = [w.seq for w in h.walks if w.imported]
    assert seqs == list(range(1, len(seqs) + 1))
    for w in h.walks:
        assert w.start.tzinfo is not None and w.start.utcoffset() is not None
        assert first <= local_day(w.start) <= END
        local = w.start.astimezone(TZ)
        assert (local.hour, local.minute) == (12, 0) if w.imported else 8 <= local.hour < 18
        assert isinstance(w.total_walk_s, Fraction) and 0 < w.total_walk_s <= 180 * 60
        assert (w.total_walk_s * 10).denominator == 1  # whole seconds or tenths
        if w.imported:
            assert (w.total_walk_s / 6).denominator == 1  # diary minutes to one decimal
            assert w.ended_by == WalkEnd.COMPLETED
        if w.tfs_s is not None:
            assert isinstance(w.tfs_s, Fraction) and 0 < w.tfs_s <= w.total_walk_s
        assert isinstance(w.peak_leg_pain, int) and 0 <= w.peak_leg_pain <= 10
        assert w.rests is not None and 0 <= w.rests <= 30
        if w.kind == WalkKind.TEST:
            assert w.total_walk_s <= 1800 and w.rests == 0
        assert w.distance_m is None or 0 <= w.distance_m <= 3000
    days = [log.day for log in h.logs]
    assert days == sorted(set(days)) and first <= days[0] and days[-1] <= END
    assert 0.75 * 7 * weeks <= len(h.logs) < 7 * weeks
    for log in h.logs:
        assert log.problems() == {}
        assert None not in (log.leg_pain, log.back_pain, log.numbness, log.sleep_quality)
        assert max(log.otc_doses, log.prescription_doses, log.opioid_doses) <= 4
        assert log.woken_by_leg_pain is not None and log.woken_by_leg_pain <= 5
        assert not log.new_weakness
    routines = builtin_routines()
    for s in h.routine_sessions:
        assert s.start.tzinfo is not None and first <= local_day(s.start) <= END
        steps = len(routines[s.routine_id].steps)
        assert s.routine_id != "neck-care" and 1 <= s.planned_min <= 30 and s.elapsed_s > 0
        assert s.steps_done + s.steps_skipped == steps if s.completed else s.steps_done < steps
        for before, after in ((s.leg_before, s.leg_after), (s.back_before, s.back_after)):
            assert 0 <= after <= before <= 10
    for check in h.checks:
        assert set(check.answers) == {q.id for q in QUESTIONS}
    for event in h.treatments:
        assert first <= event.date <= END


def test_training_walks_follow_the_apps_own_prescription():
    """Each walk was dosed by the full DESIGN 5.1 replay of every walk before it."""
    for weeks, seed in [(16, 1), (16, 2), (16, 3), (52, 4)]:
        h = history(weeks, seed)
        for i, walk in enumerate(h.walks):
            p = replay(h.walks[:i], walk.start)
            assert (p.bout_s, p.target_total_s) == h.prescribed[i], (seed, i)
            if local_day(walk.start) >= h.first_day + timedelta(days=7):
                assert walk.kind == p.kind, (seed, i)
            live = not walk.imported  # a diary cannot say how a walk ended
            if walk.kind == WalkKind.TRAINING and walk.ended_by == WalkEnd.COMPLETED and live:
                assert walk.total_walk_s == p.target_total_s
                if walk.tfs_s is None:
                    bouts = -(-p.target_total_s // p.bout_s)
                    assert walk.rests == bouts - 1


def test_the_targets_step_up_over_the_weeks():
    targets = [target for _, target in history().prescribed]
    assert targets[0] == 900 and targets[-1] > 900
    assert targets == sorted(targets)


@pytest.mark.parametrize("seed", SEEDS)
def test_first_week_has_three_tests_then_about_one_a_week(seed):
    h = history(16, seed)
    week1 = [w for w in h.walks if local_day(w.start) < h.first_day + timedelta(days=7)]
    assert [w.kind for w in week1].count(WalkKind.TEST) == 3
    assert h.walks[0].kind == WalkKind.TEST and not h.walks[0].imported
    tests = [w for w in h.walks if w.kind == WalkKind.TEST]
    assert 13 <= len(tests) <= 19  # weekly tests slide to the next walking day
    training = len(h.walks) - len(tests)
    assert 3 * 15 <= training <= 5 * 16
    assert 3 <= sum(w.imported for w in h.walks) < len(h.walks) // 2


@pytest.mark.parametrize("seed", SEEDS)
def test_the_injection_has_a_visible_effect(seed):
    h = history(16, seed)
    kinds = [t.kind for t in h.treatments]
    assert kinds.count(TreatmentKind.EPIDURAL_INJECTION) == 1
    assert TreatmentKind.PT_START in kinds
    pt = next(t for t in h.treatments if t.kind == TreatmentKind.PT_START)
    assert pt.date <= h.first_day + timedelta(days=7)
    effect = treatment_effect(h.walks, h.injection, TZ)
    assert effect.before_median_s is not None and effect.after_median_s is not None
    assert effect.after_median_s > effect.before_median_s
    assert effect.change_pct is not None and effect.change_pct >= 20
    middle = h.first_day + timedelta(days=7 * 16 // 2)
    assert abs((h.injection.date - middle).days) <= 7


@pytest.mark.parametrize("seed", SEEDS)
def test_there_is_a_flare(seed):
    h = history(16, seed)
    f = h.flare
    assert 3 <= (f.last_day - f.first_day).days <= 6 and f.first_day < h.injection.date
    around = [w for w in h.walks if f.first_day - timedelta(days=1) <= local_day(w.start)]
    around = [w for w in around if local_day(w.start) <= f.last_day]
    assert any(flare(w) for w in around)
    assert any(w.peak_leg_pain >= 7 for w in around)
    in_flare = [log for log in h.logs if f.first_day <= log.day <= f.last_day]
    calm = [log for log in h.logs if log.day < f.first_day - timedelta(days=7)]
    assert median(log.leg_pain for log in in_flare) >= median(log.leg_pain for log in calm[-14:])
    assert median(log.doses for log in in_flare) > median(log.doses for log in calm[-14:])
    assert any(log.opioid_doses for log in in_flare)
    walked = {local_day(w.start) for w in h.walks}
    flare_days = (f.last_day - f.first_day).days + 1
    flare_walks = sum(f.first_day <= d <= f.last_day for d in walked)
    assert flare_walks < flare_days * 4 / 7 + 1


def test_the_early_yes_is_cleared_before_any_session():
    h = history()
    yes = [i for i, c in enumerate(h.checks) if c.any_yes]
    assert len(yes) == 1
    check = h.checks[yes[0]]
    assert [q for q, a in check.answers.items() if a] == ["calf-pain-standing"]
    assert [c.check_index for c in h.clearances] == yes
    clearance = h.clearances[0]
    assert timedelta(days=1) < clearance.at - check.at < timedelta(days=5)
    sessions = [w.start for w in h.walks] + [s.start for s in h.routine_sessions]
    assert not [t for t in sessions if check.at <= t <= clearance.at]
    assert not session_gate(check.at, clearance.at)
    weekly = [c.at for c in h.checks if c.trigger == "weekly" or c.trigger == "first_run"]
    assert len(weekly) == 16
    assert all(timedelta(days=6) < b - a < timedelta(days=8) for a, b in pairwise(weekly))


@pytest.mark.parametrize("seed", SEEDS)
def test_sixteen_weeks_come_out_improving(seed):
    h = history(16, seed)
    doses = [DailyDoses(log.day, log.doses) for log in h.logs]
    v = compute_verdict(h.walks, doses, END, TZ)
    assert v.verdict == VerdictKind.IMPROVING
    assert v.baseline is not None and v.latest is not None
    assert 180 <= v.baseline.median_tolerance_s <= 270  # about 3-4 min at first
    assert 330 <= v.latest.median_tolerance_s <= 540  # about 6-8 min at the end
    assert v.medication_up is False
    assert v.last_test_days_ago is not None and v.last_test_days_ago <= 9


def test_ten_years_are_plausible():
    """How fast: bench/core.py (demo history, 10 years; target <= 2 s)."""
    h = generate(520, 1, END, TZ)
    days = 520 * 7
    tests = [w for w in h.walks if w.kind == WalkKind.TEST]
    assert 2000 <= len(h.walks) <= 520 * 6
    assert 400 <= len(tests) <= 560
    assert 0.8 * days <= len(h.logs) < days
    assert 0.6 * days <= len(h.routine_sessions) <= 1.2 * days
    assert len(h.slips) >= 5
    # tolerance plateaus: each later year's median within a band, never absurd
    years = {}
    for w in tests:
        years.setdefault((local_day(w.start) - h.first_day).days // 365, []).append(w.tolerance_s)
    for year, values in years.items():
        if year >= 1:
            assert 300 <= median(values) <= 600, year
    assert max(w.total_walk_s for w in h.walks) <= 1800
    assert max(log.doses for log in h.logs) <= 10


@pytest.mark.parametrize(("weeks", "seed"), [(16, 1), (104, 2)])
def test_sessions_never_overlap(weeks, seed):
    h = history(weeks, seed)
    spans = [
        (w.start, w.start + timedelta(seconds=int(w.total_walk_s) + 120 * (w.rests or 0)))
        for w in h.walks
    ] + [(s.start, s.start + timedelta(seconds=s.elapsed_s)) for s in h.routine_sessions]
    spans.sort()
    assert all(end <= start for (_, end), (start, _) in pairwise(spans))


def test_the_demo_patients_notes_are_in_the_users_language_and_change_nothing_else(pseudo):
    from stenosis_coach.i18n import is_pseudo_wrapped

    english = history(16, 1)  # made before the switch (cached), in English
    shown = generate(16, 1, END, TZ)
    notes = [w.notes for w in shown.walks if w.notes] + [g.notes for g in shown.logs if g.notes]
    notes += [t.note for t in shown.treatments if t.note]
    assert notes and [n for n in notes if not is_pseudo_wrapped(n)] == []
    # The same story: only the words differ.
    assert [(w.start, w.total_walk_s, w.tfs_s) for w in shown.walks] == [
        (w.start, w.total_walk_s, w.tfs_s) for w in english.walks
    ]
    assert len(shown.logs) == len(english.logs) and shown.checks == english.checks
