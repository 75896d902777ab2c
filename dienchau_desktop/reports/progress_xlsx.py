"""The progress report as an Excel workbook: a sheet "Báo cáo" with the header, parts
I–V (the counts as numbers, overall and by lead unit, so the district can add them up
with other communes') and the closing, then the sheet "Kết quả" with the task table,
as in the PDF's appendix."""

from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dienchau_desktop.core.buckets import BUCKET_ORDER
from dienchau_desktop.reports.progress_report import (
    ProgressReport,
    summary_sentence,
    task_heading,
    task_sentence,
)
from dienchau_desktop.reports.xlsx import (
    BOX,
    CENTRE,
    FONT_NAME,
    FONT_SIZE,
    WRAP,
    cell_pieces,
    merge_row,
    page_setup,
    row_height,
    save_workbook,
    table_workbook,
    write_text,
)

#: Unit name, total, then one column per bucket.
WIDTHS = (34, 10, *(15 for _ in BUCKET_ORDER))
_JUSTIFY = Alignment(wrap_text=True, vertical="top", horizontal="justify")


def _font(bold: bool = False, italic: bool = False, size: float = FONT_SIZE) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


class _Writer:
    """Writes the report downwards, one merged row per paragraph."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.row = 0
        self.last = get_column_letter(len(WIDTHS))

    def line(self, text: str, font: Font, alignment: Alignment = _JUSTIFY,
             first: int = 1, span: int = len(WIDTHS)) -> None:  # fmt: skip
        """One paragraph in columns first…first+span-1 of a new row (or, with first > 1,
        of the row just written: the header and closing have two columns). A paragraph
        longer than a cell holds goes on in the rows below."""
        head, *rest = cell_pieces(text)
        self._line(head, font, alignment, first, span)
        for piece in rest:
            self._line(piece, font, alignment, 1, span)

    def _line(self, text: str, font: Font, alignment: Alignment, first: int, span: int) -> None:
        if first == 1:
            self.row += 1
        end = first + span - 1
        if span > 1:
            merge_row(self.sheet, self.row, first, end)
        cell = self.sheet.cell(row=self.row, column=first)
        write_text(cell, text)
        cell.font, cell.alignment = font, alignment
        height = row_height([(text, sum(WIDTHS[first - 1 : end]))])
        current = self.sheet.row_dimensions[self.row].height or 0
        self.sheet.row_dimensions[self.row].height = max(current, height)

    def pair(self, left: tuple[str, Font], right: tuple[str, Font]) -> None:
        """A row of the two-column header or closing: left under the unit columns."""
        self.line(left[0], left[1], CENTRE, first=1, span=2)
        self.line(right[0], right[1], CENTRE, first=3, span=len(WIDTHS) - 2)

    def table(self, head: list[str], rows: list[list[str | int | float]]) -> None:
        for values in [head, *rows]:
            self.row += 1
            for column, value in enumerate(values, start=1):
                cell = self.sheet.cell(row=self.row, column=column)
                if isinstance(value, str):
                    write_text(cell, value)
                else:
                    cell.value = value  # a count or percentage, as a number
                cell.font = _font(bold=values is head)
                cell.border = BOX
                cell.alignment = WRAP if column == 1 and values is not head else CENTRE
            self.sheet.row_dimensions[self.row].height = row_height(
                [(str(v), w) for v, w in zip(values, WIDTHS, strict=False)]
            )


def _report_sheet(report: ProgressReport, sheet: Worksheet) -> None:
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    info, out = report.info, _Writer(sheet)
    left = [(info.parent_body.upper(), _font())] if info.parent_body else []
    left += [(line.upper(), _font(bold=True)) for line in info.issuing_body.splitlines() if line]
    left.append((f"Số: {report.reference}", _font()))
    day = report.report_date
    right = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _font(bold=True)),
        ("Độc lập - Tự do - Hạnh phúc", _font(bold=True, size=13)),
        (f"{info.place}, ngày {day:%d} tháng {day:%m} năm {day:%Y}", _font(italic=True, size=13)),
    ]
    blank = ("", _font())
    for row in range(max(len(left), len(right))):
        out.pair(left[row] if row < len(left) else blank, right[row] if row < len(right) else blank)
    out.row += 1
    out.line("BÁO CÁO", _font(bold=True, size=14), CENTRE)
    out.line(report.subject, _font(bold=True, size=13), CENTRE)
    if report.addressee:
        out.line(f"Kính gửi: {report.addressee}", _font(size=13), CENTRE)

    out.row += 1
    out.line("I. TÌNH HÌNH THỰC HIỆN CHUNG", _font(bold=True))
    out.line(summary_sentence(report), _font())
    counts = report.overview.overall
    out.table(
        ["Tình trạng", "Số nhiệm vụ", "Tỷ lệ (%)"],
        [[b.label_vi, counts.count(b), counts.percent(b)] for b in BUCKET_ORDER]
        + [["Tổng số", counts.total, 100 if counts.total else 0]],
    )
    out.line("Kết quả theo cơ quan chủ trì:", _font(italic=True))
    out.table(
        ["Cơ quan chủ trì", "Tổng số", *(b.label_vi for b in BUCKET_ORDER)],
        [[u.title, u.counts.total, *(u.counts.count(b) for b in BUCKET_ORDER)]
         for u in report.overview.units],
    )  # fmt: skip

    out.line("II. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ", _font(bold=True))
    for section in report.sections:
        out.line(f"{section.number} {section.title}", _font(bold=True))
        for task in section.tasks:
            out.line(task_sentence(task), _font())
    out.line("III. TỒN TẠI, HẠN CHẾ", _font(bold=True))
    out.line(report.shortcomings or "(Chưa nhập.)", _font())
    out.line("IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", _font(bold=True))
    if not report.next_tasks:
        out.line("Không có nhiệm vụ đến hạn hay quá hạn chuyển sang.", _font())
    for task in report.next_tasks:
        out.line(task_heading(task), _font())
    out.line("V. ĐỀ XUẤT, KIẾN NGHỊ", _font(bold=True))
    out.line(report.proposals or "(Chưa nhập.)", _font())

    out.row += 1
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
        out.line(text, font, Alignment(wrap_text=True, vertical="top"), first=1, span=2)
        text, font = signature[row] if row < len(signature) else blank
        out.line(text, font, CENTRE, first=3, span=len(WIDTHS) - 2)

    page_setup(sheet, 1)
    sheet.print_title_rows = None  # the report is prose: no heading row to repeat
    sheet.page_setup.orientation = sheet.ORIENTATION_PORTRAIT


def export_progress_xlsx(report: ProgressReport, out: Path) -> Path:
    book = table_workbook(report.appendix, "Kết quả")
    _report_sheet(report, book.create_sheet("Báo cáo", 0))
    book.active = 0
    return save_workbook(book, out)
