"""A unit's return read back: what the unit wrote becomes progress entries, matched by
task id whatever the row order; a bad file changes nothing and says what and where."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dienchau_desktop import paths
from dienchau_desktop.core.errors import BadInputFileError
from dienchau_desktop.core.return_form import META_SHEET
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers.returns import import_return
from dienchau_desktop.reports.return_form import export_return_form
from dienchau_desktop.reports.unit_sheet import find_unit
from dienchau_desktop.services import periods, progress

HEADER = 5  # the form's heading row; tasks start below it
STATUS, PERCENT, RESULT, DONE, INDICATOR = 6, 7, 8, 9, 10  # the open columns


def blank_form(db: Database, folder: Path, unit: str = "Công an xã") -> tuple[Path, int]:
    period = periods.list_periods(db, 1)[0]
    out = folder / "mau.xlsx"
    export_return_form(db, 1, find_unit(db, unit), period.id, out)
    return out, period.id


def fill(form: Path, answers: dict[int, tuple], out: Path | None = None,
         reverse: bool = False) -> Path:  # fmt: skip
    """Write answers (by task row index 0…) into the form, as the unit would in Excel;
    `reverse` turns the rows upside down first, as a unit sorting its sheet would."""
    book = load_workbook(form)
    sheet = book.worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=HEADER + 1)]
    for index, values in answers.items():
        for column, value in zip((STATUS, PERCENT, RESULT, DONE, INDICATOR), values, strict=False):
            rows[index][column - 1] = value
    if reverse:
        rows.reverse()
    for offset, values in enumerate(rows, start=HEADER + 1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(offset, column)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # typed as text ('=…), not a formula
    target = out or form
    book.save(target)
    return target


def entries(db: Database, period_id: int) -> list[progress.ProgressInfo]:
    latest = progress.latest_entries(db, 1, periods.list_periods(db, 1)[0].cutoff)
    return sorted((e for e in latest.values() if e.period_id == period_id), key=lambda e: e.item_id)


def task_id_of_row(form: Path, index: int) -> int:
    return int(load_workbook(form).worksheets[0].cell(HEADER + 1 + index, 1).value)


def test_a_filled_return_becomes_progress_entries(sample_db: Database, tmp_path: Path) -> None:
    form, period_id = blank_form(sample_db, tmp_path)
    first, second = task_id_of_row(form, 0), task_id_of_row(form, 1)
    fill(form, {0: ("Hoàn thành", 100, "Đã tuần tra 24/24 đêm", "05/03/2026"),
                1: ("Đang thực hiện", "60%", "Đã lập danh sách", None, 12)}, reverse=True)  # fmt: skip
    summary = import_return(sample_db, form)
    assert (summary.recorded, summary.unchanged, summary.unit) == (2, 0, "Công an xã")
    assert summary.empty == 5  # the unit's other tasks were left blank
    got = {e.item_id: e for e in entries(sample_db, period_id)}
    assert got[first].status == "completed" and got[first].completed_on == date(2026, 3, 5)
    assert got[first].result_text == "Đã tuần tra 24/24 đêm" and got[first].source == "import"
    assert got[second].percent == 60 and got[second].indicator_actual == 12
    assert "mau.xlsx" in got[second].source_file and got[second].reported_by == "Công an xã"
    # The same file again adds nothing: its rows now say what is recorded.
    again = import_return(sample_db, form)
    assert (again.recorded, again.unchanged) == (0, 2)
    assert len(progress.history(sample_db, first)) == 1


def test_a_date_typed_as_a_date_cell_and_odd_unicode(sample_db: Database, tmp_path: Path) -> None:
    form, period_id = blank_form(sample_db, tmp_path)
    nfd = unicodedata.normalize("NFD", "Hoàn thành")
    fill(form, {0: (nfd, None, "=SUM(A1) 🎉 xong", datetime(2026, 2, 1))})
    assert import_return(sample_db, form).recorded == 1
    [entry] = entries(sample_db, period_id)
    assert entry.result_text == "=SUM(A1) 🎉 xong" and entry.completed_on == date(2026, 2, 1)


def test_bad_rows_are_named_and_nothing_is_stored(sample_db: Database, tmp_path: Path) -> None:
    form, period_id = blank_form(sample_db, tmp_path)
    fill(form, {0: ("Hoàn thành", 100, "Xong", "05/03/2026"),     # fine on its own
                1: ("Xong rồi", 50),                               # not in the list
                2: ("Đang thực hiện", 140),                        # percent over 100
                3: ("Hoàn thành", None, "Xong", "31/02/2026"),     # no such day
                4: ("Hoàn thành", None, "Chưa có ngày"),           # completed, no date
                5: (None, 30, "Có số mà không có trạng thái")})  # fmt: skip
    with pytest.raises(BadInputFileError) as info:
        import_return(sample_db, form)
    message = info.value.message
    assert "5 chỗ sai, chưa nhập gì" in message
    for row, words in ((7, "«Xong rồi» không có trong danh sách"), (8, "% hoàn thành"),
                       (9, "không có thật"), (10, "cần có ngày hoàn thành"),
                       (11, "«Trạng thái» còn trống")):  # fmt: skip
        assert f"Dòng {row}:" in message and words in message, (row, words, message)
    assert entries(sample_db, period_id) == []  # not even the good row
    assert info.value.exit_code == 3


def test_tampered_ids_and_duplicates_are_refused(sample_db: Database, tmp_path: Path) -> None:
    form, _period_id = blank_form(sample_db, tmp_path)
    book = load_workbook(form)
    sheet = book.worksheets[0]
    sheet.cell(HEADER + 1, STATUS).value = "Đang thực hiện"
    sheet.cell(HEADER + 2, 1).value = "99999"  # a task of no form
    sheet.cell(HEADER + 2, STATUS).value = "Đang thực hiện"
    sheet.cell(HEADER + 3, 1).value = sheet.cell(HEADER + 1, 1).value  # the same task twice
    sheet.cell(HEADER + 3, STATUS).value = "Tạm dừng"
    book.save(form)
    with pytest.raises(BadInputFileError) as info:
        import_return(sample_db, form)
    assert "Dòng 7: mã nhiệm vụ 99999 không thuộc mẫu báo cáo này" in info.value.message
    assert "Dòng 8: nhiệm vụ mã" in info.value.message and "đã có ở dòng 6" in info.value.message


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken zip",
                                     "Tiếng Việt trong tệp văn bản".encode()])  # fmt: skip
def test_files_that_are_not_returns(sample_db: Database, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bao-cao.xlsx"
    bad.write_bytes(content)
    with pytest.raises(BadInputFileError) as info:
        import_return(sample_db, bad)
    assert "bao-cao.xlsx" in info.value.message and "không phải tệp Excel" in info.value.message


def test_a_return_with_damaged_insides(sample_db: Database, tmp_path: Path) -> None:
    """A real .xlsx whose sheet XML was cut short (a mail attachment truncated)."""
    import zipfile

    form, _ = blank_form(sample_db, tmp_path)
    damaged = tmp_path / "hong.xlsx"
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(BadInputFileError, match="không phải tệp Excel"):
        import_return(sample_db, damaged)
    renamed = tmp_path / "bao-cao.xls"  # an old-format name openpyxl refuses outright
    renamed.write_bytes(form.read_bytes())
    with pytest.raises(BadInputFileError, match="không phải tệp Excel"):
        import_return(sample_db, renamed)


def test_an_excel_file_of_another_kind_or_plan_or_closed_period(sample_db: Database,
                                                                tmp_path: Path) -> None:  # fmt: skip
    from openpyxl import Workbook

    other = tmp_path / "khac.xlsx"
    Workbook().save(other)
    with pytest.raises(BadInputFileError, match="thiếu trang ẩn nhận diện"):
        import_return(sample_db, other)
    form, period_id = blank_form(sample_db, tmp_path)
    book = load_workbook(form)
    book[META_SHEET]["B3"] = "77"  # plan_id row: a plan this data file does not have
    book.save(tmp_path / "ke-hoach-khac.xlsx")
    with pytest.raises(BadInputFileError, match="không có trong tệp dữ liệu này"):
        import_return(sample_db, tmp_path / "ke-hoach-khac.xlsx")
    fill(form, {0: ("Đang thực hiện", 10)})
    periods.set_period_closed(sample_db, period_id, True)
    with pytest.raises(BadInputFileError, match="đã khóa"):
        import_return(sample_db, form)


def test_a_huge_sheet_is_refused(sample_db: Database, tmp_path: Path) -> None:
    form, _ = blank_form(sample_db, tmp_path)
    book = load_workbook(form)
    book.worksheets[0].cell(HEADER + 30_000, 1).value = "1"
    book.save(form)
    with pytest.raises(BadInputFileError, match="quá nhiều"):
        import_return(sample_db, form)


def test_command_line_dry_run_then_import(tmp_path: Path) -> None:
    env = {**os.environ, paths.DATA_DIR_ENV: str(tmp_path / "data")}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "dienchau_desktop", *args], env=env,
                              capture_output=True, text=True, timeout=120, check=False)  # fmt: skip

    form = tmp_path / "mau.xlsx"
    assert cli("export", "return-form", "--unit", "Công an xã", "--format", "xlsx",
               "--out", str(form)).returncode == 0  # fmt: skip
    fill(form, {0: ("Đang thực hiện", 40, "Đang làm")})
    dry = cli("import-returns", str(form), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout) | {"file": ""} == json.loads(dry.stdout) | {
        "file": "", "ok": True, "recorded": 1, "unchanged": 0, "dry_run": True}  # fmt: skip
    done = cli("import-returns", str(form))
    assert done.returncode == 0 and "Đã ghi 1 mục tiến độ của «Công an xã»" in done.stdout
    assert json.loads(cli("import-returns", str(form), "--json").stdout)["unchanged"] == 1
    bad = tmp_path / "hong.xlsx"
    bad.write_text("x")
    result = cli("import-returns", str(bad))
    assert result.returncode == 3 and "không phải tệp Excel" in result.stderr
