"""DESIGN 5.3, the verdict (a contract): worked examples, every branch, every edge."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from stenosis_coach.core.progress.verdict import (
    DailyDoses,
    TreatmentEvent,
    TreatmentKind,
    Verdict,
    VerdictKind,
    Window,
    compute_verdict,
    median,
    round_half_away,
    to_status_json,
    treatment_effect,
)
from stenosis_coach.core.walking.diary import parse_diary
from stenosis_coach.core.walking.model import Walk, WalkKind

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
D0 = date(2026, 1, 5)
TODAY = date(2026, 4, 1)


def load_diary(name: str) -> list[Walk]:
    """A fixture diary, read by the real diary parser (DESIGN 4.3), in UTC."""
    return parse_diary(
        (FIXTURES / name).read_text(encoding="utf-8"), source=name, today=TODAY, tz=UTC
    )


# ---- builders ---------------------------------------------------------------------------


def walk_on(
    day: date,
    tolerance_s: Fraction | int,
    pain: int = 4,
    kind: WalkKind = WalkKind.TEST,
    symptoms: bool = True,
) -> Walk:
    tol = Fraction(tolerance_s)
    return Walk(
        start=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        kind=kind,
        total_walk_s=tol + 120 if symptoms else tol,
        tfs_s=tol if symptoms else None,
        peak_leg_pain=pain,
    )


def six_tests(base, late, base_pain=4, late_pain=4) -> list[Walk]:
    """Weekly tests on D0 + 0, 7, 14 (baseline) and 21, 28, 35 (latest)."""
    early = [walk_on(D0 + timedelta(days=7 * i), base, base_pain) for i in range(3)]
    later = [walk_on(D0 + timedelta(days=7 * i), late, late_pain) for i in range(3, 6)]
    return early + later


def daily(first: date, days: int, doses: int) -> list[DailyDoses]:
    return [DailyDoses(first + timedelta(days=i), doses) for i in range(days)]


LAST = D0 + timedelta(days=35)  # the last latest test of six_tests
MED_UP = daily(D0, 7, 1) + daily(LAST - timedelta(days=6), 7, 2)  # means 1 -> 2


# ---- worked examples ---------------------------------------------------------------------


@pytest.mark.parametrize("stem", ["diary-programme-12-weeks", "diary-prescription-steps"])
def test_worked_examples_come_out_exactly(stem):
    expected = json.loads((FIXTURES / f"{stem}.expected.json").read_text(encoding="utf-8"))
    got = to_status_json(compute_verdict(load_diary(f"{stem}.csv"), [], TODAY, UTC))
    for key in ("verdict", "change_pct", "baseline", "latest"):
        # json text, so 198.0 and 198 differ as they would on the command line
        assert json.dumps(got[key], sort_keys=True) == json.dumps(expected[key], sort_keys=True)


def test_twelve_week_example_in_words():
    v = compute_verdict(load_diary("diary-programme-12-weeks.csv"), [], date(2026, 3, 28), UTC)
    assert v.change_pct == Decimal("78.8")
    assert v.last_test_days_ago == 1
    assert v.medication_up is None
    assert "Walking before symptoms: 3:18 min → 5:54 min (+79%)." in v.summary
    assert "Leg pain: 5 → 4." in v.summary
    assert v.summary.startswith("Improving")
    assert v.nudge is None


def test_status_json_has_exactly_the_contract_keys():
    got = to_status_json(compute_verdict(six_tests(200, 260), [], TODAY, UTC))
    assert list(got) == [
        "verdict",
        "change_pct",
        "medication_up",
        "last_test_days_ago",
        "baseline",
        "latest",
    ]
    assert list(got["baseline"]) == [
        "from",
        "to",
        "walks",
        "median_tolerance_s",
        "median_time_to_symptoms_s",
        "median_total_walk_s",
        "median_leg_pain",
    ]
    assert got["change_pct"] == 30.0 and isinstance(got["change_pct"], float)


# ---- every branch ------------------------------------------------------------------------

F = Fraction
CASES = [
    # id, baseline tol, latest tol, baseline pain, latest pain, doses, verdict, change, med
    ("improving at exactly +30.0", 200, 260, 4, 4, [], "improving", "30.0", None),
    ("+29.96 shows 30.0 and improves", 250, F("324.9"), 4, 4, [], "improving", "30.0", None),
    ("+29.94 shows 29.9 and holds", 250, F("324.85"), 4, 4, [], "holding", "29.9", None),
    ("-30 slips", 200, 140, 4, 4, [], "slipping", "-30.0", None),
    ("-29.96 shows -30.0 and slips", 250, F("175.1"), 4, 4, [], "slipping", "-30.0", None),
    ("-29.94 shows -29.9 and holds", 250, F("175.15"), 4, 4, [], "holding", "-29.9", None),
    ("-12.25 rounds away from zero", 400, 351, 4, 4, [], "holding", "-12.3", None),
    ("pain up 2 slips despite +50%", 200, 300, 3, 5, [], "slipping", "50.0", None),
    ("pain up 1 still improves", 200, 300, 3, 4, [], "improving", "50.0", None),
    ("pain down a lot, no change", 200, 200, 8, 2, [], "holding", "0.0", None),
    ("medication up, walking down", 200, 190, 4, 4, MED_UP, "slipping", "-5.0", True),
    ("medication up, walking up", 200, 300, 4, 4, MED_UP, "holding", "50.0", True),
    ("medication up, no change", 200, 200, 4, 4, MED_UP, "holding", "0.0", True),
    (
        "medication not quite 1 up",
        200,
        300,
        4,
        4,
        daily(D0, 7, 1) + daily(LAST - timedelta(days=6), 6, 2) + [DailyDoses(LAST, 1)],
        "improving",
        "50.0",
        False,
    ),
    (
        "medication null with 6 logged days",
        200,
        190,
        4,
        4,
        daily(D0, 7, 1) + daily(LAST - timedelta(days=5), 6, 5),
        "holding",
        "-5.0",
        None,
    ),
]


@pytest.mark.parametrize(
    ("base", "late", "bpain", "lpain", "doses", "verdict", "change", "med"),
    [pytest.param(*c[1:], id=c[0]) for c in CASES],
)
def test_verdict_branches(base, late, bpain, lpain, doses, verdict, change, med):
    v = compute_verdict(six_tests(base, late, bpain, lpain), doses, TODAY, UTC)
    assert v.verdict == VerdictKind(verdict)
    assert v.change_pct == Decimal(change)
    assert str(v.change_pct) == change
    assert v.medication_up is med


def test_five_tests_are_not_enough_but_windows_are_reported():
    walks = six_tests(200, 400)[:5]
    v = compute_verdict(walks, [], TODAY, UTC)
    assert v.verdict == VerdictKind.NOT_ENOUGH_DATA
    assert v.change_pct is None
    assert v.baseline is not None and v.latest is not None
    assert (v.baseline.walks, v.latest.walks) == (3, 3)
    assert v.latest.from_date == D0 + timedelta(days=14)  # overlapping windows
    assert "you have done 5 walking tests" in v.summary


def test_no_tests_at_all():
    walks = [walk_on(D0, 300, kind=WalkKind.TRAINING)]
    v = compute_verdict(walks, [], TODAY, UTC)
    assert v == Verdict(VerdictKind.NOT_ENOUGH_DATA, None, None, None, None, None, 0)
    assert to_status_json(v)["baseline"] is None
    assert v.summary.startswith("No walking tests yet")


def test_training_walks_and_input_order_do_not_matter():
    tests = six_tests(200, 260)
    training = [walk_on(D0 + timedelta(days=i), 9000, 9, WalkKind.TRAINING) for i in range(40)]
    mixed = list(reversed(tests)) + training
    assert compute_verdict(mixed, [], TODAY, UTC) == compute_verdict(tests, [], TODAY, UTC)


def test_medication_spans_include_both_ends():
    walks = six_tests(200, 190)
    later = daily(LAST - timedelta(days=6), 7, 3)
    # the 14 days from D0 are D0 .. D0 + 13
    inside = daily(D0 + timedelta(days=7), 7, 1)
    outside = daily(D0 + timedelta(days=8), 7, 1)
    assert compute_verdict(walks, inside + later, TODAY, UTC).medication_up is True
    assert compute_verdict(walks, outside + later, TODAY, UTC).medication_up is None
    # the 14 days up to LAST are LAST - 13 .. LAST
    early = daily(D0, 7, 1)
    up = compute_verdict(walks, early + daily(LAST - timedelta(days=13), 7, 3), TODAY, UTC)
    assert up.medication_up is True
    miss = compute_verdict(walks, early + daily(LAST - timedelta(days=14), 7, 3), TODAY, UTC)
    assert miss.medication_up is None


def test_unlogged_days_are_not_zero_and_same_day_entries_add():
    walks = six_tests(200, 190)
    early = daily(D0, 7, 2)  # mean 2 over 7 logged days, 7 unlogged
    late = daily(LAST - timedelta(days=6), 7, 1) + daily(LAST - timedelta(days=6), 7, 1)
    v = compute_verdict(walks, early + late, TODAY, UTC)
    assert v.medication_up is False  # 2 -> 2


def test_window_medians_and_tfs_over_walks_that_had_one():
    walks = [
        walk_on(D0, 200, pain=3, symptoms=False),
        walk_on(D0 + timedelta(days=1), 300, pain=4),
        walk_on(D0 + timedelta(days=2), 500, pain=6),
    ]
    w = Window.of(walks, UTC)
    assert w.median_tolerance_s == 300
    assert w.median_time_to_symptoms_s == 400  # mean of 300 and 500
    assert w.median_total_walk_s == 420  # 200, 420, 620
    no_tfs = Window.of([walk_on(D0, 200, symptoms=False)], UTC)
    assert no_tfs.to_json()["median_time_to_symptoms_s"] is None


def test_days_are_local_days():
    late = Walk(
        start=datetime(2026, 1, 5, 23, 30, tzinfo=UTC),
        kind=WalkKind.TEST,
        total_walk_s=F(400),
        tfs_s=F(300),
        peak_leg_pain=3,
    )
    plus_two = timezone(timedelta(hours=2))
    v = compute_verdict([late], [], date(2026, 1, 7), plus_two)
    assert v.baseline is not None and v.baseline.from_date == date(2026, 1, 6)
    assert v.last_test_days_ago == 1
    assert compute_verdict([late], [], date(2026, 1, 7), UTC).last_test_days_ago == 2


@pytest.mark.parametrize(("days", "nudged"), [(28, False), (29, True)])
def test_nudge_after_28_days(days, nudged):
    v = compute_verdict(six_tests(200, 200), [], LAST + timedelta(days=days), UTC)
    assert v.last_test_days_ago == days
    if nudged:
        assert v.nudge == (
            f"Your last walking test was {days} days ago — a new one keeps this honest."
        )
    else:
        assert v.nudge is None


def test_summary_mentions_medication_and_half_points():
    v = compute_verdict(six_tests(240, 228, 3, 3), MED_UP, TODAY, UTC)
    assert v.verdict == VerdictKind.SLIPPING
    assert "Walking before symptoms: 4:00 min → 3:48 min (−5%)." in v.summary
    assert "more dose of pain medicine" in v.summary


# ---- exact helpers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], None),
        ([F(7)], F(7)),
        ([F(3), F(1), F(2)], F(2)),
        ([F(4), F(1), F(3), F(2)], F(5, 2)),
        ([F(1, 3), F(2, 3)], F(1, 2)),
        ([F(390), F(420)], F(405)),
    ],
)
def test_median(values, expected):
    assert median(values) == expected


@pytest.mark.parametrize(
    ("x", "places", "text"),
    [
        (F("-12.25"), 1, "-12.3"),
        (F("12.25"), 1, "12.3"),
        (F("0.05"), 1, "0.1"),
        (F("-0.05"), 1, "-0.1"),
        (F("-0.04"), 1, "0.0"),
        (F(15600, 198), 1, "78.8"),
        (F(30), 1, "30.0"),
        (F("2.5"), 0, "3"),
        (F("-2.5"), 0, "-3"),
        (F(1, 3), 2, "0.33"),
    ],
)
def test_round_half_away_from_zero(x, places, text):
    assert str(round_half_away(x, places)) == text


# ---- treatment events --------------------------------------------------------------------


def test_treatment_effect_windows():
    e = date(2026, 3, 1)

    def at(offset: int, tol: int) -> Walk:
        return walk_on(e + timedelta(days=offset), tol)

    walks = [
        at(-29, 1000),  # too early
        at(-28, 300),  # first day before
        at(-1, 360),  # last day before
        at(0, 1000),  # the event day: neither
        at(6, 1000),  # too soon after
        at(7, 400),  # first day after
        at(35, 500),  # last day after
        at(36, 1000),  # too late
        walk_on(e + timedelta(days=10), 5000, kind=WalkKind.TRAINING),  # not a test
    ]
    event = TreatmentEvent(e, TreatmentKind.EPIDURAL_INJECTION, "L4-5")
    before, after, change = treatment_effect(walks, event, UTC)
    assert (before, after) == (330, 450)
    assert change == Decimal("36.4")  # 120 / 330 = 36.36...


def test_treatment_effect_without_tests_before():
    e = date(2026, 3, 1)
    walks = [walk_on(e + timedelta(days=8), 400)]
    effect = treatment_effect(walks, TreatmentEvent(e, TreatmentKind.PT_START), UTC)
    assert effect == (None, 400, None)
    assert effect.after_median_s == 400


def test_negative_doses_are_refused():
    with pytest.raises(ValueError, match="negative"):
        DailyDoses(D0, -1)
