"""The free texts of a period's progress report (parts I, III, IV and V, the recipients),
kept in the data file with the period they belong to: she writes them over several days,
and a copy of the file carries them along.

Revision ID: 0008_report_text
Revises: 0007_item_funding_amount
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_report_text"
down_revision = "0007_item_funding_amount"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(30), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"],
            ["reporting_period.id"],
            name=op.f("fk_report_text_period_id_reporting_period"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_text")),
        sa.UniqueConstraint("period_id", "key", name=op.f("uq_report_text_period_id")),
    )


def downgrade() -> None:
    op.drop_table("report_text")
