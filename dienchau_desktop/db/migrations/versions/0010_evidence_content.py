"""Evidence (minh chứng) kept inside the data file: each attachment belongs to a
progress entry, and its bytes are a row of `attachment_content` (one per distinct
content), so every backup and restore of the file carries them.

`attachment` is rebuilt: it was made by 0001 for files kept beside the data file
(`stored_path`), but no version of the program ever wrote a row into it.

Revision ID: 0010_evidence_content
Revises: 0009_plan_report_email
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_evidence_content"
down_revision = "0009_plan_report_email"
branch_labels = None
depends_on = None


def upgrade() -> None:
    rows = op.get_bind().execute(sa.text("SELECT count(*) FROM attachment")).scalar()
    if rows:  # never written by any version: refuse rather than drop someone's rows
        raise RuntimeError(f"attachment holds {rows} rows no version of the program wrote")
    op.drop_index("ix_attachment_item", table_name="attachment")
    op.drop_table("attachment")
    op.create_table(
        "attachment_content",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        # Last column: reading the others never walks the content's overflow pages.
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment_content")),
        sa.UniqueConstraint("sha256", name=op.f("uq_attachment_content_sha256")),
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=True),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("content_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["plan_item.id"],
            name=op.f("fk_attachment_item_id_plan_item"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["period_id"], ["reporting_period.id"],
            name=op.f("fk_attachment_period_id_reporting_period"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["progress_entry.id"],
            name=op.f("fk_attachment_entry_id_progress_entry"), ondelete="CASCADE",
        ),
        # No cascade to the content: a task deleted (undoable) leaves it for undo.
        sa.ForeignKeyConstraint(
            ["content_id"], ["attachment_content.id"],
            name=op.f("fk_attachment_content_id_attachment_content"), ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )  # fmt: skip
    op.create_index("ix_attachment_item", "attachment", ["item_id"])
    op.create_index("ix_attachment_entry", "attachment", ["entry_id"])
    op.create_index("ix_attachment_content", "attachment", ["content_id"])


def downgrade() -> None:
    op.drop_index("ix_attachment_content", table_name="attachment")
    op.drop_index("ix_attachment_entry", table_name="attachment")
    op.drop_index("ix_attachment_item", table_name="attachment")
    op.drop_table("attachment")
    op.drop_table("attachment_content")
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=True),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("stored_path", sa.String(length=1000), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["plan_item.id"],
            name=op.f("fk_attachment_item_id_plan_item"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["period_id"], ["reporting_period.id"],
            name=op.f("fk_attachment_period_id_reporting_period"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )  # fmt: skip
    op.create_index("ix_attachment_item", "attachment", ["item_id"])
