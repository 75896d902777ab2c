"""The task appendix (Phụ lục: Danh mục nhiệm vụ) as data: one row per task, numbered
continuously, under section rows; the columns chosen and ordered by the user.

Its columns other than STT are the task fields that core.task_fields gives an appendix
column: a field added there can be chosen here."""

from __future__ import annotations

from collections.abc import Collection

from dienchau_desktop.core.task_fields import TASK_FIELDS, FieldKind, TaskField
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.document import document_info
from dienchau_desktop.reports.table import Column, TableReport, TableRow
from dienchau_desktop.services import evidence, items

#: The fields with a column in the appendix, by the column's key.
_FIELDS: dict[str, TaskField] = {
    f.appendix.key: f for f in TASK_FIELDS if f.appendix is not None
}  # fmt: skip
#: The columns of REPORTS.md (report 1), in its order: what the appendix shows unless
#: the user chooses otherwise.
DEFAULT_COLUMNS = ("stt", "title", "lead", "coordinators", "deadline", "product", "responsible")


def _column(field: TaskField) -> Column:
    spec = field.appendix
    assert spec is not None
    amount = field.kind is FieldKind.MONEY
    return Column(spec.key, spec.heading, spec.width, centred=spec.centred, amount=amount)


#: The column naming each task's evidence files (services.evidence), when chosen.
EVIDENCE = "evidence"

#: Every column the appendix can show: the default ones first, in their order, then
#: the other fields' (Kinh phí, Nguồn kinh phí), in the registry's order, then evidence.
COLUMNS: dict[str, Column] = {
    "stt": Column("stt", "STT", 6, centred=True),
    **{key: _column(_FIELDS[key]) for key in DEFAULT_COLUMNS[1:]},
    **{key: _column(field) for key, field in _FIELDS.items() if key not in DEFAULT_COLUMNS},
    EVIDENCE: Column(EVIDENCE, "Minh chứng", 28),
}


def build_appendix(
    db: Database,
    plan_id: int,
    columns: tuple[str, ...] = DEFAULT_COLUMNS,
    only: Collection[int] | None = None,
) -> TableReport:
    """The appendix of a plan: every task in document order, under its sections; with
    `only`, the tasks among those item ids (the tree as filtered in the window)."""
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown or not columns:
        raise ValueError(f"unknown appendix columns: {unknown}")
    info = document_info(db, plan_id)
    tree = items.plan_tree(db, plan_id)
    holds_tasks: set[int] = set()
    tasks = [t for t in tree.tasks() if only is None or t.id in only]
    for task in tasks:
        parent = task.parent_id
        while parent is not None and parent not in holds_tasks:
            holds_tasks.add(parent)
            parent = tree.node(parent).parent_id
    shown = [_FIELDS.get(c) for c in columns]  # None: STT or evidence
    names = evidence.names_by_task(db, plan_id) if EVIDENCE in columns else {}
    rows: list[TableRow] = []
    number = 0
    for node in tree.nodes:
        if node.kind == "section" and node.id in holds_tasks:
            rows.append(TableRow("section", node.depth, (f"{node.number} {node.title}".strip(),)))
        elif node.kind == "task" and (only is None or node.id in only):
            number += 1
            cells = tuple(
                f.text_of(node) if f is not None
                else "; ".join(names.get(node.id, ())) if c == EVIDENCE
                else str(number)
                for c, f in zip(columns, shown, strict=True)
            )  # fmt: skip
            rows.append(TableRow("task", node.depth, cells, indent=_tasks_above(tree, node)))
    return TableReport(
        heading="PHỤ LỤC",
        subject="DANH MỤC NHIỆM VỤ",
        note=f"(Kèm theo {info.doc_type.capitalize()} số {info.reference} "
        f"{info.date_phrase} của {info.issuer_phrase})",
        columns=tuple(COLUMNS[c] for c in columns),
        rows=tuple(rows),
    )


def _tasks_above(tree: items.PlanTree, node: items.ItemNode) -> int:
    """How many tasks `node` is under, up to its section: its title is set in as many
    levels in the table, under its parent task's."""
    count, above = 0, node.parent_id
    while above is not None:
        parent = tree.node(above)
        if parent.kind == "section":
            break
        count += parent.kind == "task"
        above = parent.parent_id
    return count
