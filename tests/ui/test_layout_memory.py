"""The window opens as the user left it: the split between the tree and the form, the
tree's column widths and the form's own split come back at the next start; a first
start fills the screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dienchau_desktop import app
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.tree_model import PlanTreeModel
from tests.conftest import make_sample_file


def opened(qtbot: QtBot, path: Path) -> MainWindow:
    window = app.build_window(path, create=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_layout_left_comes_back_at_the_next_start(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_sample_file(tmp_path)
    first = opened(qtbot, path)
    assert first.isMaximized()  # a first start: the whole screen
    assert first.splitter.sizes()[1] >= 560  # the form has its room
    first.splitter.setSizes([900, 466])
    first.tree.setColumnWidth(PlanTreeModel.LEAD, 210)
    split = first.form.split.sizes()
    first.form.split.setSizes([split[0] + 40, split[1] - 40])
    QApplication.processEvents()
    kept = (first.splitter.sizes(), first.tree.columnWidth(PlanTreeModel.LEAD),
            first.form.split.sizes())  # fmt: skip
    assert first.close()
    first.db.close()

    again = opened(qtbot, path)
    QApplication.processEvents()
    assert again.isMaximized()
    assert again.splitter.sizes() == kept[0]
    assert again.tree.columnWidth(PlanTreeModel.LEAD) == kept[1] == 210
    assert again.form.split.sizes() == kept[2]
    again.close()
    again.db.close()
