"""The cells of an .xlsx's sheets, read as they stream out of the zip.

openpyxl's read-only mode streams a sheet too, but spends some 10 µs on each cell and
30 µs on each one holding its own text (its objects for every part of the XML): a
return within every limit of safe_xlsx took five seconds of CPU. Here a row is one
`iterparse` event and its cells a loop over its children, a few µs each: the sheets of
a return are read in well under a second, whatever they hold.

Only what a return needs is read: the sheets' names and order, each cell's value as
openpyxl gives it (shared and inline strings, numbers, booleans, dates for numbers
shown as dates), its number format, and whether it holds a formula (the value is then
what Excel last computed, if anything: the caller refuses it). The file must have
passed `safe_xlsx.check_package` first: sizes are bounded and no part declares a
DOCTYPE, so the standard library's parser never meets an entity.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple
from xml.etree.ElementTree import Element, fromstring, iterparse

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

#: The names openpyxl accepts (a workbook renamed .xls is refused there too).
SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
_OFFICE_DOCUMENT = "/officeDocument"


class Cell(NamedTuple):
    value: Any
    number_format: str
    formula: bool


EMPTY = Cell(None, "", False)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _text_of(element: Element) -> str:
    """The text of a string item (<si> or <is>): its <t>, or its runs' <t>s; not the
    phonetic guide (<rPh>) Excel adds to East Asian text."""
    parts: list[str] = []
    for child in element:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(parts)


class Workbook:
    """An open .xlsx: its sheets by name, in order, and their rows."""

    def __init__(self, path: Path) -> None:
        if path.suffix.lower() not in SUFFIXES:
            raise ValueError(f"not an Excel workbook name: {path.name}")
        self._zip = zipfile.ZipFile(path)
        try:
            self._open()
        except BaseException:
            self._zip.close()
            raise

    def _open(self) -> None:
        package = self._relations("")
        main = next((t for kind, t in package if kind.endswith(_OFFICE_DOCUMENT)),
                    "xl/workbook.xml")  # fmt: skip
        root = fromstring(self._zip.read(main))
        relations = dict(self._relations(main, by_id=True))
        properties = next((e for e in root if _local(e.tag) == "workbookPr"), None)
        date1904 = properties is not None and properties.get("date1904") in ("1", "true")
        self.epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        #: (name, state, part) of each worksheet, in the workbook's order.
        self.sheets: list[tuple[str, str, str]] = []
        for element in root.iter():
            if _local(element.tag) != "sheet":
                continue
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            kind, part = relations.get(rid, ("", ""))
            if kind.endswith("/worksheet"):
                self.sheets.append((element.get("name", ""), element.get("state", "visible"),
                                    part))  # fmt: skip
        kinds = {kind.rpartition("/")[2]: part for kind, part in relations.values()}
        self._strings = self._shared_strings(kinds.get("sharedStrings"))
        self._formats = self._number_formats(kinds.get("styles"))

    def close(self) -> None:
        self._zip.close()

    @property
    def sheet_names(self) -> list[str]:
        return [name for name, _state, _part in self.sheets]

    def _relations(self, part: str, *, by_id: bool = False) -> list[tuple[str, Any]]:
        """The part's relationships: (type, target part), or (id, (type, target))."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        try:
            root = fromstring(self._zip.read(rels))
        except KeyError:
            return []
        found: list[tuple[str, Any]] = []
        for element in root:
            target = element.get("Target", "")
            if element.get("TargetMode") == "External":
                continue
            resolved = (target.lstrip("/") if target.startswith("/")
                        else posixpath.normpath(posixpath.join(folder, target)))  # fmt: skip
            kind = element.get("Type", "")
            found.append((element.get("Id", ""), (kind, resolved)) if by_id else (kind, resolved))
        return found

    def _shared_strings(self, part: str | None) -> list[str]:
        if part is None or part not in self._zip.namelist():
            return []
        strings: list[str] = []
        with self._zip.open(part) as stream:
            for _event, element in iterparse(stream):
                if _local(element.tag) == "si":
                    strings.append(_text_of(element))
                    element.clear()
        return strings

    def _number_formats(self, part: str | None) -> list[str]:
        """Each cell style's number format, by the style's index (a cell's s="…")."""
        if part is None or part not in self._zip.namelist():
            return []
        root = fromstring(self._zip.read(part))
        custom: dict[int, str] = {}
        formats: list[str] = []
        for section in root:
            name = _local(section.tag)
            if name == "numFmts":
                for fmt in section:
                    custom[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "General")
            elif name == "cellXfs":
                for xf in section:
                    number = int(xf.get("numFmtId", "0"))
                    formats.append(custom.get(number) or BUILTIN_FORMATS.get(number, "General"))
        return formats

    def rows(self, sheet: str, max_col: int) -> Iterator[tuple[int, list[Cell]]]:
        """(row number, its first `max_col` cells) for each row the sheet writes, in
        order; rows it leaves out (empty) are skipped, their numbers tell. A row out of
        order, or twice, raises ValueError: no program writes that, and the numbers
        are what the row limit counts."""
        part = next(p for name, _state, p in self.sheets if name == sheet)
        number = 0
        with self._zip.open(part) as stream:
            for _event, element in iterparse(stream):
                if _local(element.tag) != "row":
                    continue
                given = element.get("r", "")
                if given.isascii() and given.isdigit():
                    if int(given) <= number:  # Excel writes rows in order, each once
                        raise ValueError(f"row {given} after row {number}")
                    number = int(given)
                else:
                    number += 1
                cells = [EMPTY] * max_col
                column = 0
                for cell in element:
                    if _local(cell.tag) != "c":
                        continue
                    ref = cell.get("r")
                    column = (
                        column_index_from_string(ref.rstrip("0123456789")) if ref else column + 1
                    )
                    if column <= max_col:
                        cells[column - 1] = self._cell(cell)
                element.clear()
                yield number, cells

    def _cell(self, element: Element) -> Cell:
        kind = element.get("t", "n")
        style = element.get("s", "")
        number_format = "General"
        if style.isascii() and style.isdigit() and int(style) < len(self._formats):
            number_format = self._formats[int(style)]
        raw: str | None = None
        formula = False
        value: Any = None
        for child in element:
            name = _local(child.tag)
            if name == "v":
                raw = child.text
            elif name == "f":
                formula = True
            elif name == "is":
                value = _text_of(child)
        if kind == "inlineStr":
            pass
        elif raw is None:
            value = None
        elif kind == "s":
            value = self._strings[int(raw)]
        elif kind in ("str", "e"):
            value = raw
        elif kind == "b":
            value = raw.strip() in ("1", "true")
        elif kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            value = from_ISO8601(raw)
        else:
            text = raw.strip()
            value = float(text) if any(c in text for c in ".eE") else int(text)
            if is_date_format(number_format):
                value = from_excel(value, self.epoch)
        return Cell(value, number_format, formula)
