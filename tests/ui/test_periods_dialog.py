"""The periods dialog opened from the menu: the usual periods for the year the plan is
carried out, and a period made by mistake deleted by click or key, and undone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from dienchau_desktop.services import periods, plans, progress
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.periods_dialog import PeriodsDialog
from dienchau_desktop.ui.plan_review import PlanReviewDialog
from tests.services.test_period_year_and_deletion import DECEMBER_PLAN
from tests.ui.conftest import answer_file_dialogs, click_row, press, wheel_over
from tests.ui.driving import press_button, when_modal


def with_periods_dialog(window: MainWindow, qtbot: QtBot,
                        steps: Callable[[PeriodsDialog], None]) -> None:  # fmt: skip
    """Open Kế hoạch → Kỳ báo cáo… from its menu entry, run `steps` in the dialog as it
    waits for the user, then close it with its Close button."""
    failures: list[BaseException] = []

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, PeriodsDialog), dialog
            steps(dialog)
            press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Close)
            assert not dialog.isVisible()
        except BaseException as error:  # reported after exec() returns
            failures.append(error)
            if dialog is not None:
                dialog.reject()

    QTimer.singleShot(0, in_dialog)
    window.act_periods.trigger()
    if failures:
        raise failures[0]


def row_of(dialog: PeriodsDialog, label: str) -> int:
    return next(
        r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == label
    )


def labels(window: MainWindow) -> list[str]:
    return [p.label for p in periods.list_periods(window.db, window.plan_id)]


def test_an_empty_period_is_deleted_by_click_and_undone(window: MainWindow, qtbot: QtBot) -> None:
    assert labels(window) == ["6 tháng đầu năm 2026", "Năm 2026"]
    year = periods.list_periods(window.db, window.plan_id)[1]

    def steps(dialog: PeriodsDialog) -> None:
        assert dialog.year.value() == 2026
        table = dialog.table
        click_row(qtbot, table, table.model().index(row_of(dialog, "Năm 2026"), 0))
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
        assert labels(window) == ["6 tháng đầu năm 2026"]
        assert table.rowCount() == 1
        assert dialog.note.isVisible() and "Năm 2026" in dialog.note.text()
        # The window's progress panel no longer offers it.
        assert window.form.progress.period.findText("Năm 2026") < 0
        # Ctrl+Z in the dialog brings it back, with its id.
        press(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert labels(window) == ["6 tháng đầu năm 2026", "Năm 2026"]
        assert table.rowCount() == 2
        assert periods.list_periods(window.db, window.plan_id)[1] == year

        # The Delete key on the clicked row does the same; undone from the window below.
        click_row(qtbot, table, table.model().index(row_of(dialog, "Năm 2026"), 0))
        press(table, Qt.Key.Key_Delete)
        assert labels(window) == ["6 tháng đầu năm 2026"]

    with_periods_dialog(window, qtbot, steps)
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()
    assert labels(window) == ["6 tháng đầu năm 2026", "Năm 2026"]
    assert window.form.progress.period.findText("Năm 2026") >= 0


def test_a_period_with_entries_is_refused_with_the_reason(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    half = periods.list_periods(window.db, window.plan_id)[0]
    for task in window.model.tree.tasks()[:3]:
        progress.record_progress(window.db, task.id, half.id, status="in_progress", percent=10)
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_a: said.append(text)
    )

    def steps(dialog: PeriodsDialog) -> None:
        table = dialog.table
        click_row(qtbot, table, table.model().index(row_of(dialog, half.label), 0))
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
        assert len(said) == 1 and "đã có 3 mục tiến độ" in said[0]
        assert table.rowCount() == 2

    with_periods_dialog(window, qtbot, steps)
    assert labels(window) == ["6 tháng đầu năm 2026", "Năm 2026"]
    assert not window.act_undo.isEnabled()  # nothing happened, nothing to undo


def test_the_usual_periods_of_an_imported_plan_are_for_its_year(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A plan issued on 20/12/2025 "… năm 2026": its usual periods are those of 2026."""
    source = tmp_path / "ke-hoach-2026.txt"
    source.write_text(DECEMBER_PLAN, encoding="utf-8")
    answer_file_dialogs(monkeypatch, source)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    when_modal(
        PlanReviewDialog, lambda d: qtbot.mouseClick(d.add_button, Qt.MouseButton.LeftButton)
    )
    before = {p.id for p in plans.list_plans(window.db)}
    window.act_import_plan.trigger()
    QApplication.processEvents()
    [new] = [p for p in plans.list_plans(window.db) if p.id not in before]
    assert window.plan_id == new.id and new.year == 2026
    assert labels(window) == []

    def steps(dialog: PeriodsDialog) -> None:
        assert dialog.year.value() == 2026
        qtbot.mouseClick(dialog.usual_button, Qt.MouseButton.LeftButton)
        assert dialog.table.rowCount() == 2

    with_periods_dialog(window, qtbot, steps)
    assert labels(window) == ["6 tháng đầu năm 2026", "Năm 2026"]


def test_the_wheel_leaves_the_year_alone_until_she_clicks_into_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The dialog opens with the year box focused; the wheel over it changes nothing
    (it would have made the usual periods for 2028) until she clicks into it."""
    seen: list[int] = []

    def steps(dialog: PeriodsDialog) -> None:
        qtbot.waitUntil(dialog.year.hasFocus)
        wheel_over(dialog.year, 1)
        wheel_over(dialog.year, 1)
        seen.append(dialog.year.value())
        qtbot.mouseClick(dialog.year, Qt.MouseButton.LeftButton)
        wheel_over(dialog.year, 1)
        seen.append(dialog.year.value())

    with_periods_dialog(window, qtbot, steps)
    assert seen == [2026, 2027]
