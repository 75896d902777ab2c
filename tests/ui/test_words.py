"""Words the user reads: a unit (đơn vị) is not a unit of measurement (đơn vị tính), and
the restore list says in Vietnamese why each backup was made."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from dienchau_desktop.db.backup import REASONS, backup_database, backup_path
from dienchau_desktop.ui.backup_dialog import RestoreDialog
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.reports_dialog import ReportsDialog
from tests.ui.driving import choose, open_tab, press_button, when_modal


def test_the_unit_selector_says_unit_and_the_indicator_column_unit_of_measurement(
    window: MainWindow, qtbot: QtBot
) -> None:
    labels: list[str] = []

    def read(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, "Nhiệm vụ của một đơn vị")
        labels.append(dialog.form.labelForField(dialog.unit).text())
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    when_modal(ReportsDialog, read)
    window.act_export.trigger()
    assert labels == ["Đơn vị"]

    window.act_overview.trigger()
    page = window.overview_page
    open_tab(qtbot, page.lists, 4)
    model = page.indicators.model()
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert heads[2] == "Đơn vị tính"


def test_the_restore_list_gives_every_reason_in_vietnamese(
    window: MainWindow, qtbot: QtBot
) -> None:
    start = datetime(2026, 11, 1, 8, 0)
    for n, reason in enumerate((*REASONS[:-1], "before-upgrade-0004")):
        backup_database(window.db.path, backup_path(window.db.path, reason,
                                                    start + timedelta(minutes=n)))  # fmt: skip
    shown: list[str] = []

    def read(dialog: RestoreDialog) -> None:
        shown.extend(dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount()))
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    when_modal(RestoreDialog, read)
    window.act_restore.trigger()
    assert shown == [  # newest first
        "trước khi nâng cấp chương trình",
        "trước khi khôi phục",
        "trước khi nhập dữ liệu",
        "sao lưu tay",
        "khi đóng chương trình",
        "hằng ngày",
    ]
