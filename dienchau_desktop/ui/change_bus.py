"""One application-level signal that says what changed; every view refreshes from it.

A change names the items it touched, so a view asks whether it concerns it and patches
only those (as Anki's `OpChanges` do): a field edit in a 10,000-task plan must not
read the plan again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from dienchau_desktop.core.errors import UserError
from dienchau_desktop.services.items import ItemNode


@dataclass(frozen=True, slots=True)
class Change:
    """What a finished operation changed.

    `what` is "items" (a plan's tree: structure or fields), "progress" (entries of
    tasks), "periods", "plan" (a plan's header), "plans" (plans added or removed) or
    "units".

    `item_ids` are the items whose fields (or, for "progress", entries) changed; the
    first is the one to show afterwards. `placed` are items added, put back or moved,
    each with everything under it (their new siblings are renumbered); `removed` are
    items taken out, with everything under them. An items change with neither changed
    fields only, and rows can be updated where they are.

    `nodes`, when given, are what `items.nodes` returns for this change (the items
    `placed`, and the children of the parents of those `removed`), read by the
    operation in its own transaction (an add, a delete, either undone): the views
    patch from them instead of reading again.
    """

    what: str
    plan_id: int | None = None
    item_ids: tuple[int, ...] = ()
    placed: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()
    nodes: tuple[ItemNode, ...] | None = None

    @property
    def reshapes(self) -> bool:
        """True when items were added, removed or moved (not only their fields)."""
        return bool(self.placed or self.removed)

    def concerns_tree_of(self, plan_id: int | None) -> bool:
        """Whether the tree of plan `plan_id` changed (its items, not their progress)."""
        return self.what == "items" and plan_id is not None and self.plan_id == plan_id

    def concerns_progress_of(self, plan_id: int | None) -> bool:
        """Whether progress entries of tasks of plan `plan_id` changed."""
        return self.what == "progress" and plan_id is not None and self.plan_id == plan_id


class ChangeBus(QObject):
    """Carries `Change`s from the operations to the views, and failures to the window."""

    changed = Signal(object)
    failed = Signal(object)  # a UserError raised while undoing or redoing

    def announce(self, change: Change) -> None:
        self.changed.emit(change)

    def report(self, error: UserError) -> None:
        self.failed.emit(error)
