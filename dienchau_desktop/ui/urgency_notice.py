"""The notice above the plan tree, not a dialog: how many tasks are overdue and due
within 7 days, with a link to their list.

Once a plan is shown the notice keeps its place, calm when nothing is due: appearing
after an edit, it pushed the tree down under the mouse, and the next click landed on
the row above the one she aimed at (a walk changed the wrong task's deadline so).

Its strings keep the translation context of the main window they came from.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from dienchau_desktop.core.status import Urgency

_PADDING = "padding: 4px 8px; "
_URGENT = _PADDING + "background: #fff3cd; color: #5d4200; border: 1px solid #e0c36a;"
_CALM = (
    _PADDING + "background: palette(base); color: palette(text); border: 1px solid palette(mid);"
)


class UrgencyNotice(QLabel):
    """Says how many tasks are overdue or due soon, with a link to their list, or that
    none is; hidden only until a plan is shown."""

    list_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self._look(_URGENT)
        self.linkActivated.connect(lambda _link: self.list_requested.emit())
        self.hide()

    def reserve(self) -> None:
        """Take the notice's place before the counts are known (they come with the
        progress, read after the first paint), so that their arrival moves nothing."""
        if self.isHidden():
            self._look(_CALM)
            self.setText("\u00a0")
            self.show()

    def show_counts(self, counts: Counter[Urgency]) -> None:
        """Say how many tasks are overdue and due soon, or that none is."""
        overdue, soon = counts[Urgency.OVERDUE], counts[Urgency.DUE_SOON]
        self.show()
        if not overdue and not soon:
            self._look(_CALM)
            self.setText("✓ " + QCoreApplication.translate(
                "MainWindow", "No task is overdue or due within 7 days."))  # fmt: skip
            return
        self._look(_URGENT)
        text = QCoreApplication.translate("MainWindow", "%1 tasks overdue, %2 due within 7 days.")
        text = text.replace("%1", str(overdue)).replace("%2", str(soon))
        link = QCoreApplication.translate("MainWindow", "See the list")
        self.setText(f'⚠ {text} <a href="overdue">{link}</a>')

    def _look(self, style: str) -> None:
        # Set only when it changes: a style sheet set again restyles the label, and
        # this runs after every edit.
        if self.styleSheet() != style:
            self.setStyleSheet(style)
