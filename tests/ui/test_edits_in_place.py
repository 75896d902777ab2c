"""Edits patch the tree's rows in place: the rows the change touched are updated,
inserted, removed or moved, never the whole tree reset, and the result is always the
tree a fresh read of the data file gives (a wrong patch would show stale rows)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QToolBar
from pytestqt.qtbot import QtBot

from dienchau_desktop.core.status import Urgency
from dienchau_desktop.services import items, periods, progress
from dienchau_desktop.ui import tree_model
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.plan_loading import PROGRESS_DELAY_MS
from dienchau_desktop.ui.tree_filter import TreeFilter, apply_filter
from dienchau_desktop.ui.tree_model import ITEM_ID_ROLE, URGENCY_ROLE, PlanTreeModel
from tests.ui.conftest import click_item, press, type_text
from tests.ui.driving import leave_field, retype

ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.BackgroundRole,
    ITEM_ID_ROLE,
    URGENCY_ROLE,
)


def model_rows(model: PlanTreeModel) -> list[tuple]:
    """Every row of the model, depth first: its depth and each cell's data."""
    rows: list[tuple] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            cells = tuple(
                model.data(model.index(row, column, parent), role)
                for column in range(model.columnCount())
                for role in ROLES
            )
            rows.append((depth, cells))
            walk(model.index(row, 0, parent), depth + 1)

    walk(QModelIndex(), 0)
    return rows


def assert_as_read_afresh(window: MainWindow) -> None:
    """The window's tree model is what a model built from the services now shows:
    rows, numbers, states, search keys and full numbers, under the filter in use."""
    fresh = PlanTreeModel()
    fresh.set_tree(items.plan_tree(window.db, window.plan_id), today=window.model._today)
    fresh.set_progress(progress.latest_entries_as_of(window.db, window.plan_id, date.today()))
    if not window.filtering.tree_filter.is_empty:
        result = apply_filter(
            fresh.tree,
            window.filtering.tree_filter,
            fresh.search_text,
            fresh.urgency_of,
            window.filtering.today,
        )
        visible = set(result.visible or ())
        for kept in window.filtering.kept_in_view:  # added while it was on: shown
            chain: int | None = kept
            while chain is not None:
                visible.add(chain)
                chain = fresh.tree.node(chain).parent_id
        fresh.set_visible(visible if result.visible is not None else None)
        assert window.filtering.match_count == result.match_count
        assert window.filter_bar.match_label.text() == f"Tìm thấy {result.match_count}"
    assert window.model.tree == fresh.tree
    assert model_rows(window.model) == model_rows(fresh)
    for node in fresh.tree.nodes:
        assert window.model.search_text(node.id) == fresh.search_text(node.id)
        assert window.model.outline(node.id) == fresh.outline(node.id)
    assert window.model.task_urgency_counts() == fresh.task_urgency_counts()


class Signals:
    """The model's signals, counted."""

    NAMES = ("modelReset", "layoutChanged", "rowsInserted", "rowsRemoved", "rowsMoved")

    def __init__(self, model: PlanTreeModel) -> None:
        self.counts = dict.fromkeys(self.NAMES, 0)
        self.changed: list[int] = []
        for name in self.NAMES:
            getattr(model, name).connect(lambda *_a, name=name: self._count(name))
        model.dataChanged.connect(lambda left, _right, _roles=(): self.changed.append(
            left.data(ITEM_ID_ROLE)))  # fmt: skip

    def _count(self, name: str) -> None:
        self.counts[name] += 1

    def clear(self) -> None:
        self.counts = dict.fromkeys(self.NAMES, 0)
        self.changed.clear()


@pytest.fixture
def signals(window: MainWindow, qtbot: QtBot) -> Iterator[Signals]:
    """The model's signals from when the window has finished opening: the progress it
    reads after the first paint is shown with one relayout, which is not an edit's."""
    qtbot.wait(PROGRESS_DELAY_MS + 100)
    yield Signals(window.model)


def expanded_ids(window: MainWindow) -> set[int]:
    return {
        n.id for n in window.model.tree.nodes
        if window.model.is_shown(n.id) and window.tree.isExpanded(window.model.index_for_id(n.id))
    }  # fmt: skip


def node_titled(window: MainWindow, start: str) -> items.ItemNode:
    return next(n for n in window.model.tree.nodes if n.title.startswith(start))


def test_a_field_edit_patches_its_row_in_place(window: MainWindow, qtbot: QtBot,
                                               signals: Signals) -> None:  # fmt: skip
    window.tree.expandAll()
    QApplication.processEvents()
    task = node_titled(window, "Từng bước chuẩn hóa")
    other = node_titled(window, "Tổ chức quán triệt")
    click_item(qtbot, window, task.id)
    bar = window.tree.verticalScrollBar()
    assert bar.maximum() > 0  # every row open: the tree scrolls
    scrolled = bar.value()
    kept = QPersistentModelIndex(window.model.index_for_id(other.id, 1))
    expanded = expanded_ids(window)
    signals.clear()

    retype(qtbot, window.form.title, "Chuẩn hóa hồ sơ công việc")
    leave_field()

    assert items.get_item(window.db, task.id).title == "Chuẩn hóa hồ sơ công việc"
    assert task.id in signals.changed  # its row, and the groups above it for their state
    assert set(signals.changed) <= {task.id, *_ancestors(window, task.id)}
    assert signals.counts == dict.fromkeys(Signals.NAMES, 0)  # no reset, no relayout
    assert kept.isValid() and kept.data(ITEM_ID_ROLE) == other.id
    assert kept.data() == other.title
    assert window.model.index_for_id(task.id, 1).data() == "Chuẩn hóa hồ sơ công việc"
    assert expanded_ids(window) == expanded
    assert bar.value() == scrolled
    assert window.selected_id() == task.id
    assert window.form.title.toPlainText() == "Chuẩn hóa hồ sơ công việc"
    assert_as_read_afresh(window)


def _ancestors(window: MainWindow, item_id: int) -> list[int]:
    found = []
    parent = window.model.tree.node(item_id).parent_id
    while parent is not None:
        found.append(parent)
        parent = window.model.tree.node(parent).parent_id
    return found


def _answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)


def _structure_steps(window: MainWindow, qtbot: QtBot, signals: Signals) -> None:
    """Add, rename, delete a group, undo, redo, undo, move up, indent, outdent, change
    a kind, undo it all: after each step the tree is the fresh read's."""
    task = node_titled(window, "Chú trọng đào tạo")
    click_item(qtbot, window, task.id)
    press(window.tree, Qt.Key.Key_Insert)  # a task after it; its title opens for typing
    press(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert_as_read_afresh(window)
    new_id = window.selected_id()
    assert new_id != task.id and items.get_item(window.db, new_id).title == "Nhiệm vụ mới"

    group = node_titled(window, "Thực hiện nhiệm vụ đột phá")
    if window.model.is_shown(group.id):
        click_item(qtbot, window, group.id)
        press(window.tree, Qt.Key.Key_Delete)
        assert_as_read_afresh(window)
        window.act_undo.trigger()
        assert_as_read_afresh(window)
        assert window.selected_id() == group.id
        window.act_redo.trigger()
        assert_as_read_afresh(window)
        window.act_undo.trigger()
        assert_as_read_afresh(window)

    second = node_titled(window, "Xác định rõ trách nhiệm của người đứng đầu")
    click_item(qtbot, window, second.id)
    press(window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert_as_read_afresh(window)
    assert window.selected_id() == second.id
    click_item(qtbot, window, node_titled(window, "Tổ chức quán triệt").id)
    press(window.tree, Qt.Key.Key_Tab)  # indent under the one above
    assert_as_read_afresh(window)
    press(window.tree, Qt.Key.Key_Backtab)
    assert_as_read_afresh(window)
    window.act_undo.trigger()
    assert_as_read_afresh(window)
    while window.undo_stack.canUndo():
        window.act_undo.trigger()
        assert_as_read_afresh(window)
    while window.undo_stack.canRedo():
        window.act_redo.trigger()
        assert_as_read_afresh(window)
    assert signals.counts["modelReset"] == 0
    assert signals.counts["layoutChanged"] == 0


def test_add_delete_undo_and_moves_keep_the_tree_as_read_afresh(
    window: MainWindow, qtbot: QtBot, signals: Signals, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_yes(monkeypatch)
    window.tree.expandAll()
    QApplication.processEvents()
    signals.clear()
    _structure_steps(window, qtbot, signals)
    assert signals.counts["rowsMoved"] > 0  # moves move rows: expanded rows stay open
    assert signals.counts["rowsInserted"] > 0 and signals.counts["rowsRemoved"] > 0


def test_the_same_with_a_search_active(
    window: MainWindow, qtbot: QtBot, signals: Signals, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_yes(monkeypatch)
    window.act_find.trigger()
    type_text(window.filter_bar.search, "nhiệm vụ")  # matches the groups and tasks used below
    qtbot.waitUntil(lambda: window.filtering.tree_filter.text == "nhiệm vụ")
    assert window.model.visible_rows is not None
    signals.clear()
    _structure_steps(window, qtbot, signals)


def test_the_search_shows_an_edited_titles_new_match(
    window: MainWindow, qtbot: QtBot, signals: Signals, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit undone and redone under a search: the item leaves and comes back as its
    title stops and starts matching, with only its own search key made again."""
    task = node_titled(window, "Từng bước chuẩn hóa")
    click_item(qtbot, window, task.id)
    retype(qtbot, window.form.title, "Sen vàng quê Bác")
    leave_field()
    window.act_find.trigger()
    type_text(window.filter_bar.search, "sen vang")
    qtbot.waitUntil(lambda: window.filtering.tree_filter.text == "sen vang")
    assert window.filtering.match_count == 1 and window.model.is_shown(task.id)
    window.model.prepare_search()

    made: list[str] = []
    real = tree_model.search_key
    monkeypatch.setattr(tree_model, "search_key", lambda text: made.append(text) or real(text))
    signals.clear()
    window.act_undo.trigger()  # the old title: no match left
    assert len(made) == 1 and "Từng bước" in made[0]  # its key alone, not the index
    assert not window.model.is_shown(task.id)
    assert window.filtering.match_count == 0
    assert_as_read_afresh(window)
    made.clear()
    window.act_redo.trigger()  # the new title matches again
    assert len(made) == 1 and "Sen vàng" in made[0]
    assert window.model.is_shown(task.id)
    assert window.filtering.match_count == 1
    assert window.model.index_for_id(task.id, 1).data() == "Sen vàng quê Bác"
    assert signals.counts["modelReset"] == 0
    assert_as_read_afresh(window)


def test_recording_progress_patches_the_states(window: MainWindow, qtbot: QtBot,
                                               signals: Signals) -> None:  # fmt: skip
    task = node_titled(window, "Tổ chức quán triệt")
    click_item(qtbot, window, task.id)
    period = next(p for p in periods.list_periods(window.db, window.plan_id) if not p.is_closed)
    signals.clear()
    window.recording.record_entry(task, period.id, {"status": "in_progress", "percent": 40})
    assert window.model.index_for_id(task.id, PlanTreeModel.PERCENT).data() == "40"
    assert task.id in signals.changed
    assert signals.counts == dict.fromkeys(Signals.NAMES, 0)
    assert_as_read_afresh(window)
    window.act_undo.trigger()
    assert window.model.index_for_id(task.id, PlanTreeModel.PERCENT).data() == ""
    assert_as_read_afresh(window)


def test_random_edits_under_changing_filters_keep_the_tree_as_read_afresh(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edits, adds, deletes, moves, kind changes, progress, undo and redo in a seeded
    random order, under filters switched now and then: after each, the tree is the
    fresh read's (where the filter has no state conditions: progress is not
    re-filtered, as before). Two wrong patches were found this way."""
    _answer_yes(monkeypatch)
    rng = random.Random(3)
    filters = [
        TreeFilter(), TreeFilter(text="nhiem vu"), TreeFilter(text="cong an"),
        TreeFilter(text="a", due_within_days=30),
        TreeFilter(states=frozenset({Urgency.OVERDUE, Urgency.DUE_SOON})),
    ]  # fmt: skip
    period = next(p for p in periods.list_periods(window.db, window.plan_id) if not p.is_closed)
    for step in range(60):
        if rng.random() < 0.15:
            window.filtering.set_filter(rng.choice(filters))
        shown = [n for n in window.model.tree.nodes if window.model.is_shown(n.id)]
        if shown and rng.random() < 0.8:
            window.select_item(rng.choice(shown).id)
        node = window.current_node()
        action = rng.choice(["title", "deadline", "add", "delete", "undo", "undo", "redo", "up",
                             "down", "indent", "outdent", "progress", "kind"])  # fmt: skip
        if action == "title" and node:
            window.editing.edit_item(
                node.id, {"title": f"{rng.choice(['Công an', 'Việc'])} {step}"}
            )
        elif action == "deadline" and node and node.kind == "task":
            deadline = rng.choice(["1/12/2026", "20/11/2026", "Quý II/2027", ""])
            window.editing.form_edit(node.id, {"deadline": deadline},
                                     {"deadline": node.deadline_text}, "Đổi hạn")  # fmt: skip
        elif action == "kind" and node:
            kind = rng.choice(["task", "section", "text"])
            window.editing.form_edit(node.id, {"kind": kind}, {"kind": node.kind}, "Đổi loại")
        elif action == "progress" and node and node.kind == "task":
            window.recording.record_entry(node, period.id, {"status": "in_progress",
                                                             "percent": rng.randint(0, 100)})  # fmt: skip
        elif action in {"add", "delete", "up", "down", "indent", "outdent"}:
            editing = window.editing
            {"add": editing.add_task, "delete": editing.delete_selected, "up": editing.move_up,
             "down": editing.move_down, "indent": editing.indent,
             "outdent": editing.outdent}[action]()  # fmt: skip
        elif action == "undo":
            window.undo_stack.undo()
        elif action == "redo":
            window.undo_stack.redo()
        QApplication.processEvents()
        if window.tree.state() == window.tree.State.EditingState:  # a task just added
            press(QApplication.focusWidget(), Qt.Key.Key_Escape)
        if not window.filtering.tree_filter.has_task_conditions:
            assert_as_read_afresh(window)


def test_an_add_a_delete_and_their_undo_patch_the_rows_from_what_they_read(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An add, a delete and their undo read the rows the window patches in their own
    transaction; nothing is read again after them."""
    _answer_yes(monkeypatch)
    reads: list[object] = []
    real = items.nodes
    monkeypatch.setattr(items, "nodes", lambda *a, **k: reads.append(a) or real(*a, **k))
    click_item(qtbot, window, node_titled(window, "Chú trọng đào tạo").id)
    press(window.tree, Qt.Key.Key_Insert)
    press(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert reads == []
    assert_as_read_afresh(window)
    press(window.tree, Qt.Key.Key_Delete)
    assert_as_read_afresh(window)
    window.act_undo.trigger()
    assert_as_read_afresh(window)
    window.act_undo.trigger()  # the add undone: the new task deleted
    assert_as_read_afresh(window)
    assert reads == []


def test_a_sub_item_added_undone_and_redone_is_shown_with_the_cursor_on_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Ctrl+Ins on a task, Enter, Ctrl+Z, Ctrl+Y: the sub-item comes back in view under
    its open task, the cursor on it, and Down goes on to the row below (found by a
    walk: it stayed hidden, and Down jumped to the top of the plan)."""
    control = Qt.KeyboardModifier.ControlModifier
    task = node_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    press(window.tree, Qt.Key.Key_Insert, control)
    press(QApplication.focusWidget(), Qt.Key.Key_Return)
    child = window.selected_id()
    assert window.model.parent_id_of(child) == task.id
    press(QApplication.focusWidget(), Qt.Key.Key_Z, control)
    assert window.selected_id() == task.id
    press(QApplication.focusWidget(), Qt.Key.Key_Y, control)
    assert window.selected_id() == child
    tree = window.tree
    shown = tree.visualRect(tree.currentIndex())
    assert shown.isValid() and tree.viewport().rect().contains(shown)
    assert tree.indexAt(shown.center()).internalId() == child
    below = tree.indexBelow(tree.currentIndex()).internalId()
    press(tree, Qt.Key.Key_Down)
    assert window.selected_id() == below != child
    assert window.form.title.toPlainText() == window.model.tree.node(below).title


def test_a_task_added_under_a_search_it_does_not_match_stays_in_view_to_be_named(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Insert with a search on: the new task, which the search does not find, is shown
    with its title editor open, and what she types names it (found by the walk: it
    vanished, and her typing went to the tree). Until the search changes."""
    _answer_yes(monkeypatch)
    window.act_find.trigger()
    type_text(window.filter_bar.search, "quan triet")
    qtbot.waitUntil(lambda: window.filtering.tree_filter.text == "quan triet")
    found = window.filtering.match_count
    task = node_titled(window, "Tổ chức quán triệt")
    click_item(qtbot, window, task.id)
    press(window.tree, Qt.Key.Key_Insert)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)  # the new row's title, open for typing
    type_text(editor, "Lập danh sách cán bộ")
    press(editor, Qt.Key.Key_Return)
    added = window.selected_id()
    assert added != task.id
    assert items.get_item(window.db, added).title == "Lập danh sách cán bộ"
    assert window.model.is_shown(added)
    assert window.tree.visualRect(window.model.index_for_id(added)).isValid()
    assert window.filtering.match_count == found  # shown, not found
    assert_as_read_afresh(window)
    # A new search leaves it to match or not, as any other.
    window.filter_bar.search.clear()
    type_text(window.filter_bar.search, "quan triet")
    qtbot.waitUntil(lambda: not window.model.is_shown(added))
    assert window.model.is_shown(task.id)


def test_the_count_of_what_a_search_found_follows_a_rename_and_a_delete(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_yes(monkeypatch)
    window.act_find.trigger()
    type_text(window.filter_bar.search, "nhiệm vụ")
    qtbot.waitUntil(lambda: window.filtering.tree_filter.text == "nhiệm vụ")
    label = window.filter_bar.match_label
    before = window.filtering.match_count
    assert label.text() == f"Tìm thấy {before}"
    task = next(
        n for n in window.model.tree.tasks()
        if window.model.is_shown(n.id) and "nhiệm vụ" in n.title.lower() and not n.child_ids
    )  # fmt: skip
    click_item(qtbot, window, task.id)
    press(window.tree, Qt.Key.Key_Delete)
    assert label.text() == f"Tìm thấy {before - 1}"
    window.act_undo.trigger()
    assert label.text() == f"Tìm thấy {before}"
    assert_as_read_afresh(window)


def test_a_task_added_from_the_overview_tab_is_added_in_view_to_be_named(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The toolbar's «Thêm nhiệm vụ» clicked on the Tổng quan tab: the plan comes into
    view with the new task's title open for typing (it was added out of sight)."""
    click_item(qtbot, window, node_titled(window, "Tổ chức quán triệt").id)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert window.tabs.currentIndex() == 1 and not window.tree.isVisible()
    toolbar = window.findChild(QToolBar, "main-toolbar")
    button = toolbar.widgetForAction(window.act_add_task)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == 0 and window.tree.isVisible()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(editor, "Rà soát danh mục hồ sơ")
    press(editor, Qt.Key.Key_Return)
    added = window.selected_id()
    assert items.get_item(window.db, added).title == "Rà soát danh mục hồ sơ"
    assert window.tree.visualRect(window.model.index_for_id(added)).isValid()
