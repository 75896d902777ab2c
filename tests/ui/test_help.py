"""Trợ giúp → Hướng dẫn sử dụng (F1): the user guide ships with the program, opens from
the menu and from F1, and its contents move to the section chosen."""

from __future__ import annotations

import html
import re
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dienchau_desktop import paths
from dienchau_desktop.ui.help_dialog import (
    MARGIN,
    PREFERRED_SIZE,
    HelpDialog,
    guide_file,
    sections,
)
from dienchau_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def guide_text() -> str:
    return guide_file().read_text(encoding="utf-8")


def open_guides(main: MainWindow) -> list[HelpDialog]:
    return [d for d in main.findChildren(HelpDialog) if d.isVisible()]


# ---------------------------------------------------------------------- the file


def test_the_guide_is_in_the_resources_folder() -> None:
    path = guide_file()
    assert path == paths.resources_dir() / "help" / "huong-dan.html"
    assert path.is_file()
    text = guide_text()
    assert '<meta charset="utf-8">' in text  # opened in a web browser too
    assert "Hướng dẫn sử dụng" in text
    assert "Nhập kế hoạch từ văn bản" in text


def test_every_link_of_the_guide_leads_to_a_section_of_it() -> None:
    text = guide_text()
    targets = set(re.findall(r'href="#([^"]+)"', text))
    anchors = set(re.findall(r'id="([^"]+)"', text))
    assert targets and targets <= anchors
    assert not re.findall(r'href="(?!#)', text), "offline: no link leaves the guide"


def test_the_guide_covers_the_yearly_cycle() -> None:
    document = QTextDocument()
    document.setHtml(guide_text())
    titles = [section.title for section in sections(document)]
    for step in (
        "Bước 1. Nhập kế hoạch từ văn bản",
        "Bước 2. Kiểm tra cơ quan chủ trì, đặt thời hạn",
        "Bước 3. Tạo các kỳ báo cáo",
        "Bước 4. Ghi tiến độ từng nhiệm vụ",
        "Bước 5. Gửi mẫu báo cáo cho đơn vị và nhập báo cáo đơn vị gửi về",
        "Bước 7. Xuất báo cáo 6 tháng, báo cáo năm (PDF và Excel)",
        "Bước 8. Gửi báo cáo qua thư điện tử",
        "Sao lưu và khôi phục dữ liệu",
        "Phím tắt",
    ):
        assert step in titles
    plain = document.toPlainText()
    for words in ("Tạo các kỳ thường lệ", "Ghi tiến độ", "Ctrl+I", "Mẫu báo cáo gửi đơn vị",
                  "Excel (.xlsx)", "Tệp khác (USB)…", "F1"):  # fmt: skip
        assert words in plain


def test_the_package_carries_the_guide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """build/dienchau_desktop.spec run with PyInstaller's names stood in: the guide is
    among the data files the folder gets, past the spec's `wanted()` filter."""
    collected: dict[str, list] = {}

    class Analysis:
        def __init__(self, scripts, datas=(), **_options) -> None:
            self.scripts, self.pure, self.binaries = scripts, [], []
            self.datas = []
            for source, folder in datas:  # a folder brings every file below it
                source = Path(source)
                files = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() \
                    else [source]  # fmt: skip
                for file in files:
                    inside = file.relative_to(source) if source.is_dir() else Path(file.name)
                    self.datas.append((f"{folder}/{inside.as_posix()}", str(file), "DATA"))

    def collect(_exe, _binaries, datas, **_options) -> None:
        collected["datas"] = datas

    stub = types.ModuleType("PyInstaller.depend.bindepend")
    stub.get_imports = lambda _path: []
    for name in ("PyInstaller", "PyInstaller.depend"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", stub)
    spec = ROOT / "build" / "dienchau_desktop.spec"
    names = {
        "SPECPATH": str(spec.parent), "workpath": str(tmp_path), "Analysis": Analysis,
        "PYZ": lambda *_a, **_k: None, "EXE": lambda *_a, **_k: None, "COLLECT": collect,
        "__name__": "spec",
    }  # fmt: skip
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), names)
    shipped = {dest: Path(source) for dest, source, _kind in collected["datas"]}
    assert shipped["resources/help/huong-dan.html"] == guide_file()


# ---------------------------------------------------------------------- the window


# Asked again, the open guide is raised, which the offscreen platform cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_help_menu_opens_the_guide(window: MainWindow, qtbot: QtBot) -> None:
    help_menu = window.act_about.associatedObjects()[0]
    entries = [a for a in help_menu.actions() if not a.isSeparator()]
    assert entries[:2] == [window.act_help, window.act_about]  # the guide first
    assert window.act_help.text() == "&Hướng dẫn sử dụng"
    assert window.act_help.shortcut().toString() == "F1"

    window.act_help.trigger()
    qtbot.waitUntil(lambda: len(open_guides(window)) == 1)
    guide = open_guides(window)[0]
    assert guide.windowTitle() == "Hướng dẫn sử dụng"
    shown = guide.browser.toPlainText()
    assert "Hướng dẫn sử dụng chương trình Theo dõi kế hoạch" in shown
    assert "Bước 1. Nhập kế hoạch từ văn bản" in shown
    assert "Tệp → Nhập kế hoạch từ văn bản…" in shown
    assert not guide.isModal()  # she reads it while she works

    window.act_help.trigger()  # again: the same window, not a second one
    assert window.findChildren(HelpDialog) == [guide]


def test_f1_opens_the_guide(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: len(open_guides(window)) == 1)
    assert "Ghi tiến độ" in open_guides(window)[0].browser.toPlainText()


def test_the_guide_names_the_menus_as_the_window_shows_them(window: MainWindow) -> None:
    """Every «Menu → Entry» the guide names is in the real window's menus."""
    shown = set()
    for top in window.menuBar().actions():
        menu_name = top.text().replace("&", "")
        shown.add(menu_name)
        for entry in top.menu().actions():
            if not entry.isSeparator():
                shown.add(f"{menu_name} → {entry.text().replace('&', '')}")
    named = re.findall(r'<span class="menu">(.*?)</span>', guide_text(), re.DOTALL)
    named = {html.unescape(" ".join(n.split())) for n in named}
    assert "Tệp → Nhập báo cáo của đơn vị…" in named
    assert named <= shown, named - shown


def click_contents(guide: HelpDialog, qtbot: QtBot, anchor: str) -> None:
    row = [s.anchor for s in guide.sections].index(anchor)
    item = guide.contents.item(row)
    guide.contents.scrollToItem(item)
    rect = guide.contents.visualItemRect(item)
    qtbot.mouseClick(guide.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def heading_top(guide: HelpDialog, anchor: str) -> float:
    section = next(s for s in guide.sections if s.anchor == anchor)
    document = guide.browser.document()
    return document.documentLayout().blockBoundingRect(document.findBlock(section.position)).top()


def test_the_contents_move_to_the_section(window: MainWindow, qtbot: QtBot) -> None:
    window.act_help.trigger()
    guide = open_guides(window)[0]
    qtbot.waitExposed(guide)
    bar = guide.browser.verticalScrollBar()
    assert bar.value() == 0
    assert len(guide.sections) >= 10

    click_contents(guide, qtbot, "ghi-tien-do")
    assert bar.value() > 0
    assert abs(bar.value() - heading_top(guide, "ghi-tien-do")) < 20  # its heading on top
    assert guide.current_section().anchor == "ghi-tien-do"
    assert guide.contents.currentItem().text() == "Bước 4. Ghi tiến độ từng nhiệm vụ"

    click_contents(guide, qtbot, "nhap-ke-hoach")  # back up
    assert abs(bar.value() - heading_top(guide, "nhap-ke-hoach")) < 20


def test_a_link_inside_the_guide_moves_to_its_section(window: MainWindow, qtbot: QtBot) -> None:
    """A click on «Sao lưu và khôi phục dữ liệu» in the guide's own table of contents."""
    window.act_help.trigger()
    guide = open_guides(window)[0]
    qtbot.waitExposed(guide)
    found = guide.browser.document().find("Sao lưu và khôi phục dữ liệu")
    assert found.charFormat().isAnchor()  # the link, first on the page
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    point = guide.browser.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(guide.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    bar = guide.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert abs(bar.value() - heading_top(guide, "sao-luu")) < 20
    assert guide.current_section().anchor == "sao-luu"


def test_words_are_found_in_the_guide(window: MainWindow, qtbot: QtBot) -> None:
    window.act_help.trigger()
    guide = open_guides(window)[0]
    qtbot.keyClicks(guide.find_box, "Ctrl+I")
    qtbot.keyClick(guide.find_box, Qt.Key.Key_Return)
    assert guide.browser.textCursor().selectedText() == "Ctrl+I"
    assert guide.browser.verticalScrollBar().value() > 0
    assert guide.not_found.isHidden()

    guide.find_box.clear()
    qtbot.keyClicks(guide.find_box, "qwertyuiop")
    qtbot.keyClick(guide.find_box, Qt.Key.Key_Return)
    assert not guide.not_found.isHidden()


def test_the_guide_fits_a_1366_by_768_screen(window: MainWindow) -> None:
    width, height = PREFERRED_SIZE
    assert width + MARGIN <= 1366 and height + MARGIN <= 768 - 40  # taskbar
    window.act_help.trigger()
    guide = open_guides(window)[0]
    room = guide.screen().availableGeometry()
    assert guide.width() <= room.width() and guide.height() <= room.height()
    guide.close()
    QApplication.processEvents()
    assert not open_guides(window)
