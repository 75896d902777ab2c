"""Reminders in the window, as the secretary meets them: the list of tasks due and
overdue at start (beside the window, not in her way), kept closed the day she closes
it, back from the menu and on the next day, opening a task in the tree, and writing
the units' reminder drafts. Also the tree as filtered, exported and printed."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from dienchau_desktop.app import build_window
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.mail_drafts import OUTBOX_NAME
from dienchau_desktop.ui import plan_loading, reminders, tree_filtering
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.pdf_preview import PdfPreview
from dienchau_desktop.ui.reminders import ReminderList
from tests.services.reminder_plan import DAY, HEALTH, POLICE, SCHOOL, plan_with_reminders
from tests.ui.conftest import answer_file_dialogs, click_item, click_row, press, type_text
from tests.ui.driving import choose, retype, when_modal

#: The day the window believes it is (a test moves it on).
_today = [DAY]


class _Day(date):
    @classmethod
    def today(cls) -> date:
        return _today[0]


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "nhac-viec.sqlite3"
    db = Database.open(path)
    plan_with_reminders(db)
    db.close()
    return path


@pytest.fixture
def day(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[date]]:
    """Today is DAY (10/6/2026) wherever the window reads it for these lists."""
    _today[0] = DAY
    for module in (reminders, plan_loading, tree_filtering):
        monkeypatch.setattr(module, "date", _Day)
    yield _today
    _today[0] = DAY


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    main = build_window(path, create=False)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: bool(main.model.progress_entries()))  # loaded after the paint
    return main


def the_list(main: MainWindow) -> ReminderList:
    shown = main.reminders.list
    assert shown is not None
    return shown


def titles(main: MainWindow, shown: ReminderList) -> list[str]:
    return [main.model.tree.node(i).title for i in shown.task_ids()]


def close_button(shown: ReminderList):
    return shown.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)


def test_the_list_at_start_closed_for_the_day_back_from_the_menu_and_the_next_day(
    data_file: Path, day: list[date], qtbot: QtBot
) -> None:
    main = open_window(qtbot, data_file)
    qtbot.waitUntil(lambda: main.reminders.list is not None and the_list(main).isVisible())
    shown = the_list(main)
    # Beside the window, not in her way: nothing modal, the keyboard left to the window.
    assert not shown.isModal() and QApplication.activeModalWidget() is None
    assert QApplication.activeWindow() is not shown
    # Grouped by lead unit, the most overdue first, the tasks without a lead last.
    units = [row.text(0) for row in shown.unit_rows()]
    assert [u.split(" — ")[0] for u in units] == [POLICE, SCHOOL, HEALTH, units[3].split(" — ")[0]]
    assert [re.findall(r"\d+", u) for u in units[:3]] == [["3", "3"], ["4"], ["2"]]
    assert titles(main, shown) == [
        "Rà soát hồ sơ dân cư", "Sửa chữa trụ sở", "Báo cáo Đề án 06",
        "Tổng kết năm học", "Tuyển sinh lớp 6", "Kiểm định chất lượng", "Báo cáo thi đua",
        "Tiêm chủng mở rộng", "Vệ sinh an toàn thực phẩm", "Họp giao ban",
    ]  # fmt: skip
    # The counts above the list: on 10/06/2026, 3 overdue, 2 today or tomorrow, 3 within
    # 3 days ("Họp giao ban" among them), 2 within 7 days.
    assert re.findall(r"\d+", shown.summary.text().replace("10/06/2026", "")) == [
        "3", "2", "3", "3", "2", "7",
    ]  # fmt: skip
    police = shown.unit_rows()[0]
    first = police.child(0)
    assert [first.text(c) for c in (0, 1, 2)] == ["I.1. Rà soát hồ sơ dân cư", "Tháng 5/2026",
                                                  "31/05/2026"]  # fmt: skip
    assert "10" in first.text(3) and first.text(4) == "Chưa báo cáo"
    assert police.child(2).text(4) == "Đang thực hiện (60%)"

    # The window still takes clicks and keys while the list is up.
    school_task = main.model.tree.tasks()[5].id
    click_item(qtbot, main, school_task)
    assert main.selected_id() == school_task
    main.act_find.trigger()
    type_text(main.filter_bar.search, "giao ban")
    qtbot.waitUntil(lambda: main.filtering.tree_filter.text == "giao ban")
    assert main.filtering.match_count == 1

    # Closed, it stays closed that day: the ten-minute check finds the same day.
    qtbot.mouseClick(close_button(shown), Qt.MouseButton.LeftButton)
    assert not shown.isVisible()
    assert main.settings.reminders_closed_on == DAY
    main.reminders.timer.timeout.emit()
    QApplication.processEvents()
    assert not shown.isVisible()

    # Xem → Nhắc việc opens it again; Esc closes it.
    main.act_reminders.trigger()
    assert shown.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)  # asked for: in front
    press(shown.tree, Qt.Key.Key_Escape)
    assert not shown.isVisible()

    # The next day, with the window still open, it comes back by itself, a day on.
    day[0] = DAY + timedelta(days=1)
    main.reminders.timer.timeout.emit()
    qtbot.waitUntil(shown.isVisible)
    later = titles(main, shown)
    assert "Tổng kết năm học" in later and later.index("Tổng kết năm học") < 4  # now overdue
    assert later[-2:] == ["Khám sức khỏe người cao tuổi", "Họp giao ban"]  # 18/6: in 7 days
    main.close()


def test_the_remaining_and_state_columns_show_their_text_whole(
    data_file: Path, day: list[date], qtbot: QtBot
) -> None:
    """«Còn lại» in bold, for tasks overdue by a hundred days and more, and «Tình hình»
    are not cut short (they were, on a 1366×768 screen)."""
    day[0] = date(2026, 9, 20)
    main = open_window(qtbot, data_file)
    qtbot.waitUntil(lambda: main.reminders.list is not None and the_list(main).isVisible())
    shown = the_list(main)
    header = shown.tree.header()
    rows = [unit.child(j) for unit in shown.unit_rows() for j in range(unit.childCount())]
    assert any(re.search(r"\b1\d\d\b", row.text(3)) for row in rows)
    for row in rows:
        for column in (3, 4):
            metrics = QFontMetrics(row.font(column).resolve(shown.tree.font()))
            assert metrics.horizontalAdvance(row.text(column)) + 8 <= header.sectionSize(column)
    # The task's title still has room beside them.
    assert header.sectionSize(0) >= 200
    main.close()


def test_a_day_with_nothing_due_opens_an_empty_list_from_the_menu(
    data_file: Path, day: list[date], qtbot: QtBot
) -> None:
    day[0] = date(2026, 1, 2)  # every deadline is months away
    main = open_window(qtbot, data_file)
    main.act_reminders.trigger()
    shown = the_list(main)
    qtbot.waitUntil(shown.isVisible)
    assert shown.task_ids() == [] and "02/01/2026" in shown.summary.text()
    assert not shown.compose.isEnabled()
    main.close()


def test_closed_today_it_does_not_open_again_at_the_next_start(
    data_file: Path, day: list[date], qtbot: QtBot
) -> None:
    main = open_window(qtbot, data_file)
    qtbot.waitUntil(lambda: main.reminders.list is not None and the_list(main).isVisible())
    qtbot.mouseClick(close_button(the_list(main)), Qt.MouseButton.LeftButton)
    main.close()
    main.db.close()

    again = open_window(qtbot, data_file)  # started again the same day
    qtbot.wait(300)
    assert again.reminders.list is None
    again.close()
    again.db.close()

    day[0] = DAY + timedelta(days=1)  # the next morning
    tomorrow = open_window(qtbot, data_file)
    qtbot.waitUntil(lambda: tomorrow.reminders.list is not None)
    assert the_list(tomorrow).isVisible()
    tomorrow.close()
    tomorrow.db.close()


def parsed(path: Path) -> EmailMessage:
    with path.open("rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle)
    assert isinstance(message, EmailMessage)
    return message


def test_double_click_opens_the_task_and_reminder_drafts_are_written(
    data_file: Path, day: list[date], qtbot: QtBot, opened_urls: list[Path]
) -> None:
    main = open_window(qtbot, data_file)
    qtbot.waitUntil(lambda: main.reminders.list is not None and the_list(main).isVisible())
    shown = the_list(main)
    # A search that hides the task: opening it from the list shows it all the same.
    main.act_find.trigger()
    type_text(main.filter_bar.search, "giao ban")
    qtbot.waitUntil(lambda: main.filtering.tree_filter.text == "giao ban")
    row = shown.unit_rows()[1].child(2)  # "Kiểm định chất lượng"
    click_row(qtbot, shown.tree, shown.tree.indexFromItem(row, 1), double=True)
    wanted = row.data(0, Qt.ItemDataRole.UserRole)
    assert main.selected_id() == wanted
    assert main.model.tree.node(wanted).title == "Kiểm định chất lượng"
    assert not main.filtering.active and shown.isVisible()  # the list stays up

    seen: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Close).click()

    when_modal(QMessageBox, read_and_close)
    qtbot.mouseClick(shown.compose, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    outbox = data_file.parent / OUTBOX_NAME
    drafts = sorted(outbox.glob("*.eml"))
    assert len(drafts) == 2 and opened_urls[-1] == outbox
    by_to = {parsed(p)["To"]: parsed(p) for p in drafts}
    assert set(by_to) == {"congan@dienchau.gov.vn", "thcs@dienchau.edu.vn"}
    school = by_to["thcs@dienchau.edu.vn"].get_content()
    assert "Tổng kết năm học" in school and "Rà soát hồ sơ dân cư" not in school
    assert HEALTH in seen[0]  # no address, so no draft: named
    assert HEALTH in shown.note.text() and shown.note.isVisible()
    main.close()


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip


def test_the_filtered_tree_exported_and_printed(
    data_file: Path, day: list[date], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path, opened_urls: list[Path],
) -> None:  # fmt: skip
    main = open_window(qtbot, data_file)
    qtbot.waitUntil(lambda: main.reminders.list is not None)
    the_list(main).close()
    main.activateWindow()
    choose(qtbot, main.filter_bar.unit_filter, SCHOOL)
    qtbot.waitUntil(lambda: main.filtering.match_count == 4)
    school = ["Tổng kết năm học", "Tuyển sinh lớp 6", "Kiểm định chất lượng", "Báo cáo thi đua"]
    others = ["Rà soát hồ sơ dân cư", "Tiêm chủng mở rộng", "Họp giao ban"]

    def close_message(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Close).click()

    pdf = tmp_path / "loc.pdf"
    answer_file_dialogs(monkeypatch, pdf)
    when_modal(QMessageBox, close_message)
    main.act_export_filtered.trigger()
    text = " ".join(pdf_text(pdf).split())
    assert all(t in text for t in school) and not any(t in text for t in others)
    assert "NHIỆM VỤ TRỌNG TÂM" in text and "NHIỆM VỤ KHÁC" not in text
    assert f"Danh sách đã lọc: chủ trì: {SCHOOL} — 4 trên 14 nhiệm vụ" in text  # which part

    excel = tmp_path / "loc"  # no extension typed; the Excel filter chosen
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda *_a, **_k: (str(excel), "Excel (*.xlsx)"),
    )
    when_modal(QMessageBox, close_message)
    main.act_export_filtered.trigger()
    sheet = load_workbook(tmp_path / "loc.xlsx").worksheets[0]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert [t for t in school + others if t in cells] == school

    main.act_print_filtered.trigger()  # its pages, with the Print button
    previews = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, PdfPreview) and w.isVisible()]  # fmt: skip
    assert len(previews) == 1 and previews[0].document.pageCount() == 1
    printed = " ".join(pdf_text(previews[0].path).split())
    assert all(t in printed for t in school) and "Họp giao ban" not in printed
    previews[0].close()
    main.close()


def test_the_list_follows_progress_recorded_and_undone(
    data_file: Path, day: list[date], qtbot: QtBot
) -> None:
    main = open_window(qtbot, data_file)
    qtbot.waitUntil(lambda: main.reminders.list is not None and the_list(main).isVisible())
    shown = the_list(main)
    row = shown.unit_rows()[1].child(0)
    assert row.text(0) == "I.6. Tổng kết năm học"
    click_row(qtbot, shown.tree, shown.tree.indexFromItem(row, 1), double=True)
    task = row.data(0, Qt.ItemDataRole.UserRole)
    assert main.selected_id() == task
    # Done today: recorded in the form's progress panel, it leaves the list.
    panel = main.form.progress
    choose(qtbot, panel.status, "Hoàn thành")
    retype(qtbot, panel.completed_on, "10/06/2026")
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Tổng kết năm học" not in titles(main, shown))
    assert len(shown.task_ids()) == 9 and shown.isVisible()
    main.act_undo.trigger()  # Ctrl+Z: due today again
    qtbot.waitUntil(lambda: "Tổng kết năm học" in titles(main, shown))
    main.close()


def test_a_filter_showing_nothing_exports_nothing(
    data_file: Path, day: list[date], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:  # fmt: skip
    main = open_window(qtbot, data_file)
    qtbot.waitUntil(lambda: main.reminders.list is not None)
    the_list(main).close()
    main.act_find.trigger()
    type_text(main.filter_bar.search, "không có việc này")
    qtbot.waitUntil(lambda: main.filtering.match_count == 0)
    asked = answer_file_dialogs(monkeypatch, tmp_path / "rong.pdf")
    said: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        said.append(box.text())
        box.close()

    when_modal(QMessageBox, read_and_close)
    main.act_export_filtered.trigger()
    assert said and asked == [] and not (tmp_path / "rong.pdf").exists()
    main.close()
