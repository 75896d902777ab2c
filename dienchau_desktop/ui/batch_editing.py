"""Several items selected in the plan tree: their kind, lead unit, coordinating units
and deadline changed together (Sửa → Thay đổi các mục đã chọn…, Alt+Enter), or deleted
together, each as one undoable step.

The line above the form says how many are selected (the form shows the current one
only). Moves act on one item: with several selected they are disabled and the line
says so, rather than moving the current row while others are highlighted.

The change itself is services.batch_edit's: one transaction, all or nothing, each item
that refuses it named with why. Undo writes back the values each item had; the tree
patches the rows from the `Change` announced, and the selection is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.deadline import DeadlineKind, format_date, parse_deadline
from dienchau_desktop.core.errors import UserError, ValidationError
from dienchau_desktop.core.folding import fold
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import batch_edit, items
from dienchau_desktop.services.batch_edit import (
    CARRIER_KINDS,
    BatchEdit,
    BatchRefusedError,
    BatchResult,
    CoordinatorMode,
)
from dienchau_desktop.services.items import ItemNode, RemovedSubtree
from dienchau_desktop.services.units import UnitInfo, list_units, match_units
from dienchau_desktop.ui.block_moves import block_of, move_block
from dienchau_desktop.ui.change_bus import Change, ChangeBus
from dienchau_desktop.ui.undo_commands import ServiceCommand, perform
from dienchau_desktop.ui.widgets import ERROR_STYLE, error_label

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow

#: Reselects the items of an undone or redone step: (items, the one to make current).
Reselect = Callable[[Sequence[int], int | None], None]

_KEEP = "keep"  # a field's "(leave unchanged)"


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
        window = self.window
        count = len(self._chosen())
        if count > 1:
            node = window.current_node()
            shown = "—"
            if node is not None:
                shown = f"«{window.model.outline(node.id)} {_short(node.title)}»".replace("« ", "«")
            text = QCoreApplication.translate(
                "BatchEditing", "%n items selected. The form shows one of them: %1.", "", count
            )
            if self.block() is None:
                text += " " + QCoreApplication.translate(
                    "BatchEditing",
                    "They move together when they stand side by side under one heading.",
                )  # fmt: skip
            self.bar_label.setText(text.replace("%1", shown))
        self.bar.setVisible(count > 1)
        window.update_action_states()

    def block(self) -> list[ItemNode] | None:
        """The items selected when they stand side by side under one heading."""
        return block_of(self.window.model.tree, self.selected_ids())

    def update_action_states(self) -> None:
        """Moves act on one item, or on a block of neighbours: disabled otherwise."""
        window = self.window
        movable = window.current_node() is not None and not self.several()
        movable = movable or self.block() is not None
        for action in (window.act_up, window.act_down, window.act_indent, window.act_outdent):
            action.setEnabled(movable)
        window.act_change_selected.setEnabled(window.tree.selectionModel().hasSelection())

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
            return
        tree = window.model.tree
        chosen = set(self.selected_ids())
        tops = [n for n in tree.nodes if n.id in chosen and not _inside(tree, n, chosen)]
        below = sum(_count_below(tree, n.id) for n in tops)
        listed = "\n".join(
            f"  {window.model.outline(n.id)} {_short(n.title)}".rstrip() for n in tops[:5]
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


def _short(title: str) -> str:
    return title if len(title) <= 60 else title[:59] + "…"


def _inside(tree: items.PlanTree, node: ItemNode, chosen: set[int]) -> bool:
    """Whether an item is held by another of `chosen` (it goes with that one)."""
    parent = node.parent_id
    while parent is not None:
        if parent in chosen:
            return True
        parent = tree.node(parent).parent_id
    return False


def _count_below(tree: items.PlanTree, item_id: int) -> int:
    count = 0
    stack = list(tree.node(item_id).child_ids)
    while stack:
        count += 1
        stack.extend(tree.node(stack.pop()).child_ids)
    return count


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


# ---------------------------------------------------------------------------- the dialog


class BatchEditDialog(QDialog):
    """Kind, lead unit, coordinating units and deadline for the selected items, each
    "(leave unchanged)" until she sets it; «Change» calls `apply` with the edit and
    stays open, saying which items refuse it and why, when it is refused."""

    def __init__(
        self,
        parent: QWidget | None,
        nodes: list[ItemNode],
        outline: Callable[[int], str],
        units: list[UnitInfo],
        kinds: Sequence[str],
        apply: Callable[[BatchEdit], Any],
    ) -> None:
        super().__init__(parent)
        self.nodes, self.outline, self.units, self._apply = nodes, outline, units, apply
        self.setWindowTitle(self.tr("Change selected items"))
        count = len(nodes)
        heading = QLabel(self.tr("Change %n selected items", "", count))
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        heading.setFont(font)
        kinds_count = {k: sum(1 for n in nodes if n.kind == k) for k in ("section", "task", "text")}
        summary = QLabel(
            self.tr("Sections: %1, tasks: %2, paragraphs of text: %3. Every field is left "
                    "as it is unless you change it here.")
            .replace("%1", str(kinds_count["section"])).replace("%2", str(kinds_count["task"]))
            .replace("%3", str(kinds_count["text"]))
        )  # fmt: skip
        summary.setWordWrap(True)
        self.paragraph_note = QLabel(
            self.tr("Paragraphs of text carry no lead unit, coordinating units or deadline: "
                    "those are left as they are on them.")
        )  # fmt: skip
        self.paragraph_note.setWordWrap(True)
        self.paragraph_note.setVisible(kinds_count["text"] > 0)

        self.kind = QComboBox()
        self.kind.addItem(self.tr("(leave unchanged)"), _KEEP)
        names = {"section": self.tr("Section"), "task": self.tr("Task"),
                 "text": self.tr("Paragraph of text")}  # fmt: skip
        for kind, name in names.items():
            self.kind.addItem(name, kind)
            if kind not in kinds:
                # Shown but not offered: she learns why rather than wondering where it went.
                model = self.kind.model()
                assert isinstance(model, QStandardItemModel)
                row = model.item(self.kind.count() - 1)
                row.setEnabled(False)
                row.setToolTip(self.tr("Some of the selected items hold others: they "
                                       "cannot become paragraphs."))  # fmt: skip
                self.kind.setToolTip(row.toolTip())
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())

        self.lead = QComboBox()
        self.lead.setEditable(True)  # type-ahead over the unit names, as in the form
        self.lead.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lead.addItem(self.tr("(leave unchanged)"), _KEEP)
        self.lead.addItem(self.tr("(none)"), None)
        for unit in units:
            self.lead.addItem(unit.name, unit.id)
        completer = self.lead.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.lead.setMinimumWidth(420)  # room for a department's name
        self.lead.currentTextChanged.connect(lambda _t: self._update())
        self.lead_error = error_label()

        self.coordinator_mode = QComboBox()
        for text, mode in (
            (self.tr("(leave unchanged)"), "keep"),
            (self.tr("Add the units ticked"), "add"),
            (self.tr("Replace them with the units ticked"), "replace"),
            (self.tr("Remove the units ticked"), "remove"),
        ):
            self.coordinator_mode.addItem(text, mode)
        self.coordinator_mode.currentIndexChanged.connect(lambda _i: self._update())
        self.coordinator_filter = QLineEdit()
        self.coordinator_filter.setPlaceholderText(self.tr("Type to find a unit…"))
        self.coordinator_filter.setClearButtonEnabled(True)
        self.coordinator_filter.textChanged.connect(self._filter_units)
        self.coordinators = QListWidget()
        self.coordinators.setFixedHeight(130)
        for unit in units:
            entry = QListWidgetItem(unit.name)
            entry.setData(Qt.ItemDataRole.UserRole, unit.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.coordinators.addItem(entry)
        self.coordinators.itemChanged.connect(self._unit_ticked)

        self.deadline_mode = QComboBox()
        for text, mode in (
            (self.tr("(leave unchanged)"), "keep"),
            (self.tr("Set to"), "set"),
            (self.tr("Remove the deadline"), "remove"),
        ):
            self.deadline_mode.addItem(text, mode)
        self.deadline_mode.currentIndexChanged.connect(lambda _i: self._update())
        self.deadline = QLineEdit()
        self.deadline.setPlaceholderText(self.tr("e.g. Quý IV/2026, 30/11/2026, Thường xuyên"))
        self.deadline.textEdited.connect(self._deadline_typed)
        self.due_preview = QLabel()
        self.due_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.deadline_error = error_label()

        # What the selected items hold now, under each field.
        self.lead_now = self._now(lambda n: [n.lead_unit_name])
        self.coordinators_now = self._now(lambda n: list(n.coordinator_names))
        self.deadline_now = self._now(lambda n: [n.deadline_text])
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._label(self.tr("&Kind:"), self.kind), self.kind)
        form.addRow(self._label(self.tr("&Lead unit:"), self.lead),
                    _column(self.lead, self.lead_now, self.lead_error))  # fmt: skip
        coordinators = _column(self.coordinator_mode, self.coordinators_now,
                               self.coordinator_filter, self.coordinators)  # fmt: skip
        form.addRow(self._label(self.tr("C&oordinating units:"), self.coordinator_mode),
                    coordinators)  # fmt: skip
        deadline_line = QWidget()
        beside = QHBoxLayout(deadline_line)
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addWidget(self.deadline_mode, 0)
        beside.addWidget(self.deadline, 1)
        form.addRow(self._label(self.tr("&Deadline:"), self.deadline_mode),
                    _column(deadline_line, self.due_preview, self.deadline_now,
                            self.deadline_error))  # fmt: skip
        self.form = form

        self.problems_label = error_label()
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.hide()

        self.buttons = QDialogButtonBox()
        self.change_button = self.buttons.addButton(
            self.tr("Change %n items", "", count), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.change_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addWidget(self.paragraph_note)
        layout.addLayout(form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(660)  # the deadline's example whole, a department's name
        self._kind_changed()
        self.kind.setFocus()

    def _now(self, values: Callable[[ItemNode], list[str]]) -> QLabel:
        """A grey line saying what the selected sections and tasks hold now, the most
        common first: "Now: Công an xã (3), (none) (1)"."""
        counts: dict[str, int] = {}
        for node in self.nodes:
            if node.kind in CARRIER_KINDS:
                for value in values(node) or [""]:
                    counts[value] = counts.get(value, 0) + 1
        ordered = sorted(counts.items(), key=lambda pair: -pair[1])
        none = self.tr("(none)")
        shown = ", ".join(f"{value or none} ({n})" for value, n in ordered[:4])
        if len(ordered) > 4:
            shown += ", …"
        line = QLabel(self.tr("Now: %1").replace("%1", shown))
        line.setWordWrap(True)
        line.setTextFormat(Qt.TextFormat.PlainText)
        line.setStyleSheet("color: #616161;")
        line.setVisible(bool(ordered))
        return line

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)  # Alt+letter goes to the field
        return label

    # ------------------------------------------------------------------ following her

    def _kind_changed(self) -> None:
        """Fields only sections and tasks carry, offered when some will be one."""
        kind = self.kind.currentData()
        if kind == _KEEP:
            carries = any(n.kind in CARRIER_KINDS for n in self.nodes)
        else:
            carries = kind in CARRIER_KINDS
        for widget in (self.lead, self.coordinator_mode, self.coordinator_filter,
                       self.coordinators, self.deadline_mode, self.deadline):  # fmt: skip
            widget.setEnabled(carries)
        if not carries:
            self.lead.setCurrentIndex(0)
            self.coordinator_mode.setCurrentIndex(0)
            self.deadline_mode.setCurrentIndex(0)
        self._update()

    def _unit_ticked(self, _entry: QListWidgetItem) -> None:
        # Ticking a unit means doing something with it: "add" unless she chose otherwise.
        if self.coordinator_mode.currentData() == "keep" and self._ticked():
            self.coordinator_mode.setCurrentIndex(self.coordinator_mode.findData("add"))
        self._update()

    def _deadline_typed(self, text: str) -> None:
        mode = self.deadline_mode.currentData()
        if text.strip() and mode != "set":
            self.deadline_mode.setCurrentIndex(self.deadline_mode.findData("set"))
        elif not text.strip() and mode == "set":
            self.deadline_mode.setCurrentIndex(self.deadline_mode.findData("keep"))
        self._update()

    def _filter_units(self, text: str) -> None:
        words = fold(text).split()
        for row in range(self.coordinators.count()):
            entry = self.coordinators.item(row)
            name = fold(entry.text())
            entry.setHidden(not all(w in name for w in words))

    def _ticked(self) -> tuple[int, ...]:
        return tuple(
            self.coordinators.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.coordinators.count())
            if self.coordinators.item(r).checkState() == Qt.CheckState.Checked
        )

    def _update(self) -> None:
        """The deadline's reading under it, and «Change» only when something changes."""
        mode = self.deadline_mode.currentData()
        self.deadline.setEnabled(self.deadline_mode.isEnabled() and mode != "remove")
        self.due_preview.setStyleSheet("")
        self.due_preview.setText("")
        if mode == "set":
            try:
                deadline = parse_deadline(self.deadline.text())
            except ValidationError:
                self.due_preview.setText(self.tr("not understood"))
                self.due_preview.setStyleSheet(ERROR_STYLE)
            else:
                if deadline is not None and deadline.kind is DeadlineKind.RECURRING:
                    self.due_preview.setText(self.tr("recurring, no fixed date"))
                elif deadline is not None:
                    self.due_preview.setText(
                        self.tr("due %1").replace("%1", format_date(deadline.due))
                    )
        lead_left = self.lead.currentText().strip() in {"", self.lead.itemText(0)}
        changes = (
            self.kind.currentData() != _KEEP
            or not lead_left
            or self.coordinator_mode.currentData() != "keep"
            or mode != "keep"
        )
        self.change_button.setEnabled(changes)

    # ------------------------------------------------------------------ the edit

    def edit(self) -> BatchEdit | None:
        """What she asked for; None (with the reason at its field) when a unit typed
        names no unit, or several."""
        kind = self.kind.currentData()
        change_lead, lead = False, None
        self.lead_error.hide()
        typed = self.lead.currentText().strip()
        # Emptied, the box leaves the leads as they are: "(none)" takes them away.
        if self.lead.isEnabled() and typed not in {"", self.lead.itemText(0)}:
            change_lead = True
            found = self.lead.findText(typed, Qt.MatchFlag.MatchFixedString)
            if found >= 1:
                lead = self.lead.itemData(found)
            elif typed:
                matches = match_units(self.units, typed)
                if len(matches) != 1:
                    self._lead_not_found(typed, matches)
                    return None
                lead = matches[0].id
        mode: CoordinatorMode = self.coordinator_mode.currentData()
        deadline_mode = self.deadline_mode.currentData()
        deadline = {"keep": None, "remove": "", "set": self.deadline.text()}[deadline_mode]
        return BatchEdit(
            kind=None if kind == _KEEP else kind,
            change_lead=change_lead,
            lead_unit_id=lead,
            coordinators=mode,
            coordinator_ids=self._ticked() if mode != "keep" else (),
            deadline=deadline,
        )

    def _lead_not_found(self, typed: str, matches: list[UnitInfo]) -> None:
        if matches:
            names = "; ".join(u.name for u in matches[:5]) + ("…" if len(matches) > 5 else "")
            message = (self.tr("«%1» fits several units (%2): choose one from the list.")
                       .replace("%1", typed).replace("%2", names))  # fmt: skip
        else:
            message = self.tr(
                "No unit is named «%1». Choose one from the list (Plan → Units… adds one)."
            ).replace("%1", typed)
        self.lead_error.setText(message)
        self.lead_error.show()
        self.lead.setFocus()

    def accept(self) -> None:
        edit = self.edit()
        if edit is None:
            return
        if edit.is_empty:
            super().accept()
            return
        self.deadline_error.hide()
        self.problems_label.hide()
        self.problems.hide()
        try:
            self._apply(edit)
        except BatchRefusedError as refused:
            self._show_problems(refused)
            return
        except ValidationError as error:
            if error.field == "deadline":
                self.deadline_error.setText(error.message)
                self.deadline_error.show()
                self.deadline.setFocus()
            else:
                self.problems_label.setText(f"{error.message}\n{error.hint}".strip())
                self.problems_label.show()
            return
        except UserError as error:
            QMessageBox.warning(self, self.tr("Cannot do that"),
                                f"{error.message}\n\n{error.hint}".strip())  # fmt: skip
            return
        super().accept()

    def _show_problems(self, refused: BatchRefusedError) -> None:
        text = f"{refused.message} {refused.hint}".strip()
        if any(p.field == "coordinator_ids" for p in refused.problems):
            # The way out is in this dialog: say where.
            text += "\n" + self.tr(
                "A unit cannot lead an item it coordinates: to make it lead them, choose "
                "«Remove the units ticked» under Coordinating units and tick it."
            )
        self.problems_label.setText(text)
        self.problems_label.show()
        self.problems.clear()
        for problem in refused.problems:
            number = self.outline(problem.item_id)
            self.problems.addItem(f"{number} {_short(problem.title)}: {problem.message}".strip())
        self.problems.show()


def _column(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    for widget in widgets:
        column.addWidget(widget)
    return holder
