"""The progress report as an Excel workbook: a sheet "Báo cáo" with what the PDF says
(the header, parts I–V with the counts, the indicators and the funding as numbers, so
the district can add them up with other communes', and the closing), then the sheet
"Kết quả" with the PDF appendix's table, its STT, percentages and dates stored as
numbers and dates.

Both sheets print on A4 at full size: the report portrait, the table landscape. Their
columns are sized in the units of the workbook's default font, Times New Roman 12
(xlsx.times_workbook), to fill the width between the margins, so fitting the sheet to
one page wide shrinks nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from openpyxl.chart import PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.drawing.text import Font as DrawingFont
from openpyxl.styles import Alignment, Border, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from dienchau_desktop.core.buckets import BUCKET_ORDER
from dienchau_desktop.reports.progress_report import (
    NOT_WRITTEN,
    PART_TITLES,
    IndicatorResult,
    ProgressReport,
    SectionResults,
    breakthrough_sentence,
    cited_number,
    next_horizon_sentence,
    next_task_line,
    recipient_lines,
    summary_sentence,
    task_sentence,
    vn_number,
)
from dienchau_desktop.reports.table import TableReport
from dienchau_desktop.reports.xlsx import (
    A4_LANDSCAPE_HEIGHT,
    A4_PORTRAIT_HEIGHT,
    BOX,
    CELL_LIMIT,
    DATE,
    FONT_NAME,
    INTEGER,
    PERCENT,
    PERCENT_ONE_DECIMAL,
    THIN,
    TIMES_CHARS_PER_WIDTH,
    CellStyles,
    cell_pieces,
    keep_with_next,
    merge_row,
    page_setup,
    row_height,
    row_height_of,
    save_workbook,
    set_row_height,
    table_sheet,
    times_workbook,
    write_text,
)

#: The report sheet's grid, portrait (77 of the 78 units between the margins): the
#: header's left block is columns 1–3 (the rule under the issuing body is column 2's
#: top edge, the one under the subject columns 4–5's), its right block 4–8; the unit
#: table puts the unit in 1–2, the total in 3 and a bucket in each of 4–8.
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
#: The pie's height and width, centimetres (the page leaves 16.5 between the margins),
#: and its colours in BUCKET_ORDER, the PDF's (progress_pdf.CHART_COLOURS: not imported,
#: which would load reportlab for an Excel file).
CHART_CM = (6.5, 16.0)
CHART_COLOURS = ("#2e7d32", "#9ccc65", "#1565c0", "#ffb300", "#c62828")

#: The lines of a paragraph one row holds at most; longer ones go on in the next rows.
ROW_LINES = 20

Span = tuple[int, int]
#: A table cell: text, a number (in its column's format), (number, its own format), or
#: None (empty).
Value = str | int | float | tuple[float, str] | None


def _font(
    size: float = 12, bold: bool = False, italic: bool = False, underline: bool = False
) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic,
                underline="single" if underline else None)  # fmt: skip


def _aligned(horizontal: str, indent: int = 0, vertical: str = "top") -> Alignment:
    return Alignment(wrap_text=True, horizontal=horizontal, vertical=vertical, indent=indent)


#: How each kind of paragraph looks (the PDF's styles, in what a cell can do: Excel
#: indents only text aligned left, so a bullet is aligned left rather than justified).
LOOKS: dict[str, tuple[Font, Alignment]] = {
    "head": (_font(13), _aligned("center", vertical="center")),
    "head-bold": (_font(13, bold=True), _aligned("center", vertical="center")),
    "nation": (_font(12, bold=True), _aligned("center", vertical="center")),
    "motto": (_font(13, bold=True, underline=True), _aligned("center", vertical="center")),
    "date": (_font(13, italic=True), _aligned("center", vertical="center")),
    "type": (_font(14, bold=True), _aligned("center", vertical="center")),
    "subject": (_font(13, bold=True), _aligned("center", vertical="center")),
    "to": (_font(13), _aligned("center", vertical="center")),
    "part": (_font(bold=True), _aligned("left")),
    "section": (_font(bold=True), _aligned("left", 1)),
    "group": (_font(bold=True, italic=True), _aligned("left", 1)),
    "body": (_font(), _aligned("justify")),
    "bullet": (_font(), _aligned("left", 1)),
    "sub-bullet": (_font(), _aligned("left", 2)),
    "sub-sub-bullet": (_font(), _aligned("left", 3)),
    "recipients-title": (_font(bold=True, italic=True), _aligned("left")),
    "recipient": (_font(11), _aligned("left")),
    "sign": (_font(13, bold=True), _aligned("center")),
    "blank": (_font(), _aligned("left")),
}
#: Looks of headings: kept on a page with what follows them.
_HEADINGS = {"part", "section", "group"}
_CELL_TEXT = _aligned("left", vertical="center")
_CELL, _BOLD_CELL = _font(), _font(bold=True)
_RULE = Border(top=THIN)  # a short rule: a cell's top edge
_CELL_CENTRE = _aligned("center", vertical="center")


def _width(span: Span) -> float:
    return sum(WIDTHS[span[0] - 1 : span[1]])


class _Writer:
    """Writes the report downwards, one merged row per paragraph."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.row = 0
        self.styles = CellStyles()
        #: Rows that must not end a page (xlsx.keep_with_next): headings, lead-ins,
        #: the closing with the paragraph before it.
        self.keep: set[int] = set()

    def line(self, text: str, look: str = "body", span: Span = WHOLE, *,
             same_row: bool = False, keep: bool = False) -> None:  # fmt: skip
        """One paragraph in the columns of `span` of a new row (or, with `same_row`, of
        the row just written: the header and closing have two blocks). A paragraph
        longer than a cell holds goes on in the rows below. `keep`: on the same page
        as the row after it (headings are)."""
        limit = CELL_LIMIT
        if not same_row and span == WHOLE:
            # A row is at most 409 points tall (Excel's limit): the rest of a long
            # paragraph would be hidden, and a tall row leaves a page half empty.
            font, alignment = LOOKS[look]
            per_line = (_width(span) - 1.5 * alignment.indent) * 12 / (font.sz or 12)
            limit = int(ROW_LINES * (per_line * TIMES_CHARS_PER_WIDTH - 1))
        head, *rest = cell_pieces(text, limit)
        self._line(head, look, span, same_row, keep)
        for piece in rest:
            self._line(piece, look, span, False, keep)

    def lines(self, text: str, look: str = "body", *, keep_last: bool = False) -> None:
        """Her text, a paragraph a line (blank lines dropped); NOT_WRITTEN if none."""
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
        paragraphs = paragraphs or [NOT_WRITTEN]
        for index, paragraph in enumerate(paragraphs, start=1):
            self.line(paragraph, look, keep=keep_last and index == len(paragraphs))

    def _line(self, text: str, look: str, span: Span, same: bool, keep: bool) -> None:
        if not same:
            self.row += 1
        if keep or look in _HEADINGS:
            self.keep.add(self.row)
        if span[1] > span[0]:
            merge_row(self.sheet, self.row, *span)
        cell = self.sheet.cell(row=self.row, column=span[0])
        font, alignment = LOOKS[look]
        self.styles.apply(cell, look, font=font, alignment=alignment)
        write_text(cell, text)
        self._fit(text, span, font.sz or 12, alignment.indent)

    def _fit(self, text: str, span: Span, size: float = 12, indent: float = 0) -> None:
        # Sized for 12 pt, larger type taking proportionally more room; an indent
        # (three spaces a level) narrows the line.
        width = (_width(span) - 1.5 * indent) * 12 / size
        height = row_height([(text, width)], TIMES_CHARS_PER_WIDTH) * size / 12
        current = row_height_of(self.sheet, self.row) or 0
        set_row_height(self.sheet, self.row, max(current, height))

    def pair(self, left: tuple[str, str], right: tuple[str, str], keep: bool = False) -> None:
        """A row of the two-block header or closing: (text, look) on each side."""
        self.line(left[0], left[1], LEFT, keep=keep)
        self.line(right[0], right[1], RIGHT, same_row=True)

    def rule(self, first: int, last: int | None = None) -> None:
        """A short rule across columns first…last, on a thin row of its own: the cells'
        top edge (Excel draws no line but a cell's border)."""
        self.row += 1
        for column in range(first, (last or first) + 1):
            self.styles.apply(self.sheet.cell(row=self.row, column=column), "rule",
                              border=_RULE)  # fmt: skip
        set_row_height(self.sheet, self.row, 6)

    def part(self, key: str) -> None:
        """A part's heading (PART_TITLES), a little space above it."""
        self.space(6, keep=True)
        self.line(PART_TITLES[key], "part")

    def space(self, height: float = 8, *, keep: bool = False) -> None:
        self.row += 1
        set_row_height(self.sheet, self.row, height)
        if keep:
            self.keep.add(self.row)

    def table(
        self,
        spans: Sequence[Span],
        head: Sequence[str],
        rows: Sequence[Sequence[Value]],
        formats: Sequence[str | None] = (),
        *,
        left: Sequence[int] = (0,),
        bold_last: bool = False,
    ) -> None:
        """A bordered table, each column over the grid columns of its span; numbers
        stored as numbers in `formats`' display format for their column (or their own).
        The columns in `left` are aligned left below the heading, the others centred."""
        formats = list(formats) or [None] * len(spans)
        for index, values in enumerate([head, *rows]):
            self.row += 1
            is_head = index == 0
            if is_head:
                self.keep.add(self.row)
            bold = is_head or (bold_last and index == len(rows))
            for column, (value, span) in enumerate(zip(values, spans, strict=True)):
                if span[1] > span[0]:
                    merge_row(self.sheet, self.row, *span)
                for covered in range(span[0] + 1, span[1] + 1):
                    self.styles.apply(self.sheet.cell(row=self.row, column=covered), "box",
                                      border=BOX)  # fmt: skip
                cell = self.sheet.cell(row=self.row, column=span[0])
                aligned_left = column in left and not is_head
                number_format = formats[column]
                if isinstance(value, tuple):
                    value, number_format = value
                shown_format = number_format if value is not None and not is_head else None
                if isinstance(value, str):
                    shown_format = None
                # Each combination made once (CellStyles): a table of the units has
                # hundreds of cells and a new Font for each was a third of the sheet.
                self.styles.apply(
                    cell, ("table", bold, aligned_left, shown_format), border=BOX,
                    font=_BOLD_CELL if bold else _CELL, alignment=_CELL_TEXT if aligned_left
                    else _CELL_CENTRE, **({"number_format": shown_format} if shown_format else {}),
                )  # fmt: skip
                if isinstance(value, str):
                    write_text(cell, value)
                elif value is not None:
                    cell.value = value
                self._fit(_shown(value), span)


def _shown(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else f"{value:,.3f}"


def decimals_format(value: float) -> str:
    """Thousands grouped, with as many decimals as `value` has (up to 3): "#,##0.###"
    would end a whole number with the decimal separator ("1.500,"). The reader's Excel
    shows the Vietnamese separators ("1.500,5") from its locale."""
    text = f"{value:.3f}".rstrip("0")
    decimals = len(text.partition(".")[2])
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _quantity(value: float | None) -> Value:
    """An indicator's planned or actual value: a number, as many decimals as it has."""
    return "…" if value is None else (value, decimals_format(value))


def _header(report: ProgressReport, out: _Writer) -> None:
    info = report.info
    left = [(info.parent_body.upper(), "head")] if info.parent_body else []
    left += [(line.upper(), "head-bold")
             for line in (info.issuing_body or "").splitlines() if line.strip()]  # fmt: skip
    right = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation"),
        ("Độc lập - Tự do - Hạnh phúc", "motto"),  # underlined: the rule as long as it
    ]
    blank = ("", "blank")
    for row in range(max(len(left), len(right))):
        out.pair(left[row] if row < len(left) else blank, right[row] if row < len(right) else blank)
    out.rule(2)
    day = report.date_text
    place_date = f"{info.place}, {day}" if info.place else day[:1].upper() + day[1:]
    out.pair((f"Số: {report.reference}", "head"), (place_date, "date"))
    out.space()
    out.line("BÁO CÁO", "type")
    out.line(report.subject, "subject")
    out.rule(4, 5)
    if report.addressee:
        out.line(f"Kính gửi: {report.addressee}", "to")
    out.space()


def _counts(report: ProgressReport, out: _Writer) -> None:
    counts = report.overview.overall
    first = out.row + 2  # the first bucket's row, below the heading row
    out.table(
        [(1, 4), (5, 6), (7, 8)],
        ["Tình trạng", "Số nhiệm vụ", "Tỷ lệ"],
        [[b.label_vi, counts.count(b), counts.percent(b) / 100] for b in BUCKET_ORDER]
        + [["Tổng số", counts.total, 1 if counts.total else 0]],
        [None, "#,##0", PERCENT_ONE_DECIMAL],
        bold_last=True,
    )
    if counts.total:
        _chart(out, first)
    out.space(6)
    out.line("Kết quả theo cơ quan chủ trì:", keep=True)
    out.table(
        [(1, 2), (3, 3), *((c, c) for c in range(4, 4 + len(BUCKET_ORDER)))],
        ["Cơ quan chủ trì", "Tổng số", *(b.label_vi for b in BUCKET_ORDER)],
        [[u.title, u.counts.total, *(u.counts.count(b) for b in BUCKET_ORDER)]
         for u in report.overview.units],
        [None, *("#,##0" for _ in range(len(BUCKET_ORDER) + 1))],
    )  # fmt: skip
    out.space(6)


def _chart_text() -> RichText:
    """The chart's text in the report's font (Excel's default for charts is Calibri)."""
    letters = CharacterProperties(latin=DrawingFont(typeface=FONT_NAME), sz=1100)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=letters), endParaRPr=letters)])


def _chart(out: _Writer, first: int) -> None:
    """The PDF's pie of the buckets, drawn by Excel from the table above it (so it
    follows the figures if she corrects one), on rows kept empty for it; its legend
    inside the chart, beside the pie."""
    sheet = out.sheet
    last = first + len(BUCKET_ORDER) - 1
    chart = PieChart()
    chart.add_data(Reference(sheet, min_col=5, min_row=first, max_row=last))
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    series = chart.series[0]
    for index, colour in enumerate(CHART_COLOURS):
        point = DataPoint(idx=index)
        point.graphicalProperties.solidFill = colour.lstrip("#")
        series.dPt.append(point)
    series.dLbls = DataLabelList(showPercent=True, showVal=False, showCatName=False,
                                 showSerName=False, showLegendKey=False)  # fmt: skip
    series.dLbls.txPr = _chart_text()
    chart.legend.position = "r"
    chart.legend.txPr = _chart_text()
    chart.height, chart.width = CHART_CM
    out.space(4)
    out.space(CHART_CM[0] / 2.54 * 72 + 6)
    sheet.add_chart(chart, f"A{out.row}")


def _indicators(indicators: Sequence[IndicatorResult], out: _Writer) -> None:
    # The unit in a column of its own (Đơn vị tính), as such tables are set out: the
    # figures stay plain numbers, and "100" with "% trường học" fits its column.
    out.table(
        [(1, 1), (2, 3), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8)],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ", "Đánh giá"],
        [[n, line.title, line.unit, _quantity(line.target), _quantity(line.actual),
          None if line.rate is None else line.rate / 100, line.verdict]
         for n, line in enumerate(indicators, start=1)],
        ["0", None, None, None, None, PERCENT_ONE_DECIMAL, None],
        left=(1,),
    )  # fmt: skip
    out.space(6)


def _funding(report: ProgressReport, out: _Writer) -> None:
    rows: list[list[Value]] = []
    for n, line in enumerate(report.funding, start=1):
        cite = f" (mục {cited_number(line.number)} của Kế hoạch)" if line.number else ""
        title = f"{line.title.strip().rstrip('.')}{cite}"
        if line.within:  # its amount is part of the one above's: said, not added twice
            title = f"Trong đó: {title}"
        amount = None if line.amount is None else (line.amount, decimals_format(line.amount))
        rows.append([n, title, amount, line.source])
    total = report.funding_total
    if total is not None:
        rows.append([None, "Tổng cộng", (total, decimals_format(total)), None])
    out.table(
        [(1, 1), (2, 4), (5, 6), (7, 8)],
        ["STT", "Nội dung, nhiệm vụ", "Kinh phí (triệu đồng)", "Nguồn kinh phí"],
        rows,
        ["0", None, None, None],
        left=(1, 3),
        bold_last=total is not None,
    )
    out.space(6)


def _group(group: SectionResults, out: _Writer) -> None:
    out.line(group.heading, "group")
    for task in group.tasks:
        look = ("bullet", "sub-bullet", "sub-sub-bullet")[min(task.depth, 2)]
        out.line(task_sentence(task), look)


def _results(report: ProgressReport, out: _Writer) -> None:
    out.part("results")
    for key, heading in report.result_parts:
        out.line(heading, "section")
        if key == "summary":
            out.line(summary_sentence(report))
            _counts(report, out)
        elif key == "sections":
            for group in report.regular_sections:
                _group(group, out)
        elif key == "indicators":
            _indicators(report.indicators, out)
        elif key == "breakthrough":
            # What each breakthrough task is, then its groups: each group once, even
            # when two flagged tasks share a section (as the PDF).
            for item in report.breakthrough:
                out.line(breakthrough_sentence(item))
            for group in report.sections:
                if group.breakthrough:
                    _group(group, out)
        elif key == "funding":
            _funding(report, out)


def _next(report: ProgressReport, out: _Writer) -> None:
    out.part("next")
    if report.carried_over:
        out.line("Các nhiệm vụ chưa hoàn thành, đã quá hạn, chuyển sang kỳ tới:", keep=True)
        for task in report.carried_over:
            out.line(next_task_line(task), "bullet")
    if report.due_next:
        out.line(next_horizon_sentence(report), keep=True)
        for task in report.due_next:
            out.line(next_task_line(task), "bullet")
    if report.recurring_count:
        out.line(f"Tiếp tục thực hiện {vn_number(report.recurring_count)} nhiệm vụ thường "
                 "xuyên theo Kế hoạch.")  # fmt: skip
    if not (report.carried_over or report.due_next or report.recurring_count):
        out.line("Không có nhiệm vụ đến hạn hay quá hạn chuyển sang.")
    if report.next_text.strip():
        out.lines(report.next_text)


def _closing(report: ProgressReport, out: _Writer) -> None:
    info = report.info
    blank = ("", "blank")
    recipients = [("Nơi nhận:", "recipients-title")]
    recipients += [(line, "recipient") for line in recipient_lines(info.recipients)]
    signature = [
        (info.signer_authority.upper(), "sign"),
        (info.signer_title.upper(), "sign"),
        blank, blank, blank,  # room for the signature and seal
        (info.signer_name, "sign"),
    ]  # fmt: skip
    rows = max(len(recipients), len(signature))
    for row in range(rows):
        out.pair(
            recipients[row] if row < len(recipients) else blank,
            signature[row] if row < len(signature) else blank,
            keep=row < rows - 1,
        )  # fmt: skip  the closing whole on one page


def _report_sheet(report: ProgressReport, sheet: Worksheet) -> None:
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    out = _Writer(sheet)
    _header(report, out)
    out.part("direction")
    out.lines(report.direction)
    _results(report, out)
    out.part("shortcomings")
    out.lines(report.shortcomings)
    _next(report, out)
    out.part("proposals")
    # The signature never stands alone on the last page: the last paragraph goes with it.
    out.lines(report.proposals, keep_last=True)
    out.space(keep=True)
    _closing(report, out)
    # The report is prose with short tables: no heading row to repeat.
    page_setup(sheet, None, landscape=False)
    keep_with_next(sheet, out.keep, A4_PORTRAIT_HEIGHT)


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
    return save_workbook(progress_workbook(report), out)


def progress_workbook(report: ProgressReport) -> Workbook:
    """The workbook: the report sheet, then the results sheet."""
    book = times_workbook()
    book.active.title = "Báo cáo"  # before the chart's references to it are made
    _report_sheet(report, book.active)
    table_sheet(
        book.create_sheet("Kết quả"),
        _results_table(report),
        stored=RESULT_STORED,
        widths=RESULT_WIDTHS,
        indent_column="title",
        chars_per_width=TIMES_CHARS_PER_WIDTH,
        page_height=A4_LANDSCAPE_HEIGHT,
    )
    return book
