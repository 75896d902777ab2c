"""Reporting periods of a plan: the usual ones in one click, custom ones, closing,
deleting one made by mistake.

Deleting goes through the window's undo stack (Ctrl+Z here or in the window brings
the period back); the other changes are confirmed rather than undone. A closed period
keeps its entries read-only until it is reopened.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.deadline import format_date, parse_date
from dienchau_desktop.core.errors import UserError, ValidationError
from dienchau_desktop.core.periods import (
    DEFAULT_DAYS_TO_REPORT,
    PeriodKind,
    PeriodSpec,
    add_working_days,
)
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import periods
from dienchau_desktop.services.periods import PeriodInfo
from dienchau_desktop.ui.change_bus import Change, ChangeBus
from dienchau_desktop.ui.undo_commands import DeletePeriodCommand, perform
from dienchau_desktop.ui.wheel_guard import GuardedComboBox, GuardedSpinBox
from dienchau_desktop.ui.widgets import error_label, ok_cancel


class PeriodEditor(QDialog):
    """The fields of one period; the due date follows the cut-off unless typed."""

    def __init__(self, parent: QWidget, period: PeriodInfo | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New period") if period is None else self.tr("Edit period"))
        self.kind = GuardedComboBox()
        for kind, text in (
            (PeriodKind.HALF_YEAR, self.tr("6 months")),
            (PeriodKind.YEAR, self.tr("Year")),
            (PeriodKind.QUARTER, self.tr("Quarter")),
            (PeriodKind.MONTH, self.tr("Month")),
            (PeriodKind.AD_HOC, self.tr("Ad hoc")),
        ):
            self.kind.addItem(text, kind)
        self.label = QLineEdit(period.label if period else "")
        self.start = QLineEdit(format_date(period.start) if period else "")
        self.cutoff = QLineEdit(format_date(period.cutoff) if period else "")
        self.due = QLineEdit(format_date(period.due) if period else "")
        for field in (self.start, self.cutoff, self.due):
            field.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.due.setPlaceholderText(self.tr("empty: %1 working days after the cut-off")
                                    .replace("%1", str(DEFAULT_DAYS_TO_REPORT)))  # fmt: skip
        if period is not None:
            self.kind.setCurrentIndex(self.kind.findData(period.kind))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name"), self.label)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("Cut-off date"), self.cutoff)
        form.addRow(self.tr("Report due"), self.due)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.spec: PeriodSpec | None = None

    def accept(self) -> None:
        try:
            start = parse_date(self.start.text(), "start", self.tr("From"))
            cutoff = parse_date(self.cutoff.text(), "cutoff", self.tr("Cut-off date"))
            due = parse_date(self.due.text(), "due", self.tr("Report due"))
            if start is None or cutoff is None:
                raise ValidationError("start", self.tr("Both dates are needed."))
            spec = PeriodSpec(
                self.kind.currentData(), self.label.text(), start, cutoff,
                due or add_working_days(cutoff, DEFAULT_DAYS_TO_REPORT),
            )  # fmt: skip
            periods.validate_spec(spec)
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            return
        self.spec = spec
        super().accept()


class PeriodsDialog(QDialog):
    """The plan's periods: their dates, due dates, and whether they are closed."""

    def __init__(
        self,
        db: Database,
        bus: ChangeBus,
        undo_stack: QUndoStack,
        plan_id: int,
        parent: QWidget,
        year: int | None = None,
    ) -> None:
        """`year`: the one the usual periods are made for; None: the year the plan is
        carried out (services.periods.usual_year), not the year it was issued."""
        super().__init__(parent)
        self.db, self.bus, self.undo_stack, self.plan_id = db, bus, undo_stack, plan_id
        self._periods: list[PeriodInfo] = []
        self.setWindowTitle(self.tr("Reporting periods"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Period"), self.tr("From"), self.tr("Cut-off date"),
             self.tr("Report due"), self.tr("State")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        # Dates and states as wide as their headings ("Ngày chốt số liệu"), the label
        # takes the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_period())

        self.year = GuardedSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year or periods.usual_year(db, plan_id, date.today()))
        self.quarterly = QCheckBox(self.tr("with quarters"))
        self.usual_button = QPushButton(self.tr("Create the usual periods"))
        self.usual_button.clicked.connect(self.create_usual)
        add = QPushButton(self.tr("&Add…"))
        add.clicked.connect(self.add_period)
        edit = QPushButton(self.tr("&Edit…"))
        edit.clicked.connect(self.edit_period)
        self.close_button = QPushButton(self.tr("&Close period"))
        self.close_button.clicked.connect(self.toggle_closed)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setToolTip(
            self.tr("Delete a period made by mistake (only one without progress entries)")
        )
        self.delete_button.clicked.connect(self.delete_period)
        # The Delete key acts on the table only: in the year field it edits the number.
        delete_key = QAction(self.tr("Delete period"), self.table)
        delete_key.setShortcut(QKeySequence.StandardKey.Delete)
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(self.delete_period)
        self.table.addAction(delete_key)
        # The window's shortcuts do not reach a modal dialog: undo and redo here too.
        undo = undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.addActions([undo, redo])
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.hide()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        bus.changed.connect(self._changed)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.quarterly)
        top.addWidget(self.usual_button)
        top.addStretch(1)
        row = QHBoxLayout()
        for button in (add, edit, self.close_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        done = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        done.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(done)
        self.resize(820, 400)
        self.reload()

    def reload(self) -> None:
        chosen = self.selected()
        self._periods = periods.list_periods(self.db, self.plan_id)
        self.table.setRowCount(len(self._periods))
        for row, p in enumerate(self._periods):
            cells = (p.label, format_date(p.start), format_date(p.cutoff), format_date(p.due),
                     self.tr("closed") if p.is_closed else self.tr("open"))  # fmt: skip
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column in (1, 2, 3):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, cell)
        ids = [p.id for p in self._periods]
        if chosen is not None and chosen.id in ids:
            self.table.selectRow(ids.index(chosen.id))
        self._selection_changed()

    def selected(self) -> PeriodInfo | None:
        row = self.table.currentRow()
        return self._periods[row] if 0 <= row < len(self._periods) else None

    def _selection_changed(self) -> None:
        period = self.selected()
        self.close_button.setEnabled(period is not None)
        self.delete_button.setEnabled(period is not None)
        self.close_button.setText(
            self.tr("&Reopen period") if period and period.is_closed else self.tr("&Close period")
        )

    def _changed(self, change: Change) -> None:
        # Every change of the plan's periods, made here or undone in the window.
        if change.what == "periods" and change.plan_id == self.plan_id:
            self.note.hide()  # "deleted, Ctrl+Z brings it back" is stale after any change
            self.reload()

    def _done(self) -> None:
        self.bus.announce(Change("periods", self.plan_id))

    def _try(self, action) -> bool:
        try:
            action()
        except UserError as error:
            QMessageBox.warning(self, self.tr("Cannot do that"), error.message)
            return False
        self._done()
        return True

    def create_usual(self) -> None:
        self._try(
            lambda: periods.create_standard_periods(
                self.db, self.plan_id, self.year.value(), quarterly=self.quarterly.isChecked()
            )
        )

    def add_period(self) -> None:
        editor = PeriodEditor(self, None)
        if editor.exec() and editor.spec is not None:
            spec = editor.spec
            self._try(lambda: periods.create_period(self.db, self.plan_id, spec))

    def edit_period(self) -> None:
        period = self.selected()
        if period is None:
            return
        editor = PeriodEditor(self, period)
        if editor.exec() and editor.spec is not None:
            spec = editor.spec
            self._try(lambda: periods.update_period(self.db, period.id, spec))

    def toggle_closed(self) -> None:
        period = self.selected()
        if period is None:
            return
        if not period.is_closed:
            answer = QMessageBox.question(
                self, self.tr("Close period"),
                self.tr("Close «%1»? Its progress entries become read-only.")
                .replace("%1", period.label),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._try(lambda: periods.set_period_closed(self.db, period.id, not period.is_closed))

    def delete_period(self) -> None:
        """Delete the selected period if nothing was recorded in it; else say why not."""
        period = self.selected()
        if period is None:
            return
        row = self.table.currentRow()
        text = self.tr("Delete period «%1»").replace("%1", period.label)
        try:
            perform(self.undo_stack, DeletePeriodCommand(self.db, self.bus, period, text))
        except UserError as error:
            QMessageBox.warning(self, self.tr("Cannot delete the period"), error.message)
            return
        if self.table.rowCount():
            self.table.selectRow(min(row, self.table.rowCount() - 1))
        self.note.setText(
            self.tr("Period «%1» deleted. Ctrl+Z brings it back.").replace("%1", period.label)
        )
        self.note.show()
