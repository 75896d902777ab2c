"""The dialog of Sửa → Thay đổi các mục đã chọn…: the kind, lead unit, coordinating
units and deadline of the items selected in the plan tree, each "(leave unchanged)"
until she sets it, with what the items hold now under each field; what is refused is
listed with the item and why (ui.batch_editing runs the change)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
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
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.deadline import DeadlineKind, format_date, parse_deadline
from dienchau_desktop.core.errors import UserError, ValidationError
from dienchau_desktop.core.folding import fold
from dienchau_desktop.services.batch_edit import (
    CARRIER_KINDS,
    BatchEdit,
    BatchRefusedError,
    CoordinatorMode,
)
from dienchau_desktop.services.items import ItemNode
from dienchau_desktop.services.units import UnitInfo, match_units
from dienchau_desktop.ui.wheel_guard import GuardedComboBox
from dienchau_desktop.ui.widgets import ERROR_STYLE, error_label

_KEEP = "keep"  # a field's "(leave unchanged)"


def short_title(title: str) -> str:
    """A title cut to 60 characters, for a line that names an item."""
    return title if len(title) <= 60 else title[:59] + "…"


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

        self.kind = GuardedComboBox()
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
        # What a new kind does to the fields the items hold (as the form's kind does).
        self.kind_effect = _note()

        self.lead = GuardedComboBox()
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
        self.lead.currentTextChanged.connect(lambda _t: self._lead_typed())
        self.lead_error = error_label()

        self.coordinator_mode = GuardedComboBox()
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
        # What the mode chosen will do with the units ticked, before she confirms.
        self.coordinators_effect = _note()

        self.deadline_mode = GuardedComboBox()
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
        form.addRow(self._label(self.tr("&Kind:"), self.kind),
                    _column(self.kind, self.kind_effect))  # fmt: skip
        form.addRow(self._label(self.tr("&Lead unit:"), self.lead),
                    _column(self.lead, self.lead_now, self.lead_error))  # fmt: skip
        coordinators = _column(self.coordinator_mode, self.coordinators_now,
                               self.coordinator_filter, self.coordinators,
                               self.coordinators_effect)  # fmt: skip
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

    def _lead_typed(self) -> None:
        self.lead_error.hide()  # about what she typed before: gone as she types again
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
        coordinators = self.coordinator_mode.currentData()
        ticked = bool(self._ticked())
        self._say_coordinators_effect(coordinators, ticked)
        self._say_kind_effect(lead_left)
        changes = (
            self.kind.currentData() != _KEEP
            or not lead_left
            # Adding or removing nothing changes nothing; replacing by nothing does.
            or coordinators == "replace"
            or (coordinators != "keep" and ticked)
            or mode != "keep"
        )
        self.change_button.setEnabled(changes)

    def _say_coordinators_effect(self, mode: str, ticked: bool) -> None:
        """The grey line under the units: what «Change» will do with them."""
        warn = False
        if mode == "replace" and not ticked:
            # Taken for "replace with these" while none is ticked yet: say it plainly.
            text = self.tr(
                "Every coordinating unit of the selected items will be taken "
                "away. To take away only some, choose «Remove the units ticked»."
            )
            warn = True
        elif mode == "replace":
            text = self.tr(
                "The selected items will have the units ticked as their "
                "coordinating units, and no others."
            )
        elif mode in {"add", "remove"} and not ticked:
            text = self.tr("Tick the units to add or remove.")
        else:
            text = ""
        self.coordinators_effect.setText(text)
        self.coordinators_effect.setStyleSheet(ERROR_STYLE if warn else _NOTE_STYLE)
        self.coordinators_effect.setVisible(bool(text))

    def _say_kind_effect(self, lead_left: bool) -> None:
        """The grey line under the kind: what becomes of the fields a new kind does not
        carry or needs. Kept, as the form keeps them when one item's kind changes."""
        kind = self.kind.currentData()
        text = ""
        # The counts in names of their own: lupdate misses a string whose call holds a call.
        if kind == "text":
            holding = sum(1 for n in self.nodes if n.kind in CARRIER_KINDS and _holds_fields(n))
            if holding:
                text = self.tr(
                    "%n of them hold a lead unit, coordinating units or a deadline: "
                    "paragraphs carry none, so these are kept but not counted or "
                    "reported, and are theirs again if they become tasks.",
                    "",
                    holding,
                )
        elif kind == "task" and lead_left:
            leaderless = sum(1 for n in self.nodes if not n.lead_unit_name)
            if leaderless:
                text = self.tr(
                    "%n of them will be tasks with no lead unit: choose one under Lead "
                    "unit, or in the form later.",
                    "",
                    leaderless,
                )
        self.kind_effect.setText(text)
        self.kind_effect.setVisible(bool(text))

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
            self.problems.addItem(
                f"{number} {short_title(problem.title)}: {problem.message}".strip()
            )
        self.problems.show()


def _holds_fields(node: ItemNode) -> bool:
    """Whether an item has a lead unit, coordinating units or a deadline."""
    return bool(node.lead_unit_name or node.coordinator_names or node.deadline_text)


_NOTE_STYLE = "color: #616161;"  # the grey of a line that says, not asks


def _note() -> QLabel:
    line = QLabel()
    line.setWordWrap(True)
    line.setTextFormat(Qt.TextFormat.PlainText)
    line.setStyleSheet(_NOTE_STYLE)
    line.hide()
    return line


def _column(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    for widget in widgets:
        column.addWidget(widget)
    return holder
