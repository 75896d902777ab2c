"""Starting the window: QApplication, the data file, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from dienchau_desktop import paths
from dienchau_desktop.core.errors import UserError
from dienchau_desktop.services import items, plans
from dienchau_desktop.services.startup import open_data_file
from dienchau_desktop.ui.plan_window import PlanWindow


def run(db_path: Path | None) -> int:
    """Open the window on `db_path` (or the default data file); return the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName("Theo dõi kế hoạch")
    path = db_path.expanduser().absolute() if db_path else paths.default_data_file()
    try:
        window = build_window(path)
    except UserError as error:
        QMessageBox.critical(None, "Không mở được tệp dữ liệu", f"{error.message}\n\n{error.hint}")
        return error.exit_code
    window.show()
    return app.exec()


def build_window(path: Path) -> PlanWindow:
    """The main window on the data file at `path` (created with the sample plan if missing)."""
    db = open_data_file(path, paths.sample_plan_file())
    try:
        plan_id = plans.default_plan_id(db)
        header = plans.get_plan(db, plan_id) if plan_id else None
        tree = items.plan_tree(db, plan_id) if plan_id else None
    finally:
        db.close()
    return PlanWindow(str(path), header, tree)
