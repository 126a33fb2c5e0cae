"""CSV export of everything recorded (issue 7, DESIGN 4.1 ``export --out DIR``).

One CSV file per table, documented column by column in ``docs/csv-export.md``.

Readings decided here:

* Files are UTF-8 with a byte-order mark (so Excel shows accents right), comma-separated,
  quoted as RFC 4180 says (the :mod:`csv` module's ``excel`` dialect, CRLF line ends), with
  a header row. Booleans are ``yes``/``no``; an unknown value is an empty cell.
* Dates are ISO ``YYYY-MM-DD``; times are local ISO 8601 with their UTC offset, to the
  second (``2026-03-02T09:30:00+01:00``): sessions, events and safety records in the offset
  stored with them (in force when they were recorded); walks and a daily log's last change
  in local time ``tz`` (walks as the app's history and the diary show them).
* Minutes and metres are exact decimals (``6.5``) when the stored value has one; otherwise
  they are rounded to 6 decimal places (under 0.0001 s off).
* Deleted (undoable-deleted) walks, daily logs and treatments are not exported.
* ``walks.csv`` has every walk with its extra columns; ``walk_diary.csv`` has the same walks
  in the same order with exactly the walk diary columns (DESIGN 4.3), because the diary
  refuses unknown columns: it is the file ``walks import`` takes back.
* No partial output: everything is written into a private (0700) temporary folder beside
  the target, which is then renamed into place. Each file goes through the one atomic
  writer (:func:`stenosis_coach.files.write_checked`): private (0600), fsynced, checked.
  The target must not exist, or be an empty
  folder; its parent folder must exist. A user's file is never overwritten or deleted.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from decimal import ROUND_HALF_EVEN, Decimal, Inexact, localcontext
from fractions import Fraction
from pathlib import Path

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.daily import _TREATMENT_LABELS, TreatmentKind
from stenosis_coach.core.datafolder import EXPORTED, WALK_DIARY_COLUMNS, counted_text
from stenosis_coach.core.outcomes.model import SinceTreatment, answer_text, rows_of
from stenosis_coach.core.safety import QUESTIONS, QUESTIONS_BY_ID
from stenosis_coach.core.sessions import (
    ROUTINE_FINISHED,
    WALK_FINISHED,
    EndReason,
    session_status,
)
from stenosis_coach.errors import InvalidInput, StorageProblem, storage_error
from stenosis_coach.files import sync_dir, write_checked
from stenosis_coach.i18n import _, ngettext
from stenosis_coach.storage.daily_repo import DailyRepository
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.outcomes_repo import OutcomesRepository
from stenosis_coach.storage.safety_repo import SafetyRepository
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.storage.walks_repo import WalkRepository

log = logging.getLogger(__name__)

ENCODING = "utf-8-sig"  # UTF-8 with a BOM: Excel then reads the file as UTF-8
DECIMAL_PLACES = 6  # minutes and metres with no exact decimal are rounded to this

# File name -> its columns, in the order the files are written and counted: core's data
# folder contract (DESIGN 4.4), the same lists ``import --from`` reads back.
FILES: dict[str, tuple[str, ...]] = EXPORTED

# What each file's rows are counted as in the summary sentence (walk_diary.csv repeats
# walks.csv, so it is not counted).
_COUNTED = {
    "walks.csv": "walks",
    "sessions.csv": "sessions",
    "session_events.csv": "events",
    "daily_log.csv": "logs",
    "treatments.csv": "treatments",
    "safety_checks.csv": "checks",
    "safety_answers.csv": "answers",
    "clearances.csv": "clearances",
    "questionnaires.csv": "questionnaire_answers",
}

Row = Sequence[object]


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    counts: dict[str, int]  # file name -> data rows written (the header not counted)

    def sentence(self) -> str:
        """``Exported 10 files (2,411 walks, 1 session, …) to /path.``"""
        parts = [counted_text(kind, self.counts.get(name, 0)) for name, kind in _COUNTED.items()]
        files = len(self.counts)
        return ngettext(
            "Exported {n} file ({counts}) to {folder}.",
            "Exported {n} files ({counts}) to {folder}.",
            files,
        ).format(n=files, counts=", ".join(parts), folder=self.out_dir)


# -- where the files go ---------------------------------------------------------------------


def check_target(out_dir: Path) -> Path:
    """The folder to export into, as an absolute path, or :class:`InvalidInput`.

    It must not exist yet, or be an empty folder (so nothing of the user's is overwritten),
    and the folder it is in must exist.
    """
    target = Path(out_dir).expanduser().absolute()
    with contextlib.suppress(OSError, RuntimeError):
        target = target.resolve()  # through symlinks: the folder actually written
    try:
        if target.exists() and not target.is_dir():
            raise InvalidInput(
                _(
                    "{place} is a file, not a folder; give the name of a new folder for the export."
                ).format(place=target)
            )
        if target.is_dir() and any(target.iterdir()):
            raise InvalidInput(
                _(
                    "The folder {folder} is not empty; give a new or empty folder for the "
                    "export, so that none of your files is overwritten."
                ).format(folder=target)
            )
        parent = target.parent
        if parent.exists() and not parent.is_dir():
            raise InvalidInput(
                _("{place} is a file, not a folder; choose another place.").format(place=parent)
            )
        if not parent.is_dir():
            raise InvalidInput(
                _(
                    "The folder {folder} does not exist; create it first or choose another place."
                ).format(folder=parent)
            )
    except OSError as exc:
        raise InvalidInput(
            _("{place} cannot be used for the export ({reason}).").format(
                place=target, reason=_reason(exc)
            )
        ) from exc
    return target


def export_csv(db: Database, out_dir: Path, now: datetime, tz: tzinfo = LOCAL) -> ExportResult:
    """Write every table as a CSV file into ``out_dir``, all or nothing.

    ``tz`` is local time, for the times stored without a reliable offset of their own
    (walks, a daily log's last change). ``now`` is the moment of the export, for the log.
    """
    target = check_target(out_dir)
    try:
        partial = Path(
            tempfile.mkdtemp(prefix=f".{target.name[:80]}.", suffix=".partial", dir=target.parent)
        )
    except OSError as exc:
        problem = storage_error(exc, _("the export was not written"), target.parent)
        raise problem or InvalidInput(
            _("The export cannot be written in {folder} ({reason}).").format(
                folder=target.parent, reason=_reason(exc)
            )
        ) from exc
    counts: dict[str, int] = {}
    try:
        for name, rows in _tables(db, tz):
            counts[name] = _write_csv(partial / name, FILES[name], rows)
        _sync_dir(partial)
        _move_into_place(partial, target)
    except BaseException as exc:
        shutil.rmtree(partial, ignore_errors=True)  # our own temporary folder, nothing else
        if isinstance(exc, OSError):
            problem = storage_error(exc, _("the export was not written"), target.parent)
            raise problem or StorageProblem(
                _(
                    "The export could not be written to {folder} ({reason}); nothing was left "
                    "there."
                ).format(folder=target, reason=_reason(exc))
            ) from exc
        raise
    _sync_dir(target.parent)
    log.info("exported %s to %s at %s", counts, target, now.isoformat())
    return ExportResult(out_dir=target, counts=counts)


def _move_into_place(partial: Path, target: Path) -> None:
    try:
        os.replace(partial, target)  # POSIX: atomic, and replaces an empty folder only
    except OSError:
        if not target.is_dir():
            raise
        try:
            target.rmdir()  # Windows cannot rename over a folder; rmdir refuses a non-empty one
        except OSError:
            raise InvalidInput(
                _("The folder {folder} is no longer empty; nothing was written there.").format(
                    folder=target
                )
            ) from None
        os.rename(partial, target)


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Row]) -> int:
    """Write one file (header first) through the atomic writer; returns the data rows."""
    count = 0

    def write(tmp: Path) -> None:
        nonlocal count
        with open(tmp, "w", encoding=ENCODING, newline="") as file:
            writer = csv.writer(file)  # the "excel" dialect: RFC 4180 quoting, CRLF
            writer.writerow(header)
            for row in rows:
                writer.writerow([_cell(value) for value in row])
                count += 1

    write_checked(path, write=write, what="export")
    return count


def _sync_dir(directory: Path) -> None:
    """Make a rename or new files durable (not possible on Windows, where it is skipped)."""
    sync_dir(directory)


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


# -- cells ------------------------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Fraction):
        return decimal_text(value)
    return str(value)


def decimal_text(value: Fraction | int | None, places: int = DECIMAL_PLACES) -> str:
    """An exact decimal when there is one (``Fraction(13, 2)`` -> ``"6.5"``), else rounded
    to ``places`` decimals (``Fraction(5, 3)`` -> ``"1.666667"``); ``None`` -> ``""``."""
    if value is None:
        return ""
    value = Fraction(value)
    numerator, denominator = Decimal(value.numerator), Decimal(value.denominator)
    with localcontext() as ctx:
        ctx.prec = 60
        ctx.traps[Inexact] = True
        try:
            number = numerator / denominator
        except Inexact:
            ctx.traps[Inexact] = False
            number = (numerator / denominator).quantize(
                Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN
            )
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _seconds_text(value: float | None, places: int) -> str:
    if value is None:
        return ""
    text = f"{value:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@functools.cache
def _zone(offset_min: int) -> timezone:
    return timezone(timedelta(minutes=offset_min))


def _local(moment: datetime | None, zone: tzinfo) -> str:
    if moment is None:
        return ""
    return moment.astimezone(zone).isoformat(timespec="seconds")


# -- the tables -------------------------------------------------------------------------------


def _tables(db: Database, tz: tzinfo) -> Iterable[tuple[str, Iterable[Row]]]:
    walks = _walk_rows(db, tz)
    yield "walks.csv", walks
    yield "walk_diary.csv", [row[: len(WALK_DIARY_COLUMNS)] for row in walks]
    yield "sessions.csv", _session_rows(db)
    yield "session_events.csv", _event_rows(db)
    yield "daily_log.csv", _daily_rows(db, tz)
    yield "treatments.csv", _treatment_rows(db)
    yield "safety_checks.csv", _check_rows(db)
    yield "safety_answers.csv", _answer_rows(db)
    yield "clearances.csv", _clearance_rows(db)
    yield "questionnaires.csv", _questionnaire_rows(db)


def _walk_rows(db: Database, tz: tzinfo) -> list[Row]:
    """Walk dates and times in local time, as the app shows them and the diary reads them
    (a walk recorded live is stored in UTC, without the offset of the day)."""
    repo = WalkRepository(db)
    links = repo.session_links()
    stored = sorted(repo.all(), key=lambda s: (s.walk.sort_key, s.id))
    rows: list[Row] = []
    for item in stored:
        walk = item.walk
        start = walk.start.astimezone(tz)
        rows.append(
            (
                start.date().isoformat(),
                walk.kind.value,
                walk.total_walk_s / 60,
                None if walk.tfs_s is None else walk.tfs_s / 60,
                walk.peak_leg_pain,
                walk.rests,
                walk.next_day_flare,
                walk.distance_m,
                walk.notes,
                item.id,
                start.isoformat(timespec="seconds"),
                "diary" if walk.imported else "app",
                item.source,
                walk.ended_by.value,
                links.get(item.id),
            )
        )
    return rows


def _session_rows(db: Database) -> list[Row]:
    repo = SessionRepository(db)
    # The "finished" facts of the sessions saved as interrupted: their steps or walk may
    # have ended before the app died (then that is their status).
    facts = repo.events_of_ended(EndReason.INTERRUPTED, (ROUTINE_FINISHED, WALK_FINISHED))
    sessions = repo.all()
    routines = _routine_ids(repo, [s.id for s in sessions if s.kind == ROUTINE_KIND])
    rows: list[Row] = []
    for session in sessions:
        zone = _zone(session.utc_offset_min)
        reason = session.end_reason
        if reason:  # the session's one status, as the app shows it (core.sessions)
            reason = session_status(reason, facts.get(session.id, []))
        rows.append(
            (
                session.id,
                session.kind,
                session.title,
                session.state,
                _local(session.started_at, zone),
                _local(session.ended_at, zone),
                _seconds_text(float(session.elapsed_s) / 60, 2),
                reason,
                _local(session.heartbeat_at, zone),
                routines.get(session.id),
            )
        )
    return rows


ROUTINE_KIND = "routine"  # services.routines.SESSION_KIND


def _routine_ids(repo: SessionRepository, session_ids: list[int]) -> dict[int, str]:
    """Each routine session's routine: its started event's ``{"routine": id}``."""
    found: dict[int, str] = {}
    for sid, events in repo.events_for(session_ids, kinds=("started",)).items():
        routine = events[0].data.get("routine") if events else None
        if isinstance(routine, str) and routine:
            found[sid] = routine
    return found


def _event_rows(db: Database) -> Iterable[Row]:
    for event in SessionRepository(db).event_rows():
        yield (
            event.session_id,
            _local(event.at, _zone(event.utc_offset_min)),
            _seconds_text(event.t_s, 3),
            event.kind,
            _details(event.data),
        )


def _details(data: str | None) -> str:
    """The event's data as JSON text, accents kept readable."""
    if not data:
        return ""
    try:
        return json.dumps(json.loads(data), ensure_ascii=False, sort_keys=True)
    except ValueError:
        return data


def _daily_rows(db: Database, tz: tzinfo) -> list[Row]:
    repo = DailyRepository(db)
    updated = repo.updated_times()
    since = repo.since_treatment_answers()
    rows: list[Row] = []
    for stored in repo.logs():
        day = stored.log
        rows.append(
            (
                day.day.isoformat(),
                day.leg_pain,
                day.back_pain,
                day.numbness,
                day.otc_doses,
                day.prescription_doses,
                day.opioid_doses,
                day.doses,
                day.woken_by_leg_pain,
                day.sleep_quality,
                day.new_weakness,
                None if day.standing_s is None else Fraction(day.standing_s) / 60,
                day.notes,
                _local(updated.get(stored.id), tz),
                _since(since.get(day.day)),
            )
        )
    return rows


def _since(answer: SinceTreatment | None) -> str | None:
    return None if answer is None else answer.value


def _treatment_rows(db: Database) -> list[Row]:
    return [
        (t.event.date.isoformat(), t.event.kind.value, _kind_label(t.event.kind), t.event.note)
        for t in DailyRepository(db).treatments()
    ]


def _kind_label(kind: TreatmentKind) -> str:
    """A treatment's kind as the app writes it in English (a CSV cell is data, the same in
    every language); core keeps the words, translated when shown as ``kind.label``."""
    return _TREATMENT_LABELS[kind.value]


_QUESTION_ORDER = {q.id: i for i, q in enumerate(QUESTIONS)}


def _label(question_id: str) -> str:
    question = QUESTIONS_BY_ID.get(question_id)
    return question.plain_label if question else question_id


def _check_rows(db: Database) -> list[Row]:
    rows: list[Row] = []
    for check in sorted(SafetyRepository(db).checks(), key=lambda c: (c.started_at, c.id)):
        zone = _zone(check.utc_offset_min)
        yes = sorted((q for q, a in check.answers.items() if a), key=_question_key)
        rows.append(
            (
                check.id,
                check.trigger.value,
                _local(check.started_at, zone),
                _local(check.completed_at, zone),
                _local(check.postponed_at, zone),
                check.level.value if check.level else None,
                check.any_yes if check.complete else None,
                "; ".join(_label(q) for q in yes),
            )
        )
    return rows


def _question_key(question_id: str) -> tuple[int, str]:
    return (_QUESTION_ORDER.get(question_id, len(_QUESTION_ORDER)), question_id)


def _answer_rows(db: Database) -> list[Row]:
    found = sorted(
        SafetyRepository(db).answer_rows(),
        key=lambda r: (r.check_started_at, r.check_id, *_question_key(r.question_id)),
    )
    rows: list[Row] = []
    for answer in found:
        question = QUESTIONS_BY_ID.get(answer.question_id)
        rows.append(
            (
                answer.check_id,
                answer.question_id,
                question.since_words if question else None,  # the app's English: data
                question.level.value if question else None,
                answer.answer,
                _local(answer.answered_at, _zone(answer.utc_offset_min)),
            )
        )
    return rows


def _clearance_rows(db: Database) -> list[Row]:
    repo = SafetyRepository(db)
    offsets = repo.clearance_offsets()
    return [
        (c.id, _local(c.at, _zone(offsets.get(c.id, 0))), c.reason.value, c.check_id)
        for c in repo.clearances()
    ]


def _questionnaire_rows(db: Database) -> list[Row]:
    """One row per answered item (DESIGN 4.4), by date then instrument, each
    questionnaire's items in the order they were answered; a PSFS item is the activity's
    own words, its answer 0-10 or ``stopped``."""
    return [
        (day.isoformat(), instrument, item, answer_text(answer))
        for q in OutcomesRepository(db).questionnaires()
        for day, instrument, item, answer in rows_of(q)
    ]
