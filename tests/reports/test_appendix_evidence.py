"""The appendix can name each task's evidence (minh chứng): a column she chooses, with
the files attached to the task's progress entries, in the Excel file and the PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

from openpyxl import load_workbook

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.appendix import COLUMNS, DEFAULT_COLUMNS, EVIDENCE, build_appendix
from dienchau_desktop.reports.pdf import export_appendix_pdf
from dienchau_desktop.reports.xlsx import export_appendix_xlsx
from dienchau_desktop.services import evidence, items, periods, plans, progress

WITH_EVIDENCE = (*DEFAULT_COLUMNS, EVIDENCE)


def plan_with_evidence(db: Database, folder: Path) -> int:
    plan = plans.create_plan(db, "Kế hoạch kiểm tra", year=2026).id
    half, year = periods.create_standard_periods(db, plan, 2026)
    section = items.add_item(db, plan, "section", "NHIỆM VỤ").id
    checked = items.add_item(db, plan, "task", "Kiểm tra an toàn thực phẩm", parent_id=section).id
    items.add_item(db, plan, "task", "Chưa có minh chứng", parent_id=section)
    folder.mkdir()
    for period, name in (
        (half.id, "Biên bản kiểm tra đợt 1.pdf"),
        (year.id, "Ảnh hiện trường.jpg"),
    ):
        entry = progress.record_progress(db, checked, period, status="in_progress", percent=50)
        (folder / name).write_bytes(name.encode() * 10)
        evidence.add_files(db, entry.id, [folder / name])
    return plan


def test_the_evidence_column_names_each_tasks_files(db: Database, tmp_path: Path) -> None:
    plan = plan_with_evidence(db, tmp_path / "in")
    assert EVIDENCE not in DEFAULT_COLUMNS  # REPORTS.md's appendix unless she adds it
    assert "Minh chứng" not in [c.heading for c in build_appendix(db, plan).columns]

    appendix = build_appendix(db, plan, WITH_EVIDENCE)
    assert appendix.columns[-1] == COLUMNS[EVIDENCE]
    tasks = [r.cells for r in appendix.rows if r.kind == "task"]
    assert [(t[0], t[1], t[-1]) for t in tasks] == [
        ("1", "Kiểm tra an toàn thực phẩm", "Biên bản kiểm tra đợt 1.pdf; Ảnh hiện trường.jpg"),
        ("2", "Chưa có minh chứng", ""),
    ]

    book = load_workbook(export_appendix_xlsx(appendix, tmp_path / "phu-luc.xlsx"))
    cells = [c for row in book.active.iter_rows(values_only=True) for c in row if c]
    assert "Minh chứng" in cells
    assert "Biên bản kiểm tra đợt 1.pdf; Ảnh hiện trường.jpg" in cells

    pdf = export_appendix_pdf(appendix, tmp_path / "phu-luc.pdf")
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Minh chứng" in text and "Ảnh hiện trường.jpg" in " ".join(text.split())
