"""What was reported shows in the tree (not "Recurring" for paused work), and the
completion date stays inside the period chosen, or the field says it does not."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dienchau_desktop.services import progress
from dienchau_desktop.ui import progress_panel
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.tree_model import PlanTreeModel
from tests.ui.conftest import click_item, press, type_text
from tests.ui.driving import click, leave_field, retype


class _November(date):
    """The day the panel believes it is: after the 6-month cut-off, in the annual period."""

    @classmethod
    def today(cls) -> date:
        return date(2026, 11, 28)


def status_cell(window: MainWindow, item_id: int) -> str:
    return window.model.data(window.model.index_for_id(item_id, PlanTreeModel.STATUS))


def choose(qtbot: QtBot, combo, typed: str) -> None:
    """Pick an entry of a drop-down as a person does with the keyboard: click it open,
    type the entry's start (after a pause, or the list reads it as the continuation of
    what was typed before), Enter."""
    click(qtbot, combo)
    qtbot.waitUntil(combo.view().isVisible)
    QTest.qWait(QApplication.keyboardInputInterval() + 50)
    focused = QApplication.focusWidget()
    assert focused is combo.view(), focused
    type_text(focused, typed)
    press(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    assert combo.currentText().startswith(typed), combo.currentText()


def test_the_tree_shows_each_state_as_entered(window: MainWindow, qtbot: QtBot) -> None:
    model = window.model
    recurring = [t for t in model.tree.tasks() if t.deadline_kind == "recurring"]
    # The Vietnamese labels of the status box, typed as the secretary would.
    wanted = {
        "Chưa": ("not_started", "Chưa thực hiện"),
        "Tạm": ("paused", "Tạm dừng"),
        "Không": ("cancelled", "Không thực hiện"),
        "Đang": ("in_progress", "Đang thực hiện"),
        "Hoàn": ("completed", "Hoàn thành"),
    }
    panel = window.form.progress
    for task, (typed, (status, source)) in zip(recurring, wanted.items(), strict=False):
        click_item(qtbot, window, task.id)
        choose(qtbot, panel.status, typed)
        assert panel.status.currentData() == status
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
        assert progress.history(window.db, task.id)[0].status == status
        # Not "Thường xuyên" (the deadline column says that): what was reported.
        assert status_cell(window, task.id) == source
        tooltip = model.data(model.index_for_id(task.id, 1), Qt.ItemDataRole.ToolTipRole)
        assert source in tooltip
    untouched = recurring[len(wanted)]
    assert status_cell(window, untouched.id) == "Chưa báo cáo"


def test_an_overdue_task_says_both(window: MainWindow, qtbot: QtBot) -> None:
    task = next(t for t in window.model.tree.tasks() if t.deadline_kind == "recurring")
    click_item(qtbot, window, task.id)
    form = window.form
    retype(qtbot, form.deadline, "01/01/2026")
    leave_field()
    assert window.model.tree.node(task.id).due_date == date(2026, 1, 1)
    choose(qtbot, form.progress.status, "Tạm")
    qtbot.mouseClick(form.progress.record_button, Qt.MouseButton.LeftButton)
    assert status_cell(window, task.id) == "Quá hạn · Tạm dừng"


def test_the_completion_date_stays_in_the_period_or_is_pointed_out(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress_panel, "date", _November)
    task = next(t for t in window.model.tree.tasks() if t.deadline_kind == "recurring")
    click_item(qtbot, window, task.id)
    panel = window.form.progress
    note = panel.date_note

    choose(qtbot, panel.period, "6 tháng")
    choose(qtbot, panel.status, "Hoàn")
    # Not today (28/11): the work reported for the 6-month period was done by its cut-off.
    assert panel.completed_on.text() == "14/06/2026"
    assert not note.isVisibleTo(window)
    # The program's default follows the period; the year's period holds today.
    choose(qtbot, panel.period, "Năm")
    assert panel.completed_on.text() == "28/11/2026"
    choose(qtbot, panel.period, "6 tháng")
    assert panel.completed_on.text() == "14/06/2026"

    # A date typed after the cut-off is said at the field, with the cut-off.
    retype(qtbot, panel.completed_on, "20/06/2026")
    assert note.isVisibleTo(window)
    assert "20/06/2026" in note.text() and "14/06/2026" in note.text()
    assert "6 tháng đầu năm 2026" in note.text()
    # …and the date typed by hand is kept when the period changes; in the year's period
    # it is inside, so the note goes.
    choose(qtbot, panel.period, "Năm")
    assert panel.completed_on.text() == "20/06/2026"
    assert not note.isVisibleTo(window)
    # Before the period began.
    retype(qtbot, panel.completed_on, "10/12/2025")
    assert note.isVisibleTo(window) and "15/12/2025" in note.text()
    retype(qtbot, panel.completed_on, "01/03/2026")
    assert not note.isVisibleTo(window)
    # Not completed: no date, nothing to say.
    choose(qtbot, panel.status, "Đang")
    assert panel.completed_on.text() == "" and not note.isVisibleTo(window)
