"""PDF renderings of the reports (reportlab), after Decree 30/2020/NĐ-CP (REPORTS.md):
A4 (landscape for wide task tables), margins 20/20/30/15 mm, a Times-metric serif with
Vietnamese embedded, page numbers centred in the top margin from page 2 on.

reportlab does no text shaping, so text is NFC (services store it so); and every
Table's style names the font for all its cells, or it would fall back to Helvetica.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from dienchau_desktop.reports.appendix import Appendix
from dienchau_desktop.reports.files import write_atomically
from dienchau_desktop.reports.fonts import BOLD, REGULAR, register_fonts

MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}
#: Longest piece of text one table row carries; longer cell text continues on the next
#: row(s), so no row is taller than a page (reportlab cannot lay such a row out).
ROW_TEXT_LIMIT = 900
#: Relative widths of the appendix's columns (scaled to the frame's width).
APPENDIX_WEIGHTS = {
    "stt": 5,
    "title": 34,
    "lead": 14,
    "coordinators": 16,
    "deadline": 10,
    "product": 12,
    "responsible": 12,
}


def paragraph_text(text: str) -> str:
    """Text for a reportlab Paragraph: NFC, markup characters escaped, line breaks kept,
    tabs as spaces; characters the font lacks (emoji) are kept and print as boxes."""
    text = unicodedata.normalize("NFC", text).replace("\t", "    ")
    return escape(text).replace("\n", "<br/>")


def chunks(text: str, limit: int) -> list[str]:
    """`text` cut at spaces into pieces of at most about `limit` characters."""
    if len(text) <= limit:
        return [text]
    pieces, current = [], ""
    for word in text.split(" "):
        while len(word) > limit:  # a "word" longer than a row: cut it anyway
            if current:
                pieces.append(current)
                current = ""
            pieces.append(word[:limit])
            word = word[limit:]
        if current and len(current) + 1 + len(word) > limit:
            pieces.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        pieces.append(current)
    return pieces


def styles() -> dict[str, ParagraphStyle]:
    family = register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=13, leading=16)
    return {
        "heading": ParagraphStyle("heading", parent=base, fontName=BOLD, fontSize=14,
                                  leading=18, alignment=TA_CENTER),
        "subheading": ParagraphStyle("subheading", parent=base, fontName=BOLD, alignment=TA_CENTER),
        "note": ParagraphStyle("note", parent=base, fontName=f"{family}-Italic",
                               alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", parent=base, fontSize=11, leading=13.5, alignment=TA_LEFT),
        "cell-centre": ParagraphStyle("cell-centre", parent=base, fontSize=11, leading=13.5,
                                      alignment=TA_CENTER),
        "cell-head": ParagraphStyle("cell-head", parent=base, fontName=BOLD, fontSize=11,
                                    leading=13.5, alignment=TA_CENTER),
        "section": ParagraphStyle("section", parent=base, fontName=BOLD, fontSize=11,
                                  leading=13.5),
    }  # fmt: skip


class NumberedDocument(BaseDocTemplate):
    """A document whose pages from the second on carry their number, centred on top."""

    def __init__(self, filename: str, pagesize: tuple[float, float], **kwargs: object) -> None:
        register_fonts()
        super().__init__(
            filename,
            pagesize=pagesize,
            leftMargin=MARGINS["left"],
            rightMargin=MARGINS["right"],
            topMargin=MARGINS["top"],
            bottomMargin=MARGINS["bottom"],
            # A canvas starts in Helvetica, which would then be listed in the file
            # (not embedded, no Vietnamese): start it in the report's own font.
            initialFontName=REGULAR,
            initialFontSize=13,
            **kwargs,
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._number)])

    def _number(self, canvas, document) -> None:
        page = canvas.getPageNumber()
        if page == 1:
            return
        canvas.saveState()
        canvas.setFont(REGULAR, 13)
        canvas.drawCentredString(
            document.leftMargin + document.width / 2,
            document.pagesize[1] - MARGINS["top"] / 2,
            str(page),
        )
        canvas.restoreState()


def appendix_story(appendix: Appendix, width: float) -> list:
    s = styles()
    keys = [key for key, _ in appendix.columns]
    total = sum(APPENDIX_WEIGHTS[k] for k in keys)
    widths = [width * APPENDIX_WEIGHTS[k] / total for k in keys]
    data = [[Paragraph(paragraph_text(h), s["cell-head"]) for _k, h in appendix.columns]]
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # no Helvetica fallback anywhere
        ("FONTSIZE", (0, 0), (-1, -1), 11),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
    ]
    for entry in appendix.rows:
        row = len(data)
        if entry.kind == "section":
            data.append([Paragraph(paragraph_text(entry.cells[0]), s["section"])]
                        + [""] * (len(keys) - 1))  # fmt: skip
            commands.append(("SPAN", (0, row), (-1, row)))
            # A section row is never left alone at the foot of a page.
            commands.append(("NOSPLIT", (0, row), (-1, row + 1)))
            continue
        pieces = [chunks(text, ROW_TEXT_LIMIT) for text in entry.cells]
        for part in range(max(len(p) for p in pieces)):
            data.append([
                Paragraph(paragraph_text(p[part] if part < len(p) else ""),
                          s["cell-centre"] if key in {"stt", "deadline"} else s["cell"])
                for key, p in zip(keys, pieces, strict=True)
            ])  # fmt: skip
            if part:
                # A continuation row reads as part of the row above it.
                commands.append(("LINEABOVE", (0, len(data) - 1), (-1, len(data) - 1), 0.25,
                                 colors.lightgrey))  # fmt: skip
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    return [
        Paragraph(paragraph_text(appendix.heading), s["heading"]),
        Paragraph(paragraph_text(appendix.subject), s["subheading"]),
        Paragraph(paragraph_text(appendix.attached_to), s["note"]),
        Spacer(1, 6 * mm),
        table,
    ]


def build_pdf(out: Path, pagesize: tuple[float, float], story_for_width, title: str) -> Path:
    """Write a PDF whole or not at all."""

    def write(temporary: str) -> None:
        document = NumberedDocument(temporary, pagesize, title=title, author="UBND xã")
        document.build(story_for_width(document.width))

    return write_atomically(out, write)


def export_appendix_pdf(appendix: Appendix, out: Path) -> Path:
    return build_pdf(
        out, landscape(A4), lambda width: appendix_story(appendix, width),
        f"{appendix.heading} - {appendix.subject}",
    )  # fmt: skip
