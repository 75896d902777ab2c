"""The unit sheet (REPORTS.md, report 3): the tasks one unit leads or coordinates, to
send to that unit with its Excel return form."""

from __future__ import annotations

from dienchau_desktop.core.errors import NotFoundError
from dienchau_desktop.core.folding import fold
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.document import document_info
from dienchau_desktop.reports.table import Column, TableReport, TableRow
from dienchau_desktop.services import items, units
from dienchau_desktop.services.items import ItemNode, PlanTree
from dienchau_desktop.services.units import UnitInfo

COLUMNS = (
    Column("stt", "STT", 8, centred=True),
    Column("number", "Số hiệu", 12, centred=True),
    Column("title", "Nhiệm vụ", 56),
    Column("role", "Vai trò", 12, centred=True),
    Column("deadline", "Thời hạn", 16, centred=True),
    Column("product", "Sản phẩm", 22),
    Column("responsible", "Người chịu trách nhiệm", 20),
)


def find_unit(db: Database, name: str) -> UnitInfo:
    """The unit named `name` (case and diacritics ignored), or a clear refusal."""
    wanted = fold(name)
    for unit in units.list_units(db):
        if fold(unit.name) == wanted or (unit.short_name and fold(unit.short_name) == wanted):
            return unit
    known = ", ".join(u.name for u in units.list_units(db))
    raise NotFoundError(f"Không có đơn vị tên «{name}».", f"Các đơn vị hiện có: {known}.")


def unit_tasks(
    db: Database, plan_id: int, unit_id: int, tree: PlanTree | None = None
) -> list[tuple[ItemNode, str, str]]:
    """(task, its full number, "Chủ trì" or "Phối hợp") for every task of the unit; from
    `tree` when the caller has read the plan already (one read for many units)."""
    tree = tree or items.plan_tree(db, plan_id)
    outline = items.outline_numbers(tree)
    found = []
    for task in tree.tasks():
        if task.lead_unit_id == unit_id:
            found.append((task, outline[task.id], "Chủ trì"))
        elif unit_id in task.coordinator_ids:
            found.append((task, outline[task.id], "Phối hợp"))
    return found


def build_unit_sheet(
    db: Database, plan_id: int, unit: UnitInfo, tree: PlanTree | None = None
) -> TableReport:
    info = document_info(db, plan_id)
    rows = [TableRow("section", 1, (unit.name,))]
    tasks = unit_tasks(db, plan_id, unit.id, tree)
    for number, (task, outline, role) in enumerate(tasks, start=1):
        rows.append(
            TableRow("task", 2, (str(number), outline, task.title, role, task.deadline_text,
                                 task.expected_product, task.responsible_person))
        )  # fmt: skip
    return TableReport(
        heading="DANH MỤC NHIỆM VỤ CỦA ĐƠN VỊ",
        subject=info.title,
        note=f"(Thuộc {info.doc_type.capitalize()} số {info.reference} {info.date_phrase} "
        f"của {info.issuer_phrase})",
        columns=COLUMNS,
        rows=tuple(rows),
    )
