"""A report's pages inside the window (QtPdf), to check before printing or sending,
and printing through Qt on A4 with the printer chosen in the system's print dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.errors import BadInputFileError
from dienchau_desktop.ui.wheel_guard import GuardedComboBox

#: Printing resolution: enough for 11 pt text, and an A4 page image stays near 35 MB.
PRINT_DPI = 300


def load_pdf(path: Path, parent: QWidget | None = None) -> QPdfDocument:
    document = QPdfDocument(parent)
    status = document.load(str(path))
    if status != QPdfDocument.Error.None_ or document.pageCount() == 0:
        raise BadInputFileError(f"Không mở được tệp PDF «{path}» để xem trước.")
    return document


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw the pages of `document` (all, or the range chosen in the print dialog) on
    `printer`, one paper page each, in the document's orientation (the PDF already holds
    its margins). Returns how many pages were sent."""
    first = document.pagePointSize(0)
    orientation = (QPageLayout.Orientation.Landscape if first.width() > first.height()
                   else QPageLayout.Orientation.Portrait)  # fmt: skip
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                      QMarginsF(0, 0, 0, 0)))  # fmt: skip
    painter = QPainter()
    if not painter.begin(printer):
        raise BadInputFileError("Không bắt đầu in được: hãy kiểm tra máy in.")
    pages = range(document.pageCount())
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = range(printer.fromPage() - 1, min(printer.toPage(), document.pageCount()))
    sent = 0
    try:
        for page in pages:
            if sent:
                printer.newPage()
            target = painter.viewport()  # the whole paper, in device pixels
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * PRINT_DPI),
                         round(points.height() / 72 * PRINT_DPI))  # fmt: skip
            image = document.render(page, size)
            painter.drawImage(target, image)
            sent += 1
    finally:
        painter.end()
    return sent


class PdfPreview(QDialog):
    """The pages of one PDF, fitted to the width, with zoom and a Print button."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Preview: %1").replace("%1", path.name))
        self.document = load_pdf(path, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.zoom = GuardedComboBox()
        self.zoom.addItem(self.tr("Fit width"), 0.0)
        self.zoom.addItem(self.tr("Whole page"), -1.0)
        for percent in (50, 75, 100, 150):
            self.zoom.addItem(f"{percent}%", percent / 100)
        self.zoom.currentIndexChanged.connect(lambda _i: self._zoom_changed())
        pages = QLabel(self.tr("%n page(s)", "", self.document.pageCount()))
        print_button = QPushButton(self.tr("Print…"))
        print_button.clicked.connect(self.print_document)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(print_button, QDialogButtonBox.ButtonRole.ActionRole)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Zoom")))
        bar.addWidget(self.zoom)
        bar.addWidget(pages)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        # Tall enough to read a page, and inside a 1366×768 screen.
        self.resize(900, 680)

    def _zoom_changed(self) -> None:
        factor = self.zoom.currentData()
        if factor == 0.0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif factor < 0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(factor)

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setDocName(self.path.stem)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFromTo(1, self.document.pageCount())  # the range the dialog offers
        return printer

    def print_document(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %1").replace("%1", self.path.name))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_pdf(self.document, printer)


def show_preview(path: Path, parent: QWidget | None = None) -> PdfPreview:
    preview = PdfPreview(path, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.show()
    return preview
