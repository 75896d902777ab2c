"""The task appendix, read back the way its readers will: every cell of the Excel file,
the text of every PDF page, the fonts, the page set-up; and opened by LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.appendix import COLUMNS, DEFAULT_COLUMNS, build_appendix
from dienchau_desktop.reports.pdf import export_appendix_pdf
from dienchau_desktop.reports.xlsx import export_appendix_xlsx
from dienchau_desktop.services import items, plans, units

HOSTILE = {
    "formula": "=SUM(A1:A9)",
    "plus": "+84 912 345 678",
    "minus": "- gạch đầu dòng",
    "at": "@mention",
    "lines": "Dòng một\nDòng hai\n\nDòng bốn",
    "tab": "Cột\tthứ hai",
    "emoji": "Hoàn thành 🎉 đúng hạn ✅",
    "nfd": unicodedata.normalize("NFD", "Quý IV năm 2026 ở Diễn Châu"),
    "long": " ".join(f"từ{n}" for n in range(1200)),  # ~7,000 characters
}


def pdf_text(path: Path, mode: str = "-raw") -> str:
    """The text of a PDF. "-raw" is drawing order (reportlab draws a table cell by
    cell); LibreOffice draws glyph runs, which pdftotext's default mode reassembles."""
    command = ["pdftotext", *([mode] if mode else []), str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def squeezed(text: str) -> str:
    """Text with all runs of white space as one space (PDF lines wrap anywhere)."""
    return re.sub(r"\s+", " ", text).strip()


def pages(path: Path) -> list[str]:
    return pdf_text(path).split("\f")


def test_the_sample_appendix_holds_every_task_in_order(sample_db: Database) -> None:
    appendix = build_appendix(sample_db, 1)
    tasks = items.plan_tree(sample_db, 1).tasks()
    rows = [r for r in appendix.rows if r.kind == "task"]
    assert [r.cells[0] for r in rows] == [str(n) for n in range(1, 37)]
    assert [r.cells[1] for r in rows] == [t.title for t in tasks]
    assert [r.cells[2] for r in rows] == [t.lead_unit_name for t in tasks]
    assert [r.cells[4] for r in rows] == [t.deadline_text for t in tasks]
    assert rows[9].cells[3] == (
        "Các trường Trung học cơ sở trên địa bàn xã; Phòng Văn hoá - Xã hội; "
        "Đoàn Thanh niên; Hội Phụ huynh học sinh"
    )
    sections = [r.cells[0] for r in appendix.rows if r.kind == "section"]
    assert sections[0] == "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU"  # I. holds no task
    assert "III. TỔ CHỨC THỰC HIỆN" in sections
    assert appendix.note.endswith("của UBND xã Diễn Châu)")


def test_columns_can_be_chosen_and_ordered(sample_db: Database) -> None:
    appendix = build_appendix(sample_db, 1, ("stt", "deadline", "title"))
    assert [c.heading for c in appendix.columns] == ["STT", "Thời gian hoàn thành", "Nhiệm vụ"]
    first = next(r for r in appendix.rows if r.kind == "task")
    assert first.cells == ("1", "Thường xuyên", first.cells[2])
    with pytest.raises(ValueError):
        build_appendix(sample_db, 1, ("stt", "colour"))


def test_excel_file_cells_merges_and_print_setup(sample_db: Database, tmp_path: Path) -> None:
    out = export_appendix_xlsx(build_appendix(sample_db, 1), tmp_path / "phu-luc.xlsx")
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "PHỤ LỤC"
    assert sheet["A2"].value == "DANH MỤC NHIỆM VỤ"
    header = [sheet.cell(row=5, column=c).value for c in range(1, 8)]
    assert header == [COLUMNS[c].heading for c in DEFAULT_COLUMNS]
    assert sheet["A6"].value == "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU"
    assert "A6:G6" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A6"].font.b and sheet["A6"].font.name == "Times New Roman"
    assert sheet["A8"].value == "1"
    assert sheet["B8"].value.startswith("Tổ chức quán triệt")
    assert sheet["B8"].alignment.wrap_text
    assert sheet.row_dimensions[8].height > 40  # a long title gets room for its lines
    titles = [sheet.cell(row=r, column=2).value for r in range(6, sheet.max_row + 1)]
    tasks = [t.title for t in items.plan_tree(sample_db, 1).tasks()]
    assert [t for t in titles if t in tasks] == tasks
    assert sheet.freeze_panes == "A6"
    assert sheet.auto_filter.ref == f"A5:G{sheet.max_row}"
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape",
        9,
        1,
        0,
    )
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$5:$5"
    assert round(sheet.page_margins.left * 25.4) == 30
    assert round(sheet.page_margins.right * 25.4) == 15
    every = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type == "s" for c in every)


def hostile_db(db: Database) -> int:
    plan = plans.create_plan(db, "Kế hoạch thử nghiệm dữ liệu khó", symbol="KH-UBND")
    unit = units.create_unit(db, '=HYPERLINK("http://x")').id
    section = items.add_item(db, plan.id, "section", "+ NHÓM BẮT ĐẦU BẰNG DẤU CỘNG").id
    for key, title in HOSTILE.items():
        items.add_item(db, plan.id, "task", title, parent_id=section, lead_unit_id=unit,
                       expected_product=f"@{key}", notes=key)  # fmt: skip
    return plan.id


def test_hostile_text_stays_text_in_excel(db: Database, tmp_path: Path) -> None:
    plan = hostile_db(db)
    out = export_appendix_xlsx(build_appendix(db, plan), tmp_path / "kho.xlsx")
    sheet = load_workbook(out).active
    cells = {c.value: c for row in sheet.iter_rows() for c in row if c.value is not None}
    for text in ("=SUM(A1:A9)", "+84 912 345 678", "- gạch đầu dòng", "@mention",
                 "=HYPERLINK(\"http://x\")", "@formula"):  # fmt: skip
        assert cells[text].data_type == "s", text
        assert cells[text].quotePrefix, text
    assert "I. + NHÓM BẮT ĐẦU BẰNG DẤU CỘNG" in cells
    assert "Dòng một\nDòng hai\n\nDòng bốn" in cells
    assert HOSTILE["long"] in cells
    assert "Quý IV năm 2026 ở Diễn Châu" in cells  # stored NFC by the services
    # No formula anywhere in the file itself.
    shutil.unpack_archive(out, tmp_path / "unzipped", format="zip")
    sheet_xml = (tmp_path / "unzipped" / "xl" / "worksheets" / "sheet1.xml").read_text()
    assert "<f>" not in sheet_xml


def test_pdf_text_fonts_and_pages(sample_db: Database, tmp_path: Path) -> None:
    out = export_appendix_pdf(build_appendix(sample_db, 1), tmp_path / "phu-luc.pdf")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "841.89 x 595.276 pts (A4)" in info  # landscape
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]  # fmt: skip
    assert fonts and all("LiberationSerif" in f for f in fonts)
    assert all(line.split()[-5] == "yes" for line in fonts)  # embedded
    assert "Helvetica" not in "\n".join(fonts)
    text = squeezed(pdf_text(out))
    assert unicodedata.is_normalized("NFC", text)
    assert text.startswith("PHỤ LỤC DANH MỤC NHIỆM VỤ")
    # Every task exactly once, in order, across the page breaks.
    position = 0
    for task in items.plan_tree(sample_db, 1).tasks():
        probe = squeezed(task.title)[:60]
        assert text.count(probe) == 1, probe
        found = text.index(probe)
        assert found > position
        position = found
    all_pages = pages(out)
    assert not re.match(r"\s*1\s", all_pages[0])  # no number on page 1
    for number, page in enumerate(all_pages[1:-1], start=2):
        assert page.strip().startswith(str(number)), number  # centred at the top
        assert "Nhiệm vụ" in page  # the table header repeated


def test_pdf_survives_hostile_text(db: Database, tmp_path: Path) -> None:
    plan = hostile_db(db)
    out = export_appendix_pdf(build_appendix(db, plan), tmp_path / "kho.pdf")
    text = squeezed(pdf_text(out))
    assert "=SUM(A1:A9)" in text and "+84 912 345 678" in text
    assert "Quý IV năm 2026 ở Diễn Châu" in text
    long_words = re.findall(r"từ(\d+)", text)
    assert [int(n) for n in long_words] == list(range(1200))  # nothing lost or repeated


def test_libreoffice_opens_the_excel_file(sample_db: Database, tmp_path: Path) -> None:
    out = export_appendix_xlsx(build_appendix(sample_db, 1), tmp_path / "phu-luc.xlsx")
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is installed by .ci/run"
    result = subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"), str(out)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    converted = tmp_path / "lo" / "phu-luc.pdf"
    assert converted.exists(), result.stderr
    text = squeezed(pdf_text(converted, mode=""))
    for task in items.plan_tree(sample_db, 1).tasks()[:5]:
        assert squeezed(task.title)[:40] in text


FUNDED = ("stt", "title", "lead", "deadline", "funding", "funding_source")


def funded_db(db: Database) -> int:
    """A plan whose tasks carry amounts of every length, and one with none."""
    plan = plans.create_plan(db, "Kế hoạch có kinh phí", symbol="KH-UBND")
    section = items.add_item(db, plan.id, "section", "NHIỆM VỤ CÓ KINH PHÍ").id
    for title, amount in (
        ("Lắp camera an ninh trật tự ở các xóm", "1.500,5"),
        ("Mua sắm trang thiết bị cho nhà văn hóa xã", "12.345.678,9"),
        ("Tập huấn chuyển đổi số cho cán bộ", "80"),
        ("Tuyên truyền, phổ biến pháp luật", ""),
        ("Hỗ trợ hộ nghèo", "0,25"),
    ):
        items.add_item(db, plan.id, "task", title, parent_id=section, funding_amount=amount,
                       funding_source="Ngân sách xã" if amount else "")  # fmt: skip
    return plan.id


def test_funding_columns_can_be_chosen_and_print_amounts_the_vietnamese_way(
    db: Database,
) -> None:
    appendix = build_appendix(db, funded_db(db), FUNDED)
    assert [c.heading for c in appendix.columns][-2:] == ["Kinh phí (triệu đồng)", "Nguồn kinh phí"]
    tasks = [r.cells for r in appendix.rows if r.kind == "task"]
    assert [t[4] for t in tasks] == ["1.500,5", "12.345.678,9", "80", "", "0,25"]
    assert [t[5] for t in tasks] == ["Ngân sách xã"] * 3 + ["", "Ngân sách xã"]
    assert "funding" not in DEFAULT_COLUMNS  # REPORTS.md's appendix unless she adds it


def test_amounts_are_numbers_in_the_excel_file(db: Database, tmp_path: Path) -> None:
    out = export_appendix_xlsx(build_appendix(db, funded_db(db), FUNDED), tmp_path / "kp.xlsx")
    sheet = load_workbook(out).active
    assert sheet["E5"].value == "Kinh phí (triệu đồng)"
    amounts = [sheet.cell(row=r, column=5) for r in range(7, 12)]
    assert [c.value for c in amounts] == [1500.5, 12345678.9, 80, None, 0.25]
    assert [c.data_type for c in amounts] == ["n"] * 5
    # Grouped thousands, decimals as many as the amount has: the reader's Excel shows
    # 1.500,5 in Vietnamese, 1,500.5 in English; never a lone separator after 80.
    assert [c.number_format for c in amounts if c.value is not None] == [
        "#,##0.0", "#,##0.0", "#,##0", "#,##0.00"]  # fmt: skip
    assert sheet["F7"].value == "Ngân sách xã" and sheet["F7"].data_type == "s"


def test_amounts_are_whole_in_the_pdf(db: Database, tmp_path: Path) -> None:
    out = export_appendix_pdf(build_appendix(db, funded_db(db), FUNDED), tmp_path / "kp.pdf")
    lines = [line.strip() for line in pdf_text(out).splitlines()]
    text = squeezed(" ".join(lines))
    assert "Kinh phí (triệu đồng)" in text
    for amount in ("1.500,5", "12.345.678,9", "80", "0,25"):
        # Each on one line of its own cell: never broken between two lines.
        assert any(re.search(rf"(^|\s){re.escape(amount)}(\s|$)", line) for line in lines), amount
    assert "12.345.678," not in [line.split()[-1] for line in lines if line.split()]
