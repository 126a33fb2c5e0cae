"""Time walked is said as a timer counts it: whole seconds gone, whole minutes gone from
20 minutes on; the live walk and its summary use this one rule."""

from __future__ import annotations

from fractions import Fraction

import pytest

from stenosis_coach.core.words import clock_text, walked_text


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (0, "0:00 min"),
        (0.99, "0:00 min"),  # no second is shown before it has passed
        (1.6, "0:01 min"),
        (95.6, "1:35 min"),  # not "1:36 min"
        (Fraction(1199, 1) + Fraction(9, 10), "19:59 min"),
        (1200, "20 min"),
        (1559.9, "25 min"),  # 25:59 is 25 whole minutes gone, not 26
        (-3, "0:00 min"),
    ],
)
def test_time_walked_counts_whole_seconds_gone(seconds, said):
    assert walked_text(seconds) == said


@pytest.mark.parametrize("seconds", [0.4, 59.99, 95.6, 600.5, 1199.9])
def test_under_20_minutes_it_says_what_the_timer_shows(seconds):
    assert walked_text(seconds) == clock_text(seconds) + " min"
