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
from reportlab.platypus import (
    Flowable,
    HRFlowable,
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
    CellTable,
    build_pdf,
    frame_height,
    paragraph_text,
    table_story,
    table_width,
)
from dienchau_desktop.reports.progress_report import (
    ProgressReport,
    summary_sentence,
    task_heading,
    task_sentence,
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
    )
    centre = ParagraphStyle(
        "centre", parent=body, alignment=TA_CENTER, firstLineIndent=0, spaceAfter=0
    )
    return {
        "body": body,
        "part": ParagraphStyle("part", parent=body, fontName=BOLD, firstLineIndent=0),
        "section": ParagraphStyle("section", parent=body, fontName=BOLD, firstLineIndent=0.5 * cm),
        "bullet": ParagraphStyle("bullet", parent=body, firstLineIndent=1 * cm),
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
        "cell": ParagraphStyle("cell", fontName=REGULAR, fontSize=12, leading=15),
    }


class RestartNumbering(Flowable):
    """Drawn on the last page of the report: the next page is page 1 of the appendix."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = getattr(self.canv, "_doctemplate", None)
        if doc is not None:
            doc.page_offset = self.canv.getPageNumber()


def _header(report: ProgressReport, s: dict[str, ParagraphStyle], width: float) -> Table:
    info = report.info
    left: list = []
    if info.parent_body:
        left.append(Paragraph(paragraph_text(info.parent_body.upper()), s["head-left"]))
    for line in (info.issuing_body or "").upper().splitlines():
        left.append(Paragraph(paragraph_text(line), s["head-left-bold"]))
    left += [
        HRFlowable(width="35%", thickness=0.6, color=colors.black, spaceBefore=1, spaceAfter=6),
        Paragraph(
            paragraph_text(f"Số: {report.reference}"),
            s["head-left"],
        ),
    ]
    day = report.report_date
    right = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s["nation"]),
        Paragraph("Độc lập - Tự do - Hạnh phúc", s["motto"]),
        HRFlowable(width="62%", thickness=0.6, color=colors.black, spaceBefore=1, spaceAfter=6),
        Paragraph(
            paragraph_text(f"{info.place}, ngày {day:%d} tháng {day:%m} năm {day:%Y}"), s["date"]
        ),
    ]
    # Cut across pages only when taller than a page (500-character names, each field's
    # limit): the header is kept whole otherwise.
    table = CellTable([[left, right]], colWidths=[width * 0.42, width * 0.58],
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
    counts = report.overview.overall
    present = [(b, counts.count(b)) for b in BUCKET_ORDER if counts.count(b)]
    # A drawing starts in reportlab's default font (Helvetica, listed in the file) unless
    # told otherwise.
    drawing = Drawing(width, 150, initialFontName=REGULAR)
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 20, 10, 130, 130
    pie.data = [n for _b, n in present] or [1]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices.fontName = REGULAR  # reportlab's graphics default to Helvetica otherwise
    for i, (bucket, _n) in enumerate(present):
        pie.slices[i].fillColor = colors.HexColor(CHART_COLOURS[BUCKET_ORDER.index(bucket)])
    legend = Legend()
    legend.x, legend.y = 190, 120
    legend.fontName, legend.fontSize = REGULAR, 11
    legend.alignment = "right"
    legend.colorNamePairs = [
        (
            colors.HexColor(CHART_COLOURS[BUCKET_ORDER.index(b)]),
            f"{b.label_vi}: {n} ({counts.percent(b):g}%)",
        )
        for b, n in present
    ]
    drawing.add(pie)
    drawing.add(legend)
    return drawing


def _units_table(report: ProgressReport, s: dict, width: float) -> Table:
    head = ["Cơ quan chủ trì", "Tổng số", *(b.label_vi for b in BUCKET_ORDER)]
    data = [[Paragraph(paragraph_text(h), s["cell"]) for h in head]]
    for unit in report.overview.units:
        data.append(
            [
                Paragraph(paragraph_text(unit.title), s["cell"]),
                str(unit.counts.total),
                *(str(unit.counts.count(b)) for b in BUCKET_ORDER),
            ]
        )
    widths = [width * 0.3, width * 0.1] + [width * 0.12] * len(BUCKET_ORDER)
    table = CellTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTSIZE", (0, 0), (-1, -1), 12),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("ALIGN", (1, 1), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def progress_story(report: ProgressReport, width: float) -> tuple[list, Table]:
    s = _styles()
    story: list = [
        _header(report, s, width),
        Paragraph("BÁO CÁO", s["type"]),
        Paragraph(paragraph_text(report.subject), s["subject"]),
        HRFlowable(width="25%", thickness=0.6, color=colors.black, spaceBefore=2, spaceAfter=10),
        *(
            [Paragraph(paragraph_text(f"Kính gửi: {report.addressee}"), s["date"]), Spacer(1, 8)]
            if report.addressee
            else []
        ),
        Paragraph("I. TÌNH HÌNH THỰC HIỆN CHUNG", s["part"]),
        Paragraph(paragraph_text(summary_sentence(report)), s["body"]),
        _chart(report, width),
        Paragraph("Kết quả theo cơ quan chủ trì:", s["body"]),
        _units_table(report, s, width),
        Spacer(1, 6),
        Paragraph("II. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ", s["part"]),
    ]
    for section in report.sections:
        story.append(Paragraph(paragraph_text(f"{section.number} {section.title}"), s["section"]))
        for task in section.tasks:
            story.append(Paragraph(paragraph_text(task_sentence(task)), s["bullet"]))
    story.append(Paragraph("III. TỒN TẠI, HẠN CHẾ", s["part"]))
    story.append(Paragraph(paragraph_text(report.shortcomings or "(Chưa nhập.)"), s["body"]))
    story.append(Paragraph("IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", s["part"]))
    if not report.next_tasks:
        story.append(Paragraph("Không có nhiệm vụ đến hạn hay quá hạn chuyển sang.", s["body"]))
    for task in report.next_tasks:
        story.append(Paragraph(paragraph_text(task_heading(task)), s["bullet"]))
    story.append(Paragraph("V. ĐỀ XUẤT, KIẾN NGHỊ", s["part"]))
    story.append(Paragraph(paragraph_text(report.proposals or "(Chưa nhập.)"), s["body"]))
    story.append(Spacer(1, 8))
    info = report.info
    recipients = [Paragraph("Nơi nhận:", s["recipients-title"])] + [
        Paragraph(paragraph_text(f"- {r}"), s["recipients"]) for r in info.recipients
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
    story += [closing, RestartNumbering(), NextPageTemplate("table-first"), PageBreak()]
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
