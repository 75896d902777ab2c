"""Honest returns the tester found refused, and refusals that said too much or the wrong
thing: a result over 500 characters blocked every later return of the unit, a sheet
added in front or the sheets reordered hid the report sheet, a formula in the status
cell made two errors, and a result cut at Excel's 32,767 characters was reported as
that long."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from dienchau_desktop.core.errors import BadInputFileError
from dienchau_desktop.core.return_form import META_SHEET
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers.returns import import_return
from dienchau_desktop.services import progress
from tests.importers.test_returns import (
    DONE,
    HEADER,
    INDICATOR,
    PERCENT,
    RESULT,
    STATUS,
    blank_form,
    fill,
    set_cells,
    task_id_of_row,
)
from tests.importers.test_returns_forged import refused, stored


def result_of(db: Database, task_id: int) -> str:
    return progress.history(db, task_id)[0].result_text


# ------------------------------------------------------- results over 500 characters


def test_a_600_character_result_does_not_block_the_next_return(sample_db: Database,
                                                               tmp_path: Path) -> None:  # fmt: skip
    form, _ = blank_form(sample_db, tmp_path)
    long = "Đã tuần tra, lập biên bản. " * 22  # 594 characters, trimmed
    fill(form, {0: ("Đang thực hiện", 40, long)})
    task = task_id_of_row(form, 0)
    first = import_return(sample_db, form)
    assert (first.recorded, first.unchanged) == (1, 0)
    assert result_of(sample_db, task) == long.strip()
    # The same file again: what it says is recorded already (it was refused: "dài 594
    # ký tự, quá giới hạn 500", naming the field «result_text»).
    again = import_return(sample_db, form)
    assert (again.recorded, again.unchanged) == (0, 1)
    # The form exported afterwards comes prefilled with it; sent back untouched.
    later, _ = blank_form(sample_db, tmp_path / "sau")
    assert load_workbook(later).worksheets[0].cell(HEADER + 1, RESULT).value == long.strip()
    untouched = import_return(sample_db, later)
    assert (untouched.recorded, untouched.unchanged) == (0, 1)
    assert len(progress.history(sample_db, task)) == 1


def test_results_of_20000_characters_on_every_row(sample_db: Database, tmp_path: Path) -> None:
    form, _ = blank_form(sample_db, tmp_path)
    rows = len(list(load_workbook(form).worksheets[0].iter_rows(min_row=HEADER + 1)))
    results = {i: ("Đang thực hiện", 10 + i, f"{i}" + "x" * (20_000 - len(str(i))))
               for i in range(rows)}  # fmt: skip
    fill(form, results)
    assert import_return(sample_db, form).recorded == rows
    for i in range(rows):
        assert result_of(sample_db, task_id_of_row(form, i)) == results[i][2]
    assert import_return(sample_db, form).unchanged == rows
    later, _ = blank_form(sample_db, tmp_path / "sau")
    summary = import_return(sample_db, later)
    assert (summary.recorded, summary.unchanged) == (0, rows)


def test_a_result_over_20000_characters_is_named_by_its_label(sample_db: Database,
                                                              tmp_path: Path) -> None:  # fmt: skip
    form, _ = blank_form(sample_db, tmp_path)
    fill(form, {0: ("Đang thực hiện", 40, "x" * 20_001)})
    message = refused(sample_db, form, f"Dòng {HEADER + 1}: cột «Kết quả thực hiện»: «Kết quả» "
                                       "dài 20.001 ký tự, quá giới hạn 20.000 ký tự.")  # fmt: skip
    assert "result_text" not in message


def test_a_result_cut_by_excel_is_not_given_an_exact_length(sample_db: Database,
                                                            tmp_path: Path) -> None:  # fmt: skip
    """A cell holds 32,767 characters at most: 40,000 typed or pasted are cut there, so
    "dài 32.767 ký tự" was not what the unit wrote."""
    form, _ = blank_form(sample_db, tmp_path)
    fill(form, {0: ("Đang thực hiện", 40, "y" * 32_767)})
    message = refused(sample_db, form, "«Kết quả» dài từ 32.767 ký tự trở lên")
    assert "dài 32.767" not in message and "quá giới hạn 20.000 ký tự" in message


# ------------------------------------------------------------ the report sheet


def edited(form: Path, change: str) -> Path:
    """The form as a unit might rearrange it in Excel before filling it in."""
    book = load_workbook(form)
    report = book.worksheets[0]
    if change == "note in front":
        note = book.create_sheet("Ghi chú", 0)
        note["A1"] = "Ghi chú của đơn vị"
        note["A2"] = "Mã số hồ sơ: 12"
        book.active = 1
    elif change == "hidden sheet first":
        book.move_sheet(META_SHEET, -(len(book.sheetnames) - 1))
        book.active = 1
    elif change == "renamed":
        report.title = "BC Công an xã"
    elif change == "renamed, moved last, notes around":
        report.title = "Báo cáo quý"
        book.create_sheet("Ghi chú", 0)["A1"] = "Mã"  # «Mã» alone: not a heading row
        book.move_sheet(report, len(book.sheetnames))
        book.active = 0
    else:
        raise AssertionError(change)
    book.save(form)
    return form


@pytest.mark.parametrize("change", ["note in front", "hidden sheet first", "renamed",
                                    "renamed, moved last, notes around"])  # fmt: skip
def test_the_report_sheet_is_found_wherever_it_is(sample_db: Database, tmp_path: Path,
                                                  change: str) -> None:  # fmt: skip
    form, _ = blank_form(sample_db, tmp_path)
    fill(
        form, {0: ("Đang thực hiện", 40, "Đang làm"), 1: ("Hoàn thành", 100, "Xong", "05/03/2026")}
    )
    edited(form, change)
    summary = import_return(sample_db, form)
    assert (summary.recorded, summary.unit) == (2, "Công an xã")


def test_a_form_without_its_report_sheet(sample_db: Database, tmp_path: Path) -> None:
    form, _ = blank_form(sample_db, tmp_path)
    book = load_workbook(form)
    book.create_sheet("Ghi chú", 0)["A1"] = "Không có gì"
    del book[book.sheetnames[1]]
    book.active = 0
    book.save(form)
    refused(sample_db, form, "không tìm thấy dòng tiêu đề bảng (ô đầu là «Mã»)")
    only_hidden = load_workbook(form)
    del only_hidden["Ghi chú"]
    only_hidden[META_SHEET].sheet_state = "visible"
    only_hidden.save(form)
    refused(sample_db, form, "không có trang báo cáo")


# ------------------------------------------------------- one error for one cell


def test_a_formula_in_the_status_cell_is_one_error(sample_db: Database, tmp_path: Path) -> None:
    form, _ = blank_form(sample_db, tmp_path)
    set_cells(form, HEADER + 1, {STATUS: '=IF(1,"Hoàn thành","")', PERCENT: 100})
    before = stored(sample_db)
    with pytest.raises(BadInputFileError) as info:
        import_return(sample_db, form)
    assert info.value.message.splitlines() == [
        "Tệp «mau.xlsx» có 1 chỗ sai, chưa nhập gì:",
        f"Dòng {HEADER + 1}: cột «Trạng thái»: có công thức, hãy ghi giá trị",
    ]
    assert stored(sample_db) == before


# ------------------------------------------- every bad cell of a row, in one message


def test_every_bad_cell_of_a_row_is_named_at_once(sample_db: Database, tmp_path: Path) -> None:
    """A walk found only the first bad cell of a row named: the unit fixed the percent,
    sent the file back, and only then heard that the date was wrong too."""
    form, _ = blank_form(sample_db, tmp_path)
    row = HEADER + 1
    set_cells(form, row, {STATUS: "Hoàn thành", PERCENT: "gần xong", DONE: "31/02/2026",
                          INDICATOR: "nhiều"})  # fmt: skip
    message = refused(sample_db, form, f"Dòng {row}: cột «% hoàn thành»")
    lines = [line for line in message.splitlines() if line.startswith(f"Dòng {row}:")]
    assert len(lines) == 3, message
    assert "«gần xong»" in lines[0], message  # in the order of the columns
    assert any("cột «Ngày hoàn thành" in line for line in lines), message
    assert any("cột «Chỉ tiêu đạt được»" in line for line in lines), message
    assert "có 3 chỗ sai" in message


def test_a_row_with_an_unknown_state_still_has_its_cells_checked(sample_db: Database,
                                                                 tmp_path: Path) -> None:  # fmt: skip
    form, _ = blank_form(sample_db, tmp_path)
    row = HEADER + 1
    set_cells(form, row, {STATUS: "Xong rồi", PERCENT: 150})
    message = refused(sample_db, form, f"Dòng {row}: cột «Trạng thái»: «Xong rồi» không có")
    assert f"Dòng {row}: cột «% hoàn thành»: Tỷ lệ 150% phải nằm trong khoảng 0–100." in message


def test_cells_each_right_still_meet_the_rules_across_them(sample_db: Database,
                                                           tmp_path: Path) -> None:  # fmt: skip
    """Only a row whose cells each read well is asked the rules across fields, and then
    the one that fails is named (not a cell already named as unreadable)."""
    form, _ = blank_form(sample_db, tmp_path)
    row = HEADER + 1
    set_cells(form, row, {STATUS: "Hoàn thành", PERCENT: 50, DONE: "01/02/2026"})
    message = refused(sample_db, form, f"Dòng {row}: cột «% hoàn thành»: Nhiệm vụ «Hoàn thành» "
                                       "phải đạt 100%, không phải 50%.")  # fmt: skip
    assert "có 1 chỗ sai" in message
