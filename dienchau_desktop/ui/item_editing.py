"""Editing the plan from the window: a field changed in the form or in the tree, items
added, renamed, deleted and moved, the plan's own properties; each as one undoable
command, a refused one explained where the secretary is looking.

Its strings keep the translation context of the main window they came from.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from dienchau_desktop.core.errors import UserError, ValidationError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, plans
from dienchau_desktop.ui.task_form import field_value
from dienchau_desktop.ui.tree_model import PlanTreeModel
from dienchau_desktop.ui.undo_commands import (
    AddItemCommand,
    AddLeadUnitCommand,
    DeleteItemCommand,
    EditItemCommand,
    EditPlanCommand,
    MoveItemCommand,
    ServiceCommand,
    perform,
)

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow


class ItemEditing:
    """Turns the secretary's edits in `window` into undoable commands."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def run(self, command: ServiceCommand) -> bool:
        """Run an undoable command; a refused change is explained and nothing is kept."""
        window = self.window
        try:
            perform(window.undo_stack, command)
        except ValidationError as error:
            window.form.show_error(error.field, error.message)
            window.statusBar().showMessage(error.message, 8000)
            return False
        except UserError as error:
            window.show_error(error)
            return False
        return True

    def form_edit(self, item_id: int, new: dict, old: dict, text: str) -> None:
        """A field of the form left changed (the form's `edit_requested`)."""
        window = self.window
        node = window.model.tree.node(item_id)
        if self.run(EditItemCommand(window.db, window.bus, node, new, old, text)):
            for field in new:
                window.form.clear_error(field)

    def add_lead_unit(self, item_id: int, name: str) -> None:
        """A lead unit typed in the form that is not yet a unit: added, then set."""
        window = self.window
        node = window.model.tree.node(item_id)
        text = QCoreApplication.translate("MainWindow", "Add unit «%1» as lead").replace("%1", name)
        if self.run(AddLeadUnitCommand(window.db, window.bus, node, name, text)):
            window.form.clear_error("lead_unit_id")

    def edit_item(self, item_id: int, new: dict[str, Any]) -> None:
        """A title typed in the tree (the model's `edit_requested`)."""
        window = self.window
        node = window.model.tree.node(item_id)
        old = {field: field_value(node, field) for field in new}
        text = QCoreApplication.translate("MainWindow", "Change title")
        self.run(EditItemCommand(window.db, window.bus, node, new, old, text))

    def add_section(self) -> None:
        window = self.window
        if window.plan_id is None:
            return
        node = window.current_node()
        # A new top-level section goes after the top-level section holding the selection.
        position = None
        if node is not None:
            top = node
            while top.parent_id is not None:
                top = window.model.tree.node(top.parent_id)
            position = top.position + 1
        new = QCoreApplication.translate("MainWindow", "New section")
        self._add("section", new, None, position,
                  QCoreApplication.translate("MainWindow", "Add section"))  # fmt: skip

    def add_task(self) -> None:
        window = self.window
        if window.plan_id is None:
            return
        node = window.current_node()
        text = QCoreApplication.translate("MainWindow", "Add task")
        if node is None:
            self._add_task(None, None, text)
        elif node.kind == "section":
            self._add_task(node.id, None, text)
        else:
            self._add_task(node.parent_id, node.position + 1, text)

    def add_child(self) -> None:
        window = self.window
        node = window.current_node()
        if node is None or node.kind == "text" or window.plan_id is None:
            return
        self._add_task(node.id, None, QCoreApplication.translate("MainWindow", "Add sub-item"))

    def _add_task(self, parent_id: int | None, position: int | None, text: str) -> None:
        new = QCoreApplication.translate("MainWindow", "New task")
        self._add("task", new, parent_id, position, text)

    def _add(self, kind: str, title: str, parent_id: int | None, position: int | None,
             text: str) -> None:  # fmt: skip
        window = self.window
        assert window.plan_id is not None
        command = AddItemCommand(
            window.db, window.bus, window.plan_id, kind, title, parent_id, position, text
        )
        if self.run(command) and command.item_id is not None:
            # Following the change selected it already (the form and its progress
            # filled): selecting it again filled them a second time.
            if window.selected_id() != command.item_id:
                window.select_item(command.item_id)
            self.rename_selected()

    def rename_selected(self) -> None:
        tree = self.window.tree
        index = tree.currentIndex()
        if index.isValid():
            tree.edit(index.siblingAtColumn(PlanTreeModel.TITLE))

    def delete_selected(self) -> None:
        window = self.window
        node = window.current_node()
        if node is None:
            return
        below = window.model.tree.count_below(node.id)
        title = node.title if len(node.title) < 80 else node.title[:77] + "…"
        question = QCoreApplication.translate("MainWindow", "Delete «%1»?").replace(
            "%1", f"{node.number} {title}".strip()
        )
        if below:
            question += "\n" + QCoreApplication.translate(
                "MainWindow", "The %1 items under it will be deleted too."
            ).replace("%1", str(below))
        question += "\n" + QCoreApplication.translate(
            "MainWindow", "You can undo this with Ctrl+Z."
        )  # fmt: skip
        answer = QMessageBox.question(
            window, QCoreApplication.translate("MainWindow", "Delete"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        # Select a neighbour so the cursor stays where the secretary is working: first,
        # so the rows go with the form left on it, not emptied and filled again.
        tree = window.model.tree
        siblings = [n.id for n in tree.children(node.parent_id)]
        after = [s for s in siblings if s != node.id]
        place = siblings.index(node.id)  # its place in the rows, whatever its stored one
        neighbour = after[min(place, len(after) - 1)] if after else node.parent_id
        if neighbour is not None:
            window.select_item(neighbour)
        text = QCoreApplication.translate("MainWindow", "Delete item")
        if not self.run(DeleteItemCommand(window.db, window.bus, node, text)):
            window.select_item(node.id)  # not deleted: the cursor goes back to it
        else:  # the rows below moved up: the one now selected may have left the view
            window.tree.scrollTo(window.tree.currentIndex())

    def _move(self, text: str, move: Callable[[Database, int], Any]) -> None:
        window = self.window
        node = window.current_node()
        if node is None:
            return
        self.run(
            MoveItemCommand(window.db, window.bus, node, lambda: move(window.db, node.id), text)
        )

    def move_up(self) -> None:
        self._move(QCoreApplication.translate("MainWindow", "Move up"), items.move_up)

    def move_down(self) -> None:
        self._move(QCoreApplication.translate("MainWindow", "Move down"), items.move_down)

    def indent(self) -> None:
        self._move(QCoreApplication.translate("MainWindow", "Indent"), items.indent)

    def outdent(self) -> None:
        self._move(QCoreApplication.translate("MainWindow", "Outdent"), items.outdent)

    def drop_move(self, item_id: int, parent_id: int | None, position: int) -> None:
        """A row dragged and dropped in the tree (the model's `move_requested`)."""
        window = self.window
        node = window.model.tree.node(item_id)
        self.run(
            MoveItemCommand(
                window.db, window.bus, node,
                lambda: items.move_item(window.db, item_id, parent_id, position),
                QCoreApplication.translate("MainWindow", "Move item"),
            )
        )  # fmt: skip

    def edit_plan_properties(self) -> None:
        """Kế hoạch → Thông tin kế hoạch…: the plan's header, changed in its dialog."""
        window = self.window
        if window.plan_id is None:
            return
        from dienchau_desktop.ui.plan_dialog import PlanDialog

        dialog = PlanDialog(plans.get_plan(window.db, window.plan_id), window)
        if dialog.exec():
            new, old = dialog.changes()
            if new:
                text = QCoreApplication.translate("MainWindow", "Change plan properties")
                self.run(EditPlanCommand(window.db, window.bus, window.plan_id, new, old, text))
