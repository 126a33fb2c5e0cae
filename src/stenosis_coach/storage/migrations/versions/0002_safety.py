"""Red-flag checks, their answers, clearances, and app state.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "red_flag_check",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("trigger", sa.String(32), nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("utc_offset_min", sa.Integer(), nullable=False),
        sa.Column("completed_at", sa.String(32), nullable=True),
        sa.Column("postponed_at", sa.String(32), nullable=True),
        sa.Column("level", sa.String(32), nullable=True),
    )
    op.create_index("ix_red_flag_check_started_at", "red_flag_check", ["started_at"])
    op.create_table(
        "red_flag_answer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "check_id",
            sa.Integer(),
            sa.ForeignKey("red_flag_check.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("answer", sa.Boolean(), nullable=False),
        sa.Column("answered_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("check_id", "question_id"),
    )
    op.create_index("ix_red_flag_answer_check_id", "red_flag_answer", ["check_id"])
    op.create_table(
        "clearance",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("utc_offset_min", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("check_id", sa.Integer(), sa.ForeignKey("red_flag_check.id"), nullable=False),
    )
    op.create_index("ix_clearance_at", "clearance", ["at"])
    op.create_table(
        "app_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(), nullable=False),
    )
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    op.drop_table("app_state")
    op.drop_table("clearance")
    op.drop_table("red_flag_answer")
    op.drop_table("red_flag_check")
