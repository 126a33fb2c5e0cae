"""Questionnaires (ZCQ, My activities) and the patient's activities, as core types
(DESIGN 5.6, issue 15).

A questionnaire is stored one row per answered item (as ``questionnaires.csv`` holds it,
DESIGN 4.4); the live rows of one day and instrument are one questionnaire. Saving the
same day's questionnaire of an instrument again replaces it in one transaction: the old
rows are deleted (kept, with when) and the new ones added. The daily log's relief answer
(DESIGN 5.10) is the daily log's own column: :class:`~.daily_repo.DailyRepository`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from stenosis_coach.core.outcomes.model import (
    PSFS,
    STOPPED,
    Instrument,
    Questionnaire,
    answer_text,
    parse_answer,
    questionnaires_from_rows,
)
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.models import ActivityRow, QuestionnaireAnswerRow


@dataclass(frozen=True)
class Activity:
    """One of "My activities": the patient's own words, the day it was added, and the day
    it was retired or marked "stopped doing it" (``None``: not)."""

    id: int
    words: str
    added_on: date
    retired_on: date | None = None
    stopped_on: date | None = None

    @property
    def current(self) -> bool:
        """Still rated: neither retired nor stopped."""
        return self.retired_on is None and self.stopped_on is None


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _activity(row: ActivityRow) -> Activity:
    assert row.id is not None
    return Activity(
        row.id,
        row.words,
        date.fromisoformat(row.added_on),
        _day(row.retired_on),
        _day(row.stopped_on),
    )


def _instrument(text: str) -> Instrument:
    if text == "zcq":
        return "zcq"
    if text == "psfs":
        return "psfs"
    raise ValueError(f"unknown instrument {text!r} stored")


def answer_rows(questionnaires: Iterable[Questionnaire], at: datetime) -> list[dict[str, Any]]:
    """The ``questionnaire_answer`` rows of whole questionnaires recorded at ``at``, for a
    bulk insert in the caller's transaction (a data folder's import, DESIGN 4.4)."""
    return [
        {
            "day": q.date.isoformat(),
            "instrument": q.instrument,
            "item": item,
            "answer": answer_text(answer),
            "recorded_at": at,
        }
        for q in questionnaires
        for item, answer in q.answers.items()
    ]


def activity_rows(questionnaires: Iterable[Questionnaire]) -> list[dict[str, Any]]:
    """My activities as the questionnaires imply them, for a data folder that holds no list
    of them (DESIGN 4.4): each activity rated in ``psfs``, in the order first rated, added
    on the day first rated; stopped on the first day answered ``stopped``; otherwise
    retired on the first later rating it is missing from, when it is missing from the
    latest one too."""
    ratings = sorted((q for q in questionnaires if q.instrument == PSFS), key=lambda q: q.date)
    rows: dict[str, dict[str, Any]] = {}
    for q in ratings:
        for item, answer in q.answers.items():
            row = rows.setdefault(
                item,
                {
                    "words": item,
                    "added_on": q.date.isoformat(),
                    "retired_on": None,
                    "stopped_on": None,
                },
            )
            if answer == STOPPED and row["stopped_on"] is None:
                row["stopped_on"] = q.date.isoformat()
    if ratings:
        latest = ratings[-1]
        for words, row in rows.items():
            if row["stopped_on"] is not None or words in latest.answers:
                continue
            last = max(q.date for q in ratings if words in q.answers)
            row["retired_on"] = min(q.date for q in ratings if q.date > last).isoformat()
    return list(rows.values())


class OutcomesRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- questionnaires -------------------------------------------------------------------
    def save_questionnaire(self, questionnaire: Questionnaire, at: datetime) -> None:
        """Store a whole questionnaire in one transaction, replacing the answers of the
        same day and instrument (deleted at ``at``). A ``stopped`` answer of My activities
        marks the current activity of those words as stopped on that day."""
        q = questionnaire
        day = q.date.isoformat()
        with self._db.session() as s:
            for row in self._live(s, day, q.instrument):
                row.deleted_at = at
                s.add(row)
            for values in answer_rows([q], at):
                s.add(QuestionnaireAnswerRow(**values))
            if q.instrument == PSFS:
                stopped = {item for item, answer in q.answers.items() if answer == STOPPED}
                for activity in s.exec(select(ActivityRow)).all():
                    if activity.words in stopped and activity.stopped_on is None:
                        activity.stopped_on = day
                        s.add(activity)

    def questionnaires(self, instrument: Instrument | None = None) -> list[Questionnaire]:
        """The live questionnaires (of ``instrument``, or all), by date then instrument,
        each with its items in the order they were given."""
        with self._db.session() as s:
            query = select(QuestionnaireAnswerRow).where(
                col(QuestionnaireAnswerRow.deleted_at).is_(None)
            )
            if instrument is not None:
                query = query.where(QuestionnaireAnswerRow.instrument == instrument)
            rows = s.exec(query.order_by(col(QuestionnaireAnswerRow.id))).all()
        return questionnaires_from_rows(
            (
                date.fromisoformat(r.day),
                _instrument(r.instrument),
                r.item,
                parse_answer(r.answer),
            )
            for r in rows
        )

    def questionnaire(self, day: date, instrument: Instrument) -> Questionnaire | None:
        """The live questionnaire of ``instrument`` on ``day``, if there is one."""
        found = [q for q in self.questionnaires(instrument) if q.date == day]
        return found[0] if found else None

    def delete_questionnaire(self, day: date, instrument: Instrument, at: datetime) -> bool:
        """Delete the day's questionnaire of ``instrument`` (its rows kept, deleted at
        ``at``); ``False`` when there was none."""
        with self._db.session() as s:
            rows = self._live(s, day.isoformat(), instrument)
            for row in rows:
                row.deleted_at = at
                s.add(row)
            return bool(rows)

    @staticmethod
    def _live(s: Session, day: str, instrument: str) -> list[QuestionnaireAnswerRow]:
        return list(
            s.exec(
                select(QuestionnaireAnswerRow).where(
                    QuestionnaireAnswerRow.day == day,
                    QuestionnaireAnswerRow.instrument == instrument,
                    col(QuestionnaireAnswerRow.deleted_at).is_(None),
                )
            ).all()
        )

    # -- My activities ----------------------------------------------------------------------
    def add_activity(self, words: str, day: date) -> Activity:
        with self._db.session() as s:
            row = ActivityRow(words=words, added_on=day.isoformat())
            s.add(row)
            s.flush()
            return _activity(row)

    def retire_activity(self, activity_id: int, day: date) -> Activity:
        """No longer rated (the patient chose another); :class:`LookupError` if there is
        no such activity."""
        return self._mark(activity_id, "retired_on", day)

    def stop_activity(self, activity_id: int, day: date) -> Activity:
        """Marked "stopped doing it"; :class:`LookupError` if there is no such activity."""
        return self._mark(activity_id, "stopped_on", day)

    def _mark(self, activity_id: int, column: str, day: date) -> Activity:
        with self._db.session() as s:
            row = s.get(ActivityRow, activity_id)
            if row is None:
                raise LookupError(f"no activity {activity_id}")
            setattr(row, column, day.isoformat())
            s.add(row)
            s.flush()
            return _activity(row)

    def activities(self) -> list[Activity]:
        """Every activity (current, retired and stopped), in the order they were added."""
        with self._db.session() as s:
            rows = s.exec(select(ActivityRow).order_by(col(ActivityRow.id))).all()
            return [_activity(r) for r in rows]
