"""The main window's action table: its actions with their shortcuts and icons, the
menu bar and the toolbar.

Every action runs its slot bare, after a title being typed in the tree is saved.
Its strings keep the main window's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QToolBar, QWidget

from dienchau_desktop import paths
from dienchau_desktop.ui import filtered_export, mail_drafting

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow


def _action(
    window: MainWindow,
    text: str,
    slot: Any,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    icon: str | None = None,
    tree_only: bool = False,
    on_tree: bool = False,
) -> QAction:
    """`tree_only`: its shortcut works in the tree alone. `on_tree` (and `tree_only`):
    it acts on the plan's items, whose tab comes into view first."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(QIcon(str(paths.resources_dir() / "icons" / f"{icon}.svg")))
    if tree_only:
        # Delete, Insert, Ctrl+Up… act on the tree only, never inside a text field.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.tree.addAction(action)
    # `triggered` sends a bool; a slot with an optional parameter would take it
    # for its argument (an import once got `False` for its file). Call it bare.
    shows_tree = tree_only or on_tree
    action.triggered.connect(lambda _checked=False: _run_action(window, slot, shows_tree))
    return action


def _run_action(window: MainWindow, slot: Any, shows_tree: bool) -> None:
    # From the overview tab, by a toolbar button or the menu: the plan's tab comes
    # into view first (the tree, or the units' view, which follows the tree's edits),
    # so she sees the task added, its title open for typing, moved or asked about; a
    # task was added out of sight.
    if shows_tree and window.tabs.currentWidget() is not window.splitter:
        window.tabs.setCurrentWidget(window.splitter)
    # A title being typed in the tree is saved first, as leaving the field would:
    # toolbar buttons take no focus, so "Add task" came while the editor was open
    # and could not open its own.
    tree = window.tree
    if tree.state() == QAbstractItemView.State.EditingState:
        viewport = tree.viewport()
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for editor in viewport.findChildren(QWidget, options=direct):
            if editor.isVisible():  # the open editor is the viewport's visible child
                tree.commitData(editor)
                tree.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    slot()


def build_actions(window: MainWindow) -> None:
    """The window's actions, as `window.act_*`, with their shortcuts and icons."""
    window.act_add_section = _action(
        window,
        QCoreApplication.translate("MainWindow", "Add &section"),
        window.editing.add_section,
        "Ctrl+Shift+N",
        "add-section",
        on_tree=True,
    )
    window.tree.addAction(window.act_add_section)  # in the tree's context menu too
    window.act_add_task = _action(
        window,
        QCoreApplication.translate("MainWindow", "Add &task"),
        window.editing.add_task,
        "Ins",
        "add-task",
        tree_only=True,
    )
    window.act_add_child = _action(
        window,
        QCoreApplication.translate("MainWindow", "Add s&ub-item"),
        window.editing.add_child,
        "Ctrl+Ins",
        "add-child",
        tree_only=True,
    )
    # Before Delete: so in the tree's own menu too, where several rows are right-clicked.
    window.act_change_selected = _action(
        window,
        QCoreApplication.translate("MainWindow", "C&hange selected items…"),
        window.batch.change_selected,
        # Alt+Enter: the properties of what is selected, as in Windows' own folders.
        "Alt+Return",
        tree_only=True,
    )
    window.act_change_selected.setShortcuts([QKeySequence("Alt+Return"), QKeySequence("Alt+Enter")])
    window.act_delete = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Delete…"),
        window.batch.delete,  # the selected items; the current one when it is alone
        QKeySequence.StandardKey.Delete,
        "delete",
        tree_only=True,
    )
    window.act_up = _action(
        window,
        QCoreApplication.translate("MainWindow", "Move &up"),
        lambda: window.batch.move("up"),
        "Ctrl+Up",
        "move-up",
        tree_only=True,
    )
    window.act_down = _action(
        window,
        QCoreApplication.translate("MainWindow", "Move do&wn"),
        lambda: window.batch.move("down"),
        "Ctrl+Down",
        "move-down",
        tree_only=True,
    )
    window.act_indent = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Indent"),
        lambda: window.batch.move("indent"),
        "Alt+Right",
        "indent",
        tree_only=True,
    )
    window.act_outdent = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Outdent"),
        lambda: window.batch.move("outdent"),
        "Alt+Left",
        "outdent",
        tree_only=True,
    )
    window.act_rename = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Rename in place"),
        window.editing.rename_selected,
        "F2",
        tree_only=True,
    )
    window.act_find = _action(
        window, QCoreApplication.translate("MainWindow", "&Find"), window.focus_search, "Ctrl+F"
    )
    window.act_clear_filter = _action(
        window, QCoreApplication.translate("MainWindow", "&Clear filter"), window.filtering.clear
    )
    window.act_go_form = _action(
        window, QCoreApplication.translate("MainWindow", "Go to the &form"), window.focus_form, "F6"
    )
    window.act_expand = _action(
        window, QCoreApplication.translate("MainWindow", "&Expand all"), window.tree.expandAll
    )
    window.act_collapse = _action(
        window, QCoreApplication.translate("MainWindow", "C&ollapse all"), window.tree.collapseAll
    )
    window.act_units = _action(
        window, QCoreApplication.translate("MainWindow", "&Units…"), window.open_units
    )
    window.act_export = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Export a report…"),
        window.open_reports,
        "Ctrl+E",
    )
    window.act_compose = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Compose an email with files…"),
        lambda: mail_drafting.compose_with_files(
            window.db, window.plan_id, window, window.settings
        ),
    )
    window.act_units_mail = _action(
        window,
        QCoreApplication.translate("MainWindow", "Send to the &units…"),
        lambda: mail_drafting.send_to_units(window.db, window.plan_id, window),
    )
    window.act_outbox = _action(
        window,
        QCoreApplication.translate("MainWindow", "Open the &outbox"),
        lambda: mail_drafting.open_outbox(window.db),
    )
    window.act_reminders = _action(
        window, QCoreApplication.translate("MainWindow", "&Reminders…"), window.reminders.reopen
    )
    window.act_export_filtered = _action(
        window,
        QCoreApplication.translate("MainWindow", "Export the &filtered tree…"),
        lambda: filtered_export.export_filtered(window),
    )
    window.act_print_filtered = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Print the filtered tree…"),
        lambda: filtered_export.print_filtered(window),
    )
    window.act_periods = _action(
        window, QCoreApplication.translate("MainWindow", "Reporting &periods…"), window.open_periods
    )
    window.act_overview = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Overview"),
        window.overview.show,
        "Ctrl+2",
    )
    window.act_plan_tab = _action(
        window,
        QCoreApplication.translate("MainWindow", "Plan &tree"),
        window.show_plan_tab,
        "Ctrl+1",
    )
    window.act_by_unit = _action(
        window,
        QCoreApplication.translate("MainWindow", "Tasks by &unit"),
        window.by_unit.show,
        "Ctrl+3",
    )
    window.act_plan_props = _action(
        window,
        QCoreApplication.translate("MainWindow", "Plan &properties…"),
        window.editing.edit_plan_properties,
    )
    window.act_settings = _action(
        window, QCoreApplication.translate("MainWindow", "&Settings…"), window.open_settings
    )
    window.act_backup = _action(
        window, QCoreApplication.translate("MainWindow", "&Back up now"), window.backups.backup_now
    )
    window.act_import_plan = _action(
        window,
        QCoreApplication.translate("MainWindow", "Import a &plan document…"),
        window.imports.import_plan,
    )
    window.act_import_returns = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Import units' returns…"),
        window.imports.import_returns,
        "Ctrl+I",
    )
    window.act_copy_out = _action(
        window,
        QCoreApplication.translate("MainWindow", "Save a &copy to another folder (USB)…"),
        window.backups.save_copy,
    )
    window.act_restore = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Restore from a backup…"),
        window.backups.open_restore,
    )
    window.act_quit = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Quit"),
        window.close,
        QKeySequence.StandardKey.Quit,
    )
    window.act_help = _action(
        window,
        QCoreApplication.translate("MainWindow", "&User guide"),
        window.show_help,
        QKeySequence.StandardKey.HelpContents,
    )
    window.act_about = _action(
        window, QCoreApplication.translate("MainWindow", "&About…"), window.show_about
    )

    window.act_undo = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Undo"),
        window.undo_stack.undo,
        QKeySequence.StandardKey.Undo,
        "undo",
    )
    window.act_redo = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Redo"),
        window.undo_stack.redo,
        "Ctrl+Y",
        "redo",
    )
    window.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    window.undo_stack.canUndoChanged.connect(window.act_undo.setEnabled)
    window.undo_stack.canRedoChanged.connect(window.act_redo.setEnabled)
    # Bound methods of the window, not lambdas: disconnected when the window goes.
    window.undo_stack.undoTextChanged.connect(window.undo_text_changed)
    window.undo_stack.redoTextChanged.connect(window.redo_text_changed)
    window.undo_stack.indexChanged.connect(window.undo_moved)
    window.act_undo.setEnabled(False)
    window.act_redo.setEnabled(False)


def build_menus(window: MainWindow) -> None:
    """The menu bar: File, Edit, View, Plan, Reports, Help."""
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addActions([window.act_import_plan, window.act_import_returns])
    file_menu.addSeparator()
    file_menu.addActions([window.act_backup, window.act_copy_out, window.act_restore])
    file_menu.addSeparator()
    file_menu.addAction(window.act_settings)
    file_menu.addSeparator()
    file_menu.addAction(window.act_quit)

    edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit.addActions([window.act_undo, window.act_redo])
    edit.addSeparator()
    edit.addActions([window.act_add_section, window.act_add_task, window.act_add_child])
    edit.addAction(window.act_rename)
    edit.addAction(window.act_change_selected)
    edit.addAction(window.act_delete)
    edit.addSeparator()
    edit.addActions([window.act_up, window.act_down, window.act_indent, window.act_outdent])
    edit.addSeparator()
    edit.addAction(window.act_find)

    view = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    # In the order of their shortcuts, Ctrl+1, 2 and 3.
    view.addActions([window.act_plan_tab, window.act_overview, window.act_by_unit])
    view.addSeparator()
    view.addActions([window.act_expand, window.act_collapse, window.act_clear_filter])
    view.addAction(window.act_go_form)
    view.addSeparator()
    view.addAction(window.act_reminders)

    plan_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Plan"))
    plan_menu.addActions([window.act_plan_props, window.act_units, window.act_periods])

    reports = bar.addMenu(QCoreApplication.translate("MainWindow", "&Reports"))
    reports.addAction(window.act_export)
    reports.addActions([window.act_export_filtered, window.act_print_filtered])
    reports.addSeparator()
    reports.addActions([window.act_compose, window.act_units_mail, window.act_outbox])

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addActions([window.act_help, window.act_about])


def build_toolbar(window: MainWindow) -> QToolBar:
    """The main toolbar, its buttons showing their shortcuts in their tooltips; the
    window adds its plan chooser at the end."""
    bar = window.addToolBar(QCoreApplication.translate("MainWindow", "Main toolbar"))
    bar.setObjectName("main-toolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    bar.addActions([window.act_undo, window.act_redo])
    bar.addSeparator()
    bar.addActions([window.act_add_section, window.act_add_task, window.act_add_child])
    bar.addAction(window.act_delete)
    bar.addSeparator()
    bar.addActions([window.act_up, window.act_down, window.act_outdent, window.act_indent])
    bar.addSeparator()
    for action in bar.actions():
        if action.toolTip() and action.shortcut().toString():
            native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().replace('&', '')} ({native})")
    return bar
