"""Hostile .xlsx files given as returns (issue 14, item 3): zip bombs, headers that lie
about sizes, a million rows, a row of endless cells, XML entities. Each is refused
with a sentence (exit code 3), before openpyxl is let loose on it; nothing is stored.
Their time and memory are not asserted here (a loaded test machine is no measure):
see the figures in the commit that added importers/safe_xlsx.py."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from dienchau_desktop import paths
from dienchau_desktop.core.errors import BadInputFileError
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers import safe_xlsx
from dienchau_desktop.importers.returns import import_return
from dienchau_desktop.reports.return_form import export_return_form
from dienchau_desktop.reports.unit_sheet import find_unit
from dienchau_desktop.services import periods
from tests.conftest import make_sample_file
from tests.importers.test_returns_forged import stored

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
MB = 1024 * 1024


def form_of(db: Database, folder: Path) -> Path:
    out = folder / "mau.xlsx"
    period = periods.list_periods(db, 1)[0]
    export_return_form(db, 1, find_unit(db, "Công an xã"), period.id, out)
    return out


def rebuilt(form: Path, out: Path, replace: dict[str, bytes] | None = None,
            extra: Callable[[zipfile.ZipFile], None] | None = None) -> Path:  # fmt: skip
    """The form with some members replaced or added, and more written by `extra`. Every
    part is checked, whether the workbook names it or not."""
    replace = replace or {}
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename, source.read(item.filename)))
        for name in replace.keys() - set(source.namelist()):  # a part openpyxl did not write
            target.writestr(name, replace[name])
        if extra:
            extra(target)
    return out


def lie_about_size(path: Path, member: str, size: int) -> None:
    """Overwrite the uncompressed size the zip's headers give for `member` (the local
    header and the central directory), leaving the data as it is."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := data.find(signature, start)) != -1:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, size)
            start = at + 4
    path.write_bytes(bytes(data))


def sheet_xml(rows: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxml'
            f'formats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'
            ).encode()  # fmt: skip


def refuse(db: Database, path: Path, words: str) -> None:
    before = stored(db)
    with pytest.raises(BadInputFileError) as info:
        import_return(db, path)
    assert words in info.value.message, info.value.message
    assert path.name in info.value.message and info.value.exit_code == 3
    assert stored(db) == before


def test_a_zip_bomb_is_refused_from_the_bytes_it_unpacks(sample_db: Database,
                                                         tmp_path: Path) -> None:  # fmt: skip
    form = form_of(sample_db, tmp_path)

    def bomb(target: zipfile.ZipFile) -> None:
        with target.open("xl/media/image1.png", "w") as stream:  # 80 MB of zeros
            for _ in range(80):
                stream.write(bytes(MB))

    bombed = rebuilt(form, tmp_path / "bom.xlsx", extra=bomb)
    assert bombed.stat().st_size < MB
    refuse(sample_db, bombed, "quá lớn khi giải nén")


def test_headers_that_lie_about_the_size(sample_db: Database, tmp_path: Path) -> None:
    form = form_of(sample_db, tmp_path)
    # Says 100 bytes, holds the whole sheet: what is read past the 100 is not trusted.
    small = rebuilt(form, tmp_path / "nho.xlsx")
    lie_about_size(small, SHEET, 100)
    refuse(sample_db, small, "không phải tệp Excel (.xlsx) đọc được")
    # Says nearly 4 GB: refused before anything is allocated or unpacked.
    large = rebuilt(form, tmp_path / "lon.xlsx")
    lie_about_size(large, SHEET, 0xFFFF_FFF0)
    refuse(sample_db, large, "quá lớn khi giải nén")
    # A sheet that unpacks to more than its header says, within the limits: refused too.
    huge = sheet_xml("".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>'
                             for n in range(1, 20_000)))  # fmt: skip
    grown = rebuilt(form, tmp_path / "phinh.xlsx", {SHEET: huge})
    lie_about_size(grown, SHEET, 2000)
    refuse(sample_db, grown, "không phải tệp Excel (.xlsx) đọc được")


def test_too_many_rows_or_cells_stop_as_they_stream(sample_db: Database, tmp_path: Path) -> None:
    form = form_of(sample_db, tmp_path)
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>'
                   for n in range(1, safe_xlsx.MAX_SHEET_ROWS + 10))  # fmt: skip
    refuse(sample_db, rebuilt(form, tmp_path / "dong.xlsx", {SHEET: sheet_xml(rows)}),
           "quá nhiều cho một mẫu báo cáo")  # fmt: skip
    wide = '<row r="6">' + "<c><v>1</v></c>" * (safe_xlsx.MAX_ROW_CELLS + 1) + "</row>"
    refuse(sample_db, rebuilt(form, tmp_path / "rong.xlsx", {SHEET: sheet_xml(wide)}),
           "có dòng quá nhiều ô")  # fmt: skip
    cells = "".join(
        f'<row r="{n}">' + "<c><v>1</v></c>" * 100 + "</row>"
        for n in range(1, safe_xlsx.MAX_SHEET_CELLS // 100 + 10)
    )
    refuse(sample_db, rebuilt(form, tmp_path / "o.xlsx", {SHEET: sheet_xml(cells)}),
           "có quá nhiều ô")  # fmt: skip
    strings = (f'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
               f'spreadsheetml/2006/main">{"<si><t>a</t></si>" * (safe_xlsx.MAX_SHARED_STRINGS + 1)}</sst>').encode()  # fmt: skip
    refuse(sample_db, rebuilt(form, tmp_path / "chu.xlsx", {STRINGS: strings}),
           "có quá nhiều ô chữ")  # fmt: skip


def test_rows_past_the_limit_within_the_zip_limits(sample_db: Database, tmp_path: Path) -> None:
    """Rows skipped by number (row 6, then row 40,000) are counted as openpyxl yields
    them: the importer stops at its own limit, not after reading everything."""
    form = form_of(sample_db, tmp_path)
    with zipfile.ZipFile(form) as source:
        sheet = source.read(SHEET).decode()
    far = sheet.replace("</sheetData>", '<row r="40000"><c r="A40000"><v>1</v></c></row>'
                                        "</sheetData>")  # fmt: skip
    refuse(sample_db, rebuilt(form, tmp_path / "xa.xlsx", {SHEET: far.encode()}), "quá nhiều")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_xml_entities_are_refused(sample_db: Database, tmp_path: Path, encoding: str) -> None:
    form = form_of(sample_db, tmp_path)
    laughs = (f'<?xml version="1.0" encoding="{encoding.upper()}"?>'
              '<!DOCTYPE sst [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              "<si><t>&c;</t></si></sst>").encode(encoding)  # fmt: skip
    # In UTF-16 the bytes "<!DOCTYPE" are not there to be seen: such a part is refused.
    words = "DOCTYPE" if encoding == "utf-8" else "không ghi bằng mã UTF-8"
    refuse(sample_db, rebuilt(form, tmp_path / "thuc-the.xlsx", {STRINGS: laughs}), words)
    external = sheet_xml("").replace(b"<worksheet", b'<!DOCTYPE x SYSTEM "file:///etc/passwd">'
                                                    b"<worksheet", 1)  # fmt: skip
    refuse(sample_db, rebuilt(form, tmp_path / "ngoai.xlsx", {SHEET: external}), "DOCTYPE")


def test_a_broken_part_is_named_as_not_excel(sample_db: Database, tmp_path: Path) -> None:
    form = form_of(sample_db, tmp_path)
    refuse(sample_db, rebuilt(form, tmp_path / "hong.xlsx", {"xl/styles.xml": b"<styleSheet"}),
           "không phải tệp Excel (.xlsx) đọc được")  # fmt: skip


def test_the_command_line_says_so_with_exit_code_3(tmp_path: Path) -> None:
    data = make_sample_file(tmp_path)
    db = Database.open(data)
    try:
        form = form_of(db, tmp_path)
    finally:
        db.close()

    def bomb(target: zipfile.ZipFile) -> None:
        with target.open("xl/media/image1.png", "w") as stream:
            for _ in range(80):
                stream.write(bytes(MB))

    bombed = rebuilt(form, tmp_path / "bom.xlsx", extra=bomb)
    env = {**os.environ, paths.DATA_DIR_ENV: str(tmp_path / "user")}
    result = subprocess.run(
        [sys.executable, "-m", "dienchau_desktop", "import-returns", str(bombed), "--db",
         str(data)], env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 3, result.stderr
    assert "Tệp «bom.xlsx»: quá lớn khi giải nén" in result.stderr
    assert "Traceback" not in result.stderr


def test_rows_out_of_order_or_twice(sample_db: Database, tmp_path: Path) -> None:
    """Row numbers are what the row limit counts: a sheet repeating them is refused."""
    form = form_of(sample_db, tmp_path)
    again = "".join(f'<row r="6"><c r="A6"><v>{n}</v></c></row>' for n in range(3))
    refuse(sample_db, rebuilt(form, tmp_path / "lap.xlsx", {SHEET: sheet_xml(again)}),
           "không phải tệp Excel (.xlsx) đọc được")  # fmt: skip
