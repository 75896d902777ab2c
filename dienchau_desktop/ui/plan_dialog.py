"""A plan's header and closing fields (number, title, issuing body, signer, bases…)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.core.deadline import format_date, parse_date
from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.mail_address import addresses
from dienchau_desktop.services.plans import PlanHeader
from dienchau_desktop.ui.wheel_guard import GuardedSpinBox
from dienchau_desktop.ui.widgets import error_label, ok_cancel


class PlanDialog(QDialog):
    """Edits a copy of the header; `changes()` gives the new and the old values."""

    def __init__(self, plan: PlanHeader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Plan properties"))
        self.number = QLineEdit(plan.number)
        self.symbol = QLineEdit(plan.symbol)
        self.doc_type = QLineEdit(plan.doc_type)
        self.title_edit = QPlainTextEdit(plan.title)
        self.title_edit.setFixedHeight(70)
        self.parent_body = QLineEdit(plan.parent_body)
        self.issuing_body = QPlainTextEdit(plan.issuing_body)
        self.issuing_body.setFixedHeight(50)
        self.place = QLineEdit(plan.place)
        self.issue_date = QLineEdit(format_date(plan.issue_date))
        self.issue_date.setPlaceholderText(self.tr("dd/mm/yyyy, or empty"))
        self.issue_date_text = QLineEdit(plan.issue_date_text)
        self.year = GuardedSpinBox()
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("(none)"))
        self.year.setValue(plan.year or 0)
        self.signer_authority = QLineEdit(plan.signer_authority)
        self.signer_title = QLineEdit(plan.signer_title)
        self.signer_name = QLineEdit(plan.signer_name)
        self.legal_bases = QPlainTextEdit("\n".join(plan.legal_bases))
        self.legal_bases.setFixedHeight(110)
        self.recipients = QPlainTextEdit("\n".join(plan.recipients))
        self.recipients.setFixedHeight(90)
        self.report_email = QLineEdit(plan.report_email)
        self.report_email.setPlaceholderText(self.tr("e.g. vanphong@nghean.gov.vn"))
        self.report_email.setToolTip(
            self.tr("Where this plan's reports are sent: the address the email drafts go to. "
                    "Several addresses are separated by commas.")
        )  # fmt: skip
        self.error = error_label()

        form = QFormLayout()
        form.addRow(self.tr("Number"), self.number)
        form.addRow(self.tr("Symbol"), self.symbol)
        form.addRow(self.tr("Document type"), self.doc_type)
        form.addRow(self.tr("Title (subject)"), self.title_edit)
        form.addRow(self.tr("Parent body"), self.parent_body)
        form.addRow(self.tr("Issuing body"), self.issuing_body)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Issue date"), self.issue_date)
        form.addRow(self.tr("Date as printed"), self.issue_date_text)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Signing authority"), self.signer_authority)
        form.addRow(self.tr("Signer's title"), self.signer_title)
        form.addRow(self.tr("Signer"), self.signer_name)
        form.addRow(self.tr("Legal bases (one per line)"), self.legal_bases)
        form.addRow(self.tr("Recipients (one per line)"), self.recipients)
        form.addRow(self.tr("Email reports to"), self.report_email)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 640)
        self._new: dict[str, Any] = {}

    def accept(self) -> None:
        try:
            issue_date = parse_date(self.issue_date.text(), "issue_date", self.tr("Issue date"))
            typed = self.report_email.text().strip()
            report_email = ", ".join(addresses(typed, "report_email")) if typed else ""
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            return
        values: dict[str, Any] = {
            "number": self.number.text(),
            "symbol": self.symbol.text(),
            "doc_type": self.doc_type.text(),
            "title": self.title_edit.toPlainText(),
            "parent_body": self.parent_body.text(),
            "issuing_body": self.issuing_body.toPlainText(),
            "place": self.place.text(),
            "issue_date": issue_date,
            "issue_date_text": self.issue_date_text.text(),
            "year": self.year.value() or None,
            "signer_authority": self.signer_authority.text(),
            "signer_title": self.signer_title.text(),
            "signer_name": self.signer_name.text(),
            "legal_bases": [line for line in self.legal_bases.toPlainText().splitlines()],
            "recipients": [line for line in self.recipients.toPlainText().splitlines()],
            "report_email": report_email,
        }
        if not values["title"].strip():
            self.error.setText(self.tr("The title cannot be empty."))
            self.error.show()
            return
        self._new = {k: v for k, v in values.items() if _differs(v, getattr(self.plan, k))}
        super().accept()

    def changes(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The fields the user changed: new values, and the old ones for undo."""
        old = {k: getattr(self.plan, k) for k in self._new}
        old = {k: list(v) if isinstance(v, tuple) else v for k, v in old.items()}
        return dict(self._new), old


def _differs(new: Any, old: Any) -> bool:
    if isinstance(old, tuple):
        return [line.strip() for line in new if line.strip()] != list(old)
    if isinstance(old, str):
        return str(new).strip() != old
    return new != old
