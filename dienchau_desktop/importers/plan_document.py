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

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from dienchau_desktop import heap
from dienchau_desktop.core.errors import BadInputFileError
from dienchau_desktop.core.periods import year_named
from dienchau_desktop.db.database import Database
from dienchau_desktop.services.plan_file import FORMAT, VERSION, load_plan_document

MAX_FILE_BYTES = 50 * 1024 * 1024
#: word/document.xml unpacked: a 1,000-page plan is ~30 MB; more is a zip bomb.
MAX_XML_BYTES = 200 * 1024 * 1024
MAX_PARAGRAPHS = 200_000
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_ROMAN = re.compile(r"^(X{0,3}(?:IX|IV|V?I{0,3}))\.\s*(.+)$")
_ARABIC = re.compile(r"^(\d{1,3})\.(?!\d)\s*(.+)$")  # not "1.000 hộ dân…"
_LETTER = re.compile(r"^([a-zđ])\)\s*(.+)$")
_DASH = re.compile(r"^[-–—•]\s*(.+)$")
_PLUS = re.compile(r"^\+\s*(.+)$")
_NUMBER = re.compile(r"^Số\s*:\s*([^/]*)/\s*(\S+)", re.IGNORECASE)
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


def _docx_lines(path: Path) -> list[str]:
    """The paragraphs of a .docx in order (table cells included), a line break
    inside a paragraph splitting it, as Word shows it."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_XML_BYTES:
                raise _fail(path, "nội dung quá lớn để là một kế hoạch.")
            xml = archive.read(info)
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        hint = "Hãy lưu văn bản dạng .docx hoặc .txt."
        if path.suffix.lower() == ".doc":
            hint = "Tệp .doc (Word 97-2003): hãy mở bằng Word và lưu lại dạng .docx."
        raise _fail(path, "không phải tệp Word (.docx) đọc được.", hint) from exc
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise _fail(path, f"nội dung Word bị hỏng ({exc}).") from exc
    lines: list[str] = []
    for paragraph in root.iter(f"{_W}p"):
        parts: list[str] = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif node.tag == f"{_W}tab":
                parts.append(" ")
        lines.extend("".join(parts).split("\n"))
    return lines


def _text_lines(path: Path) -> list[str]:
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Older Vietnamese Windows text files are in code page 1258.
            text = raw.decode("cp1258", errors="replace")
    if "\x00" in text:
        raise _fail(path, "không phải văn bản (có ký tự nhị phân).")
    return text.splitlines()


def read_lines(path: Path) -> list[str]:
    """The document's non-empty lines, NFC, without Markdown-style emphasis marks."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _fail(path, f"không đọc được ({exc.strerror or exc}).") from exc
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
        line = re.sub(r"\*{1,3}", "", line).strip()
        line = re.sub(r"^-\s+(?=\+)", "", line)  # "- + item": a "+" line written as a list
        if line:
            cleaned.append(line)
    if len(cleaned) > MAX_PARAGRAPHS:
        raise _fail(path, f"có {len(cleaned)} đoạn, quá nhiều cho một kế hoạch.")
    return cleaned


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
    for index, line in enumerate(lines):
        if line.startswith("Trên đây là") or line.lower().startswith("nơi nhận"):
            return roots, lines[index:]
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
            previous.title = f"{previous.title} {line}"  # a page break cut the paragraph
            continue
        else:
            node = _Node("task", line, 6)
        while stack and stack[-1].level >= node.level:
            stack.pop()
        if node.level >= 4 and stack and stack[-1].kind == "task" and stack[-1].level < node.level:
            stack[-1].kind = "section"  # a "-" line heading "+" lines
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        previous = node
    return roots, []


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
    entry: dict[str, Any] = {"kind": node.kind, "title": node.title[:4000]}
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


@heap.collection_paused()
def import_plan(db: Database, path: Path, *, dry_run: bool = False) -> PlanSummary:
    """Read `path` and add its plan (unless `dry_run`); nothing else in the file changes."""
    lines = read_lines(path)
    document = plan_document(lines, path.stem)
    items = document["items"]
    if not items:
        raise _fail(path, "không tìm thấy phần nào đánh số I., II., … nên không nhận ra kế hoạch.",
                    "Kế hoạch cần các phần I., II., III. và các mục 1., 2., a), b)…")  # fmt: skip
    plan_id = None if dry_run else load_plan_document(db, document, source=path.name)
    return PlanSummary(
        file=str(path), plan_id=plan_id, title=document["plan"]["title"],
        sections=_count(items, "section"), tasks=_count(items, "task"),
        texts=_count(items, "text"), units=len(document["units"]), dry_run=dry_run,
    )  # fmt: skip
