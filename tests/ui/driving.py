"""Driving the window as a person does: answering the modal dialogs that open, choosing
from drop-downs and tabs with the mouse, clicking a field and typing into it."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import press, type_text


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
    """Open the drop-down with a click and click the entry (an editable box, one a name
    can be typed into, opens from its arrow)."""
    if combo.isEditable():
        qtbot.waitUntil(combo.isVisible)
        option = QStyleOptionComboBox()
        option.initFrom(combo)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, combo
        )
        qtbot.mouseClick(combo, Qt.MouseButton.LeftButton, pos=arrow.center())
    else:
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
    """The box's Close button, clicked with the mouse."""
    QTest.mouseClick(box.button(QMessageBox.StandardButton.Close), Qt.MouseButton.LeftButton)


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


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click the field, select what it holds (Ctrl+A) and type `text` over it; a line
    break in `text` is the Enter key."""
    click(qtbot, widget)
    focused = QApplication.focusWidget()
    assert focused is widget, focused
    press(focused, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    for n, line in enumerate(text.split("\n")):
        if n:
            press(focused, Qt.Key.Key_Return)
        type_text(focused, line)


def leave_field() -> None:
    """Tab out of the field being typed in (the form saves a field when it is left)."""
    focused = QApplication.focusWidget()
    assert focused is not None, "no field has the focus"
    press(focused, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not focused


def tick_box_at(view: QAbstractItemView, index: QModelIndex) -> QPoint:
    """Where the view draws a checkable row's tick box (the row scrolled into sight)."""
    assert index.isValid(), "no such row"
    view.scrollTo(index)
    QApplication.processEvents()
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.features = (QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
                       | QStyleOptionViewItem.ViewItemFeature.HasDisplay)  # fmt: skip
    option.text = str(index.data())
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    assert view.viewport().rect().contains(box), "the tick box is not on screen"
    return box.center()


def click_check(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    """Click the tick box of a checkable row, where the view draws it."""
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=tick_box_at(view, index))
    QApplication.processEvents()


def tick(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex, checked: bool) -> None:
    """Tick (or untick) a row's box with a click, if it is not so already."""
    wanted = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
    if Qt.CheckState(index.data(Qt.ItemDataRole.CheckStateRole)) != wanted:
        click_check(qtbot, view, index)
    assert Qt.CheckState(index.data(Qt.ItemDataRole.CheckStateRole)) == wanted


def click_check_box(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its box (its centre may lie past the end of its text)."""
    qtbot.waitUntil(box.isVisible)
    option = QStyleOptionButton()
    option.initFrom(box)
    option.text = box.text()
    mark = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=mark.center())


def click_link(qtbot: QtBot, label: QLabel) -> str:
    """Move the mouse over `label` until it points at a link, then click there; returns
    the link clicked."""
    hovered: list[str] = []

    def over(link: str) -> None:
        hovered.append(link)

    label.linkHovered.connect(over)
    try:
        for y in range(2, label.height() - 1, 3):
            for x in range(2, label.width() - 1, 3):
                move = QMouseEvent(
                    QMouseEvent.Type.MouseMove, QPointF(x, y),
                    QPointF(label.mapToGlobal(QPoint(x, y))), Qt.MouseButton.NoButton,
                    Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                )  # fmt: skip
                QApplication.sendEvent(label, move)
                if hovered and hovered[-1]:
                    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
                    return hovered[-1]
    finally:
        label.linkHovered.disconnect(over)
    raise AssertionError("no link under the mouse anywhere on the label")
