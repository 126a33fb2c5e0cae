"""Red-flag checks, answers and clearances, each committed as it is given."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import NamedTuple

from sqlmodel import select

from stenosis_coach.core.safety import CheckTrigger, ClearanceReason, Level
from stenosis_coach.core.safety_state import CheckRecord, ClearanceRecord
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.models import (
    AppStateRow,
    ClearanceRow,
    RedFlagAnswerRow,
    RedFlagCheckRow,
)
from stenosis_coach.storage.types import UTCDateTime, parse_utc


def _utc_text(moment: datetime) -> str | None:
    """``moment`` as the columns store it (to compare with them in raw SQL)."""
    return UTCDateTime().process_bind_param(moment, None)


class AnswerRow(NamedTuple):
    """One stored answer with its check's start and UTC offset (the CSV export)."""

    check_started_at: datetime
    check_id: int
    question_id: str
    answer: bool
    answered_at: datetime
    utc_offset_min: int


class SafetyRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def start_check(self, trigger: CheckTrigger, at: datetime, utc_offset_min: int) -> int:
        with self._db.session() as s:
            row = RedFlagCheckRow(trigger=trigger, started_at=at, utc_offset_min=utc_offset_min)
            s.add(row)
            s.flush()
            assert row.id is not None
            return row.id

    def answer(self, check_id: int, question_id: str, yes: bool, at: datetime) -> None:
        """Store (or change, after "Back") one answer at once."""
        with self._db.session() as s:
            row = s.exec(
                select(RedFlagAnswerRow).where(
                    RedFlagAnswerRow.check_id == check_id,
                    RedFlagAnswerRow.question_id == question_id,
                )
            ).first()
            if row is None:
                row = RedFlagAnswerRow(
                    check_id=check_id, question_id=question_id, answer=yes, answered_at=at
                )
            else:
                row.answer, row.answered_at = yes, at
            s.add(row)

    def complete(self, check_id: int, level: Level | None, at: datetime) -> None:
        with self._db.session() as s:
            row = s.get_one(RedFlagCheckRow, check_id)
            row.completed_at, row.level, row.postponed_at = at, level, None

    def postpone(self, check_id: int, at: datetime) -> None:
        with self._db.session() as s:
            s.get_one(RedFlagCheckRow, check_id).postponed_at = at

    def checks(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> list[CheckRecord]:
        """Checks started in ``[since, until)`` (all by default) with their answers, by
        start; read raw (years of weekly checks feed what is due and the signs)."""
        where, params = [], []
        if since is not None:
            where.append("started_at >= ?")
            params.append(_utc_text(since))
        if until is not None:
            where.append("started_at < ?")
            params.append(_utc_text(until))
        chosen = f" WHERE {' AND '.join(where)}" if where else ""
        checks_sql = (
            "SELECT id, trigger, started_at, utc_offset_min, completed_at, postponed_at, level "
            f"FROM red_flag_check{chosen} ORDER BY started_at, id"
        )
        answers_sql = (
            "SELECT check_id, question_id, answer FROM red_flag_answer WHERE check_id IN "
            f"(SELECT id FROM red_flag_check{chosen}) ORDER BY check_id, id"
        )
        with self._db.session() as s:
            conn = s.connection()
            rows = conn.exec_driver_sql(checks_sql, tuple(params)).all()
            answer_rows = conn.exec_driver_sql(answers_sql, tuple(params)).all()
        answers: dict[int, dict[str, bool]] = {int(row[0]): {} for row in rows}
        for check_id, question_id, answer in answer_rows:
            answers[check_id][question_id] = bool(answer)
        found = []
        for check_id, trigger, started, offset, completed, postponed, level in rows:
            started_at = parse_utc(started)
            assert started_at is not None  # a NOT NULL column
            found.append(
                CheckRecord(
                    id=check_id,
                    trigger=CheckTrigger(trigger),
                    started_at=started_at,
                    utc_offset_min=offset,
                    completed_at=parse_utc(completed),
                    postponed_at=parse_utc(postponed),
                    level=Level(level) if level else None,
                    answers=answers[check_id],
                )
            )
        return found

    def get_check(self, check_id: int) -> CheckRecord:
        return next(c for c in self.checks() if c.id == check_id)

    def add_clearance(
        self, check_id: int, reason: ClearanceReason, at: datetime, utc_offset_min: int
    ) -> None:
        with self._db.session() as s:
            s.add(
                ClearanceRow(at=at, utc_offset_min=utc_offset_min, reason=reason, check_id=check_id)
            )

    def withdraw(
        self,
        check_id: int,
        at: datetime,
        utc_offset_min: int,
        trigger: CheckTrigger,
        carried: Mapping[str, bool],
    ) -> int:
        """In one transaction: the clearance saying the "yes" of ``check_id`` was a mistake,
        and the check (started ``at``) that asks the questions it did not ask, holding the
        ``carried`` answers. A carried answer keeps the time it was given; a withdrawn
        "yes", now a "no", has the time of the withdrawal. The withdrawn check is left as
        it was. The new check's id."""
        with self._db.session() as s:
            s.add(
                ClearanceRow(
                    at=at,
                    utc_offset_min=utc_offset_min,
                    reason=ClearanceReason.ANSWERED_BY_MISTAKE,
                    check_id=check_id,
                )
            )
            row = RedFlagCheckRow(trigger=trigger, started_at=at, utc_offset_min=utc_offset_min)
            s.add(row)
            s.flush()
            assert row.id is not None
            given = s.exec(
                select(RedFlagAnswerRow).where(RedFlagAnswerRow.check_id == check_id)
            ).all()
            for old in given:
                if old.question_id not in carried:
                    continue
                yes = carried[old.question_id]
                s.add(
                    RedFlagAnswerRow(
                        check_id=row.id,
                        question_id=old.question_id,
                        answer=yes,
                        answered_at=old.answered_at if old.answer == yes else at,
                    )
                )
            return row.id

    def clearances(self) -> list[ClearanceRecord]:
        """Every clearance, by time; read raw, as :meth:`checks`."""
        sql = "SELECT id, at, reason, check_id FROM clearance ORDER BY at, id"
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql(sql).all()
        found = []
        for clearance_id, at_text, reason, check_id in rows:
            at = parse_utc(at_text)
            assert at is not None  # a NOT NULL column
            found.append(ClearanceRecord(int(clearance_id), at, ClearanceReason(reason), check_id))
        return found

    def answer_rows(self) -> list[AnswerRow]:
        """Every answer of every check, in no particular order."""
        sql = (
            "SELECT c.started_at, a.check_id, a.question_id, a.answer, a.answered_at, "
            "c.utc_offset_min FROM red_flag_answer a JOIN red_flag_check c ON c.id = a.check_id"
        )
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql(sql).all()
        found = []
        for started, check_id, question_id, answer, answered, offset in rows:
            started_at, answered_at = parse_utc(started), parse_utc(answered)
            assert started_at is not None and answered_at is not None  # NOT NULL columns
            found.append(
                AnswerRow(started_at, check_id, question_id, bool(answer), answered_at, offset)
            )
        return found

    def clearance_offsets(self) -> dict[int, int]:
        """Each clearance's UTC offset when it was given: its id -> minutes."""
        with self._db.session() as s:
            rows = s.connection().exec_driver_sql("SELECT id, utc_offset_min FROM clearance")
            return {int(i): int(offset) for i, offset in rows.all()}

    def get_state(self, key: str) -> str | None:
        with self._db.session() as s:
            row = s.get(AppStateRow, key)
            return row.value if row else None

    def set_state(self, key: str, value: str) -> None:
        with self._db.session() as s:
            row = s.get(AppStateRow, key) or AppStateRow(key=key, value=value)
            row.value = value
            s.add(row)


def _check(row: RedFlagCheckRow, answers: dict[str, bool]) -> CheckRecord:
    assert row.id is not None
    return CheckRecord(
        id=row.id,
        trigger=CheckTrigger(row.trigger),
        started_at=row.started_at,
        utc_offset_min=row.utc_offset_min,
        completed_at=row.completed_at,
        postponed_at=row.postponed_at,
        level=Level(row.level) if row.level else None,
        answers=answers,
    )
