"""Backups of the data file: made with SQLite's online backup API and checked, listed
with what they hold, and thinned out by age (restoring one is db/restore.py).

Backups live in a `backups` folder beside the data file, named by date, time and
reason: `ke-hoach-20261128-083000-123456-daily.sqlite3`.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from dienchau_desktop.core.errors import (
    BadInputFileError,
    CorruptDataFileError,
    DataFileError,
    DataFileLockedError,
    DataFileMissingError,
    NewerSchemaError,
    OutputFileError,
    ReadOnlyDataFileError,
    UserError,
    os_reason,
)
from dienchau_desktop.db import errors, schema
from dienchau_desktop.db.probe import probe

BACKUP_FOLDER = "backups"
#: Kept by default: the newest backup of each of the last 10 days, and of each of the
#: last 12 months (DESIGN: "the last 10 daily plus one per month").
KEEP_DAILY = 10
KEEP_MONTHLY = 12
#: Backups younger than this are not thinned out by day (the one just made before a
#: restore is kept even if an older one of the same day exists)…
KEEP_RECENT = timedelta(hours=1)
#: …but of each reason only this many of them: seventy restores in an hour must not
#: keep seventy full-size copies of the file.
KEEP_RECENT_PER_REASON = 3
#: The newest copies made before a restore, whatever their age: each holds a state of
#: the file that a restore replaced (perhaps with an import made meanwhile), and
#: restore makes one only when the state is not kept already (db/restore.py).
KEEP_BEFORE_RESTORE = 10
#: A temporary file (`*.partial`, `*.restoring`) older than this belongs to a backup or
#: restore that was killed, not to one at work (those take seconds), and is removed.
STALE_TEMPORARY = timedelta(minutes=10)
TEMPORARY_SUFFIXES = (".partial", ".restoring")

#: Why a backup is made, as its file name says; the restore list shows each in words.
#: "before-upgrade" is followed by the schema revision upgraded from.
REASONS = ("daily", "close", "manual", "before-import", "before-restore", "before-upgrade")

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[A-Za-z0-9_.-]+)\.sqlite3$"
)


def backup_folder(data_file: Path) -> Path:
    return data_file.parent / BACKUP_FOLDER


def reason_kind(reason: str) -> str:
    """The reason of REASONS a backup's reason is ("before-upgrade-0003" → "before-upgrade");
    "" for a name this program did not give (a file chosen from a USB stick)."""
    return next((r for r in REASONS if reason == r or reason.startswith(f"{r}-")), "")


def backup_path(data_file: Path, reason: str, now: datetime | None = None) -> Path:
    """Where a backup of `data_file` made now for `reason` goes: a `backups` folder beside it."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return backup_folder(data_file) / f"{data_file.stem}-{stamp}-{reason}.sqlite3"


def backup_database(source: Path, target: Path) -> Path:
    """Copy `source` to `target` consistently, even while it is in use; return `target`.

    The copy is written to a temporary name, checked with `PRAGMA integrity_check`,
    then renamed into place, so a power cut never leaves a half-written backup under
    the final name. A failure says which side it is about: the data file read
    (`DataFileError`) or the copy written (`OutputFileError`, e.g. a full USB stick).
    """
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Left by copies that were killed: this one's, and older ones in the folder.
        _remove_partial(partial)
        _remove_stale_partials(target.parent)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                result = dst.execute("PRAGMA integrity_check").fetchone()[0]
                # The copy carries WAL mode; a lone backup file reads better as one file.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        if result != "ok":
            raise errors.corrupt(source, f"bản sao không qua kiểm tra: {result}")
        fsync_file(partial)
        os.replace(partial, target)
        fsync_folder(target.parent)
    except DataFileError:
        _remove_partial(partial)
        raise
    except sqlite3.Error as exc:
        _remove_partial(partial)
        if _about_the_copy(exc):
            raise cannot_write_copy(target, _sqlite_reason(exc)) from exc
        raise (errors.translate(exc, source) or errors.corrupt(source, str(exc))) from exc
    except OSError as exc:
        _remove_partial(partial)
        raise cannot_write_copy(target, os_reason(exc)) from exc
    return target


def _remove_partial(partial: Path) -> None:
    """A half-written copy, with the log files SQLite may have made beside it."""
    for path in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        remove_quietly(path)


def _remove_stale_partials(folder: Path) -> None:
    """Half-written copies (`*.sqlite3.partial`) older than STALE_TEMPORARY in the
    folder a copy is made to (a USB stick): left by a copy that was killed."""
    cutoff = datetime.now().timestamp() - STALE_TEMPORARY.total_seconds()
    for partial in folder.glob("*.sqlite3.partial"):
        try:
            if partial.is_file() and partial.stat().st_mtime < cutoff:
                _remove_partial(partial)
        except OSError:
            continue


def cannot_write_copy(target: Path, why: str) -> OutputFileError:
    return OutputFileError(
        f"Không ghi được bản sao «{target}» ({why}).",
        "Tệp dữ liệu không bị thay đổi. Hãy chọn nơi khác còn chỗ trống và cho phép ghi.",
        reason=why,
    )


def _about_the_copy(error: sqlite3.Error) -> bool:
    """The error is about writing the copy (full disk, no permission), not reading the
    data file: reading a sound file in read-only mode fails with neither."""
    return errors.result_code(error) in (
        errors.SQLITE_FULL, errors.SQLITE_READONLY, errors.SQLITE_CANTOPEN, errors.SQLITE_IOERR
    )  # fmt: skip


def _sqlite_reason(error: sqlite3.Error) -> str:
    code = errors.result_code(error)
    if code == errors.SQLITE_FULL:
        return "ổ đĩa đã đầy"
    if code == errors.SQLITE_READONLY:
        return "nơi ghi chỉ cho phép đọc"
    return "không ghi được vào ổ đĩa"


def make_backup(
    data_file: Path, reason: str, *, keep_daily: int = KEEP_DAILY, keep_monthly: int = KEEP_MONTHLY
) -> Path:
    """Back `data_file` up into its `backups` folder, then thin the folder out."""
    target = backup_database(data_file, backup_path(data_file, reason))
    prune_backups(data_file, keep_daily=keep_daily, keep_monthly=keep_monthly)
    return target


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A backup file and what it holds, for the restore list."""

    path: Path
    made_at: datetime
    reason: str
    size: int
    plans: int = 0
    tasks: int = 0
    last_change: datetime | None = None
    problem: str = ""  # empty when the backup is usable

    @property
    def usable(self) -> bool:
        return not self.problem


def _made_at(path: Path) -> tuple[datetime, str] | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    return datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f"), match["reason"]


def list_backups(data_file: Path, *, describe: bool = True) -> list[BackupInfo]:
    """The backups of `data_file`, newest first (with their contents when `describe`)."""
    folder = backup_folder(data_file)
    found = []
    for path in folder.glob(f"{data_file.stem}-*.sqlite3") if folder.is_dir() else ():
        named = _made_at(path)
        if named is None:
            continue
        if describe:
            found.append(describe_backup(path))
        else:
            found.append(BackupInfo(path, named[0], named[1], path.stat().st_size))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def describe_backup(path: Path) -> BackupInfo:
    """What a backup holds; a damaged one is described with its problem, not raised."""
    named = _made_at(path)
    made_at, reason = named if named else (datetime.fromtimestamp(path.stat().st_mtime), "")
    size = path.stat().st_size
    try:
        verify_backup(path, full=False)
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            plans = conn.execute("SELECT count(*) FROM plan").fetchone()[0]
            tasks = conn.execute("SELECT count(*) FROM plan_item WHERE kind = 'task'").fetchone()[0]
            last = conn.execute("SELECT max(at) FROM audit_entry").fetchone()[0]
        finally:
            conn.close()
    except (UserError, sqlite3.Error) as exc:
        message = exc.message if isinstance(exc, UserError) else errors.damage_in_words([str(exc)])
        return BackupInfo(path, made_at, reason, size, problem=message)
    return BackupInfo(
        path, made_at, reason, size, plans, tasks,
        datetime.fromisoformat(last) if last else None,
    )  # fmt: skip


def verify_backup(path: Path, *, full: bool = True) -> None:
    """Refuse a backup that is not a sound data file of a version this program reads,
    with a `BadInputFileError` (exit code 3) that calls it the backup it is: the data
    file is not at fault and is not touched."""
    try:
        state = probe(path, quick_check=not full)
    except DataFileError as error:
        raise _bad_backup(path, error) from error
    if state.is_blank:
        raise _bad_backup(path, errors.not_a_database(path, "bản sao lưu trống"))
    if full:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)").fetchall()]
        except sqlite3.Error as exc:  # an overwritten page can stop the check itself
            problems = [str(exc)]
        finally:
            conn.close()
        if problems != ["ok"]:
            raise _bad_backup(path, errors.corrupt(path, errors.damage_in_words(problems)))
    if state.revision not in schema.KNOWN_REVISIONS:
        raise _bad_backup(path, errors.not_a_database(path, "phiên bản dữ liệu lạ"))


def _bad_backup(path: Path, error: DataFileError) -> BadInputFileError:
    """What was found wrong with a backup, said of the backup."""
    other = "Tệp dữ liệu không bị thay đổi. Hãy chọn một bản sao lưu khác."
    if isinstance(error, DataFileMissingError):
        message = f"Không tìm thấy bản sao lưu «{path}»."
    elif isinstance(error, CorruptDataFileError):
        message = f"Bản sao lưu «{path}» bị hỏng ({_why(error)})."
    elif isinstance(error, NewerSchemaError):
        message = f"Bản sao lưu «{path}» được tạo bởi phiên bản mới hơn của chương trình."
        other = "Hãy cập nhật chương trình rồi khôi phục lại. Tệp dữ liệu không bị thay đổi."
    elif isinstance(error, ReadOnlyDataFileError | DataFileLockedError):
        message = f"Không đọc được bản sao lưu «{path}» ({_why(error)})."
    else:
        message = f"«{path}» không phải bản sao lưu của chương trình ({_why(error)})."
    return BadInputFileError(message, other)


def _why(error: DataFileError) -> str:
    """The reason in brackets at the end of a data-file message ("… (tệp rỗng, 0 byte).")."""
    text = error.message.rstrip(".")
    return text[text.rfind("(") + 1 : -1] if text.endswith(")") and "(" in text else text


def latest_backup_time(data_file: Path) -> datetime | None:
    """When the newest backup of `data_file` was made (from names: nothing is opened)."""
    backups = list_backups(data_file, describe=False)
    return backups[0].made_at if backups else None


def prune_backups(
    data_file: Path,
    *,
    keep_daily: int = KEEP_DAILY,
    keep_monthly: int = KEEP_MONTHLY,
    now: datetime | None = None,
) -> list[Path]:
    """Delete old backups: keep the newest of each of the last `keep_daily` days and of
    each of the last `keep_monthly` months, those younger than an hour (at most
    KEEP_RECENT_PER_REASON of each reason), and the KEEP_BEFORE_RESTORE newest copies
    made before a restore. Temporaries left by killed backups go too."""
    now = now or datetime.now()
    remove_stale_temporaries(data_file, now=now)
    backups = list_backups(data_file, describe=False)  # newest first
    keep: set[Path] = set()
    recent_of: dict[str, int] = {}
    for backup in backups:
        kind = reason_kind(backup.reason) or backup.reason
        recent_of[kind] = recent_of.get(kind, 0) + 1
        if now - backup.made_at < KEEP_RECENT and recent_of[kind] <= KEEP_RECENT_PER_REASON:
            keep.add(backup.path)
        if kind == "before-restore" and recent_of[kind] <= KEEP_BEFORE_RESTORE:
            keep.add(backup.path)
    days: list[str] = []
    months: list[str] = []
    for backup in backups:
        day, month = backup.made_at.strftime("%Y%m%d"), backup.made_at.strftime("%Y%m")
        if day not in days:
            days.append(day)
            if len(days) <= keep_daily:
                keep.add(backup.path)
        if month not in months:
            months.append(month)
            if len(months) <= keep_monthly:
                keep.add(backup.path)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            remove_quietly(backup.path)
            removed.append(backup.path)
    return removed


def remove_stale_temporaries(data_file: Path, *, now: datetime | None = None) -> list[Path]:
    """Remove the half-written copies a killed backup or restore left, in the backups
    folder and beside the data file; a copy still being written (younger) is left."""
    cutoff = (now or datetime.now()).timestamp() - STALE_TEMPORARY.total_seconds()
    candidates = [
        *(backup_folder(data_file).glob("*.partial") if backup_folder(data_file).is_dir() else ()),
        *(data_file.with_name(data_file.name + suffix) for suffix in TEMPORARY_SUFFIXES),
    ]
    removed = []
    for path in candidates:
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # in use (Windows) or gone meanwhile: the next start tries again
    return removed


def fsync_file(path: Path) -> None:
    # Opened for writing: on Windows fsync is FlushFileBuffers, which refuses a read-only
    # handle ("Permission denied"; every backup failed so, seen under Wine).
    with open(path, "r+b") as f:
        os.fsync(f.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
