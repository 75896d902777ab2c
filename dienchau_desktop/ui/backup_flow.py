"""The window's backups: daily and manual, a copy to a USB stick, restore, the
integrity check at start, and the "last backup" label of the status bar.

Its strings keep the translation context of the main window they came from.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from dienchau_desktop.core.errors import UserError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import data_file

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow

#: How long after start the daily backup is made (ms): the window first.
START_BACKUP_DELAY_MS = 3000
#: How long after start a large data file is integrity-checked (ms).
INTEGRITY_CHECK_DELAY_MS = 500

log = logging.getLogger(__name__)


class BackupFlow:
    """Backs up, copies out and restores the data file open in `window`."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def back_up_quietly(self, reason: str) -> Path | None:
        """A backup that must not stop the work when it fails (disk full, USB pulled)."""
        window = self.window
        try:
            made = data_file.back_up(
                window.db.path,
                reason,
                keep_daily=window.settings.backups_kept_daily,
                keep_monthly=window.settings.backups_kept_monthly,
            )
        except UserError as error:
            log.warning("%s backup of %s failed: %s", reason, window.db.path, error.message)
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Backup failed: %1")
                .replace("%1", error.message),
                15000,
            )  # fmt: skip
            return None
        self.update_label()
        return made

    def update_label(self) -> None:
        stamp = data_file.latest_backup_time(self.window.db.path)
        label = self.window.backup_label
        if stamp is None:
            label.setText(QCoreApplication.translate("MainWindow", "No backup yet"))
        else:
            label.setText(
                QCoreApplication.translate("MainWindow", "Last backup: %1")
                .replace("%1", stamp.strftime("%d/%m/%Y %H:%M"))
            )  # fmt: skip

    def schedule_start_backup(self) -> None:
        """A daily backup at start, if the newest is older than a day, once the window
        is on screen (a district file takes a moment to copy)."""
        QTimer.singleShot(START_BACKUP_DELAY_MS, self.window, self.backup_if_due)

    def schedule_integrity_check(self) -> None:
        """The start-up integrity check of a large file, once the window is painted."""
        QTimer.singleShot(INTEGRITY_CHECK_DELAY_MS, self.window, self.check_integrity)

    def check_integrity(self) -> bool:
        """Warn (and offer the backups) if SQLite finds the data file damaged."""
        problems = data_file.integrity_problems(self.window.db)
        if not problems:
            return True
        answer = QMessageBox.warning(
            self.window, QCoreApplication.translate("MainWindow", "The data file is damaged"),
            QCoreApplication.translate(
                "MainWindow",
                "SQLite found damage in the data file:\n%1\n\nRestore it from a backup?",
            ).replace("%1", "; ".join(problems)[:300]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.open_restore()
        return False

    def backup_if_due(self) -> Path | None:
        latest = data_file.latest_backup_time(self.window.db.path)
        if latest is None or datetime.now() - latest >= timedelta(days=1):
            return self.back_up_quietly("daily")
        return None

    def backup_now(self) -> None:
        made = self.back_up_quietly("manual")
        if made is not None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Backed up to %1")
                .replace("%1", str(made)),
                8000,
            )  # fmt: skip

    def save_copy(self) -> None:
        window = self.window
        folder = QFileDialog.getExistingDirectory(
            window, QCoreApplication.translate("MainWindow", "Choose a folder (a USB stick)")
        )
        if not folder:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        target = Path(folder) / f"{window.db.path.stem}-{stamp}.sqlite3"
        try:
            data_file.save_copy(window.db.path, target)
        except UserError as error:
            window.show_error(error)
            return
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Copy saved: %1").replace("%1", str(target)),
            10000,
        )

    def open_restore(self) -> None:
        from dienchau_desktop.ui.backup_dialog import RestoreDialog

        window = self.window
        dialog = RestoreDialog(window.db.path, window)
        if not dialog.exec() or dialog.chosen is None:
            return
        answer = QMessageBox.question(
            window, QCoreApplication.translate("MainWindow", "Restore"),
            QCoreApplication.translate(
                "MainWindow",
                "Replace the data file with the backup of %1? The file as it is now "
                "is backed up first.",
            ).replace("%1", dialog.chosen.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(dialog.chosen)

    def restore(self, backup: Path) -> bool:
        """Replace the open data file with `backup` and show what it holds."""
        window = self.window
        path = window.db.path
        window.db.close()
        try:
            data_file.restore(backup, path, on_wait=window.writer_wait)
        except UserError as error:
            self._reopen(path)
            window.show_error(error)
            return False
        self._reopen(path)
        window.undo_stack.clear()  # its commands speak of the replaced file
        window.plan_id = None
        window.loading.reload_plans()
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Restored from %1")
            .replace("%1", backup.name),
            10000,
        )  # fmt: skip
        return True

    def _reopen(self, path: Path) -> None:
        self.window.db = Database.open(path)
        self.window.db.on_wait = self.window.writer_wait
