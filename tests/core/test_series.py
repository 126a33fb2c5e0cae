"""The progress page's plot series: hand-computed examples, week grouping, local noon, ranges."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from fractions import Fraction

import pytest

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.progress.series import (
    HALF_DAY_S,
    Range,
    medication_series,
    monday,
    noon_x,
    pain_series,
    sessions_per_week,
    standing_series,
    tolerance_points,
    tolerance_running_median,
    training_minutes_per_week,
    treatment_markers,
    x_range,
)
from stenosis_coach.core.routine_summary import Ratings, RoutineSummary
from stenosis_coach.core.sessions import SessionRecord, SessionState
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.words import day_text

PLUS2 = timezone(timedelta(hours=2))
MINUS5 = timezone(timedelta(hours=-5))


def london():
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        return zoneinfo.ZoneInfo("Europe/London")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone data for Europe/London")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def walk(
    start: datetime,
    total_s: int,
    tfs_s: int | None = None,
    kind: WalkKind = WalkKind.TEST,
    seq: int = 0,
) -> Walk:
    tfs = None if tfs_s is None else Fraction(tfs_s)
    return Walk(start, kind, Fraction(total_s), tfs, peak_leg_pain=4, seq=seq)


def routine(started_at: datetime, offset_min: int = 0, completed: bool = True) -> RoutineSummary:
    session = SessionRecord(
        1, "routine", "Flexion", SessionState.FINISHED, started_at, offset_min, started_at, 600.0
    )
    return RoutineSummary(
        session, "flexion", Ratings(), Ratings(), 5, 0, None, completed, done=completed
    )


def noon_utc(day: date) -> float:
    return utc(day.year, day.month, day.day, 12).timestamp()


# ---- walking tests ----------------------------------------------------------------------

TESTS = [
    walk(utc(2026, 5, 8, 7), 500, 300),  # Fri 8 May: 5 min
    walk(utc(2026, 5, 3, 23, 30), 600, 390),  # 01:30 on Mon 4 May at +02:00: 6.5 min
    walk(utc(2026, 5, 6, 8), 720),  # Wed 6 May: no symptoms, 12 min at least
    walk(utc(2026, 5, 5, 8), 1200, 60, kind=WalkKind.TRAINING),  # not a test
    walk(utc(2026, 5, 11, 8), 600, 480),  # Mon 11 May: 8 min
]


def test_tolerance_points_one_per_test_in_replay_order_with_lower_bounds():
    s = tolerance_points(TESTS, PLUS2)
    assert s.key == "tolerance"
    assert [p.text for p in s.points] == [
        "Mon 4 May: 6:30 min before symptoms",
        "Wed 6 May: 12:00 min, no symptoms (at least)",
        "Fri 8 May: 5:00 min before symptoms",
        "Mon 11 May: 8:00 min before symptoms",
    ]
    assert s.ys == [6.5, 12.0, 5.0, 8.0]
    assert [p.exact for p in s.points] == [Fraction(13, 2), 12, 5, 8]
    assert [p.lower_bound for p in s.points] == [False, True, False, False]
    assert s.xs[0] == utc(2026, 5, 3, 23, 30).timestamp()  # drawn at the walk's start
    assert s.points[0].day == date(2026, 5, 4)  # its local day


def test_running_median_of_last_three_is_exact():
    s = tolerance_running_median(TESTS, PLUS2)
    # [6.5] -> 6.5; [6.5, 12] -> 9.25; [6.5, 12, 5] -> 6.5; [12, 5, 8] -> 8
    assert [p.exact for p in s.points] == [Fraction(13, 2), Fraction(37, 4), Fraction(13, 2), 8]
    assert s.xs == tolerance_points(TESTS, PLUS2).xs
    assert s.points[0].text == "Mon 4 May: 6:30 min (one test so far)"
    assert s.points[1].text == "Wed 6 May: 9:15 min (median of the last 2 tests)"
    assert s.points[3].text == "Mon 11 May: 8:00 min (median of the last 3 tests)"
    assert not any(p.lower_bound for p in s.points)


def test_running_median_even_window_is_mean_of_middle_two():
    s = tolerance_running_median(TESTS, PLUS2, window=2)
    assert [p.exact for p in s.points] == [
        Fraction(13, 2),
        Fraction(37, 4),
        Fraction(17, 2),
        Fraction(13, 2),
    ]
    with pytest.raises(ValueError):
        tolerance_running_median(TESTS, PLUS2, window=0)


def test_same_moment_tests_follow_seq():
    a = walk(utc(2026, 5, 4, 8), 600, 300, seq=1)
    b = walk(utc(2026, 5, 4, 8), 600, 120, seq=0)
    assert tolerance_points([a, b], UTC).ys == [2.0, 5.0]


# ---- weeks ------------------------------------------------------------------------------

YEAR_END = [
    walk(utc(2025, 12, 28, 10), 600, kind=WalkKind.TRAINING),  # Sun: week of Mon 22 Dec
    walk(utc(2025, 12, 29, 10), 900, kind=WalkKind.TRAINING),  # Mon 29 Dec
    walk(utc(2026, 1, 1, 10), 1200, kind=WalkKind.TRAINING),  # Thu 1 Jan: same ISO week
    walk(utc(2026, 1, 6, 10), 400, 200),  # a test: not training time
    walk(utc(2026, 1, 13, 10), 450, kind=WalkKind.TRAINING),  # Tue 13 Jan: week of 12 Jan
]


def test_training_minutes_per_week_across_a_year_boundary():
    s = training_minutes_per_week(YEAR_END, UTC)
    weeks = [date(2025, 12, 22), date(2025, 12, 29), date(2026, 1, 5), date(2026, 1, 12)]
    assert [p.day for p in s.points] == weeks
    assert s.xs == [noon_utc(d) for d in weeks]
    assert [p.exact for p in s.points] == [10, 35, 0, Fraction(15, 2)]
    assert s.points[1].text == "Week of Mon 29 Dec: 35 min of training walks (2 walks)"
    assert s.points[2].text == "Week of Mon 5 Jan: no training walks"
    assert s.points[3].text == "Week of Mon 12 Jan: 7:30 min of training walks (1 walk)"


def test_weekly_series_run_on_to_until_with_zeros():
    s = training_minutes_per_week(YEAR_END, UTC, until=date(2026, 1, 28))
    assert [p.day for p in s.points][-2:] == [date(2026, 1, 19), date(2026, 1, 26)]
    assert s.ys[-2:] == [0.0, 0.0]
    # an earlier ``until`` never cuts data off
    assert len(training_minutes_per_week(YEAR_END, UTC, until=date(2025, 1, 1)).points) == 4


def test_week_of_a_walk_is_its_local_day():
    late_sunday_utc = walk(utc(2026, 1, 4, 23, 30), 600, kind=WalkKind.TRAINING)
    assert training_minutes_per_week([late_sunday_utc], UTC).points[0].day == date(2025, 12, 29)
    s = training_minutes_per_week([late_sunday_utc], PLUS2)  # 01:30 on Mon 5 Jan
    assert s.points[0].day == date(2026, 1, 5)
    assert s.xs == [utc(2026, 1, 5, 10).timestamp()]  # noon at +02:00


def test_sessions_per_week_counts_walks_and_routines_on_the_same_weeks():
    routines = [
        routine(utc(2025, 12, 30, 9), completed=False),
        routine(utc(2025, 12, 31, 9)),
        routine(utc(2026, 1, 4, 23, 30), offset_min=120),  # 01:30 on Mon 5 Jan, as lived
        routine(utc(2026, 1, 27, 9)),  # week of 26 Jan, after the last walk
    ]
    a = sessions_per_week(YEAR_END, routines, UTC)
    weeks = [date(2025, 12, 22) + timedelta(weeks=i) for i in range(6)]
    assert [p.day for p in a.walks.points] == weeks
    assert [p.day for p in a.routines.points] == weeks
    assert a.walks.ys == [1, 2, 1, 1, 0, 0]
    assert a.routines.ys == [0, 2, 1, 0, 0, 1]
    assert a.walks.xs == a.routines.xs == [noon_utc(d) for d in weeks]
    assert a.walks.points[2].text == "Week of Mon 5 Jan: 1 walk (1 walking test)"
    assert a.walks.points[1].text == "Week of Mon 29 Dec: 2 walks"
    assert a.routines.points[1].text == "Week of Mon 29 Dec: 2 routine sessions, 1 completed"
    assert a.routines.points[0].text == "Week of Mon 22 Dec: 0 routine sessions"


def test_monday():
    assert monday(date(2026, 1, 1)) == date(2025, 12, 29)
    assert monday(date(2025, 12, 29)) == date(2025, 12, 29)
    assert monday(date(2026, 1, 4)) == date(2025, 12, 29)


# ---- local noon -------------------------------------------------------------------------


def test_noon_in_a_fixed_offset_zone():
    assert noon_x(date(2026, 3, 29), MINUS5) == utc(2026, 3, 29, 17).timestamp()
    assert noon_x(date(2026, 3, 29), UTC) == noon_utc(date(2026, 3, 29))


def test_noon_across_daylight_saving_in_london():
    tz = london()
    assert noon_x(date(2026, 3, 28), tz) == utc(2026, 3, 28, 12).timestamp()  # GMT
    assert noon_x(date(2026, 3, 29), tz) == utc(2026, 3, 29, 11).timestamp()  # BST from today
    assert noon_x(date(2026, 10, 25), tz) == utc(2026, 10, 25, 12).timestamp()  # GMT again
    weekly = [
        walk(utc(2026, 3, 23, 9), 600, kind=WalkKind.TRAINING),
        walk(utc(2026, 3, 30, 9), 600, kind=WalkKind.TRAINING),
    ]
    xs = training_minutes_per_week(weekly, tz).xs
    assert xs == [utc(2026, 3, 23, 12).timestamp(), utc(2026, 3, 30, 11).timestamp()]
    logs = [DailyLog(date(2026, 3, 29), leg_pain=3)]
    assert pain_series(logs, tz).leg.xs == [utc(2026, 3, 29, 11).timestamp()]


# ---- the daily log ----------------------------------------------------------------------

D1, D2, D3 = date(2026, 5, 4), date(2026, 5, 5), date(2026, 5, 6)


def test_pain_series_skip_days_without_a_value():
    logs = [
        DailyLog(D3, leg_pain=4, back_pain=5),
        DailyLog(D1, leg_pain=6, numbness=2),
        DailyLog(D2, back_pain=3),
    ]
    p = pain_series(logs, UTC)
    assert [(pt.day, pt.y) for pt in p.leg.points] == [(D1, 6.0), (D3, 4.0)]
    assert [(pt.day, pt.y) for pt in p.back.points] == [(D2, 3.0), (D3, 5.0)]
    assert [(pt.day, pt.y) for pt in p.numbness.points] == [(D1, 2.0)]
    assert p.leg.xs == [noon_utc(D1), noon_utc(D3)]
    assert p.leg.points[0].text == "Mon 4 May: leg pain 6 out of 10"
    assert p.numbness.points[0].text == "Mon 4 May: numbness or tingling 2 out of 10"
    assert (p.leg.key, p.back.key, p.numbness.key) == ("leg_pain", "back_pain", "numbness")


def test_medication_doses_per_logged_day_added_and_zero_kept():
    logs = [
        DailyLog(D2),
        DailyLog(D1, otc_doses=2, prescription_doses=1),
        DailyLog(D3),
        DailyLog(D3, opioid_doses=1),  # a second log for the same day adds
    ]
    s = medication_series(logs, UTC)
    assert [(p.day, p.exact) for p in s.points] == [(D1, 3), (D2, 0), (D3, 1)]
    assert [p.text for p in s.points] == [
        "Mon 4 May: 3 doses of pain medication",
        "Tue 5 May: no pain medication",
        "Wed 6 May: 1 dose of pain medication",
    ]


def test_standing_minutes_with_the_30_minute_limit_a_lower_bound():
    logs = [
        DailyLog(D2, standing_s=Fraction(1800)),
        DailyLog(D1, standing_s=Fraction(390)),
        DailyLog(D3, leg_pain=2),
    ]
    s = standing_series(logs, UTC)
    assert [(p.day, p.exact, p.lower_bound) for p in s.points] == [
        (D1, Fraction(13, 2), False),
        (D2, 30, True),
    ]
    assert s.points[0].text == "Mon 4 May: stood 6:30 min before symptoms"
    assert s.points[1].text == "Tue 5 May: stood 30 min, no symptoms (at least)"


def test_treatment_markers_sorted_with_labels_and_notes():
    events = [
        TreatmentEvent(D3, TreatmentKind.PT_START),
        TreatmentEvent(D1, TreatmentKind.EPIDURAL_INJECTION, "L4-5, left"),
    ]
    m = treatment_markers(events, MINUS5)
    assert [x.label for x in m] == ["Epidural injection", "Start of physiotherapy"]
    assert [x.x for x in m] == [utc(2026, 5, 4, 17).timestamp(), utc(2026, 5, 6, 17).timestamp()]
    assert m[0].text == "Epidural injection, Mon 4 May: L4-5, left"
    assert m[1].text == "Start of physiotherapy, Wed 6 May"


def test_empty_inputs_give_empty_series():
    for s in (
        tolerance_points([], UTC),
        tolerance_running_median([], UTC),
        training_minutes_per_week([], UTC, until=date(2026, 1, 1)),
        *sessions_per_week([], [], UTC, until=date(2026, 1, 1)).__dict__.values(),
        *pain_series([], UTC).__dict__.values(),
        medication_series([], UTC),
        standing_series([], UTC),
    ):
        assert s.points == ()
        assert s.xs == s.ys == []
    assert treatment_markers([]) == []
    assert training_minutes_per_week(TESTS[:3], UTC).points == ()  # tests only: no training


# ---- ranges -----------------------------------------------------------------------------


def test_fixed_ranges_are_whole_days_up_to_today_padded_half_a_day():
    today = date(2026, 5, 31)
    assert x_range(Range.FOUR_WEEKS, today, [0.0], UTC) == (
        utc(2026, 5, 4).timestamp(),
        utc(2026, 6, 1).timestamp(),
    )
    lo, hi = x_range(Range.TWELVE_WEEKS, today, [], UTC)
    assert (lo, hi) == (utc(2026, 3, 9).timestamp(), utc(2026, 6, 1).timestamp())
    assert hi - lo == 84 * 86_400


def test_fixed_range_across_daylight_saving_ends_at_local_midnights():
    lo, hi = x_range(Range.FOUR_WEEKS, date(2026, 4, 10), [], london())
    assert lo == utc(2026, 3, 14).timestamp()  # local midnight, GMT
    assert hi == utc(2026, 4, 10, 23).timestamp()  # local midnight, BST


def test_all_range_spans_the_data_with_padding():
    assert x_range(Range.ALL, date(2026, 5, 31), iter([100.0, 50.0, 300.0])) == (
        50.0 - HALF_DAY_S,
        300.0 + HALF_DAY_S,
    )
    assert x_range(Range.ALL, date(2026, 5, 31), [7.0]) == (7.0 - HALF_DAY_S, 7.0 + HALF_DAY_S)


def test_all_range_without_data_shows_the_last_four_weeks():
    today = date(2026, 5, 31)
    assert x_range(Range.ALL, today, [], UTC) == x_range(Range.FOUR_WEEKS, today, [], UTC)
    assert [r.days for r in Range] == [28, 84, None]


# ---- ten years --------------------------------------------------------------------------


def test_ten_years_of_data_compute_in_single_passes():
    tz = PLUS2
    start = date(2016, 1, 4)
    walks, logs, routines = [], [], []
    for i in range(3650):
        day = start + timedelta(days=i)
        moment = datetime(day.year, day.month, day.day, 9, tzinfo=tz)
        if i % 7 in (0, 2, 4, 5):
            kind = WalkKind.TEST if i % 7 == 0 else WalkKind.TRAINING
            tfs = None if i % 35 == 0 else 200 + i % 300
            walks.append(walk(moment, 600 + i % 600, tfs, kind=kind))
        if i % 7 in (1, 3, 5):
            routines.append(routine(moment.astimezone(UTC), offset_min=120, completed=i % 3 > 0))
        standing = Fraction(60 + i % 1700) if i % 10 == 0 else None
        logs.append(DailyLog(day, i % 11, (i + 3) % 11, i % 5, i % 3, standing_s=standing))
    events = [
        TreatmentEvent(start + timedelta(days=365 * k), TreatmentKind.PROCEDURE) for k in range(10)
    ]
    tests = sum(w.kind == WalkKind.TEST for w in walks)
    weeks = 3650 // 7 + 1

    assert len(walks) > 2000
    assert len(tolerance_points(walks, tz).points) == tests
    assert len(tolerance_running_median(walks, tz).points) == tests
    assert len(training_minutes_per_week(walks, tz).points) == weeks
    adherence = sessions_per_week(walks, routines, tz)
    assert len(adherence.walks.points) == len(adherence.routines.points) == weeks
    assert sum(adherence.walks.ys) == len(walks)
    assert sum(adherence.routines.ys) == len(routines)
    pain = pain_series(logs, tz)
    assert len(pain.leg.points) == len(pain.back.points) == len(pain.numbness.points) == 3650
    assert len(medication_series(logs, tz).points) == 3650
    assert len(standing_series(logs, tz).points) == 365
    assert len(treatment_markers(events, tz)) == 10
    lo, hi = x_range(Range.ALL, date(2026, 1, 1), tolerance_points(walks, tz).xs)
    assert lo < hi
    every = [
        tolerance_points(walks, tz),
        tolerance_running_median(walks, tz),
        training_minutes_per_week(walks, tz),
        adherence.walks,
        adherence.routines,
        pain.leg,
        pain.back,
        pain.numbness,
        medication_series(logs, tz),
        standing_series(logs, tz),
    ]
    for s in every:  # hover text is made on demand, for every kind of point
        for p in (s.points[0], s.points[-1]):
            assert day_text(p.day) + ": " in p.text
