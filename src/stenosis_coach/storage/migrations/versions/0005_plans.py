"""Imported therapist plans, their exercises and routines.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_import",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("clinic", sa.String(), nullable=True),
        sa.Column("patient", sa.String(), nullable=True),
        sa.Column("notes", sa.String(), nullable=True),
        sa.Column("source_name", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.String(32), nullable=False),
        sa.Column("walking", sa.String(), nullable=True),
    )
    op.create_index("ix_plan_import_sha256", "plan_import", ["sha256"])
    for table in ("custom_exercise", "custom_routine"):
        op.create_table(
            table,
            sa.Column("id", sa.String(64), primary_key=True),
            sa.Column("data", sa.String(), nullable=False),
            sa.Column(
                "plan_id",
                sa.Integer(),
                sa.ForeignKey("plan_import.id", ondelete="SET NULL"),
                nullable=True,
            ),
        )
    op.execute("PRAGMA user_version = 5")


def downgrade() -> None:
    op.drop_table("custom_routine")
    op.drop_table("custom_exercise")
    op.drop_table("plan_import")
