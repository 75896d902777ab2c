"""Evidence in the progress panel, used as the secretary uses it: a history row clicked,
files chosen in the file dialog, the data file checked, Ctrl+Z, checked again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from dienchau_desktop.services import evidence, items, periods, progress
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.progress_panel import EVIDENCE_COLUMN
from tests.ui.conftest import answer_file_dialogs, click_item, click_row, press
from tests.ui.driving import choose, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier


def task_titled(window: MainWindow, start: str) -> items.ItemNode:
    return next(n for n in window.model.tree.tasks() if n.title.startswith(start))


@pytest.fixture
def task_with_two_entries(window: MainWindow, qtbot: QtBot) -> tuple[int, list[int]]:
    """A task with an entry in each period (the older first in the data file), shown."""
    task = task_titled(window, "Chủ trì, phối hợp triển khai")
    half, year = periods.list_periods(window.db, window.plan_id)[:2]
    older = progress.record_progress(window.db, task.id, half.id, status="in_progress",
                                     percent=40, result_text="Rà soát hồ sơ")  # fmt: skip
    newer = progress.record_progress(window.db, task.id, year.id, status="in_progress",
                                     percent=70, result_text="Cập nhật dữ liệu")  # fmt: skip
    click_item(qtbot, window, task.id)
    return task.id, [newer.id, older.id]  # as the history lists them


def files(folder: Path, *named: tuple[str, bytes]) -> list[Path]:
    """Files of these names and contents in `folder` (a scanner's, a USB stick's)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, data in named:
        path = folder / name
        path.write_bytes(data)
        out.append(path)
    return out


def show_again(window: MainWindow, qtbot: QtBot, task_id: int) -> None:
    """Another task clicked, then this one: the panel reads it afresh (evidence was
    added behind the window's back, by the service)."""
    other = next(n for n in window.model.tree.tasks() if n.id != task_id)
    click_item(qtbot, window, other.id)
    click_item(qtbot, window, task_id)


def click(qtbot: QtBot, button) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def undo(window: MainWindow) -> None:
    press(window.tree, Qt.Key.Key_Z, CTRL)


def redo(window: MainWindow) -> None:
    press(window.tree, Qt.Key.Key_Y, CTRL)


def test_attach_files_to_the_clicked_entry_then_undo_and_redo(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    task_with_two_entries: tuple[int, list[int]],
) -> None:  # fmt: skip
    task_id, (newer, older) = task_with_two_entries
    panel = window.form.progress
    scan, photo = files(tmp_path / "may-quet", ("Biên bản 12.pdf", os.urandom(200_000)),
                        ("ảnh hiện trường.jpg", os.urandom(40_000)))  # fmt: skip

    # The older entry, clicked where it is drawn; the file dialog answered with two.
    click_row(qtbot, panel.history, panel.history.model().index(1, 0))
    asked = answer_file_dialogs(monkeypatch, scan, photo)
    click(qtbot, panel.attach_button)

    assert len(asked) == 1  # one dialog, several files chosen in it
    stored = evidence.for_entry(window.db, older)
    assert [(f.file_name, f.size) for f in stored] == [
        ("Biên bản 12.pdf", 200_000),
        ("ảnh hiện trường.jpg", 40_000),
    ]
    assert evidence.for_entry(window.db, newer) == []
    # The history counts them on the entry's row (names in its tooltip); the row
    # under it lists them.
    assert panel.history.item(1, EVIDENCE_COLUMN).text() == "2"
    assert panel.history.item(1, EVIDENCE_COLUMN).toolTip() == (
        "Biên bản 12.pdf (195 KB)\nảnh hiện trường.jpg (39,1 KB)"
    )
    assert panel.history.item(0, EVIDENCE_COLUMN).text() == ""
    assert panel.history.currentRow() == 1  # still the entry she chose
    assert [panel.evidence_files.itemText(i) for i in range(panel.evidence_files.count())] == [
        "Biên bản 12.pdf (195 KB)",
        "ảnh hiện trường.jpg (39,1 KB)",
    ]

    undo(window)
    assert evidence.for_task(window.db, task_id) == []
    assert panel.history.item(1, EVIDENCE_COLUMN).text() == ""
    assert panel.evidence_files.count() == 0
    assert not panel.open_evidence_button.isEnabled()

    # Redo puts the same files back, though they are gone from the scanner's folder.
    scan_bytes = scan.read_bytes()
    scan.unlink()
    redo(window)
    back = evidence.for_entry(window.db, older)
    assert [f.file_name for f in back] == ["Biên bản 12.pdf", "ảnh hiện trường.jpg"]
    copy = evidence.copy_out(window.db, back[0].id, tmp_path / "ra.pdf")
    assert copy.read_bytes() == scan_bytes


def test_open_one_with_the_system_viewer_and_remove_one_undoably(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    task_with_two_entries: tuple[int, list[int]],
) -> None:  # fmt: skip
    task_id, (newer, _older) = task_with_two_entries
    panel = window.form.progress
    paths = files(tmp_path / "in", ("báo cáo.xlsx", b"PK\x03\x04" + os.urandom(9000)),
                  ("tờ trình.pdf", b"%PDF-1.7" + os.urandom(5000)))  # fmt: skip
    evidence.add_files(window.db, newer, paths)
    show_again(window, qtbot, task_id)  # the newest entry chosen
    assert panel.history.currentRow() == 0
    assert panel.evidence_files.count() == 2

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    choose(qtbot, panel.evidence_files, "tờ trình.pdf (4,9 KB)")
    click(qtbot, panel.open_evidence_button)
    [url] = opened
    assert Path(url.toLocalFile()).name == "tờ trình.pdf"
    assert Path(url.toLocalFile()).read_bytes() == paths[1].read_bytes()

    click(qtbot, panel.remove_evidence_button)
    assert [f.file_name for f in evidence.for_entry(window.db, newer)] == ["báo cáo.xlsx"]
    assert panel.history.item(0, EVIDENCE_COLUMN).text() == "1"
    assert panel.history.item(0, EVIDENCE_COLUMN).toolTip() == "báo cáo.xlsx (8,8 KB)"
    assert window.act_undo.text().replace("&", "").endswith("tờ trình.pdf")

    undo(window)
    assert [f.file_name for f in evidence.for_entry(window.db, newer)] == [
        "báo cáo.xlsx",
        "tờ trình.pdf",
    ]
    assert panel.history.item(0, EVIDENCE_COLUMN).text() == "2"


@pytest.mark.parametrize("which", ["51 MB", "missing"])
def test_a_file_too_big_or_gone_is_refused_with_a_message(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    task_with_two_entries: tuple[int, list[int]], which: str,
) -> None:  # fmt: skip
    task_id, _entries = task_with_two_entries
    panel = window.form.progress
    [good] = files(tmp_path / "in", ("tốt.pdf", b"%PDF ok"))
    if which == "51 MB":
        bad = tmp_path / "in" / "bản quét lớn.pdf"
        with open(bad, "wb") as handle:
            handle.truncate(51 * 1024 * 1024)
        expected = "Tệp «bản quét lớn.pdf» nặng 51 MB, quá giới hạn 50 MB cho một minh chứng."
    else:
        bad = tmp_path / "in" / "đã chuyển đi.pdf"
        expected = f"Không tìm thấy tệp «{bad}»."
    steps_before = window.undo_stack.count()
    said: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    when_modal(QMessageBox, read_and_close)
    answer_file_dialogs(monkeypatch, good, bad)
    click(qtbot, panel.attach_button)
    qtbot.waitUntil(lambda: bool(said))

    assert said[0].startswith(expected)
    assert "Chưa lưu tệp nào" in said[0]
    assert evidence.for_task(window.db, task_id) == []
    with window.db.read() as session:
        from sqlalchemy import text

        assert session.execute(text("SELECT count(*) FROM attachment_content")).scalar() == 0
    assert window.undo_stack.count() == steps_before
    assert panel.history.item(0, EVIDENCE_COLUMN).text() == ""


def test_the_panel_at_1366x768(
    window: MainWindow, qtbot: QtBot, tmp_path: Path,
    task_with_two_entries: tuple[int, list[int]],
) -> None:  # fmt: skip
    """The evidence row fits under the history on the office screen, every button
    whole and readable."""
    task_id, (newer, _older) = task_with_two_entries
    evidence.add_files(
        window.db, newer,
        files(tmp_path / "in", ("Biên bản kiểm tra.pdf", os.urandom(3000)),
              ("ảnh.jpg", b"\xff\xd8" * 99)),
    )  # fmt: skip
    show_again(window, qtbot, task_id)
    panel = window.form.progress
    assert window.width() <= 1366 and window.height() <= 768
    window.form.progress.grab().save(str(tmp_path / "progress-panel.png"))
    window.grab().save(str(tmp_path / "window.png"))
    for button in (panel.attach_button, panel.open_evidence_button,
                   panel.remove_evidence_button):  # fmt: skip
        assert button.isVisible()
        assert button.width() >= button.sizeHint().width()
        assert panel.rect().contains(button.geometry().translated(
            button.mapTo(panel, button.rect().topLeft()) - button.geometry().topLeft()
        ))  # fmt: skip
    assert panel.evidence_files.currentText().startswith("Biên bản kiểm tra.pdf")
    assert panel.earlier_label.isVisible()
    os.environ.get("EVIDENCE_SHOTS") and (
        window.grab().save(os.environ["EVIDENCE_SHOTS"] + "/window.png"),
        panel.grab().save(os.environ["EVIDENCE_SHOTS"] + "/panel.png"),
    )


def test_content_left_by_last_sessions_removals_is_purged_at_start(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A file removed (or its task deleted) keeps its bytes while Ctrl+Z can bring it
    back; the next start, with an empty undo stack, drops them from the data file."""
    from sqlalchemy import text

    from dienchau_desktop.app import build_window
    from dienchau_desktop.db.database import Database
    from dienchau_desktop.services import plans

    path = tmp_path / "ke-hoach.sqlite3"
    db = Database.open(path)
    plan = plans.create_plan(db, "KH", year=2026).id
    half, _year = periods.create_standard_periods(db, plan, 2026)
    task = items.add_item(db, plan, "task", "Nhiệm vụ").id
    entry = progress.record_progress(db, task, half.id, status="in_progress", percent=10)
    kept, gone = evidence.add_files(
        db, entry.id, files(tmp_path / "in", ("giữ.pdf", b"kept"), ("gỡ.pdf", b"gone"))
    )
    evidence.remove(db, gone.id)
    db.close()

    main = build_window(path, create=False)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)

    def contents() -> int:
        with main.db.read() as session:
            return int(session.execute(text("SELECT count(*) FROM attachment_content")).scalar())

    try:
        qtbot.waitUntil(lambda: contents() == 1)
        assert evidence.for_task(main.db, task) == [kept]
        assert evidence.copy_out(main.db, kept.id, tmp_path / "k.pdf").read_bytes() == b"kept"
    finally:
        main.db.close()


def test_progress_recorded_then_evidence_attached_undone_and_redone_together(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ghi tiến độ, then attach its scan: Ctrl+Z twice takes both away, Ctrl+Y twice
    brings the entry and its scan back."""
    task = task_titled(window, "Chủ trì, phối hợp triển khai")
    click_item(qtbot, window, task.id)
    panel = window.form.progress
    choose(qtbot, panel.status, "Đang thực hiện")
    click(qtbot, panel.record_button)
    [entry] = progress.history(window.db, task.id)
    [scan] = files(tmp_path / "in", ("Báo cáo kết quả.pdf", os.urandom(7000)))
    answer_file_dialogs(monkeypatch, scan)
    click(qtbot, panel.attach_button)
    assert [f.file_name for f in evidence.for_entry(window.db, entry.id)] == ["Báo cáo kết quả.pdf"]

    with_scan = QCoreApplication.translate(
        "ProgressPanel", "Earlier entries — evidence: %n file(s), %1", "", 1
    ).replace("%1", "6,8 KB")
    assert panel.earlier_label.text() == with_scan

    undo(window)
    undo(window)
    assert progress.history(window.db, task.id) == []
    assert evidence.for_task(window.db, task.id) == []
    assert panel.history.rowCount() == 0
    assert panel.earlier_label.text() == QCoreApplication.translate(
        "ProgressPanel", "Earlier entries"
    )
    assert not panel.attach_button.isEnabled()

    redo(window)
    redo(window)
    [again] = progress.history(window.db, task.id)
    assert [f.file_name for f in evidence.for_entry(window.db, again.id)] == ["Báo cáo kết quả.pdf"]
    assert panel.history.item(0, EVIDENCE_COLUMN).text() == "1"
    assert panel.earlier_label.text() == with_scan


def test_a_closed_periods_entry_shows_its_evidence_read_only(
    window: MainWindow, qtbot: QtBot, tmp_path: Path,
    task_with_two_entries: tuple[int, list[int]],
) -> None:  # fmt: skip
    task_id, (_newer, older) = task_with_two_entries
    evidence.add_files(window.db, older, files(tmp_path / "in", ("Biên bản.pdf", b"%PDF-1.4")))
    half = periods.list_periods(window.db, window.plan_id)[0]
    periods.set_period_closed(window.db, half.id, True)
    window.loading.reload_periods()
    show_again(window, qtbot, task_id)
    panel = window.form.progress

    click_row(qtbot, panel.history, panel.history.model().index(1, 0))  # the closed one
    assert panel.evidence_files.currentText() == "Biên bản.pdf (8 byte)"
    assert panel.open_evidence_button.isEnabled()
    assert not panel.remove_evidence_button.isEnabled()
    assert not panel.attach_button.isEnabled()

    click_row(qtbot, panel.history, panel.history.model().index(0, 0))  # the open one
    assert panel.attach_button.isEnabled()
    assert panel.evidence_files.count() == 0
    assert not panel.open_evidence_button.isEnabled()


def test_the_appendix_exported_from_the_window_names_the_evidence(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    task_with_two_entries: tuple[int, list[int]],
) -> None:  # fmt: skip
    """Attached in the panel, then Báo cáo → Xuất báo cáo…, the appendix in Excel with
    «Minh chứng» ticked: the task's row names its files."""
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QDialogButtonBox

    from dienchau_desktop.ui.reports_dialog import ReportsDialog
    from tests.ui.driving import close_message, press_button, tick

    task_id, _entries = task_with_two_entries
    panel = window.form.progress
    answer_file_dialogs(monkeypatch, *files(tmp_path / "in", ("Biên bản.pdf", b"%PDF-1"),
                                            ("Ảnh.jpg", b"\xff\xd8\xff")))  # fmt: skip
    click(qtbot, panel.attach_button)
    out = tmp_path / "phu-luc.xlsx"
    answer_file_dialogs(monkeypatch, out)
    done: list[bool] = []

    def export(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, "Phụ lục danh mục nhiệm vụ")
        choose(qtbot, dialog.format, "Excel (.xlsx)")
        columns = dialog.columns
        [row] = [r for r in range(columns.count()) if columns.item(r).text() == "Minh chứng"]
        tick(qtbot, columns, columns.indexFromItem(columns.item(row)), True)
        when_modal(QMessageBox, close_message)
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
        done.append(True)

    when_modal(ReportsDialog, export)
    window.act_export.trigger()
    assert done
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    heading = next(r for r in rows if r[0] == "STT")
    column = heading.index("Minh chứng")
    title = window.model.tree.node(task_id).title
    [task_row] = [r for r in rows if title in r]
    assert task_row[column] == "Biên bản.pdf; Ảnh.jpg"
