"""Backups: made and checked, listed with their contents, thinned out, restored whole."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from dienchau_desktop.core.errors import BadInputFileError
from dienchau_desktop.db.backup import (
    backup_path,
    list_backups,
    make_backup,
    prune_backups,
    reason_kind,
)
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.restore import restore_backup
from dienchau_desktop.services import items, plans


def content(path: Path) -> list[tuple]:
    """What a data file holds, row by row (not its bytes: pages may differ)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = []
        for (table,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
        ).fetchall():
            rows += [(table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
        return rows
    finally:
        conn.close()


def test_backup_while_open_is_complete_and_described(data_file: Path) -> None:
    db = Database.open(data_file)
    plan = plans.list_plans(db)[0].id
    items.add_item(db, plan, "task", "Việc thêm sau, còn trong WAL")
    backup = make_backup(data_file, "manual")  # the file is open, with a write-ahead log
    db.close()
    assert content(backup) == content(data_file)
    [info] = list_backups(data_file)
    assert info.path == backup
    assert (info.reason, info.plans, info.tasks, info.usable) == ("manual", 1, 37, True)
    assert info.last_change is not None
    assert not list(backup.parent.glob("*.partial"))


def test_thinning_keeps_ten_days_and_one_per_month(data_file: Path) -> None:
    now = datetime(2026, 11, 28, 9, 0)
    source = make_backup(data_file, "seed")
    made = []
    for days_ago in range(0, 400, 3):
        for hour in (8, 17):
            when = now - timedelta(days=days_ago, hours=hour)
            target = backup_path(data_file, "daily", now=when)
            target.write_bytes(source.read_bytes())
            made.append(when)
    source.unlink()
    prune_backups(data_file, now=now)
    kept = [b.made_at for b in list_backups(data_file, describe=False)]
    days = sorted({w.date() for w in made}, reverse=True)
    # One per day (the newest that day) for the 10 latest days with backups…
    for day in days[:10]:
        assert sum(1 for k in kept if k.date() == day) == 1
    # …and one per month for 12 months; nothing older.
    months = {(k.year, k.month) for k in kept}
    assert len(months) == 12
    assert min(kept) >= now - timedelta(days=400)
    assert len(kept) <= 10 + 12


def test_restore_round_trip_is_identical(data_file: Path) -> None:
    before = content(data_file)
    backup = make_backup(data_file, "manual")
    db = Database.open(data_file)
    items.delete_item(db, items.plan_tree(db, 1).roots()[1].id)  # section II and all in it
    db.close()
    assert content(data_file) != before
    safety = restore_backup(backup, data_file)
    assert content(data_file) == before
    assert safety is not None and "before-restore" in safety.name
    assert content(safety) != before  # the replaced state is kept too
    db = Database.open(data_file)
    assert plans.list_plans(db)[0].task_count == 36
    db.close()


def test_a_damaged_backup_is_refused_and_nothing_changes(data_file: Path, tmp_path: Path) -> None:
    backup = make_backup(data_file, "manual")
    data = bytearray(backup.read_bytes())
    data[4096 : 4096 * 3] = b"\xff" * (4096 * 2)
    damaged = tmp_path / "hong.sqlite3"
    damaged.write_bytes(bytes(data))
    digest = hashlib.sha256(data_file.read_bytes()).hexdigest()
    with pytest.raises(BadInputFileError) as info:  # exit 3: the backup, not the data file
        restore_backup(damaged, data_file)
    assert info.value.message.startswith(f"Bản sao lưu «{damaged}» bị hỏng (")
    assert "Tệp dữ liệu không bị thay đổi" in info.value.hint
    assert hashlib.sha256(data_file.read_bytes()).hexdigest() == digest
    truncated = tmp_path / "cut.sqlite3"
    truncated.write_bytes(backup.read_bytes()[: len(data) // 2])
    with pytest.raises(BadInputFileError) as info:
        restore_backup(truncated, data_file)
    assert info.value.message.startswith(f"Bản sao lưu «{truncated}» bị hỏng")
    assert hashlib.sha256(data_file.read_bytes()).hexdigest() == digest


def test_restore_over_a_damaged_file_keeps_its_bytes(data_file: Path) -> None:
    backup = make_backup(data_file, "manual")
    data_file.write_bytes(b"\x00" * 8192)  # after a power cut
    safety = restore_backup(backup, data_file)
    assert safety is not None and safety.read_bytes() == b"\x00" * 8192
    assert content(data_file) == content(backup)


def test_list_describes_a_damaged_backup_instead_of_failing(data_file: Path) -> None:
    good = make_backup(data_file, "manual")
    bad = backup_path(data_file, "broken")
    bad.write_bytes(b"not a database at all" * 100)
    listed = {b.path: b for b in list_backups(data_file)}
    assert listed[good].usable
    assert not listed[bad].usable and "không phải" in listed[bad].problem


def test_a_reason_is_known_by_its_kind() -> None:
    """The restore list words each kind; an upgrade's reason carries its revision."""
    assert reason_kind("before-upgrade-0004") == "before-upgrade"
    assert reason_kind("before-import") == "before-import"
    assert reason_kind("daily") == "daily"
    assert reason_kind("") == reason_kind("something-else") == ""
