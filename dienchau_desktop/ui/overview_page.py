"""The overview page (Tổng quan): buckets for a period with a chart, by section and by
lead unit, the overdue and due-soon lists (a row opens its task), indicators. A
double-click (or Enter) on a count lists the tasks behind it, in a tab of its own."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.buckets import BUCKET_ORDER, Bucket, BucketCounts
from dienchau_desktop.core.deadline import format_date
from dienchau_desktop.services.overview import GroupCounts, Overview, TaskLine
from dienchau_desktop.services.periods import PeriodInfo
from dienchau_desktop.ui.wheel_guard import GuardedComboBox

ITEM_ID = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()
BUCKET_COLOURS = {
    Bucket.COMPLETED_ON_TIME: "#2e7d32",
    Bucket.COMPLETED_LATE: "#9ccc65",
    Bucket.COMPLETED: "#1565c0",
    Bucket.IN_PROGRESS: "#ffb300",
    Bucket.OVERDUE: "#c62828",
}


class RowsModel(QAbstractTableModel):
    """A read-only table of plain rows: thousands of overdue tasks show at once, since
    the view asks only for the rows on screen (a QTableWidget made an item per cell)."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.tooltips: dict[int, str] = {}
        self.hint = ""  # added to every cell's tooltip: what a double-click does
        self.rows: list[tuple] = []
        self.ids: list[int | None] = []

    def set_rows(self, rows: list[tuple], ids: list[int | None] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.ids = ids if ids is not None else [None] * len(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _shown(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{_shown(value)}\n{self.hint}" if self.hint else _shown(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ITEM_ID:
            return self.ids[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltips.get(section, self.headers[section])
        return None


def _table(headers: list[str], stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(RowsModel(headers, table))
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    # Every column as wide as its heading and cells ("Báo cáo gần nhất" was cut), the
    # title column takes what is left. The lists are short: sizing them costs little.
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _shown(value: object) -> str:
    """A cell's text; a percentage the Vietnamese way, "91,7" (a walk found "91.7")."""
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(value)


def _fill(table: QTableView, rows: list[tuple], ids: list[int | None] | None = None) -> None:
    model = table.model()
    assert isinstance(model, RowsModel)
    model.set_rows(rows, ids)


class OverviewPage(QWidget):
    """Shows an `Overview`; asks for another period; opens tasks from its lists."""

    period_chosen = Signal(object)  # a period id, or None for "as of today"
    open_item = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = GuardedComboBox()
        self.period.setMinimumContentsLength(24)
        self.period.activated.connect(lambda _i: self.period_chosen.emit(self.period.currentData()))
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.period)
        top.addWidget(self.caption, 1)

        self.summary = _table([self.tr("Status"), self.tr("Tasks"), "%"], 0)
        # The buckets' names whole ("Đang thực hiện, trong hạn"), the numbers narrow.
        self.summary.setMaximumWidth(460)
        self.summary.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.summary.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # QtCharts is loaded when the page is first shown, not at start-up.
        self.chart = None
        self.chart_holder = QVBoxLayout()
        upper = QHBoxLayout()
        upper.addWidget(self.summary, 2)
        upper.addLayout(self.chart_holder, 3)

        bucket_heads = [self.bucket_short_label(b) for b in BUCKET_ORDER]
        self.sections = _table([self.tr("No."), self.tr("Section"), self.tr("Tasks"),
                                *bucket_heads, self.tr("% done")], 1)  # fmt: skip
        self.units = _table([self.tr("Lead unit"), self.tr("Tasks"), *bucket_heads,
                             self.tr("% done")], 0)  # fmt: skip
        task_heads = [self.tr("No."), self.tr("Task"), self.tr("Lead unit"), self.tr("Deadline"),
                      self.tr("Due"), self.tr("Latest report"), "%"]  # fmt: skip
        self.overdue = _table(task_heads, 1)
        self.due_soon = _table(task_heads, 1)
        indicator_heads = [self.tr("Indicator"), self.tr("Target"), self.tr("Unit of measure"),
                           self.tr("Reached")]  # fmt: skip
        self.indicators = _table(indicator_heads, 0)
        # The tasks behind a count (`drill_into`); a row of it opens its task.
        self.drill = _table(task_heads, 1)
        self.drill_caption = QLabel()
        self.drill_caption.setTextFormat(Qt.TextFormat.PlainText)
        self.drill_caption.setWordWrap(True)
        self._drilled: tuple[str, object, Bucket | None] | None = None
        self._view: Overview | None = None
        # `activated`: a double-click, or Enter on the current row.
        for table in (self.overdue, self.due_soon, self.indicators, self.drill):
            table.activated.connect(self._open)
        self.summary.activated.connect(
            lambda index: self.drill_into("all", None, BUCKET_ORDER[index.row()])
        )
        self.sections.activated.connect(lambda index: self._drill_group("section", index, 3))
        self.units.activated.connect(lambda index: self._drill_group("unit", index, 2))
        for table in (self.summary, self.sections, self.units):
            model = table.model()
            assert isinstance(model, RowsModel)
            model.hint = self.tr("Double-click to list these tasks.")
        for table, first in ((self.sections, 3), (self.units, 2)):
            model = table.model()
            assert isinstance(model, RowsModel)
            for offset, bucket in enumerate(BUCKET_ORDER):
                model.tooltips[first + offset] = self.bucket_label(bucket)
        self.lists = QTabWidget()
        self.lists.addTab(self.sections, self.tr("By section"))
        self.lists.addTab(self.units, self.tr("By lead unit"))
        self.lists.addTab(self.overdue, self.tr("Overdue"))
        self.lists.addTab(self.due_soon, self.tr("Due within 7 days"))
        self.lists.addTab(self.indicators, self.tr("Indicators"))
        drilled = QWidget()
        drilled_layout = QVBoxLayout(drilled)
        drilled_layout.setContentsMargins(0, 4, 0, 0)
        drilled_layout.addWidget(self.drill_caption)
        drilled_layout.addWidget(self.drill)
        self.drill_tab = self.lists.addTab(drilled, self.tr("Tasks"))
        self.lists.setTabVisible(self.drill_tab, False)  # until a count is opened

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(upper, 2)
        layout.addWidget(self.lists, 3)

    def bucket_label(self, bucket: Bucket) -> str:
        return {
            Bucket.COMPLETED_ON_TIME: self.tr("Completed on time"),
            Bucket.COMPLETED_LATE: self.tr("Completed late"),
            Bucket.COMPLETED: self.tr("Completed"),
            Bucket.IN_PROGRESS: self.tr("In progress, within time"),
            Bucket.OVERDUE: self.tr("Not completed, overdue"),
        }[bucket]

    def bucket_short_label(self, bucket: Bucket) -> str:
        """Column headings: short enough for the table, the full name in the tooltip."""
        return {
            Bucket.COMPLETED_ON_TIME: self.tr("Done on time"),
            Bucket.COMPLETED_LATE: self.tr("Done late"),
            Bucket.COMPLETED: self.tr("Done"),
            Bucket.IN_PROGRESS: self.tr("In progress"),
            Bucket.OVERDUE: self.tr("Overdue"),
        }[bucket]

    def _open(self, index: QModelIndex) -> None:
        item_id = index.data(ITEM_ID) if index.isValid() else None
        if item_id is not None:
            self.open_item.emit(item_id)

    def _drill_group(self, kind: str, index: QModelIndex, first_bucket: int) -> None:
        """A section's or unit's row: a bucket's column lists that bucket, any other
        column (name, total, % done) every task of the group."""
        view = self._view
        groups = () if view is None else view.sections if kind == "section" else view.units
        if not index.isValid() or index.row() >= len(groups):
            return
        group = groups[index.row()]
        column = index.column() - first_bucket
        bucket = BUCKET_ORDER[column] if 0 <= column < len(BUCKET_ORDER) else None
        self.drill_into(kind, group.id if kind == "section" else group.title, bucket)

    def drill_into(self, kind: str, key: object, bucket: Bucket | None) -> None:
        """List the tasks behind a count: of the whole plan ("all"), of a section (its id)
        or of a lead unit (its name), in one bucket or all of them."""
        self._drilled = (kind, key, bucket)
        self._show_drilled()
        self.lists.setCurrentIndex(self.drill_tab)
        self.drill.setFocus()
        if self.drill.model().rowCount():
            self.drill.setCurrentIndex(self.drill.model().index(0, 1))

    def _show_drilled(self) -> None:
        """(Again, after the overview changed: the list always matches the counts.)"""
        if self._drilled is None or self._view is None:
            return
        view, (kind, key, bucket) = self._view, self._drilled
        if kind == "all":
            where, ids = self.tr("Whole plan"), tuple(view.buckets)
        else:
            groups = view.sections if kind == "section" else view.units
            group = next((g for g in groups if (g.id if kind == "section" else g.title) == key),
                         None)  # fmt: skip
            if group is None:  # the section or unit is gone
                self._drilled = None
                self.lists.setTabVisible(self.drill_tab, False)
                return
            where = f"{group.number} {group.title}".strip()
            ids = group.task_ids
        ids = tuple(t for t in ids if bucket is None or view.buckets.get(t) == bucket)
        lines = view.task_lines(ids)
        _fill(self.drill, [_task_cells(line) for line in lines], list(ids))
        every = self.tr("all", "every task of the section or unit, whatever its state")
        what = every if bucket is None else self.bucket_label(bucket)
        caption = self.tr("%1 — %2: %3 tasks. Double-click a task or press Enter to open it.")
        self.drill_caption.setText(
            caption.replace("%1", where).replace("%2", what).replace("%3", str(len(ids)))
        )
        self.lists.setTabText(self.drill_tab, self.tr("Tasks (%1)").replace("%1", str(len(ids))))
        self.lists.setTabVisible(self.drill_tab, True)

    def set_periods(self, periods: list[PeriodInfo], current: int | None) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        for period in periods:
            self.period.addItem(period.label, period.id)
        self.period.addItem(self.tr("As of today"), None)
        self.period.setCurrentIndex(max(0, self.period.findData(current)))
        self.period.blockSignals(False)

    def show_overdue_list(self) -> None:
        """Bring the list of overdue tasks to the front."""
        self.lists.setCurrentWidget(self.overdue)

    def show_overview(self, view: Overview) -> None:
        self._view = view
        self.period.setCurrentIndex(
            max(0, self.period.findData(view.period.id if view.period else None))
        )
        when = view.period.label if view.period else self.tr("as of today")
        self.caption.setText(
            self.tr("%1 — cut-off %2 — %3 tasks, %4% done")
            .replace("%1", when)
            .replace("%2", format_date(view.cutoff))
            .replace("%3", str(view.overall.total))
            .replace("%4", "–" if view.percent is None else f"{view.percent:.0f}")
        )
        counts = view.overall
        _fill(
            self.summary, [(b.label_vi, counts.count(b), counts.percent(b)) for b in BUCKET_ORDER]
        )
        self._chart(counts)
        _fill(
            self.sections,
            [(g.number, "    " * (g.depth - 1) + g.title, *_group_cells(g)) for g in view.sections],
            [g.id for g in view.sections],
        )
        _fill(self.units, [(g.title, *_group_cells(g)) for g in view.units])
        _fill(self.overdue, [_task_cells(t) for t in view.overdue], [t.id for t in view.overdue])
        _fill(self.due_soon, [_task_cells(t) for t in view.due_soon], [t.id for t in view.due_soon])
        _fill(
            self.indicators,
            [(i.title, f"{i.target:g}", i.unit, "" if i.actual is None else f"{i.actual:g}")
             for i in view.indicators],
            [i.id for i in view.indicators],
        )  # fmt: skip
        self.lists.setTabText(2, self.tr("Overdue (%1)").replace("%1", str(len(view.overdue))))
        self.lists.setTabText(
            3, self.tr("Due within 7 days (%1)").replace("%1", str(len(view.due_soon)))
        )
        self._show_drilled()

    def _chart(self, counts: BucketCounts) -> None:
        from PySide6.QtCharts import QChart, QChartView, QPieSeries

        if self.chart is None:
            self.chart = QChart()
            self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
            view = QChartView(self.chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
            self.chart_holder.addWidget(view)
        self.chart.removeAllSeries()
        series = QPieSeries()
        for bucket in BUCKET_ORDER:
            n = counts.count(bucket)
            if n:
                piece = series.append(f"{self.bucket_label(bucket)}: {n}", n)
                piece.setColor(QColor(BUCKET_COLOURS[bucket]))
                piece.clicked.connect(lambda b=bucket: self.drill_into("all", None, b))
        self.chart.addSeries(series)


def _group_cells(group: GroupCounts) -> tuple:
    counts = group.counts
    percent = "" if group.percent is None else f"{group.percent:.0f}"
    return (counts.total, *(counts.count(b) for b in BUCKET_ORDER), percent)


def _task_cells(line: TaskLine) -> tuple:
    return (
        line.number, line.title, line.lead_unit, line.deadline_text,
        format_date(line.due_date), line.status, "" if line.percent is None else line.percent,
    )  # fmt: skip
