"""Following the changes announced on the bus: the items or entries a change touched
are read again and patched into the tree's rows (the filter matching only those), the
selection, the open rows and the form kept; what concerns a whole plan is read again."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker

from dienchau_desktop.services import items, progress
from dienchau_desktop.services.items import ItemNode, PlanTree
from dienchau_desktop.ui.change_bus import Change

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow


class TreePatching:
    """Keeps `window`'s views as the data file is after each `Change`."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def follow(self, change: Change) -> None:
        """The bus's `changed`: patch what the change concerns, or read it again."""
        window, loading = self.window, self.window.loading
        if change.what == "units":
            loading.reload_units()
            loading.reload_tree()
        elif change.what in {"plan", "plans"}:
            loading.reload_plans()
        elif change.concerns_tree_of(window.plan_id):
            self._patch_tree(change)
        elif change.concerns_progress_of(window.plan_id):
            self._patch_progress(change.item_ids)
        elif change.what == "periods" and change.plan_id == window.plan_id:
            loading.reload_periods()
            loading.reload_progress()

    def _patch_tree(self, change: Change) -> None:
        """The items a change touched read again and patched into the tree's rows."""
        window = self.window
        assert window.plan_id is not None
        tree = window.model.tree
        removed = [i for i in change.removed if tree.has(i)]
        # Where removed and moved items were: their old siblings are renumbered.
        left = {tree.node(i).parent_id for i in (*removed, *change.placed) if tree.has(i)}
        edited = [i for i in change.item_ids if i not in change.placed]
        if change.nodes is not None and not edited:
            fresh = list(change.nodes)  # read by the operation, as `nodes` would
        else:
            fresh = items.nodes(window.db, window.plan_id, edited, placed=change.placed,
                                children_of=left)  # fmt: skip
        # What she adds or puts back stays in view under a search it does not match.
        window.filtering.keep_in_view([i for i in change.placed if not tree.has(i)])
        # A delete undone brings its tasks' progress back with them.
        back = [n.id for n in fresh if n.kind == "task" and not tree.has(n.id)]
        # A kind changed (a task made a paragraph, a section made a task) changes the count.
        kinds_changed = any(tree.has(n.id) and tree.node(n.id).kind != n.kind for n in fresh)
        entries = progress.latest_entries_of(window.db, window.plan_id, date.today(), back)
        self._apply(fresh, removed, {i: entries.get(i) for i in back}, change.item_ids[:1])
        # The count and the names offered go through the whole plan: only when they
        # may have changed (a move changes neither; 3 ms in a district plan).
        if removed or kinds_changed or any(not tree.has(n.id) for n in fresh):
            window.loading.update_count()
        if _people_may_differ(tree, fresh, removed):
            window.loading.update_people()
        window.notice.show_counts(window.model.task_urgency_counts())
        window.overview.refresh_if_shown()

    def _patch_progress(self, item_ids: tuple[int, ...]) -> None:
        """The latest entries of the tasks whose progress changed, patched in."""
        window = self.window
        assert window.plan_id is not None
        tasks = [i for i in item_ids if window.model.tree.has(i)]
        entries = progress.latest_entries_of(window.db, window.plan_id, date.today(), tasks)
        self._apply([], [], {i: entries.get(i) for i in tasks}, (), refilter=False)
        window.notice.show_counts(window.model.task_urgency_counts())
        window.overview.refresh_if_shown()

    def _apply(
        self,
        fresh: list[ItemNode],
        removed: list[int],
        entries: dict[int, progress.ProgressInfo | None],
        show: tuple[int, ...],
        refilter: bool = True,
    ) -> None:
        """Patch the model and keep the selection, the expanded rows and the form as
        they were (the item `show`, when given, is selected and shown). Without
        `refilter` the filter's rows stay as they are (progress never re-filtered)."""
        window = self.window
        model, view, selection = window.model, window.tree, window.tree.selectionModel()
        selected = window.selected_id()
        # The selected row taken away (an add undone): the cursor goes to the row beside
        # it, as after a delete, not to nothing with the form emptied.
        beside = _beside(model.tree, selected, removed) if not show else None
        rows = model.visible_rows
        visible = (lambda *_ids: rows) if not refilter else None
        if refilter and window.filtering.active:
            visible = window.filtering.rows_after_patch
        # A row taken out of view takes the selection with it, quietly, as a reload
        # did: the selection model would otherwise hop to a neighbour and the form
        # with it, before the window chooses what to show.
        with QSignalBlocker(selection):
            placed = model.patch(fresh, removed, entries, visible)
            if selected is not None and not model.is_shown(selected):
                selection.clear()
        window.filtering.expand_placed(placed)
        target = show[0] if show else selected
        if beside is not None and model.is_shown(beside):
            target = beside
        if target is None or not model.is_shown(target):
            if show:  # an item the filter hides: nothing is selected, as a reload left it
                with QSignalBlocker(selection):
                    selection.clear()
            view.viewport().update()
            window.show_in_form(None)
        elif target != selected:
            window.select_item(target)
        else:
            node = model.tree.node(target)
            if show:
                view.scrollTo(model.index_for_id(target))
            if fresh and not window.form.shows(node, model.outline(target)):
                window.form.show_node(node, model.outline(target))
            # A field edit leaves the task's progress as it was: not read again.
            if entries or not window.form.progress.renew_task(node):
                window.show_progress_of(node)
        window.update_action_states()


def _beside(tree: PlanTree, selected: int | None, removed: list[int]) -> int | None:
    """The row to select when `removed` takes the `selected` one away: the one above it
    among its siblings (after an add undone, the one it was added after), else the one
    below, else its parent. None when the selected row stays."""
    if selected is None or not tree.has(selected):
        return None
    gone = set(removed)
    top: int | None = selected
    while top is not None and top not in gone:
        top = tree.node(top).parent_id
    if top is None:
        return None
    parent_id = tree.node(top).parent_id
    siblings = [n.id for n in tree.children(parent_id)]
    place = siblings.index(top)
    for neighbour in (*reversed(siblings[:place]), *siblings[place + 1 :]):
        if neighbour not in gone:
            return neighbour
    return parent_id


def _people_may_differ(before: PlanTree, fresh: list[ItemNode], removed: list[int]) -> bool:
    """Whether the plan's names of responsible people may differ after a change that
    put in `fresh` nodes and took out the items `removed` (with what they held)."""
    for node in fresh:
        old = before.node(node.id) if before.has(node.id) else None
        if (old.responsible_person if old else "") != node.responsible_person:
            return True
    below = list(removed)
    while below:
        node = before.node(below.pop())
        if node.responsible_person:
            return True
        below.extend(node.child_ids)
    return False
