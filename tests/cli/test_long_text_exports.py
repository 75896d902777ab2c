"""Every report renders any text the program accepts (issue 14, item 2): a task's
product or result of 20,000 characters, a section title as long, a unit name of 500
and a title of 10,000 characters without a space, exported from the command line.

Each long text is a run of numbered tokens, so what the PDF shows can be checked
whole and in order, wherever its lines and pages break: pdftotext's "-raw" mode gives
the text in drawing order, a table cell's lines one after the other."""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dienchau_desktop import cli
from dienchau_desktop.core.text import MAX_LONG_TEXT, MAX_SHORT_TEXT
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.appendix import COLUMNS as APPENDIX_COLUMNS
from dienchau_desktop.reports.due_list import COLUMNS as DUE_COLUMNS
from dienchau_desktop.reports.progress_report import build_progress_report
from dienchau_desktop.reports.table import Column
from dienchau_desktop.reports.unit_sheet import COLUMNS as UNIT_COLUMNS
from dienchau_desktop.services import items, periods, plans, progress, units
from tests.conftest import make_sample_file


def tokens(prefix: str, width: int, length: int, separator: str = " ") -> str:
    """prefix00000 prefix00001 … as long as fits in `length` characters."""
    count = (length + len(separator)) // (len(prefix) + width + len(separator))
    return separator.join(f"{prefix}{n:0{width}d}" for n in range(count))


PRODUCT = tokens("sp", 5, MAX_LONG_TEXT)  # a task's expected product
RESULT = tokens("kq", 5, MAX_LONG_TEXT)  # what was done, in a progress report
SECTION = tokens("mu", 5, MAX_LONG_TEXT)  # a section's title
TITLE = tokens("q", 4, 10_000, separator="")  # a title with no space at all
UNIT = "Đơn vị " + tokens("u", 3, MAX_SHORT_TEXT - len("Đơn vị "))
LONG = {"sp": PRODUCT, "kq": RESULT, "mu": SECTION, "q": TITLE, "u": UNIT}


def test_the_texts_are_as_long_as_the_program_accepts() -> None:
    assert 19_990 < len(PRODUCT) <= MAX_LONG_TEXT
    assert 19_990 < len(SECTION) <= MAX_LONG_TEXT
    assert len(TITLE) == 10_000 and " " not in TITLE
    assert 490 < len(UNIT) <= MAX_SHORT_TEXT


@pytest.fixture(scope="module")
def long_texts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A data file with the sample plan holding the long texts; and the period whose
    progress carries the long result."""
    data = make_sample_file(tmp_path_factory.mktemp("long"))
    db = Database.open(data)
    try:
        unit = units.create_unit(db, UNIT)
        tree = items.plan_tree(db, 1)
        first, second = list(tree.tasks())[:2]
        overdue = f"{date.today() - timedelta(days=30):%d/%m/%Y}"
        items.update_item(db, first.id, expected_product=PRODUCT, lead_unit_id=unit.id)
        items.update_item(db, second.id, title=TITLE, lead_unit_id=unit.id, deadline=overdue)
        items.update_item(db, first.parent_id, title=SECTION)
        period = periods.list_periods(db, 1)[-1]
        progress.record_progress(db, first.id, period.id, status="in_progress", percent=40,
                                 result_text=RESULT)  # fmt: skip
    finally:
        db.close()
    return data, period.id


def export(data: Path, report: str, fmt: str, out: Path, *extra: str) -> None:
    code = cli.main(["--db", str(data), "export", report, "--format", fmt, "--out", str(out),
                     *extra])  # fmt: skip
    assert code == 0
    assert out.is_file()


def unspaced(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path, columns: tuple[Column, ...]) -> list[str]:
    """The text of each page without white space (a word without spaces breaks
    anywhere), in drawing order, without the page's number and the table's heading
    row drawn again on top of it."""
    shown = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                           text=True, check=True).stdout  # fmt: skip
    heading = unspaced("".join(c.heading for c in columns))
    pages = []
    for page in shown.split("\f"):
        lines = page.split("\n")
        if lines[0].strip().isdigit():
            lines = lines[1:]
        pages.append(unspaced("".join(lines)).removeprefix(heading))
    return pages


def reads_whole(long: str, pages: list[str]) -> bool:
    """`long` is shown whole and in order: each page shows a piece of it that takes up
    where the last page's piece ended (a row cut at a page's foot shows its other
    cells after the piece of the long one, so the pieces are not next to each other
    in the text). The tokens are numbered: ten characters are found once."""
    long, done = unspaced(long), 0
    for page in pages:
        at = page.find(long[done : done + 10])
        while at >= 0 and done < len(long) and at < len(page) and page[at] == long[done]:
            at, done = at + 1, done + 1
    return done == len(long)


def xlsx_text(path: Path) -> str:
    book = load_workbook(path)
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
             for c in row if isinstance(c, str)]  # fmt: skip
    assert max(len(c) for c in cells) <= 32_767  # what an Excel cell holds
    return unspaced("".join(cells))


#: The long texts each report shows.
REPORTS = {
    "appendix": ("sp", "mu", "q", "u"),
    "due": ("q", "u"),
    "unit": ("sp", "q", "u"),
    "progress": ("kq", "mu", "q", "u"),
}


def columns_of(data: Path, report: str, period: int) -> tuple[Column, ...]:
    if report == "appendix":
        return tuple(APPENDIX_COLUMNS.values())
    if report == "due":
        return DUE_COLUMNS
    if report == "unit":
        return UNIT_COLUMNS
    db = Database.open(data)
    try:
        return build_progress_report(db, 1, period).appendix.columns
    finally:
        db.close()


@pytest.mark.parametrize("report", sorted(REPORTS))
def test_a_pdf_shows_every_long_text_whole(
    long_texts: tuple[Path, int], tmp_path: Path, report: str
) -> None:
    data, period = long_texts
    out = tmp_path / f"{report}.pdf"
    extra = {"unit": ["--unit", UNIT], "progress": ["--period", str(period)]}.get(report, [])
    export(data, report, "pdf", out, *extra)
    pages = pdf_pages(out, columns_of(data, report, period))
    for key in REPORTS[report]:
        assert reads_whole(LONG[key], pages), f"{key} is not whole in the {report} PDF"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


@pytest.mark.parametrize("report", sorted(REPORTS))
def test_an_excel_file_holds_every_long_text_whole(
    long_texts: tuple[Path, int], tmp_path: Path, report: str
) -> None:
    data, period = long_texts
    out = tmp_path / f"{report}.xlsx"
    extra = {"unit": ["--unit", UNIT], "progress": ["--period", str(period)]}.get(report, [])
    export(data, report, "xlsx", out, *extra)
    shown = xlsx_text(out)
    for key in REPORTS[report]:
        assert unspaced(LONG[key]) in shown, f"{key} is not whole in the {report} file"


def test_the_progress_report_with_the_longest_header_and_closing(tmp_path: Path) -> None:
    """The header and closing are tables kept whole on a page, unless they are taller
    than a page: a recipient of 20,000 characters, 500-character names."""
    data = make_sample_file(tmp_path)
    recipient = tokens("nn", 5, MAX_LONG_TEXT)
    parent = tokens("cq", 3, MAX_SHORT_TEXT)
    signer = tokens("ky", 3, MAX_SHORT_TEXT, separator="")
    db = Database.open(data)
    try:
        plans.update_plan(db, 1, recipients=[recipient, "Lưu: VT, VHXH."], parent_body=parent,
                          place=tokens("dd", 3, MAX_SHORT_TEXT), signer_name=signer)  # fmt: skip
    finally:
        db.close()
    for fmt in ("pdf", "xlsx"):
        export(data, "progress", fmt, tmp_path / f"bao-cao.{fmt}")
    pages = pdf_pages(tmp_path / "bao-cao.pdf", ())
    shown = xlsx_text(tmp_path / "bao-cao.xlsx")
    for long in (recipient, parent.upper(), signer):
        assert reads_whole(long, pages)
        assert unspaced(long) in shown
