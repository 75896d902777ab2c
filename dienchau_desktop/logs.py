"""The program's log: a rotating file in the data folder, for the crash dialog to name."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from dienchau_desktop import paths

LOG_NAME = "dienchau-desktop.log"
_configured: Path | None = None


def log_file() -> Path:
    return paths.data_dir() / "logs" / LOG_NAME


def setup_logging() -> Path | None:
    """Log to a rotating file (1 MB × 5); None if the folder cannot be written."""
    global _configured
    path = log_file()
    if _configured == path:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path
