"""The audit trail: every change written with old and new value, when and by whom."""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dienchau_desktop.db import raw_writes
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import AuditEntry


@cache
def current_user() -> str:
    """The OS user name, which is who made a change on an office PC."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some service accounts)
        return "?"


def now() -> datetime:
    """The local time changes are stamped with (an office works in one time zone)."""
    return datetime.now()


def _to_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, default=_json_default, sort_keys=True)


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    raise TypeError(f"cannot record {type(value).__name__} in the audit trail")


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: int,
    field: str = "",
    old: Any = None,
    new: Any = None,
) -> None:
    """Add one audit row to the transaction in progress."""
    session.add(AuditEntry(**_row(action, entity, entity_id, field, old, new)))


def write(
    session: Session,
    action: str,
    entity: str,
    entity_id: int,
    field: str = "",
    old: Any = None,
    new: Any = None,
) -> None:
    """`record`, but written at once, past the ORM: for the writes that go past it
    themselves (an add, a delete, its undo, a move), which leave the session nothing
    to flush. The row stored is the one `record` would store."""
    raw_writes.insert_audit(session, [_row(action, entity, entity_id, field, old, new)])


def _row(
    action: str, entity: str, entity_id: int, field: str, old: Any, new: Any
) -> dict[str, Any]:
    """An audit row's values, stamped now, by its column names."""
    return {
        "at": now(),
        "user": current_user(),
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "field": field,
        "old_value": _to_json(old),
        "new_value": _to_json(new),
    }


def record_changes(
    session: Session, entity: str, entity_id: int, old: dict[str, Any], new: dict[str, Any]
) -> list[str]:
    """One "update" row per field whose value differs; returns the changed field names."""
    changed = [name for name in new if old.get(name) != new[name]]
    for name in changed:
        record(session, "update", entity, entity_id, name, old.get(name), new[name])
    return changed


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One audit entry as the UI and tests see it."""

    at: datetime
    user: str
    action: str
    entity: str
    entity_id: int
    field: str
    old_value: Any
    new_value: Any


def history(
    db: Database, entity: str | None = None, entity_id: int | None = None
) -> list[AuditRow]:
    """Audit rows, oldest first, optionally for one entity or one row of it."""
    query = select(AuditEntry).order_by(AuditEntry.id)
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    with db.read() as session:
        return [
            AuditRow(
                e.at,
                e.user,
                e.action,
                e.entity,
                e.entity_id,
                e.field,
                None if e.old_value is None else json.loads(e.old_value),
                None if e.new_value is None else json.loads(e.new_value),
            )
            for e in session.scalars(query)
        ]
