"""What every administrative document prints around its body (Decree 30/2020/NĐ-CP):
the issuing body, number and symbol, place and date, signer, recipients."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dienchau_desktop.db.database import Database
from dienchau_desktop.services import plans

#: Where a number is left to be written in by hand ("Số:      /BC-UBND"): no-break
#: spaces, which neither a PDF paragraph nor a spreadsheet collapses.
BLANK_NUMBER = "\u00a0" * 6
#: What a text citing a document prints where its number or date is not known yet, as
#: officials write it: "Kế hoạch số …/KH-UBND ngày … tháng 01 năm 2026".
PLACEHOLDER = "…"


def reference(number: str, symbol: str, blank: str = BLANK_NUMBER) -> str:
    """ "15/KH-UBND", or with the number left blank "      /KH-UBND" (`blank`).

    A number typed with its symbol ("45/BC-UBND") is not given the symbol twice; one
    typed with another symbol ("45/BC-VHXH") is printed as typed."""
    number = number.strip()
    if "/" in number:
        head, _slash, tail = number.partition("/")
        if _squeezed(tail) != _squeezed(symbol):
            return number
        number = head.strip()
    return f"{number or blank}/{symbol}"


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def date_line(day: date) -> str:
    """ "ngày 05 tháng 01 năm 2026", "ngày 16 tháng 6 năm 2026": Decree 30 pads days
    below 10 and the months 1 and 2 with a zero, and no other."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


# "ngày", "tháng" or "năm" with no number after it: a date left to be written in.
_BLANK_DATE_PART = re.compile(r"\b(ngày|tháng|năm)(?=\s*(?:$|ngày|tháng|năm|[,;.)]))",
                              re.IGNORECASE)  # fmt: skip


def filled_date_text(text: str) -> str:
    """A date as written with its blanks shown: "ngày    tháng 01 năm 2026" becomes
    "ngày … tháng 01 năm 2026" (spaces alone would close up in print); none at all
    becomes "ngày … tháng … năm …"."""
    if not text.strip():
        return f"ngày {PLACEHOLDER} tháng {PLACEHOLDER} năm {PLACEHOLDER}"
    filled = _BLANK_DATE_PART.sub(lambda m: f"{m.group(1)} {PLACEHOLDER}", text)
    return " ".join(filled.split())


@dataclass(frozen=True)
class DocumentInfo:
    """Header and closing fields, from the plan's settings (editable before export)."""

    parent_body: str
    issuing_body: str  # lines separated by "\n": "ỦY BAN NHÂN DÂN\nXÃ DIỄN CHÂU"
    number: str
    symbol: str
    place: str
    date_text: str  # "ngày 05 tháng 01 năm 2026", blanks shown: "ngày … tháng 01 năm 2026"
    doc_type: str
    title: str
    signer_authority: str
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...]

    @property
    def reference(self) -> str:
        """As cited in a text: "15/KH-UBND", "…/KH-UBND" while the number is blank."""
        return reference(self.number, self.symbol, PLACEHOLDER)

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
    if plan.issue_date_text.strip():
        date_text = filled_date_text(plan.issue_date_text)
    else:
        date_text = date_line(plan.issue_date) if plan.issue_date else filled_date_text("")
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
