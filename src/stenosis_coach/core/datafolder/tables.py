"""Reading one CSV file of a data folder: its header, its rows, and each cell's value.

Every problem is kept (file, line, column, a plain sentence) so the whole folder is judged
in one go; nothing here raises for a bad value.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from fractions import Fraction
from typing import Any, TypeVar

from stenosis_coach.core.csv_table import CSV_NUMBER, ISO_DATE, Bad, CsvRows, problem_text, shown
from stenosis_coach.core.numbers import NumberProblem, Problem, read_number
from stenosis_coach.i18n import _

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)

_YES_NO = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}


@dataclass(frozen=True)
class FolderProblem:
    """One problem: the file, its 1-based line (the header is line 1) and column, if any."""

    file: str
    line: int | None
    column: str | None
    message: str

    def text(self) -> str:
        """ "walks.csv: line 3, column rests: …"."""
        return problem_text(self.file, self.line, self.column, self.message)


class FolderError(ValueError):
    """The folder was refused; ``problems`` lists every problem found, file by file."""

    def __init__(self, problems: list[FolderProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(p.text() for p in self.problems))


@dataclass
class Row:
    """One data row: its file, line and cells (a column missing from the file is empty)."""

    file: str
    line: int
    cells: Mapping[str, str]
    problems: list[FolderProblem]

    def text(self, column: str) -> str:
        return self.cells.get(column, "")

    def problem(self, column: str | None, message: str) -> None:
        self.problems.append(FolderProblem(self.file, self.line, column, message))

    def value(self, column: str, parse: Callable[[str], T]) -> T | None:
        """The cell read by ``parse``, or ``None`` after noting its problem."""
        try:
            return parse(self.text(column))
        except Bad as exc:
            self.problem(column, str(exc))
            return None


@dataclass(frozen=True)
class Table:
    """A file's rows, with the columns its header names."""

    columns: tuple[str, ...]
    rows: list[Row]


def read_table(
    file: str,
    text: str,
    known: tuple[str, ...],
    required: tuple[str, ...],
    free_text: frozenset[str],
    problems: list[FolderProblem],
) -> Table:
    """The rows of one CSV file (read as :class:`~stenosis_coach.core.csv_table.CsvRows`
    reads every CSV file: headers in any case, cells trimmed except free text, blank rows
    skipped); an empty file is an empty table."""

    def note(line: int | None, column: str | None, message: str) -> None:
        problems.append(FolderProblem(file, line, column, message))

    reader = CsvRows(text, known, required, note, keep_spaces=free_text)
    rows = [Row(file, line, cells, problems) for line, cells in reader]
    if not reader.header_found and text.removeprefix("\ufeff").strip():
        problems.append(FolderProblem(file, 1, None, _("the file has no header row")))
    return Table(reader.columns, rows)


# -- cell readers (each raises Bad with a plain sentence) ---------------------------------


def needed(value: str) -> str:
    if not value:
        raise Bad(_("a value is needed here"))
    return value


def day(value: str) -> date:
    if not value:
        raise Bad(_("a date is needed, like 2026-02-03"))
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise Bad(
            _("'{value}' is not a date; write it like 2026-02-03").format(value=shown(value))
        ) from None


def moment(value: str) -> datetime:
    """A local time with its UTC offset (``2026-03-02T09:30:00+01:00``)."""
    if not value:
        raise Bad(_("a time is needed, like 2026-03-02T09:30:00+01:00"))
    try:
        found = datetime.fromisoformat(value)
    except ValueError:
        found = None
    if found is None or found.tzinfo is None or not ISO_DATE.match(value):
        raise Bad(
            _(
                "'{value}' is not a time with its offset; write it like 2026-03-02T09:30:00+01:00"
            ).format(value=shown(value))
        )
    return found


def optional_moment(value: str) -> datetime | None:
    return moment(value) if value else None


def number(value: str) -> Fraction:
    """An exact decimal (``6.5`` -> 13/2), a point for decimals."""
    try:
        found = read_number(value, CSV_NUMBER)
    except NumberProblem as problem:
        if problem.problem is Problem.EMPTY:
            raise Bad(_("a number is needed here")) from None
        if problem.problem is Problem.DECIMAL_COMMA:
            raise Bad(
                _(
                    "'{value}' has a comma; write decimals with a point and no thousands "
                    "separator, like 6.5"
                ).format(value=shown(value))
            ) from None
        raise Bad(
            _("'{value}' is not a number; write it like 6.5").format(value=shown(value))
        ) from None
    if found is None:
        raise Bad(_("a number is needed here"))
    return found


def optional_number(value: str) -> Fraction | None:
    return number(value) if value else None


def whole(low: int, high: int | None) -> Callable[[str], int]:
    """A whole number from ``low`` to ``high`` (no upper bound when ``None``)."""

    def read(value: str) -> int:
        found = number(value)
        if found.denominator != 1 or found < low or (high is not None and found > high):
            if high is None:
                message = _("'{value}' is not a whole number, {low} or more")
            else:
                message = _("'{value}' is not a whole number from {low} to {high}")
            raise Bad(message.format(value=shown(value), low=low, high=high))
        return int(found)

    return read


def optional_whole(low: int, high: int | None) -> Callable[[str], int | None]:
    read = whole(low, high)
    return lambda value: read(value) if value else None


def yes_no(value: str) -> bool:
    try:
        return _YES_NO[value.lower()]
    except KeyError:
        raise Bad(_("'{value}' is not yes or no").format(value=shown(value))) from None


def optional_yes_no(value: str) -> bool | None:
    return yes_no(value) if value else None


def one_of(kind: type[E]) -> Callable[[str], E]:
    def read(value: str) -> E:
        try:
            return kind(value)
        except ValueError:
            words = ", ".join(member.value for member in kind)
            if not value:
                raise Bad(_("a value is needed; one of: {values}").format(values=words)) from None
            raise Bad(
                _("'{value}' is not one of: {values}").format(value=shown(value), values=words)
            ) from None

    return read


def json_object(value: str) -> dict[str, Any]:
    if not value:
        return {}
    try:
        found = json.loads(value)
    except ValueError:
        found = None
    if not isinstance(found, dict):
        raise Bad(_("this is not a JSON object like {example}").format(example='{"step": 1}'))
    return found


def longest(limit: int) -> Callable[[str], str]:
    def read(value: str) -> str:
        if len(value) > limit:
            raise Bad(_("this text is longer than {limit} characters").format(limit=limit))
        return value

    return read


def cannot_store(value: str) -> None:
    """A column this version knows but cannot keep yet: only an empty cell is accepted."""
    if value:
        raise Bad(
            _(
                "this version of the app cannot store this value yet; leave the cell empty "
                "or use a newer version"
            )
        )
