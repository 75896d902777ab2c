"""The progress report as a PDF in the administrative format (REPORTS.md): the header
table, "BÁO CÁO" and its subject, parts I–V with a chart, the closing with recipients
and signature, then the appendix, numbered on its own."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from dienchau_desktop.core.buckets import BUCKET_ORDER
from dienchau_desktop.reports.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR
from dienchau_desktop.reports.pdf import (
    CellParagraph,
    CellTable,
    build_pdf,
    frame_height,
    paragraph_text,
    plain_paragraph,
    table_story,
    table_width,
)
from dienchau_desktop.reports.progress_report import (
    NOT_WRITTEN,
    PART_TITLES,
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
    vn_percent,
)

CHART_COLOURS = ["#2e7d32", "#9ccc65", "#1565c0", "#ffb300", "#c62828"]


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=13,
        leading=18,
        alignment=TA_JUSTIFY,
        firstLineIndent=1 * cm,
        spaceAfter=6,
        # A paragraph's last line never starts a page alone ("2026." at the top of
        # page 7): two lines go over, or the paragraph does.
        allowWidows=0,
    )
    centre = ParagraphStyle(
        "centre", parent=body, alignment=TA_CENTER, firstLineIndent=0, spaceAfter=0
    )
    return {
        "body": body,
        # Headings stay with what follows them (never last on a page).
        "part": ParagraphStyle(
            "part", parent=body, fontName=BOLD, firstLineIndent=0, keepWithNext=1
        ),
        "section": ParagraphStyle(
            "section", parent=body, fontName=BOLD, firstLineIndent=1 * cm, keepWithNext=1
        ),
        "group": ParagraphStyle(
            "group", parent=body, fontName=BOLD_ITALIC, firstLineIndent=1 * cm, keepWithNext=1
        ),
        "bullet": ParagraphStyle("bullet", parent=body, firstLineIndent=1 * cm),
        "sub-bullet": ParagraphStyle("sub-bullet", parent=body, firstLineIndent=1.5 * cm),
        # A task under a task under a task: set in once more, under its parent's "+".
        "sub-sub-bullet": ParagraphStyle("sub-sub-bullet", parent=body, firstLineIndent=2 * cm),
        "to": ParagraphStyle("to", parent=centre, fontSize=13.5, leading=17),
        "head-left": ParagraphStyle("hl", parent=centre, fontSize=13, leading=16),
        "head-left-bold": ParagraphStyle(
            "hlb", parent=centre, fontName=BOLD, fontSize=13, leading=16
        ),
        "nation": ParagraphStyle("nation", parent=centre, fontName=BOLD, fontSize=12.5, leading=16),
        "motto": ParagraphStyle("motto", parent=centre, fontName=BOLD, fontSize=13.5, leading=16),
        "date": ParagraphStyle("date", parent=centre, fontName=ITALIC, fontSize=13.5, leading=16),
        "type": ParagraphStyle(
            "type", parent=centre, fontName=BOLD, fontSize=14, leading=18, spaceBefore=12
        ),
        "subject": ParagraphStyle(
            "subject", parent=centre, fontName=BOLD, fontSize=13.5, leading=17
        ),
        "recipients-title": ParagraphStyle(
            "rt",
            parent=body,
            fontName=BOLD_ITALIC,
            fontSize=12,
            leading=14,
            firstLineIndent=0,
            alignment=0,
        ),
        "recipients": ParagraphStyle(
            "r", parent=body, fontSize=11, leading=13, firstLineIndent=0, alignment=0, spaceAfter=0
        ),
        "sign": ParagraphStyle("sign", parent=centre, fontName=BOLD, fontSize=13.5, leading=17),
        "cell": ParagraphStyle("cell", fontName=REGULAR, fontSize=11, leading=13.5),
        "cell-bold": ParagraphStyle("cell-bold", fontName=BOLD, fontSize=11, leading=13.5),
        "cell-centre": ParagraphStyle(
            "cell-centre", fontName=REGULAR, fontSize=11, leading=13.5, alignment=TA_CENTER
        ),
        "cell-head": ParagraphStyle(
            "cell-head", fontName=BOLD, fontSize=11, leading=13.5, alignment=TA_CENTER
        ),
    }


class RestartNumbering(Flowable):
    """Drawn on the last page of the report: the next page is page 1 of the appendix."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = getattr(self.canv, "_doctemplate", None)
        if doc is not None:
            doc.page_offset = self.canv.getPageNumber()


def _rule(width: float, space_before: float = 3, space_after: float = 4) -> HRFlowable:
    return HRFlowable(width=width, thickness=0.6, color=colors.black, hAlign="CENTER",
                      spaceBefore=space_before, spaceAfter=space_after)  # fmt: skip


def _header(report: ProgressReport, s: dict[str, ParagraphStyle], width: float) -> Table:
    info = report.info
    left: list = []
    if info.parent_body:
        left.append(Paragraph(paragraph_text(info.parent_body.upper()), s["head-left"]))
    body_lines = [line for line in (info.issuing_body or "").upper().splitlines() if line.strip()]
    for line in body_lines:
        left.append(Paragraph(paragraph_text(line), s["head-left-bold"]))
    column = width * 0.42
    # The rule under the issuing body: 45 % of the line above it (Decree 30: 1/3 to 1/2),
    # clear of the text above and below.
    above = stringWidth(body_lines[-1], BOLD, 13) if body_lines else column / 2
    left += [
        _rule(min(above, column) * 0.45),
        Spacer(1, 4),
        Paragraph(paragraph_text(f"Số: {report.reference}"), s["head-left"]),
    ]
    motto = "Độc lập - Tự do - Hạnh phúc"
    day = report.date_text
    place_date = f"{info.place}, {day}" if info.place else day[:1].upper() + day[1:]
    right = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s["nation"]),
        Paragraph(motto, s["motto"]),
        _rule(min(stringWidth(motto, BOLD, 13.5), width - column)),  # as long as the motto
        Spacer(1, 4),
        Paragraph(paragraph_text(place_date), s["date"]),
    ]
    # Cut across pages only when taller than a page (500-character names, each field's
    # limit): the header is kept whole otherwise.
    table = CellTable([[left, right]], colWidths=[column, width - column],
                      split_above=frame_height(A4))  # fmt: skip
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # the rules under the names, too
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _chart(report: ProgressReport, width: float) -> Drawing:
    """A pie of the buckets, its legend to the right in one column, inside the page:
    a label too long for the room left is set smaller, never cut at the page's edge."""
    counts = report.overview.overall
    present = [(b, counts.count(b)) for b in BUCKET_ORDER if counts.count(b)]
    pairs = [
        (colors.HexColor(CHART_COLOURS[BUCKET_ORDER.index(b)]),
         f"{b.label_vi}: {vn_number(n)} ({vn_percent(counts.percent(b))})")
        for b, n in present
    ]  # fmt: skip
    size, left = 11.0, 170.0
    room = width - left - 20  # the swatch and its gap
    longest = max((stringWidth(text, REGULAR, size) for _c, text in pairs), default=0)
    if longest > room:
        size = max(7.0, size * room / longest)
    # A drawing starts in reportlab's default font (Helvetica, listed in the file) unless
    # told otherwise.
    drawing = Drawing(width, 140, initialFontName=REGULAR)
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 20, 5, 130, 130
    pie.data = [n for _b, n in present] or [1]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices.fontName = REGULAR  # reportlab's graphics default to Helvetica otherwise
    for i, (bucket, _n) in enumerate(present):
        pie.slices[i].fillColor = colors.HexColor(CHART_COLOURS[BUCKET_ORDER.index(bucket)])
    if not present:
        pie.slices[0].fillColor = colors.lightgrey
    legend = Legend()
    legend.x, legend.y = left, 70 + 9 * max(len(pairs), 1)
    legend.fontName, legend.fontSize = REGULAR, size
    legend.alignment = "right"
    legend.columnMaximum = max(len(pairs), 1)  # one column
    legend.deltay = size + 7
    legend.colorNamePairs = pairs
    drawing.add(pie)
    drawing.add(legend)
    return drawing


def _grid(data: list[list], widths: list[float], head_rows: int = 1,
          centred_from: int = 1, bold_last: bool = False) -> Table:  # fmt: skip
    table = CellTable(data, colWidths=widths, repeatRows=head_rows)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 11),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("ALIGN", (centred_from, head_rows), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, head_rows - 1), colors.HexColor("#eeeeee")),
    ]
    if bold_last:
        style.append(("FONTNAME", (0, -1), (-1, -1), BOLD))
    table.setStyle(TableStyle(style))
    return table


def _units_table(report: ProgressReport, s: dict, width: float) -> Table:
    head = ["Cơ quan chủ trì", "Tổng số", *(b.label_vi for b in BUCKET_ORDER)]
    data = [[Paragraph(paragraph_text(h), s["cell-head"]) for h in head]]
    for unit in report.overview.units:
        data.append(
            [
                plain_paragraph(unit.title, s["cell"]),
                vn_number(unit.counts.total),
                *(vn_number(unit.counts.count(b)) for b in BUCKET_ORDER),
            ]
        )
    widths = [width * 0.25, width * 0.1] + [width * 0.13] * len(BUCKET_ORDER)
    return _grid(data, widths)


def _indicators_table(report: ProgressReport, s: dict, width: float) -> Table:
    head = ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ", "Đánh giá"]
    data = [[Paragraph(paragraph_text(h), s["cell-head"]) for h in head]]
    for n, line in enumerate(report.indicators, start=1):
        unit = f" {line.unit}" if line.unit and line.unit != "%" else ""
        percent = line.unit == "%"

        def amount(value: float | None, unit: str = unit, percent: bool = percent) -> str:
            if value is None:
                return "…"
            return vn_percent(value) if percent else f"{vn_number(value, 3)}{unit}"

        data.append([
            str(n), Paragraph(paragraph_text(line.title), s["cell"]),
            Paragraph(paragraph_text(amount(line.target)), s["cell-centre"]),
            Paragraph(paragraph_text(amount(line.actual)), s["cell-centre"]),
            "" if line.rate is None else vn_percent(line.rate),
            Paragraph(paragraph_text(line.verdict), s["cell-centre"]),
        ])  # fmt: skip
    widths = [width * f for f in (0.08, 0.40, 0.14, 0.14, 0.11, 0.13)]
    table = _grid(data, widths, centred_from=0)
    table.setStyle(TableStyle([("ALIGN", (1, 1), (1, -1), "LEFT")]))
    return table


def _funding_table(report: ProgressReport, s: dict, width: float) -> Table:
    head = ["STT", "Nội dung, nhiệm vụ", "Kinh phí (triệu đồng)", "Nguồn kinh phí"]
    data = [[Paragraph(paragraph_text(h), s["cell-head"]) for h in head]]
    for n, line in enumerate(report.funding, start=1):
        cite = f" (mục {cited_number(line.number)} của Kế hoạch)" if line.number else ""
        title = f"{line.title.strip().rstrip('.')}{cite}"
        if line.within:  # its amount is part of the one above's: said, not added twice
            title = f"Trong đó: {title}"
        data.append([
            str(n), Paragraph(paragraph_text(title), s["cell"]),
            "" if line.amount is None else vn_number(line.amount, 3),
            Paragraph(paragraph_text(line.source), s["cell"]),
        ])  # fmt: skip
    total = report.funding_total
    if total is not None:
        data.append(["", Paragraph("Tổng cộng", s["cell-bold"]), vn_number(total, 3), ""])
    widths = [width * f for f in (0.08, 0.47, 0.17, 0.28)]
    table = _grid(data, widths, centred_from=0, bold_last=total is not None)  # the total
    table.setStyle(TableStyle([("ALIGN", (1, 1), (1, -1), "LEFT"),
                               ("ALIGN", (3, 1), (3, -1), "LEFT")]))  # fmt: skip
    return table


def _paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """Her text, a paragraph a line (blank lines dropped)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [plain_paragraph(line, style) for line in lines]


def _group_story(group: SectionResults, s: dict) -> list:
    # A heading is measured with what follows it (kept together), then alone: once.
    story: list = [plain_paragraph(group.heading, s["group"], CellParagraph)]
    for task in group.tasks:
        # Measured once at the page's width, however often the frame asks (a heading
        # kept with it measures it again).
        style = s[("bullet", "sub-bullet", "sub-sub-bullet")[min(task.depth, 2)]]
        story.append(plain_paragraph(task_sentence(task), style, CellParagraph))
    return story


def _results_story(report: ProgressReport, s: dict, width: float) -> list:
    story: list = [Paragraph(PART_TITLES["results"], s["part"])]
    for key, heading in report.result_parts:
        story.append(Paragraph(paragraph_text(heading), s["section"]))
        if key == "summary":
            story += [
                Paragraph(paragraph_text(summary_sentence(report)), s["body"]),
                _chart(report, width),
                Paragraph("Kết quả theo cơ quan chủ trì:", s["body"]),
                _units_table(report, s, width),
                Spacer(1, 6),
            ]
        elif key == "sections":
            for group in report.regular_sections:
                story += _group_story(group, s)
        elif key == "indicators":
            story += [_indicators_table(report, s, width), Spacer(1, 6)]
        elif key == "breakthrough":
            # What each breakthrough task is, then its groups: each group once, even
            # when two flagged tasks share a section.
            for item in report.breakthrough:
                story.append(Paragraph(paragraph_text(breakthrough_sentence(item)), s["body"]))
            for group in report.sections:
                if group.breakthrough:
                    story += _group_story(group, s)
        elif key == "funding":
            story += [_funding_table(report, s, width), Spacer(1, 6)]
    return story


def _next_story(report: ProgressReport, s: dict) -> list:
    story: list = [Paragraph(PART_TITLES["next"], s["part"])]
    if report.carried_over:
        story.append(Paragraph("Các nhiệm vụ chưa hoàn thành, đã quá hạn, chuyển sang kỳ tới:",
                               s["body"]))  # fmt: skip
        story += [plain_paragraph(next_task_line(t), s["bullet"])
                  for t in report.carried_over]  # fmt: skip
    if report.due_next:
        story.append(Paragraph(paragraph_text(next_horizon_sentence(report)), s["body"]))
        story += [plain_paragraph(next_task_line(t), s["bullet"])
                  for t in report.due_next]  # fmt: skip
    if report.recurring_count:
        story.append(Paragraph(paragraph_text(
            f"Tiếp tục thực hiện {vn_number(report.recurring_count)} nhiệm vụ thường xuyên "
            "theo Kế hoạch."), s["body"]))  # fmt: skip
    if not (report.carried_over or report.due_next or report.recurring_count):
        story.append(Paragraph("Không có nhiệm vụ đến hạn hay quá hạn chuyển sang.", s["body"]))
    story += _paragraphs(report.next_text, s["body"])
    return story


def progress_story(report: ProgressReport, width: float) -> tuple[list, Table]:
    s = _styles()
    story: list = [
        _header(report, s, width),
        Paragraph("BÁO CÁO", s["type"]),
        Paragraph(paragraph_text(report.subject), s["subject"]),
        _rule(width * 0.25, 2, 10),
        *(
            [Paragraph(paragraph_text(f"Kính gửi: {report.addressee}"), s["to"]), Spacer(1, 8)]
            if report.addressee
            else []
        ),
        Paragraph(PART_TITLES["direction"], s["part"]),
        *_paragraphs(report.direction, s["body"]),
        *_results_story(report, s, width),
        Paragraph(PART_TITLES["shortcomings"], s["part"]),
        *(_paragraphs(report.shortcomings, s["body"]) or [Paragraph(NOT_WRITTEN, s["body"])]),
        *_next_story(report, s),
        Paragraph(PART_TITLES["proposals"], s["part"]),
    ]
    last = _paragraphs(report.proposals, s["body"]) or [Paragraph(NOT_WRITTEN, s["body"])]
    story += last[:-1]
    info = report.info
    recipients = [Paragraph("Nơi nhận:", s["recipients-title"])] + [
        Paragraph(paragraph_text(line), s["recipients"])
        for line in recipient_lines(info.recipients)
    ]
    signature = [
        Paragraph(paragraph_text(info.signer_authority.upper()), s["sign"]),
        Paragraph(paragraph_text(info.signer_title.upper()), s["sign"]),
        Spacer(1, 2.5 * cm),
        Paragraph(paragraph_text(info.signer_name), s["sign"]),
    ]
    # Kept whole unless taller than a page (a recipient may be 20,000 characters long).
    closing = CellTable([[recipients, signature]], colWidths=[width * 0.5, width * 0.5],
                        split_above=frame_height(A4))  # fmt: skip
    closing.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    # The signature never stands alone on the last page: the last paragraph goes with it.
    story += [KeepTogether([last[-1], Spacer(1, 8), closing]), RestartNumbering(),
              NextPageTemplate("table-first"), PageBreak()]  # fmt: skip
    # The appendix is on landscape pages: eight columns, none of whose numbers, dates
    # or deadlines ("Quý IV/2026") may break.
    appendix, heading = table_story(report.appendix, table_width(landscape(A4)))
    return story + appendix, heading


def export_progress_pdf(report: ProgressReport, out: Path) -> Path:
    return build_pdf(
        out,
        A4,
        lambda width: progress_story(report, width),
        f"Báo cáo kết quả - {report.period.label}",
        report_first=True,
        table_pagesize=landscape(A4),
    )
