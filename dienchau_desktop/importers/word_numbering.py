"""Word's automatic numbering (Đánh số tự động), computed as Word shows it.

A paragraph numbered by Word carries no "I." or "1.1." in its text: it names a list
(`w:numPr`: `w:numId`, `w:ilvl`), directly or through its style ("List Number",
"Heading 2"… in styles.xml, `w:basedOn` followed). numbering.xml says what each list's
levels look like (`w:abstractNum`/`w:lvl`: `w:numFmt` decimal, upperRoman, lowerLetter,
bullet…, `w:lvlText` such as "%1." "%1.%2." "%2)", `w:start`, `w:lvlRestart`, `w:isLgl`)
and which instance (`w:num`) restarts or overrides them (`w:lvlOverride`,
`w:startOverride`). Word counts per abstract list: two instances of one abstract list
continue each other unless one restarts. The label is put before the paragraph's text,
so the plan reads exactly as if the numbers had been typed.

Both parts are read as streams within small bounds; a DOCTYPE is refused (bounded).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from dienchau_desktop.core.numbering import roman
from dienchau_desktop.importers.bounded import Paragraph, Refused, member_chunks, parse_xml

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: numbering.xml and styles.xml as Word writes them are tens of kilobytes, a few
#: thousand elements; a template with every style ~1 MB.
MAX_PART_BYTES = 8 * 1024 * 1024
MAX_PART_ELEMENTS = 300_000
MAX_PART_DEPTH = 40
LEVELS = 9
#: Longest label kept ("%1.%2.%3.%4.%5.%6.%7.%8.%9." is ~30 characters).
MAX_LABEL = 60
_BULLETS_KEPT = {"-", "–", "+"}


@dataclass(slots=True)
class Level:
    """One level of a list: how its number looks and where it starts."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # w:lvlRestart: restart after this level (1-based); 0 never
    legal: bool = False  # w:isLgl: every number of the label in decimal
    style: str = ""  # w:pStyle: the paragraph style bound to this level


@dataclass(slots=True)
class _Instance:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride
    levels: dict[int, Level] = field(default_factory=dict)  # w:lvlOverride/w:lvl


@dataclass(slots=True)
class _Style:
    num_id: str | None = None
    level: int | None = None
    based_on: str = ""


class _PartReader:
    """Counts the elements and depth of a part as it streams (one reader per part)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.left = MAX_PART_ELEMENTS
        self.depth = 0

    def count(self) -> None:
        self.left -= 1
        self.depth += 1
        if self.left < 0 or self.depth > MAX_PART_DEPTH:
            raise Refused(f"phần «{self.name}» của tệp Word quá lớn hoặc lồng nhau quá sâu, "
                          "không phải một văn bản Word bình thường.")  # fmt: skip

    def up(self, _name: str) -> None:
        self.depth -= 1


def _value(attributes: list[str], name: str = "val") -> str:
    key = f"{_W}{name}"
    for index in range(0, len(attributes) - 1, 2):
        if attributes[index] == key:
            return attributes[index + 1]
    return ""


def _int(text: str, default: int) -> int:
    text = text.strip()
    if text.lstrip("-").isdigit() and len(text) < 6:
        return int(text)
    return default


class Numbering:
    """The lists of one document, and the counters that number its paragraphs in order."""

    def __init__(self) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # abstract → the style that defines it
        self.instances: dict[str, _Instance] = {}
        self.styles: dict[str, _Style] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()

    # ------------------------------------------------------------------ reading

    def read_numbering(self, chunks: Iterator[bytes]) -> None:
        reader = _PartReader("word/numbering.xml")
        state: dict[str, object] = {"abstract": None, "num": None, "level": None, "ilvl": 0}

        def start(name: str, attributes: list[str]) -> None:
            reader.count()
            local = name.rpartition("}")[2]
            if local == "abstractNum":
                key = _value(attributes, "abstractNumId")
                state["abstract"] = self.abstracts.setdefault(key, {})
                state["abstract_id"] = key
            elif local == "num":
                state["num"] = self.instances.setdefault(_value(attributes, "numId"), _Instance(""))
            elif local == "abstractNumId" and isinstance(state["num"], _Instance):
                state["num"].abstract = _value(attributes)
            elif local == "lvlOverride" and isinstance(state["num"], _Instance):
                state["ilvl"] = _int(_value(attributes, "ilvl"), 0)
            elif local == "startOverride" and isinstance(state["num"], _Instance):
                state["num"].starts[int(state["ilvl"])] = _int(_value(attributes), 1)  # type: ignore[call-overload]
            elif local == "lvl":
                level = Level()
                ilvl = _int(_value(attributes, "ilvl"), 0)
                if isinstance(state["num"], _Instance):
                    state["num"].levels[int(state["ilvl"])] = level  # type: ignore[call-overload]
                elif isinstance(state["abstract"], dict) and 0 <= ilvl < LEVELS:
                    state["abstract"][ilvl] = level
                state["level"] = level
            elif isinstance(state["level"], Level):
                level = state["level"]
                if local == "numFmt":
                    level.fmt = _value(attributes)
                elif local == "lvlText":
                    level.text = _value(attributes)[:MAX_LABEL]
                elif local == "start":
                    level.start = _int(_value(attributes), 1)
                elif local == "lvlRestart":
                    level.restart = _int(_value(attributes), 0)
                elif local == "isLgl":
                    level.legal = _value(attributes) not in ("0", "false", "off")
                elif local == "pStyle":
                    level.style = _value(attributes)
            elif local == "numStyleLink" and state["abstract"] is not None:
                self.style_links[str(state["abstract_id"])] = _value(attributes)

        def end(name: str) -> None:
            reader.up(name)
            local = name.rpartition("}")[2]
            if local == "lvl":
                state["level"] = None
            elif local == "abstractNum":
                state["abstract"] = None
            elif local == "num":
                state["num"] = None

        parse_xml(chunks, start, end)

    def read_styles(self, chunks: Iterator[bytes]) -> None:
        reader = _PartReader("word/styles.xml")
        current: list[_Style | None] = [None]

        def start(name: str, attributes: list[str]) -> None:
            reader.count()
            local = name.rpartition("}")[2]
            if local == "style":
                style = _Style()
                self.styles[_value(attributes, "styleId")] = style
                current[0] = style
            elif current[0] is not None:
                if local == "basedOn":
                    current[0].based_on = _value(attributes)
                elif local == "numId":
                    current[0].num_id = _value(attributes)
                elif local == "ilvl":
                    current[0].level = _int(_value(attributes), 0)

        def end(name: str) -> None:
            reader.up(name)
            if name.endswith("}style"):
                current[0] = None

        parse_xml(chunks, start, end)

    # ------------------------------------------------------------------ labelling

    def _style_list(self, style_id: str) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                break
            if style.num_id is not None:
                return style.num_id, style.level
            style_id = style.based_on
        return None, None

    def label(self, paragraph: Paragraph) -> str:
        """The label Word shows before `paragraph` ("II.", "1.2.", "a)", "-"), counting
        it; "" when it is not in a list. Call for every paragraph, in document order."""
        num_id, level = paragraph.num_id, paragraph.level
        if num_id is None and paragraph.style:
            num_id, style_level = self._style_list(paragraph.style)
            level = style_level if level is None else level
        if not num_id or num_id == "0" or num_id not in self.instances:
            return ""
        instance = self.instances[num_id]
        abstract_id = instance.abstract
        if abstract_id in self.style_links:  # a list defined by a numbering style
            linked, _ = self._style_list(self.style_links[abstract_id])
            if linked in self.instances:
                abstract_id = self.instances[linked].abstract
        levels = self.abstracts.get(abstract_id)
        if not levels:
            return ""
        if level is None:
            bound = (i for i, lvl in levels.items() if lvl.style and lvl.style == paragraph.style)
            level = next(bound, 0)
        level = max(0, min(level, LEVELS - 1))

        def definition(index: int) -> Level:
            return instance.levels.get(index) or levels.get(index) or Level()

        counters = self._counters.setdefault(abstract_id, [None] * LEVELS)
        if num_id not in self._started:
            self._started.add(num_id)
            for index, start in sorted(instance.starts.items()):
                if 0 <= index < LEVELS:  # the next number at this level is `start`
                    counters[index] = start - 1
                    counters[index + 1 :] = [None] * (LEVELS - index - 1)
        current = counters[level]
        counters[level] = definition(level).start if current is None else current + 1
        for deeper in range(level + 1, LEVELS):
            restart = definition(deeper).restart
            if restart is None or (restart > 0 and restart <= level + 1):
                counters[deeper] = None
        own = definition(level)
        if own.fmt == "bullet":
            return own.text.strip() if own.text.strip() in _BULLETS_KEPT else "-"
        if own.fmt == "none":
            return own.text if "%" not in own.text else ""
        text = own.text
        for index in range(level, -1, -1):
            placeholder = f"%{index + 1}"
            if placeholder in text:
                value = counters[index]
                shown = definition(index)
                value = shown.start if value is None else value
                fmt = "decimal" if own.legal else shown.fmt
                text = text.replace(placeholder, _formatted(fmt, value))
        return text.strip()[:MAX_LABEL]


def _formatted(fmt: str, value: int) -> str:
    if value < 1 and fmt not in ("decimal", "decimalZero"):
        value = 1
    if fmt == "upperRoman":
        return roman(min(value, 3999))
    if fmt == "lowerRoman":
        return roman(min(value, 3999)).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        # Word's letters: a…z, then aa…zz, aaa… (the letter repeated, not base 26).
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def read_numbering(archive: zipfile.ZipFile) -> Numbering | None:
    """The document's lists, or None when it has no numbering.xml (nothing numbered)."""
    names = set(archive.namelist())
    if "word/numbering.xml" not in names:
        return None
    numbering = Numbering()
    numbering.read_numbering(member_chunks(archive, "word/numbering.xml", MAX_PART_BYTES))
    if "word/styles.xml" in names:
        numbering.read_styles(member_chunks(archive, "word/styles.xml", MAX_PART_BYTES))
    return numbering
