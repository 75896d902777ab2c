"""What the crash-safety test's child processes do until they are killed (SIGKILL).

Each function runs in a process forked from a clean fork server; it reports through a
pipe only after the work it names is committed (or written and checked), so the parent
knows what must have survived the kill.
"""

from __future__ import annotations

from multiprocessing.connection import Connection
from pathlib import Path


def edit_loop(data_file: str, first: int, plan_id: int, task_id: int, out: Connection) -> None:
    """Numbered edits through the services: add "edit-N", now and then change a task."""
    from dienchau_desktop.db.database import Database
    from dienchau_desktop.services import items

    db = Database.open(Path(data_file), create=False)
    out.send(("ready", None))
    seq = first
    while True:
        items.add_item(db, plan_id, "task", f"edit-{seq}", deadline="Quý IV/2026")
        out.send(("committed", seq))
        if seq % 5 == 0:
            items.update_item(db, task_id, notes=f"note-{seq}")
            out.send(("noted", seq))
        seq += 1


def backup_loop(data_file: str, first: int, plan_id: int, out: Connection) -> None:
    """Backups of the data file, with edits between them."""
    from dienchau_desktop.db.backup import make_backup
    from dienchau_desktop.db.database import Database
    from dienchau_desktop.services import items

    db = Database.open(Path(data_file), create=False)
    out.send(("ready", None))
    seq = first
    while True:
        make_backup(Path(data_file), "crash-test", keep_daily=3, keep_monthly=1)
        out.send(("backup", None))
        items.add_item(db, plan_id, "task", f"edit-{seq}")
        out.send(("committed", seq))
        seq += 1


def restore_loop(data_file: str, first_backup: str, second_backup: str, out: Connection) -> None:
    """Restores of two different backups over the data file, one after the other."""
    from dienchau_desktop.db.restore import restore_backup

    out.send(("ready", None))
    turn = 0
    while True:
        source = first_backup if turn % 2 == 0 else second_backup
        restore_backup(Path(source), Path(data_file))
        out.send(("restored", source))
        turn += 1
