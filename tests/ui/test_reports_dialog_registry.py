"""The reports dialog lists what the registry holds: every report in every format it
lists exports from the dialog, driven as a person does; the fields shown are the ones
the report reads; a format it does not list is not offered, and is refused in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from dienchau_desktop.reports import registry
from dienchau_desktop.reports.registry import REPORT_KINDS, REPORTS, formats
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.pdf_preview import PdfPreview
from dienchau_desktop.ui.reports_dialog import FORMAT_TEXTS, ReportsDialog, window_label
from tests.reports.sixth_report import add_the_sixth_report
from tests.ui.conftest import answer_file_dialogs
from tests.ui.driving import choose, press_button, when_modal
from tests.ui.test_reports_dialog import close_notice, in_reports_dialog

OK, CANCEL = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
UNIT = "Công an xã"


def offered(dialog: ReportsDialog) -> list[str]:
    """The formats she can pick: the enabled entries of an enabled box."""
    combo = dialog.format
    if not combo.isEnabled():
        return [combo.currentData()]
    return [combo.itemData(row) for row in range(combo.count())
            if combo.model().item(row).isEnabled()]  # fmt: skip


def test_the_dialog_lists_the_registry_in_vietnamese(window: MainWindow, qtbot: QtBot) -> None:
    listed: list[list[str]] = []

    def look(dialog: ReportsDialog) -> None:
        listed.append([dialog.report.itemText(r) for r in range(dialog.report.count())])
        listed.append([dialog.report.itemData(r) for r in range(dialog.report.count())])
        assert set(dialog.report_labels()) == set(REPORTS), "a report without its label"
        assert {dialog.format.itemData(r) for r in range(dialog.format.count())} == set(formats())
        press_button(qtbot, dialog, CANCEL)

    in_reports_dialog(window, look)
    # The translated labels are the registry's Vietnamese names (with the only format).
    assert listed == [[window_label(kind) for kind in REPORT_KINDS],
                      [kind.key for kind in REPORT_KINDS]]  # fmt: skip
    assert set(FORMAT_TEXTS) == set(formats())


def export_from_dialog(window: MainWindow, qtbot: QtBot, report: str, fmt: str) -> dict:
    """Choose `report` and `fmt` with the mouse, a unit if it needs one, and OK; returns
    what the dialog showed on the way and the file it wrote."""
    kind = registry.REPORTS[report]
    seen: dict[str, object] = {}

    def export(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, window_label(kind))
        seen["fields"] = (dialog.period.isVisibleTo(dialog), dialog.unit.isVisibleTo(dialog),
                          dialog.columns.isVisibleTo(dialog))  # fmt: skip
        seen["tabs"] = (dialog.tabs.isTabEnabled(dialog.header_tab),
                        dialog.tabs.isTabEnabled(dialog.texts_tab))  # fmt: skip
        seen["offered"] = offered(dialog)
        seen["preview"] = dialog.preview_button.isEnabled()
        if dialog.format.isEnabled():
            choose(qtbot, dialog.format, FORMAT_TEXTS[fmt])
        seen["format"] = dialog.format.currentData()
        if kind.needs_unit:
            choose(qtbot, dialog.unit, UNIT)
        when_modal(QMessageBox, close_notice)  # "Đã xuất báo cáo", closed
        press_button(qtbot, dialog, OK)
        seen["output"] = dialog.output

    in_reports_dialog(window, export)
    return seen


@pytest.mark.parametrize("report", list(REPORTS))
def test_every_report_in_every_format_it_lists(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch, report: str
) -> None:
    kind = REPORTS[report]
    listed = [fmt for fmt in FORMAT_TEXTS if fmt in kind.formats]  # in the box's order
    for fmt in kind.formats:
        out = tmp_path / f"{report}.{fmt}"
        answer_file_dialogs(monkeypatch, out)
        seen = export_from_dialog(window, qtbot, report, fmt)
        assert seen == {
            "fields": (kind.needs_period, kind.needs_unit, "columns" in kind.options),
            "tabs": (
                bool(kind.options & {"number", "addressee", "header"}),
                "parts" in kind.options,
            ),
            "offered": listed,
            "preview": "pdf" in kind.formats,
            "format": fmt,
            "output": out,
        }, (report, fmt)
        if fmt == "pdf":
            assert out.read_bytes().startswith(b"%PDF-"), (report, fmt)
        else:
            assert load_workbook(out).sheetnames, (report, fmt)


@pytest.mark.parametrize(
    ("report", "fmt"),
    [(kind.key, fmt) for kind in REPORT_KINDS for fmt in formats() if fmt not in kind.formats],
)
def test_a_format_a_report_does_not_list_is_refused_in_words(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch, report: str, fmt: str
) -> None:
    kind = REPORTS[report]
    asked = answer_file_dialogs(monkeypatch, tmp_path / f"x.{fmt}")
    seen: dict[str, object] = {}

    def refuse(dialog: ReportsDialog) -> None:
        choose(qtbot, dialog.report, window_label(kind))
        # Not offered: the entry is greyed out, the box shows a format the report has.
        row = dialog.format.findData(fmt)
        seen["entry enabled"] = dialog.format.model().item(row).isEnabled()
        seen["offered"] = offered(dialog)
        seen["name says"] = dialog.report.currentText()
        # A PDF is what Preview makes whatever the format: asked for one anyway, the
        # dialog says why not, and shows nothing.
        seen["preview button"] = dialog.preview_button.isEnabled()
        seen["preview"] = dialog.preview()
        seen["error"] = dialog.error.text() if dialog.error.isVisibleTo(dialog) else ""
        seen["viewers"] = len(dialog.findChildren(PdfPreview))
        press_button(qtbot, dialog, CANCEL)

    in_reports_dialog(window, refuse)
    assert fmt == "pdf", "only a PDF can be asked for past the locked box: Preview"
    assert seen == {
        "entry enabled": False,
        "offered": list(kind.formats),
        "name says": window_label(kind),
        "preview button": False,
        "preview": None,
        "error": f"{kind.label} chỉ có dạng {kind.formats_in_words()}.",
        "viewers": 0,
    }
    assert asked == [] and not list(tmp_path.glob("x.*"))


def test_a_sixth_report_is_one_registry_entry(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    """Nothing in the dialog names it: it is listed by its Vietnamese name (its one
    format said), asks for nothing it does not read, and exports."""
    kind = add_the_sixth_report(monkeypatch)
    out = tmp_path / "don-vi.xlsx"
    answer_file_dialogs(monkeypatch, out)
    seen = export_from_dialog(window, qtbot, kind.key, "xlsx")
    assert window_label(kind) == "Danh sách đơn vị (Excel)"
    assert seen == {"fields": (False, False, False), "tabs": (False, False),
                    "offered": ["xlsx"], "preview": False, "format": "xlsx", "output": out}  # fmt: skip
    assert load_workbook(out).active["A1"].value == "Đơn vị"
