"""The window's tabs: a change inside the form repaints what changed, not the whole
window; the tab bar and page are still placed again when they must be."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.quiet_tabs import QuietTabs
from tests.ui.conftest import click_item, press, type_text
from tests.ui.test_editing import node_titled


class PaintCount(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_choosing_a_row_does_not_repaint_the_filter_bar(window: MainWindow, qtbot: QtBot) -> None:
    first = node_titled(window, "Chú trọng đào tạo")
    click_item(qtbot, window, first.id)
    QApplication.processEvents()
    painted = PaintCount(window.filter_bar)
    other = node_titled(window, "Từng bước chuẩn hóa")
    click_item(qtbot, window, other.id)
    qtbot.wait(100)  # every layout request sent on up, every paint done
    assert window.form.title.toPlainText() == other.title  # the form did follow
    assert painted.count == 0


def _page(tabs: QTabWidget) -> tuple[QWidget, QLabel]:
    page = QWidget()
    label = QLabel("ngắn")
    column = QVBoxLayout(page)
    column.addWidget(label)
    column.addWidget(QWidget(), 1)
    tabs.addTab(page, "Kế hoạch")
    tabs.addTab(QWidget(), "Tổng quan")
    return page, label


def placed(page: QWidget, tabs: QTabWidget) -> QRect:
    return QRect(page.mapTo(tabs, QPoint(0, 0)), page.size())


def test_the_page_is_placed_again_when_the_tab_bar_grows(qtbot: QtBot) -> None:
    """The tab bar's font made larger: the page moves down as under Qt's own tab widget."""
    places = []
    for tabs in (QTabWidget(), QuietTabs()):
        qtbot.addWidget(tabs)
        page, label = _page(tabs)
        tabs.resize(QSize(600, 400))
        tabs.show()
        qtbot.waitExposed(tabs)
        before = placed(page, tabs)
        label.setText("một dòng chữ dài hơn nhiều so với trước")
        QApplication.processEvents()
        font = tabs.tabBar().font()
        font.setPointSizeF(font.pointSizeF() * 2)
        tabs.tabBar().setFont(font)
        QApplication.processEvents()
        places.append((before, placed(page, tabs), tabs.tabBar().geometry()))
    assert places[0] == places[1]
    assert places[1][1] != places[1][0]  # the page did move for the taller bar


def _screen_is_fresh(window: MainWindow) -> None:
    """What the window shows (Qt's backing store) is what a full paint shows: no part
    left unpainted after a change."""
    for _ in range(5):
        QApplication.processEvents()
    shown = window.screen().grabWindow(window.winId()).toImage()
    assert shown == window.grab().toImage()


def test_after_each_edit_the_window_shows_what_a_full_paint_shows(
    window: MainWindow, qtbot: QtBot, monkeypatch: MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    _screen_is_fresh(window)
    click_item(qtbot, window, node_titled(window, "Chú trọng đào tạo").id)
    _screen_is_fresh(window)
    window.act_add_task.trigger()
    editor = QApplication.focusWidget()
    type_text(editor, "Kiểm tra hồ sơ")
    press(editor, Qt.Key.Key_Return)
    _screen_is_fresh(window)
    window.act_delete.trigger()
    _screen_is_fresh(window)
    window.act_undo.trigger()
    _screen_is_fresh(window)
    window.act_down.trigger()
    _screen_is_fresh(window)
    window.tabs.tabBar().setTabText(0, "Kế hoạch của xã Diễn Châu năm 2026")
    _screen_is_fresh(window)
    window.tabs.setCurrentIndex(1)
    _screen_is_fresh(window)
