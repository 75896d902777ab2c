"""A task's planned funding (kinh phí), in million đồng, beside its funding source.

Revision ID: 0007_item_funding_amount
Revises: 0006_file_secret
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_item_funding_amount"
down_revision = "0006_file_secret"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable with no default: SQLite adds it in place, no table rebuild. Empty means
    # "not stated", which is not the same as zero.
    op.add_column("plan_item", sa.Column("funding_amount", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plan_item", schema=None) as batch_op:
        batch_op.drop_column("funding_amount")
