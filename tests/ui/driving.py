"""Driving the window as a person does: answering the modal dialogs that open, choosing
from drop-downs and tabs with the mouse, clicking a field and typing into it."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import type_text


def when_modal(kind: type, act: Callable, seconds: float = 20) -> None:
    """Once a modal dialog of `kind` is on top, answer it with `act` (as she would);
    a dialog that `act` fails on is closed, so the test fails instead of hanging."""
    deadline = time.monotonic() + seconds

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            try:
                act(widget)
            except BaseException:
                widget.close()
                raise
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)
        elif widget is not None:
            widget.close()

    QTimer.singleShot(0, poll)


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.waitUntil(widget.isVisible)
    QApplication.processEvents()  # a page just shown is laid out first
    target = widget.viewport() if hasattr(widget, "viewport") else widget
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Open the drop-down with a click and click the entry."""
    click(qtbot, combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # Qt ignores a too-quick release
    rect = view.visualRect(combo.model().index(combo.findText(text), 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == text


def open_tab(qtbot: QtBot, tabs: QTabWidget, index: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click the field, then type: the keys go wherever the focus is."""
    click(qtbot, widget)
    focused = QApplication.focusWidget()
    assert focused is widget
    type_text(focused, text)


def press_button(qtbot: QtBot, dialog: QWidget, which: QDialogButtonBox.StandardButton) -> None:
    button = dialog.findChild(QDialogButtonBox).button(which)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def close_message(box: QMessageBox) -> None:
    box.button(QMessageBox.StandardButton.Close).click()


def double_click_cell(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    """Double-click a cell on the view's viewport, where it is drawn."""
    assert index.isValid(), "no such cell"
    view.scrollTo(index)
    QApplication.processEvents()
    rect = view.visualRect(index)
    assert rect.isValid() and not rect.isEmpty(), "the cell is not on screen"
    point = QPoint(rect.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    QApplication.processEvents()
