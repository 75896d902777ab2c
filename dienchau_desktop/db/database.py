"""Opening the data file safely, and the sessions services work in.

`Database.open` refuses, with a message that says what to do, every file it cannot
use as it is: not SQLite, damaged, from a newer version, locked, read-only. It never
overwrites such a file. A new file is built under a temporary name and renamed into
place, so a crash during creation leaves nothing half-made at the real path.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from dienchau_desktop.core.errors import DataFileError
from dienchau_desktop.db import errors, schema
from dienchau_desktop.db.backup import backup_database, backup_path
from dienchau_desktop.db.probe import PROBE_TIMEOUT_S, probe

#: How long one try at a lock waits inside SQLite before the waiting is reported (ms).
BUSY_TIMEOUT_MS = 1000
#: How long a writer waits for another program's write to finish before giving up (s).
#: Importing a district's plan or a big return takes a few seconds; a lock held for a
#: minute is a program that hangs or a transaction left open, and is reported as such.
WRITER_WAIT_S = 60.0

#: Told how long a writer has been waiting for another program's lock (seconds), so
#: the window can say why it is not answering, and the command line why it pauses.
WaitNotice = Callable[[float], None]
#: Files larger than this are integrity-checked just after the window shows rather
#: than before (a district file takes a tenth of a second): reading a damaged page
#: fails with the same "damaged file" message in the meantime.
DEFERRED_CHECK_BYTES = 16 * 1024 * 1024


def take_write_lock(
    conn: sqlite3.Connection, *, wait_s: float = WRITER_WAIT_S, on_wait: WaitNotice | None = None
) -> None:
    """BEGIN IMMEDIATE on `conn` (whose busy timeout is one try), trying again while
    another program holds the write lock, for up to `wait_s` seconds; then the
    "database is locked" error goes up. `on_wait` hears of each try that failed."""
    started = time.monotonic()
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            waited = time.monotonic() - started
            if not errors.is_busy(exc) or waited >= wait_s:
                raise
            if on_wait is not None:
                on_wait(waited)


def check_writable(
    path: Path, *, wait_s: float = PROBE_TIMEOUT_S, on_wait: WaitNotice | None = None
) -> None:
    """Refuse a file that cannot be written now: read-only, or locked by another program
    for longer than `wait_s` seconds."""
    folder = path.parent
    # WAL mode writes two files beside the data file, so the folder must be writable too.
    if not os.access(path, os.W_OK):
        raise errors.read_only(path, "tệp chỉ cho phép đọc")
    if not os.access(folder, os.W_OK):
        raise errors.read_only(path, f"thư mục «{folder}» chỉ cho phép đọc")
    try:
        conn = sqlite3.connect(
            path, timeout=min(wait_s, BUSY_TIMEOUT_MS / 1000), isolation_level=None
        )
        try:
            take_write_lock(conn, wait_s=wait_s, on_wait=on_wait)
            conn.execute("ROLLBACK")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise errors.translate(exc, path) or errors.corrupt(path, str(exc)) from exc


def make_engine(path: Path, on_wait: WaitNotice | None = None) -> Engine:
    """An engine with the SQLite settings every connection needs.

    WAL with `synchronous=FULL`: a commit is on disk before it is reported, and a power
    cut loses at most the transaction in flight. Transactions are begun by hand (the
    pysqlite driver's own handling defers BEGIN), and writers take the write lock at
    BEGIN IMMEDIATE, so two writers wait for each other (up to WRITER_WAIT_S, telling
    `on_wait`) instead of failing midway.
    """
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get("write", False)
        if writing:
            # On the driver's connection: a "locked" try is retried here, not turned
            # into an error of the SQLAlchemy connection.
            take_write_lock(driver_connection(connection), on_wait=on_wait)
        else:
            connection.exec_driver_sql("BEGIN")

    return engine


def driver_connection(connection: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under an SQLAlchemy one, for what only the driver does:
    pragmas outside a transaction, a BEGIN retried while another program writes."""
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def migrate_engine(engine: Engine) -> None:
    """Run the pending migrations with foreign keys off, checking them before commit.

    SQLite changes a table by copying it and dropping the old one; with foreign keys
    on, that drop would cascade and delete every progress entry and coordinator link
    of the items. The pragma only takes effect outside a transaction, hence the raw
    connection before BEGIN; `foreign_key_check` then proves nothing was left dangling.
    """
    with engine.connect() as connection:
        raw = driver_connection(connection)
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.execution_options(write=True).begin():
                schema.upgrade_to_head(connection)
                dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if dangling:
                    raise RuntimeError(f"migration left broken references: {dangling[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


class Database:
    """An open data file: short read sessions and all-or-nothing write transactions."""

    def __init__(self, path: Path, engine: Engine | None = None) -> None:
        self.path = path
        #: Told while a write waits for another program's lock (the window says so).
        self.on_wait: WaitNotice | None = None
        self.engine = engine or make_engine(path, self._waiting)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(write=True), expire_on_commit=False
        )

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        initialise: Callable[[Database], None] | None = None,
        defer_large_check: bool = False,
        lock_wait: float = PROBE_TIMEOUT_S,
        on_wait: WaitNotice | None = None,
    ) -> Database:
        """Open `path`, creating it when missing (if allowed) and migrating it when old.

        A file that needs migrating is backed up first, beside it in `backups/`. With
        `defer_large_check`, a large file's quick integrity check is left to the caller
        (`integrity_problems`), to run once the window is on screen. A file another
        program is writing is waited for up to `lock_wait` seconds (telling `on_wait`).
        `initialise` fills a newly created file (the sample plan) before it is renamed
        into place, so a crash midway never leaves a half-filled data file.
        """
        path = Path(path).expanduser().absolute()
        if not path.exists():
            if not create:
                probe(path)  # raises the "missing" message
            return cls._create(path, initialise)
        deferred = defer_large_check and path.stat().st_size > DEFERRED_CHECK_BYTES
        state = probe(path, quick_check=not deferred)
        check_writable(path, wait_s=lock_wait, on_wait=on_wait)
        db = cls(path)
        db.on_wait = on_wait
        if not state.is_current:
            try:
                if not state.is_blank:
                    backup_database(path, backup_path(path, f"before-upgrade-{state.revision}"))
                db.migrate()
            except BaseException:
                db.close()
                raise
        return db

    @classmethod
    def _create(cls, path: Path, initialise: Callable[[Database], None] | None) -> Database:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise errors.read_only(path, exc.strerror or str(exc)) from exc
        partial = path.with_name(path.name + ".creating")
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        engine = make_engine(partial)
        try:
            migrate_engine(engine)
            if initialise is not None:
                initialise(cls(partial, engine))
            # Fold the WAL into the main file so one rename moves everything.
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception as exc:
            translated = errors.translate(exc, path)
            if translated:
                raise translated from exc
            raise
        finally:
            engine.dispose()
        os.replace(partial, path)
        with contextlib.suppress(FileNotFoundError):
            Path(f"{partial}-wal").unlink()
        with contextlib.suppress(FileNotFoundError):
            Path(f"{partial}-shm").unlink()
        return cls(path)

    def _waiting(self, waited: float) -> None:
        if self.on_wait is not None:
            self.on_wait(waited)

    def integrity_problems(self) -> list[str]:
        """SQLite's quick check of the open file: [] when it is sound."""
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=PROBE_TIMEOUT_S)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
        except sqlite3.Error as exc:
            return [str(exc)]
        finally:
            conn.close()
        return [] if problems == ["ok"] else problems

    def migrate(self) -> None:
        """Bring the schema to the head revision in one transaction."""
        try:
            migrate_engine(self.engine)
        except Exception as exc:
            translated = errors.translate(exc, self.path)
            if translated:
                raise translated from exc
            raise

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        with self._translated(), self._read() as session, session.begin():
            yield session
            session.rollback()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose changes are committed together at the end, or not at all."""
        with self._translated(), self._write() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except DataFileError:
            raise
        except Exception as exc:
            translated = errors.translate(exc, self.path)
            if translated:
                raise translated from exc
            raise

    def close(self) -> None:
        self.engine.dispose()
