"""The tree as currently filtered, exported or printed (#19 part 4): the appendix of the
plan with only the tasks the filter shows, under their sections, in PDF or Excel.

Reports → "Export the filtered tree…" writes the file and offers to open or print it;
"Print the filtered tree…" shows its pages (the report preview, with its Print button).
The columns are those last chosen for the appendix in the reports dialog. A filtered
list says so under its title, with how many of the plan's tasks it holds, so a printed
page is never taken for the whole plan.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from dienchau_desktop.core.errors import UserError, os_reason
from dienchau_desktop.core.status import Urgency
from dienchau_desktop.reports import registry
from dienchau_desktop.reports.appendix import COLUMNS, DEFAULT_COLUMNS, build_appendix
from dienchau_desktop.reports.file_names import report_file_name
from dienchau_desktop.reports.table import TableReport
from dienchau_desktop.services import plans
from dienchau_desktop.services.items import PlanTree
from dienchau_desktop.ui.tree_filter import TreeFilter

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow
    from dienchau_desktop.ui.pdf_preview import PdfPreview


def filtered_appendix(window: MainWindow) -> TableReport:
    """The appendix of the window's plan with the rows its filter shows (all of them
    when no filter is on)."""
    assert window.plan_id is not None
    chosen = window.settings.export_choices().columns or ()
    columns = tuple(c for c in chosen if c in COLUMNS) or DEFAULT_COLUMNS
    shown = window.model.visible_rows
    table = build_appendix(window.db, window.plan_id, columns, only=shown)
    if shown is None:
        return table
    total = len(window.model.tree.tasks())
    # The document's own words (Vietnamese, as every report), not the window's.
    said = describe_filter(window.filtering.tree_filter, window.model.tree)
    marked = (f"{table.note}\n(Danh sách đã lọc{': ' + said if said else ''} — "
              f"{table.task_count} trên {total} nhiệm vụ)")  # fmt: skip
    return replace(table, note=marked)


#: The filter bar's states as a printed list names them.
_STATE_WORDS = {
    Urgency.OVERDUE: "quá hạn",
    Urgency.DUE_SOON: "đến hạn trong 7 ngày",
    Urgency.ON_TRACK: "trong hạn",
    Urgency.RECURRING: "thường xuyên",
    Urgency.NO_DEADLINE: "chưa có hạn",
}


def describe_filter(tree_filter: TreeFilter, tree: PlanTree) -> str:
    """What the filter keeps, in words, so that a printed list says which part of the
    plan it is ("chủ trì: Công an xã; quá hạn"); "" for no condition."""
    said = []
    if tree_filter.lead_unit_id is not None:
        names = {t.lead_unit_id: t.lead_unit_name for t in tree.tasks()}
        said.append(f"chủ trì: {names.get(tree_filter.lead_unit_id) or '…'}")
    said += [_STATE_WORDS[s] for s in sorted(tree_filter.states, reverse=True)
             if s in _STATE_WORDS]  # fmt: skip
    if tree_filter.due_within_days is not None:
        said.append(f"đến hạn trong {tree_filter.due_within_days} ngày")
    if tree_filter.breakthrough_only:
        said.append("nhiệm vụ đột phá")
    if tree_filter.text.strip():
        said.append(f"có chữ «{tree_filter.text.strip()}»")
    return "; ".join(said)


def _nothing_shown(window: MainWindow) -> bool:
    """True, and said, when the filter shows no task: there would be nothing to print."""
    if window.plan_id is None:
        return True
    shown = window.model.visible_rows
    if shown is None or any(t.id in shown for t in window.model.tree.tasks()):
        return False
    QMessageBox.information(
        window,
        QCoreApplication.translate("FilteredExport", "Nothing to export"),
        QCoreApplication.translate(
            "FilteredExport", "The filter shows no task. Change or clear the filter first."
        ),
    )
    return True


def export_filtered(window: MainWindow) -> Path | None:
    """Reports → Export the filtered tree…: ask where, write, offer to open or print."""
    if _nothing_shown(window) or window.plan_id is None:
        return None
    plan = plans.get_plan(window.db, window.plan_id)
    folder = window.settings.export_choices().folder or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    stem = report_file_name("appendix", "pdf", plan_number=plan.number, plan_year=plan.year)
    suggested = Path(folder) / stem.replace(".pdf", "-dang-loc.pdf")
    pdf, excel = "PDF (*.pdf)", "Excel (*.xlsx)"
    name, chosen_filter = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("FilteredExport", "Export the filtered tree as"),
        str(suggested),
        f"{pdf};;{excel}",
    )
    if not name:
        return None
    out = Path(name)
    if out.suffix.lower() not in {".pdf", ".xlsx"}:
        out = out.with_name(out.name + (".xlsx" if chosen_filter == excel else ".pdf"))
    if not _write(window, out):
        return None
    _offer_next_steps(window, out)
    return out


def print_filtered(window: MainWindow) -> PdfPreview | None:
    """Reports → Print the filtered tree…: its pages in the preview, to print."""
    if _nothing_shown(window):
        return None
    scratch = getattr(window, "_filtered_scratch", None)
    if scratch is None:
        scratch = tempfile.TemporaryDirectory(prefix="dienchau-loc-", ignore_cleanup_errors=True)
        window._filtered_scratch = scratch  # type: ignore[attr-defined]  # removed with it
    out = Path(scratch.name) / "phu-luc-dang-loc.pdf"
    n = 1
    while out.exists():  # a preview still open holds the previous one
        n += 1
        out = out.with_name(f"phu-luc-dang-loc-{n}.pdf")
    if not _write(window, out):
        return None
    from dienchau_desktop.ui.pdf_preview import show_preview  # QtPdf: not at start

    return show_preview(out, window)


def _write(window: MainWindow, out: Path) -> bool:
    """Build and write the filtered appendix, with the busy cursor; say why if not."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        table = filtered_appendix(window)
        registry.REPORTS["appendix"].renderers[out.suffix.lower().lstrip(".")](table, out)
    except UserError as error:
        problem = f"{error.message}\n\n{error.hint}".strip()
    except OSError as error:
        problem = (
            QCoreApplication.translate("FilteredExport", "Cannot write %1: %2")
            .replace("%1", str(out)).replace("%2", os_reason(error))
        )  # fmt: skip
    else:
        return True
    finally:
        QGuiApplication.restoreOverrideCursor()
    QMessageBox.warning(
        window, QCoreApplication.translate("FilteredExport", "Cannot export"), problem
    )
    return False


def _offer_next_steps(window: MainWindow, out: Path) -> None:
    text = QCoreApplication.translate("FilteredExport", "The filtered tree is saved as:\n%1")
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("FilteredExport", "Filtered tree exported"),
        text.replace("%1", str(out)),
        parent=window,
    )
    open_file = box.addButton(
        QCoreApplication.translate("FilteredExport", "Open file"), QMessageBox.ButtonRole.AcceptRole
    )
    open_folder = box.addButton(
        QCoreApplication.translate("FilteredExport", "Open folder"),
        QMessageBox.ButtonRole.ActionRole,
    )
    print_it = box.addButton(
        QCoreApplication.translate("FilteredExport", "Print"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_file:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
    elif clicked is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))
    elif clicked is print_it:
        from dienchau_desktop.ui.reports_dialog import print_file

        print_file(out, window)
