"""Tệp → Nhập báo cáo của đơn vị…: several returns at once, a broken one named and
skipped, the tree showing what was imported, one undo step per file."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox

from dienchau_desktop.reports.return_form import export_return_form
from dienchau_desktop.reports.unit_sheet import find_unit
from dienchau_desktop.services import periods, progress
from dienchau_desktop.ui import returns_import
from dienchau_desktop.ui.main_window import MainWindow

HEADER = 5


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


def test_import_several_returns_then_undo(window: MainWindow, tmp_path: Path,
                                          monkeypatch) -> None:  # fmt: skip
    police, police_task = filled_return(window, tmp_path, "Công an xã", 40)
    culture, culture_task = filled_return(window, tmp_path, "Phòng Văn hoá - Xã hội", 70)
    broken = tmp_path / "truong-hoc.xlsx"
    broken.write_bytes(b"not excel")
    shown: list[str] = []

    def answer_yes(parent, good, problems) -> bool:
        shown.append(returns_import.describe(good, problems))
        return True

    monkeypatch.setattr(returns_import, "confirm", answer_yes)
    assert window.import_returns([police, culture, broken]) == 2
    assert "Công an xã.xlsx" in shown[0] and "1 mới" in shown[0]
    assert "truong-hoc.xlsx" in shown[0] and "không phải tệp Excel" in shown[0]
    percent_column = 5
    assert window.model.data(window.model.index_for_id(police_task, percent_column)) == "40"
    assert window.model.data(window.model.index_for_id(culture_task, percent_column)) == "70"
    assert window.undo_stack.undoText().endswith("Phòng Văn hoá - Xã hội.xlsx")
    assert list((window.db.path.parent / "backups").glob("*before-import*"))

    window.undo_stack.undo()  # the second file's entries go, the first file's stay
    assert progress.history(window.db, culture_task) == []
    assert len(progress.history(window.db, police_task)) == 1
    assert window.model.data(window.model.index_for_id(culture_task, percent_column)) != "70"


def test_the_same_return_chosen_twice_is_recorded_once(window: MainWindow, tmp_path: Path,
                                                       monkeypatch) -> None:  # fmt: skip
    police, task = filled_return(window, tmp_path, "Công an xã", 40)
    copy = tmp_path / "Công an xã (final_real).xlsx"
    copy.write_bytes(police.read_bytes())
    monkeypatch.setattr(returns_import, "confirm", lambda parent, good, problems: True)
    assert window.import_returns([police, copy]) == 1
    assert len(progress.history(window.db, task)) == 1


def test_nothing_new_says_so_and_writes_nothing(window: MainWindow, tmp_path: Path,
                                                monkeypatch) -> None:  # fmt: skip
    period = periods.list_periods(window.db, window.plan_id)[0]
    blank = tmp_path / "trong.xlsx"
    export_return_form(window.db, window.plan_id, find_unit(window.db, "Công an xã"),
                       period.id, blank)  # fmt: skip
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: messages.append(self.text()) or 0)
    assert window.import_returns([blank]) == 0
    assert messages == ["Không có gì mới để ghi."]
    assert window.act_import_returns.text().replace("&", "") == "Nhập báo cáo của đơn vị…"
