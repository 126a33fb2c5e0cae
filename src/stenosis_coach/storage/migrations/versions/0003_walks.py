"""Walks, recorded and imported.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "walk",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "session_id",
            sa.Integer(),
            sa.ForeignKey("session.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("start", sa.String(32), nullable=False),
        sa.Column("utc_offset_min", sa.Integer(), nullable=False),
        sa.Column("total_walk_s", sa.String(40), nullable=False),
        sa.Column("tfs_s", sa.String(40), nullable=True),
        sa.Column("peak_leg_pain", sa.Integer(), nullable=False),
        sa.Column("rests", sa.Integer(), nullable=True),
        sa.Column("next_day_flare", sa.Boolean(), nullable=False),
        sa.Column("ended_by", sa.String(32), nullable=False),
        sa.Column("distance_m", sa.String(40), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("imported", sa.Boolean(), nullable=False),
        sa.Column("import_seq", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("deleted_at", sa.String(32), nullable=True),
    )
    op.create_index("ix_walk_start", "walk", ["start"])
    op.create_index("ix_walk_session_id", "walk", ["session_id"])
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    op.drop_table("walk")
