"""The plan tree's cells look exactly as Qt's own delegate paints them, though their
texts are laid out once and kept (ui.tree_delegate): the same pixels, with rows
selected, after a row's text changes and after a column is narrowed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.tree_delegate import PlanTreeDelegate
from dienchau_desktop.ui.tree_model import PlanTreeModel
from tests.ui.conftest import click_item, press, type_text
from tests.ui.driving import leave_field, retype
from tests.ui.test_editing import node_titled, stored
from tests.ui.test_states_and_dates import choose


def _painted(window: MainWindow) -> QImage:
    """The tree's cells as its delegate paints them (not rows drawn from the pictures
    ui.row_images keeps, which tests/ui/test_row_images.py compares with Qt's)."""
    QApplication.processEvents()
    window.tree.row_images.enabled = False
    image = window.tree.viewport().grab().toImage()
    window.tree.row_images.enabled = True
    return image


def _as_qt_paints(window: MainWindow) -> QImage:
    """The tree as Qt's own delegate paints it, then the plan tree's delegate put back."""
    ours = window.tree.itemDelegate()
    qt = QStyledItemDelegate(window.tree)
    window.tree.setItemDelegate(qt)
    image = _painted(window)
    window.tree.setItemDelegate(ours)
    return image


def _title_width(window: MainWindow) -> int:
    return window.tree.columnWidth(PlanTreeModel.TITLE)


def test_rows_look_as_qt_paints_them(window: MainWindow, qtbot) -> None:
    assert isinstance(window.tree.itemDelegate(), PlanTreeDelegate)
    # One task overdue (a past deadline typed), one reported done: coloured rows.
    late, done = [t for t in window.model.tree.tasks() if t.deadline_kind == "recurring"][:2]
    click_item(qtbot, window, late.id)
    retype(qtbot, window.form.deadline, "01/01/2026")
    leave_field()
    click_item(qtbot, window, done.id)
    choose(qtbot, window.form.progress.status, "Hoàn")
    qtbot.mouseClick(window.form.progress.record_button, Qt.MouseButton.LeftButton)
    assert window.model.data(window.model.index_for_id(late.id, PlanTreeModel.STATUS)).startswith(
        "Quá hạn"
    )
    first = node_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, first.id)
    press(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(window.tree.selectionModel().selectedRows()) == 2
    # What is on screen holds every kind of cell: urgency colours and icons, bold
    # section titles, a title too long for its column (elided with "…").
    shown = [
        window.model.index_for_id(n.id)
        for n in window.model.tree.nodes
        if window.tree.visualRect(window.model.index_for_id(n.id)).isValid()
    ]
    looks = {window.model.data(i, Qt.ItemDataRole.BackgroundRole) is not None for i in shown}
    fonts = {window.model.data(i, Qt.ItemDataRole.FontRole) is not None for i in shown}
    metrics = window.tree.fontMetrics()
    titles = [i.siblingAtColumn(PlanTreeModel.TITLE).data() for i in shown]
    assert looks == {True, False} and fonts == {True, False}
    assert any(metrics.horizontalAdvance(t) > _title_width(window) for t in titles)

    assert _painted(window) == _as_qt_paints(window)


def test_a_renamed_task_and_a_narrowed_column_show_their_new_text(
    window: MainWindow, qtbot
) -> None:
    task = node_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    before = _painted(window)

    press(window.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    press(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, "Rà soát, đôn đốc việc triển khai Đề án 06 ở các thôn")
    press(editor, Qt.Key.Key_Return)
    assert stored(window, task.id).title.startswith("Rà soát")
    renamed = _painted(window)
    assert renamed != before
    assert renamed == _as_qt_paints(window)

    # The lead unit's column dragged wider: the title's (which stretches) narrows.
    title_width = _title_width(window)
    lead = PlanTreeModel.LEAD
    window.tree.header().resizeSection(lead, window.tree.columnWidth(lead) + title_width // 2)
    assert _title_width(window) < title_width
    narrowed = _painted(window)
    assert narrowed != renamed
    assert narrowed == _as_qt_paints(window)


def test_a_larger_font_is_painted_in_full(window: MainWindow) -> None:
    _painted(window)  # the texts laid out in the first font
    font = QFont(window.tree.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    window.tree.setFont(font)
    assert _painted(window) == _as_qt_paints(window)
