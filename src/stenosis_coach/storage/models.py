"""SQLModel tables. Only storage/ imports these; everyone else gets core dataclasses.

Changing a table means adding an Alembic migration in ``storage/migrations/versions``
and bumping :data:`stenosis_coach.storage.schema.SCHEMA_VERSION`.
"""

from __future__ import annotations

from datetime import datetime
from fractions import Fraction

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from stenosis_coach.storage.types import ExactSeconds, UTCDateTime


class SessionRow(SQLModel, table=True):
    __tablename__ = "session"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True, max_length=32)
    title: str = Field(default="", max_length=200)
    state: str = Field(index=True, max_length=16)
    started_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    utc_offset_min: int
    heartbeat_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    elapsed_s: float = 0.0
    ended_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    end_reason: str | None = Field(default=None, max_length=32)


class SessionEventRow(SQLModel, table=True):
    __tablename__ = "session_event"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("session.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    kind: str = Field(max_length=32)
    t_s: float
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    data: str = "{}"  # JSON object


class RedFlagCheckRow(SQLModel, table=True):
    """One red-flag check (DESIGN 5.5). Incomplete while ``completed_at`` is null."""

    __tablename__ = "red_flag_check"

    id: int | None = Field(default=None, primary_key=True)
    trigger: str = Field(max_length=32)
    started_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    utc_offset_min: int
    completed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    postponed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    level: str | None = Field(default=None, max_length=32)  # null: all "no" (or incomplete)


class RedFlagAnswerRow(SQLModel, table=True):
    __tablename__ = "red_flag_answer"
    __table_args__ = (UniqueConstraint("check_id", "question_id"),)

    id: int | None = Field(default=None, primary_key=True)
    check_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("red_flag_check.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        )
    )
    question_id: str = Field(max_length=64)
    answer: bool
    answered_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class ClearanceRow(SQLModel, table=True):
    """The patient confirmed a clinician checked them (or that a "yes" was a mistake)."""

    __tablename__ = "clearance"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    utc_offset_min: int
    reason: str = Field(max_length=32)
    check_id: int = Field(
        sa_column=Column(Integer, ForeignKey("red_flag_check.id"), nullable=False)
    )


class AppStateRow(SQLModel, table=True):
    """Small facts about this user's use of the app (e.g. the welcome was seen)."""

    __tablename__ = "app_state"

    key: str = Field(primary_key=True, max_length=64)
    value: str


class WalkRow(SQLModel, table=True):
    """A finished walk: recorded live (with its session) or imported from a diary."""

    __tablename__ = "walk"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("session.id", ondelete="SET NULL"), index=True),
    )
    kind: str = Field(max_length=16)
    start: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    utc_offset_min: int
    total_walk_s: Fraction = Field(sa_column=Column(ExactSeconds(), nullable=False))
    tfs_s: Fraction | None = Field(default=None, sa_column=Column(ExactSeconds()))
    peak_leg_pain: int
    rests: int | None = None
    next_day_flare: bool = False
    ended_by: str = Field(default="completed", max_length=32)
    distance_m: Fraction | None = Field(default=None, sa_column=Column(ExactSeconds()))
    notes: str = ""
    imported: bool = False
    import_seq: int = 0  # order of import, for same-moment ties (DESIGN 5.1)
    source: str = ""  # the diary file a walk came from
    deleted_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class DailyLogRow(SQLModel, table=True):
    """One day's log (issue 6). One live row per day; deleting is undoable."""

    __tablename__ = "daily_log"

    id: int | None = Field(default=None, primary_key=True)
    day: str = Field(index=True, max_length=10)  # ISO date, local
    leg_pain: int | None = None
    back_pain: int | None = None
    numbness: int | None = None
    otc_doses: int = 0
    prescription_doses: int = 0
    opioid_doses: int = 0
    woken_by_leg_pain: int | None = None
    sleep_quality: int | None = None
    new_weakness: bool = False
    standing_s: Fraction | None = Field(default=None, sa_column=Column(ExactSeconds()))
    notes: str = ""
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    deleted_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    # "Compared with before the treatment" (DESIGN 5.10): much_better, better, same, worse;
    # null when not asked or not answered (migration 0006).
    since_treatment: str | None = Field(default=None, max_length=16)


class TreatmentRow(SQLModel, table=True):
    __tablename__ = "treatment_event"

    id: int | None = Field(default=None, primary_key=True)
    day: str = Field(index=True, max_length=10)
    kind: str = Field(max_length=32)
    note: str = ""
    deleted_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class PlanImportRow(SQLModel, table=True):
    """A therapist's plan file that was imported (DESIGN 4.2)."""

    __tablename__ = "plan_import"

    id: int | None = Field(default=None, primary_key=True)
    title: str
    author: str
    clinic: str | None = None
    patient: str | None = None
    notes: str | None = None
    source_name: str = ""
    sha256: str = Field(index=True, max_length=64)
    imported_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    walking: str | None = None  # the walking plan as JSON (DESIGN 4.2 "walking"), if any


class CustomExerciseRow(SQLModel, table=True):
    __tablename__ = "custom_exercise"

    id: str = Field(primary_key=True, max_length=64)
    data: str  # the exercise as JSON (core.exercises.serial)
    plan_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("plan_import.id", ondelete="SET NULL")),
    )


class CustomRoutineRow(SQLModel, table=True):
    __tablename__ = "custom_routine"

    id: str = Field(primary_key=True, max_length=64)
    data: str  # the routine as JSON (core.exercises.serial)
    plan_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("plan_import.id", ondelete="SET NULL")),
    )


class QuestionnaireAnswerRow(SQLModel, table=True):
    """One answered item of a questionnaire (DESIGN 5.6, migration 0006). The live rows of
    one day and instrument are one questionnaire; saving it again deletes the old rows (at
    ``deleted_at``) and adds the new ones."""

    __tablename__ = "questionnaire_answer"

    id: int | None = Field(default=None, primary_key=True)
    day: str = Field(index=True, max_length=10)  # ISO date, local
    instrument: str = Field(max_length=16)  # "zcq" or "psfs"
    item: str = Field(max_length=200)  # a ZCQ item id ("s1"), or an activity's own words
    answer: str = Field(max_length=16)  # the number as text, or "stopped" (PSFS)
    recorded_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    deleted_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class ActivityRow(SQLModel, table=True):
    """One of "My activities" (PSFS, DESIGN 5.6): the patient's own words, the day it was
    added, and the day it was retired or marked "stopped doing it" (migration 0006)."""

    __tablename__ = "activity"

    id: int | None = Field(default=None, primary_key=True)
    words: str = Field(max_length=200)
    added_on: str = Field(max_length=10)  # ISO date, local
    retired_on: str | None = Field(default=None, max_length=10)
    stopped_on: str | None = Field(default=None, max_length=10)
