"""The reports' workbooks are saved with their cells written as text (reports.sheet_writer):
the file must be the one openpyxl itself writes, byte for byte, whatever a cell holds."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Border, Font, Side

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.progress_report import build_progress_report
from dienchau_desktop.reports.progress_xlsx import progress_workbook
from dienchau_desktop.reports.sheet_writer import save_to
from tests.reports.test_progress_xlsx import varied_plan

ROOT = Path(__file__).resolve().parents[2]


def _saved_by_both(
    make: Callable[[], Workbook],
) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Every part of the file as save_to saves the workbook `make` makes and as openpyxl
    does (the save time in docProps/core.xml aside). Each saves a workbook of its own:
    openpyxl's first save of a workbook changes what its second writes
    (outlineLevelCol, set from the columns as they are written)."""
    files = []
    for save in (save_to, Workbook.save):
        archive = io.BytesIO()
        save(make(), archive)
        with zipfile.ZipFile(archive) as zipped:
            files.append({name: zipped.read(name) for name in zipped.namelist()
                          if name != "docProps/core.xml"})  # fmt: skip
    return files[0], files[1]


def _tricky_book() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "a&b<c>d\"e'\r\nf\tg ồ Diễn Châu "  # escapes, a line break, letters
    sheet["B1"] = " starts with a space"
    sheet["C1"] = 72.5
    sheet["D1"] = True
    sheet["E1"] = datetime(2026, 5, 4)
    sheet["F1"] = 10**17
    sheet["G1"] = ""
    sheet["H1"] = "=not a formula"
    sheet["H1"].data_type = "s"
    sheet["H1"].quotePrefix = True
    sheet["A2"].font = Font(bold=True)  # an empty cell with a style
    sheet["B2"].border = Border(top=Side(style="thin"))
    sheet["C2"].number_format = "0.0 %"
    sheet["C2"] = 0.725
    sheet.row_dimensions[4].height = 20  # a row with a height and no cell
    sheet.row_dimensions[5].hidden = True
    sheet.row_dimensions[5].height = 31.5
    sheet.merge_cells("A6:C6")
    sheet.merge_cells("A7:H7")
    sheet["D7"].font = Font(italic=True)
    second = book.create_sheet("Kết quả")
    for row in range(1, 40):
        second.append([row, f"Nhiệm vụ {row}", row / 7, datetime(2026, 1, row % 28 + 1)])
    return book


def test_a_workbook_of_plain_cells_is_saved_as_openpyxl_saves_it():
    ours, openpyxls = _saved_by_both(_tricky_book)

    assert ours == openpyxls


def test_a_sheet_with_a_formula_is_saved_as_openpyxl_saves_it():
    def book() -> Workbook:
        made = _tricky_book()
        made.active["A9"] = "=SUM(C1:C2)"  # written by openpyxl's own writer
        return made

    ours, openpyxls = _saved_by_both(book)

    assert ours == openpyxls
    assert b"<f>SUM(C1:C2)</f>" in ours["xl/worksheets/sheet1.xml"]


def test_without_lxml_as_the_packaged_program_saves_it():
    """The packaged program has no lxml: openpyxl writes through the standard library
    (UTF-8, "<c … />"), and so must save_to."""
    script = (
        "import sys; sys.modules['lxml'] = None\n"
        "import openpyxl; assert not openpyxl.LXML\n"
        "from tests.reports.test_sheet_writer import _saved_by_both, _tricky_book\n"
        "ours, openpyxls = _saved_by_both(_tricky_book)\n"
        "assert ours == openpyxls, 'differs'\n"
        "assert 'Diễn Châu'.encode() in ours['xl/worksheets/sheet1.xml']\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, check=False)  # fmt: skip

    assert done.returncode == 0, done.stderr


def test_the_progress_report_is_saved_as_openpyxl_saves_it(db: Database) -> None:
    """A real report (header, parts, tables, the chart, section rows, page breaks)."""
    plan_id, half = varied_plan(db)
    report = build_progress_report(db, plan_id, half.id, number="15",
                                   report_date=date(2025, 6, 16))  # fmt: skip

    ours, openpyxls = _saved_by_both(lambda: progress_workbook(report))

    assert ours == openpyxls
    assert b"<mergeCell " in ours["xl/worksheets/sheet2.xml"]
