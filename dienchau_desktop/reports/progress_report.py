"""The progress report for a period (Báo cáo kết quả thực hiện Kế hoạch, REPORTS.md
report 2), as data: the counts in the official buckets overall and by lead unit, the
results by section and task, the work for the next period, the free texts, and the
appendix table with deadline, state, percent, result and completion date per task.

The counts use the buckets; a task's row shows its state as entered ("Tạm dừng",
"Chưa báo cáo"…). Figures are as of the cut-off: work completed after it counts as
not completed, and its row says "Hoàn thành sau ngày chốt số liệu" with the date, so
the row and the counts agree without hiding what was reported."""

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
from dienchau_desktop.services.overview import NO_REPORT, Overview, build_overview, state_text
from dienchau_desktop.services.periods import PeriodInfo

KIND_WORDS = {"half_year": "sơ kết 6 tháng", "year": "tổng kết năm"}


@dataclass(frozen=True)
class TaskResult:
    number: str
    title: str
    lead: str
    bucket: Bucket
    state: str  # as entered, or "Chưa báo cáo" (services.overview.state_text)
    deadline: str  # as written ("Quý IV/2026")
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
            state_text(entry, period.cutoff), task.deadline_text,
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
            Column("stt", "STT", 7, centred=True),
            Column("title", "Nhiệm vụ", 35),
            Column("lead", "Cơ quan chủ trì", 15),
            Column("deadline", "Thời hạn", 13, centred=True),
            Column("status", "Trạng thái", 15),
            Column("percent", "%", 6, centred=True),
            Column("result", "Kết quả", 30),
            Column("completed", "Ngày hoàn thành", 12, centred=True),
        ),
        rows=_appendix_rows(sections),
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


def _appendix_rows(sections: list[SectionResults]) -> tuple[TableRow, ...]:
    """Each section's row, then its tasks, numbered on through the whole table."""
    rows: list[TableRow] = []
    number = 0
    for section in sections:
        rows.append(TableRow("section", 1, (f"{section.number} {section.title}".strip(),)))
        for r in section.tasks:
            number += 1
            rows.append(TableRow("task", 1, (
                str(number), r.title, r.lead, r.deadline, r.state,
                "" if r.percent is None else str(r.percent), r.result,
                format_date(r.completed_on),
            )))  # fmt: skip
    return tuple(rows)


def task_heading(task: TaskResult) -> str:
    """ "- Title (lead)", a task's line in part IV; "- Title" while no unit leads it."""
    return f"- {task.title} ({task.lead})" if task.lead else f"- {task.title}"


def task_sentence(task: TaskResult) -> str:
    """A task's line in part II: "- Title (lead): result [state]"."""
    if task.state == NO_REPORT:
        return f"{task_heading(task)}: {NO_REPORT}."
    result = task.result or "Chưa có báo cáo kết quả."
    return f"{task_heading(task)}: {result} [{state_words(task)}]"


def state_words(task: TaskResult) -> str:
    """The state in the text of part II: "Tạm dừng, 40%"; "Hoàn thành sau ngày chốt
    số liệu (20/06/2026)", never "in progress" at 100 %."""
    words = task.state
    if task.completed_on is not None:
        words += f" ({format_date(task.completed_on)})"
    if task.percent is not None:
        words += f", {task.percent}%"
    return words


def summary_sentence(report: ProgressReport) -> str:
    counts = report.overview.overall
    parts = [f"{b.label_vi.lower()} {counts.count(b)} nhiệm vụ ({counts.percent(b):g}%)"
             for b in BUCKET_ORDER if counts.count(b)]  # fmt: skip
    return (f"Tính đến ngày {format_date(report.period.cutoff)}, Kế hoạch có "
            f"{counts.total} nhiệm vụ; trong đó " + "; ".join(parts) + ".")  # fmt: skip
