"""Putting a backup back in place of the data file, without losing a write.

A sound data file is restored *through SQLite*: inside one write transaction (which
every other writer, window or command line, waits for), the file as it is is backed
up, then every table's rows are replaced by the backup's. A writer that committed
before is in the before-restore copy; one that waits commits onto the restored data;
none can report success for rows that end up nowhere (as when the file itself was
swapped under a running import). It also works while another program has the file
open, which Windows would not allow a rename over.

Only a file SQLite cannot use (damaged, not ours, missing) is replaced as a file:
nobody can be writing to it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

from dienchau_desktop.core.errors import (
    CorruptDataFileError,
    NotADatabaseError,
    OutputFileError,
    os_reason,
)
from dienchau_desktop.db import errors, schema
from dienchau_desktop.db.backup import (
    backup_database,
    backup_path,
    fsync_folder,
    list_backups,
    prune_backups,
    remove_quietly,
    verify_backup,
)
from dienchau_desktop.db.database import (
    BUSY_TIMEOUT_MS,
    WRITER_WAIT_S,
    Database,
    WaitNotice,
    check_writable,
    make_engine,
    migrate_engine,
    take_write_lock,
)
from dienchau_desktop.db.probe import probe


def restore_backup(
    backup: Path, data_file: Path, *, on_wait: WaitNotice | None = None
) -> Path | None:
    """Replace what `data_file` holds with `backup`; return the copy kept of the file as
    it was (None when there was no file).

    The backup is checked whole first: a damaged one is refused and nothing changes. A
    read-only data file is refused like every other command refuses it.
    """
    verify_backup(backup)
    if not data_file.exists():
        _replace_file(backup, data_file)
        return None
    try:
        state = probe(data_file)
    except (NotADatabaseError, CorruptDataFileError):
        return _replace_damaged_file(backup, data_file)
    # Read-only: refused before anything is written; being written: waited for.
    check_writable(data_file, wait_s=WRITER_WAIT_S, on_wait=on_wait)
    if not state.is_current:
        # An old file is brought to the schema the backup will be brought to (and
        # backed up before, as every upgrade is).
        Database.open(data_file, create=False).close()
    incoming = data_file.with_name(data_file.name + ".restoring")
    try:
        try:
            backup_database(backup, incoming)
        except OutputFileError as error:
            raise errors.read_only(data_file, error.reason) from error
        _bring_to_head(incoming, data_file)
        safety = _copy_rows_in(incoming, data_file, backup, on_wait)
    finally:
        for leftover in (incoming, Path(f"{incoming}-wal"), Path(f"{incoming}-shm")):
            remove_quietly(leftover)
    prune_backups(data_file)
    return safety


def _bring_to_head(incoming: Path, data_file: Path) -> None:
    """Migrate the copy of an older backup to the data file's schema (the head)."""
    conn = sqlite3.connect(f"file:{incoming}?mode=ro", uri=True)
    try:
        revision = schema.stored_revision(conn)
    finally:
        conn.close()
    if revision == schema.HEAD_REVISION:
        return
    engine = make_engine(incoming)
    try:
        migrate_engine(engine)
    except sqlite3.Error as exc:
        raise (errors.translate(exc, data_file) or errors.read_only(data_file, str(exc))) from exc
    finally:
        engine.dispose()


def _copy_rows_in(
    incoming: Path, data_file: Path, backup: Path, on_wait: WaitNotice | None
) -> Path:
    """Inside one write transaction on `data_file`: keep a copy of it as it is, then
    replace every table's rows with `incoming`'s. Returns the before-restore copy."""
    conn = sqlite3.connect(data_file, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        # Rows go in table by table; references are checked once all are in.
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("ATTACH DATABASE ? AS incoming", (str(incoming),))
        take_write_lock(conn, on_wait=on_wait)
        try:
            # Read while this transaction holds the write lock: nothing can be
            # committed between this copy and the replacement.
            safety = _keep_current_state(conn, data_file)
            for table in _tables(conn):
                columns = ", ".join(
                    f'"{row[1]}"' for row in conn.execute(f'PRAGMA main.table_info("{table}")')
                )
                conn.execute(f'DELETE FROM main."{table}"')
                conn.execute(
                    f'INSERT INTO main."{table}" ({columns}) '
                    f'SELECT {columns} FROM incoming."{table}"'
                )
            dangling = conn.execute("PRAGMA main.foreign_key_check").fetchall()
            if dangling:
                raise errors.corrupt(backup, f"{len(dangling)} tham chiếu hỏng")
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        conn.execute("DETACH DATABASE incoming")
    except sqlite3.Error as exc:
        raise (errors.translate(exc, data_file) or errors.read_only(data_file, str(exc))) from exc
    finally:
        conn.close()
    return safety


def _keep_current_state(conn: sqlite3.Connection, data_file: Path) -> Path:
    """A copy of the data file as it is, named by a fingerprint of its rows; none is made
    when a copy of the same state is kept already (restoring one backup after another
    without a change in between), so the copies kept are of different states and the
    thinning out (prune_backups) drops no state that only it held for a duplicate."""
    fingerprint = _fingerprint(conn)
    reason = f"before-restore-{fingerprint}"
    for kept in list_backups(data_file, describe=False):
        if kept.reason == reason:
            return kept.path
    return backup_database(data_file, backup_path(data_file, reason))


def _fingerprint(conn: sqlite3.Connection) -> str:
    """A digest of every row of every table of the data file (a second for a district's
    file): two files with the same rows have the same fingerprint, however their pages
    lie."""
    digest = hashlib.sha256()
    for table in sorted(_tables(conn)):
        digest.update(table.encode())
        for row in conn.execute(f'SELECT * FROM main."{table}" ORDER BY rowid'):
            for value in row:
                # Bytes (evidence files, up to 50 MB each) are hashed as they are: their
                # repr() was ten times slower than the hash. A tag and a length keep
                # the fields apart.
                if isinstance(value, bytes):
                    digest.update(b"B%d:" % len(value))
                    digest.update(value)
                else:
                    text = repr(value).encode()
                    digest.update(b"V%d:" % len(text))
                    digest.update(text)
            digest.update(b";")
    return digest.hexdigest()[:16]


def _tables(conn: sqlite3.Connection) -> list[str]:
    """The data file's tables; both files are at the head schema, so the backup has them."""
    rows = conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [r[0] for r in rows]


def _replace_damaged_file(backup: Path, data_file: Path) -> Path:
    """A file SQLite cannot read is kept byte for byte (someone may rescue something),
    then replaced by the backup."""
    if not os.access(data_file, os.W_OK):
        raise errors.read_only(data_file, "tệp chỉ cho phép đọc")
    safety = backup_path(data_file, "damaged").with_suffix(".bin")
    try:
        safety.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(data_file, safety)
    except OSError as exc:
        remove_quietly(safety)  # a full disk leaves it empty
        raise errors.read_only(data_file, os_reason(exc)) from exc
    _replace_file(backup, data_file)
    return safety


def _replace_file(backup: Path, data_file: Path) -> None:
    """Write the backup beside the data file, then rename it over in one step."""
    incoming = data_file.with_name(data_file.name + ".restoring")
    try:
        backup_database(backup, incoming)
    except OutputFileError as error:
        raise errors.read_only(data_file, error.reason) from error
    # The old file's write-ahead log must go before the new file takes its name:
    # SQLite would otherwise replay the old log's pages into the restored database.
    for suffix in ("-wal", "-shm"):
        remove_quietly(Path(f"{data_file}{suffix}"))
    try:
        os.replace(incoming, data_file)
    except OSError as exc:
        remove_quietly(incoming)
        raise errors.read_only(data_file, os_reason(exc)) from exc
    fsync_folder(data_file.parent)
