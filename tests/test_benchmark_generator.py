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


def test_a_run_of_some_cases_replaces_only_their_rows(tmp_path: Path, monkeypatch) -> None:
    """`run.py --only … --write-readme`: the cases run get new rows, the others keep
    theirs, and a line under the table says which run the new rows came from."""
    from benchmarks import run

    first, second = run.CASES[0].name, run.CASES[1].name
    readme = tmp_path / "README.md"
    readme.write_text(
        "Intro\n<!-- figures:begin -->\n| case | median s |\n|---|---:|\n"
        f"| {first} | 1.000 |\n| {second} | 2.000 |\n\nWhole run 400 s.\n"
        "<!-- figures:end -->\nAfter\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(run, "README", readme)
    entry = {"median_s": 0.5, "min_s": 0.4, "max_s": 0.6, "peak_rss_mb": 10.0,
             "target_s": None, "meets_target": None, "ratio_to_floor": None}  # fmt: skip
    report = {"machine": "m", "repeat": 3, "total_seconds": 9.0, "only": ["x"],
              "peak_rss_mb_district": None, "results": {second: entry}}  # fmt: skip
    run.write_readme(report)
    text = readme.read_text(encoding="utf-8")
    assert f"| {first} | 1.000 |" in text
    assert f"| {second} | 0.500 | 0.400–0.600 |" in text
    assert text.index(first) < text.index(second)
    assert "Whole run 400 s." in text and "Cases named with «x»:" in text
    assert text.startswith("Intro\n") and text.endswith("<!-- figures:end -->\nAfter\n")
