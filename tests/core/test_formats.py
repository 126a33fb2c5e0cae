"""One way to say a percent and a date, everywhere (issue 12, H12 items 2 and 3)."""

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from stenosis_coach.core.progress import signs, verdict
from stenosis_coach.core.report.tables import date_text, whole_percent_text
from stenosis_coach.core.words import JUDGED_LINES, day_text, percent_text, whole_percent


@pytest.mark.parametrize(
    ("pct", "text"),
    [
        (Decimal("107.8"), "+108%"),  # the Progress page said "+107.8%", the PDF "+108%"
        (Decimal("78.8"), "+79%"),
        (Decimal("62.5"), "+63%"),  # half away from zero
        (Decimal("-62.5"), "−63%"),
        (Decimal("-25.0"), "−25%"),
        (Decimal("0.4"), "0%"),
        (Decimal("-0.4"), "0%"),  # never "−0%"
        (Decimal("0"), "0%"),
        (Decimal("29.7"), "+29%"),  # judged below the +30% line: never reads as on it
        (Decimal("29.5"), "+29%"),
        (Decimal("30.0"), "+30%"),
        (Decimal("-29.6"), "−29%"),  # judged above the −30% line
        (Decimal("-30.4"), "−30%"),
        (Fraction(1078, 10), "+108%"),
    ],
)
def test_a_percent_is_said_in_whole_percent(pct, text):
    assert percent_text(pct) == text


def test_the_lines_a_percent_never_rounds_onto_are_the_rules_lines():
    # DESIGN 5.3's verdict lines and 5.4's relief line, where a rounded-up value would
    # contradict the word next to it ("Holding steady ... (+30%)").
    assert {verdict.IMPROVING_PCT, verdict.SLIPPING_PCT, signs.RELIEF_PCT} <= set(JUDGED_LINES)
    assert whole_percent(Decimal("29.9")) == 29


def test_progress_and_the_report_say_one_change_the_same_way():
    # The verdict's sentence on Progress and the report's table start from the same medians.
    before, after = Fraction(192), Fraction(399)  # 3:12 -> 6:39, +107.8%
    judged = verdict.percent_change(before, after)
    assert judged == Decimal("107.8")
    assert percent_text(judged) == whole_percent_text(before, after) == "+108%"


@pytest.mark.parametrize(
    ("day", "today", "text"),
    [
        (date(2026, 5, 4), date(2026, 12, 3), "Mon 4 May"),  # this year: no year
        (date(2023, 12, 10), date(2026, 12, 3), "Sun 10 Dec 2023"),  # another year
        (date(2027, 1, 4), date(2026, 12, 3), "Mon 4 Jan 2027"),
        (datetime(2025, 6, 5, 9, 30), date(2026, 1, 2), "Thu 5 Jun 2025"),
        (date(2026, 5, 4), None, "Mon 4 May"),  # in a sentence about now
    ],
)
def test_a_date_has_its_year_when_it_is_not_this_year(day, today, text):
    assert day_text(day, today) == text


def test_a_report_table_always_has_the_year():
    assert day_text(date(2026, 5, 4), year=True) == "Mon 4 May 2026" == date_text(date(2026, 5, 4))


@pytest.mark.parametrize(("pct", "whole"), [("30.4", 30), ("-30.4", -30), ("29.49", 29)])
def test_a_value_on_a_rules_side_keeps_its_plain_rounding(pct, whole):
    assert whole_percent(Decimal(pct)) == whole
