"""A read-only look inside a data file: integrity, schema version, what it holds."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from dienchau_desktop.db import errors, schema
from dienchau_desktop.db.database import check_writable
from dienchau_desktop.db.probe import probe


@dataclass(frozen=True, slots=True)
class PlanCounts:
    id: int
    reference: str
    title: str
    year: int | None
    sections: int
    tasks: int
    texts: int
    periods: int


@dataclass(frozen=True, slots=True)
class FileReport:
    """What `dienchau-desktop check` prints."""

    path: Path
    integrity: str
    revision: str | None
    head: str
    plans: tuple[PlanCounts, ...] = field(default=())
    units: int = 0
    progress_entries: int = 0
    audit_entries: int = 0
    evidence_files: int = 0
    evidence_bytes: int = 0
    #: Evidence whose stored bytes no longer match the hash taken when it was added.
    damaged_evidence: tuple[str, ...] = ()

    @property
    def schema_current(self) -> bool:
        return self.revision == self.head


def inspect_file(path: Path) -> FileReport:
    """Check `path` thoroughly without changing it; raise `DataFileError` if unusable."""
    state = probe(path, quick_check=False)
    check_writable(path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
        if problems != ["ok"]:
            raise errors.corrupt(path, "; ".join(problems)[:300])
        if state.is_blank:
            return FileReport(path, "ok", None, schema.HEAD_REVISION)
        rows = conn.execute(
            """
                SELECT p.id, p.number, p.symbol, p.title, p.year,
                       (SELECT count(*) FROM plan_item i WHERE i.plan_id = p.id
                                                           AND i.kind = 'section'),
                       (SELECT count(*) FROM plan_item i WHERE i.plan_id = p.id
                                                           AND i.kind = 'task'),
                       (SELECT count(*) FROM plan_item i WHERE i.plan_id = p.id
                                                           AND i.kind = 'text'),
                       (SELECT count(*) FROM reporting_period r WHERE r.plan_id = p.id)
                FROM plan p ORDER BY p.id
                """
        ).fetchall()
        plans = tuple(
            PlanCounts(pid, f"{number or '   '}/{symbol}", title, year, *counts)
            for pid, number, symbol, title, year, *counts in rows
        )

        def count(table: str) -> int:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        return FileReport(
            path,
            "ok",
            state.revision,
            schema.HEAD_REVISION,
            plans,
            count("unit"),
            count("progress_entry"),
            count("audit_entry"),
            *_evidence(conn),
        )
    except sqlite3.Error as exc:
        raise errors.translate(exc, path) or errors.corrupt(path, str(exc)) from exc
    finally:
        conn.close()


#: Evidence is read back in pieces of this size to be hashed (never a whole file).
_PIECE = 1024 * 1024


def _evidence(conn: sqlite3.Connection) -> tuple[int, int, tuple[str, ...]]:
    """How many evidence files, their total size, and those whose bytes do not match
    their SHA-256 (a check SQLite's own cannot make)."""
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachment_content'"
    ).fetchone()
    if not has:
        return 0, 0, ()
    files, total = conn.execute(
        "SELECT count(*), coalesce(sum(size), 0) FROM attachment"
    ).fetchone()
    damaged: list[str] = []
    for content_id, sha256, size in conn.execute(
        "SELECT id, sha256, size FROM attachment_content ORDER BY id"
    ).fetchall():
        digest = hashlib.sha256()
        with conn.blobopen("attachment_content", "data", content_id, readonly=True) as blob:
            length = len(blob)
            while piece := blob.read(_PIECE):
                digest.update(piece)
        if length != size or digest.hexdigest() != sha256:
            names = conn.execute(
                "SELECT file_name FROM attachment WHERE content_id = ? ORDER BY id", (content_id,)
            ).fetchall()
            damaged += [n[0] for n in names] or [f"#{content_id}"]
    return int(files), int(total), tuple(damaged)
