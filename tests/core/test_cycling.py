"""Stationary cycling's own progression (DESIGN 5.9: 5.1's rules, its own state), checked
against hand-computed exact arithmetic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from fractions import Fraction

import pytest

from stenosis_coach.core.cycling import Ride, RideEnd, RideKind, next_ride
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.walking.prescription import PlanStart, replay
from stenosis_coach.i18n import is_pseudo_wrapped

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
TEST, TRAIN = RideKind.TEST, RideKind.TRAINING


def ride(
    hours: float,
    kind: RideKind,
    total: float | Fraction = 900,
    tfs: float | Fraction | None = None,
    pain: int = 2,
    **extra: object,
) -> Ride:
    return Ride(
        start=T0 + timedelta(hours=hours),
        kind=kind,
        total_ride_s=Fraction(total),
        tfs_s=None if tfs is None else Fraction(tfs),
        peak_leg_pain=pain,
        **extra,  # type: ignore[arg-type]
    )


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def test_the_first_ride_is_a_cycling_test_with_the_starting_numbers() -> None:
    rx = next_ride([], now=T0)
    assert (rx.kind, rx.bout_s, rx.rest_s, rx.target_total_s) == (TEST, None, 120, 900)
    assert "first ride" in rx.reason


def test_bouts_come_from_the_test_ride() -> None:
    # 0.8 x 300 = 240 s exactly; no symptoms: 0.8 x 500 = 400 -> 15 x floor(26.67 + .5) = 405
    rx = next_ride([ride(0, TEST, total=420, tfs=300)], now=at(24))
    assert (rx.kind, rx.bout_s, rx.rest_s, rx.target_total_s) == (TRAIN, 240, 120, 900)
    assert rx.reason == (
        "Bouts of 4:00 min come from your cycling test on Mon 2 Mar: 5:00 min before symptoms."
    )
    rx = next_ride([ride(0, TEST, total=500)], now=at(24))
    assert rx.bout_s == 405


def test_a_first_training_ride_sets_the_bout_and_a_test_is_still_asked_for() -> None:
    rx = next_ride([ride(0, TRAIN, total=600, tfs=300)], now=at(24))
    assert (rx.kind, rx.bout_s) == (TEST, 240)


def test_symptoms_in_the_first_bout_shorten_it() -> None:
    # test 300 -> 240; a training ride with symptoms at 200 s: 0.8 x 200 = 160 -> 165
    rides = [ride(0, TEST, total=420, tfs=300), ride(24, TRAIN, total=900, tfs=200)]
    rx = next_ride(rides, now=at(48))
    assert (rx.kind, rx.bout_s, rx.target_total_s) == (TRAIN, 165, 900)


def test_two_easy_rides_step_up() -> None:
    # 240 -> max(255, 264) = 264 -> 15 x floor(17.6 + .5) = 270; target 900 + 150
    rides = [ride(0, TEST, total=420, tfs=300), ride(24, TRAIN), ride(48, TRAIN)]
    rx = next_ride(rides, now=at(72))
    assert (rx.bout_s, rx.target_total_s) == (270, 1050)
    assert "grew to 4:30 min" in rx.reason


def test_a_flare_eases_the_bout_and_holds_the_step_up_for_48_hours() -> None:
    flare = ride(48, TRAIN, pain=7)  # 0.8 x 240 = 192 -> 195
    rides = [ride(0, TEST, total=420, tfs=300), ride(24, TRAIN), flare]
    assert next_ride(rides, now=at(60)).bout_s == 195
    # two easy rides 24 h and 33 h after the flare: no step up yet
    rides += [ride(72, TRAIN), ride(81, TRAIN)]
    rx = next_ride(rides, now=at(90))
    assert (rx.bout_s, rx.target_total_s) == (195, 900)
    # 51 h after the flare: max(210, 214.5) -> 15 x floor(14.3 + .5) = 210; target 1050
    rides.append(ride(99, TRAIN))
    rx = next_ride(rides, now=at(100))
    assert (rx.bout_s, rx.target_total_s) == (210, 1050)


def test_having_to_stop_or_a_next_day_flare_is_a_flare_too() -> None:
    base = [ride(0, TEST, total=420, tfs=300)]
    stopped = ride(24, TRAIN, total=500, ended_by=RideEnd.MUST_STOP)
    assert next_ride([*base, stopped], now=at(30)).bout_s == 195
    next_day = ride(24, TRAIN, next_day_flare=True)
    assert next_ride([*base, next_day], now=at(30)).bout_s == 195


def test_a_cycling_test_is_due_again_after_seven_days() -> None:
    rides = [ride(0, TEST, total=420, tfs=300)]
    assert next_ride(rides, now=at(7 * 24 - 1)).kind == TRAIN
    rx = next_ride(rides, now=at(7 * 24))
    assert (rx.kind, rx.bout_s) == (TEST, 240)
    assert "cycling test" in rx.reason


def test_a_plan_sets_the_numbers_and_earlier_rides_are_not_replayed() -> None:
    plan = PlanStart(at=at(48), bout_s=180, rest_s=90, target_total_s=600)
    rides = [ride(0, TEST, total=420, tfs=300), ride(50, TRAIN, total=600)]
    rx = next_ride(rides, now=at(60), plan=plan)
    assert (rx.kind, rx.bout_s, rx.rest_s, rx.target_total_s) == (TRAIN, 180, 90, 600)
    assert "plan" in rx.reason


def _walk(hours: float, kind: WalkKind, total: int, tfs: int | None) -> Walk:
    tfs_s = None if tfs is None else Fraction(tfs)
    return Walk(at(hours), kind, Fraction(total), tfs_s, 2)


def test_rides_and_walks_keep_their_own_progression() -> None:
    walks = [_walk(0, WalkKind.TEST, 700, 600)]  # 0.8 x 600 = 480
    rides = [ride(24, TEST, total=420, tfs=300)]  # 0.8 x 300 = 240
    assert next_ride(rides, now=at(30)).bout_s == 240
    assert replay(walks, now=at(30)).bout_s == 480
    # a cycling test does not stand in for the weekly walking test, nor the reverse
    assert replay(walks, now=at(7 * 24 + 1)).kind == WalkKind.TEST
    assert next_ride([], now=at(30)).kind == TEST
    with pytest.raises(TypeError):
        next_ride([*rides, *walks], now=at(30))  # type: ignore[list-item]


def test_the_reason_is_translated_as_whole_sentences(pseudo: None) -> None:
    histories = [
        [],
        [ride(0, TEST, total=420, tfs=300)],
        [ride(0, TEST, total=500)],
        [ride(0, TEST, total=420, tfs=300), ride(24, TRAIN, tfs=200)],
        [ride(0, TEST, total=420, tfs=300), ride(24, TRAIN), ride(48, TRAIN)],
        [ride(0, TEST, total=420, tfs=300), ride(24, TRAIN, pain=8)],
    ]
    for rides in histories:
        reason = next_ride(rides, now=at(60)).reason
        assert reason and is_pseudo_wrapped(reason), reason
    late = next_ride([ride(0, TEST, total=420, tfs=300)], now=at(8 * 24)).reason
    assert is_pseudo_wrapped(late), late
