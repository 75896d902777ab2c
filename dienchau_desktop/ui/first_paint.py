"""Run something once a widget has been painted for the first time: the moment a user
sees the window. Used by `--quit-after-paint` (smoke tests of the packaged program) and
by the benchmark's start-up timings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _PaintWatcher(QObject):
    def __init__(self, widget: QWidget, on_painted: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget, self.on_painted = widget, on_painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            # After the paint event has been handled: the pixels are there.
            QTimer.singleShot(0, self.on_painted)
        return False


def when_painted(widget: QWidget, on_painted: Callable[[], None]) -> None:
    """Call `on_painted` once, after `widget`'s first paint."""
    widget.installEventFilter(_PaintWatcher(widget, on_painted))
