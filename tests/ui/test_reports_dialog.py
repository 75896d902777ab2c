"""Báo cáo → Xuất báo cáo…: the dialog exports what was chosen and remembers it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.reports_dialog import ReportsDialog


def dialog_saving_to(window: MainWindow, out: Path, monkeypatch) -> ReportsDialog:
    monkeypatch.setattr(ReportsDialog, "choose_output", lambda self, request: out)
    monkeypatch.setattr(ReportsDialog, "offer_next_steps", lambda self, path: None)
    return ReportsDialog(window.db, window.plan_id, window.settings, window)


def test_appendix_with_chosen_columns(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "phu-luc.xlsx"
    dialog = dialog_saving_to(window, out, monkeypatch)
    dialog.report.setCurrentIndex(dialog.report.findData("appendix"))
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    # Keep STT, title and deadline; put the deadline second.
    for row in range(dialog.columns.count()):
        entry = dialog.columns.item(row)
        keep = entry.data(Qt.ItemDataRole.UserRole) in {"stt", "title", "deadline"}
        entry.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    deadline_row = next(r for r in range(dialog.columns.count())
                        if dialog.columns.item(r).data(Qt.ItemDataRole.UserRole) == "deadline")  # fmt: skip
    dialog.columns.insertItem(1, dialog.columns.takeItem(deadline_row))
    dialog.accept()
    assert dialog.output == out
    sheet = load_workbook(out).active
    assert [sheet.cell(row=5, column=c).value for c in range(1, 4)] == [
        "STT",
        "Thời gian hoàn thành",
        "Nhiệm vụ",
    ]
    # Next time the dialog opens as it was left.
    again = ReportsDialog(window.db, window.plan_id, window.settings, window)
    assert again.report.currentData() == "appendix" and again.format.currentData() == "xlsx"
    checked = [again.columns.item(r).data(Qt.ItemDataRole.UserRole)
               for r in range(again.columns.count())
               if again.columns.item(r).checkState() == Qt.CheckState.Checked]  # fmt: skip
    assert checked == ["stt", "deadline", "title"]


def test_progress_report_with_number_and_addressee(window: MainWindow, tmp_path: Path,
                                                    monkeypatch) -> None:  # fmt: skip
    out = tmp_path / "bao-cao.pdf"
    dialog = dialog_saving_to(window, out, monkeypatch)
    dialog.report.setCurrentIndex(dialog.report.findData("progress"))
    assert dialog.number.isVisibleTo(dialog) and not dialog.columns.isVisibleTo(dialog)
    dialog.number.setText("27")
    dialog.addressee.setText("Ủy ban nhân dân tỉnh Nghệ An")
    dialog.signer_authority.setText("KT. CHỦ TỊCH")
    dialog.signer_title.setText("PHÓ CHỦ TỊCH")
    dialog.signer_name.setText("Trần Thị B")
    dialog.accept()
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())  # fmt: skip
    assert "Số: 27/BC-UBND" in text
    assert "Kính gửi: Ủy ban nhân dân tỉnh Nghệ An" in text
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text and "Trần Thị B" in text


def test_return_form_is_excel_only(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "mau.xlsx"
    dialog = dialog_saving_to(window, out, monkeypatch)
    dialog.report.setCurrentIndex(dialog.report.findData("return-form"))
    assert dialog.format.currentData() == "xlsx" and not dialog.format.isEnabled()
    dialog.unit.setCurrentIndex(dialog.unit.findData("Công an xã"))
    dialog.accept()
    assert "_dienchau" in load_workbook(out).sheetnames


def test_the_reports_menu_opens_the_dialog(window: MainWindow, monkeypatch) -> None:
    menu_action = window.menuBar().actions()[4]
    assert menu_action.text().replace("&", "") == "Báo cáo"
    assert window.act_export.text().replace("&", "") == "Xuất báo cáo…"
    opened = []
    monkeypatch.setattr(ReportsDialog, "exec", lambda self: opened.append(self) or 0)
    window.act_export.trigger()
    assert opened and opened[0].report.count() == 5
