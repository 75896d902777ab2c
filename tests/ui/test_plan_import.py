"""Tệp → Nhập kế hoạch từ văn bản…: what was read is shown first; the new plan opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from dienchau_desktop.services import plans
from dienchau_desktop.ui.main_window import MainWindow
from tests.ui.conftest import answer_file_dialogs

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "ke-hoach-dien-chau-2026.txt"


def test_import_a_plan_document(window: MainWindow, monkeypatch) -> None:
    asked: list[str] = []

    def yes(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    answer_file_dialogs(monkeypatch, SEED)
    window.act_import_plan.trigger()  # Tệp → Nhập kế hoạch từ văn bản…
    assert window.plan_id == 2
    assert "21 mục, 36 nhiệm vụ, 16 đoạn văn" in asked[0]
    assert len(plans.list_plans(window.db)) == 2
    assert window.plan_chooser_action.isVisible() and window.plan_chooser.currentData() == 2
    assert window.model.rowCount() == 3  # parts I, II, III
    assert list((window.db.path.parent / "backups").glob("*before-import*"))


def test_saying_no_or_a_bad_file_adds_nothing(window: MainWindow, tmp_path: Path,
                                              monkeypatch) -> None:  # fmt: skip
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: QMessageBox.StandardButton.No)  # fmt: skip
    answer_file_dialogs(monkeypatch, SEED)
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
