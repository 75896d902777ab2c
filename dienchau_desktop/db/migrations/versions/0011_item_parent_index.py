"""Index plan items by parent: deleting an item makes SQLite look for the items under
it (the ON DELETE CASCADE of parent_id), and without an index that begins with
parent_id it read the whole table for each item deleted — 2 ms an item in a district
file, so a section of a hundred tasks took a fifth of a second more than it needs.

Revision ID: 0011_item_parent_index
Revises: 0010_evidence_content
Create Date: 2026-11-29
"""

from alembic import op

revision = "0011_item_parent_index"
down_revision = "0010_evidence_content"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_plan_item_parent", "plan_item", ["parent_id"])


def downgrade() -> None:
    op.drop_index("ix_plan_item_parent", table_name="plan_item")
