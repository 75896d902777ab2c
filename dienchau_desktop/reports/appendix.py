"""The task appendix (Phụ lục: Danh mục nhiệm vụ) as data: one row per task, numbered
continuously, under section rows; the columns chosen and ordered by the user."""

from __future__ import annotations

from dataclasses import dataclass

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.document import DocumentInfo, document_info
from dienchau_desktop.services import items

#: Every column the appendix can show, with its heading (REPORTS.md, report 1).
COLUMNS: dict[str, str] = {
    "stt": "STT",
    "title": "Nhiệm vụ",
    "lead": "Cơ quan chủ trì",
    "coordinators": "Cơ quan phối hợp",
    "deadline": "Thời gian hoàn thành",
    "product": "Sản phẩm",
    "responsible": "Người chịu trách nhiệm",
}
DEFAULT_COLUMNS = tuple(COLUMNS)


@dataclass(frozen=True, slots=True)
class AppendixRow:
    """A section row (spanning the table) or a task row (one cell per column)."""

    kind: str  # "section" or "task"
    depth: int
    cells: tuple[str, ...]  # a section row has one cell: its number and title


@dataclass(frozen=True)
class Appendix:
    info: DocumentInfo
    heading: str
    subject: str
    attached_to: str
    columns: tuple[tuple[str, str], ...]  # (key, heading)
    rows: tuple[AppendixRow, ...]

    @property
    def task_count(self) -> int:
        return sum(1 for r in self.rows if r.kind == "task")


def build_appendix(
    db: Database, plan_id: int, columns: tuple[str, ...] = DEFAULT_COLUMNS
) -> Appendix:
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
    rows: list[AppendixRow] = []
    number = 0
    for node in tree.nodes:
        if node.kind == "section" and node.id in holds_tasks:
            rows.append(
                AppendixRow("section", node.depth, (f"{node.number} {node.title}".strip(),))
            )
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
            rows.append(AppendixRow("task", node.depth, tuple(values[c] for c in columns)))
    return Appendix(
        info=info,
        heading="PHỤ LỤC",
        subject="DANH MỤC NHIỆM VỤ",
        attached_to=f"(Kèm theo {info.doc_type.capitalize()} số {info.reference} "
        f"{info.date_phrase} của {info.issuer_phrase})",
        columns=tuple((c, COLUMNS[c]) for c in columns),
        rows=tuple(rows),
    )
