"""Task tables (bảng nhiệm vụ) of a plan, in Word or Excel, into sections and tasks.

Offices list the tasks of a plan in a table, in the body, after the signature as an
appendix ("PHỤ LỤC … DANH MỤC NHIỆM VỤ"), or as the whole document. The table is
known by its header's words, not its place: a column of numbers (STT, TT), one of
tasks (Nội dung, Tên nhiệm vụ, Nhiệm vụ, giải pháp…), and at least one of the lead
(Cơ quan / Đơn vị chủ trì, … thực hiện), the coordinators (… phối hợp) or the time
(Thời gian, Thời hạn, Tiến độ); a header over two rows ("Cơ quan thực hiện" above
"Chủ trì" | "Phối hợp") is read as one. The header table of the document and the
signature table have none of these, and stay paragraphs.

Rows: a row numbered deeper than the one before it (A > I > 1 > 1.1 > 1.1.1 > a > -)
is nested under it; a row with rows nested under it, a row spanning the table, or a
row numbered A, B or I, II with nothing in its other cells is a group (a section);
any other row is a task, its cells its fields. A group's lead or deadline goes to its
tasks that name none. The rows Word repeats on each page, the column-number row
("(1) (2) (3)…"), and the header repeated in the next table after a page break are
skipped; a row with no number whose text starts in lower case continues the row
before it (a row cut by the page). Coordinators are split on ";" and "," (but "Các
sở, ban, ngành" and "UBND các xã, phường" are one name each). A deadline is kept as
written and its due date computed by core.deadline; one the rules cannot read is kept
in the task's notes, with a warning, and no date is invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dienchau_desktop.core.deadline import parse_deadline
from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.folding import fold

#: A unit's name as the data file keeps it (Unit.name is 300); longer is a sentence.
MAX_UNIT_NAME = 200

#: Words a unit's name starts with (folded), at any level of government.
UNIT_WORDS = (
    "so ", "bo ", "ban ", "ubnd", "uy ban", "cong an", "trung tam", "phong ", "hoi ", "doan ",
    "truong", "van phong", "cuc ", "chi cuc", "vien ", "bao hiem", "ngan hang", "lien doan",
    "lien hiep", "mat tran", "bao ", "dai ", "co quan", "don vi", "cac ", "tinh ", "thanh pho",
    "huyen", "xa ", "phuong", "quan su", "bo chi huy", "bo doi", "kho bac", "toa an",
    "thanh tra", "cong ty", "tong cong ty", "tap doan", "hiep hoi", "dang uy", "hdnd",
    "hoi dong", "tram", "chi nhanh", "ky niem", "thu truong", "chu tich", "giam doc",
    "vpubnd", "bchqs", "mttq", "ubmttq", "lien minh", "quy ", "benh vien", "hai quan",
    "thue", "cac so", "to ", "thon", "khoi ", "nha truong", "ban chi dao", "bch",
)  # fmt: skip


def is_unit_start(text: str) -> bool:
    """Does `text` start the way a unit's name does ("Sở …", "UBND …", "Các sở…")?"""
    text = text.lstrip("-–+• ")
    folded = fold(text)
    # "Xã hội" (in "Lao động - Thương binh và Xã hội") is not a commune.
    return text[:1].isupper() and folded.startswith(UNIT_WORDS) and not folded.startswith("xa hoi")


def unit_names(listed: str) -> list[str]:
    """ "Sở A; Sở B, UBND các xã, phường và các cơ quan liên quan" → [Sở A, Sở B, UBND các
    xã, phường]: the named units in order, without the catch-all tails ("và các …", ", các
    sở, ngành liên quan"), which name none. After ",", a piece starting in capitals is
    another unit, except in the names that hold a comma ("Sở Văn hóa, Thể thao và Du
    lịch", "Phát thanh, Truyền hình"); after " và ", only a piece starting like a unit's
    name ("Sở …", "Công an …") is another unit ("Sở Tài nguyên và Môi trường" is one)."""
    return list(_unit_names(listed))


#: Names with a comma inside: (the folded end before it, the folded start after it).
_COMMA_NAMES = (("van hoa", "the thao"), ("van hoa", "thong tin"), ("phat thanh", "truyen hinh"),
                ("khoa hoc", "cong nghe"), ("giao duc", "dao tao"))  # fmt: skip
_SEPARATOR = re.compile(r"(,|\s+và\s+)")


@lru_cache(maxsize=4096)
def _unit_names(listed: str) -> tuple[str, ...]:
    # Cached: a table names the same few dozen units in row after row.
    names: list[str] = []
    for part in re.split(r"[;\n]", listed):
        part = re.sub(r"\([^()]*\)", "", part).strip().strip("-–+•").strip()
        part = part.split(" và các ")[0].split(" và đơn vị ")[0]
        joined: list[str] = []
        separator = ""
        dropping = False  # inside ", các sở, ngành liên quan": a catch-all, no name
        for piece in _SEPARATOR.split(part):
            if _SEPARATOR.fullmatch(piece):
                separator = piece
                continue
            piece = piece.strip().rstrip(".")
            if not piece:
                continue
            if piece.startswith("các ") or (dropping and piece[:1].islower()):
                dropping = True
                continue
            dropping = False
            if joined and _continues_name(joined[-1], separator, piece):
                glue = ", " if separator == "," else " và "
                joined[-1] = f"{joined[-1]}{glue}{piece}"
            else:
                joined.append(piece)
        for name in joined:
            name = name.strip().rstrip(".,;:")
            if name and not name[0].islower() and len(name) <= MAX_UNIT_NAME:
                names.append(name)
    unique: list[str] = []
    seen: set[str] = set()
    for name in names:
        key = fold(name)
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return tuple(unique)


def _continues_name(before: str, separator: str, piece: str) -> bool:
    """Does `piece`, after `separator`, go on with the unit's name `before`?"""
    if piece[:1].islower():
        return True
    if separator == ",":
        end, start = fold(before), fold(piece)
        return any(end.endswith(a) and start.startswith(b) for a, b in _COMMA_NAMES)
    # "Văn phòng HĐND và UBND xã" is one office, whatever follows its "và".
    return fold(before).startswith("van phong") or not is_unit_start(piece)


def deadline_fields(written: str, where: str, warnings: list[str]) -> dict[str, str]:
    """The task fields a deadline as written gives: `deadline` when core.deadline reads
    it (the text kept as written, the due date computed); else the text in `notes`,
    and a warning naming `where`. Nothing is guessed."""
    written = " ".join(written.split()).strip(" .;,")
    if not written:
        return {}
    readable = _readable_deadline(written)
    if readable is not None:
        return {"deadline": readable}
    warnings.append(f"{where}: không hiểu thời hạn «{written[:120]}», giữ ở phần ghi chú.")
    return {"notes": f"Thời hạn: {written}"}


@lru_cache(maxsize=4096)
def _readable_deadline(written: str) -> str | None:
    """`written`, or its part before a parenthesis, when core.deadline reads it."""
    for candidate in (written, written.split("(")[0].strip()):
        if not candidate:
            continue
        try:
            if parse_deadline(candidate) is not None:
                return candidate
        except ValidationError:
            continue
    return None


# ------------------------------------------------------------------ the header


def _header_field(text: str) -> str | None:
    key = fold(text).strip(" .:*")
    if not key:
        return None
    if key in ("stt", "tt", "so tt", "so thu tu", "thu tu", "s tt"):
        return "number"
    if "phoi hop" in key:
        return "coordinators"
    if "chu tri" in key or key.startswith(("co quan thuc hien", "don vi thuc hien",
                                           "co quan thuc hien", "don vi", "co quan")):  # fmt: skip
        return "lead"
    if key.startswith(("thoi gian", "thoi han", "tien do", "han hoan thanh", "moc thoi gian")):
        return "deadline"
    if key.startswith(("san pham", "ket qua", "hinh thuc van ban", "dau ra")):
        return "product"
    if key.startswith(("nguoi chiu trach nhiem", "lanh dao phu trach", "nguoi phu trach")):
        return "person"
    if key.startswith(("kinh phi", "nguon kinh phi", "nguon von")):
        return "funding"
    if key.startswith("ghi chu"):
        return "notes"
    if key.startswith(("noi dung", "nhiem vu", "ten nhiem vu", "ten ", "giai phap",
                       "hoat dong", "cong viec", "de an", "chi tieu", "cac nhiem vu",
                       "nhom nhiem vu", "danh muc")):  # fmt: skip
        return "title"
    return None


@dataclass(slots=True)
class Columns:
    """Which grid column holds each field (absent: the table has no such column)."""

    at: dict[str, int]
    width: int


def _columns(cells: Sequence[str]) -> Columns | None:
    found: dict[str, int] = {}
    for index, text in enumerate(cells):
        name = _header_field(text) if len(text) < 120 else None
        if name is not None and name not in found:
            found[name] = index
    if "title" in found and ({"lead", "coordinators", "deadline"} & set(found)):
        return Columns(found, len(cells))
    return None


def header_of(rows: Sequence[Sequence[str]], search: int = 6) -> tuple[Columns, int] | None:
    """The columns a table's header names, and how many rows it takes; None when no
    row near the top is a task table's header. `rows`: each row's cell texts by grid
    column, a spanned cell's text in every column it covers."""
    for index, row in enumerate(rows[:search]):
        columns = _columns(row)
        if columns is None:
            continue
        used = index + 1
        if used < len(rows):  # a second header row: "Chủ trì" | "Phối hợp" under one cell
            below = rows[used]
            fields = {_header_field(text) for text in below if text}
            number = below[columns.at["number"]] if "number" in columns.at else ""
            # Every filled cell a header's word ("Chủ trì", "Phối hợp"), no number: not a
            # group row ("I" | "NHÓM NHIỆM VỤ…") nor a task.
            if fields and None not in fields and not number.strip():
                combined = [f"{a} {b}".strip() if a != b else a
                            for a, b in zip(row, below, strict=False)]  # fmt: skip
                columns = _columns(combined) or columns
                used += 1
        return columns, used
    return None


# ------------------------------------------------------------------ the rows

_ROMAN_NUMBER = re.compile(r"^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_LABEL_IN_TITLE = re.compile(
    r"^((?:[A-Z]|[IVXLC]+|\d{1,3}(?:\.\d{1,3}){0,3}|[a-zđ]))[.)]\s+(\S.*)$", re.DOTALL
)


def number_level(number: str) -> int | None:
    """How deep a row's number puts it: A/B 0, I/II 1, 1/2 2, 1.1 3, 1.1.1 4, a/b 6,
    "-" 7, "+" 8; None when there is no number."""
    text = number.strip().rstrip(".)").strip()
    if not text:
        return None
    if text in ("-", "–", "•", "*"):
        return 7
    if text == "+":
        return 8
    if _ROMAN_NUMBER.match(text) and text not in ("C", "L"):
        return 1
    if len(text) == 1 and "A" <= text <= "Z":
        return 0
    if re.fullmatch(r"\d{1,4}", text):
        return 2
    if re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){1,3}", text):
        return 2 + text.count(".")
    if re.fullmatch(r"[a-zđ]", text):
        return 6
    return None


@dataclass(slots=True)
class Row:
    """One row of a task table, by field."""

    number: str
    cells: dict[str, str]
    spanning: bool  # one cell across (nearly) the whole table: a group's heading
    where: str


def rows_of(grid: Sequence[Sequence[tuple[str, int]]], columns: Columns, skip: int,
            where: str) -> list[Row]:  # fmt: skip
    """The rows of a table after its header (`skip` rows), each cell taken by its grid
    column. `grid`: each row's cells as (text, columns spanned)."""
    rows: list[Row] = []
    for index, raw in enumerate(grid[skip:], start=skip + 1):
        texts: list[str] = []
        for text, span in raw:
            texts.append(text)
            texts.extend([""] * (span - 1))
        if _is_column_numbers(texts) or _columns(_replicated(raw)) is not None:
            continue  # "(1) (2) (3)…", or the header again after a page break
        cells = {name: texts[at].strip() for name, at in columns.at.items() if at < len(texts)}
        filled = [t for t in texts if t.strip()]
        spanning = (len(raw) <= 2 and any(span >= max(2, columns.width - 1) for _t, span in raw)
                    and len(filled) == 1)  # fmt: skip
        # A heading typed in the number column, the row merged across in Excel (whose
        # merges are not read): "I. CHÍNH QUYỀN SỐ" alone, the task column empty.
        number = cells.get("number", "")
        if (len(filled) == 1 and number and not cells.get("title")
                and number_level(number) is None and len(number) > 4):  # fmt: skip
            spanning = True
        if spanning:
            cells = {"title": filled[0].strip()}
        if not any(cells.values()):
            continue
        rows.append(Row(cells.pop("number", ""), cells, spanning, f"{where}, dòng {index}"))
    return rows


def _replicated(raw: Sequence[tuple[str, int]]) -> list[str]:
    out: list[str] = []
    for text, span in raw:
        out.extend([text] * span)
    return out


def _is_column_numbers(texts: Sequence[str]) -> bool:
    filled = [t.strip() for t in texts if t.strip()]
    return len(filled) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", t) for t in filled)


@dataclass
class _Group:
    level: float
    item: dict[str, Any]
    inherited: dict[str, Any] = field(default_factory=dict)


_FIELD_KEYS = {"product": "expected_product", "person": "responsible_person",
               "funding": "funding_source"}  # fmt: skip


def table_items(rows: Sequence[Row], warnings: list[str]) -> list[dict[str, Any]]:
    """The rows as plan-file items (services.plan_file): groups as sections holding
    their rows, rows as tasks with their fields."""
    joined = _joined(rows)
    levels: list[float | None] = []
    for row in joined:
        level: float | None = number_level(row.number)
        if level is None and (row.spanning or not row.number):
            label = _LABEL_IN_TITLE.match(row.cells.get("title", ""))
            if label and (row.spanning or number_level(label.group(1)) in (0, 1)):
                level = number_level(label.group(1))
                row.number, row.cells["title"] = label.group(1), label.group(2).strip()
            elif row.spanning:
                level = 0.5
        levels.append(level)
    roots: list[dict[str, Any]] = []
    stack: list[_Group] = []
    # The level of the next numbered row after each row (one pass from the end).
    following_levels: list[float | None] = []
    following: float | None = None
    for found in reversed(levels):
        following_levels.append(following)
        following = found if found is not None else following
    following_levels.reverse()
    for index, row in enumerate(joined):
        level = levels[index]
        following = following_levels[index]
        has_fields = any(row.cells.get(k) for k in ("lead", "coordinators", "deadline",
                                                    "product"))  # fmt: skip
        is_group = (
            row.spanning
            or (level is not None and following is not None and following > level)
            or (level is not None and level <= 1 and not has_fields)
        )
        own_level = level if level is not None else 99.0
        while stack and stack[-1].level >= own_level:
            stack.pop()
        inherited = stack[-1].inherited if stack else {}
        siblings = stack[-1].item["children"] if stack else roots
        title = " ".join(row.cells.get("title", "").split())
        if not title:
            warnings.append(f"{row.where}: dòng không có tên nhiệm vụ, bỏ qua.")
            continue
        fields = _fields(row, warnings)
        if is_group:
            item: dict[str, Any] = {
                "kind": "section",
                "title": title,
                "children": [],
                "_fields": fields,
            }
            siblings.append(item)
            stack.append(_Group(own_level, item, {**inherited, **fields}))
        else:
            task = {"kind": "task", "title": title, **{k: v for k, v in inherited.items()
                                                        if k not in fields}, **fields}  # fmt: skip
            keep_apart(task)
            siblings.append(task)
    _drop_empty(roots)
    return roots


def _fields(row: Row, warnings: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    leads = unit_names(row.cells.get("lead", ""))
    coordinators = unit_names(row.cells.get("coordinators", ""))
    if leads:
        fields["lead_unit"] = leads[0]
        coordinators = leads[1:] + coordinators
    elif row.cells.get("lead"):
        lead = row.cells["lead"][:80]
        warnings.append(f"{row.where}: không nhận ra đơn vị chủ trì trong «{lead}».")
    if coordinators:
        fields["coordinators"] = coordinators
    if row.cells.get("deadline"):
        fields.update(deadline_fields(row.cells["deadline"], row.where, warnings))
    for name, key in _FIELD_KEYS.items():
        if row.cells.get(name):
            fields[key] = row.cells[name]
    if row.cells.get("notes"):
        fields["notes"] = "\n".join(filter(None, [fields.get("notes", ""), row.cells["notes"]]))
    return fields


def keep_apart(task: dict[str, Any]) -> None:
    """The lead is not also a coordinator of the same task (the data file refuses it)."""
    lead = fold(task.get("lead_unit", ""))
    if "coordinators" in task:
        kept = [c for c in task["coordinators"] if fold(c) != lead]
        if kept:
            task["coordinators"] = kept
        else:
            del task["coordinators"]


def _joined(rows: Sequence[Row]) -> list[Row]:
    """Rows with a row cut by a page break put back together: a row with no number
    whose task text is empty or starts in lower case continues the row before."""
    out: list[Row] = []
    for row in rows:
        title = row.cells.get("title", "")
        if (out and not row.number and not row.spanning and not out[-1].spanning
                and (not title or title[:1].islower())):  # fmt: skip
            previous = out[-1]
            for name, text in row.cells.items():
                if text:
                    before = previous.cells.get(name, "")
                    previous.cells[name] = f"{before} {text}".strip() if before else text
            continue
        out.append(row)
    return out


def _drop_empty(items: list[dict[str, Any]]) -> None:
    """A group left without rows (a heading row nothing follows) is a task: a point
    with nothing under it is work to do, with the fields of its own row."""
    for item in items:
        fields = item.pop("_fields", {})
        if item.get("children"):
            _drop_empty(item["children"])
        elif item["kind"] == "section":
            item["kind"] = "task"
            item.pop("children", None)
            item.update(fields)
            keep_apart(item)
