"""Search that ignores diacritics and case, the filters, the units and plan dialogs."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from dienchau_desktop.core.status import Urgency
from dienchau_desktop.services import items, plans, units
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.plan_dialog import PlanDialog
from dienchau_desktop.ui.tree_filter import TreeFilter
from dienchau_desktop.ui.units_dialog import UnitEditor, UnitsDialog
from tests.ui.conftest import type_text, visible_rows


def shown_titles(window: MainWindow) -> list[str]:
    return visible_rows(window)


@pytest.mark.parametrize("query", ["dien chau", "DIỄN CHÂU", "Diên Châu", "diễn châu"])
def test_search_ignores_case_and_diacritics(window: MainWindow, query: str) -> None:
    type_text(window.search, query)
    window.filter_changed()  # the box waits 120 ms after the last key; do not wait in tests
    rows = shown_titles(window)
    assert "4. Thực hiện nhiệm vụ đột phá năm 2026" in rows  # its lead is UBND xã Diễn Châu
    assert any("Diên Châu" in r for r in rows)  # the seed's typo is found too
    assert not any(r.startswith("a) Phối hợp chặt chẽ với Công an xã") for r in rows)
    assert window.match_label.text().startswith("Tìm thấy")


def test_old_and_new_tone_placement_match(window: MainWindow) -> None:
    results = []
    for query in ("văn hoá ứng xử", "văn hóa ứng xử", "VAN HOA UNG XU"):  # the seed: "văn hóa"
        window.search.setText(query)
        window.filter_changed()
        results.append(shown_titles(window))
    assert results[0] == results[1] == results[2]
    assert any("văn hóa ứng xử trên môi trường mạng" in r for r in results[0])
    window.search.setText("văn hoá ứng xử ngoài trời")
    window.filter_changed()
    assert window.match_count == 0
    assert shown_titles(window) == []


def test_matches_keep_their_ancestors_and_esc_clears(window: MainWindow, qtbot) -> None:
    window.search.setText("an ninh thong tin")
    window.filter_changed()
    rows = shown_titles(window)
    assert rows[0] == "III. TỔ CHỨC THỰC HIỆN"
    assert rows[1] == "3. Công an xã"
    assert rows[2].startswith("b) Phối hợp bảo đảm an toàn, an ninh thông tin")
    assert len(rows) == 3
    window.activateWindow()
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)  # through the window: shortcuts apply
    assert window.search.text() == ""
    assert "I. MỤC ĐÍCH, YÊU CẦU" in shown_titles(window)


def test_unit_state_and_breakthrough_filters(window: MainWindow) -> None:
    police = next(u for u in units.list_units(window.db) if u.name == "Công an xã")
    window.set_filter(TreeFilter(lead_unit_id=police.id))
    assert window.match_count == 4
    window.set_filter(TreeFilter(breakthrough_only=True))
    assert window.match_count == 16
    window.set_filter(TreeFilter(states=frozenset({Urgency.RECURRING})))
    assert window.match_count == 20
    # Due within 40 days of 28/11/2026: the "Năm 2026" tasks are due 31/12/2026.
    window.set_filter(TreeFilter(due_within_days=40), today=date(2026, 11, 28))
    assert window.match_count == 16
    window.set_filter(TreeFilter(due_within_days=20), today=date(2026, 11, 28))
    assert window.match_count == 0


def test_units_dialog_add_rename_merge_remove(window: MainWindow, monkeypatch) -> None:
    dialog = UnitsDialog(window.db, window.bus, window)
    answers = iter(
        [
            {"name": "Hội Cựu chiến binh", "email": "khong-phai-thu"},  # refused, stays open
            {"name": "Hội Cựu chiến binh", "email": "ccb@dienchau.vn"},
        ]
    )
    seen_errors: list[str] = []

    def fill_and_accept(editor: UnitEditor) -> int:
        if not editor.error.isHidden():
            seen_errors.append(editor.error.text())
        try:
            values = next(answers)
        except StopIteration:
            return 0
        editor.name.setText(values["name"])
        editor.email.setText(values["email"])
        return 1

    monkeypatch.setattr(UnitEditor, "exec", fill_and_accept)
    dialog.add_unit()
    assert seen_errors and "không hợp lệ" in seen_errors[0]
    names = [u.name for u in units.list_units(window.db)]
    assert "Hội Cựu chiến binh" in names
    # The form's lead unit list follows at once.
    assert window.form.lead.findText("Hội Cựu chiến binh") >= 0

    # Removing a unit in use asks for its replacement.
    dialog.reload()
    row = next(
        r for r, u in enumerate(dialog._units) if u.name == "Trung tâm phục vụ hành chính công"
    )
    dialog.table.selectRow(row)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: ("Phòng Văn hoá - Xã hội", True))
    dialog.remove_unit()
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
    dialog.reload()
    row = next(r for r, u in enumerate(dialog._units) if u.name == "Hội Cựu chiến binh")
    dialog.table.selectRow(row)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    dialog.remove_unit()
    assert "Hội Cựu chiến binh" not in [u.name for u in units.list_units(window.db)]


def test_plan_properties_are_edited_and_undone(window: MainWindow, monkeypatch) -> None:
    def edit(dialog: PlanDialog) -> int:
        dialog.number.setText("15")
        dialog.issue_date.setText("05/01/2026")
        dialog.recipients.setPlainText("Đảng ủy (để b/c);\nLưu: VT, VHXH.")
        dialog.accept()
        return 1

    monkeypatch.setattr(PlanDialog, "exec", edit)
    window.act_plan_props.trigger()
    plan = plans.get_plan(window.db, 1)
    assert plan.reference == "15/KH-UBND"
    assert plan.issue_date == date(2026, 1, 5)
    assert plan.recipients == ("Đảng ủy (để b/c);", "Lưu: VT, VHXH.")
    assert window.act_undo.text().replace("&", "") == "Hoàn tác: Đổi thông tin kế hoạch"
    window.act_undo.trigger()
    plan = plans.get_plan(window.db, 1)
    assert (plan.reference, plan.issue_date, len(plan.recipients)) == ("   /KH-UBND", None, 6)


def test_plan_dialog_refuses_a_bad_date(window: MainWindow) -> None:
    dialog = PlanDialog(plans.get_plan(window.db, 1), window)
    dialog.issue_date.setText("32/01/2026")
    dialog.accept()
    assert dialog.result() == 0
    assert "không có thật" in dialog.error.text()
    buttons = dialog.findChild(QDialogButtonBox)
    texts = [b.text() for b in buttons.buttons()]
    assert texts == ["Đồng ý", "Hủy bỏ"]  # Qt's own buttons, in Vietnamese


def test_plan_chooser_appears_with_a_second_plan(window: MainWindow) -> None:
    assert not window.plan_chooser_action.isVisible()
    other = plans.create_plan(window.db, "Kế hoạch chuyển đổi số năm 2027", year=2027)
    items.add_item(window.db, other.id, "section", "NHIỆM VỤ")
    window.reload_plans()
    assert window.plan_chooser_action.isVisible()
    assert window.plan_chooser.count() == 2
    window.show_plan(other.id)
    assert shown_titles(window) == ["I. NHIỆM VỤ"]
    window.show_plan(1)
    assert shown_titles(window)[0] == "I. MỤC ĐÍCH, YÊU CẦU"
