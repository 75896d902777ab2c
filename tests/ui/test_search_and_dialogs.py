"""Search that ignores diacritics and case, the filters, the units and plan dialogs."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QInputDialog,
    QMessageBox,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from dienchau_desktop.services import items, plans, units
from dienchau_desktop.ui import tree_filtering
from dienchau_desktop.ui.change_bus import Change
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.plan_dialog import PlanDialog
from dienchau_desktop.ui.units_dialog import UnitEditor, UnitsDialog
from tests.ui.conftest import click_row, type_text, visible_rows
from tests.ui.driving import (
    choose,
    click_check_box,
    press_button,
    retype,
    when_modal,
)

OK, CANCEL, CLOSE = (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel,
                     QDialogButtonBox.StandardButton.Close)  # fmt: skip


class _November(date):
    """The day the window believes it is."""

    @classmethod
    def today(cls) -> date:
        return date(2026, 11, 28)


def shown_titles(window: MainWindow) -> list[str]:
    return visible_rows(window)


def search_for(window: MainWindow, qtbot: QtBot, text: str) -> None:
    """Sửa → Tìm (Ctrl+F), type over what the box holds, and wait the moment the box
    waits after the last key before the tree follows."""
    window.act_find.trigger()
    focused = QApplication.focusWidget()
    assert focused is window.filter_bar.search
    type_text(focused, text)
    qtbot.waitUntil(lambda: window.filtering.tree_filter.text == text)


@pytest.mark.parametrize("query", ["dien chau", "DIỄN CHÂU", "Diên Châu", "diễn châu"])
def test_search_ignores_case_and_diacritics(window: MainWindow, qtbot: QtBot, query: str) -> None:
    search_for(window, qtbot, query)
    rows = shown_titles(window)
    assert "4. Thực hiện nhiệm vụ đột phá năm 2026" in rows  # its lead is UBND xã Diễn Châu
    assert any("Diên Châu" in r for r in rows)  # the seed's typo is found too
    assert not any(r.startswith("a) Phối hợp chặt chẽ với Công an xã") for r in rows)
    assert window.filter_bar.match_label.text().startswith("Tìm thấy")


def test_old_and_new_tone_placement_match(window: MainWindow, qtbot: QtBot) -> None:
    results = []
    for query in ("văn hoá ứng xử", "văn hóa ứng xử", "VAN HOA UNG XU"):  # the seed: "văn hóa"
        search_for(window, qtbot, query)
        results.append(shown_titles(window))
    assert results[0] == results[1] == results[2]
    assert any("văn hóa ứng xử trên môi trường mạng" in r for r in results[0])
    search_for(window, qtbot, "văn hoá ứng xử ngoài trời")
    assert window.filtering.match_count == 0
    assert shown_titles(window) == []


def test_matches_keep_their_ancestors_and_esc_clears(window: MainWindow, qtbot) -> None:
    search_for(window, qtbot, "an ninh thong tin")
    rows = shown_titles(window)
    assert rows[0] == "III. TỔ CHỨC THỰC HIỆN"
    assert rows[1] == "3. Công an xã"
    assert rows[2].startswith("b) Phối hợp bảo đảm an toàn, an ninh thông tin")
    assert len(rows) == 3
    window.activateWindow()
    assert window.filter_bar.search.hasFocus()  # still typing in it
    qtbot.keyClick(
        window.filter_bar.search, Qt.Key.Key_Escape
    )  # through the window: shortcuts apply
    assert window.filter_bar.search.text() == ""
    assert "I. MỤC ĐÍCH, YÊU CẦU" in shown_titles(window)


def test_clearing_a_search_opens_again_the_rows_she_had_open(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Found by a walk: cleared, a search folded the rows she had opened (View → Expand
    all) back to the rows the plan opens with."""
    window.act_expand.trigger()
    open_rows = window.loading.expanded_ids()
    assert len(open_rows) > 10
    search_for(window, qtbot, "so hoa")
    assert window.loading.expanded_ids() != open_rows
    window.act_clear_filter.trigger()
    assert window.loading.expanded_ids() == open_rows


def test_unit_state_and_breakthrough_filters(window: MainWindow, qtbot: QtBot,
                                             monkeypatch) -> None:  # fmt: skip
    monkeypatch.setattr(tree_filtering, "date", _November)
    police = next(u for u in units.list_units(window.db) if u.name == "Công an xã")
    choose(qtbot, window.filter_bar.unit_filter, police.name)
    assert window.filtering.match_count == 4
    qtbot.mouseClick(window.filter_bar.clear_button, Qt.MouseButton.LeftButton)  # "Xóa bộ lọc"
    assert window.filtering.tree_filter.is_empty
    click_check_box(qtbot, window.filter_bar.breakthrough_check)
    assert window.filtering.match_count == 16
    qtbot.mouseClick(window.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    choose(qtbot, window.filter_bar.state_filter, "Thường xuyên")
    assert window.filtering.match_count == 20
    qtbot.mouseClick(window.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    # Due within 40 days of 28/11/2026: the "Năm 2026" tasks are due 31/12/2026.
    click_check_box(qtbot, window.filter_bar.due_check)
    retype(qtbot, window.filter_bar.due_days, "40")
    assert window.filter_bar.due_days.value() == 40
    assert window.filtering.match_count == 16
    retype(qtbot, window.filter_bar.due_days, "20")
    assert window.filtering.match_count == 0


def row_of(table: QTableWidget, name: str) -> int:
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)


def test_units_dialog_add_rename_merge_remove(window: MainWindow, qtbot: QtBot,
                                              monkeypatch) -> None:  # fmt: skip
    answers = [
        {"name": "Hội Cựu chiến binh", "email": "khong-phai-thu"},  # refused, stays open
        {"name": "Hội Cựu chiến binh", "email": "ccb@dienchau.vn"},
    ]
    seen_errors: list[str] = []

    def fill_and_accept(editor: UnitEditor) -> None:
        if not editor.error.isHidden():
            seen_errors.append(editor.error.text())
        values = answers.pop(0)
        retype(qtbot, editor.name, values["name"])
        retype(qtbot, editor.email, values["email"])
        press_button(qtbot, editor, OK)
        if answers:  # refused: the editor comes back with the reason
            when_modal(UnitEditor, fill_and_accept)

    def replace_with_culture(ask: QInputDialog) -> None:
        choose(qtbot, ask.findChild(QComboBox), "Phòng Văn hoá - Xã hội")
        press_button(qtbot, ask, OK)

    finished: list[bool] = []

    def work(dialog: UnitsDialog) -> None:
        table = dialog.table
        when_modal(UnitEditor, fill_and_accept)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert answers == []
        assert seen_errors and "không hợp lệ" in seen_errors[0]
        names = [u.name for u in units.list_units(window.db)]
        assert "Hội Cựu chiến binh" in names
        # The form's lead unit list follows at once.
        assert window.form.lead.findText("Hội Cựu chiến binh") >= 0

        # Removing a unit in use asks for its replacement.
        row = row_of(table, "Trung tâm phục vụ hành chính công")
        click_row(qtbot, table, table.model().index(row, 0))
        when_modal(QInputDialog, replace_with_culture)
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        names = [u.name for u in units.list_units(window.db)]
        assert "Trung tâm phục vụ hành chính công" not in names
        moved = next(
            n
            for n in items.plan_tree(window.db, 1).tasks()
            if n.title.startswith("Bảo đảm các điều kiện")
        )
        assert moved.lead_unit_name == "Phòng Văn hoá - Xã hội"
        assert window.model.tree.node(moved.id).lead_unit_name == "Phòng Văn hoá - Xã hội"

        # A unit nobody uses is removed after a confirmation.
        click_row(qtbot, table, table.model().index(row_of(table, "Hội Cựu chiến binh"), 0))
        monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert "Hội Cựu chiến binh" not in [u.name for u in units.list_units(window.db)]
        finished.append(True)
        press_button(qtbot, dialog, CLOSE)

    when_modal(UnitsDialog, work)
    window.act_units.trigger()  # Kế hoạch → Đơn vị…
    assert finished


def test_plan_properties_are_edited_and_undone(window: MainWindow, qtbot: QtBot) -> None:
    def edit(dialog: PlanDialog) -> None:
        retype(qtbot, dialog.number, "15")
        retype(qtbot, dialog.issue_date, "05/01/2026")
        retype(qtbot, dialog.recipients, "Đảng ủy (để b/c);\nLưu: VT, VHXH.")
        press_button(qtbot, dialog, OK)

    when_modal(PlanDialog, edit)
    window.act_plan_props.trigger()
    plan = plans.get_plan(window.db, 1)
    assert plan.reference == "15/KH-UBND"
    assert plan.issue_date == date(2026, 1, 5)
    assert plan.recipients == ("Đảng ủy (để b/c);", "Lưu: VT, VHXH.")
    assert window.act_undo.text().replace("&", "") == "Hoàn tác: Đổi thông tin kế hoạch"
    window.act_undo.trigger()
    plan = plans.get_plan(window.db, 1)
    assert (plan.reference, plan.issue_date, len(plan.recipients)) == ("   /KH-UBND", None, 6)


def test_plan_dialog_refuses_a_bad_date(window: MainWindow, qtbot: QtBot) -> None:
    seen: list[tuple] = []

    def mistype(dialog: PlanDialog) -> None:
        retype(qtbot, dialog.issue_date, "32/01/2026")
        press_button(qtbot, dialog, OK)
        buttons = dialog.findChild(QDialogButtonBox)
        seen.append((dialog.isVisible(), dialog.result(), dialog.error.text(),
                     [b.text() for b in buttons.buttons()]))  # fmt: skip
        press_button(qtbot, dialog, CANCEL)

    when_modal(PlanDialog, mistype)
    window.act_plan_props.trigger()
    [(still_open, result, error, texts)] = seen
    assert still_open and result == 0
    assert "không có thật" in error
    assert texts == ["Đồng ý", "Hủy bỏ"]  # Qt's own buttons, in Vietnamese
    assert plans.get_plan(window.db, 1).issue_date is None  # nothing was saved


def test_the_address_reports_go_to_is_a_plan_property(window: MainWindow, qtbot: QtBot) -> None:
    seen: list[str] = []

    def type_addresses(dialog: PlanDialog) -> None:
        retype(qtbot, dialog.report_email, "vanphong@nghean")  # no domain's end: refused
        press_button(qtbot, dialog, OK)
        seen.append(dialog.error.text())
        retype(qtbot, dialog.report_email, "vanphong@nghean.gov.vn; snv@nghean.gov.vn")
        press_button(qtbot, dialog, OK)

    when_modal(PlanDialog, type_addresses)
    window.act_plan_props.trigger()
    assert "«vanphong@nghean» không phải là một địa chỉ thư" in seen[0]
    assert plans.get_plan(window.db, 1).report_email == (
        "vanphong@nghean.gov.vn, snv@nghean.gov.vn"
    )
    window.act_undo.trigger()
    assert plans.get_plan(window.db, 1).report_email == ""


def test_plan_chooser_appears_with_a_second_plan(window: MainWindow, qtbot: QtBot) -> None:
    assert not window.plan_chooser_action.isVisible()
    other = plans.create_plan(window.db, "Kế hoạch chuyển đổi số năm 2027", year=2027)
    items.add_item(window.db, other.id, "section", "NHIỆM VỤ")
    window.bus.announce(Change("plans"))  # as an import announces its new plan
    assert window.plan_chooser_action.isVisible()
    chooser = window.plan_chooser
    assert chooser.count() == 2
    choose(qtbot, chooser, chooser.itemText(chooser.findData(other.id)))
    assert window.plan_id == other.id
    assert shown_titles(window) == ["I. NHIỆM VỤ"]
    choose(qtbot, chooser, chooser.itemText(chooser.findData(1)))
    assert window.plan_id == 1
    assert shown_titles(window)[0] == "I. MỤC ĐÍCH, YÊU CẦU"
