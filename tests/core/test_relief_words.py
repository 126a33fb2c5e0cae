"""DESIGN 5.10's relief in the patient's words, one function for Progress and the report."""

from __future__ import annotations

from datetime import date, timedelta

from stenosis_coach.core.daily import DailyLog, TreatmentKind
from stenosis_coach.core.outcomes.relief import relief_words
from stenosis_coach.i18n import is_pseudo_wrapped

T = date(2026, 3, 22)


def logs(pains: dict[int, int]) -> list[DailyLog]:
    return [DailyLog(T + timedelta(days=n), leg_pain=p) for n, p in sorted(pains.items())]


BEFORE = {-n: 6 for n in range(1, 15)}


def test_relief_that_ended_says_the_day_leg_pain_came_back():
    pains = BEFORE | {n: 2 for n in range(1, 18)} | {18: 6, 19: 6, 20: 5}
    assert relief_words(T, logs(pains), T + timedelta(days=30)) == (
        "Leg pain back near where it was before, on day 18 after the treatment."
    )
    # Clear alone: which day 18, of what (a tester read "day 1" as the programme's).
    said = relief_words(T, logs(pains), T + timedelta(days=30), TreatmentKind.EPIDURAL_INJECTION)
    assert said == "Leg pain back near where it was before, on day 18 after the epidural injection."


def test_relief_not_over_says_still_better_after_the_days_so_far_at_most_42():
    pains = BEFORE | {n: 2 for n in range(1, 31)}
    assert relief_words(T, logs(pains), T + timedelta(days=30)) == (
        "Still better 30 days after the treatment."
    )
    assert relief_words(T, logs(pains), T + timedelta(days=1)) == (
        "Still better 1 day after the treatment."
    )
    assert relief_words(T, logs(pains), T + timedelta(days=90)) == (
        "Still better 42 days after the treatment."
    )
    assert relief_words(T, logs(pains), T + timedelta(days=9), TreatmentKind.NERVE_BLOCK) == (
        "Still better 9 days after the nerve block."
    )
    assert relief_words(T, logs(pains), T) == ""  # the treatment day: nothing to say yet


def test_without_three_logged_days_before_it_cannot_tell():
    pains = {-2: 6, -1: 6} | {n: 2 for n in range(1, 10)}
    assert relief_words(T, logs(pains), T + timedelta(days=9)) == (
        "Not enough daily logs before the treatment to tell how long relief lasted."
    )


def test_only_the_logs_up_to_the_last_day_count():
    pains = BEFORE | {n: 2 for n in range(1, 18)} | {18: 6, 19: 6, 20: 5}
    assert relief_words(T, logs(pains), T + timedelta(days=19)) == (
        "Still better 19 days after the treatment."
    )


def test_the_words_are_translated(pseudo):
    pains = BEFORE | {n: 2 for n in range(1, 31)}
    assert is_pseudo_wrapped(relief_words(T, logs(pains), T + timedelta(days=30)))
    said = relief_words(T, logs(pains), T + timedelta(days=30), TreatmentKind.EPIDURAL_INJECTION)
    assert is_pseudo_wrapped(said) and said.count("⟦") == 2  # the sentence, the treatment
