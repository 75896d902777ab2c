"""The window's checks, run inside the frozen program by build/smoke_test.py.

The bundle has no test runner: the smoke test starts the packaged program with
DIENCHAU_FROZEN_CHECKS naming this file (build/launcher.py runs it with the program's own
Python, Qt and plugins: under Wine and on Windows, Qt's real `windows` platform plugin)
and DIENCHAU_CHECKS_OUT naming a folder. Here, as a user would and as the window tests
do (tests/ui/test_every_action.py, test_reports_dialog.py):

1. the standard buttons are Vietnamese (qtbase_vi.qm is in the bundle and loaded);
2. the main window opens on DIENCHAU_DATA_DIR, is painted, and its picture is saved;
3. every action of every menu and toolbar is triggered, each dialog it opens answered
   (modal dialogs closed, message boxes «No», file and print dialogs cancelled);
4. the report dialog is shown (its picture saved), the appendix previewed: its PDF
   loaded by QPdfDocument (status Ready, its pages counted) and the preview pictured;
5. the preview's Print button prints through QPrinter to a PDF file (the print dialog
   answered OK);
6. Quit closes the window.

Everything goes to DIENCHAU_CHECKS_OUT: checks.json (what was seen; "errors" lists every
exception a slot raised), main-window.png, report-dialog.png, preview.png, the previewed
report (preview.pdf) and the printed one (printed.pdf). The smoke test reads them; it
exits 0 when this file ran to its end, whatever it found.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QAction, QDesktopServices, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolBar,
    QWidget,
)

OUT = Path(os.environ["DIENCHAU_CHECKS_OUT"])
seen: dict = {"errors": [], "dialogs": []}


def record_error(kind, value, tb) -> None:
    seen["errors"].append("".join(traceback.format_exception(kind, value, tb))[-3000:])


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        wait(20)
    return True


def picture(widget: QWidget, name: str) -> dict:
    """The widget as drawn, saved as a PNG; how many colours a sample of it holds (a
    window that was not painted is one colour)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    path = OUT / name
    image.save(str(path))
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), max(1, image.width() // 64))
        for y in range(0, image.height(), max(1, image.height() // 64))
    }
    return {"file": name, "width": image.width(), "height": image.height(),
            "colours": len(colours)}  # fmt: skip


def screen_picture(name: str) -> None:
    """With DIENCHAU_CHECKS_SCREEN set (a real screen, such as Xvfb under Wine's X11
    driver), the whole screen as the system shows it, window frames included."""
    if os.environ.get("DIENCHAU_CHECKS_SCREEN"):
        QApplication.primaryScreen().grabWindow(0).save(str(OUT / name))


def reachable_actions(window) -> list[QAction]:
    """The actions of every menu (and submenu) and every toolbar, once each, in order."""
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator() and action not in found:
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    for bar in window.findChildren(QToolBar):
        for action in bar.actions():
            if not action.isSeparator() and action.text() and action not in found:
                found.append(action)
    return found


def answer_dialogs() -> QTimer:
    """Close every modal dialog as soon as it shows; message boxes say «No», file
    dialogs are cancelled, the print dialog too, and nothing is opened outside."""

    def close_modal() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            seen["dialogs"].append(dialog.windowTitle())
            dialog.reject()

    def asked(title, answer):
        seen["dialogs"].append(title)
        return answer

    for name in ("question", "warning", "information", "critical"):
        setattr(QMessageBox, name, staticmethod(
            lambda _p, title, *_a, **_k: asked(title, QMessageBox.StandardButton.No)))  # fmt: skip
    QMessageBox.about = staticmethod(lambda _p, title, _t: asked(title, None))
    QFileDialog.getOpenFileName = staticmethod(
        lambda _p, title="", *_a, **_k: asked(title, ("", ""))
    )
    QFileDialog.getSaveFileName = staticmethod(
        lambda _p, title="", *_a, **_k: asked(title, ("", ""))
    )
    QFileDialog.getOpenFileNames = staticmethod(
        lambda _p, title="", *_a, **_k: asked(title, ([], ""))
    )
    QFileDialog.getExistingDirectory = staticmethod(
        lambda _p, title="", *_a, **_k: asked(title, "")
    )
    QPrintDialog.exec = lambda self: asked(self.windowTitle(), QDialog.DialogCode.Rejected)
    QDesktopServices.openUrl = staticmethod(lambda url: asked(url.toString(), True))
    timer = QTimer()
    timer.timeout.connect(close_modal)
    timer.start(30)
    return timer


def check_locale() -> None:
    """Vietnamese case mapping and collation, which Qt takes from ICU on Linux (whose data
    the Linux build cuts down: build/icu_data.py) and from Windows elsewhere."""
    from PySide6.QtCore import QCollator, QLocale

    vietnamese = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    seen["upper"] = vietnamese.toUpper("đường phố ơi")
    collator = QCollator(vietnamese)
    words = ["Đường", "Dương", "ăn", "an", "ấm", "Bắc", "bạc", "ơ", "o", "ô"]
    seen["collated"] = sorted(words, key=collator.sortKey)


def check_buttons() -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Close)  # fmt: skip
    seen["cancel_text"] = box.button(QDialogButtonBox.StandardButton.Cancel).text()
    seen["close_text"] = box.button(QDialogButtonBox.StandardButton.Close).text()
    box.deleteLater()


def check_window(window) -> None:
    painted = []
    from dienchau_desktop.ui.first_paint import when_painted

    when_painted(window, lambda: painted.append(True))
    window.show()
    seen["window_painted"] = wait_until(lambda: bool(painted))
    wait(300)
    seen["main_window"] = picture(window, "main-window.png")
    screen_picture("screen-main-window.png")


def check_every_action(window) -> None:
    from dienchau_desktop.services import plans

    timer = answer_dialogs()
    actions = reachable_actions(window)
    triggered = []
    for action in actions:
        if action is window.act_quit or not action.isEnabled():
            continue
        action.trigger()
        QApplication.processEvents()
        window.show_plan_tab()
        triggered.append(action.text().replace("&", ""))
    timer.stop()
    for widget in QApplication.topLevelWidgets():  # the help window and the like
        if widget is not window and widget.isVisible():
            widget.close()
    seen["actions"] = len(actions)
    seen["actions_triggered"] = triggered
    seen["plans_after_actions"] = len(plans.list_plans(window.db))


def check_report(window) -> None:
    from dienchau_desktop.ui.pdf_preview import PdfPreview
    from dienchau_desktop.ui.reports_dialog import ReportsDialog

    dialog = ReportsDialog(window.db, window.plan_id, window.settings, window)
    dialog.report.setCurrentIndex(dialog.report.findData("appendix"))
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.show()
    wait(500)
    seen["report_dialog"] = picture(dialog, "report-dialog.png")
    screen_picture("screen-report-dialog.png")
    dialog.preview_button.click()
    viewer = dialog.findChild(PdfPreview)
    seen["preview_shown"] = viewer is not None and viewer.isVisible()
    if viewer is None:
        dialog.reject()
        return
    document = viewer.document
    seen["pdf_status"] = document.status().name
    seen["pdf_ready"] = document.status() == QPdfDocument.Status.Ready
    seen["pdf_pages"] = document.pageCount()
    shutil.copyfile(viewer.path, OUT / "preview.pdf")
    wait(800)
    seen["preview"] = picture(viewer, "preview.png")
    screen_picture("screen-preview.png")

    printed = OUT / "printed.pdf"
    printer = viewer.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    viewer.make_printer = lambda: printer
    QPrintDialog.exec = lambda self: QDialog.DialogCode.Accepted  # she presses OK
    [button] = [b for b in viewer.findChildren(QPushButton) if b.text() in ("In…", "Print…")]
    button.click()
    seen["printed_bytes"] = printed.stat().st_size if printed.exists() else 0
    viewer.reject()
    dialog.reject()


def main() -> None:
    from dienchau_desktop import paths
    from dienchau_desktop.app import application, build_window

    sys.excepthook = record_error
    app = application()
    seen["platform"] = app.platformName()
    seen["style"] = app.style().name()
    check_buttons()
    check_locale()
    window = build_window(paths.default_data_file(), create=True)
    steps = (check_window, check_every_action, check_report)
    for step in steps:
        try:
            step(window)
        except Exception:  # reported; the next step still runs
            record_error(*sys.exc_info())
    window.act_quit.trigger()
    QApplication.processEvents()
    seen["closed_by_quit"] = not window.isVisible()
    window.db.close()


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        main()
    except Exception:
        record_error(*sys.exc_info())
    (OUT / "checks.json").write_text(json.dumps(seen, ensure_ascii=False, indent=1),
                                     encoding="utf-8")  # fmt: skip
    print("CHECKS WRITTEN", flush=True)
