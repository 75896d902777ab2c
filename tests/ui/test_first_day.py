"""The first day at the desk, driven with mouse and keyboard: progress lands on the task
that is selected, the wheel never edits a field, typed units resolve or are refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from dienchau_desktop.importers.plan_document import import_plan
from dienchau_desktop.services import items, progress, units
from dienchau_desktop.ui.main_window import MainWindow
from tests.ui.conftest import click_item, press, type_text, wheel_over

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "ke-hoach-dien-chau-2026.txt"


def task_titled(window: MainWindow, start: str) -> items.ItemNode:
    return next(n for n in window.model.tree.tasks() if n.title.startswith(start))


def record(qtbot: QtBot, window: MainWindow, percent: int, result: str) -> None:
    """Type a percent and a result into the progress panel, then click "Ghi tiến độ"."""
    panel = window.form.progress
    qtbot.mouseClick(panel.percent, Qt.MouseButton.LeftButton)
    press(panel.percent, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(panel.percent, str(percent))
    assert panel.percent.value() == percent
    type_text(panel.result, result)
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)


def test_progress_is_recorded_on_the_task_clicked(window: MainWindow, qtbot: QtBot) -> None:
    first = task_titled(window, "Chủ trì, phối hợp triển khai")
    second = task_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, first.id)
    record(qtbot, window, 40, "Kết quả của nhiệm vụ thứ nhất")
    assert window.form.progress.history.rowCount() == 1

    click_item(qtbot, window, second.id)
    panel = window.form.progress
    # The panel shows the clicked task: its (empty) history, not the first task's entry.
    assert window.form.heading.text().endswith(window.model.outline(second.id))
    assert panel.history.rowCount() == 0
    assert panel.result.toPlainText() == ""
    record(qtbot, window, 70, "Kết quả của nhiệm vụ thứ hai")

    [one] = progress.history(window.db, first.id)
    [two] = progress.history(window.db, second.id)
    assert (one.percent, one.result_text) == (40, "Kết quả của nhiệm vụ thứ nhất")
    assert (two.percent, two.result_text) == (70, "Kết quả của nhiệm vụ thứ hai")
    click_item(qtbot, window, first.id)
    assert panel.history.rowCount() == 1 and panel.percent.value() == 40


def test_the_heading_keeps_the_full_number_after_a_click(window: MainWindow, qtbot) -> None:
    task = task_titled(window, "Kịp thời tham mưu")
    outline = window.model.outline(task.id)
    assert "." in outline  # "II.1.-", not just "-"
    click_item(qtbot, window, task.id)
    assert window.form.heading.text() == f"Nhiệm vụ {outline}"


def test_switching_plans_keeps_the_progress_panel(window: MainWindow, qtbot, tmp_path) -> None:
    import_plan(window.db, SEED)
    window.loading.reload_plans()
    chooser = window.plan_chooser
    assert chooser.count() == 2
    original = window.plan_id
    chooser.setFocus()
    press(chooser, Qt.Key.Key_Down if chooser.currentIndex() == 0 else Qt.Key.Key_Up)
    assert window.plan_id != original
    qtbot.waitUntil(lambda: window.form.progress.isVisibleTo(window))
    task = window.model.tree.tasks()[1]
    click_item(qtbot, window, task.id)
    assert window.form.progress.isVisibleTo(window)
    assert window.form.heading.text().endswith(window.model.outline(task.id))


def test_the_wheel_over_a_field_scrolls_and_changes_nothing(window: MainWindow, qtbot) -> None:
    task = task_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    form, panel = window.form, window.form.progress
    lead_before, kind_before = form.lead.currentText(), form.kind.currentIndex()
    status_before, percent_before = panel.status.currentIndex(), panel.percent.value()
    # The task's fields are taller than the area that shows them at 1366×768.
    fields_bar = form.fields.verticalScrollBar()
    assert fields_bar.maximum() > 0 and fields_bar.value() == 0
    window.tree.setFocus()
    for widget in (form.lead, form.kind, panel.status, panel.percent, panel.period):
        wheel_over(widget, -1)
        wheel_over(widget, 1)
        wheel_over(widget, -2)
    assert (form.lead.currentText(), form.kind.currentIndex()) == (lead_before, kind_before)
    assert (panel.status.currentIndex(), panel.percent.value()) == (status_before, percent_before)
    # The wheel went on to the area around the fields: the form scrolled down, and back.
    scrolled = fields_bar.value()
    assert scrolled > 0
    wheel_over(form.kind, 1)
    assert fields_bar.value() < scrolled
    assert form.kind.currentIndex() == kind_before
    assert (
        window.model.tree.node(task.id).lead_unit_id
        == items.get_item(window.db, task.id).lead_unit_id
    )
    assert progress.history(window.db, task.id) == []
    # Once the secretary has clicked into a field, the wheel is hers to use there.
    qtbot.mouseClick(panel.percent, Qt.MouseButton.LeftButton)
    assert panel.percent.hasFocus()
    wheel_over(panel.percent, 1)
    assert panel.percent.value() == percent_before + 1
    qtbot.mouseClick(panel.status, Qt.MouseButton.LeftButton)  # opens its list
    press(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    if QApplication.activeWindow() is not window:  # as a desktop does (see type_lead)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert panel.status.hasFocus()
    wheel_over(panel.status, -1)
    assert panel.status.currentIndex() == status_before + 1


def lead_of(window: MainWindow, item_id: int) -> int | None:
    return items.get_item(window.db, item_id).lead_unit_id


def type_lead(window: MainWindow, qtbot: QtBot, text: str) -> None:
    lead = window.form.lead
    qtbot.mouseClick(lead.lineEdit(), Qt.MouseButton.LeftButton)
    focused = QApplication.focusWidget()
    assert focused is lead
    press(focused, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(focused, text)
    # The offscreen platform leaves the completer's closed pop-up as the active window;
    # a desktop gives activation back to the main window, as this does.
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    popup = QApplication.activePopupWidget()
    if popup is not None:  # the list of matching units is open: close it first
        press(popup, Qt.Key.Key_Escape)
    press(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert not lead.hasFocus()


def test_a_typed_unit_name_is_resolved_and_saved(window: MainWindow, qtbot) -> None:
    task = task_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    police = next(u for u in units.list_units(window.db) if u.name == "Công an xã")
    type_lead(window, qtbot, "cong an")  # no diacritics, one unit matches
    assert lead_of(window, task.id) == police.id
    assert window.form.lead.currentText() == "Công an xã"
    assert window.form.error_text("lead_unit_id") == ""


def test_an_unknown_or_unclear_unit_is_refused_at_the_field(window: MainWindow, qtbot) -> None:
    task = task_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    before = lead_of(window, task.id)
    type_lead(window, qtbot, "xã")  # several units have it in their names
    assert lead_of(window, task.id) == before
    error = window.form.error_text("lead_unit_id")
    assert "«xã»" in error and "Công an xã" in error

    type_lead(window, qtbot, "Hội Cựu chiến binh xã")
    assert lead_of(window, task.id) == before
    assert "Hội Cựu chiến binh xã" in window.form.error_text("lead_unit_id")
    offer = window.form.add_unit_button
    assert offer.isVisibleTo(window) and "Hội Cựu chiến binh xã" in offer.text()
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    added = next(u for u in units.list_units(window.db) if u.name == "Hội Cựu chiến binh xã")
    assert lead_of(window, task.id) == added.id
    assert window.form.lead.currentText() == "Hội Cựu chiến binh xã"
    assert not offer.isVisibleTo(window)
    # One undo takes back both the lead and the new unit.
    window.act_undo.trigger()
    assert lead_of(window, task.id) == before
    assert all(u.name != "Hội Cựu chiến binh xã" for u in units.list_units(window.db))


def fully_shown(window: MainWindow, widget) -> bool:
    """The whole widget is inside the window and nothing covers or clips it."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    inside = window.rect().contains(top_left) and window.rect().contains(
        widget.mapTo(window, widget.rect().bottomRight())
    )
    return inside and widget.visibleRegion().boundingRect().size() == widget.size()


def test_at_1366x768_the_window_fills_the_screen_and_progress_needs_no_scrolling(
    window: MainWindow, qtbot
) -> None:
    assert window.isMaximized()
    assert window.width() >= 1360 and window.height() >= 760
    click_item(qtbot, window, task_titled(window, "Kịp thời tham mưu").id)
    panel = window.form.progress
    for widget in (panel.period, panel.status, panel.percent, panel.completed_on,
                   panel.result, panel.actual, panel.reported_by, panel.record_button):  # fmt: skip
        assert fully_shown(window, widget), widget
    # Labels the secretary must read whole.
    for widget in (
        window.filter_bar.breakthrough_check,
        window.filter_bar.due_check,
        panel.record_button,
    ):
        assert widget.width() >= widget.sizeHint().width(), widget.text()
    metrics = window.tree.fontMetrics()
    deadline_width = window.tree.columnWidth(window.model.DEADLINE)
    assert deadline_width >= metrics.horizontalAdvance("Thường xuyên") + 8
    field = window.form.deadline
    assert field.text() == "Thường xuyên"
    assert field.width() >= field.fontMetrics().horizontalAdvance(field.text()) + 12


def test_typed_progress_survives_an_edit_elsewhere_in_the_form(window: MainWindow,
                                                              qtbot) -> None:  # fmt: skip
    """Every change refreshes the window; half-typed progress must outlive it."""
    task = task_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    panel = window.form.progress
    qtbot.mouseClick(panel.percent, Qt.MouseButton.LeftButton)
    press(panel.percent, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(panel.percent, "35")
    type_text(panel.result, "Đang làm dở")
    # Now a field above is changed and left: the window saves it and refreshes.
    qtbot.mouseClick(window.form.responsible, Qt.MouseButton.LeftButton)
    type_text(window.form.responsible, "Nguyễn Văn A")
    press(window.form.responsible, Qt.Key.Key_Return)
    assert items.get_item(window.db, task.id).responsible_person == "Nguyễn Văn A"
    qtbot.wait(300)  # the deferred progress reload after the change, too
    assert (panel.percent.value(), panel.result.toPlainText()) == (35, "Đang làm dở")
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    [entry] = progress.history(window.db, task.id)
    assert (entry.percent, entry.result_text) == (35, "Đang làm dở")
    # Recorded: the fields now show the entry, and a refresh no longer holds them.
    click_item(qtbot, window, task_titled(window, "Chủ trì, phối hợp triển khai").id)
    assert panel.result.toPlainText() == ""


def test_the_overview_shows_its_words_whole(window: MainWindow, qtbot) -> None:
    window.act_overview.trigger()
    page = window.overview_page
    summary = page.summary
    qtbot.waitUntil(lambda: summary.model().rowCount() > 0)
    metrics = summary.fontMetrics()
    names = [summary.model().index(r, 0).data() for r in range(summary.model().rowCount())]
    assert "Đang thực hiện, trong hạn" in names
    widest = max(metrics.horizontalAdvance(name) for name in names)
    assert summary.columnWidth(0) >= widest + 6
    for table in (page.overdue, page.due_soon):
        header = table.horizontalHeader()
        for column in range(header.count()):
            text = table.model().headerData(column, Qt.Orientation.Horizontal)
            assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text), text


def test_the_wheel_leaves_the_fields_of_a_dialog_alone(window: MainWindow, qtbot) -> None:
    from tests.ui.test_journey import in_dialog

    def scroll_over_fields(dialog) -> None:
        before = (dialog.report.currentIndex(), dialog.period.currentIndex(),
                  dialog.format.currentIndex())  # fmt: skip
        for combo in (dialog.report, dialog.period, dialog.format):
            wheel_over(combo, -1)
            wheel_over(combo, 2)
        after = (dialog.report.currentIndex(), dialog.period.currentIndex(),
                 dialog.format.currentIndex())  # fmt: skip
        dialog.reject()
        assert after == before

    window.tree.setFocus()
    in_dialog(qtbot, lambda: press(window.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
              scroll_over_fields)  # fmt: skip


def test_progress_typed_then_another_task_clicked_is_offered_for_recording(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    asked: list[str] = []

    def answer(_parent, _title, text, buttons, *_args):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    first = task_titled(window, "Chủ trì, phối hợp triển khai")
    second = task_titled(window, "Kịp thời tham mưu")
    panel = window.form.progress
    answers = [QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard]

    click_item(qtbot, window, first.id)
    type_text(panel.result, "Gõ xong mà quên bấm Ghi")
    click_item(qtbot, window, second.id)
    qtbot.waitUntil(lambda: bool(progress.history(window.db, first.id)))
    assert window.model.outline(first.id) in asked[0]
    [entry] = progress.history(window.db, first.id)
    assert entry.result_text == "Gõ xong mà quên bấm Ghi"
    assert window.selected_id() == second.id and panel.node.id == second.id

    # «Bỏ»: nothing is written.
    type_text(panel.result, "Nháp, bỏ đi")
    click_item(qtbot, window, first.id)
    qtbot.waitUntil(lambda: len(asked) == 2)
    qtbot.wait(50)
    assert progress.history(window.db, second.id) == []
    # Only a change she made counts: clicking around asks nothing.
    click_item(qtbot, window, second.id)
    click_item(qtbot, window, first.id)
    qtbot.wait(50)
    assert len(asked) == 2


def test_closing_with_unrecorded_progress_asks_and_can_be_cancelled(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    task = task_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    type_text(window.form.progress.result, "Chưa ghi")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: answers.pop(0))
    window.act_quit.trigger()
    assert window.isVisible() and progress.history(window.db, task.id) == []
    window.act_quit.trigger()
    assert not window.isVisible()
    [entry] = progress.history(window.db, task.id)
    assert entry.result_text == "Chưa ghi"


def test_values_from_another_period_say_so(window: MainWindow, qtbot) -> None:
    from tests.ui.test_journey import choose_by_keyboard

    task = task_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    panel = window.form.progress
    choose_by_keyboard(panel.period, lambda i: panel.period.itemText(i).startswith("6 th"))
    record(qtbot, window, 60, "Kết quả 6 tháng")
    assert not panel.prefill_note.isVisibleTo(window)
    choose_by_keyboard(panel.period, lambda i: panel.period.itemText(i) == "Năm 2026")
    assert panel.percent.value() == 60  # the new entry starts from the latest…
    note = panel.prefill_note
    assert note.isVisibleTo(window)  # …and says it is not recorded for this period
    assert "6 tháng đầu năm 2026" in note.text() and "Năm 2026" in note.text()


def test_progress_typed_for_a_task_then_deleted_asks_nothing(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, *a: asked.append(title)
                        or QMessageBox.StandardButton.Yes)  # fmt: skip
    task = task_titled(window, "Kịp thời tham mưu")
    click_item(qtbot, window, task.id)
    type_text(window.form.progress.result, "Gõ rồi xóa nhiệm vụ")
    window.tree.setFocus()
    with qtbot.capture_exceptions() as errors:
        press(window.tree, Qt.Key.Key_Delete)  # "Xóa …?" answered Yes
        qtbot.wait(100)
    assert errors == []
    assert asked == ["Xóa"]  # only the delete's own question
    assert task.id not in {n.id for n in window.model.tree.nodes}
