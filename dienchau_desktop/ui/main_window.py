"""The main window: the plan tree beside the form of the selected item.

It holds the open `Database` (an engine, never a session or an ORM object), the undo
stack, and the latest snapshot of the plan; every change comes back as a `Change` on
the bus and the views refresh from the services.

The window builds its widgets and wires them to the helpers that do each job:
`actions` (menus, toolbar), `layout_memory`, `plan_loading`, `tree_filtering`,
`tree_patching` (following changes), `item_editing`, `batch_editing` (several items
selected, changed, moved or deleted together), `progress_recording`, `overview_tab`,
`backup_flow` and `import_flows`. What is left here is the current item, which the
form and the progress panel follow, and opening the dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QIcon, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop import version
from dienchau_desktop.core.errors import UserError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import progress
from dienchau_desktop.services.items import ItemNode
from dienchau_desktop.ui import actions, layout_memory
from dienchau_desktop.ui.backup_flow import BackupFlow
from dienchau_desktop.ui.batch_editing import BatchEditing
from dienchau_desktop.ui.change_bus import ChangeBus
from dienchau_desktop.ui.evidence_commands import EvidenceFlow
from dienchau_desktop.ui.filter_bar import FilterBar
from dienchau_desktop.ui.import_flows import ImportFlows
from dienchau_desktop.ui.item_editing import ItemEditing
from dienchau_desktop.ui.overview_page import OverviewPage
from dienchau_desktop.ui.overview_tab import OverviewTab
from dienchau_desktop.ui.plan_loading import PlanLoading
from dienchau_desktop.ui.plan_tree_view import PlanTreeView
from dienchau_desktop.ui.progress_recording import ProgressRecording
from dienchau_desktop.ui.quiet_tabs import QuietTabs
from dienchau_desktop.ui.reminders import ReminderFlow
from dienchau_desktop.ui.settings import AppSettings
from dienchau_desktop.ui.task_form import TaskForm
from dienchau_desktop.ui.tree_filtering import TreeFiltering
from dienchau_desktop.ui.tree_model import ITEM_ID_ROLE, PlanTreeModel
from dienchau_desktop.ui.tree_patching import TreePatching
from dienchau_desktop.ui.units_view import UnitsPane
from dienchau_desktop.ui.urgency_notice import UrgencyNotice
from dienchau_desktop.ui.wheel_guard import GuardedComboBox
from dienchau_desktop.ui.writer_wait import WriterWaitNotice


class MainWindow(QMainWindow):
    """The secretary's workspace for one data file."""

    def __init__(self, db: Database, settings: AppSettings, icon: QIcon | None = None) -> None:
        super().__init__()
        self.db = db
        self.writer_wait = WriterWaitNotice(self)
        self.db.on_wait = self.writer_wait
        self.settings = settings
        self.bus = ChangeBus(self)
        self.undo_stack = QUndoStack(self)
        self.plan_id: int | None = None
        self.backups = BackupFlow(self)
        self.imports = ImportFlows(self)
        if icon is not None:
            self.setWindowIcon(icon)

        self.model = PlanTreeModel(self)
        self.filtering = TreeFiltering(self)
        self.loading = PlanLoading(self)
        self.patching = TreePatching(self)
        self.tree = PlanTreeView()
        self.tree.setModel(self.model)
        self.form = TaskForm()
        self.recording = ProgressRecording(self)
        self.evidence = EvidenceFlow(self)
        self.reminders = ReminderFlow(self)  # the list of tasks due, once a day
        self.editing = ItemEditing(self)
        self.batch = BatchEditing(self)  # several items selected: changed or deleted together
        self.overview_page = OverviewPage()
        self.overview = OverviewTab(self)
        self.by_unit = UnitsPane(self)  # the units' view, in a stack with the tree

        actions.build_actions(self)
        actions.build_menus(self)
        self._build_toolbar()
        self._build_filter_bar()
        self._build_central()
        self._build_status_bar()
        self._connect()
        layout_memory.restore(self)

        self.loading.reload_plans()

    # ------------------------------------------------------------------ building

    def _build_toolbar(self) -> None:
        bar = actions.build_toolbar(self)
        self.plan_label = QLabel(self.tr("Plan:"))
        self.plan_chooser = GuardedComboBox()
        self.plan_chooser.setMinimumContentsLength(64)  # the toolbar has room at 1366 px
        self.plan_chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.plan_label_action = bar.addWidget(self.plan_label)
        self.plan_chooser_action = bar.addWidget(self.plan_chooser)

    def undo_moved(self, _index: int) -> None:
        # "Đã ghi tiến độ." and the like are stale once that step is undone or redone.
        self.statusBar().clearMessage()

    def undo_text_changed(self, text: str) -> None:
        self.act_undo.setText(
            self.tr("&Undo: %1").replace("%1", text) if text else self.tr("&Undo")
        )

    def redo_text_changed(self, text: str) -> None:
        self.act_redo.setText(
            self.tr("&Redo: %1").replace("%1", text) if text else self.tr("&Redo")
        )

    def _build_filter_bar(self) -> None:
        self.filter_bar = FilterBar(self.act_clear_filter)

    def _build_central(self) -> None:
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PlanTreeModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (PlanTreeModel.NUMBER, 112),
            (PlanTreeModel.LEAD, 150),
            (PlanTreeModel.DEADLINE, 100),
            (PlanTreeModel.STATUS, 130),  # "Quá hạn · Tạm dừng" whole
            (PlanTreeModel.PERCENT, 34),
        ):
            self.tree.setColumnWidth(column, width)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.setIndentation(16)  # five levels deep must still leave room for titles

        self.notice = UrgencyNotice()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.notice)
        column.addWidget(self.filter_bar)
        column.addWidget(self.by_unit.switch)
        column.addWidget(self.by_unit.stack)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.batch.with_bar(self.form))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QuietTabs()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("Plan"))
        self.tabs.addTab(self.overview_page, self.tr("Overview"))
        self.tabs.currentChanged.connect(lambda _i: self.overview.refresh_if_shown())
        self.setCentralWidget(self.tabs)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.file_label = QLabel()
        self.count_label = QLabel()
        self.backup_label = QLabel()
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.backup_label)
        bar.addPermanentWidget(self.file_label)
        self.file_label.setText(self.tr("Data file: %1").replace("%1", str(self.db.path)))
        self.file_label.setToolTip(str(self.db.path))

    def _connect(self) -> None:
        self.bus.changed.connect(self.patching.follow)
        self.notice.list_requested.connect(self.overview.show_overdue_list)
        self.bus.failed.connect(self.show_error)
        self.model.edit_requested.connect(
            lambda item_id, field, value: self.editing.edit_item(item_id, {field: value})
        )
        self.model.move_requested.connect(self.editing.drop_move)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        # Through the actions: disabled while several items are selected.
        self.tree.indent_requested.connect(self.act_indent.trigger)
        self.tree.outdent_requested.connect(self.act_outdent.trigger)
        self.batch.connect()
        self.form.edit_requested.connect(self.editing.form_edit)
        self.form.add_lead_unit_requested.connect(self.editing.add_lead_unit)
        self.form.progress.record_requested.connect(self.recording.record)
        self.overview_page.period_chosen.connect(self.overview.period_chosen)
        self.overview_page.open_item.connect(self.overview.open_item)
        self.plan_chooser.activated.connect(
            lambda _i: self.loading.show_plan(self.plan_chooser.currentData())
        )
        self.filter_bar.changed.connect(self.filtering.filter_changed)

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        # The form saves the field being typed in when it loses focus; make that happen.
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()
        if not self.recording.settle_before_close():
            event.ignore()
            return
        layout_memory.save(self)
        self.backups.back_up_quietly("close")
        super().closeEvent(event)

    # ------------------------------------------------------------------ selection

    def selected_id(self) -> int | None:
        index = self.tree.currentIndex()
        return index.data(ITEM_ID_ROLE) if index.isValid() else None

    def current_node(self) -> ItemNode | None:
        item_id = self.selected_id()
        return self.model.tree.node(item_id) if item_id is not None else None

    def select_item(self, item_id: int) -> None:
        index = self.model.index_for_id(item_id)
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        same_row = self.selected_id() == item_id
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)
        if same_row:  # else the form followed the new current row already
            self.show_in_form(self.model.tree.node(item_id))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.model.tree.node(current.data(ITEM_ID_ROLE)) if current.isValid() else None
        left = self.form.progress.node
        if left is not None and (node is None or node.id != left.id):
            self.recording.offer_unrecorded(left)
        # The form and its progress panel always follow the row the cursor is on: a
        # panel left on the previous task would record progress onto it.
        self.show_in_form(node)
        self.update_action_states()

    def show_progress_of(self, node: ItemNode | None) -> None:
        if node is not None and node.kind == "task":
            self.form.progress.show_task(node, progress.history(self.db, node.id))
        else:
            self.form.progress.show_task(None, [])

    def show_in_form(self, node: ItemNode | None) -> None:
        self.form.show_node(node, self.model.outline(node.id) if node else "")
        self.show_progress_of(node)

    def update_action_states(self) -> None:
        node = self.current_node()
        has = node is not None
        for action in (self.act_delete, self.act_up, self.act_down, self.act_indent,
                       self.act_outdent, self.act_rename):  # fmt: skip
            action.setEnabled(has)
        self.act_add_child.setEnabled(has and node.kind != "text")
        self.batch.update_action_states()
        plan_open = self.plan_id is not None
        for action in (self.act_add_section, self.act_add_task, self.act_plan_props):
            action.setEnabled(plan_open)

    # ------------------------------------------------------------------ tabs, focus, errors

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

    def focus_form(self) -> None:
        self.form.focus_title()

    def show_plan_tab(self) -> None:
        self.tabs.setCurrentWidget(self.splitter)
        self.by_unit.show_tree()

    def show_error(self, error: UserError) -> None:
        QMessageBox.warning(
            self, self.tr("Cannot do that"), f"{error.message}\n\n{error.hint}".strip()
        )

    def bring_to_front(self) -> None:
        """A second start on the same file asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def schedule_start_backup(self) -> None:
        self.backups.schedule_start_backup()

    def schedule_integrity_check(self) -> None:
        self.backups.schedule_integrity_check()

    # ------------------------------------------------------------------ dialogs

    def open_units(self) -> None:
        from dienchau_desktop.ui.units_dialog import UnitsDialog

        UnitsDialog(self.db, self.bus, self).exec()

    def open_reports(self) -> None:
        if self.plan_id is None:
            return
        from dienchau_desktop.ui.reports_dialog import ReportsDialog

        ReportsDialog(self.db, self.plan_id, self.settings, self).exec()

    def open_periods(self) -> None:
        if self.plan_id is None:
            return
        from dienchau_desktop.ui.periods_dialog import PeriodsDialog

        PeriodsDialog(self.db, self.bus, self.undo_stack, self.plan_id, self).exec()

    def open_settings(self) -> None:
        from dienchau_desktop.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.settings, self).exec()

    def show_help(self) -> None:
        """Trợ giúp → Hướng dẫn sử dụng (F1): the user guide, beside the window."""
        from dienchau_desktop.ui.help_dialog import show_help

        show_help(self)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "<b>Plan tracker</b> %1<br>Tracks the plans of the commune People's "
                "Committee, their tasks and progress.<br><br>Data file:<br>%2"
            )
            .replace("%1", version())
            .replace("%2", str(self.db.path)),
        )
