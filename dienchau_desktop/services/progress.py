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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.core.text import MAX_LONG_TEXT, clean_text
from dienchau_desktop.db.database import Database, driver_connection
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
        rows = session.scalars(
            select(ProgressEntry)
            .join(ReportingPeriod, ReportingPeriod.id == ProgressEntry.period_id)
            .where(ProgressEntry.item_id == item_id)
            .order_by(
                ReportingPeriod.cutoff_date.desc(),
                ProgressEntry.recorded_at.desc(),
                ProgressEntry.id.desc(),
            )
        )
        return [_info(e) for e in rows]


# The latest entry of each task: for every task of the plan, its plan's periods are
# walked newest cut-off first (ix_reporting_period_plan_cutoff) and each period's
# entries for the task looked up (ix_progress_entry_item_period); with LIMIT 1 SQLite
# stops at the first period that has one. The CROSS JOIN keeps that loop order.
# Contributions are skipped by the index (its third column), so the walk stays
# index-only: a coordinator's report never becomes the task's state.
# A district file holds 200,000 entries: this takes 25 ms there, where joining from
# the entries and sorting each task's 20 took 100 ms and a window function 750 ms.
_LATEST_SQL = """
    SELECT {columns}
    FROM progress_entry pe
    WHERE pe.id IN (
        SELECT (
            SELECT e.id
            FROM reporting_period rp
            CROSS JOIN progress_entry e
                ON e.period_id = rp.id AND e.item_id = i.id AND e.contribution = 0
            WHERE rp.plan_id = :plan_id AND {condition}
            ORDER BY rp.cutoff_date DESC, e.recorded_at DESC, e.id DESC
            LIMIT 1
        )
        FROM plan_item i
        WHERE i.plan_id = :plan_id AND i.kind = 'task'
    )
"""
_FOR_PERIOD = "rp.cutoff_date <= :day"
# The cut-off bound changes nothing (it is the latest cut-off of the periods begun by
# the day) but lets the index walk start there instead of at the plan's last period.
_AS_OF_DAY = (
    "rp.start_date <= :day AND rp.cutoff_date <= (SELECT max(p.cutoff_date)"
    " FROM reporting_period p WHERE p.plan_id = :plan_id AND p.start_date <= :day)"
)
_ENTRY_COLUMNS = (
    "pe.id, pe.item_id, pe.period_id, pe.status, pe.percent, pe.result_text, "
    "pe.indicator_actual, pe.completed_on, pe.reported_by, pe.recorded_at, pe.source, "
    "pe.source_file, pe.contribution"
)
_STATE_COLUMNS = "pe.item_id, pe.status, pe.percent, pe.completed_on, pe.indicator_actual"


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
    return _latest(db, _ENTRY_COLUMNS, _FOR_PERIOD, plan_id, cutoff, _entry_of_row, session)


def latest_entries_as_of(db: Database, plan_id: int, day: date) -> dict[int, ProgressInfo]:
    """Each task's latest entry in the periods begun by `day`.

    This is the state on that day as known now: results are often typed days after
    the work, so what counts is the completion date (checked by the caller), not when
    the entry was typed.
    """
    return _latest(db, _ENTRY_COLUMNS, _AS_OF_DAY, plan_id, day, _entry_of_row)


def latest_states(db: Database, plan_id: int, cutoff: date) -> dict[int, TaskState]:
    """`latest_entries`, only what the overview counts."""
    return _latest(db, _STATE_COLUMNS, _FOR_PERIOD, plan_id, cutoff, _state_of_row)


def latest_states_as_of(db: Database, plan_id: int, day: date) -> dict[int, TaskState]:
    """`latest_entries_as_of`, only what the overview counts."""
    return _latest(db, _STATE_COLUMNS, _AS_OF_DAY, plan_id, day, _state_of_row)


# A unit's own contributions: few (coordinators' returns only), so read them all and
# keep each task's last; nothing here is on the way of the tree or the overview.
_CONTRIBUTIONS_SQL = f"""
    SELECT {_ENTRY_COLUMNS}
    FROM reporting_period rp
    JOIN progress_entry pe ON pe.period_id = rp.id
    WHERE rp.plan_id = :plan_id AND rp.cutoff_date <= :day
      AND pe.contribution = 1 AND pe.reported_by = :unit
    ORDER BY rp.cutoff_date, pe.recorded_at, pe.id
"""


def latest_contributions(
    db: Database, plan_id: int, cutoff: date, unit: str, *, session: Session | None = None
) -> dict[int, ProgressInfo]:
    """Each task's latest contribution reported by the coordinating unit named `unit`
    for a report cut off at `cutoff` (what its return form is prefilled with). With
    `session`, read inside the caller's transaction."""
    with _in(db, session, write=False) as session:
        cursor = driver_connection(session.connection()).execute(
            _CONTRIBUTIONS_SQL, {"plan_id": plan_id, "day": cutoff.isoformat(), "unit": unit}
        )
        rows = cursor.fetchall()
    return dict(map(_entry_of_row, rows))  # oldest first: the last one stays


def _latest(
    db: Database,
    columns: str,
    condition: str,
    plan_id: int,
    day: date,
    make: Callable[[tuple[Any, ...]], tuple[int, Any]],
    session: Session | None = None,
) -> dict[int, Any]:
    sql = _LATEST_SQL.format(columns=columns, condition=condition)
    with _in(db, session, write=False) as session:
        # The raw DB-API cursor: 10,000 rows through SQLAlchemy's Row objects cost
        # twice the query itself. Dates go in as ISO text, as SQLite stores them.
        cursor = driver_connection(session.connection()).execute(
            sql, {"plan_id": plan_id, "day": day.isoformat()}
        )
        rows = cursor.fetchall()
    return dict(map(make, rows))


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
    sql = _LATEST_SQL.format(columns=_ENTRY_COLUMNS, condition=_AS_OF_DAY)
    tasks = "WHERE i.plan_id = :plan_id AND i.kind = 'task'"
    assert tasks in sql
    ids = sorted(set(item_ids))
    found: dict[int, ProgressInfo] = {}
    with db.read() as session:
        cursor = driver_connection(session.connection())
        for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
            chunk = ids[start : start + 500]
            names = ", ".join(f":id{n}" for n in range(len(chunk)))
            params: dict[str, Any] = {f"id{n}": item_id for n, item_id in enumerate(chunk)}
            rows = cursor.execute(
                sql.replace(tasks, f"{tasks} AND i.id IN ({names})"),
                {"plan_id": plan_id, "day": day.isoformat(), **params},
            ).fetchall()
            found.update(map(_entry_of_row, rows))
    return found
