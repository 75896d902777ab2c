"""The progress report's free texts in the reports dialog: part I starts from a skeleton
she edits; what she types in parts I and IV and the recipients is printed in the PDF and
kept in the data file with its period, for the next time and the command line."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dienchau_desktop.services import periods, report_texts
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.reports_dialog import ReportsDialog
from dienchau_desktop.ui.settings import ReportDraft
from tests.ui.conftest import answer_file_dialogs, press
from tests.ui.driving import choose, click, open_tab, press_button, retype
from tests.ui.test_reports_dialog import CANCEL, OK, PROGRESS, export_with_ok, in_reports_dialog

DIRECTION = "UBND xã đã ban hành 04 văn bản chỉ đạo và tổ chức 02 hội nghị triển khai."
NEXT = "Tập trung hoàn thành nhiệm vụ đột phá trước ngày 30/11/2026."


def pdf_words(path: Path) -> str:
    lines = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                           text=True, check=True).stdout.splitlines()  # fmt: skip
    return " ".join(" ".join(line for line in lines if not line.strip().isdigit()).split())


def test_typed_parts_print_and_stay_with_their_period(window: MainWindow, qtbot: QtBot,
                                                     tmp_path: Path, monkeypatch) -> None:  # fmt: skip
    out = tmp_path / "bao-cao.pdf"
    answer_file_dialogs(monkeypatch, out)
    seen: dict[str, object] = {}

    def write(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, PROGRESS)
        seen["period"] = dialog.period.currentData()
        open_tab(qtbot, dialog.tabs, dialog.texts_tab)
        # Part I opens on its skeleton, with blanks where the figures go.
        seen["skeleton"] = dialog.direction.toPlainText()
        retype(qtbot, dialog.direction, DIRECTION)
        retype(qtbot, dialog.next_text, NEXT)
        open_tab(qtbot, dialog.tabs, dialog.header_tab)
        retype(qtbot, dialog.addressee, "Ủy ban nhân dân tỉnh Nghệ An")
        retype(qtbot, dialog.recipients, "Như trên;\nSở Khoa học và Công nghệ;\nLưu: VT.")
        export_with_ok(qtbot, dialog)

    in_reports_dialog(window, write)
    assert str(seen["skeleton"]).startswith("Sau khi Kế hoạch số …/KH-UBND")
    assert "ban hành … văn bản" in str(seen["skeleton"])
    text = pdf_words(out)
    assert f"I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH {DIRECTION} II. KẾT QUẢ THỰC HIỆN" in text
    assert NEXT in text.split("IV. NHIỆM VỤ, GIẢI PHÁP KỲ TỚI")[1].split("V. ĐỀ XUẤT")[0]
    assert "Nơi nhận: - Như trên; - Sở Khoa học và Công nghệ; - Lưu: VT." in text
    assert "Sau khi Kế hoạch số" not in text  # her text replaced the skeleton

    # Kept in the data file with the period: the command line reads them there too.
    period_id = int(str(seen["period"]))
    saved = report_texts.report_texts(window.db, period_id)
    assert saved["direction"] == DIRECTION and saved["next_tasks"] == NEXT
    assert saved["recipients"] == "Như trên;\nSở Khoa học và Công nghệ;\nLưu: VT."

    # Opened again: her texts; another period: the skeleton, nothing of hers.
    again: dict[str, str] = {}

    def look(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, PROGRESS)
        again["direction"] = dialog.direction.toPlainText()
        again["next"] = dialog.next_text.toPlainText()
        other = next(p for p in periods.list_periods(window.db, 1) if p.id != period_id)
        choose(qtbot, dialog.period, other.label)
        again["other direction"] = dialog.direction.toPlainText()
        again["other next"] = dialog.next_text.toPlainText()
        press_button(qtbot, dialog, CANCEL)

    in_reports_dialog(window, look)
    assert again["direction"] == DIRECTION and again["next"] == NEXT
    assert again["other direction"] == seen["skeleton"] and again["other next"] == ""


def test_a_part_too_long_is_said_at_its_box_and_nothing_written(window: MainWindow, qtbot: QtBot,
                                                               tmp_path: Path, monkeypatch) -> None:  # fmt: skip
    out = tmp_path / "bao-cao.pdf"
    answer_file_dialogs(monkeypatch, out)
    seen: dict[str, object] = {}

    def write(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, PROGRESS)
        open_tab(qtbot, dialog.tabs, dialog.texts_tab)
        # A pasted document: 20,001 characters.
        QApplication.clipboard().setText("x" * 20_001)
        click(qtbot, dialog.proposals)
        press(dialog.proposals, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        open_tab(qtbot, dialog.tabs, dialog.header_tab)
        press_button(qtbot, dialog, OK)
        seen["error"] = dialog.error.text()
        seen["tab"] = dialog.tabs.currentIndex() == dialog.texts_tab
        seen["focus"] = QApplication.focusWidget() is dialog.proposals
        seen["open"] = dialog.isVisible()
        press_button(qtbot, dialog, CANCEL)

    in_reports_dialog(window, write)
    assert "«V. Đề xuất, kiến nghị» dài 20.001 ký tự" in str(seen["error"])
    assert seen["tab"] and seen["focus"] and seen["open"]
    assert not out.exists()


def test_texts_written_before_move_into_the_data_file(window: MainWindow, qtbot: QtBot) -> None:
    """Parts III and V written with an older version were kept in the settings only:
    the dialog shows them, and once closed the data file holds them (the command line
    reads them there)."""
    half = periods.list_periods(window.db, 1)[0]
    window.settings.set_report_draft(1, half, ReportDraft(shortcomings="Chậm báo cáo.",
                                                          proposals="Hỗ trợ kinh phí."))  # fmt: skip
    shown: dict[str, str] = {}

    def look(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, PROGRESS)
        choose(qtbot, dialog.period, half.label)
        shown["shortcomings"] = dialog.shortcomings.toPlainText()
        press_button(qtbot, dialog, CANCEL)

    in_reports_dialog(window, look)
    assert shown == {"shortcomings": "Chậm báo cáo."}
    # Part I's untouched skeleton and the default recipients are not saved.
    assert report_texts.report_texts(window.db, half.id) == {
        "shortcomings": "Chậm báo cáo.",
        "proposals": "Hỗ trợ kinh phí.",
    }
