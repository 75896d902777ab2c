"""Báo cáo → Xuất báo cáo…: the dialog exports what was chosen and remembers it."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.pdf_preview import PdfPreview
from dienchau_desktop.ui.reports_dialog import ReportsDialog
from tests.ui.conftest import answer_file_dialogs
from tests.ui.driving import choose, close_message, open_tab, press_button, retype, tick, when_modal

OK, CANCEL = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
PROGRESS = "Báo cáo kết quả thực hiện theo kỳ"


def in_reports_dialog(window: MainWindow, steps: Callable[[ReportsDialog], None]) -> None:
    """Báo cáo → Xuất báo cáo…, with `steps` done in the dialog while it is open (they
    end by closing it)."""
    done: list[bool] = []

    def act(dialog: ReportsDialog) -> None:
        steps(dialog)
        done.append(True)

    when_modal(ReportsDialog, act)
    window.act_export.trigger()
    assert done, "the dialog did not open, or its steps failed"


def export_with_ok(qtbot: QtBot, dialog: ReportsDialog) -> None:
    """OK: the save dialog (answered by the test), then "Đã xuất báo cáo", closed (a
    progress report whose own parts are not all written: exported as it is first)."""
    when_modal(QMessageBox, close_notice)
    press_button(qtbot, dialog, OK)


def close_notice(box: QMessageBox) -> None:
    """ "Đã xuất báo cáo", closed; asked first whether to write the parts of a progress
    report left empty or as prefilled, "Export anyway" clicked, then the notice closed."""
    anyway = [b for b in box.buttons()
              if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole]  # fmt: skip
    if not anyway:
        close_message(box)
        return
    when_modal(QMessageBox, close_notice)
    QTest.mouseClick(anyway[0], Qt.MouseButton.LeftButton)


def test_appendix_with_chosen_columns(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                      monkeypatch) -> None:  # fmt: skip
    out = tmp_path / "phu-luc.xlsx"
    answer_file_dialogs(monkeypatch, out)
    written: list[Path | None] = []

    def export(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, "Phụ lục danh mục nhiệm vụ")
        choose(qtbot, dialog.format, "Excel (.xlsx)")
        # Keep STT, title and deadline, each ticked or unticked with a click on its box.
        columns = dialog.columns
        for row in range(columns.count()):
            entry = columns.item(row)
            keep = entry.data(Qt.ItemDataRole.UserRole) in {"stt", "title", "deadline"}
            tick(qtbot, columns, columns.indexFromItem(entry), keep)
        # Put the deadline second. She drags it there; a drag cannot be made on the
        # offscreen platform (QDrag ends at once), so the row is moved as the drop does.
        deadline_row = next(r for r in range(columns.count())
                            if columns.item(r).data(Qt.ItemDataRole.UserRole) == "deadline")  # fmt: skip
        columns.insertItem(1, columns.takeItem(deadline_row))
        export_with_ok(qtbot, dialog)
        written.append(dialog.output)

    in_reports_dialog(window, export)
    assert written == [out]
    sheet = load_workbook(out).active
    assert [sheet.cell(row=5, column=c).value for c in range(1, 4)] == [
        "STT",
        "Thời gian hoàn thành",
        "Nhiệm vụ",
    ]
    # Next time the dialog opens as it was left.
    seen: list[tuple] = []

    def look(again: ReportsDialog) -> None:
        checked = [again.columns.item(r).data(Qt.ItemDataRole.UserRole)
                   for r in range(again.columns.count())
                   if again.columns.item(r).checkState() == Qt.CheckState.Checked]  # fmt: skip
        seen.append((again.report.currentData(), again.format.currentData(), checked))
        press_button(qtbot, again, CANCEL)

    in_reports_dialog(window, look)
    [(report, fmt, checked)] = seen
    assert report == "appendix" and fmt == "xlsx"
    assert checked == ["stt", "deadline", "title"]


def test_progress_report_with_number_and_addressee(window: MainWindow, qtbot: QtBot,
                                                    tmp_path: Path, monkeypatch) -> None:  # fmt: skip
    out = tmp_path / "bao-cao.pdf"
    answer_file_dialogs(monkeypatch, out)

    def write(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, PROGRESS)
        assert dialog.tabs.isTabEnabled(dialog.header_tab)
        assert not dialog.columns.isVisibleTo(dialog)
        open_tab(qtbot, dialog.tabs, dialog.header_tab)
        retype(qtbot, dialog.number, "27")
        retype(qtbot, dialog.issuing_body, "ỦY BAN NHÂN DÂN\nXÃ DIỄN CHÂU MỚI")
        retype(qtbot, dialog.place, "Diễn Thịnh")
        retype(qtbot, dialog.report_date, "03/07/2026")
        retype(qtbot, dialog.addressee, "Ủy ban nhân dân tỉnh Nghệ An")
        retype(qtbot, dialog.signer_authority, "KT. CHỦ TỊCH")
        retype(qtbot, dialog.signer_title, "PHÓ CHỦ TỊCH")
        retype(qtbot, dialog.signer_name, "Trần Thị B")
        open_tab(qtbot, dialog.tabs, dialog.texts_tab)
        retype(qtbot, dialog.shortcomings, "Một số đơn vị báo cáo chậm.")
        retype(qtbot, dialog.proposals, "Đề nghị cấp trên hỗ trợ kinh phí.")
        export_with_ok(qtbot, dialog)

    in_reports_dialog(window, write)
    lines = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True,
                           text=True, check=True).stdout.splitlines()  # fmt: skip
    # The page numbers (a line of digits) fall wherever the pages break.
    text = " ".join(" ".join(line for line in lines if not line.strip().isdigit()).split())
    assert "Số: 27/BC-UBND" in text
    assert "Kính gửi: Ủy ban nhân dân tỉnh Nghệ An" in text
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text and "Trần Thị B" in text
    assert "XÃ DIỄN CHÂU MỚI" in text and "Diễn Thịnh, ngày 03 tháng 7 năm 2026" in text
    assert "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN Một số đơn vị báo cáo chậm." in text
    assert "V. ĐỀ XUẤT, KIẾN NGHỊ Đề nghị cấp trên hỗ trợ kinh phí." in text
    # The free texts belong to their period: another period starts empty, and coming
    # back (or opening the dialog again) shows them.
    seen: dict[str, str] = {}

    def look(again: ReportsDialog) -> None:
        choose(qtbot, again.report, PROGRESS)
        seen["shortcomings"] = again.shortcomings.toPlainText()
        seen["place"] = again.place.text()
        period = again.period
        first = period.currentText()
        other = period.itemText((period.currentIndex() + 1) % period.count())
        choose(qtbot, period, other)
        seen["other period"] = again.shortcomings.toPlainText()
        choose(qtbot, period, first)
        seen["proposals"] = again.proposals.toPlainText()
        press_button(qtbot, again, CANCEL)

    in_reports_dialog(window, look)
    assert seen == {
        "shortcomings": "Một số đơn vị báo cáo chậm.",
        "place": "Diễn Thịnh",
        "other period": "",
        "proposals": "Đề nghị cấp trên hỗ trợ kinh phí.",
    }


def test_header_tabs_only_for_the_progress_report(window: MainWindow, qtbot: QtBot) -> None:
    seen: list[tuple[str, bool, bool]] = []
    preview_enabled: list[bool] = []

    def look(dialog: ReportsDialog) -> None:
        for report in ("Phụ lục danh mục nhiệm vụ", "Nhiệm vụ quá hạn và đến hạn trong 7 ngày",
                       "Nhiệm vụ của một đơn vị", "Mẫu báo cáo gửi đơn vị (Excel)"):  # fmt: skip
            choose(qtbot, dialog.report, report)
            seen.append((report, dialog.tabs.isTabEnabled(dialog.header_tab),
                         dialog.tabs.isTabEnabled(dialog.texts_tab)))  # fmt: skip
        preview_enabled.append(dialog.preview_button.isEnabled())
        press_button(qtbot, dialog, CANCEL)

    in_reports_dialog(window, look)
    assert len(seen) == 4
    assert not any(header or texts for _report, header, texts in seen), seen
    assert preview_enabled == [False]  # the return form is Excel only


def test_preview_shows_the_pages_and_prints_them(window: MainWindow, tmp_path: Path,
                                                 monkeypatch, qtbot: QtBot) -> None:  # fmt: skip
    """Preview renders the report as it will print (PDF, even with Excel chosen); Print
    sends every page to the printer on A4 in the report's orientation."""
    printed = tmp_path / "printed.pdf"
    # The system's print dialog says OK; the printer it gives is a PDF file.
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    pages: list[int] = []

    def preview_and_print(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, "Phụ lục danh mục nhiệm vụ")
        choose(qtbot, dialog.format, "Excel (.xlsx)")
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        viewer = dialog.findChild(PdfPreview)
        assert viewer is not None and viewer.isVisible()
        pages.append(viewer.document.pageCount())
        assert viewer.view.document() is viewer.document
        printer = viewer.make_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        monkeypatch.setattr(viewer, "make_printer", lambda: printer)
        [print_button] = [b for b in viewer.findChildren(QPushButton) if b.text() == "In…"]
        qtbot.mouseClick(print_button, Qt.MouseButton.LeftButton)
        press_button(qtbot, viewer, QDialogButtonBox.StandardButton.Close)
        assert not viewer.isVisible()
        press_button(qtbot, dialog, CANCEL)

    in_reports_dialog(window, preview_and_print)
    [count] = pages
    assert count > 1
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1) == str(count)
    assert "(A4)" in info and "842 x 595" in info  # landscape, like the appendix
    # The printed pages carry the report's ink, not blank paper.
    subprocess.run(["pdftoppm", "-r", "20", "-gray", "-f", "1", "-l", "1", str(printed),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    image = QImage(str(next(tmp_path.glob("page*.pgm"))))
    dark = sum(1 for y in range(image.height()) for x in range(image.width())
               if QColor(image.pixel(x, y)).lightness() < 128)  # fmt: skip
    assert dark > 100


def test_return_form_is_excel_only(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                   monkeypatch) -> None:  # fmt: skip
    out = tmp_path / "mau.xlsx"
    answer_file_dialogs(monkeypatch, out)
    seen: list[tuple[str, bool]] = []

    def export(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, "Mẫu báo cáo gửi đơn vị (Excel)")
        seen.append((dialog.format.currentData(), dialog.format.isEnabled()))
        choose(qtbot, dialog.unit, "Công an xã")
        export_with_ok(qtbot, dialog)

    in_reports_dialog(window, export)
    assert seen == [("xlsx", False)]
    assert "_dienchau" in load_workbook(out).sheetnames


def test_the_reports_menu_opens_the_dialog(window: MainWindow, qtbot: QtBot) -> None:
    menu_action = window.menuBar().actions()[4]
    assert menu_action.text().replace("&", "") == "Báo cáo"
    assert window.act_export.text().replace("&", "") == "Xuất báo cáo…"
    assert window.act_export in menu_action.menu().actions()
    opened: list[int] = []

    def count(dialog: ReportsDialog) -> None:
        opened.append(dialog.report.count())
        press_button(qtbot, dialog, CANCEL)

    in_reports_dialog(window, count)
    assert opened == [5]
