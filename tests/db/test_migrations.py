"""Migrations: empty file to head, models and migrations agree, upgrades back up first."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from dienchau_desktop.db import schema
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import Base
from dienchau_desktop.services import items, plans, progress


def test_known_revisions_are_the_migration_scripts_in_order() -> None:
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    in_order = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(in_order) == schema.KNOWN_REVISIONS
    assert script.get_current_head() == schema.HEAD_REVISION


def test_migrated_schema_matches_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


FUTURE_MIGRATION = '''
"""Test-only revision: adds a column to plan."""
from alembic import op
import sqlalchemy as sa

revision = "0002_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.add_column(sa.Column("test_note", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.drop_column("test_note")
'''


def pretend_next_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, migration: str) -> None:
    """Make the program believe it is a newer release whose migrations add 0002_test."""
    old_revision = schema.HEAD_REVISION
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, migrations)
    (migrations / "versions" / "0002_test.py").write_text(
        migration.format(head=old_revision), encoding="utf-8"
    )
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(schema, "KNOWN_REVISIONS", (old_revision, "0002_test"))
    monkeypatch.setattr(schema, "HEAD_REVISION", "0002_test")


def test_old_file_is_backed_up_then_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data.sqlite3"
    db = Database.open(path)
    plan = plans.create_plan(db, "Kế hoạch cũ — Diễn Châu")
    items.add_item(db, plan.id, "task", "Nhiệm vụ trước khi nâng cấp")
    db.close()
    old_revision = schema.HEAD_REVISION

    pretend_next_release(tmp_path, monkeypatch, FUTURE_MIGRATION)

    db = Database.open(path)
    with db.read() as session:
        assert session.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == (
            "0002_test"
        )
        assert session.execute(sa.text("SELECT test_note FROM plan")).scalar() == ""
    assert plans.list_plans(db)[0].task_count == 1  # nothing lost
    db.close()

    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    assert f"before-upgrade-{old_revision}" in backups[0].name
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old_revision
        assert conn.execute("SELECT title FROM plan").fetchone()[0] == "Kế hoạch cũ — Diễn Châu"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_failing_migration_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data.sqlite3"
    db = Database.open(path)
    plans.create_plan(db, "Kế hoạch")
    db.close()
    old_revision = schema.HEAD_REVISION
    broken = FUTURE_MIGRATION.replace(
        'batch.add_column(sa.Column("test_note", sa.Text(), nullable=False, server_default=""))',
        'batch.add_column(sa.Column("test_note", sa.Text()))\n    op.execute("SELECT * FROM no_such_table")',
    )
    pretend_next_release(tmp_path, monkeypatch, broken)

    with pytest.raises(sa.exc.OperationalError):
        Database.open(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old_revision
        columns = [row[1] for row in conn.execute("PRAGMA table_info(plan)")]
        assert "test_note" not in columns
    conn.close()
    assert list((tmp_path / "backups").glob("*.sqlite3"))  # and the backup is there


def test_a_file_from_the_first_release_upgrades_with_its_data(tmp_path: Path) -> None:
    """A data file written at revision 0001 (built here with that revision's schema)."""
    from alembic import command

    path = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
        connection.exec_driver_sql(
            "INSERT INTO plan (id, number, symbol, doc_type, title, parent_body, issuing_body,"
            " place, issue_date_text, signer_name, signer_authority, signer_title, legal_bases,"
            " recipients, closing_text, status, created_at, updated_at) VALUES (1, '', 'KH-UBND',"
            " 'KẾ HOẠCH', 'Kế hoạch cũ', '', '', 'Diễn Châu', '', '', '', '', '[]', '[]', '',"
            " 'active', '2026-01-05 08:00:00', '2026-01-05 08:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO plan_item (id, plan_id, parent_id, position, kind, title, body,"
            " responsible_person, deadline_text, expected_product, indicator_unit,"
            " indicator_text, is_breakthrough, funding_source, notes, created_at, updated_at)"
            " VALUES (1, 1, NULL, 0, 'task', 'Nhiệm vụ từ bản đầu tiên', '', '', 'Quý IV/2026',"
            " '', '', '', 0, '', '', '2026-01-05 08:00:00', '2026-01-05 08:00:00')"
        )
        # Rows hanging off the item: a table rebuild must not cascade-delete them.
        connection.exec_driver_sql(
            "INSERT INTO unit (id, name, name_key, short_name, kind, email, contact)"
            " VALUES (1, 'Công an xã', 'cong an xa', '', '', '', '')"
        )
        connection.exec_driver_sql(
            "INSERT INTO task_coordinator (item_id, unit_id, position) VALUES (1, 1, 0)"
        )
        connection.exec_driver_sql(
            "INSERT INTO reporting_period (id, plan_id, kind, label, start_date, cutoff_date,"
            " due_date, is_closed) VALUES (1, 1, 'half_year', '6 tháng', '2025-12-15',"
            " '2026-06-14', '2026-06-16', 0)"
        )
        connection.exec_driver_sql(
            "INSERT INTO progress_entry (item_id, period_id, status, percent, result_text,"
            " completed_on, reported_by, recorded_at, source, source_file) VALUES (1, 1,"
            " 'completed', 100, 'Đã xong', '2026-05-01', 'VHXH', '2026-05-02 09:00:00',"
            " 'manual', '')"
        )
    engine.dispose()

    db = Database.open(path)
    [node] = items.plan_tree(db, 1).nodes
    assert (node.title, node.deadline_text, node.weight) == (
        "Nhiệm vụ từ bản đầu tiên",
        "Quý IV/2026",
        1.0,
    )
    # A table rebuild with foreign keys on would have cascaded these away.
    assert node.coordinator_names == ("Công an xã",)
    with db.read() as session:
        entries = session.execute(sa.text("SELECT result_text FROM progress_entry")).all()
        assert [e[0] for e in entries] == ["Đã xong"]
        assert session.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
    # An entry from before coordinators' contributions existed still decides the state.
    [(item_id, entry)] = progress.latest_entries(db, 1, date(2026, 6, 14)).items()
    assert (item_id, entry.result_text, entry.contribution) == (1, "Đã xong", False)
    with db.read() as session:
        revision = session.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    assert revision == schema.HEAD_REVISION
    db.close()
    assert list((tmp_path / "backups").glob("*before-upgrade-0001_initial*.sqlite3"))


def test_a_file_from_before_sealed_forms_gets_its_key_on_first_need(tmp_path: Path) -> None:
    """0006 adds the table empty; the file's id and key are made by the first return
    form exported, once, and kept."""
    from alembic import command

    from dienchau_desktop.services import form_keys

    path = tmp_path / "0005.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005_progress_contribution")
    engine.dispose()

    db = Database.open(path)
    try:
        assert form_keys.form_key(db) is None
        made = form_keys.ensure_form_key(db)
        assert len(made.key) == 64 and made.file_id
        assert form_keys.ensure_form_key(db) == made == form_keys.form_key(db)
    finally:
        db.close()
    other = Database.open(tmp_path / "other.sqlite3")
    try:
        assert form_keys.ensure_form_key(other).key != made.key
    finally:
        other.close()


def test_a_file_with_gaps_between_places_is_renumbered_and_an_undone_delete_stays_put(
    tmp_path: Path,
) -> None:
    """0012: places 0, 2, 4… (written by an earlier version) become 0, 1, 2… in the same
    order; before it, deleting the task above a sub-section and undoing the delete put
    the task back below it."""
    path = tmp_path / "data.sqlite3"
    db = Database.open(path)
    plan = plans.create_plan(db, "Kế hoạch có chỗ trống giữa các vị trí")
    section = items.add_item(db, plan.id, "section", "Nhiệm vụ, giải pháp")
    titles = ["Tuyên truyền", "Tập huấn", "Kỹ năng số:", "Kiểm tra"]
    for title in titles:
        kind = "section" if title.endswith(":") else "task"
        items.add_item(db, plan.id, kind, title, parent_id=section.id)
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE plan_item SET position = position * 2 + 1 WHERE parent_id IS NOT NULL")
        conn.execute("UPDATE alembic_version SET version_num = '0011_item_parent_index'")
    conn.close()

    db = Database.open(path)
    tree = items.plan_tree(db, plan.id)
    kids = tree.children(section.id)
    assert [k.title for k in kids] == titles
    assert [k.position for k in kids] == [0, 1, 2, 3]

    removed = items.delete_item(db, kids[1].id)  # "Tập huấn", above the sub-section
    items.restore_subtree(db, removed)
    kids = items.plan_tree(db, plan.id).children(section.id)
    assert [k.title for k in kids] == titles
    assert [k.number for k in kids] == ["1.", "2.", "3.", "4."]
    db.close()
