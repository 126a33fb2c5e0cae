from datetime import date, datetime
from fractions import Fraction

import pytest

from stenosis_coach.core.words import (
    clock_text,
    day_text,
    duration_words,
    greeting,
    minutes_text,
    spoken_text,
)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (42, "0:42 min"),  # not "0.7 min"
        (240, "4:00 min"),
        (750, "12:30 min"),
        (390, "6:30 min"),
        (0, "0:00 min"),
        (3, "0:03 min"),
        (Fraction(709, 2), "5:55 min"),  # a median of two tests: half a second rounds up
        (41.6, "0:42 min"),  # an engine timing
        (1199.4, "19:59 min"),
        (1200, "20 min"),  # long durations read better rounded: whole minutes
        (1500, "25 min"),
        (1529, "25 min"),
        (1530, "26 min"),
        (-5, "0:00 min"),
        (None, "—"),
    ],
)
def test_durations_read_as_minutes_and_seconds(seconds, text):
    assert minutes_text(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (42, "42 seconds"),
        (1, "1 second"),
        (60, "1 minute"),
        (240, "4 minutes"),
        (270, "4 minutes 30 seconds"),
        (61, "1 minute 1 second"),
        (0, "0 minutes"),
        (1500, "25 minutes"),
        (None, "not known"),
    ],
)
def test_durations_for_a_screen_reader_read_naturally(seconds, words):
    assert duration_words(seconds) == words


def test_shown_durations_become_words_for_a_screen_reader():
    assert spoken_text("Walked 4:30 min of 25 min") == "Walked 4 minutes 30 seconds of 25 minutes"
    assert spoken_text("Symptoms at 0:42 min.") == "Symptoms at 42 seconds."
    assert spoken_text("Pain 4/10 at 10:05") == "Pain 4/10 at 10:05"  # not a duration


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
