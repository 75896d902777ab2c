"""Fixtures for driving the real window offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPoint,
    QPointF,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from dienchau_desktop import paths
from dienchau_desktop.app import build_window
from dienchau_desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _the_application(qapp: QApplication) -> QApplication:
    """The program's own set-up (translations first), as in real use: Vietnamese."""
    from dienchau_desktop.app import application

    return application()


@pytest.fixture(autouse=True)
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """What the window asked the system to open (a folder, a draft, a report): recorded,
    never handed to a file manager or a mail program on the machine running the tests."""
    opened: list[Path] = []

    def record(url: QUrl) -> bool:
        opened.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return opened


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window on a fresh default data file holding the sample plan."""
    main = build_window(paths.default_data_file())
    # A test may end with progress typed and not recorded; closing asks about it, and
    # pytest-qt closes the window before this fixture's teardown: answer «Bỏ» then.
    discarding = QTimer()
    discarding.timeout.connect(_discard_unrecorded)
    qtbot.addWidget(main, before_close_func=lambda _w: discarding.start(20))
    main.show()  # maximized on the 1366×768 screen, as at a first start
    qtbot.waitExposed(main)
    # Opened as she sees it opened: the progress, read just after the first paint,
    # fills the progress panel again (a drop-down opened before then closes).
    qtbot.waitUntil(lambda: main.reminders.offered_on is not None, timeout=5000)
    yield main
    discarding.stop()
    main.db.close()


def _discard_unrecorded() -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox) and box.button(QMessageBox.StandardButton.Discard):
        box.button(QMessageBox.StandardButton.Discard).click()


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
    """Press a key in `widget` as the keyboard does (a spontaneous event, so Tab moves
    the focus and shortcuts apply as they do for a person)."""
    QTest.keyClick(widget, key, modifiers)
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


def click_row(
    qtbot: QtBot, view: QAbstractItemView, index: QModelIndex, double: bool = False
) -> None:
    """Click a row as a person does: on the view's viewport, inside the row's cell."""
    assert index.isValid(), "no such row"
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid() and not rect.isEmpty(), "the row is not on screen"
    point = QPoint(rect.left() + min(20, rect.width() // 2), rect.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    QApplication.processEvents()


def click_item(qtbot: QtBot, main: MainWindow, item_id: int) -> None:
    """Select a plan item by clicking its row in the tree (its title cell)."""
    index = main.model.index_for_id(item_id)
    parent = index.parent()
    while parent.isValid():
        main.tree.expand(parent)
        parent = parent.parent()
    click_row(qtbot, main.tree, index.siblingAtColumn(1))
    assert main.selected_id() == item_id


def wheel_over(widget: QWidget, notches: int = -1) -> None:
    """Turn the mouse wheel over the middle of `widget` (negative: towards the user).

    A wheel event from the screen that a widget ignores goes on to its parents, up to
    the window, as QApplication passes it; a sent one does not (Qt propagates only
    spontaneous wheel events), so the passing on is done here, the same way.
    """
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    global_pos = QPointF(widget.mapToGlobal(pos.toPoint()))
    target: QWidget | None = widget
    while target is not None:
        event = QWheelEvent(
            pos, global_pos, QPoint(0, 0), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        event.ignore()
        QApplication.sendEvent(target, event)
        if event.isAccepted() or target.isWindow():
            break
        if target.testAttribute(Qt.WidgetAttribute.WA_NoMousePropagation):
            break
        pos += QPointF(target.pos())
        target = target.parentWidget()
    QApplication.processEvents()


def answer_file_dialogs(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> list[str]:
    """Answer Qt's file dialogs with `paths` (none: the user cancels); returns the titles
    of the dialogs that were asked."""
    asked: list[str] = []
    first = str(paths[0]) if paths else ""

    def one(parent, caption="", *args, **kwargs):
        asked.append(caption)
        return first, ""

    def many(parent, caption="", *args, **kwargs):
        asked.append(caption)
        return [str(p) for p in paths], ""

    def folder(parent, caption="", *args, **kwargs):
        asked.append(caption)
        return first

    monkeypatch.setattr(QFileDialog, "getOpenFileName", one)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", one)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", many)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    return asked


def unit_return(main: MainWindow, plan_id: int, unit: str, form: Path,
                values: dict[str, object]) -> int:  # fmt: skip
    """The return form `unit` fills in for the plan's first period, saved as `form` with
    `values` (by column heading) written into its first task's row, as the unit would;
    returns that task's id."""
    from openpyxl import load_workbook

    from dienchau_desktop.core.return_form import COLUMNS
    from dienchau_desktop.reports.return_form import export_return_form
    from dienchau_desktop.reports.unit_sheet import find_unit
    from dienchau_desktop.services import periods

    period = periods.list_periods(main.db, plan_id)[0]
    export_return_form(main.db, plan_id, find_unit(main.db, unit), period.id, form)
    book = load_workbook(form)
    sheet = book.worksheets[0]
    header = next(r for r in range(1, 20) if sheet.cell(r, 1).value == COLUMNS[0][0])
    column = {heading: n for n, (heading, _w, _o) in enumerate(COLUMNS, start=1)}
    for heading, value in values.items():
        sheet.cell(header + 1, column[heading]).value = value
    book.save(form)
    return int(sheet.cell(header + 1, 1).value)
