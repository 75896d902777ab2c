"""The plan tree model: a correct Qt model (qtmodeltester), numbers, states, searchable text."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from dienchau_desktop.core.status import Urgency
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, plans
from dienchau_desktop.ui.tree_model import PlanTreeModel


def test_model_passes_qtmodeltester_on_the_sample_plan(qtmodeltester, sample_db: Database) -> None:
    model = PlanTreeModel()
    model.set_tree(items.plan_tree(sample_db, 1))
    qtmodeltester.check(model, force_py=True)
    task = model.tree.tasks()[4]
    kept = QPersistentModelIndex(model.index_for_id(task.id, 1))
    resets: list[str] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    model.layoutChanged.connect(lambda *_a: resets.append("layout"))
    changed: list[int] = []
    model.dataChanged.connect(lambda left, *_a: changed.append(left.internalId()))
    items.update_item(sample_db, task.id, title="Đổi tên")
    model.set_tree(items.plan_tree(sample_db, 1))  # same shape: in place
    assert resets == []  # a reset would pass the checks below but lose the view's state
    assert task.id in changed
    assert kept.isValid() and kept.data() == "Đổi tên"
    qtmodeltester.check(model, force_py=True)


def test_patches_are_correct_model_changes(qtmodeltester, sample_db: Database) -> None:
    """Patching rows in and out (qtmodeltester watches every signal) gives the model
    a fresh read makes."""
    model = PlanTreeModel()
    model.set_tree(items.plan_tree(sample_db, 1))
    qtmodeltester.check(model, force_py=True)
    group = model.tree.sections()[3]
    removed = items.delete_item(sample_db, group.id)
    model.patch(items.nodes(sample_db, 1, children_of=[group.parent_id]), [group.id])
    items.restore_subtree(sample_db, removed)
    model.patch(items.nodes(sample_db, 1, placed=[group.id]))
    task = model.tree.tasks()[2]
    items.move_item(sample_db, task.id, group.id, 0)
    model.patch(items.nodes(sample_db, 1, placed=[task.id], children_of=[task.parent_id]))
    fresh = PlanTreeModel()
    fresh.set_tree(items.plan_tree(sample_db, 1))
    assert model.tree == fresh.tree
    assert _rows(model) == _rows(fresh)


def _rows(model: PlanTreeModel, parent: QModelIndex | None = None) -> list[tuple]:
    parent = parent or QModelIndex()
    rows: list[tuple] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append(tuple(model.index(row, c, parent).data() for c in range(6)))
        rows.append(tuple(_rows(model, index)))
    return rows


def test_rows_show_number_title_lead_and_deadline(qapp, sample_db: Database) -> None:
    model = PlanTreeModel()
    model.set_tree(items.plan_tree(sample_db, 1), today=date(2026, 11, 28))
    assert model.rowCount() == 3
    second = model.index(1, 0)
    assert model.data(second) == "II."
    assert model.data(model.index(1, 1)) == "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU"
    first_group = model.index(0, 0, second)
    task = model.index(0, 0, first_group)
    row = [model.data(model.index(task.row(), c, first_group)) for c in range(5)]
    assert row[0] == "a)"
    assert row[1].startswith("Tổ chức quán triệt")
    # The status column says what was reported (nothing yet), not "recurring" again.
    assert row[2:] == ["Phòng Văn hoá - Xã hội", "Thường xuyên", "Chưa báo cáo"]
    assert model.data(task, Qt.ItemDataRole.ToolTipRole).startswith("a) Tổ chức quán triệt")
    assert model.parent(task) == first_group
    assert model.parent(second) == QModelIndex()


def test_overdue_and_due_soon_roll_up_to_the_groups(qapp, db: Database) -> None:
    plan = plans.create_plan(db, "KH").id
    group = items.add_item(db, plan, "section", "Nhóm").id
    items.add_item(db, plan, "task", "Quá hạn", parent_id=group, deadline="20/11/2026")
    soon = items.add_item(db, plan, "task", "Sắp đến hạn", deadline="1/12/2026").id
    later = items.add_item(db, plan, "task", "Còn lâu", deadline="Quý II/2027").id
    model = PlanTreeModel()
    model.set_tree(items.plan_tree(db, plan), today=date(2026, 11, 28))
    assert model.urgency_of(group) is Urgency.OVERDUE
    assert model.urgency_of(soon) is Urgency.DUE_SOON
    assert model.urgency_of(later) is Urgency.ON_TRACK
    overdue_row = model.index(0, PlanTreeModel.STATUS, model.index(0, 0))
    assert model.data(overdue_row) == "Quá hạn · Chưa báo cáo"
    assert model.data(overdue_row, Qt.ItemDataRole.BackgroundRole) is not None
    assert not model.data(overdue_row, Qt.ItemDataRole.DecorationRole).isNull()


def test_searchable_text_is_folded(qapp, sample_db: Database) -> None:
    model = PlanTreeModel()
    tree = items.plan_tree(sample_db, 1)
    model.set_tree(tree)
    police_task = next(n for n in tree.tasks() if n.lead_unit_name == "Công an xã")
    text = model.search_text(police_task.id)
    assert " cong an xa " in text
    assert " thuong xuyen " in text


def test_filtered_model_is_still_a_correct_model(qtmodeltester, sample_db: Database) -> None:
    from dienchau_desktop.ui.tree_filter import TreeFilter, apply_filter

    model = PlanTreeModel()
    model.set_tree(items.plan_tree(sample_db, 1))
    result = apply_filter(
        model.tree,
        TreeFilter(text="cong an"),
        model.search_text,
        model.urgency_of,
        date(2026, 11, 28),
    )
    model.set_visible(result.visible)
    assert model.rowCount() == 2  # II and III hold the matches
    qtmodeltester.check(model, force_py=True)
    model.set_visible(None)
    assert model.rowCount() == 3
