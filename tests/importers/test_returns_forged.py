"""Return forms bound to what they were made for (issue 14, item 4): an edited hidden
sheet, a form from another data file, an old unsealed form, a renamed task and a formula
are refused with a sentence saying so, and nothing is recorded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from dienchau_desktop.core.errors import BadInputFileError
from dienchau_desktop.core.periods import PeriodSpec
from dienchau_desktop.core.return_form import META_SHEET
from dienchau_desktop.core.return_seal import title_key
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers.returns import import_return, read_return
from dienchau_desktop.reports.return_form import export_return_form
from dienchau_desktop.reports.unit_sheet import find_unit, unit_tasks
from dienchau_desktop.services import items, periods, progress, units
from tests.conftest import make_sample_file
from tests.importers.test_returns import HEADER, PERCENT, STATUS, fill, set_cells

POLICE, CULTURE = "Công an xã", "Phòng Văn hoá - Xã hội"


def export(db: Database, folder: Path, unit: str = POLICE, period: int = 0,
           name: str = "mau.xlsx") -> Path:  # fmt: skip
    out = folder / name
    period_id = periods.list_periods(db, 1)[period].id
    export_return_form(db, 1, find_unit(db, unit), period_id, out)
    return out


def stored(db: Database) -> list[tuple]:
    """Every progress entry in the file: what a refused import must leave as it was."""
    with db.read() as session:
        return list(session.execute(sa.text("SELECT * FROM progress_entry ORDER BY id")))


def edit_meta(form: Path, changes: dict[str, str] | None = None,
              extra_tasks: list[tuple[int, str]] = ()) -> None:  # fmt: skip
    """Edit the hidden sheet as a forger would in Excel: facts by key, tasks appended."""
    book = load_workbook(form)
    meta = book[META_SHEET]
    for row in meta.iter_rows():
        if row[0].value in (changes or {}):
            row[1].value = changes[row[0].value]
    for task_id, key in extra_tasks:
        meta.append(["task", str(task_id), key])
    book.save(form)


def lead_tasks(db: Database, unit: str) -> list[items.ItemNode]:
    return [t for t, _o, role in unit_tasks(db, 1, find_unit(db, unit).id) if role == "Chủ trì"]


def refused(db: Database, form: Path, words: str) -> str:
    before = stored(db)
    with pytest.raises(BadInputFileError) as info:
        import_return(db, form)
    assert words in info.value.message, info.value.message
    assert info.value.exit_code == 3
    assert stored(db) == before  # nothing recorded, nothing changed
    return info.value.message


def test_an_untouched_filled_form_still_imports(sample_db: Database, tmp_path: Path) -> None:
    form = export(sample_db, tmp_path)
    fill(form, {0: ("Đang thực hiện", 40, "Đang làm")})
    summary = import_return(sample_db, form)
    assert (summary.recorded, summary.unit) == (1, POLICE)


def test_widened_task_ids_cannot_mark_another_units_task(sample_db: Database,
                                                         tmp_path: Path) -> None:  # fmt: skip
    """The attack of the issue: Công an xã adds another unit's task to its hidden sheet
    (with the right title key: anyone can compute one) and marks it completed."""
    police_ids = {t.id for t, _o, _r in unit_tasks(sample_db, 1, find_unit(sample_db, POLICE).id)}
    foreign = next(t for t in lead_tasks(sample_db, CULTURE) if t.id not in police_ids)
    form = export(sample_db, tmp_path)
    edit_meta(form, extra_tasks=[(foreign.id, title_key(foreign.title))])
    book = load_workbook(form)
    sheet = book.worksheets[0]
    sheet.cell(HEADER + 1, 1).value = str(foreign.id)
    sheet.cell(HEADER + 1, STATUS).value = "Hoàn thành"
    sheet.cell(HEADER + 1, 9).value = "01/03/2026"
    book.save(form)
    refused(sample_db, form, "đã bị sửa sau khi xuất mẫu")
    assert progress.history(sample_db, foreign.id) == []


def test_a_year_form_cannot_be_moved_into_the_half_year(sample_db: Database,
                                                        tmp_path: Path) -> None:  # fmt: skip
    half, year = periods.list_periods(sample_db, 1)
    form = export(sample_db, tmp_path, period=1)
    fill(form, {0: ("Đang thực hiện", 70)})
    edit_meta(form, {"period_id": str(half.id), "period": half.label,
                     "period_cutoff": half.cutoff.isoformat()})  # fmt: skip
    refused(sample_db, form, "đã bị sửa sau khi xuất mẫu")
    # Only the period id: the same.
    form = export(sample_db, tmp_path, period=1, name="nam.xlsx")
    fill(form, {0: ("Đang thực hiện", 70)})
    edit_meta(form, {"period_id": str(half.id)})
    refused(sample_db, form, "đã bị sửa sau khi xuất mẫu")
    assert year.id != half.id


@pytest.mark.parametrize("changes", [
    {"unit": "Đơn vị không có thật"},
    {"unit": CULTURE},
    {"unit_id": "9999"},
    {"plan_reference": "99/KH-UBND"},
    {"made_at": "2020-01-01T00:00:00"},
    {"signature": ""},
    {"signature": "0" * 64},
    {"signature": "chữ ký giả"},
    {"plan_id": "một"},
    {"period_start": "hôm qua"},
])  # fmt: skip
def test_any_edit_of_the_hidden_sheet_is_refused(sample_db: Database, tmp_path: Path,
                                                 changes: dict[str, str]) -> None:  # fmt: skip
    form = export(sample_db, tmp_path)
    fill(form, {0: ("Đang thực hiện", 40, "Đang làm")})
    if "unit_id" in changes:  # the id of another unit, with its name: still refused
        other = find_unit(sample_db, CULTURE)
        changes = {"unit_id": str(other.id), "unit": other.name}
    edit_meta(form, changes)
    refused(sample_db, form, "đã bị sửa sau khi xuất mẫu")


def test_a_removed_task_row_of_the_hidden_sheet_is_refused(sample_db: Database,
                                                           tmp_path: Path) -> None:  # fmt: skip
    form = export(sample_db, tmp_path)
    fill(form, {0: ("Đang thực hiện", 40)})
    book = load_workbook(form)
    meta = book[META_SHEET]
    last = meta.max_row
    meta.delete_rows(last)
    book.save(form)
    refused(sample_db, form, "đã bị sửa sau khi xuất mẫu")


def test_a_form_from_another_data_file_is_refused(sample_db: Database, tmp_path: Path) -> None:
    """Another office's file holds the same sample plan: the same ids, other tasks'
    history. Its form is refused here, even with this file's id copied into it."""
    other = Database.open(make_sample_file(tmp_path / "khac"))
    try:
        form = export(other, tmp_path, name="xa-khac.xlsx")
    finally:
        other.close()
    fill(form, {0: ("Hoàn thành", 100, "Xong", "01/03/2026")})
    message = refused(sample_db, form, "được xuất từ một tệp dữ liệu khác")
    assert "xa-khac.xlsx" in message
    ours = export(sample_db, tmp_path)  # this file now has its id and key
    our_id = next(r[1].value for r in load_workbook(ours)[META_SHEET].iter_rows()
                  if r[0].value == "file_id")  # fmt: skip
    edit_meta(form, {"file_id": our_id})
    refused(sample_db, form, "đã bị sửa sau khi xuất mẫu")


def test_an_old_form_without_a_seal_is_refused(sample_db: Database, tmp_path: Path) -> None:
    """What version 1 wrote: the facts and task ids, no seal. It cannot show that it
    was not edited, so a new form is asked for."""
    form = export(sample_db, tmp_path)
    fill(form, {0: ("Đang thực hiện", 40)})
    book = load_workbook(form)
    meta = book[META_SHEET]
    ids = [r[1].value for r in meta.iter_rows() if r[0].value == "task"]
    book.remove(meta)
    old = book.create_sheet(META_SHEET)
    unit = find_unit(sample_db, POLICE)
    for row in (("format", "dienchau-return-form"), ("version", "1"), ("plan_id", "1"),
                ("plan_reference", "x"), ("unit_id", str(unit.id)), ("unit", unit.name),
                ("period_id", "1"), ("period", "6 tháng"), ("task_ids", ",".join(ids))):  # fmt: skip
        old.append(row)
    old.sheet_state = "hidden"
    book.save(form)
    with pytest.raises(BadInputFileError) as info:
        read_return(sample_db, form)
    assert "phiên bản cũ" in info.value.message and "Hãy xuất mẫu báo cáo mới" in info.value.hint
    refused(sample_db, form, "phiên bản cũ")


def test_a_unit_renamed_or_a_period_moved_since_the_form_went_out(sample_db: Database,
                                                                 tmp_path: Path) -> None:  # fmt: skip
    form = export(sample_db, tmp_path)
    fill(form, {0: ("Đang thực hiện", 40)})
    police = find_unit(sample_db, POLICE)
    units.update_unit(sample_db, police.id, name="Công an xã Diễn Châu")
    refused(sample_db, form, "nay đã đổi tên thành «Công an xã Diễn Châu»")
    units.update_unit(sample_db, police.id, name=POLICE)
    half = periods.list_periods(sample_db, 1)[0]
    periods.update_period(
        sample_db,
        half.id,
        PeriodSpec(half.kind, half.label, half.start, date(2026, 6, 30), date(2026, 7, 2)),
    )
    refused(sample_db, form, "kỳ này nay từ 15/12/2025 đến 30/06/2026")


def test_a_task_renamed_since_the_form_went_out(sample_db: Database, tmp_path: Path) -> None:
    """A new answer for a renamed task is refused, naming it; a row left as prefilled,
    or left blank, for a renamed task is no reason to refuse the rest."""
    first, second = lead_tasks(sample_db, POLICE)[:2]
    period_id = periods.list_periods(sample_db, 1)[0].id
    progress.record_progress(sample_db, second.id, period_id, status="in_progress", percent=20)
    form = export(sample_db, tmp_path)
    items.update_item(sample_db, first.id, title="Tuần tra ban đêm (sửa lại)")
    items.update_item(sample_db, second.id, title="Việc thứ hai (sửa lại)")
    row = HEADER + 1  # the first task's row; the second is prefilled, left as it is
    set_cells(form, row, {STATUS: "Đang thực hiện", PERCENT: 50})
    message = refused(sample_db, form, f"Dòng {row}: nhiệm vụ mã {first.id} đã được sửa tên")
    assert "«Tuần tra ban đêm (sửa lại)»" in message
    assert "Việc thứ hai" not in message
    set_cells(form, row, {STATUS: None, PERCENT: None})
    summary = import_return(sample_db, form)
    assert (summary.recorded, summary.unchanged) == (0, 1)


@pytest.mark.parametrize(("column", "heading", "formula"), [
    (STATUS, "Trạng thái", '=IF(1,"Hoàn thành","")'),
    (PERCENT, "% hoàn thành", "=40+20"),
    (8, "Kết quả thực hiện", '=""'),  # evaluates to nothing: still not "left empty"
])  # fmt: skip
def test_a_formula_in_an_open_cell_is_named(sample_db: Database, tmp_path: Path, column: int,
                                            heading: str, formula: str) -> None:  # fmt: skip
    form = export(sample_db, tmp_path)
    set_cells(form, HEADER + 1, {STATUS: "Đang thực hiện", PERCENT: 10})
    set_cells(form, HEADER + 1, {column: formula})  # openpyxl writes "=…" as a formula
    refused(sample_db, form, f"Dòng {HEADER + 1}: cột «{heading}»: có công thức, hãy ghi giá trị")


def test_an_old_files_odd_characters_do_not_break_the_seal(sample_db: Database,
                                                           tmp_path: Path) -> None:  # fmt: skip
    """A unit name holding U+FFFF (possible in a file of an earlier version) is dropped
    from the form when it is written; the seal is over what the form can hold."""
    police = find_unit(sample_db, POLICE)
    with sample_db.write() as session:
        session.execute(sa.text("UPDATE unit SET name = :name WHERE id = :id"),
                        {"name": "Công an\uffff xã\x01", "id": police.id})  # fmt: skip
    out = tmp_path / "mau.xlsx"
    export_return_form(sample_db, 1, units.get_unit(sample_db, police.id),
                       periods.list_periods(sample_db, 1)[0].id, out)  # fmt: skip
    fill(out, {0: ("Đang thực hiện", 40, "Đang làm")})
    assert import_return(sample_db, out).recorded == 1


def as_excel_saves_it(form: Path) -> Path:
    """The form as Excel saves it: every text in the shared strings table, not inline
    (openpyxl writes them inline), one of them as rich text with a phonetic guide."""
    import html
    import re
    import zipfile

    strings: list[str] = []
    inline = re.compile(r'<c ([^>]*?)t="inlineStr"([^>]*)><is>(?:<t[^>]*>(.*?)</t>|<t/>)</is></c>')

    def shared(match: re.Match[str]) -> str:
        strings.append(f"<si><t>{match.group(3) or ''}</t></si>")
        return f'<c {match.group(1)}t="s"{match.group(2)}><v>{len(strings) - 1}</v></c>'

    out = form.with_name("excel-" + form.name)
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = inline.sub(shared, data.decode()).encode()
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/></Relationships>'))  # fmt: skip
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                    b"</Types>"))  # fmt: skip
            target.writestr(item, data)
        status = [html.unescape(x) for x in strings].index("<si><t>Đang thực hiện</t></si>")
        strings[status] = ("<si><r><t>Đang </t></r><r><rPr><b/></rPr><t>thực hiện</t></r>"
                           '<rPh sb="0" eb="1"><t>x</t></rPh></si>')  # fmt: skip
        table = "".join(strings)
        target.writestr("xl/sharedStrings.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
            f'.org/spreadsheetml/2006/main">{table}</sst>').encode())  # fmt: skip
    return out


def test_a_form_saved_by_excel_with_shared_strings(sample_db: Database, tmp_path: Path) -> None:
    form = export(sample_db, tmp_path)
    fill(form, {0: ("Đang thực hiện", 40, "Đang làm tiếp")})
    task = int(load_workbook(form).worksheets[0].cell(HEADER + 1, 1).value)
    summary = import_return(sample_db, as_excel_saves_it(form))
    assert (summary.recorded, summary.unit) == (1, POLICE)
    [entry] = progress.history(sample_db, task)
    assert (entry.status, entry.percent, entry.result_text) == ("in_progress", 40, "Đang làm tiếp")
