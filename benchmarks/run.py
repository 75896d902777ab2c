"""The benchmark: every user-facing operation in fresh processes, beside its floor.

    uv run --group bench python -m benchmarks.run            # full run (district data)
    uv run --group bench python -m benchmarks.run --quick    # sample and commune, < 60 s
    uv run --group bench python -m benchmarks.run --write-readme
    uv run --group bench python -m benchmarks.run --only edit --write-readme  # some cases

Each case runs several times, each time in a new process; the median and the spread
are reported, with the peak memory of the process. Floors (a bare Qt window, importing
SQLAlchemy, reading the rows with sqlite3, writing the cells with bare openpyxl…) are
measured in the same run, so a figure can be read as a ratio on this noisy machine.
Prints a readable table to stderr and one JSON object to stdout.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.generate import generate, generate_appendix_document, generate_plan_document
from benchmarks.ops import APPENDIX_DOCUMENT, PLAN_DOCUMENT

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "out"
README = ROOT / "benchmarks" / "README.md"


@dataclass(frozen=True)
class Case:
    name: str
    operation: str
    size: str
    target: float | None = None  # seconds, from the issues
    floor: str | None = None  # the case this one is read against
    parent_timed: bool = False  # from process start to first paint
    quick: bool = False  # part of --quick


CASES = [
    Case("floor: bare PySide6 window", "floor_bare_window", "small", parent_timed=True, quick=True),
    Case("floor: import sqlalchemy.orm", "floor_import_orm", "small", quick=True),
    Case("floor: sqlite3 reads all rows (commune)", "floor_sqlite_read", "commune", quick=True),
    Case("floor: sqlite3 reads all rows (district)", "floor_sqlite_read", "district"),
    Case("floor: copy the data file (district)", "floor_copy_file", "district"),
    Case("floor: openpyxl, 1,000 tasks unstyled", "floor_openpyxl", "thousand"),
    Case("floor: openpyxl, 10,000 tasks unstyled", "floor_openpyxl", "district"),
    Case("floor: reportlab, 1,000 tasks unstyled", "floor_reportlab", "thousand"),
    Case("floor: reportlab, 10,000 tasks unstyled", "floor_reportlab", "district"),
    Case("cold start, sample plan", "cold_start", "small", 0.8,
         "floor: bare PySide6 window", parent_timed=True, quick=True),
    Case("cold start, commune plan", "cold_start", "commune", None,
         "floor: bare PySide6 window", parent_timed=True, quick=True),
    Case("cold start, district plan", "cold_start", "district", None,
         "floor: bare PySide6 window", parent_timed=True),
    Case("open to tree shown, commune", "tree_after_open", "commune", 0.5,
         "floor: sqlite3 reads all rows (commune)", quick=True),
    Case("open to tree shown, district", "tree_after_open", "district", 0.5,
         "floor: sqlite3 reads all rows (district)"),
    Case("search keystroke, commune", "search_keystroke", "commune", 0.05, quick=True),
    Case("search keystroke, district", "search_keystroke", "district", 0.05),
    Case("overview page, commune", "overview_window", "commune", 0.3, quick=True),
    Case("overview page, district", "overview_window", "district", 0.3),
    Case("overview from the services, district", "overview_service", "district", 0.3),
    Case("units' view, commune", "units_view_window", "commune", 0.5, quick=True),
    Case("units' view, district", "units_view_window", "district", 0.5),
    Case("backup of the district file", "backup_file", "district", None,
         "floor: copy the data file (district)"),
    Case("appendix to Excel, 1,000 tasks", "export_appendix_xlsx", "thousand", 1.5,
         "floor: openpyxl, 1,000 tasks unstyled"),
    Case("appendix to PDF, 1,000 tasks", "export_appendix_pdf", "thousand", 3.0,
         "floor: reportlab, 1,000 tasks unstyled"),
    Case("appendix to Excel, 10,000 tasks", "export_appendix_xlsx", "district", 10.0,
         "floor: openpyxl, 10,000 tasks unstyled"),
    Case("appendix to PDF, 10,000 tasks", "export_appendix_pdf", "district", 30.0,
         "floor: reportlab, 10,000 tasks unstyled"),
    Case("import of the 100-page plan (.docx)", "import_plan_document", "small", 1.0),
    Case("import of a 1,000-row appendix (.docx)", "import_appendix_document", "small", 1.0),
    Case("import of 40 unit returns, 1,000 tasks", "import_returns", "thousand", 5.0),
    Case("email drafts for 30 units, 1,000 tasks", "draft_units", "thousand", 5.0),
    # #16's targets for the report with its part II task by task and its appendix.
    Case("progress report to Excel, 1,000 tasks", "export_progress_xlsx", "thousand", 0.5,
         "floor: openpyxl, 1,000 tasks unstyled"),
    Case("progress report to PDF, 1,000 tasks", "export_progress_pdf", "thousand", 1.5,
         "floor: reportlab, 1,000 tasks unstyled"),
    Case("progress report to Excel, 10,000 tasks", "export_progress_xlsx", "district", 10.0),
    Case("progress report to PDF, 10,000 tasks", "export_progress_pdf", "district", 30.0),
    Case("due list to Excel, 1,000 tasks", "export_due_xlsx", "thousand", 1.5),
    Case("due list to PDF, 1,000 tasks", "export_due_pdf", "thousand", 3.0),
    Case("due list to Excel, 10,000 tasks", "export_due_xlsx", "district", 10.0),
    Case("due list to PDF, 10,000 tasks", "export_due_pdf", "district", 30.0),
    Case("busiest unit's sheet to Excel, 1,000 tasks", "export_unit_xlsx", "thousand", 1.5),
    Case("busiest unit's sheet to PDF, 1,000 tasks", "export_unit_pdf", "thousand", 3.0),
    Case("busiest unit's sheet to Excel, 10,000 tasks", "export_unit_xlsx", "district", 10.0),
    Case("busiest unit's sheet to PDF, 10,000 tasks", "export_unit_pdf", "district", 30.0),
    Case("busiest unit's return form (Excel), 1,000 tasks", "export_return_form_xlsx",
         "thousand", 1.5),
    Case("busiest unit's return form (Excel), 10,000 tasks", "export_return_form_xlsx",
         "district", 10.0),
    Case("floor: repaint of the tree, 1,000 tasks (edit: cases)", "floor_tree_repaint",
         "thousand"),
    Case("floor: repaint of the tree, 10,000 tasks (edit: cases)", "floor_tree_repaint",
         "district"),
    # The same repaint with every row painted by the delegate (none from a kept picture).
    Case("floor: repaint of the tree, every row painted, 1,000 tasks",
         "floor_tree_repaint_unkept", "thousand"),
    Case("floor: repaint of the tree, every row painted, 10,000 tasks",
         "floor_tree_repaint_unkept", "district"),
    # Qt's own tree, all in C++, a row inserted: what an add costs Qt alone here.
    Case("floor: a row inserted into Qt's C++ tree (QTreeWidget), 1,000 tasks",
         "floor_tree_widget_insert", "thousand"),
    Case("floor: a row inserted into Qt's C++ tree (QTreeWidget), 10,000 tasks",
         "floor_tree_widget_insert", "district"),
    # What Qt's tree does after any row is added, removed or moved: every expanded row
    # laid out again, the viewport repainted (the floor of add, delete, undo and move).
    Case("floor: relayout of the tree, 1,000 tasks", "floor_tree_relayout", "thousand"),
    Case("floor: relayout of the tree, 10,000 tasks", "floor_tree_relayout", "district"),
    # The same repaint with Qt's own delegate and with one that paints nothing: what
    # the plan tree's delegate saves, and what is the view's alone.
    Case("floor: repaint of the tree, Qt's own delegate, 1,000 tasks",
         "floor_tree_repaint_qt_delegate", "thousand"),
    Case("floor: repaint of the tree, Qt's own delegate, 10,000 tasks",
         "floor_tree_repaint_qt_delegate", "district"),
    Case("floor: repaint of the tree, a delegate painting nothing, 1,000 tasks",
         "floor_tree_repaint_empty_delegate", "thousand"),
    Case("floor: repaint of the tree, a delegate painting nothing, 10,000 tasks",
         "floor_tree_repaint_empty_delegate", "district"),
    *(
        Case(f"edit: {what}, {label}", operation, size, target,
             f"floor: relayout of the tree, {label}" if rows_shift
             else f"floor: repaint of the tree, {label} (edit: cases)")
        for size, label, target in (("thousand", "1,000 tasks", 0.02),
                                    ("district", "10,000 tasks", 0.05))
        # An add, a delete, its undo and a move shift rows: Qt lays the tree out again.
        for what, operation, rows_shift in (
            ("a task's title", "edit_field", False),
            ("a task's title, units' view shown", "edit_field_by_unit", False),
            ("a progress entry", "edit_progress", False),
            ("add a task", "edit_add", True),
            ("delete a task", "edit_delete", True),
            ("undo the delete", "edit_undo_delete", True),
            ("move a task", "edit_move", True),
        )
    ),
    # Fifty items changed at once: no target in the issue (#17 asks for it, not its speed).
    *(
        Case(f"edit: 50 selected tasks' lead and deadline, {label}", "edit_batch", size, None,
             f"floor: repaint of the tree, {label} (edit: cases)")
        for size, label in (("thousand", "1,000 tasks"), ("district", "10,000 tasks"))
    ),
]  # fmt: skip

#: Peak memory target with the district file (MB), from the issues.
MEMORY_TARGET_MB = 300


def data_file(size: str) -> Path:
    """The generated data file of `size` (seeded, so the same every time)."""
    path = DATA / f"{size}.sqlite3"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        generate(path, size)
    return path


def plan_document() -> Path:
    """The 100-page plan (.docx) the import case reads, made with python-docx (seeded)."""
    path = DATA / PLAN_DOCUMENT
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        generate_plan_document(path, pages=100)
    return path


def appendix_document() -> Path:
    """The plan with a 1,000-row appendix (.docx) its import case reads (seeded)."""
    path = DATA / APPENDIX_DOCUMENT
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        generate_appendix_document(path, rows=1000)
    return path


def child_env(data_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    # Users run compiled bytecode (the frozen program ships it): let Python write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["DIENCHAU_DATA_DIR"] = data_dir
    return env


def run_once(case: Case, env: dict[str, str]) -> dict:
    command = [sys.executable, "-m", "benchmarks.ops", case.operation,
               "--db", str(data_file(case.size))]  # fmt: skip
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    painted = None
    result: dict = {}
    for line in process.stdout:
        if line.strip() == "PAINTED" and painted is None:
            painted = time.perf_counter() - start
        elif line.startswith("{"):
            result = json.loads(line)
    process.wait(timeout=600)
    if process.returncode != 0:
        raise RuntimeError(f"{case.name}: {process.stderr.read() if process.stderr else ''}")
    if case.parent_timed:
        if painted is None:
            raise RuntimeError(f"{case.name}: the window never painted")
        result["seconds"] = painted
    return result


def run(quick: bool, repeat: int, only: list[str] | None = None) -> dict:
    cases = [c for c in CASES if c.quick or not quick]
    if only:
        cases = [c for c in cases if any(text in c.name for text in only)]
    compileall.compile_dir(str(ROOT / "dienchau_desktop"), quiet=1)
    compileall.compile_dir(str(ROOT / "benchmarks"), quiet=1)
    for size in sorted({c.size for c in cases}):
        data_file(size)
    if any(c.operation == "import_plan_document" for c in cases):
        plan_document()
    if any(c.operation == "import_appendix_document" for c in cases):
        appendix_document()
    started = time.perf_counter()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as data_dir:
        env = child_env(data_dir)
        run_once(cases[0], env)  # warm the disk cache and the bytecode
        # In rounds, every case once a round: the machine's speed drifts over minutes,
        # and a case and its floor should see the same drift.
        all_runs: dict[str, list[dict]] = {case.name: [] for case in cases}
        for _ in range(repeat):
            for case in cases:
                all_runs[case.name].append(run_once(case, env))
        for case in cases:
            runs = all_runs[case.name]
            seconds = [r["seconds"] for r in runs]
            results[case.name] = {
                "operation": case.operation,
                "size": case.size,
                "median_s": round(statistics.median(seconds), 4),
                "min_s": round(min(seconds), 4),
                "max_s": round(max(seconds), 4),
                "peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs), 1),
                "target_s": case.target,
                "floor": case.floor,
                "runs": repeat,
            }
            if "worst" in runs[0]:
                results[case.name]["worst_keystroke_s"] = round(max(r["worst"] for r in runs), 4)
    for entry in results.values():
        floor = results.get(entry["floor"] or "")
        entry["ratio_to_floor"] = (
            round(entry["median_s"] / floor["median_s"], 2) if floor and floor["median_s"] else None
        )
        entry["meets_target"] = (
            entry["median_s"] <= entry["target_s"] if entry["target_s"] is not None else None
        )
    district = [e["peak_rss_mb"] for e in results.values()
                if e["size"] == "district" and not e["operation"].startswith("floor")]  # fmt: skip
    return {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "quick": quick,
        "only": only,
        "repeat": repeat,
        "total_seconds": round(time.perf_counter() - started, 1),
        "peak_rss_mb_district": max(district) if district else None,
        "memory_target_mb": MEMORY_TARGET_MB,
        "results": results,
    }


def table(report: dict) -> str:
    lines = [
        "| case | median s | spread s | peak MB | target s | × floor |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, e in report["results"].items():
        target = "" if e["target_s"] is None else f"{e['target_s']:g}"
        if e["meets_target"] is False:
            target += " (missed)"
        ratio = "" if e["ratio_to_floor"] is None else f"{e['ratio_to_floor']:g}"
        lines.append(
            f"| {name} | {e['median_s']:.3f} | {e['min_s']:.3f}–{e['max_s']:.3f} "
            f"| {e['peak_rss_mb']:.0f} | {target} | {ratio} |"
        )
    lines.append("")
    lines.append(
        f"{report['machine']}; {report['repeat']} runs each, each in a fresh process; "
        f"whole run {report['total_seconds']} s."
    )
    if report["peak_rss_mb_district"] is not None:
        lines.append(
            f"Peak memory with the district file: {report['peak_rss_mb_district']:.0f} MB "
            f"(target ≤ {report['memory_target_mb']} MB)."
        )
    return "\n".join(lines)


def write_readme(report: dict) -> None:
    text = README.read_text(encoding="utf-8")
    begin, end = "<!-- figures:begin -->", "<!-- figures:end -->"
    head, rest = text.split(begin, 1)
    figures, tail = rest.split(end, 1)
    new = table(report)
    if report.get("only"):
        new = _merged(figures, new, report)
    README.write_text(f"{head}{begin}\n{new}\n{end}{tail}", encoding="utf-8")


def _merged(old: str, new: str, report: dict) -> str:
    """The table in the README with the rows of the cases just run put in (in the
    order of CASES), the others kept from their last run; a line says which."""

    def rows(text: str) -> dict[str, str]:
        return {line.split(" | ")[0][2:]: line for line in text.splitlines()
                if line.startswith("| ") and not line.startswith("| case ")}  # fmt: skip

    kept, fresh = rows(old), rows(new)
    lines = new.splitlines()[:2]
    lines += [fresh.get(c.name) or kept[c.name] for c in CASES if c.name in fresh or c.name in kept]
    cases = ", ".join(f"«{text}»" for text in report["only"])
    said = f"Cases named with {cases}:"
    notes = [line for line in old.strip().splitlines()
             if line and not line.startswith("|") and not line.startswith(said)]  # fmt: skip
    notes.append(
        f"{said} a run of those alone, {report['repeat']} runs each, each in a fresh "
        f"process; {report['total_seconds']} s."
    )
    return "\n".join([*lines, "", *notes])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sample and commune sizes only")
    parser.add_argument("--repeat", type=int, default=None, help="runs per case (5; quick 3)")
    parser.add_argument("--write-readme", action="store_true", help="put the table in README")
    parser.add_argument("--only", action="append", metavar="TEXT",
                        help="only the cases whose name holds TEXT (may be repeated)")  # fmt: skip
    args = parser.parse_args(argv)
    report = run(args.quick, args.repeat or (3 if args.quick else 5), args.only)
    print(table(report), file=sys.stderr)
    print(json.dumps(report, ensure_ascii=False))
    if args.write_readme:
        write_readme(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
