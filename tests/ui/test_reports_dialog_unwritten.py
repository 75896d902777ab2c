"""Before the progress report goes out with parts I, III or V she never wrote (empty, or
part I still its prefilled skeleton), the reports dialog says which and offers to write
them or to export it as it is (#16). Driven as she would: OK, then a click on the
question's button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.reports_dialog import ReportsDialog
from tests.ui.conftest import answer_file_dialogs
from tests.ui.driving import choose, open_tab, press_button, retype, when_modal
from tests.ui.test_reports_dialog import OK, PROGRESS, close_notice, in_reports_dialog

PART_NAMES = {
    "direction": "I. Công tác chỉ đạo, điều hành",
    "shortcomings": "III. Tồn tại, hạn chế và nguyên nhân",
    "proposals": "V. Đề xuất, kiến nghị",
}


def answer(seen: dict[str, object], role: QMessageBox.ButtonRole, then=None):
    """The question read, then its button of `role` clicked (and `then` answers the
    next box)."""

    def act(box: QMessageBox) -> None:
        seen["question"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        (button,) = [b for b in box.buttons() if box.buttonRole(b) is role]
        if then is not None:
            when_modal(QMessageBox, then)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    return act


def test_write_them_opens_the_first_part_and_exports_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "bao-cao.pdf"
    asked = answer_file_dialogs(monkeypatch, out)
    seen: dict[str, object] = {}

    def export(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, PROGRESS)
        open_tab(qtbot, dialog.tabs, dialog.texts_tab)
        retype(qtbot, dialog.shortcomings, "Một số đơn vị báo cáo chậm.")
        open_tab(qtbot, dialog.tabs, dialog.header_tab)
        when_modal(QMessageBox, answer(seen, QMessageBox.ButtonRole.AcceptRole))
        press_button(qtbot, dialog, OK)
        # The desktop makes the dialog active again once the question closes; offscreen
        # does not: made so here.
        if QApplication.activeWindow() is not dialog:
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        seen["open"] = dialog.isVisible()
        seen["tab"] = dialog.tabs.currentIndex() == dialog.texts_tab
        seen["focus"] = QApplication.focusWidget() is dialog.direction
        # She writes part I and V where the cursor is, and exports: no question now.
        retype(qtbot, dialog.direction, "UBND xã đã ban hành 04 văn bản chỉ đạo.")
        retype(qtbot, dialog.proposals, "Đề nghị hỗ trợ kinh phí.")
        written: list[str] = []
        seen["written"] = written
        when_modal(QMessageBox, lambda box: (written.append(box.text()), close_notice(box)))
        press_button(qtbot, dialog, OK)

    in_reports_dialog(window, export)
    question = str(seen["question"])
    assert PART_NAMES["direction"] in question and PART_NAMES["proposals"] in question
    assert PART_NAMES["shortcomings"] not in question  # she wrote part III
    assert seen["open"] and seen["tab"] and seen["focus"]
    # Asked for the file once: after the parts were written, not before.
    assert len(asked) == 1 and out.is_file()
    assert len(seen["written"]) == 1  # type: ignore[arg-type]  # the notice alone


def test_export_anyway_makes_the_file_and_cancel_is_write_them(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "bao-cao.xlsx"
    answer_file_dialogs(monkeypatch, out)
    seen: dict[str, object] = {}
    escaped: dict[str, object] = {}

    def escape(box: QMessageBox) -> None:  # Esc: the safe answer, nothing exported
        escaped["question"] = box.text()
        QTest.keyClick(box, Qt.Key.Key_Escape)

    def export(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, PROGRESS)
        choose(qtbot, dialog.format, "Excel (.xlsx)")
        when_modal(QMessageBox, escape)
        press_button(qtbot, dialog, OK)
        escaped["open"] = dialog.isVisible() and not out.exists()
        if QApplication.activeWindow() is not dialog:  # as the desktop does (see above)
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        when_modal(QMessageBox, answer(seen, QMessageBox.ButtonRole.DestructiveRole,
                                       then=close_notice))  # fmt: skip
        press_button(qtbot, dialog, OK)

    in_reports_dialog(window, export)
    for name in PART_NAMES.values():  # the skeleton of part I counts as not written
        assert name in str(seen["question"]) and name in str(escaped["question"])
    assert escaped["open"]
    assert out.is_file()


def test_other_reports_are_not_asked_about(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                           monkeypatch) -> None:  # fmt: skip
    out = tmp_path / "phu-luc.pdf"
    answer_file_dialogs(monkeypatch, out)
    texts: list[str] = []

    def export(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, "Phụ lục danh mục nhiệm vụ")
        when_modal(QMessageBox, lambda box: (texts.append(box.text()), close_notice(box)))
        press_button(qtbot, dialog, OK)

    in_reports_dialog(window, export)
    assert out.is_file()
    assert len(texts) == 1  # the notice that it was exported, and no question before it
