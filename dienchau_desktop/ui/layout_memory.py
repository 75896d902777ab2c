"""Layout memory: the main window opens as the user left it (its size and place, the
split between the tree and the form, the tree's columns, the form's own split), kept
through the typed settings (`AppSettings.window_layout`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dienchau_desktop.ui.settings import WindowLayout

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow

#: The tree's and the form's widths at a first start: the form's fields need 586 px.
FIRST_SPLIT = (780, 586)


def restore(window: MainWindow) -> None:
    """Lay `window` out as it was saved; at a first start, over the whole screen."""
    saved = window.settings.window_layout()
    window.resize(1280, 720)
    if saved.geometry is not None:
        window.restoreGeometry(saved.geometry)
    else:
        # First start: the whole screen (1366×768 leaves no room for a smaller window);
        # the geometry too, where no window manager carries out "maximized".
        screen = QApplication.primaryScreen()
        if screen is not None:
            window.setGeometry(screen.availableGeometry())
        window.setWindowState(Qt.WindowState.WindowMaximized)
    if saved.state is not None:
        window.restoreState(saved.state)
    if saved.splitter is not None:
        window.splitter.restoreState(saved.splitter)
    else:
        window.splitter.setSizes(list(FIRST_SPLIT))
    if saved.tree_header is not None:
        window.tree.header().restoreState(saved.tree_header)
    if saved.form_splitter is not None:
        window.form.restore_split_state(saved.form_splitter)


def save(window: MainWindow) -> None:
    """Keep how `window` is laid out now, for its next start."""
    window.settings.set_window_layout(
        WindowLayout(
            geometry=window.saveGeometry(),
            state=window.saveState(),
            splitter=window.splitter.saveState(),
            tree_header=window.tree.header().saveState(),
            form_splitter=window.form.split_state(),
        )
    )
    window.settings.sync()
