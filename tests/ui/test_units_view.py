"""Theo đơn vị: the units' view beside the plan tree, used as the secretary uses it —
the switch clicked, units opened with the keyboard, a task clicked (the form shows it)
and double-clicked (the plan tree shows it), a search typed (both trees filtered), an
edit made in the form (the view follows), and a unit's task list, return form and
email draft made from its context menu and its buttons."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dienchau_desktop.core.deadline import format_date
from dienchau_desktop.services import periods, progress, units
from dienchau_desktop.services.unit_view import units_view_of_plan
from dienchau_desktop.ui.change_bus import Change
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.plan_loading import PROGRESS_DELAY_MS
from dienchau_desktop.ui.units_view import TASK_ID_ROLE, UNIT_ID_ROLE, UnitsModel
from tests.ui.conftest import (
    answer_file_dialogs,
    click_item,
    click_row,
    press,
    type_text,
    visible_rows,
)
from tests.ui.driving import choose, close_message, leave_field, open_tab, retype, when_modal

POLICE = "Công an xã"


def open_units_view(window: MainWindow, qtbot: QtBot) -> None:
    """Click «By unit» on the switch above the tree."""
    qtbot.wait(PROGRESS_DELAY_MS + 100)  # the window has finished opening
    bar = window.by_unit.switch
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.waitUntil(window.by_unit.view.isVisible)
    assert not window.tree.isVisible()


def unit_row(window: MainWindow, name: str) -> QModelIndex:
    model = window.by_unit.model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data().startswith(f"{name} — "):
            return index
    raise AssertionError(f"no row for {name}")


def shown_tasks(window: MainWindow) -> dict[int, set[int]]:
    """Each unit's task ids in the view (unit id → tasks), opened or not."""
    model = window.by_unit.model
    found: dict[int, set[int]] = {}
    for u in range(model.rowCount()):
        unit = model.index(u, 0)
        tasks = found.setdefault(unit.data(UNIT_ID_ROLE), set())
        for g in range(model.rowCount(unit)):
            group = model.index(g, 0, unit)
            tasks.update(model.index(t, 0, group).data(TASK_ID_ROLE)
                         for t in range(model.rowCount(group)))  # fmt: skip
    return found


def open_row(qtbot: QtBot, window: MainWindow, index: QModelIndex) -> None:
    """Click a unit's or group's row and open it with the Right arrow."""
    view = window.by_unit.view
    click_row(qtbot, view, index)
    press(view, Qt.Key.Key_Right)
    assert view.isExpanded(index)


def right_click(qtbot: QtBot, window: MainWindow, index: QModelIndex, entry: QAction) -> None:
    """Right-click a row and click `entry` in the menu that opens."""
    view = window.by_unit.view
    view.scrollTo(index)
    point = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=point)
    clicked: list[QAction] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        action = next(a for a in menu.actions() if a is entry)
        assert action.isEnabled()
        clicked.append(entry)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(0, pick)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              view.viewport().mapToGlobal(point))  # fmt: skip
    QApplication.sendEvent(view.viewport(), event)
    QApplication.processEvents()
    assert clicked == [entry]


def test_each_unit_with_its_tasks_and_one_opened_in_the_tree(
    window: MainWindow, qtbot: QtBot
) -> None:
    plan_id = window.plan_id
    assert plan_id is not None
    expected = {u.unit.name: u for u in units_view_of_plan(window.db, plan_id, date.today())}
    police = expected[POLICE]
    led = police.leads[0]
    period = periods.list_periods(window.db, plan_id)[0]
    progress.record_progress(window.db, led.id, period.id, status="in_progress", percent=40)
    window.bus.announce(Change("progress", plan_id, (led.id,)))
    open_units_view(window, qtbot)

    # Every unit of the plan, with its counts: led, coordinated (and overdue, if any).
    model = window.by_unit.model
    lines = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert [line.split(" — ")[0] for line in lines] == list(expected)
    for line in lines:
        unit = expected[line.split(" — ")[0]]
        counts = [len(unit.leads), len(unit.coordinates)] + ([unit.overdue] if unit.overdue else [])
        assert re.findall(r"\d+", line.split(" — ")[1]) == [str(n) for n in counts]

    # The police's row opened, then its "lead" group: the tasks it leads, in plan order.
    police_row = unit_row(window, POLICE)
    open_row(qtbot, window, police_row)
    assert model.rowCount(police_row) == 2
    leads = model.index(0, 0, police_row)
    assert f"({len(police.leads)})" in leads.data()
    assert f"({len(police.coordinates)})" in model.index(1, 0, police_row).data()
    open_row(qtbot, window, leads)
    first = model.index(0, 0, leads)
    assert first.data(TASK_ID_ROLE) == led.id
    cells = [first.siblingAtColumn(c).data() for c in range(5)]
    assert cells[UnitsModel.NUMBER] == led.number
    assert cells[UnitsModel.TITLE] == led.title
    assert cells[UnitsModel.DEADLINE] == led.deadline_text
    assert cells[UnitsModel.STATUS].endswith("Đang thực hiện")  # the plan tree's word
    assert cells[UnitsModel.REPORT] == f"{format_date(date.today())} · 40 %"

    # A click on a task shows it in the form beside the view.
    second = model.index(1, 1, leads)
    click_row(qtbot, window.by_unit.view, second)
    assert window.form.title.toPlainText() == police.leads[1].title
    assert window.by_unit.view.isVisible()

    # A double-click opens it in the plan tree: the tree shown, the task selected.
    click_row(qtbot, window.by_unit.view, first.siblingAtColumn(1), double=True)
    assert window.tree.isVisible() and not window.by_unit.view.isVisible()
    assert window.by_unit.switch.currentIndex() == 0
    assert window.selected_id() == led.id
    assert window.form.title.toPlainText() == led.title
    assert window.tree.hasFocus()

    # Ctrl+3 comes back to the units' view, as it was left (the police's tasks open).
    press(window.tree, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.by_unit.view.isVisible()
    assert window.by_unit.view.isExpanded(unit_row(window, POLICE))


def test_a_search_filters_both_trees(window: MainWindow, qtbot: QtBot) -> None:
    open_units_view(window, qtbot)
    all_units = shown_tasks(window)
    type_text(window.filter_bar.search, "an ninh")
    qtbot.waitUntil(lambda: window.filter_bar.match_label.text() != "")
    QApplication.processEvents()

    found = shown_tasks(window)
    assert 0 < len(found) < len(all_units)
    tasks = {t.id: t for t in window.model.tree.tasks()}
    listed = set().union(*found.values())
    for task_id in listed:  # every task listed holds the words, or its section does
        shown = window.model.index_for_id(task_id)
        assert shown.isValid()
    for unit_id, task_ids in found.items():
        for task_id in task_ids:
            task = tasks[task_id]
            assert unit_id == task.lead_unit_id or unit_id in task.coordinator_ids
    # Few tasks: every unit and group is open to show them.
    police = unit_row(window, POLICE)
    assert window.by_unit.view.isExpanded(police)

    # The plan tree, under the same filter: the same tasks, no other.
    bar = window.by_unit.switch
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert window.tree.isVisible()
    in_tree = {i for i in tasks if window.model.is_shown(i)}
    assert listed <= in_tree
    assert any("an ninh" in row.lower() for row in visible_rows(window))

    # Esc in the search box: every unit again.
    press(window.filter_bar.search, Qt.Key.Key_Escape)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert shown_tasks(window) == all_units


def test_an_edit_in_the_form_moves_the_task_to_its_new_unit(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_units_view(window, qtbot)
    model = window.by_unit.model
    police = unit_row(window, POLICE)
    open_row(qtbot, window, police)
    leads = model.index(0, 0, police)
    open_row(qtbot, window, leads)
    task_id = model.index(0, 0, leads).data(TASK_ID_ROLE)
    led_before = model.rowCount(leads)
    police_id = police.data(UNIT_ID_ROLE)
    click_row(qtbot, window.by_unit.view, model.index(0, 1, leads))

    task = window.model.tree.node(task_id)
    other = next(u for u in units.list_units(window.db)
                 if u.id != police_id and u.id not in task.coordinator_ids)  # fmt: skip
    choose(qtbot, window.form.lead, other.name)
    qtbot.waitUntil(lambda: task_id not in shown_tasks(window)[police_id])
    assert task_id in shown_tasks(window)[other.id]
    line = unit_row(window, POLICE).data()
    assert re.findall(r"\d+", line.split(" — ")[1])[0] == str(led_before - 1)
    # Ctrl+Z: back under the police.
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: task_id in shown_tasks(window)[police_id])


def open_folder(box: QMessageBox) -> None:
    """«Open folder»: the one button of the action role."""
    button = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)  # fmt: skip
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def police_address(window: MainWindow) -> str:
    police = next(u for u in units.list_units(window.db) if u.name == POLICE)
    units.update_unit(window.db, police.id, email="congan.dienchau@nghean.gov.vn")
    window.bus.announce(Change("units"))
    return "congan.dienchau@nghean.gov.vn"


def test_a_units_files_and_draft_from_its_menu_and_buttons(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    opened_urls: list[Path], police_address: str,
) -> None:  # fmt: skip
    open_units_view(window, qtbot)
    police = unit_row(window, POLICE)

    # Its task list, from the context menu: saved where she says, as PDF.
    sheet = tmp_path / "nhiem-vu-cong-an.pdf"
    asked = answer_file_dialogs(monkeypatch, sheet)
    when_modal(QMessageBox, close_message)
    right_click(qtbot, window, police, window.by_unit.act_sheet)
    assert len(asked) == 1 and POLICE in asked[0]
    assert sheet.read_bytes().startswith(b"%PDF")

    # Its return form, from the button under the view, for today's period.
    form = tmp_path / "mau-bao-cao-cong-an.xlsx"
    asked = answer_file_dialogs(monkeypatch, form)
    when_modal(QMessageBox, open_folder)
    click_row(qtbot, window.by_unit.view, police)
    form_button = window.by_unit.buttons[1]
    qtbot.mouseClick(form_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    cells = [c for row in load_workbook(form).active.iter_rows(values_only=True) for c in row]
    assert any(isinstance(c, str) and POLICE in c for c in cells)
    assert opened_urls[-1] == tmp_path

    # Its email draft, from a task's row's menu: into the outbox, which is opened.
    open_row(qtbot, window, police)
    leads = window.by_unit.model.index(0, 0, police)
    open_row(qtbot, window, leads)
    task = window.by_unit.model.index(0, 1, leads)
    when_modal(QMessageBox, close_message)
    right_click(qtbot, window, task, window.by_unit.act_draft)
    outbox = Path(window.db.path).parent / "Thư đi"
    drafts = list(outbox.glob("*.eml"))
    assert len(drafts) == 1
    text = drafts[0].read_bytes()
    assert police_address.encode() in text and b"X-Unsent: 1" in text
    assert opened_urls[-1] == outbox

    # A unit without an address: told so, no draft.
    youth = unit_row(window, "Đoàn Thanh niên")
    told: list[str] = []
    when_modal(QMessageBox, lambda box: (told.append(box.text()), box.close()))
    right_click(qtbot, window, youth, window.by_unit.act_draft)
    assert told and "chưa có địa chỉ thư điện tử" in told[0]
    assert len(list(outbox.glob("*.eml"))) == 1


def test_the_unit_buttons_wait_for_a_unit(window: MainWindow, qtbot: QtBot) -> None:
    open_units_view(window, qtbot)
    assert not any(b.isEnabled() for b in window.by_unit.buttons)
    click_row(qtbot, window.by_unit.view, unit_row(window, POLICE))
    assert all(b.isEnabled() for b in window.by_unit.buttons)
    assert window.by_unit.unit_label.text() == POLICE


def test_a_change_made_while_on_another_tab_shows_when_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_units_view(window, qtbot)
    police = unit_row(window, POLICE)
    open_row(qtbot, window, police)
    leads = window.by_unit.model.index(0, 0, police)
    open_row(qtbot, window, leads)
    task_id = window.by_unit.model.index(0, 0, leads).data(TASK_ID_ROLE)
    open_tab(qtbot, window.tabs, 1)  # Tổng quan
    assert window.plan_id is not None
    period = periods.list_periods(window.db, window.plan_id)[0]
    progress.record_progress(window.db, task_id, period.id, status="in_progress", percent=70)
    window.bus.announce(Change("progress", window.plan_id, (task_id,)))

    open_tab(qtbot, window.tabs, 0)
    police = unit_row(window, POLICE)
    leads = window.by_unit.model.index(0, 0, police)
    assert window.by_unit.view.isExpanded(leads)  # left open, as it was
    report = window.by_unit.model.index(0, UnitsModel.REPORT, leads).data()
    assert report == f"{format_date(date.today())} · 70 %"


def test_enter_or_the_menu_opens_a_task_in_the_tree(window: MainWindow, qtbot: QtBot) -> None:
    open_units_view(window, qtbot)
    model = window.by_unit.model
    police = unit_row(window, POLICE)
    open_row(qtbot, window, police)
    coordinated = model.index(1, 0, police)
    open_row(qtbot, window, coordinated)
    first, second = (model.index(r, 1, coordinated) for r in (0, 1))
    first_id, second_id = first.data(TASK_ID_ROLE), second.data(TASK_ID_ROLE)

    click_row(qtbot, window.by_unit.view, first)
    press(window.by_unit.view, Qt.Key.Key_Return)
    assert window.tree.isVisible()
    assert window.selected_id() == first_id

    press(window.tree, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    right_click(qtbot, window, second, window.by_unit.act_open)
    assert window.tree.isVisible()
    assert window.selected_id() == second_id
    assert window.form.title.toPlainText() == window.model.tree.node(window.selected_id()).title


def view_rows(model: UnitsModel) -> list[tuple[int, tuple[object, ...]]]:
    """Every row of the units' view, open or not: its depth and its columns' text."""
    rows: list[tuple[int, tuple[object, ...]]] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            cells = tuple(model.index(row, c, parent).data() for c in range(model.columnCount()))
            rows.append((depth, cells))
            walk(model.index(row, 0, parent), depth + 1)

    walk(QModelIndex(), 0)
    return rows


def made_afresh(window: MainWindow) -> list[tuple[int, tuple[object, ...]]]:
    """The units' view as it would be made from the data file now."""
    assert window.plan_id is not None
    fresh = UnitsModel()
    fresh.set_units(units_view_of_plan(window.db, window.plan_id, date.today()))
    return view_rows(fresh)


def test_the_view_follows_edits_undo_add_and_delete_in_place(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, qtmodeltester: ModelTester
) -> None:
    """Edits made while the view is shown change its rows where they are: the units
    and groups she opened stay open, the row she is on stays current, and the view
    is what it would be if made afresh from the data file."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    open_units_view(window, qtbot)
    view, model = window.by_unit.view, window.by_unit.model
    police = unit_row(window, POLICE)
    open_row(qtbot, window, police)
    leads = model.index(0, 0, police)
    open_row(qtbot, window, leads)
    click_row(qtbot, view, model.index(1, 1, leads))
    task_id = view.currentIndex().data(TASK_ID_ROLE)
    assert window.selected_id() == task_id  # the form beside shows it
    assert view_rows(model) == made_afresh(window)
    qtmodeltester.check(model)  # and stays watching: every row put in or taken out

    def still_as_she_left_it() -> None:
        QApplication.processEvents()
        assert view_rows(model) == made_afresh(window)
        police = unit_row(window, POLICE)
        assert view.isExpanded(police) and view.isExpanded(model.index(0, 0, police))

    # The title typed in the form: the task's row says it, in its place.
    retype(qtbot, window.form.title, "Rà soát, làm sạch dữ liệu dân cư trên địa bàn")
    leave_field()
    still_as_she_left_it()
    assert view.currentIndex().data(TASK_ID_ROLE) == task_id
    row = view.currentIndex().row()
    assert model.index(row, UnitsModel.TITLE, view.currentIndex().parent()).data() == (
        "Rà soát, làm sạch dữ liệu dân cư trên địa bàn"
    )

    # Its progress recorded: its state and last report.
    assert window.plan_id is not None
    period = periods.list_periods(window.db, window.plan_id)[0]
    progress.record_progress(window.db, task_id, period.id, status="in_progress", percent=35)
    window.bus.announce(Change("progress", window.plan_id, (task_id,)))
    still_as_she_left_it()

    # A task added after it (Edit → Add task), then the task deleted (Edit → Delete…).
    click_row(qtbot, view, view.currentIndex())
    window.act_add_task.trigger()
    press(QApplication.focusWidget() or view, Qt.Key.Key_Escape)
    still_as_she_left_it()
    window.select_item(task_id)
    window.act_delete.trigger()
    still_as_she_left_it()
    assert all(task_id not in tasks for tasks in shown_tasks(window).values())

    # Ctrl+Z brings it back in its place; Ctrl+Y takes it out again; moved down a place.
    window.act_undo.trigger()
    still_as_she_left_it()
    assert task_id in shown_tasks(window)[police.data(UNIT_ID_ROLE)]
    window.act_redo.trigger()
    still_as_she_left_it()
    window.act_undo.trigger()
    window.select_item(task_id)
    window.act_down.trigger()
    still_as_she_left_it()


def test_a_filtered_view_follows_what_an_edit_makes_match(window: MainWindow, qtbot: QtBot) -> None:
    """Under a search, a task retitled out of it leaves the view, and comes back with
    Ctrl+Z; the view is as the filter made afresh would show it."""
    open_units_view(window, qtbot)
    type_text(window.filter_bar.search, "an ninh")
    qtbot.waitUntil(lambda: window.filter_bar.match_label.text() != "")
    QApplication.processEvents()
    view, model = window.by_unit.view, window.by_unit.model
    before = view_rows(model)
    found = shown_tasks(window)
    unit_id = next(u for u, tasks in found.items() if tasks)
    task_id = min(found[unit_id])
    task = window.model.tree.node(task_id)
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(UNIT_ID_ROLE) == unit_id
    )
    unit = model.index(row, 0)
    group = model.index(0 if task.lead_unit_id == unit_id else model.rowCount(unit) - 1, 0, unit)
    place = next(r for r in range(model.rowCount(group))
                 if model.index(r, 0, group).data(TASK_ID_ROLE) == task_id)  # fmt: skip
    click_row(qtbot, view, model.index(place, 1, group))

    def as_made_afresh() -> list[tuple[int, tuple[object, ...]]]:
        QApplication.processEvents()
        followed = view_rows(model)
        window.by_unit.refresh()  # made again whole from the window's plan
        assert view_rows(model) == followed
        return followed

    section = window.model.tree.node(task.parent_id) if task.parent_id else None
    inherited = section is not None and "an ninh" in window.model.search_text(section.id)
    retype(qtbot, window.form.title, "Một việc khác hẳn")
    leave_field()
    after = as_made_afresh()
    if not inherited:  # its own words matched: it is gone from every unit
        assert all(task_id not in tasks for tasks in shown_tasks(window).values())
        assert after != before
    window.act_undo.trigger()
    assert as_made_afresh() == before


def test_a_long_unit_name_under_the_view_leaves_the_form_its_width(
    window: MainWindow, qtbot: QtBot
) -> None:
    """A unit with a long name, clicked in the view: the line under the view ends its
    name in "…" (whole in its tooltip), and the window's splitter stays where it was;
    the form beside keeps its width (it was squeezed to 370 px, for good)."""
    long_name = ("Ban Chỉ đạo thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn "
                 "mới và giảm nghèo bền vững xã")  # fmt: skip
    units.create_unit(window.db, long_name)
    window.loading.reload_units()
    task = next(n for n in window.model.tree.tasks() if n.title.startswith("Tổ chức quán triệt"))
    click_item(qtbot, window, task.id)
    choose(qtbot, window.form.lead, long_name)  # the task given to it, in the form
    open_units_view(window, qtbot)
    sizes, form_width = window.splitter.sizes(), window.form.width()

    click_row(qtbot, window.by_unit.view, unit_row(window, long_name))
    qtbot.wait(50)  # the layouts have done their work
    assert window.splitter.sizes() == sizes
    assert window.form.width() == form_width
    label = window.by_unit.unit_label
    assert label.text().endswith("…") and label.toolTip() == long_name
    # Back on the plan tree, the same.
    bar = window.by_unit.switch
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    qtbot.wait(50)
    assert window.splitter.sizes() == sizes
    assert window.form.width() == form_width
