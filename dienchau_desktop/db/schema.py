"""Schema versions: which revision a file holds, and upgrading it to the head.

Start-up reads the stored revision with plain `sqlite3` and compares it with
`HEAD_REVISION`; Alembic (0.4 s to import) is loaded only when a file must be
created or migrated. A test keeps `KNOWN_REVISIONS` equal to the migration scripts.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection

#: Every migration revision in order, oldest first. A file at a revision not listed
#: here was written by a newer version of the program.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_item_weight",
    "0003_progress_index",
    "0004_period_cutoff_index",
    "0005_progress_contribution",
    "0006_file_secret",
    "0007_item_funding_amount",
    "0008_report_text",
    "0009_plan_report_email",
    "0010_evidence_content",
    "0011_item_parent_index",
    "0012_compact_item_positions",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def stored_revision(connection: sqlite3.Connection) -> str | None:
    """The Alembic revision recorded in the file; None when it has no version table."""
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def user_tables(connection: sqlite3.Connection) -> list[str]:
    """Names of the tables in the file, SQLite's own excluded."""
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [r[0] for r in rows]


def upgrade_to_head(connection: Connection) -> None:
    """Run every pending migration on `connection`, inside its transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
