"""The window opens on the sample plan and shows its tree."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from dienchau_desktop import paths
from dienchau_desktop.app import build_window


def test_window_shows_the_sample_plan_tree(qtbot: QtBot, tmp_path: Path) -> None:
    window = build_window(paths.default_data_file())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    tree = window.tree
    top = [tree.topLevelItem(i).text(0) + " " + tree.topLevelItem(i).text(1) for i in range(3)]
    assert top == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
        "III. TỔ CHỨC THỰC HIỆN",
    ]
    police = tree.topLevelItem(2).child(2)
    assert police.text(1) == "Công an xã"
    first_duty = police.child(0)
    assert (first_duty.text(0), first_duty.text(2), first_duty.text(3)) == (
        "a)",
        "Công an xã",
        "Thường xuyên",
    )
    assert "Đề án 06" in first_duty.toolTip(1)
    assert window.statusBar().currentMessage() == "21 mục, 36 nhiệm vụ"
    assert paths.default_data_file().exists()


def test_a_bad_data_file_gets_a_dialog_not_a_traceback(
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dienchau_desktop import app

    bad = tmp_path / "hong.sqlite3"
    bad.write_bytes(b"\x00" * 4096)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text))
    )
    assert app.run(bad) == 4
    [(title, text)] = shown
    assert title == "Không mở được tệp dữ liệu"
    assert "không phải tệp dữ liệu của chương trình" in text
    assert bad.read_bytes() == b"\x00" * 4096
