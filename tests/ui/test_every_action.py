"""Every command of the real window's menus and toolbar runs from where she reaches it.

Each action is triggered as a click on it does (`QAction.trigger()`, which sends the
same `triggered(bool)` a click sends), with file dialogs answered by replacing
QFileDialog's static functions and every other dialog closed as soon as it opens. A
slot that takes the bool for an argument, or any other error, fails the test. So does a
combo or spin box, in the window or in a dialog or window an action opens, that would
take the mouse wheel without focus (not made from ui/wheel_guard's classes).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QColorDialog,
    QComboBox,
    QDialog,
    QErrorMessage,
    QFileDialog,
    QFontDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from dienchau_desktop.services import plans, progress
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.plan_review import PlanReviewDialog
from dienchau_desktop.ui.wheel_guard import GUARDED
from tests.ui.conftest import answer_file_dialogs, press, unit_return
from tests.ui.driving import when_modal

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "ke-hoach-dien-chau-2026.txt"


def reachable_actions(window: MainWindow) -> list[QAction]:
    """The actions of every menu (and submenu) and every toolbar, once each, in order."""
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator() and action not in found:
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    for bar in window.findChildren(QToolBar):
        for action in bar.actions():
            if not action.isSeparator() and action.text() and action not in found:
                found.append(action)
    return found


#: Qt's own dialogs keep Qt's wheel behaviour (see ui/wheel_guard).
QT_DIALOGS = (QColorDialog, QErrorMessage, QFileDialog, QFontDialog, QInputDialog, QMessageBox,
              QProgressDialog)  # fmt: skip


def unguarded_fields(widget: QWidget) -> list[str]:
    """The combo and spin boxes in `widget` that would take the wheel without focus."""
    if isinstance(widget, QT_DIALOGS):
        return []
    fields = widget.findChildren(QComboBox) + widget.findChildren(QAbstractSpinBox)
    return [f"{type(widget).__name__}: {type(f).__name__}" for f in fields
            if not isinstance(f, GUARDED)]  # fmt: skip


@pytest.fixture
def dialog_fields() -> dict[str, list[str]]:
    """For each dialog `closing_dialogs` closed (by class), its unguarded value fields."""
    return {}


@pytest.fixture
def closing_dialogs(monkeypatch: pytest.MonkeyPatch,
                    dialog_fields: dict[str, list[str]]) -> Iterator[list[str]]:  # fmt: skip
    """Close every modal dialog as soon as it is shown; answer message boxes «No»."""
    seen: list[str] = []

    def close_modal() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            seen.append(dialog.windowTitle())
            dialog_fields.setdefault(type(dialog).__name__, []).extend(unguarded_fields(dialog))
            dialog.reject()

    timer = QTimer()
    timer.timeout.connect(close_modal)
    timer.start(30)
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(
            QMessageBox, name,
            lambda _p, title, *_a, **_k: seen.append(title) or QMessageBox.StandardButton.No,
        )  # fmt: skip
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, _t: seen.append(title))
    yield seen
    timer.stop()


def test_every_menu_and_toolbar_action_runs(window: MainWindow, qtbot: QtBot, monkeypatch,
                                            closing_dialogs: list[str],
                                            dialog_fields: dict[str, list[str]]) -> None:  # fmt: skip
    answer_file_dialogs(monkeypatch)  # every file dialog cancelled
    actions = reachable_actions(window)
    names = [a.text().replace("&", "") for a in actions]
    # The commands of the first day are all there, in Vietnamese.
    for expected in ("Nhập kế hoạch từ văn bản…", "Nhập báo cáo của đơn vị…", "Thoát"):
        assert any(n.startswith(expected) for n in names), names
    quit_action = window.act_quit
    with qtbot.capture_exceptions() as errors:
        for action in actions:
            if action is quit_action or not action.isEnabled():
                continue
            action.trigger()
            QApplication.processEvents()
            window.show_plan_tab()
    assert errors == [], [f"{e[0].__name__}: {e[1]}" for e in errors]
    assert len(plans.list_plans(window.db)) == 1  # cancelled imports added nothing
    # Every combo and spin box the program made takes the wheel only once it has focus:
    # in the window (every page now built), in each dialog the actions opened, and in
    # the windows they left open (the PDF preview).
    assert {"SettingsDialog", "PlanDialog", "PeriodsDialog", "ReportsDialog",
            "BatchEditDialog", "UnitDraftsDialog"} <= dialog_fields.keys()  # fmt: skip
    others = [w for w in QApplication.topLevelWidgets() if w is not window and w.isVisible()]
    assert any(type(w).__name__ == "PdfPreview" for w in others)
    unguarded = [f for fields in dialog_fields.values() for f in fields]
    for top in (window, *others):
        unguarded += unguarded_fields(top)
    assert unguarded == []
    with qtbot.capture_exceptions() as errors:
        quit_action.trigger()
    assert errors == [] and not window.isVisible()


def test_both_imports_from_their_menu_entries(window: MainWindow, qtbot: QtBot, monkeypatch,
                                              tmp_path: Path) -> None:  # fmt: skip
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    answer_file_dialogs(monkeypatch, SEED)
    when_modal(
        PlanReviewDialog, lambda d: qtbot.mouseClick(d.add_button, Qt.MouseButton.LeftButton)
    )
    with qtbot.capture_exceptions() as errors:
        window.act_import_plan.trigger()
    assert errors == []
    # The desktop makes the window active again after the review dialog; offscreen does not.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.plan_id == 2 and len(plans.list_plans(window.db)) == 2
    assert window.model.rowCount() == 3  # the new plan's parts I, II, III

    # A unit's return for the sample plan, filled in, imported with Ctrl+I.
    chooser = window.plan_chooser
    chooser.setFocus()
    press(
        chooser, Qt.Key.Key_Down if chooser.findData(1) > chooser.currentIndex() else Qt.Key.Key_Up
    )
    assert window.plan_id == 1
    form = tmp_path / "cong-an-xa.xlsx"
    task_id = unit_return(window, 1, "Công an xã", form, {
        "Trạng thái": "Đang thực hiện", "% hoàn thành": 65,
        "Kết quả thực hiện": "Đã rà soát 900 hồ sơ", "Ngày hoàn thành (dd/mm/yyyy)": None,
    })  # fmt: skip
    answer_file_dialogs(monkeypatch, form)
    asked: list[str] = []

    def say_yes(box: QMessageBox) -> None:  # "Ghi … mục tiến độ?" answered Yes, as she would
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(QMessageBox, say_yes)
    window.tree.setFocus()
    with qtbot.capture_exceptions() as errors:
        press(window.tree, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(progress.history(window.db, task_id)), timeout=5000)
    assert errors == [] and asked
    [entry] = progress.history(window.db, task_id)
    assert (entry.status, entry.percent, entry.result_text) == (
        "in_progress",
        65,
        "Đã rà soát 900 hồ sơ",
    )
    assert entry.source == "import"
