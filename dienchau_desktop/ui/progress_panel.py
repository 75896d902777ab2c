"""The "Tiến độ" part of the task form: a new entry for a period, and the history.

Progress is never overwritten: "Record" adds an entry (undoable), and the history of
every period stays below it. A closed period's entries are read-only.

Each entry carries its evidence (minh chứng): the history names its files, and the
row under it lists the selected entry's files to open, remove, or add to. The panel
only asks (signals); ui/evidence_commands.py stores, opens and undoes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.deadline import format_date, parse_date
from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.services.evidence import EvidenceInfo, size_in_words
from dienchau_desktop.services.items import ItemNode
from dienchau_desktop.services.periods import PeriodInfo
from dienchau_desktop.services.progress import ProgressInfo
from dienchau_desktop.ui.wheel_guard import GuardedComboBox, GuardedSpinBox
from dienchau_desktop.ui.widgets import error_label

#: The history's column counting each entry's evidence files.
EVIDENCE_COLUMN = 6
#: The history's columns as wide as their contents: the date recorded, the %, the files.
_FITTED_COLUMNS = (1, 3, EVIDENCE_COLUMN)


class _Cell(NamedTuple):
    """A cell of the history as made: its text, its tooltip, and how it is drawn
    (None: plainly; a contribution's note and grey: in grey italics; `_COUNT_STYLE`:
    centred)."""

    text: str
    tooltip: str
    style: tuple[str, int] | None


#: The style of the evidence column's cells: a count, centred.
_COUNT_STYLE = ("", -1)


def _minute(moment: datetime) -> str:
    """dd/mm/yyyy hh:mm, as strftime writes it in a tenth of its time (20 a history)."""
    return f"{moment.day:02}/{moment.month:02}/{moment.year} {moment.hour:02}:{moment.minute:02}"


def _history_item(cell: _Cell, grey: QBrush) -> QTableWidgetItem:
    item = QTableWidgetItem(cell.text)
    item.setToolTip(cell.tooltip)
    if cell.style is _COUNT_STYLE:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    elif cell.style is not None:
        font = item.font()
        font.setItalic(True)
        item.setFont(font)
        item.setForeground(grey)
    return item


class ProgressPanel(QGroupBox):
    """Enter a task's progress for a period; see what was entered before."""

    #: item id, period id, the entry's values (service keyword arguments).
    record_requested = Signal(int, int, dict)
    #: item id, progress entry id, the paths chosen to attach to it.
    evidence_add_requested = Signal(int, int, list)
    #: attachment id: open it with the system's viewer.
    evidence_open_requested = Signal(int)
    #: item id, attachment id: detach it from its entry.
    evidence_remove_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Progress"))
        self._node: ItemNode | None = None
        self._periods: list[PeriodInfo] = []
        #: The new entry's fields hold something typed and not yet recorded.
        self._typed = False
        self._filling = False
        #: The shown task's entries (history order) and their evidence, by entry id.
        self._entries: list[ProgressInfo] = []
        #: The history's cells as they were made, row by row: a cell is made again
        #: only when its text, tooltip or style differs.
        self._cells: list[list[_Cell]] = []
        self._evidence: dict[int, list[EvidenceInfo]] = {}
        #: Reads a task's evidence (set by ui/evidence_commands.py); none: not shown.
        self.evidence_source: Callable[[int], list[EvidenceInfo]] | None = None

        self.period = GuardedComboBox()
        self.period.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.closed_note = QLabel(self.tr("This period is closed: its entries are read-only."))
        self.closed_note.setWordWrap(True)
        self.closed_note.hide()
        # The new entry starts from the latest one: say so when that was another period,
        # or the values look recorded for this one already.
        self.prefill_note = QLabel()
        self.prefill_note.setWordWrap(True)
        self.prefill_note.setStyleSheet("color: #555;")
        self.prefill_note.hide()
        self._prefilled_from: int | None = None
        self.status = GuardedComboBox()
        for value, text in (
            ("not_started", self.tr("Not started")),
            ("in_progress", self.tr("In progress")),
            ("completed", self.tr("Completed")),
            ("paused", self.tr("Paused")),
            ("cancelled", self.tr("Not carried out")),
        ):
            self.status.addItem(text, value)
        self.status.currentIndexChanged.connect(lambda _i: self._status_changed())
        self.percent = GuardedSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.completed_on = QLineEdit()
        self.completed_on.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.completed_on.textChanged.connect(lambda _t: self._check_date())
        # Said at the field, not in a box: a date outside the period is allowed (work
        # reported late), but the period's report counts it at the cut-off.
        self.date_note = QLabel()
        self.date_note.setStyleSheet("color: #8a4b00;")
        self.date_note.setWordWrap(True)
        self.date_note.setTextFormat(Qt.TextFormat.PlainText)
        self.date_note.hide()
        self._default_date = ""  # the date last filled in by the program, not typed
        self.result = QPlainTextEdit()
        self.result.setTabChangesFocus(True)
        self.result.setFixedHeight(46)
        self.result.setPlaceholderText(self.tr("What was done (kết quả thực hiện)"))
        self.actual = QLineEdit()
        self.actual.setPlaceholderText(self.tr("value reached"))
        self.reported_by = QLineEdit()
        self.error = error_label()
        self.record_button = QPushButton(self.tr("&Record progress"))
        self.record_button.clicked.connect(self._record)

        # Two fields a row: at 1366×768 the whole panel must fit under the task's
        # fields without scrolling, since it is the part of the form used most.
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        digits = self.completed_on.fontMetrics().horizontalAdvance("00/00/00000")
        self.completed_on.setMinimumWidth(digits + 12)
        status_row = QWidget()
        row = QHBoxLayout(status_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 3)
        row.addWidget(self.percent, 2)
        self._grid_row(grid, 0, self.tr("Period"), self.period)
        grid.addWidget(self.closed_note, 1, 0, 1, 4)

        self._grid_row(grid, 2, self.tr("Status"), status_row,
                       self.tr("Completed on"), self.completed_on)  # fmt: skip
        grid.addWidget(self.date_note, 3, 0, 1, 4)
        self._grid_row(grid, 4, self.tr("Result"), self.result)
        self._grid_row(grid, 5, self.tr("Indicator reached"), self.actual,
                       self.tr("Reported by"), self.reported_by)  # fmt: skip
        grid.addWidget(self.prefill_note, 6, 0, 1, 3)
        grid.addWidget(self.record_button, 6, 3, Qt.AlignmentFlag.AlignRight)

        self.history = QTableWidget(0, 7)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Period"), self.tr("Recorded"), self.tr("Status"), "%",
             self.tr("Result"), self.tr("By"), self.tr("Files")]
        )  # fmt: skip
        files_heading = self.history.horizontalHeaderItem(EVIDENCE_COLUMN)
        assert files_heading is not None
        files_heading.setToolTip(
            self.tr("Evidence files attached to the entry (the row below lists them)")
        )
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Date and % as wide as they are; period, state and reporter at a set width (long
        # ones elide, the tooltip has them whole); the result takes the rest.
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in _FITTED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        for column, width in ((0, 100), (2, 105), (5, 90)):
            self.history.setColumnWidth(column, width)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setMinimumHeight(72)
        self.history.setMaximumHeight(150)  # about five entries; the fields get the rest
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.currentCellChanged.connect(lambda *_cells: self._show_entry_evidence())

        # The selected entry's evidence, on one line under the history.
        self.evidence_label = QLabel(self.tr("Evidence:"))
        self.evidence_files = GuardedComboBox()
        self.evidence_files.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.evidence_files.setMinimumContentsLength(12)
        self.evidence_label.setBuddy(self.evidence_files)
        self.open_evidence_button = QPushButton(self.tr("Open"))
        self.open_evidence_button.setToolTip(self.tr("Open the file with its usual program"))
        self.open_evidence_button.clicked.connect(self._open_evidence)
        self.remove_evidence_button = QPushButton(self.tr("Remove"))
        self.remove_evidence_button.setToolTip(
            self.tr("Remove the file from this entry (Ctrl+Z puts it back)")
        )
        self.remove_evidence_button.clicked.connect(self._remove_evidence)
        self.attach_button = QPushButton(self.tr("Attach files…"))
        self.attach_button.setToolTip(
            self.tr("Attach scans, photos, PDFs or spreadsheets (up to 50 MB each) as "
                    "evidence of the selected entry")
        )  # fmt: skip
        self.attach_button.clicked.connect(self._attach)
        evidence_row = QHBoxLayout()
        evidence_row.setContentsMargins(0, 0, 0, 0)
        evidence_row.addWidget(self.evidence_label)
        evidence_row.addWidget(self.evidence_files, 1)
        evidence_row.addWidget(self.open_evidence_button)
        evidence_row.addWidget(self.remove_evidence_button)
        evidence_row.addWidget(self.attach_button)
        self.earlier_label = QLabel(self.tr("Earlier entries"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.earlier_label)
        layout.addWidget(self.history, 1)
        layout.addLayout(evidence_row)
        self._status_changed()
        for changed in (self.status.currentIndexChanged, self.percent.valueChanged,
                        self.completed_on.textChanged, self.result.textChanged,
                        self.actual.textChanged, self.reported_by.textChanged):  # fmt: skip
            changed.connect(self._mark_typed)

    def _mark_typed(self, *_value: object) -> None:
        if not self._filling:
            self._typed = True

    @staticmethod
    def _grid_row(grid: QGridLayout, row: int, label: str, field: QWidget,
                  label2: str = "", field2: QWidget | None = None) -> None:  # fmt: skip
        """A labelled field across the row, or two side by side."""
        first = QLabel(label)
        first.setBuddy(field)
        grid.addWidget(first, row, 0)
        if field2 is None:
            grid.addWidget(field, row, 1, 1, 3)
            return
        second = QLabel(label2)
        second.setBuddy(field2)
        grid.addWidget(field, row, 1)
        grid.addWidget(second, row, 2)
        grid.addWidget(field2, row, 3)

    # ------------------------------------------------------------------ showing

    def set_periods(self, periods: list[PeriodInfo], current: PeriodInfo | None) -> None:
        chosen = self.period.currentData()
        self._periods = list(periods)
        self.period.blockSignals(True)
        self.period.clear()
        for period in periods:
            label = period.label + (self.tr(" (closed)") if period.is_closed else "")
            self.period.addItem(label, period.id)
        index = self.period.findData(chosen if chosen is not None else (current and current.id))
        if index < 0 and current is not None:
            index = self.period.findData(current.id)
        self.period.setCurrentIndex(max(0, index))
        self.period.blockSignals(False)
        filling, self._filling = self._filling, True  # the program's change, not hers
        self._period_changed()
        self._filling = filling

    def show_task(self, node: ItemNode | None, entries: list[ProgressInfo]) -> None:
        """Show the history of `node` and prefill the new entry from its latest one.

        The same task shown again (a refresh after any change in the window) keeps what
        the secretary has typed and not yet recorded; only its history is renewed.
        """
        keep_typed = (
            self._typed
            and node is not None
            and self._node is not None
            and (node.id == self._node.id)
        )
        self._node = node
        self.error.hide()
        if node is None or node.kind != "task":
            self._entries, self._evidence = [], {}
            self.hide()
            return
        self.show()
        names = {p.id: p.label for p in self._periods}
        chosen = self._selected_entry()
        same_task = bool(self._entries) and self._entries[0].item_id == node.id
        shown_before = {e.id for e in self._entries}
        self._entries = list(entries)
        self._read_evidence(node.id)
        self.history.blockSignals(True)
        self._fill_history(entries, names)
        # The entry chosen before stays chosen (a refresh after adding a file to it);
        # an entry just recorded is chosen instead (the highlight stayed on the one
        # before it while the fields showed the new); else the newest, which is the one
        # evidence usually belongs to.
        keep = chosen.id if chosen is not None and same_task else None
        ids = [e.id for e in entries]
        recorded = [i for i in ids if i not in shown_before] if same_task else []
        if recorded:
            keep = recorded[0]
        self.history.setCurrentCell(ids.index(keep) if keep in ids else 0 if ids else -1, 0)
        self.history.blockSignals(False)
        self._show_entry_evidence()
        if keep_typed:
            return
        # The form starts from the task's state: the latest entry that is not a
        # coordinator's contribution.
        latest = next((e for e in entries if not e.contribution), None)
        self._prefilled_from = latest.period_id if latest else None
        self._say_where_prefilled_from()
        self._filling = True
        self.status.setCurrentIndex(
            max(0, self.status.findData(latest.status if latest else "in_progress"))
        )
        self.percent.setValue(latest.percent or 0 if latest else 0)
        self.completed_on.setText(format_date(latest.completed_on) if latest else "")
        self.result.setPlainText(latest.result_text if latest else "")
        actual = latest.indicator_actual if latest else None
        self.actual.setText("" if actual is None else f"{actual:g}")
        self.reported_by.setText(latest.reported_by if latest else "")
        self.reported_by.setCursorPosition(0)  # the start of a long name, not its end
        self._status_changed()
        self._filling = False
        self._typed = False

    def _fill_history(self, entries: list[ProgressInfo], names: dict[int, str]) -> None:
        """The history's rows, one an entry. Only the cells that differ from those
        shown are made again: a neighbouring task's history shares its periods, states
        and reporters (all 140 cells made again at each row the cursor went to)."""
        statuses = {self.status.itemData(i): self.status.itemText(i) for i in range(5)}
        note = self.tr("A coordinating unit's part: kept here, it does not change "
                       "the task's state.")  # fmt: skip
        grey = self.palette().placeholderText()
        contribution_style = (note, grey.color().rgba())
        coordinating = self.tr(" (coordinating)")
        imported = self.tr(" (imported)")
        rows: list[list[_Cell]] = []
        for entry in entries:
            # A coordinating unit's report is shown, but says so where the eye falls
            # (status, who) and in grey italics: it is not the task's state.
            marker = coordinating if entry.contribution else ""
            texts = (
                names.get(entry.period_id, ""),
                _minute(entry.recorded_at),
                statuses.get(entry.status, entry.status)
                + (f" ({format_date(entry.completed_on)})" if entry.completed_on else "")
                + marker,
                "" if entry.percent is None else str(entry.percent),
                entry.result_text,
                entry.reported_by + (imported if entry.source == "import" else "") + marker,
            )
            if entry.contribution:
                cells = [_Cell(t, f"{t}\n{note}", contribution_style) for t in texts]
            else:
                cells = [_Cell(t, t, None) for t in texts]
            # The evidence: a count (the result beside it needs the width); the names
            # are in the tooltip and, for the selected entry, in the row below.
            files = self._evidence.get(entry.id, [])
            tooltip = "\n".join(f"{f.file_name} ({size_in_words(f.size)})" for f in files)
            cells.append(_Cell(str(len(files)) if files else "", tooltip, _COUNT_STYLE))
            rows.append(cells)
        shown = self._cells
        del shown[len(rows) :]
        # A column fitted to its contents is measured again after every cell set (7
        # cells of 20 entries: 24 ms of each delete in a district plan): fitted once,
        # when the history is filled.
        header = self.history.horizontalHeader()
        for column in _FITTED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.history.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            before = shown[row] if row < len(shown) else None
            for column, cell in enumerate(cells):
                if before is None or before[column].style != cell.style:
                    self.history.setItem(row, column, _history_item(cell, grey))
                    continue
                was = before[column]
                if was == cell:
                    continue
                # Drawn alike: the cell shown takes the new text (a third cheaper than
                # a new cell).
                item = self.history.item(row, column)
                if was.text != cell.text:
                    item.setText(cell.text)
                if was.tooltip != cell.tooltip:
                    item.setToolTip(cell.tooltip)
            if before is None:
                shown.append(cells)
            else:
                shown[row] = cells
        for column in _FITTED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # ------------------------------------------------------------------ evidence

    def _read_evidence(self, item_id: int) -> None:
        """The task's evidence, by entry, and its total beside "Earlier entries"."""
        # Files belong to entries: a task without any (one just added) has none, and is
        # not asked for them.
        source = self.evidence_source
        files = source(item_id) if source is not None and self._entries else []
        self._evidence = {}
        for info in files:
            self._evidence.setdefault(info.entry_id, []).append(info)
        if files:
            total = sum(f.size for f in files)
            self.earlier_label.setText(
                self.tr("Earlier entries — evidence: %n file(s), %1", "", len(files))
                .replace("%1", size_in_words(total))
            )  # fmt: skip
        else:
            self.earlier_label.setText(self.tr("Earlier entries"))

    def _selected_entry(self) -> ProgressInfo | None:
        row = self.history.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def evidence_of_selected_entry(self) -> list[EvidenceInfo]:
        entry = self._selected_entry()
        return list(self._evidence.get(entry.id, [])) if entry is not None else []

    def _entry_is_closed(self, entry: ProgressInfo) -> bool:
        period = next((p for p in self._periods if p.id == entry.period_id), None)
        return period is not None and period.is_closed

    def _show_entry_evidence(self) -> None:
        """The evidence row follows the entry selected in the history."""
        entry = self._selected_entry()
        files = self.evidence_of_selected_entry()
        self.evidence_files.clear()
        for info in files:
            self.evidence_files.addItem(f"{info.file_name} ({size_in_words(info.size)})", info.id)
        # With a placeholder set, a filled combo keeps no item current unless told.
        self.evidence_files.setCurrentIndex(0 if files else -1)
        if entry is None:
            self.evidence_files.setPlaceholderText(self.tr("record progress first"))
        else:
            self.evidence_files.setPlaceholderText(self.tr("none for this entry"))
        writable = entry is not None and not self._entry_is_closed(entry)
        self.evidence_files.setEnabled(bool(files))
        self.open_evidence_button.setEnabled(bool(files))
        self.remove_evidence_button.setEnabled(bool(files) and writable)
        self.attach_button.setEnabled(writable and self.evidence_source is not None)

    def _attach(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach evidence"), "",
            self.tr("Scans, photos, documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff "
                    "*.doc *.docx *.xls *.xlsx *.odt *.ods *.zip);;All files (*)"),
        )  # fmt: skip
        if paths:
            self.evidence_add_requested.emit(entry.item_id, entry.id, list(paths))

    def _open_evidence(self) -> None:
        attachment_id = self.evidence_files.currentData()
        if attachment_id is not None:
            self.evidence_open_requested.emit(attachment_id)

    def _remove_evidence(self) -> None:
        entry = self._selected_entry()
        attachment_id = self.evidence_files.currentData()
        if entry is not None and attachment_id is not None:
            self.evidence_remove_requested.emit(entry.item_id, attachment_id)

    def renew_task(self, node: ItemNode) -> bool:
        """The task shown, its fields just edited (not its progress): the history and
        what is typed stay as they are. False when `node` is not that task as a task
        (another item, or its kind changed): show it with `show_task` then."""
        if self._node is None or node.id != self._node.id or node.kind != self._node.kind:
            return False
        self._node = node
        return True

    def selected_period(self) -> PeriodInfo | None:
        period_id = self.period.currentData()
        return next((p for p in self._periods if p.id == period_id), None)

    def _period_changed(self) -> None:
        period = self.selected_period()
        closed = period is not None and period.is_closed
        self.closed_note.setVisible(closed)
        self._say_where_prefilled_from()
        for widget in (self.status, self.percent, self.completed_on, self.result,
                       self.actual, self.reported_by, self.record_button):  # fmt: skip
            widget.setEnabled(period is not None and not closed)
        if self.status.currentData() == "completed" and (
            self.completed_on.text() == self._default_date
        ):
            self._fill_default_date()  # the earlier default belonged to another period
        self._check_date()

    def _say_where_prefilled_from(self) -> None:
        period = self.selected_period()
        source = next((p for p in self._periods if p.id == self._prefilled_from), None)
        if period is None or source is None or source.id == period.id:
            self.prefill_note.hide()
            return
        self.prefill_note.setText(
            self.tr("Filled in from the entry of «%1»: not yet recorded for «%2».")
            .replace("%1", source.label).replace("%2", period.label)
        )  # fmt: skip
        self.prefill_note.show()

    def _status_changed(self) -> None:
        completed = self.status.currentData() == "completed"
        self.completed_on.setEnabled(completed)
        if completed:
            if not self.completed_on.text().strip():
                self._fill_default_date()
            self.percent.setValue(100)
        else:
            self.completed_on.clear()
        self._check_date()

    def _fill_default_date(self) -> None:
        """Today, but not after the period's cut-off: work for a past period was done
        by its cut-off, or it belongs to a later period."""
        period = self.selected_period()
        day = date.today() if period is None else min(date.today(), period.cutoff)
        self._default_date = format_date(day)
        self.completed_on.setText(self._default_date)

    def _check_date(self) -> None:
        """Say at the field when the completion date is outside the selected period."""
        period = self.selected_period()
        note = ""
        if period is not None and self.status.currentData() == "completed":
            try:
                day = parse_date(self.completed_on.text(), "completed_on", "")
            except ValidationError:
                day = None  # not a date yet: "Record" says what is wrong with it
            if day is not None and day > period.cutoff:
                note = self.tr(
                    "%1 is after the cut-off of «%2» (%3): its report counts the task "
                    "as not completed. Choose a later period if the work was done then."
                )
            elif day is not None and day < period.start:
                note = self.tr("%1 is before «%2» began (%3).")
            if note:
                edge = period.cutoff if day > period.cutoff else period.start
                note = (
                    note.replace("%1", format_date(day))
                    .replace("%2", period.label)
                    .replace("%3", format_date(edge))
                )
        self.date_note.setText("⚠ " + note if note else "")
        self.date_note.setVisible(bool(note))

    # ------------------------------------------------------------------ saving

    @property
    def node(self) -> ItemNode | None:
        return self._node

    def has_unrecorded(self) -> bool:
        """Something was typed for the shown task and not recorded yet."""
        return self._typed and self._node is not None and self.record_button.isEnabled()

    def settle_unrecorded(self) -> None:
        """What was typed is being recorded or dropped: the next refresh refills."""
        self._typed = False

    def pending_entry(self) -> tuple[int, int, dict] | None:
        """The entry as typed: (item id, period id, the service's values); None without
        a task or a period. A completion date that is no date raises ValidationError."""
        node, period = self._node, self.selected_period()
        if node is None or period is None:
            return None
        completed_on = parse_date(self.completed_on.text(), "completed_on", self.tr("Completed on"))
        values = {
            "status": self.status.currentData(),
            "percent": self.percent.value(),
            "completed_on": completed_on,
            "result_text": self.result.toPlainText(),
            "indicator_actual": self.actual.text(),
            "reported_by": self.reported_by.text(),
        }
        return node.id, period.id, values

    def _record(self) -> None:
        try:
            entry = self.pending_entry()
        except ValidationError as error:
            self.show_error(error.message)
            return
        if entry is None:
            return
        self.error.hide()
        # Recorded: the refresh that follows fills the fields from the new entry. A
        # refusal comes back through show_error, which keeps what was typed.
        self.settle_unrecorded()
        self.record_requested.emit(*entry)

    def show_error(self, message: str) -> None:
        self._typed = True
        self.error.setText(message)
        self.error.show()
