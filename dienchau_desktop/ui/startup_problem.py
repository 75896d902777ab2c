"""When the data file cannot be opened at start: say why in plain words and offer the
ways out that fit (restore the newest good backup, create, choose another file)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from dienchau_desktop.core.errors import (
    CorruptDataFileError,
    DataFileError,
    DataFileLockedError,
    DataFileMissingError,
    NotADatabaseError,
)
from dienchau_desktop.services.data_file import BackupInfo, list_backups


@dataclass(frozen=True)
class Recovery:
    """What to do next: "restore" the backup, "create" or "open" the path, "retry"."""

    action: str
    path: Path
    backup: Path | None = None


def options(error: DataFileError, path: Path) -> list[str]:
    """The ways out that make sense for this problem (besides quitting)."""
    if isinstance(error, CorruptDataFileError | NotADatabaseError):
        return (["restore"] if newest_good_backup(path) else []) + ["choose"]
    if isinstance(error, DataFileMissingError):
        return ["create", "choose"]
    if isinstance(error, DataFileLockedError):
        return ["retry"]
    return ["choose"]


def newest_good_backup(path: Path) -> BackupInfo | None:
    return next((b for b in list_backups(path) if b.usable), None)


def ask_recovery(error: DataFileError, path: Path) -> Recovery | None:
    """Show the problem with its ways out; None means quit."""
    title = QApplication.translate("startup", "Cannot open the data file")
    text = f"{error.message}\n\n{error.hint}".strip()
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    buttons = {}
    newest = newest_good_backup(path) if "restore" in options(error, path) else None
    labels = {
        "restore": QApplication.translate("startup", "Restore the backup of %1").replace(
            "%1", newest.made_at.strftime("%d/%m/%Y %H:%M") if newest else ""
        ),
        "create": QApplication.translate("startup", "Create a new data file"),
        "choose": QApplication.translate("startup", "Open another file…"),
        "retry": QApplication.translate("startup", "Try again"),
    }
    for option in options(error, path):
        buttons[box.addButton(labels[option], QMessageBox.ButtonRole.AcceptRole)] = option
    quit_button = box.addButton(
        QApplication.translate("startup", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(quit_button)
    box.exec()
    choice = buttons.get(box.clickedButton())
    if choice == "restore" and newest is not None:
        return Recovery("restore", path, newest.path)
    if choice == "create":
        return Recovery("create", path)
    if choice == "retry":
        return Recovery("retry", path)
    if choice == "choose":
        chosen, _ = QFileDialog.getOpenFileName(
            None, QApplication.translate("startup", "Open a data file"), str(path.parent),
            QApplication.translate("startup", "Data files (*.sqlite3 *.db)"),
        )  # fmt: skip
        return Recovery("open", Path(chosen)) if chosen else None
    return None
