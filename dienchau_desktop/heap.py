"""Telling Python's cyclic garbage collector what is here to stay.

Once a data file is open, the process holds a few hundred thousand objects that live
as long as it does: Qt's and SQLAlchemy's modules and, in the window, the plan's tree
(11,000 items in a district plan). Every full collection walks them all again, and a
large read or report (10,000 progress entries, 10,000 rows) triggers several: a tenth
to a sixth of the overview's time on a district file went to that. `settle()` moves what is alive
to the collector's permanent generation, so later collections look only at what was
made after it.

Frozen objects are still freed by reference counting as usual; only reference cycles
among them would never be reclaimed, and those are the program's own long-lived
structures (the window and its widgets), which live until the process ends anyway.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def settle() -> None:
    """Call once start-up is done and the data file is open (window built, or a
    command's data file opened)."""
    gc.freeze()


@contextmanager
def collection_paused() -> Iterator[None]:
    """Build something large that lives until it is written out (a report's 100,000
    cells) without the collector walking it again and again: nothing made in here is
    garbage before the end, and the collections it triggered were 15% of a 10,000-task
    workbook's time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
