"""Number each item's place among its siblings 0, 1, 2… with no gaps.

The window and the services take an item's stored position for its place among its
siblings: the row after it is position + 1, a delete is undone at that place, a move
down goes one place down. Files whose positions had gaps (written by an earlier
version or another tool) had an undone delete put the item back one or more places
lower, and that order saved. The order itself is kept: siblings are numbered in the
order they were shown (position, then id).

Revision ID: 0012_compact_item_positions
Revises: 0011_item_parent_index
Create Date: 2026-11-29
"""

from alembic import op

revision = "0012_compact_item_positions"
down_revision = "0011_item_parent_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE TEMP TABLE item_place AS SELECT id, ROW_NUMBER() OVER ("
        " PARTITION BY plan_id, parent_id ORDER BY position, id) - 1 AS place"
        " FROM plan_item"
    )
    op.execute(
        "UPDATE plan_item SET position ="
        " (SELECT place FROM item_place WHERE item_place.id = plan_item.id)"
        " WHERE position != (SELECT place FROM item_place WHERE item_place.id = plan_item.id)"
    )
    op.execute("DROP TABLE item_place")


def downgrade() -> None:
    pass  # places without gaps are as good for the earlier versions
