"""Reporting periods (kỳ báo cáo): their kinds, usual cut-off dates and due dates.

The commune's habit, which the seed plan follows: the reporting year starts on 15/12 of
the year before; the 6-month report is cut off on 14/6 and the annual one on 14/12.
A report is due upward a set number of working days after its cut-off.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

#: Working days between the cut-off and the date the report is due upward.
DEFAULT_DAYS_TO_REPORT = 2


class PeriodKind(StrEnum):
    """Kinds of reporting period, with the Vietnamese names officials use."""

    HALF_YEAR = "half_year"  # 6 tháng (sơ kết)
    YEAR = "year"  # năm (tổng kết)
    QUARTER = "quarter"  # quý
    MONTH = "month"  # tháng
    AD_HOC = "ad_hoc"  # đột xuất

    @property
    def label_vi(self) -> str:
        return _LABELS_VI[self]


_LABELS_VI = {
    PeriodKind.HALF_YEAR: "6 tháng",
    PeriodKind.YEAR: "Năm",
    PeriodKind.QUARTER: "Quý",
    PeriodKind.MONTH: "Tháng",
    PeriodKind.AD_HOC: "Đột xuất",
}


@dataclass(frozen=True, slots=True)
class PeriodSpec:
    """A reporting period before it is stored."""

    kind: PeriodKind
    label: str
    start: date
    cutoff: date
    due: date | None  # None: no due date set (a plan file may leave it out)


def add_working_days(day: date, count: int) -> date:
    """The date `count` working days after `day`, skipping Saturdays and Sundays.

    Public holidays are not known to the program; the user adjusts the due date
    by hand in a holiday week.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    current = day
    while count:
        current += timedelta(days=1)
        if current.weekday() < 5:
            count -= 1
    return current


def half_year_period(year: int, days_to_report: int = DEFAULT_DAYS_TO_REPORT) -> PeriodSpec:
    """The 6-month period of `year`: 15/12 of the year before to 14/6."""
    cutoff = date(year, 6, 14)
    return PeriodSpec(
        PeriodKind.HALF_YEAR,
        f"6 tháng đầu năm {year}",
        date(year - 1, 12, 15),
        cutoff,
        add_working_days(cutoff, days_to_report),
    )


def annual_period(year: int, days_to_report: int = DEFAULT_DAYS_TO_REPORT) -> PeriodSpec:
    """The annual period of `year`: 15/12 of the year before to 14/12."""
    cutoff = date(year, 12, 14)
    return PeriodSpec(
        PeriodKind.YEAR,
        f"Năm {year}",
        date(year - 1, 12, 15),
        cutoff,
        add_working_days(cutoff, days_to_report),
    )


def quarter_periods(year: int, days_to_report: int = DEFAULT_DAYS_TO_REPORT) -> list[PeriodSpec]:
    """The four quarters of `year`, on the same 15th-to-14th rhythm (optional reports)."""
    specs = []
    start = date(year - 1, 12, 15)
    for quarter, month in enumerate((3, 6, 9, 12), start=1):
        cutoff = date(year, month, 14)
        specs.append(
            PeriodSpec(
                PeriodKind.QUARTER,
                f"Quý {['I', 'II', 'III', 'IV'][quarter - 1]} năm {year}",
                start,
                cutoff,
                add_working_days(cutoff, days_to_report),
            )
        )
        start = cutoff + timedelta(days=1)
    return specs


# "năm 2026", but not the year of a date ("ngày 05 tháng 12 năm 2025"): titles cite
# the documents a plan carries out by their dates.
_NAMED_YEAR = re.compile(r"(tháng\s+\d{1,2}\s+)?năm\s+(\d{4})\b", re.IGNORECASE)
_ISSUED = re.compile(r"tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


def year_named(title: str) -> int | None:
    """The year a plan's title says it is for ("… Đề án 06 năm 2026" → 2026); the
    latest when it names several, as a plan is not carried out before what it follows."""
    years = [int(m.group(2)) for m in _NAMED_YEAR.finditer(title) if not m.group(1)]
    return max(years, default=None)


def year_carried_out(
    *,
    year_field: int | None,
    issued: date | None,
    issue_text: str,
    title: str,
    due_dates: Iterable[date],
    today: date,
) -> int:
    """The year a plan is carried out: the year of its usual reporting periods.

    A plan issued in December 2025 "for 2026" is carried out in 2026, so the issue date
    is the last clue, not the first. In order:
    - the plan's Year field when it says more than the issue date (typed by hand, or
      read from the title by the importer); older imports copied the issue year there;
    - the year the title names;
    - the year most deadlines fall in;
    - the issue year (the next one for a plan issued in December), or the Year field;
    - this year.
    """
    if issued is None and (match := _ISSUED.search(issue_text)):
        month, year = int(match.group(1)), int(match.group(2))
        issued = date(year, month, 1) if 1 <= month <= 12 else None
    issue_year = issued.year if issued else None
    if year_field is not None and year_field != issue_year:
        return year_field
    if (named := year_named(title)) is not None:
        return named
    counts = Counter(d.year for d in due_dates)
    if counts:
        # The most deadlines; on a tie the earlier year, whose reports come first.
        return min(counts, key=lambda y: (-counts[y], y))
    if issued is not None:
        return issued.year + 1 if issued.month == 12 else issued.year
    return year_field or today.year
