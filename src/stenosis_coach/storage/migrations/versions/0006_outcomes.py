"""Outcome measures: questionnaire answers, My activities, the relief after a treatment.

DESIGN 5.6 (the ZCQ and My activities, PSFS) and 5.10 (the daily log's "compared with
before the treatment"). Only new tables and one new nullable column: every row already
stored stays as it is (the file was backed up before, DESIGN 3).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questionnaire_answer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("instrument", sa.String(16), nullable=False),
        sa.Column("item", sa.String(200), nullable=False),
        sa.Column("answer", sa.String(16), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("deleted_at", sa.String(32), nullable=True),
    )
    op.create_index("ix_questionnaire_answer_day", "questionnaire_answer", ["day"])
    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("words", sa.String(200), nullable=False),
        sa.Column("added_on", sa.String(10), nullable=False),
        sa.Column("retired_on", sa.String(10), nullable=True),
        sa.Column("stopped_on", sa.String(10), nullable=True),
    )
    # A plain ALTER TABLE ... ADD COLUMN: the daily logs are not copied nor rewritten.
    with op.batch_alter_table("daily_log", recreate="never") as batch:
        batch.add_column(sa.Column("since_treatment", sa.String(16), nullable=True))
    op.execute("PRAGMA user_version = 6")


def downgrade() -> None:
    with op.batch_alter_table("daily_log") as batch:
        batch.drop_column("since_treatment")
    op.drop_table("activity")
    op.drop_table("questionnaire_answer")
