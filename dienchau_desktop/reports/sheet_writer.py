"""Saving a workbook as openpyxl saves it, but with each sheet's cells and merged ranges
written as text rather than element by element.

openpyxl writes every cell through an incremental XML writer (lxml's, or the standard
library's in the packaged program, which has no lxml): an element, its attributes, an
inline string's two elements; and every merged range by parsing its text back into a
range. That was two thirds of the time a progress report of a thousand tasks took to
be saved. Here a sheet of plain cells (text, numbers, dates, booleans, empty styled
cells) has its rows made as text, a few hundred at a time, and put where openpyxl
leaves its <sheetData>; its <mergeCells> is made from the ranges' bounds. The bytes
are the ones openpyxl writes: the same attributes in the same order, the same escapes
and encoding (those of lxml or of the standard library, whichever openpyxl writes
with). A sheet holding anything else (a formula, rich text, a comment, a hyperlink) is written
by openpyxl itself.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import LXML
from openpyxl.cell.cell import Cell
from openpyxl.compat import safe_string
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.functions import Element, SubElement

#: What openpyxl leaves of the rows when they are written here instead (an element
#: entered and left empty); nothing else in a sheet's XML can read so, text being
#: escaped.
_NO_ROWS = b"<sheetData></sheetData>"
#: The data types whose cells are written here, and the type attribute each gets.
_TYPES = {"s": "inlineStr", "n": "n", "b": "b", "d": "n"}
#: How openpyxl's writer ends an empty element and encodes the text: lxml's (in the
#: tests' environment, where python-docx brings lxml) declares no encoding and writes
#: what is not ASCII as character references; the standard library's (the packaged
#: program has no lxml) writes UTF-8, and a space before "/>".
_EMPTY_END = "></c>" if LXML else " />"
_ENCODING = ("ascii", "xmlcharrefreplace") if LXML else ("utf-8", "strict")


def _escaped(text: str) -> str:
    """`text` as openpyxl's writer escapes an element's text (before the encoding)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if LXML and "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _is_plain(cell: Cell) -> bool:
    """Whether `cell` is one _cell_xml writes as openpyxl would."""
    kind, value = cell.data_type, cell._value
    if kind not in _TYPES or cell._comment is not None or cell.hyperlink is not None:
        return False  # a formula, a comment, a link: openpyxl's own
    if kind == "s":
        return value is None or isinstance(value, str)  # not rich text
    if kind == "d":
        # openpyxl refuses a time zone, and writes dates as text in iso_dates.
        return getattr(value, "tzinfo", None) is None and not cell.parent.parent.iso_dates
    return True


def _cell_xml(cell: Cell, letter: str, row: int, style_ids: dict[tuple[int, ...], int]) -> str:
    """One plain cell (_is_plain) as openpyxl's write_cell writes it."""
    kind = cell.data_type
    value = cell._value
    style = cell._style
    styled = ""
    if style is not None and any(style):
        key = tuple(style)
        index = style_ids.get(key)
        if index is None:
            index = style_ids[key] = cell.style_id  # registered with the workbook
        styled = f' s="{index}"'
    if kind == "d" and value is not None:
        value = to_excel(value, cell.parent.parent.epoch)
    start = f'<c r="{letter}{row}"{styled} t="{_TYPES[kind]}"'
    if value is None or value == "":
        return start + _EMPTY_END
    if kind == "s":
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f"{start}><is><t{space}>{_escaped(value)}</t></is></c>"
    return f"{start}><v>{_escaped(safe_string(value))}</v></c>"


#: What a row's attributes are made from (RowDimension.__fields__ but the style's two).
_ROW_FIELDS = ("hidden", "outlineLevel", "collapsed", "ht", "thickBot", "thickTop")


def _row_attributes(dimension: RowDimension, known: dict[tuple[object, ...], str]) -> str:
    """The attributes openpyxl gives a row (its dimension's fields that are set), made
    once for each combination: a report's thousands of rows have a few dozen heights."""
    if dimension.has_style:
        return "".join(f' {key}="{value}"' for key, value in dimension)
    fields = dimension.__dict__  # where openpyxl's descriptors keep the values
    key = tuple(fields.get(name) for name in _ROW_FIELDS)
    made = known.get(key)
    if made is None:
        made = known[key] = "".join(f' {name}="{value}"' for name, value in dimension)
    return made


#: Rows made into text and encoded at a time: a sheet of 10,000 tasks is tens of
#: megabytes of text, never held whole.
_ROWS_AT_ONCE = 500


def sheet_data(sheet: Worksheet) -> Iterator[bytes]:
    """The <sheetData> of `sheet`, whose cells are all plain (_is_plain), as openpyxl
    writes it, a few hundred rows at a time."""
    rows: dict[int, list[tuple[int, Cell]]] = {}
    for (row, column), cell in sheet._cells.items():
        rows.setdefault(row, []).append((column, cell))
    dimensions = sheet.row_dimensions
    for row in dimensions.keys() - rows.keys():
        rows[row] = []  # a row with a height and no cell
    letters: dict[int, str] = {}
    style_ids: dict[tuple[int, ...], int] = {}
    row_attributes: dict[tuple[object, ...], str] = {}
    parts = ["<sheetData>"]
    for count, (row, cells) in enumerate(sorted(rows.items()), start=1):
        dimension = dimensions.get(row)
        attributes = "" if dimension is None else _row_attributes(dimension, row_attributes)
        parts.append(f'<row r="{row}"{attributes}>')
        for column, cell in sorted(cells, key=lambda pair: pair[0]):
            if cell._value is None and not cell.has_style and cell._comment is None:
                continue  # as openpyxl skips it
            letter = letters.get(column) or letters.setdefault(column, get_column_letter(column))
            parts.append(_cell_xml(cell, letter, row, style_ids))
        parts.append("</row>")
        if count % _ROWS_AT_ONCE == 0:
            yield "".join(parts).encode(*_ENCODING)
            parts = []
    parts.append("</sheetData>")
    yield "".join(parts).encode(*_ENCODING)


class _SheetWriter(WorksheetWriter):
    """openpyxl's writer of a sheet, its rows left for `sheet_data` when the sheet is
    plain, its merged ranges made from their bounds."""

    def __init__(self, sheet: Worksheet, plain: bool) -> None:
        super().__init__(sheet, out=io.BytesIO())
        self.plain = plain

    def write_rows(self) -> None:
        if self.plain:
            xf = self.xf.send(True)
            with xf.element("sheetData"):
                pass
            self.xf.send(None)
        else:
            super().write_rows()

    def write_merged_cells(self) -> None:
        ranges = self.ws.merged_cells.ranges
        if not ranges:
            return
        merged = Element("mergeCells", count=str(len(ranges)))
        for bounds in ranges:  # in openpyxl's order (its set's)
            first = f"{get_column_letter(bounds.min_col)}{bounds.min_row}"
            last = f"{get_column_letter(bounds.max_col)}{bounds.max_row}"
            SubElement(merged, "mergeCell", ref=first if first == last else f"{first}:{last}")
        self.xf.send(merged)


class _BookWriter(ExcelWriter):
    """openpyxl's writer of a workbook, each sheet written by _SheetWriter."""

    def write_worksheet(self, ws: Worksheet) -> None:  # as ExcelWriter's, not write-only
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        plain = all(_is_plain(cell) for cell in ws._cells.values())
        writer = _SheetWriter(ws, plain)
        writer.write()  # the columns' styles registered first, as openpyxl does
        xml = writer.read()
        ws._rels = writer._rels
        if not plain:
            self._archive.writestr(ws.path[1:], xml)
        else:
            head, found, tail = xml.partition(_NO_ROWS)
            if not found:  # an openpyxl other than the one this was written for
                raise RuntimeError("openpyxl left no empty <sheetData> for the rows")
            with self._archive.open(ws.path[1:], "w") as entry:
                entry.write(head)
                for rows in sheet_data(ws):
                    entry.write(rows)
                entry.write(tail)
        self.manifest.append(ws)


def save_to(book: Workbook, archive: io.BytesIO) -> None:
    """`book` zipped into `archive`, as Workbook.save writes it."""
    if book.write_only or book.read_only:
        book.save(archive)  # its rows written as they came, or not to be saved
        return
    book.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    with ZipFile(archive, "w", ZIP_DEFLATED, allowZip64=True) as zipped:
        _BookWriter(book, zipped).write_data()
