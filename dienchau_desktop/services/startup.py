"""Opening the data file at start: created with the sample plan on first run."""

from __future__ import annotations

from pathlib import Path

from dienchau_desktop.db.database import Database
from dienchau_desktop.services.plan_file import load_plan_file


def open_data_file(
    path: Path, sample_plan: Path | None, *, defer_large_check: bool = False
) -> Database:
    """Open `path`; a missing file is created holding the sample plan (if one is given)."""

    def fill(db: Database) -> None:
        if sample_plan is not None:
            load_plan_file(db, sample_plan)

    return Database.open(path, create=True, initialise=fill, defer_large_check=defer_large_check)
