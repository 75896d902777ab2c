"""A paragraph longer than an Excel cell holds (32,767 characters) goes on in the rows
below: a task's sentence in the progress report joins its title and its result, each
up to 20,000 characters. openpyxl would cut it off without a word."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from dienchau_desktop.core.text import MAX_LONG_TEXT
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.progress_report import build_progress_report
from dienchau_desktop.reports.progress_xlsx import export_progress_xlsx
from dienchau_desktop.reports.xlsx import CELL_LIMIT, cell_pieces
from dienchau_desktop.services import items, periods, progress


def numbered(prefix: str, length: int) -> str:
    return " ".join(f"{prefix}{n:05d}" for n in range((length + 1) // (len(prefix) + 6)))


def test_cell_pieces_cut_after_a_space_and_keep_every_character() -> None:
    text = numbered("w", 100_000)
    pieces = cell_pieces(text)
    assert len(pieces) == 4
    assert all(len(p) <= CELL_LIMIT for p in pieces)
    assert " ".join(pieces) == text
    spaceless = "x" * 70_000
    assert cell_pieces(spaceless) == ["x" * CELL_LIMIT, "x" * CELL_LIMIT, "x" * 4466]
    assert cell_pieces("ngắn") == ["ngắn"]


def test_a_task_sentence_longer_than_a_cell_goes_on_below(
    sample_db: Database, tmp_path: Path
) -> None:
    title, result = numbered("tt", MAX_LONG_TEXT), numbered("kq", MAX_LONG_TEXT)
    task = next(iter(items.plan_tree(sample_db, 1).tasks()))
    items.update_item(sample_db, task.id, title=title)
    period = periods.list_periods(sample_db, 1)[-1]
    progress.record_progress(sample_db, task.id, period.id, status="in_progress",
                             result_text=result)  # fmt: skip
    out = tmp_path / "bao-cao.xlsx"
    export_progress_xlsx(build_progress_report(sample_db, 1, period.id), out)

    sheet = load_workbook(out)["Báo cáo"]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert max(len(c) for c in cells) <= CELL_LIMIT
    text = " ".join(cells)
    assert title in text
    assert result in text
