"""Filtering the plan tree: text that ignores case and diacritics, unit, state, dates.

The text is matched as a phrase from the start of a word (core.folding.matches).

The matching is worked out once per change of the filters, over the whole snapshot, in
plain Python; `filterAcceptsRow` then only looks the row up in a set. Matches keep
their ancestors visible, and a section that matches the text shows all it holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from dienchau_desktop.core.folding import search_key
from dienchau_desktop.core.status import Urgency
from dienchau_desktop.ui.tree_model import PlanTreeModel


@dataclass(frozen=True)
class TreeFilter:
    """What the filter bar asks for; the default shows everything."""

    text: str = ""
    lead_unit_id: int | None = None
    states: frozenset[Urgency] = field(default_factory=frozenset)
    due_within_days: int | None = None
    breakthrough_only: bool = False

    @property
    def has_task_conditions(self) -> bool:
        return bool(
            self.lead_unit_id is not None
            or self.states
            or self.due_within_days is not None
            or self.breakthrough_only
        )

    @property
    def query(self) -> str:
        """The text as a search key (" cong an"): matched at the start of a word."""
        return search_key(self.text).rstrip() if search_key(self.text).strip() else ""

    @property
    def is_empty(self) -> bool:
        return not self.query and not self.has_task_conditions


class PlanFilterProxy(QSortFilterProxyModel):
    """Shows the rows of a `PlanTreeModel` that the current `TreeFilter` lets through."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._filter = TreeFilter()
        self._visible: set[int] | None = None  # None: everything
        self._today = date.today()

    @property
    def tree_filter(self) -> TreeFilter:
        return self._filter

    @property
    def match_count(self) -> int | None:
        """How many items match (ancestors shown for context not counted); None: no filter."""
        return None if self._visible is None else self._match_count

    def set_filter(self, tree_filter: TreeFilter, today: date | None = None) -> None:
        self._filter = tree_filter
        self._today = today or date.today()
        self.refilter()

    def refilter(self) -> None:
        """Work out the visible rows again (after a new filter or a new snapshot)."""
        self.beginFilterChange()
        self._visible = self._compute_visible()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _compute_visible(self) -> set[int] | None:
        f = self._filter
        if f.is_empty:
            return None
        model = self.sourceModel()
        assert isinstance(model, PlanTreeModel)
        tree = model.tree
        query = f.query
        text_ok: dict[int, bool] = {}
        matched: list[int] = []
        latest = self._today + timedelta(days=f.due_within_days or 0)
        for node in tree.nodes:  # parents come before their children
            inherited = node.parent_id is not None and text_ok[node.parent_id]
            text_ok[node.id] = inherited or not query or query in model.search_text(node.id)
            if not text_ok[node.id]:
                continue
            if f.has_task_conditions:
                if node.kind != "task":
                    continue
                if f.lead_unit_id is not None and node.lead_unit_id != f.lead_unit_id:
                    continue
                if f.breakthrough_only and not node.is_breakthrough:
                    continue
                state = model.urgency_of(node.id)
                if f.states and state not in f.states:
                    continue
                if f.due_within_days is not None and (
                    node.due_date is None
                    or state is Urgency.COMPLETED
                    or not self._today <= node.due_date <= latest
                ):
                    continue
            matched.append(node.id)
        self._match_count = len(matched)
        visible = set(matched)
        for item_id in matched:
            parent = tree.node(item_id).parent_id
            while parent is not None and parent not in visible:
                visible.add(parent)
                parent = tree.node(parent).parent_id
        return visible

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._visible is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return index.internalId() in self._visible
