"""The global exception hook: an unexpected error is logged with its traceback and
shown in a dialog that says what happened and where the log is; work goes on."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from dienchau_desktop.core.errors import UserError
from dienchau_desktop.logs import log_file

log = logging.getLogger("dienchau_desktop.crash")


def install_exception_hook() -> None:
    sys.excepthook = _hook


def _hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    details = "".join(traceback.format_exception(kind, error, tb))
    if isinstance(error, UserError):
        # A known problem that escaped a handler: it has its own words; no traceback.
        log.warning("%s", error)
        _show(QApplication.translate("crash", "Cannot do that"), str(error), "")
        return
    log.error("unexpected error\n%s", details)
    message = QApplication.translate(
        "crash",
        "Something went wrong inside the program. What you saved before is safe; the "
        "last action may not have been completed.\n\nThe details are written to:\n%1\n\n"
        "Please send that file to whoever looks after the program.",
    ).replace("%1", str(log_file()))
    _show(QApplication.translate("crash", "Unexpected error"), message, details)


def _show(title: str, text: str, details: str) -> None:
    if QApplication.instance() is None:
        print(f"{title}: {text}\n{details}", file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    if details:
        box.setDetailedText(details)
    box.exec()
