"""Tệp → Nhập kế hoạch từ văn bản…: what was read is shown first (the review, tested in
test_plan_review); the new plan opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from dienchau_desktop.services import plans
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.plan_review import PlanReviewDialog
from tests.ui.conftest import answer_file_dialogs
from tests.ui.driving import press_button, when_modal

CANCEL = QDialogButtonBox.StandardButton.Cancel
SEED = Path(__file__).resolve().parent.parent / "fixtures" / "ke-hoach-dien-chau-2026.txt"


def test_import_a_plan_document(window: MainWindow, qtbot: QtBot, monkeypatch) -> None:
    shown: list[tuple[str, int]] = []

    def add(dialog: PlanReviewDialog) -> None:
        shown.append((dialog.counts_label.text(), dialog.tree.topLevelItemCount()))
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # «Thêm kế hoạch»

    answer_file_dialogs(monkeypatch, SEED)
    when_modal(PlanReviewDialog, add)
    window.act_import_plan.trigger()  # Tệp → Nhập kế hoạch từ văn bản…
    assert window.plan_id == 2
    counts = PlanReviewDialog.tr("%1 sections, %2 tasks, %3 paragraphs of text, %4 units.")
    # 7 units: "Phòng Văn hoá - Xã hội" and "Phòng Văn hóa - Xã hội" are one (the file
    # had always made one unit of them; the count said 8).
    assert shown == [(counts.replace("%1", "21").replace("%2", "36").replace("%3", "16")
                      .replace("%4", "7"), 3)]  # fmt: skip
    assert len(plans.list_plans(window.db)) == 2
    assert window.plan_chooser_action.isVisible() and window.plan_chooser.currentData() == 2
    assert window.model.rowCount() == 3  # parts I, II, III
    assert list((window.db.path.parent / "backups").glob("*before-import*"))


def test_saying_no_or_a_bad_file_adds_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                              monkeypatch) -> None:  # fmt: skip
    answer_file_dialogs(monkeypatch, SEED)
    when_modal(PlanReviewDialog, lambda d: press_button(qtbot, d, CANCEL))
    window.act_import_plan.trigger()
    assert len(plans.list_plans(window.db)) == 1
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: errors.append(text))
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a docx")
    answer_file_dialogs(monkeypatch, bad)
    window.act_import_plan.trigger()
    assert "không phải tệp Word" in errors[0]
    assert len(plans.list_plans(window.db)) == 1
    answer_file_dialogs(monkeypatch)  # the dialog cancelled: nothing asked, nothing added
    window.act_import_plan.trigger()
    assert len(errors) == 1 and len(plans.list_plans(window.db)) == 1


def test_an_appendix_kept_in_excel(window: MainWindow, qtbot: QtBot, monkeypatch) -> None:
    """The menu offers .xlsx too; a stand-alone appendix saved by LibreOffice Calc comes
    in with its groups and rows."""
    from PySide6.QtWidgets import QFileDialog

    sheet = Path(__file__).resolve().parent.parent / "importers" / "real_plans"
    sheet = sheet / "dak-nong-561-phu-luc.xlsx"
    filters: list[str] = []

    def choose(parent, caption="", folder="", file_filter="", *args, **kwargs):
        filters.append(file_filter)
        return str(sheet), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    seen: list[list[str]] = []

    def add(dialog: PlanReviewDialog) -> None:
        top = dialog.tree.topLevelItem(0)
        seen.append([top.text(2), top.child(0).text(2), top.child(0).text(3)])
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    when_modal(PlanReviewDialog, add)
    window.act_import_plan.trigger()
    assert "*.xlsx" in filters[0]
    assert seen == [["Về Nhận thức số", "Duy trì chuyên trang, chuyên mục riêng về chuyển đổi số "
                     "và bảo đảm tần suất phát sóng", "Cổng thông tin điện tử tỉnh"]]  # fmt: skip
    assert window.plan_id == 2 and window.model.rowCount() == 3
    assert plans.get_plan(window.db, 2).number == "561"
