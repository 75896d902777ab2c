"""Evidence (minh chứng): files attached to a task's progress entry — scans, photos,
PDFs, spreadsheets of up to 50 MB each — added, listed, opened, removed and put back.

Where the bytes live: inside the data file, in the table `attachment_content`. The
promise is that evidence is in every backup and comes back with every restore, with
the rows that name it, atomically. Inside SQLite that holds with no code of its own:
a backup (SQLite's backup API) copies the content with the rows in one consistent
snapshot, a restore replaces the content with every other table's rows in its one
transaction, and `integrity_check` and the foreign-key check cover it. Files kept
beside the data file would need a second copy step kept in step with the first, a
restore that renames a folder while a viewer holds one of its files open (Windows
refuses), and would leave rows naming files that a copy of the data file alone (to a
USB stick, by email) does not carry. The price is a data file as big as its evidence,
and backups as big as it; the panel shows each task's total so that is seen.

Content is stored once per distinct SHA-256 and never deleted with an attachment: a
task or entry deleted and its deletion undone (services.items keeps the attachment
rows, not their bytes) finds its content still there. Content no attachment refers to
is dropped by `purge_unreferenced`, when no undo step can refer to it any more (the
data file just opened).

Reads that list evidence (the window's history, reports) never select the content
column; only `copy_out` (and the check `damaged_content`) read it, a piece at a time
(db/blobs.py), never holding a file whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from dienchau_desktop.core.errors import (
    BadInputFileError,
    NotFoundError,
    OutputFileError,
    ValidationError,
    os_reason,
)
from dienchau_desktop.core.text import clean_text
from dienchau_desktop.db import blobs, raw_reads
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import (
    Attachment,
    AttachmentContent,
    PlanItem,
    ProgressEntry,
    ReportingPeriod,
)
from dienchau_desktop.services import audit

#: The largest file kept as evidence (a scanned inspection file of a few hundred pages).
MAX_BYTES = 50 * 1024 * 1024
#: Files are read and copied out in pieces of this size.
CHUNK_BYTES = 1024 * 1024
#: Copies opened for viewing go into folders under the temporary folder named so;
#: those older than a day are removed when another is made.
OPEN_PREFIX = "dienchau-minh-chung-"
_STALE_COPY_S = 24 * 3600


@dataclass(frozen=True, slots=True)
class EvidenceInfo:
    """One attached file, without its content."""

    id: int
    entry_id: int
    item_id: int
    period_id: int | None
    file_name: str
    size: int
    added_at: datetime
    added_by: str
    content_id: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class EvidenceTotal:
    """A task's evidence: how many files, how many bytes (as stored, before sharing)."""

    count: int
    size: int


def size_in_words(size: int) -> str:
    """ "820 byte", "12,5 KB", "3,4 MB": a decimal comma, as Vietnamese writes it."""
    if size < 1024:
        return f"{size} byte"
    for unit, scale in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        if size < scale * 1024 or unit == "GB":
            value = size / scale
            text = f"{value:.0f}" if value >= 100 else f"{value:.1f}".replace(".", ",")
            return f"{text.removesuffix(',0')} {unit}"
    raise AssertionError("unreachable")


_LIMIT_WORDS = f"{MAX_BYTES // 1024 // 1024} MB"


# ---------------------------------------------------------------------- reading files


@dataclass(frozen=True, slots=True)
class _ReadFile:
    name: str
    data: bytes
    sha256: str


def _refused(message: str, hint: str = "") -> BadInputFileError:
    """A file refused as evidence; the hint says nothing was stored."""
    return BadInputFileError(
        message, hint or "Chưa lưu tệp nào. Hãy kiểm tra tệp rồi đính kèm lại."
    )


def _checked_stat(path: Path) -> os.stat_result:
    """The file's stat after the checks that need no reading: there, a regular file,
    not over the limit."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise _refused(
            f"Không tìm thấy tệp «{path}».",
            "Chưa lưu tệp nào. Tệp có thể đã bị đổi tên, chuyển đi hoặc xóa.",
        ) from exc  # fmt: skip
    except OSError as exc:
        raise _refused(f"Không đọc được tệp «{path}» ({os_reason(exc)}).") from exc
    if not stat.S_ISREG(info.st_mode):
        raise _refused(
            f"«{path}» không phải là một tệp (có thể là thư mục hoặc thiết bị).",
            "Chưa lưu tệp nào. Hãy chọn một tệp để làm minh chứng.",
        )  # fmt: skip
    if info.st_size > MAX_BYTES:
        raise _refused(
            f"Tệp «{path.name}» nặng {size_in_words(info.st_size)}, quá giới hạn "
            f"{_LIMIT_WORDS} cho một minh chứng.",
            "Chưa lưu tệp nào. Hãy quét lại với độ phân giải thấp hơn, nén tệp, "
            "hoặc chia thành nhiều tệp nhỏ.",
        )
    if info.st_size == 0:
        raise _refused(f"Tệp «{path}» rỗng (0 byte), không có gì để làm minh chứng.")
    return info


def _read_chunk(handle: BinaryIO, size: int) -> bytes:
    return handle.read(size)


def _read_file(path: Path) -> _ReadFile:
    """The whole file, refused if it changed on disk while it was read (size or
    modification time differ before and after, or more or fewer bytes than its size)."""
    before = _checked_stat(path)
    digest = hashlib.sha256()
    parts: list[bytes] = []
    total = 0
    try:
        with open(path, "rb") as handle:
            while True:
                chunk = _read_chunk(handle, CHUNK_BYTES)
                if not chunk:
                    break
                total += len(chunk)
                if total > MAX_BYTES:
                    break  # grew past the limit while read: refused below as changed
                digest.update(chunk)
                parts.append(chunk)
        after = path.stat()
    except OSError as exc:
        raise _refused(f"Không đọc được tệp «{path}» ({os_reason(exc)}).") from exc
    if (
        total != before.st_size
        or after.st_size != before.st_size
        or after.st_mtime_ns != before.st_mtime_ns
    ):
        raise _refused(
            f"Tệp «{path.name}» đã thay đổi trong lúc đang đọc.",
            "Chưa lưu tệp nào. Hãy đợi chương trình đang ghi tệp (máy quét, Word, Excel) "
            "xong việc rồi đính kèm lại.",
        )  # fmt: skip
    name = _file_name(path)
    return _ReadFile(name, b"".join(parts), digest.hexdigest())


def _file_name(path: Path) -> str:
    """The name kept for the file: its own, NFC, cut to 300 characters keeping the
    extension."""
    name = clean_text(path.name, "file_name", max_length=10_000) or "tep"
    if len(name) > 300:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 299 - len(ext)] + dot + ext) if dot and len(ext) < 20 else name[:300]
    return name


# ------------------------------------------------------------------------- adding


def _entry_row(session: Session, entry_id: int, item_id: int | None) -> ProgressEntry:
    entry = session.get(ProgressEntry, entry_id)
    if entry is None or (item_id is not None and entry.item_id != item_id):
        raise NotFoundError(
            f"Không tìm thấy mục tiến độ số {entry_id} của nhiệm vụ này.",
            "Mục tiến độ có thể đã bị xóa. Hãy chọn lại nhiệm vụ.",
        )
    return entry


def _check_open(session: Session, entry: ProgressEntry) -> None:
    period = session.get(ReportingPeriod, entry.period_id)
    if period is not None and period.is_closed:
        raise ValidationError(
            "period",
            f"Kỳ báo cáo «{period.label}» đã khóa nên không thay đổi minh chứng được.",
            "Mở khóa kỳ trong Kế hoạch → Kỳ báo cáo nếu thật cần sửa.",
        )


def add_files(
    db: Database, entry_id: int, paths: Sequence[Path | str], *, item_id: int | None = None
) -> list[EvidenceInfo]:
    """Attach the files `paths` to progress entry `entry_id`, all of them or none.

    Every file is checked before anything is written (there, a regular file, at most
    MAX_BYTES); each is then read whole inside the one write transaction, and one that
    cannot be read or changed while read undoes the lot. With `item_id`, an entry of
    another task is refused (an undo step whose entry id was given to another).
    """
    files = [Path(p) for p in paths]
    for path in files:
        _checked_stat(path)  # said before the first byte is read, for each file
    added: list[EvidenceInfo] = []
    with db.write() as session:
        entry = _entry_row(session, entry_id, item_id)
        _check_open(session, entry)
        for path in files:
            read = _read_file(path)
            content_id = _content_id(session, read)
            row = Attachment(
                item_id=entry.item_id, period_id=entry.period_id, entry_id=entry.id,
                content_id=content_id, file_name=read.name, size=len(read.data), note="",
                added_at=audit.now(), added_by=audit.current_user(),
            )  # fmt: skip
            del read
            session.add(row)
            session.flush()
            audit.record(session, "create", "attachment", row.id, new=_snapshot(row))
            added.append(_info(row))
    return added


def _content_id(session: Session, read: _ReadFile) -> int:
    """The content row of these bytes: the one already stored, or a new one."""
    found = session.scalar(
        select(AttachmentContent.id).where(AttachmentContent.sha256 == read.sha256)
    )
    if found is not None:
        return found
    # Core, not the ORM: the session must not keep 50 MB in its identity map.
    result = session.execute(
        insert(AttachmentContent)
        .values(sha256=read.sha256, size=len(read.data), data=read.data)
        .returning(AttachmentContent.id)
    )
    return int(result.scalar_one())


def _info(row: Attachment) -> EvidenceInfo:
    return EvidenceInfo(
        row.id, row.entry_id, row.item_id, row.period_id, row.file_name, row.size,
        row.added_at, row.added_by, row.content_id, row.note,
    )  # fmt: skip


def _snapshot(row: Attachment) -> dict[str, Any]:
    return {
        "entry_id": row.entry_id,
        "item_id": row.item_id,
        "period_id": row.period_id,
        "file_name": row.file_name,
        "size": row.size,
        "content_id": row.content_id,
    }


# ------------------------------------------------------------------------- listing

#: Every column but the content's: what lists read.
_LISTED = (
    Attachment.id, Attachment.entry_id, Attachment.item_id, Attachment.period_id,
    Attachment.file_name, Attachment.size, Attachment.added_at, Attachment.added_by,
    Attachment.content_id, Attachment.note,
)  # fmt: skip


def _listed(rows: Iterable[Any]) -> list[EvidenceInfo]:
    return [EvidenceInfo(*row) for row in rows]


def _listed_where(db: Database, condition: Any) -> list[EvidenceInfo]:
    """The files that meet `condition`, in the order they were added (no content)."""
    with db.read() as session:
        query = select(*_LISTED).where(condition).order_by(Attachment.added_at, Attachment.id)
        return _listed(session.execute(query))


def for_entry(db: Database, entry_id: int) -> list[EvidenceInfo]:
    """The files attached to one progress entry, in the order they were added."""
    return _listed_where(db, Attachment.entry_id == entry_id)


def for_task(db: Database, item_id: int) -> list[EvidenceInfo]:
    """Every file attached to the entries of a task, in the order they were added.

    Read past the ORM (db/raw_reads.py): the window's progress panel reads it at every
    row the cursor goes to."""
    with db.read() as session:
        rows = raw_reads.attachment_rows_of_task(session, item_id)
    return [_listed_row(*row) for row in rows]


def _listed_row(
    attachment_id: int, entry_id: int, item_id: int, period_id: int | None, file_name: str,
    size: int, added_at: Any, added_by: str, content_id: int, note: str,
) -> EvidenceInfo:  # fmt: skip
    """An attachment of a plain read (`raw_reads.ATTACHMENT_COLUMNS`): its time as the
    ORM reads it."""
    if not isinstance(added_at, datetime):
        added_at = datetime.fromisoformat(str(added_at))
    return EvidenceInfo(attachment_id, entry_id, item_id, period_id, file_name, size,
                        added_at, added_by, content_id, note)  # fmt: skip


def total_for_task(db: Database, item_id: int) -> EvidenceTotal:
    """How many files a task's entries carry, and their size."""
    with db.read() as session:
        count, size = session.execute(
            select(func.count(Attachment.id), func.coalesce(func.sum(Attachment.size), 0)).where(
                Attachment.item_id == item_id
            )
        ).one()
    return EvidenceTotal(int(count), int(size))


def names_by_task(
    db: Database, plan_id: int, period_ids: Iterable[int] | None = None
) -> dict[int, list[str]]:
    """The names of each task's evidence in plan `plan_id` (of the periods `period_ids`
    only, when given), in the order added: what a report's column lists."""
    query = (
        select(Attachment.item_id, Attachment.file_name)
        .join(PlanItem, PlanItem.id == Attachment.item_id)
        .where(PlanItem.plan_id == plan_id)
        .order_by(Attachment.item_id, Attachment.added_at, Attachment.id)
    )
    if period_ids is not None:
        query = query.where(Attachment.period_id.in_(list(period_ids)))
    names: dict[int, list[str]] = {}
    with db.read() as session:
        for item_id, file_name in session.execute(query):
            names.setdefault(item_id, []).append(file_name)
    return names


# ------------------------------------------------------------------------- reading


def _attachment(session: Session, attachment_id: int) -> Attachment:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise NotFoundError(
            f"Không tìm thấy minh chứng số {attachment_id}.",
            "Minh chứng có thể vừa bị gỡ. Hãy chọn lại nhiệm vụ.",
        )
    return row


def copy_out(db: Database, attachment_id: int, target: Path) -> Path:
    """Write an attachment's content to `target` (whole, or nothing there); return it."""
    partial = target.with_name(target.name + ".partial")
    try:
        with db.read() as session, open(partial, "wb") as out:
            row = _attachment(session, attachment_id)
            for piece in blobs.content_pieces(session, row.content_id, CHUNK_BYTES):
                out.write(piece)
        os.replace(partial, target)
    except OSError as exc:
        raise OutputFileError(
            f"Không ghi được tệp «{target}» ({os_reason(exc)}).",
            "Hãy kiểm tra ổ đĩa còn chỗ trống và cho phép ghi.",
            reason=os_reason(exc),
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()  # left only when the copy failed
    return target


def copy_for_opening(db: Database, attachment_id: int) -> Path:
    """A copy of an attachment under its own name in a new temporary folder, for the
    system's viewer (which the program does not wait for: the copy stays, and copies
    older than a day are removed when another is made)."""
    _remove_stale_copies()
    with db.read() as session:
        name = _attachment(session, attachment_id).file_name
    folder = Path(tempfile.mkdtemp(prefix=OPEN_PREFIX))
    return copy_out(db, attachment_id, folder / _safe_name(name))


def _safe_name(name: str) -> str:
    """`name` as a file name on any system (Windows forbids <>:"/\\|?* and trailing dots)."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name)
    cleaned = cleaned.rstrip(". ") or "minh-chung"
    return cleaned[:200] if sys.platform == "win32" else cleaned


def _remove_stale_copies() -> None:
    cutoff = time.time() - _STALE_COPY_S
    for folder in Path(tempfile.gettempdir()).glob(f"{OPEN_PREFIX}*"):
        with contextlib.suppress(OSError):
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)


# ------------------------------------------------------------- removing, putting back


def remove(db: Database, attachment_id: int) -> EvidenceInfo:
    """Detach a file from its entry; returns what `restore` needs to put it back. Its
    content stays in the file until `purge_unreferenced`."""
    return remove_all(db, [attachment_id])[0]


def remove_all(db: Database, attachment_ids: Sequence[int]) -> list[EvidenceInfo]:
    """`remove` for several files, in one transaction: all of them or none."""
    removed: list[EvidenceInfo] = []
    with db.write() as session:
        for attachment_id in attachment_ids:
            row = _attachment(session, attachment_id)
            _check_open(session, _entry_row(session, row.entry_id, None))
            removed.append(_info(row))
            audit.record(session, "delete", "attachment", row.id, old=_snapshot(row))
            session.delete(row)
    return removed


def restore(db: Database, removed: EvidenceInfo) -> EvidenceInfo:
    """Put back an attachment `remove` took away (undo), with its id while that is free."""
    return restore_all(db, [removed])[0]


def restore_all(db: Database, removed: Sequence[EvidenceInfo]) -> list[EvidenceInfo]:
    """`restore` for several files, in one transaction: all of them or none."""
    restored: list[EvidenceInfo] = []
    with db.write() as session:
        for info in removed:
            restored.append(_restore_row(session, info))
    return restored


def _restore_row(session: Session, removed: EvidenceInfo) -> EvidenceInfo:
    entry = _entry_row(session, removed.entry_id, removed.item_id)
    _check_open(session, entry)
    if session.get(AttachmentContent, removed.content_id) is None:
        raise NotFoundError(
            f"Nội dung của minh chứng «{removed.file_name}» không còn trong tệp dữ liệu.",
            "Hãy đính kèm lại tệp.",
        )
    free = session.get(Attachment, removed.id) is None
    row = Attachment(
        id=removed.id if free else None, item_id=entry.item_id, period_id=entry.period_id,
        entry_id=entry.id, content_id=removed.content_id, file_name=removed.file_name,
        size=removed.size, note=removed.note, added_at=removed.added_at,
        added_by=removed.added_by,
    )  # fmt: skip
    session.add(row)
    session.flush()
    audit.record(session, "create", "attachment", row.id, "restored", None, _snapshot(row))
    return _info(row)


def purge_unreferenced(db: Database) -> int:
    """Delete the content no attachment refers to; returns how many were deleted. Call
    it only when no undo step can put an attachment back (the data file just opened)."""
    unreferenced = ~(
        select(Attachment.id).where(Attachment.content_id == AttachmentContent.id).exists()
    )
    with db.read() as session:  # most starts have none: no write lock taken then
        if session.scalar(select(AttachmentContent.id).where(unreferenced).limit(1)) is None:
            return 0
    with db.write() as session:
        result = session.execute(delete(AttachmentContent).where(unreferenced))
        return int(getattr(result, "rowcount", 0) or 0)


def damaged_content(db: Database) -> list[str]:
    """The names of attachments whose stored bytes no longer match their SHA-256 (read
    in chunks; a check, not something a listing does): [] when all are sound."""
    damaged: list[str] = []
    with db.read() as session:
        contents = session.execute(
            select(AttachmentContent.id, AttachmentContent.sha256, AttachmentContent.size)
        ).all()
        for content_id, sha256, size in contents:
            digest = hashlib.sha256()
            length = 0
            for piece in blobs.content_pieces(session, content_id, CHUNK_BYTES):
                digest.update(piece)
                length += len(piece)
            if length != size or digest.hexdigest() != sha256:
                names = session.scalars(
                    select(Attachment.file_name).where(Attachment.content_id == content_id)
                ).all()
                damaged.extend(names or [f"#{content_id}"])
    return damaged
