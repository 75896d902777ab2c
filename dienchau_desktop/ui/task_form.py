"""The form of the selected item: every field of a task, fewer for sections and text.

The fields, their labels, the kinds of item that show each and how each is typed come
from core.task_fields; only the unit pickers, the kind and the deadline (with its
reading under it) are built by hand.

Edits are saved when a field is left (no "Save" button to forget): the form emits
`edit_requested` with the new and old values, the window runs it as an undoable
command, and a refused value comes back through `show_error` to be shown at its field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QSignalBlocker,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.deadline import DeadlineKind, format_date, parse_date, parse_deadline
from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.folding import fold
from dienchau_desktop.core.task_fields import (
    FIELDS,
    TASK_FIELDS,
    FieldKind,
    TaskField,
    format_money,
)
from dienchau_desktop.services.items import ItemNode
from dienchau_desktop.services.units import UnitInfo, match_units
from dienchau_desktop.ui.progress_panel import ProgressPanel
from dienchau_desktop.ui.undo_commands import edit_text
from dienchau_desktop.ui.wheel_guard import GuardedComboBox
from dienchau_desktop.ui.widgets import ERROR_STYLE, error_label


class CommittingTextEdit(QPlainTextEdit):
    """A multi-line field that says when it is left, like QLineEdit's editingFinished."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


class _WhenLeft(QObject):
    """Calls back when the watched widget loses focus (an event filter)."""

    def __init__(self, callback: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Not when a pop-up opens (the completer's list while she types): that is no
        # leaving, and the name is not finished.
        if (
            event.type() == QEvent.Type.FocusOut
            and event.reason() != Qt.FocusReason.PopupFocusReason
        ):
            self._callback()
        return False


class _HeadingHolder(QWidget):
    """Holds the form's heading apart from the window's layouts.

    A label given a new text asks every layout above it to work again, up to the
    main window's tab widget, which then repaints all it holds: the filter bar, the
    tree's frame, the whole form (10 ms after each add, where the heading takes the
    new item's number). Held here, without a layout, its new text reaches no further;
    the holder's height follows the lines the text takes, so a heading that wraps
    still shows whole.
    """

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self.label = label
        label.setParent(self)
        self._fit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the label's text or font changed
            self._fit()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.label.setGeometry(self.rect())
        self._fit()
        super().resizeEvent(event)

    def _fit(self) -> None:
        width = self.width() if self.width() > 0 else self.label.sizeHint().width()
        height = self.label.heightForWidth(width)
        if height < 0:
            height = self.label.sizeHint().height()
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)


class TaskForm(QWidget):
    """Shows one item's fields and asks for each change to be saved.

    The heading on top; below it the fields (scrolled) above the progress panel, in a
    splitter, so that at 1366×768 "Tiến độ" is on screen without scrolling.
    """

    #: item id, new values, old values, undo text.
    edit_requested = Signal(int, dict, dict, str)
    #: item id, the name of a unit to add and make the item's lead unit.
    add_lead_unit_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._node: ItemNode | None = None
        self._outline = ""
        self._units: list[UnitInfo] = []
        self._errors: dict[str, QLabel] = {}
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        self._typed_unit = ""
        #: What the unit pickers were last filled with (units, the item's coordinators):
        #: filled again only when it changes, not at each row the cursor goes to.
        self._lead_filled: list[UnitInfo] | None = None
        self._coordinators_filled: tuple[list[UnitInfo], tuple[int, ...]] | None = None
        #: The coordinators' list as made for `_coordinator_units`: each unit's item by
        #: id, the ids in the list's order, and each name folded for the filter. Another
        #: item's coordinators re-tick and move these rows; they are made again only
        #: when the units change.
        self._coordinator_units: list[UnitInfo] | None = None
        self._coordinator_items: dict[int, QListWidgetItem] = {}
        self._coordinator_order: list[int] = []
        self._folded_names: dict[int, str] = {}
        #: The units ticked in the list, and those put first (the item's coordinators).
        self._ticked: set[int] = set()
        self._first: list[int] = []
        #: The item the list's rows were put in order for: while it stays shown, a
        #: unit ticked or unticked keeps its row where it is (only its mark changes).
        self._coordinators_item: int | None = None
        #: The kind of item whose rows the form shows (None: every row hidden).
        self._rows_kind: str | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.heading.setContentsMargins(6, 4, 6, 0)
        outer.addWidget(_HeadingHolder(self.heading))
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields = QScrollArea()
        self.fields.setWidgetResizable(True)
        self.fields.setWidget(body)
        self.progress = ProgressPanel()
        # The panel scrolls on its own only when the window is made narrow or short;
        # without it, its fields would set the whole window's minimum width.
        progress_area = QScrollArea()
        progress_area.setWidgetResizable(True)
        progress_area.setFrameShape(QFrame.Shape.NoFrame)
        progress_area.setWidget(self.progress)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.fields)
        self.split.addWidget(progress_area)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        # The panel at its natural height (history included), the fields above it.
        self.split.setSizes([10_000, self.progress.sizeHint().height()])
        outer.addWidget(self.split, 1)

        # Each field's editor, built from the registry (core.task_fields) in its order;
        # the few that need more than a line edit are built by their own methods.
        self.editors: dict[str, QWidget] = {}
        self._suffixes: dict[str, QLabel] = {}  # an amount's unit, beside its field
        special: dict[str, Callable[[TaskField], QWidget]] = {
            "kind": self._kind_editor,
            "lead_unit_id": self._lead_editor,
            "coordinator_ids": self._coordinators_editor,
            "deadline": self._deadline_editor,
            "indicator_target": self._indicator_editor,
        }
        for spec in TASK_FIELDS:
            if spec.name in _SHARED_ROWS:
                continue  # in the row of the field it belongs with
            row = special.get(spec.name, self._plain_editor)(spec)
            label = "" if spec.kind is FieldKind.BOOL else _translated(spec.form_label)
            self._add_row(spec.name, label, row)
        self.title = self.editors["title"]
        self.responsible = self.editors["responsible_person"]
        self.start = self.editors["start_date"]
        self.weight = self.editors["weight"]
        self.funding_amount = self.editors["funding_amount"]
        self._people = QStringListModel(self)
        people = QCompleter(self._people, self)
        people.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        people.setFilterMode(Qt.MatchFlag.MatchContains)
        self.responsible.setCompleter(people)

        self.show_node(None)

    # ------------------------------------------------------------------ editors

    def _plain_editor(self, spec: TaskField) -> QWidget:
        """The editor of a field that is typed or ticked, by its kind; saved when left."""
        name = spec.name
        if spec.kind is FieldKind.BOOL:
            box = QCheckBox(_translated(spec.form_label))
            box.clicked.connect(lambda on: self._save(name, on))
            self.editors[name] = box
            return box
        if spec.lines > 1:
            text = CommittingTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(18 * spec.lines)
            text.editing_finished.connect(lambda: self._save(name, text.toPlainText()))
            self.editors[name] = text
            return text
        line = QLineEdit()
        if spec.hint:
            line.setPlaceholderText(_translated(spec.hint))
        if spec.tooltip:
            line.setToolTip(_translated(spec.tooltip))
        if spec.kind is FieldKind.DATE:
            line.editingFinished.connect(lambda: self._save_date(spec))
        else:
            line.editingFinished.connect(lambda: self._save(name, line.text()))
        self.editors[name] = line
        if not spec.form_suffix:
            return line
        # An amount: right-aligned, as figures are, with its unit after it.
        line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        line.setMaximumWidth(220)
        row = QWidget()
        beside = QHBoxLayout(row)
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addWidget(line, 1)
        suffix = QLabel(_translated(spec.form_suffix))
        suffix.setBuddy(line)
        self._suffixes[name] = suffix
        beside.addWidget(suffix, 0)
        beside.addStretch(1)
        return row

    def _kind_editor(self, spec: TaskField) -> QWidget:
        self.kind = GuardedComboBox()
        for value, text in (
            ("section", self.tr("Section")),
            ("task", self.tr("Task")),
            ("text", self.tr("Paragraph of text")),
        ):
            self.kind.addItem(text, value)
        self.kind.activated.connect(lambda _i: self._save(spec.name, self.kind.currentData()))
        self.editors[spec.name] = self.kind
        return self.kind

    def _lead_editor(self, spec: TaskField) -> QWidget:
        self.lead = GuardedComboBox()
        self.lead.setEditable(True)  # type-ahead over the unit names
        self.lead.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lead.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.lead.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.lead.activated.connect(lambda _i: self._save(spec.name, self.lead.currentData()))
        # A name typed and left with Tab or Enter is resolved too, not silently dropped.
        # Leaving is also watched on the combo itself: with the completer's list open,
        # Tab closes the list and moves on without the line edit's editingFinished.
        self.lead.lineEdit().editingFinished.connect(self._lead_typed)
        self._lead_left = _WhenLeft(self._lead_typed, self)
        self.lead.installEventFilter(self._lead_left)
        self.add_unit_button = QPushButton()
        self.add_unit_button.clicked.connect(self._add_typed_unit)
        self.add_unit_button.hide()
        self.editors[spec.name] = self.lead
        lead_row = QWidget()
        line = QHBoxLayout(lead_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.lead, 1)
        line.addWidget(self.add_unit_button, 0)
        return lead_row

    def _coordinators_editor(self, spec: TaskField) -> QWidget:
        coordinators = QWidget()
        column = QVBoxLayout(coordinators)
        column.setContentsMargins(0, 0, 0, 0)
        self.coordinator_filter = QLineEdit()
        self.coordinator_filter.setPlaceholderText(self.tr("Type to find a unit…"))
        self.coordinator_filter.setClearButtonEnabled(True)
        self.coordinator_filter.textChanged.connect(self._filter_coordinators)
        self.coordinators = QListWidget()
        self.coordinators.setFixedHeight(110)
        # Every row one line high: Qt lays the list out again from the first row alone,
        # not by shaping each unit's name (0.5 ms of each task shown). A name too long
        # for the list ends in "…" and is shown whole in its tooltip.
        self.coordinators.setUniformItemSizes(True)
        self.coordinators.itemChanged.connect(self._coordinators_changed)
        column.addWidget(self.coordinator_filter)
        column.addWidget(self.coordinators)
        self.editors[spec.name] = self.coordinators
        return coordinators

    def _deadline_editor(self, spec: TaskField) -> QWidget:
        deadline_row = QWidget()
        # The reading of the deadline goes under the field, not beside it: beside it,
        # it squeezed the field until "Thường xuyên" showed as "Thường xu".
        line = QVBoxLayout(deadline_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(0)
        self.deadline = QLineEdit()
        self.deadline.setPlaceholderText(_translated(spec.hint))
        self.deadline.textChanged.connect(self._preview_deadline)
        self.deadline.editingFinished.connect(lambda: self._save(spec.name, self.deadline.text()))
        self.due_preview = QLabel()
        self.due_preview.setTextFormat(Qt.TextFormat.PlainText)
        line.addWidget(self.deadline, 1)
        line.addWidget(self.due_preview, 0)
        self.editors[spec.name] = self.deadline
        return deadline_row

    def _indicator_editor(self, spec: TaskField) -> QWidget:
        """The target and its unit on one line ("100" "% trường học")."""
        indicator = QWidget()
        line = QHBoxLayout(indicator)
        line.setContentsMargins(0, 0, 0, 0)
        self.target = self._plain_editor(spec)
        self.target_unit = self._plain_editor(FIELDS["indicator_unit"])
        line.addWidget(self.target, 1)
        line.addWidget(self.target_unit, 2)
        return indicator

    # ------------------------------------------------------------------ building

    def _add_row(self, field: str, label_text: str, widget: QWidget) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = error_label()
        column.addWidget(error)
        label = QLabel(label_text)
        label.setBuddy(widget)
        self.form.addRow(label, holder)
        self._errors[field] = error
        self._rows[field] = (label, holder)

    # ------------------------------------------------------------------ the window's use

    def focus_title(self) -> None:
        """Go to the form (F6): the cursor in the title."""
        self.title.setFocus()

    def split_state(self) -> QByteArray:
        """How the form is shared between its fields and the progress panel."""
        return self.split.saveState()

    def restore_split_state(self, state: QByteArray) -> None:
        self.split.restoreState(state)

    # ------------------------------------------------------------------ showing

    @property
    def node(self) -> ItemNode | None:
        return self._node

    def set_units(self, units: list[UnitInfo]) -> None:
        self._units = list(units)
        self.show_node(self._node, self._outline)

    def set_people(self, people: list[str]) -> None:
        self._people.setStringList(people)

    def shows(self, node: ItemNode, outline: str) -> bool:
        """Whether the form shows `node` as it is, under that full number (a change
        next to it leaves it so: it need not be filled again)."""
        return self._node == node and self._outline == outline

    def show_node(self, node: ItemNode | None, outline: str = "") -> None:
        """Fill the form with `node` (None: nothing selected).

        `outline` is the item's full number ("II.4.c) -"), since "-" alone says little.
        """
        same_item = node is not None and self._node is not None and node.id == self._node.id
        self._node = node
        self._outline = outline
        if not same_item:
            self.clear_errors()
            # What she typed to find a unit was for the item she left: another item's
            # list shown filtered hid its own coordinators.
            if self.coordinator_filter.text():
                self.coordinator_filter.clear()
        self.fields.widget().setEnabled(node is not None)
        if node is None:
            self._coordinators_item = None  # the next item's list is put in order
            self.heading.setText(self.tr("Select an item in the tree to see its details."))
            for label, holder in self._rows.values():
                label.hide()
                holder.hide()
            self._rows_kind = None
            return
        kind_names = {
            "section": self.tr("Section"),
            "task": self.tr("Task"),
            "text": self.tr("Paragraph of text"),
        }
        self.heading.setText(f"{kind_names[node.kind]} {outline or node.number}".strip())
        if node.kind != self._rows_kind:  # the rows of its kind (70 calls, not at each row)
            for field, (label, holder) in self._rows.items():
                visible = node.kind in FIELDS[field].item_kinds
                label.setVisible(visible)
                holder.setVisible(visible)
            self._rows_kind = node.kind
        with (
            QSignalBlocker(self.kind),
            QSignalBlocker(self.lead),
            QSignalBlocker(self.coordinators),
        ):
            self.kind.setCurrentIndex(self.kind.findData(node.kind))
            self._fill_lead(node)
            self._fill_coordinators(node)
            for spec in TASK_FIELDS:
                editor = self.editors[spec.name]
                if isinstance(editor, QCheckBox):
                    with QSignalBlocker(editor):
                        editor.setChecked(bool(spec.value_of(node)))
                elif isinstance(editor, QLineEdit | QPlainTextEdit):
                    _set_text(same_item, editor, _shown(spec, spec.value_of(node)))
            self._show_scale(node.funding_amount)
        self._preview_deadline(self.deadline.text())

    def _show_scale(self, amount: float | None) -> None:
        """The funding's unit, and from a thousand million its amount in tỷ: "1.500.000"
        typed for 1.5 million đồng shows "= 1.500 tỷ đồng" (it was taken silently)."""
        text = _translated(FIELDS["funding_amount"].form_suffix)
        if amount is not None and amount >= 1000:
            text += " " + self.tr("(= %1 billion đồng)").replace("%1", format_money(amount / 1000))
        label = self._suffixes["funding_amount"]
        if label.text() != text:
            label.setText(text)

    def _fill_lead(self, node: ItemNode) -> None:
        self.add_unit_button.hide()
        if self._lead_filled != self._units:
            self.lead.clear()
            self.lead.addItem(self.tr("(none)"), None)
            for unit in self._units:
                self.lead.addItem(unit.name, unit.id)
            self._lead_filled = list(self._units)
        index = max(0, self.lead.findData(node.lead_unit_id))
        self.lead.setCurrentIndex(index)
        self.lead.setEditText(self.lead.itemText(index))  # a name typed and not kept goes

    def _fill_coordinators(self, node: ItemNode) -> None:
        if self._coordinators_filled == (self._units, node.coordinator_ids):
            return  # the same list, ticked the same: what she filtered stays filtered
        self._coordinators_filled = (list(self._units), node.coordinator_ids)
        known = {u.id for u in self._units}
        first = [i for i in node.coordinator_ids if i in known]
        chosen = set(first)
        if node.id == self._coordinators_item and self._coordinator_units == self._units:
            # The same item, its coordinators changed (her tick saved, an undo): only
            # the marks change. Put in order at once, the unit she ticked jumped up
            # and another came under the pointer, for her next click to tick.
            self._tick_coordinators(chosen)
            return
        self._coordinators_item = node.id
        # The chosen ones first, in the plan's order, then the others by name.
        order = first + [u.id for u in self._units if u.id not in chosen]
        if self._coordinator_units != self._units or self.coordinators.currentRow() >= 0:
            # Made again when the units changed, and when she has clicked in the list:
            # Qt then scrolls a list emptied and refilled in its own way (a row below
            # the 20th current: to the 13th), which moving rows would not repeat.
            self._make_coordinators(order, first)
            return
        # The same units: their rows ticked and moved, not made again (every unit's row
        # made again cost 1 to 2 ms at each row the cursor went to in the tree).
        self._tick_coordinators(chosen)
        moved = self._arrange_coordinators(order, first)
        words = fold(self.coordinator_filter.text()).split()
        if words:  # a row taken out and put back shows again until filtered
            for unit_id in moved:
                self._filter_coordinator(unit_id, words)
        if self.coordinators.selectionModel().hasSelection():
            self.coordinators.clearSelection()  # as in a list filled anew

    def _tick_coordinators(self, chosen: set[int]) -> None:
        """The rows of the units `chosen` ticked, the others not (only those that change)."""
        for unit_id in self._ticked.symmetric_difference(chosen):
            self._coordinator_items[unit_id].setCheckState(
                Qt.CheckState.Checked if unit_id in chosen else Qt.CheckState.Unchecked
            )
        self._ticked = chosen

    def _make_coordinators(self, order: list[int], first: list[int]) -> None:
        """Every unit's row, in `order`, those `first` ticked."""
        # The rows' Python wrappers let go first: with them held, Qt's clear() leaves
        # the scroll bar elsewhere than it always did.
        self._coordinator_items = {}
        self.coordinators.clear()
        names = {u.id: u.name for u in self._units}
        for unit_id in order:
            entry = QListWidgetItem(names[unit_id])
            entry.setToolTip(names[unit_id])
            entry.setData(Qt.ItemDataRole.UserRole, unit_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if unit_id in first else Qt.CheckState.Unchecked
            )
            self.coordinators.addItem(entry)
            self._coordinator_items[unit_id] = entry
        self._coordinator_units = list(self._units)
        self._coordinator_order = list(order)
        self._ticked = set(first)
        self._first = list(first)
        self._folded_names = {unit_id: fold(name) for unit_id, name in names.items()}
        self._filter_coordinators(self.coordinator_filter.text())

    def _arrange_coordinators(self, order: list[int], first: list[int]) -> list[int]:
        """Put the rows in `order` (`first`, then the others by name) from the order
        shown: only the rows put first before or now move, the others keep their order.
        Returns the ids of the rows moved."""
        moved = set(self._first).union(first)
        if order == self._coordinator_order:
            moved = set()
        for row in reversed(range(len(self._coordinator_order))):
            if self._coordinator_order[row] in moved:
                self.coordinators.takeItem(row)
        # Put back from the top: each goes where every row before it already is.
        for row, unit_id in enumerate(order):
            if unit_id in moved:
                self.coordinators.insertItem(row, self._coordinator_items[unit_id])
        self._coordinator_order = list(order)
        self._first = list(first)
        return list(moved)

    def _filter_coordinators(self, text: str) -> None:
        words = fold(text).split()
        for unit_id in self._coordinator_order:
            self._filter_coordinator(unit_id, words)

    def _filter_coordinator(self, unit_id: int, words: list[str]) -> None:
        """Show the unit's row if its name holds every word typed (all, with none)."""
        entry = self._coordinator_items[unit_id]
        name = self._folded_names[unit_id]
        hidden = not all(w in name for w in words)
        if entry.isHidden() != hidden:
            entry.setHidden(hidden)

    def _preview_deadline(self, text: str) -> None:
        try:
            deadline = parse_deadline(text)
        except ValidationError:
            self.due_preview.setText(self.tr("not understood"))
            self.due_preview.setStyleSheet(ERROR_STYLE)
            return
        self.due_preview.setStyleSheet("")
        if deadline is None:
            self.due_preview.setText("")
        elif deadline.kind is DeadlineKind.RECURRING:
            self.due_preview.setText(self.tr("recurring, no fixed date"))
        else:
            self.due_preview.setText(self.tr("due %1").replace("%1", format_date(deadline.due)))

    # ------------------------------------------------------------------ saving

    def _save(self, field: str, value: Any) -> None:
        node = self._node
        if node is None:
            return
        old = field_value(node, field)
        typed = self.lead.currentText().strip()
        if field == "lead_unit_id" and value is None and typed not in {"", self.lead.itemText(0)}:
            # A typed name that is no item of the list: resolve it, never clear the lead.
            self._lead_typed()
            return
        if _same(field, value, old):
            self.clear_error(field)
            return
        self.edit_requested.emit(node.id, {field: value}, {field: old}, self._undo_text(field))

    def _undo_text(self, field: str) -> str:
        """The name of the edit in the Edit menu: "Undo: Change deadline"."""
        return edit_text(field)

    def _lead_typed(self) -> None:
        """Resolve the name typed into "Chủ trì" to one unit, or say why it cannot be."""
        node = self._node
        if node is None or not self.lead.isVisibleTo(self):
            return
        typed = self.lead.currentText().strip()
        if not typed or typed == self.lead.itemText(0):
            self._save("lead_unit_id", None)
            return
        matches = match_units(self._units, typed)
        self.add_unit_button.hide()
        if len(matches) == 1:
            with QSignalBlocker(self.lead):
                self.lead.setCurrentIndex(self.lead.findData(matches[0].id))
            self._save("lead_unit_id", matches[0].id)
        elif matches:
            names = "; ".join(u.name for u in matches[:5]) + ("…" if len(matches) > 5 else "")
            self.show_error(
                "lead_unit_id",
                self.tr("«%1» fits several units (%2): choose one from the list.")
                .replace("%1", typed).replace("%2", names),
            )  # fmt: skip
        else:
            self.show_error(
                "lead_unit_id",
                self.tr("No unit is named «%1». Choose one from the list, or add it.")
                .replace("%1", typed),
            )  # fmt: skip
            self._typed_unit = typed
            self.add_unit_button.setText(self.tr("Add unit «%1»").replace("%1", typed[:40]))
            self.add_unit_button.show()

    def _add_typed_unit(self) -> None:
        node = self._node
        if node is not None and self._typed_unit:
            self.add_lead_unit_requested.emit(node.id, self._typed_unit)

    def _save_date(self, spec: TaskField) -> None:
        editor = self.editors[spec.name]
        assert isinstance(editor, QLineEdit)
        try:
            day = parse_date(editor.text(), spec.name, _translated(spec.form_label))
        except ValidationError as error:
            self.show_error(spec.name, error.message)
            return
        self._save(spec.name, day)

    def _coordinators_changed(self, _entry: QListWidgetItem) -> None:
        self._coordinators_filled = None  # her tick: the list is filled again next time
        chosen = [
            self.coordinators.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.coordinators.count())
            if self.coordinators.item(r).checkState() == Qt.CheckState.Checked
        ]
        self._ticked = set(chosen)
        node = self._node
        if node is None:
            return
        # Keep the order the plan had; new ones go last, in the order they were ticked.
        ordered = [i for i in node.coordinator_ids if i in chosen]
        ordered += [i for i in chosen if i not in ordered]
        self._save("coordinator_ids", ordered)

    def show_error(self, field: str, message: str) -> None:
        """Show why a value was refused, under its field (the value is not saved)."""
        label = self._errors.get(field) or self._errors.get(_FIELD_ALIASES.get(field, ""))
        if label is not None:
            label.setText(message)
            label.show()

    def clear_error(self, field: str) -> None:
        if field in self._errors:
            self._errors[field].hide()

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()

    def error_text(self, field: str) -> str:
        label = self._errors[field]
        return label.text() if not label.isHidden() else ""


#: Fields shown in the row of another: the indicator's unit beside its target.
_SHARED_ROWS = {"indicator_unit": "indicator_target"}
# Errors from the services name the stored field; the form shows them at the widget's row.
_FIELD_ALIASES = {**_SHARED_ROWS, "deadline_text": "deadline"}


def _translated(source: str) -> str:
    """A text of the registry (core.task_fields), in the language of the window."""
    return QCoreApplication.translate("TaskForm", source)


def field_value(node: ItemNode, field: str) -> Any:
    """The value an edit of `field` replaces (the deadline as written, not its date)."""
    return FIELDS[field].value_of(node)


def _same(field: str, value: Any, old: Any) -> bool:
    return FIELDS[field].same(value, old)


def _shown(spec: TaskField, value: Any) -> str:
    """A stored value as its field shows it: a date dd/mm/yyyy, an amount 1.500,5."""
    if spec.kind is FieldKind.DATE:
        return format_date(value)
    if spec.kind is FieldKind.MONEY:
        return format_money(value)
    if spec.kind is FieldKind.NUMBER:
        return "" if value is None else f"{value:g}"
    return str(value)


def _set_text(same_item: bool, widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Fill a field; when the same item is refreshed, leave alone a field being typed in."""
    current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    if same_item and widget.hasFocus():
        return
    if current != text:
        if isinstance(widget, QLineEdit):
            widget.setText(text)
            widget.setCursorPosition(0)  # show the start of a long value, not its end
        else:
            widget.setPlainText(text)
