"""SQLModel tables. Only storage/ imports these; everyone else gets core dataclasses.

Changing a table means adding an Alembic migration in ``storage/migrations/versions``
and bumping :data:`stenosis_coach.storage.schema.SCHEMA_VERSION`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from stenosis_coach.storage.types import UTCDateTime


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
