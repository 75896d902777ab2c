"""Writing a report file whole or not at all, readable by whoever it is sent to."""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dienchau_desktop.core.errors import OutputFileError, os_reason

#: A report is written to ".~<its name>.<random>.partial" beside it, then renamed into
#: place: the name says whose it is and that it is unfinished.
PARTIAL_PREFIX = ".~"
PARTIAL_SUFFIX = ".partial"
#: A temporary older than this is left over by an export that was killed (a power cut,
#: the task manager, kill -9), and the next export into the folder removes it. The
#: largest plan (10,000 tasks) exports in under 30 s (benchmarks: 10 s to Excel, 30 s to
#: PDF at most): ten minutes is twenty times that, room for a slow office computer, and
#: a killed export's leftover goes with the next export a few minutes later instead of
#: an hour. Ages are read on the folder's own clock (see write_atomically), so a shared
#: folder whose server's clock is off does not make a running export's file look old.
#: Nothing younger is removed, even an empty one: a running export's temporary stays
#: empty until its report is built whole in memory and written at once, so being empty
#: does not tell a dead export's file from a live one's.
STALE_AFTER_S = 600
#: What `tempfile.mkstemp(suffix=".pdf")` named the temporaries of earlier versions;
#: a killed export left them behind empty.
_OLD_TEMPORARY = re.compile(r"tmp[a-z0-9_]{8}\.(pdf|xlsx)")


def write_atomically(out: Path, write: Callable[[str], None]) -> Path:
    """Have `write` fill a temporary file beside `out`, then rename it into place: a
    failure half-way (a hostile cell, a full disk) never leaves a broken report, nor
    touches a report of the same name written before. An `OSError` becomes an
    `OutputFileError` that names the file and says why in Vietnamese."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f"{PARTIAL_PREFIX}{out.name}.", suffix=PARTIAL_SUFFIX, dir=out.parent
        )
        os.close(handle)
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    try:
        # "Now" is when the folder's file system saw our temporary made: the ages of the
        # others are on the same clock, a shared folder's server's, whatever this
        # computer's clock says.
        remove_stale_temporaries(out.parent, now=os.stat(temporary).st_mtime)
        write(temporary)
        # mkstemp makes files private (0600); a report is made to be shared.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, out)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError) and _about(exc, out, temporary):
            raise cannot_write(out, exc) from exc
        raise
    return out


def cannot_write(out: Path, error: OSError) -> OutputFileError:
    reason = os_reason(error)
    return OutputFileError(
        f"Không ghi được tệp «{out}» ({reason}).",
        "Hãy chọn thư mục khác còn chỗ trống và cho phép ghi, hoặc đóng tệp nếu nó đang mở "
        "trong một chương trình khác.",
        reason=reason,
    )


def _about(error: OSError, out: Path, temporary: str) -> bool:
    """The error is about the file being written (not, say, a missing font file)."""
    names = {os.fspath(n) for n in (error.filename, error.filename2) if n is not None}
    return not names or bool(names & {str(out), temporary, str(out.parent)})


def is_partial(name: str) -> bool:
    """`name` is that of a report being written (or left over by a killed export)."""
    return name.startswith(PARTIAL_PREFIX) and name.endswith(PARTIAL_SUFFIX)


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Remove, from `folder`, the temporaries of exports that never finished (killed),
    older than STALE_AFTER_S at `now` (by default this computer's time): a running
    export's own temporary is younger. Also the empty "tmpXXXXXXXX.pdf|.xlsx" that
    earlier versions left. Returns what was removed; a file that cannot be removed
    (open elsewhere, no permission) is left alone."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        ours = is_partial(name)
        if not ours and not _OLD_TEMPORARY.fullmatch(name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            stat = entry.stat(follow_symlinks=False)
            if now - stat.st_mtime < STALE_AFTER_S or (not ours and stat.st_size):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
