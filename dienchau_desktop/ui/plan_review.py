"""The look at a plan document before it is added: the tree as it will be added and
what was not understood, with a few corrections made there (the kind of items, their
lead unit and deadline, items dropped) on several items at once.

The edits are made on the plan document (importers.plan_review, Qt-free); the tree is
drawn again from it after each, so what is shown is what «Thêm kế hoạch» adds.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.errors import UserError
from dienchau_desktop.importers import plan_review
from dienchau_desktop.importers.plan_review import Review

PATH_ROLE = Qt.ItemDataRole.UserRole


class PlanReviewDialog(QDialog):
    """Shows `review` and lets her correct it; «Thêm kế hoạch» calls `add` with it (the
    dialog stays open, with the reason, when adding is refused)."""

    def __init__(self, parent: QWidget | None, review: Review, unit_names: list[str],
                 add: Callable[[Review], Any]) -> None:  # fmt: skip
        super().__init__(parent)
        self.review = review
        self.unit_names = unit_names
        self._add = add
        self._undo: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Review the plan before adding it"))
        self.setSizeGripEnabled(True)

        title = QLabel(review.title)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        title.setWordWrap(True)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label = title
        self.reference_label = QLabel(review.reference or review.path.name)
        self.reference_label.setWordWrap(True)
        self.counts_label = QLabel()

        self.tree = QTreeWidget()
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels([self.tr("No."), self.tr("Kind"), self.tr("Title"),
                                   self.tr("Lead unit"), self.tr("Coordinating units"),
                                   self.tr("Deadline")])  # fmt: skip
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setIndentation(12)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 120), (1, 80), (3, 185), (4, 185), (5, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(column, width)
        self.tree.itemSelectionChanged.connect(self._selection_changed)

        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        self.warnings.setAlternatingRowColors(True)
        self.warnings.addItems(review.warnings)
        self.warnings_label = QLabel(
            self.tr("Not understood or skipped (%n):", "", len(review.warnings))
            if review.warnings else self.tr("Everything in the document was read.")
        )  # fmt: skip
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.warnings_label)
        below_layout.addWidget(self.warnings)
        self.warnings.setVisible(bool(review.warnings))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.make_section = QPushButton(self.tr("Make section"))
        self.make_task = QPushButton(self.tr("Make task"))
        self.make_text = QPushButton(self.tr("Make paragraph"))
        self.set_lead_button = QPushButton(self.tr("Lead unit…"))
        self.set_deadline_button = QPushButton(self.tr("Deadline…"))
        self.drop_button = QPushButton(self.tr("Drop"))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.make_section.clicked.connect(lambda: self._change_kind("section"))
        self.make_task.clicked.connect(lambda: self._change_kind("task"))
        self.make_text.clicked.connect(lambda: self._change_kind("text"))
        self.set_lead_button.clicked.connect(self._set_lead)
        self.set_deadline_button.clicked.connect(self._set_deadline)
        self.drop_button.clicked.connect(self._drop)
        self.undo_button.clicked.connect(self._undo_last)
        self.edit_buttons = (
            self.make_section, self.make_task, self.make_text,
            self.set_lead_button, self.set_deadline_button, self.drop_button,
        )  # fmt: skip
        self.selection_label = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(self.selection_label)
        actions.addSpacing(8)
        for button in (self.make_section, self.make_task, self.make_text):
            actions.addWidget(button)
        actions.addSpacing(12)
        actions.addWidget(self.set_lead_button)
        actions.addWidget(self.set_deadline_button)
        actions.addSpacing(12)
        actions.addWidget(self.drop_button)
        actions.addStretch(1)
        actions.addWidget(self.undo_button)
        QShortcut(QKeySequence.StandardKey.Delete, self.tree, self._drop)
        QShortcut(QKeySequence.StandardKey.Undo, self, self._undo_last)

        self.buttons = QDialogButtonBox()
        self.add_button = self.buttons.addButton(
            self.tr("Add the plan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        hint = QLabel(self.tr(
            "Select rows (Ctrl+click for several, Shift+click for a range), then change "
            "their kind, lead unit or deadline, or drop them. Nothing is added until you "
            "press «Add the plan»."))  # fmt: skip
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.reference_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(hint)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(1240, 660)
        self._fill()
        self._selection_changed()
        self.tree.setFocus()

    # ------------------------------------------------------------------ the tree

    def _fill(self, keep: list[tuple[int, ...]] | None = None) -> None:
        scrolled = self.tree.verticalScrollBar().value()
        self.tree.clear()
        kinds = {"section": self.tr("Section"), "task": self.tr("Task"),
                 "text": self.tr("Paragraph")}  # fmt: skip
        counts = {"section": 0, "task": 0, "text": 0}
        wanted = set(keep or [])
        chosen: list[QTreeWidgetItem] = []

        def add(rows: list[dict[str, Any]], parent: QTreeWidgetItem | None,
                at: tuple[int, ...]) -> None:  # fmt: skip
            for index, row in enumerate(rows):
                path = (*at, index)
                counts[row["kind"]] += 1
                cells = [row["number"], kinds[row["kind"]], row["title"],
                         row.get("lead_unit", ""), "; ".join(row.get("coordinators", [])),
                         row.get("deadline", "")]  # fmt: skip
                item = QTreeWidgetItem(cells)
                item.setData(0, PATH_ROLE, path)
                for column in (2, 3, 4, 5):
                    if cells[column]:
                        item.setToolTip(column, cells[column])
                if row.get("notes"):  # a deadline not understood is kept there
                    item.setToolTip(2, f"{row['title']}\n\n{row['notes']}")
                if row["kind"] == "section":
                    font = QFont(item.font(2))
                    font.setBold(True)
                    item.setFont(2, font)
                if parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                if path in wanted:
                    chosen.append(item)
                add(row.get("children", []), item, path)

        rows = self.review.rows()
        # The plan's own fields of a section are shown as its tasks' are.
        self._with_section_fields(rows, self.review.document["items"])
        add(rows, None, ())
        self.tree.expandAll()
        for item in chosen:
            item.setSelected(True)
        self.tree.verticalScrollBar().setValue(scrolled)
        self.counts_label.setText(
            self.tr("%1 sections, %2 tasks, %3 paragraphs of text, %4 units.")
            .replace("%1", str(counts["section"])).replace("%2", str(counts["task"]))
            .replace("%3", str(counts["text"]))
            .replace("%4", str(len(self.review.document.get("units", []))))
        )  # fmt: skip
        self.add_button.setEnabled(bool(rows))
        self.undo_button.setEnabled(bool(self._undo))

    def _with_section_fields(self, rows: list[dict[str, Any]],
                             items: list[dict[str, Any]]) -> None:  # fmt: skip
        """preview_tree shows a task's lead and deadline; a section carries them too."""
        for row, item in zip(rows, items, strict=True):
            if row["kind"] == "section":
                row["lead_unit"] = item.get("lead_unit", "")
                row["coordinators"] = item.get("coordinators", [])
                row["deadline"] = item.get("deadline", "")
            self._with_section_fields(row.get("children", []), item.get("children", []))

    def selected_paths(self) -> list[tuple[int, ...]]:
        return sorted(item.data(0, PATH_ROLE) for item in self.tree.selectedItems())

    def _selection_changed(self) -> None:
        count = len(self.tree.selectedItems())
        self.selection_label.setText(self.tr("%n selected:", "", count))
        for button in self.edit_buttons:
            button.setEnabled(count > 0)

    # ------------------------------------------------------------------ the edits

    def _edit(self, work: Callable[[dict[str, Any]], Any],
              keep: list[tuple[int, ...]] | None) -> bool:  # fmt: skip
        """Run `work` on a copy of the document; the copy replaces it when it went
        through, so a refused edit changes nothing."""
        before = self.review.document
        changed = copy.deepcopy(before)
        try:
            work(changed)
        except UserError as error:
            self._refuse(error)
            return False
        self._undo.append(before)
        self.review.document = changed
        self._fill(keep)
        return True

    def _refuse(self, error: UserError) -> None:
        QMessageBox.warning(self, self.tr("Cannot do that"),
                            f"{error.message}\n\n{error.hint}".strip())  # fmt: skip

    def _change_kind(self, kind: str) -> None:
        paths = self.selected_paths()
        if paths:
            self._edit(lambda d: plan_review.set_kind(d, paths, kind), paths)

    def _common(self, key: str) -> str:
        """The value of `key` the selected items share, or ""."""
        values = {plan_review.item_at(self.review.document["items"], p).get(key, "")
                  for p in self.selected_paths()}  # fmt: skip
        return values.pop() if len(values) == 1 else ""

    def _set_lead(self) -> None:
        paths = self.selected_paths()
        if not paths:
            return
        names = sorted({*self.unit_names,
                        *(u["name"] for u in self.review.document.get("units", []))})  # fmt: skip
        ask = QInputDialog(self)
        ask.setWindowTitle(self.tr("Lead unit"))
        ask.setLabelText(
            self.tr("Lead unit of the %n selected items (empty: none):", "", len(paths))
        )
        ask.setComboBoxItems(names)
        ask.setComboBoxEditable(True)
        ask.setTextValue(self._common("lead_unit"))  # empty unless they share one
        combo = ask.findChild(QComboBox)
        if combo is not None:  # room for a department's name
            combo.setMinimumWidth(480)
        if ask.exec() == QDialog.DialogCode.Accepted:
            name = ask.textValue()
            self._edit(lambda d: plan_review.set_lead(d, paths, name), paths)
        ask.deleteLater()

    def _set_deadline(self) -> None:
        paths = self.selected_paths()
        if not paths:
            return
        written = self._common("deadline")
        while True:
            written, ok = QInputDialog.getText(
                self, self.tr("Deadline"),
                self.tr("Deadline of the %n selected items, as written (e.g. Quý IV/2026, "
                        "30/11/2026, Thường xuyên; empty: none):", "", len(paths)),
                QLineEdit.EchoMode.Normal, written,
            )  # fmt: skip
            if not ok:
                return
            if self._edit(partial(plan_review.set_deadline, paths=paths, written=written), paths):
                return

    def _drop(self) -> None:
        paths = plan_review.outermost(self.selected_paths())
        if not paths:
            return
        held = sum(plan_review.count_under(plan_review.item_at(self.review.document["items"], p))
                   for p in paths)  # fmt: skip
        if held:
            question = (
                self.tr("Drop %1 items and the %2 items they hold?")
                .replace("%1", str(len(paths))).replace("%2", str(held))
            )  # fmt: skip
            answer = QMessageBox.question(self, self.tr("Drop items"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._edit(lambda d: plan_review.drop(d, paths), None)

    def _undo_last(self) -> None:
        if self._undo:
            self.review.document = self._undo.pop()
            self._fill()

    # ------------------------------------------------------------------ adding

    def accept(self) -> None:
        try:
            self._add(self.review)
        except UserError as error:
            self._refuse(error)
            return
        super().accept()
