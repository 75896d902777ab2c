"""One program per data file: the data file's lock (services.data_file, shared with the
command line), and a local socket through which a second start asks the running
window to come to the front.

The lock is taken before the window opens; the socket starts listening once the window
is painted, so QtNetwork (a tenth of a second to load) is not on the way to the first
paint. A second start in that moment is told the file is in use.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from dienchau_desktop.services.data_file import DataFileLock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

_RAISE = b"raise\n"


def server_name(data_file: Path) -> str:
    digest = hashlib.sha1(str(data_file.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"dienchau-desktop-{digest}"


class SingleInstance(QObject):
    """Holds the data file's lock and listens for later starts on the same file."""

    activation_requested = Signal()

    def __init__(self, data_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_file = data_file
        self.lock = DataFileLock(data_file)
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock; False while another running program holds it."""
        return self.lock.acquire()

    def listen(self) -> None:
        """Start answering later starts on the same file (call once the lock is held)."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None or not self.lock.held:
            return
        name = server_name(self.data_file)
        QLocalServer.removeServer(name)  # a socket left by a crashed run
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)
        self.server.listen(name)

    def _on_connection(self) -> None:
        assert self.server is not None
        socket = self.server.nextPendingConnection()
        if socket is None:
            return
        # The message is one short line, sent at once: read it here rather than keep
        # the socket alive for later signals.
        if socket.bytesAvailable() or socket.waitForReadyRead(1000):
            message = bytes(socket.readAll().data())
            if message.startswith(_RAISE.strip()):
                self.activation_requested.emit()
        socket.disconnectFromServer()
        socket.deleteLater()

    def ask_running_to_show(self) -> bool:
        """From a second start: ask the running window to come forward."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(server_name(self.data_file))
        if not socket.waitForConnected(1000):
            return False
        socket.write(_RAISE)
        socket.flush()
        socket.waitForBytesWritten(1000)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(1000)
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None
        self.lock.release()
