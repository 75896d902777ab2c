"""The tree's column header: left alone by edits of the rows, sized again when the
window is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.tree_model import PlanTreeModel
from tests.ui.conftest import click_item, press, type_text
from tests.ui.test_editing import node_titled
from tests.ui.test_quiet_tabs import PaintCount, _screen_is_fresh


def test_adding_deleting_and_undoing_leave_the_header_unpainted(
    window: MainWindow, qtbot: QtBot, monkeypatch: MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    click_item(qtbot, window, node_titled(window, "Chú trọng đào tạo").id)
    qtbot.wait(50)
    painted = PaintCount(window.tree.header().viewport())
    window.act_add_task.trigger()
    editor = QApplication.focusWidget()
    type_text(editor, "Kiểm tra hồ sơ")
    press(editor, Qt.Key.Key_Return)
    window.act_delete.trigger()
    window.act_undo.trigger()
    window.act_down.trigger()
    qtbot.wait(50)
    assert node_titled(window, "Kiểm tra hồ sơ")  # the rows did change
    assert painted.count == 0


def test_the_title_column_takes_the_room_the_window_gives(window: MainWindow, qtbot: QtBot) -> None:
    header = window.tree.header()

    def columns() -> tuple[int, int]:
        qtbot.wait(50)
        widths = [header.sectionSize(i) for i in range(header.count())]
        return sum(widths), header.sectionSize(PlanTreeModel.TITLE)

    total, title = columns()
    assert total == header.viewport().width()
    window.showNormal()
    window.resize(1000, 700)
    narrower_total, narrower_title = columns()
    assert narrower_total == header.viewport().width() < total
    assert title - narrower_title == total - narrower_total  # the title gave the room
    _screen_is_fresh(window)
    window.showMaximized()
    assert columns() == (total, title)
    _screen_is_fresh(window)
