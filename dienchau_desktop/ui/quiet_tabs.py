"""A tab widget that does not repaint its pages when nothing of its own has moved.

Qt's QTabWidget answers every layout request from its page by placing its tab bar and
page again and repainting itself, which repaints every widget on the page: the tree,
the filter bar and the whole form. A label whose text changes anywhere on the page (the
form's heading on each row selected, the search's match count after an add) sends such
a request up, so every add, delete, undo or selection paid for a second full paint of
the window (4–5 ms of an undo's 25–45 ms)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QWidget


class QuietTabs(QTabWidget):
    def __init__(self) -> None:
        super().__init__()
        self._placed: tuple[object, ...] | None = None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            placed = self._placement()
            if placed == self._placed:
                # Nothing Qt would place differently: the request still goes on up
                # (the page's least size may have changed), without the repaint.
                self.updateGeometry()
                return QWidget.event(self, event)
            self._placed = placed
        return super().event(event)

    def _placement(self) -> tuple[object, ...]:
        """What QTabWidget lays its tab bar and page out from."""
        bar = self.tabBar()
        return (
            self.size(),
            bar.sizeHint(),
            bar.isVisibleTo(self),
            self.tabPosition(),
            self.documentMode(),
            self.count(),
        )
