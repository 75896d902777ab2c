"""Turning SQLite's errors about the file itself into messages the secretary can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from dienchau_desktop.core.errors import (
    CorruptDataFileError,
    DataFileError,
    DataFileLockedError,
    NotADatabaseError,
    ReadOnlyDataFileError,
)


def not_a_database(path: Path, why: str) -> NotADatabaseError:
    return NotADatabaseError(
        f"Tệp «{path}» không phải tệp dữ liệu của chương trình ({why}).",
        "Tệp không bị thay đổi. Hãy chọn đúng tệp dữ liệu, hoặc khôi phục từ bản sao lưu.",
    )


def corrupt(path: Path, why: str) -> CorruptDataFileError:
    return CorruptDataFileError(
        f"Tệp dữ liệu «{path}» bị hỏng ({why}).",
        "Tệp không bị ghi đè. Hãy khôi phục từ bản sao lưu gần nhất "
        "(thư mục «backups» cạnh tệp dữ liệu).",
    )


def locked(path: Path) -> DataFileLockedError:
    return DataFileLockedError(
        f"Tệp dữ liệu «{path}» đang bị một chương trình khác giữ (khóa).",
        "Hãy đóng chương trình đang mở tệp này (hoặc cửa sổ thứ hai của phần mềm) rồi thử lại.",
    )


def read_only(path: Path, why: str = "") -> ReadOnlyDataFileError:
    reason = f" ({why})" if why else ""
    return ReadOnlyDataFileError(
        f"Không ghi được vào tệp dữ liệu «{path}»{reason}.",
        "Hãy kiểm tra quyền ghi của tệp và thư mục, chỗ trống trên ổ đĩa, "
        "hoặc chép tệp sang thư mục Tài liệu rồi mở lại.",
    )


def translate(error: BaseException, path: Path) -> DataFileError | None:
    """The `DataFileError` an SQLite error stands for, or None if it is not about the file."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(original, sqlite3.Error):
        return None
    text = str(original).lower()
    if "file is not a database" in text or "file is encrypted" in text:
        return not_a_database(path, "không đúng định dạng SQLite")
    if "malformed" in text or "corrupt" in text:
        return corrupt(path, "cấu trúc tệp bị sai")
    if "locked" in text or "busy" in text:
        return locked(path)
    if "readonly" in text or "read-only" in text:
        return read_only(path, "tệp hoặc thư mục chỉ cho phép đọc")
    if "disk is full" in text or "database or disk is full" in text:
        return read_only(path, "ổ đĩa đã đầy")
    if "unable to open" in text or "disk i/o error" in text:
        return read_only(path, "không mở được tệp để ghi")
    return None
