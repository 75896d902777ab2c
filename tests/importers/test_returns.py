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
from dienchau_desktop.reports.unit_sheet import find_unit, unit_tasks
from dienchau_desktop.services import periods, plans, progress

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
    first, second = task_id_of_row(form, 0), task_id_of_row(form, 2)  # both led by the unit
    fill(form, {0: ("Hoàn thành", 100, "Đã tuần tra 24/24 đêm", "05/03/2026"),
                2: ("Đang thực hiện", "60%", "Đã lập danh sách", None, 12)}, reverse=True)  # fmt: skip
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


def test_a_return_comes_back_after_the_plan_got_its_number(
    sample_db: Database, tmp_path: Path
) -> None:
    """Forms go out while the plan's number and date are still blank; filling them in
    later must not turn the units' returns away."""
    form, period_id = blank_form(sample_db, tmp_path)
    plans.update_plan(sample_db, 1, number="15", issue_date=date(2026, 1, 5))
    fill(form, {0: ("Đang thực hiện", 50, "Đã triển khai")})
    summary = import_return(sample_db, form)
    assert summary.recorded == 1
    assert [e.percent for e in entries(sample_db, period_id)] == [50]


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
    book[META_SHEET]["B4"] = "77"  # plan_id row: a plan this data file does not have
    book.save(tmp_path / "ke-hoach-khac.xlsx")
    with pytest.raises(BadInputFileError, match="đã bị sửa sau khi xuất mẫu"):
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


# ----------------------------------------------------------- prefilled forms, roles


def unit_task_ids(db: Database, unit: str) -> dict[str, list[int]]:
    """The unit's tasks in form order, by role: {"Chủ trì": […], "Phối hợp": […]}."""
    found: dict[str, list[int]] = {"Chủ trì": [], "Phối hợp": []}
    for task, _outline, role in unit_tasks(db, 1, find_unit(db, unit).id):
        found[role].append(task.id)
    return found


def form_row(form: Path, task_id: int) -> int:
    """The sheet row holding `task_id` (the form lists tasks in plan order)."""
    sheet = load_workbook(form).worksheets[0]
    return next(r for r in range(HEADER + 1, sheet.max_row + 1)
                if sheet.cell(r, 1).value == str(task_id))  # fmt: skip


def set_cells(form: Path, row: int, values: dict[int, object], number_format: str = "") -> None:
    """Type into one row as a unit would in Excel (`number_format`: what Excel gives the
    cell, "0%" when someone types 80%)."""
    book = load_workbook(form)
    sheet = book.worksheets[0]
    for column, value in values.items():
        cell = sheet.cell(row, column)
        cell.value = value
        if number_format:
            cell.number_format = number_format
    book.save(form)


def test_an_untouched_form_imports_as_nothing_new(sample_db: Database, tmp_path: Path) -> None:
    period_id = periods.list_periods(sample_db, 1)[0].id
    tasks = unit_task_ids(sample_db, "Công an xã")
    done, going, paused = tasks["Chủ trì"][:3]
    helped = tasks["Phối hợp"][0]
    progress.record_progress(sample_db, done, period_id, status="completed",
                             completed_on=date(2026, 3, 5), result_text="Đã tuần tra 24/24 đêm",
                             indicator_actual=88)  # fmt: skip
    progress.record_progress(sample_db, going, period_id, status="in_progress", percent=40,
                             result_text="Đang lập danh sách\ndòng hai", indicator_actual=12.5)  # fmt: skip
    progress.record_progress(sample_db, paused, period_id, status="paused")
    progress.record_entries(sample_db, [progress.NewEntry(
        helped, period_id, "in_progress", 30, "Phối hợp rà soát", reported_by="Công an xã",
        source="import", contribution=True)])  # fmt: skip
    form, _ = blank_form(sample_db, tmp_path)
    sheet = load_workbook(form).worksheets[0]
    row = form_row(form, done)
    assert [sheet.cell(row, c).value for c in (STATUS, PERCENT, RESULT, DONE, INDICATOR)] == [
        "Hoàn thành",
        100,
        "Đã tuần tra 24/24 đêm",
        "05/03/2026",
        88,
    ]
    assert sheet.cell(form_row(form, helped), PERCENT).value == 30  # its own contribution

    summary = import_return(sample_db, form)
    assert (summary.recorded, summary.unchanged, summary.empty) == (0, 4, 3)
    assert [len(progress.history(sample_db, t)) for t in (done, going, paused, helped)] == [1] * 4


def test_changing_only_the_percent_keeps_the_rest(sample_db: Database, tmp_path: Path) -> None:
    period_id = periods.list_periods(sample_db, 1)[0].id
    task = unit_task_ids(sample_db, "Công an xã")["Chủ trì"][1]
    progress.record_progress(sample_db, task, period_id, status="in_progress", percent=40,
                             result_text="Đang làm", indicator_actual=88)  # fmt: skip
    form, _ = blank_form(sample_db, tmp_path)
    set_cells(form, form_row(form, task), {PERCENT: 60})
    summary = import_return(sample_db, form)
    assert (summary.recorded, summary.unchanged) == (1, 0)
    latest = progress.latest_entries(sample_db, 1, periods.list_periods(sample_db, 1)[0].cutoff)
    entry = latest[task]
    assert (entry.status, entry.percent, entry.result_text, entry.indicator_actual) == (
        "in_progress", 60, "Đang làm", 88)  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "number_format", "percent"),
    [
        (0.8, "0%", 80),  # 80% typed in Excel: stored 0.8, shown "80%"
        (1.0, "0%", 100),  # 100% typed in Excel
        (0.455, "0.0%", 46),  # 45.5% shown with a decimal
        (80, "General", 80),
        ("80%", "General", 80),
        ("80 %", "@", 80),
        ("80", "@", 80),
        ("45,5", "@", 46),  # a decimal comma, as Vietnamese write it
        (1, "General", 1),
        (0, "General", 0),
    ],
)
def test_what_a_percent_cell_may_hold(sample_db: Database, tmp_path: Path, typed: object,
                                      number_format: str, percent: int) -> None:  # fmt: skip
    form, _period_id = blank_form(sample_db, tmp_path)
    task = task_id_of_row(form, 0)
    set_cells(form, HEADER + 1, {STATUS: "Đang thực hiện"})
    set_cells(form, HEADER + 1, {PERCENT: typed}, number_format)
    assert import_return(sample_db, form).recorded == 1
    [entry] = progress.history(sample_db, task)
    assert entry.percent == percent


@pytest.mark.parametrize("typed", [0.8, "0,8", "0.5"])
def test_a_bare_fraction_is_not_guessed(sample_db: Database, tmp_path: Path, typed: object) -> None:
    form, _ = blank_form(sample_db, tmp_path)
    task = task_id_of_row(form, 0)
    set_cells(form, HEADER + 1, {STATUS: "Đang thực hiện", PERCENT: typed})
    with pytest.raises(BadInputFileError) as info:
        import_return(sample_db, form)
    assert "Dòng 6: cột «% hoàn thành»" in info.value.message
    assert "không rõ" in info.value.message
    assert progress.history(sample_db, task) == []


def test_completed_at_50_percent_is_refused(sample_db: Database, tmp_path: Path) -> None:
    form, _ = blank_form(sample_db, tmp_path)
    first, second = task_id_of_row(form, 0), task_id_of_row(form, 2)
    fill(form, {0: ("Đang thực hiện", 50, "Một nửa"),  # a good row: not written either
                2: ("Hoàn thành", 50, "Xong một nửa", "05/03/2026")})  # fmt: skip
    with pytest.raises(BadInputFileError) as info:
        import_return(sample_db, form)
    message = info.value.message
    assert "mau.xlsx" in message and "1 chỗ sai, chưa nhập gì" in message
    assert "Dòng 8: cột «% hoàn thành»: Nhiệm vụ «Hoàn thành» phải đạt 100%" in message
    assert progress.history(sample_db, first) == progress.history(sample_db, second) == []


def test_a_coordinators_return_is_kept_as_its_contribution(sample_db: Database,
                                                           tmp_path: Path) -> None:  # fmt: skip
    period = periods.list_periods(sample_db, 1)[0]
    police, culture = "Công an xã", "Phòng Văn hoá - Xã hội"
    task = unit_task_ids(sample_db, police)["Chủ trì"][0]
    assert task in unit_task_ids(sample_db, culture)["Phối hợp"]
    lead_form = tmp_path / "cong-an.xlsx"
    export_return_form(sample_db, 1, find_unit(sample_db, police), period.id, lead_form)
    set_cells(lead_form, form_row(lead_form, task), {STATUS: "Đang thực hiện", PERCENT: 40,
                                                     RESULT: "Đang tuần tra"})  # fmt: skip
    assert import_return(sample_db, lead_form).recorded == 1
    helper_form = tmp_path / "van-hoa.xlsx"
    export_return_form(sample_db, 1, find_unit(sample_db, culture), period.id, helper_form)
    row = form_row(helper_form, task)
    assert load_workbook(helper_form).worksheets[0].cell(row, STATUS).value is None
    set_cells(helper_form, row, {STATUS: "Hoàn thành", PERCENT: 100, DONE: "10/03/2026",
                                 RESULT: "Đã tuyên truyền 12 buổi"})  # fmt: skip

    summary = import_return(sample_db, helper_form)
    assert (summary.recorded, summary.contributions) == (1, 1)
    # The lead's report still decides the task's state, everywhere it is read.
    for reader in (progress.latest_entries, progress.latest_states):
        state = reader(sample_db, 1, period.cutoff)[task]
        assert (state.status, state.percent) == ("in_progress", 40)
    assert progress.latest_entries_as_of(sample_db, 1, date(2026, 6, 1))[task].percent == 40
    # The coordinator's report is in the history, marked as its contribution.
    newest, older = progress.history(sample_db, task)
    assert (newest.contribution, newest.reported_by, newest.status) == (True, culture, "completed")
    assert newest.result_text == "Đã tuyên truyền 12 buổi"
    assert (older.contribution, older.reported_by, older.percent) == (False, police, 40)

    # Each unit's next form is prefilled with its own part, and sent back as it is,
    # brings nothing new.
    for unit, expected in ((police, "Đang thực hiện"), (culture, "Hoàn thành")):
        again = tmp_path / f"lan-2-{unit}.xlsx"
        export_return_form(sample_db, 1, find_unit(sample_db, unit), period.id, again)
        assert load_workbook(again).worksheets[0].cell(form_row(again, task), STATUS).value == (
            expected)  # fmt: skip
        assert import_return(sample_db, again).recorded == 0
    assert len(progress.history(sample_db, task)) == 2
