"""Tệp → Nhập báo cáo của đơn vị…: choose the Excel returns units sent back (several at
once), see what each brings or what is wrong with it, then record them — each file all
or nothing, each one undo step. A backup is taken before anything is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from dienchau_desktop.core.errors import UserError
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers.returns import ReturnContents, read_return

Checked = list[tuple[Path, ReturnContents]]


def choose_files(parent: QWidget, folder: str) -> list[Path]:
    start = folder or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    title = QCoreApplication.translate("ReturnsImport", "Import units' returns")
    names, _ = QFileDialog.getOpenFileNames(parent, title, start, "Excel (*.xlsx)")
    return [Path(n) for n in names]


def check_files(db: Database, files: list[Path]) -> tuple[Checked, list[str]]:
    """Read every file (nothing is written): what each brings, and what is wrong."""
    good: Checked = []
    problems: list[str] = []
    for path in files:
        try:
            good.append((path, read_return(db, path)))
        except UserError as error:
            problems.append(f"{error.message}\n{error.hint}".strip())
    return good, problems


def describe(good: Checked, problems: list[str]) -> str:
    template = QCoreApplication.translate(
        "ReturnsImport", "«%1» (%2, %3): %4 new, %5 as recorded, %6 left empty"
    )
    lines = [
        template.replace("%1", path.name)
        .replace("%2", contents.meta.get("unit", ""))
        .replace("%3", contents.period.label)
        .replace("%4", str(len(contents.entries)))
        .replace("%5", str(contents.unchanged))
        .replace("%6", str(contents.empty))
        for path, contents in good
    ]
    if problems:
        lines += ["", QCoreApplication.translate(
            "ReturnsImport", "Not imported (nothing from these files is written):")]  # fmt: skip
        lines += problems
    return "\n".join(lines)


def _details(box: QMessageBox, text: str) -> None:
    # A long list (many files, many bad rows) goes behind "Show details".
    if len(text) > 600:
        box.setDetailedText(text)
    else:
        box.setInformativeText(text)


def confirm(parent: QWidget, good: Checked, problems: list[str]) -> bool:
    """Show what the files bring; True when the user asks to record it."""
    new = sum(len(contents.entries) for _path, contents in good)
    title = QCoreApplication.translate("ReturnsImport", "Import units' returns")
    if not new:
        box = QMessageBox(QMessageBox.Icon.Information, title,
                          QCoreApplication.translate("ReturnsImport", "Nothing new to record."),
                          parent=parent)  # fmt: skip
        _details(box, describe(good, problems))
        box.exec()
        return False
    question = QCoreApplication.translate("ReturnsImport", "Record %1 progress entries?")
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, title, question.replace("%1", str(new)),
                      buttons, parent)  # fmt: skip
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    _details(box, describe(good, problems))
    return box.exec() == QMessageBox.StandardButton.Yes
