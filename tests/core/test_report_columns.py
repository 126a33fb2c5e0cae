"""The report's tables read at a glance (issue 12, H12 item 4): one duration format per
column with its unit in the header, and no column that holds nothing."""

from datetime import date
from fractions import Fraction

from stenosis_coach.core.report.tables import (
    RoutineRow,
    WalkRow,
    WeekRow,
    routine_table,
    walk_table,
    weekly_table,
)
from stenosis_coach.core.walking.model import WalkKind


def walk(walked_s, tfs_s=None, notes="", rests=2, kind=WalkKind.TRAINING) -> WalkRow:
    return WalkRow(date(2026, 6, 2), kind, Fraction(walked_s), tfs_s, rests, 3, False, notes)


def column(table, header_start: str) -> list[str]:
    index = next(i for i, h in enumerate(table.headers) if h.startswith(header_start))
    return [row[index] for row in table.rows]


def test_a_walks_column_says_every_duration_the_same_way():
    # The tester saw "30" above "12:56" in one column: minutes, or minutes and seconds?
    table = walk_table([walk(1800), walk(776, 472, kind=WalkKind.TEST), walk(1152, 1152)])
    assert "Walked (min:sec)" in table.headers
    assert column(table, "Walked") == ["30:00", "12:56", "19:12"]
    assert column(table, "Until symptoms") == ["no symptoms", "7:52", "19:12"]
    assert "Until symptoms (min:sec)" in table.headers


def test_a_column_of_long_durations_stays_in_whole_minutes():
    table = walk_table([walk(1800), walk(1500)])
    assert "Walked (min)" in table.headers
    assert column(table, "Walked") == ["30", "25"]


def test_a_column_that_holds_nothing_is_left_out():
    rows = [RoutineRow(date(2026, 6, d), "Flexion basics", 605.0, True, 3, 2, None) for d in (1, 2)]
    table = routine_table(rows)
    assert not any(h.startswith("Worst hurt") for h in table.headers)  # all "—": left out
    assert all(len(r) == len(table.headers) for r in table.rows)
    assert column(table, "Time") == ["10:05", "10:05"]
    hurt = routine_table([*rows, RoutineRow(date(2026, 6, 3), "Flexion", 300.0, True, 3, 2, 6)])
    assert column(hurt, "Worst hurt") == ["—", "—", "6"]  # one rating: the column stays
    notes = walk_table([walk(1800), walk(1800)])
    assert not any(h.startswith("Notes") for h in notes.headers)
    assert "Notes" in walk_table([walk(1800), walk(1800, notes="Windy")]).headers


def test_the_weekly_table_keeps_its_minutes_and_leaves_out_empty_columns():
    def week(monday: date, training_s: int, tests: int) -> WeekRow:
        return WeekRow(monday, tests, Fraction(400) if tests else None, 3, Fraction(training_s),
                       4, None, None, None)  # fmt: skip

    table = weekly_table([week(date(2026, 6, 1), 5400, 1), week(date(2026, 6, 8), 0, 0)])
    assert column(table, "Training (min)") == ["90", "0"]
    assert column(table, "Before symptoms") == ["6:40", "—"]
    assert "Before symptoms (min:sec)" in table.headers
    assert not any(h.startswith(("Leg pain", "Back pain", "Doses")) for h in table.headers)
    assert table.headers[0] == "Week of"
