"""How a PDF table breaks across pages when its rows are long: a row taller than
SPLIT_ROW_HEIGHT is cut at the foot of a page, a section row is never left alone at
the foot of a page when its first task can follow it onto the next one."""

from __future__ import annotations

import subprocess
from pathlib import Path

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.appendix import DEFAULT_COLUMNS, build_appendix
from dienchau_desktop.reports.pdf import export_pdf
from dienchau_desktop.services import items, plans


def words(count: int, start: int) -> str:
    return " ".join(f"từ{n}" for n in range(start, start + count))


def test_section_rows_go_to_the_next_page_with_their_first_task(
    db: Database, tmp_path: Path
) -> None:
    plan = plans.create_plan(db, "Kế hoạch có nhiệm vụ dài")
    for n in range(40):
        section = items.add_item(db, plan.id, "section", f"MỤC SỐ {n}")
        # From two lines to a page and a half: short rows, rows moved whole, rows cut.
        length = (12, 60, 110, 160, 400)[n % 5]
        items.add_item(db, plan.id, "task", f"Nhiệm vụ {n}: {words(length, 1000 * n)}",
                       parent_id=section.id)  # fmt: skip
    out = tmp_path / "phu-luc.pdf"
    export_pdf(build_appendix(db, plan.id, DEFAULT_COLUMNS), out)

    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) > 10
    for page in pages:
        last = [line for line in page.splitlines() if line.strip()][-1]
        assert "MỤC SỐ" not in last, page[-300:]
    for n in range(40):  # every task whole, in order
        shown = " ".join(text.split())
        length = (12, 60, 110, 160, 400)[n % 5]
        assert f"từ{1000 * n}" in shown and f"từ{1000 * n + length - 1}" in shown
