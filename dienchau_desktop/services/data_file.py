"""The data file as a whole: backups, restore, the integrity check and the one-program
lock, for the window and the command line alike (neither reaches into `db` for them).

This is the seam a second storage engine plugs into: callers speak of a data file and
its backups, not of SQLite.
"""

from __future__ import annotations

from pathlib import Path

from dienchau_desktop.core.errors import OutputFileError
from dienchau_desktop.db.backup import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    BackupInfo,
    backup_database,
    describe_backup,
    latest_backup_time,
    list_backups,
    make_backup,
    reason_kind,
    remove_stale_temporaries,
)
from dienchau_desktop.db.database import WRITER_WAIT_S, Database, WaitNotice
from dienchau_desktop.db.file_lock import DataFileLock
from dienchau_desktop.db.probe import probe
from dienchau_desktop.db.restore import restore_backup

__all__ = [
    "KEEP_DAILY",
    "KEEP_MONTHLY",
    "WRITER_WAIT_S",
    "BackupInfo",
    "DataFileLock",
    "WaitNotice",
    "back_up",
    "describe_backup",
    "integrity_problems",
    "latest_backup_time",
    "list_backups",
    "reason_kind",
    "restore",
    "save_copy",
    "tidy",
]


def back_up(
    data_file: Path, reason: str, *, keep_daily: int = KEEP_DAILY, keep_monthly: int = KEEP_MONTHLY
) -> Path:
    """A checked backup into the `backups` folder beside the file, which is then thinned
    out (the newest of each of `keep_daily` days and `keep_monthly` months)."""
    return make_backup(data_file, reason, keep_daily=keep_daily, keep_monthly=keep_monthly)


def save_copy(data_file: Path, target: Path) -> Path:
    """A checked copy of the data file at `target` (a USB stick); an existing file there
    is never overwritten."""
    probe(data_file)
    if target.exists():
        raise OutputFileError(
            f"Tệp «{target}» đã có; không ghi đè.", "Hãy chọn một tên tệp khác.",
            reason="đã có một tệp cùng tên",
        )  # fmt: skip
    return backup_database(data_file, target)


def restore(backup: Path, data_file: Path, *, on_wait: WaitNotice | None = None) -> Path | None:
    """Put `backup` in place of the data file's contents; return the copy kept of them."""
    return restore_backup(backup, data_file, on_wait=on_wait)


def integrity_problems(db: Database) -> list[str]:
    """SQLite's quick check of an open data file: [] when it is sound."""
    return db.integrity_problems()


def tidy(data_file: Path) -> list[Path]:
    """Remove what a backup or restore killed midway left (half-written copies beside the
    file and in its backups folder); run at each start. Returns what was removed."""
    return remove_stale_temporaries(data_file)
