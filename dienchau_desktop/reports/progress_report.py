"""The progress report for a period (Báo cáo kết quả thực hiện Kế hoạch, REPORTS.md
report 2), as data: the counts in the official buckets overall and by lead unit, the
results by section and task, the work for the next period, the free texts, and the
appendix table with status, percent, result and completion date per task."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from dienchau_desktop.core.buckets import BUCKET_ORDER, Bucket
from dienchau_desktop.core.deadline import format_date
from dienchau_desktop.core.errors import NotFoundError
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.document import DocumentInfo, document_info, reference
from dienchau_desktop.reports.table import Column, TableReport, TableRow
from dienchau_desktop.services import items, periods, progress
from dienchau_desktop.services.overview import Overview, build_overview
from dienchau_desktop.services.periods import PeriodInfo

KIND_WORDS = {"half_year": "sơ kết 6 tháng", "year": "tổng kết năm"}


@dataclass(frozen=True)
class TaskResult:
    number: str
    title: str
    lead: str
    bucket: Bucket
    percent: int | None
    result: str
    completed_on: date | None


@dataclass(frozen=True)
class SectionResults:
    number: str
    title: str
    tasks: tuple[TaskResult, ...]


@dataclass(frozen=True)
class ProgressReport:
    info: DocumentInfo
    number: str  # the report's own number ("" leaves it blank: "Số:    /BC-UBND")
    addressee: str  # "Kính gửi: …" (empty: none)
    report_date: date
    subject: str
    period: PeriodInfo
    overview: Overview
    sections: tuple[SectionResults, ...]
    next_tasks: tuple[TaskResult, ...]
    shortcomings: str
    proposals: str
    appendix: TableReport

    @property
    def reference(self) -> str:
        """The report's own number and symbol: "15/BC-UBND" for a plan "…/KH-UBND"."""
        return reference(self.number, "BC-" + self.info.symbol.split("-")[-1])


def build_progress_report(
    db: Database,
    plan_id: int,
    period_id: int,
    *,
    shortcomings: str = "",
    proposals: str = "",
    report_date: date | None = None,
    number: str = "",
    addressee: str = "",
    header: dict[str, object] | None = None,
) -> ProgressReport:
    """`header` overrides fields of the plan's header and closing for this report
    (signer_name, signer_title, signer_authority, recipients, place…)."""
    info = replace(document_info(db, plan_id), **(header or {}))
    period = next((p for p in periods.list_periods(db, plan_id) if p.id == period_id), None)
    if period is None:
        raise NotFoundError(f"Kế hoạch không có kỳ báo cáo số {period_id}.")
    report_date = report_date or date.today()
    tree = items.plan_tree(db, plan_id)
    latest = progress.latest_entries(db, plan_id, period.cutoff)
    view = build_overview(tree, period, period.cutoff, latest, latest, period.cutoff)
    outline = items.outline_numbers(tree)

    def result(task: items.ItemNode) -> TaskResult:
        entry = latest.get(task.id)
        return TaskResult(
            outline[task.id], task.title, task.lead_unit_name, view.buckets[task.id],
            entry.percent if entry else None, entry.result_text if entry else "",
            entry.completed_on if entry and entry.status == "completed" else None,
        )  # fmt: skip

    sections: list[SectionResults] = []
    for node in tree.nodes:
        if node.kind == "section":
            direct = [tree.node(c) for c in node.child_ids if tree.node(c).kind == "task"]
            if direct:
                sections.append(SectionResults(outline[node.id], node.title,
                                               tuple(result(t) for t in direct)))  # fmt: skip
    # Next period: tasks due within the next six months, and overdue ones carried over.
    horizon = period.cutoff + timedelta(days=183)
    next_tasks = tuple(
        result(t)
        for t in tree.tasks()
        if view.buckets[t.id] is Bucket.OVERDUE
        or (t.due_date is not None and period.cutoff < t.due_date <= horizon
            and not view.buckets[t.id].is_completed)
    )  # fmt: skip
    words = KIND_WORDS.get(period.kind.value, period.label)
    subject = (
        f"Kết quả thực hiện {info.doc_type.capitalize()} số {info.reference} "
        f"{info.date_phrase} của {info.issuer_phrase} ({words}: {period.label})"
    )
    appendix = TableReport(
        heading="PHỤ LỤC",
        subject="KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ",
        note=f"(Kèm theo Báo cáo kết quả thực hiện {info.doc_type.capitalize()} số "
        f"{info.reference}; số liệu tính đến ngày {format_date(period.cutoff)})",
        columns=(
            Column("stt", "STT", 6, centred=True),
            Column("title", "Nhiệm vụ", 40),
            Column("lead", "Cơ quan chủ trì", 16),
            Column("status", "Tình trạng", 16),
            Column("percent", "%", 6, centred=True),
            Column("result", "Kết quả", 34),
            Column("completed", "Ngày hoàn thành", 12, centred=True),
        ),
        rows=tuple(
            TableRow(
                "task",
                1,
                (
                    str(n),
                    r.title,
                    r.lead,
                    r.bucket.label_vi,
                    "" if r.percent is None else str(r.percent),
                    r.result,
                    format_date(r.completed_on),
                ),
            )
            for n, r in enumerate((t for s in sections for t in s.tasks), start=1)
        ),
    )
    return ProgressReport(
        info=info,
        number=number.strip(),
        addressee=addressee.strip(),
        report_date=report_date,
        subject=subject,
        period=period,
        overview=view,
        sections=tuple(sections),
        next_tasks=next_tasks,
        shortcomings=shortcomings,
        proposals=proposals,
        appendix=appendix,
    )


def summary_sentence(report: ProgressReport) -> str:
    counts = report.overview.overall
    parts = [f"{b.label_vi.lower()} {counts.count(b)} nhiệm vụ ({counts.percent(b):g}%)"
             for b in BUCKET_ORDER if counts.count(b)]  # fmt: skip
    return (f"Tính đến ngày {format_date(report.period.cutoff)}, Kế hoạch có "
            f"{counts.total} nhiệm vụ; trong đó " + "; ".join(parts) + ".")  # fmt: skip
