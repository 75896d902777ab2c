"""The reads that go past the ORM, straight to the sqlite3 driver, and their SQL.

Reading 10,000 rows through SQLAlchemy's Row objects costs twice the query itself, so
the few reads on the way of the tree, the overview and the reports use the DB-API
cursor and return plain tuples. Every such SQL text lives here and nowhere else:
this is the module a second database engine has to provide again. Services turn the
tuples into their named tuples; the column order of each read is stated below.

Dates go in as ISO text, as SQLite stores them, and come out as text too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, Literal

from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from dienchau_desktop.db.database import driver_connection
from dienchau_desktop.db.models import Plan, PlanItem

Row = tuple[Any, ...]

#: A whole progress entry: id, item_id, period_id, status, percent, result_text,
#: indicator_actual, completed_on, reported_by, recorded_at, source, source_file,
#: contribution.
ENTRY_COLUMNS = (
    "pe.id, pe.item_id, pe.period_id, pe.status, pe.percent, pe.result_text, "
    "pe.indicator_actual, pe.completed_on, pe.reported_by, pe.recorded_at, pe.source, "
    "pe.source_file, pe.contribution"
)
#: What the overview counts of an entry: item_id, status, percent, completed_on,
#: indicator_actual.
STATE_COLUMNS = "pe.item_id, pe.status, pe.percent, pe.completed_on, pe.indicator_actual"
_COLUMNS = {"entry": ENTRY_COLUMNS, "state": STATE_COLUMNS}

# The latest entry of each task: for every task of the plan, its plan's periods are
# walked newest cut-off first (ix_reporting_period_plan_cutoff) and each period's
# entries for the task looked up (ix_progress_entry_item_period); with LIMIT 1 SQLite
# stops at the first period that has one. The CROSS JOIN keeps that loop order.
# Contributions are skipped by the index (its third column), so the walk stays
# index-only: a coordinator's report never becomes the task's state.
# A district file holds 200,000 entries: this takes 25 ms there, where joining from
# the entries and sorting each task's 20 took 100 ms and a window function 750 ms.
_LATEST_SQL = """
    SELECT {columns}
    FROM progress_entry pe
    WHERE pe.id IN (
        SELECT (
            SELECT e.id
            FROM reporting_period rp
            CROSS JOIN progress_entry e
                ON e.period_id = rp.id AND e.item_id = i.id AND e.contribution = 0
            WHERE rp.plan_id = :plan_id AND {condition}
            ORDER BY rp.cutoff_date DESC, e.recorded_at DESC, e.id DESC
            LIMIT 1
        )
        FROM plan_item i
        WHERE i.plan_id = :plan_id AND i.kind = 'task'{only}
    )
"""
_CONDITIONS = {
    # For a report cut off on the day: the periods whose cut-off is on or before it.
    "cutoff": "rp.cutoff_date <= :day",
    # As of the day: the periods begun by then. The cut-off bound changes nothing (it
    # is the latest cut-off of the periods begun by the day) but lets the index walk
    # start there instead of at the plan's last period.
    "as_of": (
        "rp.start_date <= :day AND rp.cutoff_date <= (SELECT max(p.cutoff_date)"
        " FROM reporting_period p WHERE p.plan_id = :plan_id AND p.start_date <= :day)"
    ),
}
#: SQLite's default limit of bound parameters is 999: ids go in chunks well below it.
_ID_CHUNK = 500


def latest_entry_rows(
    session: Session,
    plan_id: int,
    day: date,
    *,
    periods: Literal["cutoff", "as_of"],
    columns: Literal["entry", "state"],
    item_ids: Iterable[int] | None = None,
) -> Iterator[Row]:
    """Each task's latest entry that is not a contribution, in the periods that count
    on `day` (`periods`: cut off by it, or begun by it); with `item_ids`, only those
    tasks'. Rows in the order of `ENTRY_COLUMNS` or `STATE_COLUMNS`."""
    cursor = driver_connection(session.connection())
    params: dict[str, Any] = {"plan_id": plan_id, "day": day.isoformat()}

    def sql(only: str) -> str:
        return _LATEST_SQL.format(
            columns=_COLUMNS[columns], condition=_CONDITIONS[periods], only=only
        )

    if item_ids is None:
        yield from cursor.execute(sql(""), params).fetchall()
        return
    ids = sorted(set(item_ids))
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start : start + _ID_CHUNK]
        names = ", ".join(f":id{n}" for n in range(len(chunk)))
        chunk_params = {f"id{n}": item_id for n, item_id in enumerate(chunk)}
        only = f" AND i.id IN ({names})"
        yield from cursor.execute(sql(only), {**params, **chunk_params}).fetchall()


# A unit's own contributions: few (coordinators' returns only), so read them all; the
# caller keeps each task's last. Nothing here is on the way of the tree or overview.
_CONTRIBUTIONS_SQL = f"""
    SELECT {ENTRY_COLUMNS}
    FROM reporting_period rp
    JOIN progress_entry pe ON pe.period_id = rp.id
    WHERE rp.plan_id = :plan_id AND rp.cutoff_date <= :day
      AND pe.contribution = 1 AND pe.reported_by = :unit
    ORDER BY rp.cutoff_date, pe.recorded_at, pe.id
"""


def contribution_rows(session: Session, plan_id: int, cutoff: date, unit: str) -> list[Row]:
    """The contributions reported by the coordinating unit named `unit` in the periods
    cut off by `cutoff`, oldest first, in the order of `ENTRY_COLUMNS`."""
    cursor = driver_connection(session.connection()).execute(
        _CONTRIBUTIONS_SQL, {"plan_id": plan_id, "day": cutoff.isoformat(), "unit": unit}
    )
    return cursor.fetchall()


# A task's history (the form's panel, at every row the cursor goes to): its 20 entries
# with their periods' cut-offs, found by ix_progress_entry_item_period. Through the
# ORM, building the statement and the objects took 4 ms of each selection.
_HISTORY_SQL = f"""
    SELECT {ENTRY_COLUMNS}
    FROM progress_entry pe
    JOIN reporting_period rp ON rp.id = pe.period_id
    WHERE pe.item_id = ?
    ORDER BY rp.cutoff_date DESC, pe.recorded_at DESC, pe.id DESC
"""


def history_rows(session: Session, item_id: int) -> list[Row]:
    """Every entry of the task, contributions included, newest first (the latest
    period's cut-off, then when recorded, then the id), in the order of
    `ENTRY_COLUMNS`."""
    cursor = driver_connection(session.connection())
    return cursor.execute(_HISTORY_SQL, (item_id,)).fetchall()


#: An attachment as listed, without its content: id, entry_id, item_id, period_id,
#: file_name, size, added_at, added_by, content_id, note.
ATTACHMENT_COLUMNS = (
    "id, entry_id, item_id, period_id, file_name, size, added_at, added_by, content_id, note"
)


def attachment_rows_of_task(session: Session, item_id: int) -> list[Row]:
    """The files attached to the entries of the task, in the order they were added
    (then by id), in the order of `ATTACHMENT_COLUMNS`; never their content."""
    cursor = driver_connection(session.connection())
    return cursor.execute(
        f"SELECT {ATTACHMENT_COLUMNS} FROM attachment WHERE item_id = ? ORDER BY added_at, id",
        (item_id,),
    ).fetchall()


def task_title_rows(session: Session, plan_id: int) -> list[tuple[int, str]]:
    """(id, title) of each task of the plan."""
    cursor = driver_connection(session.connection()).execute(
        "SELECT id, title FROM plan_item WHERE plan_id = ? AND kind = 'task'", (plan_id,)
    )
    return cursor.fetchall()


# ---------------------------------------------------------------------------- items
# The plan's tree is read with the DB-API cursor and plain tuples, not ORM objects or
# Row objects: a district plan has over 10,000 items, and the tree must show within
# half a second (the cursor takes half the time of an ORM query).

_ITEM_COLUMNS = frozenset(column.name for column in PlanItem.__table__.columns)
_DIALECT = sqlite.dialect()
_READ_SCHEME = Plan.__table__.c.numbering_scheme.type.dialect_impl(_DIALECT).result_processor(
    _DIALECT, None
)


def _item_columns(columns: Sequence[str]) -> str:
    unknown = set(columns) - _ITEM_COLUMNS
    if unknown:
        raise ValueError(f"plan_item has no columns {sorted(unknown)}")
    return ", ".join(columns)


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    """`ids`, sorted, in pieces that stay under SQLite's limit of bound parameters."""
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _ID_CHUNK):
        yield ordered[start : start + _ID_CHUNK]


def _marks(chunk: Sequence[int]) -> str:
    return ", ".join("?" * len(chunk))


def item_rows(session: Session, plan_id: int, columns: Sequence[str]) -> list[Row]:
    """`columns` of every item of the plan, siblings together in their order: the order
    of ix_plan_item_plan_parent_position, so SQLite sorts nothing."""
    cursor = driver_connection(session.connection())
    return cursor.execute(
        f"SELECT {_item_columns(columns)} FROM plan_item WHERE plan_id = ?"
        " ORDER BY parent_id, position, id",
        (plan_id,),
    ).fetchall()


def item_rows_of(
    session: Session, plan_id: int, columns: Sequence[str], item_ids: Iterable[int]
) -> list[Row]:
    """`columns` of the items `item_ids` of the plan, each chunk of ids (`_chunks`) in
    the order of ix_plan_item_plan_parent_position: parent, position, id."""
    cursor = driver_connection(session.connection())
    found: list[Row] = []
    for chunk in _chunks(item_ids):
        found += cursor.execute(
            f"SELECT {_item_columns(columns)} FROM plan_item"
            # `+plan_id`: found by their ids, not by walking the plan's index. With the
            # index (SQLite's choice for two ids or more) a district plan's 11,000
            # entries were read for a handful of items: 1.4 ms of each change's reread.
            f" WHERE +plan_id = ? AND id IN ({_marks(chunk)})"
            " ORDER BY parent_id, position, id",
            (plan_id, *chunk),
        ).fetchall()
    return found


def plan_numbering(session: Session, plan_id: int) -> tuple[bool, Any]:
    """Whether the plan exists, and its stored numbering scheme (None: the default), as
    the ORM reads that JSON column."""
    row = (
        driver_connection(session.connection())
        .execute("SELECT numbering_scheme FROM plan WHERE id = ?", (plan_id,))
        .fetchone()
    )
    if row is None:
        return False, None
    return True, row[0] if _READ_SCHEME is None else _READ_SCHEME(row[0])


def task_lead_rows(session: Session, plan_id: int) -> list[tuple[int, int | None]]:
    """(id, lead_unit_id) of each task of the plan."""
    cursor = driver_connection(session.connection())
    return cursor.execute(
        "SELECT id, lead_unit_id FROM plan_item WHERE plan_id = ? AND kind = 'task'",
        (plan_id,),
    ).fetchall()


def unit_names(session: Session) -> dict[int, str]:
    cursor = driver_connection(session.connection())
    return dict(cursor.execute("SELECT id, name FROM unit").fetchall())


def coordinator_rows(session: Session, plan_id: int) -> list[tuple[int, int]]:
    """(item_id, unit_id) of every coordinating unit of the plan's tasks, each task's in
    the order the plan lists them."""
    cursor = driver_connection(session.connection())
    return cursor.execute(
        "SELECT c.item_id, c.unit_id FROM task_coordinator c"
        " JOIN plan_item i ON i.id = c.item_id WHERE i.plan_id = ?"
        " ORDER BY c.item_id, c.position",
        (plan_id,),
    ).fetchall()


def coordinator_rows_of(session: Session, item_ids: Iterable[int]) -> list[tuple[int, int]]:
    """`coordinator_rows` of the items `item_ids` only."""
    cursor = driver_connection(session.connection())
    found: list[tuple[int, int]] = []
    for chunk in _chunks(item_ids):
        found += cursor.execute(
            "SELECT item_id, unit_id FROM task_coordinator"
            f" WHERE item_id IN ({_marks(chunk)}) ORDER BY item_id, position",
            chunk,
        ).fetchall()
    return found


def subtree_ids(session: Session, plan_id: int, item_ids: Iterable[int]) -> list[int]:
    """The items `item_ids` of the plan and every item they hold, at any depth."""
    cursor = driver_connection(session.connection())
    found: list[int] = []
    for chunk in _chunks(item_ids):
        found += (
            row[0]
            for row in cursor.execute(
                "WITH RECURSIVE below(id) AS ("
                # `+plan_id`: the items by their ids, not the plan's index walked.
                f" SELECT id FROM plan_item WHERE +plan_id = ? AND id IN ({_marks(chunk)})"
                # The plan named in each step lets SQLite follow the (plan_id, parent_id)
                # index; without it each step scanned the whole table (12 ms in a
                # district file, for a task with nothing under it).
                " UNION ALL SELECT i.id FROM plan_item i JOIN below b"
                " ON i.plan_id = ? AND i.parent_id = b.id)"
                " SELECT id FROM below",
                (plan_id, *chunk, plan_id),
            )
        )
    return found


def parent_ids_of(session: Session, plan_id: int, item_ids: Iterable[int]) -> set[int | None]:
    """The parents (None: the top level) of the items `item_ids` of the plan."""
    cursor = driver_connection(session.connection())
    found: set[int | None] = set()
    for chunk in _chunks(item_ids):
        found.update(
            row[0]
            for row in cursor.execute(
                "SELECT parent_id FROM plan_item"  # +plan_id: by the ids, not the plan's index
                f" WHERE +plan_id = ? AND id IN ({_marks(chunk)})",
                (plan_id, *chunk),
            )
        )
    return found


def children_rows(
    session: Session, plan_id: int, parent_ids: Iterable[int | None]
) -> list[tuple[int, int | None, str]]:
    """(id, parent_id, kind) of the items right under `parent_ids` (None: the top
    level), each parent's in their order."""
    cursor = driver_connection(session.connection())
    parent_ids = set(parent_ids)
    order = "ORDER BY parent_id, position, id"
    rows: list[tuple[int, int | None, str]] = []
    if None in parent_ids:
        rows += cursor.execute(
            "SELECT id, parent_id, kind FROM plan_item"
            f" WHERE plan_id = ? AND parent_id IS NULL {order}",
            (plan_id,),
        ).fetchall()
    for chunk in _chunks(p for p in parent_ids if p is not None):
        rows += cursor.execute(
            "SELECT id, parent_id, kind FROM plan_item"
            f" WHERE plan_id = ? AND parent_id IN ({_marks(chunk)}) {order}",
            (plan_id, *chunk),
        ).fetchall()
    return rows


def ancestor_rows(session: Session, item_ids: Iterable[int]) -> list[tuple[int, int | None]]:
    """(id, parent_id) of the items `item_ids` and of every item above them."""
    cursor = driver_connection(session.connection())
    rows: list[tuple[int, int | None]] = []
    for chunk in _chunks(item_ids):
        rows += cursor.execute(
            "WITH RECURSIVE up(id, parent_id) AS ("
            f" SELECT id, parent_id FROM plan_item WHERE id IN ({_marks(chunk)})"
            " UNION SELECT i.id, i.parent_id FROM plan_item i JOIN up ON i.id = up.parent_id)"
            " SELECT id, parent_id FROM up",
            chunk,
        ).fetchall()
    return rows
