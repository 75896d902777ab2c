"""PDF renderings of the reports (reportlab), after Decree 30/2020/NĐ-CP (REPORTS.md):
A4 (landscape for wide task tables), margins 20/20/30/15 mm, a Times-metric serif with
Vietnamese embedded, page numbers centred in the top margin from page 2 on.

reportlab does no text shaping, so text is NFC (services store it so); and every
Table's style names the font for all its cells, or it would fall back to Helvetica.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import weakref
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag

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
#: The cells' type size and line height (points).
CELL_SIZE, CELL_LEADING = 11, 13.5
#: A height no row reaches: the room a cell is measured in.
MAX_HEIGHT = 1e6
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


#: A fragment of plain text in each style (reportlab's parser makes it from "<para>"):
#: a paragraph of plain text is given a copy holding its text (`plain_paragraph`).
_PLAIN_FRAGMENTS: weakref.WeakKeyDictionary[ParagraphStyle, ParaFrag] = weakref.WeakKeyDictionary()
#: The attributes of a plain fragment (a style that adds others, a colour behind the
#: text…, goes through the parser).
_FRAGMENT_KEYS = {"rise", "greek", "link", "fontName", "bold", "italic", "fontSize",
                  "textColor", "us_lines", "__tag__", "text"}  # fmt: skip


def plain_paragraph(
    text: str, style: ParagraphStyle, kind: type[Paragraph] = Paragraph
) -> Paragraph:
    """A paragraph of `text` (plain text, not markup), as `kind(paragraph_text(text),
    style)` makes it, without reportlab's markup parser: parsing was a fifth of a long
    report's time, for text that holds no markup at all. Text over several lines goes
    through the parser (its line breaks are <br/> fragments)."""
    plain = _UNPRINTABLE.sub("", unicodedata.normalize("NFC", text).replace("\t", "    "))
    if "\n" in plain or "\r" in plain:
        return kind(paragraph_text(text), style)
    # As reportlab cleans a paragraph's text: spaces run together and trimmed (not the
    # no-break spaces of "72,5 %").
    plain = cleanBlockQuotedText(plain)
    fragment = _PLAIN_FRAGMENTS.get(style)
    if fragment is None:
        fragment = _PLAIN_FRAGMENTS[style] = Paragraph("x", style).frags[0]
    if not plain or fragment.__dict__.keys() != _FRAGMENT_KEYS:
        return kind(paragraph_text(text), style)
    return kind(plain, style, frags=[fragment.clone(text=plain, link=[], us_lines=[])])


class CellParagraph(Paragraph):
    """A paragraph in a table cell, broken into lines once per column width.

    A table breaks every cell's lines to measure its rows, again for each piece it is
    split into at a page's foot, and the width never changes: line breaking was most
    of a long report's time, done three times over. `Paragraph.wrap` depends only on
    the width (the style and the text are fixed once made), so the last result stands.
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # reportlab drops the lines when a split finds no room (the paragraph then goes
        # to the next page whole, and is measured again there).
        if availWidth == self._wrapped_width and hasattr(self, "blPara"):
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


#: The name of the form holding a table's heading row, drawn on its later pages.
CONTINUED_HEADER = "continued-header"


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
        self._header_drawn = False  # into the form CONTINUED_HEADER
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
            # Drawn once into a form the pages refer to: the same heading on a hundred
            # pages was a tenth of a long appendix's time (and of its file).
            if not self._header_drawn:
                canvas.beginForm(CONTINUED_HEADER, 0, 0, size[0], size[1])
                self.continued_header.drawOn(
                    canvas, document.leftMargin,
                    document.bottomMargin + height - self.header_height,
                )  # fmt: skip
                canvas.endForm()
                self._header_drawn = True
            canvas.doForm(CONTINUED_HEADER)
        canvas.restoreState()


#: How far a task under another task is set in, in its title's cell, a level (points).
INDENT_STEP = 12.0
#: Cells of at most this many characters recur (a unit, a state, a date): a row
#: shares the paragraph of the same text in the same column above it.
SHARED_LENGTH = 60
#: …and one in at least this many rows is drawn once, into a form (`GridRow`).
STAMP_USES = 4
#: The table's rules, as reportlab's GRID draws them: half a point, black, round caps.
RULE_WIDTH = 0.5


def _draw_cell(canvas, cell: Flowable | str, width: float, centred: bool, x: float,
               top: float) -> None:  # fmt: skip
    """A cell's content in a column `width` wide whose top left corner is (x, top), as a
    reportlab Table draws it (at the top, after the padding)."""
    if isinstance(cell, Flowable):
        # Measured already (CellParagraph): made sure of, as a row's split may have
        # dropped its lines.
        height = cell.wrap(width - CELL_PADDING["left"] - CELL_PADDING["right"], MAX_HEIGHT)[1]
        cell.drawOn(canvas, x + CELL_PADDING["left"], top - CELL_PADDING["top"] - height)
        return
    baseline = top - CELL_PADDING["top"] - CELL_SIZE
    if centred:
        middle = x + (width + CELL_PADDING["left"] - CELL_PADDING["right"]) / 2
        canvas.drawCentredString(middle, baseline, cell)
    else:
        canvas.drawString(x + CELL_PADDING["left"], baseline, cell)


#: No cell drawn from a form.
_NONE: Mapping[tuple[int, int], str] = MappingProxyType({})


class GridRow(Flowable):
    """One row of a report's table: its cells side by side in fixed columns, boxed.

    A long table is a run of these rather than a reportlab Table: the frame breaks
    pages between rows by itself, and a Table measured every cell again at each page
    end and drew through a machinery of styles and spans, twice the time of the text
    itself. A row is laid out as the table laid it out (padding, font, leading, cells
    at the top, numbers centred), so the pages look the same.

    A cell is a paragraph, a short text drawn as a string (`_cell`), or "". A row
    spanning the table (a section) has one cell. A row taller than `split_above` is
    cut where it meets the foot of a page, its cells going on at the top of the next
    in the same columns and borders; a shorter one goes to the next page whole.
    """

    def __init__(self, cells: list, widths: list[float], centred: list[bool], *,
                 rule_above: bool = False, split_above: float = SPLIT_ROW_HEIGHT,
                 stamped: Mapping[tuple[int, int], str] = _NONE) -> None:  # fmt: skip
        super().__init__()
        self.cells, self.widths, self.centred = cells, widths, centred
        #: The cells that recur in the table (a state, a unit…), by (column, id): each
        #: drawn once into the form of that name, which every row holding it refers to.
        self.stamped = stamped
        #: A light line at its top: the row goes on with the title of the row above.
        self.rule_above = rule_above
        self.split_above = split_above
        self.inner = [w - CELL_PADDING["left"] - CELL_PADDING["right"] for w in widths]
        self.width = sum(widths)
        self.height = self._height()

    def _height(self) -> float:
        tallest = CELL_LEADING  # a row of empty cells is a line high, as in a Table
        for cell, room in zip(self.cells, self.inner, strict=True):
            if isinstance(cell, Flowable):
                tallest = max(tallest, cell.wrap(room, MAX_HEIGHT)[1])
        return tallest + CELL_PADDING["top"] + CELL_PADDING["bottom"]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self.height <= self.split_above:
            return []  # goes to the next page whole
        # Cut where reportlab's Table cut a row (splitInRow), for the same pages: not
        # within the first or last line of a one-line cell; the first part's text
        # down to the page's foot (its bottom padding taken), the rest at least as
        # tall as what the row had left; a paragraph that cannot be cut there (not two
        # lines fit) sends the whole row on.
        line = 1.2 * CELL_SIZE
        strings = any(not isinstance(cell, Flowable) for cell in self.cells)
        first_line = line + CELL_PADDING["top"] if strings else 0.0
        last_line = line + CELL_PADDING["bottom"] if strings else 0.0
        if first_line + last_line > self.height or first_line > availHeight:
            return []
        point = min(availHeight, self.height - last_line)
        room = point - CELL_PADDING["top"]
        here, there = [], []
        for cell, width in zip(self.cells, self.inner, strict=True):
            if not isinstance(cell, Flowable):
                fits = CELL_LEADING * (cell.count("\n") + 1) <= room
                here.append(cell if fits else "")
                there.append("" if fits else cell)
            elif cell.wrap(width, MAX_HEIGHT)[1] <= room:
                here.append(cell)
                there.append("")
            else:
                parts = cell.split(width, room)
                if len(parts) < 2:
                    return []
                here.append(parts[0])
                there.append(parts[1])
        first = GridRow(here, self.widths, self.centred, rule_above=self.rule_above,
                        split_above=self.split_above, stamped=self.stamped)  # fmt: skip
        first.height = min(point, first.height)
        rest = GridRow(there, self.widths, self.centred, split_above=self.split_above,
                       stamped=self.stamped)  # fmt: skip
        rest.height = max(rest.height, self.height - first.height)
        return [first, rest]

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(REGULAR, CELL_SIZE, CELL_LEADING)
        top, x = self.height, 0.0
        for column, (cell, width, centred) in enumerate(
            zip(self.cells, self.widths, self.centred, strict=True)
        ):
            if cell == "":
                pass
            elif (name := self.stamped.get((column, id(cell)))) is not None:
                # Drawn once into a form that every row holding it refers to.
                drawn = canvas.__dict__.setdefault("_dienchau_cell_forms", set())
                if name not in drawn:
                    canvas.beginForm(name, -width, -MAX_HEIGHT, 2 * width, width)
                    canvas.setFont(REGULAR, CELL_SIZE, CELL_LEADING)  # a form starts afresh
                    _draw_cell(canvas, cell, width, centred, 0.0, 0.0)
                    canvas.endForm()
                    drawn.add(name)
                canvas.saveState()
                canvas.translate(x, top)
                canvas.doForm(name)
                canvas.restoreState()
            else:
                _draw_cell(canvas, cell, width, centred, x, top)
            x += width
        canvas.setLineWidth(RULE_WIDTH)
        canvas.setStrokeColor(colors.black)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        edges = [0.0]
        for width in self.widths:
            edges.append(edges[-1] + width)
        canvas.lines([(0, top, self.width, top), (0, 0, self.width, 0),
                      *((e, 0, e, top) for e in edges)])  # fmt: skip
        if self.rule_above:
            canvas.setLineWidth(0.25)
            canvas.setStrokeColor(colors.lightgrey)
            canvas.line(0, top, self.width, top)


def table_story(report: TableReport, width: float) -> tuple[list, Table]:
    """A one-table report's flowables, and its heading row (drawn again on later pages).

    The table is a run of rows (`GridRow`) under the heading row, with the columns'
    widths of `fitted_widths`; a section row is kept on a page with its first task. A
    task under another task is set in under it, in its title's cell (`TableRow.indent`).
    """
    s = styles()
    keys = [c.key for c in report.columns]
    widths = fitted_widths(report, width)
    centred_keys = {c.key for c in report.columns if c.centred}
    centred = [c.centred for c in report.columns]
    base: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # no Helvetica fallback anywhere
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),  # as the cells' paragraphs
        ("GRID", (0, 0), (-1, -1), RULE_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
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

    # The widths the rows give their cells' text: a cell measured here is not measured
    # again (CellParagraph).
    inner = [w - CELL_PADDING["left"] - CELL_PADDING["right"] for w in widths]
    span = sum(widths) - CELL_PADDING["left"] - CELL_PADDING["right"]
    down = CELL_PADDING["top"] + CELL_PADDING["bottom"]
    indented = "title" if "title" in keys else None

    shared: dict[tuple[str, str, int], Paragraph | str] = {}
    stamped: dict[tuple[int, int], str] = {}  # shared cells drawn from a form, its name
    uses: dict[tuple[str, str, int], tuple[int, int]] = {}  # (column, rows) by cell
    rows: list[Flowable] = []
    group: list[GridRow] = []  # section rows waiting for the task that follows them
    kept = 0.0  # their height

    def close_group(task: GridRow | None) -> None:
        nonlocal group, kept
        if task is not None:
            kept += task.height
            group.append(task)
        if len(group) > 1 and kept <= KEEP_WITH_SECTION_HEIGHT:
            # Section rows are never left alone at the foot of a page (unless they and
            # their first task are too long to be moved to the next page together).
            rows.append(KeepTogether(group))
        else:
            rows.extend(group)
        group, kept = [], 0.0

    for entry in report.rows:
        if entry.kind == "section":
            # A row spanning the table cannot be cut at a page's foot: a title taller
            # than SPLIT_ROW_HEIGHT is cut into several rows here, read as one.
            title = CellParagraph(paragraph_text(entry.cells[0]), s["section"])
            for part, piece in enumerate(cut_to_height(title, span, SPLIT_ROW_HEIGHT - down)):
                row = GridRow([piece], [sum(widths)], [False], rule_above=part > 0)
                group.append(row)
                kept += row.height
            continue
        cells = []
        for column, (key, text, room) in enumerate(zip(keys, entry.cells, inner, strict=True)):
            indent = entry.indent if key == indented else 0
            if len(text) > SHARED_LENGTH:
                cells.append(_cell(text, key in centred_keys, s, room, indent))
                continue
            # A unit's name, a state, a deadline recur down the table: each is laid out
            # once, and its paragraph drawn in every row that holds it.
            known = (key, text, indent)
            cell = shared.get(known)
            if cell is None:
                cell = shared[known] = _cell(text, key in centred_keys, s, room, indent)
                uses[known] = (column, 0)
            uses[known] = (column, uses[known][1] + 1)
            cells.append(cell)
        row = GridRow(cells, widths, centred, stamped=stamped)
        if group:
            close_group(row)
        else:
            rows.append(row)
    close_group(None)
    # A cell recurring often enough is drawn once into a form the rows refer to (a form
    # costs its own object in the file: a date used twice is drawn twice).
    stamped.update(((column, id(shared[known])), _form_name(known, widths[column], centred[column]))
                   for known, (column, count) in uses.items()
                   if count >= STAMP_USES and shared[known] != "")  # fmt: skip
    story = [
        Paragraph(paragraph_text(report.heading), s["heading"]),
        Paragraph(paragraph_text(report.subject), s["subheading"]),
        Paragraph(paragraph_text(report.note), s["note"]),
        Spacer(1, 6 * mm),
        heading,
        *rows,
    ]
    return story, heading


def _form_name(cell: tuple[str, str, int], width: float, centred: bool) -> str:
    """The name of the form a recurring cell is drawn into: made from what it draws
    (its column, text, indent, width and alignment), so that writing the same report
    twice gives the same file (a name from the paragraph's id() changed every time),
    and two tables of a document holding the same cell may share its form."""
    drawn = repr((*cell, round(width, 3), centred)).encode()
    return f"cell-{hashlib.sha1(drawn, usedforsecurity=False).hexdigest()[:16]}"


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


def _cell(text: str, centred: bool, s: dict[str, ParagraphStyle], room: float,
          indent: int = 0) -> Paragraph | str:  # fmt: skip
    """A cell's content: "" when empty, a string when it is short and fits on one line,
    a paragraph otherwise; `indent` levels in from the cell's left edge."""
    if not text:
        return ""  # no Paragraph to measure for an empty cell
    if not indent and "\n" not in text and len(text) < 40:
        # A short text that fits on one line (a number, a date, a state) is drawn as a
        # string: a Paragraph costs ten times more to make, measure and draw, and a
        # progress report's appendix has thousands of these.
        plain = _UNPRINTABLE.sub("", unicodedata.normalize("NFC", text).replace("\t", "    "))
        if stringWidth(plain, REGULAR, CELL_SIZE) <= room:
            return plain
    if indent:
        name = f"cell-indent-{indent}"
        if name not in s:
            s[name] = ParagraphStyle(name, parent=s["cell"], leftIndent=INDENT_STEP * indent)
        return plain_paragraph(text, s[name], CellParagraph)
    return plain_paragraph(text, s["cell-centre"] if centred else s["cell"], CellParagraph)


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
