"""DESIGN 5.6: the Zurich Claudication Questionnaire scored on hand-computed cases."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from stenosis_coach.core.outcomes.model import Answer, Questionnaire
from stenosis_coach.core.outcomes.zcq import (
    FUNCTION,
    SATISFACTION,
    SUBSCALES,
    SYMPTOMS,
    ZCQ_SOURCE,
    next_zcq_due,
    score_text,
    scores_of,
    zcq_outcome,
)
from stenosis_coach.i18n import is_pseudo_wrapped

F = Fraction
D1 = date(2026, 3, 2)
D2 = date(2026, 4, 27)


def zcq(day: date, **answers: Answer) -> Questionnaire:
    return Questionnaire(day, "zcq", answers)


def full(
    day: date, s: tuple[int, ...], f: tuple[int, ...], p: tuple[int, ...] = ()
) -> Questionnaire:
    answers: dict[str, Answer] = {}
    for prefix, values in (("s", s), ("f", f), ("p", p)):
        answers.update({f"{prefix}{i}": v for i, v in enumerate(values, 1)})
    return Questionnaire(day, "zcq", answers)


# ---- the instrument as data ----------------------------------------------------------


def test_items_and_answers_are_the_published_ones():
    assert [i.id for i in SYMPTOMS.items] == ["s1", "s2", "s3", "s4", "s5", "s6", "s7"]
    assert [i.id for i in FUNCTION.items] == ["f1", "f2", "f3", "f4", "f5"]
    assert [i.id for i in SATISFACTION.items] == ["p1", "p2", "p3", "p4", "p5", "p6"]
    for item in SYMPTOMS.items[:6]:
        assert [a.value for a in item.answers] == [1, 2, 3, 4, 5]
    assert [a.value for a in SYMPTOMS.items[6].answers] == [1, 3, 5]  # balance
    for item in FUNCTION.items + SATISFACTION.items:
        assert [a.value for a in item.answers] == [1, 2, 3, 4]
    assert not SYMPTOMS.from_second and not FUNCTION.from_second and SATISFACTION.from_second
    assert "Stucki" in ZCQ_SOURCE and "1996" in ZCQ_SOURCE and "796" in ZCQ_SOURCE


def test_every_text_a_patient_reads_is_translated(pseudo):
    for subscale in SUBSCALES:
        assert is_pseudo_wrapped(subscale.title)
        assert is_pseudo_wrapped(subscale.intro)
        for item in subscale.items:
            assert is_pseudo_wrapped(item.question)
            assert all(is_pseudo_wrapped(a.text) for a in item.answers)


def test_texts_are_plain_english_by_default():
    walk = FUNCTION.items[0]
    assert walk.question == "How far have you been able to walk?"
    assert walk.answers[0].text.startswith("Over 2 miles")
    assert SYMPTOMS.items[6].answers[1].value == 3


# ---- subscales -----------------------------------------------------------------------


def test_subscale_is_the_exact_mean_of_answered_items():
    s = scores_of(full(D1, (4, 4, 3, 4, 3, 2, 3), (3, 3, 2, 2, 1)))
    assert s.symptom_severity == F(23, 7)
    assert s.physical_function == F(11, 5)
    assert s.satisfaction is None  # not asked the first time


def test_one_item_left_blank_the_mean_of_the_others():
    q = zcq(D1, s1=4, s2=4, s3=3, s4=4, s5=3, s6=2, f1=3, f2=3, f3=2, f4=2)  # s7, f5 blank
    s = scores_of(q)
    assert s.symptom_severity == F(20, 6)
    assert s.physical_function == F(10, 4)


def test_two_items_left_blank_the_subscale_is_null():
    q = zcq(D1, s1=4, s2=4, s3=3, s4=4, s5=3, f1=3, f2=3, f3=2, f4=2, f5=1)  # s6, s7 blank
    s = scores_of(q)
    assert s.symptom_severity is None
    assert s.physical_function == F(11, 5)


def test_balance_item_counts_as_its_published_value():
    low = scores_of(full(D1, (1, 1, 1, 1, 1, 1, 1), (1,) * 5))
    high = scores_of(full(D1, (1, 1, 1, 1, 1, 1, 5), (1,) * 5))
    assert low.symptom_severity == 1
    assert high.symptom_severity == F(11, 7)


def test_an_answer_the_item_does_not_take_counts_as_unanswered():
    s = scores_of(full(D1, (2, 2, 2, 2, 2, 2, 2), (1,) * 5))  # s7=2 is not an answer
    assert s.symptom_severity == 2  # the mean of s1-s6


def test_satisfaction_with_one_blank():
    s = scores_of(full(D2, (2,) * 7, (2,) * 5, (2, 2, 2, 3, 2)))  # p6 blank
    assert s.satisfaction == F(11, 5)


# ---- first, latest, change, meaningful, success -------------------------------------


def test_fixture_like_pair():
    first = full(D1, (4, 4, 3, 4, 3, 2, 3), (3, 3, 2, 2, 1))
    latest = full(D2, (3, 3, 2, 2, 3, 2, 1), (2, 2, 2, 1, 1), (2, 2, 2, 3, 2, 2))
    out = zcq_outcome([latest, first])  # order given does not matter
    assert out.first is not None and out.first.date == D1
    assert out.latest is not None and out.latest.satisfaction == F(13, 6)
    assert out.change is not None
    assert out.change.symptom_severity == -1
    assert out.change.physical_function == F(-3, 5)
    assert out.meaningful is True
    assert out.success is True


def sev(day: date, total: int) -> Questionnaire:
    """Seven symptom answers summing to ``total`` (mean total/7), function all 2."""
    values = [1] * 7
    rest = total - 7
    for i in range(6):  # s1-s6 take up to 4 more each; s7 stays 1
        step = min(4, rest)
        values[i] += step
        rest -= step
    assert rest == 0
    return full(day, tuple(values), (2,) * 5)


def test_meaningful_at_exactly_036_is_not_reachable_from_sevenths_but_the_rule_is_exact():
    # 0.36 exactly: symptom means with a denominator of 25 are not possible, so check the
    # rule on the exact values it gets: -2/7 (0.2857) is not enough, -3/7 (0.4286) is.
    assert zcq_outcome([sev(D1, 21), sev(D2, 19)]).meaningful is False
    assert zcq_outcome([sev(D1, 21), sev(D2, 18)]).meaningful is True


def test_meaningful_threshold_is_inclusive_at_exactly_036():
    from stenosis_coach.core.outcomes.zcq import ZcqChange, judge_meaningful

    assert judge_meaningful(ZcqChange(F(-36, 100), F(0))) is True
    assert judge_meaningful(ZcqChange(F(-35, 100), F(0))) is False
    assert judge_meaningful(ZcqChange(F(-359999, 1000000), F(0))) is False
    assert judge_meaningful(ZcqChange(None, F(0))) is None


def test_worse_is_not_meaningful():
    assert zcq_outcome([sev(D1, 14), sev(D2, 21)]).meaningful is False


def test_success_exactly_at_each_threshold():
    # severity 3 -> 2.5 (-0.5 exactly), function 3 -> 2.5 (-0.5 exactly), satisfaction 2.5
    first = full(D1, (3,) * 6 + (3,), (3,) * 5)
    latest = zcq(
        D2,
        s1=3, s2=3, s3=2, s4=2, s5=2, s6=3,  # s7 blank: mean 15/6 = 2.5
        f1=3, f2=2, f3=3, f4=2,  # f5 blank: mean 10/4 = 2.5
        p1=2, p2=3, p3=2, p4=3, p5=2, p6=3,  # 2.5
    )  # fmt: skip
    out = zcq_outcome([first, latest])
    assert out.change is not None
    assert out.change.symptom_severity == F(-1, 2)
    assert out.change.physical_function == F(-1, 2)
    assert out.latest is not None and out.latest.satisfaction == F(5, 2)
    assert out.success is True


def test_success_false_just_past_a_threshold():
    first = full(D1, (3,) * 7, (3,) * 5)
    latest = full(D2, (2,) * 7, (2,) * 5, (3, 3, 3, 2, 2, 3))  # satisfaction 16/6 > 2.5
    assert zcq_outcome([first, latest]).success is False


def test_success_false_by_a_known_value_while_another_is_null():
    first = full(D1, (3,) * 7, (3,) * 5)
    # severity improves 1, function does not improve (known failure), satisfaction null
    latest = full(D2, (2,) * 7, (3,) * 5, (2, 2))
    out = zcq_outcome([first, latest])
    assert out.latest is not None and out.latest.satisfaction is None
    assert out.success is False


def test_success_null_when_a_needed_value_is_null_and_none_failed():
    first = full(D1, (3,) * 7, (3,) * 5)
    latest = full(D2, (2,) * 7, (2,) * 5, (2, 2))  # satisfaction null, the rest pass
    out = zcq_outcome([first, latest])
    assert out.success is None
    assert out.meaningful is True


def test_severity_null_in_latest_makes_change_and_meaningful_null():
    first = full(D1, (3,) * 7, (3,) * 5)
    latest = zcq(D2, s1=2, s2=2, s3=2, s4=2, s5=2, f1=3, f2=3, f3=3, f4=3, f5=3)
    out = zcq_outcome([first, latest])
    assert out.latest is not None and out.latest.date == D2  # the latest even when null
    assert out.change is not None
    assert out.change.symptom_severity is None
    assert out.change.physical_function == 0
    assert out.meaningful is None
    assert out.success is False  # function did not improve by 0.5: already failed


def test_one_questionnaire_only_gives_nulls():
    out = zcq_outcome([full(D1, (4,) * 7, (3,) * 5)])
    assert out.first == out.latest
    assert out.change is None and out.meaningful is None and out.success is None
    assert out.to_json()["change"] is None


def test_no_questionnaire():
    out = zcq_outcome([])
    assert out.to_json() == {
        "first": None,
        "latest": None,
        "change": None,
        "meaningful": None,
        "success": None,
    }


def test_psfs_questionnaires_are_not_zcqs():
    other = Questionnaire(D2, "psfs", {"Gardening": 4})
    out = zcq_outcome([full(D1, (4,) * 7, (3,) * 5), other])
    assert out.change is None


def test_to_json_numbers_are_the_exact_values_as_floats():
    first = full(D1, (4, 4, 3, 4, 3, 2, 3), (3, 3, 2, 2, 1))
    latest = full(D2, (3, 3, 2, 2, 3, 2, 1), (2, 2, 2, 1, 1), (2, 2, 2, 3, 2, 2))
    got = zcq_outcome([first, latest]).to_json()
    assert got["first"] == {
        "date": "2026-03-02",
        "symptom_severity": 23 / 7,
        "physical_function": 2.2,
        "satisfaction": None,
    }
    assert got["change"] == {"symptom_severity": -1.0, "physical_function": -0.6}
    assert got["meaningful"] is True and got["success"] is True


# ---- shown to two decimals ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (F(23, 7), "3.29"),
        (F(11, 5), "2.20"),
        (F(-1), "\u22121.00"),
        (F(1, 8), "0.13"),  # 0.125 half away from zero
        (F(-1, 8), "\u22120.13"),
        (F(-1, 1000), "0.00"),  # never "-0.00"
    ],
)
def test_score_text_two_decimals_half_away_from_zero(value, shown):
    assert score_text(value) == shown


# ---- due ------------------------------------------------------------------------------


def test_next_zcq_due_at_the_start_then_every_28_days():
    start = date(2026, 3, 1)
    assert next_zcq_due([], None) is None
    assert next_zcq_due([], start) == start
    assert next_zcq_due([zcq(D1, s1=3)], start) == date(2026, 3, 30)
    later = [zcq(D1, s1=3), zcq(date(2026, 3, 29), s1=2)]
    assert next_zcq_due(later, start) == date(2026, 4, 26)
    assert next_zcq_due([Questionnaire(D1, "psfs", {"Gardening": 3})], start) == start


def test_score_text_keeps_two_decimals_in_the_locales_decimal_sign():
    from stenosis_coach import i18n

    i18n.setup("es")
    try:
        assert [score_text(F(11, 5)), score_text(F(2)), score_text(F(-3, 5))] == [
            "2,20",
            "2,00",
            "\u22120,60",
        ]
    finally:
        i18n.setup(i18n.SOURCE_LOCALE)
