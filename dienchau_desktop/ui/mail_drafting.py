"""Email drafts from the window: a report sent upward, and one draft per unit.

The drafts are .eml files written into the outbox beside the data file ("Thư đi"),
which is opened once they are written; a draft itself opens in the default mail
program (Outlook opens it as a new message, ready to send when the line is up).
Nothing here needs the network.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.errors import UserError, ValidationError
from dienchau_desktop.core.mail_address import addresses, is_address
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports import mail_drafts, unit_drafts
from dienchau_desktop.reports.mail_drafts import Draft, WrittenDraft
from dienchau_desktop.services import periods, plans
from dienchau_desktop.services.overview import choose_period
from dienchau_desktop.services.units import UnitInfo
from dienchau_desktop.ui.settings import AppSettings
from dienchau_desktop.ui.wheel_guard import GuardedComboBox
from dienchau_desktop.ui.widgets import error_label

T = TypeVar("T")


class MailDraftDialog(QDialog):
    """A draft sending exported files upward: To (the plan's report address), subject
    and body prefilled, all editable; the files listed, more can be added."""

    def __init__(
        self,
        db: Database,
        plan_id: int,
        files: Sequence[Path],
        parent: QWidget | None = None,
        what: Sequence[str] = (),
    ) -> None:
        """`what` names what is sent ("Báo cáo số 45/BC-UBND ngày 20/6/2026"), for the
        subject and body; by default what the files are (the reports exported under
        the names proposed, otherwise the files' names)."""
        super().__init__(parent)
        self.db = db
        self.written: WrittenDraft | None = None
        self.setWindowTitle(self.tr("Compose an email"))
        plan = plans.get_plan(db, plan_id)
        sender = mail_drafts.sender_name(plan)
        what = list(what) or mail_drafts.files_described(db, plan_id, files)
        self.plan_id, self.plan_address = plan_id, plan.report_email
        self.to = QLineEdit(plan.report_email)
        self.to.setPlaceholderText(self.tr("e.g. vanphong@nghean.gov.vn"))
        # An address typed here for a plan that has none is what she will type next time
        # too: kept as the plan's (ticked by default then), and the dialog says where the
        # plan's address is set, for a change of mind later.
        self.keep_address = QCheckBox(self.tr("Save as the plan's report address"))
        self.keep_address.setChecked(not plan.report_email)
        self.to.textChanged.connect(lambda _t: self._address_changed())
        self._address_changed()
        menu = _menu_text(QCoreApplication.translate("MainWindow", "&Plan"))
        entry = _menu_text(QCoreApplication.translate("MainWindow", "Plan &properties…"))
        field = QCoreApplication.translate("PlanDialog", "Email reports to")
        where = QLabel(
            self.tr("The plan's report address is set in %1 → %2, «%3».")
            .replace("%1", menu).replace("%2", entry).replace("%3", field)
        )  # fmt: skip
        where.setWordWrap(True)
        self.subject = QLineEdit(mail_drafts.report_subject(sender, what))
        self.body = QPlainTextEdit(mail_drafts.report_body(sender, what))
        self.files = QListWidget()
        self.files.setMaximumHeight(90)
        for path in files:
            self._list_file(path)
        add = QPushButton(self.tr("Add a file…"))
        add.clicked.connect(self._add_files)
        remove = QPushButton(self.tr("Remove the file"))
        remove.clicked.connect(self._remove_file)
        self.error = error_label()

        form = QFormLayout()
        form.addRow(self.tr("To"), self.to)
        form.addRow("", self.keep_address)
        form.addRow("", where)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Message"), self.body)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(add)
        file_buttons.addWidget(remove)
        file_buttons.addStretch()
        form.addRow(self.tr("Attached"), self.files)
        form.addRow("", file_buttons)
        note = QLabel(self.tr("The draft is saved in the «Thư đi» folder beside the data "
                              "file; open it in your mail program and send it when the "
                              "internet is up."))  # fmt: skip
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = buttons.addButton(self.tr("Save the draft"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def _list_file(self, path: Path) -> None:
        item = QListWidgetItem(path.name)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        self.files.addItem(item)

    def attached(self) -> tuple[Path, ...]:
        return tuple(
            Path(self.files.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.files.count())
        )

    def _add_files(self) -> None:
        """More files, chosen from the folder of the last one attached (the reports she
        exported are together there)."""
        listed = self.attached()
        start = str(listed[-1].parent) if listed else export_folder(AppSettings())
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), start)
        for name in names:
            self._list_file(Path(name))

    def _remove_file(self) -> None:
        row = self.files.currentRow()
        if row >= 0:
            self.files.takeItem(row)

    def _address_changed(self) -> None:
        """The box is for an address other than the plan's: typed, and not the same."""
        typed = ", ".join(self.to.text().replace(";", ",").split(","))
        same = " ".join(typed.split()) == " ".join(self.plan_address.split())
        self.keep_address.setEnabled(bool(self.to.text().strip()) and not same)

    def accept(self) -> None:
        try:
            draft = Draft(
                to=addresses(self.to.text()),
                subject=self.subject.text(),
                body=self.body.toPlainText(),
                attachments=self.attached(),
            )
            if self.keep_address.isEnabled() and self.keep_address.isChecked():
                # Through the service: checked like the plan's own field, in the audit trail.
                plans.update_plan(self.db, self.plan_id, report_email=", ".join(draft.to))
            self.written = _busy(lambda: mail_drafts.write_draft(self.db, draft, outbox(self.db)))
        except ValidationError as error:
            self._refuse(error, self.to if error.field == "to" else self.subject)
            return
        except UserError as error:
            self._refuse(error, self.files)
            return
        super().accept()

    def _refuse(self, error: UserError, field: QWidget) -> None:
        self.error.setText(f"{error.message} {error.hint}".strip())
        self.error.show()
        field.setFocus()


class UnitDraftsDialog(QDialog):
    """One draft per unit of the plan, for a period: who gets one and who has no
    address are listed before anything is made."""

    def __init__(self, db: Database, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.plan_id = db, plan_id
        self.made: unit_drafts.UnitDrafts | None = None
        self.setWindowTitle(self.tr("Send to the units"))
        self.period = GuardedComboBox()
        known = periods.list_periods(db, plan_id)
        current = choose_period(known, date.today())
        for period in known:
            self.period.addItem(period.label, period.id)
        if current is not None:
            self.period.setCurrentIndex(self.period.findData(current.id))
        self.units = QListWidget()
        listed = unit_drafts.units_of_plan(db, plan_id)
        for unit in listed:
            self.units.addItem(self._unit_line(unit))
        self.sendable = [u for u in listed if is_address(u.email)]
        explain = QLabel(self.tr(
            "Each unit with an email address gets one draft, with the list of its tasks "
            "(PDF) and its return form for the period (Excel) attached. Add missing "
            "addresses in Plan → Units."))  # fmt: skip
        explain.setWordWrap(True)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make = buttons.addButton(
            self.tr("Make %1 drafts").replace("%1", str(len(self.sendable))),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.make.setEnabled(bool(self.sendable) and bool(known))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Reporting period"), self.period)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(self.units)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(600, 480)

    def _unit_line(self, unit: UnitInfo) -> QListWidgetItem:
        if is_address(unit.email):
            return QListWidgetItem(f"{unit.name} — {unit.email.strip()}")
        item = QListWidgetItem(self.tr("%1 — no email address, no draft").replace("%1", unit.name))
        item.setForeground(self.palette().placeholderText())
        return item

    def accept(self) -> None:
        period_id = self.period.currentData()
        try:
            self.made = _busy(lambda: unit_drafts.draft_for_units(
                self.db, self.plan_id, period_id, outbox(self.db)))  # fmt: skip
        except UserError as error:
            self.error.setText(f"{error.message} {error.hint}".strip())
            self.error.show()
            return
        super().accept()


def outbox(db: Database) -> Path:
    return mail_drafts.outbox_of(Path(db.path))


def _busy(work: Callable[[], T]) -> T:
    """Run `work` with the busy cursor: thirty units' exports take seconds."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return work()
    finally:
        QGuiApplication.restoreOverrideCursor()


def compose_report_draft(
    db: Database, plan_id: int, files: Sequence[Path], parent: QWidget | None,
    what: Sequence[str] = (),
) -> WrittenDraft | None:  # fmt: skip
    """Let her check and save a draft sending `files`; then show where it is."""
    dialog = MailDraftDialog(db, plan_id, files, parent, what)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.written is None:
        return None
    show_drafts(parent, [dialog.written], ())
    return dialog.written


def draft_for_units(db: Database, plan_id: int, parent: QWidget | None) -> None:
    """Ask for the period, make the units' drafts, then show where they are."""
    dialog = UnitDraftsDialog(db, plan_id, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.made is None:
        return
    show_drafts(parent, [w for _u, w in dialog.made.written], dialog.made.without_address)


def show_drafts(
    parent: QWidget | None, written: Sequence[WrittenDraft], without: Sequence[UnitInfo]
) -> None:
    """Open the outbox, and say what was drafted to whom, which units have no address,
    and which draft is too large for most mailboxes; the draft can be opened from here."""
    if not written:
        return
    folder = written[0].path.parent
    folder_opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    saved = QCoreApplication.translate("MailDrafting", "%1 draft(s) saved in «%2»:")
    lines = [saved.replace("%1", str(len(written))).replace("%2", str(folder))]
    lines += [f"• {', '.join(w.to)}: {w.path.name}" for w in written]
    large = [w.path.name for w in written if w.too_large]
    if large:
        too_large = QCoreApplication.translate(
            "MailDrafting", "Over 25 MB, which most mailboxes refuse: %1"
        )
        lines.append(too_large.replace("%1", ", ".join(large)))
    if without:
        no_address = QCoreApplication.translate("MailDrafting", "No email address, so no draft: %1")
        lines.append(no_address.replace("%1", ", ".join(u.name for u in without)))
    title = QCoreApplication.translate("MailDrafting", "Email drafts")
    box = QMessageBox(QMessageBox.Icon.Information, title, "\n".join(lines), parent=parent)
    open_draft = None
    if len(written) == 1:
        open_draft = box.addButton(
            QCoreApplication.translate("MailDrafting", "Open the draft"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    copy = None
    if not folder_opened:  # no file manager: the folder named above, to paste somewhere
        copy = box.addButton(
            QCoreApplication.translate("MailDrafting", "Copy the path"),
            QMessageBox.ButtonRole.ActionRole,
        )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if copy is not None and box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(str(folder))
    if open_draft is not None and box.clickedButton() is open_draft:
        draft = written[0].path
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(draft))):
            QMessageBox.information(
                parent, title,
                QCoreApplication.translate(
                    "MailDrafting", "No mail program could open the draft «%1». It is in:\n%2"
                ).replace("%1", draft.name).replace("%2", str(draft.parent)),
            )  # fmt: skip


def compose_with_files(
    db: Database, plan_id: int | None, parent: QWidget | None,
    settings: AppSettings | None = None,
) -> None:  # fmt: skip
    """Reports → Compose an email: choose the files to send, in the folder the last
    report was exported to (where what she sends is), then check the draft."""
    if plan_id is None:
        return
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("MailDrafting", "Choose the files to send"),
        export_folder(settings or AppSettings()),
    )
    if names:
        compose_report_draft(db, plan_id, [Path(n) for n in names], parent)


def export_folder(settings: AppSettings) -> str:
    """The folder the last report was exported to, as the export dialogs remember it;
    before any export, the documents folder (where they propose the first one)."""
    return settings.export_choices().folder or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )


def send_to_units(db: Database, plan_id: int | None, parent: QWidget | None) -> None:
    """Reports → Send to the units."""
    if plan_id is not None:
        draft_for_units(db, plan_id, parent)


def open_outbox(db: Database, parent: QWidget | None = None) -> None:
    """Reports → Open the outbox: the folder of the drafts, made if it is not there yet.
    Where no file manager opens it, she is told where it is."""
    folder = outbox(db)
    with contextlib.suppress(OSError):  # the file manager then says it is not there
        folder.mkdir(parents=True, exist_ok=True)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        say_where(folder, parent or QApplication.activeWindow())


def say_where(folder: Path, parent: QWidget | None) -> None:
    """No program opened `folder`: where it is, and its path to copy (to paste into the
    file manager's address bar, or a mail program's «attach» dialog)."""
    title = QCoreApplication.translate("MailDrafting", "Outbox")
    text = QCoreApplication.translate(
        "MailDrafting", "No program could open the outbox folder. The drafts are in:\n%1"
    ).replace("%1", str(folder))
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    copy = box.addButton(
        QCoreApplication.translate("MailDrafting", "Copy the path"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(str(folder))


def _menu_text(text: str) -> str:
    """A menu's text as a sentence names it: no accelerator mark, no trailing «…»."""
    return text.replace("&", "").rstrip("…").strip()
