"""The new ways into a plan (#17 item 8), built to hurt: Word's numbering and styles parts
and Excel task tables that unpack without end, declare entities or hold too many rows.
Each ends as exit 3 with a sentence naming the file and the limit, the same in a dry run,
and the data file keeps exactly what it had."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from dienchau_desktop.importers.plan_document import read_document
from tests.conftest import make_sample_file
from tests.importers.test_hostile_plan_documents import BODY, HEAD, TAIL, assert_refused, para

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    return make_sample_file(tmp_path / "data")


def docx_with(path: Path, part: str, content: bytes | list[bytes], level: int = 1) -> Path:
    """A small good plan whose `part` (word/numbering.xml, word/styles.xml) is `content`,
    written as a stream."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("word/document.xml", HEAD + BODY + TAIL)
        with archive.open(part, "w") as member:
            for piece in content if isinstance(content, list) else [content]:
                member.write(piece)
        if part != "word/numbering.xml":
            archive.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W}"/>')
    return path


@pytest.mark.parametrize("part", ["word/numbering.xml", "word/styles.xml"])
def test_entities_in_numbering_or_styles(tmp_path: Path, data_file: Path, part: str) -> None:
    laughs = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:numbering xmlns:w="'
              + W.encode() + b'">&b;</w:numbering>')  # fmt: skip
    assert_refused(docx_with(tmp_path / "thuc-the.docx", part, laughs), data_file, "DOCTYPE")


def test_a_numbering_part_that_unpacks_too_far(tmp_path: Path, data_file: Path) -> None:
    block = b"<!--" + b"x" * (1 << 20) + b"-->"
    content = [f'<w:numbering xmlns:w="{W}">'.encode(), *[block] * 10, b"</w:numbering>"]
    assert_refused(docx_with(tmp_path / "bom.docx", "word/numbering.xml", content), data_file,
                   "giải nén ra hơn 8 MB")  # fmt: skip


def test_styles_of_too_many_elements(tmp_path: Path, data_file: Path) -> None:
    content = [f'<w:styles xmlns:w="{W}">'.encode(), b"<w:style/>" * 400_000, b"</w:styles>"]
    assert_refused(docx_with(tmp_path / "kieu.docx", "word/styles.xml", content), data_file,
                   "«word/styles.xml»", "quá lớn")  # fmt: skip


def table_document(path: Path, rows: int) -> Path:
    """The small plan, then a task table of `rows` rows of four one-line cells."""

    def cell(text: str) -> str:
        return f"<w:tc>{para(text)}</w:tc>"

    header = (
        "<w:tr>" + "".join(cell(t) for t in ("STT", "Nhiệm vụ", "Chủ trì", "Thời hạn")) + "</w:tr>"
    )
    body = "".join(f"<w:tr>{cell(str(i))}{cell('Làm')}{cell('Sở A')}{cell('Năm 2026')}</w:tr>"
                   for i in range(rows))  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", HEAD + BODY + f"<w:tbl>{header}{body}</w:tbl>" + TAIL)
    return path


def test_a_task_table_past_the_row_limit(tmp_path: Path, data_file: Path) -> None:
    """A row is an item: rows and paragraphs together stay within 12,000."""
    assert_refused(table_document(tmp_path / "bang-dai.docx", 12_000), data_file,
                   "hơn 12.000 đoạn và dòng bảng")  # fmt: skip


def test_a_table_row_counts_once_whatever_its_cells_hold(tmp_path: Path) -> None:
    """3,000 rows of four cells are 12,000 lines: read, as 3,000 rows (each cell's line
    counted as a paragraph, a table of more than 2,400 rows was refused)."""
    entries = read_document(table_document(tmp_path / "bang.docx", 3_000))
    [table] = [e for e in entries if not isinstance(e, str)]
    assert len(table.rows) == 3_000


def xlsx_with_sheet(path: Path, sheet_xml: bytes | list[bytes]) -> Path:
    """An .xlsx made by openpyxl whose first sheet is replaced by `sheet_xml`."""
    book = openpyxl.Workbook()
    book.active.append(["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"])
    book.save(tmp := path.with_suffix(".tmp.xlsx"))
    with zipfile.ZipFile(tmp) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with out.open(info.filename, "w") as member:
                    for piece in sheet_xml if isinstance(sheet_xml, list) else [sheet_xml]:
                        member.write(piece)
            else:
                out.writestr(info, source.read(info))
    tmp.unlink()
    return path


def test_an_excel_table_declaring_entities(tmp_path: Path, data_file: Path) -> None:
    sheet = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet '
             b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>'
             b"</worksheet>")  # fmt: skip
    assert_refused(xlsx_with_sheet(tmp_path / "thuc-the.xlsx", sheet), data_file, "DOCTYPE")


def test_an_excel_table_that_unpacks_too_far(tmp_path: Path, data_file: Path) -> None:
    start = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    padding = b"<!--" + b" " * (1 << 20) + b"-->"
    content = [start, *[padding] * 45, b"<sheetData/></worksheet>"]
    assert_refused(xlsx_with_sheet(tmp_path / "bom.xlsx", content), data_file,
                   "quá lớn khi giải nén")  # fmt: skip


def test_an_excel_table_of_too_many_rows(tmp_path: Path, data_file: Path) -> None:
    """More rows than a plan has items: refused before a task is made."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"])
    for index in range(12_001):
        sheet.append([index + 1, "Làm", "Sở A", "Năm 2026"])
    book.save(tmp_path / "dai.xlsx")
    assert_refused(tmp_path / "dai.xlsx", data_file, "hơn 12.000 dòng")


def test_a_part_unpacking_far_past_its_packed_size(tmp_path: Path, data_file: Path) -> None:
    """Within the size limits but 1,000 times smaller packed: a bomb, refused on the ratio
    (Word's parts deflate 15 to 35 times), in Word and in Excel."""
    spaces = [f'<w:numbering xmlns:w="{W}">'.encode(), *[b" " * (1 << 20)] * 7, b"</w:numbering>"]
    word = docx_with(tmp_path / "ti-le.docx", "word/numbering.xml", spaces, level=9)
    assert_refused(word, data_file, "giải nén ra hơn 200 lần cỡ nén")
    start = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    sheet = [start, *[b" " * (1 << 20)] * 10, b"<sheetData/></worksheet>"]
    assert_refused(xlsx_with_sheet(tmp_path / "ti-le.xlsx", sheet), data_file,
                   "quá lớn khi giải nén")  # fmt: skip
