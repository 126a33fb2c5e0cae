"""Fuzzing walk diaries (DESIGN 4.3, issue 13): walks or a DiaryError naming each problem's
line, never a crash; and through the import, all or nothing.

Rows of the 12-week diary are mutated the way spreadsheets and people damage files (a cell
replaced by a nearly-right value, cells dropped or added, quotes, separators, the bytes cut
or flipped) and go through ``parse_diary_bytes``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stenosis_coach.core.walking.diary import DiaryError, parse_diary_bytes
from stenosis_coach.errors import InvalidInput

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "diary-programme-12-weeks.csv"
LINES = FIXTURE.read_text(encoding="utf-8").splitlines()
HEADER, ROWS = LINES[0], LINES[1:]
TODAY = date(2026, 6, 1)
SOURCE = "diary.csv"

NEAR = st.sampled_from(
    [
        "", " ", "0", "-0", "-1", "0.0", "1,5", "1.500", "1,500", "1e3", "inf", "nan", "NaN",
        "10", "11", "1440", "1441", "99999999999999999999", "0x10", "½", "٣", "test", "Test",
        "training", "walk", "yes", "no", "true", "2026-02-30", "2026-13-01", "31/12/2026",
        "2026-01-05T10:00", "2999-01-01", "1899-12-31", '"', '""', "'", ";", ",", "\t",
        "\u00a0", "\ufeff", "é", "🙂", "\x00", "\x1b[2J", "a" * 300,
    ]
)  # fmt: skip


@st.composite
def mutated_diary(draw) -> bytes:
    rows = [row.split(",") for row in draw(st.lists(st.sampled_from(ROWS), max_size=8))]
    for row in rows:
        for _ in range(draw(st.integers(0, 3))):
            action = draw(st.sampled_from(["replace", "drop", "add"]))
            at = draw(st.integers(0, max(0, len(row) - 1)))
            if action == "replace" and row:
                row[at] = draw(NEAR | st.text(max_size=12))
            elif action == "drop" and row:
                del row[at]
            else:
                row.insert(at, draw(NEAR))
    header = HEADER if draw(st.booleans()) else draw(st.sampled_from(
        [HEADER.upper(), HEADER.replace("kind", "type"), HEADER + ",extra", "", HEADER[:40]]
    ))  # fmt: skip
    data = "\n".join([header, *(",".join(row) for row in rows)]).encode("utf-8")
    if draw(st.booleans()) and data:
        cut = draw(st.integers(0, len(data)))
        data = data[:cut]
    if draw(st.integers(0, 4)) == 0 and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ (1 << draw(st.integers(0, 7)))]) + data[at + 1 :]
    return data


def _problems_name_their_place(exc: DiaryError) -> None:
    assert exc.problems
    for line in str(exc).split("\n"):  # (a cell may hold a form feed: not a line)
        assert line.startswith(f"{SOURCE}: "), line


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_diary())
def test_a_damaged_diary_is_walks_or_a_list_of_problems_never_a_crash(data):
    try:
        walks = parse_diary_bytes(data, source=SOURCE, today=TODAY, tz=UTC)
    except DiaryError as exc:
        _problems_name_their_place(exc)
        return
    for walk in walks:
        assert walk.total_walk_s > 0
        assert walk.tfs_s is None or 0 <= walk.tfs_s <= walk.total_walk_s
        assert 0 <= walk.peak_leg_pain <= 10
        assert walk.start.date() <= TODAY


SLOW_OK = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=40, deadline=None, suppress_health_check=SLOW_OK)
@given(data=mutated_diary())
def test_a_damaged_diary_imports_whole_or_not_at_all(db, tmp_path, data):
    from stenosis_coach.services import walks as walk_service

    diary = tmp_path / "diary.csv"
    diary.write_bytes(data)
    before = len(walk_service.history(db))
    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    try:
        result = walk_service.import_diary(db, diary, now)
    except InvalidInput:
        assert len(walk_service.history(db)) == before  # nothing of a refused file
        return
    assert len(walk_service.history(db)) == before + result.added


@pytest.mark.parametrize("noise", [b"", b"\n\n\n", b",,,,", bytes(range(1, 32)), b"\xff" * 64])
def test_odd_whole_files_are_refused_with_a_line_number(noise):
    with pytest.raises(DiaryError) as refused:
        parse_diary_bytes(noise, source=SOURCE, today=TODAY, tz=UTC)
    _problems_name_their_place(refused.value)
