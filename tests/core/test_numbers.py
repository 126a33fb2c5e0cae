"""The one number parser: exact values, a decimal comma or point, and plain refusals."""

from __future__ import annotations

from fractions import Fraction

import pytest

from stenosis_coach.core.numbers import NumberProblem, NumberRule, Problem, read_number, read_whole

MINUTES = NumberRule("Minutes walked", low=0, high=180, low_open=True, unit="minutes")
METRES = NumberRule("Distance", low=0, high=100_000, required=False, unit="metres", example="800")
ANY = NumberRule("Value")
CSV = NumberRule("Value", decimal_comma=False)


def refused(text: str, rule: NumberRule = ANY) -> NumberProblem:
    with pytest.raises(NumberProblem) as caught:
        read_number(text, rule)
    assert caught.value.message.startswith(rule.name)  # the field is named
    assert caught.value.message.endswith(".")
    return caught.value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.5", Fraction(9, 2)),
        ("4,5", Fraction(9, 2)),  # a decimal comma, as in much of Europe
        (" 4.5 ", Fraction(9, 2)),
        ("\u00a04,5\u00a0", Fraction(9, 2)),
        ("-0", Fraction(0)),
        ("+3", Fraction(3)),
        ("−2", Fraction(-2)),  # the minus sign, not a hyphen
        ("0,500", Fraction(1, 2)),  # a leading 0 cannot be a thousands group
        ("1234,5", Fraction(12345, 10)),
        ("1 500", Fraction(1500)),  # grouped by a space
        ("1\u202f500", Fraction(1500)),  # narrow no-break space (French keyboards)
        ("1 500,5", Fraction(3001, 2)),
        ("1,500.5", Fraction(3001, 2)),  # both: the last is the decimal one
        ("1.500,5", Fraction(3001, 2)),
        ("1,500,000", Fraction(1_500_000)),  # repeated: it groups
        ("12.25", Fraction(49, 4)),
        ("4.", Fraction(4)),
        (".5", Fraction(1, 2)),
        ("１２", Fraction(12)),  # full-width digits
        ("0.1", Fraction(1, 10)),  # exact, never 0.1000000000000000055...
    ],
)
def test_good_numbers_are_read_exactly(text, value):
    got = read_number(text, ANY)
    assert got == value and isinstance(got, Fraction)


@pytest.mark.parametrize(
    "text",
    ["inf", "-inf", "Infinity", "nan", "NaN", "-nan", "∞"],
)
def test_inf_and_nan_are_refused_plainly(text):
    problem = refused(text, METRES)
    assert problem.message == "Distance must be a number, like 800."


@pytest.mark.parametrize(
    "text", ["1e309", "1e3", "abc", "4 5", "1,5,0", "1.2.3", "--1", "1_000", "0x10", ",", "-"]
)
def test_garbage_is_refused(text):
    assert refused(text).problem in (Problem.NOT_A_NUMBER, Problem.NOT_FINITE)


@pytest.mark.parametrize("text", ["1,500", "1.500", "12.250", "-1,500"])
def test_a_lone_separator_before_three_digits_is_ambiguous_and_refused(text):
    problem = refused(text)
    assert problem.problem is Problem.AMBIGUOUS
    digits = text.lstrip("-").replace(",", "").replace(".", "")
    assert digits in problem.message  # "could mean 1500 or 1.5"


def test_an_ambiguous_number_says_which_reading_fits_the_field():
    assert refused("1,500", MINUTES).message == (
        "Minutes walked: “1,500” could mean 1500 or 1.5. Only 1.5 is possible here: type it as 1.5."
    )
    assert refused("1.500", METRES).message == (
        "Distance: “1.500” could mean 1500 or 1.5. Type it as 1500 or 1.5."
    )
    whole = NumberRule("Rests", low=0, high=50, whole=True)
    assert refused("1,500", whole).message == "Rests must be a whole number from 0 to 50."


def test_empty_required_and_optional():
    assert refused("", MINUTES).message == (
        "Minutes walked: type a number more than 0 and at most 180 minutes."
    )
    assert read_number("   ", METRES) is None
    custom = NumberRule("Minutes walked", missing="Say how many minutes you walked.")
    with pytest.raises(NumberProblem, match=r"^Say how many minutes you walked\.$"):
        read_number("", custom)


def test_bounds_and_whole_numbers_name_the_field():
    assert read_number("180", MINUTES) == 180
    assert refused("0", MINUTES).message == (
        "Minutes walked must be a number more than 0 and at most 180 minutes."
    )
    assert refused("180.5", MINUTES).problem is Problem.OUT_OF_RANGE
    assert refused("-1", METRES).message == "Distance must be a number from 0 to 100000 metres."
    doses = NumberRule("Opioid doses", low=0, high=50, whole=True)
    assert read_whole("3", doses) == 3 and isinstance(read_whole("3", doses), int)
    assert refused("2.5", doses).message == "Opioid doses must be a whole number from 0 to 50."
    assert read_whole("3,0", doses) == 3
    assert refused("nan", doses).message == "Opioid doses must be a whole number from 0 to 50."


def test_huge_numbers_are_refused_without_overflow():
    """How fast: bench/core.py (huge numbers refused; target <= 0.5 s)."""
    assert refused("9" * 5000, MINUTES).problem is Problem.TOO_LONG
    assert refused("1" + "0" * 29, MINUTES).problem is Problem.OUT_OF_RANGE
    assert read_number("0." + "0" * 27 + "1", ANY) == Fraction(1, 10**28)


def test_csv_numbers_use_a_point_only():
    assert read_number("6.5", CSV) == Fraction(13, 2)
    assert read_number("-0", CSV) == 0
    for text in ("6,5", "1,500"):
        problem = refused(text, CSV)
        assert problem.problem is Problem.DECIMAL_COMMA and "point" in problem.message
    for text in ("1 500", "nan", "inf", "1e3", "ten"):
        assert refused(text, CSV).problem in (Problem.NOT_A_NUMBER, Problem.NOT_FINITE)
