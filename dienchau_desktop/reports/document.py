"""What every administrative document prints around its body (Decree 30/2020/NĐ-CP):
the issuing body, number and symbol, place and date, signer, recipients."""

from __future__ import annotations

from dataclasses import dataclass

from dienchau_desktop.db.database import Database
from dienchau_desktop.services import plans

#: Where a number is left to be written in by hand ("Số:      /BC-UBND"): no-break
#: spaces, which neither a PDF paragraph nor a spreadsheet collapses.
BLANK_NUMBER = "\u00a0" * 6


def reference(number: str, symbol: str) -> str:
    """ "15/KH-UBND", or with the number left blank "      /KH-UBND"."""
    return f"{number or BLANK_NUMBER}/{symbol}"


@dataclass(frozen=True)
class DocumentInfo:
    """Header and closing fields, from the plan's settings (editable before export)."""

    parent_body: str
    issuing_body: str  # lines separated by "\n": "ỦY BAN NHÂN DÂN\nXÃ DIỄN CHÂU"
    number: str
    symbol: str
    place: str
    date_text: str  # "ngày 05 tháng 01 năm 2026", or with blanks
    doc_type: str
    title: str
    signer_authority: str
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...]

    @property
    def reference(self) -> str:
        return reference(self.number, self.symbol)

    @property
    def place_date(self) -> str:
        return f"{self.place}, {self.date_text}" if self.place else self.date_text

    @property
    def date_phrase(self) -> str:
        return self.date_text

    @property
    def issuer_phrase(self) -> str:
        """ "UBND xã Diễn Châu" from "ỦY BAN NHÂN DÂN\\nXÃ DIỄN CHÂU"."""
        lines = [line.strip() for line in self.issuing_body.splitlines() if line.strip()]
        if not lines:
            return ""
        head = "UBND" if lines[0].upper() == "ỦY BAN NHÂN DÂN" else lines[0].capitalize()
        rest = " ".join(w.capitalize() if i else w.lower() for line in lines[1:]
                        for i, w in enumerate(line.split()))  # fmt: skip
        return f"{head} {rest}".strip()


def document_info(db: Database, plan_id: int) -> DocumentInfo:
    plan = plans.get_plan(db, plan_id)
    date_text = plan.issue_date_text or (
        f"ngày {plan.issue_date:%d} tháng {plan.issue_date:%m} năm {plan.issue_date:%Y}"
        if plan.issue_date
        else ""
    )
    return DocumentInfo(
        parent_body=plan.parent_body,
        issuing_body=plan.issuing_body,
        number=plan.number,
        symbol=plan.symbol,
        place=plan.place,
        date_text=date_text,
        doc_type=plan.doc_type,
        title=plan.title,
        signer_authority=plan.signer_authority,
        signer_title=plan.signer_title,
        signer_name=plan.signer_name,
        recipients=plan.recipients,
    )
