"""Killing the program at random moments (SIGKILL, as a power cut kills it) loses
nothing that was reported saved, and never leaves a damaged file.

Children are forked from a clean multiprocessing fork server (the test process runs
Qt), each doing numbered work and reporting each commit through a pipe; the parent
kills them after a random delay, then checks the file: integrity_check, it opens,
and every reported edit is in it. Over 200 kills in all, during edits, backups and
restores.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from dienchau_desktop.db.backup import backup_folder, make_backup
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items
from tests.db import crash_worker

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

EDIT_KILLS = 200
#: The longest a child goes on working, after its first reported piece of work, before
#: its kill (s).
EDIT_WINDOW = 0.25
BACKUP_KILLS = 30
RESTORE_KILLS = 30


@pytest.fixture(scope="module")
def context() -> multiprocessing.context.ForkServerContext:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(
        ["dienchau_desktop.services.items", "dienchau_desktop.db.backup", "tests.db.crash_worker"]
    )
    return ctx


def run_and_kill(ctx, target, args: tuple, rng: random.Random, most: float) -> list[tuple]:
    """Start `target`, let it work for a random while, SIGKILL it; return its reports."""
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=target, args=(*args, sender), daemon=True)
    process.start()
    sender.close()
    reports: list[tuple] = []
    # Half the kills come while it is still opening the file, half while it works:
    # those wait for its first piece of work done (not a fixed time, which a busy
    # machine spends opening the file), then let it go on for a random while.
    if rng.random() < 0.5:
        while receiver.poll(10):
            reports.append(receiver.recv())
            if reports[-1][0] != "ready":
                break
    deadline = time.monotonic() + rng.uniform(0.0, most)
    while time.monotonic() < deadline:
        if receiver.poll(0.002):
            reports.append(receiver.recv())
    os.kill(process.pid, signal.SIGKILL)
    process.join(10)
    while receiver.poll():
        try:
            reports.append(receiver.recv())
        except EOFError:
            break
    receiver.close()
    return reports


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def titles(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT title FROM plan_item")}
    finally:
        conn.close()


def test_kills_during_edits_lose_nothing_reported(context, data_file: Path) -> None:
    rng = random.Random(20261128)
    db = Database.open(data_file)
    task = items.plan_tree(db, 1).tasks()[0].id
    db.close()
    next_seq, verified, last_note, during_work = 0, 0, None, 0
    for _ in range(EDIT_KILLS):
        reports = run_and_kill(context, crash_worker.edit_loop,
                               (str(data_file), next_seq, 1, task), rng, EDIT_WINDOW)  # fmt: skip
        committed = [seq for kind, seq in reports if kind == "committed"]
        noted = [seq for kind, seq in reports if kind == "noted"]
        assert integrity(data_file) == "ok"
        db = Database.open(data_file, create=False)  # opens after every kill
        stored = {n.title for n in items.plan_tree(db, 1).nodes}
        note = items.get_item(db, task).notes
        db.close()
        assert {f"edit-{seq}" for seq in committed} <= stored
        if noted:
            last_note = noted[-1]
        if last_note is not None:
            # The newest reported note, or one written after it before the kill.
            assert int(note.removeprefix("note-")) >= last_note
        verified += len(committed)
        during_work += bool(committed)
        seen = [int(t.removeprefix("edit-")) for t in stored if t.startswith("edit-")]
        next_seq = max(seen, default=-1) + 1
    print(f"\n{EDIT_KILLS} kills during edits survived ({during_work} after edits were "
          f"reported); {verified} reported edits verified")  # fmt: skip
    assert during_work >= EDIT_KILLS // 3  # the kills did land while work was being done


def test_kills_during_backups_leave_the_file_and_the_backups_sound(
    context, data_file: Path
) -> None:
    rng = random.Random(7)
    next_seq = 0
    for _ in range(BACKUP_KILLS):
        reports = run_and_kill(context, crash_worker.backup_loop,
                               (str(data_file), next_seq, 1), rng, 0.4)  # fmt: skip
        committed = [seq for kind, seq in reports if kind == "committed"]
        assert integrity(data_file) == "ok"
        assert {f"edit-{s}" for s in committed} <= titles(data_file)
        # A backup under its final name is complete; a cut one only ever has ".partial".
        for backup in backup_folder(data_file).glob("*.sqlite3"):
            assert integrity(backup) == "ok", backup.name
        seen = [int(t.removeprefix("edit-")) for t in titles(data_file) if t.startswith("edit-")]
        next_seq = max(seen, default=-1) + 1
    Database.open(data_file, create=False).close()


def test_kills_during_restores_leave_one_whole_file(context, data_file: Path) -> None:
    rng = random.Random(11)
    first = make_backup(data_file, "first")
    db = Database.open(data_file)
    items.add_item(db, 1, "section", "MỤC CHỈ CÓ TRONG BẢN THỨ HAI")
    db.close()
    second = make_backup(data_file, "second")
    one, two = titles(first), titles(second)
    assert one != two
    for _ in range(RESTORE_KILLS):
        run_and_kill(context, crash_worker.restore_loop,
                     (str(data_file), str(first), str(second)), rng, 0.3)  # fmt: skip
        assert integrity(data_file) == "ok"
        assert titles(data_file) in (one, two)  # one backup or the other, never a mix
        Database.open(data_file, create=False).close()
