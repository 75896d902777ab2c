"""One program at a time on a data file: the window holds this lock while the file is
open in it, and a restore from the command line refuses while it is held (the window
would go on showing, and saving over, what the restore replaced).

The operating system keeps the lock (flock on Linux, LockFileEx on Windows, through
the `filelock` package): a program that crashed or was killed lets go of it with its
process, so no stale-lock guessing by process id is needed. Qt-free, so the command
line and the window share it.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout


def lock_path(data_file: Path) -> Path:
    return Path(f"{data_file}.lock")


class DataFileLock:
    """The lock beside a data file (`<file>.lock`)."""

    def __init__(self, data_file: Path) -> None:
        self.path = lock_path(data_file)
        # One lock for the whole program, not one per thread.
        self._lock = FileLock(self.path, thread_local=False)

    def acquire(self, timeout: float = 0.2) -> bool:
        """Take the lock; False while another program holds it. A folder where no lock
        can be written (read-only) counts as free: opening the data file then says in
        words what is wrong."""
        try:
            self._lock.acquire(timeout=timeout)
        except Timeout:
            return False
        except OSError:
            return True
        return True

    @property
    def held(self) -> bool:
        """This program holds the lock."""
        return self._lock.is_locked

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)
