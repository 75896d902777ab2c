"""The free texts of a period's progress report, kept in the data file per period: part I
(công tác chỉ đạo, điều hành), III (tồn tại, hạn chế), IV (nhiệm vụ kỳ tới, her own text
after the generated list), V (đề xuất, kiến nghị) and the recipients (nơi nhận).

She writes them over several days, in the window or on the command line; each key
saved is a row, a key never saved has none (the report then shows its default: the
skeleton of part I, the plan's recipients)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select

from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.core.text import MAX_LONG_TEXT, clean_text
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import ReportingPeriod, ReportText
from dienchau_desktop.services import audit

#: The texts a report keeps, with their Vietnamese names for messages.
TEXT_LABELS = {
    "direction": "I. Công tác chỉ đạo, điều hành",
    "shortcomings": "III. Tồn tại, hạn chế và nguyên nhân",
    "next_tasks": "IV. Nhiệm vụ, giải pháp kỳ tới",
    "proposals": "V. Đề xuất, kiến nghị",
    "recipients": "Nơi nhận",
}
TEXT_KEYS = tuple(TEXT_LABELS)


def report_texts(db: Database, period_id: int) -> dict[str, str]:
    """The texts saved for the period's report, by key (only those ever saved)."""
    with db.read() as session:
        if session.get(ReportingPeriod, period_id) is None:
            raise NotFoundError(f"Không tìm thấy kỳ báo cáo số {period_id}.")
        rows = session.execute(
            select(ReportText.key, ReportText.value).where(ReportText.period_id == period_id)
        )
        return {key: value for key, value in rows.tuples() if key in TEXT_LABELS}


def checked_texts(texts: Mapping[str, str]) -> dict[str, str]:
    """The texts as they would be stored (NFC, trimmed); a ValidationError naming the
    part (its `field` is the key) for an unknown key or a text over 20,000 characters."""
    unknown = sorted(set(texts) - set(TEXT_LABELS))
    if unknown:
        raise ValidationError("texts", f"Không có phần văn bản «{unknown[0]}» trong báo cáo.")
    return {
        key: clean_text(value, key, max_length=MAX_LONG_TEXT, label=TEXT_LABELS[key])
        for key, value in texts.items()
    }


def save_report_texts(db: Database, period_id: int, texts: Mapping[str, str]) -> dict[str, str]:
    """Save the given texts of the period's report (others are left as they are), in one
    transaction; return them as stored (NFC, trimmed). An unknown key or a text over
    20,000 characters is refused, naming the part, and nothing is saved."""
    cleaned = checked_texts(texts)
    with db.write() as session:
        if session.get(ReportingPeriod, period_id) is None:
            raise NotFoundError(f"Không tìm thấy kỳ báo cáo số {period_id}.")
        stored = {
            row.key: row
            for row in session.scalars(select(ReportText).where(ReportText.period_id == period_id))
        }
        for key, value in cleaned.items():
            row = stored.get(key)
            if row is None:
                row = ReportText(period_id=period_id, key=key, value=value, updated_at=audit.now())
                session.add(row)
                session.flush()
                audit.record(session, "create", "report_text", row.id, key, None, value)
            elif row.value != value:
                audit.record(session, "update", "report_text", row.id, key, row.value, value)
                row.value, row.updated_at = value, audit.now()
    return cleaned
