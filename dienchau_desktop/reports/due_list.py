"""The overdue and due-soon list (REPORTS.md, report 4), for the chairman's weekly
meeting: what is late, and what falls due in the next seven days, as of a day."""

from __future__ import annotations

from datetime import date

from dienchau_desktop.core.deadline import format_date
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.document import document_info
from dienchau_desktop.reports.table import Column, TableReport, TableRow
from dienchau_desktop.services import items, progress
from dienchau_desktop.services.overview import TaskLine, build_overview

COLUMNS = (
    Column("stt", "STT", 8, centred=True),
    Column("number", "Số hiệu", 12, centred=True),
    Column("title", "Nhiệm vụ", 50),
    Column("lead", "Cơ quan chủ trì", 22),
    Column("deadline", "Thời hạn", 16, centred=True),
    Column("due", "Hạn cuối", 15, centred=True),
    Column("status", "Tình hình báo cáo", 18),
    Column("percent", "%", 7, centred=True),
)


def build_due_list(db: Database, plan_id: int, today: date | None = None) -> TableReport:
    """The tasks not completed that are overdue, then those due within seven days."""
    today = today or date.today()
    info = document_info(db, plan_id)
    tree = items.plan_tree(db, plan_id)
    latest = progress.latest_entries_as_of(db, plan_id, today)
    view = build_overview(tree, None, today, latest, latest, today)
    rows: list[TableRow] = []
    number = 0
    for title, lines in (
        (f"A. NHIỆM VỤ QUÁ HẠN, CHƯA HOÀN THÀNH ({len(view.overdue)})", view.overdue),
        (f"B. NHIỆM VỤ ĐẾN HẠN TRONG 7 NGÀY TỚI ({len(view.due_soon)})", view.due_soon),
    ):
        rows.append(TableRow("section", 1, (title,)))
        for line in lines:
            number += 1
            rows.append(TableRow("task", 2, _cells(number, line)))
    return TableReport(
        heading="DANH SÁCH NHIỆM VỤ QUÁ HẠN VÀ SẮP ĐẾN HẠN",
        subject=info.title,
        note=f"(Thuộc {info.doc_type.capitalize()} số {info.reference}; "
        f"tính đến ngày {format_date(today)})",
        columns=COLUMNS,
        rows=tuple(rows),
    )


def _cells(number: int, line: TaskLine) -> tuple[str, ...]:
    return (
        str(number), line.number, line.title, line.lead_unit, line.deadline_text,
        format_date(line.due_date), line.status, "" if line.percent is None else str(line.percent),
    )  # fmt: skip
