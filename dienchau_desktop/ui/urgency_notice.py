"""The notice above the plan tree, not a dialog: how many tasks are overdue and due
within 7 days, with a link to their list.

Its strings keep the translation context of the main window they came from.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from dienchau_desktop.core.status import Urgency


class UrgencyNotice(QLabel):
    """Shown while some task is overdue or due soon; its link asks for their list."""

    list_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setStyleSheet(
            "background: #fff3cd; color: #5d4200; padding: 4px 8px; border: 1px solid #e0c36a;"
        )
        self.linkActivated.connect(lambda _link: self.list_requested.emit())
        self.hide()

    def show_counts(self, counts: Counter[Urgency]) -> None:
        """Say how many tasks are overdue and due soon; hide when none are."""
        overdue, soon = counts[Urgency.OVERDUE], counts[Urgency.DUE_SOON]
        if not overdue and not soon:
            self.hide()
            return
        text = QCoreApplication.translate("MainWindow", "%1 tasks overdue, %2 due within 7 days.")
        text = text.replace("%1", str(overdue)).replace("%2", str(soon))
        link = QCoreApplication.translate("MainWindow", "See the list")
        self.setText(f'⚠ {text} <a href="overdue">{link}</a>')
        self.show()
