"""Index reporting periods by plan, then cut-off: the latest-entry lookup walks a
plan's periods newest first and stops at the first that holds an entry.

Revision ID: 0004_period_cutoff_index
Revises: 0003_progress_index
Create Date: 2026-11-28
"""

from alembic import op

revision = "0004_period_cutoff_index"
down_revision = "0003_progress_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_reporting_period_plan_cutoff",
        "reporting_period",
        ["plan_id", "cutoff_date", "start_date"],
    )
    # The new index starts with plan_id: the old one-column index is redundant.
    op.drop_index("ix_reporting_period_plan", table_name="reporting_period")


def downgrade() -> None:
    op.create_index("ix_reporting_period_plan", "reporting_period", ["plan_id"])
    op.drop_index("ix_reporting_period_plan_cutoff", table_name="reporting_period")
