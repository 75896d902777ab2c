"""The tree of a plan: sections, tasks and paragraphs; adding, editing, moving, deleting.

Positions among siblings are kept as 0..n-1 after every change, and numbers (I., 1.,
a), -, +) are computed from the tree each time it is read, so they follow every move.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from types import SimpleNamespace
from typing import Any, NamedTuple, cast

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from dienchau_desktop.core import numbering
from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.core.task_fields import (
    FIELDS,
    NODE_COLUMNS,
    NODE_EXTRAS,
    TASK_FIELDS,
    FieldKind,
)
from dienchau_desktop.db import raw_reads, raw_writes
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import Plan, PlanItem, TaskCoordinator
from dienchau_desktop.services import audit
from dienchau_desktop.services.units import get_unit_row

# Kinds that may hold children; a paragraph of text may not.
_CONTAINER_KINDS = {"section", "task"}
# Items that take a number (I., 1., a)...); paragraphs of text are not numbered.
_NUMBERED_KINDS = {"section", "task"}


class ItemNode(NamedTuple):
    """One item of a plan's tree, with its computed number and its units' names.

    A named tuple rather than a frozen dataclass: a district plan's tree is 11,000
    of these, built on every open and report, and a tuple is made five times faster
    than a frozen dataclass sets its 27 fields one by one.
    """

    id: int
    plan_id: int
    parent_id: int | None
    position: int
    depth: int
    number: str
    kind: str
    title: str
    body: str = ""
    lead_unit_id: int | None = None
    responsible_person: str = ""
    start_date: date | None = None
    deadline_text: str = ""
    deadline_kind: str | None = None
    due_date: date | None = None
    expected_product: str = ""
    indicator_target: float | None = None
    indicator_unit: str = ""
    indicator_text: str = ""
    is_breakthrough: bool = False
    weight: float = 1.0
    funding_amount: float | None = None  # kinh phí, million đồng; None: not stated
    funding_source: str = ""
    notes: str = ""
    lead_unit_name: str = ""
    coordinator_ids: tuple[int, ...] = ()
    coordinator_names: tuple[str, ...] = ()
    child_ids: tuple[int, ...] = ()

    @property
    def is_task(self) -> bool:
        return self.kind == "task"


_STRUCTURE = ("id", "plan_id", "parent_id", "position", "depth", "number")
if ItemNode._fields != (*_STRUCTURE, *NODE_COLUMNS, *NODE_EXTRAS, "child_ids"):
    raise TypeError("ItemNode's fields are not those of core.task_fields, in its order")


#: An ItemNode's id (its first field), for building maps of nodes in C, not in Python.
_ID = itemgetter(0)


@dataclass(frozen=True)
class PlanTree:
    """A snapshot of a whole plan's tree, in document order (pre-order)."""

    plan_id: int
    nodes: tuple[ItemNode, ...]
    _index: dict[int, ItemNode] = field(init=False, repr=False, compare=False)
    #: Each node's place in `nodes`, made when first asked for (see `_places`).
    _where: dict[int, int] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", dict(zip(map(_ID, self.nodes), self.nodes, strict=True)))

    @classmethod
    def _made(
        cls, plan_id: int, nodes: tuple[ItemNode, ...], index: dict[int, ItemNode],
        where: dict[int, int] | None = None,
    ) -> PlanTree:  # fmt: skip
        """A tree whose index (and places, if they are still right) are already made:
        a patch after each edit must not go through a district's 11,000 nodes in
        Python to make them again."""
        tree = cls.__new__(cls)
        object.__setattr__(tree, "plan_id", plan_id)
        object.__setattr__(tree, "nodes", nodes)
        object.__setattr__(tree, "_index", index)
        object.__setattr__(tree, "_where", where)
        return tree

    def _places(self) -> dict[int, int]:
        if self._where is None:
            object.__setattr__(
                self, "_where", dict(zip(map(_ID, self.nodes), range(len(self.nodes)), strict=True))
            )
        assert self._where is not None
        return self._where

    def node(self, item_id: int) -> ItemNode:
        return self._index[item_id]

    def has(self, item_id: int) -> bool:
        return item_id in self._index

    def roots(self) -> list[ItemNode]:
        return [n for n in self.nodes if n.parent_id is None]

    def children(self, item_id: int | None) -> list[ItemNode]:
        if item_id is None:
            return self.roots()
        return [self._index[c] for c in self._index[item_id].child_ids]

    def count_below(self, item_id: int) -> int:
        """How many items stand under `item_id`, at any depth (what deleting it takes)."""
        count = 0
        stack = list(self._index[item_id].child_ids)
        while stack:
            count += 1
            stack.extend(self._index[stack.pop()].child_ids)
        return count

    def tasks(self) -> list[ItemNode]:
        return [n for n in self.nodes if n.kind == "task"]

    def sections(self) -> list[ItemNode]:
        return [n for n in self.nodes if n.kind == "section"]

    def patched(self, fresh: Iterable[ItemNode], removed: Iterable[int] = ()) -> PlanTree:
        """This tree with `fresh` nodes put in (new ones, or replacing theirs) and the
        items `removed` taken out with everything under them: what `plan_tree` would
        read after a change, when `fresh` holds every node the change touched (as
        `nodes` returns them)."""
        fresh = list(fresh)
        index = dict(self._index)
        for item_id in removed:
            below = [item_id]
            while below:
                node = index.pop(below.pop(), None)
                if node is not None:
                    below.extend(node.child_ids)
        regrown: set[int | None] = set()  # items whose children changed, None: the top
        for node in fresh:
            old = self._index.get(node.id)
            if old is None or (old.parent_id is None and old.position != node.position):
                regrown.add(node.parent_id)
            elif old.child_ids != node.child_ids:
                regrown.add(node.id)
            if old is not None and old.parent_id != node.parent_id:
                regrown.update((old.parent_id, node.parent_id))  # None: the top level
            index[node.id] = node
        if not regrown and len(index) == len(self._index):
            # The same shape: each node keeps its place.
            where = self._places()
            nodes = list(self.nodes)
            for node in fresh:
                nodes[where[node.id]] = node
            return PlanTree._made(self.plan_id, tuple(nodes), index, where)
        if any(self._index[r].parent_id is None for r in removed if r in self._index):
            regrown.add(None)
        if None not in regrown:
            spliced = self._spliced(index, regrown, fresh)
            if spliced is not None:
                return PlanTree._made(self.plan_id, tuple(spliced), index)
        roots = sorted((n for n in index.values() if n.parent_id is None),
                       key=lambda n: (n.position, n.id))  # fmt: skip
        return PlanTree._made(self.plan_id, tuple(_pre_order(index, roots)), index)

    def _spliced(
        self, index: dict[int, ItemNode], regrown: set[int | None], fresh: list[ItemNode]
    ) -> list[ItemNode] | None:
        """The new order when only the subtrees of `regrown` items changed shape: those
        are laid out again, the rest keeps its order (a change deep in a district plan
        touches little of it). None when that cannot be done."""
        tops = set()
        for item_id in regrown:
            assert item_id is not None
            above, top = index[item_id].parent_id, item_id
            while above is not None:
                if above in regrown:
                    top = above
                above = index[above].parent_id
            tops.add(top)
        where = self._places()
        spans: list[tuple[int, int, int]] = []
        for top in tops:
            if top not in where:
                return None
            start = where[top]
            depth = self.nodes[start].depth
            end = start + 1
            while end < len(self.nodes) and self.nodes[end].depth > depth:
                end += 1
            spans.append((start, end, top))
        # The nodes outside the spans stay where they are, those changed replaced.
        base = list(self.nodes)
        for node in fresh:
            at = where.get(node.id)
            if at is not None:
                base[at] = node
        ordered: list[ItemNode] = []
        done = 0
        for start, end, top in sorted(spans):
            if start < done:
                return None  # spans overlap: the whole tree is laid out again
            ordered += base[done:start]
            ordered += _pre_order(index, [index[top]])
            done = end
        ordered += base[done:]
        if len(ordered) != len(index):
            return None  # an item left from outside the spans: laid out again
        return ordered


def _pre_order(index: dict[int, ItemNode], tops: list[ItemNode]) -> list[ItemNode]:
    """`tops` and everything under them, parents before children."""
    ordered: list[ItemNode] = []
    stack = list(reversed(tops))
    append, pop, extend = ordered.append, stack.pop, stack.extend
    while stack:
        node = pop()
        append(node)
        if node.child_ids:
            extend([index[c] for c in reversed(node.child_ids)])
    return ordered


# ---------------------------------------------------------------------------- reading


def outline_numbers(tree: PlanTree) -> dict[int, str]:
    """Every item's full number as officials cite it: "II.4.c) -" (one pass)."""
    outline: dict[int, str] = {}
    for node in tree.nodes:  # parents first
        above = outline[node.parent_id] if node.parent_id is not None else ""
        part = node.number
        if not part:
            outline[node.id] = above
        elif part in {"-", "+"} or above.endswith(")"):
            outline[node.id] = f"{above} {part}".strip()
        else:
            outline[node.id] = above + part
    return outline


def plan_tree(db: Database, plan_id: int) -> PlanTree:
    """The whole tree of a plan, numbered, in three queries whatever its size."""
    with db.read() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise _plan_missing(plan_id)
        scheme = numbering.parse_scheme(plan.numbering_scheme)
        return _build_tree(session, plan_id, scheme)


def task_leads(db: Database, plan_id: int) -> dict[int, int | None]:
    """Each task of a plan and its lead unit's id: a return decides the state only of
    the tasks its unit leads."""
    with db.read() as session:
        return dict(raw_reads.task_lead_rows(session, plan_id))


def get_item(db: Database, item_id: int) -> ItemNode:
    """One item with its number and depth as they stand now."""
    with db.read() as session:
        return _node(session, _item_row(session, item_id)["plan_id"], item_id)


# The columns an ItemNode is made of, in its order after `depth, number`; a row read
# for the tree is (id, parent_id, position, *_NODE_COLUMNS).
_NODE_COLUMNS = NODE_COLUMNS
assert _NODE_COLUMNS[0] == "kind"  # row[3]: the numbering reads it
_ROW_COLUMNS = ("id", "parent_id", "position", *_NODE_COLUMNS)


def _build_tree(
    session: Session, plan_id: int, scheme: tuple[numbering.Style, ...] | None
) -> PlanTree:
    # Siblings come together in their order: the rows are only grouped by parent below.
    rows = [_typed_row(row) for row in raw_reads.item_rows(session, plan_id, _ROW_COLUMNS)]
    unit_names = raw_reads.unit_names(session)
    coordinators: dict[int, list[int]] = {}
    for item_id, unit_id in raw_reads.coordinator_rows(session, plan_id):
        coordinators.setdefault(item_id, []).append(unit_id)

    children: dict[int | None, list[tuple[Any, ...]]] = {}
    for row in rows:
        children.setdefault(row[1], []).append(row)

    nodes: list[ItemNode] = []
    # Iterative pre-order walk: a deep tree from a bad import must not hit recursion limits.
    stack: list[tuple[tuple[Any, ...], int, str]] = []
    _push_children(stack, children.get(None, []), 1, scheme)
    while stack:
        row, depth, number = stack.pop()
        kids = children.get(row[0], [])
        nodes.append(
            _node_of_row(row, plan_id, depth, number, unit_names, coordinators,
                         tuple([k[0] for k in kids]))
        )  # fmt: skip
        _push_children(stack, kids, depth + 1, scheme)
    return PlanTree(plan_id, tuple(nodes))


def _node_of_row(
    row: tuple[Any, ...], plan_id: int, depth: int, number: str, unit_names: dict[int, str],
    coordinators: dict[int, list[int]], child_ids: tuple[int, ...],
) -> ItemNode:  # fmt: skip
    """An ItemNode from a row of _NODE_COLUMNS (the whole tree's read and the read of
    the items a change touched both build theirs here)."""
    item_id, parent_id, position = row[0], row[1], row[2]
    lead_id = row[_LEAD_AT]
    coordinator_ids = tuple(coordinators.get(item_id, ()))
    return ItemNode._make((
        item_id, plan_id, parent_id, position, depth, number, *row[3:],
        unit_names.get(lead_id, "") if lead_id else "",
        coordinator_ids, tuple([unit_names.get(u, "") for u in coordinator_ids]), child_ids,
    ))  # fmt: skip


# Where _typed_row converts a row's values: SQLite keeps dates as ISO text and flags as
# 0 or 1, and the raw cursor hands them over as such.
_DATES_AT = tuple(3 + _NODE_COLUMNS.index(c) for c in ("start_date", "due_date"))
_FLAGS_AT = tuple(
    3 + _NODE_COLUMNS.index(c)
    for f in TASK_FIELDS
    if f.kind is FieldKind.BOOL
    for c in f.node_columns
)
_LEAD_AT = 3 + _NODE_COLUMNS.index("lead_unit_id")


def _typed_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row of the tree's query with dates as dates and flags as True or False."""
    values = list(row)
    for at in _DATES_AT:
        if values[at] is not None:
            values[at] = date.fromisoformat(values[at])
    for at in _FLAGS_AT:
        values[at] = bool(values[at])
    return tuple(values)


def _push_children(
    stack: list[tuple[tuple[Any, ...], int, str]],
    kids: list[tuple[Any, ...]],
    depth: int,
    scheme: tuple[numbering.Style, ...] | None,
) -> None:
    style = numbering.style_for_depth(depth, scheme)
    labelled = []
    index = 0
    for kid in kids:
        if kid[3] in _NUMBERED_KINDS:
            index += 1
            labelled.append((kid, depth, numbering.label(style, index)))
        else:
            labelled.append((kid, depth, ""))
    stack.extend(reversed(labelled))


def nodes(
    db: Database,
    plan_id: int,
    item_ids: Iterable[int] = (),
    *,
    placed: Iterable[int] = (),
    children_of: Iterable[int | None] = (),
) -> list[ItemNode]:
    """Part of a plan's tree as it stands now, each node as `plan_tree` makes it.

    `item_ids`: those items (a field edit). `placed`: items just added, put back or
    moved, each with everything under it, its parent and its parent's children (their
    numbers follow it). `children_of`: those items (None: the top level) and the items
    right under them (renumbered after one left). Items no longer in the plan are left
    out. A handful of queries, whatever the plan's size: after an edit the window
    patches these rows instead of reading 10,000 of them again.
    """
    with db.read() as session:
        found, stored_scheme = raw_reads.plan_numbering(session, plan_id)
        if not found:
            raise _plan_missing(plan_id)
        scheme = numbering.parse_scheme(stored_scheme)
        return _part_of_tree(session, plan_id, scheme, item_ids, placed, children_of)


def _part_of_tree(
    session: Session,
    plan_id: int,
    scheme: tuple[numbering.Style, ...] | None,
    item_ids: Iterable[int],
    placed: Iterable[int],
    children_of: Iterable[int | None],
) -> list[ItemNode]:
    wanted = set(item_ids)
    parents = set(children_of)
    placed = list(placed)
    wanted.update(raw_reads.subtree_ids(session, plan_id, placed))
    parents.update(raw_reads.parent_ids_of(session, plan_id, placed))
    wanted.update(p for p in parents if p is not None)
    wanted.update(item_id for item_id, *_ in raw_reads.children_rows(session, plan_id, parents))
    rows = [
        _typed_row(row) for row in raw_reads.item_rows_of(session, plan_id, _ROW_COLUMNS, wanted)
    ]
    # Numbers: each item's place among the numbered children of its parent.
    siblings: dict[int | None, list[tuple[int, str]]] = {}
    for item_id, parent_id, kind in raw_reads.children_rows(session, plan_id, {r[1] for r in rows}):
        siblings.setdefault(parent_id, []).append((item_id, kind))
    index_of: dict[int, int] = {}
    for kids in siblings.values():
        index = 0
        for item_id, kind in kids:
            if kind in _NUMBERED_KINDS:
                index += 1
                index_of[item_id] = index
    # Depths: each item's chain of parents up to the top.
    parent_of: dict[int, int | None] = {r[0]: r[1] for r in rows}
    missing = {r[1] for r in rows if r[1] is not None} - set(parent_of)
    parent_of.update(raw_reads.ancestor_rows(session, missing))
    depth_of: dict[int | None, int] = {None: 0}

    def depth(item_id: int) -> int:
        chain: list[int] = []
        current: int | None = item_id
        while current not in depth_of:
            assert current is not None
            chain.append(current)
            current = parent_of[current]
        for above in reversed(chain):
            depth_of[above] = depth_of[parent_of[above]] + 1
        return depth_of[item_id]

    child_ids: dict[int | None, list[int]] = {}
    for item_id, parent_id, _kind in raw_reads.children_rows(
        session, plan_id, {r[0] for r in rows}
    ):
        child_ids.setdefault(parent_id, []).append(item_id)
    coordinators: dict[int, list[int]] = {}
    for item_id, unit_id in raw_reads.coordinator_rows_of(session, (r[0] for r in rows)):
        coordinators.setdefault(item_id, []).append(unit_id)
    unit_names = raw_reads.unit_names(session)

    result = []
    for row in rows:
        item_id, kind = row[0], row[3]
        level = depth(item_id)
        number = ""
        if kind in _NUMBERED_KINDS:
            style = numbering.style_for_depth(level, scheme)
            number = numbering.label(style, index_of[item_id])
        result.append(
            _node_of_row(row, plan_id, level, number, unit_names, coordinators,
                         tuple(child_ids.get(item_id, ())))
        )  # fmt: skip
    result.sort(key=lambda node: node.depth)
    return result


def _node(session: Session, plan_id: int, item_id: int) -> ItemNode:
    """The node of one item as `plan_tree` makes it, from a few plain reads of the
    rows around it: the ORM's statements took 5 ms of every move and add."""
    (node,) = _part_in_transaction(session, plan_id, [item_id], ())
    return node


def _placed_part(session: Session, plan_id: int, item_id: int) -> list[ItemNode]:
    """`nodes(placed=[item_id])` inside a writing transaction."""
    return _part_in_transaction(session, plan_id, (), [item_id])


def _part_in_transaction(
    session: Session,
    plan_id: int,
    item_ids: Iterable[int],
    placed: Iterable[int],
    children_of: Iterable[int | None] = (),
) -> list[ItemNode]:
    """What `nodes` reads, inside a writing transaction."""
    session.flush()  # the reads go past the ORM, to the rows as this transaction has them
    scheme = numbering.parse_scheme(raw_reads.plan_numbering(session, plan_id)[1])
    return _part_of_tree(session, plan_id, scheme, item_ids, placed, children_of)


# ---------------------------------------------------------------------------- validation


def _clean_fields(session: Session, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Validate `changes` (fields of core.task_fields, by name) and turn them into
    column values (coordinators kept apart, under "coordinator_ids")."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown item fields: {sorted(unknown)}")
    values: dict[str, Any] = {}
    for name, value in changes.items():
        spec = FIELDS[name]
        cleaned = spec.clean(value)
        if spec.kind is FieldKind.UNIT and cleaned[name] is not None:
            get_unit_row(session, int(cleaned[name]))
        elif spec.kind is FieldKind.UNITS:
            for unit_id in cleaned[name]:
                get_unit_row(session, unit_id)
        values.update(cleaned)
    return values


def _check_consistency(item: PlanItem, coordinator_ids: tuple[int, ...]) -> None:
    if item.lead_unit_id is not None and item.lead_unit_id in coordinator_ids:
        raise ValidationError(
            "coordinator_ids",
            "Cơ quan chủ trì không thể đồng thời là cơ quan phối hợp của cùng nhiệm vụ.",
        )
    if item.start_date and item.due_date and item.start_date > item.due_date:
        raise ValidationError(
            "start_date",
            f"Ngày bắt đầu {item.start_date:%d/%m/%Y} sau thời hạn hoàn thành "
            f"{item.due_date:%d/%m/%Y}.",
        )


# ---------------------------------------------------------------------------- writing


# An add, a delete, its undo and a move go past the ORM (db.raw_writes): through it,
# its bookkeeping took most of their time. A field edit (update_item) still goes
# through it. Items are plain rows (dicts by column) here.

#: A new item's row before its own values: each column's Python default, or NULL, as
#: the ORM would write it.
_BLANK_ITEM: dict[str, Any] = {
    column.key: (column.default.arg if column.default is not None else None)
    for column in PlanItem.__table__.columns
}
if any(callable(value) for value in _BLANK_ITEM.values()):
    raise TypeError("a plan_item column's default is computed: _BLANK_ITEM cannot hold it")
#: The columns of an item's audit snapshot, in the table's order.
_SNAPSHOT_KEYS = tuple(key for key in _BLANK_ITEM if key not in ("id", "created_at", "updated_at"))


def _snapshot(item: PlanItem, coordinator_ids: Iterable[int] | None = None) -> dict[str, Any]:
    """The item's fields for the audit log; `coordinator_ids` when the caller has them
    (a new item: loading its links would cost a query each)."""
    data = {c.key: getattr(item, c.key) for c in PlanItem.__table__.columns}
    for key in ("id", "created_at", "updated_at"):
        data.pop(key)
    if coordinator_ids is None:
        coordinator_ids = [link.unit_id for link in item.coordinators]
    data["coordinator_ids"] = list(coordinator_ids)
    return data


def _row_snapshot(row: Mapping[str, Any], coordinator_ids: Iterable[int]) -> dict[str, Any]:
    """`_snapshot` of an item given as a row (the same keys and values)."""
    data = {key: row[key] for key in _SNAPSHOT_KEYS}
    data["coordinator_ids"] = list(coordinator_ids)
    return data


def add_item(
    db: Database,
    plan_id: int,
    kind: str,
    title: str,
    *,
    parent_id: int | None = None,
    position: int | None = None,
    **fields: Any,
) -> ItemNode:
    """Add a section, task or paragraph under `parent_id` (None: top level).

    `position` is its index among its new siblings; None puts it last.
    """
    with db.write() as session:
        item_id = add_item_row(session, plan_id, kind, title, parent_id, position, fields)
        return _node(session, plan_id, item_id)


def add_item_placed(
    db: Database,
    plan_id: int,
    kind: str,
    title: str,
    *,
    parent_id: int | None = None,
    position: int | None = None,
    **fields: Any,
) -> tuple[int, list[ItemNode]]:
    """Add an item as `add_item` does. Returns its id and what `nodes(placed=[id])`
    returns, read in the same transaction: the window patches its rows from them
    without reading the data file again."""
    with db.write() as session:
        item_id = add_item_row(session, plan_id, kind, title, parent_id, position, fields)
        return item_id, _placed_part(session, plan_id, item_id)


def add_item_row(
    session: Session,
    plan_id: int,
    kind: str,
    title: str,
    parent_id: int | None,
    position: int | None,
    fields: Mapping[str, Any],
) -> int:
    """Add an item inside an open transaction; `position` is its index among its new
    siblings (None: last), which are shifted to make room. Returns its id."""
    if not raw_reads.plan_numbering(session, plan_id)[0]:
        raise _plan_missing(plan_id)
    values, coordinator_ids = _new_item_values(session, kind, title, fields)
    if parent_id is not None:
        _check_parent(plan_id, _item_row(session, parent_id))
    siblings = raw_writes.sibling_places(session, plan_id, parent_id)
    index = len(siblings) if position is None else max(0, min(position, len(siblings)))
    row = _new_item(plan_id, parent_id, index, values, coordinator_ids)
    _place(
        session,
        siblings,
        [i for i, _ in siblings[:index]] + [-1] + [i for i, _ in siblings[index:]],
    )
    item_id = raw_writes.insert_item(session, row)
    raw_writes.insert_coordinators(session, item_id, coordinator_ids)
    audit.write(session, "create", "plan_item", item_id,
                new=_row_snapshot(row, coordinator_ids))  # fmt: skip
    return item_id


def _new_item_values(
    session: Session, kind: str, title: str, fields: Mapping[str, Any]
) -> tuple[dict[str, Any], tuple[int, ...]]:
    values = _clean_fields(session, {"kind": kind, "title": title, **fields})
    return values, tuple(values.pop("coordinator_ids", ()))


def _new_item(
    plan_id: int, parent_id: int | None, position: int, values: dict[str, Any],
    coordinator_ids: tuple[int, ...],
) -> dict[str, Any]:  # fmt: skip
    """A new item's whole row (without its id), checked."""
    stamp = audit.now()
    row = {**_BLANK_ITEM, **values, "plan_id": plan_id, "parent_id": parent_id,
           "position": position, "created_at": stamp, "updated_at": stamp}  # fmt: skip
    _check_consistency(cast(PlanItem, SimpleNamespace(**row)), coordinator_ids)
    return row


def update_item(db: Database, item_id: int, **changes: Any) -> ItemNode:
    """Change fields of an item; each changed field is one audit row."""
    with db.write() as session:
        item = session.get(PlanItem, item_id)
        if item is None:
            raise _item_missing(item_id)
        values = _clean_fields(session, changes)
        old = _snapshot(item)
        coordinator_ids = values.pop("coordinator_ids", None)
        if values.get("kind") == "text" and session.scalar(
            select(func.count()).where(
                PlanItem.plan_id == item.plan_id, PlanItem.parent_id == item_id
            )
        ):
            raise ValidationError("kind", "Mục có mục con không thể đổi thành đoạn văn.")
        for key, value in values.items():
            setattr(item, key, value)
        current_coordinators = tuple(link.unit_id for link in item.coordinators)
        _check_consistency(
            item, current_coordinators if coordinator_ids is None else coordinator_ids
        )
        if coordinator_ids is not None and coordinator_ids != current_coordinators:
            _set_coordinators(session, item, coordinator_ids)
        if audit.record_changes(session, "plan_item", item_id, old, _snapshot(item)):
            item.updated_at = audit.now()
        session.flush()  # the node is read past the ORM, as this transaction has the rows
        return _node(session, item.plan_id, item_id)


@dataclass(frozen=True)
class RemovedSubtree:
    """Everything a delete took away, kept so that undo can put it back as it was."""

    plan_id: int
    parent_id: int | None
    position: int
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]  # (table, rows), parents first

    @property
    def item_count(self) -> int:
        return next(len(r) for table, r in self.rows if table == PlanItem.__tablename__)


def delete_item(db: Database, item_id: int) -> RemovedSubtree:
    """Delete an item with everything under it (and their progress and attachments)."""
    with db.write() as session:
        return _delete(session, item_id)


def delete_item_placed(db: Database, item_id: int) -> tuple[RemovedSubtree, list[ItemNode]]:
    """Delete an item as `delete_item` does. Returns what it removed and what
    `nodes(children_of=[its parent])` returns, read in the same transaction (see
    `add_item_placed`)."""
    with db.write() as session:
        removed = _delete(session, item_id)
        return removed, _part_in_transaction(
            session, removed.plan_id, (), (), children_of=[removed.parent_id]
        )


def _delete(session: Session, item_id: int) -> RemovedSubtree:
    item = _item_row(session, item_id)
    subtree = raw_writes.subtree_ids(session, item["plan_id"], item_id)
    rows = _rows_of(session, subtree)
    removed = RemovedSubtree(item["plan_id"], item["parent_id"], item["position"], rows)
    links = next(r for table, r in rows if table == TaskCoordinator.__tablename__)
    own = sorted((k for k in links if k["item_id"] == item_id), key=itemgetter("position"))
    coordinator_ids = [link["unit_id"] for link in own]
    audit.write(
        session, "delete", "plan_item", item_id,
        old={**_row_snapshot(item, coordinator_ids), "subtree_ids": subtree},
    )  # fmt: skip
    raw_writes.delete_item(session, item_id)  # the schema's cascades take the rest
    siblings = raw_writes.sibling_places(session, removed.plan_id, removed.parent_id)
    _place(session, siblings, [i for i, _ in siblings])
    return removed


def restore_subtree(db: Database, removed: RemovedSubtree) -> ItemNode:
    """Put back what `delete_item` removed, with the same ids, at the same place."""
    with db.write() as session:
        return _node(session, removed.plan_id, _restore(session, removed))


def restore_subtree_placed(db: Database, removed: RemovedSubtree) -> tuple[int, list[ItemNode]]:
    """Put back what `delete_item` removed, as `restore_subtree` does. Returns the id
    of its top item and what `nodes(placed=[id])` returns, read in the same
    transaction (see `add_item_placed`)."""
    with db.write() as session:
        item_id = _restore(session, removed)
        return item_id, _placed_part(session, removed.plan_id, item_id)


def _restore(session: Session, removed: RemovedSubtree) -> int:
    """The rows of `removed` put back; the id of its top item."""
    if not raw_reads.plan_numbering(session, removed.plan_id)[0]:
        raise _plan_missing(removed.plan_id)
    if removed.parent_id is not None and not raw_writes.item_exists(session, removed.parent_id):
        raise _item_missing(removed.parent_id)
    siblings = raw_writes.sibling_places(session, removed.plan_id, removed.parent_id)
    at = removed.position
    _place(session, siblings, [i for i, _ in siblings[:at]] + [-1] + [i for i, _ in siblings[at:]])
    for table_name, rows in removed.rows:
        if rows:
            raw_writes.insert_rows(session, table_name, rows)
    top = _item_row(session, removed.rows[0][1][0]["id"])
    snapshot = _row_snapshot(top, raw_writes.coordinator_ids(session, top["id"]))
    audit.write(session, "create", "plan_item", top["id"], "restored", None, snapshot)
    return int(top["id"])


def _rows_of(
    session: Session, item_ids: list[int]
) -> tuple[tuple[str, tuple[dict[str, Any], ...]], ...]:
    """The stored rows of a subtree and of everything hanging off it, parents first."""
    order = {item_id: n for n, item_id in enumerate(item_ids)}  # the CTE yields parents first
    result = []
    for name, column in (
        ("plan_item", "id"),
        ("task_coordinator", "item_id"),
        ("progress_entry", "item_id"),
        ("attachment", "item_id"),
    ):
        rows = raw_writes.rows_where(session, name, column, item_ids)
        if name == "plan_item":
            rows.sort(key=lambda r: order[r["id"]])
        result.append((name, tuple(rows)))
    return tuple(result)


def move_item(db: Database, item_id: int, parent_id: int | None, position: int) -> ItemNode:
    """Put an item (with its subtree) under `parent_id` at index `position`."""
    with db.write() as session:
        item = _item_row(session, item_id)
        _move(session, item, parent_id, position)
        return _node(session, item["plan_id"], item_id)


def move_up(db: Database, item_id: int) -> ItemNode:
    """Swap an item with the sibling above it (nothing happens at the top)."""
    with db.write() as session:
        item = _item_row(session, item_id)
        _move(session, item, item["parent_id"], max(0, item["position"] - 1))
        return _node(session, item["plan_id"], item_id)


def move_down(db: Database, item_id: int) -> ItemNode:
    """Swap an item with the sibling below it (nothing happens at the bottom)."""
    with db.write() as session:
        item = _item_row(session, item_id)
        _move(session, item, item["parent_id"], item["position"] + 1)
        return _node(session, item["plan_id"], item_id)


def indent(db: Database, item_id: int) -> ItemNode:
    """Make an item the last child of the sibling above it."""
    with db.write() as session:
        item = _item_row(session, item_id)
        siblings = [
            i for i, _ in raw_writes.sibling_places(session, item["plan_id"], item["parent_id"])
        ]
        index = siblings.index(item_id)
        if index == 0:
            raise ValidationError("position", "Không có mục nào ở trên cùng cấp để lùi vào.")
        new_parent = _item_row(session, siblings[index - 1])
        last = len(raw_writes.sibling_places(session, item["plan_id"], new_parent["id"]))
        _move(session, item, new_parent["id"], last)
        return _node(session, item["plan_id"], item_id)


def outdent(db: Database, item_id: int) -> ItemNode:
    """Make an item the sibling right after its parent."""
    with db.write() as session:
        item = _item_row(session, item_id)
        if item["parent_id"] is None:
            raise ValidationError("position", "Mục đã ở cấp cao nhất.")
        parent = _item_row(session, item["parent_id"])
        _move(session, item, parent["parent_id"], parent["position"] + 1)
        return _node(session, item["plan_id"], item_id)


def _move(session: Session, item: dict[str, Any], parent_id: int | None, position: int) -> None:
    item_id, plan_id = item["id"], item["plan_id"]
    old_parent, old_position = item["parent_id"], item["position"]
    if parent_id is not None and parent_id != old_parent:  # its own parent is one already
        parent = _item_row(session, parent_id)
        _check_parent(plan_id, parent)
        if parent_id == item_id or parent_id in raw_writes.subtree_ids(session, plan_id, item_id):
            raise ValidationError("parent_id", "Không thể chuyển một mục vào bên trong chính nó.")
    old_siblings = raw_writes.sibling_places(session, plan_id, old_parent)
    others = [i for i, _ in old_siblings if i != item_id]
    if parent_id == old_parent:
        new_siblings = old_siblings
    else:
        _place(session, old_siblings, others)
        new_siblings = raw_writes.sibling_places(session, plan_id, parent_id)
        others = [i for i, _ in new_siblings]
    index = max(0, min(position, len(others)))
    order = [*others[:index], item_id, *others[index:]]
    _place(session, new_siblings, order, item_id)
    new_position = order.index(item_id)
    if (old_parent, old_position) != (parent_id, new_position):
        audit.write(
            session,
            "move",
            "plan_item",
            item_id,
            "parent_id, position",
            [old_parent, old_position],
            [parent_id, new_position],
        )
        raw_writes.set_place(session, item_id, parent_id, new_position, audit.now())


def _set_coordinators(session: Session, item: PlanItem, unit_ids: Iterable[int]) -> None:
    session.execute(delete(TaskCoordinator).where(TaskCoordinator.item_id == item.id))
    session.expire(item, ["coordinators"])
    for position, unit_id in enumerate(unit_ids):
        session.add(TaskCoordinator(item_id=item.id, unit_id=unit_id, position=position))
    session.flush()
    session.expire(item, ["coordinators"])


def _place(
    session: Session, places: list[tuple[int, int]], order: list[int], item_id: int | None = None
) -> None:
    """Give the items `order` the positions 0, 1, 2…, in one statement for those whose
    position (in `places`) changes. -1 in `order` holds a place for an item written by
    the caller; `item_id`, one among them, is given its position by the caller too."""
    was = dict(places)
    changed = [
        (other, position)
        for position, other in enumerate(order)
        if other != -1 and other != item_id and was.get(other) != position
    ]
    raw_writes.set_positions(session, changed)


def _check_parent(plan_id: int, parent: Mapping[str, Any]) -> None:
    if parent["plan_id"] != plan_id:
        raise ValidationError("parent_id", "Mục cha thuộc một kế hoạch khác.")
    if parent["kind"] not in _CONTAINER_KINDS:
        raise ValidationError("parent_id", "Không thể đặt mục con dưới một đoạn văn.")


def _item_row(session: Session, item_id: int) -> dict[str, Any]:
    """The item's whole row (NotFoundError if there is none)."""
    item = raw_writes.item_row(session, item_id)
    if item is None:
        raise _item_missing(item_id)
    return item


def _item_missing(item_id: int) -> NotFoundError:
    return NotFoundError(f"Không tìm thấy mục số {item_id}.", "Có thể mục đã bị xóa.")


def _plan_missing(plan_id: int) -> NotFoundError:
    return NotFoundError(f"Không tìm thấy kế hoạch số {plan_id}.", "Có thể kế hoạch đã bị xóa.")
