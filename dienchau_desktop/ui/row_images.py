"""The plan tree's rows kept as images: a row painted once is drawn again as a picture
while nothing it shows has changed.

An add, a delete, its undo or a move makes QTreeView lay out and repaint every visible
row, about 35 of them with six cells each at 1366x768. Painting a cell goes through
Python several times (the delegate, the model's data and flags); drawing a row's
picture is one call. A picture is keyed by everything the row's pixels depend on:
what the model shows in it (its look, an object the model makes again whenever the
row's text, colour or state changes), its place in the outline (depth, children,
open, the branch lines of the rows after it), the stripe it falls on, the view's
state (enabled, active window) and the columns' places and widths. Rows that Qt paints
with more than that, the selected, current and hovered rows, and every row while the
view drags or animates, are painted by Qt each time, as before.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize
from PySide6.QtGui import QCursor, QPainter, QPixmap, QRegion
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QTreeView

if TYPE_CHECKING:
    from dienchau_desktop.ui.tree_model import PlanTreeModel

Index = QModelIndex | QPersistentModelIndex
DrawRow = Callable[[QPainter, QStyleOptionViewItem, Index], None]

#: Pictures kept at most (a row of a tree 760 pixels wide is about 45 KB, 100 KB at
#: 150 % scale): the rows of two screens in both stripes. Past it the store starts again.
_MOST_ROWS = 160

_QUIET_STATES = (QAbstractItemView.State.NoState, QAbstractItemView.State.EditingState)


class RowImages:
    """Draws `view`'s rows from kept pictures; `begin` before each paint event."""

    def __init__(self, view: QTreeView) -> None:
        self.view = view
        #: Row key -> (the look it was painted from, the picture).
        self._rows: dict[Hashable, tuple[object, QPixmap]] = {}
        self.enabled = True
        self._frame: tuple[Hashable, ...] = ()
        self._usable = False
        self._offset = 0
        self._live: set[int] = set()
        self._selected: dict[int | None, list[tuple[int, int]]] = {}
        self._hover_id: int | None = None

    def forget(self) -> None:
        """Drop every picture: the view's font, palette or style changed."""
        self._rows.clear()

    def hover_at(self, position: QPoint | None) -> None:
        """The mouse is over `position` of the viewport (None: it left)."""
        index = self.view.indexAt(position) if position is not None else QModelIndex()
        self._hover_id = index.internalId() if index.isValid() else None

    def begin(self, region: QRegion) -> None:
        """What one paint event's rows share, worked out once for all of them; `region`
        is the part of the viewport it paints."""
        view = self.view
        viewport = view.viewport()
        # Qt paints only the columns each rectangle of a paint event reaches (a
        # horizontal scroll paints a strip): pictures are made and used only when
        # every rectangle reaches all of them.
        width = viewport.width()
        self._usable = (
            self.enabled
            and view.state() in _QUIET_STATES
            and all(area.left() <= 0 and area.right() >= width - 1 for area in region)
        )
        if not self._usable:
            return
        header = view.header()
        self._frame = (
            tuple(
                (header.sectionViewportPosition(i), header.sectionSize(i))
                for i in range(header.count())
            ),
            viewport.devicePixelRatioF(),
            view.indentation(),
        )
        self._offset = view.verticalOffset()
        # The rows Qt paints with more than their content: selected, current, hovered.
        self._selected = {}
        selection = view.selectionModel()
        if selection is not None:
            for span in selection.selection():
                parent = span.parent()
                key = parent.internalId() if parent.isValid() else None
                self._selected.setdefault(key, []).append((span.top(), span.bottom()))
        live = set()
        current = view.currentIndex()
        if current.isValid():
            live.add(current.internalId())
        if self._hover_id is not None:
            live.add(self._hover_id)
        # The row under the mouse as well, as hover events may not have told (a style
        # that lights rows under the mouse turns them on): at worst a row is painted
        # by Qt when a window in front hides it.
        mouse = viewport.mapFromGlobal(QCursor.pos())
        if viewport.rect().contains(mouse):
            under = view.indexAt(mouse)
            if under.isValid():
                live.add(under.internalId())
        self._live = live

    def draw(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        draw_row: DrawRow,
        model: PlanTreeModel,
    ) -> None:
        """Draw the row of `index` as `draw_row` (Qt's) would, from its picture."""
        item_id = index.internalId()
        if not self._usable or item_id in self._live or self._is_selected(model, item_id):
            draw_row(painter, option, index)
            return
        rect = option.rect
        height = rect.height()
        shape = model.row_shape(item_id)
        if height <= 0 or shape is None:
            draw_row(painter, option, index)
            return
        stripe = ((rect.y() + self._offset) // height) & 1
        key = (
            item_id,
            stripe,
            option.state.value,
            rect.x(),
            rect.width(),
            height,
            # Open or not matters to a row with rows under it (and asking Qt costs a
            # call into the model).
            shape[0] and self.view.isExpanded(index),
            shape,
            self._frame,
        )
        look = model.look_of(item_id)
        kept = self._rows.get(key)
        if kept is None or kept[0] is not look:
            if len(self._rows) >= _MOST_ROWS:
                self._rows.clear()
            kept = self._rows[key] = (look, self._picture(option, index, draw_row))
        painter.drawPixmap(rect.topLeft(), kept[1])

    def _is_selected(self, model: PlanTreeModel, item_id: int) -> bool:
        if not self._selected:
            return False
        spans = self._selected.get(model.parent_id_of(item_id), ())
        row = model.row_of(item_id)
        return any(top <= row <= bottom for top, bottom in spans)

    def _picture(self, option: QStyleOptionViewItem, index: Index, draw_row: DrawRow) -> QPixmap:
        """The row painted by Qt on a picture of the viewport's background."""
        viewport = self.view.viewport()
        ratio = self._frame[1]
        assert isinstance(ratio, float)
        rect = option.rect
        picture = QPixmap(QSize(math.ceil(rect.width() * ratio), math.ceil(rect.height() * ratio)))
        picture.setDevicePixelRatio(ratio)
        picture.fill(viewport.palette().color(viewport.backgroundRole()))
        painter = QPainter(picture)
        painter.translate(-rect.x(), -rect.y())
        draw_row(painter, option, index)
        painter.end()
        return picture
