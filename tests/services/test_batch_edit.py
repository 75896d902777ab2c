"""Changing several items at once: kind, lead unit, coordinators and deadline, all or
nothing, and written back exactly on undo."""

from __future__ import annotations

from datetime import date

import pytest

from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import audit, batch_edit, items, plans, units
from dienchau_desktop.services.batch_edit import BatchEdit, BatchRefusedError


@pytest.fixture
def plan_id(db: Database) -> int:
    return plans.create_plan(db, "Kế hoạch chuyển đổi số").id


@pytest.fixture
def unit(db: Database) -> dict[str, int]:
    names = ("Công an xã", "Văn phòng HĐND-UBND", "Trường THCS", "Trạm Y tế")
    return {name: units.create_unit(db, name).id for name in names}


def build(db: Database, plan_id: int, unit: dict[str, int]) -> dict[str, int]:
    ids = {}
    ids["I"] = items.add_item(db, plan_id, "section", "NHIỆM VỤ").id
    ids["p"] = items.add_item(db, plan_id, "text", "Đoạn mở đầu", parent_id=ids["I"]).id
    ids["t1"] = items.add_item(
        db, plan_id, "task", "Số hóa hồ sơ", parent_id=ids["I"],
        lead_unit_id=unit["Văn phòng HĐND-UBND"], coordinator_ids=[unit["Trạm Y tế"]],
        deadline="Quý IV/2026",
    ).id  # fmt: skip
    ids["t2"] = items.add_item(
        db, plan_id, "task", "Tập huấn", parent_id=ids["I"],
        coordinator_ids=[unit["Trường THCS"], unit["Trạm Y tế"]],
        start_date=date(2026, 9, 1),
    ).id  # fmt: skip
    ids["t3"] = items.add_item(db, plan_id, "task", "Tuyên truyền", parent_id=ids["I"]).id
    return ids


def node(db: Database, item_id: int) -> items.ItemNode:
    return items.get_item(db, item_id)


def test_lead_and_deadline_of_several_tasks_change_together(
    db: Database, plan_id: int, unit: dict[str, int]
) -> None:
    ids = build(db, plan_id, unit)
    chosen = [ids["t1"], ids["t2"], ids["t3"]]
    result = batch_edit.change_items(
        db, chosen,
        BatchEdit(change_lead=True, lead_unit_id=unit["Công an xã"], deadline="Tháng 11/2026"),
    )  # fmt: skip
    assert result.changed_ids == tuple(chosen)
    assert result.kind_changed_ids == ()
    for item_id in chosen:
        task = node(db, item_id)
        assert task.lead_unit_name == "Công an xã"
        assert (task.deadline_text, task.due_date) == ("Tháng 11/2026", date(2026, 11, 30))
    # Coordinators were left alone.
    assert node(db, ids["t2"]).coordinator_names == ("Trường THCS", "Trạm Y tế")


def test_coordinators_are_added_replaced_or_removed(
    db: Database, plan_id: int, unit: dict[str, int]
) -> None:
    ids = build(db, plan_id, unit)
    chosen = [ids["t1"], ids["t2"]]
    batch_edit.change_items(
        db, chosen, BatchEdit(coordinators="add", coordinator_ids=(unit["Công an xã"],))
    )
    assert node(db, ids["t1"]).coordinator_names == ("Trạm Y tế", "Công an xã")
    assert node(db, ids["t2"]).coordinator_names == ("Trường THCS", "Trạm Y tế", "Công an xã")
    batch_edit.change_items(
        db, chosen, BatchEdit(coordinators="remove", coordinator_ids=(unit["Trạm Y tế"],))
    )
    assert node(db, ids["t1"]).coordinator_names == ("Công an xã",)
    assert node(db, ids["t2"]).coordinator_names == ("Trường THCS", "Công an xã")
    batch_edit.change_items(db, chosen, BatchEdit(coordinators="replace", coordinator_ids=()))
    assert node(db, ids["t1"]).coordinator_names == ()
    assert node(db, ids["t2"]).coordinator_names == ()


def test_one_item_refusing_refuses_all_and_names_it(
    db: Database, plan_id: int, unit: dict[str, int]
) -> None:
    ids = build(db, plan_id, unit)
    before = items.plan_tree(db, plan_id)
    # Both have Trạm Y tế as a coordinator, which cannot lead them too; t2 starts on
    # 1/9/2026, and a deadline of June is before it.
    with pytest.raises(BatchRefusedError) as refused:
        batch_edit.change_items(
            db, [ids["t1"], ids["t2"], ids["t3"]],
            BatchEdit(change_lead=True, lead_unit_id=unit["Trạm Y tế"], deadline="Tháng 6/2026"),
        )  # fmt: skip
    problems = [(p.item_id, p.title, p.field, p.message) for p in refused.value.problems]
    both = "«Trạm Y tế» không thể vừa là cơ quan chủ trì vừa là cơ quan phối hợp của mục này."
    assert problems == [
        (ids["t1"], "Số hóa hồ sơ", "coordinator_ids", both),
        (ids["t2"], "Tập huấn", "coordinator_ids", both),
        (ids["t2"], "Tập huấn", "deadline",
         "Ngày bắt đầu 01/09/2026 sau thời hạn hoàn thành 30/06/2026."),
    ]  # fmt: skip
    assert "2 mục" in refused.value.message
    assert items.plan_tree(db, plan_id) == before  # nothing written, t3 neither


def test_removing_the_coordinator_in_the_same_change_lets_it_lead(
    db: Database, plan_id: int, unit: dict[str, int]
) -> None:
    ids = build(db, plan_id, unit)
    batch_edit.change_items(
        db, [ids["t1"], ids["t2"]],
        BatchEdit(change_lead=True, lead_unit_id=unit["Trạm Y tế"], coordinators="remove",
                  coordinator_ids=(unit["Trạm Y tế"],)),
    )  # fmt: skip
    assert node(db, ids["t1"]).lead_unit_name == "Trạm Y tế"
    assert node(db, ids["t1"]).coordinator_names == ()
    assert node(db, ids["t2"]).coordinator_names == ("Trường THCS",)


def test_kinds_and_paragraphs(db: Database, plan_id: int, unit: dict[str, int]) -> None:
    ids = build(db, plan_id, unit)
    # A section holding items cannot become a paragraph: the tasks beside it neither.
    assert batch_edit.kinds_allowed(db, [ids["I"], ids["t1"]]) == ("section", "task")
    assert batch_edit.kinds_allowed(db, [ids["t1"], ids["p"]]) == ("section", "task", "text")
    with pytest.raises(BatchRefusedError) as refused:
        batch_edit.change_items(db, [ids["I"], ids["t3"]], BatchEdit(kind="text"))
    assert [p.item_id for p in refused.value.problems] == [ids["I"]]
    assert node(db, ids["t3"]).kind == "task"

    result = batch_edit.change_items(db, [ids["t1"], ids["t3"]], BatchEdit(kind="section"))
    assert result.kind_changed_ids == (ids["t1"], ids["t3"])
    outline = [f"{n.number} {n.title}" for n in items.plan_tree(db, plan_id).nodes]
    assert outline == ["I. NHIỆM VỤ", " Đoạn mở đầu", "1. Số hóa hồ sơ", "2. Tập huấn",
                       "3. Tuyên truyền"]  # fmt: skip

    # A paragraph carries no lead: in a mixed selection it is left as it is...
    result = batch_edit.change_items(
        db, [ids["p"], ids["t2"]], BatchEdit(change_lead=True, lead_unit_id=unit["Công an xã"])
    )
    assert (result.changed_ids, result.skipped_ids) == ((ids["t2"],), (ids["p"],))
    assert node(db, ids["p"]).lead_unit_id is None
    # ...and asked of paragraphs only, it is refused.
    with pytest.raises(ValidationError, match="Đoạn văn không có"):
        batch_edit.change_items(db, [ids["p"]], BatchEdit(deadline="Năm 2026"))
    # Made paragraphs and given a lead in one change: refused before anything is read.
    with pytest.raises(ValidationError, match="Đoạn văn không có"):
        batch_edit.change_items(db, [ids["t3"]], BatchEdit(kind="text", deadline="Năm 2026"))


def test_a_deadline_not_understood_or_a_unit_gone_is_refused(
    db: Database, plan_id: int, unit: dict[str, int]
) -> None:
    ids = build(db, plan_id, unit)
    with pytest.raises(ValidationError) as wrong:
        batch_edit.change_items(db, [ids["t1"]], BatchEdit(deadline="sớm nhất có thể"))
    assert wrong.value.field == "deadline"
    with pytest.raises(NotFoundError):
        batch_edit.change_items(db, [ids["t1"]], BatchEdit(change_lead=True, lead_unit_id=999))
    with pytest.raises(NotFoundError):
        batch_edit.change_items(db, [ids["t1"], 999], BatchEdit(deadline="Năm 2026"))
    assert node(db, ids["t1"]).deadline_text == "Quý IV/2026"


def test_before_and_after_are_written_back_exactly(
    db: Database, plan_id: int, unit: dict[str, int]
) -> None:
    ids = build(db, plan_id, unit)
    chosen = [ids["I"], ids["t1"], ids["t2"], ids["t3"]]
    start = items.plan_tree(db, plan_id)
    result = batch_edit.change_items(
        db, chosen,
        BatchEdit(kind="task", change_lead=True, lead_unit_id=None, coordinators="replace",
                  coordinator_ids=(unit["Công an xã"],), deadline=""),
    )  # fmt: skip
    changed = items.plan_tree(db, plan_id)
    assert [n.lead_unit_id for n in changed.nodes if n.id in chosen] == [None] * 4
    assert batch_edit.write_values(db, result.before) == result.changed_ids
    assert items.plan_tree(db, plan_id) == start
    assert batch_edit.write_values(db, result.after) == result.changed_ids
    assert items.plan_tree(db, plan_id) == changed
    assert batch_edit.write_values(db, result.after) == ()  # already so: nothing written


def test_every_field_changed_is_audited(db: Database, plan_id: int, unit: dict[str, int]) -> None:
    ids = build(db, plan_id, unit)
    batch_edit.change_items(
        db, [ids["t1"]],
        BatchEdit(change_lead=True, lead_unit_id=unit["Công an xã"], deadline="Năm 2027"),
    )  # fmt: skip
    rows = [r for r in audit.history(db, "plan_item", ids["t1"]) if r.action == "update"]
    changed = {r.field: (r.old_value, r.new_value) for r in rows}
    assert changed["lead_unit_id"] == (unit["Văn phòng HĐND-UBND"], unit["Công an xã"])
    assert changed["deadline_text"] == ("Quý IV/2026", "Năm 2027")
    assert changed["due_date"] == ("2026-12-31", "2027-12-31")
    assert "coordinator_ids" not in changed and "kind" not in changed


def test_nothing_chosen_or_a_unit_twice_is_refused(
    db: Database, plan_id: int, unit: dict[str, int]
) -> None:
    ids = build(db, plan_id, unit)
    with pytest.raises(ValidationError):
        batch_edit.change_items(db, [], BatchEdit(deadline="Năm 2026"))
    with pytest.raises(ValidationError):
        twice = (unit["Công an xã"], unit["Công an xã"])
        batch_edit.change_items(db, [ids["t1"]], BatchEdit(coordinators="add",
                                                           coordinator_ids=twice))  # fmt: skip


def test_redo_after_its_unit_was_deleted_is_refused_whole(
    db: Database, plan_id: int, unit: dict[str, int]
) -> None:
    ids = build(db, plan_id, unit)
    new = units.create_unit(db, "Ban Chỉ huy Quân sự xã").id
    result = batch_edit.change_items(
        db, [ids["t1"], ids["t3"]], BatchEdit(change_lead=True, lead_unit_id=new)
    )
    batch_edit.write_values(db, result.before)  # undone
    units.delete_unit(db, new)  # no longer used: she deletes it
    undone = items.plan_tree(db, plan_id)
    with pytest.raises(NotFoundError):
        batch_edit.write_values(db, result.after)  # redo
    assert items.plan_tree(db, plan_id) == undone
