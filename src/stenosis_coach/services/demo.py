"""Fill an empty data dir with a realistic demo history (issue 6: ``demo``).

Everything goes in with bulk inserts in one transaction: ten years take a few seconds,
and a failure leaves the database as empty as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import func, insert, select

from stenosis_coach.core.clock import LOCAL, utc_offset_minutes
from stenosis_coach.core.demo import DemoHistory, generate
from stenosis_coach.core.exercises.library import builtin_routines
from stenosis_coach.core.safety import decide
from stenosis_coach.core.sessions import EndReason, SessionState, walk_status
from stenosis_coach.errors import InvalidInput
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.models import (
    AppStateRow,
    ClearanceRow,
    DailyLogRow,
    RedFlagAnswerRow,
    RedFlagCheckRow,
    SessionEventRow,
    SessionRow,
    TreatmentRow,
    WalkRow,
)
from stenosis_coach.storage.walks_repo import to_row as walk_row

DIARY_SOURCE = "demo-walk-diary.csv"
DATA_TABLES = (SessionRow, WalkRow, DailyLogRow, RedFlagCheckRow, TreatmentRow)


@dataclass(frozen=True)
class DemoSummary:
    weeks: int
    walks: int
    routines: int
    logs: int
    checks: int

    def sentence(self) -> str:
        return (
            f"Added a {self.weeks}-week demo history: {self.walks} walks, "
            f"{self.routines} routine sessions, {self.logs} daily logs and "
            f"{self.checks} safety checks."
        )


def has_data(db: Database) -> bool:
    with db.engine.connect() as conn:
        return any(
            conn.execute(select(func.count()).select_from(t)).scalar_one() for t in DATA_TABLES
        )


def fill_demo(
    db: Database, weeks: int, seed: int, now: datetime, tz: tzinfo = LOCAL
) -> DemoSummary:
    if not 4 <= weeks <= 1040:
        raise InvalidInput(f"--weeks must be from 4 to 1040, not {weeks}.")
    if has_data(db):
        raise InvalidInput(
            f"{db.paths.data_dir} already holds recorded data; the demo only "
            "fills an empty data folder. Use --data-dir with a new folder."
        )
    # End yesterday, so that no demo walk lies later than now.
    history = generate(weeks, seed, now.astimezone(tz).date() - timedelta(days=1), tz)
    with db.engine.begin() as conn:
        _insert(conn, history, now)
    return DemoSummary(
        weeks,
        len(history.walks),
        len(history.routine_sessions),
        len(history.logs),
        len(history.checks),
    )


def _session(
    sid: int, kind: str, title: str, start: datetime, elapsed: float, reason: EndReason
) -> dict[str, Any]:
    end = start + timedelta(seconds=elapsed)
    return {
        "id": sid,
        "kind": kind,
        "title": title,
        "state": SessionState.FINISHED,
        "started_at": start,
        "utc_offset_min": utc_offset_minutes(start),
        "heartbeat_at": end,
        "elapsed_s": float(elapsed),
        "ended_at": end,
        "end_reason": reason,
    }


def _event(sid: int, kind: str, t: float, at: datetime, **data: Any) -> dict[str, Any]:
    return {
        "session_id": sid,
        "kind": kind,
        "t_s": t,
        "at": at,
        "data": json.dumps(data, sort_keys=True),
    }


def _insert(conn, history: DemoHistory, now: datetime) -> None:
    sessions, events, walks = [], [], []
    sid = 0
    seq = 0
    for walk in history.walks:
        row = walk_row(walk).model_dump(exclude={"id"})
        if walk.imported:
            seq += 1
            row.update(import_seq=seq, source=DIARY_SOURCE, session_id=None)
        else:
            sid += 1
            title = "Walking test" if walk.kind.value == "test" else "Training walk"
            sessions.append(
                _session(
                    sid,
                    "walk",
                    title,
                    walk.start,
                    float(walk.total_walk_s),
                    walk_status(walk.ended_by),  # the walk and its session agree
                )
            )
            events.append(_event(sid, "started", 0.0, walk.start, walk_kind=walk.kind.value))
            row["session_id"] = sid
        walks.append(row)
    names = {r.id: r.name for r in builtin_routines().values()}
    for r in history.routine_sessions:
        sid += 1
        reason = EndReason.COMPLETED if r.completed else EndReason.STOPPED
        sessions.append(
            _session(
                sid, "routine", names.get(r.routine_id, r.routine_id), r.start, r.elapsed_s, reason
            )
        )
        end = r.start + timedelta(seconds=r.elapsed_s)
        events.append(
            _event(sid, "started", 0.0, r.start, routine=r.routine_id, chair_versions=False)
        )
        events.append(
            _event(sid, "ratings_before", 0.0, r.start, leg=r.leg_before, back=r.back_before)
        )
        events.extend(
            _event(sid, "step_done", 0.0, r.start, step=i, exercise="") for i in range(r.steps_done)
        )
        events.extend(
            _event(sid, "step_skipped", 0.0, r.start, step=i, exercise="")
            for i in range(r.steps_skipped)
        )
        events.append(_event(sid, "session_finished", float(r.elapsed_s), end, reason=reason.value))
        events.append(
            _event(
                sid, "ratings_after", float(r.elapsed_s), end, leg=r.leg_after, back=r.back_after
            )
        )
    checks: list[dict[str, Any]] = []
    answers: list[dict[str, Any]] = []
    for index, check in enumerate(history.checks, start=1):
        level = decide(check.answers)
        checks.append(
            {
                "id": index,
                "trigger": check.trigger,
                "started_at": check.at,
                "utc_offset_min": utc_offset_minutes(check.at),
                "completed_at": check.at,
                "postponed_at": None,
                "level": level,
            }
        )
        answers.extend(
            {"check_id": index, "question_id": q, "answer": yes, "answered_at": check.at}
            for q, yes in check.answers.items()
        )
    clearances = [
        {
            "at": c.at,
            "utc_offset_min": utc_offset_minutes(c.at),
            "reason": c.reason,
            "check_id": c.check_index + 1,
        }
        for c in history.clearances
    ]
    logs = [
        {
            "day": log.day.isoformat(),
            "leg_pain": log.leg_pain,
            "back_pain": log.back_pain,
            "numbness": log.numbness,
            "otc_doses": log.otc_doses,
            "prescription_doses": log.prescription_doses,
            "opioid_doses": log.opioid_doses,
            "woken_by_leg_pain": log.woken_by_leg_pain,
            "sleep_quality": log.sleep_quality,
            "new_weakness": log.new_weakness,
            "standing_s": log.standing_s,
            "notes": log.notes,
            "updated_at": now,
            "deleted_at": None,
        }
        for log in history.logs
    ]
    treatments = [
        {"day": t.date.isoformat(), "kind": t.kind, "note": t.note, "deleted_at": None}
        for t in history.treatments
    ]
    for table, rows in (
        (SessionRow, sessions),
        (SessionEventRow, events),
        (WalkRow, walks),
        (RedFlagCheckRow, checks),
        (RedFlagAnswerRow, answers),
        (ClearanceRow, clearances),
        (DailyLogRow, logs),
        (TreatmentRow, treatments),
    ):
        if rows:
            conn.execute(insert(table), rows)
    conn.execute(
        insert(AppStateRow),
        [
            {"key": "welcome_seen", "value": now.isoformat()},
            {"key": "my_routine", "value": "flexion-basics"},
        ],
    )
