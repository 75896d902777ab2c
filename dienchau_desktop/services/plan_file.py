"""Plans kept as structured JSON (our own format): the built-in sample plan is one.

The whole file goes in one transaction: a bad file changes nothing, and the message
names the place in the file that is wrong ("items[1].children[3].deadline").
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from dienchau_desktop.core.errors import BadInputFileError, ValidationError
from dienchau_desktop.core.periods import PeriodKind, PeriodSpec
from dienchau_desktop.core.task_fields import TASK_FIELDS, FieldKind
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import AuditEntry, Plan, PlanItem, TaskCoordinator
from dienchau_desktop.services import audit, items, periods, plans, units

FORMAT = "dienchau-plan"
VERSION = 1
#: A plan document deeper than this is not a plan (and would only exhaust memory).
MAX_DEPTH = 12
#: An item's keys: its fields (core.task_fields), units by name rather than by id.
_ITEM_KEYS = {"children", "lead_unit", "coordinators"} | {
    f.name for f in TASK_FIELDS if f.kind not in (FieldKind.UNIT, FieldKind.UNITS)
}
#: Fields that hold a day, written in the file as YYYY-MM-DD.
_DATE_KEYS = {f.name for f in TASK_FIELDS if f.kind is FieldKind.DATE}


def load_plan_file(db: Database, path: Path) -> int:
    """Add the plan stored in `path` to the data file; return its id."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInputFileError(
            f"Không đọc được tệp kế hoạch «{path.name}»: {exc}.",
            "Tệp dữ liệu không bị thay đổi.",
        ) from exc
    return load_plan_document(db, document, source=path.name)


def load_plan_document(db: Database, document: Any, source: str = "") -> int:
    """Add a plan given as a parsed document; return its id."""
    where = f"tệp «{source}»" if source else "tài liệu kế hoạch"
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadInputFileError(f"{where.capitalize()} không phải tệp kế hoạch của chương trình.")
    if document.get("version") != VERSION:
        raise BadInputFileError(
            f"{where.capitalize()} có phiên bản định dạng {document.get('version')!r}, "
            f"chương trình chỉ đọc được phiên bản {VERSION}.",
            "Hãy cập nhật chương trình.",
        )
    try:
        with db.write() as session:
            return _load(session, document)
    except ValidationError as exc:
        raise BadInputFileError(
            f"{where.capitalize()} có chỗ không dùng được (ở {exc.field}): {exc.message}",
            exc.hint,
        ) from exc


def _load(session: Session, document: dict[str, Any]) -> int:
    header = dict(_require(document, "plan", dict, "plan"))
    if isinstance(header.get("issue_date"), str):
        header["issue_date"] = _parse_iso(header["issue_date"], "plan.issue_date")
    try:
        values = plans._clean(header)
    except ValueError as exc:
        raise ValidationError("plan", str(exc)) from None
    except ValidationError as exc:
        raise ValidationError(f"plan.{exc.field}", exc.message, exc.hint) from None
    stamp = audit.now()
    plan = Plan(created_at=stamp, updated_at=stamp, **values)
    session.add(plan)
    session.flush()
    audit.record(session, "create", "plan", plan.id, new=plans._snapshot(plan))

    unit_ids: dict[str, int] = {}
    # The rows are held while the items are added: the session's identity map holds them
    # only weakly, and each task's lead or coordinator checked against a row no longer
    # held was a SELECT (a 1,000-row appendix took 2,500 of them, 3 s).
    held: list[Any] = []
    for index, unit in enumerate(_require(document, "units", list, "units", default=[])):
        place = f"units[{index}]"
        fields = _require({"u": unit}, "u", dict, place)
        try:
            row = units.find_or_create_unit_row(session, str(fields.get("name", "")))
            for key in ("short_name", "kind", "email", "contact"):
                if fields.get(key) and not getattr(row, key):
                    setattr(row, key, units._clean({key: fields[key]})[key])
        except ValidationError as exc:
            raise ValidationError(f"{place}.{exc.field}", exc.message, exc.hint) from None
        unit_ids[row.name] = row.id
        held.append(row)

    for index, period in enumerate(_require(document, "periods", list, "periods", default=[])):
        place = f"periods[{index}]"
        fields = _require({"p": period}, "p", dict, place)
        try:
            spec = PeriodSpec(
                PeriodKind(fields.get("kind")),
                str(fields.get("label", "")),
                _parse_iso(fields.get("start"), f"{place}.start"),
                _parse_iso(fields.get("cutoff"), f"{place}.cutoff"),
                _parse_iso(fields.get("due"), f"{place}.due") if fields.get("due") else None,
            )
        except ValueError:
            raise ValidationError(
                f"{place}.kind", f"Loại kỳ báo cáo «{fields.get('kind')}» không hợp lệ."
            ) from None
        periods.add_period_row(session, plan.id, spec)

    # Iterative walk, parents before children, so positions come out in document order.
    pending: list[tuple[Any, int | None, int, str, int]] = [
        (item, None, i, f"items[{i}]", 1)
        for i, item in enumerate(_require(document, "items", list, "items"))
    ]
    pending.reverse()
    writer = _ItemRows(session, plan.id)
    while pending:
        raw, parent_id, position, place, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise ValidationError(place, f"Cây kế hoạch sâu quá {MAX_DEPTH} cấp.")
        fields = dict(_require({"i": raw}, "i", dict, place))
        unknown = set(fields) - _ITEM_KEYS
        if unknown:
            raise ValidationError(place, f"Trường không biết: {', '.join(sorted(unknown))}.")
        children = fields.pop("children", []) or []
        if not isinstance(children, list):
            raise ValidationError(f"{place}.children", "«children» phải là một danh sách.")
        lead = fields.pop("lead_unit", None)
        coordinators = fields.pop("coordinators", None) or []
        kind, title = fields.pop("kind", None), fields.pop("title", None)
        for key in _DATE_KEYS & set(fields):
            if isinstance(fields[key], str):
                fields[key] = _parse_iso(fields[key], f"{place}.{key}")
        try:
            if lead:
                fields["lead_unit_id"] = _unit_id(session, unit_ids, lead)
            if coordinators:
                fields["coordinator_ids"] = [_unit_id(session, unit_ids, c) for c in coordinators]
            item_id = writer.add(kind, title, parent_id, position, fields)
        except ValidationError as exc:
            raise ValidationError(f"{place}.{exc.field}", exc.message, exc.hint) from None
        except (TypeError, ValueError) as exc:
            raise ValidationError(place, f"Giá trị không hợp lệ: {exc}.") from None
        pending.extend(
            (child, item_id, i, f"{place}.children[{i}]", depth + 1)
            for i, child in reversed(list(enumerate(children)))
        )
    writer.write()
    return plan.id


def _unit_id(session: Session, known: dict[str, int], name: Any) -> int:
    if not isinstance(name, str):
        raise ValidationError("lead_unit", "Tên đơn vị phải là chữ.")
    if name in known:
        return known[name]
    row = units.find_or_create_unit_row(session, name)
    known[name] = row.id
    return row.id


def _require(
    container: dict[str, Any], key: str, kind: type, place: str, default: Any = None
) -> Any:
    value = container.get(key, default)
    if not isinstance(value, kind):
        raise ValidationError(place, f"Thiếu hoặc sai kiểu dữ liệu ({kind.__name__}).")
    return value


def _parse_iso(value: Any, place: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(place, f"Ngày «{value}» không đúng dạng YYYY-MM-DD.") from None


class _ItemRows:
    """Adds a whole plan's items in document order inside the loader's transaction.

    Each item is checked by the rules every item passes (items' field cleaning and
    consistency checks, a paragraph holds nothing), then kept as a plain row; the rows,
    their coordinators and their audit rows go to SQLite in batches of INSERTs, past
    the ORM. As ORM objects (the former items.ItemsInOrder) a 100-page plan spent 0.9 s of its
    1.4 s in the ORM's bookkeeping of 6,000 objects it never used again.
    Ids are given out here: the write transaction holds the file's only write lock
    (IMMEDIATE), so no other id can be taken between this read and the insert.
    """

    BATCH = 500

    def __init__(self, session: Session, plan_id: int) -> None:
        self.session, self.plan_id = session, plan_id
        self._next_id = (session.scalar(select(func.max(PlanItem.id))) or 0) + 1
        self._kinds: dict[int, str] = {}
        self._rows: list[dict[str, Any]] = []
        self._links: list[dict[str, Any]] = []
        self._audit: list[dict[str, Any]] = []
        # Every column, as the ORM would write it: its Python default, or NULL.
        self._blank = {
            column.key: (column.default.arg if column.default is not None else None)
            for column in PlanItem.__table__.columns
        }
        self._snapshot_keys = [key for key in self._blank
                               if key not in ("id", "created_at", "updated_at")]  # fmt: skip
        self._user = audit.current_user()

    def add(
        self, kind: str, title: str, parent_id: int | None, position: int,
        fields: dict[str, Any],
    ) -> int:  # fmt: skip
        """Add one item as the `position`-th child of `parent_id`; returns its id."""
        values, coordinator_ids = items._new_item_values(self.session, kind, title, fields)
        if parent_id is not None and self._kinds[parent_id] not in items._CONTAINER_KINDS:
            raise ValidationError("parent_id", "Không thể đặt mục con dưới một đoạn văn.")
        stamp = audit.now()
        row = {**self._blank, **values, "id": self._next_id, "plan_id": self.plan_id,
               "parent_id": parent_id, "position": position, "created_at": stamp,
               "updated_at": stamp}  # fmt: skip
        # The same checks as an item added one by one (a row stands in for the item).
        items._check_consistency(cast(PlanItem, SimpleNamespace(**row)), coordinator_ids)
        self._next_id += 1
        self._kinds[row["id"]] = kind
        self._rows.append(row)
        self._links.extend({"item_id": row["id"], "unit_id": unit_id, "position": at}
                           for at, unit_id in enumerate(coordinator_ids))  # fmt: skip
        snapshot = {key: row[key] for key in self._snapshot_keys}
        snapshot["coordinator_ids"] = list(coordinator_ids)
        self._audit.append({"at": stamp, "user": self._user, "action": "create",
                            "entity": "plan_item", "entity_id": row["id"], "field": "",
                            "old_value": None, "new_value": audit._to_json(snapshot)})  # fmt: skip
        if len(self._rows) >= self.BATCH:
            self.write()
        return int(row["id"])

    def write(self) -> None:
        """Write what was added (parents before children). Call once more at the end."""
        if not self._rows:
            return
        self.session.flush()  # the plan and its units first
        self.session.execute(insert(cast(Table, PlanItem.__table__)), self._rows)
        if self._links:
            self.session.execute(insert(cast(Table, TaskCoordinator.__table__)), self._links)
        self.session.execute(insert(cast(Table, AuditEntry.__table__)), self._audit)
        self._rows, self._links, self._audit = [], [], []
