"""Shared fixtures: every test works in its own temporary folder, never in the repo."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dienchau_desktop import paths
from dienchau_desktop.db.database import Database
from dienchau_desktop.services.plan_file import load_plan_file

FIXTURES = Path(__file__).parent / "fixtures"

# Qt's offscreen screen is 800×800 unless told otherwise; the window is tested on the
# screen the secretary has (1366×768), where a first start opens maximized.
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).parent / 'ui' / 'office-screen.json'}"
    )
SEED_TEXT = FIXTURES / "ke-hoach-dien-chau-2026.txt"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the user's real data folder out of reach of every test."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, empty data file."""
    database = Database.open(tmp_path / "data" / "test.sqlite3")
    yield database
    database.close()


@pytest.fixture
def sample_db(db: Database) -> Database:
    """A data file holding the built-in sample plan (plan id 1)."""
    load_plan_file(db, paths.sample_plan_file())
    return db


def make_sample_file(folder: Path) -> Path:
    """A closed data file holding the sample plan, as a user's would be."""
    path = folder / "ke-hoach.sqlite3"
    Database.open(path, initialise=lambda db: load_plan_file(db, paths.sample_plan_file())).close()
    return path


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    return make_sample_file(tmp_path)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a disk of 1 MB (a tmpfs mounted for the test: the tests run as root,
    on Linux, locally and in CI), to be filled with `fill_up`."""
    folder = tmp_path / "o-day"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert mounted.returncode == 0, f"this test mounts a small disk (needs root): {mounted}"
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill_up(folder: Path, leave: int) -> None:
    """Fill the disk `folder` is on but for `leave` bytes (a file «chiem-cho.bin»)."""
    stat = os.statvfs(folder)
    (folder / "chiem-cho.bin").write_bytes(b"\0" * max(0, stat.f_bavail * stat.f_frsize - leave))


def as_unprivileged_user(work: Callable[[], str]) -> str:
    """Run `work` in a forked child that is not root, and return what it returns, or the
    class and message of the `UserError` it raises. Root ignores file permissions, so
    under root the child drops to "nobody" first."""
    from dienchau_desktop.core.errors import UserError

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report through the pipe, never return into pytest
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            try:
                message = work()
            except UserError as error:
                message = f"{type(error).__name__} {error.message}"
            os.write(write_end, message.encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        output = pipe.read().decode()
    os.waitpid(pid, 0)
    return output
