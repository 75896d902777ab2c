"""A plan read from the document it arrives as (.docx or .txt) into a new plan.

The administrative layout carries the structure (Decree 30/2020): the header (issuing
body, "Số: …/KH-UBND", place and date, "KẾ HOẠCH", the title), the legal bases, then
I., II., III. parts; 1., 2. items; a), b) points; "-" and "+" lines; and the closing
("Trên đây là…", "Nơi nhận:", the signature). From that:
- every numbered line and every "-" line ending with ":" that heads "+" lines is a
  section; the other paragraphs are tasks, except where they explain rather than
  assign: the purposes and requirements (part I, "Mục tiêu", "Mục đích", "Yêu cầu"),
  the "Tổ chức thực hiện" lines of a point, and an introduction standing before the
  sub-points of a section;
- "Người chịu trách nhiệm: …", "Cơ quan chủ trì …: …", "Cơ quan phối hợp: …" under a
  point's "Tổ chức thực hiện" apply to the tasks of that point; in the last part, a
  numbered heading naming a unit ("1. Công an xã") makes it the lead of its tasks;
- a paragraph starting in lower case continues the one before (a page break in the
  source).
Deadlines are not guessed: the secretary sets them in the form. The document is only
read; the plan is added in one transaction (services.plan_file), or not at all.
"""

from __future__ import annotations

import contextlib
import errno
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from xml.parsers import expat

from sqlalchemy.orm import Session

from dienchau_desktop import heap
from dienchau_desktop.core.errors import BadInputFileError, os_reason
from dienchau_desktop.core.periods import year_named
from dienchau_desktop.core.text import MAX_LONG_TEXT
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers.bounded import (
    Limits,
    Refused,
    TextDecodeError,
    irregular,
    member_chunks,
    open_zip,
    text_lines,
    word_lines,
)
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
#: directly; their .docx is 100 pages, ~2,600 paragraphs.)
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
_ARABIC = re.compile(r"^(\d{1,3})\.(?!\d)\s*(.+)$")  # not "1.000 hộ dân…"
_LETTER = re.compile(r"^([a-zđ])\)\s*(.+)$")
_DASH = re.compile(r"^[-–—•]\s*(.+)$")
_PLUS = re.compile(r"^\+\s*(.+)$")
# "[^/]*" takes the spaces after the colon too: a "\s*" before it made a line of
# spaces without "/" cost time as the square of its length (5 s for 19,000 spaces).
_NUMBER = re.compile(r"^Số\s*:([^/]*)/\s*(\S+)", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^([^,]{2,60}),\s*(ngày.*năm\s+(\d{4}))\s*$", re.IGNORECASE)
_DOC_TYPES = ("KẾ HOẠCH", "BÁO CÁO", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "QUYẾT ĐỊNH")
_EXPLAINING = ("mục tiêu", "mục đích", "yêu cầu", "tổ chức thực hiện", "kết quả đạt được")
_UNIT_WORDS = ("phòng", "công an", "trung tâm", "ban ", "ubnd", "ủy ban", "hội ", "đoàn",
               "trường", "văn phòng", "các trường", "quân sự", "trạm", "mặt trận")  # fmt: skip


@dataclass
class _Node:
    kind: str  # "section", "task" or "text"
    title: str
    level: int  # 1 part, 2 item, 3 point, 4 "-" line, 5 "+" line, 6 plain paragraph
    children: list[_Node] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    #: Lines that continue the title (a page break cut the paragraph), joined once at the
    #: end: joining each as it comes copies the title again and again (quadratic).
    continued: list[str] = field(default_factory=list)
    length: int = 0


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


def _docx_lines(path: Path) -> list[str]:
    """The paragraphs of a .docx in order (table cells included), a line break inside a
    paragraph splitting it, as Word shows it; read as a stream within `LIMITS`."""
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
                return word_lines(chunks, LIMITS)
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


def read_lines(path: Path) -> list[str]:
    """The document's non-empty lines, NFC, without Markdown-style emphasis marks or
    characters that are never text; each line, their number and the file's size bounded."""
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
        lines = _docx_lines(path)
    elif suffix in {".txt", ""}:
        lines = _text_lines(path)
    else:
        raise _fail(path, f"dạng tệp «{suffix}» chưa đọc được.", "Hãy dùng tệp .docx hoặc .txt.")
    cleaned = []
    for line in lines:
        line = unicodedata.normalize("NFC", line).replace("\u00a0", " ")
        line = _NONCHARACTERS.sub("", line)
        line = re.sub(r"\*{1,3}", "", line).strip()
        line = re.sub(r"^-\s+(?=\+)", "", line)  # "- + item": a "+" line written as a list
        if line:
            if len(line) > MAX_LONG_TEXT:
                raise _too_long(path, line)
            cleaned.append(line)
    return cleaned


def _too_long(path: Path, paragraph: str) -> BadInputFileError:
    refused = _too_long_refusal(paragraph, len(paragraph))
    return _fail(path, refused.reason, refused.hint)


def _too_long_refusal(paragraph: str, length: int) -> Refused:
    return Refused(f"đoạn «{paragraph[:60].strip()}…» dài {_number(length)} ký tự, quá giới hạn "
                   f"{_number(MAX_LONG_TEXT)} ký tự của một mục.",
                   "Hãy tách đoạn đó thành nhiều mục (một dòng bắt đầu bằng chữ thường được "
                   "nối vào đoạn trước nó). Tệp dữ liệu không bị thay đổi.")  # fmt: skip


def _unit_names(listed: str) -> list[str]:
    """ "A; B, C và các cơ quan, đơn vị liên quan khác" → [A, B, C]: the named units,
    without the catch-all tail, which names none."""
    names = []
    for part in re.split(r"[;,]", listed):
        name = part.split(" và các ")[0].strip().rstrip(".")
        if name and not name[0].islower():
            names.append(name)
    return names


def _is_unit_name(title: str) -> bool:
    lowered = title.lower()
    return len(title) <= 80 and lowered.startswith(_UNIT_WORDS)


def _explains(node: _Node) -> bool:
    return node.title.lower().rstrip(":").strip() in _EXPLAINING


def _header(lines: list[str], plan: dict[str, Any]) -> int:
    """Fill the plan's header fields; return the index of the first part heading."""
    body = next((i for i, line in enumerate(lines) if _ROMAN.match(line)
                 and _ROMAN.match(line).group(1)), len(lines))  # fmt: skip
    issuing: list[str] = []
    title: list[str] = []
    bases: list[str] = []
    stage = "issuer"
    for line in lines[:body]:
        number = _NUMBER.match(line)
        place_date = _PLACE_DATE.match(line)
        if line.upper().startswith("CỘNG HÒA") or line.startswith("Độc lập"):
            continue
        if number:
            plan["number"], plan["symbol"] = number.group(1).strip(), number.group(2).strip()
            stage = "after-number"
        elif place_date:
            plan["place"], plan["issue_date_text"] = place_date.group(1), place_date.group(2)
            plan["year"] = int(place_date.group(3))
        elif line.upper() in _DOC_TYPES:
            plan["doc_type"] = line.upper()
            stage = "title"
        elif stage == "issuer" and line == line.upper():
            issuing.append(line)
        elif stage == "title" and not line.lower().startswith("căn cứ"):
            title.append(line)
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
    return body


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
            recipients.append(_DASH.match(line).group(1).rstrip(";."))
        else:
            in_recipients = False
            signature.append(line)
    plan["recipients"] = recipients
    authority = [s for s in signature if s.upper().startswith(("TM.", "KT.", "TL.", "Q."))]
    if authority:
        plan["signer_authority"] = authority[0]
        after = signature[signature.index(authority[0]) + 1 :]
        titles = [s for s in after if s == s.upper()]
        if titles:
            plan["signer_title"] = titles[0]
        names = [s for s in after if s != s.upper()]
        if names:
            plan["signer_name"] = names[-1]


def _tree(lines: list[str]) -> tuple[list[_Node], list[str]]:
    """The body's items, and the lines of the closing."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    previous: _Node | None = None
    made: list[_Node] = []
    closing: list[str] = []
    for index, line in enumerate(lines):
        if line.startswith("Trên đây là") or line.lower().startswith("nơi nhận"):
            closing = lines[index:]
            break
        roman, arabic, letter = _ROMAN.match(line), _ARABIC.match(line), _LETTER.match(line)
        dash, plus = _DASH.match(line), _PLUS.match(line)
        if roman and roman.group(1):
            node = _Node("section", roman.group(2), 1)
        elif arabic:
            node = _Node("section", arabic.group(2), 2)
        elif letter:
            node = _Node("section", letter.group(2), 3)
        elif plus:
            node = _Node("task", plus.group(1), 5)
        elif dash:
            node = _Node("task", dash.group(1), 4)
        elif previous is not None and line[:1].islower():
            previous.continued.append(line)  # a page break cut the paragraph
            previous.length += 1 + len(line)
            if previous.length > MAX_LONG_TEXT:
                raise _too_long_refusal(previous.title, previous.length)
            continue
        else:
            node = _Node("task", line, 6)
        node.length = len(node.title)
        while stack and stack[-1].level >= node.level:
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
    return roots, closing


def _settle(nodes: list[_Node], explaining: bool, last_part: bool,
            inherited: dict[str, Any]) -> None:  # fmt: skip
    """Decide tasks and texts, and hand the "Tổ chức thực hiện" fields down.
    `explaining`: the part states purposes (part I); `last_part`: its numbered items
    are the units' duties."""
    for node in nodes:
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
                    fields["coordinators"] = _unit_names(value)
        if node.level == 2 and last_part and _is_unit_name(node.title.rstrip(":")):
            fields["lead_unit"] = node.title.rstrip(":")
        has_sections = any(c.kind == "section" for c in node.children)
        for child in node.children:
            if child.kind == "section":
                continue
            if explaining or _explains(node) or (has_sections and child.level == 6):
                child.kind = "text"
            else:
                child.fields = fields
        _settle(node.children, explaining, last_part, fields)


def _item_document(node: _Node, units: set[str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"kind": node.kind, "title": node.title}
    if node.kind == "task":
        for key, value in node.fields.items():
            entry[key] = value
        if node.fields.get("lead_unit"):
            units.add(node.fields["lead_unit"])
        units.update(node.fields.get("coordinators", []))
    if node.children:
        entry["children"] = [_item_document(c, units) for c in node.children]
    return entry


def plan_document(lines: list[str], fallback_title: str) -> dict[str, Any]:
    """The plan-file document (services.plan_file's format) the lines describe."""
    plan: dict[str, Any] = {"doc_type": "KẾ HOẠCH", "symbol": "KH-UBND"}
    body = _header(lines, plan)
    roots, closing = _tree(lines[body:])
    if closing and closing[0].startswith("Trên đây là"):
        plan["closing_text"] = closing[0]
        closing = closing[1:]
    _closing(closing, plan)
    if not plan.get("title"):
        plan["title"] = fallback_title
    for number, root in enumerate(roots, start=1):
        explaining = root.title.upper().startswith(("MỤC ĐÍCH", "MỤC TIÊU", "YÊU CẦU"))
        _settle([root], explaining, number == len(roots) and number > 1, {})
    units: set[str] = set()
    items = [_item_document(r, units) for r in roots]
    return {"format": FORMAT, "version": VERSION, "plan": plan, "periods": [], "items": items,
            "units": [{"name": n} for n in sorted(units)]}  # fmt: skip


def _count(items: list[dict[str, Any]], kind: str) -> int:
    return sum((i["kind"] == kind) + _count(i.get("children", []), kind) for i in items)


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


@heap.collection_paused()
def import_plan(db: Database, path: Path, *, dry_run: bool = False) -> PlanSummary:
    """Read `path` and add its plan; nothing else in the file changes. A `dry_run` goes
    through every step of the import, the writing included, and rolls it back."""
    lines = read_lines(path)
    with _refusals(path):
        document = plan_document(lines, path.stem)
    items = document["items"]
    if not items:
        raise _fail(path, "không tìm thấy phần nào đánh số I., II., … nên không nhận ra kế hoạch.",
                    "Kế hoạch cần các phần I., II., III. và các mục 1., 2., a), b)…")  # fmt: skip
    target = cast(Database, _Rehearsal(db)) if dry_run else db
    stored = load_plan_document(target, document, source=path.name)
    plan_id = None if dry_run else stored
    return PlanSummary(
        file=str(path), plan_id=plan_id, title=document["plan"]["title"],
        sections=_count(items, "section"), tasks=_count(items, "task"),
        texts=_count(items, "text"), units=len(document["units"]), dry_run=dry_run,
    )  # fmt: skip
