"""Turning SQLite's errors about the file itself into messages the secretary can act on."""

from __future__ import annotations

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


def damage_in_words(problems: list[str]) -> str:
    """What SQLite's integrity check found, in words: its own lines are English and
    technical ("*** in database main *** Page 10: btreeInitPage() returns error code
    11"), and go to the log, not to the secretary."""
    return f"SQLite tìm thấy {len(problems)} chỗ hỏng trong cấu trúc tệp"


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


#: SQLite's primary result codes (sqlite3.h) that speak of the file, not of a bug.
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26


def result_code(error: BaseException) -> int | None:
    """The primary SQLite result code of an error (its extended code's low byte), or
    None for an error that is not SQLite's."""
    original = error.orig if isinstance(error, DBAPIError) else error
    code = getattr(original, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_busy(error: BaseException) -> bool:
    """Another connection holds the lock the statement needed."""
    return result_code(error) in (SQLITE_BUSY, SQLITE_LOCKED)


def translate(error: BaseException, path: Path) -> DataFileError | None:
    """The `DataFileError` an SQLite error stands for, or None if it is not about the file.
    Read from SQLite's result code: the message text differs between SQLite versions."""
    code = result_code(error)
    if code == SQLITE_NOTADB:
        return not_a_database(path, "không đúng định dạng SQLite")
    if code == SQLITE_CORRUPT:
        return corrupt(path, "cấu trúc tệp bị sai")
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return locked(path)
    if code == SQLITE_READONLY:
        return read_only(path, "tệp hoặc thư mục chỉ cho phép đọc")
    if code == SQLITE_FULL:
        return read_only(path, "ổ đĩa đã đầy")
    if code == SQLITE_CANTOPEN:
        return read_only(path, "không mở được tệp để ghi")
    if code == SQLITE_IOERR:
        return read_only(path, "lỗi đọc ghi ổ đĩa, có thể ổ đĩa đã đầy")
    return None
