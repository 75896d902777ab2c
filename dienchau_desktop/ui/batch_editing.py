"""Several items selected in the plan tree: their kind, lead unit, coordinating units
and deadline changed together (Sửa → Thay đổi các mục đã chọn…, Alt+Enter, in the
dialog of ui.batch_edit_dialog), deleted together, or moved together when they stand
side by side (ui.block_moves), each as one undoable step.

The line above the form says how many are selected (the form shows the current one
only). With items apart the moves are disabled and the line says why, rather than
moving the current row while others are highlighted.

The change itself is services.batch_edit's: one transaction, all or nothing, each item
that refuses it named with why. Undo writes back the values each item had; the tree
patches the rows from the `Change` announced, and the selection is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.errors import UserError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import batch_edit, items
from dienchau_desktop.services.batch_edit import BatchEdit, BatchResult
from dienchau_desktop.services.items import ItemNode, RemovedSubtree
from dienchau_desktop.services.units import list_units
from dienchau_desktop.ui.batch_edit_dialog import BatchEditDialog, short_title
from dienchau_desktop.ui.block_moves import block_of, move_block
from dienchau_desktop.ui.change_bus import Change, ChangeBus
from dienchau_desktop.ui.undo_commands import ServiceCommand, perform

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow

#: Reselects the items of an undone or redone step: (items, the one to make current).
Reselect = Callable[[Sequence[int], int | None], None]


# ---------------------------------------------------------------------------- commands


class BatchEditCommand(ServiceCommand):
    """Change several items at once; undo writes back what each had, redo what it got."""

    def __init__(self, db: Database, bus: ChangeBus, item_ids: Sequence[int], current: int | None,
                 edit: BatchEdit, reselect: Reselect) -> None:  # fmt: skip
        super().__init__(db, bus, "")
        self.item_ids, self.current, self.edit = tuple(item_ids), current, edit
        self.reselect = reselect
        self.result: BatchResult | None = None

    def apply(self) -> Change:
        if self.result is None:
            self.result = batch_edit.change_items(self.db, self.item_ids, self.edit)
            # The count in a name of its own: lupdate misses a string whose call holds a call.
            count = len(self.result.changed_ids)
            self.setText(QCoreApplication.translate("BatchEditing", "Change %n items", "", count))
        else:
            batch_edit.write_values(self.db, self.result.after)
        return self._change()

    def revert(self) -> Change:
        assert self.result is not None
        batch_edit.write_values(self.db, self.result.before)
        return self._change()

    def changed_nothing(self) -> bool:
        return self.result is not None and not self.result.changed_ids

    def _change(self) -> Change:
        assert self.result is not None
        # The current item first: the tree keeps it current (and the selection with
        # it) instead of moving to the first item changed.
        first = (self.current,) if self.current is not None else ()
        changed = tuple(i for i in self.result.changed_ids if i != self.current)
        # A paragraph takes no number: the numbers of those beside it follow its kind.
        return Change("items", self.result.plan_id, (*first, *changed),
                      placed=self.result.kind_changed_ids)  # fmt: skip

    def redo(self) -> None:
        first = self._skip_first_redo
        super().redo()
        if not first:
            self.reselect(self.item_ids, self.current)

    def undo(self) -> None:
        super().undo()
        self.reselect(self.item_ids, self.current)


class DeleteItemsCommand(ServiceCommand):
    """Delete several items with what they hold; undo puts every one back, same ids,
    same places. `item_ids` hold none of each other, in the tree's order."""

    def __init__(self, db: Database, bus: ChangeBus, plan_id: int, item_ids: Sequence[int],
                 reselect: Reselect) -> None:  # fmt: skip
        count = len(item_ids)
        text = QCoreApplication.translate("BatchEditing", "Delete %n items", "", count)
        super().__init__(db, bus, text)
        self.plan_id, self.item_ids, self.reselect = plan_id, tuple(item_ids), reselect
        self._removed: list[RemovedSubtree] = []

    def apply(self) -> Change:
        removed: list[RemovedSubtree] = []
        try:
            # The last first: each one's place is kept as the tree had it, so putting
            # them back in the opposite order puts each where it was.
            for item_id in reversed(self.item_ids):
                removed.append(items.delete_item(self.db, item_id))
        except UserError:
            for subtree in reversed(removed):  # all or nothing, as one step
                items.restore_subtree(self.db, subtree)
            raise
        self._removed = removed
        return Change("items", self.plan_id, removed=self.item_ids)

    def revert(self) -> Change:
        for subtree in reversed(self._removed):
            items.restore_subtree(self.db, subtree)
        return Change("items", self.plan_id, self.item_ids, placed=self.item_ids)

    def undo(self) -> None:
        super().undo()
        self.reselect(self.item_ids, self.item_ids[0])


# ---------------------------------------------------------------------------- the window's side


class BatchEditing:
    """The window's multi-selection: what is selected, the line that says so, and the
    actions on all of it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.bar = QWidget()
        self.bar_label = QLabel()
        self.bar_label.setWordWrap(True)
        self.bar_label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar_button = QPushButton()
        line = QHBoxLayout(self.bar)
        line.setContentsMargins(6, 4, 6, 4)
        line.addWidget(self.bar_label, 1)
        line.addWidget(self.bar_button, 0)
        self.bar.setStyleSheet("background: #fff8e1;")
        self.bar.hide()
        self._shown_before_reset: int | None = None  # the current row as a reset began

    def with_bar(self, form: QWidget) -> QWidget:
        """`form` under the line that says how many items are selected."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.bar)
        column.addWidget(form, 1)
        return holder

    def connect(self) -> None:
        window = self.window
        window.tree.selectionModel().selectionChanged.connect(
            lambda _selected, _deselected: self.selection_changed()
        )
        # A filter (or the plan read again) resets the model, which empties the
        # selection and the current row without a word: the line, the actions and
        # the form are made to follow here.
        window.model.modelAboutToBeReset.connect(self._before_reset)
        window.model.modelReset.connect(self._after_reset)
        self.bar_button.setText(window.act_change_selected.text().replace("&", ""))
        self.bar_button.clicked.connect(window.act_change_selected.trigger)

    # ------------------------------------------------------------------ the selection

    def selected_ids(self) -> list[int]:
        """The items selected, in the tree's order."""
        window = self.window
        chosen = self._chosen()
        if len(chosen) < 2:
            return list(chosen)
        return [n.id for n in window.model.tree.nodes if n.id in chosen]

    def _chosen(self) -> set[int]:
        """The ids of the rows selected. Read from the selection's ranges: Qt's
        selectedRows() asks whether every cell of every row is selected, 0.4 s for a
        thousand rows of a district plan, on each change of the selection."""
        model = self.window.model
        chosen: set[int] = set()
        for block in self.window.tree.selectionModel().selection():
            parent = block.parent()
            for row in range(block.top(), block.bottom() + 1):
                chosen.add(model.index(row, 0, parent).internalId())
        return chosen

    def several(self) -> bool:
        """Whether more than one item is selected, or the one selected is not the
        current one (after Ctrl+click took the current one out)."""
        selected = self.selected_ids()
        return len(selected) > 1 or (bool(selected) and selected[0] != self.window.selected_id())

    def selection_changed(self) -> None:
        self.window.update_action_states()  # the line above the form with them

    def _show_bar(self, selected: list[int], block: list[ItemNode] | None) -> None:
        """The line above the form: how many are selected, and the one the form shows.
        Made again whenever the actions are (the current row moved by a right-click
        within the selection, a click, a key, undo or redo, a filter, a patch)."""
        window = self.window
        count = len(selected)
        if count > 1:
            node = window.current_node()
            shown = "—"
            if node is not None:
                shown = f"«{window.model.outline(node.id)} {short_title(node.title)}»".replace(
                    "« ", "«"
                )
            text = QCoreApplication.translate(
                "BatchEditing", "%n items selected. The form shows one of them: %1.", "", count
            )
            if block is None:
                text += " " + QCoreApplication.translate(
                    "BatchEditing",
                    "They move together when they stand side by side under one heading.",
                )  # fmt: skip
            self.bar_label.setText(text.replace("%1", shown))
        self.bar.setVisible(count > 1)

    def block(self) -> list[ItemNode] | None:
        """The items selected when they stand side by side under one heading."""
        return block_of(self.window.model.tree, self.selected_ids())

    def update_action_states(self) -> None:
        """Moves act on one item, or on a block of neighbours: disabled otherwise.
        The line above the form is made again with them."""
        window = self.window
        selected = self.selected_ids()  # read once: a pass over the plan's items
        current = window.selected_id()
        several = len(selected) > 1 or (bool(selected) and selected[0] != current)
        block = block_of(window.model.tree, selected)
        movable = (current is not None and not several) or block is not None
        for action in (window.act_up, window.act_down, window.act_indent, window.act_outdent):
            action.setEnabled(movable)
        window.act_change_selected.setEnabled(bool(selected))
        self._show_bar(selected, block)

    def _before_reset(self) -> None:
        self._shown_before_reset = self.window.selected_id()

    def _after_reset(self) -> None:
        """After a reset nothing is selected: the rows a filter hides are no longer
        selected, and the caller selects again the current row if it is still shown
        (TreeFiltering.set_filter, PlanLoading.reload_tree). The form leaves an item
        no longer shown, as it leaves a row she clicks away from."""
        window = self.window
        shown, self._shown_before_reset = self._shown_before_reset, None
        if shown is not None and not window.model.is_shown(shown):
            left = window.form.progress.node
            if left is not None:
                window.recording.offer_unrecorded(left)  # typed progress never lost unseen
            window.show_in_form(None)
        window.update_action_states()

    def select_items(self, item_ids: Sequence[int], current: int | None) -> None:
        """Select the items still in view, with `current` (if shown) the current row."""
        window = self.window
        model, selection = window.model, window.tree.selectionModel()
        # One range per run of rows side by side: the view tests each row it paints
        # against every range, and a thousand one-row ranges made painting slow.
        runs: dict[tuple[int, int], list[QModelIndex]] = {}
        for item_id in item_ids:
            index = model.index_for_id(item_id)
            if index.isValid():
                parent = index.parent()
                key = (parent.internalId() if parent.isValid() else -1, index.row())
                run = runs.pop((key[0], index.row() - 1), None)
                runs[key] = [run[0] if run else index, index]
        chosen = QItemSelection()
        last = model.columnCount() - 1
        for first, end in runs.values():
            chosen.select(first, end.siblingAtColumn(last))
        if chosen.isEmpty():
            return
        flags = QItemSelectionModel.SelectionFlag
        target = model.index_for_id(current) if current is not None else QModelIndex()
        if target.isValid():
            selection.setCurrentIndex(target, flags.NoUpdate)
        selection.select(chosen, flags.ClearAndSelect | flags.Rows)

    # ------------------------------------------------------------------ the actions

    def move(self, how: str) -> None:
        """Chuyển lên / xuống, Lùi vào / ra: the current item, or the block selected."""
        window = self.window
        if not self.several():
            editing = window.editing
            single = {"up": editing.move_up, "down": editing.move_down,
                      "indent": editing.indent, "outdent": editing.outdent}  # fmt: skip
            single[how]()
            return
        block = self.block()
        if block is None:
            return
        ids, current = [n.id for n in block], window.selected_id()
        move_block(window, block, how, lambda: self.select_items(ids, current))

    def change_selected(self) -> None:
        """Sửa → Thay đổi các mục đã chọn…: the dialog, then one undoable step."""
        window = self.window
        item_ids = self.selected_ids()
        if not item_ids or window.plan_id is None:
            self._say_nothing_selected()
            return
        tree = window.model.tree
        nodes = [tree.node(i) for i in item_ids]
        current = window.selected_id()
        dialog = BatchEditDialog(
            window, nodes, window.model.outline, list_units(window.db),
            batch_edit.kinds_allowed(window.db, item_ids),
            lambda edit: self._apply(item_ids, current if current in item_ids else None, edit),
        )  # fmt: skip
        dialog.exec()
        dialog.deleteLater()

    def _say_nothing_selected(self) -> None:
        """An action with nothing to act on says so, rather than nothing (its shortcut
        can reach it before the menus are brought up to date)."""
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "BatchEditing", "Nothing is selected in the plan tree: click an item first."
            ),
            8000,
        )  # fmt: skip

    def _apply(self, item_ids: list[int], current: int | None, edit: BatchEdit) -> None:
        window = self.window
        command = BatchEditCommand(window.db, window.bus, item_ids, current, edit,
                                   self.select_items)  # fmt: skip
        perform(window.undo_stack, command)
        assert command.result is not None
        changed = len(command.result.changed_ids)
        window.statusBar().showMessage(
            QCoreApplication.translate("BatchEditing", "Changed %n items.", "", changed) if changed
            else QCoreApplication.translate(
                "BatchEditing", "Nothing changed: the selected items already have these values."
            ),
            8000,
        )  # fmt: skip

    def delete(self) -> None:
        """Sửa → Xóa (Delete): the items selected, with one question and one undo step;
        the current item alone when it is the only one."""
        window = self.window
        if not self.several():
            if self.selected_ids():
                window.editing.delete_selected()
            else:
                self._say_nothing_selected()
            return
        tree = window.model.tree
        chosen = set(self.selected_ids())
        tops = [n for n in tree.nodes if n.id in chosen and not _inside(tree, n, chosen)]
        below = sum(tree.count_below(n.id) for n in tops)
        listed = "\n".join(
            f"  {window.model.outline(n.id)} {short_title(n.title)}".rstrip() for n in tops[:5]
        )
        count, more = len(tops), len(tops) - 5
        question = QCoreApplication.translate("BatchEditing", "Delete these %n items?", "", count)
        question += "\n" + listed
        if more > 0:
            question += "\n  " + QCoreApplication.translate(
                "BatchEditing", "… and %n more", "", more
            )
        if below:
            question += "\n" + QCoreApplication.translate(
                "BatchEditing", "The %n items under them will be deleted too.", "", below
            )
        question += "\n" + QCoreApplication.translate(
            "BatchEditing", "You can undo this with Ctrl+Z."
        )
        answer = QMessageBox.question(
            window, QCoreApplication.translate("BatchEditing", "Delete"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes or window.plan_id is None:
            return
        ids = [n.id for n in tops]
        current = window.selected_id()
        # The cursor to the item after them first, as for one item: the rows go with
        # the form already left on it.
        neighbour = _neighbour(tree, ids)
        if neighbour is not None:
            window.select_item(neighbour)
        command = DeleteItemsCommand(window.db, window.bus, window.plan_id, ids,
                                     self.select_items)  # fmt: skip
        try:
            perform(window.undo_stack, command)
        except UserError as error:
            window.show_error(error)
            self.select_items(ids, current)  # not deleted: selected again


def _inside(tree: items.PlanTree, node: ItemNode, chosen: set[int]) -> bool:
    """Whether an item is held by another of `chosen` (it goes with that one)."""
    parent = node.parent_id
    while parent is not None:
        if parent in chosen:
            return True
        parent = tree.node(parent).parent_id
    return False


def _neighbour(tree: items.PlanTree, gone: list[int]) -> int | None:
    """The item to select once `gone` (with what they hold) are deleted: the next one
    left in the tree's order, else the one before."""
    leaving = set(gone)
    first = next(at for at, n in enumerate(tree.nodes) if n.id in leaving)
    left = [(at, n.id) for at, n in enumerate(tree.nodes)
            if n.id not in leaving and not _inside(tree, n, leaving)]  # fmt: skip
    after = [item_id for at, item_id in left if at > first]
    before = [item_id for at, item_id in left if at < first]
    return after[0] if after else (before[-1] if before else None)
