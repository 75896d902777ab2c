"""Tệp → Khôi phục…: the backups of the data file, with when they were made and what
they hold; the chosen one replaces the data file (which is backed up first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.services.data_file import (
    BackupInfo,
    describe_backup,
    list_backups,
    reason_kind,
)


class RestoreDialog(QDialog):
    """Choose a backup to restore; `chosen` is its path after OK."""

    def __init__(self, data_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.data_file = data_file
        self.chosen: Path | None = None
        note = QLabel(
            self.tr(
                "The chosen backup replaces the data file. The data file as it is now "
                "is backed up first, so this too can be undone by restoring that copy."
            )
        )
        note.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Why"), self.tr("Plans"), self.tr("Tasks"),
             self.tr("Last change"), self.tr("State")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        other = QPushButton(self.tr("Another file (USB)…"))
        other.clicked.connect(self._choose_file)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(820, 420)
        self.backups = list_backups(data_file)
        self._show(self.backups)

    def _show(self, backups: list[BackupInfo]) -> None:
        self.table.setRowCount(len(backups))
        for row, b in enumerate(backups):
            cells = (
                b.made_at.strftime("%d/%m/%Y %H:%M"),
                self.reason_label(b.reason),
                str(b.plans) if b.usable else "",
                str(b.tasks) if b.usable else "",
                b.last_change.strftime("%d/%m/%Y %H:%M") if b.last_change else "",
                self.tr("good") if b.usable else b.problem,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(b.path) if column == 0 else text)
                if not b.usable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()  # the reasons in full, the dates on one line
        usable = [r for r, b in enumerate(backups) if b.usable]
        if usable:
            self.table.selectRow(usable[0])
        self._selection_changed()

    def reason_label(self, reason: str) -> str:
        """Why a backup was made, in words (never the English of its file name)."""
        return {
            "daily": self.tr("daily"),
            "close": self.tr("on closing the program"),
            "manual": self.tr("made by hand"),
            "before-import": self.tr("before an import"),
            "before-restore": self.tr("before a restore"),
            "before-upgrade": self.tr("before a program upgrade"),
        }.get(reason_kind(reason), self.tr("other copy"))

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        ok = 0 <= row < len(self.backups) and self.backups[row].usable
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), "", self.tr("Data files (*.sqlite3 *.db)")
        )
        if path:
            info = describe_backup(Path(path))
            self.backups.insert(0, info)
            self._show(self.backups)

    def accept(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.backups) and self.backups[row].usable:
            self.chosen = self.backups[row].path
            super().accept()
