"""Báo cáo → Xuất báo cáo…: choose the report, its period or unit, the columns of the
appendix, the format, the document's header and closing and the free texts; preview it;
export with a busy indicator; then preview, open the file or its folder, or print it.
The last choices are remembered, and each period's report is kept however the dialog is
closed: she writes it over several days. Its free texts (parts I, III, IV and V, the
recipients) go in the data file with the period (services.report_texts); its number and
date, and a copy of the texts for a data file that cannot be written, in the settings."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.errors import UserError, ValidationError, os_reason
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports import mail_drafts, registry
from dienchau_desktop.reports.appendix import COLUMNS, DEFAULT_COLUMNS
from dienchau_desktop.reports.document import document_info
from dienchau_desktop.reports.export import ExportRequest, export_report
from dienchau_desktop.reports.file_names import report_file_name
from dienchau_desktop.reports.progress_report import (
    AS_ABOVE,
    direction_skeleton,
    unwritten_parts,
)
from dienchau_desktop.services import periods, plans, report_texts, units
from dienchau_desktop.services.overview import choose_period
from dienchau_desktop.ui.date_field import DateField
from dienchau_desktop.ui.mail_drafting import compose_report_draft
from dienchau_desktop.ui.pdf_preview import PdfPreview, show_preview
from dienchau_desktop.ui.settings import AppSettings, ExportChoices, ReportDraft
from dienchau_desktop.ui.wheel_guard import GuardedComboBox
from dienchau_desktop.ui.widgets import error_label, ok_cancel

#: The formats as the dialog lists them: PDF first, what is printed and sent upward.
FORMAT_TEXTS = {"pdf": "PDF", "xlsx": "Excel (.xlsx)"}


def window_label(kind: registry.ReportKind) -> str:
    """A report's name in the window, in Vietnamese: the registry's, with its format
    when it has only one (the format box is then locked: the name says why)."""
    if len(kind.formats) == 1:
        return f"{kind.label} ({registry.FORMAT_NAMES[kind.formats[0]]})"
    return kind.label


class ReportsDialog(QDialog):
    """Everything an export needs, in one dialog: what to export on the first tab, the
    document's header and closing on the second, the free texts of parts III and V on
    the third (the last two apply to the progress report)."""

    def __init__(self, db: Database, plan_id: int, settings: AppSettings,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.db, self.plan_id, self.settings = db, plan_id, settings
        self.setWindowTitle(self.tr("Export a report"))
        self.output: Path | None = None
        # Previews are written here (made at the first one); a viewer may still hold one
        # open on Windows.
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._previews = 0
        self.finished.connect(lambda _r: self._scratch and self._scratch.cleanup())
        self.plan = plan = plans.get_plan(db, plan_id)
        chosen = settings.export_choices()
        header = settings.export_header()

        def saved(key: str, default: str) -> str:
            return header.get(key, default)

        self.report = GuardedComboBox()
        labels = self.report_labels()
        for kind in registry.REPORT_KINDS:
            self.report.addItem(labels.get(kind.key) or window_label(kind), kind.key)
        self.report.setCurrentIndex(max(0, self.report.findData(chosen.report)))
        self.format = GuardedComboBox()
        formats = registry.formats()
        listed = [fmt for fmt in FORMAT_TEXTS if fmt in formats]
        for fmt in listed + [fmt for fmt in formats if fmt not in listed]:
            self.format.addItem(FORMAT_TEXTS.get(fmt, registry.FORMAT_NAMES[fmt]), fmt)
        self.format.setCurrentIndex(max(0, self.format.findData(chosen.fmt)))
        self.period = GuardedComboBox()
        self.periods = {period.id: period for period in periods.list_periods(db, plan_id)}
        for period in self.periods.values():
            self.period.addItem(period.label, period.id)
        # The period last reported on, else the one under way.
        last = settings.export_period(plan_id)
        current = self.periods.get(last) if last is not None else None
        current = current or choose_period(list(self.periods.values()), date.today())
        self.period.setCurrentIndex(max(0, self.period.findData(current.id if current else None)))
        self.unit = GuardedComboBox()
        for unit in units.list_units(db):
            self.unit.addItem(unit.name, unit.name)
        self.unit.setCurrentIndex(max(0, self.unit.findData(chosen.unit)))
        self.columns = QListWidget()
        self.columns.setDragDropMode(QListWidget.DragDropMode.InternalMove)  # order by dragging
        self.columns.setFixedHeight(150)
        ticked = chosen.columns if chosen.columns is not None else DEFAULT_COLUMNS
        order = [c for c in ticked if c in COLUMNS] + [c for c in COLUMNS if c not in ticked]
        for key in order:
            entry = QListWidgetItem(COLUMNS[key].heading)
            entry.setData(Qt.ItemDataRole.UserRole, key)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
            self.columns.addItem(entry)

        # The header and closing: defaults from the plan, then the last values used.
        self.parent_body = QLineEdit(saved("parent_body", plan.parent_body))
        self.issuing_body = QPlainTextEdit(saved("issuing_body", plan.issuing_body))
        self.issuing_body.setFixedHeight(56)
        # The number and the date belong to the period's report, like parts III and V.
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("left blank: Số:    /BC-UBND"))
        self.place = QLineEdit(saved("place", plan.place))
        self.report_date = DateField()
        self.addressee = QLineEdit(saved("addressee", ""))
        self.addressee.setPlaceholderText(self.tr("e.g. Ủy ban nhân dân tỉnh Nghệ An"))
        self.signer_authority = QLineEdit(saved("signer_authority", plan.signer_authority))
        self.signer_title = QLineEdit(saved("signer_title", plan.signer_title))
        self.signer_name = QLineEdit(saved("signer_name", plan.signer_name))
        # The recipients belong to the period's report, like its free texts; a period
        # without its own starts from the list last used, else the plan's.
        self._default_recipients = saved(
            "recipients", "\n".join([f"{AS_ABOVE};", *plan.recipients])
        )
        self.recipients = QPlainTextEdit()
        self.recipients.setFixedHeight(80)
        # Parts I, III, IV and V, kept per period: she writes them over several days.
        self.skeleton = direction_skeleton(document_info(db, plan_id))
        self.direction = QPlainTextEdit()
        self.shortcomings = QPlainTextEdit()
        self.next_text = QPlainTextEdit()
        self.proposals = QPlainTextEdit()
        self.text_boxes = {
            "direction": self.direction,
            "shortcomings": self.shortcomings,
            "next_tasks": self.next_text,
            "proposals": self.proposals,
            "recipients": self.recipients,
        }
        for box in self.text_boxes.values():
            box.setTabChangesFocus(True)
        self._loaded_texts: dict[str, str] = {}
        self.error = error_label()

        self.form = QFormLayout()
        self.form.addRow(self.tr("Report"), self.report)
        self.form.addRow(self.tr("Format"), self.format)
        self.form.addRow(self.tr("Period"), self.period)
        self.form.addRow(self.tr("Unit", "an office or body, not a unit of measurement"), self.unit)
        self.form.addRow(self.tr("Columns (tick, drag to order)"), self.columns)
        what = QWidget()
        what.setLayout(self.form)
        document = QFormLayout()
        document.addRow(self.tr("Parent body"), self.parent_body)
        document.addRow(self.tr("Issuing body"), self.issuing_body)
        document.addRow(self.tr("Report number"), self.number)
        document.addRow(self.tr("Place"), self.place)
        document.addRow(self.tr("Date"), self.report_date)
        document.addRow(self.tr("To (Kính gửi)"), self.addressee)
        document.addRow(self.tr("Signing authority"), self.signer_authority)
        document.addRow(self.tr("Signer's title"), self.signer_title)
        document.addRow(self.tr("Signer"), self.signer_name)
        document.addRow(self.tr("Recipients (one per line)"), self.recipients)
        header = QWidget()
        header.setLayout(document)
        texts = QWidget()
        texts_layout = QVBoxLayout(texts)
        texts_layout.addWidget(QLabel(self.tr("I. Direction and management")))
        texts_layout.addWidget(self.direction)
        texts_layout.addWidget(QLabel(self.tr("III. Shortcomings, limitations and causes")))
        texts_layout.addWidget(self.shortcomings)
        texts_layout.addWidget(
            QLabel(
                self.tr("IV. Tasks and measures for the next period (after the list of tasks due)")
            )
        )
        texts_layout.addWidget(self.next_text)
        texts_layout.addWidget(QLabel(self.tr("V. Proposals")))
        texts_layout.addWidget(self.proposals)
        self.tabs = QTabWidget()
        self.tabs.addTab(what, self.tr("Report"))
        self.header_tab = self.tabs.addTab(header, self.tr("Header and closing"))
        self.texts_tab = self.tabs.addTab(texts, self.tr("Parts I, III, IV and V"))

        buttons = ok_cancel(self)
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.preview_button.clicked.connect(self.preview)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.report.currentIndexChanged.connect(lambda _i: self._report_changed())
        self._draft_period: int | None = None
        self._exported = False
        self.period.currentIndexChanged.connect(lambda _i: self._load_draft())
        self._load_draft()
        self._report_changed()
        self.resize(640, min(640, self.sizeHint().height()))

    def report_labels(self) -> dict[str, str]:
        """The reports' names in the window's language, by registry key. Translated
        here (Qt's catalogue is made from ui/): a report missing here is listed by its
        Vietnamese name from the registry, in every language."""
        return {
            "appendix": self.tr("Task appendix"),
            "progress": self.tr("Progress report for a period"),
            "due": self.tr("Overdue and due within 7 days"),
            "unit": self.tr("Tasks of one unit"),
            "return-form": self.tr("Return form for a unit (Excel)"),
        }

    def _report_changed(self) -> None:
        """Show the fields the chosen report reads and offer the formats it has, as the
        registry says."""
        kind = registry.REPORTS[self.report.currentData()]
        shown = {
            self.period: kind.needs_period,
            self.unit: kind.needs_unit,
            self.columns: "columns" in kind.options,
        }
        for widget, visible in shown.items():
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)
        # A report that is a document with a header and closing (number, date, "Kính
        # gửi", signer) has the second tab; one with parts III and V the third.
        self.tabs.setTabEnabled(self.header_tab,
                                bool(kind.options & {"number", "addressee", "header"}))  # fmt: skip
        self.tabs.setTabEnabled(self.texts_tab, "parts" in kind.options)
        formats = self.format.model()
        for row in range(self.format.count()):
            formats.item(row).setEnabled(self.format.itemData(row) in kind.formats)
        if self.format.currentData() not in kind.formats:
            self.format.setCurrentIndex(self.format.findData(kind.formats[0]))
        self.format.setEnabled(len(kind.formats) > 1)
        self.preview_button.setEnabled("pdf" in kind.formats)  # a preview is the PDF

    def _load_draft(self) -> None:
        """Show the report written for the chosen period, keeping what was typed for the
        previous one."""
        if self._draft_period is not None:
            self._store_draft(self._draft_period)
        self._draft_period = self.period.currentData()
        draft = (
            self.settings.report_draft(self.plan_id, self.periods[self._draft_period])
            if self._draft_period is not None
            else ReportDraft()
        )
        self._stored_date = draft.report_date
        self.number.setText(draft.number)
        self.report_date.set_day(draft.report_date or date.today())
        texts, self._loaded_texts = self._saved_texts(draft)
        for key, box in self.text_boxes.items():
            box.setPlainText(texts[key])

    def _saved_texts(self, draft: ReportDraft) -> tuple[dict[str, str], dict[str, str]]:
        """The period's texts to show: those in the data file, else the copy in the
        settings (texts written before they were kept in the data file, or while it
        could not be written), else the defaults (part I's skeleton, the last
        recipients). And what the data file holds (a default where it holds nothing):
        a text shown from the copy differs, so it is saved there when the dialog closes."""
        stored: dict[str, str] = {}
        if self._draft_period is not None:
            with contextlib.suppress(UserError):  # unreadable: the copy is shown
                stored = report_texts.report_texts(self.db, self._draft_period)
        copy = {"direction": draft.direction, "shortcomings": draft.shortcomings,
                "next_tasks": draft.next_text, "proposals": draft.proposals,
                "recipients": draft.recipients}  # fmt: skip
        defaults = {"direction": self.skeleton, "recipients": self._default_recipients}
        held = {key: stored.get(key, defaults.get(key, "")) for key in self.text_boxes}
        shown = {key: stored[key] if key in stored else copy[key] or held[key]
                 for key in self.text_boxes}  # fmt: skip
        return shown, held

    def _typed_texts(self) -> dict[str, str]:
        texts = {key: box.toPlainText().strip() for key, box in self.text_boxes.items()}
        lines = (line.strip() for line in texts["recipients"].splitlines())
        texts["recipients"] = "\n".join(line for line in lines if line)
        return texts

    def _store_draft(self, period_id: int) -> None:
        # The date is the report's once typed or used for an export; today's date shown
        # by default is not kept, or a draft opened next week would print a stale one.
        day = self._stored_date
        if self._exported or self.report_date.isModified():
            with contextlib.suppress(ValidationError):  # a half-typed date is not kept
                day = self.report_date.day(self.tr("Date")) or day
        texts = self._typed_texts()
        # Part I's skeleton left as it was is not her text: it is made again next time
        # (from the plan's number and date, which may be filled in by then).
        changed = {key: value for key, value in texts.items()
                   if value != self._loaded_texts.get(key, "").strip()
                   and not (key == "direction" and value == self.skeleton)}  # fmt: skip
        if changed:
            with contextlib.suppress(UserError):  # read-only, locked: the copy below keeps them
                report_texts.save_report_texts(self.db, period_id, changed)
            self._loaded_texts = {**self._loaded_texts, **changed}
        draft = ReportDraft(
            self.number.text(), day, texts["shortcomings"], texts["proposals"],
            direction="" if texts["direction"] == self.skeleton else texts["direction"],
            next_text=texts["next_tasks"], recipients=texts["recipients"],
        )  # fmt: skip
        self.settings.set_report_draft(self.plan_id, self.periods[period_id], draft)

    def _chosen_columns(self) -> tuple[str, ...]:
        return tuple(
            self.columns.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.columns.count())
            if self.columns.item(r).checkState() == Qt.CheckState.Checked
        )

    def _header(self) -> dict[str, str]:
        """The header and closing as typed, blank lines dropped (keys: EXPORT_HEADER)."""

        def lines(box: QPlainTextEdit) -> str:
            kept = (line.strip() for line in box.toPlainText().splitlines())
            return "\n".join(line for line in kept if line)

        return {
            "parent_body": self.parent_body.text().strip(),
            "issuing_body": lines(self.issuing_body),
            "place": self.place.text().strip(),
            "addressee": self.addressee.text(),
            "signer_authority": self.signer_authority.text().strip(),
            "signer_title": self.signer_title.text().strip(),
            "signer_name": self.signer_name.text().strip(),
            "recipients": lines(self.recipients),
        }

    def request(self, fmt: str | None = None) -> ExportRequest:
        """What to export; a ValidationError if the date typed is not a day."""
        header: dict[str, object] = dict(self._header())
        addressee = str(header.pop("addressee"))
        header.pop("recipients")  # the period's, with the free texts
        texts = report_texts.checked_texts(self._typed_texts())  # too long: said where
        return ExportRequest(
            report=self.report.currentData(),
            fmt=fmt or self.format.currentData(),
            plan_id=self.plan_id,
            period_id=self.period.currentData(),
            unit=self.unit.currentData(),
            columns=self._chosen_columns() or None,
            number=self.number.text(),
            addressee=addressee,
            header=header,
            shortcomings=texts["shortcomings"],
            proposals=texts["proposals"],
            report_date=self.report_date.day(self.tr("Date")),
            texts=texts,
        )

    def done(self, result: int) -> None:
        """However the dialog is closed (Export, Cancel, Esc), it reopens as it was left."""
        self._remember()
        super().done(result)

    def _remember(self) -> None:
        choices = ExportChoices(
            self.report.currentData(),
            self.format.currentData(),
            self.unit.currentData(),
            self._chosen_columns(),
        )
        self.settings.set_export_choices(choices)
        self.settings.set_export_header(self._header())
        if self._draft_period is not None:
            self.settings.set_export_period(self.plan_id, self._draft_period)
            self._store_draft(self._draft_period)
        self.settings.sync()

    def _write(self, request: ExportRequest, out: Path) -> bool:
        """Export with a busy indicator; on failure say why in the dialog."""
        busy = QProgressDialog(self.tr("Exporting the report…"), "", 0, 0, self)
        busy.setCancelButton(None)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.show()
        QApplication.processEvents()
        try:
            export_report(self.db, request, out)
        except UserError as error:
            self.error.setText(error.message)
            self.error.show()
            return False
        except OSError as exc:
            self.error.setText(self.tr("Cannot write %1: %2").replace("%1", str(out))
                               .replace("%2", os_reason(exc)))  # fmt: skip
            self.error.show()
            return False
        finally:
            busy.close()
        self.error.hide()
        return True

    def preview(self) -> PdfPreview | None:
        """The report as it will print, whatever format is chosen: its PDF rendering."""
        request = self._checked_request(fmt="pdf")
        if request is None:
            return None
        self._previews += 1
        if self._scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="dienchau-preview-",
                                                        ignore_cleanup_errors=True)  # fmt: skip
        out = Path(self._scratch.name) / f"{self._previews}-{self.file_name(request)}"
        if not self._write(request, out):
            return None
        viewer = PdfPreview(out, self)
        viewer.setWindowModality(Qt.WindowModality.WindowModal)
        viewer.show()
        return viewer

    def file_name(self, request: ExportRequest) -> str:
        """The name proposed for the file: what the report is and what it covers."""
        return report_file_name(
            request.report, request.fmt, plan_number=self.plan.number,
            plan_year=self.plan.year, period=self.periods.get(request.period_id),
            unit=request.unit,
        )  # fmt: skip

    def _checked_request(self, fmt: str | None = None) -> ExportRequest | None:
        """The request, or None with the reason shown at the field that is wrong."""
        try:
            return self.request(fmt)
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            box = self.text_boxes.get(error.field)
            if box is None:
                self.tabs.setCurrentIndex(self.header_tab)
                self.report_date.setFocus()
            else:
                on_header = box is self.recipients
                self.tabs.setCurrentIndex(self.header_tab if on_header else self.texts_tab)
                box.setFocus()
            return None

    def choose_output(self, request: ExportRequest) -> Path | None:
        folder = self.settings.export_choices().folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        suggested = Path(folder) / self.file_name(request)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as"), str(suggested),
            "PDF (*.pdf)" if request.fmt == "pdf" else "Excel (*.xlsx)",
        )  # fmt: skip
        return Path(name) if name else None

    def accept(self) -> None:
        request = self._checked_request()
        if request is None or not self._parts_written_or_let_be(request):
            return
        out = self.choose_output(request)
        if out is None or not self._write(request, out):
            return
        self._exported = True
        self.settings.set_export_choices(ExportChoices(folder=str(out.parent)))
        self.output = out
        super().accept()
        self.offer_next_steps(out, self._what_is_sent(request))

    def _parts_written_or_let_be(self, request: ExportRequest) -> bool:
        """Before a report goes out whose own words she never wrote (parts I, III or V
        empty, or part I still its skeleton), say which, and offer to write them: False
        (the texts' tab open at the first of them) unless she exports it as it is."""
        if "parts" not in registry.REPORTS[request.report].options:
            return True
        missing = unwritten_parts(self._typed_texts(), self.skeleton)
        if not missing:
            return True
        names = {
            "direction": self.tr("I. Direction and management"),
            "shortcomings": self.tr("III. Shortcomings, limitations and causes"),
            "proposals": self.tr("V. Proposals"),
        }
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Parts not written"),
            self.tr("These parts of the report are still empty or as prefilled:\n\n%1\n\n"
                    "Exported as they are, an empty part prints «(Chưa nhập.)» and part I "
                    "its prefilled outline with «…» to fill in. A report sent upward says "
                    "what was done. Write them first?")
            .replace("%1", "\n".join(f"- {names[key]}" for key in missing)),
            parent=self,
        )  # fmt: skip
        write = box.addButton(self.tr("Write them"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Export anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(write)
        box.setEscapeButton(write)
        box.exec()
        if box.clickedButton() is not write:
            return True
        self.tabs.setCurrentIndex(self.texts_tab)
        self.text_boxes[missing[0]].setFocus()
        return False

    def _what_is_sent(self, request: ExportRequest) -> str:
        """The report as a mail's subject names it: the progress report with its period,
        and its number and date once it has them ("Báo cáo số 45/BC-UBND ngày 20/06/2026
        sơ kết 6 tháng đầu năm 2026 thực hiện Kế hoạch số 15/KH-UBND"); another report
        as a draft made from its file names it ("Danh mục nhiệm vụ của Công an xã")."""
        period = self.periods.get(request.period_id) if request.period_id is not None else None
        if request.report == "progress" and period is not None:
            return mail_drafts.progress_report_words(
                self.plan, period, request.number, request.report_date
            )
        named = mail_drafts.files_described(self.db, self.plan_id, [Path(self.file_name(request))])
        return named[0] if named else registry.REPORTS[request.report].label

    def offer_next_steps(self, out: Path, what: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Report exported"),
                          self.tr("The report is saved as:\n%1").replace("%1", str(out)),
                          parent=self.parentWidget())  # fmt: skip
        open_file = box.addButton(self.tr("Open file"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        preview = None
        if out.suffix == ".pdf":
            preview = box.addButton(self.tr("Preview"), QMessageBox.ButtonRole.ActionRole)
        print_it = box.addButton(self.tr("Print"), QMessageBox.ButtonRole.ActionRole)
        mail = box.addButton(self.tr("Compose an email…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        clicked = box.clickedButton()
        if clicked is mail:
            compose_report_draft(self.db, self.plan_id, [out], self.parentWidget(),
                                 [what] if what else [])  # fmt: skip
        if clicked is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
        elif clicked is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))
        elif clicked is preview:
            show_preview(out, self.parentWidget())
        elif clicked is print_it:
            print_file(out, self.parentWidget())


def print_file(path: Path, parent: QWidget | None) -> None:
    """Print a PDF through Qt (the system's print dialog, on A4); an Excel file through
    the program that opens it (Windows' "print" verb), elsewhere by opening it."""
    if path.suffix == ".pdf":
        viewer = PdfPreview(path, parent)
        viewer.print_document()
        viewer.deleteLater()
    elif sys.platform == "win32":
        os.startfile(str(path), "print")  # type: ignore[attr-defined]
    else:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
