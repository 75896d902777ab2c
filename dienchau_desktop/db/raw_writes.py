"""The item editor's writes, past the ORM, straight to the sqlite3 driver, and their SQL.

An add, a delete, its undo and a move each touch a handful of rows. Through the ORM
(identity map, unit of work, cascades, statement cache keys) they took 3-8 ms each, of
the 20 ms an edit may take in the window on a 1,000-task plan; the same statements on
the DB-API cursor take a fraction of that. They run on the connection of the session's
write transaction (`Database.write`), so they commit or roll back with it, as durably.

Values go in and come out through the column types' own converters in SQLAlchemy's
SQLite dialect (dates and times as ISO text, flags as 0 or 1, JSON as text): a row
written here is stored byte for byte as the ORM would store it, and a row read here
holds the Python values an ORM object of it would. Rows are dicts keyed by column.
The reads here are those the writes need inside their transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from dienchau_desktop.db.database import driver_connection
from dienchau_desktop.db.models import Base

Row = dict[str, Any]
_Convert = Callable[[Any], Any]

#: SQLite's default limit of bound parameters is 999: ids go in chunks well below it.
_ID_CHUNK = 500
_DIALECT = sqlite.dialect()


class _Columns:
    """A table's columns in their order, with the dialect's converters of their values."""

    def __init__(self, table: Table) -> None:
        self.name = table.name
        self.keys = tuple(column.key for column in table.columns)
        # The column list as SQLAlchemy writes it in a select(table): same text, same plan.
        self.select = ", ".join(f"{table.name}.{column.name}" for column in table.columns)
        self.insert = (
            f"INSERT INTO {table.name} ({', '.join(column.name for column in table.columns)})"
            f" VALUES ({', '.join('?' * len(table.columns))})"
        )
        self._read: list[tuple[int, _Convert]] = []
        self._write: list[tuple[int, _Convert]] = []
        for at, column in enumerate(table.columns):
            impl = column.type.dialect_impl(_DIALECT)
            reader = impl.result_processor(_DIALECT, None)
            writer = impl.bind_processor(_DIALECT)
            if reader is not None:
                self._read.append((at, reader))
            if writer is not None:
                self._write.append((at, writer))

    def row(self, values: Sequence[Any]) -> Row:
        """A stored row as the ORM reads it."""
        converted = list(values)
        for at, reader in self._read:
            converted[at] = reader(converted[at])
        return dict(zip(self.keys, converted, strict=True))

    def stored(self, row: Row) -> list[Any]:
        """A row's values as the ORM binds them, in the column order of `insert`."""
        values = [row[key] for key in self.keys]
        for at, writer in self._write:
            values[at] = writer(values[at])
        return values


_TABLES = {name: _Columns(table) for name, table in Base.metadata.tables.items()}
_ITEM = _TABLES["plan_item"]
_AUDIT = _TABLES["audit_entry"]
_WRITE_DATETIME = _ITEM._write[[_ITEM.keys[at] for at, _ in _ITEM._write].index("updated_at")][1]


def _cursor(session: Session) -> sqlite3.Connection:
    return driver_connection(session.connection())


def item_row(session: Session, item_id: int) -> Row | None:
    """The whole plan_item row `item_id`, or None."""
    row = (
        _cursor(session)
        .execute(f"SELECT {_ITEM.select} FROM plan_item WHERE plan_item.id = ?", (item_id,))
        .fetchone()
    )
    return None if row is None else _ITEM.row(row)


def item_exists(session: Session, item_id: int) -> bool:
    cursor = _cursor(session).execute("SELECT 1 FROM plan_item WHERE id = ?", (item_id,))
    return cursor.fetchone() is not None


def subtree_ids(session: Session, plan_id: int, item_id: int) -> list[int]:
    """The item and every item under it, parents before children: the statement the
    ORM's recursive CTE compiled to, so the order is the one it gave. The plan named
    in each step lets SQLite follow the (plan_id, parent_id) index; without it each
    step scanned the whole table (12 ms in a district file)."""
    cursor = _cursor(session).execute(
        "WITH RECURSIVE below(id) AS (SELECT plan_item.id AS id FROM plan_item"
        " WHERE plan_item.id = ? UNION ALL SELECT plan_item.id AS id FROM plan_item, below"
        " WHERE plan_item.plan_id = ? AND plan_item.parent_id = below.id)"
        " SELECT below.id FROM below",
        (item_id, plan_id),
    )
    return [row[0] for row in cursor]


def rows_where(session: Session, table: str, column: str, ids: Sequence[int]) -> list[Row]:
    """The rows of `table` whose `column` is one of `ids`, in the order SQLite gives
    them (chunk by chunk, in the order of `ids`)."""
    columns = _TABLES[table]
    if column not in columns.keys:
        raise ValueError(f"{table} has no column {column}")
    cursor = _cursor(session)
    found: list[Row] = []
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start : start + _ID_CHUNK]
        found += map(
            columns.row,
            cursor.execute(
                f"SELECT {columns.select} FROM {table}"
                f" WHERE {table}.{column} IN ({', '.join('?' * len(chunk))})",
                chunk,
            ),
        )
    return found


def insert_rows(session: Session, table: str, rows: Iterable[Row]) -> None:
    """Put `rows` (whole rows, ids included) back into `table`."""
    columns = _TABLES[table]
    _cursor(session).executemany(columns.insert, map(columns.stored, rows))


def insert_item(session: Session, row: Row) -> int:
    """Add a plan_item row (every column but its id); returns the id SQLite gave it."""
    values = _ITEM.stored({**row, "id": None})
    cursor = _cursor(session).execute(_ITEM.insert, values)
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def insert_coordinators(session: Session, item_id: int, unit_ids: Sequence[int]) -> None:
    """A new item's coordinating units, in their order."""
    if unit_ids:
        _cursor(session).executemany(
            "INSERT INTO task_coordinator (item_id, unit_id, position) VALUES (?, ?, ?)",
            [(item_id, unit_id, at) for at, unit_id in enumerate(unit_ids)],
        )


def coordinator_ids(session: Session, item_id: int) -> list[int]:
    """The item's coordinating units, in their order."""
    cursor = _cursor(session).execute(
        "SELECT unit_id FROM task_coordinator WHERE item_id = ? ORDER BY position", (item_id,)
    )
    return [row[0] for row in cursor]


def delete_item(session: Session, item_id: int) -> None:
    """Delete the item; the schema's ON DELETE CASCADE takes what is under it and what
    hangs off them (coordinators, progress entries, attachments)."""
    _cursor(session).execute("DELETE FROM plan_item WHERE id = ?", (item_id,))


def sibling_places(session: Session, plan_id: int, parent_id: int | None) -> list[tuple[int, int]]:
    """(id, position) of the items under `parent_id` (None: the top level), in order."""
    same_parent = "parent_id IS NULL" if parent_id is None else "parent_id = ?"
    params = (plan_id,) if parent_id is None else (plan_id, parent_id)
    cursor = _cursor(session).execute(
        f"SELECT id, position FROM plan_item WHERE plan_id = ? AND {same_parent}"
        " ORDER BY position, id",
        params,
    )
    return cursor.fetchall()


def set_positions(session: Session, places: Sequence[tuple[int, int]]) -> None:
    """Give each item of (id, position) its position, in one statement."""
    if places:
        _cursor(session).executemany(
            "UPDATE plan_item SET position = ? WHERE id = ?",
            [(position, item_id) for item_id, position in places],
        )


def set_place(
    session: Session, item_id: int, parent_id: int | None, position: int, updated_at: datetime
) -> None:
    """Put the item under `parent_id` at `position`, stamped `updated_at`."""
    _cursor(session).execute(
        "UPDATE plan_item SET parent_id = ?, position = ?, updated_at = ? WHERE id = ?",
        (parent_id, position, _WRITE_DATETIME(updated_at), item_id),
    )


def insert_audit(session: Session, rows: Iterable[Row]) -> None:
    """Add audit_entry rows (at, user, action, entity, entity_id, field, old_value,
    new_value; the id is SQLite's)."""
    _cursor(session).executemany(
        _AUDIT.insert, [_AUDIT.stored({**row, "id": None}) for row in rows]
    )
