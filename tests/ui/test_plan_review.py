"""Tệp → Nhập kế hoạch từ văn bản…: the review before adding. The tree as it will be
added and what was not understood are shown; several rows are corrected at once (kind,
lead unit, deadline), items dropped; «Thêm kế hoạch» adds exactly that, Cancel nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QTreeWidgetItem,
)
from pytestqt.qtbot import QtBot

from dienchau_desktop.services import items, plans, units
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.plan_review import PlanReviewDialog
from tests.importers import plan_docs
from tests.ui.conftest import answer_file_dialogs, visible_rows
from tests.ui.driving import press_button, retype, when_modal

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "ke-hoach-dien-chau-2026.txt"
OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def row(dialog: PlanReviewDialog, title: str) -> QTreeWidgetItem:
    found = dialog.tree.findItems(
        title,
        Qt.MatchFlag.MatchStartsWith
        | Qt.MatchFlag.MatchRecursive
        | Qt.MatchFlag.MatchCaseSensitive,
        2,
    )
    assert len(found) == 1, title
    return found[0]


def click_row(qtbot: QtBot, dialog: PlanReviewDialog, title: str, *, ctrl: bool = False) -> None:
    """Click the row's title where it is drawn (with Ctrl held: add it to the selection)."""
    tree = dialog.tree
    index = tree.indexFromItem(row(dialog, title), 2)
    tree.scrollTo(index)
    QApplication.processEvents()
    rect = tree.visualRect(index)
    assert rect.isValid() and not rect.isEmpty(), "the row is not on screen"
    modifiers = (Qt.KeyboardModifier.ControlModifier if ctrl
                 else Qt.KeyboardModifier.NoModifier)  # fmt: skip
    point = QPoint(rect.left() + 20, rect.center().y())
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifiers, point)


def shown(dialog: PlanReviewDialog, title: str) -> list[str]:
    """A row as she reads it: number, kind, title, lead, coordinators, deadline."""
    item = row(dialog, title)
    return [item.text(c) for c in range(6)]


def test_review_correct_and_add(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                monkeypatch) -> None:  # fmt: skip
    document = tmp_path / "ke-hoach-so-noi-vu.docx"
    plan_docs.department_plan(document)
    answer_file_dialogs(monkeypatch, document)
    refused: list[str] = []
    asked: list[str] = []
    finished: list[bool] = []

    def pick_lead(ask: QInputDialog) -> None:
        combo = ask.findChild(QComboBox)
        assert combo.currentText() == ""  # the two have different leads
        assert combo.findText("Công an xã") >= 0 and combo.findText("Thanh tra Sở") >= 0
        # The name typed (the list holds the data file's units and the document's).
        retype(qtbot, ask.findChild(QComboBox), "Các phòng thuộc Sở")
        press_button(qtbot, ask, OK)

    def wrong_deadline(ask: QInputDialog) -> None:
        retype(qtbot, ask.findChild(QLineEdit), "Quý V/2026")
        when_modal(QMessageBox, refusal)
        when_modal(QInputDialog, right_deadline)  # asked again, what she typed kept
        press_button(qtbot, ask, OK)

    def refusal(box: QMessageBox) -> None:
        refused.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    def right_deadline(ask: QInputDialog) -> None:
        assert ask.findChild(QLineEdit).text() == "Quý V/2026"
        retype(qtbot, ask.findChild(QLineEdit), "Quý III/2026")
        press_button(qtbot, ask, OK)

    def drop_yes(box: QMessageBox) -> None:
        asked.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    def review(dialog: PlanReviewDialog) -> None:
        assert dialog.title_label.text() == "Cải cách hành chính năm 2026"
        assert "15/KH-SNV" in dialog.reference_label.text()
        # What was not understood, with its place and text.
        assert dialog.warnings.count() == 1
        assert dialog.warnings.item(0).text() == (
            "bảng thứ 2, dòng 6: không hiểu thời hạn «Theo quy định», giữ ở phần ghi chú."
        )
        assert shown(dialog, "Rà soát văn bản")[0] == "a)"
        assert shown(dialog, "Rà soát văn bản")[3:] == ["Phòng Pháp chế", "Các phòng thuộc Sở",
                                                        "Quý II/2026"]  # fmt: skip
        assert dialog.tree.topLevelItemCount() == 3 and row(dialog, "Nhiệm vụ").isExpanded()
        # The time it did not understand is kept in the task's notes, shown over its title.
        assert "Thời hạn: Theo quy định" in row(dialog, "Công bố thủ tục").toolTip(2)

        # Two tasks at once: a lead unit, then a deadline (a wrong one refused first).
        click_row(qtbot, dialog, "Rà soát văn bản")
        click_row(qtbot, dialog, "Kiểm tra việc thực hiện", ctrl=True)
        assert len(dialog.tree.selectedItems()) == 2
        when_modal(QInputDialog, pick_lead)
        qtbot.mouseClick(dialog.set_lead_button, Qt.MouseButton.LeftButton)
        when_modal(QInputDialog, wrong_deadline)
        qtbot.mouseClick(dialog.set_deadline_button, Qt.MouseButton.LeftButton)
        assert refused and "Quý V/2026" in refused[0]
        for title in ("Rà soát văn bản", "Kiểm tra việc thực hiện"):
            assert shown(dialog, title)[3:] == ["Các phòng thuộc Sở", "", "Quý III/2026"]
        # (The lead is no longer also a coordinator of "Rà soát…".)
        assert len(dialog.tree.selectedItems()) == 2  # still selected after the edit

        # A duty made a paragraph of text: no number, no lead.
        click_row(qtbot, dialog, "Văn phòng Sở: chủ trì")
        qtbot.mouseClick(dialog.make_text, Qt.MouseButton.LeftButton)
        assert shown(dialog, "Văn phòng Sở: chủ trì")[:2] == ["", dialog.tr("Paragraph")]
        assert shown(dialog, "Văn phòng Sở: chủ trì")[3] == ""
        assert shown(dialog, "Các phòng, đơn vị thuộc Sở")[0] == "1."

        # A group dropped with its task, after a question that counts them.
        click_row(qtbot, dialog, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
        when_modal(QMessageBox, drop_yes)
        qtbot.mouseClick(dialog.drop_button, Qt.MouseButton.LeftButton)
        assert asked == [dialog.tr("Drop %1 items and the %2 items they hold?")
                         .replace("%1", "1").replace("%2", "1")]  # fmt: skip
        assert not dialog.tree.findItems("Công bố thủ tục", Qt.MatchFlag.MatchRecursive
                                         | Qt.MatchFlag.MatchStartsWith, 2)  # fmt: skip
        finished.append(True)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # «Thêm kế hoạch»

    when_modal(PlanReviewDialog, review)
    window.act_import_plan.trigger()  # Tệp → Nhập kế hoạch từ văn bản…
    assert finished
    assert window.plan_id == 2 and len(plans.list_plans(window.db)) == 2
    assert list((window.db.path.parent / "backups").glob("*before-import*"))
    # The window shows the plan as it was reviewed.
    for parent in range(window.model.rowCount()):
        window.tree.expandRecursively(window.model.index(parent, 0))
    rows = visible_rows(window)
    assert "a) Rà soát văn bản quy phạm pháp luật do Sở tham mưu" in rows
    assert "Kiểm tra việc thực hiện văn bản sau ban hành" in " ".join(rows)
    assert not any("CẢI CÁCH THỦ TỤC HÀNH CHÍNH" in r or "Công bố thủ tục" in r for r in rows)
    # The data file holds it.
    tree = items.plan_tree(window.db, 2)
    by_title = {n.title: n for n in tree.nodes}
    for title in ("Rà soát văn bản quy phạm pháp luật do Sở tham mưu",
                  "Kiểm tra việc thực hiện văn bản sau ban hành"):  # fmt: skip
        task = by_title[title]
        assert (task.lead_unit_name, task.deadline_text) == ("Các phòng thuộc Sở", "Quý III/2026")
        assert task.coordinator_names == ()
    duty = next(n for t, n in by_title.items() if t.startswith("Văn phòng Sở: chủ trì"))
    assert (duty.kind, duty.lead_unit_name) == ("text", "")
    assert not any(t.startswith(("CẢI CÁCH THỦ TỤC", "Công bố thủ tục")) for t in by_title)
    # A unit named only by what was dropped, made text or given another lead is not
    # created; the lead she chose is.
    names = [u.name for u in units.list_units(window.db)]
    assert "Các phòng thuộc Sở" in names
    assert not [n for n in names if n.startswith(("Trung tâm Phục vụ", "Thanh tra Sở",
                                                  "Phòng Pháp chế", "Văn phòng Sở"))]  # fmt: skip


def test_a_group_holding_tasks_cannot_become_text(window: MainWindow, qtbot: QtBot,
                                                  monkeypatch) -> None:  # fmt: skip
    answer_file_dialogs(monkeypatch, SEED)
    refused: list[str] = []
    kinds: list[str] = []

    def refusal(box: QMessageBox) -> None:
        refused.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    def review(dialog: PlanReviewDialog) -> None:
        assert dialog.warnings_label.isVisible() and not dialog.warnings.isVisible()
        click_row(qtbot, dialog, "Mục đích")
        click_row(qtbot, dialog, "Tổ chức quán triệt", ctrl=True)
        when_modal(QMessageBox, refusal)
        qtbot.mouseClick(dialog.make_text, Qt.MouseButton.LeftButton)
        kinds.extend(shown(dialog, t)[1] for t in ("Mục đích", "Tổ chức quán triệt"))
        # Three tasks made sections at once; then the first undone.
        click_row(qtbot, dialog, "Tổ chức quán triệt")
        click_row(qtbot, dialog, "Xác định rõ trách nhiệm của người đứng đầu", ctrl=True)
        click_row(qtbot, dialog, "Gắn kết quả thực hiện", ctrl=True)
        qtbot.mouseClick(dialog.make_section, Qt.MouseButton.LeftButton)
        kinds.append(shown(dialog, "Gắn kết quả thực hiện")[1])
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
        kinds.append(shown(dialog, "Gắn kết quả thực hiện")[1])
        press_button(qtbot, dialog, CANCEL)

    when_modal(PlanReviewDialog, review)
    window.act_import_plan.trigger()
    assert refused == ["Mục có mục con không thể đổi thành đoạn văn."
                       "\n\nHãy bỏ chọn các mục có mục con, hoặc đổi chúng thành mục."]  # fmt: skip
    section, task = PlanReviewDialog.tr("Section"), PlanReviewDialog.tr("Task")
    assert kinds == [section, task, section, task]


def test_cancel_adds_nothing(window: MainWindow, qtbot: QtBot, monkeypatch) -> None:
    answer_file_dialogs(monkeypatch, SEED)
    seen: list[str] = []

    def cancel(dialog: PlanReviewDialog) -> None:
        seen.append(dialog.counts_label.text())
        press_button(qtbot, dialog, CANCEL)

    when_modal(PlanReviewDialog, cancel)
    window.act_import_plan.trigger()
    assert seen and "36" in seen[0]
    assert len(plans.list_plans(window.db)) == 1 and window.plan_id == 1
    assert not list((window.db.path.parent / "backups").glob("*before-import*"))


def test_a_notice_is_imported_only_when_she_says_so(window: MainWindow, qtbot: QtBot,
                                                    tmp_path: Path, monkeypatch) -> None:  # fmt: skip
    notice = plan_docs.notice(tmp_path / "thong-bao.docx")
    answer_file_dialogs(monkeypatch, notice)
    questions: list[str] = []

    def answer(button: QMessageBox.StandardButton):
        def act(box: QMessageBox) -> None:
            questions.append(box.text())
            qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

        return act

    when_modal(QMessageBox, answer(QMessageBox.StandardButton.No))
    window.act_import_plan.trigger()
    assert "THÔNG BÁO" in questions[0]
    assert len(plans.list_plans(window.db)) == 1

    tasks: list[list[str]] = []

    def review(dialog: PlanReviewDialog) -> None:
        for title in ("Sở Khoa học và Công nghệ", "Công an tỉnh"):
            tasks.append(shown(dialog, title))
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    when_modal(QMessageBox, answer(QMessageBox.StandardButton.Yes))
    when_modal(PlanReviewDialog, review)
    window.act_import_plan.trigger()
    assert len(questions) == 2
    assert [t[5] for t in tasks] == ["trước ngày 30/6/2026", "trong Quý II/2026"]
    assert window.plan_id == 2
    assert plans.get_plan(window.db, 2).doc_type == "THÔNG BÁO"
    assert len(list(items.plan_tree(window.db, 2).tasks())) == 2


def test_what_she_reviewed_is_added_even_if_the_file_changed(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    """The file is read once: replaced on disk while the review is open (a colleague
    saved a new version over it), or between the notice's question and the review,
    what is added is what she saw."""
    document = tmp_path / "ke-hoach.docx"
    plan_docs.department_plan(document)
    answer_file_dialogs(monkeypatch, document)
    seen: list[list[str]] = []

    def review(dialog: PlanReviewDialog) -> None:
        seen.append(shown(dialog, "Rà soát văn bản"))
        plan_docs.notice(document)  # another document under the same name
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    when_modal(PlanReviewDialog, review)
    window.act_import_plan.trigger()
    assert window.plan_id == 2 and seen
    titles = [n.title for n in items.plan_tree(window.db, 2).nodes]
    assert any(t.startswith("Rà soát văn bản") for t in titles)
    assert plans.get_plan(window.db, 2).doc_type == "KẾ HOẠCH"

    # Now the file is a notice: she is asked, and while the question is open the file
    # becomes the plan again; the notice she was asked about is what is reviewed.
    def yes(box: QMessageBox) -> None:
        plan_docs.department_plan(document)
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    def add(dialog: PlanReviewDialog) -> None:
        seen.append(shown(dialog, "Sở Khoa học và Công nghệ"))
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    when_modal(QMessageBox, yes)
    when_modal(PlanReviewDialog, add)
    window.act_import_plan.trigger()
    assert window.plan_id == 3
    assert plans.get_plan(window.db, 3).doc_type == "THÔNG BÁO"
