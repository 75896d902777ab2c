"""Where things live: the user's data folder, portable mode, the bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "DienChauDesktop"
DATA_FILE_NAME = "ke-hoach.sqlite3"
#: A file with this name beside the program keeps all data in a `data` folder next to
#: it, so the program runs from a USB stick without touching the PC.
PORTABLE_MARKER = "portable.txt"
#: Overrides the data folder (tests, and offices that keep data on a shared drive).
DATA_DIR_ENV = "DIENCHAU_DATA_DIR"


def program_dir() -> Path:
    """The folder of the frozen executable, or of the source checkout."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The `resources` folder: in the PyInstaller bundle, the checkout, or the wheel."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "resources"


def is_portable() -> bool:
    return (program_dir() / PORTABLE_MARKER).is_file()


def data_dir() -> Path:
    """The folder holding the data file, its backups and the log."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    if is_portable():
        return program_dir() / "data"
    from platformdirs import user_data_dir

    # Not roaming: a data file on a roaming profile is copied at every log-on.
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_data_file() -> Path:
    return data_dir() / DATA_FILE_NAME


def sample_plan_file() -> Path:
    """The built-in sample plan: UBND xã Diễn Châu's 2026 plan."""
    return resources_dir() / "sample" / "ke-hoach-dien-chau-2026.json"
