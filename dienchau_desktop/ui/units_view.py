"""The units' view (Theo đơn vị), beside the plan tree: each unit with how many tasks it
leads, coordinates and has overdue, then those tasks in two groups ("Chủ trì",
"Phối hợp") with their state, deadline and last report.

A switch above the tree («Theo kế hoạch | Theo đơn vị») shows one or the other under
the same filter bar, whose filter applies to both. The view is made from the plan the
window holds (services.unit_view), only while it is shown. While it is on screen, an
edit or progress announced on the bus is followed in place: the lines of the tasks it
touched are made again and only the rows that differ change. Anything else (a filter,
the units, another plan), or a change while it is hidden, marks it stale: made again
whole when next shown. A task opens in
the plan tree by double-click or Enter; from a unit, by its context menu or the buttons
under the view, its task list and its return form are exported and its email drafted.
"""

from __future__ import annotations

import contextlib
import operator
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import compress
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
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
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
from dienchau_desktop.services.items import PlanTree
from dienchau_desktop.services.overview import choose_period
from dienchau_desktop.services.periods import PeriodInfo
from dienchau_desktop.services.unit_view import (
    COORDINATE,
    LEAD,
    LineCache,
    UnitTask,
    UnitTasks,
    build_units_view,
    update_units_view,
)
from dienchau_desktop.services.units import UnitInfo
from dienchau_desktop.ui import mail_drafting
from dienchau_desktop.ui.change_bus import Change
from dienchau_desktop.ui.settings import ExportChoices
from dienchau_desktop.ui.tree_filter import FilterResult, apply_filter, refilter
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
        # Row ids (a row's internalId) index these lists; 0 is the invisible root. A
        # row taken out by `update_units` leaves its entries behind, unused, until the
        # next reset: ids are never reused, so no persistent index is mistaken.
        self._kind: list[int] = [-1]
        self._parent: list[int] = [0]
        self._row: list[int] = [0]  # a unit's or group's row (a task's is its place)
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
        """Show `view` (a reset: everything is laid out again; `update_units` after
        an edit)."""
        self.beginResetModel()
        self.units = view
        self._set_rows()
        self._children[0] = [self._add_unit(row, unit) for row, unit in enumerate(view)]
        self.endResetModel()

    def _add_unit(self, row: int, unit: UnitTasks) -> int:
        """A unit's row with its groups and tasks, under the root at `row`."""
        top = self._add(_UNIT, 0, row, unit, unit.unit.id)
        roles = [role for role in (LEAD, COORDINATE) if unit.tasks(role)]
        self._children[top] = [self._add_group(top, n, unit, role) for n, role in enumerate(roles)]
        return top

    def _add_group(self, top: int, row: int, unit: UnitTasks, role: str) -> int:
        group = self._add(_GROUP, top, row, (unit, role), unit.unit.id)
        self._children[group] = self._add_tasks(group, unit.tasks(role))
        return group

    def _add_tasks(self, group: int, tasks: Sequence[UnitTask]) -> range:
        first, n = len(self._kind), len(tasks)
        # A district plan has 40,000 task rows: added a group at a time.
        self._kind.extend([_TASK] * n)
        self._parent.extend([group] * n)
        self._row.extend([-1] * n)
        self._payload.extend(tasks)
        self._unit_of.extend([self._unit_of[group]] * n)
        return range(first, first + n)

    # ------------------------------------------------------------------ patching

    def update_units(self, view: list[UnitTasks]) -> list[QModelIndex]:
        """Show `view` in place of what is shown, changing only the rows that differ:
        rows taken out, put in and announced changed, so the view keeps its open
        rows, its current row and where it is scrolled. The units keep their order
        (the units' list's), so a unit or a group is only ever added or taken out.
        Returns the units' and groups' rows put in (to be spanned and opened)."""
        added: list[QModelIndex] = []
        tops = list(self._children[0])
        wanted = {unit.unit.id for unit in view}
        kept = [self._unit_of[top] for top in tops if self._unit_of[top] in wanted]
        still = set(kept)
        if kept != [unit.unit.id for unit in view if unit.unit.id in still]:
            self.set_units(view)  # the units' order changed: not an edit's doing
            return []
        self._children[0] = tops
        for row in reversed(range(len(tops))):
            if self._unit_of[tops[row]] not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del tops[row]
                self._renumber(tops)
                self.endRemoveRows()
        had = {self._unit_of[top] for top in tops}
        for row, unit in enumerate(view):
            if unit.unit.id in had:
                self._update_unit(tops[row], unit, added)
                continue
            self.beginInsertRows(QModelIndex(), row, row)
            tops.insert(row, self._add_unit(row, unit))
            self._renumber(tops)
            self.endInsertRows()
            top = tops[row]
            added.append(self.createIndex(row, 0, top))
            added.extend(self.createIndex(n, 0, g) for n, g in enumerate(self._children[top]))
        self.units = view
        return added

    def _renumber(self, rows: list[int]) -> None:
        for row, rid in enumerate(rows):
            self._row[rid] = row

    def _update_unit(self, top: int, unit: UnitTasks, added: list[QModelIndex]) -> None:
        before: UnitTasks = self._payload[top]
        if before is unit:
            return  # a unit the change did not concern
        self._payload[top] = unit
        here = self.createIndex(self._row[top], 0, top)
        groups = list(self._children[top])
        self._children[top] = groups
        roles = [role for role in (LEAD, COORDINATE) if unit.tasks(role)]
        changed = False
        for row in reversed(range(len(groups))):
            if self._payload[groups[row]][1] not in roles:
                changed = True
                self.beginRemoveRows(here, row, row)
                del groups[row]
                self._renumber(groups)
                self.endRemoveRows()
        for row, role in enumerate(roles):
            if row < len(groups) and self._payload[groups[row]][1] == role:
                group = groups[row]
                self._payload[group] = (unit, role)
                if before.tasks(role) is not unit.tasks(role):
                    changed = self._update_group(group, unit.tasks(role)) or changed
                if len(before.tasks(role)) != len(unit.tasks(role)):
                    count = self.createIndex(row, 0, group)
                    self.dataChanged.emit(count, count)
                continue
            changed = True
            self.beginInsertRows(here, row, row)
            groups.insert(row, self._add_group(top, row, unit, role))
            self._renumber(groups)
            self.endInsertRows()
            added.append(self.createIndex(row, 0, groups[row]))
        # Its line counts its tasks and the overdue ones: counted only when they changed.
        if changed and self.unit_line(before) != self.unit_line(unit):
            self.dataChanged.emit(here, here)

    def _update_group(self, group: int, tasks: Sequence[UnitTask]) -> bool:
        """A group's task rows made `tasks`: the rows between the first and the last
        task that differ are taken out and put in anew, lines changed in place are
        announced changed. (An edit touches one task, or a few in a row.) Returns
        whether anything changed."""
        kids = list(self._children[group])
        self._children[group] = kids
        # The lines compared with C's loops (map, compress): a district unit's group
        # holds thousands of them, one or two of which an edit changes.
        old = list(map(self._payload.__getitem__, kids))
        ids, new_ids = [t.id for t in old], [t.id for t in tasks]
        if ids != new_ids:
            here = self.createIndex(self._row[group], 0, group)
            shorter = min(len(ids), len(new_ids))
            same = [*map(operator.eq, ids[:shorter], new_ids[:shorter]), False]
            head = same.index(False)
            tail = 0
            while tail < shorter - head and ids[-1 - tail] == new_ids[-1 - tail]:
                tail += 1
            if head < len(ids) - tail:
                self.beginRemoveRows(here, head, len(ids) - tail - 1)
                del kids[head : len(ids) - tail]
                self.endRemoveRows()
            if head < len(new_ids) - tail:
                self.beginInsertRows(here, head, len(new_ids) - tail - 1)
                kids[head:head] = self._add_tasks(group, tasks[head : len(new_ids) - tail])
                self.endInsertRows()
            old = list(map(self._payload.__getitem__, kids))
        changed = list(compress(range(len(kids)), map(operator.is_not, old, tasks)))
        for row in changed:
            rid = kids[row]
            self._payload[rid] = tasks[row]
            self.dataChanged.emit(
                self.createIndex(row, 0, rid), self.createIndex(row, self.REPORT, rid)
            )
        return bool(changed) or ids != new_ids

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
                for row, rid in enumerate(self._children[group]):
                    if self._payload[rid].id == task_id:
                        return self.createIndex(row, 0, rid)
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


class _ElidedLabel(QLabel):
    """A one-line label that takes the width it is given and never asks for more: a
    text too long for it ends in "…", and is shown whole in its tooltip.

    A plain QLabel's minimum width is its text's: under the view, a long unit's name
    ("Ban Chỉ đạo thực hiện Chương trình mục tiêu quốc gia…") widened the whole left
    side of the window, squeezing the form beside it, and the splitter could not be
    dragged back (the sizes, remembered, kept it so at the next start).
    """

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        if shown != self.text():
            self.setText(shown)
        tip = self._full if shown != self._full else ""
        if tip != self.toolTip():
            self.setToolTip(tip)


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
        #: Edits and progress of the plan shown, to be followed in place (`follow`).
        self._changes: list[Change] = []
        #: What the view was made from: the plan's tree, the units, the filter's matches.
        self._tree: PlanTree | None = None
        self._unit_list: list[UnitInfo] = []
        self._filtered = FilterResult(None, None)
        self._places: dict[int, int] | None = None  # `_positions`
        # An edit or progress of the plan shown is followed row by row, once the plan
        # tree has taken it in; the bus announces it before the tree patches itself,
        # so the tree's own signals that follow are the same change. Anything else (a
        # filter, another plan, the units, progress read again) makes the view stale:
        # made again whole.
        window.bus.changed.connect(self._followed)
        plan_model = window.model
        for signal in (plan_model.modelReset, plan_model.layoutChanged):
            signal.connect(self._made_stale)
        for signal in (plan_model.dataChanged, plan_model.rowsInserted,
                       plan_model.rowsRemoved, plan_model.rowsMoved):  # fmt: skip
            signal.connect(self._rows_changed)

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
        self.unit_label = _ElidedLabel()
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
        self.view.installEventFilter(self)  # Alt+Enter kept from opening a task
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
        if watched is self.view and _is_alt_enter(event):
            # Alt+Enter changes the items selected in the plan tree; here the view
            # would take it for Enter and open the task. It does nothing, and says so.
            self.window.statusBar().showMessage(
                self.tr("Alt+Enter changes the items selected in the plan tree: open the "
                        "task with Enter, then press Alt+Enter there."),
                8000,
            )  # fmt: skip
            return True
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

    def _followed(self, change: Change) -> None:
        """The bus's change: an edit or progress of the plan shown is followed in
        place while the view is up to date and shown; anything else makes it stale."""
        plan_id = self.window.plan_id
        if change.what in {"items", "progress"} and change.plan_id != plan_id:
            return  # another plan's
        ours = change.concerns_tree_of(plan_id) or change.concerns_progress_of(plan_id)
        if ours and self.shown and not self.stale:
            self._changes.append(change)
        else:
            self.stale = True
        self._refresh_later()

    def _made_stale(self, *_args: object) -> None:
        self.stale = True
        self._refresh_later()

    def _rows_changed(self, *_args: object) -> None:
        # The plan tree patching itself after a change announced: followed already.
        if not self._changes:
            self._made_stale()

    def _refresh_later(self) -> None:
        if self.shown:
            self._refresh_soon.start(0)  # once, after the change has been applied
        else:
            self._changes.clear()

    def refresh_if_shown(self) -> None:
        if not self.shown:
            return
        if self.stale:
            self.refresh()
        elif self._changes:
            self.follow_changes()

    def refresh(self) -> None:
        """Make the view again from the plan the window holds, under its filter; the
        open units and groups and the current row kept."""
        window = self.window
        plan_model, filtering = window.model, window.filtering
        self._changes.clear()
        self._tree = plan_model.tree
        self._places = None
        self._filtered = FilterResult(None, None)
        if filtering.active:
            self._filtered = apply_filter(
                plan_model.tree, filtering.tree_filter, plan_model.search_text,
                plan_model.urgency_of, filtering.today,
            )  # fmt: skip
        self._unit_list = units.list_units(window.db) if window.plan_id is not None else []
        current = self.model.key(self.view.currentIndex())
        self.model.set_units(self._view())
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
        self._restore_current(current)
        self.stale = False
        self._update_actions()

    def _view(self) -> list[UnitTasks]:
        """The units' view of the plan the window holds, with the states and numbers
        its tree has worked out; only the lines of what changed are made again."""
        plan_model = self.window.model
        found = self._filtered.found
        return build_units_view(
            plan_model.tree, plan_model.progress_entries(), self._unit_list, date.today(),
            found.matched if found is not None else None, self._lines,
            plan_model.urgency_of, plan_model.outline,
        )  # fmt: skip

    def follow_changes(self) -> None:
        """The edits and progress announced since the view was made, taken in: the
        filter's matches worked out again for the items they touched, the lines of
        the tasks they touched made again, and only the rows that differ changed (the
        open rows, the current row and the scroll kept). Made again whole, a district
        plan's view (40,000 rows) took a tenth of a second at each edit."""
        window = self.window
        plan_model, filtering = window.model, window.filtering
        changes, self._changes = self._changes, []
        old, tree = self._tree, plan_model.tree
        if old is None:
            self.refresh()
            return
        self._tree = tree
        if any(change.reshapes for change in changes):
            self._places = None
        touched = _touched(changes, old, tree, plan_model.outline, self._lines)
        was_shown = shown = None
        if filtering.active and self._filtered.found is not None:
            was_shown = set(self._filtered.found.matched)  # refilter changes it in place
            self._filtered = refilter(
                tree, filtering.tree_filter, self._filtered, plan_model.search_text,
                plan_model.urgency_of, filtering.today,
                reread=touched.reread, rechecked=touched.rechecked, removed=touched.removed,
            )  # fmt: skip
            assert self._filtered.found is not None
            shown = self._filtered.found.matched
            touched.tasks.update(was_shown ^ shown)  # a section's text shows what it holds
        view = update_units_view(
            self.model.units, old, tree, plan_model.progress_entries(), self._unit_list,
            date.today(), touched.tasks, was_shown, shown, self._lines,
            plan_model.urgency_of, plan_model.outline, self._positions,
        )  # fmt: skip
        current = self.model.key(self.view.currentIndex())
        self._restoring = True  # a row taken out moves the current row: not a choice
        try:
            added = self.model.update_units(view)
        finally:
            self._restoring = False
        for index in added:
            self.view.setFirstColumnSpanned(index.row(), index.parent(), True)
        if filtering.active and self.model.task_rows() <= EXPAND_ALL_ROWS:
            for index in added:
                self.view.expand(index)
        if self.model.key(self.view.currentIndex()) != current:
            self._restore_current(current)
        self._update_actions()

    def _positions(self) -> dict[int, int]:
        """Each item's place in the plan tree, kept while its shape stays."""
        if self._places is None:
            assert self._tree is not None
            self._places = {node.id: at for at, node in enumerate(self._tree.nodes)}
        return self._places

    def _restore_current(self, current: tuple[int, str | None, int | None] | None) -> None:
        """The row that was current made current again, if it is still there."""
        if current is None:
            return
        index = self.model.index_of_key(current)
        if index.isValid():
            self._restoring = True  # the form already shows what it showed
            try:
                self.view.setCurrentIndex(index)
            finally:
                self._restoring = False
            self.view.scrollTo(index)

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
        self.unit_label.set_full_text(self.tr("Select a unit") if unit is None else unit.unit.name)

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


@dataclass
class _Touched:
    """What changes touched: as `tree_filter.refilter` takes it (the items whose text
    or place changed, those whose state may have changed, those taken out), and every
    task whose line or place in the units' view may differ."""

    reread: set[int] = field(default_factory=set)
    rechecked: set[int] = field(default_factory=set)
    removed: set[int] = field(default_factory=set)
    tasks: set[int] = field(default_factory=set)


def _touched(
    changes: list[Change],
    old: PlanTree,
    tree: PlanTree,
    outline: Callable[[int], str],
    lines: LineCache,
) -> _Touched:
    """What `changes` touched, from the tree before them (`old`) and after (`tree`):
    the items edited and put in with what they hold, those taken out with what they
    held, the tasks above all of them (they roll up their state), and where items
    were put in or taken out, the ones after them renumbered (with what they hold)."""
    found = _Touched()
    reshaped: set[int | None] = set()
    for change in changes:
        if change.what == "items":
            found.reread.update(change.item_ids)
        found.rechecked.update(change.item_ids)
        for item_id in change.placed:
            found.reread.update(_below(tree, item_id))
            if tree.has(item_id):
                reshaped.add(tree.node(item_id).parent_id)
        for item_id in (*change.removed, *change.placed):
            if old.has(item_id):
                reshaped.add(old.node(item_id).parent_id)
        for item_id in change.removed:
            found.removed.update(_below(old, item_id))
    found.rechecked |= found.reread
    for parent_id in reshaped:
        tops = tree.roots() if parent_id is None or not tree.has(parent_id) else [
            tree.node(c) for c in tree.node(parent_id).child_ids
        ]  # fmt: skip
        for top in tops:
            renumbered = [i for i in _below(tree, top.id) if i in lines]
            found.tasks.update(i for i in renumbered if lines[i][3] != outline(i))
    above: set[int] = set()
    for item_id in (*found.rechecked, *found.removed):
        if not tree.has(item_id) and not old.has(item_id):
            continue  # put in and taken out again since the view was made
        parent = (tree if tree.has(item_id) else old).node(item_id).parent_id
        while parent is not None and parent not in above and tree.has(parent):
            above.add(parent)
            parent = tree.node(parent).parent_id
    found.rechecked = {i for i in found.rechecked | above if tree.has(i)}
    found.tasks |= found.rechecked | found.removed
    return found


def _below(tree: PlanTree, item_id: int) -> list[int]:
    """The item and everything under it (nothing if it is not in `tree`)."""
    if not tree.has(item_id):
        return []
    found, pending = [], [item_id]
    while pending:
        node = tree.node(pending.pop())
        found.append(node.id)
        pending.extend(node.child_ids)
    return found


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def _is_alt_enter(event: QEvent) -> bool:
    return (
        isinstance(event, QKeyEvent)
        and event.type() == QEvent.Type.KeyPress
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
    )
