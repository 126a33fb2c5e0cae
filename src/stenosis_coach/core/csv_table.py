"""Reading a CSV file with a header row: a walk diary (DESIGN 4.3), a data folder's files
(DESIGN 4.4). The one reader of the header and the rows; what each value means is the
caller's.

Readings decided here, for every such file:

* A byte-order mark is dropped. Blank lines, and rows whose cells are all blank
  (spreadsheets add them), are skipped; the first other row is the header.
* Header names are trimmed and matched in any case; a name left empty, unknown or repeated
  is a problem, and so is a required column missing. Cells are trimmed, except the columns
  the caller keeps as written (free text).
* A row with more or fewer cells than the header is a problem, and is not given.
* Nothing raises for a bad file: every problem is noted, with its 1-based line (the header
  is line 1) and column, so the whole file is judged in one go.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Iterator, Sequence

from stenosis_coach.core.numbers import NumberRule
from stenosis_coach.i18n import _

CSV_NUMBER = NumberRule("Value", decimal_comma=False)  # a decimal point only (DESIGN 4.3)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Notes one problem: its line (or None), its column (or None) and a plain sentence.
Note = Callable[[int | None, str | None, str], None]


class Bad(Exception):
    """A bad value in one cell; the message is said to the user."""


def shown(value: str) -> str:
    """A cell as a message quotes it: on one line (a quoted cell may hold line breaks),
    and at most 20 characters."""
    one_line = " ".join(value.splitlines())
    return one_line if len(one_line) <= 20 else one_line[:20] + "…"


def problem_text(source: str, line: int | None, column: str | None, problem: str) -> str:
    """A problem where it is: "diary.csv: line 3, column rests: …"."""
    if line is not None and column:
        said = _("{source}: line {line}, column {column}: {problem}")
    elif line is not None:
        said = _("{source}: line {line}: {problem}")
    elif column:
        said = _("{source}: column {column}: {problem}")
    else:
        said = _("{source}: {problem}")
    column = " ".join((column or "").splitlines())  # a header cell may hold a line break
    return said.format(source=source, line=line, column=column, problem=problem)


class CsvRows:
    """The data rows of one CSV text, read once by iterating: ``(line, cells)`` where
    ``cells`` maps each known column the header names to its cell.

    Problems go to ``note`` as they are met, in file order. After reading,
    :attr:`header_found` says whether there was a header and :attr:`columns` lists the
    known columns it names, in its order.
    """

    def __init__(
        self,
        text: str,
        known: Sequence[str],
        required: Sequence[str],
        note: Note,
        keep_spaces: Collection[str] = (),
    ) -> None:
        self._text = text.removeprefix("\ufeff")
        self._known = tuple(known)
        self._required = tuple(required)
        self._note = note
        self._keep_spaces = frozenset(keep_spaces)
        self._index: dict[str, int] = {}
        self.header_found = False

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self._index)

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        reader = csv.reader(io.StringIO(self._text, newline=""), strict=True)
        width = 0
        line = 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                self._note(line, None, _("this line cannot be read as CSV ({why})").format(why=exc))
                return
            row_line, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if not self.header_found:
                self.header_found = True
                header = [name.strip() for name in cells]
                width = len(header)
                self._read_header(header, row_line)
                continue
            if len(cells) != width:
                self._note(
                    row_line,
                    None,
                    _(
                        "this row has {values} values but the header has {columns} columns; "
                        "check for a missing or extra comma"
                    ).format(values=len(cells), columns=width),
                )
                continue
            yield (
                row_line,
                {
                    name: cells[i] if name in self._keep_spaces else cells[i].strip()
                    for name, i in self._index.items()
                },
            )

    def _read_header(self, header: list[str], line: int) -> None:
        index = self._index
        for position, name in enumerate(header, start=1):
            key = name.lower()
            if not name:
                self._note(
                    line,
                    None,
                    _("column {position} has no name; remove it or name it").format(
                        position=position
                    ),
                )
            elif key not in self._known:
                self._note(
                    line,
                    name,
                    _("unknown column; the columns are: {columns}").format(
                        columns=", ".join(self._known)
                    ),
                )
            elif key in index:
                self._note(line, key, _("this column appears more than once"))
            else:
                index[key] = position - 1
        for name in self._required:
            if name not in index:
                self._note(line, name, _("this required column is missing"))
