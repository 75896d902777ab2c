"""The overview of a plan for a period (Tổng quan): the official buckets, overall, by
section and by lead unit; the percent done; overdue and due-soon lists; indicators.

Counts are taken at the period's cut-off (or an "as of" day), the way the report
upward counts them; the overdue and due-soon lists are about today, for the
chairman's weekly meeting.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from dienchau_desktop.core.buckets import Bucket, BucketCounts, bucket_for, mean_percent
from dienchau_desktop.core.status import DUE_SOON_DAYS
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, periods, progress
from dienchau_desktop.services.items import ItemNode, PlanTree, outline_numbers
from dienchau_desktop.services.periods import PeriodInfo
from dienchau_desktop.services.progress import ProgressInfo, TaskState

#: A task's latest entry, whole or only what the overview counts of it.
Latest = ProgressInfo | TaskState

NO_LEAD_UNIT = "(chưa giao cơ quan chủ trì)"
#: The state of a task nothing was reported for (up to the cut-off, or today).
NO_REPORT = "Chưa báo cáo"
#: Added to "Hoàn thành" when the completion date is after the report's cut-off.
AFTER_CUTOFF = "sau ngày chốt số liệu"


def state_text(entry: Latest | None, cutoff: date | None = None) -> str:
    """A task's state as entered ("Chưa thực hiện", "Tạm dừng"…), or "Chưa báo cáo".

    The buckets count "Chưa thực hiện", "Tạm dừng" and "Đang thực hiện" alike, so
    a row shows this instead. Work completed after `cutoff` is not completed in figures
    cut off then: it says so rather than pass for work in progress at 100 %.
    """
    if entry is None:
        return NO_REPORT
    label = progress.STATUS_LABELS.get(entry.status, entry.status)
    done_on = entry.completed_on
    if entry.status == "completed" and cutoff and done_on is not None and done_on > cutoff:
        return f"{label} {AFTER_CUTOFF}"
    return label


@dataclass(frozen=True, slots=True)
class GroupCounts:
    """The buckets of the tasks under one section, or led by one unit."""

    id: int | None
    number: str
    title: str
    depth: int
    counts: BucketCounts
    percent: float | None
    #: The tasks counted, in plan order: what a double-click on a count lists.
    task_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class TaskLine:
    """A task in a list (overdue, due soon), with what the user needs to act on it."""

    id: int
    number: str
    title: str
    lead_unit: str
    deadline_text: str
    due_date: date | None
    status: str
    percent: int | None


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    id: int
    title: str
    target: float
    unit: str
    actual: float | None


@dataclass(frozen=True)
class Overview:
    plan_id: int
    period: PeriodInfo | None
    cutoff: date
    today: date
    overall: BucketCounts
    percent: float | None
    sections: tuple[GroupCounts, ...]
    units: tuple[GroupCounts, ...]
    overdue: tuple[TaskLine, ...]
    due_soon: tuple[TaskLine, ...]
    indicators: tuple[IndicatorLine, ...]
    buckets: dict[int, Bucket]
    #: Each task's latest entry at the cut-off (the counts'), for its state as entered.
    latest: Mapping[int, Latest] = field(default_factory=dict, compare=False, repr=False)

    def state_of(self, task_id: int) -> str:
        """The task's state as entered at the cut-off (`state_text`)."""
        return state_text(self.latest.get(task_id), self.cutoff)

    #: The snapshot counted and its outline numbers, for `task_lines`.
    tree: PlanTree | None = field(default=None, compare=False, repr=False)
    numbers: Mapping[int, str] = field(default_factory=dict, compare=False, repr=False)

    def task_lines(self, task_ids: Iterable[int]) -> tuple[TaskLine, ...]:
        """The tasks behind a count, as at the cut-off. Made when asked: lines for every
        task of a 10,000-task plan would cost the overview a tenth of its time budget."""
        assert self.tree is not None
        lines = []
        for task_id in task_ids:
            task, entry = self.tree.node(task_id), self.latest.get(task_id)
            lines.append(TaskLine(
                task.id, self.numbers.get(task.id, ""), task.title, task.lead_unit_name,
                task.deadline_text, task.due_date, self.state_of(task.id),
                entry.percent if entry else None,
            ))  # fmt: skip
        return tuple(lines)


def choose_period(candidates: list[PeriodInfo], today: date) -> PeriodInfo | None:
    """The period whose range holds today, else the latest one (DESIGN.md's default)."""
    holding = [p for p in candidates if p.holds(today)]
    if holding:
        return min(holding, key=lambda p: (p.cutoff, p.id))
    return max(candidates, key=lambda p: (p.cutoff, p.id), default=None)


def overview(
    db: Database,
    plan_id: int,
    period_id: int | None = None,
    as_of: date | None = None,
    today: date | None = None,
) -> Overview:
    """The overview of `plan_id` for a period (or as of a day; default: today's period)."""
    today = today or date.today()
    tree = items.plan_tree(db, plan_id)
    period = None
    if as_of is None:
        all_periods = periods.list_periods(db, plan_id)
        if period_id is not None:
            period = next((p for p in all_periods if p.id == period_id), None)
            if period is None:
                from dienchau_desktop.core.errors import NotFoundError

                raise NotFoundError(f"Kế hoạch không có kỳ báo cáo số {period_id}.")
        else:
            period = choose_period(all_periods, today)
    if period is not None:
        cutoff = period.cutoff
        latest = progress.latest_states(db, plan_id, cutoff)
    else:
        cutoff = as_of or today
        latest = progress.latest_states_as_of(db, plan_id, cutoff)
    # The lists are about today; when the counts are too, one query serves both.
    same_day = (period is not None and period.holds(today)) or cutoff == today
    now_latest = latest if same_day else progress.latest_states_as_of(db, plan_id, today)
    return build_overview(tree, period, cutoff, latest, now_latest, today)


def overview_of_snapshot(
    db: Database,
    tree: PlanTree,
    period: PeriodInfo | None,
    today_latest: Mapping[int, Latest],
    today: date,
) -> Overview:
    """The overview of a plan already read (as the window holds it): its tree and each
    task's latest entry as of today. For the period under way, or "as of today", those
    entries are the ones the counts take too; only a past period's are read."""
    if period is None or period.holds(today):
        cutoff = period.cutoff if period else today
        return build_overview(tree, period, cutoff, today_latest, today_latest, today)
    latest = progress.latest_states(db, tree.plan_id, period.cutoff)
    return build_overview(tree, period, period.cutoff, latest, today_latest, today)


def build_overview(
    tree: PlanTree,
    period: PeriodInfo | None,
    cutoff: date,
    latest: Mapping[int, Latest],
    now_latest: Mapping[int, Latest],
    today: date,
) -> Overview:
    """The overview from a snapshot and the latest entries (no database: testable)."""
    tasks = tree.tasks()
    outline = outline_numbers(tree)
    buckets = {t.id: _bucket(t, latest.get(t.id), cutoff) for t in tasks}
    overall = BucketCounts.of(buckets.values())
    # Each task's (percent, weight), as the groups' weighted means take them.
    scored = {t.id: (_percent(latest.get(t.id)), t.weight) for t in tasks}

    # Tasks under each section: one pass, each task credited to its ancestors.
    parents = {node.id: node.parent_id for node in tree.nodes}
    under: dict[int, list[int]] = defaultdict(list)
    for task in tasks:
        parent = task.parent_id
        while parent is not None:
            under[parent].append(task.id)
            parent = parents[parent]
    sections = tuple(
        GroupCounts(
            node.id,
            outline[node.id],
            node.title,
            node.depth,
            BucketCounts.of(buckets[t] for t in under[node.id]),
            mean_percent([scored[t] for t in under[node.id]]),
            tuple(under[node.id]),
        )
        for node in tree.sections()
        if node.depth <= 2 and under[node.id]
    )
    by_unit: dict[str, list[int]] = defaultdict(list)
    for task in tasks:
        by_unit[task.lead_unit_name or NO_LEAD_UNIT].append(task.id)
    units = tuple(
        GroupCounts(
            None,
            "",
            name,
            1,
            BucketCounts.of(buckets[t] for t in ids),
            mean_percent([scored[t] for t in ids]),
            tuple(ids),
        )
        for name, ids in sorted(by_unit.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )

    soon_limit = today + timedelta(days=DUE_SOON_DAYS)
    overdue, due_soon = [], []
    for task in tasks:
        entry = now_latest.get(task.id)
        if task.due_date is None or task.deadline_kind == "recurring" or completed_by(entry, today):
            continue
        line = TaskLine(
            task.id, outline[task.id], task.title, task.lead_unit_name,
            task.deadline_text, task.due_date,
            state_text(entry, today),
            entry.percent if entry else None,
        )  # fmt: skip
        if task.due_date < today:
            overdue.append(line)
        elif task.due_date <= soon_limit:
            due_soon.append(line)
    overdue.sort(key=lambda line: (line.due_date, line.number))
    due_soon.sort(key=lambda line: (line.due_date, line.number))

    indicators = tuple(
        IndicatorLine(
            t.id,
            t.indicator_text or t.title,
            t.indicator_target,
            t.indicator_unit,
            latest[t.id].indicator_actual if t.id in latest else None,
        )
        for t in tasks
        if t.indicator_target is not None
    )
    return Overview(
        tree.plan_id, period, cutoff, today, overall,
        mean_percent(list(scored.values())),
        sections, units, tuple(overdue), tuple(due_soon), indicators, buckets, latest,
        tree, outline,
    )  # fmt: skip


def completed_by(entry: Latest | None, day: date) -> bool:
    """The task's latest entry says it was completed on or before `day`."""
    return (
        entry is not None
        and entry.status == "completed"
        and entry.completed_on is not None
        and entry.completed_on <= day
    )


def _bucket(task: ItemNode, entry: Latest | None, cutoff: date) -> Bucket:
    completed_on = entry.completed_on if entry is not None and completed_by(entry, cutoff) else None
    return bucket_for(
        task.due_date,
        recurring=task.deadline_kind == "recurring",
        completed_on=completed_on,
        cutoff=cutoff,
    )


def _percent(entry: Latest | None) -> float | None:
    if entry is None:
        return None
    if entry.percent is not None:
        return float(entry.percent)
    return 100.0 if entry.status == "completed" else None
