"""Backups of the data file: made with SQLite's online backup API and checked, listed
with what they hold, thinned out by age, and restored atomically.

Backups live in a `backups` folder beside the data file, named by date, time and
reason: `ke-hoach-20261128-083000-123456-daily.sqlite3`.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from dienchau_desktop.core.errors import DataFileError
from dienchau_desktop.db import errors, schema

BACKUP_FOLDER = "backups"
#: Kept by default: the newest backup of each of the last 10 days, and of each of the
#: last 12 months (DESIGN: "the last 10 daily plus one per month").
KEEP_DAILY = 10
KEEP_MONTHLY = 12
#: Backups younger than this are never thinned out (the one just made before a restore).
KEEP_RECENT = timedelta(hours=1)

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
    the final name.
    """
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
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
        _fsync(partial)
        os.replace(partial, target)
        _fsync_folder(target.parent)
    except DataFileError:
        _remove_quietly(partial)
        raise
    except sqlite3.Error as exc:
        _remove_quietly(partial)
        raise (errors.translate(exc, source) or errors.corrupt(source, str(exc))) from exc
    except OSError as exc:
        _remove_quietly(partial)
        raise errors.read_only(target, exc.strerror or str(exc)) from exc
    return target


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
    except (DataFileError, sqlite3.Error) as exc:
        message = exc.message if isinstance(exc, DataFileError) else str(exc)
        return BackupInfo(path, made_at, reason, size, problem=message)
    return BackupInfo(
        path, made_at, reason, size, plans, tasks,
        datetime.fromisoformat(last) if last else None,
    )  # fmt: skip


def verify_backup(path: Path, *, full: bool = True) -> None:
    """Refuse a backup that is not a sound data file of a version this program reads."""
    from dienchau_desktop.db.database import probe

    try:
        state = probe(path, quick_check=not full)
    except DataFileError as error:
        raise errors.corrupt(path, error.message) from error
    if state.is_blank:
        raise errors.not_a_database(path, "bản sao lưu trống")
    if full:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)").fetchall()]
        finally:
            conn.close()
        if problems != ["ok"]:
            raise errors.corrupt(path, "; ".join(problems)[:300])
    if state.revision not in schema.KNOWN_REVISIONS:
        raise errors.not_a_database(path, f"phiên bản dữ liệu lạ «{state.revision}»")


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
    each of the last `keep_monthly` months, and everything younger than an hour."""
    now = now or datetime.now()
    backups = list_backups(data_file, describe=False)  # newest first
    keep: set[Path] = {b.path for b in backups if now - b.made_at < KEEP_RECENT}
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
            _remove_quietly(backup.path)
            removed.append(backup.path)
    return removed


def restore_backup(backup: Path, data_file: Path) -> Path | None:
    """Replace `data_file` with `backup`; return the backup made of the file replaced.

    The backup is checked first (a damaged one is refused and nothing changes); the
    current file is backed up (or, if it cannot be read as a database, copied byte
    for byte); then the restored copy is written beside the data file and renamed
    over it in one step. No connection to `data_file` may be open.
    """
    verify_backup(backup)
    safety: Path | None = None
    if data_file.exists():
        try:
            safety = backup_database(data_file, backup_path(data_file, "before-restore"))
        except DataFileError:
            # A damaged file is kept as it is, in case someone can rescue something.
            safety = backup_path(data_file, "damaged").with_suffix(".bin")
            try:
                safety.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(data_file, safety)
            except OSError as exc:
                raise errors.read_only(safety, exc.strerror or str(exc)) from exc
    incoming = data_file.with_name(data_file.name + ".restoring")
    backup_database(backup, incoming)
    # The old file's write-ahead log must go before the new file takes its name:
    # SQLite would otherwise replay the old log's pages into the restored database.
    for suffix in ("-wal", "-shm"):
        _remove_quietly(Path(f"{data_file}{suffix}"))
    os.replace(incoming, data_file)
    _fsync_folder(data_file.parent)
    return safety


def _fsync(path: Path) -> None:
    # Opened for writing: on Windows fsync is FlushFileBuffers, which refuses a read-only
    # handle ("Permission denied"; every backup failed so, seen under Wine).
    with open(path, "r+b") as f:
        os.fsync(f.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
