"""A unit's return (the Excel form of reports/return_form.py, filled in and sent back)
read into progress entries.

The hidden sheet names the data file, plan, unit and period and the tasks the form was
made for, sealed with the data file's key (core.return_seal). The seal is checked
first, so an edited hidden sheet (another unit, another period, more tasks) or a form
made from another data file is refused; then that the plan, unit and period are still
the ones named. Forms of the first version had no seal and are refused (a new form must
be sent: a form that cannot show it was not edited is not trusted).

Rows are matched by the task id in column «Mã», whatever the unit did to their order.
Every row is checked before anything is stored: one bad cell stops the whole file with
a message naming the row and column, and nothing is recorded. A formula in an open
cell is one (its value is what Excel last computed, if anything, not what the unit
wrote), and so is a row bringing something new for a task renamed since the form went
out (the unit answered for a wording that no longer stands). Rows left empty, and rows
saying just what was last recorded (the form comes prefilled with it), add nothing;
the rest become new entries (history is kept), marked as imported from the file. What
is recorded is compared again inside the write transaction that records the rows, so
the same return imported twice at the same moment records them once. A row for a task
the unit does not lead is a coordinator's contribution: kept in the task's history,
compared with that unit's own last contribution, never the task's state.

The file is checked first (importers/safe_xlsx.py), then its sheets are streamed
(importers/xlsx_stream.py): rows are counted as they come, and a file too big or
declaring XML entities is refused in seconds.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dienchau_desktop import heap
from dienchau_desktop.core.deadline import parse_date
from dienchau_desktop.core.errors import (
    BadInputFileError,
    DataFileError,
    NotFoundError,
    UserError,
    ValidationError,
    os_reason,
)
from dienchau_desktop.core.return_form import COLUMNS, FORMAT, META_SHEET, TASK_ROW, VERSION
from dienchau_desktop.core.return_seal import FormIdentity, is_sealed_by, squeezed, title_key
from dienchau_desktop.core.text import MAX_LONG_TEXT, clean_text
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers import safe_xlsx, xlsx_stream
from dienchau_desktop.importers.bounded import irregular
from dienchau_desktop.services import form_keys, items, periods, plans, progress, units

#: A return is one sheet of a few hundred rows; anything far bigger is not one.
MAX_FILE_BYTES = safe_xlsx.MAX_FILE_BYTES
MAX_ROWS = 20_000
#: Columns read from the sheet (the form has ten; a unit may add a note beside them).
MAX_COLUMNS = 40
#: The heading row is among the first rows of the sheet.
HEADER_ROWS = 30
#: The most characters an Excel cell holds: a longer text typed or pasted is cut there.
EXCEL_CELL_CHARS = 32_767
#: How many row problems a message lists before "and N more".
SHOWN_PROBLEMS = 15
STATUS_BY_LABEL = {label.casefold(): key for key, label in progress.STATUS_LABELS.items()}
HEADINGS = [heading for heading, _width, _open in COLUMNS]
#: The columns the unit fills in (the others are locked).
OPEN = frozenset(heading for heading, _width, is_open in COLUMNS if is_open)


@dataclass(frozen=True, slots=True)
class ReturnSummary:
    """What an import did (or, with dry_run, would do)."""

    file: str
    plan_id: int
    unit: str
    period_id: int
    period: str
    recorded: int
    unchanged: int
    empty: int
    dry_run: bool
    #: Of `recorded`, the rows of tasks the unit coordinates (history, not state).
    contributions: int = 0


def _fail(path: Path, what: str, hint: str = "") -> BadInputFileError:
    return BadInputFileError(f"Tệp «{path.name}»: {what}", hint)


def _number(value: int) -> str:
    """1234567 → "1.234.567", as Vietnamese writes it."""
    return f"{value:,}".replace(",", ".")


def _text(value: Any) -> str:
    """A cell as text, NFC (a Mac or a web form may send decomposed Vietnamese)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


#: (value, number format, is a formula) of one cell.
CellRead = tuple[Any, str, bool]
_EMPTY: CellRead = (None, "", False)
_SEND_AGAIN = "Hãy gửi lại đúng tệp mẫu báo cáo đã nhận, lưu dạng .xlsx."
_NEW_FORM = ("Hãy xuất mẫu báo cáo mới (Báo cáo → Xuất báo cáo → Mẫu báo cáo) gửi đơn vị "
             "điền lại.")  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Book:
    """What is read from the file: the hidden sheet's rows, and the report sheet's
    heading row and the cells under each heading, row by row."""

    meta_rows: list[tuple[Any, ...]]
    header: int
    rows: list[tuple[int, dict[str, CellRead]]]


def _load(path: Path) -> _Book:
    """The file read, or a refusal saying why: checked for size, zip bombs and XML
    entities first (safe_xlsx), then its sheets streamed (xlsx_stream)."""
    try:
        kind = irregular(path)  # a pipe or a device is never opened: it may never end
        if kind is None:
            with path.open("rb"):
                pass
    except OSError as exc:
        raise _fail(path, f"không đọc được ({os_reason(exc)}).") from exc
    if kind is not None:
        raise _fail(path, f"không phải một tệp thông thường ({kind}).",
                    "Hãy chọn tệp mẫu báo cáo (.xlsx) lưu trên đĩa.")  # fmt: skip
    try:
        safe_xlsx.check_package(path)
    except safe_xlsx.Refused as refused:
        raise _fail(path, f"{refused.reason}.", _SEND_AGAIN) from None
    try:
        book = xlsx_stream.Workbook(path)
    except Exception as exc:
        # A bad file raises a dozen kinds (BadZipFile, an XML ParseError, KeyError for
        # a missing part, ValueError for a wrong extension…): all mean the same.
        raise _fail(path, "không phải tệp Excel (.xlsx) đọc được.", _SEND_AGAIN) from exc
    try:
        return _read_book(path, book)
    except BadInputFileError:
        raise
    except Exception as exc:  # the sheet's XML broken halfway: streamed, so found here
        raise _fail(path, "không phải tệp Excel (.xlsx) đọc được.", _SEND_AGAIN) from exc
    finally:
        book.close()


def _read_book(path: Path, book: xlsx_stream.Workbook) -> _Book:
    if META_SHEET not in book.sheet_names:
        raise _fail(
            path,
            "không phải mẫu báo cáo do chương trình này tạo (thiếu trang ẩn nhận diện).",
            "Hãy dùng đúng tệp mẫu đã gửi cho đơn vị (Báo cáo → Xuất báo cáo → Mẫu báo cáo).",
        )
    meta_rows: list[tuple[Any, ...]] = []
    for _number, cells in book.rows(META_SHEET, 3):
        meta_rows.append(tuple(cell.value for cell in cells))
        if len(meta_rows) > MAX_ROWS + HEADER_ROWS:
            raise _fail(path, "có trang nhận diện quá dài, không phải mẫu báo cáo.")
    sheet, header, where = _report_sheet(path, book, meta_rows)
    rows: list[tuple[int, dict[str, CellRead]]] = []
    # Counted as they stream in, by their numbers: a row numbered a million stops here.
    for number, cells in book.rows(sheet, MAX_COLUMNS):
        if number <= header:
            continue
        if number - header > MAX_ROWS:
            raise _fail(path, f"có hơn {MAX_ROWS} dòng, quá nhiều cho một mẫu báo cáo.")
        # Cells, not values: a % cell's number format tells 0.8 shown as "80%" from 0.8.
        rows.append((number, {h: _cell(cells, where[h]) for h in HEADINGS}))
    return _Book(meta_rows, header, rows)


#: The hidden sheet's key naming the report sheet, when a form records it.
SHEET_KEY = "sheet"


def _report_sheet(path: Path, book: xlsx_stream.Workbook,
                  meta_rows: list[tuple[Any, ...]]) -> tuple[str, int, dict[str, int]]:  # fmt: skip
    """The sheet the unit filled in, its heading row and where each heading stands.
    Found by what it is, not where it is (a unit may add a sheet in front, or reorder
    them): a sheet other than the hidden one whose heading row, among its first rows,
    starts with «Mã» and holds every heading. The one the hidden sheet names comes
    first, then the visible ones in order, then any other hidden one."""
    named = next((_text(row[1]) for row in meta_rows
                  if len(row) > 1 and _text(row[0]) == SHEET_KEY), "")  # fmt: skip
    others = [(name, state) for name, state, _part in book.sheets if name != META_SHEET]
    if not others:
        raise _fail(path, "không có trang báo cáo.")
    order = sorted(others, key=lambda s: (s[0] != named, s[1] != "visible"))
    incomplete: BadInputFileError | None = None
    for name, _state in order:
        for number, cells in book.rows(name, MAX_COLUMNS):
            if number > HEADER_ROWS:
                break
            texts = [_text(c.value) for c in cells]
            if texts and texts[0] == HEADINGS[0]:
                where = {t: i for i, t in enumerate(texts) if t}
                missing = [h for h in HEADINGS if h not in where]
                if not missing:
                    return name, number, where
                if incomplete is None:
                    incomplete = _fail(
                        path,
                        f"thiếu cột «{missing[0]}» ở dòng {number}"
                        + (f" của trang «{name}»." if len(others) > 1 else "."),
                    )
                break
    if incomplete is not None:
        raise incomplete
    raise _fail(path, "không tìm thấy dòng tiêu đề bảng (ô đầu là «Mã»).")


def _cell(cells: list[xlsx_stream.Cell], index: int) -> CellRead:
    if index >= len(cells):
        return _EMPTY
    value, number_format, formula = cells[index]
    return (value, number_format or "", formula)


def _id(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or len(text) > 18:
        raise ValueError(text)
    return int(text)


def _identity(path: Path, meta_rows: list[tuple[Any, ...]]) -> tuple[dict[str, str],
                                                                    FormIdentity, str]:  # fmt: skip
    """The hidden sheet's facts, the identity they make and the seal they came with."""
    meta: dict[str, str] = {}
    sent: list[tuple[str, str]] = []
    for row in meta_rows:
        padded = (*row, None, None, None)
        key = _text(padded[0])
        if key == TASK_ROW:
            sent.append((_text(padded[1]), _text(padded[2])))
        elif key and key not in meta:
            meta[key] = _text(padded[1])
    if meta.get("format") != FORMAT:
        raise _fail(path, "trang nhận diện không phải của mẫu báo cáo.")
    if meta.get("version") == "1":
        # Tampering safety first: a form without a seal cannot show it was not edited.
        raise _fail(path, "là mẫu báo cáo do phiên bản cũ của chương trình tạo, không có chữ "
                          "ký nhận diện nên không biết có bị sửa hay không; chưa nhập gì.",
                    _NEW_FORM)  # fmt: skip
    if meta.get("version") != str(VERSION):
        raise _fail(path, f"mẫu báo cáo phiên bản «{meta.get('version')}» chưa đọc được.",
                    "Hãy cập nhật chương trình, hoặc xuất mẫu mới gửi đơn vị.")  # fmt: skip
    try:
        identity = FormIdentity(
            file_id=meta["file_id"], plan_id=_id(meta["plan_id"]),
            plan_reference=meta["plan_reference"], unit_id=_id(meta["unit_id"]),
            unit=meta["unit"], period_id=_id(meta["period_id"]),
            period_start=date.fromisoformat(meta["period_start"]),
            period_cutoff=date.fromisoformat(meta["period_cutoff"]),
            made_at=meta["made_at"], tasks=tuple((_id(t), k) for t, k in sent),
        )  # fmt: skip
        signature = meta["signature"]
    except (KeyError, ValueError):
        raise _tampered(path) from None
    return meta, identity, signature


def _tampered(path: Path) -> BadInputFileError:
    return _fail(path, "có trang nhận diện (trang ẩn ghi đơn vị, kỳ báo cáo, các nhiệm vụ) "
                       "đã bị sửa sau khi xuất mẫu, nên không biết đây là báo cáo của ai, "
                       "cho kỳ nào; chưa nhập gì.", _NEW_FORM)  # fmt: skip


def _check_seal(db: Database, path: Path, identity: FormIdentity, signature: str) -> None:
    """The form was made from this data file and its hidden sheet is as it was made."""
    key = form_keys.form_key(db)
    if key is None or key.file_id != identity.file_id:
        raise _fail(path, f"là mẫu báo cáo được xuất từ một tệp dữ liệu khác (kế hoạch số "
                          f"«{identity.plan_reference}», đơn vị «{identity.unit}»), không "
                          f"nhập vào tệp dữ liệu này được.",
                    "Hãy mở đúng tệp dữ liệu đã xuất mẫu này rồi nhập, hoặc xuất mẫu mới "
                    "từ tệp dữ liệu đang mở.")  # fmt: skip
    if not is_sealed_by(key.key, identity, signature):
        raise _tampered(path)


def _percent_format(number_format: str) -> bool:
    """The cell shows its number as a percent ("0%", "0.0%"): Excel stores 80% as 0.8.
    A "%" in quotes or after a backslash is only printed, not a scaling."""
    shown, quoted, escaped = [], False, False
    for ch in number_format or "":
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif not quoted:
            shown.append(ch)
    return "%" in shown


def _scaled(value: Any, number_format: str) -> Any:
    """A number cell as the unit sees it: 0.8 shown as "80%" is 80."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _percent_format(number_format):
            return round(value * 100, 9)  # 0.8 * 100 is 80.00000000000001
    elif isinstance(value, str):
        value = value.strip().removesuffix("%").strip().replace(",", ".")
    return value


def _percent(value: Any, number_format: str) -> Any:
    """What a «% hoàn thành» cell means: 80, "80", "80%", "80 %", 0.8 or "0,8%" shown
    as a percent; 1.0 shown as a percent is 100. A bare 0.8 (or "0,8") is refused: it
    may be 80 % written as a fraction or 0.8 %, and rounding either way guesses."""
    scaled = _scaled(value, number_format)
    if isinstance(value, str) and value.strip().endswith("%"):
        return scaled  # written with its "%": meant as a percent
    if scaled is value or isinstance(value, str):  # neither scaled nor marked "%"
        try:
            number = float(scaled)
        except (TypeError, ValueError):
            return scaled  # not a number: progress.checked_values says so
        if 0 < number < 1:
            raise ValidationError(
                "percent",
                f"«{_text(value)}» không rõ là {number * 100:g}% hay {number:g}%; "
                f"hãy ghi {number * 100:g} (hoặc {number * 100:g}%).",
            )
    return scaled


def _completed_on(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date(_text(value), "completed_on", "Ngày hoàn thành")


#: The return form's column for each field a ValidationError names.
_COLUMN_OF = {"status": "cột «Trạng thái»", "percent": "cột «% hoàn thành»",
              "result_text": "cột «Kết quả thực hiện»", "completed_on": f"cột «{HEADINGS[8]}»",
              "indicator_actual": "cột «Chỉ tiêu đạt được»"}  # fmt: skip
_COLUMN_ORDER = ["status", "percent", "result_text", "completed_on", "indicator_actual"]


@dataclass(frozen=True, slots=True)
class ReturnContents:
    """What a return brings: its identity, the new entries, what it leaves alone."""

    meta: dict[str, str]
    period: periods.PeriodInfo
    entries: list[progress.NewEntry]
    unchanged: int
    empty: int


def _same_as_latest(entry: progress.NewEntry, latest: progress.ProgressInfo | None) -> bool:
    """The row repeats what is already recorded (the form comes prefilled with it).
    Asked before the rules across fields: a row repeating an entry recorded before a
    rule existed (completed at 50 %) brings nothing, so there is nothing to refuse."""
    if latest is None:
        return False
    try:
        percent, actual = progress.parsed_values(entry)
        # The limit recording keeps to: a longer result was never recorded, so it is new.
        result = clean_text(entry.result_text, "result_text", max_length=MAX_LONG_TEXT,
                            label="Kết quả")  # fmt: skip
    except ValidationError:
        return False
    sent = (entry.status, percent, result, entry.completed_on, actual)
    return sent == (latest.status, latest.percent, latest.result_text, latest.completed_on,
                    latest.indicator_actual)  # fmt: skip


def _row_entry(
    values: dict[str, Any], formats: dict[str, str], unit: str, period_id: int,
    source: str, task_id: int, status: str | None, contribution: bool,
    latest: progress.ProgressInfo | None, problems: list[str],
) -> tuple[progress.NewEntry, bool] | None:  # fmt: skip
    """The entry of one filled-in row and whether it repeats `latest` (what is recorded
    for it), or None with its problems added: every bad cell of the row, not only the
    first, so that one round trip to the unit fixes the row. A None `status` (the row's
    code or state is wrong, named already) checks the cells alone."""
    found: dict[str, ValidationError] = {}  # field → its problem, one per cell

    def refused() -> None:
        # Named in the order of the columns, as the unit reads the sheet.
        for field in sorted(found, key=_COLUMN_ORDER.index):
            problems.append(f"{_COLUMN_OF[field]}: {found[field].message}")

    percent: Any = None
    try:
        percent = _percent(values[HEADINGS[6]], formats[HEADINGS[6]])
    except ValidationError as error:
        found[error.field] = error
    result = values["Kết quả thực hiện"]
    if isinstance(result, str) and len(result) >= EXCEL_CELL_CHARS > MAX_LONG_TEXT:
        # Excel keeps this much of a cell and drops the rest: its length is not known.
        found["result_text"] = ValidationError(
            "result_text", f"«Kết quả» dài từ {_number(EXCEL_CELL_CHARS)} ký tự trở lên (một "
            "ô Excel giữ tối đa chừng ấy, phần sau bị cắt bỏ), quá giới hạn "
            f"{_number(MAX_LONG_TEXT)} ký tự.", "Hãy rút gọn nội dung.")  # fmt: skip
    completed_on: date | None = None
    try:
        completed_on = _completed_on(values[HEADINGS[8]])
    except ValidationError as error:
        found[error.field] = error
    entry = progress.NewEntry(
        task_id, period_id, status or "", percent, _text(result), completed_on,
        _scaled(values[HEADINGS[9]], formats[HEADINGS[9]]), reported_by=unit,
        source="import", source_file=source, contribution=contribution,
    )  # fmt: skip
    for error in progress.field_problems(entry):
        found.setdefault(error.field, error)
    if found or status is None:
        refused()
        return None
    if _same_as_latest(entry, latest):
        return entry, True
    try:
        # The rules across fields, asked only of a row whose cells each read well.
        progress.checked_values(entry)
        clean_text(entry.result_text, "result_text", max_length=MAX_LONG_TEXT,
                   label="Kết quả")  # fmt: skip
    except ValidationError as error:
        found[error.field] = error
        refused()
        return None
    return entry, False


def read_return(db: Database, path: Path) -> ReturnContents:
    """Read and check a return against the data file. Raises BadInputFileError (exit
    code 3) naming every bad row; reads only, changes nothing."""
    book = _load(path)
    meta, identity, signature = _identity(path, book.meta_rows)
    _check_seal(db, path, identity, signature)
    plan_id, period_id = identity.plan_id, identity.period_id
    plan = next((p for p in plans.list_plans(db) if p.id == plan_id), None)
    # The plan is the sealed id in this file (the seal says the form came from it): its
    # number and date are often filled in after the forms went out, and do not count.
    if plan is None:
        raise _fail(path, f"là báo cáo cho kế hoạch «{identity.plan_reference}», "
                          "không có trong tệp dữ liệu này (có thể đã bị xóa).")  # fmt: skip
    try:
        unit = units.get_unit(db, identity.unit_id)
    except NotFoundError:
        raise _fail(path, f"là báo cáo của đơn vị «{identity.unit}», không có trong tệp dữ "
                          "liệu này (có thể đã bị xóa).") from None  # fmt: skip
    if squeezed(unit.name) != squeezed(identity.unit):
        raise _fail(path, f"là báo cáo của đơn vị «{identity.unit}», nay đã đổi tên thành "
                          f"«{unit.name}».", _NEW_FORM)  # fmt: skip
    period = next((p for p in periods.list_periods(db, plan_id) if p.id == period_id), None)
    if period is None:
        raise _fail(path, f"là báo cáo cho kỳ «{meta.get('period', period_id)}», "
                          "không có trong kế hoạch.")  # fmt: skip
    if (period.start, period.cutoff) != (identity.period_start, identity.period_cutoff):
        raise _fail(path, f"là báo cáo cho kỳ «{period.label}» từ "
                          f"{identity.period_start:%d/%m/%Y} đến {identity.period_cutoff:%d/%m/%Y}"
                          f"; kỳ này nay từ {period.start:%d/%m/%Y} đến {period.cutoff:%d/%m/%Y}.",
                    _NEW_FORM)  # fmt: skip
    if period.is_closed:
        raise _fail(path, f"kỳ báo cáo «{period.label}» đã khóa nên không nhận thêm số liệu.",
                    "Mở khóa kỳ trong Kế hoạch → Kỳ báo cáo nếu thật cần nhập.")  # fmt: skip
    meta["unit"] = unit.name
    sent_for = dict(identity.tasks)  # task id → its title's key as the form showed it
    titles = form_keys.task_titles(db, plan_id)
    # The unit's report decides the state of the tasks it leads now; on the others it
    # is a contribution, compared with what the unit itself last said.
    leads = items.task_leads(db, plan_id)
    latest = progress.latest_entries(db, plan_id, period.cutoff)
    own = progress.latest_contributions(db, plan_id, period.cutoff, unit.name)
    source = clean_text(f"{path.name} ({unit.name})"[:1000], "source_file",
                        max_length=1000)  # fmt: skip

    entries: list[progress.NewEntry] = []
    problems: list[str] = []
    unchanged = empty = 0
    seen: dict[int, int] = {}  # task id → the row it was on
    for row, cells in book.rows:
        values = {h: cell[0] for h, cell in cells.items()}
        formats = {h: cells[h][1] for h in (HEADINGS[6], HEADINGS[9])}
        formulas = [h for h, (_v, _f, is_formula) in cells.items() if is_formula and h in OPEN]
        raw_id = _text(values[HEADINGS[0]])
        status_text = _text(values["Trạng thái"])
        filled = [status_text, _text(values["% hoàn thành"]), _text(values["Kết quả thực hiện"]),
                  _text(values[HEADINGS[8]]), _text(values["Chỉ tiêu đạt được"])]  # fmt: skip
        if not any(filled) and not formulas:
            empty += 1  # a task the unit did not report on (or a blank line)
            continue
        here: list[str] = [f"cột «{h}»: có công thức, hãy ghi giá trị" for h in formulas]
        task_id = int(raw_id) if raw_id.isascii() and raw_id.isdigit() else None
        if task_id is None:
            here.append(f"cột «Mã»: «{raw_id}» không phải mã nhiệm vụ")
        elif task_id not in sent_for:
            here.append(f"mã nhiệm vụ {task_id} không thuộc mẫu báo cáo này")
        elif task_id not in leads:
            here.append(f"nhiệm vụ mã {task_id} không còn trong kế hoạch (đã bị xóa)")
        elif task_id in seen:
            here.append(f"nhiệm vụ mã {task_id} đã có ở dòng {seen[task_id]}")
        status = STATUS_BY_LABEL.get(status_text.casefold())
        if "Trạng thái" in formulas:
            pass  # named already: one problem for one cell
        elif not status_text:
            here.append("cột «Trạng thái» còn trống")
        elif status is None:
            here.append(f"cột «Trạng thái»: «{status_text}» không có trong danh sách")
        read = None
        if task_id is not None:
            # Its cells are checked even when its code or state is wrong: the message
            # names every bad cell of the row at once.
            contribution = task_id in leads and leads[task_id] != unit.id
            recorded = (own if contribution else latest).get(task_id)
            # A cell holding a formula is named already: one problem for one cell.
            cells_read = {h: None if h in formulas else v for h, v in values.items()}
            read = _row_entry(cells_read, formats, unit.name, period_id, source, task_id,
                              status if not here else None, contribution, recorded,
                              here)  # fmt: skip
        if read is not None and task_id is not None and not read[1]:
            title = titles.get(task_id, "")
            if title_key(title) != sent_for[task_id]:
                # A new answer for a wording that no longer stands: the secretary asks.
                shown = title if len(title) <= 80 else title[:79] + "…"
                here.append(f"nhiệm vụ mã {task_id} đã được sửa tên sau khi gửi mẫu (nay là "
                            f"«{shown}»), không rõ đơn vị báo cáo cho nội dung nào")  # fmt: skip
        if here or read is None or task_id is None:
            problems.extend(f"Dòng {row}: {p}" for p in here)
            continue
        seen[task_id] = row
        entry, repeated = read
        if repeated:
            unchanged += 1
        else:
            entries.append(entry)
    if problems:
        shown = problems[:SHOWN_PROBLEMS]
        more = len(problems) - len(shown)
        raise BadInputFileError(
            f"Tệp «{path.name}» có {len(problems)} chỗ sai, chưa nhập gì:\n"
            + "\n".join(shown) + (f"\n… và {more} chỗ khác." if more else ""),
            "Sửa các ô đã nêu trong tệp (hoặc nhờ đơn vị sửa) rồi nhập lại.",
        )  # fmt: skip
    return ReturnContents(meta, period, entries, unchanged, empty)


def record_return(db: Database, contents: ReturnContents) -> list[progress.ProgressInfo]:
    """Record what `read_return` found new; return the entries recorded (their ids are
    what an undo withdraws).

    Each row is compared again with what is recorded inside the write transaction that
    records it: `db.write()` takes the write lock at its first statement, so a second
    import of the same return at the same moment waits, then finds the first one's rows
    already recorded and adds nothing. Raises what recording raises (a DataFileError
    when the data file cannot be written)."""
    if not contents.entries:
        return []
    plan_id, cutoff = contents.period.plan_id, contents.period.cutoff
    unit = contents.meta.get("unit", "")
    with db.write() as session:
        latest = progress.latest_entries(db, plan_id, cutoff, session=session)
        own = progress.latest_contributions(db, plan_id, cutoff, unit, session=session)
        fresh = [
            e for e in contents.entries
            if not _same_as_latest(e, (own if e.contribution else latest).get(e.item_id))
        ]  # fmt: skip
        recorded = progress.record_entries(db, fresh, session=session) if fresh else []
    return recorded


@heap.collection_paused()
def import_return(db: Database, path: Path, *, dry_run: bool = False) -> ReturnSummary:
    """Check a return, then record its entries in one transaction (all or none); with
    `dry_run`, only check and count."""
    contents = read_return(db, path)
    recorded: list[progress.NewEntry] | list[progress.ProgressInfo] = contents.entries
    if not dry_run:
        try:
            recorded = record_return(db, contents)
        except DataFileError:
            raise  # the data file cannot be written (disk full…): exit 4, not a bad return
        except UserError as error:
            raise _fail(path, f"không nhập được: {error.message}", error.hint) from error
    return ReturnSummary(
        file=str(path), plan_id=contents.period.plan_id, unit=contents.meta.get("unit", ""),
        period_id=contents.period.id, period=contents.period.label, recorded=len(recorded),
        unchanged=contents.unchanged + len(contents.entries) - len(recorded),
        empty=contents.empty, dry_run=dry_run,
        contributions=sum(e.contribution for e in recorded),
    )  # fmt: skip
