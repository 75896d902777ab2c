"""Changing several items of a plan at once: their kind, lead unit (chủ trì), coordinating
units (phối hợp) and deadline, in one transaction.

Every item is checked before anything is written: one item that refuses the change (a
lead unit that is already one of its coordinators, a deadline before its start date, a
section holding items made a paragraph) refuses the whole change, and the refusal names
each such item and what is wrong with it. Paragraphs of text carry none of these fields
(core.task_fields): they take a new kind, and are left as they are by the rest.

The values each item had and has are returned, plain, so that undo puts back exactly
what was there (`write_values`), and redo writes again exactly what was written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from dienchau_desktop.core.deadline import Deadline, parse_deadline
from dienchau_desktop.core.errors import NotFoundError, UserError, ValidationError
from dienchau_desktop.core.task_fields import FIELDS, ITEM_KINDS
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import PlanItem, TaskCoordinator, Unit
from dienchau_desktop.services import audit
from dienchau_desktop.services.units import get_unit_row

#: What is done to the coordinating units: left, given units added, replaced by them,
#: or given units taken out.
CoordinatorMode = Literal["keep", "add", "replace", "remove"]

#: The kinds of item that carry a lead unit, coordinators and a deadline.
CARRIER_KINDS = FIELDS["lead_unit_id"].item_kinds & FIELDS["deadline"].item_kinds

# SQLite's limit on bound parameters: ids are read in slices of this many.
_SLICE = 500


@dataclass(frozen=True, slots=True)
class BatchEdit:
    """What to change on every item chosen; each field is left as it is by default."""

    kind: str | None = None  # "section", "task", "text"; None: unchanged
    change_lead: bool = False
    lead_unit_id: int | None = None  # with change_lead; None: no lead unit
    coordinators: CoordinatorMode = "keep"
    coordinator_ids: tuple[int, ...] = ()
    deadline: str | None = None  # as written; "": no deadline; None: unchanged

    @property
    def touches_carried_fields(self) -> bool:
        """Whether it changes a field only sections and tasks carry."""
        return self.change_lead or self.coordinators != "keep" or self.deadline is not None

    @property
    def is_empty(self) -> bool:
        return self.kind is None and not self.touches_carried_fields


@dataclass(frozen=True, slots=True)
class ItemValues:
    """The fields a batch edit writes, of one item, as stored."""

    kind: str
    lead_unit_id: int | None
    coordinator_ids: tuple[int, ...]
    deadline_text: str
    deadline_kind: str | None
    deadline_start: date | None
    due_date: date | None

    def audited(self) -> dict[str, Any]:
        """The values as the audit trail names them (items.update_item's names)."""
        return {
            "kind": self.kind,
            "lead_unit_id": self.lead_unit_id,
            "coordinator_ids": list(self.coordinator_ids),
            "deadline_text": self.deadline_text,
            "deadline_kind": self.deadline_kind,
            "deadline_start": self.deadline_start,
            "due_date": self.due_date,
        }


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a batch edit did: the items changed (in the order asked), those whose kind
    changed (their numbers and their siblings' follow), the paragraphs left as they
    were, and each changed item's values before and after."""

    plan_id: int
    changed_ids: tuple[int, ...]
    kind_changed_ids: tuple[int, ...]
    skipped_ids: tuple[int, ...]
    before: Mapping[int, ItemValues] = field(default_factory=dict)
    after: Mapping[int, ItemValues] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ItemProblem:
    """Why one item refuses the change (an item may refuse it for two reasons)."""

    item_id: int
    title: str
    field: str  # the field refused: "kind", "coordinator_ids", "deadline"
    message: str


class BatchRefusedError(ValidationError):
    """Some of the items refuse the change; nothing was written."""

    def __init__(self, problems: Sequence[ItemProblem]) -> None:
        super().__init__(
            "items",
            f"{len({p.item_id for p in problems})} mục không nhận thay đổi này; "
            "chưa mục nào được thay đổi.",
            "Hãy sửa các mục đó (hoặc bỏ chúng khỏi các mục đã chọn) rồi làm lại.",
        )
        self.problems = tuple(problems)


def change_items(db: Database, item_ids: Sequence[int], edit: BatchEdit) -> BatchResult:
    """Apply `edit` to the items `item_ids` (of one plan), all or nothing.

    Raises `ValidationError` for a value no item could take (a deadline not
    understood, a unit that does not exist, a field paragraphs do not carry asked
    of paragraphs only), `BatchRefusedError` naming each item that refuses it, and
    `NotFoundError` when an item is gone.
    """
    ids = list(dict.fromkeys(item_ids))
    if not ids:
        raise ValidationError("items", "Chưa chọn mục nào.")
    deadline = _check_edit(edit)
    with db.write() as session:
        rows = _rows(session, ids)
        plan_id = _one_plan(rows)
        _check_units(session, edit)
        before = _values_of(session, rows)
        holding = _holding_items(session, ids)
        after: dict[int, ItemValues] = {}
        problems: list[ItemProblem] = []
        for item_id in ids:
            old = before[item_id]
            kind = edit.kind or old.kind
            if kind == "text" and old.kind != "text" and item_id in holding:
                why = "Mục có mục con không thể đổi thành đoạn văn."
                problems.append(ItemProblem(item_id, rows[item_id].title, "kind", why))
                continue
            if kind not in CARRIER_KINDS:
                after[item_id] = replace(old, kind=kind)
                continue
            new = _new_values(old, kind, edit, deadline)
            for name, why in _inconsistencies(session, rows[item_id], old, new):
                problems.append(ItemProblem(item_id, rows[item_id].title, name, why))
            after[item_id] = new
        if problems:
            raise BatchRefusedError(problems)
        # Paragraphs (the edit makes none: refused above) carry none of the other fields.
        skipped = [i for i in ids if after[i].kind not in CARRIER_KINDS]
        if not edit.touches_carried_fields:
            skipped = []
        elif len(skipped) == len(ids):
            raise ValidationError(
                "items", "Đoạn văn không có cơ quan chủ trì, phối hợp hay thời hạn.",
                "Hãy chọn các nhiệm vụ hoặc mục, hoặc đổi loại của chúng trước.",
            )  # fmt: skip
        changed = [i for i in ids if after[i] != before[i]]
        _write(session, rows, {i: after[i] for i in changed}, before)
        return BatchResult(
            plan_id,
            tuple(changed),
            tuple(i for i in changed if after[i].kind != before[i].kind),
            tuple(skipped),
            {i: before[i] for i in changed},
            {i: after[i] for i in changed},
        )


def write_values(db: Database, values: Mapping[int, ItemValues]) -> tuple[int, ...]:
    """Write back the values a batch edit returned (its `before` on undo, its `after`
    on redo), as they were, in one transaction; returns the items that changed."""
    with db.write() as session:
        rows = _rows(session, list(values))
        before = _values_of(session, rows)
        changed = {i: v for i, v in values.items() if before[i] != v}
        _check_units_exist(session, changed.values())
        _write(session, rows, changed, before)
        return tuple(changed)


def kinds_allowed(db: Database, item_ids: Iterable[int]) -> tuple[str, ...]:
    """The kinds every one of the items may take: not a paragraph when one holds items."""
    with db.read() as session:
        if _holding_items(session, list(item_ids)):
            return tuple(k for k in ITEM_KINDS if k != "text")
        return ITEM_KINDS


# ---------------------------------------------------------------------------- checks


def _check_edit(edit: BatchEdit) -> Deadline | None:
    """The edit's own values checked; returns its deadline read by the core rules."""
    if edit.kind is not None and edit.kind not in ITEM_KINDS:
        raise ValidationError("kind", f"Loại mục «{edit.kind}» không hợp lệ.")
    if edit.kind is not None and edit.kind not in CARRIER_KINDS and edit.touches_carried_fields:
        raise ValidationError(
            "kind", "Đoạn văn không có cơ quan chủ trì, phối hợp hay thời hạn.",
            "Hãy để nguyên các trường đó khi đổi các mục thành đoạn văn.",
        )  # fmt: skip
    if edit.coordinators not in ("keep", "add", "replace", "remove"):
        raise ValueError(f"unknown coordinator mode {edit.coordinators!r}")
    FIELDS["coordinator_ids"].clean(edit.coordinator_ids)  # the same unit twice
    return parse_deadline(edit.deadline) if edit.deadline else None


def _check_units(session: Session, edit: BatchEdit) -> None:
    if edit.change_lead and edit.lead_unit_id is not None:
        get_unit_row(session, edit.lead_unit_id)
    if edit.coordinators != "keep":
        for unit_id in edit.coordinator_ids:
            get_unit_row(session, unit_id)


def _check_units_exist(session: Session, values: Iterable[ItemValues]) -> None:
    """The units `values` name are all still there (one was deleted since, or merged)."""
    named = {u for v in values for u in (v.lead_unit_id, *v.coordinator_ids) if u is not None}
    found = set(session.scalars(select(Unit.id).where(Unit.id.in_(named)))) if named else set()
    for unit_id in sorted(named - found):
        get_unit_row(session, unit_id)  # raises its NotFoundError


def _new_values(
    old: ItemValues, kind: str, edit: BatchEdit, deadline: Deadline | None
) -> ItemValues:
    lead = edit.lead_unit_id if edit.change_lead else old.lead_unit_id
    coordinators = old.coordinator_ids
    given = edit.coordinator_ids
    if edit.coordinators == "replace":
        coordinators = tuple(given)
    elif edit.coordinators == "add":
        # The plan's order kept; the new ones after, in the order given.
        coordinators = (*old.coordinator_ids, *(u for u in given if u not in old.coordinator_ids))
    elif edit.coordinators == "remove":
        coordinators = tuple(u for u in old.coordinator_ids if u not in given)
    new = replace(old, kind=kind, lead_unit_id=lead, coordinator_ids=coordinators)
    if edit.deadline is None:
        return new
    if deadline is None:
        return replace(new, deadline_text="", deadline_kind=None, deadline_start=None,
                        due_date=None)  # fmt: skip
    return replace(new, deadline_text=deadline.text, deadline_kind=deadline.kind.value,
                    deadline_start=deadline.start, due_date=deadline.due)  # fmt: skip


def _inconsistencies(
    session: Session, row: PlanItem, old: ItemValues, new: ItemValues
) -> list[tuple[str, str]]:
    """What is wrong with `new` on the item, as items.update_item would refuse it, as
    (field, message); only what the edit changes is judged (an item left as it was is
    no fault of the edit)."""
    wrong = []
    lead, coordinators = new.lead_unit_id, new.coordinator_ids
    if (old.lead_unit_id, old.coordinator_ids) != (lead, coordinators) and lead in coordinators:
        name = get_unit_row(session, lead).name if lead is not None else ""
        wrong.append((
            "coordinator_ids",
            f"«{name}» không thể vừa là cơ quan chủ trì vừa là cơ quan phối hợp của mục này.",
        ))  # fmt: skip
    start, due = row.start_date, new.due_date
    if due != old.due_date and start and due and start > due:
        wrong.append((
            "deadline",
            f"Ngày bắt đầu {start:%d/%m/%Y} sau thời hạn hoàn thành {due:%d/%m/%Y}.",
        ))  # fmt: skip
    return wrong


# ---------------------------------------------------------------------------- reading


def _rows(session: Session, ids: list[int]) -> dict[int, PlanItem]:
    rows: dict[int, PlanItem] = {}
    for start in range(0, len(ids), _SLICE):
        chunk = ids[start : start + _SLICE]
        rows.update(
            (r.id, r) for r in session.scalars(select(PlanItem).where(PlanItem.id.in_(chunk)))
        )
    missing = [i for i in ids if i not in rows]
    if missing:
        raise NotFoundError(
            f"Không tìm thấy mục số {missing[0]}.", "Có thể mục đã bị xóa."
        )  # fmt: skip
    return rows


def _one_plan(rows: Mapping[int, PlanItem]) -> int:
    plans = {r.plan_id for r in rows.values()}
    if len(plans) != 1:
        raise UserError("Các mục được chọn thuộc nhiều kế hoạch khác nhau.")
    return plans.pop()


def _values_of(session: Session, rows: Mapping[int, PlanItem]) -> dict[int, ItemValues]:
    ids = list(rows)
    links: dict[int, list[int]] = {}
    for start in range(0, len(ids), _SLICE):
        chunk = ids[start : start + _SLICE]
        for item_id, unit_id in session.execute(
            select(TaskCoordinator.item_id, TaskCoordinator.unit_id)
            .where(TaskCoordinator.item_id.in_(chunk))
            .order_by(TaskCoordinator.item_id, TaskCoordinator.position)
        ):
            links.setdefault(item_id, []).append(unit_id)
    return {
        r.id: ItemValues(r.kind, r.lead_unit_id, tuple(links.get(r.id, ())), r.deadline_text,
                         r.deadline_kind, r.deadline_start, r.due_date)
        for r in rows.values()
    }  # fmt: skip


def _holding_items(session: Session, ids: list[int]) -> set[int]:
    """Those of `ids` that hold other items."""
    holding: set[int] = set()
    for start in range(0, len(ids), _SLICE):
        chunk = ids[start : start + _SLICE]
        holding.update(
            parent_id
            for parent_id, _n in session.execute(
                select(PlanItem.parent_id, func.count())
                .where(PlanItem.parent_id.in_(chunk))
                .group_by(PlanItem.parent_id)
            )
            if parent_id is not None
        )
    return holding


# ---------------------------------------------------------------------------- writing


def _write(
    session: Session,
    rows: Mapping[int, PlanItem],
    values: Mapping[int, ItemValues],
    before: Mapping[int, ItemValues],
) -> None:
    """Set each item's values, its coordinators' links, and one audit row per field."""
    stamp = audit.now()
    relinked = []
    for item_id, new in values.items():
        row = rows[item_id]
        row.kind = new.kind
        row.lead_unit_id = new.lead_unit_id
        row.deadline_text = new.deadline_text
        row.deadline_kind = new.deadline_kind
        row.deadline_start = new.deadline_start
        row.due_date = new.due_date
        if new.coordinator_ids != before[item_id].coordinator_ids:
            relinked.append(item_id)
        audit.record_changes(session, "plan_item", item_id, before[item_id].audited(),
                             new.audited())  # fmt: skip
        row.updated_at = stamp
    session.flush()
    # The links of all the items in a few statements: one each was a thousand round
    # trips for a thousand items.
    for start in range(0, len(relinked), _SLICE):
        chunk = relinked[start : start + _SLICE]
        session.execute(delete(TaskCoordinator).where(TaskCoordinator.item_id.in_(chunk)))
    links = [
        {"item_id": item_id, "unit_id": unit_id, "position": position}
        for item_id in relinked
        for position, unit_id in enumerate(values[item_id].coordinator_ids)
    ]
    if links:
        session.execute(insert(TaskCoordinator), links)
    for item_id in relinked:
        session.expire(rows[item_id], ["coordinators"])
