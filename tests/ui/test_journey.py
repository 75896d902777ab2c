"""A reporting cycle from the first start to the report, with mouse and keyboard only.

First start → import a .docx plan from the menu → set a deadline and a lead unit →
create the periods → record progress on 8 tasks, each selected by clicking it →
import a filled return form from the menu → export the 6-month report as PDF and
Excel from the dialog → close → reopen: every entry is on its own task.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from dienchau_desktop.app import build_window
from dienchau_desktop.services import items, periods, plans, progress
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.plan_review import PlanReviewDialog
from tests.importers.test_plan_document import write_docx
from tests.ui.conftest import answer_file_dialogs, click_item, press, type_text, unit_return
from tests.ui.driving import click, when_modal

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "ke-hoach-dien-chau-2026.txt"


def in_dialog(qtbot: QtBot, open_it: Callable[[], None], work: Callable[[QDialog], None]) -> None:
    """Open a modal dialog with `open_it` and do `work` in it while it is shown."""
    outcome: list[BaseException | None] = []

    def when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, when_shown)
            return
        try:
            work(dialog)
        except BaseException as error:  # reported below, outside the dialog's loop
            outcome.append(error)
            dialog.reject()
        else:
            outcome.append(None)

    QTimer.singleShot(0, when_shown)
    open_it()
    assert outcome, "the dialog never opened"
    if outcome[0] is not None:
        raise outcome[0]


def choose_by_keyboard(combo: QComboBox, wanted: Callable[[int], bool]) -> None:
    """Focus a combo box and press Down/Up until the wanted entry is shown."""
    combo.setFocus()
    target = next(i for i in range(combo.count()) if wanted(i))
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        press(combo, key)
    assert combo.currentIndex() == target


def back_to(window: MainWindow, qtbot: QtBot) -> None:
    """The main window active again after a dialog, as the desktop makes it (the
    offscreen platform leaves none active, and shortcuts go to the active window)."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def plan_docx(folder: Path) -> Path:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return write_docx(folder / "Kế hoạch 2026 (bản Word).docx",
                      [*lines[:-3], "\n".join(lines[-3:-1]), lines[-1]])  # fmt: skip


def leave_with_tab(widget: QWidget) -> None:
    press(QApplication.focusWidget() or widget, Qt.Key.Key_Tab)


def test_a_whole_reporting_cycle(window: MainWindow, qtbot: QtBot, monkeypatch,
                                 tmp_path: Path) -> None:  # fmt: skip
    data_file = window.db.path
    # 1. Import the plan from the Word file it came as, from the menu.
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    answer_file_dialogs(monkeypatch, plan_docx(tmp_path))
    when_modal(
        PlanReviewDialog, lambda d: qtbot.mouseClick(d.add_button, Qt.MouseButton.LeftButton)
    )
    window.act_import_plan.trigger()
    back_to(window, qtbot)  # after the review dialog
    plan_id = window.plan_id
    assert plan_id == 2 and len(window.model.tree.tasks()) == 36

    # 2. A deadline and a lead unit for the first task of II.1, typed into the form.
    tasks = window.model.tree.tasks()
    first = next(t for t in tasks if window.model.outline(t.id).startswith("II.1"))
    click_item(qtbot, window, first.id)
    qtbot.mouseClick(window.form.deadline, Qt.MouseButton.LeftButton)
    window.form.deadline.selectAll()
    type_text(window.form.deadline, "Quý III/2026")
    leave_with_tab(window.form.deadline)
    qtbot.mouseClick(window.form.lead.lineEdit(), Qt.MouseButton.LeftButton)
    press(window.form.lead, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(window.form.lead, "Công an xã")
    if QApplication.activePopupWidget() is not None:
        press(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    back_to(window, qtbot)
    leave_with_tab(window.form.lead)
    stored = items.get_item(window.db, first.id)
    assert (stored.deadline_text, stored.lead_unit_name) == ("Quý III/2026", "Công an xã")

    # 3. The usual periods, from Kế hoạch → Kỳ báo cáo…: those of 2026, the plan's year.
    def create_periods(dialog: QDialog) -> None:
        assert dialog.year.value() == 2026
        qtbot.mouseClick(dialog.usual_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    in_dialog(qtbot, window.act_periods.trigger, create_periods)
    labels = [p.label for p in periods.list_periods(window.db, plan_id)]
    assert labels == ["6 tháng đầu năm 2026", "Năm 2026"]

    # 4. Progress on 8 tasks of the 6-month period, each selected by a click.
    panel = window.form.progress
    recorded: dict[int, tuple[str, int, str]] = {}
    chosen = [t for t in tasks if t.id != first.id][:8]
    for n, task in enumerate(chosen):
        click_item(qtbot, window, task.id)
        choose_by_keyboard(panel.period, lambda i: panel.period.itemText(i).startswith("6 th"))
        done = n % 4 == 3
        wanted = "completed" if done else "in_progress"
        choose_by_keyboard(panel.status, lambda i, w=wanted: panel.status.itemData(i) == w)
        percent = 100 if done else 10 * (n + 1)
        if not done:
            qtbot.mouseClick(panel.percent, Qt.MouseButton.LeftButton)
            press(panel.percent, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            type_text(panel.percent, str(percent))
        result = f"Kết quả nhiệm vụ {window.model.outline(task.id)}: bước {n + 1}"
        type_text(panel.result, result)
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
        recorded[task.id] = (wanted, percent, result)
    for task_id, (status, percent, result) in recorded.items():
        [entry] = progress.history(window.db, task_id)
        assert (entry.status, entry.percent, entry.result_text) == (status, percent, result)
        if status == "completed":  # the default date: the period's cut-off, not today
            assert entry.completed_on.isoformat() == "2026-06-14"

    # 5. Công an xã's return, filled in and imported from the menu.
    form = tmp_path / "Báo cáo Công an xã.xlsx"
    returned = unit_return(window, plan_id, "Công an xã", form, {
        "Trạng thái": "Đang thực hiện", "% hoàn thành": 55,
        "Kết quả thực hiện": "Công an xã: đã làm sạch dữ liệu",
    })  # fmt: skip
    assert returned == first.id  # the task whose lead was typed above
    answer_file_dialogs(monkeypatch, form)

    def record_it(box: QDialog) -> None:
        assert isinstance(box, QMessageBox), box
        box.button(QMessageBox.StandardButton.Yes).click()

    in_dialog(qtbot, window.act_import_returns.trigger, record_it)
    [entry] = progress.history(window.db, returned)
    assert (entry.percent, entry.result_text) == (55, "Công an xã: đã làm sạch dữ liệu")
    recorded[returned] = ("in_progress", 55, "Công an xã: đã làm sạch dữ liệu")

    # 6. The 6-month report, as PDF and as Excel, from Báo cáo → Xuất báo cáo….
    outputs = export_progress_report(window, qtbot, monkeypatch, tmp_path)
    pdf_text = subprocess.run(["pdftotext", "-layout", str(outputs["pdf"]), "-"],
                              capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "6 tháng đầu năm 2026" in pdf_text
    assert "bước 1" in pdf_text.replace("\n", " ")
    sheets = load_workbook(outputs["xlsx"])
    cells = " ".join(str(c.value) for s in sheets.worksheets for r in s.iter_rows() for c in r
                     if c.value is not None)  # fmt: skip
    assert "Công an xã: đã làm sạch dữ liệu" in cells
    flat_pdf = " ".join(pdf_text.split())
    for words in PARTS_WRITTEN.values():  # her own parts, in both files
        assert words in flat_pdf and words in cells, words

    # 7. Close, and open again: every entry is still on its own task.
    window.act_quit.trigger()
    assert not window.isVisible()
    window.db.close()
    again = build_window(data_file, create=False)
    qtbot.addWidget(again)
    again.show()
    try:
        assert len(plans.list_plans(again.db)) == 2
        for task_id, (status, percent, result) in recorded.items():
            latest = progress.history(again.db, task_id)[0]
            assert (latest.status, latest.percent, latest.result_text) == (status, percent, result)
        # And the window shows it: the imported plan chosen, its first task clicked.
        choose_by_keyboard(again.plan_chooser,
                           lambda i: again.plan_chooser.itemData(i) == plan_id)  # fmt: skip
        click_item(qtbot, again, returned)
        history = again.form.progress.history
        assert history.rowCount() == 1
        assert history.item(0, 4).text() == "Công an xã: đã làm sạch dữ liệu"
    finally:
        again.db.close()


#: What she writes in the report's own parts when the export says they are not written.
PARTS_WRITTEN = {
    "direction": "UBND xã ban hành 3 văn bản chỉ đạo, tổ chức 2 cuộc họp giao ban.",
    "shortcomings": "Một số đơn vị báo cáo chậm.",
    "proposals": "Đề nghị huyện hỗ trợ kinh phí chuyển đổi số.",
}


def export_progress_report(window: MainWindow, qtbot: QtBot, monkeypatch,
                           folder: Path) -> dict[str, Path]:  # fmt: skip
    """Ctrl+E, the progress report of the 6-month period, OK, saved where proposed; once
    as PDF and once as Excel. Returns the files written, by format."""
    proposed: list[str] = []

    def save_as(_parent, _caption, suggested, *_args, **_kwargs):
        proposed.append(Path(suggested).name)
        return str(folder / Path(suggested).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    closed: list[str] = []

    def close_the_notice(box: QMessageBox) -> None:  # "Đã xuất báo cáo": Close
        closed.append(box.text())
        box.button(QMessageBox.StandardButton.Close).click()

    asked: list[str] = []

    def write_them_first(box: QMessageBox) -> None:  # "Còn phần chưa viết"
        asked.append(box.text())
        write = next(b for b in box.buttons() if b.text() == "Viết các phần này")
        write.click()

    written: dict[str, Path] = {}
    for fmt in ("pdf", "xlsx"):

        def export(dialog: QDialog, fmt: str = fmt) -> None:
            choose_by_keyboard(dialog.report, lambda i: dialog.report.itemData(i) == "progress")
            choose_by_keyboard(dialog.format, lambda i: dialog.format.itemData(i) == fmt)
            choose_by_keyboard(dialog.period,
                               lambda i: dialog.period.itemText(i).startswith("6 th"))  # fmt: skip
            ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            if fmt == "pdf":
                # Her own parts are not written yet: the dialog says so before anything
                # goes out, and «Viết các phần này» takes her to them.
                when_modal(QMessageBox, write_them_first)
                qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
                assert asked and "I. Công tác chỉ đạo" in asked[0], asked
                assert dialog.isVisible() and not list(folder.glob("*.pdf"))  # not sent yet
                for part, words in PARTS_WRITTEN.items():
                    if part != "direction":  # the first of them has the focus already
                        click(qtbot, dialog.text_boxes[part])
                    # The dialog's focus, which it gets back when the question goes.
                    assert dialog.focusWidget() is dialog.text_boxes[part]
                    type_text(dialog.focusWidget(), words)
            when_modal(QMessageBox, close_the_notice)
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

        back_to(window, qtbot)
        window.tree.setFocus()
        in_dialog(qtbot, lambda: press(window.tree, Qt.Key.Key_E,
                                       Qt.KeyboardModifier.ControlModifier), export)  # fmt: skip
        written[fmt] = folder / proposed[-1]
        assert written[fmt].is_file() and written[fmt].suffix == f".{fmt}"
    assert len(closed) == 2
    assert len(asked) == 1  # her parts, written once, are kept for the Excel export
    # The proposed names say which report and which period.
    assert all("6-thang" in name and "2026" in name for name in proposed), proposed
    return written
