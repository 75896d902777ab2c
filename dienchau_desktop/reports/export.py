"""One entry point for every report export, used by the command line and the window."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from dienchau_desktop import heap
from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports import progress_report, registry
from dienchau_desktop.reports.document import document_info
from dienchau_desktop.services import periods
from dienchau_desktop.services.overview import choose_period


@dataclass(frozen=True)
class ExportRequest:
    report: str  # a key of registry.REPORTS
    fmt: str  # one of that report's formats: "xlsx", "pdf"
    plan_id: int
    # Which report reads which of these: the registry's needs_period, needs_unit, options.
    period_id: int | None = None  # needs_period (default: today's period)
    unit: str | None = None  # needs_unit
    columns: tuple[str, ...] | None = None  # "columns": chosen and ordered
    number: str = ""  # "number": the report's number
    addressee: str = ""  # "addressee": "Kính gửi"
    header: dict[str, object] = field(default_factory=dict)  # "header": signer, recipients…
    shortcomings: str = ""  # "parts": part III
    proposals: str = ""  # "parts": part V
    report_date: date | None = None  # "header": the date printed beside the place (today)
    #: "parts": the report's free texts by key (services.report_texts.TEXT_KEYS), each
    #: replacing the one saved for the period.
    texts: dict[str, str] = field(default_factory=dict)


@heap.collection_paused()
def export_report(db: Database, request: ExportRequest, out: Path) -> str:
    """Write the requested report to `out`; return a sentence saying what was written."""
    kind = registry.REPORTS.get(request.report)
    if kind is None:
        raise ValidationError("report", f"Không có báo cáo «{request.report}».")
    if kind.needs_unit and not request.unit:
        raise ValidationError("unit", "Hãy chọn đơn vị.")
    if request.fmt not in kind.renderers:
        raise ValidationError("format", f"{kind.label} chỉ có dạng {kind.formats_in_words()}.")
    if kind.needs_period:
        request = _with_period(db, request)
    built = kind.build(db, request)
    kind.renderers[request.fmt](built, out)
    return kind.written(built, out)


def _with_period(db: Database, request: ExportRequest) -> ExportRequest:
    """The request with a period: the one asked for, else today's (services.overview)."""
    if request.period_id is not None:
        return request
    chosen = choose_period(periods.list_periods(db, request.plan_id), date.today())
    if chosen is None:
        raise NotFoundError("Kế hoạch chưa có kỳ báo cáo nào.", "Hãy tạo kỳ báo cáo trước.")
    return replace(request, period_id=chosen.id)


def unwritten_parts(db: Database, request: ExportRequest) -> tuple[str, ...]:
    """The parts of the requested report that she writes herself and has not: empty, or
    part I still its prefilled skeleton (progress_report.unwritten_parts), by
    services.report_texts' keys; () for a report without such parts. Read as the export
    reads them: the texts saved for the period, replaced by those of the request."""
    kind = registry.REPORTS.get(request.report)
    if kind is None or "parts" not in kind.options:
        return ()
    request = _with_period(db, request)
    assert request.period_id is not None
    info = replace(document_info(db, request.plan_id), **request.header)  # type: ignore[arg-type]
    texts = progress_report.chosen_texts(db, request.period_id, request.texts,
                                         request.shortcomings, request.proposals)  # fmt: skip
    return progress_report.unwritten_parts(texts, progress_report.direction_skeleton(info))
