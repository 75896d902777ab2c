"""The overdue and due-soon list: the right tasks, in both formats."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.due_list import build_due_list
from dienchau_desktop.reports.pdf import export_pdf
from dienchau_desktop.reports.xlsx import export_xlsx
from dienchau_desktop.services import items, periods, plans, progress, units

TODAY = date(2026, 11, 20)


def plan_with_deadlines(db: Database) -> int:
    plan = plans.create_plan(db, "Kế hoạch cải cách hành chính năm 2026", number="15", year=2026)
    _half, year = periods.create_standard_periods(db, plan.id, 2026)
    police = units.create_unit(db, "Công an xã").id
    group = items.add_item(db, plan.id, "section", "NHIỆM VỤ").id
    for title, deadline in (
        ("Rà soát hồ sơ dân cư", "Tháng 10/2026"),  # overdue
        ("Số hóa sổ hộ tịch", "15/11/2026"),  # overdue, but done: not listed
        ("Báo cáo Đề án 06", "25/11/2026"),  # due within 7 days
        ("Tập huấn kỹ năng số", "Quý IV/2026"),  # due 31/12: later
        ("Tuyên truyền", "Thường xuyên"),  # recurring: never listed
    ):
        node = items.add_item(db, plan.id, "task", title, parent_id=group,
                              lead_unit_id=police, deadline=deadline)  # fmt: skip
        if title == "Số hóa sổ hộ tịch":
            progress.record_progress(db, node.id, year.id, status="completed",
                                     completed_on=date(2026, 11, 10))  # fmt: skip
        if title == "Báo cáo Đề án 06":
            progress.record_progress(db, node.id, year.id, status="in_progress", percent=60)
    return plan.id


def test_the_list_holds_what_is_late_and_what_is_near(db: Database) -> None:
    report = build_due_list(db, plan_with_deadlines(db), TODAY)
    rows = [(r.kind, r.cells[2] if r.kind == "task" else r.cells[0]) for r in report.rows]
    assert rows == [
        ("section", "A. NHIỆM VỤ QUÁ HẠN, CHƯA HOÀN THÀNH (1)"),
        ("task", "Rà soát hồ sơ dân cư"),
        ("section", "B. NHIỆM VỤ ĐẾN HẠN TRONG 7 NGÀY TỚI (1)"),
        ("task", "Báo cáo Đề án 06"),
    ]
    late = report.rows[1].cells
    assert late[4:7] == ("Tháng 10/2026", "31/10/2026", "Chưa báo cáo")
    soon = report.rows[3].cells
    assert (soon[6], soon[7]) == ("Đang thực hiện", "60")
    assert report.note == "(Thuộc Kế hoạch số 15/KH-UBND; tính đến ngày 20/11/2026)"


def test_due_list_in_excel_and_pdf(db: Database, tmp_path: Path) -> None:
    report = build_due_list(db, plan_with_deadlines(db), TODAY)
    sheet = load_workbook(export_xlsx(report, tmp_path / "qua-han.xlsx", "Quá hạn")).active
    assert sheet.title == "Quá hạn"
    values = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert "Rà soát hồ sơ dân cư" in values and "Báo cáo Đề án 06" in values
    pdf = export_pdf(report, tmp_path / "qua-han.pdf")
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "DANH SÁCH NHIỆM VỤ QUÁ HẠN VÀ SẮP ĐẾN HẠN" in text
    assert text.index("Rà soát hồ sơ dân cư") < text.index("Báo cáo Đề án 06")
