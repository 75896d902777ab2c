"""Structured deadlines (thời hạn hoàn thành), parsed from the text officials write.

The text is kept as written so it prints back unchanged ("Quý IV/2026" stays
"Quý IV/2026"); beside it the parsed kind and the due date it implies drive the
status rules. A month is due on its last day, a quarter on its last day, a year on
31/12, a range of years on 31/12 of its last year; recurring work has no due date.
"Trước ngày 30/11/2026" is read the way offices use it, "by 30/11/2026": work
finished on the 30th is not counted late.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.folding import fold
from dienchau_desktop.core.text import clean_text

MIN_YEAR = 1990
MAX_YEAR = 2100


class DeadlineKind(StrEnum):
    """What a deadline names."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"
    YEAR_RANGE = "year_range"
    RECURRING = "recurring"


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline as written, with the window it names and the date it is due."""

    kind: DeadlineKind
    text: str
    start: date | None
    due: date | None


ACCEPTED_FORMS = (
    "30/6/2026; Trước ngày 30/11/2026; Tháng 10/2026; 6/2026; Quý IV/2026; "
    "6 tháng đầu năm 2026; Năm 2026; 2026 - 2030; Thường xuyên; Hằng năm"
)

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_SEP = r"\s*[/.\-]\s*"
_YEAR = r"(?P<year>\d{4})"
_DAY_FORMS = (
    re.compile(rf"(?P<day>\d{{1,2}}){_SEP}(?P<month>\d{{1,2}}){_SEP}{_YEAR}"),
    re.compile(rf"(?:ngay )?(?P<day>\d{{1,2}}) thang (?P<month>\d{{1,2}}) nam {_YEAR}"),
)
# "Trước ngày …", "Đến hết năm …", "Ngày 30/6/2026", "Cả năm 2026": words before the date
# that do not change it.
_BEFORE_PREFIX = re.compile(
    r"^(?:hoan thanh )?(?:(?:truoc|cham nhat|den het|den|het|trong ca|trong|ca|han|han chot"
    r"|xong truoc)(?: ngay)?|ngay)\s*:?\s*"
)
_MONTH_FORMS = (
    re.compile(rf"(?:thang )?(?P<month>\d{{1,2}}){_SEP}{_YEAR}"),
    re.compile(rf"thang (?P<month>\d{{1,2}}) nam {_YEAR}"),
)
_QUARTER = re.compile(rf"(?:qui|q)\s*(?P<quarter>iv|iii|ii|i|[1-4])(?:{_SEP}|\s+nam\s+|\s+){_YEAR}")
_HALF = re.compile(rf"6 thang (?P<half>dau|cuoi) nam {_YEAR}")
_YEAR_ONLY = re.compile(rf"(?:nam |trong nam )?{_YEAR}")
_YEAR_RANGE = re.compile(
    r"(?:giai doan |tu nam |nam |tu )?(?P<first>\d{4})\s*(?:-|den|den nam)\s*(?P<last>\d{4})"
)
_RECURRING = re.compile(
    r"\b(?:thuong xuyen|hang nam|hang thang|hang qui|hang tuan|dinh ki|cac nam tiep theo)\b"
)
_ANY_YEAR = re.compile(r"\b(\d{4})\b")
_FROM_ON = re.compile(
    rf"tu (?:nam |thang (?P<month>\d{{1,2}}){_SEP})?{_YEAR}(?: tro di| tro ve sau)?"
)
_PART_OF_YEAR = re.compile(rf"(?P<part>dau|giua|cuoi) nam {_YEAR}")
# Between the deadlines of a list: ";", ",", "và" (folded "va").
_LIST_SEPARATOR = re.compile(r"\s*(?:;|,|\bva\b)\s*")
_LIST_WORD = re.compile(r"(qui|thang|nam)\b")


def parse_deadline(text: str | None) -> Deadline | None:
    """Parse a deadline as officials write it; None when nothing was written.

    Raises `ValidationError` (field "deadline") for text that names no date, or names
    an impossible one (31/02/2026, month 13, quarter V, a range that runs backwards).
    """
    written = clean_text(text, "deadline", label="Thời hạn")
    if not written:
        return None
    key = fold(written).replace("–", "-").replace("—", "-").rstrip(" .;,")

    if _RECURRING.search(key):
        years = [_check_year(int(y), written) for y in _ANY_YEAR.findall(key)]
        start = date(min(years), 1, 1) if years else None
        return Deadline(DeadlineKind.RECURRING, written, start, None)

    key = _BEFORE_PREFIX.sub("", key, count=1)
    if m := _FROM_ON.fullmatch(key):
        # "Từ năm 2026 (trở đi)": ongoing from then, with no end to be late for.
        year = _check_year(int(m["year"]), written)
        month = int(m["month"] or 1)
        if not 1 <= month <= 12:
            raise _not_understood(written, f"không có tháng {month}")
        return Deadline(DeadlineKind.RECURRING, written, date(year, month, 1), None)
    if m := _PART_OF_YEAR.fullmatch(key):
        # "Đầu năm" is read as its first quarter, "giữa năm" as its first half, "cuối
        # năm" as its end: the form shows the date it implies, to be typed over.
        year = _check_year(int(m["year"]), written)
        if m["part"] == "dau":
            return Deadline(DeadlineKind.QUARTER, written, date(year, 1, 1), date(year, 3, 31))
        if m["part"] == "giua":
            return Deadline(DeadlineKind.HALF_YEAR, written, date(year, 1, 1), date(year, 6, 30))
        return Deadline(DeadlineKind.YEAR, written, date(year, 1, 1), date(year, 12, 31))
    found = _one(key, written) or _listed(key, written)
    if found is None:
        raise _not_understood(written)
    return found


def _one(key: str, written: str) -> Deadline | None:
    """The deadline of one form (a day, a month, a quarter…), or None."""
    for form in _DAY_FORMS:
        if m := form.fullmatch(key):
            day = _make_date(int(m["year"]), int(m["month"]), int(m["day"]), written)
            return Deadline(DeadlineKind.DAY, written, day, day)

    if m := _YEAR_RANGE.fullmatch(key):
        first = _check_year(int(m["first"]), written)
        last = _check_year(int(m["last"]), written)
        if last < first:
            raise _not_understood(written, "năm kết thúc đứng trước năm bắt đầu")
        return Deadline(DeadlineKind.YEAR_RANGE, written, date(first, 1, 1), date(last, 12, 31))

    for form in _MONTH_FORMS:
        if m := form.fullmatch(key):
            year, month = _check_year(int(m["year"]), written), int(m["month"])
            if not 1 <= month <= 12:
                raise _not_understood(written, f"không có tháng {month}")
            last_day = calendar.monthrange(year, month)[1]
            return Deadline(
                DeadlineKind.MONTH, written, date(year, month, 1), date(year, month, last_day)
            )

    if m := _QUARTER.fullmatch(key):
        quarter_text = m["quarter"]
        quarter = _ROMAN_QUARTERS.get(quarter_text) or int(quarter_text)
        year = _check_year(int(m["year"]), written)
        last_month = quarter * 3
        return Deadline(
            DeadlineKind.QUARTER,
            written,
            date(year, last_month - 2, 1),
            date(year, last_month, calendar.monthrange(year, last_month)[1]),
        )

    if m := _HALF.fullmatch(key):
        year = _check_year(int(m["year"]), written)
        if m["half"] == "dau":
            return Deadline(DeadlineKind.HALF_YEAR, written, date(year, 1, 1), date(year, 6, 30))
        return Deadline(DeadlineKind.HALF_YEAR, written, date(year, 7, 1), date(year, 12, 31))

    if m := _YEAR_ONLY.fullmatch(key):
        year = _check_year(int(m["year"]), written)
        return Deadline(DeadlineKind.YEAR, written, date(year, 1, 1), date(year, 12, 31))

    return None


def _listed(key: str, written: str) -> Deadline | None:
    """Several of one form ("Quý I, II/2026", "Năm 2026, 2027", "Tháng 3/2026; tháng
    9/2026", "Tháng 3 và tháng 9 năm 2026"): due when the last of them is, open from the
    first. A part without its year takes the year written after it; one without its
    word ("II" after "Quý I") takes the word before it. None unless every part reads."""
    parts = [p for p in _LIST_SEPARATOR.split(key) if p]
    if len(parts) < 2:
        return None
    year = word = ""
    for i in reversed(range(len(parts))):
        if m := _ANY_YEAR.search(parts[i]):
            year = m[1]
        elif year:
            parts[i] = f"{parts[i]}/{year}"
    for i, part in enumerate(parts):
        if m := _LIST_WORD.match(part):
            word = m[1]
        elif word:
            parts[i] = f"{word} {part}"
    read = [_one(_BEFORE_PREFIX.sub("", part, count=1), written) for part in parts]
    if any(r is None for r in read):
        return None
    known = [r for r in read if r is not None]
    kinds = {r.kind for r in known}
    kind = kinds.pop() if len(kinds) == 1 else DeadlineKind.YEAR_RANGE
    if kind is DeadlineKind.YEAR:
        kind = DeadlineKind.YEAR_RANGE
    starts = [r.start for r in known if r.start is not None]
    dues = [r.due for r in known if r.due is not None]
    return Deadline(kind, written, min(starts, default=None), max(dues, default=None))


def parse_date(text: str | None, field: str, label: str) -> date | None:
    """A single day typed as dd/mm/yyyy (also with "-" or "."); None when empty."""
    written = clean_text(text, field, label=label)
    if not written:
        return None
    m = _DAY_FORMS[0].fullmatch(written)
    if m is None:
        raise ValidationError(field, f"«{label}» phải là một ngày dạng dd/mm/yyyy, như 05/01/2026.")
    try:
        return _make_date(int(m["year"]), int(m["month"]), int(m["day"]), written)
    except ValidationError:
        raise ValidationError(field, f"«{label}»: ngày «{written}» không có thật.") from None


def format_date(day: date | None) -> str:
    """dd/mm/yyyy, the way every date is shown to the user; "" for none."""
    return day.strftime("%d/%m/%Y") if day else ""


def _make_date(year: int, month: int, day: int, written: str) -> date:
    _check_year(year, written)
    try:
        return date(year, month, day)
    except ValueError:
        raise _not_understood(written, f"ngày {day}/{month}/{year} không có thật") from None


def _check_year(year: int, written: str) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _not_understood(written, f"năm {year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}")
    return year


def _not_understood(written: str, why: str = "") -> ValidationError:
    reason = f" ({why})" if why else ""
    return ValidationError(
        "deadline",
        f"Không hiểu thời hạn «{written}»{reason}.",
        f"Hãy ghi theo một trong các dạng: {ACCEPTED_FORMS}.",
    )
