"""A save while another program writes the data file (an import run from the command
line): the window says it is waiting, then saves; nothing is refused or lost."""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dienchau_desktop.ui.main_window import MainWindow
from tests.ui.conftest import click_item, press
from tests.ui.test_editing import node_titled, stored


def test_a_save_waits_for_another_writer_and_says_so(window: MainWindow, qtbot: QtBot) -> None:
    anchor = node_titled(window, "Chú trọng đào tạo")
    click_item(qtbot, window, anchor.id)
    other = sqlite3.connect(window.db.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE plan SET title = title")  # an import under way, for 3 seconds
    threading.Timer(3.0, lambda: (other.execute("COMMIT"), other.close())).start()
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    cursors: list[object] = []

    def note_cursor(_message: str) -> None:
        cursor = QApplication.overrideCursor()
        cursors.append(cursor.shape() if cursor else None)

    window.statusBar().messageChanged.connect(note_cursor)
    press(window.tree, Qt.Key.Key_Insert)  # add a task: a write
    waiting = [m for m in messages if "đang chờ" in m.lower()]
    assert waiting, messages
    assert "chương trình khác" in waiting[0]
    assert Qt.CursorShape.WaitCursor in cursors
    new = stored(window, window.selected_id())
    assert (new.title, new.number) == ("Nhiệm vụ mới", "d)")
    assert window.count_label.text() == "37 nhiệm vụ"
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is None, timeout=2000)
