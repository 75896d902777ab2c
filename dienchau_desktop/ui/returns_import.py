"""Tệp → Nhập báo cáo của đơn vị…: choose the Excel returns units sent back (several at
once), see what each brings or what is wrong with it, then record them — each file all
or nothing, each one undo step. A backup is taken before anything is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QGridLayout, QLabel, QMessageBox, QPlainTextEdit, QWidget

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
    """What the files bring, the files that cannot be imported first: each with its
    bad cells by row and column (importers/returns.py words them)."""
    lines: list[str] = []
    if problems:
        lines.append(
            QCoreApplication.translate(
                "ReturnsImport", "Not imported (nothing from these files is written):"
            )
        )
        for problem in problems:
            lines += [problem, ""]
        if good:
            lines.append(QCoreApplication.translate("ReturnsImport", "Read without errors:"))
    template = QCoreApplication.translate(
        "ReturnsImport", "«%1» (%2, %3): %4 new, %5 as recorded, %6 left empty"
    )
    # Said, so a coordinator's return that leaves the tree as it was is no surprise.
    helped = QCoreApplication.translate(
        "ReturnsImport",
        " (%1 of them a coordinating unit's part: kept in the history, not the task's state)",
    )
    for path, contents in good:
        contributions = sum(entry.contribution for entry in contents.entries)
        lines.append(
            template.replace("%1", path.name)
            .replace("%2", contents.meta.get("unit", ""))
            .replace("%3", contents.period.label)
            .replace("%4", str(len(contents.entries)))
            .replace("%5", str(contents.unchanged))
            .replace("%6", str(contents.empty))
            + (helped.replace("%1", str(contributions)) if contributions else "")
        )
    return "\n".join(lines).strip()


def headline(good: Checked, problems: list[str]) -> str:
    """The box's first words: the errors when there are any, then the question."""
    new = sum(len(contents.entries) for _path, contents in good)
    lines = []
    if problems:
        lines.append(
            QCoreApplication.translate(
                "ReturnsImport",
                "%1 of %2 files cannot be imported because of errors; "
                "correct the cells named below and import them again.",
            )
            .replace("%1", str(len(problems)))
            .replace("%2", str(len(problems) + len(good)))
        )
    if new:
        lines.append(
            QCoreApplication.translate("ReturnsImport", "Record %1 progress entries?").replace(
                "%1", str(new)
            )
        )
    elif good or not problems:
        lines.append(QCoreApplication.translate("ReturnsImport", "Nothing new to record."))
    return "\n\n".join(lines)


def _show_list(box: QMessageBox, text: str) -> None:
    """The list in the box itself, under its first words, in a box big enough to read
    and scroll: it once hid behind "Show details" in a box 231 pixels wide."""
    view = QPlainTextEdit(text, box)
    view.setReadOnly(True)
    view.setObjectName("returns_list")
    # About 100 characters wide; tall enough for the list as wrapped there (8 to 24
    # lines: at 1366×768 the box, its words and buttons still fit on the screen).
    wrapped = sum(1 + len(line) // 95 for line in text.splitlines())
    metrics = view.fontMetrics()
    view.setMinimumSize(
        metrics.averageCharWidth() * 100, metrics.lineSpacing() * min(24, max(8, wrapped)) + 12
    )
    grid = box.layout()
    label = box.findChild(QLabel, "qt_msgbox_label")
    if isinstance(grid, QGridLayout) and label is not None:
        # The cell under the message (where Qt puts an informative text, unused here).
        row, column, _rows, _columns = grid.getItemPosition(grid.indexOf(label))
        grid.addWidget(view, row + 1, column)
    else:  # pragma: no cover - a Qt that lays out its message box otherwise
        box.setInformativeText(text)
        view.hide()


def confirm(parent: QWidget, good: Checked, problems: list[str]) -> bool:
    """Show what the files bring, errors first; True when the user asks to record it."""
    new = sum(len(contents.entries) for _path, contents in good)
    title = QCoreApplication.translate("ReturnsImport", "Import units' returns")
    icon = QMessageBox.Icon.Warning if problems else QMessageBox.Icon.Information
    if not new:
        box = QMessageBox(icon, title, headline(good, problems), QMessageBox.StandardButton.Close,
                          parent)  # fmt: skip
        _show_list(box, describe(good, problems))
        box.exec()
        return False
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(icon if problems else QMessageBox.Icon.Question, title,
                      headline(good, problems), buttons, parent)  # fmt: skip
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    _show_list(box, describe(good, problems))
    return box.exec() == QMessageBox.StandardButton.Yes
