"""Driving the real window: add, edit, move, indent, delete, undo and redo.

Every check looks at both what the user sees (the tree, the form, the Edit menu) and
what is in the data file (through the services, in a fresh read).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from dienchau_desktop.core.folding import fold
from dienchau_desktop.services import audit, items, units
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.tree_model import MIME_TYPE
from tests.ui.conftest import click_item, press, type_text
from tests.ui.driving import choose, click_check, leave_field, retype, tick_box_at, type_into


def stored(window: MainWindow, item_id: int) -> items.ItemNode:
    return items.get_item(window.db, item_id)


def node_titled(window: MainWindow, start: str) -> items.ItemNode:
    return next(n for n in window.model.tree.nodes if n.title.startswith(start))


def test_editing_a_field_saves_on_leave_and_undoes(window: MainWindow, qtbot: QtBot) -> None:
    task = node_titled(window, "Tổ chức quán triệt")
    click_item(qtbot, window, task.id)
    retype(qtbot, window.form.deadline, "Quý IV/2026")
    assert window.form.due_preview.text() == "hạn 31/12/2026"
    assert stored(window, task.id).deadline_text == "Thường xuyên"  # not saved while typing
    leave_field()  # Tab: the form saves the field it leaves
    assert stored(window, task.id).deadline_text == "Quý IV/2026"
    assert window.act_undo.text().replace("&", "") == "Hoàn tác: Đổi hạn hoàn thành"
    row = window.model.index_for_id(task.id, 3)
    assert row.data() == "Quý IV/2026"

    window.act_undo.trigger()
    assert stored(window, task.id).deadline_text == "Thường xuyên"
    assert window.form.deadline.text() == "Thường xuyên"
    window.act_redo.trigger()
    assert stored(window, task.id).deadline_text == "Quý IV/2026"


def test_vietnamese_typed_into_the_title_is_stored_nfc(window: MainWindow, qtbot: QtBot) -> None:
    task = node_titled(window, "Xác định rõ trách nhiệm của người đứng đầu")
    click_item(qtbot, window, task.id)
    retype(qtbot, window.form.title, "Triển khai Đề án 06 ở Diễn Châu")
    leave_field()
    assert stored(window, task.id).title == "Triển khai Đề án 06 ở Diễn Châu"
    assert audit.history(window.db, "plan_item", task.id)[-1].field == "title"


def test_invalid_input_is_shown_at_the_field_and_nothing_is_stored(window: MainWindow,
                                                                   qtbot: QtBot) -> None:  # fmt: skip
    task = node_titled(window, "Gắn kết quả thực hiện")
    click_item(qtbot, window, task.id)
    before = len(audit.history(window.db))
    retype(qtbot, window.form.deadline, "31/02/2026")
    assert window.form.due_preview.text() == "không hiểu"
    leave_field()
    assert "không có thật" in window.form.error_text("deadline")
    retype(qtbot, window.form.target, "một trăm")
    leave_field()
    assert "phải là một số" in window.form.error_text("indicator_target")
    retype(qtbot, window.form.start, "hôm qua")
    leave_field()
    assert "dd/mm/yyyy" in window.form.error_text("start_date")
    retype(qtbot, window.form.title, "   ")
    leave_field()
    assert "không được để trống" in window.form.error_text("title")
    assert stored(window, task.id) == task
    assert len(audit.history(window.db)) == before
    assert not window.undo_stack.canUndo()


def test_lead_and_coordinating_units_from_the_form(window: MainWindow, qtbot: QtBot) -> None:
    task = node_titled(window, "Từng bước chuẩn hóa")
    click_item(qtbot, window, task.id)
    choose(qtbot, window.form.lead, "Công an xã")  # from the drop-down, with the mouse
    assert stored(window, task.id).lead_unit_name == "Công an xã"
    # Type-ahead without diacritics.
    type_into(qtbot, window.form.coordinator_filter, "doan thanh")
    coordinators = window.form.coordinators
    shown = [coordinators.item(r) for r in range(coordinators.count())]
    visible = [e.text() for e in shown if not e.isHidden()]
    assert visible == ["Đoàn Thanh niên"]
    entry = next(e for e in shown if e.text() == "Đoàn Thanh niên")
    click_check(qtbot, coordinators, coordinators.indexFromItem(entry))
    assert stored(window, task.id).coordinator_names == (
        "Trung tâm phục vụ hành chính công",
        "Đoàn Thanh niên",
    )
    window.act_undo.trigger()
    assert stored(window, task.id).coordinator_names == ("Trung tâm phục vụ hành chính công",)


def test_the_coordinators_list_follows_the_cursor(window: MainWindow, qtbot: QtBot) -> None:
    """From task to task the list shows the task's coordinators ticked and first, in
    the plan's order, then every other unit by name; what is typed in the filter
    filters, and is cleared when another task is shown; a unit she ticks joins the
    ticked ones, last, its row staying where it is until another task is shown."""
    first = node_titled(window, "Phối hợp chặt chẽ với Công an")  # Văn hoá, Trung tâm
    second = node_titled(window, "Các cơ quan, đơn vị, tổ chức")  # Trung tâm, Công an
    third = node_titled(window, "Tổ chức quán triệt")  # none
    fourth = node_titled(window, "Tăng cường ứng dụng phần mềm")  # four
    names = [u.name for u in units.list_units(window.db)]
    coordinators = window.form.coordinators

    def listed() -> list[tuple[str, bool, bool]]:
        """Each row: its name, ticked, shown."""
        rows = [coordinators.item(r) for r in range(coordinators.count())]
        return [(e.text(), e.checkState() == Qt.CheckState.Checked, not e.isHidden())
                for e in rows]  # fmt: skip

    def expected(task: items.ItemNode, typed: str = "") -> list[tuple[str, bool, bool]]:
        ticked = list(task.coordinator_names)
        rest = [n for n in names if n not in ticked]
        return [(n, n in ticked, all(w in fold(n) for w in typed.split()))
                for n in ticked + rest]  # fmt: skip

    for task in (first, second, third, fourth, first, fourth, second):
        click_item(qtbot, window, task.id)
        assert listed() == expected(task)
    for task in (fourth, second, first):
        click_item(qtbot, window, task.id)
        assert window.form.coordinator_filter.text() == ""
        assert listed() == expected(task)
        type_into(qtbot, window.form.coordinator_filter, "xa")  # xã, Xã hội
        assert listed() == expected(task, "xa")
    entry = next(coordinators.item(r) for r in range(coordinators.count())
                 if coordinators.item(r).checkState() == Qt.CheckState.Unchecked
                 and not coordinators.item(r).isHidden())  # fmt: skip
    name = entry.text()
    before = listed()
    click_check(qtbot, coordinators, coordinators.indexFromItem(entry))
    ticked = stored(window, first.id)
    assert ticked.coordinator_names == (*first.coordinator_names, name)
    assert window.form.coordinator_filter.text() == "xa"  # the same task: kept
    assert listed() == [(n, on or n == name, shown) for n, on, shown in before]
    for task in (fourth, second, ticked):
        click_item(qtbot, window, task.id)
        assert listed() == expected(task)
    type_into(qtbot, window.form.coordinator_filter, "xa")
    retype(qtbot, window.form.coordinator_filter, "")  # all of it selected, then erased
    press(window.form.coordinator_filter, Qt.Key.Key_Backspace)
    assert listed() == expected(ticked)


def test_add_task_with_insert_then_undo_and_redo(window: MainWindow, qtbot: QtBot) -> None:
    anchor = node_titled(window, "Chú trọng đào tạo")
    click_item(qtbot, window, anchor.id)
    assert window.tree.hasFocus()
    press(window.tree, Qt.Key.Key_Insert)
    new_id = window.selected_id()
    new = stored(window, new_id)
    assert (new.title, new.number, new.parent_id) == ("Nhiệm vụ mới", "d)", anchor.parent_id)
    assert window.count_label.text() == "37 nhiệm vụ"
    window.act_undo.trigger()
    assert new_id not in {n.id for n in window.model.tree.nodes}
    assert window.count_label.text() == "36 nhiệm vụ"
    # The cursor back on the task the new one was added after, the form showing it.
    assert window.selected_id() == anchor.id
    assert window.form.title.toPlainText() == anchor.title
    assert window.act_delete.isEnabled()
    window.act_redo.trigger()
    assert stored(window, new_id).number == "d)"
    assert window.selected_id() == new_id


def test_keyboard_moves_follow_numbering_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    first = node_titled(window, "Tổ chức quán triệt")
    second = node_titled(window, "Xác định rõ trách nhiệm của người đứng đầu")
    click_item(qtbot, window, second.id)
    assert window.tree.hasFocus()
    press(window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, second.id).number == "a)"
    assert stored(window, first.id).number == "b)"
    press(window.tree, Qt.Key.Key_Tab)  # indent under the one above? it is now first: refused
    assert stored(window, second.id).parent_id == first.parent_id
    click_item(qtbot, window, first.id)
    press(window.tree, Qt.Key.Key_Tab)
    moved = stored(window, first.id)
    assert (moved.parent_id, moved.number, moved.depth) == (second.id, "-", 4)
    press(window.tree, Qt.Key.Key_Backtab)
    assert stored(window, first.id).parent_id == first.parent_id
    press(window.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # outdent again
    assert stored(window, first.id).depth == 2
    for _ in range(4):
        window.act_undo.trigger()
    assert stored(window, first.id) == first
    assert stored(window, second.id) == second


def test_delete_asks_and_undo_restores_everything(window: MainWindow, qtbot: QtBot,
                                                   monkeypatch) -> None:  # fmt: skip
    group = node_titled(window, "Thực hiện nhiệm vụ đột phá")
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    before = items.plan_tree(window.db, 1)
    click_item(qtbot, window, group.id)
    press(window.tree, Qt.Key.Key_Delete)
    assert "33 mục bên dưới cũng sẽ bị xóa" in asked[0]
    assert window.count_label.text() == "20 nhiệm vụ"
    assert len(items.plan_tree(window.db, 1).nodes) == len(before.nodes) - 34
    window.act_undo.trigger()
    assert items.plan_tree(window.db, 1) == before
    assert window.count_label.text() == "36 nhiệm vụ"


def test_declining_the_delete_keeps_the_item(window: MainWindow, qtbot: QtBot,
                                              monkeypatch) -> None:  # fmt: skip
    task = node_titled(window, "Tổ chức quán triệt")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    click_item(qtbot, window, task.id)
    window.act_delete.trigger()
    assert stored(window, task.id) == task
    assert not window.undo_stack.canUndo()


def test_drag_and_drop_moves_the_item(window: MainWindow, qtbot) -> None:
    """The model's side of a drag: a drag cannot be made on the offscreen platform (its
    QDrag ends at once, with nothing dropped), and the tree, an internal-move view,
    takes no drop that did not start in it. So the data a drag of the row carries is
    offered to the model as the view offers it on the drop."""
    task = node_titled(window, "Chủ trì, phối hợp triển khai")  # III.3.a, Công an xã
    target = next(
        n for n in window.model.tree.sections() if n.title == "Trung tâm phục vụ hành chính công"
    )
    data = window.model.mimeData([window.model.index_for_id(task.id)])
    assert data.data(MIME_TYPE).data() == str(task.id).encode()
    parent = window.model.index_for_id(target.id)
    assert window.model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, parent)
    window.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, parent)
    qtbot.waitUntil(lambda: stored(window, task.id).parent_id == target.id)
    assert stored(window, task.id).number == "a)"
    assert window.act_undo.text().replace("&", "") == "Hoàn tác: Di chuyển mục"
    # A section cannot be dropped into its own subtree.
    inner = window.model.index_for_id(task.id)
    data.setData(MIME_TYPE, str(target.id).encode())
    assert not window.model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, inner)
    assert window.model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_rename_in_place_with_f2(window: MainWindow, qtbot) -> None:
    task = node_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    press(window.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is window.tree.viewport()
    assert editor.text() == task.title
    press(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, "Kịp thời đề xuất giải pháp")
    assert stored(window, task.id).title == task.title  # not saved while typing
    press(editor, Qt.Key.Key_Return)
    assert stored(window, task.id).title == "Kịp thời đề xuất giải pháp"
    assert window.model.index_for_id(task.id, 1).data() == "Kịp thời đề xuất giải pháp"
    window.act_undo.trigger()
    assert stored(window, task.id).title == task.title


def test_a_long_unit_name_in_the_coordinators_list_shows_whole_in_its_tooltip(
    window: MainWindow, qtbot: QtBot
) -> None:
    long_name = "Trường Trung học cơ sở Diễn Châu và các đơn vị phối hợp liên quan khác"
    units.create_unit(window.db, long_name)
    window.loading.reload_units()
    task = node_titled(window, "Tổ chức quán triệt")
    click_item(qtbot, window, task.id)
    rows = window.form.coordinators
    entry = next(rows.item(r) for r in range(rows.count()) if rows.item(r).text() == long_name)
    assert entry.toolTip() == long_name
    # Every row fits the list's width: the end of a long name is not scrolled out of
    # sight but ends in "…", whole in the tooltip.
    assert rows.horizontalScrollBar().maximum() == 0
    assert rows.visualItemRect(entry).width() <= rows.viewport().width()


def test_a_unit_ticked_keeps_its_row_under_the_pointer(window: MainWindow, qtbot: QtBot) -> None:
    """She ticks a unit in the coordinators' list, and clicks the same spot again (a
    tick by mistake undone): the same unit is unticked, the task's coordinators are
    as they were. The ticked unit's row stays where it was while the task is shown:
    moved up among the ticked ones at once, another unit came under the pointer, and
    her second click ticked that one. The next task shown has its own ticked first."""
    task = node_titled(window, "Phối hợp chặt chẽ với Công an")  # Văn hoá, Trung tâm
    other = node_titled(window, "Tổ chức quán triệt")  # none
    click_item(qtbot, window, task.id)
    coordinators = window.form.coordinators
    rows = [coordinators.item(r) for r in range(coordinators.count())]
    entry = next(e for e in rows if e.text() == "Đoàn Thanh niên")
    assert entry.checkState() == Qt.CheckState.Unchecked
    assert coordinators.row(entry) > len(task.coordinator_ids)  # below the first unticked
    names = [e.text() for e in rows]

    spot = tick_box_at(coordinators, coordinators.indexFromItem(entry))
    qtbot.mouseClick(coordinators.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    QApplication.processEvents()
    assert stored(window, task.id).coordinator_names == (*task.coordinator_names, "Đoàn Thanh niên")
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a second click, not a double one
    qtbot.mouseClick(coordinators.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    QApplication.processEvents()
    assert stored(window, task.id).coordinator_names == task.coordinator_names
    ticked = [coordinators.item(r).text() for r in range(coordinators.count())
              if coordinators.item(r).checkState() == Qt.CheckState.Checked]  # fmt: skip
    assert ticked == list(task.coordinator_names)
    listed = [coordinators.item(r) for r in range(coordinators.count())]
    assert [e.text() for e in listed] == names  # only the marks changed
    assert coordinators.itemAt(spot).text() == "Đoàn Thanh niên"

    # Ticked again, then another task and back: the ticked ones first, in the plan's order.
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    qtbot.mouseClick(coordinators.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    QApplication.processEvents()
    click_item(qtbot, window, other.id)
    click_item(qtbot, window, task.id)
    first = [coordinators.item(r).text() for r in range(3)]
    assert first == [*task.coordinator_names, "Đoàn Thanh niên"]


def test_another_task_clears_the_coordinators_filter(window: MainWindow, qtbot: QtBot) -> None:
    """What she typed to find a unit is for the task she typed it at: kept while that
    task is shown (her tick saved), cleared when another task is clicked in the tree,
    whose list then shows its own coordinators, not only the unit she looked for."""
    task = node_titled(window, "Tổ chức quán triệt")  # none
    other = node_titled(window, "Tăng cường ứng dụng phần mềm")  # four
    click_item(qtbot, window, task.id)
    type_into(qtbot, window.form.coordinator_filter, "doan thanh")
    coordinators = window.form.coordinators
    rows = [coordinators.item(r) for r in range(coordinators.count())]
    visible = [e for e in rows if not e.isHidden()]
    assert [e.text() for e in visible] == ["Đoàn Thanh niên"]
    click_check(qtbot, coordinators, coordinators.indexFromItem(visible[0]))
    assert stored(window, task.id).coordinator_names == ("Đoàn Thanh niên",)
    assert window.form.coordinator_filter.text() == "doan thanh"  # the same task: kept

    click_item(qtbot, window, other.id)
    assert window.form.coordinator_filter.text() == ""
    rows = [coordinators.item(r) for r in range(coordinators.count())]
    assert all(not e.isHidden() for e in rows)
    shown = [(e.text(), e.checkState() == Qt.CheckState.Checked) for e in rows]
    n = len(other.coordinator_names)
    assert shown[:n] == [(name, True) for name in other.coordinator_names]
    assert not any(on for _name, on in shown[n:])
