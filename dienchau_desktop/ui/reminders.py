"""Reminders in the window (#19 part 4): at start, once the plan's progress is loaded,
and again when the day changes while the window stays open, a small list beside the
window (never modal: she keeps working) of the tasks overdue and due within 7, 3 and 1
days, grouped by lead unit. Closed, it stays closed that day (the settings remember
the day); View → Reminders opens it again. From it, "Soạn thư nhắc" writes one email
draft per unit listing its tasks, and a double-click shows a task in the plan tree.

The list is made from what the window holds (the tree and each task's latest entry),
not read again from the file, and follows the changes announced on the bus.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.deadline import format_date
from dienchau_desktop.core.errors import UserError
from dienchau_desktop.reports.reminder_drafts import ReminderDrafts, reminder_drafts
from dienchau_desktop.services.reminders import Band, Reminder, Reminders, reminders_of
from dienchau_desktop.ui import mail_drafting
from dienchau_desktop.ui.change_bus import Change

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow

#: How often the window looks whether the day has changed (ms).
DAY_CHECK_MS = 10 * 60 * 1000
#: How long after a change the open list follows it (one refresh for a burst of edits).
REFRESH_DELAY_MS = 400
#: The role holding a task row's item id.
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole
#: The widest the state column grows to fit its text (pixels at 96 dpi).
STATE_WIDTH_MOST = 230
#: Text colours of the bands (dark enough to read on white; the words say it too).
_COLOURS = {Band.OVERDUE: "#b71c1c", Band.WITHIN_1: "#8a4b00"}


class ReminderList(QDialog):
    """The list itself: a unit per group, its tasks under it, the counts above."""

    open_item = Signal(int)
    compose_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reminders"))
        self.setModal(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("Task"), self.tr("Deadline"), self.tr("Due"), self.tr("When"),
             self.tr("Latest state")]
        )  # fmt: skip
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setIndentation(14)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # "Quá hạn 10 ngày" and "Đang thực hiện (60%)" whole; the title takes the rest.
        for column, width in ((1, 105), (2, 80), (3, 130), (4, 150)):
            self.tree.setColumnWidth(column, width)
        self.tree.itemActivated.connect(self._activated)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.compose = QPushButton(self.tr("Compose reminder emails…"))
        self.compose.setToolTip(
            self.tr(
                "One email draft for each lead unit with an email address, listing its "
                "tasks overdue and due soon."
            )
        )
        buttons.addButton(self.compose, QDialogButtonBox.ButtonRole.ActionRole)
        self.compose.clicked.connect(lambda _checked=False: self.compose_requested.emit())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(800, 420)

    def fit_height(self, most: int) -> None:
        """As tall as its rows need (a short list leaves the window uncovered), at most
        `most` pixels."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        rows = len(self.unit_rows()) + len(self.task_ids())
        row_height = max(self.tree.sizeHintForRow(0), self.fontMetrics().height() + 2)
        wanted = self.tree.header().height() + rows * row_height + 2 * self.tree.frameWidth() + 6
        chrome = self.height() - self.tree.height()
        self.resize(self.width(), max(220, min(most, chrome + wanted)))

    def show_reminders(self, found: Reminders) -> None:
        """Fill the list; the units that were open stay open."""
        closed = {u.data(0, ITEM_ID_ROLE + 1) for u in self.unit_rows() if not u.isExpanded()}
        self.tree.clear()
        counts = (found.count(Band.OVERDUE), found.count(Band.WITHIN_1),
                  found.count(Band.WITHIN_3), found.count(Band.WITHIN_7))  # fmt: skip
        if found.is_empty:
            self.summary.setText(
                self.tr("On %1 no task is overdue or due within 7 days.")
                .replace("%1", format_date(found.day))
            )  # fmt: skip
        else:
            self.summary.setText(
                self.tr("On %1: <b>%2 overdue</b>, %3 due today or tomorrow, %4 within 3 "
                        "days, %5 within 7 days.")
                .replace("%1", format_date(found.day))
                .replace("%2", str(counts[0])).replace("%3", str(counts[1]))
                .replace("%4", str(counts[2])).replace("%5", str(counts[3]))
            )  # fmt: skip
        bold = QFont(self.font())
        bold.setBold(True)
        look = _RowLook(self, bold)
        rows: list[QTreeWidgetItem] = []
        for group in found.units:
            unit = QTreeWidgetItem([self._unit_text(group.unit_name, group.tasks)])
            unit.setFont(0, bold)
            key = group.unit_id if group.unit_id is not None else -1
            unit.setData(0, ITEM_ID_ROLE + 1, key)
            unit.setFlags(Qt.ItemFlag.ItemIsEnabled)
            # Made apart and added at once: a district's thousands of rows one by one
            # into the view took a second.
            unit.addChildren([look.row(task) for task in group.tasks])
            rows.append(unit)
        self.tree.addTopLevelItems(rows)
        for unit in rows:
            unit.setFirstColumnSpanned(True)
            unit.setExpanded(unit.data(0, ITEM_ID_ROLE + 1) not in closed)
        self._fit_columns(rows, bold)
        self.compose.setEnabled(not found.is_empty)

    def _fit_columns(self, rows: list[QTreeWidgetItem], bold: QFont) -> None:
        """«Còn lại» and «Tình hình» as wide as their longest text («Quá hạn 112 ngày»
        in bold, «Hoàn thành sau hạn (100%)»), the title taking what is left: fixed
        widths cut them short on a 1366×768 screen. The state column is held to
        STATE_WIDTH_MOST; a longer state shows whole in its tooltip."""
        texts: dict[int, set[tuple[str, bool]]] = {3: set(), 4: set()}
        for unit in rows:
            for j in range(unit.childCount()):
                row = unit.child(j)
                for column, found in texts.items():
                    found.add((row.text(column), row.font(column).bold()))
        header = self.tree.header()
        plain, strong = self.tree.fontMetrics(), QFontMetrics(bold)
        # A cell's text sits inside the style's focus-frame margin on each side.
        pad = 2 * (self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 4
        for column, least, most in ((3, 130, None), (4, 150, STATE_WIDTH_MOST)):
            title = self.tree.headerItem().text(column)
            wanted = pad + max(
                [plain.horizontalAdvance(title)]  # a list: an empty list has its heading
                + [(strong if b else plain).horizontalAdvance(t) for t, b in texts[column]]
            )
            header.resizeSection(column, max(least, min(wanted, most or wanted)))

    def _unit_text(self, name: str, tasks: tuple[Reminder, ...]) -> str:
        overdue = sum(1 for t in tasks if t.band is Band.OVERDUE)
        text = self.tr("%1 — %2 task(s)").replace("%1", name).replace("%2", str(len(tasks)))
        if overdue:
            text += self.tr(", %1 overdue").replace("%1", str(overdue))
        return text

    def task_ids(self) -> list[int]:
        """The tasks listed, in the list's order."""
        found = []
        for unit in self.unit_rows():
            rows = (unit.child(j) for j in range(unit.childCount()))
            found += [row.data(0, ITEM_ID_ROLE) for row in rows if row is not None]
        return found

    def unit_rows(self) -> list[QTreeWidgetItem]:
        """The units' rows, in the list's order."""
        rows = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [row for row in rows if row is not None]

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        item_id = item.data(0, ITEM_ID_ROLE)
        if item_id is not None:
            self.open_item.emit(int(item_id))

    def say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


class _RowLook:
    """A task's row, its words translated and its colours made once per fill."""

    def __init__(self, owner: ReminderList, bold: QFont) -> None:
        # In the list's own context: `owner.tr` made lupdate file them under "owner",
        # where the list never looked, and the rows stayed English.
        self.overdue = QCoreApplication.translate("ReminderList", "%1 day(s) overdue")
        self.today = QCoreApplication.translate("ReminderList", "Due today")
        self.tomorrow = QCoreApplication.translate("ReminderList", "Due tomorrow")
        self.later = QCoreApplication.translate("ReminderList", "In %1 days")
        self.bold = bold
        self.brushes = {band: QBrush(QColor(colour)) for band, colour in _COLOURS.items()}

    def row(self, task: Reminder) -> QTreeWidgetItem:
        if task.days_left < 0:
            when = self.overdue.replace("%1", str(task.days_overdue))
        elif task.days_left == 0:
            when = self.today
        elif task.days_left == 1:
            when = self.tomorrow
        else:
            when = self.later.replace("%1", str(task.days_left))
        state = task.state if task.percent is None else f"{task.state} ({task.percent}%)"
        title = f"{task.number} {task.title}".strip()
        due = task.due_date  # as format_date writes it; strftime costs 50 µs under Qt
        row = QTreeWidgetItem(
            [title, task.deadline_text, f"{due.day:02d}/{due.month:02d}/{due.year}", when, state]
        )
        row.setData(0, ITEM_ID_ROLE, task.id)
        row.setToolTip(0, title)
        if len(task.deadline_text) > 12:  # cut short in its column
            row.setToolTip(1, task.deadline_text)
        if len(state) > 24:  # past STATE_WIDTH_MOST
            row.setToolTip(4, state)
        brush = self.brushes.get(task.band)
        if brush is not None:
            row.setForeground(3, brush)
            row.setFont(3, self.bold)
        return row


class ReminderFlow:
    """When the list shows, what it shows, and the reminder drafts made from it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.list: ReminderList | None = None
        self.current: Reminders | None = None
        #: The day the list was last offered by itself (None: not yet).
        self.offered_on: date | None = None
        self.timer = QTimer(window)
        self.timer.setInterval(DAY_CHECK_MS)
        self.timer.timeout.connect(self.check_day)
        self.timer.start()
        # The open list follows the changes a moment after them, once for a burst: worked
        # out again from the whole plan it costs a quarter of a second on a district's
        # 10,000 tasks, which must not stand between an edit and the window showing it.
        self.refresh_later = QTimer(window)
        self.refresh_later.setSingleShot(True)
        self.refresh_later.setInterval(REFRESH_DELAY_MS)
        self.refresh_later.timeout.connect(self.refresh)
        window.bus.changed.connect(self._changed)

    # ------------------------------------------------------------------ when it shows

    def progress_loaded(self) -> None:
        """The window has read the plan's progress: offer the list once a day (unless
        she closed it today), and bring an open list up to date."""
        today = date.today()
        if self.offered_on != today:
            self.offered_on = today
            if self.window.settings.reminders_closed_on != today:
                found = self.compute()
                if not found.is_empty:
                    self._show(found, activate=False)
                return
        self.refresh()

    def check_day(self) -> None:
        """The timer: a new day while the window stays open reads the progress again
        (what counts as overdue moved), and so offers the list."""
        if self.offered_on is not None and date.today() != self.offered_on:
            self.window.loading.reload_progress()

    def reopen(self) -> None:
        """View → Reminders: the list, even when nothing is due (it says so)."""
        if self.window.plan_id is None:
            return
        self._show(self.compute(), activate=True)

    def compute(self) -> Reminders:
        model = self.window.model
        return reminders_of(model.tree, model.progress_entries(), date.today())

    def refresh(self) -> None:
        """The open list made again, when what it lists changed: most edits change
        nothing in it, and filling a district's thousands of rows takes a fifth of a
        second."""
        if self.list is not None and self.list.isVisible():
            found = self.compute()
            if found != self.current:
                self.current = found
                self.list.show_reminders(found)

    def _show(self, found: Reminders, activate: bool) -> None:
        if self.list is None:
            self.list = ReminderList(self.window)
            self.list.open_item.connect(self.open_item)
            self.list.compose_requested.connect(self.compose)
            self.list.finished.connect(self._closed)
        self.current = found
        self.list.show_reminders(found)
        self.list.say("")
        if self.list.isVisible():
            if activate:
                self.list.raise_()
                self.list.activateWindow()
            return
        # At start it must not take the keyboard from the window (some window systems
        # activate a new window all the same: the window is made active again).
        self.list.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        self.list.fit_height(self.window.height() * 2 // 3)
        self._place(self.list)
        focused = QApplication.focusWidget()
        self.list.show()
        if activate:
            self.list.activateWindow()
        else:
            self.window.activateWindow()
            if focused is not None:
                focused.setFocus()

    def _place(self, shown: ReminderList) -> None:
        """At the bottom right of the window, over the form, clear of the status bar."""
        frame = self.window.geometry()
        size = shown.frameGeometry().size()
        below = self.window.statusBar().height() + 8
        corner = QPoint(frame.right() - size.width() - 16, frame.bottom() - size.height() - below)
        shown.move(max(frame.left(), corner.x()), max(frame.top(), corner.y()))

    def _closed(self, _result: int) -> None:
        settings = self.window.settings
        settings.reminders_closed_on = date.today()
        settings.sync()

    def _changed(self, change: Change) -> None:
        if self.list is None or not self.list.isVisible():
            return
        if change.what in {"items", "progress", "units", "plans"}:
            # Also once the window's tree has followed the change (its handler may run
            # after this one): the list is made from what the tree holds.
            self.refresh_later.start()

    # ------------------------------------------------------------------ from the list

    def open_item(self, item_id: int) -> None:
        """A double-click (or Enter) on a task: the task in the plan tree and its form."""
        window = self.window
        window.overview.open_item(item_id)
        window.activateWindow()

    def compose(self) -> None:
        """ "Soạn thư nhắc": one draft per unit with an address, then the outbox."""
        window, shown, found = self.window, self.list, self.current
        if found is None or shown is None:
            return
        outbox = mail_drafting.outbox(window.db)
        cannot = QCoreApplication.translate("Reminders", "Cannot make the drafts")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            outbox.mkdir(parents=True, exist_ok=True)
            made = reminder_drafts(window.db, found, outbox)
        except UserError as error:
            QMessageBox.warning(shown, cannot, f"{error.message}\n\n{error.hint}".strip())
            return
        except OSError as error:
            QMessageBox.warning(shown, cannot, str(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        said = self._made_text(made)
        shown.say(said)
        if made.written:
            written = [w for _u, w in made.written]
            mail_drafting.show_drafts(shown, written, made.without_address)
        else:
            title = QCoreApplication.translate("Reminders", "Reminder emails")
            QMessageBox.information(shown, title, said)

    @staticmethod
    def _made_text(made: ReminderDrafts) -> str:
        count = QCoreApplication.translate("Reminders", "%1 reminder draft(s) made.")
        lines = [count.replace("%1", str(len(made.written)))]
        if made.without_address:
            names = ", ".join(u.name for u in made.without_address)
            no_address = QCoreApplication.translate(
                "Reminders", "No email address, so no draft: %1"
            )
            lines.append(no_address.replace("%1", names))
        if made.unassigned:
            nobody = QCoreApplication.translate(
                "Reminders", "%1 task(s) have no lead unit: nobody to remind."
            )
            lines.append(nobody.replace("%1", str(made.unassigned)))
        return "\n".join(lines)
