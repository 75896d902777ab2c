"""Typed errors the user can act on (shown in plain Vietnamese), apart from bugs.

Anything that is not a `UserError` is a defect: logged with its traceback and shown
in a crash dialog. A `UserError` carries a message that says what is wrong and
where, and a hint that says what to do.
"""

from __future__ import annotations


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
