"""What an add, a delete, its undo and a move leave in the data file, row by row.

These writes go past the ORM (db.raw_writes); the rows and audit rows they store must
be those the ORM stored: the same text for every date, time, flag and number, the same
ids, the same JSON in the audit trail.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import PlanItem, TaskCoordinator
from dienchau_desktop.services import audit, evidence, items, periods, plans, progress, units

Dump = dict[str, list[tuple[Any, ...]]]


def dump(db: Database) -> Dump:
    """Every row of every table, each value as SQLite's quote() writes it (its stored
    type and bytes), sorted (a coordinator link put back gets another hidden rowid)."""
    conn = sqlite3.connect(db.path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'"
            )
        ]
        result = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            quoted = ", ".join(f"quote({c})" for c in columns)
            result[table] = sorted(conn.execute(f"SELECT {quoted} FROM {table}").fetchall())
        return result
    finally:
        conn.close()


def stored_item(db: Database, item_id: int) -> dict[str, str]:
    """The plan_item row `item_id`, each value as SQLite's quote() writes it."""
    conn = sqlite3.connect(db.path)
    try:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(plan_item)")]
        quoted = ", ".join(f"quote({c})" for c in columns)
        row = conn.execute(f"SELECT {quoted} FROM plan_item WHERE id = ?", (item_id,)).fetchone()
        return dict(zip(columns, row, strict=True))
    finally:
        conn.close()


def audit_rows(db: Database) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(
            "SELECT at, user, action, entity, entity_id, field, old_value, new_value"
            " FROM audit_entry ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def orm_snapshot(db: Database, item_id: int) -> dict[str, Any]:
    """The audit snapshot of the item as the ORM loads it."""
    with db.read() as session:
        item = session.get(PlanItem, item_id)
        assert item is not None
        return items._snapshot(item)


def test_delete_then_undo_leaves_every_table_as_it_was(db: Database, tmp_path: Path) -> None:
    plan = plans.create_plan(db, "KH", year=2026).id
    half, _year = periods.create_standard_periods(db, plan, 2026)
    a, b, c = (units.create_unit(db, name).id for name in ("Phòng A", "Phòng B", "Phòng C"))
    section = items.add_item(db, plan, "section", "Chuyển đổi số").id
    items.add_item(db, plan, "task", "Trước", parent_id=section)
    task = items.add_item(
        db, plan, "task", "Số hóa hồ sơ", parent_id=section, lead_unit_id=a,
        coordinator_ids=[c, b], start_date=date(2026, 2, 1), deadline="Tháng 5/2026",
        is_breakthrough=True, weight=2.5, funding_amount=12.5, funding_source="Ngân sách",
        indicator_target=3, indicator_unit="hồ sơ",
    ).id  # fmt: skip
    below = items.add_item(db, plan, "text", "Ghi chú", parent_id=task).id
    items.add_item(db, plan, "task", "Sau", parent_id=section)
    entry = progress.record_progress(db, task, half.id, status="in_progress", percent=40)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF scan")
    evidence.add_files(db, entry.id, [scan])
    items.update_item(db, task, title="Số hóa toàn bộ hồ sơ")  # updated_at ≠ created_at
    before = dump(db)
    snapshot = orm_snapshot(db, task)

    removed = items.delete_item(db, task)
    assert removed.item_count == 2
    gone = dump(db)
    assert [r[0] for r in gone["plan_item"]] == [
        r[0] for r in before["plan_item"] if r[0] not in (str(task), str(below))
    ]
    assert gone["task_coordinator"] == [r for r in before["task_coordinator"] if r[0] != str(task)]
    assert gone["progress_entry"] == [] and gone["attachment"] == []

    restored = items.restore_subtree(db, removed)
    after = dump(db)
    for table in before:
        if table != "audit_entry":
            assert after[table] == before[table], table
    assert set(before["audit_entry"]) < set(after["audit_entry"])
    assert len(after["audit_entry"]) == len(before["audit_entry"]) + 2
    deleted, put_back = audit_rows(db)[-2:]
    assert deleted[2:6] == ("delete", "plan_item", task, "")
    assert deleted[6] == audit._to_json({**snapshot, "subtree_ids": [task, below]})
    assert deleted[7] is None
    assert put_back[2:7] == ("create", "plan_item", task, "restored", None)
    assert put_back[7] == audit._to_json(snapshot)
    assert json.loads(put_back[7])["coordinator_ids"] == [c, b]
    assert restored == items.plan_tree(db, plan).node(task)


def test_an_added_item_is_stored_as_the_orm_stores_it(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamp = datetime(2026, 3, 4, 5, 6, 7, 89)
    monkeypatch.setattr(audit, "now", lambda: stamp)
    plan = plans.create_plan(db, "KH", year=2026).id
    a, b = (units.create_unit(db, name).id for name in ("Phòng A", "Phòng B"))
    fields: dict[str, Any] = dict(
        lead_unit_id=a, coordinator_ids=[b], start_date=date(2026, 2, 1),
        deadline="Quý II/2026", is_breakthrough=True, weight=2.5, funding_amount=12.5,
        funding_source="Ngân sách", indicator_target=3, indicator_unit="hồ sơ",
        expected_product="Báo cáo", notes="Ghi chú", body="Nội dung", responsible_person="Ông A",
    )  # fmt: skip
    added = items.add_item(db, plan, "task", "Số hóa hồ sơ", **fields).id
    # The same item through the ORM, as add_item wrote it before it went past it.
    with db.write() as session:
        values, coordinators = items._new_item_values(session, "task", "Số hóa hồ sơ", fields)
        item = PlanItem(plan_id=plan, parent_id=None, position=0, created_at=stamp,
                        updated_at=stamp, **values)  # fmt: skip
        session.add(item)
        session.flush()
        for at, unit_id in enumerate(coordinators):
            session.add(TaskCoordinator(item_id=item.id, unit_id=unit_id, position=at))
        audit.record(session, "create", "plan_item", item.id,
                     new=items._snapshot(item, coordinators))  # fmt: skip
        by_orm = item.id
    rows = {row[0]: row[1:] for row in dump(db)["plan_item"]}
    assert rows[str(added)] == rows[str(by_orm)]
    links = dump(db)["task_coordinator"]
    assert [r[1:] for r in links if r[0] == str(added)] == [
        r[1:] for r in links if r[0] == str(by_orm)
    ]
    *_, raw, orm = audit_rows(db)
    assert raw[:4] == orm[:4] and raw[4:] == (added, *orm[5:])
    assert json.loads(raw[7])["is_breakthrough"] is True


def test_a_move_is_stamped_and_audited_and_no_move_leaves_no_trace(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plans.create_plan(db, "KH").id
    monkeypatch.setattr(audit, "now", lambda: datetime(2026, 1, 2, 3, 4, 5, 6))
    section = items.add_item(db, plan, "section", "Nhiệm vụ").id
    first = items.add_item(db, plan, "task", "Một", parent_id=section).id
    second = items.add_item(db, plan, "task", "Hai", parent_id=section).id
    monkeypatch.setattr(audit, "now", lambda: datetime(2026, 6, 7, 8, 9, 10, 11))
    before = dump(db)
    assert items.move_up(db, first).position == 0  # at the top already: nothing happens
    assert dump(db) == before
    assert items.move_down(db, first).position == 1
    moved, shifted = stored_item(db, first), stored_item(db, second)
    assert (moved["position"], shifted["position"]) == ("1", "0")
    assert moved["created_at"] == "'2026-01-02 03:04:05.000006'"
    assert moved["updated_at"] == "'2026-06-07 08:09:10.000011'"
    assert shifted["updated_at"] == "'2026-01-02 03:04:05.000006'"  # shifted, not edited
    moved = audit_rows(db)[-1]
    assert moved == (
        "2026-06-07 08:09:10.000011", audit.current_user(), "move", "plan_item", first,
        "parent_id, position", json.dumps([section, 0]), json.dumps([section, 1]),
    )  # fmt: skip
    items.move_item(db, second, None, 0)
    assert [(n.id, n.parent_id, n.position) for n in items.plan_tree(db, plan).nodes] == [
        (second, None, 0), (section, None, 1), (first, section, 0),
    ]  # fmt: skip
    assert audit_rows(db)[-1][5:] == (
        "parent_id, position", json.dumps([section, 0]), json.dumps([None, 0]),
    )  # fmt: skip
