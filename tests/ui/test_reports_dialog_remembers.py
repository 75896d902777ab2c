"""Báo cáo → Xuất báo cáo… driven as a person does (menu or Ctrl+E, clicks, typing): the
dialog reopens as it was left, each period keeps its own report, a typed date is the
one printed, and the file name proposed says which report and period it is."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from dienchau_desktop.core.deadline import format_date
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.reports_dialog import ReportsDialog
from tests.ui.driving import (
    choose,
    open_tab,
    press_button,
    type_into,
    when_modal,
)
from tests.ui.test_reports_dialog import close_notice

HALF = "6 tháng đầu năm 2026"
YEAR = "Năm 2026"


@pytest.fixture
def save_as(monkeypatch, tmp_path: Path) -> list[str]:
    """The save dialog, answered with the name it proposes, in a temporary folder;
    returns the names proposed."""
    proposed: list[str] = []

    def answer(parent, caption="", suggested="", *args, **kwargs):
        proposed.append(Path(suggested).name)
        return str(tmp_path / Path(suggested).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return proposed


def seen(dialog: ReportsDialog) -> dict[str, str]:
    return {
        "report": dialog.report.currentText(),
        "period": dialog.period.currentText(),
        "number": dialog.number.text(),
        "date": dialog.report_date.text(),
        "addressee": dialog.addressee.text(),
        "shortcomings": dialog.shortcomings.toPlainText(),
        "proposals": dialog.proposals.toPlainText(),
    }


def test_the_six_month_report_is_there_when_the_dialog_reopens(
    window: MainWindow, qtbot: QtBot, save_as: list[str], tmp_path: Path
) -> None:
    def write_report(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, "Báo cáo kết quả thực hiện theo kỳ")
        choose(qtbot, dialog.format, "PDF")
        choose(qtbot, dialog.period, HALF)
        open_tab(qtbot, dialog.tabs, dialog.header_tab)
        type_into(qtbot, dialog.number, "27")
        type_into(qtbot, dialog.report_date, "30/06/2026")  # right after the click
        type_into(qtbot, dialog.addressee, "Ủy ban nhân dân tỉnh Nghệ An")
        open_tab(qtbot, dialog.tabs, dialog.texts_tab)
        type_into(qtbot, dialog.shortcomings, "Một số đơn vị báo cáo chậm.")
        type_into(qtbot, dialog.proposals, "Đề nghị hỗ trợ kinh phí.")
        when_modal(QMessageBox, close_notice)
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    when_modal(ReportsDialog, write_report)
    window.act_export.trigger()

    assert save_as == ["bao-cao-6-thang-2026.pdf"]
    out = tmp_path / "bao-cao-6-thang-2026.pdf"
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())  # fmt: skip
    assert "Diễn Châu, ngày 30 tháng 6 năm 2026" in text
    assert "Số: 27/BC-UBND" in text
    assert "Một số đơn vị báo cáo chậm." in text and "Đề nghị hỗ trợ kinh phí." in text

    # Days later, Ctrl+E: the same report, period, number, date and texts.
    shown: list[dict[str, str]] = []

    def look(dialog: ReportsDialog) -> None:
        shown.append(seen(dialog))
        choose(qtbot, dialog.period, YEAR)  # another period has its own report…
        shown.append(seen(dialog))
        choose(qtbot, dialog.period, HALF)  # …and coming back shows this one again
        shown.append(seen(dialog))
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    when_modal(ReportsDialog, look)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(shown) == 3)
    written = {
        "report": "Báo cáo kết quả thực hiện theo kỳ",
        "period": HALF,
        "number": "27",
        "date": "30/06/2026",
        "addressee": "Ủy ban nhân dân tỉnh Nghệ An",
        "shortcomings": "Một số đơn vị báo cáo chậm.",
        "proposals": "Đề nghị hỗ trợ kinh phí.",
    }
    assert shown[0] == written
    assert shown[1] == written | {"period": YEAR, "number": "", "shortcomings": "",
                                  "proposals": "", "date": format_date(date.today())}  # fmt: skip
    assert shown[2] == written


def test_what_she_typed_stays_even_when_she_cancels(window: MainWindow, qtbot: QtBot) -> None:
    chosen: list[str] = []

    def start_writing(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, "Báo cáo kết quả thực hiện theo kỳ")
        # Not the period the dialog opens on (the one under way).
        other = HALF if dialog.period.currentText() != HALF else YEAR
        choose(qtbot, dialog.period, other)
        chosen.append(other)
        open_tab(qtbot, dialog.tabs, dialog.texts_tab)
        type_into(qtbot, dialog.shortcomings, "Chưa xong, viết tiếp ngày mai.")
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    when_modal(ReportsDialog, start_writing)
    window.act_export.trigger()

    shown: list[dict[str, str]] = []

    def look(dialog: ReportsDialog) -> None:
        shown.append(seen(dialog))
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    when_modal(ReportsDialog, look)
    window.act_export.trigger()
    assert shown[0]["period"] == chosen[0]
    assert shown[0]["shortcomings"] == "Chưa xong, viết tiếp ngày mai."
    # The date shown by default (today) was never hers: it is not kept as the report's.
    assert shown[0]["date"] == format_date(date.today())


def test_a_date_that_is_not_a_day_is_refused_at_the_field(
    window: MainWindow, qtbot: QtBot, save_as: list[str]
) -> None:
    seen_error: list[tuple[str, int, bool]] = []

    def mistype(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, "Báo cáo kết quả thực hiện theo kỳ")
        open_tab(qtbot, dialog.tabs, dialog.header_tab)
        type_into(qtbot, dialog.report_date, "31/02/2026")
        open_tab(qtbot, dialog.tabs, 0)
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
        seen_error.append((dialog.error.text(), dialog.tabs.currentIndex(),
                           dialog.report_date.hasFocus()))  # fmt: skip
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    when_modal(ReportsDialog, mistype)
    window.act_export.trigger()
    [(message, tab, focused)] = seen_error
    assert "không có thật" in message
    assert tab == 1 and focused  # shown where it is to be corrected
    assert save_as == []  # nothing was asked, nothing written


def test_each_report_proposes_its_own_file_name(
    window: MainWindow, qtbot: QtBot, save_as: list[str]
) -> None:
    def export(report: str, fmt: str, unit: str = "") -> Callable[[ReportsDialog], None]:
        def act(dialog: ReportsDialog) -> None:
            choose(qtbot, dialog.report, report)
            if dialog.format.isEnabled():
                choose(qtbot, dialog.format, fmt)
            if unit:
                choose(qtbot, dialog.unit, unit)
            if dialog.period.isVisible():
                choose(qtbot, dialog.period, HALF)
            when_modal(QMessageBox, close_notice)
            press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

        return act

    for report, fmt, unit in (
        ("Phụ lục danh mục nhiệm vụ", "Excel (.xlsx)", ""),
        ("Mẫu báo cáo gửi đơn vị (Excel)", "", "Công an xã"),
        ("Nhiệm vụ của một đơn vị", "PDF", "Công an xã"),
    ):
        when_modal(ReportsDialog, export(report, fmt, unit))
        window.act_export.trigger()
    assert save_as == [
        "phu-luc-nhiem-vu-ke-hoach-2026.xlsx",
        "mau-bao-cao-cong-an-xa-6-thang-2026.xlsx",
        "nhiem-vu-cong-an-xa.pdf",
    ]
