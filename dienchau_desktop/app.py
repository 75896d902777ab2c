"""Starting the window: QApplication, translations, the log and the exception hook, one
instance per data file, the data file (with ways out when it cannot be opened), the
main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from dienchau_desktop import heap, paths
from dienchau_desktop.core.errors import DataFileError, UserError
from dienchau_desktop.db.database import Database
from dienchau_desktop.logs import setup_logging
from dienchau_desktop.services import data_file
from dienchau_desktop.services.startup import open_data_file
from dienchau_desktop.ui.crash import install_exception_hook
from dienchau_desktop.ui.first_paint import when_painted
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.settings import AppSettings
from dienchau_desktop.ui.single_instance import SingleInstance
from dienchau_desktop.ui.startup_problem import ask_recovery
from dienchau_desktop.ui.translations import install_translators

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The QApplication, with its names, icon and translators installed (once)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    if not app.property("dienchau-ready"):
        app.setApplicationName(paths.APP_NAME)
        app.setOrganizationName(paths.APP_NAME)
        app.setWindowIcon(app_icon())
        # Before any widget exists, so every string is created translated.
        install_translators(app, AppSettings().language)
        app.setApplicationDisplayName(app.translate("app", "Plan tracker"))
        app.setProperty("dienchau-ready", True)
    return app


def app_icon() -> QIcon:
    return QIcon(str(paths.resources_dir() / "icons" / "app.svg"))


def run(db_path: Path | None, quit_after_paint: bool = False) -> int:
    """Open the window on `db_path` (or the default data file); return the exit code.
    With `quit_after_paint` the window closes itself (as if the user closed it) once it
    has been painted, printing "PAINTED": the smoke test of the packaged program."""
    setup_logging()
    app = application()
    install_exception_hook()
    path = db_path.expanduser().absolute() if db_path else paths.default_data_file()
    # The default file is made (with the sample plan) on first run; a file named on
    # the command line that does not exist is a question for the user.
    opened = open_with_recovery(path, create=db_path is None)
    if isinstance(opened, int):
        return opened
    window, instance = opened
    if quit_after_paint:
        when_painted(window, lambda: (print("PAINTED", flush=True), window.close()))
    window.show()
    window.schedule_start_backup()
    code = app.exec()
    window.db.close()
    instance.release()
    return code


def open_with_recovery(path: Path, create: bool) -> tuple[MainWindow, SingleInstance] | int:
    """The window on `path`, holding its lock; or the exit code when the user gives up.

    A data file in use by another window brings that window forward instead; one that
    cannot be opened is explained, with its ways out (restore, create, another file).
    """
    app = application()
    while True:
        instance = SingleInstance(path)
        if not instance.acquire():
            if instance.ask_running_to_show():
                log.info("%s is open in another window: brought it forward", path)
                return 0
            QMessageBox.warning(
                None,
                app.translate("app", "Cannot open the data file"),
                app.translate("app", "The data file is open in another program:\n%1").replace(
                    "%1", str(path)
                ),
            )
            return 4
        try:
            window = build_window(path, create=create)
        except DataFileError as error:
            instance.release()
            log.warning("cannot open %s: %s", path, error)
            recovery = ask_recovery(error, path)
            if recovery is None:
                return error.exit_code
            if recovery.action == "restore" and recovery.backup is not None:
                try:
                    data_file.restore(recovery.backup, path)
                except UserError as restore_error:
                    QMessageBox.critical(None, app.translate("app", "Cannot restore"),
                                         restore_error.message)  # fmt: skip
                    return restore_error.exit_code
            path, create = recovery.path, recovery.action == "create"
            continue
        instance.activation_requested.connect(window.bring_to_front)
        # Later starts are answered once the window is on screen (see single_instance).
        when_painted(window, instance.listen)
        return window, instance


def build_window(path: Path, create: bool = True) -> MainWindow:
    """The main window on the data file at `path` (created with the sample plan if missing
    and `create`)."""
    application()
    if create:
        db = open_data_file(path, paths.sample_plan_file(), defer_large_check=True)
    else:
        db = Database.open(path, create=False, defer_large_check=True)
    window = MainWindow(db, AppSettings(), app_icon())
    window.schedule_integrity_check()
    # Leftovers of a backup or restore killed midway, once the window is on screen.
    when_painted(window, lambda: data_file.tidy(window.db.path))
    heap.settle()
    return window
