"""The progress report for a period (Báo cáo sơ kết / tổng kết thực hiện Kế hoạch,
REPORTS.md report 2), as data: I. the direction given (her text, a skeleton until she
writes it); II. the counts in the official buckets overall and by lead unit, the results
group by group and task by task, the indicators, the breakthrough task, the funding;
III. shortcomings; IV. the tasks due by the end of the next period and the overdue ones
carried over, then her text; V. proposals; the recipients; and the appendix table with
deadline, state, percent, result and completion date per task.

Every task counted is listed once in part II and once in the appendix, wherever it sits
in the plan (at the top level, under another task). The counts use the buckets; a
task's row shows its state as entered ("Tạm dừng", "Chưa báo cáo"…). Figures are as of
the cut-off: work completed after it counts as not completed, and its row says
"Hoàn thành sau ngày chốt số liệu" with the date, so the row and the counts agree
without hiding what was reported.

Both renderers (progress_pdf.py, progress_xlsx.py) read this; fields are added, never
renamed, so each can follow at its own pace."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dienchau_desktop.core.buckets import BUCKET_ORDER, Bucket, BucketCounts, mean_percent
from dienchau_desktop.core.deadline import format_date
from dienchau_desktop.core.errors import NotFoundError
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.document import DocumentInfo, date_line, document_info, reference
from dienchau_desktop.reports.table import Column, TableReport, TableRow
from dienchau_desktop.services import items, periods, progress, report_texts
from dienchau_desktop.services.overview import NO_REPORT, Overview, build_overview, state_text
from dienchau_desktop.services.periods import PeriodInfo

KIND_WORDS = {"half_year": "sơ kết", "year": "tổng kết"}
#: The report's parts, as both renderers head them.
PART_TITLES = {
    "direction": "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    "results": "II. KẾT QUẢ THỰC HIỆN",
    "shortcomings": "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
    "next": "IV. NHIỆM VỤ, GIẢI PHÁP KỲ TỚI",
    "proposals": "V. ĐỀ XUẤT, KIẾN NGHỊ",
}
#: The heading of the tasks not under any section of the plan.
OTHER_TASKS = "Nhiệm vụ khác"
#: Printed for a part she has not written yet.
NOT_WRITTEN = "(Chưa nhập.)"
#: The parts whose words are hers alone, by services.report_texts' keys: I (what was
#: done to direct the work), III (shortcomings) and V (proposals). Part IV has its list
#: of tasks whatever she writes.
OWN_PARTS = ("direction", "shortcomings", "proposals")
#: "Như trên" opens the recipients of a document with "Kính gửi" (Decree 30).
AS_ABOVE = "Như trên"


@dataclass(frozen=True)
class TaskResult:
    number: str  # the plan's outline number ("II.1.") without a trailing "-"/"+"
    title: str
    lead: str
    bucket: Bucket
    state: str  # as entered, or "Chưa báo cáo" (services.overview.state_text)
    deadline: str  # as written ("Quý IV/2026")
    percent: int | None
    result: str
    completed_on: date | None
    # Added for #16 (renderers may ignore them):
    id: int = 0
    depth: int = 0  # 0: directly under its group's section; 1: under a task of it…
    due_date: date | None = None
    status: str | None = None  # as entered ("paused"…); None: nothing reported
    breakthrough: bool = False
    funding_amount: float | None = None  # million đồng
    funding_source: str = ""
    recurring: bool = False


@dataclass(frozen=True)
class SectionResults:
    """A group of tasks: those of one section of the plan (with the tasks under them),
    or OTHER_TASKS for tasks at the top level."""

    number: str  # the plan's outline number, cleaned ("II.4.b)"); "" for OTHER_TASKS
    title: str
    tasks: tuple[TaskResult, ...]
    # Added for #16:
    heading: str = ""  # in part II, numbered in the report's own scheme: "2.1. Title"
    plan_heading: str = ""  # the appendix's section row: "II.1. Title"
    breakthrough: bool = False  # reported under the breakthrough task (part II)
    section_id: int | None = None


@dataclass(frozen=True)
class IndicatorResult:
    """A row of the indicators table: chỉ tiêu | kế hoạch | thực hiện | tỷ lệ | đánh giá."""

    task_id: int
    title: str
    unit: str
    target: float
    actual: float | None
    rate: float | None  # actual / target in percent, one decimal; None: not computable
    achieved: bool | None  # None: nothing reported

    @property
    def verdict(self) -> str:
        if self.achieved is None:
            return NO_REPORT
        return "Đạt" if self.achieved else "Chưa đạt"


@dataclass(frozen=True)
class BreakthroughResult:
    """The breakthrough task (nhiệm vụ đột phá): a section of the plan so flagged (or a
    flagged task), its lead, funding, counts, and its groups of tasks."""

    title: str
    number: str
    lead: str
    responsible: str
    funding_amount: float | None
    funding_source: str
    counts: BucketCounts
    percent: float | None
    groups: tuple[SectionResults, ...]


@dataclass(frozen=True)
class FundingLine:
    number: str
    title: str
    amount: float | None  # million đồng
    source: str
    #: Under an item listed above with an amount: its amount is part of that one's.
    within: bool = False


@dataclass(frozen=True)
class ProgressReport:
    info: DocumentInfo  # its recipients are the report's (Nơi nhận)
    number: str  # the report's own number ("" leaves it blank: "Số:    /BC-UBND")
    addressee: str  # "Kính gửi: …" (empty: none)
    report_date: date
    subject: str
    period: PeriodInfo
    overview: Overview
    sections: tuple[SectionResults, ...]  # every group, plan order, breakthrough ones too
    next_tasks: tuple[TaskResult, ...]  # carried_over + due_next
    shortcomings: str
    proposals: str
    appendix: TableReport
    # Added for #16:
    direction: str = ""  # part I (the skeleton when she wrote nothing)
    next_text: str = ""  # part IV, her text after the generated list
    horizon: date | None = None  # the end of the next period
    due_next: tuple[TaskResult, ...] = ()  # due after the cut-off, by the horizon
    carried_over: tuple[TaskResult, ...] = ()  # overdue at the cut-off, not done
    recurring_count: int = 0  # recurring tasks not done, which go on
    indicators: tuple[IndicatorResult, ...] = ()
    breakthrough: tuple[BreakthroughResult, ...] = ()
    funding: tuple[FundingLine, ...] = ()
    task_count: int = 0

    @property
    def reference(self) -> str:
        """The report's own number and symbol: "15/BC-UBND" for a plan "…/KH-UBND"."""
        return reference(self.number, self.symbol)

    @property
    def symbol(self) -> str:
        return "BC-" + self.info.symbol.split("-")[-1]

    @property
    def cited_reference(self) -> str:
        """As a text cites it: "15/BC-UBND", "…/BC-UBND" while blank."""
        return reference(self.number, self.symbol, "…")

    @property
    def date_text(self) -> str:
        """ "ngày 16 tháng 6 năm 2026" (Decree 30's padding)."""
        return date_line(self.report_date)

    @property
    def regular_sections(self) -> tuple[SectionResults, ...]:
        """The groups reported section by section (the breakthrough's apart)."""
        return tuple(s for s in self.sections if not s.breakthrough)

    @property
    def funding_total(self) -> float | None:
        amounts = [f.amount for f in self.funding if f.amount is not None and not f.within]
        return sum(amounts) if amounts else None

    @property
    def result_parts(self) -> tuple[tuple[str, str], ...]:
        """Part II's subsections as (key, heading), numbered as printed."""
        return result_part_keys(bool(self.regular_sections), bool(self.indicators),
                                bool(self.breakthrough), bool(self.funding))  # fmt: skip

    def part_number(self, key: str) -> str:
        """ "2" for the subsection `key` of part II ("" when it is not printed)."""
        return next((h.split(".")[0] for k, h in self.result_parts if k == key), "")


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
    texts: Mapping[str, str] | None = None,
) -> ProgressReport:
    """`header` overrides fields of the plan's header and closing for this report
    (signer_name, signer_title, signer_authority, recipients, place…). The free texts
    are those saved for the period (services.report_texts), each replaced by `texts`'
    value for its key when given, and by `shortcomings`/`proposals` when not empty."""
    info = replace(document_info(db, plan_id), **(header or {}))
    period = next((p for p in periods.list_periods(db, plan_id) if p.id == period_id), None)
    if period is None:
        raise NotFoundError(f"Kế hoạch không có kỳ báo cáo số {period_id}.")
    chosen = chosen_texts(db, period_id, texts, shortcomings, proposals)
    report_date = report_date or date.today()
    # Counted as of the cut-off, or of the report's date when it is made before then:
    # a task due on 10/12 is not overdue in a report dated 29/11 (a walk found the
    # report "tính đến ngày 14/12/2026" on 29/11).
    as_of = min(period.cutoff, report_date)
    tree = items.plan_tree(db, plan_id)
    latest = progress.latest_entries(db, plan_id, period.cutoff)  # the period's entries
    view = build_overview(tree, period, as_of, latest, latest, as_of)
    outline = {k: clean_number(v) for k, v in items.outline_numbers(tree).items()}

    flagged = _breakthrough_ids(tree)

    def result(task: items.ItemNode, depth: int = 0) -> TaskResult:
        entry = latest.get(task.id)
        return TaskResult(
            outline[task.id], task.title, task.lead_unit_name, view.buckets[task.id],
            state_text(entry, as_of), task.deadline_text,
            entry.percent if entry else None, entry.result_text if entry else "",
            entry.completed_on if entry and entry.status == "completed" else None,
            id=task.id, depth=depth, due_date=task.due_date,
            status=entry.status if entry else None, breakthrough=task.id in flagged,
            funding_amount=task.funding_amount,
            funding_source=task.funding_source,
            recurring=task.deadline_kind == "recurring",
        )  # fmt: skip

    groups = _groups(tree, outline, flagged, result)
    indicators, funding = _indicators(view), _funding(tree, outline)
    # Part II's subsections are numbered as printed, and the groups' headings with them.
    parts = dict(result_part_keys(any(not g.breakthrough for g in groups), bool(indicators),
                                  any(g.breakthrough for g in groups), bool(funding)))  # fmt: skip
    sections = tuple(
        replace(g, heading=g.heading.replace(
            "{part}", parts["breakthrough" if g.breakthrough else "sections"].split(".")[0], 1))
        for g in groups
    )  # fmt: skip
    every = [t for s in sections for t in s.tasks]
    carried = tuple(t for t in every if t.bucket is Bucket.OVERDUE and t.status != "completed")
    horizon = next_period_end(period)
    due_next = tuple(
        t for t in every
        if t.due_date is not None and not t.recurring and as_of < t.due_date <= horizon
        and t.status != "completed"
    )  # fmt: skip
    recurring = sum(1 for t in every if t.recurring and t.status != "completed")
    by_due = sorted(due_next, key=lambda t: t.due_date or horizon)
    subject = progress_subject(period, info)
    recipients = recipients_list(chosen.get("recipients"), info.recipients, addressee.strip())
    info = replace(info, recipients=recipients)
    cited = reference(number.strip(), "BC-" + info.symbol.split("-")[-1], "…")
    issuer = f" của {info.issuer_phrase}" if info.issuer_phrase else ""
    appendix = TableReport(
        heading="PHỤ LỤC",
        subject="KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ",
        note=f"(Kèm theo Báo cáo số {cited} {date_line(report_date)}{issuer}; "
        f"số liệu tính đến ngày {format_date(as_of)})",
        columns=(
            Column("stt", "STT", 5, centred=True),
            Column("title", "Nhiệm vụ", 36),
            Column("lead", "Chủ trì", 15),
            Column("deadline", "Thời hạn", 13, centred=True),
            Column("status", "Trạng thái", 14),
            Column("percent", "%", 5, centred=True),
            Column("result", "Kết quả", 30),
            Column("completed", "Ngày hoàn thành", 11, centred=True),
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
        sections=sections,
        next_tasks=carried + tuple(by_due),
        shortcomings=chosen.get("shortcomings", "").strip(),
        proposals=chosen.get("proposals", "").strip(),
        appendix=appendix,
        direction=chosen.get("direction", "").strip() or direction_skeleton(info),
        next_text=chosen.get("next_tasks", "").strip(),
        horizon=horizon,
        due_next=tuple(by_due),
        carried_over=carried,
        recurring_count=recurring,
        indicators=indicators,
        breakthrough=_breakthroughs(tree, outline, sections, view),
        funding=funding,
        task_count=len(every),
    )


def chosen_texts(
    db: Database,
    period_id: int,
    texts: Mapping[str, str] | None = None,
    shortcomings: str = "",
    proposals: str = "",
) -> dict[str, str]:
    """The free texts a report of the period prints, by key: those saved for it
    (services.report_texts), each replaced by `texts`' value for its key when given,
    and by `shortcomings`/`proposals` when not empty."""
    chosen = {**report_texts.report_texts(db, period_id), **(texts or {})}
    if shortcomings:
        chosen["shortcomings"] = shortcomings
    if proposals:
        chosen["proposals"] = proposals
    return chosen


def unwritten_parts(texts: Mapping[str, str], skeleton: str) -> tuple[str, ...]:
    """The keys of OWN_PARTS that `texts` leaves empty (printed NOT_WRITTEN), or, for
    part I, as its prefilled `skeleton` (spacing aside): a report whose own words she
    never wrote, which must not go upward unasked (#16)."""

    def squeezed(text: str) -> str:
        return " ".join(text.split())

    return tuple(
        key for key in OWN_PARTS
        if not squeezed(texts.get(key, ""))
        or (key == "direction" and squeezed(texts[key]) == squeezed(skeleton))
    )  # fmt: skip


def result_part_keys(
    sections: bool, indicators: bool, breakthrough: bool, funding: bool
) -> tuple[tuple[str, str], ...]:
    """Part II's subsections present, as (key, "n. Heading")."""
    keys = [("summary", "Kết quả chung")]
    if sections:
        keys.append(("sections", "Kết quả thực hiện các nhiệm vụ"))
    if indicators:
        keys.append(("indicators", "Kết quả thực hiện các chỉ tiêu"))
    if breakthrough:
        keys.append(("breakthrough", "Kết quả thực hiện nhiệm vụ đột phá"))
    if funding:
        keys.append(("funding", "Kinh phí thực hiện"))
    return tuple((key, f"{n}. {title}") for n, (key, title) in enumerate(keys, start=1))


def clean_number(number: str) -> str:
    """The plan's outline number without the "-"/"+" of a bullet: "II.4.b) -" → "II.4.b)"."""
    parts = number.split()
    while parts and parts[-1] in {"-", "+"}:
        parts.pop()
    return " ".join(parts)


def cited_number(number: str) -> str:
    """ "II.4.b" from "II.4.b)" or "II.1.", to cite it in a sentence."""
    return number.rstrip(".)").strip()


def _breakthrough_ids(tree: items.PlanTree) -> set[int]:
    """Items flagged as the breakthrough task, with everything under them."""
    flagged: set[int] = set()
    for node in tree.nodes:  # parents first
        if node.is_breakthrough or (node.parent_id is not None and node.parent_id in flagged):
            flagged.add(node.id)
    return flagged


def _groups(
    tree: items.PlanTree,
    outline: Mapping[int, str],
    flagged: set[int],
    result: Callable[[items.ItemNode, int], TaskResult],
) -> tuple[SectionResults, ...]:
    """Every task once, in a group: its nearest section above it (tasks under a task go
    with it, after it), or OTHER_TASKS at the top level; groups in plan order, each
    split in two when some of its tasks are the breakthrough's and some are not."""
    members: dict[tuple[int | None, bool], list[TaskResult]] = {}
    order: list[tuple[int | None, bool]] = []
    for node in tree.nodes:
        if node.kind != "task":
            continue
        above, depth = node.parent_id, 0
        while above is not None and tree.node(above).kind != "section":
            above, depth = tree.node(above).parent_id, depth + 1
        key = (above, node.id in flagged)
        if key not in members:
            members[key] = []
            order.append(key)
        members[key].append(result(node, depth))
    position = {node.id: at for at, node in enumerate(tree.nodes)}

    def where(key: tuple[int | None, bool]) -> int:
        return position[key[0]] if key[0] is not None else position[members[key][0].id]

    groups: list[SectionResults] = []
    count = {False: 0, True: 0}
    for key in sorted(order, key=where):
        section_id, breakthrough = key
        count[breakthrough] += 1
        if section_id is None:
            number, title = "", OTHER_TASKS
        else:
            number, title = outline[section_id], tree.node(section_id).title
        plain = title.strip().rstrip(":;.").strip()
        cite = f" (mục {cited_number(number)} của Kế hoạch)" if number else ""
        groups.append(SectionResults(
            number, title, tuple(members[key]),
            heading=f"{{part}}.{count[breakthrough]}. {plain}{cite}",
            plan_heading=f"{number} {title}".strip(),
            breakthrough=breakthrough, section_id=section_id,
        ))  # fmt: skip
    return tuple(groups)  # headings numbered by build_progress_report, once parts are known


def _appendix_rows(sections: tuple[SectionResults, ...]) -> tuple[TableRow, ...]:
    """Each group's row, then its tasks, numbered on through the whole table."""
    rows: list[TableRow] = []
    number = 0
    for section in sections:
        rows.append(TableRow("section", 1, (section.plan_heading,)))
        for r in section.tasks:
            number += 1
            rows.append(TableRow("task", 1 + r.depth, (
                str(number), r.title, r.lead, r.deadline, r.state,
                "" if r.percent is None else str(r.percent), r.result,
                format_date(r.completed_on),
            ), indent=r.depth))  # fmt: skip
    return tuple(rows)


def _indicators(view: Overview) -> tuple[IndicatorResult, ...]:
    found = []
    for line in view.indicators:
        rate = None
        if line.actual is not None and line.target:
            rate = round(100 * line.actual / line.target, 1)
        achieved = None if line.actual is None else line.actual >= line.target
        found.append(IndicatorResult(line.id, line.title, line.unit, line.target, line.actual,
                                     rate, achieved))  # fmt: skip
    return tuple(found)


def _breakthroughs(
    tree: items.PlanTree,
    outline: Mapping[int, str],
    sections: tuple[SectionResults, ...],
    view: Overview,
) -> tuple[BreakthroughResult, ...]:
    """Each item flagged as the breakthrough whose parent is not (the top of its subtree)."""
    found = []
    for node in tree.nodes:
        if not node.is_breakthrough:
            continue
        above = node.parent_id
        if above is not None and _flagged_above(tree, above):
            continue
        under = _subtree(tree, node.id)
        groups = tuple(
            g for g in sections
            if g.breakthrough and ((g.section_id in under) or any(t.id in under for t in g.tasks))
        )  # fmt: skip
        task_ids = [t.id for g in groups for t in g.tasks if t.id in under]
        if not task_ids:
            continue  # nothing to report on (and no group numbered under it)
        counts = BucketCounts.of(view.buckets[t] for t in task_ids)
        scored = []
        for t in task_ids:
            entry = view.latest.get(t)
            pct = None if entry is None else entry.percent
            if pct is None and entry is not None and entry.status == "completed":
                pct = 100
            scored.append((None if pct is None else float(pct), tree.node(t).weight))
        found.append(BreakthroughResult(
            node.title, outline[node.id], node.lead_unit_name, node.responsible_person,
            node.funding_amount, node.funding_source, counts,
            mean_percent(scored), groups,
        ))  # fmt: skip
    return tuple(found)


def _flagged_above(tree: items.PlanTree, item_id: int | None) -> bool:
    while item_id is not None:
        node = tree.node(item_id)
        if node.is_breakthrough:
            return True
        item_id = node.parent_id
    return False


def _subtree(tree: items.PlanTree, item_id: int) -> set[int]:
    found, stack = set(), [item_id]
    while stack:
        current = stack.pop()
        found.add(current)
        stack.extend(tree.node(current).child_ids)
    return found


def _funding(tree: items.PlanTree, outline: Mapping[int, str]) -> tuple[FundingLine, ...]:
    """The sections and tasks that state their funding (an amount or a source); the total
    counts an amount under another listed amount once, in the one above."""
    lines = []
    funded: set[int] = set()  # items with an amount, and everything under them
    for node in tree.nodes:  # parents first
        within = node.parent_id is not None and node.parent_id in funded
        amount = node.funding_amount
        if amount is not None or within:
            funded.add(node.id)
        if node.kind == "text" or (amount is None and not node.funding_source.strip()):
            continue
        lines.append(FundingLine(outline[node.id], node.title, amount, node.funding_source,
                                 within=within))  # fmt: skip
    return tuple(lines)


def next_period_end(period: PeriodInfo) -> date:
    """The last day of the period after `period`, on the calendar: the 6-month report's
    next period is the rest of the year (to 31/12), the annual one's the next year, a
    quarter's the next quarter, a month's the next month; an ad hoc one's six months on."""
    cutoff = period.cutoff
    kind = period.kind.value
    if kind == "half_year":
        return date(cutoff.year, 12, 31)
    if kind == "year":
        return date(cutoff.year + 1, 12, 31)
    if kind == "quarter":
        last_month = ((cutoff.month - 1) // 3 + 2) * 3  # the next quarter's last month
        return _month_end(cutoff.year + (last_month - 1) // 12, (last_month - 1) % 12 + 1)
    if kind == "month":
        return _month_end(cutoff.year + cutoff.month // 12, cutoff.month % 12 + 1)
    ahead = cutoff.month + 6
    return _month_end(cutoff.year + (ahead - 1) // 12, (ahead - 1) % 12 + 1)


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def period_words(period: PeriodInfo) -> str:
    """ "sơ kết 6 tháng đầu năm 2026", "tổng kết năm 2026", "kết quả quý II năm 2026":
    what the report is, from the period's kind and label, said once."""
    label = period.label.strip()
    low = label[:1].lower() + label[1:]
    word = KIND_WORDS.get(period.kind.value, "kết quả")
    if low.lower().startswith(word):
        return low
    return f"{word} {low}".strip()


def progress_subject(period: PeriodInfo, info: DocumentInfo) -> str:
    """The subject (trích yếu): "Sơ kết 6 tháng đầu năm 2026 thực hiện Kế hoạch số
    …/KH-UBND ngày … tháng 01 năm 2026 của UBND xã Diễn Châu về thực hiện Thông báo…"."""
    words = period_words(period)
    doc = info.doc_type.strip().capitalize() or "Kế hoạch"
    parts = [words[:1].upper() + words[1:], f"thực hiện {doc} số {info.reference}"]
    if info.date_text:
        parts.append(info.date_text)
    if info.issuer_phrase:
        parts.append(f"của {info.issuer_phrase}")
    about = " ".join(info.title.split()).rstrip(".")
    if about:
        if about.lower().startswith(doc.lower() + " "):
            about = about[len(doc) + 1 :]  # "Kế hoạch chuyển đổi số…": not "Kế hoạch … về kế hoạch"
        about = about[:1].lower() + about[1:]
        parts.append(about if about.startswith("về ") else f"về {about}")
    return " ".join(parts)


def recipients_list(saved: str | None, plan: tuple[str, ...], addressee: str) -> tuple[str, ...]:
    """The report's recipients as printed after "- ", each closed by ";", the last by
    ".": those saved for the period, else the plan's; opened by "Như trên;" when the
    report has a "Kính gửi", and only then (Decree 30)."""
    lines = saved.splitlines() if saved is not None else list(plan)
    cleaned = [line.strip().lstrip("-–+• ").rstrip(";.,").strip() for line in lines]
    found = [line for line in cleaned if line]
    as_above = bool(found) and found[0].lower().startswith(AS_ABOVE.lower())
    if addressee and not as_above:
        found.insert(0, AS_ABOVE)
    elif as_above and not addressee:
        found.pop(0)  # "Như trên" names who the report is addressed to: no one here
    return tuple(f"{r}{'.' if i == len(found) - 1 else ';'}" for i, r in enumerate(found))


def recipient_lines(recipients: tuple[str, ...]) -> list[str]:
    """ "- Như trên;" … "- Lưu: VT, VHXH.": one "- …;" a line."""
    return [f"- {r}" for r in recipients]


def direction_skeleton(info: DocumentInfo) -> str:
    """Part I before she writes it: what was done to direct the work, with blanks."""
    doc = info.doc_type.strip().capitalize() or "Kế hoạch"
    issuer = info.issuer_phrase or "UBND xã"
    return (
        f"Sau khi {doc} số {info.reference} {info.date_text} được ban hành, {issuer} đã "
        "ban hành … văn bản chỉ đạo, hướng dẫn, đôn đốc các cơ quan, đơn vị triển khai "
        "thực hiện; tổ chức … cuộc họp, hội nghị quán triệt, triển khai; tiến hành … cuộc "
        "kiểm tra, giám sát việc thực hiện tại các cơ quan, đơn vị. Các cơ quan, đơn vị "
        "được giao chủ trì đã xây dựng kế hoạch cụ thể, phân công cán bộ theo dõi và báo "
        "cáo kết quả định kỳ theo quy định."
    )


# ------------------------------------------------------------------------ numbers in words


def vn_number(value: float, decimals: int = 1) -> str:
    """A number the Vietnamese way: "1.000", "72,5", "0,25" (at most `decimals`)."""
    rounded = round(value, decimals)
    whole = int(abs(rounded))
    fraction = f"{abs(rounded) - whole:.{decimals}f}"[2:].rstrip("0") if decimals else ""
    text = f"{whole:,}".replace(",", ".")
    sign = "-" if rounded < 0 else ""
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


def vn_percent(value: float) -> str:
    """ "72,5 %", with a no-break space so the sign never goes to the next line."""
    return f"{vn_number(value)}\u00a0%"


# ------------------------------------------------------------------------ sentences


def _title(task: TaskResult) -> str:
    return task.title.strip().rstrip(".;:").strip()


def task_heading(task: TaskResult) -> str:
    """ "- Title (lead)", a task's line in part IV; "- Title" while no unit leads it."""
    return f"- {_title(task)} ({task.lead})" if task.lead else f"- {_title(task)}"


def next_task_line(task: TaskResult) -> str:
    """A task's line in part IV: "- Title (lead), thời hạn: Quý III/2026."."""
    deadline = f", thời hạn: {task.deadline}" if task.deadline else ""
    return f"{task_heading(task)}{deadline}."


def task_sentence(task: TaskResult) -> str:
    """A task's line in part II: "- Title (lead): state in words. Result"."""
    words = state_words(task)
    result = " ".join(task.result.split()) if task.result else ""
    text = f"{task_heading(task)}: {words}."
    if result:
        text += f" {result}"
        if not result.endswith((".", "!", "?", ";", ":")):
            text += "."
    if task.depth:
        text = "+" + text[1:]  # a task under a task: "+", as the plan writes it
    return text


def state_words(task: TaskResult) -> str:
    """The state in words, as entered: "Tạm dừng, đạt 30 %"; "Hoàn thành ngày
    02/03/2026"; "Hoàn thành sau ngày chốt số liệu (ngày 20/06/2026)", never "in
    progress" at 100 %; "quá hạn" added for work overdue at the cut-off."""
    if task.status is None:
        words = task.state  # Chưa báo cáo
    elif task.status == "completed" and task.completed_on is not None:
        if task.bucket.is_completed:
            words = f"Hoàn thành ngày {format_date(task.completed_on)}"
            if task.bucket is Bucket.COMPLETED_LATE:
                words += " (quá hạn)"
        else:
            words = f"{task.state} (ngày {format_date(task.completed_on)})"
    else:
        words = task.state
        if task.percent is not None and task.status in {"in_progress", "paused"}:
            words += f", đạt {vn_percent(task.percent)}"
    if task.bucket is Bucket.OVERDUE:
        words += "; quá hạn" + (f" ({task.deadline})" if task.deadline else "")
    return words


def summary_sentence(report: ProgressReport) -> str:
    counts = report.overview.overall
    parts = [f"{b.label_vi.lower()} {vn_number(counts.count(b))} nhiệm vụ "
             f"({vn_percent(counts.percent(b))})"
             for b in BUCKET_ORDER if counts.count(b)]  # fmt: skip
    return (f"Tính đến ngày {format_date(report.overview.cutoff)}, Kế hoạch có "
            f"{vn_number(counts.total)} nhiệm vụ; trong đó " + "; ".join(parts) + ".")  # fmt: skip


def breakthrough_sentence(item: BreakthroughResult) -> str:
    """What the breakthrough task is and where it stands, in one paragraph."""
    cite = f" (mục {cited_number(item.number)} của Kế hoạch)" if item.number else ""
    text = f"Nhiệm vụ đột phá «{item.title.strip().rstrip('.:')}»{cite}"
    if item.lead:
        text += f" do {item.lead} chủ trì"
    if item.responsible:
        text += f", {item.responsible} chịu trách nhiệm"
    total = item.counts.total
    done = item.counts.completed
    text += f"; gồm {vn_number(total)} nhiệm vụ, đã hoàn thành {vn_number(done)}"
    overdue = item.counts.count(Bucket.OVERDUE)
    if overdue:
        text += f", chưa hoàn thành quá hạn {vn_number(overdue)}"
    if item.percent is not None:
        text += f"; tiến độ bình quân đạt {vn_percent(item.percent)}"
    if item.funding_amount is not None:
        text += f". Kinh phí: {vn_number(item.funding_amount, 3)} triệu đồng"
        if item.funding_source:
            text += f" ({item.funding_source.strip().rstrip('.')})"
    elif item.funding_source:
        text += f". Kinh phí: {item.funding_source.strip().rstrip('.')}"
    return text + "."


def next_horizon_sentence(report: ProgressReport) -> str:
    horizon = format_date(report.horizon) if report.horizon else ""
    return f"Các nhiệm vụ đến hạn từ nay đến ngày {horizon}:"
