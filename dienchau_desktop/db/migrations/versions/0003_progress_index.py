"""Index progress entries by task, then period: the overview's latest-entry lookup.

Revision ID: 0003_progress_index
Revises: 0002_item_weight
Create Date: 2026-11-28
"""

from alembic import op

revision = "0003_progress_index"
down_revision = "0002_item_weight"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_progress_entry_item_period",
        "progress_entry",
        ["item_id", "period_id", "recorded_at"],
    )
    # The new index starts with item_id: the old one-column index is redundant.
    op.drop_index("ix_progress_entry_item", table_name="progress_entry")


def downgrade() -> None:
    op.create_index("ix_progress_entry_item", "progress_entry", ["item_id"])
    op.drop_index("ix_progress_entry_item_period", table_name="progress_entry")
