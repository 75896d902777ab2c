"""Báo cáo → Xuất báo cáo…: choose the report, its period or unit, the columns of the
appendix, the format, the document's header and closing and the free texts; preview it;
export with a busy indicator; then preview, open the file or its folder, or print it.
The last values are remembered."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
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

from dienchau_desktop.core.errors import UserError
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.appendix import COLUMNS
from dienchau_desktop.reports.export import ExportRequest, export_report
from dienchau_desktop.services import periods, plans, units
from dienchau_desktop.services.overview import choose_period
from dienchau_desktop.ui.pdf_preview import PdfPreview, show_preview
from dienchau_desktop.ui.settings import AppSettings
from dienchau_desktop.ui.widgets import error_label, ok_cancel

FILE_STEMS = {"appendix": "phu-luc", "progress": "bao-cao-ket-qua", "due": "qua-han",
              "unit": "nhiem-vu-don-vi", "return-form": "mau-bao-cao"}  # fmt: skip


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
        # Previews are written here; a viewer may still hold one open on Windows.
        self._scratch = tempfile.TemporaryDirectory(prefix="dienchau-preview-",
                                                    ignore_cleanup_errors=True)  # fmt: skip
        self._previews = 0
        self.finished.connect(lambda _r: self._scratch.cleanup())
        remembered = settings.qsettings
        plan = plans.get_plan(db, plan_id)

        def saved(key: str, default: str) -> str:
            return str(remembered.value(f"export/{key}", default))

        self.report = QComboBox()
        for key, text in (
            ("appendix", self.tr("Task appendix")),
            ("progress", self.tr("Progress report for a period")),
            ("due", self.tr("Overdue and due within 7 days")),
            ("unit", self.tr("Tasks of one unit")),
            ("return-form", self.tr("Return form for a unit (Excel)")),
        ):
            self.report.addItem(text, key)
        self.report.setCurrentIndex(max(0, self.report.findData(remembered.value("export/report"))))
        self.format = QComboBox()
        self.format.addItem("PDF", "pdf")
        self.format.addItem("Excel (.xlsx)", "xlsx")
        self.format.setCurrentIndex(max(0, self.format.findData(remembered.value("export/format"))))
        self.period = QComboBox()
        all_periods = periods.list_periods(db, plan_id)
        for period in all_periods:
            self.period.addItem(period.label, period.id)
        current = choose_period(all_periods, date.today())
        self.period.setCurrentIndex(max(0, self.period.findData(current.id if current else None)))
        self.unit = QComboBox()
        for unit in units.list_units(db):
            self.unit.addItem(unit.name, unit.name)
        self.unit.setCurrentIndex(max(0, self.unit.findData(remembered.value("export/unit"))))
        self.columns = QListWidget()
        self.columns.setDragDropMode(QListWidget.DragDropMode.InternalMove)  # order by dragging
        self.columns.setFixedHeight(150)
        chosen = saved("columns", ",".join(COLUMNS)).split(",")
        order = [c for c in chosen if c in COLUMNS] + [c for c in COLUMNS if c not in chosen]
        for key in order:
            entry = QListWidgetItem(COLUMNS[key].heading)
            entry.setData(Qt.ItemDataRole.UserRole, key)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.columns.addItem(entry)

        # The header and closing: defaults from the plan, then the last values used.
        self.parent_body = QLineEdit(saved("parent_body", plan.parent_body))
        self.issuing_body = QPlainTextEdit(saved("issuing_body", plan.issuing_body))
        self.issuing_body.setFixedHeight(56)
        self.number = QLineEdit(saved("number", ""))
        self.number.setPlaceholderText(self.tr("left blank: Số:    /BC-UBND"))
        self.place = QLineEdit(saved("place", plan.place))
        self.report_date = QDateEdit(QDate.currentDate())
        self.report_date.setCalendarPopup(True)
        self.report_date.setDisplayFormat("dd/MM/yyyy")
        self.addressee = QLineEdit(saved("addressee", ""))
        self.addressee.setPlaceholderText(self.tr("e.g. Ủy ban nhân dân tỉnh Nghệ An"))
        self.signer_authority = QLineEdit(saved("signer_authority", plan.signer_authority))
        self.signer_title = QLineEdit(saved("signer_title", plan.signer_title))
        self.signer_name = QLineEdit(saved("signer_name", plan.signer_name))
        self.recipients = QPlainTextEdit(saved("recipients", "\n".join(plan.recipients)))
        self.recipients.setFixedHeight(80)
        # Parts III and V, kept per period: she writes them over several days.
        self.shortcomings = QPlainTextEdit()
        self.proposals = QPlainTextEdit()
        for box in (self.shortcomings, self.proposals):
            box.setTabChangesFocus(True)
        self.error = error_label()

        self.form = QFormLayout()
        self.form.addRow(self.tr("Report"), self.report)
        self.form.addRow(self.tr("Format"), self.format)
        self.form.addRow(self.tr("Period"), self.period)
        self.form.addRow(self.tr("Unit"), self.unit)
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
        texts_layout.addWidget(QLabel(self.tr("III. Shortcomings and limitations")))
        texts_layout.addWidget(self.shortcomings)
        texts_layout.addWidget(QLabel(self.tr("V. Proposals")))
        texts_layout.addWidget(self.proposals)
        self.tabs = QTabWidget()
        self.tabs.addTab(what, self.tr("Report"))
        self.header_tab = self.tabs.addTab(header, self.tr("Header and closing"))
        self.texts_tab = self.tabs.addTab(texts, self.tr("Parts III and V"))

        buttons = ok_cancel(self)
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.preview_button.clicked.connect(self.preview)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.report.currentIndexChanged.connect(lambda _i: self._report_changed())
        self._texts_period: int | None = None
        self.period.currentIndexChanged.connect(lambda _i: self._load_texts())
        self._load_texts()
        self._report_changed()
        self.resize(640, min(640, self.sizeHint().height()))

    def _report_changed(self) -> None:
        report = self.report.currentData()
        shown = {
            self.period: report in {"progress", "return-form"},
            self.unit: report in {"unit", "return-form"},
            self.columns: report == "appendix",
        }
        for widget, visible in shown.items():
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)
        # Only the progress report is a document with a header, closing and free texts.
        self.tabs.setTabEnabled(self.header_tab, report == "progress")
        self.tabs.setTabEnabled(self.texts_tab, report == "progress")
        if report == "return-form":
            self.format.setCurrentIndex(self.format.findData("xlsx"))
        self.format.setEnabled(report != "return-form")
        self.preview_button.setEnabled(report != "return-form")

    def _texts_key(self, period_id: object, part: str) -> str:
        return f"export/texts/{self.plan_id}-{period_id}/{part}"

    def _load_texts(self) -> None:
        """Show the texts written for the chosen period, keeping what was typed for the
        previous one."""
        values = self.settings.qsettings
        if self._texts_period is not None:
            self._store_texts(self._texts_period)
        self._texts_period = self.period.currentData()
        self.shortcomings.setPlainText(
            str(values.value(self._texts_key(self._texts_period, "shortcomings"), ""))
        )
        self.proposals.setPlainText(
            str(values.value(self._texts_key(self._texts_period, "proposals"), ""))
        )

    def _store_texts(self, period_id: object) -> None:
        values = self.settings.qsettings
        values.setValue(self._texts_key(period_id, "shortcomings"), self.shortcomings.toPlainText())
        values.setValue(self._texts_key(period_id, "proposals"), self.proposals.toPlainText())

    def request(self, fmt: str | None = None) -> ExportRequest:
        columns = tuple(
            self.columns.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.columns.count())
            if self.columns.item(r).checkState() == Qt.CheckState.Checked
        )
        recipients = [line.strip() for line in self.recipients.toPlainText().splitlines()]
        issuing = [line.strip() for line in self.issuing_body.toPlainText().splitlines()]
        return ExportRequest(
            report=self.report.currentData(),
            fmt=fmt or self.format.currentData(),
            plan_id=self.plan_id,
            period_id=self.period.currentData(),
            unit=self.unit.currentData(),
            columns=columns or None,
            number=self.number.text(),
            addressee=self.addressee.text(),
            header={
                "parent_body": self.parent_body.text().strip(),
                "issuing_body": "\n".join(line for line in issuing if line),
                "place": self.place.text().strip(),
                "signer_authority": self.signer_authority.text().strip(),
                "signer_title": self.signer_title.text().strip(),
                "signer_name": self.signer_name.text().strip(),
                "recipients": tuple(r for r in recipients if r),
            },
            shortcomings=self.shortcomings.toPlainText().strip(),
            proposals=self.proposals.toPlainText().strip(),
            report_date=self.report_date.date().toPython(),
        )

    def _remember(self, request: ExportRequest) -> None:
        values = self.settings.qsettings
        values.setValue("export/report", request.report)
        values.setValue("export/format", request.fmt)
        values.setValue("export/unit", request.unit or "")
        values.setValue("export/columns", ",".join(request.columns or ()))
        values.setValue("export/number", request.number)
        values.setValue("export/addressee", request.addressee)
        for key in ("parent_body", "issuing_body", "place", "signer_authority", "signer_title",
                    "signer_name"):  # fmt: skip
            values.setValue(f"export/{key}", request.header[key])
        values.setValue("export/recipients", "\n".join(request.header["recipients"]))
        self._store_texts(self.period.currentData())
        values.sync()

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
                               .replace("%2", exc.strerror or str(exc)))  # fmt: skip
            self.error.show()
            return False
        finally:
            busy.close()
        self.error.hide()
        return True

    def preview(self) -> PdfPreview | None:
        """The report as it will print, whatever format is chosen: its PDF rendering."""
        request = self.request(fmt="pdf")
        self._previews += 1
        out = Path(self._scratch.name) / f"{FILE_STEMS[request.report]}-{self._previews}.pdf"
        if not self._write(request, out):
            return None
        viewer = PdfPreview(out, self)
        viewer.setWindowModality(Qt.WindowModality.WindowModal)
        viewer.show()
        return viewer

    def choose_output(self, request: ExportRequest) -> Path | None:
        folder = self.settings.qsettings.value("export/folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        suggested = Path(str(folder)) / f"{FILE_STEMS[request.report]}.{request.fmt}"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as"), str(suggested),
            "PDF (*.pdf)" if request.fmt == "pdf" else "Excel (*.xlsx)",
        )  # fmt: skip
        return Path(name) if name else None

    def accept(self) -> None:
        request = self.request()
        out = self.choose_output(request)
        if out is None or not self._write(request, out):
            return
        self._remember(request)
        self.settings.qsettings.setValue("export/folder", str(out.parent))
        self.output = out
        super().accept()
        self.offer_next_steps(out)

    def offer_next_steps(self, out: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Report exported"),
                          self.tr("The report is saved as:\n%1").replace("%1", str(out)),
                          parent=self.parentWidget())  # fmt: skip
        open_file = box.addButton(self.tr("Open file"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        preview = None
        if out.suffix == ".pdf":
            preview = box.addButton(self.tr("Preview"), QMessageBox.ButtonRole.ActionRole)
        print_it = box.addButton(self.tr("Print"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        clicked = box.clickedButton()
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
