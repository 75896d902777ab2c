"""Recording progress from the form's panel as an undoable step, and the prompts that
keep progress typed and not recorded from being lost: when another row is chosen, and
when the window closes.

Its strings keep the translation context of the main window they came from.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox

from dienchau_desktop.core.errors import UserError, ValidationError
from dienchau_desktop.services.items import ItemNode
from dienchau_desktop.ui.undo_commands import RecordProgressCommand, perform

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class ProgressRecording:
    """Records the progress typed in `window`'s progress panel, onto the right task."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel = window.form.progress

    def record(self, item_id: int, period_id: int, values: dict) -> None:
        """The panel's «Ghi tiến độ»: recorded onto `item_id`, if it is still selected."""
        window = self.window
        if item_id != window.selected_id():
            # Never write onto a task other than the one the secretary is looking at.
            log.error("progress for item %s refused: item %s is selected", item_id,
                      window.selected_id())  # fmt: skip
            window.show_in_form(window.current_node())
            self.panel.show_error(
                QCoreApplication.translate(
                    "MainWindow",
                    "The selection changed before recording; check the task and record again.",
                )
            )  # fmt: skip
            return
        if self.record_entry(window.model.tree.node(item_id), period_id, values):
            # Ctrl+Z now undoes the entry: in the result box it undid only its typing.
            window.tree.setFocus()

    def record_entry(self, node: ItemNode, period_id: int, values: dict) -> bool:
        """Record an entry for `node` as one step of the undo stack; False if refused."""
        window = self.window
        item_id = node.id
        command = RecordProgressCommand(
            window.db, window.bus, node, period_id, values,
            QCoreApplication.translate("MainWindow", "Record progress"),
        )  # fmt: skip
        try:
            perform(window.undo_stack, command)
        except UserError as error:
            if self.panel.node is not None and self.panel.node.id == item_id:
                self.panel.show_error(error.message)
            else:
                window.show_error(error)
            return False
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Progress recorded."), 5000
        )
        return True

    def settle_before_close(self) -> bool:
        """Before closing: progress typed and not recorded is recorded, dropped, or the
        closing is cancelled (False)."""
        panel = self.panel
        if panel.node is None or not panel.has_unrecorded():
            return True
        answer = self._asked_to_record(
            panel.node, QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Cancel
        )
        if answer is None:
            return False
        if answer:
            try:
                entry = panel.pending_entry()
            except ValidationError as error:
                panel.show_error(error.message)
                return False
            panel.settle_unrecorded()
            return entry is None or self.record_entry(panel.node, *entry[1:])
        panel.settle_unrecorded()
        return True

    def offer_unrecorded(self, task: ItemNode) -> None:
        """Progress typed for `task` and not recorded, as another row is chosen: taken
        now, and offered for recording once the new row is shown (never lost unseen)."""
        panel = self.panel
        if not panel.has_unrecorded():
            return
        problem = ""
        try:
            entry = panel.pending_entry()
        except ValidationError as error:
            entry, problem = None, error.message
        if entry is None:
            QTimer.singleShot(0, self.window, lambda: self._say_not_recorded(task, problem))
        else:
            QTimer.singleShot(0, self.window, lambda: self._ask_to_record(task, entry))

    def _ask_to_record(self, task: ItemNode, entry: tuple[int, int, dict]) -> None:
        if task.plan_id == self.window.plan_id and task.id not in self._shown_ids():
            return  # the task itself was just deleted: its progress goes with it
        if self._asked_to_record(task, QMessageBox.StandardButton.Discard):
            _item_id, period_id, values = entry
            self.record_entry(task, period_id, values)

    def _asked_to_record(self, task: ItemNode, *others: QMessageBox.StandardButton) -> bool | None:
        """Ask whether to record the progress typed for `task`: True to record, False
        to drop it, None for Cancel (when `others` offers it)."""
        title = task.title if len(task.title) < 80 else task.title[:77] + "…"
        buttons = QMessageBox.StandardButton.Save
        for button in others:
            buttons |= button
        answer = QMessageBox.question(
            self.window, QCoreApplication.translate("MainWindow", "Progress not recorded"),
            QCoreApplication.translate(
                "MainWindow", "You typed progress for «%1» but did not record it. Record it now?"
            ).replace("%1", f"{self._number_of(task)} {title}".strip()),
            buttons, QMessageBox.StandardButton.Save,
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Cancel:
            return None
        return answer == QMessageBox.StandardButton.Save

    def _say_not_recorded(self, task: ItemNode, problem: str) -> None:
        QMessageBox.warning(
            self.window, QCoreApplication.translate("MainWindow", "Progress not recorded"),
            QCoreApplication.translate(
                "MainWindow", "The progress typed for «%1» was not recorded: %2"
            ).replace("%1", self._number_of(task)).replace("%2", problem),
        )  # fmt: skip

    def _shown_ids(self) -> set[int]:
        return {n.id for n in self.window.model.tree.nodes}

    def _number_of(self, task: ItemNode) -> str:
        """The full number (II.1.a)) of a task of the shown plan, else its own."""
        model = self.window.model
        return model.outline(task.id) if task.id in self._shown_ids() else task.number
