"""Mark a coordinating unit's report as a contribution: kept in the task's history, but
the lead unit's reports (and entries typed in the program) decide the task's state.

Revision ID: 0005_progress_contribution
Revises: 0004_period_cutoff_index
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_progress_contribution"
down_revision = "0004_period_cutoff_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A NOT NULL column with a constant default: SQLite adds it in place, no table
    # rebuild. Every existing entry decided its task's state, as it did until now.
    op.add_column(
        "progress_entry",
        sa.Column("contribution", sa.Boolean(), nullable=False, server_default="0"),
    )
    # The latest-entry query filters on it: in the index, so it stays index-only.
    op.drop_index("ix_progress_entry_item_period", table_name="progress_entry")
    op.create_index(
        "ix_progress_entry_item_period",
        "progress_entry",
        ["item_id", "period_id", "contribution", "recorded_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_progress_entry_item_period", table_name="progress_entry")
    op.create_index(
        "ix_progress_entry_item_period", "progress_entry", ["item_id", "period_id", "recorded_at"]
    )
    with op.batch_alter_table("progress_entry") as batch:
        batch.drop_column("contribution")
