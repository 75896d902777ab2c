"""Progress in the task form, the periods dialog, the overview page and the notice."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from dienchau_desktop.services import items, periods, progress
from dienchau_desktop.ui.change_bus import Change
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.periods_dialog import PeriodsDialog
from tests.ui.conftest import click_item, click_row
from tests.ui.driving import (
    choose,
    click_check_box,
    click_link,
    double_click_cell,
    leave_field,
    open_tab,
    press_button,
    retype,
    when_modal,
)


def task_titled(window: MainWindow, start: str) -> items.ItemNode:
    return next(n for n in window.model.tree.tasks() if n.title.startswith(start))


def record_click(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.form.progress.record_button, Qt.MouseButton.LeftButton)


def in_periods_dialog(window: MainWindow, qtbot: QtBot, steps) -> None:
    """Kế hoạch → Kỳ báo cáo…, `steps` done in the dialog, closed with its Close button."""
    done: list[bool] = []

    def act(dialog: PeriodsDialog) -> None:
        steps(dialog)
        done.append(True)
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Close)

    when_modal(PeriodsDialog, act)
    window.act_periods.trigger()
    assert done, "the periods dialog did not open, or its steps failed"


def test_enter_and_correct_progress_in_the_form(window: MainWindow, qtbot: QtBot) -> None:
    task = task_titled(window, "Chủ trì, phối hợp triển khai")
    click_item(qtbot, window, task.id)
    panel = window.form.progress
    assert panel.isVisibleTo(window)
    choose(qtbot, panel.period, "6 tháng đầu năm 2026")
    choose(qtbot, panel.status, "Đang thực hiện")
    retype(qtbot, panel.percent, "40")
    retype(qtbot, panel.result, "Đã rà soát 1.200 hồ sơ trên Cơ sở dữ liệu quốc gia về dân cư")
    record_click(qtbot, window)
    [entry] = progress.history(window.db, task.id)
    assert (entry.status, entry.percent) == ("in_progress", 40)
    assert entry.result_text.startswith("Đã rà soát 1.200 hồ sơ")
    assert panel.history.rowCount() == 1
    assert window.model.data(window.model.index_for_id(task.id, 5)) == "40"
    assert window.act_undo.text().replace("&", "") == "Hoàn tác: Ghi tiến độ"

    # A correction is a new entry; the old one stays in the history.
    choose(qtbot, panel.status, "Hoàn thành")
    assert panel.percent.value() == 100
    retype(qtbot, panel.completed_on, "05/05/2026")
    record_click(qtbot, window)
    history = progress.history(window.db, task.id)
    assert [e.status for e in history] == ["completed", "in_progress"]
    assert history[0].completed_on == date(2026, 5, 5)
    # The entry just recorded is the one highlighted in the history, as in the fields.
    assert panel.history.currentRow() == 0
    assert [i.row() for i in panel.history.selectionModel().selectedRows()] == [0]
    assert panel.history.rowCount() == 2
    assert window.model.data(window.model.index_for_id(task.id, 4)) == "Hoàn thành"

    window.act_undo.trigger()
    assert [e.status for e in progress.history(window.db, task.id)] == ["in_progress"]


def test_the_history_follows_the_cursor_from_task_to_task(window: MainWindow,
                                                          qtbot: QtBot) -> None:  # fmt: skip
    """Each task's history shows its own entries whole, whichever task was shown
    before: a coordinating unit's part in grey italics and marked, the others plain."""
    half, year = periods.list_periods(window.db, window.plan_id)[:2]
    first = task_titled(window, "Tổ chức quán triệt")
    second = task_titled(window, "Xác định rõ trách nhiệm")
    own, helped = progress.record_entries(window.db, [
        progress.NewEntry(first.id, half.id, "in_progress", 40, "Đã họp", reported_by="Văn phòng"),
        progress.NewEntry(first.id, year.id, "completed", 100, "Phần phối hợp", date(2026, 5, 2),
                          reported_by="Công an xã", source="import", contribution=True),
    ])  # fmt: skip
    [paused] = progress.record_entries(window.db, [progress.NewEntry(
        second.id, half.id, "paused", 10, "Chờ kinh phí", reported_by="Văn phòng")])  # fmt: skip
    imported = QCoreApplication.translate("ProgressPanel", " (imported)")
    coordinating = QCoreApplication.translate("ProgressPanel", " (coordinating)")
    part = QCoreApplication.translate(
        "ProgressPanel",
        "A coordinating unit's part: kept here, it does not change the task's state.",
    )
    history = window.form.progress.history

    def shown() -> list[tuple[str, ...]]:
        return [tuple(history.item(r, c).text() for c in range(6))
                for r in range(history.rowCount())]  # fmt: skip

    def italic() -> list[bool]:
        return [history.item(r, c).font().italic()
                for r in range(history.rowCount()) for c in range(6)]  # fmt: skip

    first_rows = [
        (year.label, f"{helped.recorded_at:%d/%m/%Y %H:%M}", "Hoàn thành (02/05/2026)"
         + coordinating, "100", "Phần phối hợp", "Công an xã" + imported + coordinating),
        (half.label, f"{own.recorded_at:%d/%m/%Y %H:%M}", "Đang thực hiện", "40", "Đã họp",
         "Văn phòng"),
    ]  # fmt: skip
    click_item(qtbot, window, second.id)  # from elsewhere (the window may start on the first)
    for _again in range(2):
        click_item(qtbot, window, first.id)
        assert shown() == first_rows
        assert italic() == [True] * 6 + [False] * 6
        assert history.item(0, 4).toolTip() == f"Phần phối hợp\n{part}"
        assert history.item(1, 4).toolTip() == "Đã họp"
        click_item(qtbot, window, second.id)
        assert shown() == [(half.label, f"{paused.recorded_at:%d/%m/%Y %H:%M}", "Tạm dừng",
                            "10", "Chờ kinh phí", "Văn phòng")]  # fmt: skip
        assert italic() == [False] * 6
        assert history.item(0, 4).toolTip() == "Chờ kinh phí"


def test_a_bad_entry_is_explained_and_not_stored(window: MainWindow, qtbot: QtBot) -> None:
    task = task_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    panel = window.form.progress
    choose(qtbot, panel.status, "Hoàn thành")
    retype(qtbot, panel.completed_on, "31/02/2026")
    record_click(qtbot, window)
    assert "không có thật" in panel.error.text()
    retype(qtbot, panel.completed_on, (date.today() + timedelta(days=30)).strftime("%d/%m/%Y"))
    record_click(qtbot, window)
    assert "chưa tới" in panel.error.text()
    assert progress.history(window.db, task.id) == []


def test_closed_period_is_read_only_in_the_form(window: MainWindow, qtbot: QtBot,
                                                monkeypatch) -> None:  # fmt: skip
    half = periods.list_periods(window.db, 1)[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)

    def close_the_first(dialog: PeriodsDialog) -> None:
        click_row(qtbot, dialog.table, dialog.table.model().index(0, 0))
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    in_periods_dialog(window, qtbot, close_the_first)
    assert periods.list_periods(window.db, 1)[0].is_closed
    click_item(qtbot, window, task_titled(window, "Tổ chức quán triệt").id)
    choose(qtbot, window.form.progress.period, f"{half.label} (đã khóa)")
    assert not window.form.progress.record_button.isEnabled()
    assert window.form.progress.closed_note.isVisibleTo(window)


def test_periods_dialog_creates_the_usual_periods_once(window: MainWindow, qtbot: QtBot) -> None:
    shown: list[int] = []

    def make_2027(dialog: PeriodsDialog) -> None:
        retype(qtbot, dialog.year, "2027")
        assert dialog.year.value() == 2027
        click_check_box(qtbot, dialog.quarterly)
        assert dialog.quarterly.isChecked()
        qtbot.mouseClick(dialog.usual_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.usual_button, Qt.MouseButton.LeftButton)
        shown.append(dialog.table.rowCount())

    in_periods_dialog(window, qtbot, make_2027)
    labels = [p.label for p in periods.list_periods(window.db, 1)]
    assert labels.count("Năm 2027") == 1
    assert "Quý IV năm 2027" in labels
    assert shown == [len(labels)] and len(labels) == 8
    assert window.form.progress.period.findText("Quý II năm 2027") >= 0


def test_overview_page_counts_and_opens_a_task(window: MainWindow, qtbot) -> None:
    half = periods.list_periods(window.db, 1)[0]
    done = task_titled(window, "Tổ chức quán triệt")
    progress.record_progress(
        window.db, done.id, half.id, status="completed", completed_on=date(2026, 3, 1)
    )
    window.bus.announce(Change("progress", window.plan_id, (done.id,)))  # as recording does
    window.act_overview.trigger()
    page = window.overview_page
    choose(qtbot, page.period, half.label)
    summary = {row[0]: row[1] for row in page.summary.model().rows}
    assert summary["Hoàn thành"] == 1
    assert summary["Đang thực hiện, trong hạn"] == 35
    # Percentages as she reads them: 35 of 36 is "97,2" (a walk found "91.7").
    model = page.summary.model()
    shown = {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    assert shown["Đang thực hiện, trong hạn"] == "97,2" and shown["Hoàn thành"] == "2,8"
    assert "6 tháng đầu năm 2026" in page.caption.text()
    units = {row[0]: row[1] for row in page.units.model().rows}
    assert units["Công an xã"] == 4
    assert len(page.chart.series()) == 1
    # The indicators list opens the task it names.
    open_tab(qtbot, page.lists, 4)
    double_click_cell(qtbot, page.indicators, page.indicators.model().index(0, 0))
    assert window.tabs.currentWidget() is window.splitter
    assert window.current_node().title.startswith("100% trường học")


def test_notice_for_overdue_work_without_a_dialog(window: MainWindow, qtbot: QtBot) -> None:
    task = task_titled(window, "Theo dõi, tổng hợp")
    click_item(qtbot, window, task.id)
    # Nothing due yet: the notice says so, in its place (taken with the tree; the
    # counts come with the progress, read after the first paint).
    assert window.notice.isVisibleTo(window)
    calm = "✓ Không có nhiệm vụ quá hạn hay đến hạn trong 7 ngày."
    qtbot.waitUntil(lambda: window.notice.text() == calm)
    tree_at = window.tree.mapTo(window, window.tree.rect().topLeft())
    retype(qtbot, window.form.deadline, "01/01/2026")
    leave_field()
    assert window.notice.isVisibleTo(window)
    assert window.notice.text().startswith("⚠ 1 nhiệm vụ quá hạn")
    # The tree did not move under her mouse (a walk's next click hit the row above).
    assert window.tree.mapTo(window, window.tree.rect().topLeft()) == tree_at
    assert click_link(qtbot, window.notice) == "overdue"  # "Xem danh sách"
    assert window.tabs.currentWidget() is window.overview_page
    assert window.overview_page.lists.currentIndex() == 2
    first = window.overview_page.overdue.model().index(0, 1)
    assert first.data().startswith("Theo dõi, tổng hợp")


def test_a_groups_percent_follows_the_weights(window: MainWindow, qtbot: QtBot) -> None:
    half = periods.list_periods(window.db, 1)[0]
    group = next(
        n for n in window.model.tree.sections() if n.title.startswith("Nâng cao nhận thức")
    )
    first, second, third = (window.model.tree.node(i) for i in group.child_ids)
    for task, percent in ((first, 100), (second, 0), (third, 50)):
        progress.record_progress(window.db, task.id, half.id, status="in_progress", percent=percent)
    window.bus.announce(Change("progress", window.plan_id, tuple(group.child_ids)))
    assert window.model.data(window.model.index_for_id(group.id, 5)) == "50"
    click_item(qtbot, window, first.id)
    retype(qtbot, window.form.weight, "3")
    leave_field()
    assert items.get_item(window.db, first.id).weight == 3.0
    # (100×3 + 0 + 50) / 5 = 70
    assert window.model.data(window.model.index_for_id(group.id, 5)) == "70"
    retype(qtbot, window.form.weight, "-1")
    leave_field()
    assert "không âm" in window.form.error_text("weight")


def test_a_long_reporter_shows_from_its_start(window: MainWindow, qtbot: QtBot) -> None:
    """Found by a walk: "Người báo cáo" prefilled from the latest entry showed the end
    of a long name ("áp - Hộ tịch Diễn Phúc"), its start cut off."""
    half = periods.list_periods(window.db, window.plan_id)[0]
    task = task_titled(window, "Tổ chức quán triệt")
    long_name = "Công chức Tư pháp - Hộ tịch xã Diễn Phúc, huyện Diễn Châu, tỉnh Nghệ An"
    progress.record_entries(window.db, [
        progress.NewEntry(task.id, half.id, "in_progress", 40, "Đã họp", reported_by=long_name),
    ])  # fmt: skip
    window.bus.announce(Change("progress", window.plan_id, (task.id,)))
    click_item(qtbot, window, task.id)
    field = window.form.progress.reported_by
    assert field.text() == long_name
    assert field.fontMetrics().horizontalAdvance(long_name) > field.width()  # cut somewhere
    assert field.cursorPosition() == 0
