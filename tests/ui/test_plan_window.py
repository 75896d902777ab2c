"""The main window opens on the sample plan, in Vietnamese, and refuses bad files kindly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from dienchau_desktop import app, paths
from dienchau_desktop.app import build_window
from dienchau_desktop.ui.main_window import MainWindow
from tests.ui.conftest import visible_rows
from tests.ui.driving import when_modal


def test_window_shows_the_sample_plan_in_vietnamese(window: MainWindow) -> None:
    rows = visible_rows(window)
    assert rows[0] == "I. MỤC ĐÍCH, YÊU CẦU"
    assert "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU" in rows
    assert "III. TỔ CHỨC THỰC HIỆN" in rows
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Tệp", "Sửa", "Xem", "Kế hoạch", "Báo cáo", "Trợ giúp"]
    header = [window.model.headerData(c, _horizontal()) for c in range(6)]
    assert header == ["Số", "Nội dung", "Chủ trì", "Thời hạn", "Trạng thái", "%"]
    assert window.count_label.text() == "36 nhiệm vụ"
    assert str(paths.default_data_file()) in window.file_label.text()
    # It opens on the first task, so the form is never blank.
    assert window.form.title.toPlainText().startswith("Tổ chức quán triệt")
    assert window.form.heading.text() == "Nhiệm vụ II.1.a)"


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_a_bad_data_file_gets_a_dialog_not_a_traceback(
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    from dienchau_desktop.ui import startup_problem

    bad = tmp_path / "hong.sqlite3"
    bad.write_bytes(b"\x00" * 4096)
    asked = []
    real = app.ask_recovery
    # Watched, not replaced: the real box is shown, and answered below.
    monkeypatch.setattr(app, "ask_recovery",
                        lambda error, path: asked.append(error) or real(error, path))  # fmt: skip
    shown: list[tuple[str, list[str]]] = []

    def quit_(box: QMessageBox) -> None:
        buttons = box.buttons()
        shown.append((box.text(), [b.text() for b in buttons]))
        quit_button = next(b for b in buttons if b.text() == "Thoát")
        qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)

    when_modal(QMessageBox, quit_)
    assert app.run(bad) == 4
    [error] = asked
    assert "không phải tệp dữ liệu của chương trình" in error.message
    assert startup_problem.options(error, bad) == ["choose"]  # no backup to offer
    [(text, buttons)] = shown
    assert error.message in text
    assert buttons == ["Mở tệp khác…", "Thoát"]
    assert bad.read_bytes() == b"\x00" * 4096


def test_the_window_remembers_its_geometry_and_splitter(qtbot: QtBot) -> None:
    first = build_window(paths.default_data_file())
    qtbot.addWidget(first)
    first.show()
    assert first.isMaximized()  # a first start fills the screen
    first.showNormal()  # "Restore down", then a smaller window
    first.resize(760, 600)  # within the offscreen screen, which restoreGeometry respects
    qtbot.waitUntil(lambda: first.width() == 760)
    before = first.splitter.sizes()
    drag(qtbot, first.splitter.handle(1), 60)  # the tree wider, the form narrower
    qtbot.wait(10)
    sizes = first.splitter.sizes()
    assert sizes[0] > before[0] and sizes[1] < before[1]
    first.close()
    first.db.close()
    second = build_window(paths.default_data_file())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (760, 600)
    assert second.splitter.sizes() == sizes
    assert (paths.data_dir() / "settings.ini").exists()
    second.db.close()


def drag(qtbot: QtBot, handle: QWidget, dx: int) -> None:
    """Drag a splitter's handle `dx` pixels sideways with the left button held."""
    start = handle.rect().center()
    end = QPoint(start.x() + dx, start.y())
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    for point in (QPoint(start.x() + dx // 2, start.y()), end):
        move = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(point),
                           QPointF(handle.mapToGlobal(point)), Qt.MouseButton.NoButton,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
        QApplication.sendEvent(handle, move)
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=end)
