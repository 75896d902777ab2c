"""What the window shows while a save waits for another program's write (an import
run from the command line, a second copy of the program on a shared folder).

The save runs on the window's thread, so the window cannot answer meanwhile; without a
word it would look hung. The status bar says why and the cursor turns to the busy
one; both are taken back as soon as the event loop runs again, i.e. once the save is
done or has failed (a zero-time timer fires only then).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QMainWindow


class WriterWaitNotice:
    """`Database.on_wait` for a window: told every second of waiting."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self._showing = False

    def __call__(self, waited: float) -> None:
        bar = self._window.statusBar()
        bar.showMessage(
            QCoreApplication.translate(
                "WriterWaitNotice",
                "Another program is writing to the data file; waiting for it to finish (%1 s)…",
            ).replace("%1", str(round(waited)))
        )
        if not self._showing:
            self._showing = True
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
            QTimer.singleShot(0, self._done)
        # Painted at once, without running the event loop: that would run timers and
        # queued work (even a second save) in the middle of this one.
        bar.repaint()

    def _done(self) -> None:
        if self._showing:
            self._showing = False
            QApplication.restoreOverrideCursor()
            self._window.statusBar().clearMessage()
