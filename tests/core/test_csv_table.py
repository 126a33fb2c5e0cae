"""One reader of a CSV file's header and rows (issue 14): the walk diary (DESIGN 4.3) and a
data folder's files (DESIGN 4.4) read headers the same way and say the same words."""

from __future__ import annotations

from datetime import date, timedelta, timezone

import pytest

from stenosis_coach.core.csv_table import CsvRows, problem_text
from stenosis_coach.core.datafolder import FolderError, parse_folder
from stenosis_coach.core.walking.diary import DiaryError, parse_diary

TZ = timezone(timedelta(hours=1))


def read(text: str, keep_spaces=()):
    noted: list[tuple[int | None, str | None, str]] = []
    rows = CsvRows(
        text,
        known=("date", "pain", "notes"),
        required=("date",),
        note=lambda line, column, message: noted.append((line, column, message)),
        keep_spaces=keep_spaces,
    )
    return rows, list(rows), noted


def test_header_in_any_case_after_a_bom_and_blank_rows_cells_trimmed_but_free_text():
    text = "\ufeff\r\n,,\r\n Date ,PAIN,Notes\r\n2026-03-01, 4 ,  as written \r\n"
    rows, found, noted = read(text, keep_spaces={"notes"})
    assert noted == []
    assert rows.header_found and rows.columns == ("date", "pain", "notes")
    assert found == [(4, {"date": "2026-03-01", "pain": "4", "notes": "  as written "})]


def test_every_problem_is_noted_in_file_order_and_a_short_row_is_not_given():
    text = "pain,,colour,pain\n2026-03-01\n4,,,\n"
    rows, found, noted = read(text)
    assert noted == [
        (1, None, "column 2 has no name; remove it or name it"),
        (1, "colour", "unknown column; the columns are: date, pain, notes"),
        (1, "pain", "this column appears more than once"),
        (1, "date", "this required column is missing"),
        (
            2,
            None,
            "this row has 1 values but the header has 4 columns; "
            "check for a missing or extra comma",
        ),
    ]
    assert rows.columns == ("pain",) and found == [(3, {"pain": "4"})]


def test_a_line_that_is_not_csv_ends_the_reading():
    rows, found, noted = read('date\n"2026-03-01"x\n2026-03-02\n')
    assert rows.header_found and found == []
    assert noted == [
        (2, None, "this line cannot be read as CSV (',' expected after '\"')"),
    ]


def test_an_empty_text_has_no_header():
    rows, found, noted = read("\ufeff \r\n")
    assert (rows.header_found, found, noted) == (False, [], [])


@pytest.mark.parametrize(
    ("line", "column", "said"),
    [
        (3, "rests", "diary.csv: line 3, column rests: bad"),
        (3, None, "diary.csv: line 3: bad"),
        (None, "odd\nname", "diary.csv: column odd name: bad"),
        (None, None, "diary.csv: bad"),
    ],
)
def test_a_problem_is_said_with_its_place(line, column, said):
    assert problem_text("diary.csv", line, column, "bad") == said


def test_the_diary_and_a_data_folder_say_the_same_about_the_same_header():
    header = "DATE,,date,kind\n2026-03-01,x,2026-03-01,test\n"
    with pytest.raises(DiaryError) as diary:
        parse_diary(header, source="walk_diary.csv", today=date(2026, 4, 1), tz=TZ)
    with pytest.raises(FolderError) as folder:
        parse_folder({"walk_diary.csv": header.encode()}, TZ)
    assert (
        str(diary.value).splitlines()
        == str(folder.value).splitlines()
        == [
            "walk_diary.csv: line 1: column 2 has no name; remove it or name it",
            "walk_diary.csv: line 1, column date: this column appears more than once",
            "walk_diary.csv: line 1, column total_walk_min: this required column is missing",
            "walk_diary.csv: line 1, column peak_leg_pain: this required column is missing",
        ]
    )
