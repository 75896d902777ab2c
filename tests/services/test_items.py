"""Editing a plan's tree: add, edit, delete, move, indent, outdent; numbering follows."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import audit, items, plans, units


@pytest.fixture
def plan_id(db: Database) -> int:
    return plans.create_plan(db, "Kế hoạch thử nghiệm").id


def outline(db: Database, plan_id: int) -> list[str]:
    """The tree as the user reads it: indentation, number, title."""
    return [
        "  " * (n.depth - 1) + f"{n.number} {n.title}".strip()
        for n in items.plan_tree(db, plan_id).nodes
    ]


def build(db: Database, plan_id: int) -> dict[str, int]:
    ids = {}
    ids["I"] = items.add_item(db, plan_id, "section", "MỤC ĐÍCH").id
    ids["II"] = items.add_item(db, plan_id, "section", "NHIỆM VỤ").id
    ids["II.1"] = items.add_item(db, plan_id, "section", "Chuyển đổi số", parent_id=ids["II"]).id
    ids["t1"] = items.add_item(db, plan_id, "task", "Số hóa văn bản", parent_id=ids["II.1"]).id
    ids["t2"] = items.add_item(db, plan_id, "task", "Tập huấn kỹ năng số", parent_id=ids["II.1"]).id
    ids["p"] = items.add_item(
        db, plan_id, "text", "Đoạn giới thiệu", parent_id=ids["II.1"], position=0
    ).id
    ids["t3"] = items.add_item(db, plan_id, "task", "Đề án 06", parent_id=ids["II.1"]).id
    return ids


def test_numbering_is_computed_and_paragraphs_are_not_numbered(db: Database, plan_id: int) -> None:
    build(db, plan_id)
    assert outline(db, plan_id) == [
        "I. MỤC ĐÍCH",
        "II. NHIỆM VỤ",
        "  1. Chuyển đổi số",
        "    Đoạn giới thiệu",
        "    a) Số hóa văn bản",
        "    b) Tập huấn kỹ năng số",
        "    c) Đề án 06",
    ]


def test_positions_stay_contiguous_and_numbers_follow_moves(db: Database, plan_id: int) -> None:
    ids = build(db, plan_id)
    items.move_up(db, ids["t3"])
    items.move_up(db, ids["t3"])
    assert outline(db, plan_id)[3:] == [
        "    Đoạn giới thiệu",
        "    a) Đề án 06",
        "    b) Số hóa văn bản",
        "    c) Tập huấn kỹ năng số",
    ]
    items.move_down(db, ids["t2"])  # already last: nothing changes
    items.move_item(db, ids["t1"], ids["I"], 0)
    tree = items.plan_tree(db, plan_id)
    for node in tree.nodes:
        assert [tree.node(c).position for c in node.child_ids] == list(range(len(node.child_ids)))
    assert outline(db, plan_id) == [
        "I. MỤC ĐÍCH",
        "  1. Số hóa văn bản",
        "II. NHIỆM VỤ",
        "  1. Chuyển đổi số",
        "    Đoạn giới thiệu",
        "    a) Đề án 06",
        "    b) Tập huấn kỹ năng số",
    ]


def test_indent_and_outdent(db: Database, plan_id: int) -> None:
    ids = build(db, plan_id)
    node = items.indent(db, ids["t2"])  # under "Số hóa văn bản"
    assert (node.parent_id, node.depth, node.number) == (ids["t1"], 4, "-")
    node = items.outdent(db, ids["t2"])
    assert (node.parent_id, node.number) == (ids["II.1"], "b)")
    node = items.outdent(db, ids["II.1"])
    assert (node.parent_id, node.number) == (None, "III.")
    assert outline(db, plan_id)[-1] == "  3. Đề án 06"  # children follow to level 2
    with pytest.raises(ValidationError):
        items.indent(db, ids["I"])  # nothing above it
    with pytest.raises(ValidationError):
        items.outdent(db, ids["I"])  # already at the top


def test_a_paragraph_cannot_hold_children(db: Database, plan_id: int) -> None:
    ids = build(db, plan_id)
    with pytest.raises(ValidationError):
        items.add_item(db, plan_id, "task", "x", parent_id=ids["p"])
    with pytest.raises(ValidationError):
        items.indent(db, ids["t1"])  # the sibling above is the paragraph


def test_an_item_cannot_move_inside_itself(db: Database, plan_id: int) -> None:
    ids = build(db, plan_id)
    with pytest.raises(ValidationError):
        items.move_item(db, ids["II"], ids["t1"], 0)
    with pytest.raises(ValidationError):
        items.move_item(db, ids["II"], ids["II"], 0)
    assert outline(db, plan_id)[1] == "II. NHIỆM VỤ"


def test_delete_takes_the_subtree_and_renumbers(db: Database, plan_id: int) -> None:
    ids = build(db, plan_id)
    assert items.delete_item(db, ids["I"]).item_count == 1
    assert outline(db, plan_id)[:2] == ["I. NHIỆM VỤ", "  1. Chuyển đổi số"]
    assert items.delete_item(db, ids["II"]).item_count == 6
    assert outline(db, plan_id) == []
    with pytest.raises(NotFoundError):
        items.get_item(db, ids["t1"])


def test_task_fields_round_trip(db: Database, plan_id: int) -> None:
    vhxh = units.create_unit(db, "Phòng Văn hoá - Xã hội").id
    police = units.create_unit(db, "Công an xã").id
    centre = units.create_unit(db, "Trung tâm phục vụ hành chính công").id
    node = items.add_item(
        db,
        plan_id,
        "task",
        "Triển khai Đề án 06",
        lead_unit_id=police,
        coordinator_ids=[vhxh, centre],
        responsible_person="Trưởng Công an xã",
        start_date=date(2026, 2, 1),
        deadline="Quý IV/2026",
        expected_product="Báo cáo kết quả",
        indicator_target="100",
        indicator_unit="% hồ sơ",
        is_breakthrough=True,
        funding_source="Ngân sách xã",
        notes="Ghi chú",
    )
    again = items.get_item(db, node.id)
    assert again == node
    assert node.lead_unit_name == "Công an xã"
    assert node.coordinator_names == ("Phòng Văn hoá - Xã hội", "Trung tâm phục vụ hành chính công")
    assert (node.deadline_text, node.deadline_kind, node.due_date) == (
        "Quý IV/2026",
        "quarter",
        date(2026, 12, 31),
    )
    assert node.indicator_target == 100.0
    # The whole-tree reader (raw rows, by column position) gives the very same node.
    [in_tree] = [n for n in items.plan_tree(db, plan_id).nodes if n.id == node.id]
    assert in_tree == node
    assert (in_tree.is_breakthrough, in_tree.weight, in_tree.notes) == (True, 1.0, "Ghi chú")
    node = items.update_item(db, node.id, coordinator_ids=[centre], deadline="Tháng 10/2026")
    assert node.coordinator_names == ("Trung tâm phục vụ hành chính công",)
    assert node.due_date == date(2026, 10, 31)


def test_text_is_stored_nfc_and_trimmed(db: Database, plan_id: int) -> None:
    nfd = unicodedata.normalize("NFD", "  Tăng cường ứng dụng phần mềm quản lý trường học  ")
    node = items.add_item(db, plan_id, "task", nfd, notes=unicodedata.normalize("NFD", "Hà Nội"))
    stored = items.get_item(db, node.id)
    assert stored.title == "Tăng cường ứng dụng phần mềm quản lý trường học"
    assert unicodedata.is_normalized("NFC", stored.title)
    assert stored.notes == "Hà Nội" and unicodedata.is_normalized("NFC", stored.notes)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"title": "   "}, "title", "không được để trống"),
        ({"title": "x" * 20_001}, "title", "quá giới hạn"),
        ({"responsible_person": "y" * 501}, "responsible_person", "quá giới hạn"),
        ({"deadline": "31/02/2026"}, "deadline", "không có thật"),
        ({"indicator_target": "một trăm"}, "indicator_target", "phải là một số"),
        ({"indicator_target": -5}, "indicator_target", "không âm"),
        ({"start_date": "hôm nay"}, "start_date", "phải là một ngày"),
        ({"start_date": date(2027, 1, 1), "deadline": "Quý IV/2026"}, "start_date", "sau thời hạn"),
        ({"kind": "chapter"}, "kind", "không hợp lệ"),
    ],
)
def test_invalid_values_are_refused_and_nothing_changes(
    db: Database, plan_id: int, changes: dict, field: str, words: str
) -> None:
    node = items.add_item(db, plan_id, "task", "Nhiệm vụ", deadline="Năm 2026")
    audit_before = len(audit.history(db))
    with pytest.raises(ValidationError) as info:
        items.update_item(db, node.id, **changes)
    assert info.value.field == field
    assert words in info.value.message
    assert items.get_item(db, node.id) == node
    assert len(audit.history(db)) == audit_before


def test_lead_unit_cannot_also_coordinate(db: Database, plan_id: int) -> None:
    unit = units.create_unit(db, "Công an xã").id
    with pytest.raises(ValidationError) as info:
        items.add_item(db, plan_id, "task", "x", lead_unit_id=unit, coordinator_ids=[unit])
    assert info.value.field == "coordinator_ids"
    assert items.plan_tree(db, plan_id).nodes == ()


def test_unknown_ids_are_not_found(db: Database, plan_id: int) -> None:
    with pytest.raises(NotFoundError):
        items.add_item(db, plan_id, "task", "x", lead_unit_id=999)
    with pytest.raises(NotFoundError):
        items.add_item(db, 999, "task", "x")
    with pytest.raises(NotFoundError):
        items.update_item(db, 999, title="x")


def test_every_change_is_audited_with_old_and_new_values(db: Database, plan_id: int) -> None:
    ids = build(db, plan_id)
    items.update_item(db, ids["t1"], title="Số hóa toàn bộ văn bản", deadline="Quý IV/2026")
    items.update_item(db, ids["t1"], title="Số hóa toàn bộ văn bản")  # no change, no row
    items.move_up(db, ids["t3"])
    items.delete_item(db, ids["t2"])
    rows = audit.history(db, "plan_item", ids["t1"])
    assert [r.action for r in rows] == ["create", "update", "update", "update", "update", "update"]
    changed = {r.field: (r.old_value, r.new_value) for r in rows if r.action == "update"}
    assert changed["title"] == ("Số hóa văn bản", "Số hóa toàn bộ văn bản")
    assert changed["deadline_text"] == ("", "Quý IV/2026")
    assert changed["due_date"] == (None, "2026-12-31")
    assert all(r.user for r in rows)
    moved = audit.history(db, "plan_item", ids["t3"])[-1]
    assert (moved.action, moved.old_value, moved.new_value) == (
        "move",
        [ids["II.1"], 3],
        [ids["II.1"], 2],
    )
    deleted = audit.history(db, "plan_item", ids["t2"])[-1]
    assert deleted.action == "delete"
    assert deleted.old_value["title"] == "Tập huấn kỹ năng số"


def test_deep_and_wide_trees_are_read_in_order(db: Database, plan_id: int) -> None:
    parent = None
    for depth in range(1, 60):  # deeper than Python's comfort with recursion per level
        parent = items.add_item(db, plan_id, "section", f"Cấp {depth}", parent_id=parent).id
    tree = items.plan_tree(db, plan_id)
    assert [n.depth for n in tree.nodes] == list(range(1, 60))
    assert [n.number for n in tree.nodes[:6]] == ["I.", "1.", "a)", "-", "+", "+"]


def test_tree_snapshot_and_single_item_agree(sample_db: Database) -> None:
    tree = items.plan_tree(sample_db, 1)
    for node in tree.nodes:
        assert items.get_item(sample_db, node.id) == node


def test_restore_puts_a_deleted_subtree_back_exactly(sample_db: Database) -> None:
    before = items.plan_tree(sample_db, 1)
    section = next(n for n in before.sections() if n.title == "Thực hiện nhiệm vụ đột phá năm 2026")
    removed = items.delete_item(sample_db, section.id)
    assert removed.item_count == 34  # the group, its text, a) b) c) d) and all below
    after_delete = items.plan_tree(sample_db, 1)
    assert len(after_delete.nodes) == len(before.nodes) - 34
    restored = items.restore_subtree(sample_db, removed)
    assert restored == section
    assert items.plan_tree(sample_db, 1) == before


def test_restore_after_other_edits_keeps_order(db: Database, plan_id: int) -> None:
    ids = build(db, plan_id)
    removed = items.delete_item(db, ids["t1"])
    items.add_item(db, plan_id, "task", "Mới thêm", parent_id=ids["II.1"], position=1)
    items.restore_subtree(db, removed)
    assert outline(db, plan_id)[3:] == [
        "    Đoạn giới thiệu",
        "    a) Số hóa văn bản",
        "    b) Mới thêm",
        "    c) Tập huấn kỹ năng số",
        "    d) Đề án 06",
    ]


def test_funding_amount_is_stored_read_and_audited(db: Database, plan_id: int) -> None:
    node = items.add_item(db, plan_id, "task", "Lắp camera an ninh", funding_amount="1.500,5")
    assert node.funding_amount == 1500.5
    [in_tree] = [n for n in items.plan_tree(db, plan_id).nodes if n.id == node.id]
    assert in_tree == node == items.get_item(db, node.id)
    [part] = items.nodes(db, plan_id, [node.id])
    assert part == node
    changed = items.update_item(db, node.id, funding_amount="12,5")
    assert changed.funding_amount == 12.5
    assert items.update_item(db, node.id, funding_amount="").funding_amount is None
    group = items.add_item(db, plan_id, "section", "Nhóm nhiệm vụ đột phá", funding_amount=80)
    assert group.funding_amount == 80.0
    rows = [
        (e.field, e.old_value, e.new_value)
        for e in audit.history(db)
        if e.field == "funding_amount"
    ]
    assert rows[-2:] == [("funding_amount", 1500.5, 12.5), ("funding_amount", 12.5, None)]


@pytest.mark.parametrize(
    ("typed", "words"),
    [("abc", "phải là một số tiền"), ("-5", "không được là số âm"), (-1, "không được là số âm")],
)
def test_a_bad_funding_amount_is_refused_and_nothing_changes(
    db: Database, plan_id: int, typed: object, words: str
) -> None:
    node = items.add_item(db, plan_id, "task", "Nhiệm vụ", funding_amount=100)
    with pytest.raises(ValidationError) as info:
        items.update_item(db, node.id, funding_amount=typed)
    assert (info.value.field, words in info.value.message) == ("funding_amount", True)
    assert items.get_item(db, node.id).funding_amount == 100.0
