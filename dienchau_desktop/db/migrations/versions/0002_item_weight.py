"""A task's weight in its group's percent (equal weights by default).

Revision ID: 0002_item_weight
Revises: 0001_initial
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_item_weight"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("weight", sa.Float(), nullable=False, server_default="1")
        )
        batch_op.create_check_constraint(op.f("ck_plan_item_weight"), "weight >= 0")


def downgrade() -> None:
    with op.batch_alter_table("plan_item", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_plan_item_weight"), type_="check")
        batch_op.drop_column("weight")
