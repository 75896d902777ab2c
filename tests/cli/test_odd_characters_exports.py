"""A data file written before text was cleaned of non-characters (U+FFFE, U+FFFF…) and
control characters still exports, to Excel and PDF, without them (issue 14, item 6):
XML refuses them, and the export failed with a traceback."""

from __future__ import annotations

import sqlite3
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dienchau_desktop import cli
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, periods, progress
from tests.conftest import make_sample_file

#: What the program accepted until it cleaned them away: Unicode non-characters.
ODD = ("\uffff", "\ufffe", "\U0001ffff", "\ufdd0")
#: Control characters were always dropped by the program; a file edited behind its back
#: might hold some all the same.
CONTROLS = ("\x01", "\x1f")


@pytest.fixture(scope="module")
def old_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample plan, with odd characters written into the file behind the program."""
    data = make_sample_file(tmp_path_factory.mktemp("old"))
    db = Database.open(data)
    try:  # a task overdue (for the due list), a task's progress (for the progress report)
        first, second = list(items.plan_tree(db, 1).tasks())[:2]
        items.update_item(db, second.id, deadline=f"{date.today() - timedelta(days=30):%d/%m/%Y}")
        progress.record_progress(db, first.id, periods.list_periods(db, 1)[-1].id,
                                 status="in_progress", result_text="Kết quả")  # fmt: skip
    finally:
        db.close()
    raw = sqlite3.connect(data)
    odd = " || ".join(f"char({ord(c)})" for c in ODD)
    controls = " || ".join(f"char({ord(c)})" for c in CONTROLS)
    raw.execute(f"UPDATE plan_item SET title = 'Lạ' || {odd} || {controls} || title")
    raw.execute(f"UPDATE plan_item SET expected_product = 'Sản' || {odd} || 'phẩm' "
                "WHERE kind = 'task'")  # fmt: skip
    raw.execute(f"UPDATE unit SET name = name || {odd} WHERE name = 'Công an xã'")
    raw.execute(
        f"UPDATE plan SET title = title || {odd}, recipients = json_array('Huyện' || {odd})"
    )
    raw.execute(f"UPDATE progress_entry SET result_text = 'Kết' || {odd} || 'quả'")
    raw.commit()
    assert raw.execute("SELECT count(*) FROM plan_item WHERE title LIKE '%' || char(65535) || '%'"
                       ).fetchone()[0] > 30  # fmt: skip
    raw.close()
    return data


def period_of(data: Path) -> int:
    raw = sqlite3.connect(data)
    (period,) = raw.execute("SELECT period_id FROM progress_entry").fetchone()
    raw.close()
    return period


EXPORTS = [
    ("appendix", "xlsx"), ("appendix", "pdf"), ("due", "xlsx"), ("due", "pdf"),
    ("unit", "xlsx"), ("unit", "pdf"), ("progress", "xlsx"), ("progress", "pdf"),
    ("return-form", "xlsx"),
]  # fmt: skip


@pytest.mark.parametrize(("report", "fmt"), EXPORTS)
def test_an_old_data_file_with_odd_characters_exports_without_them(
    old_file: Path, tmp_path: Path, report: str, fmt: str
) -> None:
    out = tmp_path / f"{report}.{fmt}"
    unit = ["--unit", "Công an xã" + "".join(ODD)] if report in {"unit", "return-form"} else []
    period = ["--period", str(period_of(old_file))] if report == "progress" else []
    code = cli.main(["--db", str(old_file), "export", report, "--format", fmt, "--out", str(out),
                     *unit, *period])  # fmt: skip
    assert code == 0
    if fmt == "xlsx":
        book = load_workbook(out)
        shown = "\n".join(str(c) for sheet in book.worksheets
                          for row in sheet.iter_rows(values_only=True) for c in row if c)  # fmt: skip
    else:
        shown = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True,
                               text=True, check=True).stdout  # fmt: skip
    assert "Lạ" in shown  # the titles are there…
    assert not [c for c in ODD + CONTROLS if c in shown]  # …without the odd characters
    if report in {"appendix", "unit"}:
        assert "Sảnphẩm" in shown
    if report == "progress":
        assert "Kếtquả" in shown
