"""Fixtures for driving the real window offscreen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from dienchau_desktop import paths
from dienchau_desktop.app import build_window
from dienchau_desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _the_application(qapp: QApplication) -> QApplication:
    """The program's own set-up (translations first), as in real use: Vietnamese."""
    from dienchau_desktop.app import application

    return application()


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window on a fresh default data file holding the sample plan."""
    main = build_window(paths.default_data_file())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.db.close()


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` one key event per character.

    qtbot.keyClicks aborts the process on characters outside Latin-1 ("Đề án"), so
    Vietnamese is sent as key events carrying the text, as an input method does.
    """
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QCoreApplication.sendEvent(widget, event)
    QApplication.processEvents()


def press(widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))
    QApplication.processEvents()


def visible_rows(main: MainWindow) -> list[str]:
    """The tree as the user sees it (expanded rows only): number and title."""
    rows = []

    def walk(parent) -> None:
        for row in range(main.model.rowCount(parent)):
            index = main.model.index(row, 0, parent)
            title = main.model.index(row, 1, parent).data()
            rows.append(f"{index.data()} {title}".strip())
            if main.tree.isExpanded(index):
                walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return rows
