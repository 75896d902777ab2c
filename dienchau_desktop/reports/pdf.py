"""PDF renderings of the reports (reportlab), after Decree 30/2020/NĐ-CP (REPORTS.md):
A4 (landscape for wide task tables), margins 20/20/30/15 mm, a Times-metric serif with
Vietnamese embedded, page numbers centred in the top margin from page 2 on.

reportlab does no text shaping, so text is NFC (services store it so); and every
Table's style names the font for all its cells, or it would fall back to Helvetica.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from dienchau_desktop.core.text import NON_CHARACTERS_RE
from dienchau_desktop.reports.files import write_atomically
from dienchau_desktop.reports.fonts import BOLD, REGULAR, register_fonts
from dienchau_desktop.reports.table import TableReport

MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}
#: A table row taller than this (about 15 lines of 11-point text) is cut where it meets
#: the foot of a page, its cells going on at the top of the next; a shorter row goes to
#: the next page whole. So any text the program accepts fits in a table: 20,000
#: characters of a task's product, in a column a sixth of the page wide, run on over
#: thirty pages (reportlab alone cannot lay out a row taller than a page).
SPLIT_ROW_HEIGHT = 200.0
#: Section rows are kept on a page with their first task, when together they are at
#: most this tall: well under the height of a landscape page under its heading row
#: (about 430 pt), which a group kept together must fit in.
KEEP_WITH_SECTION_HEIGHT = 300.0
#: Table cells' padding (reportlab's default): a cell's text is that much narrower.
CELL_PADDING = {"left": 6, "right": 6, "top": 3, "bottom": 3}
#: What is not printable text: control characters other than a line break (a tab is
#: printed as spaces) and Unicode non-characters, which an old data file may hold.
_UNPRINTABLE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f]|{NON_CHARACTERS_RE.pattern}")


def paragraph_text(text: str) -> str:
    """Text for a reportlab Paragraph: NFC, markup characters escaped, line breaks kept,
    tabs as spaces, control characters and non-characters dropped; characters the font
    lacks (emoji) are kept and print as boxes. A word longer than its column is broken
    where the column ends (the styles' `splitLongWords`, reportlab's default)."""
    text = _UNPRINTABLE.sub("", unicodedata.normalize("NFC", text).replace("\t", "    "))
    return escape(text).replace("\n", "<br/>")


class CellParagraph(Paragraph):
    """A paragraph in a table cell, broken into lines once per column width.

    A table breaks every cell's lines to measure its rows, again for each piece it is
    split into at a page's foot, and the width never changes: line breaking was most
    of a long report's time, done three times over. `Paragraph.wrap` depends only on
    the width (the style and the text are fixed once made), so the last result stands.
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._wrapped_width:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size


class CellTable(Table):
    """A table that cuts its first row across a page break (reportlab's `splitInRow`)
    when that row is taller than `split_above` and does not fit in the rest of the
    page: the lines of its cells that fit stay, the others go on at the top of the
    next page, in the same columns and borders. Other rows are never cut, the table
    breaks between them as before (`splitInRow` alone would cut any row that meets the
    foot of a page)."""

    def __init__(self, *args: object, split_above: float = SPLIT_ROW_HEIGHT,
                 **kwargs: object) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.split_above = split_above

    def split(self, availWidth: float, availHeight: float) -> list:
        parts = super().split(availWidth, availHeight)
        repeated = self.repeatRows
        first = repeated if isinstance(repeated, int) else max(repeated) + 1
        heights = self._rowHeights
        if parts or len(heights) <= first or heights[first] <= self.split_above:
            return parts
        self.splitInRow = 1
        try:
            return super().split(availWidth, availHeight)
        finally:
            self.splitInRow = 0

    def onSplit(self, T: Table, byRow: int = 1) -> None:
        # Table's code makes the pieces with this table's splitInRow (1 while a row is
        # cut) and without `split_above`.
        T.splitInRow = 0
        T.split_above = self.split_above


def cut_to_height(paragraph: Paragraph, width: float, height: float) -> list[Paragraph]:
    """`paragraph` in pieces at most `height` tall at `width` (one piece, usually)."""
    pieces = []
    while paragraph.wrap(width, height)[1] > height:
        parts = paragraph.split(width, height)
        if len(parts) < 2:
            break  # cannot be cut (not even one line fits): left whole
        pieces.append(parts[0])
        paragraph = parts[1]
    return [*pieces, paragraph]


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
    """A document whose pages from the second on carry their number, centred on top.

    With `continued_header` (a table's heading row), pages from the second on draw it
    at the top of the frame, so a long table reads on without carrying a repeated
    heading row itself (see `table_story`). `table_pagesize` sets the table's pages
    apart: a portrait report's appendix is landscape (REPORTS.md), so that no number,
    percentage or date in its narrow columns is broken.
    """

    def __init__(
        self,
        filename: str,
        pagesize: tuple[float, float],
        continued_header: Table | None = None,
        table_pagesize: tuple[float, float] | None = None,
        **kwargs: object,
    ) -> None:
        register_fonts()
        #: True when the table only starts after a report's own pages (progress report).
        self.report_first = bool(kwargs.pop("report_first", False))
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
        self.continued_header = continued_header
        #: Pages before this one belong to the report; an appendix counts from 1 again.
        self.page_offset = 0
        table_width, table_height = _frame_size(table_pagesize or pagesize)
        self.header_height = 0.0
        if continued_header is not None:
            self.header_height = continued_header.wrap(table_width, table_height)[1]

        def frame(height: float, width: float = self.width) -> Frame:
            return Frame(self.leftMargin, self.bottomMargin, width, height,
                         leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip

        full, below_heading = self.height, table_height - self.header_height
        # "first": page 1; "report": a report's own later pages; "table-first": the first
        # page of an appendix; "rest": table pages, under the heading row drawn on top.
        self.addPageTemplates([
            PageTemplate(id="first", frames=[frame(full)], onPage=self._decorate,
                         autoNextPageTemplate="report" if self.report_first else "rest"),
            PageTemplate(id="report", frames=[frame(full)], onPage=self._decorate,
                         autoNextPageTemplate="report"),
            PageTemplate(id="table-first", frames=[frame(table_height, table_width)],
                         onPage=self._decorate, autoNextPageTemplate="rest",
                         pagesize=table_pagesize),
            PageTemplate(id="rest", frames=[frame(below_heading, table_width)],
                         onPage=self._decorate, pagesize=table_pagesize),
        ])  # fmt: skip

    def _decorate(self, canvas, document) -> None:
        canvas._doctemplate = self  # read by RestartNumbering
        page = canvas.getPageNumber() - self.page_offset
        if page == 1:  # no number on a first page, the report's or its appendix's
            return
        canvas.saveState()
        canvas.setFont(REGULAR, 13)
        # This page's own size: a report's appendix pages are turned (table_pagesize).
        size = document.pageTemplate.pagesize or document.pagesize
        width, height = _frame_size(size)
        canvas.drawCentredString(
            document.leftMargin + width / 2,
            size[1] - MARGINS["top"] / 2,
            str(page),
        )
        if self.continued_header is not None and document.pageTemplate.id == "rest":
            self.continued_header.drawOn(
                canvas, document.leftMargin, document.bottomMargin + height - self.header_height,
            )  # fmt: skip
        canvas.restoreState()


#: Rows per table piece of a long appendix: reportlab re-measures a whole table each
#: time it splits it at a page end, so one table of 10,000 rows costs minutes.
PIECE_ROWS = 40


def table_story(report: TableReport, width: float) -> tuple[list, Table]:
    """A one-table report's flowables, and its heading row (drawn again on later pages).

    The table is laid out as consecutive pieces with the same column widths, which
    read as one table; a section row starts a piece and is kept with its first task.
    A row taller than SPLIT_ROW_HEIGHT is cut at the foot of a page (`CellTable`).
    """
    s = styles()
    keys = [c.key for c in report.columns]
    widths = fitted_widths(report, width)
    centred = {c.key for c in report.columns if c.centred}
    base: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # no Helvetica fallback anywhere
        ("FONTSIZE", (0, 0), (-1, -1), 11),
        ("LEADING", (0, 0), (-1, -1), 13.5),  # as the cells' paragraphs
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # A short cell drawn as a string (_cell) sits where its paragraph would.
        *(("ALIGN", (i, 0), (i, -1), "CENTER") for i, c in enumerate(report.columns) if c.centred),
    ]
    heading = Table(
        [[Paragraph(paragraph_text(c.heading), s["cell-head"]) for c in report.columns]],
        colWidths=widths,
    )
    grey = colors.HexColor("#eeeeee")
    heading.setStyle(
        TableStyle(
            [*base, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BACKGROUND", (0, 0), (-1, -1), grey)]
        )
    )

    # The widths the table gives its cells' text: a cell measured here is not measured
    # again (CellParagraph).
    inner = [w - CELL_PADDING["left"] - CELL_PADDING["right"] for w in widths]
    span = sum(widths) - CELL_PADDING["left"] - CELL_PADDING["right"]
    down = CELL_PADDING["top"] + CELL_PADDING["bottom"]

    pieces: list[Table] = []
    data: list[list] = []
    commands: list[tuple] = []
    leading_sections = 0
    kept = 0.0  # the height of the section rows that start the piece and the task after

    def close_piece() -> None:
        nonlocal data, commands, leading_sections, kept
        if not data:
            return
        if leading_sections and kept <= KEEP_WITH_SECTION_HEIGHT:
            # Section rows are never left alone at the foot of a page (unless they and
            # their first task are too long to be moved to the next page together).
            commands.append(("NOSPLIT", (0, 0), (-1, min(leading_sections, len(data) - 1))))
        table = CellTable(data, colWidths=widths)
        # A row cut at a page's foot is closed there by a rule, as a word processor does.
        closed = ("LINEBELOW", (0, "inrowsplitstart"), (-1, "inrowsplitstart"), 0.5, colors.black)
        table.setStyle(TableStyle([*base, closed, *commands]))
        pieces.append(table)
        data, commands, leading_sections, kept = [], [], 0, 0.0

    previous = None
    for entry in report.rows:
        if entry.kind == "section":
            if previous != "section":
                close_piece()
            # A row spanning the table cannot be cut at a page's foot: a title taller
            # than SPLIT_ROW_HEIGHT is cut into several rows here, read as one.
            title = CellParagraph(paragraph_text(entry.cells[0]), s["section"])
            for part, piece in enumerate(cut_to_height(title, span, SPLIT_ROW_HEIGHT - down)):
                row = len(data)
                data.append([piece] + [""] * (len(keys) - 1))
                commands.append(("SPAN", (0, row), (-1, row)))
                if part:  # the title goes on: a light line between
                    commands.append(("LINEABOVE", (0, row), (-1, row), 0.25, colors.lightgrey))
                leading_sections += 1
                kept += piece.wrap(span, KEEP_WITH_SECTION_HEIGHT)[1] + down
        else:
            if len(data) >= PIECE_ROWS:
                close_piece()
            cells = [_cell(text, key in centred, s, room)
                     for key, text, room in zip(keys, entry.cells, inner, strict=True)]  # fmt: skip
            if previous == "section":
                tallest = max((c.wrap(w, KEEP_WITH_SECTION_HEIGHT)[1]
                               for c, w in zip(cells, inner, strict=True)
                               if isinstance(c, Paragraph)), default=0)  # fmt: skip
                kept += tallest + down
            data.append(cells)
        previous = entry.kind
    close_piece()
    story = [
        Paragraph(paragraph_text(report.heading), s["heading"]),
        Paragraph(paragraph_text(report.subject), s["subheading"]),
        Paragraph(paragraph_text(report.note), s["note"]),
        Spacer(1, 6 * mm),
        heading,
        *pieces,
    ]
    return story, heading


def fitted_widths(report: TableReport, width: float) -> list[float]:
    """The columns' widths in the proportions their `width`s say, except that a centred
    column (a number, percentage, date or deadline) is made wide enough for its longest
    word and its heading's: "100", "10.000" or "05/02/2026" is never broken across lines.
    The room they take is taken from the other columns, in their proportions."""
    pad = CELL_PADDING["left"] + CELL_PADDING["right"] + 1
    need = [0.0] * len(report.columns)
    measured: dict[str, float] = {}
    for i, column in enumerate(report.columns):
        if not column.centred:
            continue
        words = {w for w in column.heading.split()}
        longest = max((stringWidth(w, BOLD, 11) for w in words), default=0.0)
        for row in report.rows:
            if row.kind != "task" or i >= len(row.cells):
                continue
            for word in row.cells[i].split():
                size = measured.get(word)
                if size is None:
                    size = measured[word] = stringWidth(word, REGULAR, 11)
                longest = max(longest, size)
        need[i] = longest + pad
    weights = [c.width for c in report.columns]
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        room = width - sum(fixed.values())
        share = sum(weights[i] for i in free) or 1.0
        widths = [fixed.get(i, room * weights[i] / share) for i in range(len(weights))]
        short = [i for i in free if widths[i] < need[i]]
        if not short or len(fixed) + len(short) == len(weights):
            return widths
        fixed.update((i, need[i]) for i in short)


def _cell(text: str, centred: bool, s: dict[str, ParagraphStyle], room: float) -> Paragraph | str:
    if not text:
        return ""  # no Paragraph to measure for an empty cell
    if "\n" not in text and len(text) < 40:
        # A short text that fits on one line (a number, a date, a state) is drawn as a
        # string: a Paragraph costs ten times more to make, measure and draw, and a
        # progress report's appendix has thousands of these.
        plain = _UNPRINTABLE.sub("", unicodedata.normalize("NFC", text).replace("\t", "    "))
        if stringWidth(plain, REGULAR, 11) <= room:
            return plain
    return CellParagraph(paragraph_text(text), s["cell-centre"] if centred else s["cell"])


def _frame_size(pagesize: tuple[float, float]) -> tuple[float, float]:
    """The width and height inside the margins of a page of `pagesize`."""
    return (
        pagesize[0] - MARGINS["left"] - MARGINS["right"],
        pagesize[1] - MARGINS["top"] - MARGINS["bottom"],
    )


def frame_height(pagesize: tuple[float, float]) -> float:
    """The height inside the margins of a page of `pagesize`."""
    return _frame_size(pagesize)[1]


def table_width(pagesize: tuple[float, float]) -> float:
    """The width a table has on pages of `pagesize` (a report's landscape appendix)."""
    return _frame_size(pagesize)[0]


def build_pdf(
    out: Path,
    pagesize: tuple[float, float],
    story_for_width,
    title: str,
    report_first: bool = False,
    table_pagesize: tuple[float, float] | None = None,
) -> Path:
    """Write a PDF whole or not at all. `story_for_width` gives the flowables and, for
    a long table, the heading row to draw again at the top of later pages; with
    `table_pagesize`, the table's pages have that size (the story lays the table out
    `table_width(table_pagesize)` wide)."""

    def write(temporary: str) -> None:
        probe = NumberedDocument(temporary, pagesize)
        story, continued = story_for_width(probe.width)
        document = NumberedDocument(temporary, pagesize, continued, table_pagesize,
                                    title=title, author="UBND xã",
                                    report_first=report_first)  # fmt: skip
        document.build(story)

    return write_atomically(out, write)


def export_pdf(report: TableReport, out: Path) -> Path:
    """A one-table report on landscape A4 pages."""
    return build_pdf(
        out, landscape(A4), lambda width: table_story(report, width),
        f"{report.heading} - {report.subject}",
    )  # fmt: skip


export_appendix_pdf = export_pdf
