"""A report written twice from the same data is the same file, byte for byte: the forms
its recurring cells are drawn from are named after what they draw, not after where
the paragraph sat in memory (#16), so a file sent again, or kept beside the one sent,
can be told unchanged by comparing it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.appendix import build_appendix
from dienchau_desktop.reports.pdf import export_appendix_pdf
from tests.reports.test_progress_report_pdf import export, plan_in_every_state


@pytest.fixture(autouse=True)
def pinned_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """reportlab stamps the time of writing into the file (its creation and change
    dates, and the seed of its /ID): SOURCE_DATE_EPOCH, the reproducible-builds
    variable reportlab honours, pins them, so that only the rest is compared."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1781568000")  # 16/06/2026


def test_the_progress_report_written_twice_is_the_same_file(sample_db: Database,
                                                            tmp_path: Path) -> None:  # fmt: skip
    first = export(sample_db, 1, tmp_path / "bc.pdf").read_bytes()
    again = export(sample_db, 1, tmp_path / "bc-lan-2.pdf").read_bytes()

    assert b"/FormXob.cell-" in first  # its appendix draws recurring cells from forms
    assert first == again


def test_a_report_in_every_state_written_twice_is_the_same_file(db: Database,
                                                                tmp_path: Path) -> None:  # fmt: skip
    plan_id = plan_in_every_state(db, number="15/KH-UBND", issue_date_text="05/01/2026")

    first = export(db, plan_id, tmp_path / "bc.pdf").read_bytes()
    again = export(db, plan_id, tmp_path / "bc-lan-2.pdf").read_bytes()

    assert first == again


def test_the_appendix_written_twice_is_the_same_file(sample_db: Database, tmp_path: Path) -> None:
    first = export_appendix_pdf(build_appendix(sample_db, 1), tmp_path / "a.pdf").read_bytes()
    again = export_appendix_pdf(build_appendix(sample_db, 1), tmp_path / "b.pdf").read_bytes()

    assert b"/FormXob.cell-" in first
    assert first == again
