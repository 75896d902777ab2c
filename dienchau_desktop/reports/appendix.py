"""The task appendix (Phụ lục: Danh mục nhiệm vụ) as data: one row per task, numbered
continuously, under section rows; the columns chosen and ordered by the user."""

from __future__ import annotations

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.document import document_info
from dienchau_desktop.reports.table import Column, TableReport, TableRow
from dienchau_desktop.services import items

#: Every column the appendix can show (REPORTS.md, report 1), in the default order.
COLUMNS: dict[str, Column] = {
    c.key: c
    for c in (
        Column("stt", "STT", 6, centred=True),
        Column("title", "Nhiệm vụ", 60),
        Column("lead", "Cơ quan chủ trì", 22),
        Column("coordinators", "Cơ quan phối hợp", 26),
        Column("deadline", "Thời gian hoàn thành", 16, centred=True),
        Column("product", "Sản phẩm", 22),
        Column("responsible", "Người chịu trách nhiệm", 20),
    )
}
DEFAULT_COLUMNS = tuple(COLUMNS)


def build_appendix(
    db: Database, plan_id: int, columns: tuple[str, ...] = DEFAULT_COLUMNS
) -> TableReport:
    """The appendix of a plan: every task in document order, under its sections."""
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown or not columns:
        raise ValueError(f"unknown appendix columns: {unknown}")
    info = document_info(db, plan_id)
    tree = items.plan_tree(db, plan_id)
    holds_tasks: set[int] = set()
    for task in tree.tasks():
        parent = task.parent_id
        while parent is not None and parent not in holds_tasks:
            holds_tasks.add(parent)
            parent = tree.node(parent).parent_id
    rows: list[TableRow] = []
    number = 0
    for node in tree.nodes:
        if node.kind == "section" and node.id in holds_tasks:
            rows.append(TableRow("section", node.depth, (f"{node.number} {node.title}".strip(),)))
        elif node.kind == "task":
            number += 1
            values = {
                "stt": str(number),
                "title": node.title,
                "lead": node.lead_unit_name,
                "coordinators": "; ".join(node.coordinator_names),
                "deadline": node.deadline_text,
                "product": node.expected_product,
                "responsible": node.responsible_person,
            }
            rows.append(TableRow("task", node.depth, tuple(values[c] for c in columns)))
    return TableReport(
        heading="PHỤ LỤC",
        subject="DANH MỤC NHIỆM VỤ",
        note=f"(Kèm theo {info.doc_type.capitalize()} số {info.reference} "
        f"{info.date_phrase} của {info.issuer_phrase})",
        columns=tuple(COLUMNS[c] for c in columns),
        rows=tuple(rows),
    )
