"""The walk diary CSV (DESIGN 4.3, a contract): walks recorded on paper or elsewhere.

The whole file is checked before anything is kept, and every problem is reported with its
line (the header is line 1) and column, so the user can fix the file in one go.

Readings of the contract decided here:

* Header names and values are trimmed of surrounding spaces; header names, ``kind`` and
  ``next_day_flare`` are matched in any case. A header repeated or left empty is an error.
* A file with a header and no rows is valid and gives no walks; an empty file is an error.
* Blank lines, and rows whose fields are all blank (spreadsheets add them), are skipped.
* Whole numbers (``peak_leg_pain``, ``rests``) may be written ``3`` or ``3.0``; ``3.5`` is
  refused. Numbers are read by the app's one parser in its CSV mode
  (:mod:`stenosis_coach.core.numbers`): a decimal point only; no exponents, thousands
  separators, NaN or infinity. A comma in a number cell (a quoted ``"6,5"``) is refused with
  a message asking for a point: in a CSV file ``"1,500"`` could be 1500 or 1.5, and a
  guess would silently change a walk.
* ``seq`` is the walk's 0-based position among the file's walks (row order).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from fractions import Fraction

from stenosis_coach.core.csv_table import CSV_NUMBER, ISO_DATE, Bad, CsvRows, problem_text, shown
from stenosis_coach.core.numbers import NumberProblem, Problem, read_number
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.i18n import _

REQUIRED = ("date", "total_walk_min", "peak_leg_pain")
OPTIONAL = ("kind", "time_to_symptoms_min", "rests", "next_day_flare", "distance_m", "notes")
COLUMNS = REQUIRED + OPTIONAL
MAX_TOTAL_MIN = 180  # DESIGN 4.3: total_walk_min > 0 and <= 180
DIARY_START = time(12, 0)  # DESIGN 4.3: a diary walk starts at 12:00 local time on its date

_FLARE = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False, "": False}
_KINDS = {"": WalkKind.TEST, "test": WalkKind.TEST, "training": WalkKind.TRAINING}


@dataclass(frozen=True)
class DiaryProblem:
    """One problem in a diary file: a 1-based file line, a column name (or None), a message."""

    line: int | None
    column: str | None
    message: str

    def text(self, source: str) -> str:
        """The problem where it is: "diary.csv: line 3, column rests: ..."."""
        return problem_text(source, self.line, self.column, self.message)


class DiaryError(ValueError):
    """The diary was refused; ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: list[DiaryProblem], source: str = "diary") -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__("\n".join(p.text(source) for p in self.problems))


def parse_diary_bytes(data: bytes, *, source: str, today: date, tz: tzinfo) -> list[Walk]:
    """Decode UTF-8 (a BOM is accepted) and parse; bad bytes are reported line by line."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    problems = []
    # b"\n" never occurs inside a UTF-8 multi-byte character, so lines can be decoded alone.
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = raw[exc.start : exc.start + 1].hex().upper()
            problems.append(
                DiaryProblem(
                    number,
                    None,
                    _(
                        "this line is not UTF-8 text (byte 0x{byte}); save the file as "
                        "'CSV UTF-8' and try again"
                    ).format(byte=bad),
                )
            )
    if problems:
        raise DiaryError(problems, source)
    return parse_diary(data.decode("utf-8"), source=source, today=today, tz=tz)


def parse_diary(text: str, *, source: str, today: date, tz: tzinfo) -> list[Walk]:
    """Parse a diary (DESIGN 4.3) into imported walks, or raise :class:`DiaryError`.

    ``today`` is the local date (no walk may be later); ``tz`` is local time, in which each
    walk starts at 12:00 on its date.
    """
    problems: list[DiaryProblem] = []

    def note(line: int | None, column: str | None, message: str) -> None:
        problems.append(DiaryProblem(line, column, message))

    reader = CsvRows(text, COLUMNS, REQUIRED, note)
    walks: list[Walk] = []
    for line, cells in reader:  # each walk read as its row comes: problems in file order
        walk = _walk(cells, line, len(walks), today, tz, problems)
        if walk is not None:
            walks.append(walk)
    if not reader.header_found and not problems:
        problems.append(
            DiaryProblem(
                1,
                None,
                _(
                    "the file is empty; its first line should name the columns, "
                    "like date,kind,total_walk_min,peak_leg_pain"
                ),
            )
        )
    if problems:
        raise DiaryError(problems, source)
    return walks


def _walk(
    cells: dict[str, str],
    line: int,
    seq: int,
    today: date,
    tz: tzinfo,
    problems: list[DiaryProblem],
) -> Walk | None:
    """One row as a walk, or None after adding its problems."""
    values: dict[str, object] = {}
    before = len(problems)

    def check(column: str, parse: Callable[[str], object]) -> None:
        if column not in cells:
            return
        try:
            values[column] = parse(cells[column])
        except Bad as exc:
            problems.append(DiaryProblem(line, column, str(exc)))

    check("date", lambda v: _date(v, today))
    check("kind", _kind)
    check("total_walk_min", _total)
    check("time_to_symptoms_min", _tfs)
    check("peak_leg_pain", lambda v: _whole(v, 0, 10, _("a whole number from 0 to 10")))
    check(
        "rests", lambda v: None if v == "" else _whole(v, 0, None, _("a whole number, 0 or more"))
    )
    check("next_day_flare", _flare)
    check("distance_m", _distance)
    total, tfs = values.get("total_walk_min"), values.get("time_to_symptoms_min")
    if isinstance(total, Fraction) and isinstance(tfs, Fraction) and tfs > total:
        problems.append(
            DiaryProblem(
                line,
                "time_to_symptoms_min",
                _(
                    "symptoms at {symptoms} min is after the end of the walk ({total} min); it "
                    "must be no more than total_walk_min"
                ).format(symptoms=cells["time_to_symptoms_min"], total=cells["total_walk_min"]),
            )
        )
    if len(problems) > before or any(name not in values for name in REQUIRED):
        return None
    day = values["date"]
    assert isinstance(day, date) and isinstance(total, Fraction)
    return Walk(
        start=datetime.combine(day, DIARY_START, tzinfo=tz),
        kind=values.get("kind", WalkKind.TEST),  # type: ignore[arg-type]
        total_walk_s=total * 60,
        tfs_s=tfs * 60 if isinstance(tfs, Fraction) else None,
        peak_leg_pain=values["peak_leg_pain"],  # type: ignore[arg-type]
        imported=True,
        seq=seq,
        rests=values.get("rests"),  # type: ignore[arg-type]
        next_day_flare=bool(values.get("next_day_flare", False)),
        distance_m=values.get("distance_m"),  # type: ignore[arg-type]
        notes=cells.get("notes", ""),
    )


def _number(value: str, what: str) -> Fraction:
    """An exact decimal number ("6.5" -> 13/2)."""
    try:
        number = read_number(value, CSV_NUMBER)  # exact: "6.5" is 13/2, never a float
    except NumberProblem as problem:
        quoted = shown(value)
        if problem.problem is Problem.EMPTY:
            raise Bad(_("a value is needed ({what})").format(what=what)) from None
        if problem.problem is Problem.DECIMAL_COMMA:
            raise Bad(
                _(
                    "'{value}' has a comma; write decimals with a point and no thousands "
                    "separator, like 6.5 or 1500 ({what})"
                ).format(value=quoted, what=what)
            ) from None
        raise Bad(
            _("'{value}' is not a number; write it like 6.5 ({what})").format(
                value=quoted, what=what
            )
        ) from None
    assert number is not None
    return number


def _date(value: str, today: date) -> date:
    if not value:
        raise Bad(_("a date is needed, like 2026-02-03"))
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise Bad(
            _("'{value}' is not a date; write it like 2026-02-03 (year-month-day)").format(
                value=shown(value)
            )
        ) from None
    if day > today:
        raise Bad(
            _("{value} is in the future (today is {today})").format(
                value=shown(value), today=today.isoformat()
            )
        )
    return day


def _kind(value: str) -> WalkKind:
    try:
        return _KINDS[value.lower()]
    except KeyError:
        # "test" and "training" are the words the file holds: kept as they are.
        raise Bad(
            _("'{value}' is not a kind of walk; write test or training").format(value=shown(value))
        ) from None


def _total(value: str) -> Fraction:
    minutes = _number(value, _("minutes of walking, rests left out"))
    if not 0 < minutes <= MAX_TOTAL_MIN:
        raise Bad(
            _("{value} min is not possible here; it must be more than 0 and at most 180").format(
                value=shown(value)
            )
        )
    return minutes


def _tfs(value: str) -> Fraction | None:
    if value == "":
        return None  # DESIGN 4.3: blank when symptoms never came
    minutes = _number(value, _("minutes until symptoms first came"))
    if minutes <= 0:
        raise Bad(
            _(
                "{value} min is not possible here; it must be more than 0 (leave it blank "
                "if symptoms never came)"
            ).format(value=shown(value))
        )
    return minutes


def _whole(value: str, low: int, high: int | None, what: str) -> int:
    number = _number(value, what)
    if number.denominator != 1 or number < low or (high is not None and number > high):
        raise Bad(
            _("'{value}' is not allowed; it must be {what}").format(value=shown(value), what=what)
        )
    return int(number)


def _flare(value: str) -> bool:
    try:
        return _FLARE[value.lower()]
    except KeyError:
        # "yes" and "no" are the words the file holds: kept as they are.
        raise Bad(
            _("'{value}' is not allowed; write yes or no (or leave it blank)").format(
                value=shown(value)
            )
        ) from None


def _distance(value: str) -> Fraction | None:
    if value == "":
        return None
    metres = _number(value, _("metres"))
    if metres < 0:
        raise Bad(_("{value} m is not possible; it must be 0 or more").format(value=shown(value)))
    return metres


def diary_key(walk: Walk, tz: tzinfo | None = None) -> tuple[object, ...]:
    """The canonical row of an imported walk, for comparing rows as multisets (DESIGN 4.3).

    ``(date, kind, total_walk_s, tfs_s, peak_leg_pain, rests, next_day_flare, distance_m,
    notes)``. Give ``tz`` (local time) when the stored start may be in another zone, so the
    date is the diary's date. A blank ``next_day_flare`` and ``no`` compare equal; a blank
    ``rests`` and ``0`` do not.
    """
    start = walk.start.astimezone(tz) if tz is not None else walk.start
    return (
        start.date(),
        WalkKind(walk.kind).value,
        Fraction(walk.total_walk_s),
        None if walk.tfs_s is None else Fraction(walk.tfs_s),
        walk.peak_leg_pain,
        walk.rests,
        bool(walk.next_day_flare),
        None if walk.distance_m is None else Fraction(walk.distance_m),
        walk.notes.strip(),
    )
