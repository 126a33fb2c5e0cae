"""The DESIGN 5.1 prescription replay, checked against hand-computed exact arithmetic."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stenosis_coach.core.walking.diary import parse_diary
from stenosis_coach.core.walking.model import Walk, WalkEnd, WalkKind
from stenosis_coach.core.walking.prescription import (
    PlanStart,
    Progression,
    explain_steps,
    fit,
    replay,
)
from stenosis_coach.core.words import minutes_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # a Monday
NOW = T0 + timedelta(days=60)
TEST, TRAIN = WalkKind.TEST, WalkKind.TRAINING


def walk(
    hours: float,
    kind: WalkKind,
    total: float | Fraction = 900,
    tfs: float | Fraction | None = None,
    pain: int = 2,
    **extra: object,
) -> Walk:
    """A walk ``hours`` after T0; seconds given as ints or Fractions stay exact."""
    return Walk(
        start=T0 + timedelta(hours=hours),
        kind=kind,
        total_walk_s=Fraction(total),
        tfs_s=None if tfs is None else Fraction(tfs),
        peak_leg_pain=pain,
        **extra,  # type: ignore[arg-type]
    )


def good(day: float, total: int = 900) -> Walk:
    """A good training walk on day ``day``: no symptoms, pain 2, the whole target."""
    return walk(24 * day, TRAIN, total=total)


# --- the worked examples ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["diary-prescription-steps", "diary-programme-12-weeks"])
def test_worked_examples_next_walk(name: str) -> None:
    text = (FIXTURES / f"{name}.csv").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    tz = ZoneInfo("Europe/London")
    walks = parse_diary(text, source=name, today=date(2026, 6, 1), tz=tz)
    got = replay(walks, datetime(2026, 6, 1, 9, 0, tzinfo=tz))
    assert got.bout_s == expected["next_walk"]["bout_s"]
    assert got.rest_s == expected["next_walk"]["rest_s"]
    assert got.target_total_s == expected["next_walk"]["target_total_s"]
    assert len(explain_steps(walks, NOW)) == len(walks)


# --- every branch, hand-computed -------------------------------------------------------------
# fit(x) = min(target, max(60, 15 * floor(x / 15 + 1/2))); 0.8 and 1.1 are exact.

CASES: list[tuple[str, list[Walk], Fraction | None, int]] = [
    # No walks: the DESIGN default.
    ("no walks", [], None, 900),
    # First walk a test: fit(0.8 * 300 = 240) = 15 * floor(16 + 1/2) = 240.
    ("first walk test", [walk(0, TEST, tfs=300)], Fraction(240), 900),
    # First walk a training walk (bout is None) also anchors: fit(0.8 * 600 = 480) = 480.
    ("first walk training", [walk(0, TRAIN, total=600)], Fraction(480), 900),
    # A test without symptoms: tolerance = total 500; 0.8 * 500 = 400; 400/15 + 1/2 = 27.17
    # -> 27 * 15 = 405.
    ("test, no symptoms", [walk(0, TEST, total=500)], Fraction(405), 900),
    # Re-anchor up: 300 -> 240, then 600 -> 480.
    ("test re-anchors up", [walk(0, TEST, tfs=300), walk(24, TEST, tfs=600)], Fraction(480), 900),
    # Re-anchor down: 600 -> 480, then 300 -> 240.
    ("test re-anchors down", [walk(0, TEST, tfs=600), walk(24, TEST, tfs=300)], Fraction(240), 900),
    # Symptoms in the first bout: 240, then tfs 200 < 240 -> fit(160): 10.67 + .5 -> 11 -> 165.
    (
        "symptoms in first bout",
        [walk(0, TEST, tfs=300), walk(24, TRAIN, tfs=200)],
        Fraction(165),
        900,
    ),
    # Symptoms in a later bout: tfs 400 >= 240 -> bout unchanged, streak reset: good (1),
    # later-bout (0), good (1) -> no step-up.
    (
        "symptoms in later bout",
        [walk(0, TEST, tfs=300), good(1), walk(48, TRAIN, tfs=400), good(3)],
        Fraction(240),
        900,
    ),
    # Two good walks: streak 2 -> fit(max(240 + 15, 264) = 264): 17.6 + .5 -> 18 -> 270;
    # target min(1800, 1050).
    ("two good walks step up", [walk(0, TEST, tfs=300), good(1), good(2)], Fraction(270), 1050),
    # Too short (899 < 900) breaks the streak: good (1), short (0), good (1) -> 240.
    (
        "too short breaks streak",
        [walk(0, TEST, tfs=300), good(1), good(2, total=899), good(3)],
        Fraction(240),
        900,
    ),
    # Pain 4 > 3 is not good either (and not a flare): streak 1, 0, 1 -> 240.
    (
        "pain 4 breaks streak",
        [walk(0, TEST, tfs=300), good(1), walk(48, TRAIN, pain=4), good(3)],
        Fraction(240),
        900,
    ),
    # Flare by pain 7: fit(0.8 * 240 = 192): 12.8 + .5 -> 13 -> 195.
    ("flare pain 7", [walk(0, TEST, tfs=300), walk(24, TRAIN, pain=7)], Fraction(195), 900),
    # Pain 6 is no flare (and no step-up): 240.
    ("pain 6 no flare", [walk(0, TEST, tfs=300), walk(24, TRAIN, pain=6)], Fraction(240), 900),
    # A walk that looked good but flared the next day: 240 -> 195, and no streak.
    (
        "next-day flare",
        [walk(0, TEST, tfs=300), good(1), walk(48, TRAIN, next_day_flare=True)],
        Fraction(195),
        900,
    ),
    # "Must stop" on a test: anchor 240, then the flare eases it to 195.
    (
        "must stop",
        [walk(0, TEST, tfs=300, ended_by=WalkEnd.MUST_STOP)],
        Fraction(195),
        900,
    ),
    # 48 h rule: anchor 240; flare at 24 h -> 195; good at 48 h (1); good at 71 h (2) but
    # 71 - 24 = 47 h < 48 h -> held; good at 72 h (3): exactly 48 h -> step up:
    # fit(max(210, 214.5)) = 14.3 + .5 -> 14 -> 210; target 1050.
    (
        "48 h after a flare",
        [
            walk(0, TEST, tfs=300),
            walk(24, TRAIN, pain=8),
            walk(48, TRAIN),
            walk(71, TRAIN),
            walk(72, TRAIN),
        ],
        Fraction(210),
        1050,
    ),
    # Same, the last walk one hour too early: 210 never comes; bout 195, target 900.
    (
        "48 h rule holds",
        [walk(0, TEST, tfs=300), walk(24, TRAIN, pain=8), walk(48, TRAIN), walk(71, TRAIN)],
        Fraction(195),
        900,
    ),
    # 72 h rule: step-up at 48 h (270, target 1050); good 72 h (1), 96 h (2, 48 h after the
    # step: held), 119 h (3, 71 h: held), 120 h (4, 72 h): fit(max(285, 297)): 19.8 + .5 -> 20
    # -> 300; target 1200.
    (
        "72 h between step-ups",
        [walk(0, TEST, tfs=300), good(1), good(2)]
        + [walk(h, TRAIN, total=1050) for h in (72, 96, 119, 120)],
        Fraction(300),
        1200,
    ),
    # 60 s floor: fit(0.8 * 60 = 48) = max(60, 15 * floor(3.2 + .5) = 45) = 60.
    ("60 s floor", [walk(0, TEST, tfs=60)], Fraction(60), 900),
    # Capped at the target: 0.8 * 1500 = 1200 -> min(900, 1200) = 900.
    ("bout capped at target", [walk(0, TEST, tfs=1500, total=1600)], Fraction(900), 900),
    # Halves round up: 0.8 * 675/8 = 67.5; 67.5/15 + 1/2 = 5 exactly -> 75 (banker's: 60).
    ("half rounds up", [walk(0, TEST, tfs=Fraction(675, 8))], Fraction(75), 900),
    # Step-up on a half: bout 225 (tfs 281.25: 0.8 * 281.25 = 225); max(240, 247.5) = 247.5;
    # 16.5 + .5 = 17 -> 255.
    (
        "step-up half rounds up",
        [walk(0, TEST, tfs=Fraction(1125, 4)), good(1), good(2)],
        Fraction(255),
        1050,
    ),
]


@pytest.mark.parametrize(
    ("walks", "bout", "target"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_branch(walks: list[Walk], bout: Fraction | None, target: int) -> None:
    shuffled = list(walks)
    random.Random(5).shuffle(shuffled)  # the replay sorts them itself
    got = replay(shuffled, NOW)
    assert (got.bout_s, got.rest_s, got.target_total_s) == (bout, 120, target)


def test_target_caps_at_1800() -> None:
    # Test on day 0: 0.8 * 600 = 480. Then good 30-min walks on days 2+3k and 3+3k: step-ups on
    # days 3, 6, ..., 21 (each exactly 72 h after the last). Bout (fitted to the old target):
    # 480 -> 528: 35.2+.5 -> 525 -> 577.5: 38.5+.5 = 39 -> 585 -> 643.5 -> 645 -> 709.5 -> 705
    # -> 775.5 -> 780 -> 858 -> 855 -> 940.5: 62.7+.5 -> 63 -> 945.
    # Target: 900, 1050, ..., 1800, then min(1800, 1950) = 1800.
    walks = [walk(0, TEST, tfs=600)]
    for k in range(7):
        walks += [good(2 + 3 * k, total=1800), good(3 + 3 * k, total=1800)]
    got = replay(walks, NOW)
    assert (got.bout_s, got.target_total_s) == (945, 1800)


def test_fit_directly() -> None:
    assert fit(Fraction(135, 2), 900) == 75  # 67.5 -> 75: halves up
    assert fit(Fraction(674, 10), 900) == 60  # 67.4 -> 4.99 -> 4 -> 60
    assert fit(Fraction(1), 900) == 60  # the floor
    assert fit(Fraction(5000), 1050) == 1050  # the target
    assert isinstance(fit(Fraction(100), 900), Fraction)


def test_same_moment_recorded_before_imported_then_import_order() -> None:
    # Recorded test 300 -> 240, then imported test 600 -> 480. The other way round gives 240.
    recorded = walk(0, TEST, tfs=300)
    imported = walk(0, TEST, tfs=600, imported=True, seq=0)
    assert replay([imported, recorded], NOW).bout_s == 480
    # Two imported at the same moment: seq 0 (tfs 300) then seq 1 (tfs 600) -> 480.
    first = walk(0, TEST, tfs=300, imported=True, seq=0)
    second = walk(0, TEST, tfs=600, imported=True, seq=1)
    assert replay([second, first], NOW).bout_s == 480
    first, second = (walk(0, TEST, tfs=t, imported=True, seq=i) for i, t in enumerate((600, 300)))
    assert replay([second, first], NOW).bout_s == 240


def test_kind_follows_test_every_days() -> None:
    test = walk(0, TEST, tfs=300)
    week = timedelta(days=7)
    # "In the last 7 days": start > now - 7 days.
    assert replay([test], T0 + week - timedelta(seconds=1)).kind == TRAIN
    assert replay([test], T0 + week).kind == TEST
    assert replay([good(0)], T0 + timedelta(hours=1)).kind == TEST  # no test at all
    assert replay([], T0).kind == TEST
    plan = PlanStart(
        at=T0 - timedelta(days=1), bout_s=240, rest_s=120, target_total_s=900, test_every_days=3
    )
    assert replay([test], T0 + timedelta(days=2, hours=23), plan).kind == TRAIN
    assert replay([test], T0 + timedelta(days=3), plan).kind == TEST


def test_plan_start() -> None:
    numbers = {
        "bout_fraction": 0.75,
        "step_up": 1.2,
        "good_walks_to_step_up": 1,
        "flare_pain": 6,
        "max_target_s": 1300,
        "min_days_between_step_ups": 2,
    }
    plan = PlanStart(
        at=T0 + timedelta(days=10),
        bout_s=240,
        rest_s=90,
        target_total_s=1200,
        progression=Progression.from_plan(numbers),
    )
    before = walk(0, TEST, tfs=900)  # before P: ignored, or the bout would be 720
    # After P, one good walk steps up: fit(max(255, 1.2 * 240 = 288)): 19.2 + .5 -> 19 -> 285;
    # target min(1300, 1350) = 1300. Then pain 6 is a flare for this plan:
    # fit(0.75 * 285 = 213.75): 14.25 + .5 -> 14 -> 210.
    walks = [before, good(11, total=1200), walk(24 * 12, TRAIN, total=1300, pain=6)]
    got = replay(walks, NOW, plan)
    assert (got.bout_s, got.rest_s, got.target_total_s) == (210, 90, 1300)
    # A training walk after P does not re-anchor (without the plan it would: 0.8 * 600 = 480).
    short = walk(24 * 11, TRAIN, total=600)
    assert replay([short], NOW, plan).bout_s == 240
    assert replay([short], NOW).bout_s == 480
    # Only a test re-anchors, with the plan's fraction: 0.75 * 400 = 300.
    assert replay([walk(24 * 11, TEST, tfs=400)], NOW, plan).bout_s == 300
    # Nothing after P: the plan's own numbers.
    got = replay([before], NOW, plan)
    assert (got.bout_s, got.rest_s, got.target_total_s) == (240, 90, 1200)


def test_progression_from_plan() -> None:
    p = Progression.from_plan(
        {"bout_fraction": 0.8, "step_up": Decimal("1.1"), "min_days_between_step_ups": 3}
    )
    assert p == Progression()
    assert Progression.from_plan({"bout_fraction": 0.7}).bout_fraction == Fraction(7, 10)
    assert Progression.from_plan({"min_days_between_step_ups": 5}).min_hours_between_step_ups == 120
    for bad in ({"bout_fraction": 0.95}, {"nope": 1}, {"flare_pain": 6.5}, {"step_up": True}):
        with pytest.raises(ValueError):
            Progression.from_plan(bad)


def m(seconds: int | Fraction) -> str:
    """A duration as the patient reads it everywhere (the headline and the "Why")."""
    return minutes_text(seconds)


STARTING_TARGET = (
    f"{m(900)} in all is the starting amount; it grows by {m(150)} with each longer bout, "
    f"up to {m(1800)}."
)


def test_reasons() -> None:
    """The Why is ``reason`` (short: the numbers shown and the main reason, H19) and
    ``details`` (the rules behind it, shown on the Walk page): every fact is in one of them."""
    first = replay([], NOW)
    assert first.reason == (
        "Your first walk shows how long you can walk now, so your training walks fit you."
    )
    assert first.details[0].startswith("Your training walks are then planned from it: bouts of 80%")
    soon = T0 + timedelta(days=3)
    rx = replay([walk(0, TEST, tfs=300)], soon)
    assert (
        rx.reason
        == f"{m(240)} is 80% of your walking test on Mon 2 Mar ({m(300)} before symptoms)."
    )
    assert STARTING_TARGET in rx.details
    assert rx.details[-1].startswith("These rules are the app's own design")  # DESIGN 5.1
    due = replay([walk(0, TEST, tfs=300)], T0 + timedelta(days=8)).reason
    assert due == "Your last walking test was on Mon 2 Mar; you do one every 7 days."


def test_why_after_a_test_explains_the_one_minute_floor() -> None:
    # the issue: a test of 0.4 min gives "Walk 1 min"; the Why must say where 1 min comes from
    rx = replay([walk(0, TEST, total=24)], T0 + timedelta(hours=2))
    assert rx.reason == (
        f"{m(60)} is the shortest bout, as 80% of your walking test on Mon 2 Mar "
        f"({m(24)}, no symptoms) is less."
    )
    assert (
        f"80% of {m(24)} is {m(Fraction(96, 5))}, and a bout is never shorter than {m(60)}."
    ) in rx.details
    assert STARTING_TARGET in rx.details


def test_why_after_a_training_walk_shorter_than_the_target() -> None:
    # the issue: a 10-minute walk after the test changes nothing, and the Why says why
    walks = [walk(0, TEST, total=24), walk(24, TRAIN, total=600)]
    rx = replay(walks, T0 + timedelta(days=1, hours=2))
    assert rx.reason.startswith(
        f"{m(60)} is the shortest bout, as 80% of your walking test on Mon 2 Mar"
    )
    assert rx.reason.endswith(
        f"Your training walk on Tue 3 Mar does not change the bout: it was shorter than your "
        f"{m(900)} in all."
    )
    assert (
        f"Your training walk on Tue 3 Mar was {m(600)}, with leg pain 2/10. Two training walks "
        f"of the full {m(900)}, without symptoms and with leg pain 3/10 or less, make the bout "
        "longer."
    ) in rx.details


def test_why_after_a_good_training_walk_and_after_the_step_up() -> None:
    walks = [walk(0, TEST, tfs=300), good(1)]
    rx = replay(walks, T0 + timedelta(days=1, hours=2))
    assert rx.reason.endswith(
        "Your training walk on Tue 3 Mar was an easy one: one more like it makes bouts longer."
    )
    assert any(
        d.startswith(
            f"Your training walk on Tue 3 Mar was {m(900)}, with no symptoms and leg pain 2/10: "
            "1 of 2 towards a longer bout."
        )
        for d in rx.details
    )
    walks.append(good(2))
    rx = replay(walks, T0 + timedelta(days=2, hours=2))
    assert rx.reason == (
        f"After two easy walks, the last on Wed 4 Mar, bouts grew to {m(270)} and your total to "
        f"{m(1050)}."
    )
    assert rx.details[0].startswith(
        f"Before that, bouts were {m(240)} and your total {m(900)}. A step up makes bouts 10% "
        f"longer (at least {m(15)}), and the total {m(150)} longer, up to {m(1800)}."
    )
    # at the most (30 min in all) a step up says so instead of "30 min to 30 min"
    plan = PlanStart(at=T0, bout_s=300, rest_s=120, target_total_s=1800)
    top = [walk(-1, TEST, tfs=300), good(1, total=1800), good(2, total=1800)]
    rx = replay(top, T0 + timedelta(days=2, hours=2), plan)
    assert rx.reason == (
        f"After two easy walks, the last on Wed 4 Mar, bouts grew to {m(330)}; {m(1800)} in all "
        "is the most."
    )
    assert rx.details[0].startswith(f"Before that, bouts were {m(300)} and your total {m(1800)}.")
    # a good walk too soon after the step up is counted, and the Why says what it waits for
    walks += [good(3, total=1050), good(4, total=1050)]
    rx = replay(walks, T0 + timedelta(days=4, hours=2))
    assert rx.reason.endswith("bouts can grow with an easy walk from Sat 7 Mar.")
    details = " ".join(rx.details)
    assert "2 of 2 towards a longer bout." in details
    assert "The bout waits: it is less than 72 hours after the last step up." in details


def test_why_after_symptoms_in_a_training_walk() -> None:
    early = [walk(0, TEST, tfs=300), walk(24, TRAIN, tfs=150)]  # in the first (4 min) bout
    rx = replay(early, T0 + timedelta(days=1, hours=2))
    assert rx.reason == f"{m(120)} is 80% of the {m(150)} you walked before symptoms on Tue 3 Mar."
    assert STARTING_TARGET in rx.details
    later = [walk(0, TEST, tfs=300), good(1), walk(48, TRAIN, tfs=400)]  # after the bout
    rx = replay(later, T0 + timedelta(days=2, hours=2))
    assert rx.reason.endswith(
        f"Your training walk on Wed 4 Mar does not change the bout: symptoms came only after "
        f"{m(400)}."
    )
    assert (
        f"The bout stays {m(240)}: only symptoms within the first bout make it shorter."
    ) in rx.details
    assert "The count towards a longer bout starts again." in rx.details


def test_why_after_a_flare() -> None:
    flare = [walk(0, TEST, tfs=300), walk(24, TRAIN, pain=8)]
    rx = replay(flare, T0 + timedelta(days=1, hours=2))
    assert rx.reason == (
        f"{m(195)} is 80% of your {m(240)} bout, eased back after a flare on Tue 3 Mar."
    )
    assert rx.details[0] == (
        "The walk on Tue 3 Mar was a flare (pain 7/10 or more). After a flare, the bout is eased "
        "back to 80%."
    )
    assert STARTING_TARGET in rx.details
    floor = [walk(0, TEST, total=60), walk(24, TRAIN, total=900, tfs=30, pain=8)]
    rx = replay(floor, T0 + timedelta(days=1, hours=2))
    assert rx.reason == f"{m(60)} is the shortest bout, eased back after a flare on Tue 3 Mar."
    assert rx.details[0] == (
        f"The walk on Tue 3 Mar was a flare (pain 7/10 or more). 80% of your {m(60)} bout "
        f"would be {m(48)}, but a bout is never shorter than {m(60)}."
    )


def test_why_with_a_plan_and_a_walk_from_before_it() -> None:
    plan = PlanStart(at=T0, bout_s=240, rest_s=120, target_total_s=1200)
    soon = T0 + timedelta(days=3)
    rx = replay([walk(-1, TEST, tfs=300)], soon, plan)
    assert rx.reason == (
        f"{m(240)} bouts were set by the walking plan you imported on Mon 2 Mar. "
        "Your walk on Mon 2 Mar was before your walking plan, so it does not change it."
    )
    assert rx.details[0] == (
        f"{m(1200)} in all is what your walking plan set; it grows by {m(150)} with each "
        f"longer bout, up to {m(1800)}."
    )
    after = [walk(-1, TEST, tfs=300), walk(24, TRAIN, total=600)]
    why = replay(after, soon, plan).reason
    assert why.startswith(f"{m(240)} bouts were set by the walking plan")
    assert "Your training walk on Tue 3 Mar does not change the bout" in why


def test_a_training_walk_does_not_replace_a_due_test() -> None:
    walks = [walk(0, TEST, tfs=300), good(8)]
    rx = replay(walks, T0 + timedelta(days=8, hours=2))
    assert rx.reason.startswith("Your last walking test was on Mon 2 Mar")
    assert rx.reason.endswith("Your training walk on Tue 10 Mar does not replace it.")
    assert rx.details[0] == "Only a walking test measures how far you can walk before symptoms."


def test_explain_steps() -> None:
    # 0.8 * 390 = 312 -> 21.3 -> 315 (5.3 min); step-up max(330, 346.5) -> 23.6 -> 345
    # (5.75, said 5.8 min), target 1050; flare 0.8 * 345 = 276 -> 18.9 -> 270 (4.5 min).
    walks = [walk(0, TEST, tfs=390, total=900, pain=4), good(1), good(2), walk(72, TRAIN, pain=7)]
    assert explain_steps(walks, NOW) == [
        "Mon 2 Mar, walking test 15:00 min, symptoms at 6:30 min, pain 4/10: "
        "sets your bout at 5:15 min (80% of 6:30 min).",
        "Tue 3 Mar, training walk 15:00 min, pain 2/10: a good walk (1 of 2 towards a step up).",
        "Wed 4 Mar, training walk 15:00 min, pain 2/10: "
        "a good walk (2 of 2): stepped up to 5:45 min bouts and 17:30 min in all.",
        "Thu 5 Mar, training walk 15:00 min, pain 7/10: shorter than your 17:30 min target, "
        "so not a good walk; a flare (pain 7/10 or more), so your bout eases to 4:30 min.",
    ]


# --- properties --------------------------------------------------------------------------------

# Exact seconds with small denominators (diary minutes to 0.1 give tenths of 6 s, etc.).
seconds = st.builds(Fraction, st.integers(1, 4 * 10800), st.sampled_from([1, 2, 4]))


@st.composite
def walks_strategy(draw: st.DrawFn) -> list[Walk]:
    walks = []
    for seq in range(draw(st.integers(0, 25))):
        total = draw(seconds)
        tfs = draw(st.none() | seconds)
        tfs = None if tfs is None else min(tfs, total)
        walks.append(
            Walk(
                start=T0 + timedelta(hours=draw(st.integers(0, 24 * 60))),
                kind=draw(st.sampled_from(WalkKind)),
                total_walk_s=total,
                tfs_s=tfs,
                peak_leg_pain=draw(st.integers(0, 10)),
                imported=draw(st.booleans()),
                seq=seq,
                next_day_flare=draw(st.booleans()),
                ended_by=draw(st.sampled_from(WalkEnd)),
            )
        )
    return walks


@settings(database=None, deadline=None, max_examples=200)
@given(walks_strategy(), st.randoms(use_true_random=False))
def test_prescription_stays_in_bounds(walks: list[Walk], rnd: random.Random) -> None:
    got = replay(walks, NOW)
    assert 900 <= got.target_total_s <= 1800 and got.target_total_s % 150 == 0
    if got.bout_s is None:
        assert not walks
    else:
        assert got.bout_s % 15 == 0 and 60 <= got.bout_s <= got.target_total_s
    rnd.shuffle(walks)
    assert replay(walks, NOW) == got  # order of the input does not matter


def test_explain_steps_with_plan_and_held_step_up() -> None:
    plan = PlanStart(at=T0, bout_s=240, rest_s=120, target_total_s=900)
    walks = [walk(-24, TEST, tfs=600), walk(24, TRAIN, pain=8), good(2), good(2.5)]
    # Before P: not replayed. Flare: 0.8 * 240 = 192 -> 195 (3.3 min); good 1; good 2 at
    # 36 h after the flare: held.
    assert explain_steps(walks, NOW, plan) == [
        "Mon 2 Mar: your walking plan set 4:00 min bouts, 2:00 min rests and 15:00 min of "
        "walking in all.",
        "Tue 3 Mar, training walk 15:00 min, pain 8/10: a flare (pain 7/10 or more), "
        "so your bout eases to 3:15 min.",
        "Wed 4 Mar, training walk 15:00 min, pain 2/10: a good walk (1 of 2 towards a step up).",
        "Thu 5 Mar, training walk 15:00 min, pain 2/10: a good walk (2 of 2 towards a step up), "
        "but no step up yet: less than 48 hours after a flare.",
    ]
    assert replay([good(0)], T0 + timedelta(hours=1)).reason == (
        "Training walks are planned from a walking test, and you have not done one yet. "
        "Your training walk on Mon 2 Mar does not replace it."
    )
    assert Progression.from_plan({"step_up": None, "flare_pain": 8}).flare_pain == 8


def test_a_last_test_from_another_year_is_named_with_its_year():
    """The Why of a walking test due names the last one; from last year, with its year."""
    from datetime import UTC, datetime

    from stenosis_coach.core.walking.model import Walk, WalkKind
    from stenosis_coach.core.walking.prescription import replay

    last = Walk(datetime(2025, 12, 20, 10, tzinfo=UTC), WalkKind.TEST, Fraction(600), None, 3)
    why = replay([last], datetime(2026, 1, 5, 10, tzinfo=UTC)).reason
    assert "Sat 20 Dec 2025" in why
