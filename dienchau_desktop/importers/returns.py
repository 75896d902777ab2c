"""A unit's return (the Excel form of reports/return_form.py, filled in and sent back)
read into progress entries.

The hidden sheet names the plan, unit and period and the tasks the form was made for;
rows are matched by the task id in column «Mã», whatever the unit did to their order.
Every row is checked before anything is stored: one bad cell stops the whole file with
a message naming the row and column, and nothing is recorded. Rows left empty, and
rows saying just what was last recorded (the form comes prefilled with it), add
nothing; the rest become new entries (history is kept), marked as imported from the
file. A row for a task the unit does not lead is a coordinator's contribution: kept in
the task's history, compared with that unit's own last contribution, never the task's
state.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dienchau_desktop import heap
from dienchau_desktop.core.deadline import parse_date
from dienchau_desktop.core.errors import BadInputFileError, UserError, ValidationError
from dienchau_desktop.core.return_form import COLUMNS, FORMAT, META_SHEET, VERSION
from dienchau_desktop.core.text import MAX_LONG_TEXT, clean_text
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, periods, plans, progress

#: A return is one sheet of a few hundred rows; anything far bigger is not one.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
#: How many row problems a message lists before "and N more".
SHOWN_PROBLEMS = 15
STATUS_BY_LABEL = {label.casefold(): key for key, label in progress.STATUS_LABELS.items()}
HEADINGS = [heading for heading, _width, _open in COLUMNS]


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


def _text(value: Any) -> str:
    """A cell as text, NFC (a Mac or a web form may send decomposed Vietnamese)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _load(path: Path):  # -> openpyxl Workbook
    from openpyxl import load_workbook

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _fail(path, f"không đọc được ({exc.strerror or exc}).") from exc
    if size > MAX_FILE_BYTES:
        raise _fail(path, f"quá lớn ({size // (1024 * 1024)} MB) để là một mẫu báo cáo.")
    try:
        return load_workbook(path, data_only=True)
    except Exception as exc:
        # openpyxl raises a dozen kinds on a bad file (BadZipFile, an XML ParseError,
        # KeyError, InvalidFileException for a wrong extension…): all mean the same.
        raise _fail(
            path,
            "không phải tệp Excel (.xlsx) đọc được.",
            "Hãy gửi lại đúng tệp mẫu báo cáo đã nhận, lưu dạng .xlsx.",
        ) from exc


def _meta(path: Path, book) -> dict[str, str]:
    if META_SHEET not in book.sheetnames:
        raise _fail(
            path,
            "không phải mẫu báo cáo do chương trình này tạo (thiếu trang ẩn nhận diện).",
            "Hãy dùng đúng tệp mẫu đã gửi cho đơn vị (Báo cáo → Xuất báo cáo → Mẫu báo cáo).",
        )
    meta: dict[str, str] = {}
    for row in book[META_SHEET].iter_rows(min_row=1, max_row=50, max_col=2, values_only=True):
        if row and row[0] is not None:
            meta[_text(row[0])] = _text(row[1] if len(row) > 1 else "")
    if meta.get("format") != FORMAT:
        raise _fail(path, "trang nhận diện không phải của mẫu báo cáo.")
    if meta.get("version") != str(VERSION):
        raise _fail(path, f"mẫu báo cáo phiên bản «{meta.get('version')}» chưa đọc được.")
    for key in ("plan_id", "period_id", "unit_id"):
        if not meta.get(key, "").isdigit():
            raise _fail(path, f"trang nhận diện hỏng («{key}»).")
    return meta


def _header(path: Path, sheet) -> tuple[int, dict[str, int]]:
    """The heading row (the one starting «Mã») and each heading's column."""
    for row in sheet.iter_rows(min_row=1, max_row=30):
        texts = [_text(c.value) for c in row]
        if texts and texts[0] == HEADINGS[0]:
            where = {t: i for i, t in enumerate(texts) if t}
            missing = [h for h in HEADINGS if h not in where]
            if missing:
                raise _fail(path, f"thiếu cột «{missing[0]}» ở dòng {row[0].row}.")
            return row[0].row, where
    raise _fail(path, "không tìm thấy dòng tiêu đề bảng (ô đầu là «Mã»).")


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
    except ValidationError:
        return False
    sent = (entry.status, percent, clean_text(entry.result_text, "result_text"),
            entry.completed_on, actual)  # fmt: skip
    return sent == (latest.status, latest.percent, latest.result_text, latest.completed_on,
                    latest.indicator_actual)  # fmt: skip


def _row_entry(
    values: dict[str, Any], formats: dict[str, str], meta: dict[str, str], period_id: int,
    source: str, task_id: int, status: str, contribution: bool,
    latest: progress.ProgressInfo | None, problems: list[str],
) -> tuple[progress.NewEntry, bool] | None:  # fmt: skip
    """The entry of one filled-in row and whether it repeats `latest` (what is recorded
    for it), or None with its problems added."""
    try:
        completed_on = _completed_on(values[HEADINGS[8]])
    except ValidationError as error:
        problems.append(f"cột «{HEADINGS[8]}»: {error.message}")
        return None
    try:
        percent = _percent(values[HEADINGS[6]], formats[HEADINGS[6]])
        entry = progress.NewEntry(
            task_id, period_id, status, percent, _text(values["Kết quả thực hiện"]),
            completed_on, _scaled(values[HEADINGS[9]], formats[HEADINGS[9]]),
            reported_by=meta.get("unit", ""), source="import", source_file=source,
            contribution=contribution,
        )  # fmt: skip
        if _same_as_latest(entry, latest):
            return entry, True
        progress.checked_values(entry)
        clean_text(entry.result_text, "result_text", max_length=MAX_LONG_TEXT,
                   label="Kết quả")  # fmt: skip
    except ValidationError as error:
        problems.append(f"{_COLUMN_OF.get(error.field, 'dòng')}: {error.message}")
        return None
    return entry, False


def read_return(db: Database, path: Path) -> ReturnContents:
    """Read and check a return against the data file. Raises BadInputFileError (exit
    code 3) naming every bad row; reads only, changes nothing."""
    book = _load(path)
    meta = _meta(path, book)
    plan_id, period_id = int(meta["plan_id"]), int(meta["period_id"])
    if plan_id not in {p.id for p in plans.list_plans(db)}:
        raise _fail(path, f"là báo cáo cho kế hoạch «{meta.get('plan_reference', plan_id)}», "
                          "không có trong tệp dữ liệu này.")  # fmt: skip
    period = next((p for p in periods.list_periods(db, plan_id) if p.id == period_id), None)
    if period is None:
        raise _fail(path, f"là báo cáo cho kỳ «{meta.get('period', period_id)}», "
                          "không có trong kế hoạch.")  # fmt: skip
    if period.is_closed:
        raise _fail(path, f"kỳ báo cáo «{period.label}» đã khóa nên không nhận thêm số liệu.",
                    "Mở khóa kỳ trong Kế hoạch → Kỳ báo cáo nếu thật cần nhập.")  # fmt: skip
    sent_for = {int(t) for t in meta.get("task_ids", "").split(",") if t.strip().isdigit()}
    # The unit's report decides the state of the tasks it leads now; on the others it
    # is a contribution, compared with what the unit itself last said.
    leads = items.task_leads(db, plan_id)
    unit_id = int(meta["unit_id"])
    latest = progress.latest_entries(db, plan_id, period.cutoff)
    own = progress.latest_contributions(db, plan_id, period.cutoff, meta.get("unit", ""))
    sheet = book.worksheets[0]
    if sheet.title == META_SHEET:
        raise _fail(path, "không có trang báo cáo.")
    header, where = _header(path, sheet)
    if sheet.max_row - header > MAX_ROWS:
        raise _fail(path, f"có {sheet.max_row - header} dòng, quá nhiều cho một mẫu báo cáo.")
    source = clean_text(f"{path.name} ({meta.get('unit', '')})"[:1000], "source_file",
                        max_length=1000)  # fmt: skip

    entries: list[progress.NewEntry] = []
    problems: list[str] = []
    unchanged = empty = 0
    seen: dict[int, int] = {}  # task id → the row it was on
    # Cells, not values: a % cell's number format tells 0.8 shown as "80%" from 0.8.
    rows = sheet.iter_rows(min_row=header + 1)
    for row, cells in enumerate(rows, start=header + 1):
        values = {h: (cells[i].value if i < len(cells) else None) for h, i in where.items()}
        formats = {h: (getattr(cells[i], "number_format", "") if i < len(cells) else "")
                   for h in (HEADINGS[6], HEADINGS[9]) for i in (where[h],)}  # fmt: skip
        raw_id = _text(values[HEADINGS[0]])
        status_text = _text(values["Trạng thái"])
        filled = [status_text, _text(values["% hoàn thành"]), _text(values["Kết quả thực hiện"]),
                  _text(values[HEADINGS[8]]), _text(values["Chỉ tiêu đạt được"])]  # fmt: skip
        if not any(filled):
            empty += 1  # a task the unit did not report on (or a blank line)
            continue
        here: list[str] = []
        task_id = int(raw_id) if raw_id.isdigit() else None
        if task_id is None:
            here.append(f"cột «Mã»: «{raw_id}» không phải mã nhiệm vụ")
        elif task_id not in sent_for or task_id not in leads:
            here.append(f"mã nhiệm vụ {task_id} không thuộc mẫu báo cáo này")
        elif task_id in seen:
            here.append(f"nhiệm vụ mã {task_id} đã có ở dòng {seen[task_id]}")
        status = STATUS_BY_LABEL.get(status_text.casefold())
        if not status_text:
            here.append("cột «Trạng thái» còn trống")
        elif status is None:
            here.append(f"cột «Trạng thái»: «{status_text}» không có trong danh sách")
        read = None
        if not here and task_id is not None and status is not None:
            contribution = leads[task_id] != unit_id
            recorded = (own if contribution else latest).get(task_id)
            read = _row_entry(values, formats, meta, period_id, source, task_id, status,
                              contribution, recorded, here)  # fmt: skip
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


@heap.collection_paused()
def import_return(db: Database, path: Path, *, dry_run: bool = False) -> ReturnSummary:
    """Check a return, then record its entries in one transaction (all or none); with
    `dry_run`, only check and count."""
    contents = read_return(db, path)
    if not dry_run and contents.entries:
        try:
            progress.record_entries(db, contents.entries)
        except UserError as error:
            raise _fail(path, f"không nhập được: {error.message}", error.hint) from error
    return ReturnSummary(
        file=str(path), plan_id=int(contents.meta["plan_id"]), unit=contents.meta.get("unit", ""),
        period_id=contents.period.id, period=contents.period.label,
        recorded=len(contents.entries), unchanged=contents.unchanged, empty=contents.empty,
        dry_run=dry_run, contributions=sum(e.contribution for e in contents.entries),
    )  # fmt: skip
