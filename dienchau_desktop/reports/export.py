"""One entry point for every report export, used by the command line and the window."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dienchau_desktop import heap
from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import periods
from dienchau_desktop.services.overview import choose_period

REPORTS = ("appendix", "progress", "due", "unit", "return-form")
SHEET_TITLES = {"appendix": "Phụ lục", "due": "Quá hạn", "unit": "Nhiệm vụ đơn vị"}


@dataclass(frozen=True)
class ExportRequest:
    report: str  # one of REPORTS
    fmt: str  # "xlsx" or "pdf"
    plan_id: int
    period_id: int | None = None  # progress, return-form (default: today's period)
    unit: str | None = None  # unit, return-form
    columns: tuple[str, ...] | None = None  # appendix
    number: str = ""  # progress: the report's number
    addressee: str = ""  # progress: "Kính gửi"
    header: dict[str, object] = field(default_factory=dict)  # progress: signer, recipients…
    shortcomings: str = ""  # progress: part III
    proposals: str = ""  # progress: part V
    report_date: date | None = None  # progress: the date printed beside the place (today)


@heap.collection_paused()
def export_report(db: Database, request: ExportRequest, out: Path) -> str:
    """Write the requested report to `out`; return a sentence saying what was written."""
    if request.report not in REPORTS:
        raise ValidationError("report", f"Không có báo cáo «{request.report}».")
    if request.report in {"unit", "return-form"} and not request.unit:
        raise ValidationError("unit", "Hãy chọn đơn vị.")
    if request.report == "return-form" and request.fmt != "xlsx":
        raise ValidationError("format", "Mẫu báo cáo gửi đơn vị chỉ có dạng Excel.")
    period_id = request.period_id
    if request.report in {"progress", "return-form"} and period_id is None:
        chosen = choose_period(periods.list_periods(db, request.plan_id), date.today())
        if chosen is None:
            raise NotFoundError("Kế hoạch chưa có kỳ báo cáo nào.", "Hãy tạo kỳ báo cáo trước.")
        period_id = chosen.id

    if request.report == "return-form":
        from dienchau_desktop.reports.return_form import export_return_form
        from dienchau_desktop.reports.unit_sheet import find_unit

        unit = find_unit(db, request.unit or "")
        export_return_form(db, request.plan_id, unit, period_id, out)
        return f"Đã xuất mẫu báo cáo cho «{unit.name}» ra «{out}»."
    if request.report == "progress":
        from dienchau_desktop.reports.progress_report import build_progress_report

        built = build_progress_report(
            db, request.plan_id, period_id, number=request.number,
            addressee=request.addressee, header=request.header,
            shortcomings=request.shortcomings, proposals=request.proposals,
            report_date=request.report_date,
        )  # fmt: skip
        if request.fmt == "pdf":
            from dienchau_desktop.reports.progress_pdf import export_progress_pdf

            export_progress_pdf(built, out)
        else:
            from dienchau_desktop.reports.progress_xlsx import export_progress_xlsx

            export_progress_xlsx(built, out)
        return f"Đã xuất báo cáo kết quả kỳ «{built.period.label}» ra «{out}»."

    if request.report == "appendix":
        from dienchau_desktop.reports.appendix import DEFAULT_COLUMNS, build_appendix

        table = build_appendix(db, request.plan_id, request.columns or DEFAULT_COLUMNS)
    elif request.report == "unit":
        from dienchau_desktop.reports.unit_sheet import build_unit_sheet, find_unit

        table = build_unit_sheet(db, request.plan_id, find_unit(db, request.unit or ""))
    else:
        from dienchau_desktop.reports.due_list import build_due_list

        table = build_due_list(db, request.plan_id)
    if request.fmt == "xlsx":
        from dienchau_desktop.reports.xlsx import export_xlsx

        export_xlsx(table, out, SHEET_TITLES[request.report])
    else:
        from dienchau_desktop.reports.pdf import export_pdf

        export_pdf(table, out)
    return f"Đã xuất {request.report} ({table.task_count} nhiệm vụ) ra «{out}»."
