"""The unit sheet and the return form a unit fills in and sends back."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dienchau_desktop.core.errors import NotFoundError
from dienchau_desktop.core.return_seal import title_key
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.pdf import export_pdf
from dienchau_desktop.reports.return_form import META_SHEET, STATUS_CHOICES, export_return_form
from dienchau_desktop.reports.unit_sheet import build_unit_sheet, find_unit
from dienchau_desktop.services import items, periods, progress


def test_unit_sheet_lists_what_the_unit_leads_and_coordinates(
    sample_db: Database, tmp_path: Path
) -> None:
    police = find_unit(sample_db, "CONG AN XA")  # found without case or diacritics
    sheet = build_unit_sheet(sample_db, 1, police)
    tasks = [r for r in sheet.rows if r.kind == "task"]
    roles = [r.cells[3] for r in tasks]
    assert roles.count("Chủ trì") == 4 and roles.count("Phối hợp") == 3
    assert tasks[0].cells[1] == "II.3.a)"
    assert sheet.rows[0].cells == ("Công an xã",)
    text = subprocess.run(["pdftotext", "-raw", str(export_pdf(sheet, tmp_path / "u.pdf")), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "DANH MỤC NHIỆM VỤ CỦA ĐƠN VỊ" in text and "Công an xã" in text
    with pytest.raises(NotFoundError) as info:
        find_unit(sample_db, "Ban Chỉ huy quân sự")
    assert "Công an xã" in info.value.hint  # the message lists the units there are


def test_return_form_locks_identity_and_opens_the_answers(
    sample_db: Database, tmp_path: Path
) -> None:
    police = find_unit(sample_db, "Công an xã")
    half = periods.list_periods(sample_db, 1)[0]
    first = next(
        t for t in items.plan_tree(sample_db, 1).tasks() if t.lead_unit_name == "Công an xã"
    )
    progress.record_progress(sample_db, first.id, half.id, status="completed",
                             completed_on=date(2026, 4, 2), result_text="Đã làm sạch dữ liệu")  # fmt: skip
    out = export_return_form(sample_db, 1, police, half.id, tmp_path / "mau-bao-cao.xlsx")
    book = load_workbook(out)
    sheet = book["Báo cáo"]
    header = [sheet.cell(row=5, column=c).value for c in range(1, 11)]
    assert header[:3] == ["Mã", "Số hiệu", "Nhiệm vụ"] and header[5] == "Trạng thái"
    rows = list(sheet.iter_rows(min_row=6, max_row=sheet.max_row))
    assert len(rows) == 7
    ids = [int(r[0].value) for r in rows]
    assert ids[0] == first.id
    assert rows[0][5].value == "Hoàn thành" and rows[0][6].value == 100
    assert rows[0][7].value == "Đã làm sạch dữ liệu"
    assert sheet.protection.sheet
    assert all(r[0].protection.locked and r[2].protection.locked for r in rows)
    assert not any(r[c].protection.locked for r in rows for c in range(5, 10))
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert lists and all(choice in lists[0].formula1 for choice in STATUS_CHOICES)
    # Every task's state and percentage is chosen from the list / checked as a number.
    assert all(f"F{r[0].row}" in lists[0].sqref for r in rows)
    numbers = [v for v in sheet.data_validations.dataValidation if v.type == "decimal"]
    assert numbers and all(f"G{r[0].row}" in numbers[0].sqref for r in rows)
    assert f"F{rows[-1][0].row + 1}" not in lists[0].sqref
    meta = book[META_SHEET]
    assert meta.sheet_state == "hidden"
    facts = {row[0].value: row[1].value for row in meta.iter_rows() if row[0].value != "task"}
    assert facts["format"] == "dienchau-return-form"
    assert (facts["plan_id"], facts["unit_id"], facts["period_id"]) == (
        "1",
        str(police.id),
        str(half.id),
    )
    # One row per task (its id and its title's key), then the seal over all of it.
    sent = [(row[1].value, row[2].value) for row in meta.iter_rows() if row[0].value == "task"]
    assert [task_id for task_id, _key in sent] == [str(i) for i in ids]
    assert sent[0][1] == title_key(rows[0][2].value)
    assert facts["version"] == "2" and len(facts["signature"]) == 64 and facts["file_id"]
    assert all(cell.data_type == "s" for row in meta.iter_rows() for cell in row if cell.value)
