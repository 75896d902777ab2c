"""Tệp → Nhập báo cáo của đơn vị…, driven from the menu as she does: the files chosen
in the file dialog, the message box read and answered. Several returns at once, a
broken one named first and skipped, the tree showing what was imported, one undo step
per file; an untouched form says nothing new; a coordinator's return is history."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from dienchau_desktop.reports.return_form import export_return_form
from dienchau_desktop.reports.unit_sheet import find_unit
from dienchau_desktop.services import periods, progress
from dienchau_desktop.ui.main_window import MainWindow
from tests.ui.conftest import answer_file_dialogs, click_item
from tests.ui.driving import when_modal

HEADER = 5
STATUS, PERCENT, RESULT, DONE, INDICATOR = 6, 7, 8, 9, 10  # the form's open columns
YES, NO, CLOSE = (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
                  QMessageBox.StandardButton.Close)  # fmt: skip


def import_from_menu(window: MainWindow, qtbot: QtBot, monkeypatch, files: list[Path],
                     button: QMessageBox.StandardButton) -> dict[str, Any]:  # fmt: skip
    """Tệp → Nhập báo cáo của đơn vị…, `files` chosen, the box answered with `button`;
    returns what the box showed."""
    answer_file_dialogs(monkeypatch, *files)
    shown: dict[str, Any] = {}

    def read_and_answer(box: QMessageBox) -> None:
        view = box.findChild(QPlainTextEdit, "returns_list")
        shown.update(headline=box.text(), text=view.toPlainText(), visible=view.isVisible(),
                     width=view.width(), height=view.height(), details=box.detailedText(),
                     icon=box.icon())  # fmt: skip
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    when_modal(QMessageBox, read_and_answer)
    with qtbot.capture_exceptions() as errors:
        window.act_import_returns.trigger()
    assert errors == [], errors
    assert shown, "the message box never opened"
    # Readable where it is: no "Show details" to click, a box big enough for the list.
    assert shown["visible"] and shown["details"] == ""
    assert shown["width"] >= 500 and shown["height"] >= 150
    return shown


def filled_return(window: MainWindow, folder: Path, unit: str, percent: int) -> tuple[Path, int]:
    """A unit's return with its first task «Đang thực hiện», `percent`."""
    period = periods.list_periods(window.db, window.plan_id)[0]
    out = folder / f"{unit}.xlsx"
    export_return_form(window.db, window.plan_id, find_unit(window.db, unit), period.id, out)
    book = load_workbook(out)
    sheet = book.worksheets[0]
    sheet.cell(HEADER + 1, 6).value = "Đang thực hiện"
    sheet.cell(HEADER + 1, 7).value = percent
    book.save(out)
    return out, int(sheet.cell(HEADER + 1, 1).value)


def test_import_several_returns_then_undo(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                          monkeypatch) -> None:  # fmt: skip
    police, police_task = filled_return(window, tmp_path, "Công an xã", 40)
    culture, culture_task = filled_return(window, tmp_path, "Phòng Văn hoá - Xã hội", 70)
    broken = tmp_path / "truong-hoc.xlsx"
    broken.write_bytes(b"not excel")
    shown = import_from_menu(window, qtbot, monkeypatch, [police, culture, broken], YES)
    text = shown["text"]
    # The file that cannot be imported comes first, then what the others bring.
    assert text.index("truong-hoc.xlsx") < text.index("Công an xã.xlsx")
    assert "không phải tệp Excel" in text and "«Công an xã.xlsx» (Công an xã" in text
    assert "1 mới" in text
    assert "truong" not in shown["headline"] and shown["headline"].endswith("Ghi 2 mục tiến độ?")
    assert "1" in shown["headline"].splitlines()[0] and "3" in shown["headline"].splitlines()[0]
    percent_column = 5
    assert window.model.data(window.model.index_for_id(police_task, percent_column)) == "40"
    assert window.model.data(window.model.index_for_id(culture_task, percent_column)) == "70"
    assert window.undo_stack.undoText().endswith("Phòng Văn hoá - Xã hội.xlsx")
    assert list((window.db.path.parent / "backups").glob("*before-import*"))

    window.act_undo.trigger()  # Sửa → Hoàn tác: the second file's entries go, the first's stay
    assert progress.history(window.db, culture_task) == []
    assert len(progress.history(window.db, police_task)) == 1
    assert window.model.data(window.model.index_for_id(culture_task, percent_column)) != "70"


def test_the_same_return_chosen_twice_is_recorded_once(window: MainWindow, qtbot: QtBot,
                                                       tmp_path: Path, monkeypatch) -> None:  # fmt: skip
    police, task = filled_return(window, tmp_path, "Công an xã", 40)
    copy = tmp_path / "Công an xã (final_real).xlsx"
    copy.write_bytes(police.read_bytes())
    import_from_menu(window, qtbot, monkeypatch, [police, copy], YES)
    assert len(progress.history(window.db, task)) == 1


def test_an_untouched_form_says_nothing_new(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                            monkeypatch) -> None:  # fmt: skip
    """What was recorded (a completion date, an indicator value of 88) comes back in the
    form; sent back as it is, it is no error and writes nothing."""
    period = periods.list_periods(window.db, window.plan_id)[0]
    police = find_unit(window.db, "Công an xã")
    done, going = [t.id for t in window.model.tree.tasks() if t.lead_unit_id == police.id][:2]
    progress.record_progress(window.db, done, period.id, status="completed",
                             completed_on=date(2026, 3, 5), result_text="Xong",
                             indicator_actual=88)  # fmt: skip
    progress.record_progress(window.db, going, period.id, status="in_progress", percent=40,
                             indicator_actual=88)  # fmt: skip
    untouched = tmp_path / "cong-an-xa.xlsx"
    export_return_form(window.db, window.plan_id, police, period.id, untouched)
    shown = import_from_menu(window, qtbot, monkeypatch, [untouched], CLOSE)
    assert shown["headline"] == "Không có gì mới để ghi."
    assert shown["icon"] == QMessageBox.Icon.Information
    assert (
        shown["text"] == "«cong-an-xa.xlsx» (Công an xã, 6 tháng đầu năm 2026): 0 mới, "
        "2 như đã có, 5 để trống"
    )
    assert [len(progress.history(window.db, t)) for t in (done, going)] == [1, 1]
    assert progress.history(window.db, going)[0].indicator_actual == 88
    assert window.act_import_returns.text().replace("&", "") == "Nhập báo cáo của đơn vị…"


def test_errors_come_first_naming_file_row_and_column(window: MainWindow, qtbot: QtBot,
                                                      tmp_path: Path, monkeypatch) -> None:  # fmt: skip
    period = periods.list_periods(window.db, window.plan_id)[0]
    wrong = tmp_path / "cong-an-xa.xlsx"
    export_return_form(window.db, window.plan_id, find_unit(window.db, "Công an xã"),
                       period.id, wrong)  # fmt: skip
    book = load_workbook(wrong)
    sheet = book.worksheets[0]
    wrong_task = int(sheet.cell(HEADER + 1, 1).value)
    for column, value in ((STATUS, "Hoàn thành"), (PERCENT, 50), (DONE, "05/03/2026")):
        sheet.cell(HEADER + 1, column).value = value
    book.save(wrong)
    fine, fine_task = filled_return(window, tmp_path, "Phòng Văn hoá - Xã hội", 70)

    shown = import_from_menu(window, qtbot, monkeypatch, [fine, wrong], YES)
    first_line = shown["headline"].splitlines()[0]
    assert "Ghi" not in first_line and "1" in first_line  # the error is said first
    assert shown["icon"] == QMessageBox.Icon.Warning
    text = shown["text"]
    assert text.startswith(
        "Không nhập (không ghi gì từ các tệp này):\n"
        "Tệp «cong-an-xa.xlsx» có 1 chỗ sai, chưa nhập gì:\n"
        "Dòng 6: cột «% hoàn thành»: Nhiệm vụ «Hoàn thành» phải đạt 100%"
    )
    assert text.index("cong-an-xa.xlsx") < text.index("Phòng Văn hoá - Xã hội.xlsx")
    assert progress.history(window.db, wrong_task) == []  # nothing from the wrong file
    assert [e.percent for e in progress.history(window.db, fine_task)] == [70]


def test_a_coordinators_return_shows_as_its_contribution(window: MainWindow, qtbot: QtBot,
                                                         tmp_path: Path, monkeypatch) -> None:  # fmt: skip
    """Công an xã leads the task, Phòng Văn hoá - Xã hội coordinates it: both return
    their form at once; the lead's report is the task's state, the other's shows in the
    task's history, marked as a coordinating unit's."""
    lead, task = filled_return(window, tmp_path, "Công an xã", 40)
    period = periods.list_periods(window.db, window.plan_id)[0]
    helper = tmp_path / "van-hoa.xlsx"
    export_return_form(window.db, window.plan_id, find_unit(window.db, "Phòng Văn hoá - Xã hội"),
                       period.id, helper)  # fmt: skip
    book = load_workbook(helper)
    sheet = book.worksheets[0]
    row = next(r for r in range(HEADER + 1, sheet.max_row + 1)
               if sheet.cell(r, 1).value == str(task))  # fmt: skip
    assert sheet.cell(row, 4).value == "Phối hợp"
    for column, value in ((STATUS, "Hoàn thành"), (PERCENT, 100), (DONE, "10/03/2026"),
                          (RESULT, "Đã tuyên truyền 12 buổi")):  # fmt: skip
        sheet.cell(row, column).value = value
    book.save(helper)

    shown = import_from_menu(window, qtbot, monkeypatch, [lead, helper], YES)
    part = QCoreApplication.translate(
        "ReturnsImport",
        " (%1 of them a coordinating unit's part: kept in the history, not the task's state)",
    ).replace("%1", "1")
    assert "«van-hoa.xlsx» (Phòng Văn hoá - Xã hội, 6 tháng đầu năm 2026): 1 mới" in shown["text"]
    assert shown["text"].endswith(part) and part not in shown["text"].splitlines()[0]
    percent_column = 5
    assert window.model.data(window.model.index_for_id(task, percent_column)) == "40"
    click_item(qtbot, window, task)
    panel = window.form.progress
    assert (panel.status.currentText(), panel.percent.value()) == ("Đang thực hiện", 40)
    history = panel.history
    assert history.rowCount() == 2
    who = [history.item(r, 5).text() for r in range(2)]
    imported = QCoreApplication.translate("ProgressPanel", " (imported)")
    coordinating = QCoreApplication.translate("ProgressPanel", " (coordinating)")
    assert who == ["Phòng Văn hoá - Xã hội" + imported + coordinating, "Công an xã" + imported]
    assert history.item(0, 4).text() == "Đã tuyên truyền 12 buổi"
    assert history.item(0, 2).text() == "Hoàn thành (10/03/2026)" + coordinating
    assert history.item(0, 2).font().italic() and not history.item(1, 2).font().italic()


def test_a_return_imported_meanwhile_from_the_command_line_is_not_recorded_twice(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    """The window has read the return and asks her; meanwhile a scheduled task imports
    the same file. Her «Có» then finds its rows recorded and adds none."""
    from dienchau_desktop import cli

    police, task = filled_return(window, tmp_path, "Công an xã", 40)
    answer_file_dialogs(monkeypatch, police)

    def import_elsewhere_then_answer(box: QMessageBox) -> None:
        assert cli.main(["import-returns", "--db", str(window.db.path), str(police)]) == 0
        qtbot.mouseClick(box.button(YES), Qt.MouseButton.LeftButton)

    when_modal(QMessageBox, import_elsewhere_then_answer)
    window.act_import_returns.trigger()
    entries = [e for e in progress.history(window.db, task) if e.percent == 40]
    assert len(entries) == 1, entries
    assert "0 mục" in window.statusBar().currentMessage()
