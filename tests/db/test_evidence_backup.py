"""Evidence travels with the data file: a backup carries it, a restore brings back the
backup's evidence byte for byte (and takes away what the backup did not have), and the
file check and migrations know its tables."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from dienchau_desktop.db import schema
from dienchau_desktop.db.backup import backup_database, verify_backup
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.inspect import inspect_file
from dienchau_desktop.db.restore import restore_backup
from dienchau_desktop.services import evidence, items, periods, plans, progress


def a_task_with_an_entry(db: Database) -> progress.ProgressInfo:
    plan = plans.create_plan(db, "KH", year=2026).id
    half, _year = periods.create_standard_periods(db, plan, 2026)
    task = items.add_item(db, plan, "task", "Kiểm tra an toàn thực phẩm").id
    return progress.record_progress(db, task, half.id, status="in_progress", percent=50)


def test_a_restored_backup_brings_the_evidence_back_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.sqlite3"
    db = Database.open(path)
    entry = a_task_with_an_entry(db)
    scan = tmp_path / "Biên bản.pdf"
    scan.write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    [added] = evidence.add_files(db, entry.id, [scan])
    backup = backup_database(path, tmp_path / "usb" / "sao-luu.sqlite3")
    verify_backup(backup)

    # After the backup: the evidence removed and its content purged from the file.
    evidence.remove(db, added.id)
    evidence.purge_unreferenced(db)
    with db.read() as session:
        assert session.execute(sa.text("SELECT count(*) FROM attachment_content")).scalar() == 0
    db.close()

    restore_backup(backup, path)

    db = Database.open(path)
    try:
        assert evidence.for_entry(db, entry.id) == [added]
        copy = evidence.copy_out(db, added.id, tmp_path / "mở.pdf")
        assert copy.read_bytes() == scan.read_bytes()
        assert evidence.damaged_content(db) == []
    finally:
        db.close()


def test_a_restore_takes_away_evidence_added_after_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.sqlite3"
    db = Database.open(path)
    entry = a_task_with_an_entry(db)
    backup = backup_database(path, tmp_path / "truoc.sqlite3")
    photo = tmp_path / "ảnh.jpg"
    photo.write_bytes(os.urandom(50_000))
    evidence.add_files(db, entry.id, [photo])
    db.close()

    safety = restore_backup(backup, path)

    db = Database.open(path)
    try:
        assert evidence.for_task(db, entry.item_id) == []
        with db.read() as session:
            assert session.execute(sa.text("SELECT count(*) FROM attachment_content")).scalar() == 0
    finally:
        db.close()
    # The state replaced is kept, with its evidence.
    assert safety is not None
    with sqlite3.connect(safety) as conn:
        assert conn.execute("SELECT file_name, size FROM attachment").fetchall() == [
            ("ảnh.jpg", 50_000)
        ]
        assert conn.execute("SELECT data FROM attachment_content").fetchone()[0] == (
            photo.read_bytes()
        )
    conn.close()


def test_the_file_check_passes_with_evidence(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.sqlite3"
    db = Database.open(path)
    entry = a_task_with_an_entry(db)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(os.urandom(2 * 1024 * 1024))
    evidence.add_files(db, entry.id, [scan])
    db.close()
    report = inspect_file(path)
    assert (report.integrity, report.schema_current) == ("ok", True)


def test_migration_0010_goes_down_and_up(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.sqlite3"
    Database.open(path).close()
    engine = sa.create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0009_plan_report_email")
            columns = [r[1] for r in connection.exec_driver_sql("PRAGMA table_info(attachment)")]
            assert "stored_path" in columns and "content_id" not in columns
            command.upgrade(config, "head")
            columns = [r[1] for r in connection.exec_driver_sql("PRAGMA table_info(attachment)")]
            assert {"entry_id", "content_id", "size"} <= set(columns)
    finally:
        engine.dispose()
