"""The Excel return form a unit fills in and sends back (REPORTS.md): one row per task
of the unit, with locked columns (id, number, title, deadline) and open ones (status
from a list, %, result, completion date, indicator reached). A hidden sheet names the
data file, plan, unit, period and tasks, sealed with the data file's key
(core.return_seal), so the file can be matched back row by row, whatever the unit did
to the order of the rows, and an edited hidden sheet is refused.

Every open column is prefilled with what is recorded (the task's state for the tasks
the unit leads, the unit's own last contribution for those it coordinates), so a form
sent back untouched, or with one cell changed, says nothing new about the rest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from dienchau_desktop.core.return_form import (
    COLUMNS,
    DEADLINE_FIELD,
    FORMAT,
    META_SHEET,
    TASK_ROW,
    TITLE_FIELD,
    VERSION,
)
from dienchau_desktop.core.return_seal import FormIdentity, seal, title_key
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.unit_sheet import unit_tasks
from dienchau_desktop.reports.xlsx import (
    BOX,
    CENTRE,
    FONT_NAME,
    WRAP,
    CellStyles,
    page_setup,
    row_height,
    save_workbook,
    writable,
    write_text,
)
from dienchau_desktop.services import form_keys, periods, plans, progress
from dienchau_desktop.services.items import PlanTree
from dienchau_desktop.services.periods import PeriodInfo
from dienchau_desktop.services.progress import ProgressInfo
from dienchau_desktop.services.units import UnitInfo

STATUS_CHOICES = tuple(progress.STATUS_LABELS.values())  # "Chưa thực hiện", … in Vietnamese
DATE_COLUMN = 9  # «Ngày hoàn thành (dd/mm/yyyy)»


@dataclass(frozen=True)
class ReturnFormRow:
    task_id: int
    number: str
    title: str
    role: str
    deadline: str
    status: str
    percent: int | None
    result: str
    completed_on: date | None = None
    indicator_actual: float | None = None


def return_form_rows(
    db: Database, plan_id: int, unit: UnitInfo, period: PeriodInfo, read: PlanRead | None = None
) -> list[ReturnFormRow]:
    """The unit's tasks, prefilled with what was last reported for the period: the
    task's state where the unit leads, its own last contribution where it coordinates
    (importers/returns.py reads each row back the same way). With `read`, the plan's
    tree and the period's latest entries come from it (one read for many units)."""
    latest = read.latest if read else progress.latest_entries(db, plan_id, period.cutoff)
    own = progress.latest_contributions(db, plan_id, period.cutoff, unit.name)
    rows = []
    for task, outline, role in unit_tasks(db, plan_id, unit.id, read and read.tree):
        entry = latest.get(task.id) if task.lead_unit_id == unit.id else own.get(task.id)
        rows.append(
            ReturnFormRow(
                task.id, outline, TITLE_FIELD.text_of(task), role, DEADLINE_FIELD.text_of(task),
                progress.STATUS_LABELS.get(entry.status, "") if entry else "",
                entry.percent if entry else None,
                entry.result_text if entry else "",
                entry.completed_on if entry else None,
                entry.indicator_actual if entry else None,
            )
        )  # fmt: skip
    return rows


def _number(value: float | None) -> int | float | None:
    """88.0 written as 88, as the unit would type it."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


@dataclass(frozen=True)
class PlanRead:
    """The plan's tree and a period's latest entries, read once for many units' forms."""

    tree: PlanTree
    latest: dict[int, ProgressInfo]


def export_return_form(
    db: Database, plan_id: int, unit: UnitInfo, period_id: int, out: Path,
    read: PlanRead | None = None,
) -> Path:  # fmt: skip
    plan = plans.get_plan(db, plan_id)
    period = next((p for p in periods.list_periods(db, plan_id) if p.id == period_id), None)
    if period is None:
        from dienchau_desktop.core.errors import NotFoundError

        raise NotFoundError(f"Kế hoạch không có kỳ báo cáo số {period_id}.")
    rows = return_form_rows(db, plan_id, unit, period, read)
    book = Workbook()
    sheet = book.active
    sheet.title = "Báo cáo"
    regular = Font(name=FONT_NAME, size=12)
    bold = Font(name=FONT_NAME, size=12, bold=True)
    last = get_column_letter(len(COLUMNS))
    for text, row in (
        (f"BÁO CÁO KẾT QUẢ THỰC HIỆN — {unit.name.upper()}", 1),
        (f"Kế hoạch số {plan.reference}: {plan.title}", 2),
        (f"Kỳ báo cáo: {period.label} (chốt số liệu {period.cutoff:%d/%m/%Y}). Các cột từ "
         f"«Trạng thái» trở đi đã điền sẵn số liệu đã ghi nhận: xin sửa những gì đã thay đổi "
         f"(nhiệm vụ phối hợp: phần việc của đơn vị mình) rồi gửi lại tệp này.", 3),
    ):  # fmt: skip
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row=row, column=1)
        write_text(cell, text)
        cell.font = bold if row == 1 else regular
        cell.alignment = CENTRE
        sheet.row_dimensions[row].height = row_height([(text, 200)])
    header = 5
    for column, (heading, width, _open) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        cell = sheet.cell(row=header, column=column)
        write_text(cell, heading)
        cell.font = bold
        cell.alignment = CENTRE
        cell.border = BOX
    sheet.row_dimensions[header].height = row_height([(h, w) for h, w, _o in COLUMNS])
    status_list = DataValidation(
        type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"', allow_blank=True,
        showErrorMessage=True, errorTitle="Trạng thái", error="Hãy chọn trong danh sách.",
    )  # fmt: skip
    # Decimal, not whole: "80%" typed in Excel is stored as 0.8 (read back as 80 %).
    percent_rule = DataValidation(
        type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
        showErrorMessage=True, errorTitle="% hoàn thành",
        error="Một số từ 0 đến 100, ví dụ 80 hoặc 80%.",
    )  # fmt: skip
    sheet.add_data_validation(status_list)
    sheet.add_data_validation(percent_rule)
    styles = CellStyles()
    locked, unlocked = Protection(locked=True), Protection(locked=False)
    for offset, entry in enumerate(rows, start=1):
        row = header + offset
        done = f"{entry.completed_on:%d/%m/%Y}" if entry.completed_on else ""
        values = (str(entry.task_id), entry.number, entry.title, entry.role, entry.deadline,
                  entry.status, entry.percent, entry.result, done,
                  _number(entry.indicator_actual))  # fmt: skip
        # Cells made whole and appended as a row: the sheet's cell lookup is skipped.
        cells = []
        for column, ((_heading, width, is_open), value) in enumerate(
            zip(COLUMNS, values, strict=True), start=1
        ):
            cell = Cell(sheet)
            # Styled before the text (write_text may add a quote prefix), each column's
            # combination registered once: a form of 1,000 rows styles 10,000 cells.
            styles.apply(
                cell, column,
                # Text: a date typed here stays dd/mm/yyyy whatever the PC's locale.
                number_format="@" if column == DATE_COLUMN else "General",
                font=regular, border=BOX, alignment=WRAP if width > 20 else CENTRE,
                protection=unlocked if is_open else locked,
            )  # fmt: skip
            if isinstance(value, int | float):
                cell.value = value
            else:
                write_text(cell, value or "")
            cells.append(cell)
        sheet.append(cells)
        sheet.row_dimensions[row].height = row_height([(entry.title, 50), (entry.result, 45)])
    if rows:
        # One range for the column, not a cell at a time: openpyxl checks each cell
        # added against every one before it (a tenth of 30 units' drafts, profiled).
        first, last_row = header + 1, header + len(rows)
        status_list.add(f"F{first}:F{last_row}")
        percent_rule.add(f"G{first}:G{last_row}")
    # Locked columns stay as they are; no password, so an office can still unprotect.
    sheet.protection.sheet = True
    sheet.protection.formatRows = False
    sheet.protection.formatColumns = False
    sheet.protection.sort = False
    sheet.protection.autoFilter = False
    sheet.freeze_panes = f"A{header + 1}"
    page_setup(sheet, header)

    meta = book.create_sheet(META_SHEET)
    sealing = form_keys.ensure_form_key(db)
    identity = FormIdentity(
        file_id=sealing.file_id, plan_id=plan.id, plan_reference=plan.reference,
        unit_id=unit.id, unit=unit.name, period_id=period.id, period_start=period.start,
        period_cutoff=period.cutoff, made_at=datetime.now().isoformat(timespec="seconds"),
        tasks=tuple((r.task_id, title_key(r.title)) for r in rows),
    )  # fmt: skip
    facts = [
        ("format", FORMAT), ("version", str(VERSION)), ("file_id", identity.file_id),
        ("plan_id", str(plan.id)), ("plan_reference", plan.reference),
        ("unit_id", str(unit.id)), ("unit", unit.name), ("period_id", str(period.id)),
        ("period", period.label), ("period_start", period.start.isoformat()),
        ("period_cutoff", period.cutoff.isoformat()), ("made_at", identity.made_at),
        ("signature", seal(sealing.key, identity)),
    ]  # fmt: skip
    facts += [(TASK_ROW, str(task_id), key) for task_id, key in identity.tasks]
    for values in facts:
        # Without what a cell cannot hold (core.return_seal.squeezed drops it too).
        meta.append([writable(value) for value in values])
    for row in meta.iter_rows():
        for cell in row:
            cell.data_type = "s"  # a unit named "=…" stays text, never a formula
    meta.sheet_state = "hidden"
    return save_workbook(book, out)
