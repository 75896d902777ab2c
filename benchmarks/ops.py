"""One benchmark operation, run in a fresh process by `benchmarks/run.py`.

    python -m benchmarks.ops OPERATION --db FILE

Prints one JSON line: {"seconds": …, "peak_rss_mb": …, …}. Operations that time a
process start ("cold_start") print "PAINTED" when the first window is on screen and
let the parent do the timing, so the interpreter's own start is counted.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

OPERATIONS: dict[str, Callable[[argparse.Namespace], dict]] = {}
#: The 100-page plan document, beside the data files.
PLAN_DOCUMENT = "plan-100-pages.docx"
APPENDIX_DOCUMENT = "plan-appendix-1000-rows.docx"


def operation(func: Callable[[argparse.Namespace], dict]) -> Callable[[argparse.Namespace], dict]:
    OPERATIONS[func.__name__] = func
    return func


def _peak_mb() -> float:
    """Peak resident memory of this process in MB.

    VmHWM, not getrusage: Linux carries ru_maxrss over exec, so a child would report
    its parent's peak when that was higher.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _open(path: Path):
    """The data file opened as the command line opens it (`cli._open_existing`): the
    objects alive then are settled out of the garbage collector's way."""
    from dienchau_desktop import heap
    from dienchau_desktop.db.database import Database

    db = Database.open(path)
    heap.settle()
    return db


def _when_painted(widget, on_painted: Callable[[], None]) -> None:
    from dienchau_desktop.ui.first_paint import when_painted

    when_painted(widget, on_painted)


# ---------------------------------------------------------------------------- floors


@operation
def floor_bare_window(args: argparse.Namespace) -> dict:
    """A bare PySide6 window, from process start to first paint (parent times it)."""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv)
    label = QLabel("Theo dõi kế hoạch")
    label.resize(1366, 768)
    _when_painted(label, lambda: (print("PAINTED", flush=True), app.quit()))
    label.show()
    app.exec()
    return {"peak_rss_mb": _peak_mb()}


@operation
def floor_import_orm(args: argparse.Namespace) -> dict:
    start = time.perf_counter()
    import sqlalchemy.orm  # noqa: F401

    return {"seconds": time.perf_counter() - start, "peak_rss_mb": _peak_mb()}


@operation
def floor_sqlite_read(args: argparse.Namespace) -> dict:
    """Every row of the plan's items and progress with plain sqlite3."""
    start = time.perf_counter()
    conn = sqlite3.connect(args.db)
    rows = conn.execute("SELECT * FROM plan_item").fetchall()
    rows += conn.execute("SELECT * FROM progress_entry").fetchall()
    conn.close()
    return {"seconds": time.perf_counter() - start, "rows": len(rows), "peak_rss_mb": _peak_mb()}


@operation
def floor_copy_file(args: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        shutil.copyfile(args.db, Path(folder) / "copy.sqlite3")
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_rss_mb": _peak_mb()}


def _appendix(db_file: str):
    """The appendix's rows, read untimed: the floors write the very cells the export does."""
    from dienchau_desktop.reports.appendix import build_appendix

    return build_appendix(_open(Path(db_file)), 1)


def _cell_rows(appendix) -> list[list[str]]:
    """Every cell of the exported table, in order: heading lines, column headings, then
    each row (a section row is its one text)."""
    rows = [[appendix.heading], [appendix.subject], [appendix.note], [],
            [c.heading for c in appendix.columns]]  # fmt: skip
    for entry in appendix.rows:
        rows.append(list(entry.cells[:1] if entry.kind == "section" else entry.cells))
    return rows


@operation
def floor_openpyxl(args: argparse.Namespace) -> dict:
    """openpyxl writing the appendix's cells with no styling at all (no fonts, borders,
    merges, row heights or print set-up)."""
    from openpyxl import Workbook

    rows = _cell_rows(_appendix(args.db))
    start = time.perf_counter()
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    with tempfile.TemporaryDirectory() as folder:
        book.save(Path(folder) / "floor.xlsx")
    return {"seconds": time.perf_counter() - start, "rows": len(rows), "peak_rss_mb": _peak_mb()}


@operation
def floor_reportlab(args: argparse.Namespace) -> dict:
    """reportlab putting the appendix's text on pages with nothing more: each cell a
    plain paragraph in the report's font (Vietnamese needs it), broken into lines once
    at its column's width and drawn, rows stacked down the page, a new page when the
    next row does not fit. No table machinery, grid, spans, bold, shading, repeated
    heading or page decorations: the least any rendering of this table must do. A
    section's text goes across the whole width, as in the report."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

    from dienchau_desktop.reports.fonts import REGULAR, register_fonts
    from dienchau_desktop.reports.pdf import MARGINS, paragraph_text

    appendix = _appendix(args.db)
    register_fonts()
    start = time.perf_counter()
    style = ParagraphStyle("plain", fontName=REGULAR, fontSize=11, leading=13.5)
    page_width, page_height = landscape(A4)
    width = page_width - MARGINS["left"] - MARGINS["right"]
    total = sum(c.width for c in appendix.columns)
    widths = [width * c.width / total for c in appendix.columns]
    lefts = [MARGINS["left"] + sum(widths[:n]) for n in range(len(widths))]
    with tempfile.TemporaryDirectory() as folder:
        canvas = Canvas(str(Path(folder) / "floor.pdf"), pagesize=(page_width, page_height))
        top = page_height - MARGINS["top"]
        y = top
        for row in _cell_rows(appendix)[4:]:
            placed = (
                [(row[0], lefts[0], width)]
                if len(row) == 1
                else zip(row, lefts, widths, strict=True)
            )
            cells = [(Paragraph(paragraph_text(t), style), x, w) for t, x, w in placed if t]
            height = max((p.wrap(w, top)[1] for p, _x, w in cells), default=0)
            if y - height < MARGINS["bottom"] and y < top:
                canvas.showPage()
                y = top
            for paragraph, x, _w in cells:
                paragraph.drawOn(canvas, x, y - paragraph.height)
            y -= height
        pages = canvas.getPageNumber()
        canvas.save()
    return {"seconds": time.perf_counter() - start, "rows": len(appendix.rows), "pages": pages,
            "peak_rss_mb": _peak_mb()}  # fmt: skip


# ---------------------------------------------------------------------------- program


@operation
def cold_start(args: argparse.Namespace) -> dict:
    """`dienchau-desktop --db FILE` to its painted window (parent times it)."""
    from dienchau_desktop.app import application, build_window

    app = application()
    window = build_window(Path(args.db))
    window.resize(1366, 768)
    _when_painted(window, lambda: (print("PAINTED", flush=True), app.quit()))
    window.show()
    app.exec()
    return {"peak_rss_mb": _peak_mb()}


@operation
def tree_after_open(args: argparse.Namespace) -> dict:
    """From opening the data file to the window with its tree painted."""
    from dienchau_desktop.app import application, build_window

    app = application()
    result: dict = {}
    start = time.perf_counter()
    window = build_window(Path(args.db))
    window.resize(1366, 768)

    def painted() -> None:
        result["seconds"] = time.perf_counter() - start
        app.quit()

    _when_painted(window, painted)
    window.show()
    app.exec()
    result["peak_rss_mb"] = _peak_mb()
    return result


SEARCH_KEYS = ["c", "co", "con", "cong", "cong ", "cong a", "cong an", "", "d", "de", "de an"]


def _settle(app) -> None:
    """Let the window finish what it schedules after opening (the progress colours at
    PROGRESS_DELAY_MS, the search keys at 300 ms) before anything is timed."""
    from PySide6.QtCore import QEventLoop, QTimer

    from dienchau_desktop.ui.plan_loading import PROGRESS_DELAY_MS

    loop = QEventLoop()
    QTimer.singleShot(PROGRESS_DELAY_MS + 500, loop.quit)
    loop.exec()


@operation
def search_keystroke(args: argparse.Namespace) -> dict:
    """Re-filtering the tree after each keystroke of a search (median over the keys)."""
    import statistics

    from dienchau_desktop.app import application, build_window

    app = application()
    window = build_window(Path(args.db))
    window.resize(1366, 768)
    window.show()
    _settle(app)  # the user types once the window has finished opening
    window.model.prepare_search()  # done in idle time after the window shows
    times = []
    for text in SEARCH_KEYS:
        window.filter_bar.search.setText(text)
        start = time.perf_counter()
        window.filtering.filter_changed()
        app.processEvents()
        times.append(time.perf_counter() - start)
    return {
        "seconds": statistics.median(times),
        "worst": max(times),
        "peak_rss_mb": _peak_mb(),
    }


@operation
def overview_window(args: argparse.Namespace) -> dict:
    """The overview page for the latest period, from the window's snapshot (median of 3)."""
    import statistics

    from dienchau_desktop.app import application, build_window

    app = application()
    window = build_window(Path(args.db))
    window.show()
    _settle(app)  # the tree's progress (as of today) is loaded after the first paint
    overview = window.overview
    overview.period_id = overview.periods[-1].id if overview.periods else None
    times = []
    for _ in range(3):
        start = time.perf_counter()
        view = overview.compute()
        window.overview_page.show_overview(view)
        times.append(time.perf_counter() - start)
    return {"seconds": statistics.median(times), "peak_rss_mb": _peak_mb()}


@operation
def overview_service(args: argparse.Namespace) -> dict:
    """The overview straight from the services (as `summary` computes it): tree included."""
    from dienchau_desktop.services import periods
    from dienchau_desktop.services.overview import overview

    db = _open(Path(args.db))
    latest = periods.list_periods(db, 1)[-1]
    start = time.perf_counter()
    overview(db, 1, latest.id)
    return {"seconds": time.perf_counter() - start, "peak_rss_mb": _peak_mb()}


@operation
def units_view_window(args: argparse.Namespace) -> dict:
    """The units' view shown from the plan tree (View → Tasks by unit), to it laid out
    and painted: made from the window's snapshot, units closed. The first show, then
    twice more after the view was made stale (as by an edit); the median of the three."""
    import statistics

    from dienchau_desktop.app import application, build_window

    app = application()
    window = build_window(Path(args.db))
    window.resize(1366, 768)
    window.show()
    _settle(app)  # the tree's progress (as of today) is loaded after the first paint
    times = []
    for _ in range(3):
        window.by_unit.show_tree()
        app.processEvents()
        window.by_unit.stale = True  # what any change to the plan does
        times.append(_timed(app, window.by_unit.show))
    return {
        "seconds": statistics.median(times),
        "first_s": times[0],
        "units": window.by_unit.model.rowCount(),
        "peak_rss_mb": _peak_mb(),
    }


# ---------------------------------------------------------------------------- edits

#: The search active while editing: it matches about a fifth of the tasks.
EDIT_SEARCH = "de an"
#: Each edit case times this many actions in one window and reports their median.
EDIT_TIMES = 7


def _edit_window(args: argparse.Namespace, folder: str):
    """The window on a copy of the data file (edits write to it), opened and settled,
    with a search active and a matching task in the middle of the plan selected."""
    from dienchau_desktop.app import application, build_window

    work = Path(folder) / "data.sqlite3"
    shutil.copyfile(args.db, work)
    app = application()
    window = build_window(work)
    window.resize(1366, 768)
    window.show()
    _settle(app)
    window.model.prepare_search()  # done in idle time after the window shows
    window.filter_bar.search.setText(EDIT_SEARCH)
    window.filtering.filter_changed()
    app.processEvents()
    tasks = [t for t in window.model.tree.tasks() if window.model.is_shown(t.id)]
    task = tasks[len(tasks) // 2]
    window.select_item(task.id)
    app.processEvents()
    return app, window, task


def _timed(app, action: Callable[[], object]) -> float:
    """One action, to the window updated: the change, the model's signals, the
    view's layout and paint events that follow."""
    start = time.perf_counter()
    action()
    app.processEvents()
    app.processEvents()
    return time.perf_counter() - start


def _edit_result(times: list[float]) -> dict:
    import statistics

    return {"seconds": statistics.median(times), "worst": max(times), "peak_rss_mb": _peak_mb()}


def _tree_floor(args: argparse.Namespace, action: Callable[[Any], Callable[[], object]],
                delegate_for: Callable[[object], object] | None = None) -> dict:  # fmt: skip
    """`action(window)` timed on the window of the edit cases, its cells painted by
    `delegate_for(tree)` when given (else the plan tree's own, ui.tree_delegate)."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        app, window, _task = _edit_window(args, folder)
        if delegate_for is not None:
            window.tree.setItemDelegate(delegate_for(window.tree))
            window.tree.row_images.enabled = False  # every row painted by that delegate
        for _ in range(EDIT_TIMES):
            times.append(_timed(app, action(window)))
        window.db.close()
    return _edit_result(times)


def _repaint(window: Any) -> Callable[[], object]:
    return window.tree.viewport().repaint


@operation
def floor_tree_repaint(args: argparse.Namespace) -> dict:
    """The tree painted once more as it stands (the window of the edit cases): what an
    edit that shifts rows (add, delete, move) costs in painting alone."""
    return _tree_floor(args, _repaint)


@operation
def floor_tree_repaint_unkept(args: argparse.Namespace) -> dict:
    """The tree painted once more with no row drawn from a kept picture
    (ui.row_images off): every visible cell painted by the plan tree's delegate, as
    after a change that touched every row."""
    return _tree_floor(args, _repaint, lambda tree: tree.itemDelegate())


@operation
def floor_tree_widget_insert(args: argparse.Namespace) -> dict:
    """A row inserted into a QTreeWidget, a tree whose model, delegate and painting
    are all Qt's C++ (no call into Python), holding the plan's rows, its sections
    open, in a 1366x768 window beside an editor, to the window updated: what Qt's own
    tree costs on this machine for what an add asks of the plan tree."""
    from PySide6.QtWidgets import (
        QApplication,
        QHeaderView,
        QMainWindow,
        QSplitter,
        QTextEdit,
        QTreeWidget,
        QTreeWidgetItem,
    )  # fmt: skip

    app = QApplication.instance() or QApplication(sys.argv)
    with sqlite3.connect(args.db) as con:
        rows = con.execute(
            "SELECT id, parent_id, title, deadline_text FROM plan_item "
            "WHERE plan_id = (SELECT MIN(id) FROM plan) ORDER BY parent_id, position"
        ).fetchall()
    window = QMainWindow()
    splitter = QSplitter()
    tree = QTreeWidget()
    tree.setColumnCount(6)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    splitter.addWidget(tree)
    splitter.addWidget(QTextEdit())
    window.setCentralWidget(splitter)
    made: dict[int, QTreeWidgetItem] = {}
    for item_id, _parent_id, title, deadline in rows:
        row = QTreeWidgetItem(["1.", title, "Phòng Văn hóa - Xã hội", deadline or "", "", ""])
        made[item_id] = row
    for item_id, parent_id, *_ in rows:
        if parent_id is None:
            tree.addTopLevelItem(made[item_id])
        else:
            made[parent_id].addChild(made[item_id])
    tree.expandAll()
    window.resize(1366, 768)
    window.show()
    _settle(app)
    middle = made[rows[len(rows) // 2][0]]
    parent = middle.parent() or tree.invisibleRootItem()
    times = []
    for _ in range(EDIT_TIMES):

        def insert() -> None:
            added = QTreeWidgetItem(["", "Nhiệm vụ mới", "", "", "", ""])
            parent.insertChild(parent.indexOfChild(middle) + 1, added)
            tree.setCurrentItem(added)

        times.append(_timed(app, insert))
    return _edit_result(times)


@operation
def floor_tree_relayout(args: argparse.Namespace) -> dict:
    """The tree laid out again and painted as it stands (the window of the edit cases):
    what Qt's QTreeView does after any row is inserted, removed or moved, however
    little the model changed — it lays out every expanded row again (a call into the
    model for each) and repaints the whole viewport. The floor of an add, a delete, its
    undo and a move, before the data file is written."""
    return _tree_floor(args, lambda window: window.tree.doItemsLayout)


def _repaint_with(args: argparse.Namespace, delegate_for: Callable[[object], object]) -> dict:
    """The tree repainted as floor_tree_repaint does, its cells painted by another
    delegate: what the plan tree's own delegate (ui.tree_delegate) is read against."""
    return _tree_floor(args, _repaint, delegate_for)


@operation
def floor_tree_repaint_qt_delegate(args: argparse.Namespace) -> dict:
    """The tree repainted with Qt's own delegate (QStyledItemDelegate), which lays out
    and elides every cell's text on every paint: the paint before ui.tree_delegate."""
    from PySide6.QtWidgets import QStyledItemDelegate

    return _repaint_with(args, QStyledItemDelegate)


@operation
def floor_tree_repaint_empty_delegate(args: argparse.Namespace) -> dict:
    """The tree repainted with a delegate that paints nothing: the view alone (rows'
    backgrounds, branches, its calls into the model, one call into Python per cell),
    what no delegate can take away."""
    from PySide6.QtWidgets import QStyledItemDelegate

    class Empty(QStyledItemDelegate):
        def paint(self, *_args: object) -> None:
            pass

    return _repaint_with(args, Empty)


@operation
def edit_field(args: argparse.Namespace) -> dict:
    """A task's title changed in the form (still matching the search)."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        app, window, task = _edit_window(args, folder)
        for n in range(EDIT_TIMES):
            node = window.model.tree.node(task.id)
            new = {"title": f"Đề án thử nghiệm số {n}"}
            times.append(_timed(app, lambda node=node, new=new: window.editing.form_edit(
                node.id, new, {"title": node.title}, "Sửa")))  # fmt: skip
        window.db.close()
    return _edit_result(times)


@operation
def edit_field_by_unit(args: argparse.Namespace) -> dict:
    """A task's title changed in the form beside the units' view (View → Tasks by
    unit, shown): the plan tree and the units' view both follow it."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        app, window, task = _edit_window(args, folder)
        window.by_unit.show()
        app.processEvents()
        for n in range(EDIT_TIMES):
            node = window.model.tree.node(task.id)
            new = {"title": f"Đề án thử nghiệm số {n}"}
            times.append(_timed(app, lambda node=node, new=new: window.editing.form_edit(
                node.id, new, {"title": node.title}, "Sửa")))  # fmt: skip
        window.db.close()
    return _edit_result(times)


@operation
def edit_progress(args: argparse.Namespace) -> dict:
    """A progress entry recorded for the selected task."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        app, window, task = _edit_window(args, folder)
        period = next(p for p in window.overview.periods if not p.is_closed)
        for n in range(EDIT_TIMES):
            values = {"status": "in_progress", "percent": 10 + n, "result_text": f"Lần {n}"}
            times.append(_timed(app, lambda v=values: window.recording.record(
                task.id, period.id, v)))  # fmt: skip
        window.db.close()
    return _edit_result(times)


def _close_editor(app) -> None:
    """Leave the title editor that adding opens (Esc), untimed."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    focused = app.focusWidget()
    if focused is not None:
        QTest.keyClick(focused, Qt.Key.Key_Escape)
    app.processEvents()


@operation
def edit_add(args: argparse.Namespace) -> dict:
    """A task added after the selected one (its title editor opened)."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        app, window, task = _edit_window(args, folder)
        for _ in range(EDIT_TIMES):
            window.select_item(task.id)
            app.processEvents()
            times.append(_timed(app, window.editing.add_task))
            _close_editor(app)
        window.db.close()
    return _edit_result(times)


def _delete_and_undo(args: argparse.Namespace, timed: str) -> dict:
    from PySide6.QtWidgets import QMessageBox

    # The question is answered at once: what is timed is the work after the answer.
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    times = []
    with tempfile.TemporaryDirectory() as folder:
        app, window, task = _edit_window(args, folder)
        for _ in range(EDIT_TIMES):
            window.select_item(task.id)
            app.processEvents()
            deleting = _timed(app, window.editing.delete_selected)
            undoing = _timed(app, window.undo_stack.undo)
            times.append(deleting if timed == "delete" else undoing)
        window.db.close()
    return _edit_result(times)


@operation
def edit_delete(args: argparse.Namespace) -> dict:
    """The selected task deleted (then undone, untimed)."""
    return _delete_and_undo(args, "delete")


@operation
def edit_undo_delete(args: argparse.Namespace) -> dict:
    """A delete undone (the delete before it untimed)."""
    return _delete_and_undo(args, "undo")


@operation
def edit_move(args: argparse.Namespace) -> dict:
    """The selected task moved down one place, then up again."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        app, window, _task = _edit_window(args, folder)
        for n in range(EDIT_TIMES):
            times.append(
                _timed(app, window.editing.move_down if n % 2 == 0 else window.editing.move_up)
            )
        window.db.close()
    return _edit_result(times)


#: How many tasks the batch-edit case changes at once (the issue's "50 wrongly typed").
BATCH_TASKS = 50


@operation
def edit_batch(args: argparse.Namespace) -> dict:
    """The lead unit and deadline of 50 selected tasks (those the search shows, from the
    middle of the plan) changed together, as the dialog's «Change» does: the service's
    transaction, the rows patched, the selection kept. Two leads in turn, so each
    change changes them all."""
    from dienchau_desktop.services import units
    from dienchau_desktop.services.batch_edit import BatchEdit

    times = []
    with tempfile.TemporaryDirectory() as folder:
        app, window, task = _edit_window(args, folder)
        shown = [t.id for t in window.model.tree.tasks() if window.model.is_shown(t.id)]
        middle = max(0, shown.index(task.id) - BATCH_TASKS // 2)
        chosen = shown[middle : middle + BATCH_TASKS]
        # Units no task has as a coordinator: no change is refused.
        leads = [units.create_unit(window.db, f"Tổ công tác số {n}").id for n in (1, 2)]
        window.batch.select_items(chosen, chosen[0])
        app.processEvents()
        for n in range(EDIT_TIMES):
            edit = BatchEdit(change_lead=True, lead_unit_id=leads[n % 2],
                             deadline=f"Quý {'IV' if n % 2 else 'III'}/2031")  # fmt: skip
            times.append(_timed(app, lambda e=edit: window.batch._apply(chosen, chosen[0], e)))
        window.db.close()
    return _edit_result(times)


# The modules each export loads on its first use in a session (openpyxl ~0.1 s, reportlab
# ~0.15 s to import): loaded before the clock starts, as the floors load theirs, so the
# two are compared like for like. The first export of a session pays this once more.
_RENDERERS = {
    "xlsx": ("dienchau_desktop.reports.xlsx", "dienchau_desktop.reports.progress_xlsx",
             "dienchau_desktop.reports.return_form"),
    "pdf": ("dienchau_desktop.reports.pdf", "dienchau_desktop.reports.progress_pdf"),
}  # fmt: skip
_BUILDERS = (
    "dienchau_desktop.reports.appendix", "dienchau_desktop.reports.progress_report",
    "dienchau_desktop.reports.due_list", "dienchau_desktop.reports.unit_sheet",
)  # fmt: skip


def _busiest_unit(db_file: str) -> str:
    """The unit that leads the most tasks: the longest unit sheet and return form."""
    conn = sqlite3.connect(db_file)
    (name,) = conn.execute(
        "SELECT u.name FROM unit u JOIN plan_item i ON i.lead_unit_id = u.id"
        " GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1"
    ).fetchone()
    conn.close()
    return name


def _export(args: argparse.Namespace, report: str, fmt: str) -> dict:
    """One report through `export_report`, the entry point of the command line and the
    window, from reading the data to the saved file. The progress report and the
    return form are for the latest period; the unit sheet and the return form for
    the busiest unit."""
    import importlib

    from dienchau_desktop.reports.export import ExportRequest, export_report
    from dienchau_desktop.services import periods

    db = _open(Path(args.db))
    period = periods.list_periods(db, 1)[-1].id if report in {"progress", "return-form"} else None
    unit = _busiest_unit(args.db) if report in {"unit", "return-form"} else None
    for module in (*_BUILDERS, *_RENDERERS[fmt]):
        importlib.import_module(module)
    request = ExportRequest(report, fmt, 1, period, unit=unit)
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        export_report(db, request, Path(folder) / f"report.{fmt}")
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_rss_mb": _peak_mb()}


def _export_operation(report: str, fmt: str) -> None:
    name = f"export_{report.replace('-', '_')}_{fmt}"
    OPERATIONS[name] = lambda args: _export(args, report, fmt)


for _report, _formats in (("appendix", ("xlsx", "pdf")), ("progress", ("xlsx", "pdf")),
                          ("due", ("xlsx", "pdf")), ("unit", ("xlsx", "pdf")),
                          ("return-form", ("xlsx",))):  # fmt: skip
    for _fmt in _formats:
        _export_operation(_report, _fmt)


def _import_document(args: argparse.Namespace, name: str) -> dict:
    """The document `name` (made once with python-docx by run.py, untimed) read and
    added as a new plan to a fresh data file."""
    from dienchau_desktop.importers.plan_document import import_plan

    document = Path(args.db).with_name(name)
    with tempfile.TemporaryDirectory() as folder:
        db = _open(Path(folder) / "data.sqlite3")
        start = time.perf_counter()
        summary = import_plan(db, document)
        seconds = time.perf_counter() - start
        db.close()
    return {"seconds": seconds, "tasks": summary.tasks, "sections": summary.sections,
            "peak_rss_mb": _peak_mb()}  # fmt: skip


@operation
def import_plan_document(args: argparse.Namespace) -> dict:
    """The 100-page plan (.docx)."""
    return _import_document(args, PLAN_DOCUMENT)


@operation
def import_appendix_document(args: argparse.Namespace) -> dict:
    """A plan whose 1,000 tasks are an appendix table after the signature (.docx)."""
    return _import_document(args, APPENDIX_DOCUMENT)


@operation
def draft_units(args: argparse.Namespace) -> dict:
    """An email draft for each of 30 units (addresses set first, untimed), each with the
    unit's task sheet (PDF) and return form (Excel) inside, for the latest period."""
    from dienchau_desktop.reports.unit_drafts import draft_for_units, units_of_plan
    from dienchau_desktop.services import periods, units

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "data.sqlite3"
        shutil.copyfile(args.db, work)
        db = _open(work)
        for n, unit in enumerate(units_of_plan(db, 1)[:30]):
            units.update_unit(db, unit.id, email=f"don-vi-{n}@dienchau.gov.vn")
        period = periods.list_periods(db, 1)[-1].id
        for module in (*_BUILDERS, *_RENDERERS["xlsx"], *_RENDERERS["pdf"]):
            __import__(module)
        start = time.perf_counter()
        made = draft_for_units(db, 1, period, Path(folder) / "Thư đi")
        seconds = time.perf_counter() - start
        db.close()
    return {"seconds": seconds, "drafts": len(made.written), "peak_rss_mb": _peak_mb()}


@operation
def import_returns(args: argparse.Namespace) -> dict:
    """40 units' returns, every row filled in (made first, untimed), then imported one
    after another as the secretary does after a reporting deadline."""
    from openpyxl import load_workbook

    from dienchau_desktop.importers.returns import import_return
    from dienchau_desktop.reports.return_form import export_return_form
    from dienchau_desktop.services import periods, units

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "data.sqlite3"
        shutil.copyfile(args.db, work)
        db = _open(work)
        period = next(p for p in periods.list_periods(db, 1) if not p.is_closed)
        forms = []
        for n, unit in enumerate(units.list_units(db)[:40]):
            form = Path(folder) / f"don-vi-{n}.xlsx"
            export_return_form(db, 1, unit, period.id, form)
            book = load_workbook(form)
            sheet = book.worksheets[0]
            for row in range(6, sheet.max_row + 1):
                sheet.cell(row, 6).value = "Đang thực hiện"
                sheet.cell(row, 7).value = (row * 7 + n) % 100
                sheet.cell(row, 8).value = f"Đơn vị {n} báo cáo dòng {row}: đã triển khai."
                sheet.cell(row, 9).value = None  # prefilled on completed tasks; now reopened
            book.save(form)
            forms.append(form)
        start = time.perf_counter()
        recorded = sum(import_return(db, form).recorded for form in forms)
        seconds = time.perf_counter() - start
        db.close()
    return {"seconds": seconds, "files": len(forms), "recorded": recorded,
            "peak_rss_mb": _peak_mb()}  # fmt: skip


@operation
def backup_file(args: argparse.Namespace) -> dict:
    """A checked backup (online backup API + integrity check) of the data file."""
    from dienchau_desktop.db.backup import backup_database

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        backup_database(Path(args.db), Path(folder) / "backup.sqlite3")
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_rss_mb": _peak_mb()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("operation", choices=sorted(OPERATIONS))
    parser.add_argument("--db", default="")
    args = parser.parse_args()
    # The packaged program has no lxml (the build leaves it out; only the tests'
    # python-docx brings it here): openpyxl must take the same path it takes there.
    sys.modules["lxml"] = None  # type: ignore[assignment]
    result = OPERATIONS[args.operation](args)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
