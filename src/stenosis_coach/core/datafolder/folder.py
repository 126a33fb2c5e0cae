"""A data folder written by ``export`` read back (DESIGN 4.4, docs/csv-export.md).

:func:`parse_folder` takes the folder's files (name -> bytes) and gives the history to
store, with new ids from 1 that keep every link (a walk to its session, events to their
session, an answer and a clearance to their check), or raises :class:`FolderError` with
every problem, each naming its file, line and column.

Readings decided here:

* Every file is optional (a missing file is an empty table); a file or column this version
  does not know is refused. A column whose values may be empty may be missing (then
  empty); the ids that link files (``session_id`` in sessions and events, ``check_id`` in
  checks, answers and clearances) and the values without which a row means nothing
  (dates, kinds, times) are required when the file is there.
* Columns the export derives are read, checked where they can be, and not stored: they
  are worked out again (``total_doses`` must be the sum of the doses; ``kind_label``,
  ``any_yes``, ``yes_answers``, ``question`` and ``question_level`` are not checked).
* ``walk_diary.csv`` repeats ``walks.csv``'s first nine columns: beside ``walks.csv`` it
  must agree with it row by row; alone, its rows are walks from a diary file
  (DESIGN 4.3), as ``walks import`` takes them.
* A routine session's routine is kept in its ``started`` event (``{"routine": id}``),
  where the app reads it. ``routine_id`` (sessions.csv since December 2026) must agree
  with that event; a routine session with no ``started`` event gets one at its start.
  A folder from an older export has no ``routine_id``: its events carry the routine.
* Values this version cannot store yet (``aid``; the daily log's ``neck_pain``,
  ``arm_pain``, ``hand_numbness``; rows of ``home_tests.csv``) are accepted empty and
  refused otherwise, named.
* ``questionnaires.csv`` (core.outcomes.model): each answer checked as the app checks it;
  an item twice in one questionnaire is refused. "My activities" are not a file of their
  own: storage works them out from the ratings (outcomes_repo.activity_rows).
* A walk without ``start`` starts at 12:00 local time on its date (as a diary walk).
* Minutes with 6 decimals were rounded by the export: they come back as the whole
  milliseconds they were rounded from, when there are some (:func:`seconds_of`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from fractions import Fraction
from typing import TypeVar

from stenosis_coach.core.csv_table import Bad, shown
from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.datafolder.tables import (
    FolderError,
    FolderProblem,
    Row,
    cannot_store,
    day,
    json_object,
    longest,
    moment,
    needed,
    number,
    one_of,
    optional_moment,
    optional_number,
    optional_whole,
    optional_yes_no,
    read_table,
    whole,
    yes_no,
)
from stenosis_coach.core.outcomes.model import (
    INSTRUMENTS,
    ZCQ_ITEMS,
    Answer,
    Instrument,
    Questionnaire,
    SinceTreatment,
    answer_problem,
    parse_answer,
    questionnaires_from_rows,
)
from stenosis_coach.core.safety import CheckTrigger, ClearanceReason, Level
from stenosis_coach.core.safety_state import CheckRecord, ClearanceRecord
from stenosis_coach.core.session_events import EndReason, SessionEvent
from stenosis_coach.core.sessions import SessionRecord, SessionState
from stenosis_coach.core.walking.model import LinkedWalk, Walk, WalkEnd, WalkKind
from stenosis_coach.i18n import _

DIARY_START = time(12, 0)  # DESIGN 4.3: a walk without its time starts at 12:00 local

WALK_DIARY_COLUMNS = (
    "date",
    "kind",
    "total_walk_min",
    "time_to_symptoms_min",
    "peak_leg_pain",
    "rests",
    "next_day_flare",
    "distance_m",
    "notes",
)
# The data folder's columns (DESIGN 4.4, docs/csv-export.md), the one list of them: each
# file this version reads, its columns in the order the export writes them (and the
# December 2026 additions of DESIGN 4.4), and those required when the file is there.
COLUMNS: dict[str, tuple[str, ...]] = {
    "walks.csv": (
        *WALK_DIARY_COLUMNS,
        "walk_id",
        "start",
        "source",
        "diary_file",
        "ended_by",
        "session_id",
        "aid",
    ),
    "walk_diary.csv": (*WALK_DIARY_COLUMNS, "aid"),
    "sessions.csv": (
        "session_id",
        "kind",
        "title",
        "state",
        "started",
        "ended",
        "minutes",
        "ended_how",
        "last_heartbeat",
        "routine_id",
    ),
    "session_events.csv": ("session_id", "at", "seconds_from_start", "event", "details"),
    "daily_log.csv": (
        "date",
        "leg_pain",
        "back_pain",
        "numbness",
        "otc_doses",
        "prescription_doses",
        "opioid_doses",
        "total_doses",
        "woken_by_leg_pain",
        "sleep_quality",
        "new_weakness",
        "standing_min",
        "notes",
        "updated_at",
        "neck_pain",
        "arm_pain",
        "hand_numbness",
        "since_treatment",
    ),
    "treatments.csv": ("date", "kind", "kind_label", "note"),
    "safety_checks.csv": (
        "check_id",
        "trigger",
        "started",
        "completed",
        "postponed",
        "level",
        "any_yes",
        "yes_answers",
    ),
    "safety_answers.csv": (
        "check_id",
        "question_id",
        "question",
        "question_level",
        "answer",
        "answered_at",
    ),
    "clearances.csv": ("clearance_id", "at", "reason", "check_id"),
    "home_tests.csv": ("date", "test", "side", "value"),
    "questionnaires.csv": ("date", "instrument", "item", "answer"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "walks.csv": ("date", "total_walk_min", "peak_leg_pain"),
    "walk_diary.csv": ("date", "total_walk_min", "peak_leg_pain"),
    "sessions.csv": ("session_id", "kind", "state", "started"),
    "session_events.csv": ("session_id", "at", "seconds_from_start", "event"),
    "daily_log.csv": ("date",),
    "treatments.csv": ("date", "kind"),
    "safety_checks.csv": ("check_id", "trigger", "started"),
    "safety_answers.csv": ("check_id", "question_id", "answer"),
    "clearances.csv": ("at", "reason", "check_id"),
    "home_tests.csv": (),
    "questionnaires.csv": (),
}
_FREE_TEXT = frozenset({"notes", "note", "title", "yes_answers", "question", "diary_file", "item"})
# What this version reads but cannot store yet: accepted empty, and not exported.
_NOT_STORED_YET = {
    "walks.csv": ("aid",),
    "walk_diary.csv": ("aid",),
    "daily_log.csv": ("neck_pain", "arm_pain", "hand_numbness"),
}
_FILES_NOT_STORED_YET = ("home_tests.csv",)
# What ``export`` writes: each file in the order written and counted, with its columns.
EXPORTED: dict[str, tuple[str, ...]] = {
    name: tuple(c for c in columns if c not in _NOT_STORED_YET.get(name, ()))
    for name, columns in COLUMNS.items()
    if name not in _FILES_NOT_STORED_YET
}
SESSION_KINDS = ("routine", "walk")
T_ = TypeVar("T_")


@dataclass
class DataFolder:
    """Everything in a folder, with new ids (from 1, in file order)."""

    sessions: list[SessionRecord] = field(default_factory=list)
    events: list[tuple[int, SessionEvent]] = field(default_factory=list)
    walks: list[LinkedWalk] = field(default_factory=list)
    checks: list[CheckRecord] = field(default_factory=list)
    answer_times: dict[tuple[int, str], datetime] = field(default_factory=dict)
    clearances: list[ClearanceRecord] = field(default_factory=list)
    clearance_offsets: dict[int, int] = field(default_factory=dict)
    logs: list[DailyLog] = field(default_factory=list)
    log_times: dict[date, datetime] = field(default_factory=dict)
    treatments: list[TreatmentEvent] = field(default_factory=list)
    since_treatment: dict[date, SinceTreatment] = field(default_factory=dict)
    questionnaires: list[Questionnaire] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "walks": len(self.walks),
            "sessions": len(self.sessions),
            "events": len(self.events),
            "logs": len(self.logs),
            "treatments": len(self.treatments),
            "checks": len(self.checks),
            "answers": sum(len(c.answers) for c in self.checks),
            "clearances": len(self.clearances),
            "questionnaires": len(self.questionnaires),
        }


def decode(name: str, data: bytes, problems: list[FolderProblem]) -> str | None:
    """A file's text (UTF-8, a BOM accepted), or ``None`` after naming its bad line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(
            FolderProblem(
                name,
                line,
                None,
                _(
                    "this line is not UTF-8 text (byte 0x{byte}); save the file as "
                    "'CSV UTF-8' and try again"
                ).format(byte=data[exc.start : exc.start + 1].hex().upper()),
            )
        )
        return None


def parse_folder(files: dict[str, bytes], tz: tzinfo) -> DataFolder:
    """The folder's history (see the module's readings), or :class:`FolderError`.

    ``files`` maps each file name to its bytes; ``tz`` is local time, for a walk without
    its start time (12:00 on its date)."""
    problems: list[FolderProblem] = []
    rows: dict[str, list[Row]] = {}
    for name in sorted(files):
        if name not in COLUMNS:
            problems.append(
                FolderProblem(
                    name,
                    None,
                    None,
                    _("this file is not part of a data folder; the files are: {files}").format(
                        files=", ".join(COLUMNS)
                    ),
                )
            )
            continue
        text = decode(name, files[name], problems)
        if text is None:
            continue
        table = read_table(name, text, COLUMNS[name], REQUIRED[name], _FREE_TEXT, problems)
        if any(column not in table.columns for column in REQUIRED[name]):
            continue  # each row would miss the same value: the header says it once
        rows[name] = table.rows
    found = DataFolder()
    for name, columns in _NOT_STORED_YET.items():
        for row in rows.get(name, []):
            for column in columns:
                row.value(column, cannot_store)
    for row in rows.get("home_tests.csv", []):
        first = next((c for c, v in row.cells.items() if v), None)
        row.problem(first, _("this version cannot import home tests yet"))
    sessions = _sessions(rows.get("sessions.csv", []), found, problems)
    _events(rows.get("session_events.csv", []), sessions, found)
    _routines(sessions, found)
    _walks(rows, sessions, found, tz)
    checks = _checks(rows.get("safety_checks.csv", []), found)
    _answers(rows.get("safety_answers.csv", []), checks, found)
    _clearances(rows.get("clearances.csv", []), checks, found)
    _logs(rows.get("daily_log.csv", []), found)
    _treatments(rows.get("treatments.csv", []), found)
    _questionnaires(rows.get("questionnaires.csv", []), found)
    if problems:
        raise FolderError(sorted(problems, key=lambda p: (p.file, p.line or 0)))
    return found


# -- sessions and their events ------------------------------------------------------------


@dataclass
class _Session:
    new_id: int
    kind: str
    row: Row
    routine_id: str


def _ids(rows: list[Row], column: str, required: bool = True) -> list[int | None]:
    """Each row's id (a whole number, unique in its file), ``None`` where it is bad."""
    seen: dict[int, Row] = {}
    found: list[int | None] = []
    for row in rows:
        value = row.value(column, whole(1, None)) if required or row.text(column) else None
        if value is not None and value in seen:
            row.problem(
                column,
                _("the id {id} is already used on line {line}").format(
                    id=value, line=seen[value].line
                ),
            )
            value = None
        if value is not None:
            seen[value] = row
        found.append(value)
    return found


def _offset_min(at: datetime) -> int:
    offset = at.utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 60)


def _sessions(
    rows: list[Row], found: DataFolder, problems: list[FolderProblem]
) -> dict[int, _Session]:
    by_old: dict[int, _Session] = {}
    for row, old_id in zip(rows, _ids(rows, "session_id"), strict=True):
        before = len(problems)
        kind = row.value("kind", needed)
        if kind is not None and kind not in SESSION_KINDS:
            row.problem(
                "kind",
                _("'{value}' is not one of: {values}").format(
                    value=kind, values=", ".join(SESSION_KINDS)
                ),
            )
            kind = None
        title = row.value("title", longest(200))
        state = row.value("state", one_of(SessionState))
        started = row.value("started", moment)
        ended = row.value("ended", optional_moment)
        minutes = row.value("minutes", optional_number)
        ended_how = row.value("ended_how", lambda v: one_of(EndReason)(v) if v else None)
        heartbeat = row.value("last_heartbeat", optional_moment)
        routine_id = row.value("routine_id", longest(64)) or ""
        if routine_id and kind == "walk":
            row.problem("routine_id", _("a walk has no routine; leave this cell empty"))
        if state is SessionState.FINISHED and "ended_how" in row.cells and not ended_how:
            row.problem("ended_how", _("a finished session needs how it ended"))
        if minutes is not None and minutes < 0:
            row.problem("minutes", _("minutes cannot be less than 0"))
        if len(problems) > before or old_id is None:
            continue
        assert kind is not None and state is not None and started is not None
        assert title is not None
        last = heartbeat or ended or started
        elapsed = float(minutes * 60) if minutes is not None else (last - started).total_seconds()
        new_id = len(found.sessions) + 1
        found.sessions.append(
            SessionRecord(
                id=new_id,
                kind=kind,
                title=title,
                state=state,
                started_at=started.astimezone(UTC),
                utc_offset_min=_offset_min(started),
                heartbeat_at=last.astimezone(UTC),
                elapsed_s=elapsed,
                ended_at=ended.astimezone(UTC) if ended else None,
                end_reason=ended_how,
            )
        )
        by_old[old_id] = _Session(new_id, kind, row, routine_id)
    return by_old


def _link(row: Row, column: str, targets: dict[int, T_], file: str) -> T_ | None:
    value = row.value(column, whole(1, None))
    if value is None:
        return None
    if value not in targets:
        row.problem(
            column,
            _("there is no {column} {id} in {file}").format(column=column, id=value, file=file),
        )
        return None
    return targets[value]


def _events(rows: list[Row], sessions: dict[int, _Session], found: DataFolder) -> None:
    for row in rows:
        session = _link(row, "session_id", sessions, "sessions.csv")
        at = row.value("at", moment)
        seconds = row.value("seconds_from_start", number)
        kind = row.value("event", longest(32))
        if kind == "":
            row.problem("event", _("a value is needed here"))
        details = row.value("details", json_object)
        if seconds is not None and seconds < 0:
            row.problem("seconds_from_start", _("seconds cannot be less than 0"))
            continue
        if session is None or at is None or seconds is None or not kind or details is None:
            continue
        found.events.append(
            (session.new_id, SessionEvent(kind, float(seconds), at.astimezone(UTC), details))
        )


def _routines(sessions: dict[int, _Session], found: DataFolder) -> None:
    """A routine session's ``routine_id`` agrees with its started event, or makes one."""
    firsts: dict[int, int] = {}
    for index, (sid, event) in enumerate(found.events):
        if event.kind == "started":
            firsts.setdefault(sid, index)
    added: list[tuple[int, SessionEvent]] = []
    for session in sessions.values():
        if session.kind != "routine" or not session.routine_id:
            continue
        first = firsts.get(session.new_id)
        if first is None:
            record = found.sessions[session.new_id - 1]
            data = {"routine": session.routine_id}
            added.append((session.new_id, SessionEvent("started", 0.0, record.started_at, data)))
            continue
        sid, event = found.events[first]
        said = event.data.get("routine")
        if said is None:
            data = {**event.data, "routine": session.routine_id}
            found.events[first] = (sid, replace(event, data=data))
        elif said != session.routine_id:
            session.row.problem(
                "routine_id",
                _("'{value}' is not the routine its started event names ({routine})").format(
                    value=session.routine_id, routine=said
                ),
            )
    if added:
        # events grouped by session (a stable sort): a made "started" event first in its own
        merged = added + found.events
        merged.sort(key=lambda pair: pair[0])
        found.events[:] = merged


# -- walks ---------------------------------------------------------------------------------


def _walks(
    rows: dict[str, list[Row]], sessions: dict[int, _Session], found: DataFolder, tz: tzinfo
) -> None:
    walks = rows.get("walks.csv")
    diary = rows.get("walk_diary.csv", [])
    if walks is None:
        for row in diary:
            walk = _walk(row, None, tz)
            if walk is not None:
                seq = sum(1 for w in found.walks if w.walk.imported) + 1
                found.walks.append(
                    LinkedWalk(replace(walk, imported=True, seq=seq), None, seq, "walk_diary.csv")
                )
        return
    _ids(walks, "walk_id", required=False)
    for row in walks:
        walk = _walk(row, sessions, tz)
        session = (
            _link(row, "session_id", sessions, "sessions.csv") if row.text("session_id") else None
        )
        if walk is None:
            continue
        seq = sum(1 for w in found.walks if w.walk.imported) + 1 if walk.imported else 0
        found.walks.append(
            LinkedWalk(
                replace(walk, seq=seq),
                session.new_id if session else None,
                seq,
                row.text("diary_file"),
            )
        )
    if diary and len(diary) != len(walks):
        diary[0].problem(
            None,
            _("walk_diary.csv has {diary} walks but walks.csv has {walks}; they must agree").format(
                diary=len(diary), walks=len(walks)
            ),
        )
        return
    for mine, theirs in zip(diary, walks, strict=False):
        for column in WALK_DIARY_COLUMNS:
            if mine.text(column) != theirs.text(column):
                mine.problem(
                    column,
                    _("this differs from walks.csv line {line}; they must agree").format(
                        line=theirs.line
                    ),
                )


def _walk(row: Row, sessions: dict[int, _Session] | None, tz: tzinfo) -> Walk | None:
    before = len(row.problems)
    on = row.value("date", day)
    kind = row.value("kind", lambda v: one_of(WalkKind)(v or "test"))
    total = row.value("total_walk_min", number)
    tfs = row.value("time_to_symptoms_min", optional_number)
    pain = row.value("peak_leg_pain", whole(0, 10))
    rests = row.value("rests", optional_whole(0, None))
    flare = row.value("next_day_flare", lambda v: bool(optional_yes_no(v)))
    distance = row.value("distance_m", optional_number)
    notes = row.value("notes", longest(2000))
    start = row.value("start", optional_moment) if sessions is not None else None
    source = row.value("source", lambda v: _source(v)) if sessions is not None else True
    ended_by = row.value("ended_by", lambda v: one_of(WalkEnd)(v or "completed"))
    if total is not None and total <= 0:
        row.problem("total_walk_min", _("the walking time must be more than 0"))
    if tfs is not None and tfs <= 0:
        row.problem("time_to_symptoms_min", _("the time to symptoms must be more than 0"))
    if tfs is not None and total is not None and tfs > total:
        row.problem("time_to_symptoms_min", _("this is after the end of the walk (total_walk_min)"))
    if distance is not None and distance < 0:
        row.problem("distance_m", _("the distance cannot be less than 0"))
    if start is not None and on is not None and start.date() != on:
        row.problem("date", _("this is not the date of the walk's start"))
    if len(row.problems) > before:
        return None
    assert on is not None and kind is not None and total is not None and pain is not None
    assert ended_by is not None and notes is not None and source is not None
    return Walk(
        start=start or datetime.combine(on, DIARY_START, tzinfo=tz),
        kind=kind,
        total_walk_s=seconds_of(total),
        tfs_s=seconds_of(tfs) if tfs is not None else None,
        peak_leg_pain=pain,
        imported=source,
        rests=rests,
        next_day_flare=bool(flare),
        ended_by=ended_by,
        distance_m=distance,
        notes=notes,
    )


_ROUNDED = Fraction(1, 10**6)  # the export rounds minutes without an exact decimal to 6 places


def seconds_of(minutes: Fraction) -> Fraction:
    """Minutes as seconds. Minutes the export rounded (6 decimals: ``1.666667`` for 100 s)
    give back the whole milliseconds they were rounded from when there are some (100 s, not
    100.00002 s): no other value that close has whole milliseconds, and it is exported
    the same again."""
    seconds = minutes * 60
    if (minutes / _ROUNDED).denominator == 1 and (minutes / _ROUNDED / 10).denominator != 1:
        near = Fraction(round(seconds * 1000), 1000)
        if abs(near / 60 - minutes) < _ROUNDED / 2:
            return near
    return seconds


def _source(value: str) -> bool:
    """Whether a walk came from a diary (``diary``) or the app (``app``, or empty)."""
    if value in ("", "app"):
        return False
    if value == "diary":
        return True
    raise Bad(_("'{value}' is not one of: {values}").format(value=value, values="app, diary"))


# -- safety checks, answers, clearances -------------------------------------------------------


def _checks(rows: list[Row], found: DataFolder) -> dict[int, CheckRecord]:
    by_old: dict[int, CheckRecord] = {}
    for row, old_id in zip(rows, _ids(rows, "check_id"), strict=True):
        before = len(row.problems)
        trigger = row.value("trigger", one_of(CheckTrigger))
        started = row.value("started", moment)
        completed = row.value("completed", optional_moment)
        postponed = row.value("postponed", optional_moment)
        level = row.value("level", lambda v: one_of(Level)(v) if v else None)
        row.value("any_yes", optional_yes_no)
        if len(row.problems) > before or old_id is None:
            continue
        assert trigger is not None and started is not None
        record = CheckRecord(
            id=len(found.checks) + 1,
            trigger=trigger,
            started_at=started.astimezone(UTC),
            utc_offset_min=_offset_min(started),
            completed_at=completed.astimezone(UTC) if completed else None,
            postponed_at=postponed.astimezone(UTC) if postponed else None,
            level=level,
        )
        found.checks.append(record)
        by_old[old_id] = record
    return by_old


def _answers(rows: list[Row], checks: dict[int, CheckRecord], found: DataFolder) -> None:
    seen: dict[tuple[int, str], int] = {}
    for row in rows:
        check = _link(row, "check_id", checks, "safety_checks.csv")
        question = row.value("question_id", longest(64))
        if question == "":
            row.problem("question_id", _("a value is needed here"))
        answer = row.value("answer", yes_no)
        at = row.value("answered_at", optional_moment)
        if check is None or not question or answer is None:
            continue
        key = (check.id, question)
        if key in seen:
            row.problem(
                "question_id",
                _("this question is already answered for this check on line {line}").format(
                    line=seen[key]
                ),
            )
            continue
        seen[key] = row.line
        check.answers[question] = answer
        if at is not None:
            found.answer_times[key] = at.astimezone(UTC)


def _clearances(rows: list[Row], checks: dict[int, CheckRecord], found: DataFolder) -> None:
    _ids(rows, "clearance_id", required=False)
    for row in rows:
        at = row.value("at", moment)
        reason = row.value("reason", one_of(ClearanceReason))
        check = _link(row, "check_id", checks, "safety_checks.csv")
        if at is None or reason is None or check is None:
            continue
        new_id = len(found.clearances) + 1
        found.clearances.append(ClearanceRecord(new_id, at.astimezone(UTC), reason, check.id))
        found.clearance_offsets[new_id] = _offset_min(at)


# -- the daily log and treatments --------------------------------------------------------------

_LOG_COLUMNS = {"standing_s": "standing_min"}
_SCALE = optional_whole(-(10**6), 10**6)  # whole numbers; their ranges: DailyLog.problems


def _logs(rows: list[Row], found: DataFolder) -> None:
    seen: dict[date, int] = {}
    for row in rows:
        before = len(row.problems)
        on = row.value("date", day)
        values = {
            name: row.value(name, _SCALE)
            for name in (
                "leg_pain",
                "back_pain",
                "numbness",
                "woken_by_leg_pain",
                "sleep_quality",
            )
        }
        doses = {
            name: row.value(name, lambda v: _SCALE(v) or 0)
            for name in ("otc_doses", "prescription_doses", "opioid_doses")
        }
        total = row.value("total_doses", _SCALE)
        weakness = row.value("new_weakness", lambda v: bool(optional_yes_no(v)))
        standing = row.value("standing_min", optional_number)
        notes = row.value("notes", str)
        updated = row.value("updated_at", optional_moment)
        since = row.value("since_treatment", lambda v: one_of(SinceTreatment)(v) if v else None)
        if len(row.problems) > before or on is None:
            continue
        if on in seen:
            row.problem(
                "date", _("this day is already logged on line {line}").format(line=seen[on])
            )
            continue
        seen[on] = row.line
        log = DailyLog(
            day=on,
            **values,  # type: ignore[arg-type]
            **{k: v or 0 for k, v in doses.items()},
            new_weakness=bool(weakness),
            standing_s=seconds_of(standing) if standing is not None else None,
            notes=notes or "",
        )
        bad = log.problems()
        for name, message in bad.items():
            row.problem(_LOG_COLUMNS.get(name, name), message)
        if total is not None and total != log.doses:
            row.problem(
                "total_doses",
                _("this is not the sum of the doses ({total})").format(total=log.doses),
            )
        if bad or (total is not None and total != log.doses):
            continue
        found.logs.append(log)
        if updated is not None:
            found.log_times[on] = updated
        if since is not None:
            found.since_treatment[on] = since


def _treatments(rows: list[Row], found: DataFolder) -> None:
    for row in rows:
        on = row.value("date", day)
        kind = row.value("kind", one_of(TreatmentKind))
        note = row.value("note", longest(2000))
        if on is None or kind is None or note is None:
            continue
        found.treatments.append(TreatmentEvent(on, kind, note))


# -- questionnaires and My activities ---------------------------------------------------------


def _instrument(value: str) -> Instrument:
    for instrument in INSTRUMENTS:
        if value == instrument:
            return instrument
    raise Bad(
        _("'{value}' is not one of: {values}").format(
            value=shown(value), values=", ".join(INSTRUMENTS)
        )
    )


def _answer(value: str) -> Answer:
    try:
        return parse_answer(value)
    except ValueError:
        raise Bad(
            _("'{value}' is not an answer; write a whole number or stopped").format(
                value=shown(value)
            )
        ) from None


def _questionnaires(rows: list[Row], found: DataFolder) -> None:
    seen: dict[tuple[date, str, str], int] = {}
    kept: list[tuple[date, Instrument, str, Answer]] = []
    first_line: dict[tuple[date, str], Row] = {}
    for row in rows:
        before = len(row.problems)
        on = row.value("date", day)
        instrument = row.value("instrument", _instrument)
        item = row.value("item", needed)
        answer = row.value("answer", _answer)
        if len(row.problems) > before:
            continue
        assert on is not None and instrument is not None and item is not None
        assert answer is not None
        problem = answer_problem(instrument, item, answer)
        if problem is not None:
            column = "item" if instrument == "zcq" and item not in ZCQ_ITEMS else "answer"
            row.problem(column, problem)
            continue
        key = (on, instrument, item)
        if key in seen:
            row.problem(
                "item",
                _("this item is already answered on line {line}").format(line=seen[key]),
            )
            continue
        seen[key] = row.line
        first_line.setdefault((on, instrument), row)
        kept.append((on, instrument, item, answer))
    questionnaires = questionnaires_from_rows(kept)
    for questionnaire in questionnaires:
        whole_problem = questionnaire.problems().get("")
        if whole_problem:
            first_line[(questionnaire.date, questionnaire.instrument)].problem(
                "item", whole_problem
            )
    found.questionnaires = questionnaires
