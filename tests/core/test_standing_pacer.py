"""The standing-task pacer's rules (issue 17, DESIGN 5.9), without a GUI or sleeping."""

from datetime import date, timedelta
from fractions import Fraction

import pytest

from stenosis_coach.core.clock import ManualClock
from stenosis_coach.core.daily import DailyLog
from stenosis_coach.core.standing_pacer import (
    BlockStarted,
    PacerEnded,
    PacerPhase,
    SitCue,
    SitEnded,
    StandingPacer,
    block_length,
    cue_text,
    pocket_card_line,
    replay,
)
from stenosis_coach.i18n import is_pseudo_wrapped

DAY = date(2026, 3, 2)


def logs(*seconds: int | Fraction | None) -> list[DailyLog]:
    return [
        DailyLog(day=DAY + timedelta(days=i), standing_s=None if s is None else Fraction(s))
        for i, s in enumerate(seconds)
    ]


def test_no_standing_test_gives_no_block() -> None:
    assert block_length([]) is None
    assert block_length(logs(None, None)) is None


def test_block_is_80_percent_of_the_median_of_the_last_three_tests() -> None:
    # The last three by day: 500, 300, 400 -> median 400 -> 320 s; the 100 s is older.
    shuffled = list(reversed(logs(100, 500, None, 300, 400)))
    assert block_length(shuffled) == 320


def test_two_tests_use_the_mean_of_both_and_round_down() -> None:
    # median(300, 361) = 330.5; 0.8 x 330.5 = 264.4 -> 264 whole seconds, rounded down.
    assert block_length(logs(300, 361)) == 264


def test_one_test_is_its_own_median() -> None:
    assert block_length(logs(359)) == 287  # 287.2 -> 287


def test_a_test_stopped_at_30_minutes_counts_as_30_minutes() -> None:
    assert block_length(logs(1800, 1800, 1800)) == 1440
    assert block_length(logs(600, 1800, 900)) == 720


def test_the_block_is_never_under_a_minute() -> None:
    assert block_length(logs(50, 40, 70)) == 60  # 0.8 x 50 = 40 -> the floor
    assert block_length(logs(76)) == 60  # 60.8 -> 60


def test_blocks_and_sits_follow_the_clock_until_the_patient_ends() -> None:
    clock = ManualClock()
    pacer = StandingPacer(240, clock.monotonic())
    events = pacer.tick(clock.monotonic())
    assert events == [BlockStarted(0.0, 1, 240)]
    clock.advance(239.5)
    assert pacer.tick(clock.monotonic()) == []
    clock.advance(30)  # the tick comes late: the cue still carries its due time
    assert pacer.tick(clock.monotonic()) == [SitCue(240.0, 1)]
    assert pacer.phase is PacerPhase.SITTING
    assert pacer.view(clock.monotonic()).left_s == pytest.approx(30.5)
    clock.advance(31)
    assert pacer.tick(clock.monotonic()) == [SitEnded(300.0, 1), BlockStarted(300.0, 2, 240)]
    clock.advance(100)
    events = pacer.end(clock.monotonic())
    assert events == [PacerEnded(400.5)]
    assert pacer.phase is PacerPhase.ENDED
    assert pacer.so_far.stood_s == pytest.approx(340.5)
    assert pacer.so_far.sits == 1


def test_a_pause_stops_the_block_and_the_sit_from_counting() -> None:
    clock = ManualClock()
    pacer = StandingPacer(120, clock.monotonic())
    everything = pacer.tick(clock.monotonic())
    clock.advance(100)
    everything += pacer.pause(clock.monotonic())
    clock.advance(500)
    assert pacer.tick(clock.monotonic()) == []  # nothing fires while paused
    everything += pacer.resume(clock.monotonic())
    clock.advance(25)
    everything += pacer.tick(clock.monotonic())
    assert everything[-1] == SitCue(620.0, 1)  # 20 s of the block were left
    clock.advance(10)
    everything += pacer.pause(clock.monotonic())
    clock.advance(60)
    everything += pacer.resume(clock.monotonic())
    clock.advance(50)
    everything += pacer.tick(clock.monotonic())
    assert everything[-2:] == [SitEnded(740.0, 1), BlockStarted(740.0, 2, 120)]
    everything += pacer.end(clock.monotonic())
    # The stored events, folded again, say what the live pacer says.
    assert replay(everything) == pacer.so_far
    assert [e.KIND for e in everything] == [
        "block_started",
        "paused",
        "resumed",
        "sit_cue",
        "paused",
        "resumed",
        "sit_ended",
        "block_started",
        "ended",
    ]


def test_a_pacer_needs_a_block_of_at_least_a_minute() -> None:
    with pytest.raises(ValueError):
        StandingPacer(30, 0.0)


def test_words_in_english() -> None:
    assert pocket_card_line(240) == "Standing chores: blocks of 4:00 min, then sit for a minute"
    assert SitCue(0.0, 1).text == "Time to sit for a minute"
    assert SitEnded(0.0, 1).text == "You can stand again"


@pytest.mark.usefixtures("pseudo")
def test_words_are_translated_messages() -> None:
    line = pocket_card_line(288)
    assert line.startswith("⟦Standing chores: blocks of ") and line.endswith("⟧")
    assert "4:48 min" in line
    for cue in ("sit", "stand"):
        assert is_pseudo_wrapped(cue_text(cue))
        assert not cue_text(cue).startswith("⟦⟦")
    assert SitCue(0.0, 1).text == "⟦Time to sit for a minute⟧"
