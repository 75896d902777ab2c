"""Báo cáo → Xuất báo cáo…: the dialog exports what was chosen and remembers it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

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
    assert dialog.tabs.isTabEnabled(dialog.header_tab) and not dialog.columns.isVisibleTo(dialog)
    dialog.number.setText("27")
    dialog.issuing_body.setPlainText("ỦY BAN NHÂN DÂN\nXÃ DIỄN CHÂU MỚI")
    dialog.place.setText("Diễn Thịnh")
    dialog.report_date.setText("03/07/2026")
    dialog.shortcomings.setPlainText("Một số đơn vị báo cáo chậm.")
    dialog.proposals.setPlainText("Đề nghị cấp trên hỗ trợ kinh phí.")
    dialog.addressee.setText("Ủy ban nhân dân tỉnh Nghệ An")
    dialog.signer_authority.setText("KT. CHỦ TỊCH")
    dialog.signer_title.setText("PHÓ CHỦ TỊCH")
    dialog.signer_name.setText("Trần Thị B")
    dialog.accept()
    lines = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True,
                           text=True, check=True).stdout.splitlines()  # fmt: skip
    # The page numbers (a line of digits) fall wherever the pages break.
    text = " ".join(" ".join(line for line in lines if not line.strip().isdigit()).split())
    assert "Số: 27/BC-UBND" in text
    assert "Kính gửi: Ủy ban nhân dân tỉnh Nghệ An" in text
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text and "Trần Thị B" in text
    assert "XÃ DIỄN CHÂU MỚI" in text and "Diễn Thịnh, ngày 03 tháng 07 năm 2026" in text
    assert "III. TỒN TẠI, HẠN CHẾ Một số đơn vị báo cáo chậm." in text
    assert "V. ĐỀ XUẤT, KIẾN NGHỊ Đề nghị cấp trên hỗ trợ kinh phí." in text
    # The free texts belong to their period: another period starts empty, and coming
    # back (or opening the dialog again) shows them.
    again = ReportsDialog(window.db, window.plan_id, window.settings, window)
    again.report.setCurrentIndex(again.report.findData("progress"))
    assert again.shortcomings.toPlainText() == "Một số đơn vị báo cáo chậm."
    assert again.place.text() == "Diễn Thịnh"
    first = again.period.currentIndex()
    again.period.setCurrentIndex((first + 1) % again.period.count())
    assert again.shortcomings.toPlainText() == ""
    again.period.setCurrentIndex(first)
    assert again.proposals.toPlainText() == "Đề nghị cấp trên hỗ trợ kinh phí."


def test_header_tabs_only_for_the_progress_report(window: MainWindow, tmp_path: Path,
                                                  monkeypatch) -> None:  # fmt: skip
    dialog = dialog_saving_to(window, tmp_path / "x.pdf", monkeypatch)
    for report in ("appendix", "due", "unit", "return-form"):
        dialog.report.setCurrentIndex(dialog.report.findData(report))
        assert not dialog.tabs.isTabEnabled(dialog.header_tab)
        assert not dialog.tabs.isTabEnabled(dialog.texts_tab)
    assert not dialog.preview_button.isEnabled()  # the return form is Excel only


def test_preview_shows_the_pages_and_prints_them(window: MainWindow, tmp_path: Path,
                                                 monkeypatch, qtbot) -> None:  # fmt: skip
    """Preview renders the report as it will print (PDF, even with Excel chosen); Print
    sends every page to the printer on A4 in the report's orientation."""
    dialog = dialog_saving_to(window, tmp_path / "x.xlsx", monkeypatch)
    dialog.report.setCurrentIndex(dialog.report.findData("appendix"))
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    viewer = dialog.preview()
    assert viewer is not None and viewer.isVisible()
    pages = viewer.document.pageCount()
    assert pages > 1
    assert viewer.view.document() is viewer.document

    printed = tmp_path / "printed.pdf"
    printer = viewer.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(viewer, "make_printer", lambda: printer)
    viewer.print_document()
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1) == str(pages)
    assert "(A4)" in info and "842 x 595" in info  # landscape, like the appendix
    # The printed pages carry the report's ink, not blank paper.
    subprocess.run(["pdftoppm", "-r", "20", "-gray", "-f", "1", "-l", "1", str(printed),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    image = QImage(str(next(tmp_path.glob("page*.pgm"))))
    dark = sum(1 for y in range(image.height()) for x in range(image.width())
               if QColor(image.pixel(x, y)).lightness() < 128)  # fmt: skip
    assert dark > 100
    viewer.close()
    dialog.reject()


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
