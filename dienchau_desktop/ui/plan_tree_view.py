"""The tree view: keyboard moves (Tab/Shift+Tab indent and outdent), drag and drop, and
several rows selected together (Ctrl+click, Shift+click, Shift+arrows)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from dienchau_desktop.ui.tree_delegate import PlanTreeDelegate

_LOOK_CHANGES = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)


class PlanTreeView(QTreeView):
    """A QTreeView whose Tab and Shift+Tab indent and outdent the current item."""

    indent_requested = Signal()
    outdent_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setUniformRowHeights(True)  # fast with 10,000 rows; full titles in tooltips
        self.setAlternatingRowColors(True)
        # Several items are changed or deleted together (ui.batch_editing); the form
        # shows the current one.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAllColumnsShowFocus(True)
        # Each cell's text laid out once, not on every paint: an add, delete or move
        # repaints every visible cell (ui.tree_delegate).
        self._delegate = PlanTreeDelegate(self)
        self.setItemDelegate(self._delegate)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _LOOK_CHANGES:
            self._delegate.forget()  # its texts were laid out in the old font or colours
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if (
                event.key() == Qt.Key.Key_Tab
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
            ):
                self.indent_requested.emit()
                return
            if event.key() == Qt.Key.Key_Backtab:
                self.outdent_requested.emit()
                return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next_: bool) -> bool:
        # Tab belongs to indent/outdent here; Ctrl+Tab still leaves the tree.
        if self.state() == QAbstractItemView.State.EditingState:
            return super().focusNextPrevChild(next_)
        return False
