"""The tree view: keyboard moves (Tab/Shift+Tab indent and outdent), drag and drop, and
several rows selected together (Ctrl+click, Shift+click, Shift+arrows)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QHoverEvent, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyleOptionViewItem, QTreeView

from dienchau_desktop.ui.row_images import RowImages
from dienchau_desktop.ui.tree_delegate import PlanTreeDelegate
from dienchau_desktop.ui.tree_model import PlanTreeModel

_LOOK_CHANGES = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)


class _SteadyHeader(QHeaderView):
    """The tree's column header, its sections sized again only when its size or its
    sections change.

    QTreeView asks its header to lay itself out after every layout of its rows (each
    add, delete, undo and move); with a stretched column Qt then sizes every section
    again and repaints the header, 0.5 ms, though nothing in it moved. A section
    dragged wider, a new model or a reset size the sections as before: Qt does that
    apart from this."""

    def __init__(self, parent: QTreeView) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._laid_out_for: tuple[int, ...] = ()

    def doItemsLayout(self) -> None:
        model = self.model()
        if model is not None and 0 < self.count() == model.columnCount(self.rootIndex()):
            return  # the same columns: nothing to lay out, nothing to repaint
        super().doItemsLayout()

    def updateGeometries(self) -> None:
        now = (self.width(), self.height(), self.count(), self.offset())
        if now == self._laid_out_for:
            return
        self._laid_out_for = now
        super().updateGeometries()


class PlanTreeView(QTreeView):
    """A QTreeView whose Tab and Shift+Tab indent and outdent the current item."""

    indent_requested = Signal()
    outdent_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        header = _SteadyHeader(self)
        # As QTreeView makes its own header.
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setHeader(header)
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
        # Rows whose content did not change drawn from a picture (ui.row_images).
        self.row_images = RowImages(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _LOOK_CHANGES:
            self._delegate.forget()  # its texts were laid out in the old font or colours
            self.row_images.forget()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.row_images.begin(event.region())
        super().paintEvent(event)

    def drawRow(
        self,
        painter: QPainter,
        options: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = self.model()
        if isinstance(model, PlanTreeModel):
            self.row_images.draw(painter, options, index, self._qt_draw_row, model)
        else:
            super().drawRow(painter, options, index)

    def _qt_draw_row(
        self,
        painter: QPainter,
        options: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().drawRow(painter, options, index)

    def rowsInserted(
        self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int
    ) -> None:
        super().rowsInserted(parent, start, end)
        # Rows put under a row that had none, which Qt still marks open (it was open
        # when it last had rows: a sub-item added, undone and redone): Qt only redraws
        # the row's branch mark and lays no rows under it, so the new one stayed hidden
        # with the cursor on it. Laid out again in that case alone.
        model = self.model()
        if (
            parent.isValid()
            and model is not None
            and model.rowCount(parent) == end - start + 1
            and self.isExpanded(parent)
        ):
            self.scheduleDelayedItemsLayout()

    def viewportEvent(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.HoverEnter, QEvent.Type.HoverMove):
            assert isinstance(event, QHoverEvent)
            self.row_images.hover_at(event.position().toPoint())
        elif kind == QEvent.Type.HoverLeave:
            self.row_images.hover_at(None)
        return super().viewportEvent(event)

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
