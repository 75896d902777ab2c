"""Backups and restore in the window, damaged files at start, one window per file,
stale locks, and the crash dialog."""

from __future__ import annotations

import logging
import os
import random
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from dienchau_desktop import app, paths
from dienchau_desktop.core.errors import (
    CorruptDataFileError,
    DataFileLockedError,
    DataFileMissingError,
    NewerSchemaError,
    NotADatabaseError,
)
from dienchau_desktop.db.backup import backup_path, list_backups, make_backup, reason_kind
from dienchau_desktop.ui import startup_problem
from dienchau_desktop.ui.backup_dialog import RestoreDialog
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.settings_dialog import SettingsDialog
from dienchau_desktop.ui.single_instance import SingleInstance
from tests.conftest import make_sample_file as sample_file
from tests.ui.conftest import click_item, click_row, press
from tests.ui.driving import press_button, retype, when_modal

#: The buttons of the box shown when the data file cannot be opened at start.
WAYS_OUT = {
    "restore": "Khôi phục bản sao lưu lúc ",
    "create": "Tạo tệp dữ liệu mới",
    "choose": "Mở tệp khác…",
    "retry": "Thử lại",
}
QUIT = "Thoát"


def test_restore_in_the_window(window: MainWindow, qtbot: QtBot, monkeypatch) -> None:
    backup = make_backup(window.db.path, "manual")
    section = window.model.tree.roots()[1]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    click_item(qtbot, window, section.id)
    press(window.tree, Qt.Key.Key_Delete)
    assert window.count_label.text() == "11 nhiệm vụ"

    def choose_the_backup(dialog: RestoreDialog) -> None:  # Tệp → Khôi phục…
        table = dialog.table
        row = next(r for r in range(table.rowCount()) if table.item(r, 0).toolTip() == str(backup))
        click_row(qtbot, table, table.model().index(row, 0))
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    when_modal(RestoreDialog, choose_the_backup)
    window.act_restore.trigger()
    assert window.statusBar().currentMessage() == f"Đã khôi phục từ {backup.name}"
    assert window.count_label.text() == "36 nhiệm vụ"
    assert not window.undo_stack.canUndo()
    reasons = [reason_kind(b.reason) for b in list_backups(window.db.path)]
    assert "before-restore" in reasons


def test_daily_backup_at_start_and_one_at_close(window: MainWindow, qtbot) -> None:
    assert list_backups(window.db.path) == []
    made = window.backups.backup_if_due()
    assert made is not None and "daily" in made.name
    assert window.backups.backup_if_due() is None  # not twice a day
    assert window.backup_label.text().startswith("Sao lưu gần nhất:")
    window.act_quit.trigger()  # Tệp → Thoát
    assert not window.isVisible()
    assert next(b.reason for b in list_backups(window.db.path)) == "close"


def test_leftovers_of_a_killed_backup_go_at_the_next_start(qtbot: QtBot, tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    folder = tmp_path / "backups"
    folder.mkdir()
    leftovers = [folder / "ke-hoach-20261127-080000-000000-daily.sqlite3.partial",
                 tmp_path / "ke-hoach.sqlite3.restoring"]  # fmt: skip
    hour_ago = (datetime.now() - timedelta(hours=1)).timestamp()
    for leftover in leftovers:
        leftover.write_bytes(b"x" * 4096)
        os.utime(leftover, (hour_ago, hour_ago))
    window = app.build_window(path, create=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not any(p.exists() for p in leftovers), timeout=3000)
    window.db.close()


def test_an_old_backup_makes_a_new_one_due(window: MainWindow) -> None:
    old = backup_path(window.db.path, "daily", now=datetime.now() - timedelta(days=2))
    old.parent.mkdir(parents=True, exist_ok=True)
    make_backup(window.db.path, "x").rename(old)
    assert window.backups.backup_if_due() is not None


def test_a_failed_backup_does_not_stop_the_work(window: MainWindow) -> None:
    (window.db.path.parent / "backups").write_text("a file where the folder should be")
    assert window.backups.backup_if_due() is None
    assert "Sao lưu không thành công" in window.statusBar().currentMessage()


def damage(kind: str, path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(kind)
    if kind == "truncated":
        path.write_bytes(bytes(data[: rng.randrange(2048, len(data) // 2)]))
    elif kind == "overwritten":
        data[4096 : 4096 * 4] = rng.randbytes(4096 * 3)
        path.write_bytes(bytes(data))
    elif kind == "zero-length":
        path.write_bytes(b"")
    elif kind == "text-renamed":
        path.write_text("Kế hoạch số 15/KH-UBND\nI. MỤC ĐÍCH\n" * 200, encoding="utf-8")
    elif kind == "newer-schema":
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        conn.close()


def recovery_box(monkeypatch, answer) -> list:
    """The box shown when the data file cannot be opened at start, found when it opens and
    answered with `answer(box, buttons by text)`; returns the problems it was shown for
    (app.ask_recovery is watched, not replaced: the real box is shown and answered)."""
    asked: list = []
    real = app.ask_recovery

    def watched(problem, where):
        asked.append((problem, startup_problem.options(problem, where)))
        return real(problem, where)

    monkeypatch.setattr(app, "ask_recovery", watched)

    def act(box: QMessageBox) -> None:
        answer(box, {b.text(): b for b in box.buttons()})

    when_modal(QMessageBox, act)
    return asked


def offered(buttons: dict, ways_out: list[str]) -> None:
    """The box offers exactly `ways_out`, in that order, and Quit."""
    texts = list(buttons)
    assert len(texts) == len(ways_out) + 1, texts
    for text, way in zip(texts, ways_out, strict=False):
        assert text.startswith(WAYS_OUT[way]), (text, way)
    assert texts[-1] == QUIT


def click_text(buttons: dict, start: str) -> None:
    [button] = [b for text, b in buttons.items() if text.startswith(start)]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("kind", "error", "ways_out"),
    [
        ("truncated", (CorruptDataFileError, NotADatabaseError), ["restore", "choose"]),
        ("overwritten", (CorruptDataFileError, NotADatabaseError), ["restore", "choose"]),
        ("zero-length", NotADatabaseError, ["restore", "choose"]),
        ("text-renamed", NotADatabaseError, ["restore", "choose"]),
        ("newer-schema", NewerSchemaError, ["choose"]),
    ],
)
def test_a_damaged_file_at_start_is_explained_and_restorable(
    qtbot, tmp_path: Path, monkeypatch, kind: str, error, ways_out: list[str]
) -> None:
    path = sample_file(tmp_path)
    backup = make_backup(path, "daily")
    damage(kind, path)
    damaged = path.read_bytes()
    check = subprocess.run(
        [sys.executable, "-m", "dienchau_desktop", "check", "--db", str(path)],
        capture_output=True, text=True, check=False,
        env={**os.environ, paths.DATA_DIR_ENV: str(tmp_path / "d")},
    )  # fmt: skip
    assert check.returncode == 4
    assert str(path) in check.stderr
    shown: list[str] = []

    def restore_when_offered(box: QMessageBox, buttons: dict) -> None:
        shown.append(box.text())
        offered(buttons, ways_out)
        click_text(buttons, WAYS_OUT["restore"] if "restore" in ways_out else QUIT)

    asked = recovery_box(monkeypatch, restore_when_offered)
    opened = app.open_with_recovery(path, create=False)
    assert shown, "the box never opened"
    problem, options = asked[0]
    assert isinstance(problem, error)
    assert options == ways_out
    assert problem.message in shown[0]
    if "restore" not in ways_out:
        assert opened == 4
        assert path.read_bytes() == damaged  # nothing overwritten
        return
    window, instance = opened
    qtbot.addWidget(window)
    try:
        assert window.count_label.text() == "36 nhiệm vụ"
        kept = [p for p in backup.parent.iterdir() if p != backup]
        assert kept, "the damaged file is kept beside the backups"
    finally:
        window.db.close()
        instance.release()


def test_a_missing_file_named_on_the_command_line_can_be_created(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "moi.sqlite3"

    def create(_box: QMessageBox, buttons: dict) -> None:
        offered(buttons, ["create", "choose"])
        click_text(buttons, WAYS_OUT["create"])

    asked = recovery_box(monkeypatch, create)
    window, instance = app.open_with_recovery(path, create=False)
    qtbot.addWidget(window)
    try:
        assert isinstance(asked[0][0], DataFileMissingError)
        assert path.exists()
        assert window.count_label.text() == "36 nhiệm vụ"  # a new file holds the sample
    finally:
        window.db.close()
        instance.release()


def test_a_file_locked_by_another_writer_offers_to_try_again(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    path = sample_file(tmp_path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE plan SET title = 'đang sửa'")

    def retry_once_released(_box: QMessageBox, buttons: dict) -> None:
        offered(buttons, ["retry"])
        other.execute("ROLLBACK")  # the other program is done
        click_text(buttons, WAYS_OUT["retry"])

    asked = recovery_box(monkeypatch, retry_once_released)
    window, instance = app.open_with_recovery(path, create=False)
    qtbot.addWidget(window)
    other.close()
    try:
        assert isinstance(asked[0][0], DataFileLockedError)
        assert asked[0][1] == ["retry"]
        assert window.count_label.text() == "36 nhiệm vụ"
    finally:
        window.db.close()
        instance.release()


def test_a_second_start_brings_the_first_window_forward(qtbot, tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    first = SingleInstance(path)
    assert first.acquire()
    first.listen()  # the window does this once painted
    try:
        second = SingleInstance(path)
        assert not second.acquire()
        with qtbot.waitSignal(first.activation_requested, timeout=3000):
            assert second.ask_running_to_show()
        assert app.open_with_recovery(path, create=False) == 0  # the real start does so too
    finally:
        first.release()
    again = SingleInstance(path)
    assert again.acquire()
    again.release()


# The offscreen platform cannot raise a window; bring_to_front asks it to.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_started_window_answers_a_second_start_once_painted(qtbot, tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    opened = app.open_with_recovery(path, create=False)
    assert not isinstance(opened, int)
    window, instance = opened
    try:
        assert instance.server is None  # QtNetwork is not on the way to the first paint
        window.show()
        qtbot.waitUntil(lambda: instance.server is not None and instance.server.isListening())
        second = SingleInstance(path)
        assert not second.acquire()
        with qtbot.waitSignal(instance.activation_requested, timeout=3000):
            assert second.ask_running_to_show()
    finally:
        window.db.close()
        window.close()
        instance.release()


def test_a_stale_lock_after_a_crash_is_taken_over(qapp, tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    Path(f"{path}.lock").write_text(f"{dead.stdout.strip()}\ndienchau\n{os.uname().nodename}\n")
    instance = SingleInstance(path)
    assert instance.acquire()
    instance.release()


def test_an_unexpected_error_is_logged_and_shown(qapp, monkeypatch) -> None:
    from dienchau_desktop.logs import log_file, setup_logging
    from dienchau_desktop.ui import crash

    setup_logging()
    shown = []

    def read_and_close(box: QMessageBox) -> None:
        shown.append((box.text(), box.detailedText()))
        QTest.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    when_modal(QMessageBox, read_and_close)
    try:
        raise ZeroDivisionError("chia cho 0 trong báo cáo")
    except ZeroDivisionError:
        crash._hook(*sys.exc_info())  # the hook itself is what is tested
    [(text, details)] = shown
    assert str(log_file()) in text
    assert "ZeroDivisionError" in details
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "chia cho 0 trong báo cáo" in log_file().read_text(encoding="utf-8")


def test_backup_retention_is_a_setting(window: MainWindow, qtbot: QtBot) -> None:
    def keep_two_days(dialog: SettingsDialog) -> None:  # Tệp → Cài đặt…
        retype(qtbot, dialog.keep_daily, "2")
        retype(qtbot, dialog.keep_monthly, "0")
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    when_modal(SettingsDialog, keep_two_days)
    window.act_settings.trigger()
    assert (window.settings.backups_kept_daily, window.settings.backups_kept_monthly) == (2, 0)
    now = datetime.now()
    source = make_backup(window.db.path, "seed")
    for days_ago in range(2, 8):
        target = backup_path(window.db.path, "daily", now=now - timedelta(days=days_ago))
        target.write_bytes(source.read_bytes())
    source.unlink()
    window.act_backup.trigger()  # Tệp → Sao lưu ngay
    days = {b.made_at.date() for b in list_backups(window.db.path, describe=False)}
    assert len(days) == 2  # today and the newest day before it


def test_damage_found_after_start_offers_the_backups(window: MainWindow, monkeypatch) -> None:
    offered = []
    monkeypatch.setattr(window.db, "integrity_problems", lambda: ["Page 12: btreeInitPage() error"])
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, title, text, *_a: offered.append(text) or QMessageBox.StandardButton.No)  # fmt: skip
    assert not window.backups.check_integrity()
    assert "Page 12" in offered[0]
    monkeypatch.setattr(window.db, "integrity_problems", lambda: [])
    assert window.backups.check_integrity()
