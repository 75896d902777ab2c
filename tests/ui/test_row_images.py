"""The plan tree's rows drawn from kept pictures (ui.row_images) look exactly as Qt
paints them, whatever happened before: rows added, deleted, moved and renamed, rows
selected, the mouse over a row, the tree scrolled both ways, a section folded, the
window in the background. And the pictures are really used: a repaint asks Qt to paint
only the rows it must."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.plan_loading import PROGRESS_DELAY_MS
from dienchau_desktop.ui.plan_tree_view import PlanTreeView
from tests.ui.conftest import click_item, press, type_text
from tests.ui.test_editing import node_titled, stored
from tests.ui.test_first_day import record


def _repainted(window: MainWindow, pictures: bool) -> QImage:
    """The tree's rows as they are on screen, painted again from scratch (twice, so a
    picture made by the first paint is drawn by the second)."""
    window.tree.row_images.enabled = pictures
    viewport = window.tree.viewport()
    for _ in range(3):  # a scroll bar that comes with a wider column, its layout
        QApplication.processEvents()
    viewport.repaint()
    image = viewport.grab().toImage()
    window.tree.row_images.enabled = True
    return image


def _looks_as_qt_paints(window: MainWindow) -> None:
    ours = _repainted(window, pictures=True)
    assert ours == _repainted(window, pictures=False)


def test_rows_from_pictures_look_as_qt_paints_them_through_a_morning_of_edits(
    window: MainWindow, qtbot: QtBot, monkeypatch: MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    _looks_as_qt_paints(window)
    task = node_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    _looks_as_qt_paints(window)

    # A task added after it and named in place: the rows below move down a stripe.
    window.act_add_task.trigger()
    editor = QApplication.focusWidget()
    type_text(editor, "Kiểm tra việc cập nhật hồ sơ công việc")
    press(editor, Qt.Key.Key_Return)
    added = node_titled(window, "Kiểm tra việc cập nhật")
    assert stored(window, added.id).title == "Kiểm tra việc cập nhật hồ sơ công việc"
    _looks_as_qt_paints(window)

    # Moved down and up again, then deleted and the delete undone.
    window.act_down.trigger()
    _looks_as_qt_paints(window)
    window.act_up.trigger()
    window.act_delete.trigger()
    QApplication.processEvents()
    assert not window.model.is_shown(added.id)
    _looks_as_qt_paints(window)
    window.act_undo.trigger()
    QApplication.processEvents()
    assert window.model.is_shown(added.id)
    _looks_as_qt_paints(window)

    # Renamed with F2: its row shows the new title, not the picture of the old one.
    click_item(qtbot, window, task.id)
    before = _repainted(window, pictures=True)
    press(window.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    press(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, "Rà soát, đôn đốc việc triển khai Đề án 06")
    press(editor, Qt.Key.Key_Return)
    click_item(qtbot, window, added.id)  # the renamed row is no longer the current one
    after = _repainted(window, pictures=True)
    assert after != before
    assert after == _repainted(window, pictures=False)


def test_selection_hover_scrolling_folding_and_the_window_behind(
    window: MainWindow, qtbot: QtBot
) -> None:
    tree = window.tree
    first = node_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, first.id)
    for _ in range(3):
        press(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(tree.selectionModel().selectedRows()) == 4
    _looks_as_qt_paints(window)

    # The mouse resting over a row lower down.
    below = tree.visualRect(tree.indexAt(QPoint(40, tree.viewport().height() - 40)))
    QTest.mouseMove(tree.viewport(), below.center())
    QApplication.processEvents()
    _looks_as_qt_paints(window)

    tree.verticalScrollBar().setValue(tree.verticalScrollBar().maximum() // 2)
    _looks_as_qt_paints(window)
    tree.header().resizeSection(2, tree.columnWidth(2) + 900)  # wider than the window
    tree.horizontalScrollBar().setValue(tree.horizontalScrollBar().maximum() // 2)
    # Qt paints a strip of the viewport first (as after a scroll by a few pixels).
    viewport = tree.viewport()
    viewport.repaint(QRect(0, 0, viewport.width() // 3, viewport.height()))
    _looks_as_qt_paints(window)
    tree.horizontalScrollBar().setValue(0)

    # A group folded whose rows are odd in number: every row below it changes stripe.
    tree.verticalScrollBar().setValue(0)
    model = window.model
    group = next(
        n for n in model.tree.nodes
        if len(n.child_ids) % 2 == 1 and tree.visualRect(model.index_for_id(n.id)).y() > 0
        and tree.isExpanded(model.index_for_id(n.id))
        and not any(model.tree.node(k).child_ids for k in n.child_ids)
    )  # fmt: skip
    below = tree.visualRect(model.index_for_id(group.id)).bottom() + 1
    _looks_as_qt_paints(window)
    tree.collapse(model.index_for_id(group.id))
    assert tree.indexAt(QPoint(40, below)).internalId() != group.child_ids[0]
    _looks_as_qt_paints(window)
    tree.expand(model.index_for_id(group.id))
    _looks_as_qt_paints(window)

    # Another window in front: Qt paints the rows in the inactive colours.
    other = QMessageBox(QMessageBox.Icon.Information, "", "…")
    other.show()
    other.activateWindow()
    QApplication.processEvents()
    _looks_as_qt_paints(window)
    other.close()


def _rows_qt_paints(tree: PlanTreeView, monkeypatch: MonkeyPatch) -> list[int]:
    """The ids of the rows Qt paints from now on (not drawn from their pictures)."""
    painted: list[int] = []
    qt_draw_row = tree._qt_draw_row

    def counted(painter, option, index) -> None:
        painted.append(index.internalId())
        qt_draw_row(painter, option, index)

    monkeypatch.setattr(tree, "_qt_draw_row", counted)
    return painted


def test_a_repaint_paints_again_only_the_rows_qt_must(
    window: MainWindow, qtbot: QtBot, monkeypatch: MonkeyPatch
) -> None:
    tree = window.tree
    # The window has finished opening: the progress read after it shows changes every
    # row's look, and every row is painted again then, rightly.
    qtbot.wait(PROGRESS_DELAY_MS + 100)
    task = node_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    viewport = tree.viewport()
    QTest.mouseMove(window.form)  # the mouse away from the tree
    QApplication.processEvents()
    viewport.repaint()  # pictures made
    painted = _rows_qt_paints(tree, monkeypatch)
    viewport.repaint()
    shown = [
        n.id for n in window.model.tree.nodes
        if window.model.is_shown(n.id)
        and tree.visualRect(window.model.index_for_id(n.id)).intersects(viewport.rect())
    ]  # fmt: skip
    assert len(shown) > 20
    assert set(painted) == {task.id}  # the current (selected) row alone

    # The mouse over another row: some styles paint it lit, so Qt paints it too.
    rest = [i for i in shown if i != task.id]
    hovered = rest[len(rest) // 2]
    QTest.mouseMove(viewport, tree.visualRect(window.model.index_for_id(hovered)).center())
    QApplication.processEvents()
    painted.clear()
    viewport.repaint()
    assert set(painted) == {task.id, hovered}


def test_after_an_edit_only_rows_that_show_something_new_are_painted_again(
    window: MainWindow, qtbot: QtBot, monkeypatch: MonkeyPatch
) -> None:
    """A task renamed: its sections above show the same and are drawn from their
    pictures. Progress recorded on it: the sections' percent changes, so they are
    painted again, and show the new percent."""
    tree = window.tree
    qtbot.wait(PROGRESS_DELAY_MS + 100)
    task = node_titled(window, "Kịp thời tham mưu")
    above = [window.model.parent_id_of(task.id)]
    while window.model.parent_id_of(above[-1]) is not None:
        above.append(window.model.parent_id_of(above[-1]))
    click_item(qtbot, window, task.id)
    QTest.mouseMove(window.form)  # the mouse away from the tree
    tree.viewport().repaint()  # pictures made
    painted = _rows_qt_paints(tree, monkeypatch)
    press(tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    type_text(editor, "Kịp thời tham mưu, đề xuất")
    painted.clear()  # while the editor is open, Qt paints every row
    press(editor, Qt.Key.Key_Return)
    assert stored(window, task.id).title == "Kịp thời tham mưu, đề xuất"
    tree.viewport().repaint()
    assert set(painted) == {task.id}  # from the title saved on, its row alone
    _looks_as_qt_paints(window)

    percents = {i: window.model.look_of(i).texts[window.model.PERCENT] for i in above}
    painted.clear()
    record(qtbot, window, 60, "Đã tham mưu đủ các văn bản")
    QApplication.processEvents()
    tree.viewport().repaint()
    changed = {
        i for i in above if window.model.look_of(i).texts[window.model.PERCENT] != percents[i]
    }
    assert changed and changed <= set(painted)
    _looks_as_qt_paints(window)
