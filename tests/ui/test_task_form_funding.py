"""Kinh phí in the task form, driven as a person does: click the field, type the
amount the Vietnamese way, leave it; the data file holds the number, the field shows
it grouped, Ctrl+Z takes it back. The form's fields come from core.task_fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from dienchau_desktop.core.task_fields import TASK_FIELDS
from dienchau_desktop.services import audit, items
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.undo_commands import edit_text
from tests.ui.conftest import click_item, press
from tests.ui.driving import leave_field, press_button, retype
from tests.ui.test_reports_dialog import CANCEL, in_reports_dialog


def node_titled(window: MainWindow, start: str, kind: str = "task") -> items.ItemNode:
    return next(n for n in window.model.tree.nodes if n.kind == kind and n.title.startswith(start))


def amount_field(window: MainWindow) -> QLineEdit:
    field = window.form.funding_amount
    assert isinstance(field, QLineEdit)
    window.form.fields.ensureWidgetVisible(field)  # she scrolls the form down to it
    QApplication.processEvents()
    return field


def test_funding_typed_stored_shown_and_undone(window: MainWindow, qtbot: QtBot) -> None:
    task = node_titled(window, "Tổ chức quán triệt")
    assert task.funding_amount is None
    click_item(qtbot, window, task.id)
    field = amount_field(window)
    assert field.text() == ""
    suffix = field.parentWidget().findChildren(QLabel)[0]
    assert suffix.isVisible() and suffix.buddy() is field

    retype(qtbot, field, "1.500,5")
    leave_field()
    assert items.get_item(window.db, task.id).funding_amount == 1500.5
    assert audit.history(window.db, "plan_item", task.id)[-1].field == "funding_amount"
    assert field.text() == "1.500,5"
    undo_name = window.act_undo.text().replace("&", "")
    assert undo_name.endswith(edit_text("funding_amount")) and undo_name.startswith("Hoàn tác")

    retype(qtbot, field, "1500,5")  # the same amount, typed without the dot
    leave_field()
    assert window.act_undo.text().replace("&", "") == undo_name  # no second edit

    retype(qtbot, field, "12,5")
    leave_field()
    assert items.get_item(window.db, task.id).funding_amount == 12.5
    assert field.text() == "12,5"

    click_item(qtbot, window, task.id)
    press(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert items.get_item(window.db, task.id).funding_amount == 1500.5
    assert field.text() == "1.500,5"
    press(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert items.get_item(window.db, task.id).funding_amount is None
    assert field.text() == ""
    press(window.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert items.get_item(window.db, task.id).funding_amount == 1500.5
    assert field.text() == "1.500,5"


def test_what_is_no_amount_is_explained_at_the_field(window: MainWindow, qtbot: QtBot) -> None:
    task = node_titled(window, "Gắn kết quả thực hiện")
    click_item(qtbot, window, task.id)
    before = len(audit.history(window.db))
    field = amount_field(window)
    retype(qtbot, field, "abc")
    leave_field()
    assert window.form.error_text("funding_amount") == (
        "«Kinh phí» phải là một số tiền, tính bằng triệu đồng (ví dụ 1.500 hoặc 12,5), "
        "không phải «abc»."
    )
    retype(qtbot, field, "-5")
    leave_field()
    assert "«Kinh phí» không được là số âm" in window.form.error_text("funding_amount")
    assert items.get_item(window.db, task.id).funding_amount is None
    assert len(audit.history(window.db)) == before
    assert not window.undo_stack.canUndo()
    retype(qtbot, field, "80")
    leave_field()
    assert window.form.error_text("funding_amount") == ""
    assert items.get_item(window.db, task.id).funding_amount == 80.0


def test_each_kind_of_item_shows_the_fields_the_registry_gives_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    for kind in ("task", "section", "text"):
        node = next(n for n in window.model.tree.nodes if n.kind == kind)
        click_item(qtbot, window, node.id)
        shown = {
            name
            for name, (label, holder) in window.form._rows.items()
            if holder.isVisibleTo(window.form)
        }
        wanted = {f.name for f in TASK_FIELDS if kind in f.item_kinds} - {"indicator_unit"}
        assert shown == wanted, kind
    assert "funding_amount" in {f.name for f in TASK_FIELDS if "section" in f.item_kinds}


def test_the_funding_columns_are_offered_in_the_appendix_unticked(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Kinh phí can be added to the appendix; the first export keeps REPORTS.md's."""
    seen: list[dict[str, bool]] = []

    def look(dialog) -> None:
        columns = dialog.columns
        seen.append({
            columns.item(r).data(Qt.ItemDataRole.UserRole):
                columns.item(r).checkState() == Qt.CheckState.Checked
            for r in range(columns.count())
        })  # fmt: skip
        press_button(qtbot, dialog, CANCEL)

    in_reports_dialog(window, look)
    [ticks] = seen
    assert ticks.pop("funding") is False and ticks.pop("funding_source") is False
    assert ticks.pop("evidence") is False  # the evidence's names, offered the same way
    assert all(ticks.values())


def test_an_amount_typed_in_dong_shows_its_size(window: MainWindow, qtbot: QtBot) -> None:
    """A walk typed "1.500.000" (a million and a half đồng) in a field of million đồng:
    it was taken silently as 1.500 tỷ. Beside the field the amount now shows in tỷ."""
    task = node_titled(window, "Tổ chức quán triệt")
    click_item(qtbot, window, task.id)
    field = amount_field(window)
    suffix = field.parentWidget().findChildren(QLabel)[0]
    assert suffix.text() == "triệu đồng"
    retype(qtbot, field, "1.500.000")
    leave_field()
    assert items.get_item(window.db, task.id).funding_amount == 1_500_000
    assert suffix.text() == "triệu đồng (= 1.500 tỷ đồng)"
    retype(qtbot, field, "1,5")
    leave_field()
    assert suffix.text() == "triệu đồng"
    retype(qtbot, field, "2.500")
    leave_field()
    assert suffix.text() == "triệu đồng (= 2,5 tỷ đồng)"
