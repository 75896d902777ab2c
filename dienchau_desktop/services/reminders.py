"""Reminders (nhắc việc): the tasks not completed that fall due within 7, 3 and 1 days,
and the overdue ones, on a day, grouped by lead unit: what the secretary chases.

Each task is in its tightest band: due today or tomorrow is "within 1 day", in 2 or 3
days "within 3 days", in 4 to 7 days "within 7 days"; due before the day, overdue
(a deadline "Trước ngày 30/11" is met by work done on the 30th: core.deadline).

A task counts as completed on the day when its latest entry says so with a completion
date on or before the day (as the overview's lists count it). Recurring work
("Thường xuyên", "Hằng năm") and tasks without a deadline never fall due on a day, so
nothing reminds of them: their progress is asked for at each reporting period. Tasks
paused or "Không thực hiện" are listed with that state: still not completed, and only
the unit can say whether the task is dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, progress
from dienchau_desktop.services.items import PlanTree, outline_numbers
from dienchau_desktop.services.overview import NO_LEAD_UNIT, Latest, completed_by, state_text

#: The widest band: a task due further ahead than this is not reminded of.
REMINDER_DAYS = 7


class Band(IntEnum):
    """How near a task's due date is; ordered from the most pressing."""

    OVERDUE = 0
    WITHIN_1 = 1
    WITHIN_3 = 3
    WITHIN_7 = 7


#: The bands in the order lists show them, with their words in the drafts.
BAND_WORDS = {
    Band.OVERDUE: "Quá hạn, chưa hoàn thành",
    Band.WITHIN_1: "Đến hạn hôm nay hoặc ngày mai",
    Band.WITHIN_3: "Đến hạn trong 3 ngày tới",
    Band.WITHIN_7: "Đến hạn trong 7 ngày tới",
}


def band_of(days_left: int) -> Band | None:
    """The band of a task due in `days_left` days (negative: overdue); None: later."""
    if days_left < 0:
        return Band.OVERDUE
    for band in (Band.WITHIN_1, Band.WITHIN_3, Band.WITHIN_7):
        if days_left <= band.value:
            return band
    return None


@dataclass(frozen=True, slots=True)
class Reminder:
    """A task to chase: what it is, when it is due, how near, and its latest state."""

    id: int
    number: str  # its outline number, "II.1.a)"
    title: str
    deadline_text: str  # as written: "Quý IV/2026"
    due_date: date
    days_left: int  # negative: overdue by that many days
    band: Band
    state: str  # its latest state as entered, or "Chưa báo cáo"
    percent: int | None

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)


@dataclass(frozen=True, slots=True)
class UnitReminders:
    """The tasks one unit leads that are due or overdue (unit_id None: no lead unit)."""

    unit_id: int | None
    unit_name: str
    tasks: tuple[Reminder, ...]  # the longest overdue first, then by due date, then plan order

    def count(self, band: Band) -> int:
        return sum(1 for t in self.tasks if t.band is band)

    @property
    def overdue(self) -> tuple[Reminder, ...]:
        return tuple(t for t in self.tasks if t.band is Band.OVERDUE)

    @property
    def due(self) -> tuple[Reminder, ...]:
        return tuple(t for t in self.tasks if t.band is not Band.OVERDUE)


@dataclass(frozen=True, slots=True)
class Reminders:
    """A plan's reminders on a day, by lead unit: the units with the most overdue first,
    the tasks without a lead unit last."""

    plan_id: int
    day: date
    units: tuple[UnitReminders, ...]

    def count(self, band: Band) -> int:
        return sum(u.count(band) for u in self.units)

    @property
    def total(self) -> int:
        return sum(len(u.tasks) for u in self.units)

    @property
    def is_empty(self) -> bool:
        return not self.units


def reminders_of(tree: PlanTree, latest: Mapping[int, Latest], day: date) -> Reminders:
    """The reminders of a plan already read (its tree and each task's latest entry as
    of `day`, as the window holds them): no database, so the window's list costs one
    pass over the tasks."""
    outline = outline_numbers(tree)
    by_unit: dict[int | None, list[Reminder]] = defaultdict(list)
    names: dict[int | None, str] = {None: NO_LEAD_UNIT}
    for task in tree.tasks():
        due = task.due_date
        if due is None or task.deadline_kind == "recurring":
            continue
        entry = latest.get(task.id)
        if completed_by(entry, day):
            continue
        days_left = (due - day).days
        band = band_of(days_left)
        if band is None:
            continue
        by_unit[task.lead_unit_id].append(Reminder(
            task.id, outline.get(task.id, task.number), task.title, task.deadline_text, due,
            days_left, band, state_text(entry, day), entry.percent if entry else None,
        ))  # fmt: skip
        if task.lead_unit_id is not None:
            names[task.lead_unit_id] = task.lead_unit_name
    # By how near they fall due; on the same day, in the plan's order (a stable sort).
    groups = [
        UnitReminders(unit_id, names[unit_id], tuple(sorted(tasks, key=lambda r: r.days_left)))
        for unit_id, tasks in by_unit.items()
    ]
    groups.sort(key=lambda g: (g.unit_id is None, -g.count(Band.OVERDUE), -len(g.tasks),
                               g.unit_name))  # fmt: skip
    return Reminders(tree.plan_id, day, tuple(groups))


def reminders(db: Database, plan_id: int, day: date | None = None) -> Reminders:
    """The reminders of plan `plan_id` on `day` (default: today), read from the file."""
    day = day or date.today()
    tree = items.plan_tree(db, plan_id)
    return reminders_of(tree, progress.latest_entries_as_of(db, plan_id, day), day)
