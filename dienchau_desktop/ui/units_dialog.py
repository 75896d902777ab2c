"""Units (cơ quan, đơn vị): add, rename, merge and remove, shared by every plan.

Unit changes are not on the undo stack: merging and removing are confirmed instead,
and a unit still in use can only be removed by choosing the one that replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.errors import UserError, ValidationError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import units
from dienchau_desktop.services.units import UnitInfo
from dienchau_desktop.ui.change_bus import Change, ChangeBus
from dienchau_desktop.ui.widgets import error_label, ok_cancel


class UnitEditor(QDialog):
    """The fields of one unit; refused values are shown in the dialog, which stays open."""

    def __init__(self, parent: QWidget, unit: UnitInfo | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New unit") if unit is None else self.tr("Edit unit"))
        self.name = QLineEdit(unit.name if unit else "")
        self.short_name = QLineEdit(unit.short_name if unit else "")
        self.kind = QLineEdit(unit.kind if unit else "")
        self.email = QLineEdit(unit.email if unit else "")
        self.email.setPlaceholderText(self.tr("e.g. vhxh@dienchau.gov.vn"))
        self.contact = QLineEdit(unit.contact if unit else "")
        self.error = error_label()
        self._refused: QLineEdit | None = None
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Short name"), self.short_name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Contact"), self.contact)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text(),
            "short_name": self.short_name.text(),
            "kind": self.kind.text(),
            "email": self.email.text(),
            "contact": self.contact.text(),
        }

    def show_error(self, error: ValidationError) -> None:
        """Why the value was refused and what is expected (an email's example), and the
        field it is about ready to be typed over."""
        self.error.setText("\n".join(text for text in (error.message, error.hint) if text))
        self.error.show()
        field = {"name": self.name, "short_name": self.short_name, "kind": self.kind,
                 "email": self.email, "contact": self.contact}.get(error.field)  # fmt: skip
        self._refused = field

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Shown again after a refusal: the field refused, its text selected to be typed
        # over (the dialog would give the focus back to the OK button she clicked).
        field, self._refused = self._refused, None
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            field.selectAll()


class UnitsDialog(QDialog):
    """The list of units with how many tasks each leads and coordinates."""

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.bus = bus
        self.setWindowTitle(self.tr("Units"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Short name"), self.tr("Email"),
             self.tr("Leads"), self.tr("Coordinates")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_unit())

        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.merge_button = QPushButton(self.tr("&Merge into…"))
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.add_button.clicked.connect(self.add_unit)
        self.edit_button.clicked.connect(self.edit_unit)
        self.merge_button.clicked.connect(self.merge_unit)
        self.remove_button.clicked.connect(self.remove_unit)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.merge_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(820, 460)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self._units = units.list_units(self.db)
        self.table.setRowCount(len(self._units))
        for row, unit in enumerate(self._units):
            cells = (unit.name, unit.short_name, unit.email,
                     str(unit.lead_count), str(unit.coordinate_count))  # fmt: skip
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column >= 3:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
            if unit.id == select:
                self.table.selectRow(row)

    def selected(self) -> UnitInfo | None:
        row = self.table.currentRow()
        return self._units[row] if 0 <= row < len(self._units) else None

    def _changed(self, select: int | None = None) -> None:
        self.reload(select)
        self.bus.announce(Change("units"))

    def add_unit(self) -> None:
        self._edit(None)

    def edit_unit(self) -> None:
        unit = self.selected()
        if unit is not None:
            self._edit(unit)

    def _edit(self, unit: UnitInfo | None) -> None:
        editor = UnitEditor(self, unit)
        while editor.exec():
            try:
                if unit is None:
                    values = editor.values()
                    saved = units.create_unit(self.db, values.pop("name"), **values)
                else:
                    saved = units.update_unit(self.db, unit.id, **editor.values())
            except ValidationError as error:
                editor.show_error(error)
                continue
            except UserError as error:
                QMessageBox.warning(self, self.tr("Cannot do that"), error.message)
                return
            self._changed(saved.id)
            return

    def _choose_other(self, unit: UnitInfo, prompt: str) -> UnitInfo | None:
        others = [u for u in self._units if u.id != unit.id]
        if not others:
            QMessageBox.information(self, self.tr("Units"), self.tr("There is no other unit."))
            return None
        name, ok = QInputDialog.getItem(
            self, self.tr("Choose a unit"), prompt, [u.name for u in others], 0, False
        )
        return next((u for u in others if u.name == name), None) if ok else None

    def merge_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        target = self._choose_other(
            unit, self.tr("Give every task of «%1» to:").replace("%1", unit.name)
        )
        if target is None:
            return
        question = self.tr("Merge «%1» into «%2»? «%1» will be removed.")
        question = question.replace("%1", unit.name).replace("%2", target.name)
        if self._confirm(question):
            self._apply(lambda: units.merge_units(self.db, unit.id, target.id), target.id)

    def remove_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        if unit.in_use:
            uses = (
                self.tr("«%1» leads %2 and coordinates %3 tasks, and %4 sections or paragraphs "
                        "name it. Give them to:") if unit.other_uses
                else self.tr("«%1» leads %2 and coordinates %3 tasks. Give them to:")
            )  # fmt: skip
            target = self._choose_other(
                unit,
                uses.replace("%1", unit.name)
                .replace("%2", str(unit.lead_count))
                .replace("%3", str(unit.coordinate_count))
                .replace("%4", str(unit.other_uses)),
            )
            if target is None:
                return
            self._apply(lambda: units.delete_unit(self.db, unit.id, target.id), target.id)
        elif self._confirm(self.tr("Remove «%1»?").replace("%1", unit.name)):
            self._apply(lambda: units.delete_unit(self.db, unit.id), None)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Units"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def _apply(self, action: object, select: int | None) -> None:
        try:
            action()  # type: ignore[operator]
        except UserError as error:
            QMessageBox.warning(self, self.tr("Cannot do that"), error.message)
            return
        self._changed(select)
