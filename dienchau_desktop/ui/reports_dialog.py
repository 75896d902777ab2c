"""Báo cáo → Xuất báo cáo…: choose the report, its period or unit, the columns of the
appendix, the format and the report's number, addressee and signer; export with a
busy indicator; then open the file, its folder, or print it. The last values are
remembered."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.errors import UserError
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.appendix import COLUMNS
from dienchau_desktop.reports.export import ExportRequest, export_report
from dienchau_desktop.services import periods, plans, units
from dienchau_desktop.services.overview import choose_period
from dienchau_desktop.ui.settings import AppSettings
from dienchau_desktop.ui.widgets import error_label, ok_cancel

FILE_STEMS = {"appendix": "phu-luc", "progress": "bao-cao-ket-qua", "due": "qua-han",
              "unit": "nhiem-vu-don-vi", "return-form": "mau-bao-cao"}  # fmt: skip


class ReportsDialog(QDialog):
    """Everything an export needs, in one dialog."""

    def __init__(self, db: Database, plan_id: int, settings: AppSettings,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.db, self.plan_id, self.settings = db, plan_id, settings
        self.setWindowTitle(self.tr("Export a report"))
        self.output: Path | None = None
        remembered = settings.qsettings

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
        saved = str(remembered.value("export/columns", ",".join(COLUMNS))).split(",")
        order = [c for c in saved if c in COLUMNS] + [c for c in COLUMNS if c not in saved]
        for key in order:
            entry = QListWidgetItem(COLUMNS[key].heading)
            entry.setData(Qt.ItemDataRole.UserRole, key)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if key in saved else Qt.CheckState.Unchecked)
            self.columns.addItem(entry)
        plan = plans.get_plan(db, plan_id)
        self.number = QLineEdit(str(remembered.value("export/number", "")))
        self.addressee = QLineEdit(str(remembered.value("export/addressee", "")))
        self.addressee.setPlaceholderText(self.tr("e.g. Ủy ban nhân dân tỉnh Nghệ An"))
        self.signer_authority = QLineEdit(str(remembered.value("export/signer_authority",
                                                               plan.signer_authority)))  # fmt: skip
        self.signer_title = QLineEdit(
            str(remembered.value("export/signer_title", plan.signer_title))
        )
        self.signer_name = QLineEdit(str(remembered.value("export/signer_name", plan.signer_name)))
        self.recipients = QPlainTextEdit(
            str(remembered.value("export/recipients", "\n".join(plan.recipients)))
        )
        self.recipients.setFixedHeight(80)
        self.error = error_label()

        self.form = QFormLayout()
        self.form.addRow(self.tr("Report"), self.report)
        self.form.addRow(self.tr("Format"), self.format)
        self.form.addRow(self.tr("Period"), self.period)
        self.form.addRow(self.tr("Unit"), self.unit)
        self.form.addRow(self.tr("Columns (tick, drag to order)"), self.columns)
        self.form.addRow(self.tr("Report number"), self.number)
        self.form.addRow(self.tr("To (Kính gửi)"), self.addressee)
        self.form.addRow(self.tr("Signing authority"), self.signer_authority)
        self.form.addRow(self.tr("Signer's title"), self.signer_title)
        self.form.addRow(self.tr("Signer"), self.signer_name)
        self.form.addRow(self.tr("Recipients (one per line)"), self.recipients)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self.report.currentIndexChanged.connect(lambda _i: self._report_changed())
        self._report_changed()
        self.resize(640, self.sizeHint().height())

    def _report_changed(self) -> None:
        report = self.report.currentData()
        shown = {
            self.period: report in {"progress", "return-form"},
            self.unit: report in {"unit", "return-form"},
            self.columns: report == "appendix",
        }
        for widget in (self.number, self.addressee, self.signer_authority, self.signer_title,
                       self.signer_name, self.recipients):  # fmt: skip
            shown[widget] = report == "progress"
        for widget, visible in shown.items():
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)
        if report == "return-form":
            self.format.setCurrentIndex(self.format.findData("xlsx"))
        self.format.setEnabled(report != "return-form")

    def request(self) -> ExportRequest:
        columns = tuple(
            self.columns.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.columns.count())
            if self.columns.item(r).checkState() == Qt.CheckState.Checked
        )
        recipients = [line.strip() for line in self.recipients.toPlainText().splitlines()]
        return ExportRequest(
            report=self.report.currentData(),
            fmt=self.format.currentData(),
            plan_id=self.plan_id,
            period_id=self.period.currentData(),
            unit=self.unit.currentData(),
            columns=columns or None,
            number=self.number.text(),
            addressee=self.addressee.text(),
            header={
                "signer_authority": self.signer_authority.text().strip(),
                "signer_title": self.signer_title.text().strip(),
                "signer_name": self.signer_name.text().strip(),
                "recipients": tuple(r for r in recipients if r),
            },
        )

    def _remember(self, request: ExportRequest) -> None:
        values = self.settings.qsettings
        values.setValue("export/report", request.report)
        values.setValue("export/format", request.fmt)
        values.setValue("export/unit", request.unit or "")
        values.setValue("export/columns", ",".join(request.columns or ()))
        values.setValue("export/number", request.number)
        values.setValue("export/addressee", request.addressee)
        for key in ("signer_authority", "signer_title", "signer_name"):
            values.setValue(f"export/{key}", request.header[key])
        values.setValue("export/recipients", "\n".join(request.header["recipients"]))
        values.sync()

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
        if out is None:
            return
        busy = QProgressDialog(self.tr("Exporting the report…"), "", 0, 0, self)
        busy.setCancelButton(None)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.show()
        QApplication.processEvents()
        try:
            export_report(self.db, request, out)
        except UserError as error:
            busy.close()
            self.error.setText(error.message)
            self.error.show()
            return
        except OSError as exc:
            busy.close()
            self.error.setText(self.tr("Cannot write %1: %2").replace("%1", str(out))
                               .replace("%2", exc.strerror or str(exc)))  # fmt: skip
            self.error.show()
            return
        busy.close()
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
        print_it = box.addButton(self.tr("Print"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
        elif clicked is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))
        elif clicked is print_it:
            print_file(out)


def print_file(path: Path) -> None:
    """Send a file to the printer through the system's viewer (Windows "print" verb);
    elsewhere open it, to print from the viewer."""
    if sys.platform == "win32":
        os.startfile(str(path), "print")  # type: ignore[attr-defined]
    else:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
