"""A plan document's items are written as rows in batches (services.plan_file, past the
ORM): what is stored, and what the audit trail says of each item, is what adding the
same items one by one stores and says."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dienchau_desktop.core.errors import BadInputFileError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import audit, items, plans, units
from dienchau_desktop.services.plan_file import FORMAT, VERSION, load_plan_document

TASK: dict[str, Any] = {
    "kind": "task", "title": "Số hóa hồ sơ thủ tục hành chính", "lead_unit": "Sở Nội vụ",
    "coordinators": ["Sở Tư pháp", "Công an tỉnh"], "deadline": "Quý III/2026",
    "expected_product": "Dữ liệu được số hóa", "funding_amount": 120.5,
    "start_date": "2026-02-01", "notes": "Theo Phụ lục",
}  # fmt: skip


def document(*children: dict[str, Any]) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "plan": {"title": "Kế hoạch thử"},
            "periods": [], "units": [],
            "items": [{"kind": "section", "title": "NHIỆM VỤ", "children": list(children)}]}  # fmt: skip


def created(db: Database, item_id: int) -> dict[str, Any]:
    [row] = [r for r in audit.history(db, "plan_item", item_id) if r.action == "create"]
    return dict(row.new_value)


def test_loaded_items_are_stored_and_audited_as_items_added_one_by_one(db: Database) -> None:
    loaded = items.plan_tree(db, load_plan_document(db, document(TASK)))
    [task] = loaded.tasks()

    by_hand = plans.create_plan(db, "Kế hoạch thử").id
    section = items.add_item(db, by_hand, "section", "NHIỆM VỤ")
    ids = {u.name: u.id for u in units.list_units(db)}
    fields = {k: v for k, v in TASK.items() if k not in ("kind", "title", "lead_unit",
                                                         "coordinators", "start_date")}  # fmt: skip
    one = items.add_item(db, by_hand, "task", TASK["title"], parent_id=section.id,
                         lead_unit_id=ids["Sở Nội vụ"], start_date=date(2026, 2, 1),
                         coordinator_ids=[ids["Sở Tư pháp"], ids["Công an tỉnh"]], **fields)  # fmt: skip

    def same(node: items.ItemNode) -> tuple[Any, ...]:
        return node._replace(id=0, plan_id=0, parent_id=0)[3:]

    assert same(task) == same(items.plan_tree(db, by_hand).node(one.id))
    assert task.coordinator_names == ("Sở Tư pháp", "Công an tỉnh")
    mine, theirs = created(db, task.id), created(db, one.id)
    for snapshot in (mine, theirs):
        snapshot.pop("plan_id"), snapshot.pop("parent_id")
    assert mine == theirs
    assert mine["weight"] == 1.0 and mine["due_date"] == "2026-09-30"


def test_a_paragraph_holds_nothing(db: Database) -> None:
    paragraph = {"kind": "text", "title": "Đoạn văn", "children": [dict(TASK)]}
    with pytest.raises(BadInputFileError, match="dưới một đoạn văn"):
        load_plan_document(db, document(paragraph))
    assert plans.list_plans(db) == []


def test_a_lead_that_also_helps_is_refused(db: Database) -> None:
    both = {**TASK, "coordinators": ["Sở Nội vụ"]}
    with pytest.raises(BadInputFileError, match="không thể đồng thời là cơ quan phối hợp"):
        load_plan_document(db, document(both))
    assert plans.list_plans(db) == []
