"""Copies of the data file made with SQLite's online backup API, checked after writing."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from dienchau_desktop.core.errors import DataFileError
from dienchau_desktop.db import errors

BACKUP_FOLDER = "backups"


def backup_path(data_file: Path, reason: str, now: datetime | None = None) -> Path:
    """Where a backup of `data_file` made now for `reason` goes: a `backups` folder beside it."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return data_file.parent / BACKUP_FOLDER / f"{data_file.stem}-{stamp}-{reason}.sqlite3"


def backup_database(source: Path, target: Path) -> Path:
    """Copy `source` to `target` consistently, even while it is in use; return `target`.

    The copy is written to a temporary name, checked with `PRAGMA integrity_check`,
    then renamed into place, so a power cut never leaves a half-written backup under
    the final name.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
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
        with open(partial, "rb") as f:
            os.fsync(f.fileno())
        os.replace(partial, target)
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


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
