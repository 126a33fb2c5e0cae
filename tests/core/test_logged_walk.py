"""Logging a walk by hand: exact minutes, clear field messages, nothing half-saved."""

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

import pytest

from stenosis_coach.core.walking.logged import (
    FormProblems,
    WalkForm,
    decimal_text,
    form_from_walk,
    walk_from_form,
)
from stenosis_coach.core.walking.model import WalkKind

NOW = datetime(2026, 5, 6, 17, 30, tzinfo=UTC)


def form(**changes):
    values = dict(
        kind=WalkKind.TRAINING,
        day=date(2026, 5, 5),
        walking_min="15",
        symptoms_min="4.5",
        rests=3,
        peak_leg_pain=3,
    )
    values.update(changes)
    return WalkForm(**values)


def test_a_good_form_gives_an_exact_walk_at_noon_on_an_earlier_day():
    walk = walk_from_form(form(), NOW, UTC)
    assert walk.total_walk_s == 900 and walk.tfs_s == 270
    assert walk.start == datetime(2026, 5, 5, 12, 0, tzinfo=UTC)
    assert walk.rests == 3 and walk.peak_leg_pain == 3 and not walk.imported


def test_a_walk_logged_today_ended_about_now():
    walk = walk_from_form(form(day=date(2026, 5, 6), walking_min="20"), NOW, UTC)
    assert walk.start == NOW - timedelta(minutes=20)


def test_decimal_comma_and_blank_symptoms():
    walk = walk_from_form(form(walking_min="6,45", symptoms_min=""), NOW, UTC)
    assert walk.total_walk_s == Fraction(387) and walk.tfs_s is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"walking_min": ""}, "walking_min"),
        ({"walking_min": "abc"}, "walking_min"),
        ({"walking_min": "0"}, "walking_min"),
        ({"walking_min": "181"}, "walking_min"),
        ({"walking_min": "nan"}, "walking_min"),
        ({"symptoms_min": "16"}, "symptoms_min"),
        ({"symptoms_min": "0"}, "symptoms_min"),
        ({"peak_leg_pain": None}, "peak_leg_pain"),
        ({"peak_leg_pain": 11}, "peak_leg_pain"),
        ({"rests": -1}, "rests"),
        ({"distance_m": "-5"}, "distance_m"),
        ({"distance_m": "far"}, "distance_m"),
        ({"day": date(2026, 5, 7)}, "day"),
    ],
)
def test_each_bad_field_is_named_in_plain_words(changes, field):
    with pytest.raises(FormProblems) as caught:
        walk_from_form(form(**changes), NOW, UTC)
    assert field in caught.value.problems
    assert caught.value.problems[field].endswith(".")


def test_all_problems_are_reported_at_once():
    with pytest.raises(FormProblems) as caught:
        walk_from_form(form(walking_min="", peak_leg_pain=None), NOW, UTC)
    assert set(caught.value.problems) == {"walking_min", "peak_leg_pain"}


def test_correcting_a_walk_round_trips_and_keeps_what_the_form_does_not_show():
    original = walk_from_form(
        form(walking_min="4.5", symptoms_min="", distance_m="812.5"), NOW, UTC
    )
    shown = form_from_walk(original, UTC)
    assert shown.walking_min == "4.5" and shown.distance_m == "812.5"
    fixed = walk_from_form(shown, NOW, UTC, original=original)
    assert fixed == original


def test_decimal_text():
    assert decimal_text(Fraction(9, 2)) == "4.5"
    assert decimal_text(Fraction(15)) == "15"
    assert decimal_text(Fraction(1, 3)) == "0.33"
    assert decimal_text(None) == ""


@pytest.mark.parametrize("typed", ["inf", "nan", "-inf", "1e309", "Infinity", "9" * 5000])
def test_inf_nan_and_huge_distances_are_named_not_crashed(typed):
    with pytest.raises(FormProblems) as caught:
        walk_from_form(form(distance_m=typed), NOW, UTC)
    assert caught.value.problems == {
        "distance_m": "Distance must be a number of metres, like 800, or left empty."
    }


def test_distances_as_typed_across_europe():
    assert walk_from_form(form(distance_m="812,5"), NOW, UTC).distance_m == Fraction(1625, 2)
    assert walk_from_form(form(distance_m="1 500"), NOW, UTC).distance_m == 1500
    with pytest.raises(FormProblems) as caught:
        walk_from_form(form(distance_m="1.500"), NOW, UTC)
    assert "could mean 1500 or 1.5" in caught.value.problems["distance_m"]


def test_rests_typed_as_text_are_read_here():
    assert walk_from_form(form(rests="2"), NOW, UTC).rests == 2
    assert walk_from_form(form(rests=None), NOW, UTC).rests is None
    with pytest.raises(FormProblems) as caught:
        walk_from_form(form(rests="2.5"), NOW, UTC)
    assert caught.value.problems["rests"] == "Rests must be a whole number from 0 to 50."
