"""A plan read from the document it arrives as (.docx, .txt, or an .xlsx task table) into
a new plan.

The administrative layout carries the structure (Decree 30/2020): the header (issuing
body, "Số: …/KH-UBND", place and date, "KẾ HOẠCH", the title), the legal bases, then
I., II., III. parts; 1., 1.1., 1.1.1. items; a), b) points; "-" and "+" lines; and the
closing ("Trên đây là…", "Nơi nhận:", the signature). Word's automatic numbering is
computed (word_numbering) and read as if typed. From that:
- every numbered line with lines under it, and every "-" line ending with ":" that
  heads "+" lines, is a section; a numbered point with nothing under it is a task; the
  other paragraphs are tasks, except where they explain rather than assign: the
  purposes and requirements (part I, "Mục tiêu", "Mục đích", "Yêu cầu"), parts of legal
  bases, of the past year's assessment or of funding, the "Tổ chức thực hiện" lines of
  a point, and an introduction standing before the sub-points of a section;
- "Đơn vị / Cơ quan chủ trì: …", "… phối hợp: …", "Thời gian thực hiện: …", "Thời hạn:
  …", "Sản phẩm: …", "Người chịu trách nhiệm: …", "Kinh phí: …" lines under a point fill
  that point's fields (and so its tasks'); under a point's "Tổ chức thực hiện" they
  apply to the tasks of that point; in the part "Tổ chức thực hiện" (or the last part),
  a heading naming a unit of any kind ("1. Sở Nội vụ", "2. Công an xã", "- UBND các xã,
  phường:") leads the duties under it, and a duty written "Sở Y tế: chủ trì …" is led by
  the unit before the colon;
- a paragraph starting in lower case continues the one before (a page break in the
  source);
- task tables (task_tables) wherever they stand: in the body their groups and rows go
  under the point they follow.

An appendix after the signature ("PHỤ LỤC …", then its table) becomes a part of its
own at the end of the tree, titled by its heading, and is not merged into the body's
parts. Why: the appendix is where the assignments are (who leads, who helps, by when,
one row each), while the body describes the same work in prose under headings that
rarely match the appendix's groups word for word; merging by likeness of titles would
put rows under the wrong heading without anyone seeing it, and the secretary compares
her tree with the paper appendix, so keeping its groups and order as printed is what
lets her check it. A document that is only the appendix gives the appendix's groups
as the plan's parts; its "(Kèm theo Kế hoạch số …)" line gives the number and date.

A plan without I., II. parts starts at its first numbered item or task table. A plan
issued by a decision ("QUYẾT ĐỊNH … ban hành Kế hoạch", then "KẾ HOẠCH" and "(Ban hành
kèm theo Quyết định số …)") is read from its own heading, the decision giving what the
plan leaves out (issuing body, place, date, bases, signer).

Deadlines are read only where the document states them (a field line, a table's time
column, a "(hoàn thành trước ngày …)" after a task); a task without one has none.
Whatever was skipped or not understood is returned as warnings. The document type is
taken from its heading: a notice (THÔNG BÁO), a report (BÁO CÁO)… is refused unless
the caller asks to read it as a plan anyway (`as_plan`). The document is only read;
the plan is added in one transaction (services.plan_file), or not at all.
"""

from __future__ import annotations

import contextlib
import errno
import re
import unicodedata
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast
from xml.parsers import expat

from sqlalchemy.orm import Session

from dienchau_desktop import heap
from dienchau_desktop.core.errors import BadInputFileError, os_reason
from dienchau_desktop.core.folding import fold, unit_key
from dienchau_desktop.core.periods import year_named
from dienchau_desktop.core.text import MAX_LONG_TEXT, MAX_SHORT_TEXT
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers import task_tables
from dienchau_desktop.importers.bounded import (
    Cell,
    Limits,
    Paragraph,
    Refused,
    Table,
    TextDecodeError,
    irregular,
    member_chunks,
    open_zip,
    text_lines,
    word_blocks,
)
from dienchau_desktop.importers.task_tables import Row, deadline_fields, unit_names
from dienchau_desktop.importers.word_numbering import read_numbering
from dienchau_desktop.services.plan_file import FORMAT, VERSION, load_plan_document

MAX_FILE_BYTES = 50 * 1024 * 1024
#: word/document.xml unpacked, counted as it is read (the zip's header may lie): a
#: 1,000-page plan as Word writes it is ~30 MB; more is a zip bomb.
MAX_XML_BYTES = 64 * 1024 * 1024
#: Non-blank paragraphs. The largest plan known, a district's, has ~11,000 items; adding
#: an item costs ~0.7 ms and ~5 KB (services.plan_file), so this also bounds a hostile
#: list of "- x" lines (200,000 of them, 2.4 MB, took 126 s and 513 MB). 14,500 took 10 s
#: and slowed every export after (a PDF of them 29 s); 12,000 keeps the district's plan.
#: (The benchmarks' district plan of 10,000 tasks is written into the data file
#: directly; their .docx is 100 pages, ~2,600 paragraphs.) The rows of a task table
#: (Word or Excel) count the same.
MAX_PARAGRAPHS = 12_000
#: Everything that can be read, counted as it is read. 12,000 paragraphs as Word writes
#: them are ~5 million characters in well under a million XML elements (~30 a
#: paragraph), nested ~15 deep (tables in tables); each element costs the reading ~4 µs.
LIMITS = Limits(
    unpacked_bytes=MAX_XML_BYTES, elements=1_000_000, depth=100, chars=10_000_000,
    lines=MAX_PARAGRAPHS,
    # A raw line before NFC and trimming; the cleaned paragraph's bound is MAX_LONG_TEXT.
    line_chars=4 * MAX_LONG_TEXT,
)  # fmt: skip
#: Characters Unicode reserves as never being text (U+FFFE, U+FFFF, U+FDD0…U+FDEF and the
#: last two of every plane): dropped; the reports could not write them.
_NONCHARACTERS = re.compile(
    "[\ufdd0-\ufdef"
    + "".join(chr(plane | 0xFFFE) + chr(plane | 0xFFFF) for plane in range(0, 0x110000, 0x10000))
    + "]"
)

_ROMAN = re.compile(r"^(X{0,3}(?:IX|IV|V?I{0,3}))\.\s*(.+)$")
_PART = re.compile(r"^PHẦN\s+(?:THỨ\s+\S+|[IVX]+)\s*[.:]?\s*(.*)$", re.IGNORECASE)
_ARABIC = re.compile(r"^(\d{1,3})\.(?!\d)\s*(.+)$")  # not "1.000 hộ dân…"
# "1.1." and "1.1.1." (also without the last dot before a capital: "1.2 Xây dựng…"), not
# "1.500 hộ" nor "2.5 triệu".
_DOTTED = re.compile(r"^(\d{1,3}(?:\.\d{1,2}){1,3})(?:\.\s*|\s+(?=[A-ZĐÀ-Ỹ]))(\S.*)$")
_LETTER = re.compile(r"^([a-zđ])\)\s*(.+)$")
_DASH = re.compile(r"^[-–—•]\s*(.+)$")
_PLUS = re.compile(r"^\+\s*(.+)$")
# "[^/]*" takes the spaces after the colon too: a "\s*" before it made a line of
# spaces without "/" cost time as the square of its length (5 s for 19,000 spaces).
_NUMBER = re.compile(r"^Số\s*:([^/]*)/\s*(\S+)", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^([^,]{2,60}),\s*(ngày.*năm\s+(\d{4}))\s*$", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
#: "(Kèm theo Kế hoạch số 15/KH-UBND ngày 20/01/2026 của …)": a stand-alone appendix's
#: only header.
_ATTACHED = re.compile(
    r"^\(?\s*(?:ban hành\s+)?kèm theo\s+(.{2,40}?)\s+số\s*:?\s*([^/\s]*)/\s*([^\s,;)]+)"
    r"(?:\s+ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))?",
    re.IGNORECASE,
)
#: Headings of a plan-like document, and of others that are not plans.
_PLAN_TYPES = ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN", "KẾ HOẠCH HÀNH ĐỘNG",
               "CHƯƠNG TRÌNH HÀNH ĐỘNG")  # fmt: skip
_OTHER_TYPES = ("THÔNG BÁO", "BÁO CÁO", "QUYẾT ĐỊNH", "TỜ TRÌNH", "CÔNG VĂN", "CHỈ THỊ",
                "NGHỊ QUYẾT", "KẾT LUẬN", "HƯỚNG DẪN", "BIÊN BẢN", "GIẤY MỜI", "QUY CHẾ",
                "QUY ĐỊNH", "THÔNG TƯ", "NGHỊ ĐỊNH")  # fmt: skip
_DOC_TYPES = tuple(sorted(_PLAN_TYPES + _OTHER_TYPES, key=len, reverse=True))
#: The symbols of those types ("Số: 12/TB-UBND"), for a document without its heading.
_SYMBOL_TYPES = {"KH": "KẾ HOẠCH", "CTR": "CHƯƠNG TRÌNH", "TB": "THÔNG BÁO", "BC": "BÁO CÁO",
                 "QĐ": "QUYẾT ĐỊNH", "TTR": "TỜ TRÌNH", "CT": "CHỈ THỊ", "NQ": "NGHỊ QUYẾT",
                 "KL": "KẾT LUẬN", "HD": "HƯỚNG DẪN"}  # fmt: skip
#: Parts that state rather than assign: purposes, bases, the situation, the funding.
_EXPLAINING_PARTS = ("MỤC ĐÍCH", "MỤC TIÊU", "YÊU CẦU", "CĂN CỨ", "SỰ CẦN THIẾT", "QUAN ĐIỂM",
                     "PHẠM VI", "ĐỐI TƯỢNG", "ĐÁNH GIÁ", "THỰC TRẠNG", "TÌNH HÌNH",
                     "KINH PHÍ", "NGUYÊN TẮC")  # fmt: skip
_EXPLAINING = ("mục tiêu", "mục đích", "yêu cầu", "tổ chức thực hiện", "kết quả đạt được")
_UNIT_WORDS = ("phòng", "công an", "trung tâm", "ban ", "ubnd", "ủy ban", "hội ", "đoàn",
               "trường", "văn phòng", "các trường", "quân sự", "trạm", "mặt trận")  # fmt: skip
#: "Nhiệm vụ cụ thể … tại Phụ lục kèm theo": says where the tasks are, assigns none.
_POINTS_TO_APPENDIX = re.compile(r"\b(?:tại|theo|ở)\s+(?:các\s+)?phụ lục\b", re.IGNORECASE)
#: A typed rule under the issuing body or the title: "-------", "___", "*****".
_RULE = re.compile(r"^[-–—_=*.~·•\s]{3,}$")
#: The beginning of a legal basis or of the sentence that introduces the plan.
_BASIS_START = ("căn cứ", "thực hiện", "triển khai", "theo đề nghị", "theo chỉ đạo", "để ",
                "nhằm", "xét đề nghị", "trên cơ sở", "ủy ban nhân dân", "ubnd")  # fmt: skip
#: Field lines: "Đơn vị chủ trì: …" and the like (the key folded, before its colon).
_FIELD_LINE = re.compile(r"^(?:[-–—•+]\s*)?([^:]{3,45}):\s*(\S.*)$")
_FIELD_KEYS = (
    (("nguoi chiu trach nhiem", "lanh dao phu trach", "nguoi phu trach"), "responsible_person"),
    (("don vi phoi hop", "co quan phoi hop", "phoi hop", "co quan, don vi phoi hop",
      "don vi, co quan phoi hop", "cac don vi phoi hop", "cac co quan phoi hop"), "coordinators"),
    (("don vi chu tri", "co quan chu tri", "chu tri", "co quan, don vi chu tri", "don vi thuc hien",
      "co quan thuc hien", "don vi, co quan chu tri", "chu tri thuc hien",
      "co quan chiu trach nhiem", "don vi chiu trach nhiem"), "lead_unit"),
    (("thoi gian thuc hien", "thoi gian hoan thanh", "thoi han hoan thanh", "thoi gian",
      "thoi han", "tien do thuc hien", "tien do", "moc thoi gian"), "deadline"),
    (("san pham", "ket qua/san pham", "san pham dau ra", "hinh thuc san pham", "ket qua dau ra"),
     "expected_product"),
    (("kinh phi thuc hien", "kinh phi", "nguon kinh phi"), "funding_source"),
)  # fmt: skip
#: "(Sở Y tế chủ trì; hoàn thành trong Quý II/2026)" after a task.
_TRAILING_NOTE = re.compile(r"\s*\(([^()]{3,300})\)\s*[.;]?\s*$")
_INLINE_DEADLINE = re.compile(
    r"(?:hoàn thành|thời gian|thời hạn|xong)[^;,]*?(trước ngày\s+\d{1,2}/\d{1,2}/\d{4}|"
    r"trong\s+(?:quý|quí)\s+[IV]+/\d{4}|(?:quý|quí)\s+[IV]+/\d{4}|tháng\s+\d{1,2}/\d{4}|"
    r"năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})",
    re.IGNORECASE,
)


@dataclass
class _Node:
    kind: str  # "section", "task" or "text"
    title: str
    level: float  # 1 part, 2 item (2.5 "1.1.", 2.75 "1.1.1."), 3 point, 4 "-", 5 "+", 6 plain
    children: list[_Node] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    #: Lines that continue the title (a page break cut the paragraph), joined once at the
    #: end: joining each as it comes copies the title again and again (quadratic).
    continued: list[str] = field(default_factory=list)
    length: int = 0
    #: What the line says of its own point ("Đơn vị chủ trì: …" under it).
    own: dict[str, Any] = field(default_factory=dict)
    #: Items read from a task table, already in the plan file's form.
    document: dict[str, Any] | None = None


@dataclass(slots=True)
class TaskTable:
    """A task table of the document (task_tables), its rows by field, in place."""

    rows: list[Row]
    columns: task_tables.Columns
    where: str


Entry = str | TaskTable


@dataclass(frozen=True, slots=True)
class PlanSummary:
    file: str
    plan_id: int | None  # None on a dry run
    title: str
    sections: int
    tasks: int
    texts: int
    units: int
    dry_run: bool
    doc_type: str = "KẾ HOẠCH"
    #: Every item as it is (or on a dry run would be) added: number, kind, title, lead,
    #: coordinators, deadline as written and due date (dd/mm/yyyy), children.
    tree: list[dict[str, Any]] = field(default_factory=list)
    #: What was skipped or not understood, each with its place and text.
    warnings: list[str] = field(default_factory=list)


class NotAPlanError(BadInputFileError):
    """The document is of another kind (a notice, a report…): read only when asked.
    `read` is what was read, to go on with if she says to read it as a plan anyway
    (without parsing the file again)."""

    def __init__(self, message: str, hint: str = "", read: ReadPlan | None = None) -> None:
        super().__init__(message, hint)
        self.read = read


def _fail(path: Path, what: str, hint: str = "Tệp dữ liệu không bị thay đổi.") -> BadInputFileError:
    return BadInputFileError(f"Tệp «{path.name}»: {what}", hint)


_PICK_A_FILE = ("Hãy chọn một tệp văn bản (.docx hoặc .txt) lưu trên đĩa. Tệp dữ liệu không "
                "bị thay đổi.")  # fmt: skip


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _unreadable(path: Path, exc: OSError) -> BadInputFileError:
    return _fail(path, f"không đọc được ({os_reason(exc)}).",
                 "Hãy kiểm tra tệp (quyền đọc, ổ đĩa hoặc USB), hoặc chép nó ra nơi khác "
                 "rồi thử lại. Tệp dữ liệu không bị thay đổi.")  # fmt: skip


@contextlib.contextmanager
def _refusals(path: Path) -> Iterator[None]:
    """A limit passed while reading `path` becomes the sentence about the file."""
    try:
        yield
    except Refused as refused:
        hint = refused.hint or "Tệp dữ liệu không bị thay đổi."
        if "Tệp dữ liệu" not in hint:
            hint = f"{hint} Tệp dữ liệu không bị thay đổi."
        raise _fail(path, refused.reason, hint) from None


def _docx_blocks(path: Path) -> list[Paragraph | Table]:
    """The paragraphs and tables of a .docx in order, each paragraph numbered by Word's
    automatic numbering labelled as Word shows it; read as a stream within `LIMITS`."""
    try:
        file = path.open("rb")
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    with file, _refusals(path):
        try:
            archive = open_zip(file)
            chunks = member_chunks(archive, "word/document.xml", LIMITS.unpacked_bytes)
        except OSError as exc:
            if exc.errno not in (None, errno.EINVAL):  # EINVAL: a seek the zip's offsets asked
                raise _unreadable(path, exc) from exc
            raise _not_word(path) from exc
        except (zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
            raise _not_word(path) from exc
        try:
            with archive:
                blocks = word_blocks(chunks, LIMITS)
                numbering = read_numbering(archive)
        except expat.ExpatError as exc:
            where = f"dòng {exc.lineno}, cột {exc.offset}"
            hint = "Hãy mở bằng Word và lưu lại. Tệp dữ liệu không bị thay đổi."
            raise _fail(path, f"nội dung Word bị hỏng ({where}).", hint) from exc
        except OSError as exc:
            if exc.errno not in (None, errno.EINVAL):
                raise _unreadable(path, exc) from exc
            raise _damaged_zip(path) from exc
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
            raise _damaged_zip(path) from exc
    if numbering is not None:
        for block in blocks:
            paragraphs = (
                [block]
                if isinstance(block, Paragraph)
                else [p for row in block.rows for cell in row for p in cell.paragraphs]
            )
            for paragraph in paragraphs:
                paragraph.label = numbering.label(paragraph)
    return blocks


def _paragraph_lines(path: Path, paragraph: Paragraph, in_cell: bool = False) -> list[str]:
    """The paragraph's lines, its list label put before the first; in a table cell a
    label with no text is the cell's text (an STT column numbered by Word)."""
    lines = [line for line in (_cleaned(path, line) for line in paragraph.lines) if line]
    if paragraph.label and lines:
        lines[0] = f"{paragraph.label} {lines[0]}"
    elif paragraph.label and in_cell:
        lines = [paragraph.label]
    return lines


def _cell_lines(path: Path, cell: Cell) -> str:
    """A cell's text, its paragraphs a line each; "" for one only continuing the cell
    above (a vertical merge)."""
    if cell.continued:
        return ""
    return "\n".join(line for p in cell.paragraphs for line in _paragraph_lines(path, p, True))


def _width(rows: list[list[str]]) -> int:
    return max(map(len, rows), default=0)


def _docx_entries(path: Path) -> list[Entry]:
    """The document as lines and task tables: a table whose header names tasks is one
    (joined with the table before it when nothing stands between them: a table split
    by a page break); any other table (the header, the signature) is read as lines."""
    entries: list[Entry] = []
    last_table: TaskTable | None = None
    tables = 0
    for block in _docx_blocks(path):
        if isinstance(block, Paragraph):
            lines = _paragraph_lines(path, block)
            if lines:
                last_table = None
            entries.extend(lines)
            continue
        tables += 1
        grid = [[(_cell_lines(path, cell), cell.span) for cell in row] for row in block.rows]
        replicated = [[text for text, span in row for _ in range(span)] for row in grid]
        header = task_tables.header_of(replicated)
        where = f"bảng thứ {tables}"
        if header is not None:
            columns, skip = header
            rows = task_tables.rows_of(grid, columns, skip, where)
            if last_table is not None and last_table.columns.at == columns.at:
                last_table.rows.extend(rows)  # the same table, its header repeated
                continue
            last_table = TaskTable(rows, columns, where)
            entries.append(last_table)
        elif last_table is not None and _width(replicated) == last_table.columns.width:
            last_table.rows.extend(task_tables.rows_of(grid, last_table.columns, 0, where))
        else:
            last_table = None
            for row in block.rows:
                for cell in row:
                    for paragraph in cell.paragraphs:
                        entries.extend(_paragraph_lines(path, paragraph))
    return entries


def _not_word(path: Path) -> BadInputFileError:
    hint = "Hãy lưu văn bản dạng .docx hoặc .txt."
    if path.suffix.lower() == ".doc":
        hint = "Tệp .doc (Word 97-2003): hãy mở bằng Word và lưu lại dạng .docx."
    return _fail(path, "không phải tệp Word (.docx) đọc được.", hint)


def _damaged_zip(path: Path) -> BadInputFileError:
    return _fail(path, "nội dung Word bị hỏng (phần nén bị lỗi).",
                 "Hãy mở bằng Word và lưu lại. Tệp dữ liệu không bị thay đổi.")  # fmt: skip


def _text_lines(path: Path) -> list[str]:
    try:
        file = path.open("rb")
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    with file, _refusals(path):
        try:
            lines, _encoding = text_lines(file, LIMITS)
        except TextDecodeError as exc:
            if exc.encoding == "utf-8":
                raise _fail(path, f"là văn bản UTF-8 nhưng có byte không hợp lệ (0x{exc.byte:02X}) "
                            f"ở dòng {_number(exc.line)}, byte thứ {_number(exc.position + 1)} "
                            "của tệp (tệp có thể đã bị hỏng).",
                            "Hãy mở tệp bằng Notepad, sửa chỗ đó rồi lưu lại dạng UTF-8. Tệp dữ "
                            "liệu không bị thay đổi.") from None  # fmt: skip
            raise _fail(path, f"văn bản UTF-16 bị hỏng từ byte thứ {exc.position} (bị cắt cụt "
                        "hoặc có ký tự không hợp lệ).",
                        "Hãy mở tệp bằng Notepad và lưu lại dạng UTF-8.") from None  # fmt: skip
        except OSError as exc:
            raise _unreadable(path, exc) from exc
    return lines


def _cleaned(path: Path, line: str) -> str:
    """A line NFC, without Markdown-style emphasis marks or characters that are never
    text; "" when nothing is left. Refused when longer than an item may be."""
    line = unicodedata.normalize("NFC", line).replace("\u00a0", " ")
    line = _NONCHARACTERS.sub("", line)
    line = re.sub(r"\*{1,3}", "", line).strip()
    line = re.sub(r"^-\s+(?=\+)", "", line)  # "- + item": a "+" line written as a list
    if len(line) > MAX_LONG_TEXT:
        raise _too_long(path, line)
    return line


def _xlsx_entries(path: Path) -> list[Entry]:
    """An Excel workbook's task table: the first sheet (visible ones first) with a task
    table's header; the rows above the header are its heading lines."""
    from xml.etree.ElementTree import ParseError

    from dienchau_desktop.importers import safe_xlsx, xlsx_stream

    try:
        safe_xlsx.check_package(path)
    except safe_xlsx.Refused as refused:
        reason = refused.reason.replace("một mẫu báo cáo", "một bảng nhiệm vụ")
        raise _fail(path, f"{reason}.") from None
    not_excel = _fail(path, "không phải tệp Excel (.xlsx) đọc được.",
                      "Hãy mở bằng Excel và lưu lại dạng .xlsx. Tệp dữ liệu không bị "
                      "thay đổi.")  # fmt: skip
    try:
        book = xlsx_stream.Workbook(path)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    except (zipfile.BadZipFile, KeyError, ValueError, ParseError, EOFError, zlib.error) as exc:
        raise not_excel from exc
    with contextlib.closing(book):
        sheets = sorted(book.sheets, key=lambda sheet: sheet[1] != "visible")
        for name, _state, _part in sheets:
            try:
                rows = [[_cell_text(path, cell.value) for cell in cells]
                        for _number, cells in book.rows(name, 40)]  # fmt: skip
            except (KeyError, ValueError, IndexError, ParseError, zlib.error, EOFError) as exc:
                raise not_excel from exc
            rows = [row for row in rows if any(row)]
            if len(rows) > MAX_PARAGRAPHS:
                raise _fail(path, f"trang «{name}» có hơn {_number(MAX_PARAGRAPHS)} dòng, quá "
                            "nhiều cho một kế hoạch.")  # fmt: skip
            header = task_tables.header_of(rows, search=12)
            if header is None:
                continue
            columns, skip = header
            top = next(i for i in range(len(rows)) if task_tables.header_of(rows[i:], search=1))
            heading = [text for row in rows[:top] for text in row if text]
            grid = [[(text, 1) for text in row] for row in rows[top:]]
            where = f"trang «{name}»"
            return [*heading, TaskTable(task_tables.rows_of(grid, columns, skip - top, where),
                                        columns, where)]  # fmt: skip
    raise _fail(path, "không có trang nào chứa bảng nhiệm vụ (không thấy dòng tiêu đề có "
                "«STT», «Nội dung/Nhiệm vụ» và «Chủ trì/Thời gian»).",
                "Hãy để bảng nhiệm vụ có dòng tiêu đề như phụ lục của kế hoạch. Tệp dữ liệu "
                "không bị thay đổi.")  # fmt: skip


def _cell_text(path: Path, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _cleaned(path, str(value))


def read_document(path: Path) -> list[Entry]:
    """The document's non-empty lines (NFC, cleaned) and task tables in order; each
    line, their number and the file's size bounded."""
    try:
        kind = irregular(path)
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if kind is not None:
        raise _fail(path, f"không phải một tệp thông thường ({kind}).", _PICK_A_FILE)
    if size > MAX_FILE_BYTES:
        raise _fail(path, f"quá lớn ({size // (1024 * 1024)} MB) để là một kế hoạch.")
    suffix = path.suffix.lower()
    if suffix in {".docx", ".doc"}:
        return _docx_entries(path)
    if suffix in {".xlsx", ".xlsm"}:
        return _xlsx_entries(path)
    if suffix in {".txt", ""}:
        return [line for line in (_cleaned(path, raw) for raw in _text_lines(path)) if line]
    raise _fail(path, f"dạng tệp «{suffix}» chưa đọc được.",
                "Hãy dùng tệp .docx, .txt hoặc bảng nhiệm vụ .xlsx.")  # fmt: skip


def read_lines(path: Path) -> list[str]:
    """The document's non-empty lines, NFC, without Markdown-style emphasis marks or
    characters that are never text; a task table's rows as their cells' lines."""
    lines: list[str] = []
    for entry in read_document(path):
        if isinstance(entry, str):
            lines.append(entry)
        else:
            for row in entry.rows:
                lines.extend(filter(None, [row.number, *row.cells.values()]))
    return lines


def _too_long(path: Path, paragraph: str) -> BadInputFileError:
    refused = _too_long_refusal(paragraph, len(paragraph))
    return _fail(path, refused.reason, refused.hint)


def _too_long_refusal(paragraph: str, length: int) -> Refused:
    return Refused(f"đoạn «{paragraph[:60].strip()}…» dài {_number(length)} ký tự, quá giới hạn "
                   f"{_number(MAX_LONG_TEXT)} ký tự của một mục.",
                   "Hãy tách đoạn đó thành nhiều mục (một dòng bắt đầu bằng chữ thường được "
                   "nối vào đoạn trước nó). Tệp dữ liệu không bị thay đổi.")  # fmt: skip


def _is_unit_name(title: str) -> bool:
    lowered = title.lower()
    return len(title) <= 80 and (lowered.startswith(_UNIT_WORDS)
                                 or task_tables.is_unit_start(title))  # fmt: skip


def _explains(node: _Node) -> bool:
    return node.title.lower().rstrip(":").strip() in _EXPLAINING


# ------------------------------------------------------------------ the header


def _doc_type(line: str) -> str | None:
    """The document type a heading line names ("KẾ HOẠCH", "THÔNG BÁO"…), alone or
    followed by the title in capitals; None for any other line."""
    upper = line.upper()
    if line != upper:
        return None
    for kind in _DOC_TYPES:
        if upper == kind or (upper.startswith(kind + " ") and len(upper) > len(kind) + 3):
            return kind
    return None


def _continues_title(title: list[str], line: str) -> bool:
    if not title:
        return not fold(line).startswith("can cu")
    if line[:1].islower():
        return True
    # A title in capitals goes on in capitals; a basis starts "Căn cứ…", "Thực hiện…".
    return title[-1] == title[-1].upper() and line == line.upper()


def _header(lines: list[str], plan: dict[str, Any]) -> None:
    """Fill the plan's header fields from the lines before its body."""
    issuing: list[str] = []
    title: list[str] = []
    bases: list[str] = []
    stage = "issuer"
    for line in lines:
        if _RULE.match(line):
            if stage == "title" and title:
                stage = "after-title"
            continue
        number = _NUMBER.match(line)
        place_date = _PLACE_DATE.match(line)
        attached = _ATTACHED.match(line)
        upper = line.upper()
        if upper.startswith(("CỘNG HÒA", "CỘNG HOÀ")) or line.startswith("Độc lập"):
            continue
        if number and stage in ("issuer", "after-number"):
            plan["number"], plan["symbol"] = number.group(1).strip(), number.group(2).strip()
            stage = "after-number"
        elif place_date and stage in ("issuer", "after-number"):
            plan["place"], plan["issue_date_text"] = place_date.group(1), place_date.group(2)
            plan["year"] = int(place_date.group(3))
            day = _DAY_MONTH_YEAR.search(place_date.group(2))
            if day:
                with contextlib.suppress(ValueError):
                    issued = date(int(day.group(3)), int(day.group(2)), int(day.group(1)))
                    plan["issue_date"] = issued.isoformat()
        elif attached and stage != "bases":
            _attached_to(attached, plan)
        elif "doc_type" not in plan and (kind := _doc_type(line)) is not None:
            plan["doc_type"] = kind
            stage = "title"
            rest = line[len(kind) :].strip(" :-")
            if rest:
                title.append(rest)
        elif "doc_type" not in plan and stage != "title" and _is_appendix_heading(line):
            plan["appendix_only"] = True
            stage = "title"
        elif "doc_type" not in plan and stage != "title" and fold(line).startswith("danh muc"):
            plan["appendix_only"] = True  # a task list's own heading: its title
            stage = "title"
            title.append(line)
        elif stage == "issuer" and line == upper:
            issuing.append(line)
        elif stage == "title" and _continues_title(title, line):
            title.append(line)
        elif fold(line).startswith("kinh gui"):
            continue
        else:
            stage = "bases"
            bases.append(line)
    plan["issuing_body"] = "\n".join(issuing)
    plan["title"] = " ".join(title)
    # The plan's year is the year it is carried out: a plan issued in December 2025
    # "… năm 2026" is a 2026 plan. The issue year stands only when the title names none.
    if (named := year_named(plan["title"])) is not None:
        plan["year"] = named
    plan["legal_bases"] = bases


def _attached_to(match: re.Match[str], plan: dict[str, Any]) -> None:
    """ "(Kèm theo Kế hoạch số 15/KH-UBND ngày 20/01/2026 …)": the plan a stand-alone
    appendix belongs to."""
    plan["number"], plan["symbol"] = match.group(2).strip(), match.group(3).strip()
    if match.group(6):
        with contextlib.suppress(ValueError):
            issued = date(int(match.group(6)), int(match.group(5)), int(match.group(4)))
            plan["issue_date"] = issued.isoformat()
            plan["year"] = issued.year
    kind = match.group(1).strip().upper()
    if kind in _DOC_TYPES:
        plan["attached_to"] = kind


def _body_start(entries: Sequence[Entry]) -> int:
    """Where the body begins: the first part heading (I., PHẦN I); in a document without
    parts, its first task table or first numbered item after the document type's
    heading (a plan starting at "1. Mục đích", a notice's conclusions), whichever comes
    first."""
    for index, entry in enumerate(entries):
        if isinstance(entry, TaskTable):
            continue
        roman = _ROMAN.match(entry)
        if (roman and roman.group(1)) or _PART.match(entry):
            return index
    heading = next((i for i, e in enumerate(entries)
                    if isinstance(e, str) and _doc_type(e)), -1)  # fmt: skip
    for index, entry in enumerate(entries):
        if isinstance(entry, TaskTable):
            return index
        if index > heading and (_ARABIC.match(entry) or _DOTTED.match(entry)):
            return index
    return len(entries)


def _closing(lines: list[str], plan: dict[str, Any]) -> None:
    """The part after the body: "Nơi nhận:" and its lines, then the signature."""
    recipients: list[str] = []
    signature: list[str] = []
    in_recipients = False
    for line in lines:
        if line.lower().startswith("nơi nhận"):
            in_recipients = True
            rest = line.split(":", 1)[1].strip() if ":" in line else ""
            if rest:
                recipients.append(rest.lstrip("- ").rstrip(";."))
        elif in_recipients and _DASH.match(line):
            recipients.append(_DASH.match(line).group(1).rstrip(";."))  # type: ignore[union-attr]
        else:
            in_recipients = False
            signature.append(line)
    plan["recipients"] = recipients
    # "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH": the authority, all its lines; then the
    # signer's title ("PHÓ CHỦ TỊCH") and, last, the name.
    first = next((i for i, s in enumerate(signature) if s.upper().startswith(_AUTHORITY)), None)
    if first is not None:
        last = first
        while last + 1 < len(signature) and signature[last + 1].upper().startswith(_AUTHORITY):
            last += 1
        plan["signer_authority"] = "\n".join(signature[first : last + 1])
        after = signature[last + 1 :]
    elif len(signature) <= 6:  # a head signing alone: "GIÁM ĐỐC", then the name
        after = signature
    else:
        return
    titles = [s for s in after if s == s.upper()]
    if titles:
        plan["signer_title"] = titles[0]
    names = [s for s in after if s != s.upper() and not s.startswith("(")]
    if names:
        plan["signer_name"] = names[-1]


_AUTHORITY = ("TM.", "KT.", "TL.", "Q.", "TUQ.")


# ------------------------------------------------------------------ the body


def _line_node(line: str) -> _Node:
    roman, arabic, letter = _ROMAN.match(line), _ARABIC.match(line), _LETTER.match(line)
    dash, plus, dotted, part = _DASH.match(line), _PLUS.match(line), _DOTTED.match(line), None
    if not (roman or arabic or letter or dash or plus or dotted):
        part = _PART.match(line)
    if roman and roman.group(1):
        return _Node("section", roman.group(2), 1)
    if part and part.group(1):
        return _Node("section", part.group(1), 1)
    if dotted:
        depth = dotted.group(1).count(".")
        return _Node("section", dotted.group(2), 2 + (0.5 if depth == 1 else 0.75))
    if arabic:
        return _Node("section", arabic.group(2), 2)
    if letter:
        return _Node("section", letter.group(2), 3)
    if plus:
        return _Node("task", plus.group(1), 5)
    if dash:
        return _Node("task", dash.group(1), 4)
    return _Node("task", line, 6)


def _field_line(line: str) -> tuple[str, str] | None:
    """ "Đơn vị chủ trì: Sở Nội vụ." → ("lead_unit", "Sở Nội vụ"); None for other lines."""
    match = _FIELD_LINE.match(line)
    if match is None:
        return None
    key = fold(match.group(1)).strip(" -–+•")
    for keys, name in _FIELD_KEYS:
        if key in keys:
            return name, match.group(2).strip().rstrip(".;")
    return None


def _marker_level(line: str) -> int:
    return 4 if line[:1] in "-–—•" else 5 if line[:1] == "+" else 6


def _field_values(name: str, value: str, where: str, warnings: list[str]) -> dict[str, Any]:
    if name == "lead_unit":
        names = unit_names(value)
        if not names:
            warnings.append(f"{where}: không nhận ra đơn vị chủ trì trong «{value[:80]}».")
            return {}
        return {"lead_unit": names[0], **({"coordinators": names[1:]} if names[1:] else {})}
    if name == "coordinators":
        names = unit_names(value)
        return {"coordinators": names} if names else {}
    if name == "deadline":
        return deadline_fields(value, where, warnings)
    if name == "responsible_person" and len(value) > MAX_SHORT_TEXT:
        return {"notes": value}
    return {name: value}


def _merge_fields(into: dict[str, Any], new: dict[str, Any]) -> None:
    for key, value in new.items():
        if key == "coordinators":
            into[key] = [*into.get(key, []), *value]
        elif key == "notes" and into.get("notes"):
            into[key] = f"{into['notes']}\n{value}"
        else:
            into[key] = value


def _trailing_fields(title: str, where: str, warnings: list[str]) -> dict[str, Any]:
    """What a task's own sentence states at its end: "(Sở Y tế chủ trì; hoàn thành
    trước ngày 30/6/2026)", "…, hoàn thành trong Quý III/2026." Only a stated lead and a
    stated deadline are taken."""
    fields: dict[str, Any] = {}
    note = _TRAILING_NOTE.search(title)
    tail = note.group(1) if note else re.split(r"[;,]\s*", title.rstrip(" ."))[-1]
    if note is not None and "deadline" in (alone := deadline_fields(note.group(1), where, [])):
        return alone  # "(Quý III/2026)": the parenthesis is the deadline
    if note is not None:
        lead = re.match(r"^([^;,()]{3,100}?)\s+chủ trì\b", note.group(1))
        if lead and task_tables.is_unit_start(lead.group(1)):
            fields["lead_unit"] = lead.group(1).strip()
        for piece in re.split(r";", note.group(1)):
            found = _field_line(piece.strip())
            if found is not None:
                _merge_fields(fields, _field_values(*found, where, warnings))
    if "deadline" not in fields:
        deadline = _INLINE_DEADLINE.search(tail)
        if deadline is not None:
            value = deadline_fields(deadline.group(1), where, [])
            if "deadline" in value:
                fields["deadline"] = value["deadline"]
    return fields


def _tree(entries: Sequence[Entry], warnings: list[str],
          closing_at: bool = True) -> tuple[list[_Node], list[str], list[Entry]]:  # fmt: skip
    """The body's items, the lines of the closing, and what follows the closing (the
    appendices)."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    previous: _Node | None = None
    made: list[_Node] = []
    closing: list[str] = []
    after: list[Entry] = []
    for index, entry in enumerate(entries):
        if isinstance(entry, TaskTable):
            _attach_table(entry, stack, roots, warnings)
            previous = None
            continue
        line = entry
        if closing_at and _closes(line):
            closing, after = _split_closing(entries[index:])
            break
        if _is_appendix_heading(line) and (stack or roots):
            after = list(entries[index:])
            break
        found = _field_line(line)
        if found is not None:
            level = _marker_level(line)
            target = next((n for n in reversed(stack) if n.level < level), None)
            if target is not None and not _explains(target):
                where = f"«{target.title[:60]}»"
                _merge_fields(target.own, _field_values(*found, where, warnings))
                previous = None
                continue
        if previous is not None and line[:1].islower() and not _LETTER.match(line):
            previous.continued.append(line)  # a page break cut the paragraph
            previous.length += 1 + len(line)
            if previous.length > MAX_LONG_TEXT:
                raise _too_long_refusal(previous.title, previous.length)
            continue
        node = _line_node(line)
        node.length = len(node.title)
        while stack and stack[-1].level >= node.level:
            stack.pop()
        # A plain paragraph after "-" lines is not theirs unless the last one heads it
        # ("- Sở Y tế:"): it closes the point ("Nhiệm vụ cụ thể tại Phụ lục…").
        while (
            node.level == 6
            and stack
            and stack[-1].level in (4, 5)
            and not (stack[-1].title.endswith(":"))
        ):
            stack.pop()
        if node.level >= 4 and stack and stack[-1].kind == "task" and stack[-1].level < node.level:
            stack[-1].kind = "section"  # a "-" line heading "+" lines
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        made.append(node)
        previous = node
    for node in made:
        if node.continued:
            node.title = " ".join([node.title, *node.continued])
            node.continued = []
    return roots, closing, after


def _closes(line: str) -> bool:
    """Does the body end here? "Trên đây là…", "Nơi nhận:", or the last sentence of a
    document, which ends "./." by custom."""
    return (
        line.startswith("Trên đây là")
        or line.lower().startswith("nơi nhận")
        or (line.endswith("./.") and not line.lower().startswith("nơi nhận"))
    )


def _attach_table(table: TaskTable, stack: list[_Node], roots: list[_Node],
                  warnings: list[str]) -> None:  # fmt: skip
    """A task table's groups and rows go under the numbered point it follows."""
    while stack and stack[-1].level >= 4:
        stack.pop()
    items = task_tables.table_items(table.rows, warnings)
    nodes = [_Node(item["kind"], item["title"], 7, document=item) for item in items]
    if stack:
        stack[-1].kind = "section"
        stack[-1].children.extend(nodes)
    else:
        roots.extend(nodes)
    if not items:
        warnings.append(f"{table.where}: bảng nhiệm vụ không có dòng nào.")


_APPENDIX_ALONE = re.compile(r"phu luc(?:\s+(?:so\s+)?[ivx\d]+)?\s*[:.]?\s*")


def _is_appendix_heading(line: str) -> bool:
    """ "PHỤ LỤC …" in capitals, or "Phụ lục", "Phụ lục I", "Phụ lục số 02" alone on its
    line. The cheap test first, as every line of the body is tested."""
    if line[:2] not in ("PH", "Ph"):
        return False
    folded = fold(line)
    return folded.startswith("phu luc") and (
        line[:7] == line[:7].upper() or _APPENDIX_ALONE.fullmatch(folded) is not None
    )


def _split_closing(entries: Sequence[Entry]) -> tuple[list[str], list[Entry]]:
    """The closing's lines, and the appendices after it (from "PHỤ LỤC" or a task
    table on)."""
    for index, entry in enumerate(entries):
        if isinstance(entry, TaskTable) or (index and _is_appendix_heading(entry)):
            closing = [e for e in entries[:index] if isinstance(e, str)]
            return closing, list(entries[index:])
    return [e for e in entries if isinstance(e, str)], []


def _appendices(entries: Sequence[Entry], warnings: list[str]) -> list[_Node]:
    """Each appendix as a part of its own, titled by its heading (see the module's note)."""
    chunks: list[list[Entry]] = []
    for entry in entries:
        if not chunks or (isinstance(entry, str) and _is_appendix_heading(entry)):
            chunks.append([])
        chunks[-1].append(entry)
    parts: list[_Node] = []
    for chunk in chunks:
        start = next((i for i, entry in enumerate(chunk) if isinstance(entry, TaskTable)
                      or _ROMAN.match(entry) or _ARABIC.match(entry)), len(chunk))  # fmt: skip
        heading = [e for e in chunk[:start] if isinstance(e, str)
                   and not _ATTACHED.match(e) and not _RULE.match(e)]  # fmt: skip
        roots, _closing_lines, _after = _tree(chunk[start:], warnings, closing_at=False)
        name = heading[0] if heading else "PHỤ LỤC"
        if not roots:
            warnings.append(f"«{name[:80]}»: không có bảng nhiệm vụ hay mục đánh số, bỏ qua.")
            continue
        title = name if len(heading) < 2 else f"{name}: {' '.join(heading[1:])}"
        part = _Node("section", title, 1, children=roots)
        parts.append(part)
    return parts


def _settle(nodes: list[_Node], explaining: bool, organising: bool,
            inherited: dict[str, Any], warnings: list[str]) -> None:  # fmt: skip
    """Decide sections, tasks and texts, and hand the fields down. `explaining`: the
    part states purposes (part I); `organising`: the part "Tổ chức thực hiện" (or the
    last part), whose headings naming a unit lead the duties under them."""
    for node in nodes:
        if node.document is not None:
            continue
        if node.kind == "section" and not node.children and node.level > 1:
            node.kind = "text" if explaining else "task"  # a point with nothing under it
            node.fields = {**inherited, **node.own}
        if node.kind != "section":
            continue
        fields = dict(inherited)
        organise = next((c for c in node.children if c.kind == "section" and _explains(c)
                         and c.title.lower().startswith("tổ chức")), None)  # fmt: skip
        if organise is not None:
            for line in organise.children:
                key, _, value = line.title.partition(":")
                key, value = key.lower(), value.strip().rstrip(".")
                if key.startswith("người chịu trách nhiệm"):
                    fields["responsible_person"] = value
                elif key.startswith("cơ quan chủ trì"):
                    fields["lead_unit"] = value
                elif key.startswith("cơ quan phối hợp"):
                    fields["coordinators"] = unit_names(value)
        heading = node.title.rstrip(":").strip()
        if organising and 2 <= node.level <= 4 and _is_unit_name(heading):
            names = unit_names(heading)
            if names:  # units sharing a duty: the first named leads, the others help
                fields["lead_unit"] = names[0]
                fields.pop("coordinators", None)
                if names[1:]:
                    fields["coordinators"] = names[1:]
        fields.update(node.own)
        has_sections = any(c.kind == "section" for c in node.children)
        # "Tổ chức thực hiện" explains a point's work; as a part of its own (numbered "3."
        # in a plan without I., II.) it holds the units' duties.
        explains = _explains(node) and not (organising and node.level <= 2)
        for child in node.children:
            if child.document is not None:
                continue
            if child.kind == "section" and (child.children or child.level == 1):
                continue
            if child.kind == "section":
                child.kind = "text" if explaining or explains else "task"
            if (
                explaining
                or explains
                or (child.level == 6 and (has_sections or _POINTS_TO_APPENDIX.search(child.title)))
            ):
                child.kind = "text"
            else:
                child.fields = {**fields, **child.own}
                if organising:
                    _lead_before_colon(child)
        _settle(node.children, explaining, organising, fields, warnings)


def _lead_before_colon(task: _Node) -> None:
    """ "Sở Y tế: chủ trì, hướng dẫn…": the unit before the colon leads the duty."""
    match = re.match(r"^([^:]{3,100}):\s*\S", task.title)
    if match and _is_unit_name(match.group(1).strip()) and "lead_unit" not in task.own:
        names = unit_names(match.group(1))
        if names:
            task.fields = {**task.fields, "lead_unit": names[0]}
            if names[1:]:
                task.fields["coordinators"] = names[1:]


def _item_document(node: _Node, units: set[str], warnings: list[str]) -> dict[str, Any]:
    if node.document is not None:
        _collect_units(node.document, units)
        return node.document
    entry: dict[str, Any] = {"kind": node.kind, "title": node.title}
    if node.kind == "task":
        fields = dict(node.fields)
        if "deadline" not in fields:
            for key, value in _trailing_fields(node.title, f"«{node.title[:60]}»",
                                               warnings).items():  # fmt: skip
                fields.setdefault(key, value)
        entry.update(fields)
        task_tables.keep_apart(entry)
        lead = entry.get("lead_unit")
        if isinstance(lead, str) and len(lead) > task_tables.MAX_UNIT_NAME:
            entry["notes"] = f"Chủ trì: {entry.pop('lead_unit')}"
        _collect_units(entry, units)
    if node.children:
        entry["children"] = [_item_document(c, units, warnings) for c in node.children]
    return entry


def _one_spelling(items: list[dict[str, Any]]) -> bool:
    """A unit the document spells two ways is named one way, the way it is written most
    often (the first, when as often): two units would be made of one, and her
    reminders and returns split between them. Returns whether anything changed."""
    spellings: dict[str, Counter[str]] = {}

    def count(nodes: list[dict[str, Any]]) -> None:
        for item in nodes:
            lead = [item["lead_unit"]] if item.get("lead_unit") else []
            for name in [*lead, *item.get("coordinators", [])]:
                spellings.setdefault(unit_key(name), Counter())[name] += 1
            count(item.get("children", []))

    count(items)
    chosen = {key: names.most_common(1)[0][0] for key, names in spellings.items()
              if len(names) > 1}  # fmt: skip
    if not chosen:
        return False

    def named(name: str) -> str:
        return chosen.get(unit_key(name), name)

    def rewrite(nodes: list[dict[str, Any]]) -> None:
        for item in nodes:
            if item.get("lead_unit"):
                item["lead_unit"] = named(item["lead_unit"])
            if item.get("coordinators"):
                item["coordinators"] = list(dict.fromkeys(named(c) for c in item["coordinators"]))
                task_tables.keep_apart(item)
            rewrite(item.get("children", []))

    rewrite(items)
    return True


def _collect_units(item: dict[str, Any], units: set[str]) -> None:
    if item.get("lead_unit"):
        units.add(item["lead_unit"])
    units.update(item.get("coordinators", []))
    for child in item.get("children", []):
        _collect_units(child, units)


def plan_document(entries: Sequence[Entry], fallback_title: str,
                  warnings: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    """The plan-file document (services.plan_file's format) the lines and task tables
    describe; what was skipped or not understood is added to `warnings`."""
    warnings = [] if warnings is None else warnings
    plan: dict[str, Any] = {"symbol": "KH-UBND"}
    body = _body_start(entries)
    header = [e for e in entries[:body] if isinstance(e, str)]
    decision = _decision_before_plan(header)
    if decision is None:
        _header(header, plan)
    else:
        _plan_issued_by_decision(header, decision, plan)
    # No heading: the symbol says the type ("…/TB-UBND" a notice); a plan by default.
    plan.setdefault("doc_type", _SYMBOL_TYPES.get(plan["symbol"].split("-")[0].upper(),
                                                  "KẾ HOẠCH"))  # fmt: skip
    roots, closing, after = _tree(entries[body:], warnings)
    if closing and (closing[0].startswith("Trên đây là") or closing[0].endswith("./.")):
        plan["closing_text"] = closing[0]
        closing = closing[1:]
    signed = {k: plan[k] for k in ("signer_name", "signer_title", "signer_authority",
                                   "recipients") if plan.get(k)}  # fmt: skip
    _closing(closing, plan)
    for key, value in signed.items():  # the decision's signature when the plan has none
        if not plan.get(key):
            plan[key] = value
    appendix_only = plan.pop("appendix_only", False)
    attached_to = plan.pop("attached_to", None)
    if appendix_only and attached_to:
        plan["doc_type"] = attached_to if attached_to in _PLAN_TYPES else plan["doc_type"]
    if not plan.get("title"):
        plan["title"] = fallback_title
    last = len(roots)
    for number, root in enumerate(roots, start=1):
        explaining = root.title.upper().startswith(_EXPLAINING_PARTS)
        organising = (number == last and number > 1) or fold(root.title).startswith(
            "to chuc thuc hien"
        )
        _settle([root], explaining, organising, {}, warnings)
    roots.extend(_appendices(after, warnings))
    units: set[str] = set()
    items = [_item_document(r, units, warnings) for r in roots]
    if _one_spelling(items):
        units = set()
        for item in items:
            _collect_units(item, units)
    return {"format": FORMAT, "version": VERSION, "plan": plan, "periods": [], "items": items,
            "units": [{"name": n} for n in sorted(units)]}  # fmt: skip


def _decision_before_plan(header: list[str]) -> int | None:
    """Where the plan's own heading stands when a decision issues it ("QUYẾT ĐỊNH Về việc
    ban hành Kế hoạch…", its articles and signature, then "KẾ HOẠCH (Ban hành kèm theo
    Quyết định số …)"); None when the document starts as a plan."""
    kinds = [(i, kind) for i, line in enumerate(header) if (kind := _doc_type(line))]
    if len(kinds) < 2 or kinds[0][1] in _PLAN_TYPES:
        return None
    plans_at = [i for i, kind in kinds[1:] if kind in _PLAN_TYPES]
    return plans_at[-1] if plans_at else None


def _plan_issued_by_decision(header: list[str], at: int, plan: dict[str, Any]) -> None:
    """The plan's header from its own heading on; what it leaves out (the issuing body,
    place, date, the bases, the signer) from the decision that issues it."""
    decision: dict[str, Any] = {"symbol": ""}
    before = header[:at]
    end = next((i for i, line in enumerate(before) if _closes(line)), len(before))
    _header(before[:end], decision)
    _closing(before[end:], decision)
    _header(header[at:], plan)
    bases = [b for b in decision.get("legal_bases", []) if fold(b).startswith("can cu")]
    plan["legal_bases"] = bases + plan.get("legal_bases", [])
    for key in ("issuing_body", "place", "issue_date_text", "issue_date", "year", "number",
                "signer_name", "signer_title", "signer_authority", "recipients"):  # fmt: skip
        if decision.get(key) and not plan.get(key):
            plan[key] = decision[key]
    if plan.get("symbol") in (None, "KH-UBND") and decision.get("symbol"):
        plan.setdefault("number", decision.get("number", ""))
        plan["symbol"] = decision["symbol"]


def _count(items: list[dict[str, Any]], kind: str) -> int:
    return sum((i["kind"] == kind) + _count(i.get("children", []), kind) for i in items)


def preview_tree(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items as they will be added, numbered as the plan numbers them (I., 1., a),
    -, +), with the fields a reader checks: kind, title, lead, coordinators, deadline as
    written and the due date it gives."""
    from functools import lru_cache

    from dienchau_desktop.core.deadline import format_date, parse_deadline
    from dienchau_desktop.core.numbering import label, style_for_depth

    parsed = lru_cache(maxsize=None)(parse_deadline)  # a table repeats its few forms

    def walk(nodes: list[dict[str, Any]], depth: int) -> list[dict[str, Any]]:
        out = []
        position = 0
        for node in nodes:
            number = ""
            if node["kind"] != "text":
                position += 1
                number = label(style_for_depth(depth), position)
            entry: dict[str, Any] = {"number": number, "kind": node["kind"],
                                     "title": node["title"]}  # fmt: skip
            if node["kind"] == "task":
                deadline = parsed(node["deadline"]) if node.get("deadline") else None
                entry.update(lead_unit=node.get("lead_unit", ""),
                             coordinators=node.get("coordinators", []),
                             deadline=deadline.text if deadline else "",
                             due_date=format_date(deadline.due) if deadline else "")  # fmt: skip
                for key in ("expected_product", "responsible_person", "notes"):
                    if node.get(key):
                        entry[key] = node[key]
            if node.get("children"):
                entry["children"] = walk(node["children"], depth + 1)
            out.append(entry)
        return out

    return walk(items, 1)


class _Undo(Exception):
    """Unwinds a rehearsal's transaction."""


class _Rehearsal:
    """The data file seen through transactions that are always rolled back. A dry run
    adds the plan through it exactly as the import would, so it refuses whatever the
    import would refuse (an overlong title, a bad field, a locked file…), with the same
    words, and keeps nothing. Everything but `write` is the data file's own."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)

    @contextlib.contextmanager
    def write(self, *args: Any, **kwargs: Any) -> Iterator[Session]:
        try:
            with self._db.write(*args, **kwargs) as session:
                yield session
                raise _Undo
        except _Undo:
            pass


@dataclass(frozen=True, slots=True)
class ReadPlan:
    """A document read once into the plan it describes: what is reviewed, rehearsed and
    added is this, not the file read again (it may have changed on disk meanwhile)."""

    path: Path
    document: dict[str, Any]
    warnings: list[str]

    @property
    def doc_type(self) -> str:
        return str(self.document["plan"]["doc_type"])


def read_plan(path: Path, *, as_plan: bool = False) -> ReadPlan:
    """Read `path` into its plan document; nothing is written. A document whose heading
    says it is not a plan (THÔNG BÁO, BÁO CÁO…) is refused (`NotAPlanError`) unless
    `as_plan`: its numbered points are then read as tasks."""
    entries = read_document(path)
    warnings: list[str] = []
    with _refusals(path):
        document = plan_document(entries, path.stem, warnings)
    doc_type = document["plan"]["doc_type"]
    if doc_type not in _PLAN_TYPES and not as_plan:
        raise NotAPlanError(
            f"Tệp «{path.name}»: là một {doc_type}, không phải kế hoạch.",
            "Nếu vẫn muốn lấy các điểm đánh số của nó làm nhiệm vụ, hãy nhập bằng dòng lệnh "
            "với --as-plan. Tệp dữ liệu không bị thay đổi.",
            read=ReadPlan(path, document, warnings) if document["items"] else None,
        )
    return _checked_items(path, ReadPlan(path, document, warnings))


def _checked_items(path: Path, read: ReadPlan) -> ReadPlan:
    """`read`, unless no item was found in it."""
    document = read.document
    if not document["items"]:
        raise _fail(path, "không tìm thấy phần nào đánh số I., II., … hay bảng nhiệm vụ nào nên "
                    "không nhận ra kế hoạch.",
                    "Kế hoạch cần các phần I., II., III. và các mục 1., 2., a), b)…, hoặc một "
                    "bảng có cột STT, Nội dung/Nhiệm vụ và Chủ trì/Thời gian.")  # fmt: skip
    return read


@heap.collection_paused()
def add_read_plan(db: Database, read: ReadPlan, *, dry_run: bool = False) -> PlanSummary:
    """Add the plan `read` describes; nothing else in the file changes. A `dry_run` goes
    through every step of adding, the writing included, and rolls it back. The document
    is not changed (services.plan_file copies what it takes)."""
    document = read.document
    items = document["items"]
    target = cast(Database, _Rehearsal(db)) if dry_run else db
    stored = load_plan_document(target, document, source=read.path.name)
    plan_id = None if dry_run else stored
    return PlanSummary(
        file=str(read.path), plan_id=plan_id, title=document["plan"]["title"],
        sections=_count(items, "section"), tasks=_count(items, "task"),
        texts=_count(items, "text"), units=len(document["units"]), dry_run=dry_run,
        doc_type=read.doc_type, tree=preview_tree(items), warnings=list(read.warnings),
    )  # fmt: skip


@heap.collection_paused()
def import_plan(db: Database, path: Path, *, dry_run: bool = False,
                as_plan: bool = False) -> PlanSummary:  # fmt: skip
    """Read `path` and add its plan (`read_plan`, then `add_read_plan`)."""
    return add_read_plan(db, read_plan(path, as_plan=as_plan), dry_run=dry_run)
