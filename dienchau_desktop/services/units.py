"""Units (cơ quan, đơn vị): shared by every plan; lead (chủ trì) or coordinate (phối hợp)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from dienchau_desktop.core import mail_address
from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.core.folding import fold, unit_key
from dienchau_desktop.core.mail_address import is_address
from dienchau_desktop.core.text import clean_text
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import PlanItem, TaskCoordinator, Unit
from dienchau_desktop.services import audit

_FIELDS = {
    "name": "Tên đơn vị",
    "short_name": "Tên viết tắt",
    "kind": "Loại đơn vị",
    "email": "Thư điện tử",
    "contact": "Liên hệ",
}


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """A unit as the UI shows it, with how many tasks use it."""

    id: int
    name: str
    short_name: str
    kind: str
    email: str
    contact: str
    lead_count: int = 0  # tasks it leads
    coordinate_count: int = 0  # tasks it coordinates
    #: Sections and paragraphs naming it as lead or coordinator.
    other_uses: int = 0

    @property
    def in_use(self) -> bool:
        return bool(self.lead_count or self.coordinate_count or self.other_uses)


def _clean(values: Mapping[str, object]) -> dict[str, str]:
    unknown = set(values) - set(_FIELDS)
    if unknown:
        raise ValueError(f"unknown unit fields: {sorted(unknown)}")
    cleaned = {
        key: clean_text(str(value or ""), key, label=_FIELDS[key]) for key, value in values.items()
    }
    if "name" in cleaned and not cleaned["name"]:
        raise ValidationError("name", "«Tên đơn vị» không được để trống.")
    if cleaned.get("email") and not is_address(cleaned["email"]):
        raise ValidationError(
            "email", f"Địa chỉ thư «{cleaned['email']}» không hợp lệ.", mail_address.EXAMPLE
        )
    return cleaned


def _snapshot(unit: Unit) -> dict[str, str]:
    return {key: getattr(unit, key) for key in _FIELDS}


def _ensure_name_free(session: Session, name: str, except_id: int | None = None) -> None:
    clash = session.scalar(select(Unit).where(Unit.name_key == fold(name)))
    if clash is not None and clash.id != except_id:
        raise ValidationError(
            "name",
            f"Đã có đơn vị «{clash.name}» trùng tên với «{name}».",
            "Hãy dùng đơn vị đã có, hoặc đặt tên khác.",
        )


def _use_counts(session: Session, unit_id: int | None = None) -> dict[int, tuple[int, int, int]]:
    """By unit: the tasks it leads, the tasks it coordinates, and the sections and
    paragraphs naming it. Tasks are counted as the units' view, the overview and the
    reports count them; a section naming the unit still makes it in use."""
    is_task = case((PlanItem.kind == "task", 1), else_=0)
    leads = select(PlanItem.lead_unit_id, func.sum(is_task), func.count()).where(
        PlanItem.lead_unit_id.is_not(None)
    )
    coordinates = select(TaskCoordinator.unit_id, func.sum(is_task), func.count()).join(
        PlanItem, PlanItem.id == TaskCoordinator.item_id
    )
    if unit_id is not None:
        leads = leads.where(PlanItem.lead_unit_id == unit_id)
        coordinates = coordinates.where(TaskCoordinator.unit_id == unit_id)
    counts: dict[int, list[int]] = {}

    def add(role: int, rows: Iterable[tuple[int | None, int | None, int]]) -> None:
        for unit, tasks, items in rows:
            if unit is not None:
                found = counts.setdefault(unit, [0, 0, 0])
                found[role] = tasks or 0
                found[2] += items - (tasks or 0)

    add(0, session.execute(leads.group_by(PlanItem.lead_unit_id)).tuples())
    add(1, session.execute(coordinates.group_by(TaskCoordinator.unit_id)).tuples())
    return {unit: (lead, coordinate, other) for unit, (lead, coordinate, other) in counts.items()}


def _info(session: Session, unit: Unit) -> UnitInfo:
    lead, coordinate, other = _use_counts(session, unit.id).get(unit.id, (0, 0, 0))
    return UnitInfo(unit.id, unit.name, unit.short_name, unit.kind, unit.email, unit.contact,
                    lead, coordinate, other)  # fmt: skip


def get_unit_row(session: Session, unit_id: int) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFoundError(f"Không tìm thấy đơn vị số {unit_id}.", "Có thể đơn vị đã bị xóa.")
    return unit


def list_units(db: Database) -> list[UnitInfo]:
    """Every unit, by name (Vietnamese folding order), with its use counts."""
    with db.read() as session:
        counts = _use_counts(session)
        infos = [
            UnitInfo(
                u.id, u.name, u.short_name, u.kind, u.email, u.contact, *counts.get(u.id, (0, 0, 0))
            )
            for u in session.scalars(select(Unit)).all()
        ]
    return sorted(infos, key=lambda u: fold(u.name))


def match_units(units: list[UnitInfo], typed: str) -> list[UnitInfo]:
    """The units a typed name can mean: the one whose name or short name it is (case,
    diacritics and spacing aside), else every unit whose name holds all its words."""
    key = fold(typed)
    if not key:
        return []
    exact = [u for u in units if key in {fold(u.name), fold(u.short_name)}]
    if exact:
        return exact
    # Each typed word starts a word of the name: "cong an" is "Công an xã", not
    # "Trung tâm … hành chính công" ("hành" holds "an").
    words = key.split()
    return [
        u for u in units
        if all(any(part.startswith(w) for part in fold(u.name).split()) for w in words)
    ]  # fmt: skip


def get_unit(db: Database, unit_id: int) -> UnitInfo:
    with db.read() as session:
        return _info(session, get_unit_row(session, unit_id))


def create_unit(db: Database, name: str, **fields: str) -> UnitInfo:
    """Add a unit; its name must not match another's once folded."""
    values = _clean({"name": name, **fields})
    with db.write() as session:
        return _info(session, add_unit_row(session, values))


def add_unit_row(session: Session, values: dict[str, str]) -> Unit:
    """Add a unit inside a transaction already open (cleaned values)."""
    _ensure_name_free(session, values["name"])
    unit = Unit(name_key=fold(values["name"]), **values)
    session.add(unit)
    session.flush()
    audit.record(session, "create", "unit", unit.id, new=_snapshot(unit))
    return unit


def find_or_create_unit_row(session: Session, name: str) -> Unit:
    """The unit whose folded name equals `name`'s, else the one whose name differs only
    by a body written in full or by its initials ("Ủy ban nhân dân xã" / "UBND xã"),
    created if there is none: a plan imported must not split a unit in two."""
    cleaned = _clean({"name": name})
    existing = session.scalar(select(Unit).where(Unit.name_key == fold(cleaned["name"])))
    if existing is None:
        wanted = unit_key(cleaned["name"])
        existing = next((u for u in session.scalars(select(Unit)) if unit_key(u.name) == wanted),
                        None)  # fmt: skip
    return existing or add_unit_row(session, cleaned)


def update_unit(db: Database, unit_id: int, **changes: str) -> UnitInfo:
    """Rename a unit or change its details."""
    values = _clean(changes)
    with db.write() as session:
        unit = get_unit_row(session, unit_id)
        if "name" in values:
            _ensure_name_free(session, values["name"], except_id=unit_id)
        old = _snapshot(unit)
        for key, value in values.items():
            setattr(unit, key, value)
        unit.name_key = fold(unit.name)
        audit.record_changes(session, "unit", unit_id, old, _snapshot(unit))
        return _info(session, unit)


def delete_unit(db: Database, unit_id: int, replacement_id: int | None = None) -> None:
    """Remove a unit. A unit still used by tasks needs a replacement to take its place."""
    with db.write() as session:
        unit = get_unit_row(session, unit_id)
        info = _info(session, unit)
        if info.in_use:
            if replacement_id is None:
                raise ValidationError(
                    "unit",
                    f"Đơn vị «{unit.name}» đang chủ trì {info.lead_count} và phối hợp "
                    f"{info.coordinate_count} nhiệm vụ"
                    + (
                        f", được ghi ở {info.other_uses} mục hoặc đoạn văn"
                        if info.other_uses
                        else ""
                    )
                    + " nên chưa xóa được.",
                    "Hãy chọn đơn vị thay thế (gộp đơn vị) trước khi xóa.",
                )
            _move_uses(session, unit, get_unit_row(session, replacement_id))
        audit.record(session, "delete", "unit", unit_id, old=_snapshot(unit))
        session.delete(unit)


def merge_units(db: Database, source_id: int, target_id: int) -> UnitInfo:
    """Give every use of `source` to `target`, then remove `source`."""
    if source_id == target_id:
        raise ValidationError("unit", "Không thể gộp một đơn vị vào chính nó.")
    delete_unit(db, source_id, replacement_id=target_id)
    return get_unit(db, target_id)


def _move_uses(session: Session, source: Unit, target: Unit) -> None:
    if source.id == target.id:
        raise ValidationError("unit", "Đơn vị thay thế phải khác đơn vị bị xóa.")
    led = session.scalars(select(PlanItem.id).where(PlanItem.lead_unit_id == source.id)).all()
    for item_id in led:
        audit.record(session, "update", "plan_item", item_id, "lead_unit_id", source.id, target.id)
    session.execute(
        update(PlanItem).where(PlanItem.lead_unit_id == source.id).values(lead_unit_id=target.id)
    )
    for link in session.scalars(
        select(TaskCoordinator).where(TaskCoordinator.unit_id == source.id)
    ).all():
        already = session.get(TaskCoordinator, (link.item_id, target.id))
        item = session.get(PlanItem, link.item_id)
        audit.record(
            session, "update", "plan_item", link.item_id, "coordinator_ids", source.id, target.id
        )
        # A task led by the target, or coordinated by it already, needs no second link.
        if already is not None or (item is not None and item.lead_unit_id == target.id):
            session.delete(link)
        else:
            position = link.position
            session.delete(link)
            session.flush()
            session.add(TaskCoordinator(item_id=link.item_id, unit_id=target.id, position=position))
    session.flush()
