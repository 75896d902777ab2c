"""A task's state is shown as entered in the overview's lists and the report's rows,
while the counts keep the official buckets; work completed after the cut-off is said
to be so, never "in progress" at 100 %."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from dienchau_desktop.core.buckets import Bucket
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.progress_pdf import export_progress_pdf
from dienchau_desktop.reports.progress_report import (
    build_progress_report,
    task_heading,
    task_sentence,
)
from dienchau_desktop.reports.progress_xlsx import export_progress_xlsx
from dienchau_desktop.services import items, overview, periods, plans, progress

#: title: (deadline, status, percent, completion date); None: nothing reported.
TASKS = {
    "Việc chưa làm": ("Quý IV/2025", "not_started", None, None),
    "Việc tạm dừng": ("Quý IV/2025", "paused", 30, None),
    "Việc không làm": ("Tháng 3/2025", "cancelled", None, None),
    "Việc đang làm": ("Quý IV/2025", "in_progress", 50, None),
    "Việc xong": ("Quý IV/2025", "completed", None, date(2025, 3, 1)),
    # Recorded in the 6-month period, done after its cut-off (14/06/2025).
    "Việc xong sau ngày chốt": ("Quý IV/2025", "completed", None, date(2025, 6, 20)),
    "Việc chưa báo cáo": ("Tháng 5/2025", None, None, None),
}
STATES = {
    "Việc chưa làm": "Chưa thực hiện",
    "Việc tạm dừng": "Tạm dừng",
    "Việc không làm": "Không thực hiện",
    "Việc đang làm": "Đang thực hiện",
    "Việc xong": "Hoàn thành",
    "Việc xong sau ngày chốt": "Hoàn thành sau ngày chốt số liệu",
    "Việc chưa báo cáo": "Chưa báo cáo",
}


def plan_in_every_state(db: Database) -> tuple[int, periods.PeriodInfo, dict[str, int]]:
    plan = plans.create_plan(db, "Kế hoạch chuyển đổi số năm 2025", number="7", year=2025)
    half, _year = periods.create_standard_periods(db, plan.id, 2025)
    group = items.add_item(db, plan.id, "section", "NHIỆM VỤ").id
    ids = {}
    for title, (deadline, status, percent, done_on) in TASKS.items():
        ids[title] = items.add_item(db, plan.id, "task", title, parent_id=group,
                                    deadline=deadline).id  # fmt: skip
        if status is not None:
            progress.record_progress(db, ids[title], half.id, status=status, percent=percent,
                                     completed_on=done_on)  # fmt: skip
    return plan.id, half, ids


def test_the_overview_keeps_the_buckets_and_shows_the_states(db: Database) -> None:
    plan_id, half, ids = plan_in_every_state(db)
    view = overview.overview(db, plan_id, half.id, today=date(2025, 7, 1))
    assert {title: view.state_of(ids[title]) for title in TASKS} == STATES
    # The counts are the official ones: done after the cut-off is not done by then.
    assert view.buckets[ids["Việc xong sau ngày chốt"]] is Bucket.IN_PROGRESS
    assert view.overall.count(Bucket.IN_PROGRESS) == 4
    assert view.overall.count(Bucket.OVERDUE) == 2
    assert view.overall.count(Bucket.COMPLETED) == 1
    # The overdue list (about today, 01/07/2025) says what was reported.
    assert [(line.title, line.status) for line in view.overdue] == [
        ("Việc không làm", "Không thực hiện"),
        ("Việc chưa báo cáo", "Chưa báo cáo"),
    ]


def test_report_rows_show_the_state_as_entered(db: Database, tmp_path: Path) -> None:
    plan_id, half, _ids = plan_in_every_state(db)
    report = build_progress_report(db, plan_id, half.id, report_date=date(2025, 6, 16))
    heads = [c.heading for c in report.appendix.columns]
    assert heads == ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Trạng thái", "%",
                     "Kết quả", "Ngày hoàn thành"]  # fmt: skip
    rows = {r.cells[1]: dict(zip(heads, r.cells, strict=True))
            for r in report.appendix.rows if r.kind == "task"}  # fmt: skip
    assert {title: row["Trạng thái"] for title, row in rows.items()} == STATES
    late = rows["Việc xong sau ngày chốt"]
    assert (late["%"], late["Ngày hoàn thành"], late["Thời hạn"]) == (
        "100",
        "20/06/2025",
        "Quý IV/2025",
    )
    assert rows["Việc tạm dừng"]["%"] == "30"
    assert [r.cells for r in report.appendix.rows if r.kind == "section"] == [("I. NHIỆM VỤ",)]

    sentences = [line for s in report.sections for line in map(task_sentence, s.tasks)]
    late_line = "Hoàn thành sau ngày chốt số liệu (ngày 20/06/2025)."
    assert f"- Việc xong sau ngày chốt: {late_line}" in sentences
    assert "- Việc chưa báo cáo: Chưa báo cáo; quá hạn (Tháng 5/2025)." in sentences
    assert "- Việc tạm dừng: Tạm dừng, đạt 30\u00a0%." in sentences
    assert "- Việc chưa làm: Chưa thực hiện." in sentences
    assert "- Việc xong: Hoàn thành ngày 01/03/2025." in sentences
    # Part IV: overdue work carried over, then what is due by the end of the next period
    # (31/12/2025 after the 6-month report), not what is done; no "()" where no unit
    # leads it yet.
    assert [task_heading(t) for t in report.next_tasks] == [
        "- Việc không làm",
        "- Việc chưa báo cáo",
        "- Việc chưa làm",
        "- Việc tạm dừng",
        "- Việc đang làm",
    ]

    pdf = " ".join(subprocess.run(
        ["pdftotext", "-raw", str(export_progress_pdf(report, tmp_path / "bc.pdf")), "-"],
        capture_output=True, text=True, check=True,
    ).stdout.replace("\u00a0", " ").split())  # fmt: skip
    for words in ("Tạm dừng, đạt 30 %", "Không thực hiện; quá hạn", "Chưa thực hiện.",
                  "Chưa báo cáo", "Hoàn thành sau ngày chốt số liệu (ngày 20/06/2025)"):  # fmt: skip
        assert words in pdf, words
    assert "Đang thực hiện, trong hạn, 100" not in pdf
    assert "[" not in pdf and "]" not in pdf

    book = load_workbook(export_progress_xlsx(report, tmp_path / "bc.xlsx"))
    texts = [
        c.value for row in book["Báo cáo"].iter_rows() for c in row if isinstance(c.value, str)
    ]
    assert "- Việc chưa báo cáo: Chưa báo cáo; quá hạn (Tháng 5/2025)." in texts
    table = [[c.value for c in row] for row in book["Kết quả"].iter_rows()]
    late_row = next(row for row in table if row[1] == "Việc xong sau ngày chốt")
    assert late_row[3:8] == [
        "Quý IV/2025",
        "Hoàn thành sau ngày chốt số liệu",
        1,  # 100 %, stored as a number (tests/reports/test_progress_xlsx.py)
        None,
        datetime(2025, 6, 20),
    ]
