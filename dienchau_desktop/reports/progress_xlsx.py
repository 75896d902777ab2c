"""The progress report as an Excel workbook: a sheet "Báo cáo" with the header, parts
I–V (the counts as numbers, overall and by lead unit, so the district can add them up
with other communes') and the closing, then the sheet "Kết quả" with the task table,
as in the PDF's appendix, its STT, percentages and dates stored as numbers and dates.

Both sheets print on A4 at full size: the report portrait, the table landscape. Their
columns are sized in the units of the workbook's default font, Times New Roman 12
(xlsx.times_workbook), to fill the width between the margins, so fitting the sheet to
one page wide shrinks nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from openpyxl.styles import Alignment, Border, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dienchau_desktop.core.buckets import BUCKET_ORDER
from dienchau_desktop.reports.progress_report import (
    ProgressReport,
    summary_sentence,
    task_heading,
    task_sentence,
)
from dienchau_desktop.reports.table import TableReport
from dienchau_desktop.reports.xlsx import (
    BOX,
    CENTRE,
    DATE,
    FONT_NAME,
    FONT_SIZE,
    INTEGER,
    PERCENT,
    PERCENT_ONE_DECIMAL,
    POINTS_PER_WIDTH,
    THIN,
    cell_pieces,
    merge_row,
    page_setup,
    row_height,
    save_workbook,
    table_sheet,
    times_workbook,
    write_text,
)

#: The report sheet's grid, portrait (77 of the 78 units between the margins): the
#: header's left block is columns 1–3 (the rule under the issuing body is column 2's
#: top edge), its right block 4–8; the unit table puts the unit in 1–2, the total in 3
#: and a bucket in each of 4–8.
WIDTHS = (10, 8, 10, 10, 10, 10, 10, 9)
LEFT, RIGHT = (1, 3), (4, len(WIDTHS))
WHOLE = (1, len(WIDTHS))
#: The results sheet, landscape (118 of 119 units): widths by the appendix's column
#: keys, so that no number, percentage or date wraps.
RESULT_WIDTHS = {
    "stt": 6,
    "title": 32,
    "lead": 14,
    "deadline": 11,
    "status": 14,
    "percent": 7,
    "result": 23,
    "completed": 11,
}
RESULT_STORED = {"stt": INTEGER, "percent": PERCENT, "completed": DATE}
_JUSTIFY = Alignment(wrap_text=True, vertical="top", horizontal="justify")
_LEFT = Alignment(wrap_text=True, vertical="top")
_CELL = Alignment(wrap_text=True, vertical="center")

Span = tuple[int, int]
Value = str | int | float


def _font(
    bold: bool = False, italic: bool = False, size: float = FONT_SIZE, underline: bool = False
) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic,
                underline="single" if underline else None)  # fmt: skip


def _width(span: Span) -> float:
    return sum(WIDTHS[span[0] - 1 : span[1]])


class _Writer:
    """Writes the report downwards, one merged row per paragraph."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.row = 0

    def line(
        self,
        text: str,
        font: Font,
        alignment: Alignment = _JUSTIFY,
        span: Span = WHOLE,
        *,
        same_row: bool = False,
    ) -> None:
        """One paragraph in the columns of `span` of a new row (or, with `same_row`, of
        the row just written: the header and closing have two blocks). A paragraph
        longer than a cell holds goes on in the rows below."""
        head, *rest = cell_pieces(text)
        self._line(head, font, alignment, span, same_row)
        for piece in rest:
            self._line(piece, font, alignment, span, False)

    def _line(self, text: str, font: Font, alignment: Alignment, span: Span, same: bool) -> None:
        if not same:
            self.row += 1
        if span[1] > span[0]:
            merge_row(self.sheet, self.row, *span)
        cell = self.sheet.cell(row=self.row, column=span[0])
        write_text(cell, text)
        cell.font, cell.alignment = font, alignment
        self._fit(text, span)

    def _fit(self, text: str, span: Span) -> None:
        height = row_height([(text, _width(span))], POINTS_PER_WIDTH)
        current = self.sheet.row_dimensions[self.row].height or 0
        self.sheet.row_dimensions[self.row].height = max(current, height)

    def pair(self, left: tuple[str, Font], right: tuple[str, Font]) -> None:
        """A row of the two-block header or closing."""
        self.line(left[0], left[1], CENTRE, LEFT)
        self.line(right[0], right[1], CENTRE, RIGHT, same_row=True)

    def rule(self, column: int) -> None:
        """A short rule across `column`, on a thin row of its own: the top edge of the
        cell (Excel draws no line but a cell's border)."""
        self.row += 1
        self.sheet.cell(row=self.row, column=column).border = Border(top=THIN)
        self.sheet.row_dimensions[self.row].height = 6

    def space(self) -> None:
        self.row += 1

    def table(
        self,
        spans: Sequence[Span],
        head: Sequence[str],
        rows: Sequence[Sequence[Value | None]],
        formats: Sequence[str | None] = (),
    ) -> None:
        """A bordered table, each column over the grid columns of its span; numbers
        stored as numbers in `formats`' display format for their column."""
        formats = list(formats) or [None] * len(spans)
        for values in [head, *rows]:
            self.row += 1
            is_head = values is head
            for index, (value, span) in enumerate(zip(values, spans, strict=True)):
                if span[1] > span[0]:
                    merge_row(self.sheet, self.row, *span)
                for column in range(span[0], span[1] + 1):
                    self.sheet.cell(row=self.row, column=column).border = BOX
                cell = self.sheet.cell(row=self.row, column=span[0])
                cell.font = _font(bold=is_head)
                cell.alignment = _CELL if index == 0 and not is_head else CENTRE
                if isinstance(value, str):
                    write_text(cell, value)
                elif value is not None:
                    cell.value = value
                    if not is_head and formats[index]:
                        cell.number_format = formats[index]
                self._fit(_shown(value), span)


def _shown(value: Value | None) -> str:
    return "" if value is None else value if isinstance(value, str) else f"{value:g}"


def _header(report: ProgressReport, out: _Writer) -> None:
    info = report.info
    left = [(info.parent_body.upper(), _font(size=13))] if info.parent_body else []
    left += [(line.upper(), _font(bold=True, size=13))
             for line in info.issuing_body.splitlines() if line]  # fmt: skip
    day = report.report_date
    right = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _font(bold=True)),
        ("Độc lập - Tự do - Hạnh phúc", _font(bold=True, size=13, underline=True)),
    ]
    blank = ("", _font())
    for row in range(max(len(left), len(right))):
        out.pair(left[row] if row < len(left) else blank, right[row] if row < len(right) else blank)
    out.rule(2)
    out.pair(
        (f"Số: {report.reference}", _font(size=13)),
        (f"{info.place}, ngày {day:%d} tháng {day:%m} năm {day:%Y}", _font(italic=True, size=13)),
    )
    out.space()
    out.line("BÁO CÁO", _font(bold=True, size=14), CENTRE)
    out.line(report.subject, _font(bold=True, size=13), CENTRE)
    if report.addressee:
        out.space()
        out.line(f"Kính gửi: {report.addressee}", _font(size=13), CENTRE)
    out.space()


def _counts(report: ProgressReport, out: _Writer) -> None:
    counts = report.overview.overall
    out.table(
        [(1, 4), (5, 6), (7, 8)],
        ["Tình trạng", "Số nhiệm vụ", "Tỷ lệ"],
        [[b.label_vi, counts.count(b), counts.percent(b) / 100] for b in BUCKET_ORDER]
        + [["Tổng số", counts.total, 1 if counts.total else 0]],
        [None, "0", PERCENT_ONE_DECIMAL],
    )
    out.line("Kết quả theo cơ quan chủ trì:", _font(italic=True))
    out.table(
        [(1, 2), (3, 3), *((c, c) for c in range(4, 4 + len(BUCKET_ORDER)))],
        ["Cơ quan chủ trì", "Tổng số", *(b.label_vi for b in BUCKET_ORDER)],
        [[u.title, u.counts.total, *(u.counts.count(b) for b in BUCKET_ORDER)]
         for u in report.overview.units],
        [None, "0", *("0" for _ in BUCKET_ORDER)],
    )  # fmt: skip


def _closing(report: ProgressReport, out: _Writer) -> None:
    info = report.info
    blank = ("", _font())
    recipients = [("Nơi nhận:", _font(bold=True, italic=True))]
    recipients += [(f"- {r}", _font(size=11)) for r in info.recipients]
    signature = [
        (info.signer_authority.upper(), _font(bold=True, size=13)),
        (info.signer_title.upper(), _font(bold=True, size=13)),
        blank, blank, blank,  # room for the signature and seal
        (info.signer_name, _font(bold=True, size=13)),
    ]  # fmt: skip
    for row in range(max(len(recipients), len(signature))):
        text, font = recipients[row] if row < len(recipients) else blank
        out.line(text, font, _LEFT, LEFT)
        text, font = signature[row] if row < len(signature) else blank
        out.line(text, font, CENTRE, RIGHT, same_row=True)


def _report_sheet(report: ProgressReport, sheet: Worksheet) -> None:
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    out = _Writer(sheet)
    _header(report, out)
    part = _font(bold=True)

    out.line("I. TÌNH HÌNH THỰC HIỆN CHUNG", part)
    out.line(summary_sentence(report), _font())
    _counts(report, out)

    out.line("II. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ", part)
    for section in report.sections:
        out.line(f"{section.number} {section.title}", part, _LEFT)
        for task in section.tasks:
            out.line(task_sentence(task), _font())
    out.line("III. TỒN TẠI, HẠN CHẾ", part)
    out.line(report.shortcomings or "(Chưa nhập.)", _font())
    out.line("IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", part)
    if not report.next_tasks:
        out.line("Không có nhiệm vụ đến hạn hay quá hạn chuyển sang.", _font())
    for task in report.next_tasks:
        out.line(task_heading(task), _font())
    out.line("V. ĐỀ XUẤT, KIẾN NGHỊ", part)
    out.line(report.proposals or "(Chưa nhập.)", _font())
    out.space()
    _closing(report, out)
    # The report is prose with short tables: no heading row to repeat.
    page_setup(sheet, None, landscape=False)


def outline_level(number: str) -> int:
    """A section's level in the plan from its outline number: "II." 1, "II.4." 2,
    "II.4.b)" 3; a group with no number (tasks at the top level) 1."""
    return max(1, sum(1 for part in number.strip().rstrip(".)").split(".") if part.strip()))


def _results_table(report: ProgressReport) -> TableReport:
    """The appendix with each section row at its section's level in the plan (the
    appendix lists the groups of tasks one after another, each at depth 1): the
    workbook indents a section row by its level."""
    levels = iter([outline_level(s.number) for s in report.sections])
    rows = tuple(replace(r, depth=next(levels, 1)) if r.kind == "section" else r
                 for r in report.appendix.rows)  # fmt: skip
    return replace(report.appendix, rows=rows)


def export_progress_xlsx(report: ProgressReport, out: Path) -> Path:
    book = times_workbook()
    _report_sheet(report, book.active)
    book.active.title = "Báo cáo"
    table_sheet(
        book.create_sheet("Kết quả"),
        _results_table(report),
        stored=RESULT_STORED,
        widths=RESULT_WIDTHS,
        indent_column="title",
        points_per_width=POINTS_PER_WIDTH,
    )
    return save_workbook(book, out)
