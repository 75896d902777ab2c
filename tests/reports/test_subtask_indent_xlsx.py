"""A task under another task is set in under it in the plan's appendix as an Excel file
too, as in the progress report's results sheet (#16): its title cell's indent."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.export import ExportRequest, export_report
from tests.reports.test_subtask_indent_pdf import plan_with_sub_tasks


def test_the_plan_appendix_in_excel_sets_sub_tasks_in(db: Database, tmp_path: Path) -> None:
    plan = plan_with_sub_tasks(db)
    out = tmp_path / "phu-luc.xlsx"
    export_report(db, ExportRequest("appendix", "xlsx", plan), out)
    sheet = load_workbook(out).active
    indents = {row[1].value: row[1].alignment.indent for row in sheet.iter_rows(min_row=6)
               if row[1].value}  # fmt: skip
    assert indents == {"Việc cha": 0, "Việc con": 1, "Việc cháu": 2, "Việc khác": 0}
