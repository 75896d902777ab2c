"""A plan document read for review, edited before it is added.

The import dialog shows what `plan_document` read as the tree that will be added; she
may change the kind of items, set the lead unit or the deadline of several at once and
drop items before adding. The edits are made here, on the plan document itself (the
services.plan_file format the importer builds), so what is added is exactly what was
shown, through the importer's own path: one transaction, units created as needed.

Items are named by their path in the tree: the indices of the item and of each of its
parents among their siblings, from the top (`(0, 2)` is the third child of the first
part). `preview_tree` gives the rows in the same order, so a row's path is the item's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dienchau_desktop.core.deadline import parse_deadline
from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.task_fields import ITEM_KINDS, fields_of
from dienchau_desktop.core.text import clean_text
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers import task_tables
from dienchau_desktop.importers.plan_document import (
    PlanSummary,
    ReadPlan,
    add_read_plan,
    preview_tree,
    read_plan,
)
from dienchau_desktop.services.plan_file import load_plan_document

Path_ = tuple[int, ...]

#: The document keys of the fields each kind carries (units by name, not by id).
_KEYS_OF = {
    kind: {"kind", "title", "children"}
    | {{"lead_unit_id": "lead_unit", "coordinator_ids": "coordinators"}.get(f.name, f.name)
       for f in fields_of(kind)}
    for kind in ITEM_KINDS
}  # fmt: skip


@dataclass
class Review:
    """A plan document as read from `path`, with what was not understood."""

    path: Path
    document: dict[str, Any]
    summary: PlanSummary
    warnings: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return str(self.document["plan"].get("title", ""))

    @property
    def reference(self) -> str:
        """The type, number, place and date, issuing body, as far as they were read:
        "KẾ HOẠCH · Số: 15/KH-UBND · Nghệ An, ngày 20 tháng 01 năm 2026 · UBND TỈNH NGHỆ AN"."""
        plan = self.document["plan"]
        parts = [str(plan.get("doc_type", ""))] if plan.get("doc_type") else []
        if plan.get("number") or plan.get("symbol"):
            parts.append(f"Số: {plan.get('number') or '…'}/{plan.get('symbol', '')}".rstrip("/"))
        dated = ", ".join(filter(None, [plan.get("place", ""), plan.get("issue_date_text", "")]))
        if dated:
            parts.append(dated)
        if plan.get("issuing_body"):
            parts.append(" – ".join(str(plan["issuing_body"]).splitlines()))
        return " · ".join(parts)

    def rows(self) -> list[dict[str, Any]]:
        """The tree as it will be added: number, kind, title, lead, coordinators, deadline
        as written and due date, with children."""
        return preview_tree(self.document["items"])


def read_for_review(db: Database, path: Path, *, as_plan: bool = False) -> Review:
    """Read `path` once, and rehearse adding it (a transaction rolled back), so whatever
    the import refuses is refused here with the same words (`NotAPlanError` for a
    notice or a report unless `as_plan`); then the plan document to edit. `add` adds
    this document as edited: the file is not read again, so a file changed on disk
    after the review does not change what is added."""
    return review_of(db, read_plan(path, as_plan=as_plan))


def review_of(db: Database, read: ReadPlan) -> Review:
    """The review of a document already read (a notice she chose to read as a plan:
    `NotAPlanError.read`), its adding rehearsed as `read_for_review` does."""
    summary = add_read_plan(db, read, dry_run=True)
    return Review(read.path, read.document, summary, list(read.warnings))


def item_at(items: list[dict[str, Any]], path: Path_) -> dict[str, Any]:
    node = items[path[0]]
    for index in path[1:]:
        node = node["children"][index]
    return node


def count_under(item: dict[str, Any]) -> int:
    """How many items `item` holds, at every depth."""
    return sum(1 + count_under(c) for c in item.get("children", []))


def outermost(paths: Iterable[Path_]) -> list[Path_]:
    """`paths` without those inside another of them, in tree order."""
    kept: list[Path_] = []
    for path in sorted(set(paths)):
        if not any(path[: len(k)] == k for k in kept):
            kept.append(path)
    return kept


def set_kind(document: dict[str, Any], paths: Iterable[Path_], kind: str) -> int:
    """Make the items at `paths` sections, tasks or paragraphs of text; the fields the
    new kind does not carry are dropped (a paragraph carries only its text). An item
    holding others cannot become text: nothing is changed then. Returns how many
    items changed."""
    if kind not in ITEM_KINDS:
        raise ValidationError("kind", f"Loại mục «{kind}» không hợp lệ.")
    chosen = [item_at(document["items"], p) for p in sorted(set(paths))]
    if kind == "text" and any(item.get("children") for item in chosen):
        raise ValidationError(
            "kind", "Mục có mục con không thể đổi thành đoạn văn.",
            "Hãy bỏ chọn các mục có mục con, hoặc đổi chúng thành mục.",
        )  # fmt: skip
    changed = 0
    for item in chosen:
        if item["kind"] == kind:
            continue
        item["kind"] = kind
        for key in set(item) - _KEYS_OF[kind]:
            del item[key]
        changed += 1
    return changed


def _carriers(document: dict[str, Any], paths: Iterable[Path_]) -> list[dict[str, Any]]:
    chosen = [item_at(document["items"], p) for p in sorted(set(paths))]
    carriers = [item for item in chosen if item["kind"] != "text"]
    if not carriers:
        raise ValidationError("kind", "Đoạn văn không có cơ quan chủ trì hay thời hạn.",
                              "Hãy chọn các nhiệm vụ hoặc mục.")  # fmt: skip
    return carriers


def set_lead(document: dict[str, Any], paths: Iterable[Path_], name: str) -> int:
    """Give the tasks and sections at `paths` the lead unit `name` (empty: none); it
    is no longer also one of their coordinators. Paragraphs of text are left as they
    are. Returns how many items changed."""
    lead = clean_text(name, "lead_unit", max_length=task_tables.MAX_UNIT_NAME,
                      label="Cơ quan chủ trì")  # fmt: skip
    carriers = _carriers(document, paths)
    for item in carriers:
        if lead:
            item["lead_unit"] = lead
            task_tables.keep_apart(item)
        else:
            item.pop("lead_unit", None)
    refresh_units(document)
    return len(carriers)


def set_deadline(document: dict[str, Any], paths: Iterable[Path_], written: str) -> int:
    """Give the tasks and sections at `paths` the deadline `written` (empty: none),
    checked by the core rules: a deadline they do not read raises their
    `ValidationError`, and nothing changes. Returns how many items changed."""
    deadline = parse_deadline(written)
    carriers = _carriers(document, paths)
    for item in carriers:
        if deadline is None:
            item.pop("deadline", None)
        else:
            item["deadline"] = deadline.text
    return len(carriers)


def drop(document: dict[str, Any], paths: Iterable[Path_]) -> int:
    """Remove the items at `paths` with everything they hold; returns how many items
    went, those held included."""
    gone = 0
    # The deepest and last first, so the paths still to remove keep their meaning.
    for path in sorted(outermost(paths), reverse=True):
        siblings = (document["items"] if len(path) == 1
                    else item_at(document["items"], path[:-1])["children"])  # fmt: skip
        item = siblings.pop(path[-1])
        gone += 1 + count_under(item)
        if len(path) > 1 and not siblings:
            del item_at(document["items"], path[:-1])["children"]
    refresh_units(document)
    return gone


def _units_named(items: list[dict[str, Any]]) -> Iterator[str]:
    for item in items:
        if item.get("lead_unit"):
            yield item["lead_unit"]
        yield from item.get("coordinators", [])
        yield from _units_named(item.get("children", []))


def refresh_units(document: dict[str, Any]) -> None:
    """The document's units are those its items name, no more: a unit named only by
    dropped items is not created."""
    known = {u["name"]: u for u in document.get("units", [])}
    document["units"] = [known.get(n, {"name": n}) for n in sorted(set(_units_named(
        document["items"])))]  # fmt: skip


def add(db: Database, review: Review) -> int:
    """Add the plan as it now stands, in one transaction (services.plan_file, as the
    importer adds it); returns its id."""
    if not review.document["items"]:
        raise ValidationError("items", "Kế hoạch không còn mục nào.",
                              "Hãy giữ lại ít nhất một mục, hoặc bấm Hủy.")  # fmt: skip
    refresh_units(review.document)
    return load_plan_document(db, review.document, source=review.path.name)
