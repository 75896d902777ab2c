"""A full disk during an export: the user reads one message in Vietnamese and exit code
3, and nothing else on stderr (before, openpyxl's unclosed ZipFile wrote again when it
was collected and printed "Exception ignored … OSError: [Errno 28]"); nothing is left
in the folder. The disk is a small tmpfs, really full (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import fill_up, make_sample_file

ROOT = Path(__file__).resolve().parents[2]
#: What is left free on the small disk: room for the temporary's name, not the report.
FREE_BYTES = 4 * 1024


@pytest.fixture
def full_disk(small_disk: Path) -> Path:
    fill_up(small_disk, FREE_BYTES)
    return small_disk


#: The return form has no command of its own: exported as the window does, its error
#: shown as the command line shows one.
RETURN_FORM = """
import sys
from pathlib import Path
from dienchau_desktop.core.errors import OutputFileError
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.return_form import export_return_form
from dienchau_desktop.reports.unit_sheet import find_unit
from dienchau_desktop.services import periods

db = Database.open(Path({data!r}))
half = periods.list_periods(db, 1)[0]
try:
    export_return_form(db, 1, find_unit(db, "Công an xã"), half.id, Path({out!r}))
except OutputFileError as error:
    print(error, file=sys.stderr)
    sys.exit(3)
"""


@pytest.mark.parametrize("report", ["progress", "appendix", "return-form"])
def test_a_full_disk_during_an_excel_export_says_so_once_and_leaves_nothing(
    tmp_path: Path, full_disk: Path, report: str
) -> None:
    data = make_sample_file(tmp_path)
    out = full_disk / "bao-cao.xlsx"
    if report == "return-form":
        code = RETURN_FORM.format(data=str(data), out=str(out))
    else:
        arguments = ["--db", str(data), "export", report, "--format", "xlsx", "--out", str(out)]
        code = f"import sys; from dienchau_desktop import cli; sys.exit(cli.main({arguments!r}))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert done.returncode == 3, done.stderr
    assert f"Không ghi được tệp «{out}» (ổ đĩa đã đầy)." in done.stderr
    assert "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr
    assert sorted(p.name for p in full_disk.iterdir()) == ["chiem-cho.bin"]
