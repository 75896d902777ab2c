"""Starting the window: QApplication, translations, the data file, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from dienchau_desktop import paths
from dienchau_desktop.core.errors import UserError
from dienchau_desktop.services.startup import open_data_file
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.settings import AppSettings
from dienchau_desktop.ui.translations import install_translators


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


def run(db_path: Path | None) -> int:
    """Open the window on `db_path` (or the default data file); return the exit code."""
    app = application()
    path = db_path.expanduser().absolute() if db_path else paths.default_data_file()
    try:
        window = build_window(path)
    except UserError as error:
        QMessageBox.critical(
            None,
            app.translate("app", "Cannot open the data file"),
            f"{error.message}\n\n{error.hint}",
        )
        return error.exit_code
    window.show()
    code = app.exec()
    window.db.close()
    return code


def build_window(path: Path) -> MainWindow:
    """The main window on the data file at `path` (created with the sample plan if missing)."""
    application()
    db = open_data_file(path, paths.sample_plan_file())
    return MainWindow(db, AppSettings(), app_icon())
