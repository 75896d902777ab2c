"""Values the program keeps in the data file for itself: the file's id and the key that
signs its return forms, so a form edited, or made from another data file, is refused.
The table starts empty; the values are made the first time a return form is exported.

Revision ID: 0006_file_secret
Revises: 0005_progress_contribution
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_file_secret"
down_revision = "0005_progress_contribution"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "file_secret",
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("value", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_file_secret")),
    )


def downgrade() -> None:
    op.drop_table("file_secret")
