"""Reading a file that may be hostile within fixed bounds of time and memory.

A small file can stand for a huge one: a .docx is a zip, and 400 KB of deflate unpack to
200 MB of XML; the zip's headers may state any size they like; XML can nest without end, or
declare entities that expand a billionfold; a text file can hold one endless line. So
nothing is trusted that was not read, and everything is counted as it is read:
- a zip member is read in chunks (the standard `read()` of a whole member unpacks up to
  2 GB in one call, whatever the header says), stopping as soon as more was unpacked
  than the limit;
- Word's XML is parsed as a stream (expat, fed chunk by chunk), counting elements, depth,
  paragraphs and characters as they come; a DOCTYPE is refused before its first
  declaration is read, so no entity is ever declared, let alone expanded;
- a text file is decoded chunk by chunk into lines, each line and the whole counted.
Each refusal is a `Refused` with the reason in Vietnamese, for the importer to put in
its sentence about the file.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import stat
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

CHUNK_BYTES = 1 << 16
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main}"  # expat's "uri}name"


class Refused(Exception):
    """The file goes past a limit, or is not what it claims to be."""

    def __init__(self, reason: str, hint: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Limits:
    """What a readable document stays under."""

    unpacked_bytes: int  # a zip member, as unpacked
    elements: int  # XML elements
    depth: int  # XML nesting
    chars: int  # characters of text, all lines together
    lines: int  # lines that are not blank
    line_chars: int  # characters in one line


def _number(value: int) -> str:
    """1234567 → "1.234.567", as Vietnamese writes it."""
    return f"{value:,}".replace(",", ".")


def _mb(value: int) -> str:
    return f"{value // (1024 * 1024)} MB"


#: The zip's table of contents, which `ZipFile` reads whole before anything else:
#: 450,000 empty members (a 39 MB file) took 300 MB. Word's lists a few dozen parts.
MAX_DIRECTORY_BYTES = 1024 * 1024


def open_zip(file: BinaryIO) -> zipfile.ZipFile:
    """`file` opened as a zip, unless its table of contents is too large to be Word's.
    Raises what `ZipFile` raises for a file that is not a zip."""
    # The end record ZipFile itself takes the table's size from (zip64 included).
    end = zipfile._EndRecData(file)  # type: ignore[attr-defined]
    if end is not None and end[zipfile._ECD_SIZE] > MAX_DIRECTORY_BYTES:  # type: ignore[attr-defined]
        parts = end[zipfile._ECD_ENTRIES_TOTAL]  # type: ignore[attr-defined]
        raise Refused(f"tệp nén có {_number(parts)} phần, quá nhiều cho một văn bản Word.")
    return zipfile.ZipFile(file)


def member_chunks(archive: zipfile.ZipFile, name: str, limit: int) -> Iterator[bytes]:
    """The member `name` of `archive`, unpacked chunk by chunk; `Refused` once more than
    `limit` bytes came out. Raises KeyError if there is no such member."""
    info = archive.getinfo(name)
    if info.flag_bits & 0x1:
        raise Refused("tệp được đặt mật khẩu.", "Hãy mở bằng Word, bỏ mật khẩu rồi lưu lại.")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        # Word only ever deflates; bzip2 and lzma unpack without bound in one call.
        raise Refused("nội dung được nén theo cách Word không dùng.",
                      "Hãy mở bằng Word và lưu lại dạng .docx.")  # fmt: skip
    if info.file_size > limit:
        raise _unpacks_too_big(limit)
    return _chunks(archive, info, limit)


def _unpacks_too_big(limit: int) -> Refused:
    return Refused(f"nội dung giải nén ra hơn {_mb(limit)}, quá lớn để là một kế hoạch.")


#: Word's parts deflate 15 to 35 times (a 1,000-row table 31); deflate itself reaches
#: ~1,000. Past `RATIO_FROM` bytes unpacked, a part unpacking more than `MAX_RATIO` times
#: its packed size is a bomb, refused before the size limit is reached.
MAX_RATIO = 200
RATIO_FROM = 4 * 1024 * 1024


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    unpacked = 0
    packed = max(info.compress_size, 1)
    with archive.open(info) as member:
        while chunk := member.read(CHUNK_BYTES):
            unpacked += len(chunk)
            if unpacked > limit:  # the header said less: it lied
                raise _unpacks_too_big(limit)
            if unpacked > RATIO_FROM and unpacked > MAX_RATIO * packed:
                raise Refused(f"phần «{info.filename[:80]}» giải nén ra hơn {MAX_RATIO} lần cỡ "
                              "nén của nó, không phải một văn bản Word bình thường (có thể là "
                              "tệp được dựng để làm treo máy).")  # fmt: skip
            yield chunk


_P, _T, _TAB = (f"{_W}{name}" for name in ("p", "t", "tab"))
_BREAKS = frozenset({f"{_W}br", f"{_W}cr"})
_NO_BREAK_HYPHEN, _MOVE_FROM = f"{_W}noBreakHyphen", f"{_W}moveFrom"
_VAL = f"{_W}val"
(_P_STYLE, _NUM_ID, _ILVL, _TBL, _TR, _TC, _GRID_SPAN, _V_MERGE, _TBL_HEADER, _P_PR_CHANGE,
 _NUMBERING_CHANGE) = (f"{_W}{name}" for name in (
    "pStyle", "numId", "ilvl", "tbl", "tr", "tc", "gridSpan", "vMerge", "tblHeader",
    "pPrChange", "numberingChange"))  # fmt: skip

#: The elements the reader acts on; any other is only counted.
_READ = frozenset({_P, _TAB, _NO_BREAK_HYPHEN, _MOVE_FROM, _P_STYLE, _NUM_ID, _ILVL, _TBL, _TR,
                   _TC, _GRID_SPAN, _V_MERGE, _TBL_HEADER, _P_PR_CHANGE, _NUMBERING_CHANGE}
                  | _BREAKS)  # fmt: skip


@dataclass(slots=True)
class Paragraph:
    """One paragraph as Word holds it: its lines (a line break splits them), its style
    and its list (`num_id`, `level`: Word's automatic numbering, to be labelled by the
    reader of numbering.xml); `label` is the label that numbering gives, once computed."""

    lines: list[str]
    style: str = ""
    num_id: str | None = None
    level: int | None = None
    label: str = ""


@dataclass(slots=True)
class Cell:
    """A table cell: its paragraphs, the grid columns it spans, and whether it only
    continues the cell above (a vertical merge)."""

    paragraphs: list[Paragraph]
    span: int = 1
    continued: bool = False


@dataclass(slots=True)
class Table:
    """A table of the body: rows of cells; `repeated` marks the rows Word repeats at the
    top of each page (the header). A table inside a cell is read into that cell."""

    rows: list[list[Cell]]
    repeated: list[bool]


Block = Paragraph | Table


def _value(attributes: list[str]) -> str:
    """The w:val of an element's attributes (expat's ordered list: name, value, …)."""
    for index in range(0, len(attributes) - 1, 2):
        if attributes[index] == _VAL:
            return attributes[index + 1]
    return ""


class _WordReader:
    """Word's document.xml as blocks in order: paragraphs (`w:p`), a line break (`w:br`,
    `w:cr`) splitting one in lines and a tab read as a space, and tables of them. A
    paragraph inside another (a text box anchored in it) is a paragraph of its own."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.lines: list[str] = []  # the non-blank lines outside tables, counted
        self.blocks: list[Block] = []
        self.elements_left = limits.elements
        self.chars_left = limits.chars
        self.depth = 0
        self.open_paragraphs: list[list[str]] = []
        self.paragraph_facts: list[Paragraph] = []
        self.line_lengths: list[int] = []  # per open paragraph: its last line's so far
        self.in_text: list[bool] = []  # per open element: is it a w:t?
        self.tables: list[Table] = []
        self.cells: list[Cell] = []  # the open cell of each open table (None: between)
        self.changes = 0  # open w:pPrChange / w:numberingChange: old properties, not read
        self.moved = 0  # open w:moveFrom (a tracked move's old place): its text not read
        # A table's row is one item, however many lines its cells hold: rows and the
        # lines outside tables share `limits.lines`; the cells' lines have room for five
        # lines a row (STT, task, lead, coordinators, time… often over several lines).
        self.rows = 0
        self.cell_lines: list[str] = []
        self.cell_limits = dataclasses.replace(limits, lines=5 * limits.lines)

    def start(self, name: str, attributes: list[str]) -> None:
        self.elements_left -= 1
        self.depth += 1
        if self.elements_left < 0:
            raise Refused(f"có hơn {_number(self.limits.elements)} thành phần XML, "
                          "quá nhiều cho một kế hoạch.")  # fmt: skip
        if self.depth > self.limits.depth:
            raise Refused(f"các thành phần XML lồng nhau quá {self.limits.depth} cấp, "
                          "không phải một văn bản Word bình thường.")  # fmt: skip
        self.in_text.append(name == _T)
        if name not in _READ:  # most elements (runs, fonts, sizes…): one set lookup
            return
        if name == _P:
            self.open_paragraphs.append([])
            self.paragraph_facts.append(Paragraph([]))
            self.line_lengths.append(0)
        elif self.open_paragraphs and name in _BREAKS:
            self._add("\n")
        elif self.open_paragraphs and name == _TAB:
            self._add(" ")
        elif self.open_paragraphs and name == _NO_BREAK_HYPHEN:
            self._add("-")
        elif name == _MOVE_FROM:  # text moved elsewhere, shown at its new place
            self.moved += 1
        elif name in (_P_PR_CHANGE, _NUMBERING_CHANGE):
            self.changes += 1
        elif self.changes or not self.paragraph_facts:
            if name == _TBL:
                self._table_start()
            elif self.tables:
                self._table_part(name, attributes)
        elif name == _P_STYLE:
            self.paragraph_facts[-1].style = _value(attributes)
        elif name == _NUM_ID:
            self.paragraph_facts[-1].num_id = _value(attributes)
        elif name == _ILVL:
            level = _value(attributes)
            self.paragraph_facts[-1].level = int(level) if level.isdigit() and len(level) < 3 else 0
        elif name == _TBL:
            self._table_start()
        elif self.tables:
            self._table_part(name, attributes)

    def _check_items(self) -> None:
        if len(self.lines) + self.rows > self.limits.lines:
            raise Refused(f"có hơn {_number(self.limits.lines)} đoạn và dòng bảng, quá nhiều "
                          "cho một kế hoạch.")  # fmt: skip

    def _table_start(self) -> None:
        self.tables.append(Table([], []))
        self.cells.append(Cell([]))

    def _table_part(self, name: str, attributes: list[str]) -> None:
        table = self.tables[-1]
        if name == _TR:
            table.rows.append([])
            table.repeated.append(False)
            self.rows += 1
            self._check_items()
        elif name == _TC and table.rows:
            cell = Cell([])
            table.rows[-1].append(cell)
            self.cells[-1] = cell
        elif name == _GRID_SPAN and table.rows and table.rows[-1]:
            span = _value(attributes)
            table.rows[-1][-1].span = min(int(span), 64) if span.isdigit() and span != "0" else 1
        elif name == _V_MERGE and table.rows and table.rows[-1]:
            table.rows[-1][-1].continued = _value(attributes) in ("", "continue")
        elif name == _TBL_HEADER and table.repeated:
            table.repeated[-1] = _value(attributes) not in ("0", "false", "off")

    def end(self, name: str) -> None:
        self.depth -= 1
        self.in_text.pop()
        if name == _P:
            self.line_lengths.pop()
            paragraph = self.paragraph_facts.pop()
            in_cell = bool(self.tables)
            counted = self.cell_lines if in_cell else self.lines
            for line in "".join(self.open_paragraphs.pop()).split("\n"):
                if add_line(counted, line, self.cell_limits if in_cell else self.limits):
                    paragraph.lines.append(line)
            if in_cell:
                self.cells[-1].paragraphs.append(paragraph)
            else:
                self.blocks.append(paragraph)
                self._check_items()
        elif name in (_P_PR_CHANGE, _NUMBERING_CHANGE):
            self.changes -= 1
        elif name == _MOVE_FROM:
            self.moved -= 1
        elif name == _TBL and self.tables:
            table = self.tables.pop()
            self.cells.pop()
            if self.tables:  # a table in a cell: its paragraphs are the cell's
                self.cells[-1].paragraphs.extend(
                    p for row in table.rows for cell in row for p in cell.paragraphs
                )
            else:
                self.blocks.append(table)

    def text(self, data: str) -> None:
        if self.in_text[-1] and self.open_paragraphs and not self.moved:
            self._add(data)

    def _add(self, data: str) -> None:
        self.chars_left -= len(data)
        if self.chars_left < 0:
            raise _too_much_text(self.limits)
        paragraph = self.open_paragraphs[-1]
        paragraph.append(data)
        if data == "\n":
            self.line_lengths[-1] = 0
            return
        self.line_lengths[-1] += len(data)
        if self.line_lengths[-1] > self.limits.line_chars:  # refused now, not at its end
            line = "".join(paragraph).rsplit("\n", 1)[-1]
            raise _line_too_long(line, self.limits, complete=False)


def _doctype(*_args: object) -> None:
    raise Refused("có khai báo DOCTYPE, điều Word không bao giờ viết "
                  "(có thể là tệp được dựng để làm treo máy).")  # fmt: skip


#: The most bytes one piece of markup (a tag with its attributes, a comment) may take.
#: Expat reads such a piece again from its start each time a chunk arrives, so a huge one
#: costs time as the square of its size; Word's longest are a few kilobytes.
MAX_TOKEN_BYTES = 1024 * 1024


def parse_xml(chunks: Iterable[bytes], start: Callable[[str, list[str]], None],
              end: Callable[[str], None] | None = None,
              text: Callable[[str], None] | None = None) -> None:  # fmt: skip
    """Feed an XML part, given in chunks, to the handlers (names as "uri}local",
    attributes as expat's ordered list). A DOCTYPE or an entity declaration is refused
    before anything it declares is read; so is a single tag longer than
    `MAX_TOKEN_BYTES`. The handlers count what they must. Raises `Refused`, or
    `expat.ExpatError` for XML that is not well-formed."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.ordered_attributes = True  # a list is cheaper than a dict
    # Text comes in one piece up to the next tag, not one per character reference: 7
    # million "&#x1EA1;" would have been 7 million strings of one character.
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _doctype
    parser.EntityDeclHandler = _doctype
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    fed = 0
    for chunk in chunks:
        parser.Parse(chunk, False)
        fed += len(chunk)
        if fed - parser.CurrentByteIndex > MAX_TOKEN_BYTES:
            raise Refused(f"có một thẻ hoặc chú thích XML dài hơn {_mb(MAX_TOKEN_BYTES)}, "
                          "không phải một văn bản Word bình thường.")  # fmt: skip
    parser.Parse(b"", True)


def word_blocks(chunks: Iterable[bytes], limits: Limits) -> list[Block]:
    """The paragraphs and tables of Word's document.xml, given in chunks (see
    `_WordReader`), blank lines left out. Raises `Refused`, or `expat.ExpatError`."""
    reader = _WordReader(limits)
    parse_xml(chunks, reader.start, reader.end, reader.text)
    return reader.blocks


def add_line(lines: list[str], line: str, limits: Limits) -> bool:
    """Keep `line` unless it is blank, within the limits on lines and their length;
    say whether it was kept."""
    if not line or line.isspace():
        return False
    if len(line) > limits.line_chars:
        raise _line_too_long(line, limits, complete=True)
    lines.append(line)
    if len(lines) > limits.lines:
        raise Refused(f"có hơn {_number(limits.lines)} đoạn, quá nhiều cho một kế hoạch.")
    return True


def _line_too_long(line: str, limits: Limits, *, complete: bool) -> Refused:
    start = f"«{line[:60].strip()}…»"
    if not complete:  # refused as it grew
        return Refused(f"có một đoạn ({start}) dài hơn {_number(limits.line_chars)} ký tự, "
                       "quá dài cho một kế hoạch.")  # fmt: skip
    return Refused(f"có một đoạn ({start}) dài {_number(len(line))} ký tự, quá giới hạn "
                   f"{_number(limits.line_chars)} ký tự.")  # fmt: skip


def _too_much_text(limits: Limits) -> Refused:
    return Refused(f"có hơn {_number(limits.chars)} ký tự, quá nhiều cho một kế hoạch.")


def irregular(path: Path) -> str | None:
    """What `path` is when it is not a regular file (nor a folder, which opening names):
    a named pipe, a device…, in Vietnamese; None otherwise. Reading a pipe waits for a
    writer forever and /dev/zero or /dev/urandom never end, so such a file is refused
    before it is opened. Symbolic links are followed (a link to /dev/zero is a device).
    Raises OSError when `path` cannot be looked at (missing, no permission…)."""
    mode = os.stat(path).st_mode
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        kind = "là một đường ống FIFO"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "là một thiết bị"
    elif stat.S_ISSOCK(mode):
        kind = "là một socket"
    else:
        kind = "là một tệp đặc biệt"
    if path.is_symlink():
        kind += f", đường dẫn tới «{os.path.realpath(path)}»"
    return kind


class TextDecodeError(Exception):
    """The bytes are not text in the encoding they announce (a UTF-16 mark), or a file
    of UTF-8 holds bytes that are not: `position` is the first bad byte's offset in the
    file, `line` its line (from 1) when known."""

    def __init__(self, encoding: str, position: int, line: int = 0, byte: int = -1) -> None:
        super().__init__(encoding, position)
        self.encoding = encoding
        self.position = position
        self.line = line
        self.byte = byte  # the bad byte's value


#: What a UTF-8 file with bad bytes is scanned for, at most: past this many bad bytes
#: the count decides (each one costs a step in Python; 50 MB of code page 1258 hold
#: millions).
MAX_BAD_BYTES = 1000


def _utf8_damage(file: BinaryIO) -> TextDecodeError | None:
    """The first bad byte of a file that is UTF-8 but for a few bytes: its valid
    multi-byte sequences (accented letters) outnumber its bad bytes. None for a file
    that is not UTF-8 at all (code page 1258 forms a valid sequence only by chance)."""
    file.seek(0)
    valid = bad = lines = 0
    first: TextDecodeError | None = None
    offset = 0  # of `pending` in the file
    pending = b""
    while bad <= MAX_BAD_BYTES:
        raw = file.read(CHUNK_BYTES)
        final = not raw
        data = memoryview(pending + raw)
        at = 0
        while True:
            try:
                text, used = codecs.utf_8_decode(data[at:], "strict", final)
                error = None
            except UnicodeDecodeError as exc:
                text, used = bytes(data[at : at + exc.start]).decode("utf-8"), exc.start
                error = exc
            valid += len(text) - len(text.encode("ascii", "ignore"))
            if first is None:
                lines += text.count("\n")
            if error is None:
                at += used
                break
            if first is None:
                where = offset + at + used
                first = TextDecodeError("utf-8", where, lines + 1, data[at + used])
            bad += 1
            at += error.end
            if bad > MAX_BAD_BYTES:
                break
        pending = bytes(data[at:])
        offset += at
        if final:
            break
    file.seek(0)
    return first if first is not None and valid > bad else None


def text_lines(file: BinaryIO, limits: Limits) -> tuple[list[str], str]:
    """The non-blank lines of a text file and the encoding they were read in: UTF-16 when
    it starts with its byte-order mark, else UTF-8, else (older Vietnamese Windows files)
    code page 1258. Lines split as `str.splitlines` splits them. Raises `Refused`, or
    `TextDecodeError` for UTF-16 that is cut short or holds a lone surrogate, and for
    UTF-8 with a few bad bytes (see `_utf8_damage`)."""
    start = file.read(2)
    file.seek(0)
    if start in (b"\xff\xfe", b"\xfe\xff"):
        return _decoded_lines(file, "utf-16", limits), "utf-16"
    try:
        return _decoded_lines(file, "utf-8-sig", limits), "utf-8"
    except TextDecodeError:
        damage = _utf8_damage(file)
        if damage is not None:
            # UTF-8 with a bad byte: read as code page 1258, every accented letter of it
            # would turn into two or three wrong ones, and nothing would say so.
            raise damage from None
        file.seek(0)
        return _decoded_lines(file, "cp1258", limits, errors="replace"), "cp1258"


def _decoded_lines(file: BinaryIO, encoding: str, limits: Limits,
                   errors: str = "strict") -> list[str]:  # fmt: skip
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    lines: list[str] = []
    carry = ""
    chars = 0
    offset = 0
    while True:
        raw = file.read(CHUNK_BYTES)
        if raw.startswith(b"PK\x03\x04") and offset == 0 and encoding != "utf-16":
            raise Refused("là một tệp nén (có lẽ một tệp .docx hoặc .xlsx bị đổi tên), không "
                          "phải văn bản.", "Hãy mở bằng Word và lưu lại dạng .docx.")  # fmt: skip
        try:
            text = decoder.decode(raw, final=not raw)
        except UnicodeDecodeError as exc:
            raise TextDecodeError(encoding, offset + exc.start) from None
        offset += len(raw)
        if "\x00" in text:
            raise Refused("không phải văn bản (có ký tự nhị phân).")
        chars += len(text)
        if chars > limits.chars:
            raise _too_much_text(limits)
        pieces = (carry + text).splitlines(keepends=True)
        # The last piece may go on in the next chunk (even a lone "\r" may be half of "\r\n").
        carry = pieces.pop() if pieces and raw else ""
        for piece in pieces:
            add_line(lines, piece.splitlines()[0], limits)
        if len(carry) > limits.line_chars + 2:
            # Refused as it grows: its length so far is not its length.
            raise _line_too_long(carry, limits, complete=False)
        if not raw:
            return lines
