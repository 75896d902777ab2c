"""The filter bar above the plan tree: search text, lead unit, state, due within so
many days, breakthrough only, and how many items were found.

It says what the filter is (`current_filter`) and when it changed (`changed`); the
window applies it to the tree. Its strings keep the main window's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.status import Urgency
from dienchau_desktop.services.units import UnitInfo
from dienchau_desktop.ui.tree_filter import TreeFilter
from dienchau_desktop.ui.wheel_guard import GuardedComboBox, GuardedSpinBox

#: The pause after a keystroke in the search box before the tree is filtered (ms).
TYPING_PAUSE_MS = 120


class FilterBar(QWidget):
    """The filter's widgets; `changed` is sent once for each change of what they say."""

    changed = Signal()

    def __init__(self, clear_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Two short rows rather than one long one: the tree pane is narrow at 1366×768.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(4, 2, 4, 2)
        rows.setSpacing(2)
        first, second = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(first)
        rows.addLayout(second)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            QCoreApplication.translate("MainWindow", "Search (diacritics optional)… Ctrl+F")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.unit_filter = GuardedComboBox()
        self.unit_filter.setMinimumContentsLength(12)
        self.unit_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.state_filter = GuardedComboBox()
        for text, states in (
            (QCoreApplication.translate("MainWindow", "All states"), frozenset()),
            (QCoreApplication.translate("MainWindow", "Overdue"), frozenset({Urgency.OVERDUE})),
            (QCoreApplication.translate("MainWindow", "Due within 7 days"),
             frozenset({Urgency.DUE_SOON})),
            (QCoreApplication.translate("MainWindow", "Within time"),
             frozenset({Urgency.ON_TRACK})),
            (QCoreApplication.translate("MainWindow", "Recurring"),
             frozenset({Urgency.RECURRING})),
            (QCoreApplication.translate("MainWindow", "No deadline"),
             frozenset({Urgency.NO_DEADLINE})),
        ):  # fmt: skip
            self.state_filter.addItem(text, states)
        self.due_check = QCheckBox(QCoreApplication.translate("MainWindow", "Due within"))
        self.due_days = GuardedSpinBox()
        self.due_days.setRange(1, 366)
        self.due_days.setValue(30)
        self.due_days.setSuffix(QCoreApplication.translate("MainWindow", " days"))
        self.breakthrough_check = QCheckBox(
            QCoreApplication.translate("MainWindow", "Breakthrough only")
        )
        self.clear_button = QToolButton()
        self.clear_button.setDefaultAction(clear_action)
        self.match_label = QLabel()
        first.addWidget(self.search, 1)
        first.addWidget(self.state_filter)
        first.addWidget(self.clear_button)
        second.addWidget(self.unit_filter, 1)
        second.addWidget(self.due_check)
        second.addWidget(self.due_days)
        second.addWidget(self.breakthrough_check)
        second.addWidget(self.match_label)
        self._connect()

    def _connect(self) -> None:
        # Filter on each keystroke, but after a short pause so fast typing stays smooth.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        for combo in (self.unit_filter, self.state_filter):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for box in (self.due_check, self.breakthrough_check):
            box.toggled.connect(lambda _on: self.changed.emit())
        self.due_days.valueChanged.connect(lambda _v: self.changed.emit())
        # Esc in the search box clears the filter.
        clear = QAction(self.search)
        clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear.triggered.connect(self.clear)
        self.search.addAction(clear)

    def current_filter(self) -> TreeFilter:
        return TreeFilter(
            text=self.search.text(),
            lead_unit_id=self.unit_filter.currentData(),
            states=self.state_filter.currentData() or frozenset(),
            due_within_days=self.due_days.value() if self.due_check.isChecked() else None,
            breakthrough_only=self.breakthrough_check.isChecked(),
        )

    def cancel_pending(self) -> None:
        """A keystroke not yet filtered on is not filtered on again."""
        self._typing.stop()

    def clear(self) -> None:
        """Everything shown again: one `changed`, not five."""
        with (
            QSignalBlocker(self.search),
            QSignalBlocker(self.unit_filter),
            QSignalBlocker(self.state_filter),
            QSignalBlocker(self.due_check),
            QSignalBlocker(self.breakthrough_check),
        ):
            self.search.clear()
            self.unit_filter.setCurrentIndex(0)
            self.state_filter.setCurrentIndex(0)
            self.due_check.setChecked(False)
            self.breakthrough_check.setChecked(False)
        self.changed.emit()

    def set_units(self, unit_list: list[UnitInfo]) -> None:
        """The lead units to choose from; the chosen one stays chosen if still there."""
        current = self.unit_filter.currentData()
        with QSignalBlocker(self.unit_filter):
            self.unit_filter.clear()
            self.unit_filter.addItem(
                QCoreApplication.translate("MainWindow", "All lead units"), None
            )
            for unit in unit_list:
                self.unit_filter.addItem(unit.name, unit.id)
            self.unit_filter.setCurrentIndex(max(0, self.unit_filter.findData(current)))

    def show_match_count(self, count: int | None) -> None:
        """How many items the filter found; nothing when no filter is set."""
        self.match_label.setText(
            "" if count is None
            else QCoreApplication.translate("MainWindow", "%1 found").replace("%1", str(count))
        )  # fmt: skip

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
