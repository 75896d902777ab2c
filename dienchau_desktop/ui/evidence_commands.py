"""Evidence (minh chứng) from the progress panel: files attached to an entry and
removed as undoable steps, and a file opened with the system's viewer.

Adding reads the files once: its undo detaches them, and its redo attaches the same
stored content again (the files on disk may have moved since). The content stays in
the data file while the window's undo stack can refer to it (services.evidence).

Its strings keep the translation context of the main window, as progress_recording's.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from dienchau_desktop.core.errors import UserError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import evidence
from dienchau_desktop.services.evidence import EvidenceInfo
from dienchau_desktop.ui.change_bus import Change, ChangeBus
from dienchau_desktop.ui.first_paint import when_painted
from dienchau_desktop.ui.undo_commands import ServiceCommand, perform

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class AddEvidenceCommand(ServiceCommand):
    """Attach files to a progress entry; undo detaches them, redo attaches them again."""

    def __init__(self, db: Database, bus: ChangeBus, plan_id: int | None, item_id: int,
                 entry_id: int, paths: list[Path], text: str) -> None:  # fmt: skip
        super().__init__(db, bus, text)
        self.plan_id, self.item_id, self.entry_id = plan_id, item_id, entry_id
        self.paths = paths
        self.added: list[EvidenceInfo] = []

    def apply(self) -> Change:
        if not self.added:
            self.added = evidence.add_files(self.db, self.entry_id, self.paths,
                                            item_id=self.item_id)  # fmt: skip
        else:
            self.added = evidence.restore_all(self.db, self.added)
        return Change("progress", self.plan_id, (self.item_id,))

    def revert(self) -> Change:
        evidence.remove_all(self.db, [info.id for info in self.added])
        return Change("progress", self.plan_id, (self.item_id,))


class RemoveEvidenceCommand(ServiceCommand):
    """Detach one file from its entry; undo puts it back."""

    def __init__(self, db: Database, bus: ChangeBus, plan_id: int | None, item_id: int,
                 attachment_id: int, text: str) -> None:  # fmt: skip
        super().__init__(db, bus, text)
        self.plan_id, self.item_id, self.attachment_id = plan_id, item_id, attachment_id
        self.removed: EvidenceInfo | None = None

    def apply(self) -> Change:
        self.removed = evidence.remove(self.db, self.attachment_id)
        return Change("progress", self.plan_id, (self.item_id,))

    def revert(self) -> Change:
        assert self.removed is not None
        self.attachment_id = evidence.restore(self.db, self.removed).id
        return Change("progress", self.plan_id, (self.item_id,))


class EvidenceFlow:
    """Answers the progress panel's evidence requests in `window`."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        panel = window.form.progress
        # window.db, not the db of now: a restore opens the data file again.
        panel.evidence_source = lambda item_id: evidence.for_task(self.window.db, item_id)
        panel.evidence_add_requested.connect(self.add)
        panel.evidence_open_requested.connect(self.open)
        panel.evidence_remove_requested.connect(self.remove)
        # The undo stack is empty: no step can put back an attachment whose content
        # was left in the file by a removal or a deletion of the last session.
        when_painted(window, self.purge)

    def purge(self) -> None:
        try:
            purged = evidence.purge_unreferenced(self.window.db)
        except UserError as error:  # locked by another program: the next start does it
            log.warning("evidence not purged: %s", error)
            return
        if purged:
            log.info("purged %d evidence contents no attachment refers to", purged)

    def _perform(self, command: ServiceCommand) -> bool:
        try:
            perform(self.window.undo_stack, command)
        except UserError as error:
            self.window.show_error(error)
            return False
        # Ctrl+Z now undoes this step, wherever the focus was.
        self.window.tree.setFocus()
        return True

    def add(self, item_id: int, entry_id: int, paths: list[str]) -> None:
        window = self.window
        files = [Path(p) for p in paths]
        several = QCoreApplication.translate("MainWindow", "%1 files")
        named = files[0].name if len(files) == 1 else several.replace("%1", str(len(files)))
        text = QCoreApplication.translate("MainWindow", "Attach %1").replace("%1", named)
        command = AddEvidenceCommand(window.db, window.bus, window.plan_id, item_id, entry_id,
                                     files, text)  # fmt: skip
        if self._perform(command):
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "%1 file(s) attached as evidence."
                ).replace("%1", str(len(command.added))),
                5000,
            )

    def remove(self, item_id: int, attachment_id: int) -> None:
        window = self.window
        name = next(
            (f.file_name for f in window.form.progress.evidence_of_selected_entry()
             if f.id == attachment_id), "",
        )  # fmt: skip
        text = QCoreApplication.translate("MainWindow", "Remove %1").replace("%1", name)
        command = RemoveEvidenceCommand(window.db, window.bus, window.plan_id, item_id,
                                        attachment_id, text)  # fmt: skip
        if self._perform(command):
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "«%1» removed; Ctrl+Z puts it back."
                ).replace("%1", name),
                5000,
            )

    def open(self, attachment_id: int) -> None:
        """A copy in a temporary folder, opened with the program the system gives its
        kind of file (the copy, so that the viewer never holds the data file)."""
        try:
            copy = evidence.copy_for_opening(self.window.db, attachment_id)
        except UserError as error:
            self.window.show_error(error)
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            self.window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "No program opens «%1»; a copy is in %2.")
                .replace("%1", copy.name).replace("%2", str(copy.parent)),
                10000,
            )  # fmt: skip
