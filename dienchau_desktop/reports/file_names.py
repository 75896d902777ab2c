"""The file name proposed for a report: it names the report and what it covers
("bao-cao-6-thang-2026.pdf", "mau-bao-cao-cong-an-xa-6-thang-2026.xlsx"), so reports of
different periods or units saved in one folder neither overwrite each other nor look
alike. Without diacritics or spaces: the name survives every email program and USB
stick (FAT) it travels through."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from dienchau_desktop.core.periods import PeriodKind
from dienchau_desktop.reports import registry
from dienchau_desktop.services.periods import PeriodInfo

ROMAN_QUARTERS = ("i", "ii", "iii", "iv")


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by "-": "Công an xã" → "cong-an-xa"."""
    bare = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    bare = "".join(ch for ch in bare if not unicodedata.combining(ch)).lower()
    words = re.sub(r"[^a-z0-9]+", "-", bare).strip("-")
    return words[:limit].rstrip("-")


#: How much of a draft's subject its file name keeps ("2026-06-20 101500 <subject>.eml").
DRAFT_NAME_LIMIT = 60


def draft_slug(subject: str, limit: int = DRAFT_NAME_LIMIT) -> str:
    """A draft's subject as its file name: `slug`, cut after the last whole word that
    fits ("ubnd-xa-dien-chau-gui-bao-cao-so-45-bc-ubnd", not "…-bao-cao-th"); a first
    word longer than `limit` is cut, there is no shorter whole."""
    words = slug(subject, limit=len(subject))  # uncut: never longer than the text
    if len(words) <= limit:
        return words
    cut = words[: limit + 1]
    whole = cut[: cut.rfind("-")] if "-" in cut else ""
    return whole or words[:limit]


def period_slug(period: PeriodInfo) -> str:
    """A period as officials say it, shortly: "6-thang-2026", "nam-2026", "quy-ii-2026";
    a month or an ad-hoc period by the label she gave it."""
    year = period.cutoff.year
    if period.kind == PeriodKind.HALF_YEAR:
        return f"6-thang-{year}"
    if period.kind == PeriodKind.YEAR:
        return f"nam-{year}"
    if period.kind == PeriodKind.QUARTER:  # cut off on the 14th of its last month
        return f"quy-{ROMAN_QUARTERS[(period.cutoff.month - 1) // 3]}-{year}"
    return slug(period.label) or f"ky-{period.cutoff:%d-%m-%Y}"


def report_file_name(
    report: str,
    fmt: str,
    *,
    plan_number: str = "",
    plan_year: int | None = None,
    period: PeriodInfo | None = None,
    unit: str | None = None,
    today: date | None = None,
) -> str:
    """The proposed name of `report` (a key of registry.REPORTS) as `fmt`: its stem,
    then what it covers, as its entry's file_parts say."""
    kind = registry.REPORTS.get(report)
    if kind is None:
        return f"{slug(report)}.{fmt}"
    parts = [kind.file_stem]
    for part in kind.file_parts:
        if part == "plan":
            parts += ["ke-hoach", slug(plan_number), str(plan_year or "")]
        elif part == "unit":
            parts.append(slug(unit or ""))
        elif part == "period":
            parts.append(period_slug(period) if period is not None else "")
        elif part == "day":
            parts.append(f"{today or date.today():%d-%m-%Y}")
        else:
            raise ValueError(f"no file name part {part!r}")
    return "-".join(part for part in parts if part) + f".{fmt}"
