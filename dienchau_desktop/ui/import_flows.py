"""The window's imports: a plan document as a new plan, and the units' returns as
progress entries, each after a look at what was read and a backup.

Its strings keep the translation context of the main window they came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from dienchau_desktop.core.errors import UserError
from dienchau_desktop.ui.change_bus import Change

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow


class ImportFlows:
    """Imports plan documents and units' returns into the data file open in `window`."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def import_plan(self) -> int | None:
        """Tệp → Nhập kế hoạch từ văn bản…: choose a .docx, an .xlsx task table or a .txt,
        then add it as a new plan after a look at what was read; returns its id."""
        window = self.window
        folder = str(window.settings.qsettings.value("import/folder", ""))
        name, _ = QFileDialog.getOpenFileName(
            window, QCoreApplication.translate("MainWindow", "Import a plan document"), folder,
            QCoreApplication.translate("MainWindow", "Plan documents (*.docx *.xlsx *.txt)"),
        )  # fmt: skip
        if not name:
            return None
        path = Path(name)
        window.settings.qsettings.setValue("import/folder", str(path.parent))
        return self.import_plan_file(path)

    def import_plan_file(self, path: Path) -> int | None:
        """Read `path`, show the tree it gives and what was not understood, let her
        correct it, and add exactly that after a backup; returns the new plan's id."""
        from dienchau_desktop.importers import plan_review
        from dienchau_desktop.importers.plan_document import NotAPlanError
        from dienchau_desktop.services import units
        from dienchau_desktop.ui.plan_review import PlanReviewDialog

        window = self.window
        title = QCoreApplication.translate("MainWindow", "Import a plan document")
        try:
            try:
                review = plan_review.read_for_review(window.db, path)
            except NotAPlanError as refused:
                question = QCoreApplication.translate(
                    "MainWindow",
                    "%1\n\nImport it as a plan anyway? Its numbered points (the conclusions) "
                    "become tasks; you will see them before anything is added.",
                ).replace("%1", refused.message)
                answer = QMessageBox.question(window, title, question)
                if answer != QMessageBox.StandardButton.Yes:
                    return None
                # What was read is reviewed: the file is not parsed again.
                if refused.read is not None:
                    review = plan_review.review_of(window.db, refused.read)
                else:
                    review = plan_review.read_for_review(window.db, path, as_plan=True)
            names = [u.name for u in units.list_units(window.db)]
        except UserError as error:
            window.show_error(error)
            return None
        added: list[int] = []

        def add(reviewed: plan_review.Review) -> None:
            window.backups.back_up_quietly("before-import")
            added.append(plan_review.add(window.db, reviewed))

        dialog = PlanReviewDialog(window, review, names, add)
        dialog.exec()
        dialog.deleteLater()
        if not added:
            return None
        window.bus.announce(Change("plans"))
        window.loading.show_plan(added[0])
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "Plan added: check the lead units and set the deadlines."
            ),
            15000,
        )
        return added[0]

    def import_returns(self) -> int:
        """Tệp → Nhập báo cáo của đơn vị… (Ctrl+I): choose the returns, check every row,
        record each file whole or not at all; returns how many entries were recorded."""
        from dienchau_desktop.ui import returns_import

        window = self.window
        folder = str(window.settings.qsettings.value("import/folder", ""))
        files = returns_import.choose_files(window, folder)
        if not files:
            return 0
        window.settings.qsettings.setValue("import/folder", str(files[0].parent))
        return self.import_return_files(files)

    def import_return_files(self, files: list[Path]) -> int:
        from dienchau_desktop.importers.returns import read_return
        from dienchau_desktop.ui import returns_import
        from dienchau_desktop.ui.undo_commands import ImportReturnCommand

        window = self.window
        good, problems = returns_import.check_files(window.db, files)
        if not returns_import.confirm(window, good, problems):
            return 0
        window.backups.back_up_quietly("before-import")
        recorded = 0
        for path, _checked in good:
            # Read again against what the files before it recorded: the same return
            # chosen twice ("final_v2", "final_real") must not record its rows twice.
            try:
                contents = read_return(window.db, path)
            except UserError as error:
                window.show_error(error)
                continue
            if not contents.entries:
                continue
            text = QCoreApplication.translate("MainWindow", "Import %1").replace("%1", path.name)
            command = ImportReturnCommand(window.db, window.bus, contents, text)
            if window.editing.run(command):
                recorded += len(command.recorded)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "%1 progress entries recorded from the returns."
            ).replace("%1", str(recorded)),
            10000,
        )
        return recorded
