"""A report that is one long table under a heading (the appendix, the due list): the
data every renderer (xlsx.py, pdf.py) lays out the same way."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    heading: str
    width: float  # Excel characters; PDF widths are in the same proportions
    centred: bool = False
    #: Its cells are amounts as the reports print them ("1.500,5"): the Excel file
    #: keeps them as numbers (reports.xlsx.AMOUNT), the PDF prints the text.
    amount: bool = False


@dataclass(frozen=True, slots=True)
class TableRow:
    """A section row (one cell, spanning the table) or a data row (a cell per column)."""

    kind: str  # "section" or "task"
    depth: int
    cells: tuple[str, ...]
    #: A task under other tasks (not under a section): how many, so that its title is
    #: set in under theirs (0: directly under its section, or at the top level).
    indent: int = 0


@dataclass(frozen=True)
class TableReport:
    heading: str  # "PHỤ LỤC"
    subject: str  # "DANH MỤC NHIỆM VỤ"
    note: str  # "(Kèm theo Kế hoạch số …)"
    columns: tuple[Column, ...]
    rows: tuple[TableRow, ...]

    @property
    def task_count(self) -> int:
        return sum(1 for r in self.rows if r.kind == "task")
