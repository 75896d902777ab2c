"""The units' view (Theo đơn vị), beside the plan tree: each unit with how many tasks it
leads, coordinates and has overdue, then those tasks in two groups ("Chủ trì",
"Phối hợp") with their state, deadline and last report.

A switch above the tree («Theo kế hoạch | Theo đơn vị») shows one or the other under
the same filter bar, whose filter applies to both. The view is made from the plan the
window holds (services.unit_view), only while it is shown: after a change it is marked
stale and made again when next shown (at once when it is on screen). A task opens in
the plan tree by double-click or Enter; from a unit, by its context menu or the buttons
under the view, its task list and its return form are exported and its email drafted.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QAction, QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.deadline import format_date
from dienchau_desktop.core.errors import UserError, os_reason
from dienchau_desktop.core.status import Urgency
from dienchau_desktop.reports import unit_drafts
from dienchau_desktop.reports.export import ExportRequest, export_report
from dienchau_desktop.reports.file_names import report_file_name
from dienchau_desktop.services import periods, plans, units
from dienchau_desktop.services.overview import choose_period
from dienchau_desktop.services.periods import PeriodInfo
from dienchau_desktop.services.unit_view import (
    COORDINATE,
    LEAD,
    LineCache,
    UnitTask,
    UnitTasks,
    build_units_view,
)
from dienchau_desktop.ui import mail_drafting
from dienchau_desktop.ui.settings import ExportChoices
from dienchau_desktop.ui.tree_filter import apply_filter
from dienchau_desktop.ui.tree_model import URGENCY_BACKGROUNDS, status_icon

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

#: The task a row shows (None on a unit's or a group's row).
TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 11
#: The unit a row belongs to (on every row).
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 12

#: Up to this many task rows, a filter opens every unit and group to show them.
EXPAND_ALL_ROWS = 400

_UNIT, _GROUP, _TASK = range(3)


def _tree_words(text: str) -> str:
    """The plan tree's own words for the states and headings: one translation."""
    return QCoreApplication.translate("PlanTreeModel", text)


class UnitsModel(QAbstractItemModel):
    """Units, their two groups of tasks, and the tasks: three levels."""

    NUMBER, TITLE, DEADLINE, STATUS, REPORT = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.units: list[UnitTasks] = []
        self._set_rows()
        self._bold = QFont()
        self._bold.setBold(True)
        self._icons: dict[Urgency, Any] = {}
        self._words: dict[str | None, str] | None = None

    def _set_rows(self) -> None:
        # Row ids (a row's internalId) index these lists; 0 is the invisible root.
        self._kind: list[int] = [-1]
        self._parent: list[int] = [0]
        self._row: list[int] = [0]
        self._payload: list[Any] = [None]
        self._unit_of: list[int] = [0]  # the unit's id (data file) for every row
        self._children: dict[int, Sequence[int]] = {0: []}

    def _add(self, kind: int, parent: int, row: int, payload: Any, unit_id: int) -> int:
        self._kind.append(kind)
        self._parent.append(parent)
        self._row.append(row)
        self._payload.append(payload)
        self._unit_of.append(unit_id)
        return len(self._kind) - 1

    def set_units(self, view: list[UnitTasks]) -> None:
        """Show `view` (a reset: the view is made again whole, which is cheap)."""
        self.beginResetModel()
        self.units = view
        self._set_rows()
        tops: list[int] = []
        for u_row, unit in enumerate(view):
            uid = unit.unit.id
            top = self._add(_UNIT, 0, u_row, unit, uid)
            tops.append(top)
            groups: list[int] = []
            for role in (LEAD, COORDINATE):
                tasks = unit.tasks(role)
                if not tasks:
                    continue
                group = self._add(_GROUP, top, len(groups), (unit, role), uid)
                groups.append(group)
                first, n = len(self._kind), len(tasks)
                # A district plan has 40,000 task rows: added a group at a time.
                self._kind.extend([_TASK] * n)
                self._parent.extend([group] * n)
                self._row.extend(range(n))
                self._payload.extend(tasks)
                self._unit_of.extend([uid] * n)
                self._children[group] = range(first, first + n)
            self._children[top] = groups
        self._children[0] = tops
        self.endResetModel()

    # ------------------------------------------------------------------ lookups

    def task_rows(self) -> int:
        return sum(len(u.leads) + len(u.coordinates) for u in self.units)

    def key(self, index: Index) -> tuple[int, str | None, int | None] | None:
        """(unit id, group role, task id) of a row: what stays the same after a rebuild."""
        if not index.isValid():
            return None
        rid = index.internalId()
        kind, payload = self._kind[rid], self._payload[rid]
        if kind == _UNIT:
            return (self._unit_of[rid], None, None)
        if kind == _GROUP:
            return (self._unit_of[rid], payload[1], None)
        group = self._payload[self._parent[rid]]
        return (self._unit_of[rid], group[1], payload.id)

    def index_of_key(self, key: tuple[int, str | None, int | None]) -> QModelIndex:
        unit_id, role, task_id = key
        for top in self._children[0]:
            if self._unit_of[top] != unit_id:
                continue
            found = self.createIndex(self._row[top], 0, top)
            if role is None:
                return found
            for group in self._children[top]:
                if self._payload[group][1] != role:
                    continue
                found = self.createIndex(self._row[group], 0, group)
                if task_id is None:
                    return found
                for rid in self._children[group]:
                    if self._payload[rid].id == task_id:
                        return self.createIndex(self._row[rid], 0, rid)
                return found
            return found
        return QModelIndex()

    def unit_at(self, index: Index) -> UnitTasks | None:
        if not index.isValid():
            return None
        rid = index.internalId()
        while self._kind[rid] != _UNIT:
            rid = self._parent[rid]
        unit: UnitTasks = self._payload[rid]
        return unit

    def task_at(self, index: Index) -> UnitTask | None:
        if not index.isValid() or self._kind[index.internalId()] != _TASK:
            return None
        task: UnitTask = self._payload[index.internalId()]
        return task

    def spanned_rows(self) -> Iterator[QModelIndex]:
        """The units' and the groups' rows, whose text runs across the columns."""
        for top in self._children[0]:
            unit = self.createIndex(self._row[top], 0, top)
            yield unit
            for group in self._children[top]:
                yield self.createIndex(self._row[group], 0, group)

    # ------------------------------------------------------------------ structure

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        kids = self._children.get(parent.internalId() if parent.isValid() else 0)
        if kids is not None and 0 <= row < len(kids) and 0 <= column < 5:
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._parent[index.internalId()]
        if up == 0:
            return QModelIndex()
        return self.createIndex(self._row[up], 0, up)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid():
            if parent.column() != 0:
                return 0
            return len(self._children.get(parent.internalId(), ()))
        return len(self._children[0])

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 5

    def hasChildren(self, parent: Index = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    # ------------------------------------------------------------------ data

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            _tree_words("No."),
            _tree_words("Title"),
            _tree_words("Deadline"),
            _tree_words("Status"),
            self.tr("Last report"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rid, column = index.internalId(), index.column()
        kind, payload = self._kind[rid], self._payload[rid]
        if role == TASK_ID_ROLE:
            return payload.id if kind == _TASK else None
        if role == UNIT_ID_ROLE:
            return self._unit_of[rid]
        if kind == _UNIT:
            return self._unit_data(payload, column, role)
        if kind == _GROUP:
            unit, group_role = payload
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                count = len(unit.tasks(group_role))
                text = self.tr("Leads (%1)") if group_role == LEAD else self.tr("Coordinates (%1)")
                return text.replace("%1", str(count))
            return None
        return self._task_data(payload, column, role)

    def _unit_data(self, unit: UnitTasks, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return self.unit_line(unit)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            email = unit.unit.email.strip()
            return "\n".join([
                unit.unit.name,
                self.tr("Email: %1").replace("%1", email) if email
                else self.tr("No email address (Plan → Units…)"),
            ])  # fmt: skip
        return None

    def unit_line(self, unit: UnitTasks) -> str:
        """ "Công an xã — 4 chủ trì, 3 phối hợp, 1 quá hạn"."""
        text = (
            self.tr("%1 — %2 lead, %3 coordinating")
            .replace("%1", unit.unit.name)
            .replace("%2", str(len(unit.leads)))
            .replace("%3", str(len(unit.coordinates)))
        )
        if unit.overdue:
            text += self.tr(", %1 overdue").replace("%1", str(unit.overdue))
        return text

    def _task_data(self, task: UnitTask, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                return task.number
            if column == self.TITLE:
                return task.title
            if column == self.DEADLINE:
                return task.deadline_text
            if column == self.STATUS:
                return self.status_text(task)
            if column == self.REPORT:
                return self.report_text(task)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return URGENCY_BACKGROUNDS.get(task.urgency)
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            if task.urgency not in self._icons:
                self._icons[task.urgency] = status_icon(task.urgency)
            return self._icons[task.urgency]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{task.number} {task.title}".strip()]
            lines.append(_tree_words("Status: %1").replace("%1", self.status_text(task)))
            if task.lead_unit:
                lines.append(_tree_words("Lead unit: %1").replace("%1", task.lead_unit))
            if task.due_date:
                lines.append(_tree_words("Due: %1").replace("%1", format_date(task.due_date)))
            return "\n".join(lines)
        return None

    def status_text(self, task: UnitTask) -> str:
        """As the plan tree's status column says it."""
        if self._words is None:
            self._words = {
                None: _tree_words("Not reported"),
                "not_started": _tree_words("Not started"),
                "in_progress": _tree_words("In progress"),
                "completed": _tree_words("Completed"),
                "paused": _tree_words("Paused"),
                "cancelled": _tree_words("Not carried out"),
            }
        if task.urgency is Urgency.COMPLETED:
            return _tree_words("Completed")
        entered = self._words.get(task.status, task.status or "")
        if task.urgency is Urgency.OVERDUE:
            return f"{_tree_words('Overdue')} · {entered}"
        if task.urgency is Urgency.DUE_SOON:
            return f"{_tree_words('Due soon')} · {entered}"
        return entered

    @staticmethod
    def report_text(task: UnitTask) -> str:
        """The last report: its date and percent ("05/06/2026 · 40 %")."""
        parts = [format_date(task.reported_on)] if task.reported_on else []
        if task.percent is not None:
            parts.append(f"{task.percent} %")
        return " · ".join(parts)


class UnitsPane(QObject):
    """The switch between the plan tree and the units' view, the view itself, and what
    is done from a unit."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.stale = True
        self._restoring = False
        self._lines: LineCache = {}  # the tasks' lines of the last build, reused
        self.model = UnitsModel(self)
        self._build()
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.timeout.connect(self.refresh_if_shown)
        self._expanded: set[tuple[int, str | None, int | None]] = set()
        # Whatever changes the plan tree's rows (an edit, progress, a filter, another
        # plan) or the units (a name, an address) makes this view stale.
        plan_model = window.model
        for signal in (plan_model.modelReset, plan_model.layoutChanged,
                       plan_model.dataChanged, plan_model.rowsInserted,
                       plan_model.rowsRemoved, plan_model.rowsMoved):  # fmt: skip
            signal.connect(self._plan_changed)
        window.bus.changed.connect(self._plan_changed)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        window = self.window
        self.switch = QTabBar()
        self.switch.setDocumentMode(True)
        self.switch.setExpanding(False)
        self.switch.addTab(self.tr("By plan"))
        self.switch.addTab(self.tr("By unit"))
        self.switch.setTabToolTip(0, self.tr("The plan's tree of sections and tasks"))
        self.switch.setTabToolTip(
            1, self.tr("Each unit with the tasks it leads and coordinates (Ctrl+3)")
        )
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setIndentation(16)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(UnitsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((UnitsModel.NUMBER, 112), (UnitsModel.DEADLINE, 100),
                              (UnitsModel.STATUS, 130), (UnitsModel.REPORT, 112)):  # fmt: skip
            self.view.setColumnWidth(column, width)

        self.act_open = QAction(self.tr("Open in the plan tree"), self)
        self.act_sheet = QAction(self.tr("Export the unit's task list…"), self)
        self.act_form = QAction(self.tr("Export the unit's return form…"), self)
        self.act_draft = QAction(self.tr("Draft an email to the unit…"), self)
        self.unit_label = QLabel()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 2, 4, 2)
        buttons.addWidget(self.unit_label, 1)
        self.buttons: list[QPushButton] = []
        for action, text in ((self.act_sheet, self.tr("Task list…")),
                             (self.act_form, self.tr("Return form…")),
                             (self.act_draft, self.tr("Email draft…"))):  # fmt: skip
            button = QPushButton(text)
            button.setToolTip(action.text().replace("&", ""))
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
            self.buttons.append(button)
        self.page = QWidget()
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

        self.page.installEventFilter(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(window.tree)
        self.stack.addWidget(self.page)

        self.switch.currentChanged.connect(self._switched)
        self.view.activated.connect(self._activated)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.expanded.connect(lambda index: self._expanded.add(self._key(index)))
        self.view.collapsed.connect(lambda index: self._expanded.discard(self._key(index)))
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.act_open.triggered.connect(lambda _checked=False: self.open_current_task())
        self.act_sheet.triggered.connect(lambda _checked=False: self.export_task_list())
        self.act_form.triggered.connect(lambda _checked=False: self.export_return_form())
        self.act_draft.triggered.connect(lambda _checked=False: self.draft_email())
        self._update_actions()

    def _key(self, index: QModelIndex) -> tuple[int, str | None, int | None]:
        key = self.model.key(index)
        assert key is not None
        return key

    # ------------------------------------------------------------------ showing

    @property
    def shown(self) -> bool:
        return self.page.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Shown again (from the plan tree, or back from another tab): made afresh if
        # the plan changed meanwhile.
        if watched is self.page and event.type() == QEvent.Type.Show and self.stale:
            self.refresh()
        return False

    def show(self) -> None:
        """View → Tasks by unit: the plan's tab, on the units' view."""
        self.window.tabs.setCurrentWidget(self.window.splitter)
        self.switch.setCurrentIndex(1)
        self.refresh_if_shown()
        self.view.setFocus()

    def show_tree(self) -> None:
        """The plan tree in place of the units' view (the window shows a task in it)."""
        self.switch.setCurrentIndex(0)

    def _switched(self, tab: int) -> None:
        self.stack.setCurrentIndex(tab)  # the page's Show event makes it if stale

    def _plan_changed(self, *_args: object) -> None:
        self.stale = True
        if self.shown:
            self._refresh_soon.start(0)  # once, after the change has been applied

    def refresh_if_shown(self) -> None:
        if self.shown and self.stale:
            self.refresh()

    def refresh(self) -> None:
        """Make the view again from the plan the window holds, under its filter; the
        open units and groups and the current row kept."""
        window = self.window
        plan_model, filtering = window.model, window.filtering
        shown = None
        if filtering.active:
            found = apply_filter(plan_model.tree, filtering.tree_filter, plan_model.search_text,
                                 plan_model.urgency_of, filtering.today)  # fmt: skip
            shown = found.found.matched if found.found is not None else None
        unit_list = units.list_units(window.db) if window.plan_id is not None else []
        view = build_units_view(plan_model.tree, plan_model.progress_entries(), unit_list,
                                date.today(), shown, self._lines)  # fmt: skip
        current = self.model.key(self.view.currentIndex())
        self.model.set_units(view)
        for index in self.model.spanned_rows():
            self.view.setFirstColumnSpanned(index.row(), index.parent(), True)
        if filtering.active and self.model.task_rows() <= EXPAND_ALL_ROWS:
            self.view.expandAll()
        else:
            expanded = self._expanded
            self._expanded = set()
            for key in sorted(expanded, key=lambda k: k[1] is not None):  # units first
                index = self.model.index_of_key(key)
                if index.isValid() and self.model.key(index) == key:
                    self.view.expand(index)
        if current is not None:
            index = self.model.index_of_key(current)
            if index.isValid():
                self._restoring = True  # the form already shows what it showed
                try:
                    self.view.setCurrentIndex(index)
                finally:
                    self._restoring = False
                self.view.scrollTo(index)
        self.stale = False
        self._update_actions()

    # ------------------------------------------------------------------ a row's unit

    def current_unit(self) -> UnitTasks | None:
        return self.model.unit_at(self.view.currentIndex())

    def _update_actions(self) -> None:
        unit = self.current_unit()
        for action in (self.act_sheet, self.act_form, self.act_draft):
            action.setEnabled(unit is not None)
        for button in self.buttons:
            button.setEnabled(unit is not None)
        self.act_open.setEnabled(self.model.task_at(self.view.currentIndex()) is not None)
        self.unit_label.setText(self.tr("Select a unit") if unit is None else unit.unit.name)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A task's row shows the task in the form beside it (selected in the hidden
        plan tree, which the form follows), so it can be read and edited from here."""
        self._update_actions()
        task = self.model.task_at(current)
        if self._restoring or task is None or not self.shown:
            return
        if self.window.model.is_shown(task.id):
            self.window.select_item(task.id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self.view)
        if self.model.task_at(index) is not None:
            menu.addAction(self.act_open)
            menu.addSeparator()
        menu.addActions([self.act_sheet, self.act_form, self.act_draft])
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _activated(self, index: QModelIndex) -> None:
        if self.model.task_at(index) is not None:
            self.open_current_task()

    def open_current_task(self) -> None:
        """The task in the plan tree: switched to, selected, shown in the form."""
        task = self.model.task_at(self.view.currentIndex())
        if task is None:
            return
        window = self.window
        window.show_plan_tab()
        self.show_tree()
        if not window.model.is_shown(task.id):
            window.filtering.clear()
        window.select_item(task.id)
        window.tree.setFocus()

    # ------------------------------------------------------------------ from a unit

    def _period(self) -> PeriodInfo | None:
        """The period the return form and the draft are for: today's (or the latest)."""
        window = self.window
        assert window.plan_id is not None
        return choose_period(periods.list_periods(window.db, window.plan_id), date.today())

    def _no_period(self) -> None:
        QMessageBox.warning(
            self.window, self.tr("No reporting period"),
            self.tr("The plan has no reporting period yet: add one in Plan → Reporting "
                    "periods…"),
        )  # fmt: skip

    def _save_as(self, caption: str, name: str, filters: str) -> Path | None:
        folder = self.window.settings.export_choices().folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, caption, str(Path(folder) / name), filters
        )
        return Path(chosen) if chosen else None

    def export_task_list(self) -> None:
        """The unit's task list (report "unit"), as PDF or Excel by the name chosen."""
        unit = self.current_unit()
        window = self.window
        if unit is None or window.plan_id is None:
            return
        plan = plans.get_plan(window.db, window.plan_id)
        name = report_file_name("unit", "pdf", plan_number=plan.number, plan_year=plan.year,
                                unit=unit.unit.name)  # fmt: skip
        out = self._save_as(
            self.tr("Save the task list of %1 as").replace("%1", unit.unit.name), name,
            "PDF (*.pdf);;Excel (*.xlsx)",
        )  # fmt: skip
        if out is None:
            return
        if out.suffix.lower() not in {".pdf", ".xlsx"}:
            out = out.with_name(out.name + ".pdf")
        fmt = out.suffix.lower()[1:]
        self._export(ExportRequest("unit", fmt, window.plan_id, unit=unit.unit.name), out)

    def export_return_form(self) -> None:
        """The unit's return form (Excel) for today's period."""
        unit = self.current_unit()
        window = self.window
        if unit is None or window.plan_id is None:
            return
        period = self._period()
        if period is None:
            self._no_period()
            return
        plan = plans.get_plan(window.db, window.plan_id)
        name = report_file_name(
            "return-form", "xlsx", plan_number=plan.number, plan_year=plan.year,
            period=period, unit=unit.unit.name,
        )  # fmt: skip
        out = self._save_as(
            self.tr("Save the return form of %1 for %2 as")
            .replace("%1", unit.unit.name).replace("%2", period.label),
            name, "Excel (*.xlsx)",
        )  # fmt: skip
        if out is None:
            return
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        request = ExportRequest("return-form", "xlsx", window.plan_id, period_id=period.id,
                                unit=unit.unit.name)  # fmt: skip
        self._export(request, out)

    def _export(self, request: ExportRequest, out: Path) -> None:
        window = self.window
        try:
            with _busy():
                export_report(window.db, request, out)
        except UserError as error:
            window.show_error(error)
            return
        except OSError as exc:
            QMessageBox.warning(
                window, self.tr("Cannot write the file"),
                self.tr("Cannot write %1: %2").replace("%1", str(out))
                .replace("%2", os_reason(exc)),
            )  # fmt: skip
            return
        window.settings.set_export_choices(ExportChoices(folder=str(out.parent)))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Exported"),
                          self.tr("Saved as:\n%1").replace("%1", str(out)),
                          parent=window)  # fmt: skip
        open_file = box.addButton(self.tr("Open file"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
        elif box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))

    def draft_email(self) -> None:
        """A draft to the unit, its task list and return form attached, in the outbox."""
        unit = self.current_unit()
        window = self.window
        if unit is None or window.plan_id is None:
            return
        period = self._period()
        if period is None:
            self._no_period()
            return
        plan_id = window.plan_id
        try:
            with _busy():
                written = unit_drafts.draft_for_unit(
                    window.db, plan_id, period.id, unit.unit.id, mail_drafting.outbox(window.db)
                )
        except UserError as error:
            window.show_error(error)
            return
        mail_drafting.show_drafts(window, [written], ())


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
