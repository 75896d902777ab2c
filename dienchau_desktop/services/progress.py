"""Progress of tasks in reporting periods (tiến độ): recorded, never overwritten.

A correction is a new entry; the latest counts. For a period, a task's state is its
latest entry in that period or an earlier one (work completed in the 6-month period
is still completed at the year's end), ordered by the periods' cut-offs, then by when
the entries were recorded.

A coordinating unit's report is a *contribution*: kept and shown in the task's history,
but never its state, which the lead unit's reports and the entries typed in the program
decide. The latest-entry readers skip contributions.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.core.text import MAX_LONG_TEXT, clean_text
from dienchau_desktop.db import raw_reads
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import PlanItem, ProgressEntry, ReportingPeriod
from dienchau_desktop.services import audit

STATUS_LABELS = {
    "not_started": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "completed": "Hoàn thành",
    "paused": "Tạm dừng",
    "cancelled": "Không thực hiện",
}


class ProgressInfo(NamedTuple):
    """One progress entry (a named tuple, as ItemNode: reports read 10,000 at once)."""

    id: int
    item_id: int
    period_id: int
    status: str
    percent: int | None
    result_text: str
    indicator_actual: float | None
    completed_on: date | None
    reported_by: str
    recorded_at: datetime
    source: str
    source_file: str
    contribution: bool = False

    @property
    def is_completed(self) -> bool:
        return self.status == "completed"


def _info(entry: ProgressEntry) -> ProgressInfo:
    return ProgressInfo(
        entry.id, entry.item_id, entry.period_id, entry.status, entry.percent,
        entry.result_text, entry.indicator_actual, entry.completed_on, entry.reported_by,
        entry.recorded_at, entry.source, entry.source_file, bool(entry.contribution),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class NewEntry:
    """A progress entry to record: typed in the form, or read from a unit's return."""

    item_id: int
    period_id: int
    status: str
    percent: Any = None
    result_text: str = ""
    completed_on: date | None = None
    indicator_actual: Any = None
    reported_by: str = ""
    source: str = "manual"
    source_file: str = ""
    #: A coordinating unit's report: history only, not the task's state.
    contribution: bool = False


def parsed_values(entry: NewEntry) -> tuple[int | None, float | None]:
    """The entry's percent and indicator value as they would be stored (a completed
    task's blank percent is 100), without the rules across fields; raises
    ValidationError when one is not a number in range."""
    pct = _percent(entry.percent)
    if entry.status == "completed" and pct is None:
        pct = 100
    return pct, _number(entry.indicator_actual)


def field_problems(entry: NewEntry) -> list[ValidationError]:
    """Each of the entry's values that is wrong on its own (percent, indicator), not
    only the first: a unit's return names every bad cell of a row at once, so that the
    unit fixes the row in one round trip. The rules across fields are `checked_values`."""
    problems: list[ValidationError] = []
    for field_check in (lambda: _percent(entry.percent), lambda: _number(entry.indicator_actual)):
        try:
            field_check()
        except ValidationError as error:
            problems.append(error)
    return problems


def checked_values(entry: NewEntry) -> tuple[int | None, float | None]:
    """The entry's percent and indicator value, after the checks that need no data file
    (status, percent, completion date); raises ValidationError naming the field."""
    if entry.status not in STATUS_LABELS:
        raise ValidationError("status", f"Trạng thái «{entry.status}» không hợp lệ.")
    pct = _percent(entry.percent)
    if entry.status == "completed":
        if entry.completed_on is None:
            raise ValidationError(
                "completed_on",
                "Nhiệm vụ hoàn thành cần có ngày hoàn thành.",
                "Hãy nhập ngày hoàn thành dạng dd/mm/yyyy.",
            )
        pct = 100 if pct is None else pct
        if pct != 100:
            # Completed means all of it: "Hoàn thành" at 50 % is a slip in one of the
            # two, and only the unit knows which.
            raise ValidationError(
                "percent",
                f"Nhiệm vụ «Hoàn thành» phải đạt 100%, không phải {pct}%.",
                "Ghi 100% (hoặc để trống), hoặc chọn trạng thái «Đang thực hiện».",
            )
        if entry.completed_on > date.today():
            raise ValidationError(
                "completed_on",
                f"Ngày hoàn thành {entry.completed_on:%d/%m/%Y} chưa tới.",
                "Chỉ ghi hoàn thành khi việc đã xong.",
            )
    elif entry.completed_on is not None:
        raise ValidationError("completed_on", "Chỉ nhiệm vụ đã hoàn thành mới có ngày hoàn thành.")
    return pct, _number(entry.indicator_actual)


def record_progress(
    db: Database,
    item_id: int,
    period_id: int,
    *,
    status: str,
    percent: Any = None,
    result_text: str = "",
    completed_on: date | None = None,
    indicator_actual: Any = None,
    reported_by: str = "",
    source: str = "manual",
    source_file: str = "",
) -> ProgressInfo:
    """Add a progress entry for a task in a period (an open one)."""
    entry = NewEntry(item_id, period_id, status, percent, result_text, completed_on,
                     indicator_actual, reported_by, source, source_file)  # fmt: skip
    return record_entries(db, [entry])[0]


@contextlib.contextmanager
def _in(db: Database, session: Session | None, *, write: bool) -> Iterator[Session]:
    """`session` when the caller is already in a transaction, else a new one."""
    if session is not None:
        yield session
        return
    with db.write() if write else db.read() as own:
        yield own


def record_entries(
    db: Database, entries: list[NewEntry], *, session: Session | None = None
) -> list[ProgressInfo]:
    """Add several entries in one transaction: all of them, or (on any error) none.
    With `session` (of `db.write()`), inside the caller's transaction: an import compares
    the rows with what is recorded and records them under one write lock."""
    values = [checked_values(e) for e in entries]
    recorded: list[ProgressEntry] = []
    with _in(db, session, write=True) as session, session.no_autoflush:
        # One query for the tasks and one for the periods, not two per entry: a
        # district's returns bring thousands of entries at once.
        wanted = {e.item_id for e in entries}
        tasks = {i.id: i for i in session.scalars(select(PlanItem).where(PlanItem.id.in_(wanted)))}
        period_rows = session.scalars(
            select(ReportingPeriod).where(ReportingPeriod.id.in_({e.period_id for e in entries}))
        )
        periods_by_id = {p.id: p for p in period_rows}
        for new, (pct, actual) in zip(entries, values, strict=True):
            item = tasks.get(new.item_id)
            if item is None:
                raise NotFoundError(f"Không tìm thấy nhiệm vụ số {new.item_id}.")
            if item.kind != "task":
                raise ValidationError("status", "Chỉ nhiệm vụ mới có tiến độ.")
            period = periods_by_id.get(new.period_id)
            if period is None or period.plan_id != item.plan_id:
                raise NotFoundError(
                    f"Không tìm thấy kỳ báo cáo số {new.period_id} của kế hoạch này."
                )
            if period.is_closed:
                raise ValidationError(
                    "period",
                    f"Kỳ báo cáo «{period.label}» đã khóa nên không ghi thêm tiến độ được.",
                    "Mở khóa kỳ trong Kế hoạch → Kỳ báo cáo nếu thật cần sửa.",
                )
            entry = ProgressEntry(
                item_id=new.item_id,
                period_id=new.period_id,
                status=new.status,
                percent=pct,
                result_text=clean_text(new.result_text, "result_text", max_length=MAX_LONG_TEXT,
                                       label="Kết quả"),
                indicator_actual=actual,
                completed_on=new.completed_on,
                reported_by=clean_text(new.reported_by, "reported_by", label="Người báo cáo"),
                recorded_at=audit.now(),
                source=new.source,
                source_file=clean_text(new.source_file, "source_file", max_length=1000),
                contribution=new.contribution,
            )  # fmt: skip
            session.add(entry)
            recorded.append(entry)
        session.flush()  # every entry gets its id in one go
        for entry in recorded:
            audit.record(session, "create", "progress_entry", entry.id, new=_snapshot(entry))
        infos = [_info(e) for e in recorded]
    return infos


def withdraw_entry(db: Database, entry_id: int) -> None:
    """Remove an entry just made (undo of a recording); audited like every change."""
    withdraw_entries(db, [entry_id])


def withdraw_entries(db: Database, entry_ids: list[int]) -> None:
    """Remove entries just made (undo of a recording or an import), all or none."""
    with db.write() as session:
        for entry_id in entry_ids:
            entry = session.get(ProgressEntry, entry_id)
            if entry is None:
                raise NotFoundError(f"Không tìm thấy mục tiến độ số {entry_id}.")
            period = session.get(ReportingPeriod, entry.period_id)
            if period is not None and period.is_closed:
                raise ValidationError("period", f"Kỳ báo cáo «{period.label}» đã khóa.")
            audit.record(session, "delete", "progress_entry", entry_id, old=_snapshot(entry))
            session.delete(entry)


def history(db: Database, item_id: int) -> list[ProgressInfo]:
    """Every entry of a task, newest first, coordinating units' contributions included
    (`ProgressInfo.contribution` tells them apart)."""
    with db.read() as session:
        rows = raw_reads.history_rows(session, item_id)
    return [_entry_of_row(row)[1] for row in rows]


class TaskState(NamedTuple):
    """What the overview counts of a task's latest entry: a tenth of the data of the
    whole entry (no result text, no dates to parse but one), read for 10,000 tasks."""

    status: str
    percent: int | None
    completed_on: date | None
    indicator_actual: float | None

    @property
    def is_completed(self) -> bool:
        return self.status == "completed"


def latest_entries(
    db: Database, plan_id: int, cutoff: date, *, session: Session | None = None
) -> dict[int, ProgressInfo]:
    """Each task's latest entry for a report cut off at `cutoff`.

    Entries of the periods whose cut-off is on or before it count, whenever they were
    typed (results are entered after the cut-off, before the report is sent). With
    `session`, read inside the caller's transaction.
    """
    with _in(db, session, write=False) as session:
        rows = raw_reads.latest_entry_rows(
            session, plan_id, cutoff, periods="cutoff", columns="entry"
        )
        return dict(map(_entry_of_row, rows))


def latest_entries_as_of(db: Database, plan_id: int, day: date) -> dict[int, ProgressInfo]:
    """Each task's latest entry in the periods begun by `day`.

    This is the state on that day as known now: results are often typed days after
    the work, so what counts is the completion date (checked by the caller), not when
    the entry was typed.
    """
    with db.read() as session:
        rows = raw_reads.latest_entry_rows(session, plan_id, day, periods="as_of", columns="entry")
        return dict(map(_entry_of_row, rows))


def latest_states(db: Database, plan_id: int, cutoff: date) -> dict[int, TaskState]:
    """`latest_entries`, only what the overview counts."""
    with db.read() as session:
        rows = raw_reads.latest_entry_rows(
            session, plan_id, cutoff, periods="cutoff", columns="state"
        )
        return dict(map(_state_of_row, rows))


def latest_states_as_of(db: Database, plan_id: int, day: date) -> dict[int, TaskState]:
    """`latest_entries_as_of`, only what the overview counts."""
    with db.read() as session:
        rows = raw_reads.latest_entry_rows(session, plan_id, day, periods="as_of", columns="state")
        return dict(map(_state_of_row, rows))


def latest_contributions(
    db: Database, plan_id: int, cutoff: date, unit: str, *, session: Session | None = None
) -> dict[int, ProgressInfo]:
    """Each task's latest contribution reported by the coordinating unit named `unit`
    for a report cut off at `cutoff` (what its return form is prefilled with). With
    `session`, read inside the caller's transaction."""
    with _in(db, session, write=False) as session:
        rows = raw_reads.contribution_rows(session, plan_id, cutoff, unit)
    return dict(map(_entry_of_row, rows))  # oldest first: the last one stays


def _entry_of_row(row: tuple[Any, ...]) -> tuple[int, ProgressInfo]:
    (entry_id, item_id, period_id, status, percent, result_text, actual, completed_on,
     reported_by, recorded_at, source, source_file, contribution) = row  # fmt: skip
    return item_id, ProgressInfo(
        entry_id, item_id, period_id, status, percent, result_text, actual,
        _date(completed_on), reported_by, _datetime(recorded_at), source, source_file,
        bool(contribution),
    )  # fmt: skip


def _state_of_row(row: tuple[Any, ...]) -> tuple[int, TaskState]:
    item_id, status, percent, completed_on, actual = row
    return item_id, TaskState(status, percent, _date(completed_on), actual)


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _percent(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).replace(",", ".").rstrip("%").strip())
    except ValueError:
        raise ValidationError("percent", f"Tỷ lệ «{value}» phải là một số từ 0 đến 100.") from None
    if not 0 <= number <= 100:
        raise ValidationError("percent", f"Tỷ lệ {number:g}% phải nằm trong khoảng 0–100.")
    return round(number)


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        raise ValidationError(
            "indicator_actual", f"Giá trị chỉ tiêu đạt được «{value}» phải là một số."
        ) from None
    if number != number or number < 0 or number == float("inf"):
        raise ValidationError("indicator_actual", "Giá trị chỉ tiêu phải là số không âm.")
    return number


def _snapshot(entry: ProgressEntry) -> dict[str, Any]:
    return {
        "item_id": entry.item_id,
        "period_id": entry.period_id,
        "status": entry.status,
        "percent": entry.percent,
        "result_text": entry.result_text,
        "indicator_actual": entry.indicator_actual,
        "completed_on": entry.completed_on,
        "reported_by": entry.reported_by,
        "source": entry.source,
        "source_file": entry.source_file,
        "contribution": entry.contribution,
    }


def latest_entries_of(
    db: Database, plan_id: int, day: date, item_ids: Iterable[int]
) -> dict[int, ProgressInfo]:
    """`latest_entries_as_of` for the tasks `item_ids` only: what the window reads
    again after their entries changed, instead of every task's."""
    with db.read() as session:
        rows = raw_reads.latest_entry_rows(
            session, plan_id, day, periods="as_of", columns="entry", item_ids=item_ids
        )
        return dict(map(_entry_of_row, rows))
