"""Writing a report file whole or not at all, readable by whoever it is sent to."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(out: Path, write: Callable[[str], None]) -> Path:
    """Have `write` fill a temporary file beside `out`, then rename it into place: a
    failure half-way (a hostile cell, a full disk) never leaves a broken report."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=out.suffix, dir=out.parent)
    os.close(handle)
    try:
        write(temporary)
        # mkstemp makes files private (0600); a report is made to be shared.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return out
