"""An .xlsx someone sent, checked before it is read: bounded time and memory.

An .xlsx is a zip of XML. A few kilobytes can unpack to gigabytes (a zip bomb), a zip's
header can lie about the size of what it holds, a sheet can hold a million rows or a
row a million cells, and XML can declare entities that expand without end. openpyxl
read the shared strings and styles whole and every cell of a row at once, so each of
these ran a machine out of memory or time before any limit in the importer was reached.

`check_package` reads every member once, in chunks, counting the bytes actually
unpacked (not what the header says), and counts the elements, rows and cells of each
XML member as they stream by; it stops at the first limit passed and refuses any
DOCTYPE (so no entity, internal or external, is ever expanded) and any XML not in
UTF-8. What passes is small enough for xlsx_stream, which streams the sheets, to read
in a second or two and well under 300 MB (the shared strings, held whole, are bounded
by the unpacked size).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

#: The file as sent (a return of a few hundred rows is some tens of kilobytes).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Everything the zip holds, unpacked (a form of 10,000 tasks unpacks to about 10 MB).
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_MEMBERS = 1000
#: Excel's parts deflate 5 to 40 times; past 4 MB unpacked, a part unpacking more than
#: 200 times its packed size is a bomb, refused before the size limit is reached.
MAX_RATIO = 200
RATIO_FROM = 4 * 1024 * 1024
#: A sheet's rows, cells in all and cells in one row (Excel's own limit of columns).
#: 120,000 cells: a form of 12,000 tasks (a unit has hundreds), read in about a second.
MAX_SHEET_ROWS = 25_000
MAX_SHEET_CELLS = 120_000
MAX_ROW_CELLS = 16_384
#: Elements of a sheet (a cell is two or three: <c>, <v>, <f>…).
MAX_SHEET_ELEMENTS = 400_000
#: Elements of any other part (shared strings, styles, the workbook…).
MAX_PART_ELEMENTS = 300_000
#: Shared strings (each one a Python string, held while the sheets are read).
MAX_SHARED_STRINGS = 60_000
_CHUNK = 256 * 1024


class Refused(Exception):
    """The file is not read: `reason` says why, in Vietnamese, to follow «Tệp «…»: »."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_TOO_BIG = "quá lớn khi giải nén, không thể là một mẫu báo cáo"


def check_package(path: Path) -> None:
    """Refuse (`Refused`) an .xlsx that would take too long or too much memory to read,
    or that declares XML entities; return quietly for anything else. A file that is not
    a zip at all passes here: the reader refuses it next."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # the caller's own open names the reason
    if size > MAX_FILE_BYTES:
        raise Refused(f"quá lớn ({size // (1024 * 1024)} MB) để là một mẫu báo cáo")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise Refused(f"chứa {len(members)} phần, không thể là một mẫu báo cáo")
        # The header's sizes first (cheap); then the bytes themselves, which decide.
        if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
            raise Refused(_TOO_BIG)
        unpacked = 0
        for member in members:
            if member.is_dir():
                continue
            scan = _scanner(member.filename)
            own = 0
            try:
                with archive.open(member) as stream:
                    while chunk := stream.read(_CHUNK):
                        unpacked += len(chunk)
                        own += len(chunk)
                        if unpacked > MAX_UNPACKED_BYTES or (
                            own > RATIO_FROM and own > MAX_RATIO * max(member.compress_size, 1)
                        ):
                            raise Refused(_TOO_BIG)
                        if scan is not None:
                            scan(chunk, False)
                if scan is not None:
                    scan(b"", True)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                    ValueError, OSError) as exc:  # fmt: skip
                # A CRC that does not match is how a header that lies about the size
                # shows: zipfile stops at the size the header gives.
                raise Refused(_broken(member.filename)) from exc


def _broken(name: str) -> str:
    return f"không phải tệp Excel (.xlsx) đọc được (phần «{name[:100]}» bên trong bị hỏng)"


#: A start tag of a row or a cell, whatever its namespace prefix ("<row ", "<x:c>"…).
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_ASCII_SAFE = {b"utf-8", b"utf8", b"us-ascii", b"ascii"}


def _scanner(name: str) -> Callable[[bytes, bool], None] | None:
    """A function fed the member's bytes, raising `Refused` at the first limit passed;
    None for a member that is not XML (a picture: only its size counts).

    Counted on the bytes, at the speed of `re` (expat calling Python for each element
    took 2 s for a sheet within the limits): elements by their "<", rows and cells by
    their start tags whatever their prefix, in every part (the workbook may name any
    part as a sheet). Excel writes XML in UTF-8 and never a DOCTYPE: a part in another
    encoding (where these bytes could hide) or declaring one is refused, so no entity,
    internal or external, ever reaches a parser."""
    lower = name.lower()
    if not lower.endswith((".xml", ".rels", ".vml")):
        return None
    is_sheet = lower.startswith("xl/worksheets/")
    is_strings = lower.endswith("sharedstrings.xml")
    max_elements = MAX_SHEET_ELEMENTS if is_sheet else MAX_PART_ELEMENTS
    state = {"carry": b"", "first": True, "elements": 0, "rows": 0, "cells": 0,
             "row_cells": 0, "strings": 0}  # fmt: skip

    def cells(count: int) -> None:
        state["cells"] += count
        state["row_cells"] += count
        if state["row_cells"] > MAX_ROW_CELLS:
            raise Refused("có dòng quá nhiều ô, không thể là một mẫu báo cáo")
        if state["cells"] > MAX_SHEET_CELLS:
            raise Refused("có quá nhiều ô, không thể là một mẫu báo cáo")

    def feed(data: bytes, last: bool) -> None:
        buffer = state["carry"] + data
        if state["first"] and (buffer or last):
            state["first"] = False
            _check_encoding(name, buffer[:200])
        # Whatever follows the last "<" may be a tag cut in two: kept for the next chunk.
        cut = len(buffer) if last else max(buffer.rfind(b"<"), 0)
        if not last and len(buffer) - cut > 4096:
            cut = len(buffer)  # text, not a tag: nothing to carry
        part, state["carry"] = buffer[:cut], buffer[cut:]
        if b"<!DOCTYPE" in part or b"<!ENTITY" in part:
            # The only place entities (the "billion laughs") can be declared.
            raise Refused(f"có phần «{name}» khai báo DOCTYPE/ENTITY, không phải tệp Excel thường")
        state["elements"] += part.count(b"<") - part.count(b"</")  # start tags
        if state["elements"] > max_elements:
            raise Refused(f"có phần «{name}» quá lớn, không thể là một mẫu báo cáo")
        at = 0
        for row in _ROW.finditer(part):
            cells(len(_CELL.findall(part, at, row.start())))
            state["rows"] += 1
            state["row_cells"] = 0
            if state["rows"] > MAX_SHEET_ROWS:
                raise Refused(f"có hơn {MAX_SHEET_ROWS} dòng, quá nhiều cho một mẫu báo cáo")
            at = row.start() + 1
        cells(len(_CELL.findall(part, at)))
        if is_strings:
            state["strings"] += len(_STRING.findall(part))
            if state["strings"] > MAX_SHARED_STRINGS:
                raise Refused("có quá nhiều ô chữ, không thể là một mẫu báo cáo")

    return feed


def _check_encoding(name: str, start: bytes) -> None:
    """Refuse a part not in UTF-8 (or ASCII): UTF-16 would hide the tags counted here."""
    declared = _ENCODING.match(start)
    wide = start[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in start[:4]
    if wide or (declared and declared.group(1).lower() not in _ASCII_SAFE):
        raise Refused(f"có phần «{name}» không ghi bằng mã UTF-8, không phải tệp Excel thường")
