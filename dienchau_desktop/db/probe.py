"""Looking at a data file without changing it: is it an SQLite file of ours, of a
version this program reads? Used before opening, before restoring, and on backups."""

from __future__ import annotations

import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from dienchau_desktop.core.errors import DataFileMissingError, NewerSchemaError, os_reason
from dienchau_desktop.db import errors, schema

SQLITE_HEADER = b"SQLite format 3\x00"
#: How long the window's start-up probe waits: a lock held this long means another
#: program, and the window offers to try again rather than show nothing for a minute.
PROBE_TIMEOUT_S = 1.0


@dataclass(frozen=True, slots=True)
class FileState:
    """What the start-up probe learnt about a data file, without changing it."""

    revision: str | None
    tables: tuple[str, ...]

    @property
    def is_current(self) -> bool:
        return self.revision == schema.HEAD_REVISION

    @property
    def is_blank(self) -> bool:
        """An SQLite file with no tables at all (a fresh file, safe to build in)."""
        return not self.tables


def probe(path: Path, *, quick_check: bool = True) -> FileState:
    """Check that `path` is a usable SQLite file of ours; raise `DataFileError` if not."""
    try:
        # A pipe or a device would block the read below, or never end.
        if path.exists() and not path.is_dir() and not stat.S_ISREG(path.stat().st_mode):
            raise errors.not_a_database(path, "không phải một tệp thông thường")
        with open(path, "rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise DataFileMissingError(
            f"Không tìm thấy tệp dữ liệu «{path}».",
            "Hãy kiểm tra đường dẫn, hoặc chọn «Tạo tệp dữ liệu mới».",
        ) from None
    except IsADirectoryError:
        raise errors.not_a_database(path, "đây là một thư mục") from None
    except OSError as exc:
        raise errors.read_only(path, os_reason(exc)) from exc
    if not header:
        raise errors.not_a_database(path, "tệp rỗng, 0 byte")
    if header != SQLITE_HEADER:
        raise errors.not_a_database(path, "không đúng định dạng SQLite")

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=PROBE_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise errors.translate(exc, path) or errors.corrupt(path, str(exc)) from exc
    try:
        if quick_check:
            problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
            if problems != ["ok"]:
                raise errors.corrupt(path, errors.damage_in_words(problems))
        state = FileState(schema.stored_revision(conn), tuple(schema.user_tables(conn)))
    except sqlite3.Error as exc:
        raise errors.translate(exc, path) or errors.corrupt(path, str(exc)) from exc
    finally:
        conn.close()

    if state.revision is None and not state.is_blank:
        raise errors.not_a_database(path, "đây là một cơ sở dữ liệu SQLite khác")
    if state.revision is not None and state.revision not in schema.KNOWN_REVISIONS:
        raise NewerSchemaError(
            f"Tệp dữ liệu «{path}» được tạo bởi phiên bản mới hơn của chương trình "
            f"(phiên bản dữ liệu «{state.revision}»).",
            "Hãy cập nhật chương trình lên phiên bản mới nhất rồi mở lại. Tệp không bị thay đổi.",
        )
    return state
