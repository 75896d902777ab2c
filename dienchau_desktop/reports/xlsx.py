"""Excel renderings of the reports (openpyxl), in the administrative format of
REPORTS.md: Times New Roman, section rows merged and bold, wrapped text, frozen header,
autofilter, A4 landscape fitted to one page wide, the table's heading row repeated on
every page, page numbers in the footer.

Every text cell is written as text: a title starting with "=", "+", "-" or "@" stays
text (and is marked with a quote prefix), never a formula. openpyxl does not size rows
and LibreOffice does not grow them on open, so each row's height is set from the lines
its longest cell wraps to.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.task_fields import format_money, parse_money
from dienchau_desktop.core.text import NON_CHARACTERS_RE
from dienchau_desktop.reports.files import write_atomically
from dienchau_desktop.reports.sheet_writer import save_to
from dienchau_desktop.reports.table import TableReport

FONT_NAME = "Times New Roman"
FONT_SIZE = 12
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(wrap_text=True, horizontal="center", vertical="center")
#: A number, date or deadline in a table's row: at the top, level with the row's first
#: line of text, as the PDF sets it (centred down a tall row it stood apart).
TOP_CENTRE = Alignment(wrap_text=True, horizontal="center", vertical="top")
_FORMULA_STARTS = ("=", "+", "-", "@")
#: Points per wrapped line of 12 pt text, and the margin of a cell.
LINE_HEIGHT = 15.5
ROW_PADDING = 4
#: The most characters an Excel cell holds (openpyxl would cut the rest off unsaid).
CELL_LIMIT = 32_767
#: What a worksheet cannot hold: control characters other than tab and line breaks
#: (openpyxl refuses them) and Unicode non-characters (XML refuses them when the file is
#: saved). Text is stored without them, but a data file of an earlier version may hold
#: some: an export drops them rather than fail.
_UNWRITABLE = re.compile(f"{ILLEGAL_CHARACTERS_RE.pattern}|{NON_CHARACTERS_RE.pattern}")
#: Printed on every page's footer: "Trang 2". Not "Trang 2/5": printing a whole
#: workbook, LibreOffice counts the pages of every sheet in &N (each sheet's own pages
#: are numbered from 1, as the PDF numbers its appendix on its own).
PAGE_FOOTER = "Trang &P"
#: Points per unit of column width in a workbook whose default font is Times New Roman
#: 12 (`times_workbook`): Excel's unit is the width of that font's digit, 8 pixels
#: (openpyxl's default font, Calibri 11, has a 7-pixel digit: 5.25 points).
POINTS_PER_WIDTH = 6.0
#: The letters of Vietnamese text in Times New Roman 12 a unit of column width holds:
#: 1.15 is what the reports in Calibri's units were sized with; in Times New Roman's
#: units a line of 77 (462 points) holds 80 to 88 letters in LibreOffice's PDF.
CHARS_PER_WIDTH = 1.15
TIMES_CHARS_PER_WIDTH = 1.05
#: What an A4 page leaves for the columns between REPORTS.md's margins, in points.
A4_PORTRAIT_WIDTH = (210 - 30 - 15) / 25.4 * 72
A4_LANDSCAPE_WIDTH = (297 - 30 - 15) / 25.4 * 72
#: And for the rows, between the top and bottom margins (20 mm each): where Excel ends
#: a page printed at full size (LibreOffice fits a row or so more).
A4_PORTRAIT_HEIGHT = (297 - 20 - 20) / 25.4 * 72
A4_LANDSCAPE_HEIGHT = (210 - 20 - 20) / 25.4 * 72


#: What a new row's dimension holds besides its number and height (RowDimension()).
_FRESH_ROW = {"thickBot": False, "thickTop": False, "hidden": False, "outlineLevel": 0,
              "collapsed": False}  # fmt: skip


@dataclass(frozen=True)
class Stored:
    """How a column's text is stored in the workbook: the text the PDF prints ("12",
    "45", "20/06/2026") as the number or date it stands for, shown by `number_format`.
    Text that is no such value ("I", "1.2", "Quý IV/2026") stays text."""

    value: Callable[[str], object]
    number_format: str
    #: The format of each value, where one format does not fit all (None: number_format).
    format_of: Callable[[object], str] | None = None


def whole_number(text: str) -> object:
    return int(text) if text.isascii() and text.isdigit() else text


def percent_fraction(text: str) -> object:
    """ "45", "45%" or "72,5 %" as the fraction Excel's percent format shows: 0.45."""
    figure = text.replace("%", "").strip().replace(",", ".")
    try:
        return float(figure) / 100
    except ValueError:
        return text


@lru_cache(maxsize=1024)  # strptime is slow, and a column holds the same dates again
def day_month_year(text: str) -> object:
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y")
    except ValueError:
        return text


#: Vietnamese display formats: the decimal comma comes from the reader's locale.
INTEGER = Stored(whole_number, "0")
PERCENT = Stored(percent_fraction, "0 %")
PERCENT_ONE_DECIMAL = "0.0 %"
DATE = Stored(day_month_year, "dd/mm/yyyy")


def amount(text: str) -> object:
    """An amount as the reports print it ("1.500,5": core.task_fields.format_money)."""
    try:
        return parse_money(text)
    except ValidationError:
        return text


def grouped_format(value: object) -> str:
    """Thousands grouped, with as many decimals as `value` has: "#,##0.0" for 1500.5,
    "#,##0" for 1500 (a format with optional decimals would end 1500 with a comma)."""
    decimals = len(format_money(value).partition(",")[2]) if isinstance(value, float) else 0
    return "#,##0" + ("." + "0" * decimals if decimals else "")


#: An amount (kinh phí, in million đồng): a number, grouped as the reader's Excel groups.
AMOUNT = Stored(amount, "#,##0", grouped_format)


def set_row_height(sheet: Worksheet, row: int, height: float) -> None:
    """Row `row` `height` points tall.

    A report sizes every one of its thousands of rows, and openpyxl makes each row's
    dimension through its validating descriptors (a tenth of a report sheet's time):
    a new row's is made as the first was, its height and number being plain numbers."""
    dimensions = sheet.row_dimensions
    known = dimensions.get(row)
    if known is not None:
        known.height = height
        return
    made = RowDimension.__new__(RowDimension)
    made.__dict__.update(_FRESH_ROW, index=row, ht=float(height))
    made.parent, made._style = sheet, StyleArray()
    dimensions[row] = made


def row_height_of(sheet: Worksheet, row: int) -> float | None:
    """The height set for `row`, None if none (without making a dimension for it)."""
    known = sheet.row_dimensions.get(row)
    return None if known is None else known.height


def merge_row(sheet: Worksheet, row: int, first_column: int, last_column: int) -> None:
    """Merge columns first…last of one row.

    openpyxl's `merge_cells` compares each new range with every earlier one (quadratic:
    a second for a thousand merged rows), then turns the covered cells into MergedCell
    objects and re-styles their edges one by one (half a millisecond a row). The rows of
    a report never overlap and nothing is ever written into a covered cell, so the range
    only goes into the sheet's set: the covered cells stay ordinary empty cells, which
    is how Excel itself saves them, and the caller gives them their borders.
    """
    # Made from its bounds, as a plain range: a MergedCellRange parses its text and
    # looks up the borders of its corners (a fifth of a report sheet's time), and the
    # file holds only the range's text.
    bounds = CellRange.__new__(CellRange)  # as CellRange(min_col=…) makes it, unchecked
    bounds.__dict__.update(min_col=first_column, min_row=row, max_col=last_column,
                           max_row=row, title=None)  # fmt: skip
    sheet.merged_cells.ranges.add(bounds)


class CellStyles:
    """Fonts, borders and alignments for thousands of cells, each combination registered
    with the workbook once. openpyxl hashes every style object and looks it up on each
    assignment, which was most of an export's time; the combination's indices, taken
    from the first cell styled with it, are copied to the next ones (as openpyxl copies
    a cell's style). Style a cell before writing its text: write_text may add a quote
    prefix on top."""

    def __init__(self) -> None:
        self._known: dict[object, StyleArray] = {}

    def apply(self, cell: Cell, key: object, **styles: object) -> None:
        known = self._known.get(key)
        if known is not None:
            # A copy: openpyxl changes a cell's style array in place (quotePrefix…).
            cell._style = StyleArray(known)
            return
        for name, value in styles.items():
            setattr(cell, name, value)
        self._known[key] = StyleArray(cell._style)


def writable(text: str) -> str:
    """`text` as a cell can hold it: without the characters of _UNWRITABLE."""
    # Printable text (nearly all) holds none of them: str.isprintable is much faster
    # than the pattern (no-break spaces and line breaks are not "printable").
    return text if text.isprintable() else _UNWRITABLE.sub("", text)


def cell_pieces(text: str, limit: int = CELL_LIMIT) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut after a space or a line
    break where there is one: a paragraph longer than a cell holds goes on in the
    next row (a task's sentence in the progress report: title and result together)."""
    pieces = []
    while len(text) > limit:
        cut = max(text.rfind(" ", 0, limit), text.rfind("\n", 0, limit)) + 1 or limit
        pieces.append(text[:cut].rstrip())
        text = text[cut:]
    return [*pieces, text]


def write_value(cell: Cell, value: object) -> None:
    """A number or date as itself (its format set on the cell beforehand), text as text."""
    if isinstance(value, str):
        write_text(cell, value)
    elif isinstance(value, datetime | date | int | float):
        cell.value = value


def write_text(cell: Cell, text: str) -> None:
    """Put `text` in `cell` as text, whatever it starts with. What a cell cannot hold
    is dropped, and text beyond CELL_LIMIT (callers cut long text with `cell_pieces`)."""
    text = writable(text)[:CELL_LIMIT]
    # Stored as openpyxl stores a string once it has checked it (the check being what
    # `writable` and the cut to CELL_LIMIT have just done): a tenth of a sheet's time.
    cell._value = text
    cell.data_type = "s"
    if text.startswith(_FORMULA_STARTS):
        cell.quotePrefix = True


@lru_cache(maxsize=4096)  # a unit's name, a state, a date: the same text down a column
def _lines(text: str, width: float, chars_per_width: float = CHARS_PER_WIDTH) -> int:
    """How many lines `text` takes in a column `width` units wide (an estimate from
    the letters a unit holds), wrapped at spaces as Excel does: a line ends before the
    word that would overrun it."""
    usable = max(1.0, width * chars_per_width - 1)
    return sum(_paragraph_lines(part, usable) for part in text.split("\n"))


def _paragraph_lines(text: str, usable: float) -> int:
    """Lines of at most `usable` letters, each ending at its last space that fits (or
    cut inside a word longer than a line)."""
    room, start, end, lines = max(1, int(usable)), 0, len(text), 1
    while end - start > room:
        cut = text.rfind(" ", start, start + room + 1)
        start = cut + 1 if cut > start else start + room
        lines += 1
    return lines


def row_height(cells: list[tuple[str, float]], chars_per_width: float = CHARS_PER_WIDTH) -> float:
    """The height of a row whose cells hold `cells` (text, column width), in a
    workbook whose unit of width holds `chars_per_width` letters."""
    lines = max((_lines(text, width, chars_per_width) for text, width in cells), default=1)
    # Excel's maximum row height is 409 points; longer text stays readable in the cell.
    return min(409.0, lines * LINE_HEIGHT + ROW_PADDING)


def page_setup(sheet: Worksheet, header_row: int | None, *, landscape: bool = True) -> None:
    """A4, fitted to one page wide, REPORTS.md's margins, page numbers in the footer;
    `header_row` (the table's heading row, if any) repeated at the top of every page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = (
        sheet.ORIENTATION_LANDSCAPE if landscape else sheet.ORIENTATION_PORTRAIT
    )
    sheet.page_setup.fitToWidth = 1
    # Each sheet numbered from 1 (LibreOffice would go on from the sheet before).
    sheet.page_setup.firstPageNumber = 1
    sheet.page_setup.useFirstPageNumber = True
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    # REPORTS.md margins (inches): left 30 mm, right 15 mm, top and bottom 20 mm.
    sheet.page_margins.left = 30 / 25.4
    sheet.page_margins.right = 15 / 25.4
    sheet.page_margins.top = 20 / 25.4
    sheet.page_margins.bottom = 20 / 25.4
    if header_row is not None:
        sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_options.horizontalCentered = True
    footer = sheet.oddFooter.center
    footer.text, footer.font, footer.size = PAGE_FOOTER, f"{FONT_NAME},Regular", FONT_SIZE


def keep_with_next(
    sheet: Worksheet, rows: Collection[int], page_height: float, repeated: int | None = None
) -> None:
    """Page breaks so that none of `rows` ends a page: a heading stays with what
    follows it (a run of such rows stays whole, as a closing with its signature).
    For a sheet printed at full size only: its pages end where the heights of its rows
    add up to `page_height`, less the height of the `repeated` heading row on the pages
    after the first. A run taller than a page is left to break where it falls."""
    heights = sheet.row_dimensions
    default = sheet.sheet_format.defaultRowHeight or 15

    def height(row: int) -> float:
        return heights[row].height or default if row in heights else default

    title = height(repeated) if repeated else 0.0
    last = sheet.max_row
    used, whole_until = 0.0, 0  # rows up to whole_until: a run checked already
    for row in range(1, last + 1):
        own = height(row)
        if used + own > page_height:  # the page ends before this row anyway
            used = title
        elif row in rows and row > whole_until:
            run, end = own, row
            while end in rows and end < last:
                end += 1
                run += height(end)
            whole_until = end
            if used > title and used + run > page_height and title + run <= page_height:
                sheet.row_breaks.append(Break(id=row - 1))
                used = title
        used += own


def times_workbook() -> Workbook:
    """An empty workbook whose default font (Excel's "Normal" style) is Times New Roman
    12, the reports' font, instead of Calibri 11. Column widths are counted in digits
    of the default font: with Calibri they print a third wider in LibreOffice without
    Calibri (its stand-in is wider) than in Excel, and the sheet is shrunk to fit;
    Times New Roman's stand-in, Liberation Serif, has its metrics, so a width prints
    the same in both (POINTS_PER_WIDTH)."""
    book = Workbook()
    base = Font(name=FONT_NAME, size=FONT_SIZE)
    book._fonts = IndexedList([base])
    book._named_styles["Normal"].font = base
    return book


def table_workbook(report: TableReport, sheet_title: str = "Báo cáo") -> Workbook:
    """The workbook of a one-table report: heading rows, the table, the print set-up."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    table_sheet(sheet, report, indent_column="title")  # a task under a task, set in
    return book


def table_sheet(
    sheet: Worksheet,
    report: TableReport,
    *,
    stored: Mapping[str, Stored] | None = None,
    widths: Mapping[str, float] | None = None,
    indent_column: str | None = None,
    chars_per_width: float = CHARS_PER_WIDTH,
    page_height: float | None = None,
) -> None:
    """Heading rows, the table and the print set-up of a one-table report in `sheet`.
    `stored` names the columns whose text is stored as numbers or dates; `widths`
    overrides some columns' widths (a key absent keeps the report's); a task row's
    cell in `indent_column` is indented by its `indent` (a task under a task).
    `chars_per_width`: the letters a unit of the workbook's width holds
    (TIMES_CHARS_PER_WIDTH in times_workbook's). `page_height`, for a sheet that
    prints at full size: each section row is kept on a page with the row after it."""
    stored, widths_of = stored or {}, widths or {}

    def height(cells: list[tuple[str, float]]) -> float:
        return row_height(cells, chars_per_width)

    keys = [c.key for c in report.columns]
    widths = [widths_of.get(c.key, c.width) for c in report.columns]
    last = get_column_letter(len(keys))
    regular = Font(name=FONT_NAME, size=FONT_SIZE)
    bold = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    top = (
        (report.heading, Font(name=FONT_NAME, size=13, bold=True)),
        (report.subject, Font(name=FONT_NAME, size=13, bold=True)),
        (report.note, Font(name=FONT_NAME, size=FONT_SIZE, italic=True)),
    )
    for row, (text, font) in enumerate(top, start=1):
        merge_row(sheet, row, 1, len(keys))
        cell = sheet.cell(row=row, column=1)
        write_text(cell, text)
        cell.font = font
        cell.alignment = CENTRE
        set_row_height(sheet, row, height([(text, sum(widths))]))

    header_row = len(top) + 2
    for column, spec in enumerate(report.columns, start=1):
        cell = sheet.cell(row=header_row, column=column)
        write_text(cell, spec.heading)
        cell.font = bold
        cell.alignment = CENTRE
        cell.border = BOX
    sheet.row_dimensions[header_row].height = height(
        [(c.heading, width) for c, width in zip(report.columns, widths, strict=True)]
    )

    styles = CellStyles()
    row = header_row
    for entry in report.rows:
        row += 1
        if entry.kind == "section":
            merge_row(sheet, row, 1, len(keys))
            for column in range(1, len(keys) + 1):
                styles.apply(sheet.cell(row=row, column=column), "section-box", border=BOX)
            cell = sheet.cell(row=row, column=1)
            # Excel indents only text aligned left (not "general").
            indented = Alignment(wrap_text=True, vertical="center", horizontal="left",
                                 indent=entry.depth - 1)  # fmt: skip
            styles.apply(cell, ("section", entry.depth), font=bold, border=BOX, alignment=indented)
            write_text(cell, entry.cells[0])
            set_row_height(sheet, row, height([(entry.cells[0], sum(widths))]))
            continue
        # Cells made whole and appended as a row: the sheet's cell lookup is skipped.
        cells = []
        for spec, text in zip(report.columns, entry.cells, strict=True):
            cell = Cell(sheet)
            kind = stored.get(spec.key) or (AMOUNT if spec.amount else None)
            if spec.key == indent_column and entry.indent:
                indented = Alignment(wrap_text=True, vertical="top", horizontal="left",
                                     indent=entry.indent)  # fmt: skip
                styles.apply(cell, ("indented", entry.indent), font=regular, border=BOX,
                             alignment=indented)  # fmt: skip
                write_text(cell, text)
            elif kind is None:
                styles.apply(cell, ("task", spec.centred), font=regular, border=BOX,
                             alignment=TOP_CENTRE if spec.centred else WRAP)  # fmt: skip
                write_text(cell, text)
            else:
                value = kind.value(text) if text else None
                shown = kind.format_of(value) if kind.format_of else kind.number_format
                styles.apply(cell, ("stored", spec.centred, shown), font=regular,
                             border=BOX, alignment=TOP_CENTRE if spec.centred else WRAP,
                             number_format=shown)  # fmt: skip
                write_value(cell, value)
            cells.append(cell)
        sheet.append(cells)
        set_row_height(sheet, row, height(list(zip(entry.cells, widths, strict=True))))

    if page_height is not None:
        sections = [at for at, entry in enumerate(report.rows, start=header_row + 1)
                    if entry.kind == "section"]  # fmt: skip
        keep_with_next(sheet, set(sections), page_height, header_row)
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{last}{max(row, header_row)}"
    page_setup(sheet, header_row)


def save_workbook(book: Workbook, out: Path) -> Path:
    """Save `book` whole or not at all, without any character XML refuses.

    openpyxl zips the workbook into memory and the bytes are written to the file here:
    given the file itself, openpyxl leaves its ZipFile open when a write fails (a full
    disk), and the ZipFile's finaliser then writes again and prints a traceback on
    stderr after the error was reported. The archive is the size of the file (a few
    hundred kilobytes for a thousand tasks), small beside the workbook in memory."""
    for sheet in book.worksheets:
        for cell in sheet._cells.values():
            value = cell._value
            if isinstance(value, str) and not value.isprintable() and _UNWRITABLE.search(value):
                cell._value = writable(value)

    def write(temporary: str) -> None:
        archive = io.BytesIO()
        save_to(book, archive)
        write_file(temporary, archive.getbuffer())

    return write_atomically(out, write)


def write_file(name: str, data: memoryview) -> None:
    with open(name, "wb") as file:
        file.write(data)


def export_xlsx(report: TableReport, out: Path, sheet_title: str = "Báo cáo") -> Path:
    return save_workbook(table_workbook(report, sheet_title), out)


def export_appendix_xlsx(appendix: TableReport, out: Path) -> Path:
    return export_xlsx(appendix, out, "Phụ lục")
