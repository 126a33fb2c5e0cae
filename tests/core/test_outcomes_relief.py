"""DESIGN 5.10: relief days after a treatment, on hand-computed cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.outcomes.relief import (
    relief_baseline,
    relief_days,
    treatment_relief,
)

T = date(2026, 3, 22)


def day(n: int) -> date:
    return T + timedelta(days=n)


def logs(pains: dict[int, int | None]) -> list[DailyLog]:
    return [DailyLog(day(n), leg_pain=p) for n, p in sorted(pains.items())]


def before(pain: int = 6, days: int = 14) -> dict[int, int | None]:
    return {-n: pain for n in range(1, days + 1)}


def test_baseline_is_the_median_of_the_14_days_before_the_treatment_day_excluded():
    pains = {-15: 0, -14: 4, -13: 5, -2: 7, 0: 0}
    assert relief_baseline(T, logs(pains)) == 5
    assert relief_baseline(T, logs({-14: 4, -13: 5, -2: 6, -1: 7})) == Fraction(11, 2)


def test_no_baseline_without_three_logged_days():
    assert relief_baseline(T, logs({-3: 6, -2: 6, -1: None, -20: 6})) is None
    assert relief_days(T, logs({-3: 6, -2: 6, 1: 2, 2: 6, 3: 6, 4: 6})) is None


def test_first_of_three_consecutive_logged_days_back_near_baseline():
    pains = before(6) | {n: 2 for n in range(1, 11)} | {11: 6, 12: 6, 13: 5}
    assert relief_days(T, logs(pains)) == 11


def test_a_single_day_back_does_not_end_relief():
    pains = before(6) | {1: 2, 2: 5, 3: 2, 4: 5, 5: 5, 6: 2, 7: 5, 8: 6, 9: 7}
    assert relief_days(T, logs(pains)) == 7


def test_days_without_a_log_are_skipped():
    pains = before(6) | {1: 2, 2: 2, 5: 5, 9: 6, 20: 5}
    assert relief_days(T, logs(pains)) == 5
    # a log without leg pain is no log for this rule
    pains = before(6) | {1: 2, 5: 5, 6: None, 9: 6, 20: 5}
    assert relief_days(T, logs(pains)) == 5


def test_exactly_baseline_minus_one_counts_as_back():
    pains = before(6) | {1: 4, 2: 5, 3: 5, 4: 5}
    assert relief_days(T, logs(pains)) == 2
    pains = before(6) | {1: 4, 2: 4, 3: 4, 4: 4}
    assert relief_days(T, logs(pains)) is None


def test_no_relief_at_all_is_day_one():
    assert relief_days(T, logs(before(6) | {1: 6, 2: 7, 3: 6})) == 1


def test_still_better_at_day_42_is_null():
    pains = before(6) | {n: 2 for n in range(1, 43)} | {43: 6, 44: 6, 45: 6}
    assert relief_days(T, logs(pains)) is None
    # a run starting by day 42 must be seen within the 42 days
    pains = before(6) | {n: 2 for n in range(1, 41)} | {41: 6, 42: 6, 43: 6}
    assert relief_days(T, logs(pains)) is None
    pains = before(6) | {n: 2 for n in range(1, 40)} | {40: 6, 41: 6, 42: 6}
    assert relief_days(T, logs(pains)) == 40


def test_the_treatment_day_is_neither_before_nor_after():
    pains = before(6, 2) | {0: 6} | {1: 2, 2: 6, 3: 6, 4: 6}
    assert relief_baseline(T, logs(pains)) is None
    pains = before(6) | {0: 6, 1: 6, 2: 6, 3: 6}
    assert relief_days(T, logs(pains)) == 1


def test_not_enough_days_yet_is_null():
    assert relief_days(T, logs(before(6) | {1: 2, 2: 6, 3: 6})) is None


@dataclass(frozen=True)
class Pain:
    day: date
    leg_pain: int | None


def test_any_record_with_a_day_and_leg_pain_will_do():
    pains = [Pain(day(-n), 6) for n in range(1, 4)] + [Pain(day(n), 6) for n in (1, 2, 3)]
    assert relief_days(T, pains) == 1


def test_treatment_relief_lists_only_kinds_with_a_relief_record():
    events = [
        TreatmentEvent(day(30), TreatmentKind.PT_START),
        TreatmentEvent(T, TreatmentKind.EPIDURAL_INJECTION),
        TreatmentEvent(day(60), TreatmentKind.NERVE_BLOCK),
        TreatmentEvent(day(61), TreatmentKind.PROCEDURE),
        TreatmentEvent(day(62), TreatmentKind.MEDICATION_CHANGE),
    ]
    pains = before(6) | {n: 2 for n in range(1, 11)} | {11: 6, 12: 6, 13: 5}
    got = [r.to_json() for r in treatment_relief(events, logs(pains))]
    assert got == [
        {"date": "2026-03-22", "kind": "epidural_injection", "relief_days": 11},
        {"date": "2026-05-21", "kind": "nerve_block", "relief_days": None},
        {"date": "2026-05-22", "kind": "procedure", "relief_days": None},
    ]
