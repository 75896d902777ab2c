"""Several items selected in the plan tree (Ctrl+click, Shift+click): their kind, lead
unit, coordinators and deadline changed together, or deleted together, each one step
of Ctrl+Z; moves act on one item only.

Driven as she does it: clicks with Ctrl or Shift on the rows, the menu's action, the
dialog's boxes chosen with the mouse and typed into, Ctrl+Z and Ctrl+Y in the tree.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from dienchau_desktop.services import items
from dienchau_desktop.ui.batch_edit_dialog import BatchEditDialog, short_title
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.tree_model import MIME_TYPE, PlanTreeModel
from tests.ui.conftest import click_item, click_row, press, type_text
from tests.ui.driving import choose, click_check, type_into, when_modal
from tests.ui.test_units_view import open_row, open_units_view, unit_row


def titled(window: MainWindow, start: str) -> items.ItemNode:
    return next(n for n in window.model.tree.nodes if n.title.startswith(start))


def click_with(qtbot: QtBot, window: MainWindow, item_id: int,
               modifier: Qt.KeyboardModifier) -> None:  # fmt: skip
    """Ctrl+click or Shift+click a row, on its title cell where it is drawn."""
    index = window.model.index_for_id(item_id, PlanTreeModel.TITLE)
    window.tree.scrollTo(index)
    rect = window.tree.visualRect(index)
    assert rect.isValid() and not rect.isEmpty(), "the row is not on screen"
    point = QPoint(rect.left() + 20, rect.center().y())
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, modifier, point)
    QApplication.processEvents()


def pick(qtbot: QtBot, dialog: BatchEditDialog, combo, text: str) -> None:
    """Choose from a drop-down of the dialog. The desktop makes a dialog it opens active,
    and leaves it so after the list closes; offscreen does either late or not at all
    (a list opened before the dialog became active closed at once): made so here."""
    qtbot.waitExposed(dialog)
    made_active(qtbot, dialog)
    choose(qtbot, combo, text)
    made_active(qtbot, dialog)


def made_active(qtbot: QtBot, dialog: BatchEditDialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def dialog_closed(qtbot: QtBot, window: MainWindow) -> None:
    """The desktop makes the window active again after a dialog; offscreen does not."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def cell(window: MainWindow, item_id: int, column: int) -> str:
    return window.model.index_for_id(item_id, column).data()


def batch_text(text: str, n: int) -> str:
    return QCoreApplication.translate("BatchEditing", text, "", n)


def undo_text(window: MainWindow) -> str:
    return window.act_undo.text().replace("&", "")


def test_lead_coordinator_and_deadline_of_four_tasks_in_one_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    first = titled(window, "Tổ chức quán triệt")  # 1.a) of part II
    digital = [titled(window, start) for start in ("Từng bước chuẩn hóa", "Tăng cường ứng dụng các nền",
                                                   "Chú trọng đào tạo")]  # fmt: skip
    chosen = [first.id, *(n.id for n in digital)]
    before = {i: items.get_item(window.db, i) for i in chosen}
    resets: list[int] = []
    window.model.modelReset.connect(lambda: resets.append(1))

    click_item(qtbot, window, digital[0].id)
    click_with(qtbot, window, digital[2].id, Qt.KeyboardModifier.ShiftModifier)
    click_with(qtbot, window, first.id, Qt.KeyboardModifier.ControlModifier)
    assert window.batch.selected_ids() == chosen
    assert window.selected_id() == first.id  # the one last clicked is in the form
    assert window.form.title.toPlainText() == first.title
    assert window.batch.bar.isVisible()
    assert window.batch.bar_label.text().startswith(
        batch_text("%n items selected. The form shows one of them: %1.", 4).split("%1")[0]
    )
    edit_menu = next(m for m in window.menuBar().findChildren(QMenu)
                     if window.act_undo in m.actions())  # Sửa  # fmt: skip
    assert window.act_change_selected in edit_menu.actions()
    assert window.act_change_selected in window.tree.actions()  # the tree's own menu

    def change(dialog: BatchEditDialog) -> None:
        assert dialog.change_button.text() == dialog.tr("Change %n items", "", 4)
        assert not dialog.change_button.isEnabled()  # nothing asked yet
        pick(qtbot, dialog, dialog.lead, "Công an xã")
        units = dialog.coordinators
        click_check(qtbot, units, units.indexFromItem(units.findItems("Đoàn Thanh niên",
                                                                      Qt.MatchFlag.MatchExactly)[0]))  # fmt: skip
        assert dialog.coordinator_mode.currentData() == "add"  # ticking a unit adds it
        type_into(qtbot, dialog.deadline, "Quý III/2026")
        assert dialog.deadline_mode.currentData() == "set"
        assert dialog.due_preview.text() == dialog.tr("due %1").replace("%1", "30/09/2026")
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)

    when_modal(BatchEditDialog, change)
    window.act_change_selected.trigger()
    dialog_closed(qtbot, window)

    for item_id in chosen:
        task = items.get_item(window.db, item_id)
        assert task.lead_unit_name == "Công an xã"
        assert task.coordinator_names == (*before[item_id].coordinator_names, "Đoàn Thanh niên")
        assert task.deadline_text == "Quý III/2026"
        assert cell(window, item_id, PlanTreeModel.LEAD) == "Công an xã"
        assert cell(window, item_id, PlanTreeModel.DEADLINE) == "Quý III/2026"
    after = {i: items.get_item(window.db, i) for i in chosen}
    # In place: the rows patched, the selection and the current row kept.
    assert resets == []
    assert window.batch.selected_ids() == chosen
    assert window.selected_id() == first.id
    assert window.form.lead.currentText() == "Công an xã"
    assert undo_text(window).endswith(batch_text("Change %n items", 4))

    press(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {i: items.get_item(window.db, i) for i in chosen} == before
    assert cell(window, first.id, PlanTreeModel.LEAD) == before[first.id].lead_unit_name
    assert cell(window, first.id, PlanTreeModel.DEADLINE) == "Thường xuyên"
    assert window.batch.selected_ids() == chosen
    press(window.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert {i: items.get_item(window.db, i) for i in chosen} == after
    assert cell(window, digital[1].id, PlanTreeModel.LEAD) == "Công an xã"
    assert resets == []


def test_by_keyboard_alone(window: MainWindow, qtbot: QtBot) -> None:
    group = titled(window, "Thực hiện cải cách hành chính")
    a, b, c = group.child_ids
    click_item(qtbot, window, a)
    for _ in range(2):
        press(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)

    def type_and_enter(dialog: BatchEditDialog) -> None:
        qtbot.waitExposed(dialog)
        made_active(qtbot, dialog)  # as a desktop makes a dialog it opens
        assert QApplication.focusWidget() is dialog.kind
        press(dialog.kind, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.lead
        press(dialog.lead, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(dialog.lead, "doan thanh nien")  # no marks: matched as the form does
        assert dialog.lead.currentText() == "doan thanh nien"
        if QApplication.activePopupWidget() is not None:  # the completer's list
            press(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
        made_active(qtbot, dialog)  # offscreen leaves no window active after a pop-up
        passed = []
        while QApplication.focusWidget() is not dialog.deadline_mode and len(passed) < 8:
            press(QApplication.focusWidget(), Qt.Key.Key_Tab)
            passed.append(QApplication.focusWidget())
        assert passed == [dialog.coordinator_mode, dialog.coordinator_filter,
                          dialog.coordinators, dialog.deadline_mode]  # fmt: skip
        press(dialog.deadline_mode, Qt.Key.Key_Tab)
        type_text(dialog.deadline, "Trước ngày 15/12/2026")
        press(dialog.deadline, Qt.Key.Key_Return)
        assert not dialog.isVisible(), (dialog.lead_error.text(), dialog.problems_label.text())

    when_modal(BatchEditDialog, type_and_enter)
    press(window.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    dialog_closed(qtbot, window)
    for item_id in (a, b, c):
        task = items.get_item(window.db, item_id)
        assert task.lead_unit_name == "Đoàn Thanh niên", task.title
        assert task.deadline_text == "Trước ngày 15/12/2026"


def test_a_refused_item_is_named_and_nothing_changes_until_it_is_fixed(
    window: MainWindow, qtbot: QtBot
) -> None:
    # 3.a) is led by Công an xã already; 3.c) has it as a coordinator.
    led = titled(window, "Phối hợp chặt chẽ với Công an xã")
    coordinated = titled(window, "Thường xuyên rà soát, đánh giá quy trình")
    click_item(qtbot, window, led.id)
    click_with(qtbot, window, coordinated.id, Qt.KeyboardModifier.ControlModifier)
    shown: list[str] = []

    def refused_then_fixed(dialog: BatchEditDialog) -> None:
        now = dialog.tr("Now: %1")
        assert dialog.lead_now.text() == now.replace(
            "%1", "Công an xã (1), Trung tâm phục vụ hành chính công (1)"
        )
        assert dialog.deadline_now.text() == now.replace("%1", "Thường xuyên (2)")
        pick(qtbot, dialog, dialog.lead, "Công an xã")
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()  # refused: still open, saying why
        shown.extend(dialog.problems.item(r).text() for r in range(dialog.problems.count()))
        assert dialog.problems_label.text().endswith(dialog.tr(
            "A unit cannot lead an item it coordinates: to make it lead them, choose "
            "«Remove the units ticked» under Coordinating units and tick it."))  # fmt: skip
        assert items.get_item(window.db, coordinated.id) == coordinated
        pick(qtbot, dialog, dialog.coordinator_mode, dialog.tr("Remove the units ticked"))
        units = dialog.coordinators
        type_into(qtbot, dialog.coordinator_filter, "công an")
        match = units.findItems("Công an xã", Qt.MatchFlag.MatchExactly)[0]
        click_check(qtbot, units, units.indexFromItem(match))
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)

    when_modal(BatchEditDialog, refused_then_fixed)
    window.act_change_selected.trigger()
    assert (
        shown
        == [  # the item, and why
            f"{window.model.outline(coordinated.id)} {coordinated.title[:59]}…: «Công an xã» không "
            "thể vừa là cơ quan chủ trì vừa là cơ quan phối hợp của mục này."
        ]
    )
    fixed = items.get_item(window.db, coordinated.id)
    assert (fixed.lead_unit_name, fixed.coordinator_names) == (
        "Công an xã",
        ("Phòng Văn hoá - Xã hội",),
    )
    assert items.get_item(window.db, led.id).coordinator_names == led.coordinator_names


def test_paragraphs_made_tasks_take_numbers_and_give_them_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    paragraphs = [titled(window, "Cụ thể hóa đầy đủ"), titled(window, "Tạo chuyển biến rõ nét")]
    holder = titled(window, "Mục đích")
    click_item(qtbot, window, paragraphs[0].id)
    click_with(qtbot, window, paragraphs[1].id, Qt.KeyboardModifier.ShiftModifier)

    def make_tasks(dialog: BatchEditDialog) -> None:
        assert dialog.paragraph_note.isVisible()
        assert not dialog.lead.isEnabled()  # paragraphs carry no lead...
        pick(qtbot, dialog, dialog.kind, dialog.tr("Task"))
        assert dialog.lead.isEnabled()  # ...tasks do
        press(dialog.deadline, Qt.Key.Key_Return)  # Enter is «Change»

    when_modal(BatchEditDialog, make_tasks)
    press(window.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    dialog_closed(qtbot, window)
    assert [cell(window, p.id, PlanTreeModel.NUMBER) for p in paragraphs] == ["a)", "b)"]
    assert [items.get_item(window.db, p.id).kind for p in paragraphs] == ["task", "task"]
    assert window.batch.selected_ids() == [p.id for p in paragraphs]
    window.act_undo.trigger()
    assert [cell(window, p.id, PlanTreeModel.NUMBER) for p in paragraphs] == ["", ""]
    assert items.get_item(window.db, holder.id).child_ids == holder.child_ids

    # A section holding items cannot become a paragraph: not offered.
    click_with(qtbot, window, holder.id, Qt.KeyboardModifier.ControlModifier)
    offered: list[bool] = []

    def look(dialog: BatchEditDialog) -> None:
        model = dialog.kind.model()
        offered.extend(model.item(r).isEnabled() for r in range(dialog.kind.count()))
        dialog.reject()

    when_modal(BatchEditDialog, look)
    window.act_change_selected.trigger()
    assert offered == [True, True, True, False]  # unchanged, section, task, paragraph


def test_several_deleted_with_one_question_and_one_undo(window: MainWindow, qtbot: QtBot,
                                                        monkeypatch) -> None:  # fmt: skip
    group = titled(window, "Nâng cao nhận thức, trách nhiệm")
    a, b, c = (window.model.tree.node(i) for i in group.child_ids)
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    before = items.plan_tree(window.db, 1)
    click_item(qtbot, window, a.id)
    click_with(qtbot, window, c.id, Qt.KeyboardModifier.ControlModifier)
    press(window.tree, Qt.Key.Key_Delete)
    assert len(asked) == 1
    assert asked[0].startswith(batch_text("Delete these %n items?", 2))
    assert "II.1.a) Tổ chức quán triệt" in asked[0] and "II.1.c) Gắn kết quả" in asked[0]
    assert items.get_item(window.db, group.id).child_ids == (b.id,)
    assert cell(window, b.id, PlanTreeModel.NUMBER) == "a)"
    assert window.selected_id() == b.id  # the cursor stays where she works
    assert undo_text(window).endswith(batch_text("Delete %n items", 2))

    press(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert items.plan_tree(window.db, 1) == before
    assert [cell(window, i, PlanTreeModel.NUMBER) for i in group.child_ids] == ["a)", "b)", "c)"]
    assert window.batch.selected_ids() == [a.id, c.id]
    press(window.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert items.get_item(window.db, group.id).child_ids == (b.id,)


def titles_under(window: MainWindow, item_id: int) -> list[str]:
    tree = items.plan_tree(window.db, 1)
    return [tree.node(c).title[:12] for c in tree.node(item_id).child_ids]


def test_neighbours_move_indent_and_outdent_together(window: MainWindow, qtbot: QtBot) -> None:
    group = titled(window, "Nâng cao nhận thức, trách nhiệm")
    a, b, c = (window.model.tree.node(i) for i in group.child_ids)
    before = items.plan_tree(window.db, 1)
    click_item(qtbot, window, a.id)
    press(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert window.batch.selected_ids() == [a.id, b.id]
    assert window.act_down.isEnabled() and window.act_indent.isEnabled()

    press(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert titles_under(window, group.id) == [c.title[:12], a.title[:12], b.title[:12]]
    assert [cell(window, i, PlanTreeModel.NUMBER) for i in (c.id, a.id, b.id)] == ["a)", "b)", "c)"]
    assert undo_text(window).endswith(batch_text("Move %n items down", 2))
    assert window.batch.selected_ids() == [a.id, b.id]

    press(window.tree, Qt.Key.Key_Tab)  # under the task above them, c)
    assert items.get_item(window.db, c.id).child_ids == (a.id, b.id)
    assert window.batch.selected_ids() == [a.id, b.id]
    assert window.tree.isExpanded(window.model.index_for_id(c.id))
    press(window.tree, Qt.Key.Key_Backtab)
    assert titles_under(window, group.id) == [c.title[:12], a.title[:12], b.title[:12]]

    for _ in range(3):
        press(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert items.plan_tree(window.db, 1) == before
    assert window.batch.selected_ids() == [a.id, b.id]
    for _ in range(3):
        press(window.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert titles_under(window, group.id) == [c.title[:12], a.title[:12], b.title[:12]]


def test_a_block_refused_moves_nothing(window: MainWindow, qtbot: QtBot) -> None:
    # The paragraphs of I.1: the first has none above it, the others a paragraph.
    first, second, third = (window.model.tree.node(i)
                            for i in titled(window, "Mục đích").child_ids)  # fmt: skip
    before = items.plan_tree(window.db, 1)
    click_item(qtbot, window, second.id)
    click_with(qtbot, window, third.id, Qt.KeyboardModifier.ShiftModifier)
    press(window.tree, Qt.Key.Key_Tab)
    assert window.statusBar().currentMessage() == "Không thể đặt mục con dưới một đoạn văn."
    assert items.plan_tree(window.db, 1) == before
    assert not window.undo_stack.canUndo()
    assert window.batch.selected_ids() == [second.id, third.id]
    assert first.kind == "text"


def test_items_apart_do_not_move(window: MainWindow, qtbot: QtBot) -> None:
    first, other = titled(window, "Tổ chức quán triệt"), titled(window, "Từng bước chuẩn hóa")
    before = items.plan_tree(window.db, 1)
    click_item(qtbot, window, first.id)
    click_with(qtbot, window, other.id, Qt.KeyboardModifier.ControlModifier)
    assert not window.act_up.isEnabled() and not window.act_indent.isEnabled()
    assert window.batch.bar_label.text().endswith(batch_text(
        "They move together when they stand side by side under one heading.", -1))  # fmt: skip
    for key, modifiers in ((Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
                           (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier),
                           (Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)):  # fmt: skip
        press(window.tree, key, modifiers)
    window.act_up.trigger()
    assert items.plan_tree(window.db, 1) == before
    assert not window.undo_stack.canUndo()
    # Nor are they dragged: the drag of several rows carries nothing to drop.
    rows = [window.model.index_for_id(i) for i in (first.id, other.id)]
    assert not window.model.mimeData(rows).hasFormat(MIME_TYPE)
    # One item again: it moves.
    click_item(qtbot, window, other.id)
    assert not window.batch.bar.isVisible()
    window.act_down.trigger()
    assert items.get_item(window.db, other.id).position == 1


def test_the_dialog_fits_the_office_screen(window: MainWindow, qtbot: QtBot) -> None:
    tasks = [n for n in window.model.tree.nodes if n.kind == "task"][:6]
    click_item(qtbot, window, tasks[0].id)
    click_with(qtbot, window, tasks[-1].id, Qt.KeyboardModifier.ShiftModifier)
    seen: list[tuple[bool, bool]] = []

    def look(dialog: BatchEditDialog) -> None:
        screen = dialog.screen().availableGeometry()
        seen.append((screen.contains(dialog.frameGeometry()), dialog.lead.width() >= 420))
        dialog.reject()

    when_modal(BatchEditDialog, look)
    window.act_change_selected.trigger()
    assert seen == [(True, True)]
    assert not window.undo_stack.canUndo()  # Cancel changed nothing


# ---------------------------------------------------------------------------- found walking it


def bar_names(window: MainWindow) -> str:
    """The item the yellow line says the form shows: what stands between « and »."""
    text = window.batch.bar_label.text()
    return text[text.index("«") + 1 : text.index("»")]


def form_names(window: MainWindow) -> str:
    """The item in the form, named as the line names it: full number and title."""
    node = window.current_node()
    assert node is not None
    assert window.form.title.toPlainText() == node.title  # the form shows the current row
    return f"{window.model.outline(node.id)} {short_title(node.title)}".strip()


def right_click(qtbot: QtBot, window: MainWindow, item_id: int) -> list[str]:
    """Right-click a row and close the tree's menu (Esc), as she does to look at it;
    returns the menu's entries."""
    index = window.model.index_for_id(item_id, PlanTreeModel.TITLE)
    window.tree.scrollTo(index)
    point = QPoint(
        window.tree.visualRect(index).left() + 20, window.tree.visualRect(index).center().y()
    )
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.RightButton, pos=point)
    seen: list[str] = []

    def close_menu() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, close_menu)
            return
        seen.extend(a.text().replace("&", "") for a in menu.actions())
        press(menu, Qt.Key.Key_Escape)

    QTimer.singleShot(0, close_menu)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              window.tree.viewport().mapToGlobal(point))  # fmt: skip
    QApplication.sendEvent(window.tree.viewport(), event)
    QApplication.processEvents()
    return seen


def test_the_line_names_the_item_the_form_shows(window: MainWindow, qtbot: QtBot) -> None:
    a, b, c = titled(window, "Thực hiện cải cách hành chính").child_ids
    click_item(qtbot, window, a)
    click_with(qtbot, window, c, Qt.KeyboardModifier.ShiftModifier)
    assert bar_names(window) == form_names(window)
    assert window.selected_id() == c

    # Right-clicked within the selection: the form goes to II.3.b, so does the line.
    assert window.act_change_selected.text().replace("&", "") in right_click(qtbot, window, b)
    assert window.batch.selected_ids() == [a, b, c]
    assert window.selected_id() == b
    assert bar_names(window) == form_names(window)
    assert bar_names(window).startswith("II.3.b)")

    # By keyboard: Shift+Up from the current row.
    press(window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert len(window.batch.selected_ids()) > 1
    assert bar_names(window) == form_names(window)

    # A change made with b current, then the current row moved by Ctrl+click: undo
    # and redo bring back b as current, and the line with it.
    click_item(qtbot, window, a)
    click_with(qtbot, window, c, Qt.KeyboardModifier.ShiftModifier)
    right_click(qtbot, window, b)

    def set_deadline(dialog: BatchEditDialog) -> None:
        type_into(qtbot, dialog.deadline, "Quý IV/2026")
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)

    when_modal(BatchEditDialog, set_deadline)
    window.act_change_selected.trigger()
    dialog_closed(qtbot, window)
    assert bar_names(window) == form_names(window) and window.selected_id() == b
    click_with(qtbot, window, a, Qt.KeyboardModifier.ControlModifier)  # a out, a current
    assert window.batch.selected_ids() == [b, c]
    assert bar_names(window) == form_names(window)
    window.act_undo.trigger()
    assert window.selected_id() == b and window.batch.selected_ids() == [a, b, c]
    assert bar_names(window) == form_names(window)
    window.act_redo.trigger()
    assert bar_names(window) == form_names(window)
    assert cell(window, b, PlanTreeModel.DEADLINE) == "Quý IV/2026"


def test_rows_a_filter_hides_are_no_longer_selected(window: MainWindow, qtbot: QtBot,
                                                    monkeypatch) -> None:  # fmt: skip
    _a, b, _c = titled(window, "Thực hiện cải cách hành chính").child_ids
    school = titled(window, "Tăng cường ứng dụng phần mềm")  # led by UBND xã
    click_item(qtbot, window, b)
    click_with(qtbot, window, school.id, Qt.KeyboardModifier.ControlModifier)
    assert window.batch.bar.isVisible()

    choose(qtbot, window.filter_bar.unit_filter, "Công an xã")
    assert not window.model.is_shown(b) and not window.model.is_shown(school.id)
    # Nothing selected: no line, an empty form, nothing to change or delete.
    assert not window.batch.bar.isVisible()
    assert window.batch.selected_ids() == []
    assert window.form.heading.text() == window.form.tr(
        "Select an item in the tree to see its details."
    )
    assert not window.act_change_selected.isEnabled()
    assert not window.act_delete.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]))
    before = items.plan_tree(window.db, 1)
    press(window.tree, Qt.Key.Key_Delete)
    press(window.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert asked == [] and items.plan_tree(window.db, 1) == before

    # The filter taken off: still nothing selected, and nothing says otherwise.
    qtbot.mouseClick(window.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    assert window.batch.selected_ids() == [] and not window.batch.bar.isVisible()

    # The current row still shown stays selected alone; the line goes.
    a = titled(window, "Phối hợp chặt chẽ với Công an xã").id  # led by Công an xã
    click_item(qtbot, window, b)
    click_with(qtbot, window, a, Qt.KeyboardModifier.ControlModifier)
    choose(qtbot, window.filter_bar.unit_filter, "Công an xã")
    assert window.batch.selected_ids() == [a] and window.selected_id() == a
    assert not window.batch.bar.isVisible()
    assert window.form.title.toPlainText() == window.current_node().title
    assert window.act_change_selected.isEnabled()


def test_an_action_with_nothing_selected_says_so(window: MainWindow, qtbot: QtBot) -> None:
    a, b, _c = titled(window, "Thực hiện cải cách hành chính").child_ids
    click_item(qtbot, window, a)
    click_with(qtbot, window, a, Qt.KeyboardModifier.ControlModifier)  # taken out again
    assert window.batch.selected_ids() == []
    # Its menu entry is greyed; the line's button and Alt+Enter reach it all the same
    # when something else calls it: it says why it does nothing.
    window.batch.change_selected()
    assert window.statusBar().currentMessage() == batch_text(
        "Nothing is selected in the plan tree: click an item first.", -1
    )
    assert items.get_item(window.db, b).title  # nothing else happened


def test_replacing_the_units_with_none_says_what_it_does(window: MainWindow,
                                                         qtbot: QtBot) -> None:  # fmt: skip
    a, b, c = titled(window, "Thực hiện cải cách hành chính").child_ids
    click_item(qtbot, window, a)
    click_with(qtbot, window, c, Qt.KeyboardModifier.ShiftModifier)
    seen: list[tuple[str, bool, bool]] = []

    def replace_by_nothing(dialog: BatchEditDialog) -> None:
        effect = dialog.coordinators_effect
        pick(qtbot, dialog, dialog.coordinator_mode, dialog.tr("Add the units ticked"))
        seen.append((effect.text(), effect.isVisible(), dialog.change_button.isEnabled()))
        pick(qtbot, dialog, dialog.coordinator_mode,
             dialog.tr("Replace them with the units ticked"))  # fmt: skip
        seen.append((effect.text(), effect.isVisible(), dialog.change_button.isEnabled()))
        units = dialog.coordinators
        click_check(qtbot, units, units.indexFromItem(units.findItems("Đoàn Thanh niên",
                                                                      Qt.MatchFlag.MatchExactly)[0]))  # fmt: skip
        seen.append((effect.text(), effect.isVisible(), dialog.change_button.isEnabled()))
        click_check(qtbot, units, units.indexFromItem(units.findItems("Đoàn Thanh niên",
                                                                      Qt.MatchFlag.MatchExactly)[0]))  # fmt: skip
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)

    when_modal(BatchEditDialog, replace_by_nothing)
    window.act_change_selected.trigger()
    dialog_closed(qtbot, window)
    tr = lambda text: QCoreApplication.translate("BatchEditDialog", text)  # noqa: E731
    assert seen == [
        (tr("Tick the units to add or remove."), True, False),
        (tr("Every coordinating unit of the selected items will be taken away. To take "
            "away only some, choose «Remove the units ticked»."), True, True),
        (tr("The selected items will have the units ticked as their coordinating units, "
            "and no others."), True, True),
    ]  # fmt: skip
    assert [items.get_item(window.db, i).coordinator_names for i in (a, b, c)] == [(), (), ()]


def test_a_unit_not_found_is_no_longer_said_once_retyped(window: MainWindow,
                                                         qtbot: QtBot) -> None:  # fmt: skip
    a, _b, c = titled(window, "Thực hiện cải cách hành chính").child_ids
    click_item(qtbot, window, a)
    click_with(qtbot, window, c, Qt.KeyboardModifier.ShiftModifier)
    seen: list[bool] = []

    def mistype(dialog: BatchEditDialog) -> None:
        qtbot.waitExposed(dialog)
        made_active(qtbot, dialog)
        press(dialog.kind, Qt.Key.Key_Tab)
        press(dialog.lead, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(dialog.lead, "Phòng Kinh tế")
        if QApplication.activePopupWidget() is not None:
            press(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
        made_active(qtbot, dialog)
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
        seen.append(dialog.lead_error.isVisible())
        press(dialog.lead, Qt.Key.Key_Backspace)
        seen.append(dialog.lead_error.isVisible())
        dialog.reject()

    when_modal(BatchEditDialog, mistype)
    window.act_change_selected.trigger()
    assert seen == [True, False]


def count_shown(window: MainWindow) -> str:
    return window.count_label.text()


def tasks_counted(window: MainWindow, n: int) -> str:
    return QCoreApplication.translate("MainWindow", "%1 tasks").replace("%1", str(n))


def test_a_kind_changed_says_what_becomes_of_the_fields_and_counts(
    window: MainWindow, qtbot: QtBot
) -> None:
    tasks = len(window.model.tree.tasks())
    assert count_shown(window) == tasks_counted(window, tasks)
    a, b, c = titled(window, "Thực hiện cải cách hành chính").child_ids
    click_item(qtbot, window, a)
    click_with(qtbot, window, c, Qt.KeyboardModifier.ShiftModifier)
    said: list[str] = []

    def to_paragraphs(dialog: BatchEditDialog) -> None:
        assert not dialog.kind_effect.isVisible()
        pick(qtbot, dialog, dialog.kind, dialog.tr("Paragraph of text"))
        said.append(dialog.kind_effect.text() if dialog.kind_effect.isVisible() else "")
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)

    when_modal(BatchEditDialog, to_paragraphs)
    window.act_change_selected.trigger()
    dialog_closed(qtbot, window)
    assert said == [QCoreApplication.translate(
        "BatchEditDialog", "%n of them hold a lead unit, coordinating units or a deadline: "
        "paragraphs carry none, so these are kept but not counted or reported, and are "
        "theirs again if they become tasks.", "", 3)]  # fmt: skip
    # Kept, as the form keeps them when one item's kind is changed.
    assert items.get_item(window.db, b).lead_unit_name == "Phòng Văn hoá - Xã hội"
    assert count_shown(window) == tasks_counted(window, tasks - 3)
    window.act_undo.trigger()
    assert count_shown(window) == tasks_counted(window, tasks)

    # Sections without a lead unit made tasks: she is told they will have none.
    goal, content = titled(window, "Mục tiêu"), titled(window, "Nội dung thực hiện")
    click_item(qtbot, window, goal.id)
    click_with(qtbot, window, content.id, Qt.KeyboardModifier.ControlModifier)
    said.clear()

    def to_tasks(dialog: BatchEditDialog) -> None:
        pick(qtbot, dialog, dialog.kind, dialog.tr("Task"))
        said.append(dialog.kind_effect.text() if dialog.kind_effect.isVisible() else "")
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)

    when_modal(BatchEditDialog, to_tasks)
    window.act_change_selected.trigger()
    dialog_closed(qtbot, window)
    assert said == [QCoreApplication.translate(
        "BatchEditDialog", "%n of them will be tasks with no lead unit: choose one under "
        "Lead unit, or in the form later.", "", 2)]  # fmt: skip
    assert count_shown(window) == tasks_counted(window, tasks + 2)
    assert window.statusBar().currentMessage() == batch_text("Changed %n items.", 2)


def test_alt_enter_in_the_units_view_stays_there_and_says_why(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_units_view(window, qtbot)
    view, model = window.by_unit.view, window.by_unit.model
    police = unit_row(window, "Công an xã")
    open_row(qtbot, window, police)
    leads = model.index(0, 0, police)
    open_row(qtbot, window, leads)
    task = model.index(0, 1, leads)
    click_row(qtbot, view, task)
    shown = window.form.title.toPlainText()

    press(view, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert view.isVisible() and not window.tree.isVisible()  # not taken to the tree
    assert QApplication.activeModalWidget() is None  # nor a dialog opened
    assert window.form.title.toPlainText() == shown
    assert window.statusBar().currentMessage() == QCoreApplication.translate(
        "UnitsPane",
        "Alt+Enter changes the items selected in the plan tree: open the task with "
        "Enter, then press Alt+Enter there.",
    )
    # Enter alone still opens the task in the plan tree.
    press(view, Qt.Key.Key_Return)
    assert window.tree.isVisible() and window.form.title.toPlainText() == shown


def test_a_task_made_a_paragraph_in_the_form_is_not_counted(
    window: MainWindow, qtbot: QtBot
) -> None:
    tasks = len(window.model.tree.tasks())
    a = titled(window, "Phối hợp chặt chẽ với Công an xã")
    click_item(qtbot, window, a.id)
    choose(qtbot, window.form.kind, window.form.kind.itemText(window.form.kind.findData("text")))
    assert items.get_item(window.db, a.id).kind == "text"
    assert count_shown(window) == tasks_counted(window, tasks - 1)


def test_rows_a_change_takes_out_of_the_filter_leave_the_line(
    window: MainWindow, qtbot: QtBot
) -> None:
    choose(qtbot, window.filter_bar.unit_filter, "Công an xã")
    a, c = [n for n in window.model.tree.tasks()
            if window.model.is_shown(n.id) and n.lead_unit_name == "Công an xã"][:2]  # fmt: skip
    click_item(qtbot, window, a.id)
    click_with(qtbot, window, c.id, Qt.KeyboardModifier.ControlModifier)
    assert window.batch.bar.isVisible()

    def to_the_youth_union(dialog: BatchEditDialog) -> None:
        pick(qtbot, dialog, dialog.lead, "Đoàn Thanh niên")
        pick(qtbot, dialog, dialog.coordinator_mode,
             dialog.tr("Replace them with the units ticked"))  # fmt: skip
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)

    when_modal(BatchEditDialog, to_the_youth_union)
    window.act_change_selected.trigger()
    dialog_closed(qtbot, window)
    assert not window.model.is_shown(a.id) and not window.model.is_shown(c.id)
    assert window.batch.selected_ids() == [] and not window.batch.bar.isVisible()
    assert not window.act_change_selected.isEnabled()
    # The tree given the focus back makes its first row current (Qt's way): the form
    # shows that row, never one of the items gone from view.
    node = window.current_node()
    assert node is None or window.form.title.toPlainText() == node.title
    assert node is None or window.model.is_shown(node.id)
    # Delete there, with nothing selected, says why it does nothing.
    before = items.plan_tree(window.db, 1)
    press(window.tree, Qt.Key.Key_Delete)
    assert items.plan_tree(window.db, 1) == before
    assert window.statusBar().currentMessage() == batch_text(
        "Nothing is selected in the plan tree: click an item first.", -1
    )


def test_rows_a_filter_keeps_stay_selected_together(window: MainWindow, qtbot: QtBot) -> None:
    """Selected rows the filter still shows stay selected (the filter used to keep only
    the current one); those it hides are let go."""
    police = [n.id for n in window.model.tree.tasks() if n.lead_unit_name == "Công an xã"]
    other = titled(window, "Tăng cường ứng dụng phần mềm").id  # led by UBND xã
    click_item(qtbot, window, police[0])
    click_with(qtbot, window, police[1], Qt.KeyboardModifier.ControlModifier)
    click_with(qtbot, window, other, Qt.KeyboardModifier.ControlModifier)
    assert len(window.batch.selected_ids()) == 3
    choose(qtbot, window.filter_bar.unit_filter, "Công an xã")
    assert sorted(window.batch.selected_ids()) == sorted(police[:2])
    assert window.batch.bar.isVisible()
    assert bar_names(window) == form_names(window)
