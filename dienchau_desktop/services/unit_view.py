"""The units' view (Theo đơn vị): for each unit, the tasks of a plan it leads (chủ trì)
and those it coordinates (phối hợp), each with its state today, its deadline and its
last report; and per unit how many of each, and how many are overdue.

Made from a plan already read (its tree and each task's latest entry as of today), as
the window holds it, so showing the view reads nothing but the units' list; or from the
data file (`units_view_of_plan`). Plain data, no Qt.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
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
    """One unit and its tasks in the plan, in plan order."""

    unit: UnitInfo
    leads: tuple[UnitTask, ...]
    coordinates: tuple[UnitTask, ...]

    @property
    def overdue(self) -> int:
        """How many of its tasks (led or coordinated) are overdue today."""
        late = {t.id for t in (*self.leads, *self.coordinates) if t.urgency is Urgency.OVERDUE}
        return len(late)

    def tasks(self, role: str) -> tuple[UnitTask, ...]:
        return self.leads if role == LEAD else self.coordinates


#: What each task's line was made from, kept by the caller between builds so that a
#: rebuild after an edit makes again only the lines of what changed: task id →
#: (node, latest entry, state, full number, completed, line).
LineCache = dict[int, tuple[ItemNode, ProgressInfo | None, Urgency, str, bool, UnitTask]]


def build_units_view(
    tree: PlanTree,
    latest: Mapping[int, ProgressInfo],
    unit_list: Sequence[UnitInfo],
    today: date,
    shown: Collection[int] | None = None,
    cache: LineCache | None = None,
) -> list[UnitTasks]:
    """Each unit of `unit_list` (in its order) that leads or coordinates a task of
    `tree`, with those tasks. `latest`: each task's latest entry as of `today`.
    `shown`: only these tasks (a filter's matches; None: all of them), and only the
    units left with one. `cache`: the lines of the last build, reused where the node
    and its entry are the very objects they were made from (and updated)."""
    states, done = _task_states(tree, latest, today)
    outline = outline_numbers(tree)
    lines: LineCache = {} if cache is None else cache
    leads: dict[int, list[UnitTask]] = {}
    coordinates: dict[int, list[UnitTask]] = {}
    for node in tree.nodes:
        if node.kind != "task" or (shown is not None and node.id not in shown):
            continue
        entry = latest.get(node.id)
        state = states[node.id]
        number = outline.get(node.id, node.number)
        completed = node.id in done
        kept = lines.get(node.id)
        if (
            kept is not None
            and kept[0] is node
            and kept[1] is entry
            and kept[2] is state
            and kept[3] == number
            and kept[4] == completed
        ):
            line = kept[5]
        else:
            line = _line(node, entry, state, number, completed)
            lines[node.id] = (node, entry, state, number, completed, line)
        if node.lead_unit_id is not None:
            leads.setdefault(node.lead_unit_id, []).append(line)
        for unit_id in node.coordinator_ids:  # never its lead (items refuses that)
            coordinates.setdefault(unit_id, []).append(line)
    return [
        UnitTasks(unit, tuple(leads.get(unit.id, ())), tuple(coordinates.get(unit.id, ())))
        for unit in unit_list
        if unit.id in leads or unit.id in coordinates
    ]


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
) -> tuple[dict[int, Urgency], set[int]]:
    """Each task's urgency today with its subtasks' rolled up, as the plan tree's; and
    the tasks completed by `today`."""
    states: dict[int, Urgency] = {}
    completed: set[int] = set()
    for node in reversed(tree.nodes):  # children before parents
        if node.kind != "task":
            continue
        entry = latest.get(node.id)
        done = completed_by(entry, today)
        if done:
            completed.add(node.id)
        state = urgency(
            node.due_date,
            recurring=node.deadline_kind == "recurring",
            completed=done,
            today=today,
        )
        if node.child_ids:  # the most pressing of its own and its subtasks' (roll_up)
            state = roll_up([state, *(states[c] for c in node.child_ids if c in states)])
        states[node.id] = state
    return states, completed


def units_view_of_plan(db: Database, plan_id: int, today: date) -> list[UnitTasks]:
    """`build_units_view` of a plan read from the data file (every task shown)."""
    tree = items.plan_tree(db, plan_id)
    latest = progress.latest_entries_as_of(db, plan_id, today)
    return build_units_view(tree, latest, units.list_units(db), today)
