"""The units' view (Theo đơn vị): for each unit, the tasks of a plan it leads (chủ trì)
and those it coordinates (phối hợp), each with its state today, its deadline and its
last report; and per unit how many of each, and how many are overdue.

Made from a plan already read (its tree and each task's latest entry as of today), as
the window holds it, so showing the view reads nothing but the units' list; or from the
data file (`units_view_of_plan`). Plain data, no Qt.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from dienchau_desktop.core.status import Urgency, roll_up, urgency
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, progress, units
from dienchau_desktop.services.items import ItemNode, PlanTree, outline_numbers
from dienchau_desktop.services.overview import completed_by
from dienchau_desktop.services.progress import ProgressInfo
from dienchau_desktop.services.units import UnitInfo

LEAD = "lead"
COORDINATE = "coordinate"


class UnitTask(NamedTuple):
    """A task as a unit's list shows it (a named tuple: a district plan makes 30,000)."""

    id: int
    number: str  # its full number ("II.4.c)")
    title: str
    lead_unit: str
    deadline_text: str
    due_date: date | None
    urgency: Urgency  # today, its subtasks' included, as the plan tree shows it
    status: str | None  # the latest entry's ("in_progress"…); None: nothing reported
    percent: int | None  # the latest entry's; 100 for work completed without one
    reported_on: date | None  # when the latest entry was recorded


@dataclass(frozen=True, slots=True)
class UnitTasks:
    """One unit and its tasks in the plan, in plan order; `overdue`: how many of them
    are overdue today (counted once, as made: its line shows it at every paint)."""

    unit: UnitInfo
    leads: tuple[UnitTask, ...]
    coordinates: tuple[UnitTask, ...]
    overdue: int = field(init=False)

    def __post_init__(self) -> None:
        # A unit never coordinates a task it leads (items refuses that): no task twice.
        late = sum(t.urgency is Urgency.OVERDUE for t in (*self.leads, *self.coordinates))
        object.__setattr__(self, "overdue", late)

    def tasks(self, role: str) -> tuple[UnitTask, ...]:
        return self.leads if role == LEAD else self.coordinates


#: What each task's line was made from, kept by the caller between builds so that a
#: rebuild after an edit makes again only the lines of what changed: task id →
#: (node, latest entry, state, full number, the day it was made for, line).
LineCache = dict[int, tuple[ItemNode, ProgressInfo | None, Urgency, str, date, UnitTask]]


def build_units_view(
    tree: PlanTree,
    latest: Mapping[int, ProgressInfo],
    unit_list: Sequence[UnitInfo],
    today: date,
    shown: Collection[int] | None = None,
    cache: LineCache | None = None,
    states: Callable[[int], Urgency] | None = None,
    numbers: Callable[[int], str] | None = None,
) -> list[UnitTasks]:
    """Each unit of `unit_list` (in its order) that leads or coordinates a task of
    `tree`, with those tasks. `latest`: each task's latest entry as of `today`.
    `shown`: only these tasks (a filter's matches; None: all of them), and only the
    units left with one. `cache`: the lines of the last build, reused where the node
    and its entry are the very objects they were made from (and updated). `states`
    and `numbers`: each task's state today (its subtasks' rolled up) and full number,
    where the caller has them worked out already (the window's plan tree has)."""
    if states is None:
        states = _task_states(tree, latest, today).__getitem__
    if numbers is None:
        outline = outline_numbers(tree)
        numbers = outline.__getitem__
    lines: LineCache = {} if cache is None else cache
    leads: dict[int, list[UnitTask]] = {}
    coordinates: dict[int, list[UnitTask]] = {}
    for node in tree.nodes:
        if node.kind != "task" or (shown is not None and node.id not in shown):
            continue
        line = _cached_line(node, latest.get(node.id), states(node.id), numbers(node.id),
                            today, lines)  # fmt: skip
        if node.lead_unit_id is not None:
            leads.setdefault(node.lead_unit_id, []).append(line)
        for unit_id in node.coordinator_ids:  # never its lead (items refuses that)
            coordinates.setdefault(unit_id, []).append(line)
    return [
        UnitTasks(unit, tuple(leads.get(unit.id, ())), tuple(coordinates.get(unit.id, ())))
        for unit in unit_list
        if unit.id in leads or unit.id in coordinates
    ]


def update_units_view(
    previous: Sequence[UnitTasks],
    old_tree: PlanTree,
    tree: PlanTree,
    latest: Mapping[int, ProgressInfo],
    unit_list: Sequence[UnitInfo],
    today: date,
    touched: Collection[int],
    was_shown: Collection[int] | None,
    shown: Collection[int] | None,
    cache: LineCache,
    states: Callable[[int], Urgency],
    numbers: Callable[[int], str],
    position: Callable[[], Mapping[int, int]],
) -> list[UnitTasks]:
    """`build_units_view` of `tree`, made from `previous` (the view of `old_tree`,
    its tasks `was_shown`) where only the items `touched` may have changed: their
    line, their units, whether they are shown. Only the units they were or are in
    are made again; the others are `previous`'s own objects. `touched` must hold
    every task whose line or place in the view may differ (an edited task, the tasks
    above it, the ones renumbered, the ones a filter now shows or hides).
    `position()`: each item's place in `tree.nodes` (asked for only if a task is put
    into a unit's list; the caller keeps it while the tree's shape stays)."""
    affected: set[int] = set()
    fresh: dict[tuple[int, str], list[UnitTask]] = {}
    for item_id in touched:
        if old_tree.has(item_id):
            node = old_tree.node(item_id)
            if node.kind == "task" and (was_shown is None or item_id in was_shown):
                affected.update(unit for unit, _role in _roles(node))
        if tree.has(item_id):
            node = tree.node(item_id)
            if node.kind == "task" and (shown is None or item_id in shown):
                line = _cached_line(node, latest.get(item_id), states(item_id),
                                    numbers(item_id), today, cache)  # fmt: skip
                for unit, role in _roles(node):
                    affected.add(unit)
                    fresh.setdefault((unit, role), []).append(line)
    if not affected:
        return list(previous)
    before = {unit.unit.id: unit for unit in previous}
    made = []
    for info in unit_list:
        old = before.get(info.id)
        if info.id not in affected:
            if old is not None:
                made.append(old)
            continue
        groups = []
        for role in (LEAD, COORDINATE):
            was = old.tasks(role) if old else ()
            kept = [t for t in was if t.id not in touched]
            added = fresh.get((info.id, role))
            if not added and len(kept) == len(was):
                groups.append(was)  # the same object: the view sees it unchanged
                continue
            if added:  # into plan order (what was kept is in it already)
                places = position()
                for line in added:
                    insort(kept, line, key=lambda t: places[t.id])
            groups.append(tuple(kept))
        if groups[0] or groups[1]:
            made.append(UnitTasks(info, groups[0], groups[1]))
    return made


def _roles(node: ItemNode) -> list[tuple[int, str]]:
    """(unit id, role) of each unit the task names."""
    found = [(node.lead_unit_id, LEAD)] if node.lead_unit_id is not None else []
    return found + [(unit, COORDINATE) for unit in node.coordinator_ids]


def _cached_line(
    node: ItemNode,
    entry: ProgressInfo | None,
    state: Urgency,
    number: str,
    today: date,
    cache: LineCache,
) -> UnitTask:
    """The task's line: the one made before if made from these very values."""
    kept = cache.get(node.id)
    if (
        kept is not None
        and kept[0] is node
        and kept[1] is entry
        and kept[2] is state
        and kept[3] == number
        and kept[4] == today
    ):
        return kept[5]
    line = _line(node, entry, state, number, completed_by(entry, today))
    cache[node.id] = (node, entry, state, number, today, line)
    return line


def _line(
    node: ItemNode, entry: ProgressInfo | None, state: Urgency, number: str, completed: bool
) -> UnitTask:
    percent = None if entry is None else entry.percent
    if percent is None and completed:
        percent = 100
    return UnitTask(
        node.id, number, node.title.replace("\n", " "), node.lead_unit_name,
        node.deadline_text, node.due_date, state, None if entry is None else entry.status,
        percent, None if entry is None else entry.recorded_at.date(),
    )  # fmt: skip


def _task_states(
    tree: PlanTree, latest: Mapping[int, ProgressInfo], today: date
) -> dict[int, Urgency]:
    """Each task's urgency today with its subtasks' rolled up, as the plan tree's."""
    states: dict[int, Urgency] = {}
    for node in reversed(tree.nodes):  # children before parents
        if node.kind != "task":
            continue
        state = urgency(
            node.due_date,
            recurring=node.deadline_kind == "recurring",
            completed=completed_by(latest.get(node.id), today),
            today=today,
        )
        if node.child_ids:  # the most pressing of its own and its subtasks' (roll_up)
            state = roll_up([state, *(states[c] for c in node.child_ids if c in states)])
        states[node.id] = state
    return states


def units_view_of_plan(db: Database, plan_id: int, today: date) -> list[UnitTasks]:
    """`build_units_view` of a plan read from the data file (every task shown)."""
    tree = items.plan_tree(db, plan_id)
    latest = progress.latest_entries_as_of(db, plan_id, today)
    return build_units_view(tree, latest, units.list_units(db), today)
