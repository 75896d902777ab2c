"""Opening data files: new, current, and every kind of file that must be refused."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from dienchau_desktop.core.errors import (
    CorruptDataFileError,
    DataFileLockedError,
    DataFileMissingError,
    NewerSchemaError,
    NotADatabaseError,
)
from dienchau_desktop.db import schema
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, plans
from tests.conftest import as_unprivileged_user


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_plan_file(path: Path) -> Path:
    db = Database.open(path)
    plan = plans.create_plan(db, "Kế hoạch thử")
    for n in range(40):
        items.add_item(db, plan.id, "task", f"Nhiệm vụ số {n} — Đề án 06 " + "x" * 200)
    db.close()
    return path


def test_new_file_has_the_schema_and_the_sqlite_settings(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "folder" / "data.sqlite3"
    db = Database.open(path)
    with db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert revision == schema.HEAD_REVISION
    db.close()
    assert not list(path.parent.glob("*.creating*"))


def test_missing_file_is_refused_when_creation_is_not_allowed(tmp_path: Path) -> None:
    with pytest.raises(DataFileMissingError) as info:
        Database.open(tmp_path / "none.sqlite3", create=False)
    assert "none.sqlite3" in info.value.message
    assert not (tmp_path / "none.sqlite3").exists()


def test_failed_initialisation_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"

    def explode(_db: Database) -> None:
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        Database.open(path, initialise=explode)
    assert not path.exists()
    db = Database.open(path)  # the next start builds it afresh
    db.close()


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", NotADatabaseError, "0 byte"),
        (b"\x00" * 8192, NotADatabaseError, "không đúng định dạng"),
        ("Kế hoạch năm 2026\n".encode() * 100, NotADatabaseError, "không đúng định dạng"),
        (b"PK\x03\x04" + bytes(2000), NotADatabaseError, "không đúng định dạng"),
    ],
)
def test_files_that_are_not_databases(
    tmp_path: Path, content: bytes, error: type, words: str
) -> None:
    path = tmp_path / "data.sqlite3"
    path.write_bytes(content)
    with pytest.raises(error) as info:
        Database.open(path)
    assert words in info.value.message
    assert str(path) in info.value.message
    assert path.read_bytes() == content  # nothing overwritten


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Hà Nội')")
    before = digest(path)
    with pytest.raises(NotADatabaseError) as info:
        Database.open(path)
    assert "SQLite khác" in info.value.message
    assert digest(path) == before


def test_blank_sqlite_file_is_built_in_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 1")  # writes a header, no tables
    conn.close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    db = Database.open(path)
    plan = plans.create_plan(db, "Kế hoạch mới")
    assert plans.get_plan(db, plan.id).title == "Kế hoạch mới"
    db.close()
    assert not (tmp_path / "backups").exists()


def test_truncated_file_is_refused_and_kept(tmp_path: Path) -> None:
    path = make_plan_file(tmp_path / "data.sqlite3")
    full = path.read_bytes()
    rng = random.Random(6)
    refused = 0
    for _ in range(12):
        cut = rng.randrange(100, len(full) - 1)
        path.write_bytes(full[:cut])
        try:
            Database.open(path).close()
        except (CorruptDataFileError, NotADatabaseError) as error:
            refused += 1
            assert str(path) in error.message
            assert error.hint
            assert path.read_bytes() == full[:cut]
    # A cut inside the last free pages can leave a consistent file; most cuts must be caught.
    assert refused >= 10


def test_overwritten_pages_are_found(tmp_path: Path) -> None:
    path = make_plan_file(tmp_path / "data.sqlite3")
    data = bytearray(path.read_bytes())
    page = 4096
    # Garbage over the second page (a b-tree page of the schema or the first table).
    data[page : page * 2] = random.Random(7).randbytes(page)
    path.write_bytes(bytes(data))
    with pytest.raises((CorruptDataFileError, NotADatabaseError)) as info:
        Database.open(path)
    assert "khôi phục" in info.value.hint or "Tệp không bị thay đổi" in info.value.hint
    assert path.read_bytes() == bytes(data)


def test_file_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = make_plan_file(tmp_path / "data.sqlite3")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999_future'")
    conn.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError) as info:
        Database.open(path)
    assert "phiên bản mới hơn" in info.value.message
    assert "0999_future" in info.value.message
    assert digest(path) == before
    assert not (tmp_path / "backups").exists()


def test_locked_file_is_refused_while_another_writer_holds_it(tmp_path: Path) -> None:
    path = make_plan_file(tmp_path / "data.sqlite3")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE plan SET title = 'đang sửa ở chương trình khác'")
    try:
        with pytest.raises(DataFileLockedError) as info:
            Database.open(path)
        assert "khóa" in info.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()
    db = Database.open(path)  # once released, it opens, with nothing lost
    assert plans.list_plans(db)[0].task_count == 40
    db.close()


def _open_as_unprivileged_user(path: Path) -> str:
    """Open `path` in a child that cannot write it, and say what happened."""

    def open_it() -> str:
        Database.open(path).close()
        return "OPENED"

    return as_unprivileged_user(open_it)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions, tried through fork")
def test_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = make_plan_file(folder / "data.sqlite3")
    before = digest(path)
    for parent in (tmp_path, *tmp_path.parents):
        if parent == Path("/"):
            break
        parent.chmod(parent.stat().st_mode | 0o005)  # let the other user reach the file
    os.chmod(folder, 0o555)
    path.chmod(0o444)
    try:
        output = _open_as_unprivileged_user(path)
    finally:
        os.chmod(folder, 0o755)
        path.chmod(0o644)
    assert output.startswith("ReadOnlyDataFileError"), output
    assert "chỉ cho phép đọc" in output
    assert digest(path) == before


def test_start_up_does_not_import_alembic_when_current(tmp_path: Path) -> None:
    path = make_plan_file(tmp_path / "data.sqlite3")
    code = (
        "import sys; from dienchau_desktop.db.database import Database;"
        f"Database.open({str(path)!r}).close();"
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_writes_are_all_or_nothing(db: Database) -> None:
    plan = plans.create_plan(db, "Kế hoạch")
    with pytest.raises(RuntimeError), db.write() as session:
        from dienchau_desktop.services.items import add_item_row

        add_item_row(session, plan.id, "task", "Một", None, None, {})
        raise RuntimeError("interrupted")
    assert items.plan_tree(db, plan.id).nodes == ()


def test_copying_a_data_file_keeps_everything(tmp_path: Path) -> None:
    path = make_plan_file(tmp_path / "data.sqlite3")
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(path, copy)
    db = Database.open(copy)
    assert plans.list_plans(db)[0].task_count == 40
    db.close()


def test_a_large_files_check_can_wait_until_the_window_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dienchau_desktop.db import database

    path = make_plan_file(tmp_path / "data.sqlite3")
    data = bytearray(path.read_bytes())
    data[-4096 * 2 :] = random.Random(3).randbytes(4096 * 2)  # damage the last pages
    path.write_bytes(bytes(data))
    with pytest.raises((CorruptDataFileError, NotADatabaseError)):
        Database.open(path)
    monkeypatch.setattr(database, "DEFERRED_CHECK_BYTES", 0)
    db = Database.open(path, defer_large_check=True)  # opened; checked just after
    problems = db.integrity_problems()
    db.close()
    assert problems and problems != ["ok"]


def test_a_sound_file_has_no_integrity_problems(tmp_path: Path) -> None:
    db = Database.open(make_plan_file(tmp_path / "data.sqlite3"))
    assert db.integrity_problems() == []
    db.close()
