"""Restoring while others write, onto odd files, with odd backups: no write reported
done is lost, nothing is replaced that should be refused, every failure is a sentence."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from dienchau_desktop.core.errors import BadInputFileError, ReadOnlyDataFileError
from dienchau_desktop.db.backup import (
    backup_path,
    list_backups,
    make_backup,
    prune_backups,
)
from dienchau_desktop.db.database import WRITER_WAIT_S, Database
from dienchau_desktop.db.restore import restore_backup
from dienchau_desktop.services import plans
from tests.conftest import as_unprivileged_user, fill_up
from tests.db.test_backup import content
from tests.db.test_database import digest


def plan_titles(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM plan ORDER BY id")]
    finally:
        conn.close()


def add_plan_in_another_connection(path: Path, title: str) -> sqlite3.Connection:
    """A writer (as an import run from the command line) holding the write lock with its
    plan written but not yet committed."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    columns = [r[1] for r in other.execute("PRAGMA table_info(plan)") if r[1] not in ("id",)]
    copied = ", ".join("?" if c == "title" else c for c in columns)
    other.execute(
        f"INSERT INTO plan ({', '.join(columns)}) SELECT {copied} FROM plan LIMIT 1", (title,)
    )
    return other


def test_a_write_committed_during_a_restore_is_in_the_copy_kept(data_file: Path) -> None:
    """The restore waits for the writer; once it commits, its plan is in the
    before-restore copy, and the restored file is the backup."""
    backup = make_backup(data_file, "manual")
    other = add_plan_in_another_connection(data_file, "Kế hoạch nhập lúc khôi phục")
    waited: list[float] = []
    result: dict[str, object] = {}

    def restore() -> None:
        result["safety"] = restore_backup(backup, data_file, on_wait=waited.append)

    worker = threading.Thread(target=restore)
    worker.start()
    deadline = time.monotonic() + 10
    while not waited and time.monotonic() < deadline:
        time.sleep(0.05)
    other.execute("COMMIT")  # the import says "done" now
    other.close()
    worker.join(30)
    assert waited, "the restore did not wait for the writer"
    safety = result["safety"]
    assert isinstance(safety, Path)
    assert "Kế hoạch nhập lúc khôi phục" in plan_titles(safety)
    assert content(data_file) == content(backup)


def test_a_writer_that_waits_for_a_restore_writes_onto_the_restored_file(
    data_file: Path,
) -> None:
    backup = make_backup(data_file, "manual")
    db = Database.open(data_file)
    plans.create_plan(db, "Có trước khi khôi phục, mất theo ý người khôi phục")
    db.close()
    started = threading.Event()
    finished: list[int] = []

    def write_when_restore_holds_the_lock(waited: float) -> None:
        if not started.is_set():
            started.set()

    def writer() -> None:
        started.wait(10)
        late = Database.open(data_file, lock_wait=WRITER_WAIT_S)
        try:
            finished.append(plans.create_plan(late, "Ghi sau khi khôi phục").id)
        finally:
            late.close()

    # The restore is made to wait once by a lock held briefly, so that the writer
    # starts while the restore is under way.
    blocker = sqlite3.connect(data_file, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    thread = threading.Thread(target=writer)
    thread.start()
    releaser = threading.Timer(1.5, lambda: blocker.execute("ROLLBACK"))
    releaser.start()
    restore_backup(backup, data_file, on_wait=write_when_restore_holds_the_lock)
    releaser.join()
    blocker.close()
    thread.join(30)
    assert finished, "the writer did not finish"
    titles = plan_titles(data_file)
    # Whether the writer came before or after the restore, its plan is somewhere kept:
    # after it, in the restored file; before it, in the before-restore copy.
    kept = titles + [t for b in list_backups(data_file) for t in plan_titles(b.path)]
    assert "Ghi sau khi khôi phục" in kept
    assert "Có trước khi khôi phục, mất theo ý người khôi phục" not in titles


def test_restore_works_while_another_program_has_the_file_open(data_file: Path) -> None:
    """Nothing is renamed over the file: a reader's open connection (Windows would refuse
    a rename over it) sees the restored plans at its next read."""
    backup = make_backup(data_file, "manual")
    db = Database.open(data_file)
    plans.create_plan(db, "Sẽ bị khôi phục mất")
    assert len(plans.list_plans(db)) == 2
    restore_backup(backup, data_file)
    assert [p.title for p in plans.list_plans(db)] == plan_titles(backup)
    db.close()


def test_an_older_backup_is_brought_to_the_current_schema(data_file: Path, tmp_path: Path) -> None:
    from dienchau_desktop.db import schema

    old = tmp_path / "old.sqlite3"
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.upgrade(config, schema.KNOWN_REVISIONS[2])
    engine.dispose()
    db = Database.open(data_file)
    plans.create_plan(db, "Kế hoạch cũ")
    db.close()
    conn = sqlite3.connect(old)
    conn.execute("ATTACH DATABASE ? AS cur", (str(data_file),))
    columns = ", ".join(r[1] for r in conn.execute("PRAGMA main.table_info(plan)"))
    conn.execute(
        f"INSERT INTO main.plan SELECT {columns} FROM cur.plan WHERE title = 'Kế hoạch cũ'"
    )
    conn.commit()
    conn.close()
    restore_backup(old, data_file)
    assert plan_titles(data_file) == ["Kế hoạch cũ"]
    db = Database.open(data_file)
    assert [p.title for p in plans.list_plans(db)] == ["Kế hoạch cũ"]
    db.close()


def test_every_damaged_page_of_a_backup_is_refused_in_words(
    data_file: Path, tmp_path: Path
) -> None:
    """An overwritten page anywhere in a backup: refused as a damaged backup, in
    Vietnamese (never a traceback, never SQLite's English), the data file unchanged;
    or, if the page was unused, restored."""
    backup = make_backup(data_file, "manual")
    raw = backup.read_bytes()
    page = 4096
    before = digest(data_file)
    for number in range(len(raw) // page):
        damaged = tmp_path / f"hong-{number}.sqlite3"
        data = bytearray(raw)
        data[number * page + (100 if number == 0 else 0) : (number + 1) * page] = bytes(
            (i * 37 + number) % 256 for i in range(page - (100 if number == 0 else 0))
        )
        damaged.write_bytes(bytes(data))
        try:
            restore_backup(damaged, data_file)
        except BadInputFileError as error:
            assert error.message.startswith(f"Bản sao lưu «{damaged}» "), error.message
            assert "(Tệp" not in error.message  # one sentence, not nested
            assert not re.search(r"[A-Za-z]{4,} [a-z]{4,}", error.message.split("»")[-1])
            assert digest(data_file) == before
        else:
            assert content(data_file) == content(damaged)
            restore_backup(backup, data_file)
            before = digest(data_file)


def test_a_read_only_data_file_is_refused(data_file: Path) -> None:
    """As the program refuses to open it for writing: no before-restore copy, no
    change. (Checked in a child that is not root: root writes read-only files.)"""
    backup = make_backup(data_file, "manual")
    db = Database.open(data_file)
    plans.create_plan(db, "Còn nguyên")
    db.close()
    before = digest(data_file)
    for parent in (data_file.parent, *data_file.parent.parents):
        if parent == Path("/"):
            break
        parent.chmod(parent.stat().st_mode | 0o005)
    data_file.chmod(0o444)
    backup.parent.chmod(0o777)
    backup.chmod(0o644)

    def restore_it() -> str:
        restore_backup(backup, data_file)
        return "RESTORED"

    output = as_unprivileged_user(restore_it)
    data_file.chmod(0o644)
    assert output.startswith(ReadOnlyDataFileError.__name__), output
    assert "chỉ cho phép đọc" in output
    assert digest(data_file) == before
    assert not [b for b in list_backups(data_file) if b.reason.startswith("before-restore")]


def test_restoring_again_and_again_keeps_each_state_once(data_file: Path) -> None:
    """The state before the first restore (with the day's import) is kept however many
    restores follow; restoring the same backup again adds no copy of the same rows."""
    backup = make_backup(data_file, "manual")
    db = Database.open(data_file)
    plans.create_plan(db, "Nhập trong ngày")
    db.close()
    first = restore_backup(backup, data_file)
    for _ in range(7):
        restore_backup(backup, data_file)
    kept = [b for b in list_backups(data_file) if b.reason.startswith("before-restore")]
    assert len(kept) == 2  # the day's state, and the backup's state once
    assert first in [b.path for b in kept]
    assert "Nhập trong ngày" in plan_titles(first)
    assert any(b.reason == "manual" for b in list_backups(data_file))


def test_many_different_states_keep_the_ten_newest(data_file: Path) -> None:
    backup = make_backup(data_file, "manual")
    for turn in range(12):
        db = Database.open(data_file)
        plans.create_plan(db, f"Nhập lần {turn}")
        db.close()
        restore_backup(backup, data_file)
    kept = [b for b in list_backups(data_file) if b.reason.startswith("before-restore")]
    assert len(kept) == 10
    assert {t for b in kept for t in plan_titles(b.path)} >= {f"Nhập lần {n}" for n in range(2, 12)}


def test_temporaries_left_by_a_killed_backup_go_at_the_next_backup(data_file: Path) -> None:
    folder = data_file.parent / "backups"
    folder.mkdir(exist_ok=True)
    stale = folder / "ke-hoach-20261127-080000-000000-daily.sqlite3.partial"
    fresh = folder / "ke-hoach-20261128-080000-000000-daily.sqlite3.partial"
    restoring = data_file.with_name(data_file.name + ".restoring")
    for path in (stale, fresh, restoring):
        path.write_bytes(b"x" * 1000)
    hour_ago = (datetime.now() - timedelta(hours=1)).timestamp()
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(restoring, (hour_ago, hour_ago))
    make_backup(data_file, "daily")
    assert not stale.exists() and not restoring.exists()
    assert fresh.exists()  # perhaps another program's backup at work


def test_pruning_keeps_the_ten_newest_before_restore_copies(data_file: Path) -> None:
    now = datetime(2026, 11, 28, 9, 0)
    source = make_backup(data_file, "seed")
    for hours in range(14):  # fourteen restores, an hour apart
        made = now - timedelta(hours=hours)
        backup_path(data_file, f"before-restore-{hours:016x}", now=made).write_bytes(
            source.read_bytes()
        )
    source.unlink()
    prune_backups(data_file, now=now)
    kept = sorted(b.made_at for b in list_backups(data_file, describe=False))
    # The ten newest, and the newest of the day before (the daily rule: 27/11 23:00).
    assert kept == sorted(now - timedelta(hours=h) for h in range(11))


def test_a_small_disk_during_backup_names_the_copy(
    tmp_path: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dienchau_desktop import cli
    from tests.conftest import make_sample_file

    data = make_sample_file(tmp_path)
    fill_up(small_disk, 40_000)
    out = small_disk / "sao-luu.sqlite3"
    before = digest(data)
    assert cli.main(["backup", "--db", str(data), "--out", str(out)]) == 3
    error = capsys.readouterr().err
    assert f"Không ghi được bản sao «{out}» (ổ đĩa đã đầy)" in error, error
    assert "tệp dữ liệu" not in error.split("\n")[0]
    assert sorted(p.name for p in small_disk.iterdir()) == ["chiem-cho.bin"]  # no leftovers
    assert digest(data) == before


def test_a_small_disk_during_restore_names_the_data_file(
    tmp_path: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dienchau_desktop import cli
    from tests.conftest import make_sample_file

    source = make_sample_file(tmp_path)
    backup = make_backup(source, "manual")
    data = make_sample_file(small_disk)
    db = Database.open(data)
    plans.create_plan(db, "Việc của hôm nay")
    db.close()
    fill_up(small_disk, 40_000)
    before = plan_titles(data)
    assert cli.main(["restore", "--db", str(data), str(backup)]) == 4
    error = capsys.readouterr().err
    assert f"Không ghi được vào tệp dữ liệu «{data}» (ổ đĩa đã đầy)" in error, error
    assert str(backup) not in error
    assert plan_titles(data) == before
    assert not list(small_disk.glob("*.restoring*"))


def test_a_pipe_or_a_folder_given_as_the_backup_is_refused_at_once(
    data_file: Path, tmp_path: Path
) -> None:
    """A FIFO would block the read forever; a folder is not a backup. Both exit 3."""
    fifo = tmp_path / "ong.sqlite3"
    os.mkfifo(fifo)
    folder = tmp_path / "thu-muc.sqlite3"
    folder.mkdir()
    before = digest(data_file)
    for wrong in (fifo, folder):
        with pytest.raises(BadInputFileError) as info:
            restore_backup(wrong, data_file)
        assert info.value.message.startswith(f"«{wrong}» không phải bản sao lưu"), info.value
    assert digest(data_file) == before


def test_a_copy_killed_midway_is_cleared_by_the_next_copy_to_that_folder(
    data_file: Path, tmp_path: Path
) -> None:
    from dienchau_desktop.db.backup import backup_database

    usb = tmp_path / "usb"
    usb.mkdir()
    killed = usb / "sao-luu-1.sqlite3.partial"
    for path in (killed, Path(f"{killed}-wal"), Path(f"{killed}-shm")):
        path.write_bytes(b"x" * 100)
        hour_ago = (datetime.now() - timedelta(hours=1)).timestamp()
        os.utime(path, (hour_ago, hour_ago))
    backup_database(data_file, usb / "sao-luu-2.sqlite3")
    assert sorted(p.name for p in usb.iterdir()) == ["sao-luu-2.sqlite3"]
