"""Several items side by side moved together: up, down, indent, outdent (Ctrl+Up,
Ctrl+Down, Tab or Alt+Right, Shift+Tab or Alt+Left), as one undo step.

Only a block of neighbours under one heading moves: that is what an outline does with
it, and items from several places have no one "up" to go to; for any other selection
the moves are disabled (ui.batch_editing says why). Each move is the services' own
(items.move_item), so the rules that refuse a move (nothing under a paragraph, the top
level has no outdent) hold; one refused undoes those done before it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from dienchau_desktop.core.errors import UserError, ValidationError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items
from dienchau_desktop.services.items import ItemNode, PlanTree
from dienchau_desktop.ui.change_bus import Change, ChangeBus
from dienchau_desktop.ui.undo_commands import ServiceCommand, perform

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow

#: An item's place: (item, parent (None: the top level), position among its siblings).
Place = tuple[int, int | None, int]


class MoveBlockCommand(ServiceCommand):
    """Move items to `moves`, in that order; undo puts each back at its place in
    `before` (places under one parent, put back from the first)."""

    def __init__(self, db: Database, bus: ChangeBus, plan_id: int, moves: Sequence[Place],
                 before: Sequence[Place], block: Sequence[int], text: str,
                 reselect: Callable[[], None]) -> None:  # fmt: skip
        super().__init__(db, bus, text)
        self.plan_id, self.moves = plan_id, tuple(moves)
        self.before = tuple(sorted(before, key=lambda place: place[2]))
        self.block, self.reselect = tuple(block), reselect

    def apply(self) -> Change:
        done: list[Place] = []
        try:
            for item_id, parent_id, position in self.moves:
                items.move_item(self.db, item_id, parent_id, position)
                done.append((item_id, parent_id, position))
        except UserError:
            if done:  # all or nothing, as one step
                self._put_back({item_id for item_id, _p, _n in done})
            raise
        return self._change()

    def revert(self) -> Change:
        self._put_back({item_id for item_id, _p, _n in self.moves})
        return self._change()

    def _put_back(self, moved: set[int]) -> None:
        for item_id, parent_id, position in self.before:
            if item_id in moved:
                items.move_item(self.db, item_id, parent_id, position)

    def _change(self) -> Change:
        moved = tuple(dict.fromkeys(item_id for item_id, _p, _n in self.moves))
        return Change("items", self.plan_id, (*self.block, *moved), placed=moved)

    def redo(self) -> None:
        first = self._skip_first_redo
        super().redo()
        if not first:
            self.reselect()

    def undo(self) -> None:
        super().undo()
        self.reselect()


def block_of(tree: PlanTree, chosen: Sequence[int]) -> list[ItemNode] | None:
    """The items `chosen`, in order, when they are two or more neighbours under one
    parent (paragraphs count as neighbours); None otherwise."""
    if len(chosen) < 2:
        return None
    nodes = sorted((tree.node(i) for i in chosen), key=lambda n: n.position)
    parents = {n.parent_id for n in nodes}
    if len(parents) != 1:
        return None
    first = nodes[0].position
    if [n.position for n in nodes] != list(range(first, first + len(nodes))):
        return None
    return nodes


def plan_moves(tree: PlanTree, block: list[ItemNode], how: str) -> list[Place]:
    """Where each item goes for the move `how` ("up", "down", "indent", "outdent");
    empty when the block is already at the end it moves to. Raises the services'
    `ValidationError` when the block cannot go there."""
    parent_id = block[0].parent_id
    siblings = [n.id for n in tree.children(parent_id)]
    first, last = block[0].position, block[-1].position
    if how == "up":
        # The one above goes below them: one move instead of one per item.
        return [(siblings[first - 1], parent_id, last)] if first > 0 else []
    if how == "down":
        return [(siblings[last + 1], parent_id, first)] if last + 1 < len(siblings) else []
    if how == "indent":
        if first == 0:
            raise ValidationError("position", "Không có mục nào ở trên cùng cấp để lùi vào.")
        above = tree.node(siblings[first - 1])
        if above.kind == "text":
            raise ValidationError("parent_id", "Không thể đặt mục con dưới một đoạn văn.")
        start = len(above.child_ids)
        return [(n.id, above.id, start + k) for k, n in enumerate(block)]
    if parent_id is None:
        raise ValidationError("position", "Mục đã ở cấp cao nhất.")
    holder = tree.node(parent_id)
    return [(n.id, holder.parent_id, holder.position + 1 + k) for k, n in enumerate(block)]


#: The names of the steps in the Edit menu ("Hoàn tác: Chuyển 3 mục lên").
_NAMES: dict[str, Callable[[int], str]] = {
    "up": lambda n: QCoreApplication.translate("BatchEditing", "Move %n items up", "", n),
    "down": lambda n: QCoreApplication.translate("BatchEditing", "Move %n items down", "", n),
    "indent": lambda n: QCoreApplication.translate("BatchEditing", "Indent %n items", "", n),
    "outdent": lambda n: QCoreApplication.translate("BatchEditing", "Outdent %n items", "", n),
}


def move_block(window: MainWindow, block: list[ItemNode], how: str,
               reselect: Callable[[], None]) -> None:  # fmt: skip
    """Move the block as one undo step; a move refused is said in the status bar, as
    for one item."""
    tree = window.model.tree
    try:
        moves = plan_moves(tree, block, how)
    except ValidationError as error:
        window.statusBar().showMessage(error.message, 8000)
        return
    if not moves or window.plan_id is None:
        return
    before = [(i, tree.node(i).parent_id, tree.node(i).position) for i, _p, _n in moves]
    text = _NAMES[how](len(block))
    command = MoveBlockCommand(window.db, window.bus, window.plan_id, moves, before,
                               [n.id for n in block], text, reselect)  # fmt: skip
    try:
        perform(window.undo_stack, command)
    except ValidationError as error:
        window.statusBar().showMessage(error.message, 8000)
    except UserError as error:
        window.show_error(error)
    reselect()
