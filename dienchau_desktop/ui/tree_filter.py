"""Filtering the plan tree: text that ignores case and diacritics, unit, state, dates.

The text is matched as a phrase from the start of a word (core.folding.matches).
The matching is worked out once per change of the filters, over the whole snapshot, in
plain Python; the model then shows only those rows. After an edit, `refilter` works
out again only the items the edit touched. (A QSortFilterProxyModel asks
Python about every row, one call at a time: ten times slower on a district plan.)
Matches keep their ancestors visible, and a section that matches the text shows all
it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from dienchau_desktop.core.folding import search_key
from dienchau_desktop.core.status import Urgency
from dienchau_desktop.services.items import ItemNode, PlanTree


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


@dataclass
class Found:
    """What a filter found, item by item, kept so an edit can be re-checked alone."""

    text_ok: dict[int, bool]  # the item or one above it has the text
    matched: set[int]


@dataclass(frozen=True)
class FilterResult:
    """The rows to show (None: all of them) and how many items matched."""

    visible: set[int] | None
    match_count: int | None
    found: Found | None = field(default=None, compare=False, repr=False)


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
        if task_conditions and not _meets(f, node, urgency_of, today, latest):
            continue
        matched.append(node.id)
    visible = set(matched)
    for item_id in matched:
        parent = tree.node(item_id).parent_id
        while parent is not None and parent not in visible:
            visible.add(parent)
            parent = tree.node(parent).parent_id
    return FilterResult(visible, len(matched), Found(text_ok, set(matched)))


def _meets(
    f: TreeFilter,
    node: ItemNode,
    urgency_of: Callable[[int], Urgency],
    today: date,
    latest: date,
) -> bool:
    """Whether an item meets the filter's task conditions (unit, state, dates)."""
    if node.kind != "task":
        return False
    if f.lead_unit_id is not None and node.lead_unit_id != f.lead_unit_id:
        return False
    if f.breakthrough_only and not node.is_breakthrough:
        return False
    state = urgency_of(node.id)
    if f.states and state not in f.states:
        return False
    return f.due_within_days is None or (
        node.due_date is not None
        and state is not Urgency.COMPLETED
        and today <= node.due_date <= latest
    )


def refilter(
    tree: PlanTree,
    tree_filter: TreeFilter,
    previous: FilterResult,
    search_text: Callable[[int], str],
    urgency_of: Callable[[int], Urgency],
    today: date,
    *,
    reread: Iterable[int] = (),
    rechecked: Iterable[int] = (),
    removed: Iterable[int] = (),
) -> FilterResult:
    """`apply_filter` after an edit, worked out again only where it changed: the
    items `reread` (their text or place changed; what they hold follows them), those
    `rechecked` (their state changed) and those `removed`. `previous` is the result
    before the edit, for the same filter; it is used up."""
    if previous.found is None or previous.visible is None or tree_filter.is_empty:
        return apply_filter(tree, tree_filter, search_text, urgency_of, today)
    f = tree_filter
    query = f.query
    latest = today + timedelta(days=f.due_within_days or 0)
    text_ok, matched = previous.found.text_ok, previous.found.matched
    visible = set(previous.visible)
    for item_id in removed:
        text_ok.pop(item_id, None)
        matched.discard(item_id)
        visible.discard(item_id)
    present = [tree.node(i) for i in set(reread) if tree.has(i)]
    checked = {i for i in rechecked if tree.has(i)}
    for top in sorted(present, key=lambda n: n.depth):  # parents first
        below = [top]
        while below:
            node = below.pop()
            inherited = node.parent_id is not None and text_ok[node.parent_id]
            was = text_ok.get(node.id)
            text_ok[node.id] = inherited or not query or query in search_text(node.id)
            checked.add(node.id)
            if text_ok[node.id] != was:  # what it holds inherits the change
                below.extend(tree.node(c) for c in node.child_ids)
    for item_id in checked:
        node = tree.node(item_id)
        if text_ok[item_id] and (
            not f.has_task_conditions or _meets(f, node, urgency_of, today, latest)
        ):
            matched.add(item_id)
        else:
            matched.discard(item_id)
    # Shown: a match, or above one. Worked out from the bottom along the chains up.
    around: set[int] = set()
    for item_id in checked:
        current: int | None = item_id
        while current is not None and current not in around:
            around.add(current)
            current = tree.node(current).parent_id
    for node in sorted((tree.node(i) for i in around), key=lambda n: -n.depth):
        if node.id in matched or any(c in visible for c in node.child_ids):
            visible.add(node.id)
        else:
            visible.discard(node.id)
    return FilterResult(visible, len(matched), Found(text_ok, matched))
