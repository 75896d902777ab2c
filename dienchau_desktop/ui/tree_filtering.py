"""The filter in use on the window's plan tree: applied afresh when the filter bar
changes or the plan is read, to the touched items only after an edit, with the rows
opened to show its matches. (What matches is `tree_filter`'s rule.)"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dienchau_desktop.ui.tree_filter import FilterResult, TreeFilter, apply_filter, refilter

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow

#: Up to this many matches, a search opens the tree down to every one of them.
EXPAND_ALL_MATCHES = 400
#: Past this many items, the tree opens with only its sections expanded.
LARGE_PLAN_ITEMS = 3000


class TreeFiltering:
    """Shows in `window.tree` only what the filter lets through, and counts it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.tree_filter = TreeFilter()
        #: The items that match (None: no filter).
        self.match_count: int | None = None
        self._result = FilterResult(None, None)
        #: The day "due within N days" counts from.
        self.today = date.today()
        #: The rows open before a filter opened the tree to its matches (None: no
        #: filter, or the plan changed since): opened again when it is cleared.
        self._open_before: set[int] | None = None
        #: Items she added (or put back) while the filter was on, shown though they do
        #: not match it, until the filter changes: a new task "Nhiệm vụ mới" matches no
        #: search, and vanished with its title editor, what she typed going nowhere.
        self._kept: set[int] = set()

    @property
    def active(self) -> bool:
        return not self.tree_filter.is_empty

    def filter_changed(self) -> None:
        """Apply what the filter bar now says."""
        self.set_filter(self.window.filter_bar.current_filter())

    def set_filter(self, tree_filter: TreeFilter, today: date | None = None) -> None:
        window = self.window
        window.filter_bar.cancel_pending()
        selected = window.selected_id()
        chosen = window.batch.selected_ids()  # kept selected where still shown
        if self.tree_filter.is_empty and not tree_filter.is_empty:
            self._open_before = window.loading.expanded_ids()
        self.tree_filter = tree_filter
        self.today = today or date.today()
        self.refilter()
        if tree_filter.is_empty:
            window.filter_bar.show_match_count(None)
            if self._open_before is not None:  # the rows she had open, open again
                window.loading.expand_ids(self._open_before)
                self._open_before = None
            else:
                self.expand_default()
        else:
            self.expand_matches()
            window.filter_bar.show_match_count(self.match_count)
        kept = [i for i in chosen if window.model.is_shown(i)]
        if len(kept) > 1:
            # The current row hidden, the form goes to the first selected row shown.
            window.batch.select_items(kept, selected if selected in kept else kept[0])
        elif selected is not None and window.model.is_shown(selected):
            window.select_item(selected)

    def forget_open_rows(self) -> None:
        """Another plan shown: clearing the filter opens its default rows."""
        self._open_before = None

    def clear(self) -> None:
        """Everything shown again: one refilter, not five."""
        self.window.filter_bar.clear()

    def refilter(self) -> None:
        """Match every item of the tree afresh (a new filter, or the plan read again)."""
        self._kept.clear()
        model = self.window.model
        result = apply_filter(
            model.tree, self.tree_filter, model.search_text, model.urgency_of, self.today
        )
        self.match_count = result.match_count
        self._result = result
        model.set_visible(result.visible)

    def rows_after_patch(self, reread: set[int], rechecked: set[int], removed: set[int]
                         ) -> set[int] | None:  # fmt: skip
        """The rows the filter shows after a patch: only the items it touched are
        matched again."""
        model = self.window.model
        result = refilter(
            model.tree, self.tree_filter, self._result, model.search_text, model.urgency_of,
            self.today, reread=reread, rechecked=rechecked, removed=removed,
        )  # fmt: skip
        self._result = result
        self.match_count = result.match_count
        window = self.window
        window.filter_bar.show_match_count(self.match_count)
        visible = result.visible
        tree = model.tree
        self._kept = {i for i in self._kept if tree.has(i)}
        if visible is None or not self._kept:
            return visible
        visible = set(visible)
        for item_id in self._kept:
            current: int | None = item_id
            while current is not None and current not in visible:
                visible.add(current)
                current = tree.node(current).parent_id
        return visible

    @property
    def kept_in_view(self) -> frozenset[int]:
        """The items shown though they do not match (see `keep_in_view`)."""
        return frozenset(self._kept)

    def keep_in_view(self, item_ids: list[int]) -> None:
        """Show these items (just added or put back) whether or not they match, until
        the filter changes."""
        if self.active:
            self._kept.update(item_ids)

    def expand_matches(self) -> None:
        """Open the tree down to every match, unless there are too many to read anyway.

        Expanding thousands of rows costs a quarter of a second per keystroke in a
        district-sized plan; past this many matches the first two levels are shown.
        """
        if (self.match_count or 0) <= EXPAND_ALL_MATCHES:
            self.window.tree.expandAll()
        else:
            self.expand_default()

    def expand_placed(self, placed: list[int]) -> None:
        """Rows a patch put in view open like the other matches."""
        if placed and self.active and (self.match_count or 0) <= EXPAND_ALL_MATCHES:
            window = self.window
            for item_id in placed:
                window.tree.expandRecursively(window.model.index_for_id(item_id))

    def expand_default(self) -> None:
        """Sections and their first level open; in a very large plan only the sections.

        Laying out ten thousand open rows costs the view a fifth of a second, which a
        district plan would pay at every start and after every search.
        """
        window = self.window
        window.tree.expandToDepth(1 if len(window.model.tree.nodes) <= LARGE_PLAN_ITEMS else 0)
