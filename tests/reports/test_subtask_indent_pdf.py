"""A task under another task is set in under it in the PDF tables (#16): in the plan's
appendix and in the progress report's, its title starts further right than its parent's,
one step a level, read back from the PDF's word positions (pdftotext -bbox)."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.export import ExportRequest, export_report
from dienchau_desktop.services import items, periods, plans

TITLES = ("Việc cha", "Việc con", "Việc cháu")


def plan_with_sub_tasks(db: Database) -> int:
    plan = plans.create_plan(db, "Kế hoạch có việc con", year=2026)
    periods.create_standard_periods(db, plan.id, 2026)
    section = items.add_item(db, plan.id, "section", "I. NHIỆM VỤ").id
    parent = items.add_item(db, plan.id, "task", "Việc cha", parent_id=section).id
    child = items.add_item(db, plan.id, "task", "Việc con", parent_id=parent).id
    items.add_item(db, plan.id, "task", "Việc cháu", parent_id=child)
    items.add_item(db, plan.id, "task", "Việc khác", parent_id=section)
    return plan.id


def check_indented(pdf: Path) -> None:
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    lefts: dict[str, float] = {}
    for line in re.findall(r"<line[^>]*>(.*?)</line>", html, re.S):
        words = re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', line)
        text = " ".join(w for _x, w in words)
        if text in (*TITLES, "Việc khác"):
            lefts[text] = float(words[0][0])
    assert set(lefts) == {*TITLES, "Việc khác"}, lefts
    assert lefts["Việc khác"] == lefts["Việc cha"]
    step = lefts["Việc con"] - lefts["Việc cha"]
    assert step > 8
    assert abs(lefts["Việc cháu"] - lefts["Việc con"] - step) < 0.5


def test_the_plan_appendix_sets_sub_tasks_in(db: Database, tmp_path: Path) -> None:
    plan = plan_with_sub_tasks(db)
    out = tmp_path / "phu-luc.pdf"
    export_report(db, ExportRequest("appendix", "pdf", plan), out)
    check_indented(out)


def test_the_progress_report_appendix_sets_sub_tasks_in(db: Database, tmp_path: Path) -> None:
    plan = plan_with_sub_tasks(db)
    period = periods.list_periods(db, plan)[0].id
    out = tmp_path / "bao-cao.pdf"
    export_report(db, ExportRequest("progress", "pdf", plan, period,
                                    report_date=date(2026, 6, 16)), out)  # fmt: skip
    appendix = tmp_path / "phu-luc.pdf"
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True,
                           check=True).stdout  # fmt: skip
    last = int(re.search(r"Pages:\s+(\d+)", pages).group(1))  # type: ignore[union-attr]
    # The appendix is the last page (part II writes the tasks as sentences, "+ Việc con").
    subprocess.run(["pdfseparate", "-f", str(last), "-l", str(last), str(out), str(appendix)],
                   check=True)  # fmt: skip
    check_indented(appendix)
