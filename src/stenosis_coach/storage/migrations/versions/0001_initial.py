"""Initial schema: sessions and their events.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from stenosis_coach.storage.schema import APPLICATION_ID

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("utc_offset_min", sa.Integer(), nullable=False),
        sa.Column("heartbeat_at", sa.String(32), nullable=False),
        sa.Column("elapsed_s", sa.Float(), nullable=False),
        sa.Column("ended_at", sa.String(32), nullable=True),
        sa.Column("end_reason", sa.String(32), nullable=True),
    )
    op.create_index("ix_session_kind", "session", ["kind"])
    op.create_index("ix_session_state", "session", ["state"])
    op.create_index("ix_session_started_at", "session", ["started_at"])
    op.create_table(
        "session_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "session_id",
            sa.Integer(),
            sa.ForeignKey("session.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("t_s", sa.Float(), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("data", sa.String(), nullable=False),
    )
    op.create_index("ix_session_event_session_id", "session_event", ["session_id"])
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    op.execute("PRAGMA user_version = 1")


def downgrade() -> None:
    op.drop_table("session_event")
    op.drop_table("session")
