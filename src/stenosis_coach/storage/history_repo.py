"""A whole history written at once (the demo, issue 6), whether any is recorded yet, and
every row read back (a backup checked before it is restored).

Everything goes in with bulk inserts in one transaction: ten years take a few seconds, and
a failure leaves the database as empty as it was. What comes in are core objects with their
ids given (the database is empty: they are the ids the rows get).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlmodel import SQLModel

from stenosis_coach.core.clock import utc_offset_minutes
from stenosis_coach.core.daily import DailyLog, TreatmentEvent
from stenosis_coach.core.outcomes.model import Questionnaire
from stenosis_coach.core.safety_state import CheckRecord, ClearanceRecord
from stenosis_coach.core.sessions import SessionEvent, SessionRecord
from stenosis_coach.core.walking.model import LinkedWalk
from stenosis_coach.storage import models
from stenosis_coach.storage.daily_repo import LOG_FIELDS, DailyRepository
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.models import (
    ActivityRow,
    AppStateRow,
    ClearanceRow,
    DailyLogRow,
    QuestionnaireAnswerRow,
    RedFlagAnswerRow,
    RedFlagCheckRow,
    SessionEventRow,
    SessionRow,
    TreatmentRow,
    WalkRow,
)
from stenosis_coach.storage.outcomes_repo import activity_rows, answer_rows
from stenosis_coach.storage.plans_repo import PlanRepository
from stenosis_coach.storage.safety_repo import SafetyRepository
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.storage.walks_repo import WalkRepository, to_row

# What counts as recorded data (plans and settings do not).
DATA_TABLES = (
    SessionRow,
    WalkRow,
    DailyLogRow,
    RedFlagCheckRow,
    TreatmentRow,
    QuestionnaireAnswerRow,
    ActivityRow,
)
SESSIONS = SessionRow.__table__  # type: ignore[attr-defined]  # SQLModel's stubs


@dataclass
class History:
    """Everything to write: sessions with their events, walks, safety checks (with their
    answers, answered when the check was finished), clearances, daily logs, treatments, and
    small facts about the app's use (``app_state``)."""

    sessions: list[SessionRecord] = field(default_factory=list)
    events: list[tuple[int, SessionEvent]] = field(default_factory=list)  # (session id, …)
    walks: list[LinkedWalk] = field(default_factory=list)
    checks: list[CheckRecord] = field(default_factory=list)
    clearances: list[ClearanceRecord] = field(default_factory=list)
    logs: list[DailyLog] = field(default_factory=list)
    treatments: list[TreatmentEvent] = field(default_factory=list)
    state: Mapping[str, str] = field(default_factory=dict)
    # A data folder's own times (import, DESIGN 4.4); missing ones as the demo writes them:
    # a log's last change (its day -> when), an answer's time ((check id, question id) ->
    # when), a clearance's UTC offset in minutes (its id -> offset).
    log_times: Mapping[date, datetime] = field(default_factory=dict)
    answer_times: Mapping[tuple[int, str], datetime] = field(default_factory=dict)
    clearance_offsets: Mapping[int, int] = field(default_factory=dict)
    # The daily log's "compared with before the treatment" (its day -> the answer's value),
    # and the questionnaires (DESIGN 5.6), with My activities as their ratings imply them.
    since_treatment: Mapping[date, str] = field(default_factory=dict)
    questionnaires: list[Questionnaire] = field(default_factory=list)


class HistoryRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def has_data(self) -> bool:
        """Anything recorded: a session, a walk, a daily log, a safety check, a treatment,
        a questionnaire or an activity."""
        with self._db.engine.connect() as conn:
            return any(
                conn.execute(select(func.count()).select_from(t)).scalar_one() for t in DATA_TABLES
            )

    def add(self, history: History, updated_at: datetime) -> None:
        """Write ``history`` in one transaction (a daily log's last change: ``updated_at``)."""
        rows: list[tuple[type[Any], list[dict[str, Any]]]] = [
            (SessionRow, [_session(s) for s in history.sessions]),
            (SessionEventRow, [_event(sid, e) for sid, e in history.events]),
            (WalkRow, [_walk(w) for w in history.walks]),
            (RedFlagCheckRow, [_check(c) for c in history.checks]),
            (
                RedFlagAnswerRow,
                [a for c in history.checks for a in _answers(c, history.answer_times)],
            ),
            (
                ClearanceRow,
                [_clearance(c, history.clearance_offsets.get(c.id)) for c in history.clearances],
            ),
            (
                DailyLogRow,
                [
                    _log(
                        log,
                        history.log_times.get(log.day, updated_at),
                        history.since_treatment.get(log.day),
                    )
                    for log in history.logs
                ],
            ),
            (TreatmentRow, [_treatment(t) for t in history.treatments]),
            (AppStateRow, [{"key": k, "value": v} for k, v in history.state.items()]),
            (QuestionnaireAnswerRow, answer_rows(history.questionnaires, updated_at)),
            (ActivityRow, activity_rows(history.questionnaires)),
        ]
        with self._db.engine.begin() as conn:
            for table, found in rows:
                if found:
                    conn.execute(insert(table), found)


def _session(s: SessionRecord) -> dict[str, Any]:
    return {
        "id": s.id,
        "kind": s.kind,
        "title": s.title,
        "state": s.state,
        "started_at": s.started_at,
        "utc_offset_min": s.utc_offset_min,
        "heartbeat_at": s.heartbeat_at,
        "elapsed_s": float(s.elapsed_s),
        "ended_at": s.ended_at,
        "end_reason": s.end_reason,
    }


def _event(session_id: int, event: SessionEvent) -> dict[str, Any]:
    return {
        "session_id": session_id,
        "kind": event.kind,
        "t_s": event.t_s,
        "at": event.at,
        "data": json.dumps(event.data, sort_keys=True),
    }


def _walk(item: LinkedWalk) -> dict[str, Any]:
    row = to_row(
        item.walk, session_id=item.session_id, import_seq=item.import_seq, source=item.source
    )
    return row.model_dump(exclude={"id"})


def _check(check: CheckRecord) -> dict[str, Any]:
    return {
        "id": check.id,
        "trigger": check.trigger,
        "started_at": check.started_at,
        "utc_offset_min": check.utc_offset_min,
        "completed_at": check.completed_at,
        "postponed_at": check.postponed_at,
        "level": check.level,
    }


def _answers(check: CheckRecord, times: Mapping[tuple[int, str], datetime]) -> list[dict[str, Any]]:
    at = check.completed_at or check.started_at
    return [
        {
            "check_id": check.id,
            "question_id": q,
            "answer": yes,
            "answered_at": times.get((check.id, q), at),
        }
        for q, yes in check.answers.items()
    ]


def _clearance(clearance: ClearanceRecord, offset: int | None) -> dict[str, Any]:
    return {
        "id": clearance.id,
        "at": clearance.at,
        "utc_offset_min": utc_offset_minutes(clearance.at) if offset is None else offset,
        "reason": clearance.reason,
        "check_id": clearance.check_id,
    }


def _log(log: DailyLog, updated_at: datetime, since: str | None = None) -> dict[str, Any]:
    return {
        "day": log.day.isoformat(),
        **{name: getattr(log, name) for name in LOG_FIELDS},
        "updated_at": updated_at,
        "deleted_at": None,
        "since_treatment": since,
    }


def _treatment(event: TreatmentEvent) -> dict[str, Any]:
    return {
        "day": event.date.isoformat(),
        "kind": event.kind,
        "note": event.note,
        "deleted_at": None,
    }


def read_everything(db: Database) -> None:
    """Read every row of every table through the app's own types and repositories."""
    tables = [
        obj
        for obj in vars(models).values()
        if isinstance(obj, type) and issubclass(obj, SQLModel) and hasattr(obj, "__table__")
    ]
    with db.session() as s:
        for table in tables:
            # Core rows still go through the column types (times, exact seconds): cheaper
            # than ORM objects, which ten years of events would make slow.
            s.execute(select(table.__table__)).all()
        session_ids = [r.id for r in s.execute(select(SESSIONS)).all()]
    walks = WalkRepository(db)
    walks.all(include_deleted=True)
    walks.walks()
    daily = DailyRepository(db)
    daily.logs()
    daily.all_logs()
    daily.treatments()
    safety = SafetyRepository(db)
    safety.checks()
    safety.clearances()
    sessions = SessionRepository(db)
    recent = sessions.recent(limit=1 << 62)
    sessions.running()
    for start in range(0, len(session_ids), 500):
        sessions.events_for(session_ids[start : start + 500])
    for kind in {r.kind for r in recent}:
        sessions.starts_and_ends(kind)
    plans = PlanRepository(db)
    plans.exercises()
    plans.routines()
    plans.plans()
