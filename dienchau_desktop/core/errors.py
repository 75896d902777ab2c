"""Typed errors the user can act on (shown in plain Vietnamese), apart from bugs.

Anything that is not a `UserError` is a defect: logged with its traceback and shown
in a crash dialog. A `UserError` carries a message that says what is wrong and
where, and a hint that says what to do.
"""

from __future__ import annotations

import errno


class UserError(Exception):
    """An error caused by input or circumstances, not by a bug."""

    #: Exit code the command line uses for this family of error.
    exit_code = 3

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class ValidationError(UserError):
    """A value typed by the user (or read from a file) is not acceptable."""

    def __init__(self, field: str, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.field = field


class NotFoundError(UserError):
    """An id names nothing (deleted meanwhile, or a wrong id on the command line)."""

    exit_code = 2


class BadInputFileError(UserError):
    """A file given to import or restore cannot be used; nothing was changed."""


class OutputFileError(UserError):
    """A file the program was asked to write (a backup copy, an export) cannot be
    written there; the data file is untouched."""

    def __init__(self, message: str, hint: str = "", reason: str = "") -> None:
        super().__init__(message, hint)
        #: Why, in a few words ("ổ đĩa đã đầy"), for a caller that words it its own way.
        self.reason = reason


class DataFileError(UserError):
    """The data file itself cannot be used as it is."""

    exit_code = 4


class DataFileMissingError(DataFileError):
    """The data file does not exist where it was expected."""


class NotADatabaseError(DataFileError):
    """The file exists but is not a SQLite database (or is empty garbage)."""


class CorruptDataFileError(DataFileError):
    """The file is a damaged SQLite database (truncated, overwritten)."""


class NewerSchemaError(DataFileError):
    """The file was written by a newer version of the program."""


class DataFileLockedError(DataFileError):
    """Another program holds a lock on the file."""


class ReadOnlyDataFileError(DataFileError):
    """The file or its folder cannot be written (read-only, no permission, disk full)."""


#: What the operating system's error numbers mean, in the secretary's words. The
#: system's own `strerror` is English on most machines ("File exists", "No space left
#: on device") and would leave a Vietnamese sentence half in English.
_OS_REASONS = {
    # EDQUOT is missing from some builds of Python on Windows.
    getattr(errno, "EDQUOT", errno.ENOSPC): "đã hết dung lượng được phép trên ổ đĩa",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không có quyền truy cập",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.EEXIST: "đã có một tệp hoặc thư mục cùng tên",
    errno.ENOENT: "không tìm thấy tệp hoặc thư mục",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
    errno.EIO: "lỗi đọc ghi ổ đĩa",
    errno.EBUSY: "tệp đang được một chương trình khác dùng",
    errno.EMFILE: "đang mở quá nhiều tệp",
    errno.EFBIG: "tệp quá lớn",
    errno.EINVAL: "tên hoặc đường dẫn không hợp lệ",
}


def os_reason(error: OSError) -> str:
    """Why an operating-system call failed, in Vietnamese (e.g. "ổ đĩa đã đầy")."""
    if error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    if isinstance(error, PermissionError):
        return _OS_REASONS[errno.EACCES]
    if isinstance(error, FileNotFoundError):
        return _OS_REASONS[errno.ENOENT]
    return f"lỗi hệ thống {error.errno}" if error.errno else "lỗi hệ thống"
