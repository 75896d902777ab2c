"""The benchmark's generator makes the data files it promises (sizes, shapes, validity)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate
from dienchau_desktop.core.deadline import parse_deadline
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.inspect import inspect_file
from dienchau_desktop.services import items, periods


def test_commune_file_is_a_real_plan(tmp_path: Path) -> None:
    path = generate(tmp_path / "commune.sqlite3", "commune")
    report = inspect_file(path)
    [plan] = report.plans
    assert plan.tasks == 300
    assert report.units == 40
    assert report.progress_entries == 600
    db = Database.open(path)
    tree = items.plan_tree(db, plan.id)
    assert [n.title for n in tree.roots()] == [
        "MỤC ĐÍCH, YÊU CẦU",
        "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
        "TỔ CHỨC THỰC HIỆN",
    ]
    assert max(n.depth for n in tree.nodes) >= 4  # nested groups, as real plans have
    tasks = tree.tasks()
    assert all(t.lead_unit_name for t in tasks)
    # Deadlines are stored the way the program itself would store them.
    for task in tasks[:50]:
        parsed = parse_deadline(task.deadline_text)
        assert parsed is not None and parsed.due == task.due_date
    kinds = {t.deadline_kind for t in tasks}
    assert {"day", "month", "quarter", "year", "recurring"} <= kinds
    assert len(periods.list_periods(db, plan.id)) == 4
    db.close()


def test_same_seed_same_file_content(tmp_path: Path) -> None:
    first = inspect_file(generate(tmp_path / "a.sqlite3", "commune", seed=7))
    second = inspect_file(generate(tmp_path / "b.sqlite3", "commune", seed=7))
    assert first.plans[0].title == second.plans[0].title
