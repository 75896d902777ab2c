"""Recording a return (issue 14, items 5 and 8): the same return imported by two
processes at the same moment is recorded once, and a data file that cannot be written
(a full disk) is said to be the data file's problem, exit code 4, not the return's."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dienchau_desktop import cli, paths
from dienchau_desktop.core.errors import DataFileError
from dienchau_desktop.db import errors
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers.returns import (
    import_return,
    read_return,
    record_return,
)
from dienchau_desktop.services import progress
from tests.conftest import make_sample_file
from tests.importers.test_returns import fill
from tests.importers.test_returns_forged import export, stored

# Each child reads the return, then waits until the other has read it too, and only
# then records: the two imports overlap exactly where the old code raced.
CHILD = """
import sys, time
from pathlib import Path
from dienchau_desktop import cli
from dienchau_desktop.importers import returns

meeting, name, *argv = sys.argv[1:]
real = returns.read_return

def read_then_wait(db, path):
    contents = real(db, path)
    Path(meeting, name).touch()
    deadline = time.monotonic() + 60
    while len(list(Path(meeting).iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    return contents

returns.read_return = read_then_wait
sys.exit(cli.main(argv))
"""


def test_the_same_return_imported_twice_at_once_is_recorded_once(tmp_path: Path) -> None:
    data = make_sample_file(tmp_path)
    db = Database.open(data)
    try:
        form = export(db, tmp_path)
        fill(form, {0: ("Đang thực hiện", 40, "Đang làm"), 1: ("Tạm dừng", 10),
                    2: ("Hoàn thành", 100, "Xong", "02/03/2026")})  # fmt: skip
        before = len(stored(db))
    finally:
        db.close()
    meeting = tmp_path / "meeting"
    meeting.mkdir()
    env = {**os.environ, paths.DATA_DIR_ENV: str(tmp_path / "user")}
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHILD,
                str(meeting),
                name,
                "import-returns",
                str(form),
                "--json",
                "--db",
                str(data),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    results = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0, 0], results
    summaries = sorted((json.loads(out) for out, _err in results), key=lambda s: -s["recorded"])
    assert [(s["recorded"], s["unchanged"]) for s in summaries] == [(3, 0), (0, 3)]
    db = Database.open(data)
    try:
        assert len(stored(db)) == before + 3  # each row once
    finally:
        db.close()


def disk_full(db: Database, *_args: object, **_kwargs: object) -> None:
    """What a write transaction raises when SQLite finds the disk full."""
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
    translated = errors.translate(full, db.path)
    assert translated is not None
    raise translated


def test_a_full_disk_while_recording_is_the_data_files_problem(
    sample_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = export(sample_db, tmp_path)
    fill(form, {0: ("Đang thực hiện", 40, "Đang làm")})
    before = stored(sample_db)

    monkeypatch.setattr(progress, "record_entries", disk_full)
    with pytest.raises(DataFileError) as info:
        import_return(sample_db, form)
    assert info.value.exit_code == 4
    assert "ổ đĩa đã đầy" in info.value.message and "mau.xlsx" not in info.value.message
    assert stored(sample_db) == before


def test_the_command_line_exits_4_on_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = make_sample_file(tmp_path)
    db = Database.open(data)
    try:
        form = export(db, tmp_path)
    finally:
        db.close()
    fill(form, {0: ("Đang thực hiện", 40, "Đang làm")})

    monkeypatch.setattr(progress, "record_entries", disk_full)
    assert cli.main(["import-returns", str(form), "--db", str(data)]) == 4
    error = capsys.readouterr().err
    assert "Không ghi được vào tệp dữ liệu" in error and "ổ đĩa đã đầy" in error


def test_record_return_gives_what_an_undo_withdraws(sample_db: Database, tmp_path: Path) -> None:
    """The window records a return it has shown (read_return) with record_return: rows
    recorded meanwhile are not recorded twice, and the ids it gives are what undo takes
    back."""
    form = export(sample_db, tmp_path)
    fill(form, {0: ("Đang thực hiện", 40, "Đang làm"), 1: ("Tạm dừng", 10)})
    shown = read_return(sample_db, form)
    assert len(shown.entries) == 2
    before = {row[0] for row in stored(sample_db)}
    import_return(sample_db, form)  # meanwhile, the same file from the command line
    assert record_return(sample_db, shown) == []
    by_the_command_line = sorted({row[0] for row in stored(sample_db)} - before)
    assert len(by_the_command_line) == 2
    progress.withdraw_entries(sample_db, by_the_command_line)  # its undo, say
    recorded = record_return(sample_db, shown)
    assert [(e.item_id, e.status) for e in recorded] == [
        (e.item_id, e.status) for e in shown.entries
    ]
    progress.withdraw_entries(sample_db, [e.id for e in recorded])
    assert {row[0] for row in stored(sample_db)} == before
