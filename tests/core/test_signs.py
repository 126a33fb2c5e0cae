"""DESIGN 5.4: each sign present and absent at its threshold edge."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

import pytest

from stenosis_coach.core.progress.signs import (
    SignCode,
    brief_relief,
    more_medication_less_walking,
    more_rests,
    new_weakness_or_balance,
    specialist_signs,
    tolerance_falling,
)
from stenosis_coach.core.progress.verdict import DailyDoses, TreatmentEvent, TreatmentKind
from stenosis_coach.core.walking.model import Walk, WalkKind

TODAY = date(2026, 5, 4)  # a Monday
F = Fraction


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def walk_on(
    day: date,
    tolerance_s: Fraction | int = 300,
    kind: WalkKind = WalkKind.TEST,
    rests: int | None = None,
    total_s: Fraction | int | None = None,
) -> Walk:
    tol = Fraction(tolerance_s)
    return Walk(
        start=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        kind=kind,
        total_walk_s=Fraction(total_s) if total_s is not None else tol + 120,
        tfs_s=tol,
        peak_leg_pain=4,
        rests=rests,
    )


def training(day: date, rests: int | None = 2, total_s: int = 900) -> Walk:
    return walk_on(day, 600, WalkKind.TRAINING, rests, total_s)


def daily(first: date, days: int, doses: int) -> list[DailyDoses]:
    return [DailyDoses(first + timedelta(days=i), doses) for i in range(days)]


# ---- tolerance_falling -----------------------------------------------------------------


def weekly_tests(before: Fraction | int, last: Fraction | int, count: int = 6) -> list[Walk]:
    tols = [before] * (count - 3) + [last] * 3
    return [walk_on(ago(7 * (count - i)), tol) for i, tol in enumerate(tols)]


@pytest.mark.parametrize(
    ("last", "present"),
    [(240, True), (F("240.15"), True), (F("240.16"), False), (241, False)],
    ids=["-20%", "-19.95% shows -20%", "-19.95% less a hair shows -19.9%", "-19.7%"],
)
def test_tolerance_falling_edge(last, present):
    sign = tolerance_falling(weekly_tests(300, last))
    assert (sign is not None) is present
    if sign is not None:
        assert sign.code == SignCode.TOLERANCE_FALLING
        assert "from 5:00 min to 4:00 min over your last three walking tests (−20%)" in sign.text


def test_tolerance_falling_compares_only_the_three_tests_before_the_last_three():
    older = [walk_on(ago(d), 1000) for d in (80, 70, 60)]  # much better, long ago
    assert tolerance_falling([*older, *weekly_tests(250, 240)]) is None  # -4%
    assert tolerance_falling([*older, *weekly_tests(300, 240)]) is not None


def test_tolerance_falling_needs_six_tests():
    assert tolerance_falling(weekly_tests(300, 100, count=5)) is None


def test_tolerance_falling_ignores_training_walks():
    walks = weekly_tests(300, 300) + [training(ago(1)) for _ in range(3)]
    assert tolerance_falling(walks) is None


# ---- more_rests ------------------------------------------------------------------------


def rests_spans(before: list[int | None], now: list[int | None]) -> list[Walk]:
    earlier = [training(ago(14 + i), r) for i, r in enumerate(before)]  # today-14 and older
    later = [training(ago(i), r) for i, r in enumerate(now)]  # today and back
    return earlier + later


@pytest.mark.parametrize(
    ("before", "now", "present"),
    [
        ([1, 2, 2, 3], [2, 3, 3, 3], True),  # median 2 -> 3: exactly 1 more
        ([1, 2, 2, 3], [2, 2, 3, 3], False),  # 2 -> 2.5
        ([2, 2], [5, 5, 5], False),  # only 2 walks before
        ([2, 2, 2, None], [3, 3, 3], True),  # unknown rests are not counted
        ([2, 2, None], [3, 3, 3], False),  # ... so this span has only 2
    ],
)
def test_more_rests_edge(before, now, present):
    sign = more_rests(rests_spans(before, now), TODAY, UTC)
    assert (sign is not None) is present
    if sign is not None:
        assert sign.code == SignCode.MORE_RESTS
        assert "3 on a typical walk in the last 14 days, up from 2" in sign.text


def test_more_rests_span_boundaries():
    before = [training(ago(d), 1) for d in (14, 20, 27)]
    now = [training(ago(d), 3) for d in (0, 6, 13)]
    assert more_rests(before + now, TODAY, UTC) is not None
    shifted = [training(ago(d), 1) for d in (14, 20, 28)]  # 28 days ago is outside
    assert more_rests(shifted + now, TODAY, UTC) is None
    tests_only = [walk_on(ago(d), rests=1) for d in (14, 20, 27)]
    assert more_rests(tests_only + now, TODAY, UTC) is None


# ---- more_medication_less_walking --------------------------------------------------------

DOSES_UP = daily(ago(27), 7, 1) + daily(ago(13), 7, 2)  # 1 -> 2 a day


def walking(before_each: int, now_each: int) -> list[Walk]:
    """Two training walks in each span; 3000 s over 14 days is 1500 s a week."""
    return [
        training(ago(27), total_s=before_each),
        training(ago(14), total_s=before_each),
        training(ago(13), total_s=now_each),
        training(ago(0), total_s=now_each),
    ]


@pytest.mark.parametrize(
    ("doses", "now_each", "present"),
    [
        (DOSES_UP, 1200, True),  # 1500 -> 1200 a week: -20%
        (DOSES_UP, 1201, False),  # -19.9%
        (daily(ago(27), 7, 1) + daily(ago(13), 6, 2) + [DailyDoses(TODAY, 1)], 600, False),
        (daily(ago(27), 7, 1) + daily(ago(13), 6, 2), 600, False),  # only 6 logged days
        (daily(ago(28), 7, 1) + daily(ago(13), 7, 2), 600, False),  # 6 in the earlier span
    ],
    ids=["edge", "walking -19.9%", "doses up 6/7", "6 logged now", "6 logged before"],
)
def test_more_medication_less_walking_edge(doses, now_each, present):
    sign = more_medication_less_walking(walking(1500, now_each), doses, TODAY, UTC)
    assert (sign is not None) is present
    if sign is not None:
        assert sign.code == SignCode.MORE_MEDICATION_LESS_WALKING
        assert "(2 doses a day, up from 1)" in sign.text
        assert "(20 min a week, down from 25 min, −20%)" in sign.text


def test_walking_time_counts_tests_too_and_no_earlier_walking_cannot_drop():
    walks = [*walking(1500, 1200), walk_on(ago(2), 180, total_s=600)]  # +300 s a week now
    assert more_medication_less_walking(walks, DOSES_UP, TODAY, UTC) is None
    only_now = [training(ago(1), total_s=100)]
    assert more_medication_less_walking(only_now, DOSES_UP, TODAY, UTC) is None


# ---- brief_relief ------------------------------------------------------------------------

EVENT = TreatmentEvent(ago(60), TreatmentKind.EPIDURAL_INJECTION)


def relief_walks(after: Fraction | int, later: Fraction | int | None) -> list[Walk]:
    e = EVENT.date
    walks = [walk_on(e - timedelta(days=10), 300), walk_on(e + timedelta(days=10), after)]
    if later is not None:
        walks.append(walk_on(e + timedelta(days=50), later))
    return walks


@pytest.mark.parametrize(
    ("after", "later", "present"),
    [
        (390, 330, True),  # +30%, then back to +10%
        (390, 200, True),  # below before counts as back
        (F("389.85"), 330, True),  # +29.95% shows +30%
        (F("389.8"), 330, False),  # +29.9%
        (390, F("330.14"), True),  # +10.05% less a hair shows +10%
        (390, F("330.15"), False),  # +10.05% shows +10.1%
        (390, 331, False),  # +10.3%: relief has lasted
        (390, None, False),  # no tests in days 36-90 yet
    ],
)
def test_brief_relief_edge(after, later, present):
    sign = brief_relief(relief_walks(after, later), [EVENT], UTC)
    assert (sign is not None) is present
    if sign is not None and later == 330:
        assert sign.code == SignCode.BRIEF_RELIEF
        assert sign.text == (
            "After your epidural injection on Thu 5 Mar, your walking before symptoms rose "
            "from 5:00 min to 6:30 min (+30%), but in later tests it is back to 5:30 min."
        )


def test_brief_relief_later_window_is_days_36_to_90():
    e = EVENT.date
    base = relief_walks(390, None)
    assert brief_relief([*base, walk_on(e + timedelta(days=36), 300)], [EVENT], UTC)
    assert brief_relief([*base, walk_on(e + timedelta(days=90), 300)], [EVENT], UTC)
    assert not brief_relief([*base, walk_on(e + timedelta(days=35), 300)], [EVENT], UTC)
    assert not brief_relief([*base, walk_on(e + timedelta(days=91), 300)], [EVENT], UTC)


def test_brief_relief_only_for_treatments_and_names_the_latest():
    walks = relief_walks(390, 300)
    for kind in (TreatmentKind.PT_END, TreatmentKind.SURGICAL_CONSULT):
        assert brief_relief(walks, [TreatmentEvent(EVENT.date, kind)], UTC) is None
    older = TreatmentEvent(EVENT.date - timedelta(days=1), TreatmentKind.NERVE_BLOCK)
    sign = brief_relief(walks, [older, EVENT], UTC)
    assert sign is not None and "epidural injection" in sign.text


# ---- new_weakness_or_balance -------------------------------------------------------------


@pytest.mark.parametrize(
    ("reports", "present"),
    [([ago(27)], True), ([ago(28)], False), ([TODAY + timedelta(days=1)], False), ([], False)],
)
def test_new_weakness_edge(reports, present):
    sign = new_weakness_or_balance(reports, TODAY)
    assert (sign is not None) is present
    if sign is not None:
        assert sign.text == "You reported new weakness or unsteadiness on Tue 7 Apr."


def test_new_weakness_more_than_once():
    sign = new_weakness_or_balance([ago(3), ago(10), ago(3), ago(40)], TODAY)
    assert sign is not None and sign.code == SignCode.NEW_WEAKNESS_OR_BALANCE
    assert sign.text == (
        "You reported new weakness or unsteadiness on 2 days in the last 4 weeks, "
        "most recently on Fri 1 May."
    )


# ---- all together ------------------------------------------------------------------------


def test_specialist_signs_in_design_order():
    walks = weekly_tests(300, 240) + rests_spans([1, 1, 1], [3, 3, 3])
    signs = specialist_signs(walks, [], [], [ago(1)], TODAY, UTC)
    assert [s.code for s in signs] == [
        SignCode.TOLERANCE_FALLING,
        SignCode.MORE_RESTS,
        SignCode.NEW_WEAKNESS_OR_BALANCE,
    ]
    assert signs[0].to_json() == {"code": "tolerance_falling", "text": signs[0].text}


def test_no_data_no_signs():
    assert specialist_signs([], [], [], [], TODAY, UTC) == []
