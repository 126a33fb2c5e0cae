from datetime import date, datetime

import pytest

from stenosis_coach.core.words import clock_text, day_text, greeting, minutes_text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(390, "6.5 min"), (240, "4 min"), (0, "0 min"), (3, "0.1 min"), (None, "—"), (87, "1.5 min")],
)
def test_minutes_are_rounded_sensibly(seconds, text):
    assert minutes_text(seconds) == text


def test_timer_readings():
    assert clock_text(75) == "1:15"
    assert clock_text(3725) == "1:02:05"
    assert clock_text(-3) == "0:00"


def test_dates_read_like_speech():
    assert day_text(date(2026, 5, 4)) == "Mon 4 May"


def test_greeting_follows_the_local_hour():
    assert greeting(datetime(2026, 5, 4, 8)) == "Good morning"
    assert greeting(datetime(2026, 5, 4, 13)) == "Good afternoon"
    assert greeting(datetime(2026, 5, 4, 20)) == "Good evening"
