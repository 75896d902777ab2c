"""Filtering the plan tree: text that ignores case and diacritics, unit, state, dates.

The text is matched as a phrase from the start of a word (core.folding.matches).
The matching is worked out once per change of the filters, over the whole snapshot, in
plain Python; the model then shows only those rows. (A QSortFilterProxyModel asks
Python about every row, one call at a time: ten times slower on a district plan.)
Matches keep their ancestors visible, and a section that matches the text shows all
it holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from dienchau_desktop.core.folding import search_key
from dienchau_desktop.core.status import Urgency
from dienchau_desktop.services.items import PlanTree


@dataclass(frozen=True)
class TreeFilter:
    """What the filter bar asks for; the default shows everything."""

    text: str = ""
    lead_unit_id: int | None = None
    states: frozenset[Urgency] = field(default_factory=frozenset)
    due_within_days: int | None = None
    breakthrough_only: bool = False

    @property
    def query(self) -> str:
        """The text as a search key (" cong an"): matched at the start of a word."""
        key = search_key(self.text)
        return key.rstrip() if key.strip() else ""

    @property
    def has_task_conditions(self) -> bool:
        return bool(
            self.lead_unit_id is not None
            or self.states
            or self.due_within_days is not None
            or self.breakthrough_only
        )

    @property
    def is_empty(self) -> bool:
        return not self.query and not self.has_task_conditions


@dataclass(frozen=True)
class FilterResult:
    """The rows to show (None: all of them) and how many items matched."""

    visible: set[int] | None
    match_count: int | None


def apply_filter(
    tree: PlanTree,
    tree_filter: TreeFilter,
    search_text: Callable[[int], str],
    urgency_of: Callable[[int], Urgency],
    today: date,
) -> FilterResult:
    """Which items of `tree` to show for `tree_filter` on `today`."""
    f = tree_filter
    if f.is_empty:
        return FilterResult(None, None)
    query = f.query
    task_conditions = f.has_task_conditions  # once, not once per item: 10,000 a keystroke
    latest = today + timedelta(days=f.due_within_days or 0)
    text_ok: dict[int, bool] = {}
    matched: list[int] = []
    for node in tree.nodes:  # parents come before their children
        inherited = node.parent_id is not None and text_ok[node.parent_id]
        text_ok[node.id] = inherited or not query or query in search_text(node.id)
        if not text_ok[node.id]:
            continue
        if task_conditions:
            if node.kind != "task":
                continue
            if f.lead_unit_id is not None and node.lead_unit_id != f.lead_unit_id:
                continue
            if f.breakthrough_only and not node.is_breakthrough:
                continue
            state = urgency_of(node.id)
            if f.states and state not in f.states:
                continue
            if f.due_within_days is not None and (
                node.due_date is None
                or state is Urgency.COMPLETED
                or not today <= node.due_date <= latest
            ):
                continue
        matched.append(node.id)
    visible = set(matched)
    for item_id in matched:
        parent = tree.node(item_id).parent_id
        while parent is not None and parent not in visible:
            visible.add(parent)
            parent = tree.node(parent).parent_id
    return FilterResult(visible, len(matched))
