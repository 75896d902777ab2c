"""Where a plan's reports go by email (the province department's address, say): the
"To" of the drafts made after an export.

Revision ID: 0009_plan_report_email
Revises: 0008_report_text
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_plan_report_email"
down_revision = "0008_report_text"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NOT NULL with a constant default: SQLite adds it in place, no table rebuild.
    op.add_column(
        "plan",
        sa.Column("report_email", sa.String(500), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_column("report_email")
