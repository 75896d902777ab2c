"""A field for one day, typed as dd/mm/yyyy like every other date in the program.

A QDateEdit was used for the report's date, but a click leaves the cursor inside one
of its sections, so a date typed right after the click ("30/06/2026") was refused
keystroke by keystroke. Here the click on an unfocused field selects what it holds, so
typing replaces it; a second click places the cursor as usual.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QMouseEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from dienchau_desktop.core.deadline import format_date, parse_date


class DateField(QLineEdit):
    def __init__(self, day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(format_date(day), parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self._select_on_release = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # The click that gives the focus places the cursor when it is released: select
        # everything then instead. (Tab already selects everything.)
        self._select_on_release = event.reason() == Qt.FocusReason.MouseFocusReason

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._select_on_release and not self.hasSelectedText():  # not a drag-select
            self.selectAll()
        self._select_on_release = False

    def day(self, label: str) -> date | None:
        """The day written (None when empty); a ValidationError names `label` and says why."""
        return parse_date(self.text(), "report_date", label)

    def set_day(self, day: date | None) -> None:
        self.setText(format_date(day))
