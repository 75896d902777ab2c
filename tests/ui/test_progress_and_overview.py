"""Progress in the task form, the periods dialog, the overview page and the notice."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QMessageBox

from dienchau_desktop.services import items, periods, progress
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.periods_dialog import PeriodsDialog
from tests.ui.driving import double_click_cell, open_tab


def task_titled(window: MainWindow, start: str) -> items.ItemNode:
    return next(n for n in window.model.tree.tasks() if n.title.startswith(start))


def choose_period(window: MainWindow, label: str) -> None:
    panel = window.form.progress
    panel.period.setCurrentIndex(panel.period.findText(label))


def test_enter_and_correct_progress_in_the_form(window: MainWindow) -> None:
    task = task_titled(window, "Chủ trì, phối hợp triển khai")
    window.select_item(task.id)
    panel = window.form.progress
    assert panel.isVisibleTo(window)
    choose_period(window, "6 tháng đầu năm 2026")
    panel.status.setCurrentIndex(panel.status.findData("in_progress"))
    panel.percent.setValue(40)
    panel.result.setPlainText("Đã rà soát 1.200 hồ sơ trên Cơ sở dữ liệu quốc gia về dân cư")
    panel.record_button.click()
    [entry] = progress.history(window.db, task.id)
    assert (entry.status, entry.percent) == ("in_progress", 40)
    assert entry.result_text.startswith("Đã rà soát 1.200 hồ sơ")
    assert panel.history.rowCount() == 1
    assert window.model.data(window.model.index_for_id(task.id, 5)) == "40"
    assert window.act_undo.text().replace("&", "") == "Hoàn tác: Ghi tiến độ"

    # A correction is a new entry; the old one stays in the history.
    panel.status.setCurrentIndex(panel.status.findData("completed"))
    assert panel.percent.value() == 100
    panel.completed_on.setText("05/05/2026")
    panel.record_button.click()
    history = progress.history(window.db, task.id)
    assert [e.status for e in history] == ["completed", "in_progress"]
    assert history[0].completed_on == date(2026, 5, 5)
    assert panel.history.rowCount() == 2
    assert window.model.data(window.model.index_for_id(task.id, 4)) == "Hoàn thành"

    window.act_undo.trigger()
    assert [e.status for e in progress.history(window.db, task.id)] == ["in_progress"]


def test_a_bad_entry_is_explained_and_not_stored(window: MainWindow) -> None:
    task = task_titled(window, "Kịp thời tham mưu")
    window.select_item(task.id)
    panel = window.form.progress
    panel.status.setCurrentIndex(panel.status.findData("completed"))
    panel.completed_on.setText("31/02/2026")
    panel.record_button.click()
    assert "không có thật" in panel.error.text()
    panel.completed_on.setText((date.today() + timedelta(days=30)).strftime("%d/%m/%Y"))
    panel.record_button.click()
    assert "chưa tới" in panel.error.text()
    assert progress.history(window.db, task.id) == []


def test_closed_period_is_read_only_in_the_form(window: MainWindow, monkeypatch) -> None:
    half = periods.list_periods(window.db, 1)[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    dialog = PeriodsDialog(window.db, window.bus, window.undo_stack, 1, window, 2026)
    dialog.table.selectRow(0)
    dialog.toggle_closed()
    assert periods.list_periods(window.db, 1)[0].is_closed
    window.select_item(task_titled(window, "Tổ chức quán triệt").id)
    choose_period(window, f"{half.label} (đã khóa)")
    assert not window.form.progress.record_button.isEnabled()
    assert window.form.progress.closed_note.isVisibleTo(window)


def test_periods_dialog_creates_the_usual_periods_once(window: MainWindow) -> None:
    dialog = PeriodsDialog(window.db, window.bus, window.undo_stack, 1, window, 2027)
    dialog.quarterly.setChecked(True)
    dialog.create_usual()
    dialog.create_usual()
    labels = [p.label for p in periods.list_periods(window.db, 1)]
    assert labels.count("Năm 2027") == 1
    assert "Quý IV năm 2027" in labels
    assert dialog.table.rowCount() == len(labels) == 8
    assert window.form.progress.period.findText("Quý II năm 2027") >= 0


def test_overview_page_counts_and_opens_a_task(window: MainWindow, qtbot) -> None:
    half = periods.list_periods(window.db, 1)[0]
    done = task_titled(window, "Tổ chức quán triệt")
    progress.record_progress(
        window.db, done.id, half.id, status="completed", completed_on=date(2026, 3, 1)
    )
    window._overview_period = half.id
    window.show_overview()
    page = window.overview_page
    summary = {row[0]: row[1] for row in page.summary.model().rows}
    assert summary["Hoàn thành"] == 1
    assert summary["Đang thực hiện, trong hạn"] == 35
    assert "6 tháng đầu năm 2026" in page.caption.text()
    units = {row[0]: row[1] for row in page.units.model().rows}
    assert units["Công an xã"] == 4
    assert len(page.chart.series()) == 1
    # The indicators list opens the task it names.
    open_tab(qtbot, page.lists, 4)
    double_click_cell(qtbot, page.indicators, page.indicators.model().index(0, 0))
    assert window.tabs.currentWidget() is window.splitter
    assert window.current_node().title.startswith("100% trường học")


def test_notice_for_overdue_work_without_a_dialog(window: MainWindow) -> None:
    task = task_titled(window, "Theo dõi, tổng hợp")
    window.select_item(task.id)
    window.form.deadline.setText("01/01/2026")
    window.form.deadline.editingFinished.emit()
    assert window.notice.isVisibleTo(window)
    assert window.notice.text().startswith("⚠ 1 nhiệm vụ quá hạn")
    window.notice.linkActivated.emit("overdue")
    assert window.tabs.currentWidget() is window.overview_page
    assert window.overview_page.lists.currentIndex() == 2
    first = window.overview_page.overdue.model().index(0, 1)
    assert first.data().startswith("Theo dõi, tổng hợp")


def test_a_groups_percent_follows_the_weights(window: MainWindow) -> None:
    half = periods.list_periods(window.db, 1)[0]
    group = next(
        n for n in window.model.tree.sections() if n.title.startswith("Nâng cao nhận thức")
    )
    first, second, third = (window.model.tree.node(i) for i in group.child_ids)
    for task, percent in ((first, 100), (second, 0), (third, 50)):
        progress.record_progress(window.db, task.id, half.id, status="in_progress", percent=percent)
    window._reload_progress()
    assert window.model.data(window.model.index_for_id(group.id, 5)) == "50"
    window.select_item(first.id)
    window.form.weight.setText("3")
    window.form.weight.editingFinished.emit()
    assert items.get_item(window.db, first.id).weight == 3.0
    # (100×3 + 0 + 50) / 5 = 70
    assert window.model.data(window.model.index_for_id(group.id, 5)) == "70"
    window.form.weight.setText("-1")
    window.form.weight.editingFinished.emit()
    assert "không âm" in window.form.error_text("weight")
