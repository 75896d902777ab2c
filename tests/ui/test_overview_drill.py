"""Tổng quan: a double-click on a count (a bucket, a section's or a unit's cell) lists
exactly the tasks behind that number; a task of the list opens in the plan tree, by
double-click or Enter."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dienchau_desktop.core.buckets import BUCKET_ORDER, Bucket
from dienchau_desktop.services import periods, progress
from dienchau_desktop.ui.change_bus import Change
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.overview_page import ITEM_ID, OverviewPage
from tests.ui.conftest import press
from tests.ui.driving import choose, double_click_cell, open_tab

HALF = "6 tháng đầu năm 2026"


def record(window: MainWindow, title: str, **values) -> int:
    """An entry for the 6-month period, announced as every operation announces one."""
    task = next(n for n in window.model.tree.tasks() if n.title.startswith(title))
    half = next(p for p in periods.list_periods(window.db, window.plan_id) if p.label == HALF)
    progress.record_progress(window.db, task.id, half.id, **values)
    window.bus.announce(Change("progress", window.plan_id, (task.id,)))
    return task.id


def cell(page_table, row: int, column: int) -> str:
    return page_table.model().index(row, column).data()


def listed(page: OverviewPage) -> list[tuple[int, str, str]]:
    """The tasks the list shows: id, number, lead unit."""
    model = page.drill.model()
    return [(model.index(r, 0).data(ITEM_ID), model.index(r, 0).data(), model.index(r, 2).data())
            for r in range(model.rowCount())]  # fmt: skip


def test_every_count_lists_its_tasks_and_one_opens_in_the_tree(
    window: MainWindow, qtbot: QtBot
) -> None:
    done = record(window, "Tổ chức quán triệt", status="completed", completed_on=date(2026, 3, 1))
    record(window, "Phối hợp chặt chẽ với Công an xã", status="in_progress", percent=50)
    window.act_overview.trigger()
    page = window.overview_page
    choose(qtbot, page.period, HALF)
    all_tasks = {t.id for t in window.model.tree.tasks()}

    # Each bucket of the summary: as many tasks as it says, together every task once.
    seen: list[int] = []
    for row, bucket in enumerate(BUCKET_ORDER):
        count = int(cell(page.summary, row, 1))
        double_click_cell(qtbot, page.summary, page.summary.model().index(row, 1))
        assert page.lists.currentIndex() == page.drill_tab
        assert page.lists.tabText(page.drill_tab).endswith(f"({count})")
        assert len(listed(page)) == count
        assert str(count) in page.drill_caption.text()
        seen += [task_id for task_id, _n, _u in listed(page)]
        if bucket == Bucket.COMPLETED:
            assert [task_id for task_id, _n, _u in listed(page)] == [done]
    assert sorted(seen) == sorted(all_tasks)

    # A section: its total, then one bucket's column.
    open_tab(qtbot, page.lists, 0)
    row = next(r for r in range(page.sections.model().rowCount())
               if cell(page.sections, r, 0) == "II.")  # fmt: skip
    double_click_cell(qtbot, page.sections, page.sections.model().index(row, 2))
    assert len(listed(page)) == int(cell(page.sections, row, 2)) > 1
    assert all(number.startswith("II.") for _i, number, _u in listed(page))
    in_progress = 3 + BUCKET_ORDER.index(Bucket.IN_PROGRESS)
    open_tab(qtbot, page.lists, 0)
    double_click_cell(qtbot, page.sections, page.sections.model().index(row, in_progress))
    assert len(listed(page)) == int(cell(page.sections, row, in_progress))
    assert done not in {task_id for task_id, _n, _u in listed(page)}  # counted as completed

    # A lead unit.
    open_tab(qtbot, page.lists, 1)
    row = next(r for r in range(page.units.model().rowCount())
               if cell(page.units, r, 0) == "Công an xã")  # fmt: skip
    double_click_cell(qtbot, page.units, page.units.model().index(row, 1))
    assert len(listed(page)) == int(cell(page.units, row, 1)) == 4
    assert {unit for _i, _n, unit in listed(page)} == {"Công an xã"}

    # A double-click on a task of the list shows it in the plan tree and its form.
    first, second = listed(page)[0][0], listed(page)[1][0]
    double_click_cell(qtbot, page.drill, page.drill.model().index(0, 1))
    assert window.tabs.currentWidget() is window.splitter
    assert window.selected_id() == first

    # Back in the overview the list is still there; a click and Enter open another.
    window.act_overview.trigger()
    assert page.lists.currentIndex() == page.drill_tab and len(listed(page)) == 4
    click_index = page.drill.model().index(1, 1)
    rect = page.drill.visualRect(click_index)
    qtbot.mouseClick(page.drill.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    press(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.splitter
    assert window.selected_id() == second


def test_the_list_follows_the_counts_when_progress_changes(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.act_overview.trigger()
    page = window.overview_page
    choose(qtbot, page.period, HALF)
    completed = BUCKET_ORDER.index(Bucket.COMPLETED)
    double_click_cell(qtbot, page.summary, page.summary.model().index(completed, 1))
    assert listed(page) == []
    task_id = record(window, "Tổ chức quán triệt", status="completed",
                     completed_on=date(2026, 3, 1))  # fmt: skip
    assert cell(page.summary, completed, 1) == "1"
    assert [i for i, _n, _u in listed(page)] == [task_id]
