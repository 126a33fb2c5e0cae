"""Daily log and treatment events.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "daily_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("leg_pain", sa.Integer(), nullable=True),
        sa.Column("back_pain", sa.Integer(), nullable=True),
        sa.Column("numbness", sa.Integer(), nullable=True),
        sa.Column("otc_doses", sa.Integer(), nullable=False),
        sa.Column("prescription_doses", sa.Integer(), nullable=False),
        sa.Column("opioid_doses", sa.Integer(), nullable=False),
        sa.Column("woken_by_leg_pain", sa.Integer(), nullable=True),
        sa.Column("sleep_quality", sa.Integer(), nullable=True),
        sa.Column("new_weakness", sa.Boolean(), nullable=False),
        sa.Column("standing_s", sa.String(40), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("deleted_at", sa.String(32), nullable=True),
    )
    op.create_index("ix_daily_log_day", "daily_log", ["day"])
    op.create_table(
        "treatment_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("deleted_at", sa.String(32), nullable=True),
    )
    op.create_index("ix_treatment_event_day", "treatment_event", ["day"])
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    op.drop_table("treatment_event")
    op.drop_table("daily_log")
