"""Every report of the registry, in every format it lists, exports from the command line;
a format it does not list is refused in words, and nothing is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dienchau_desktop import cli
from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.export import ExportRequest, export_report
from dienchau_desktop.reports.file_names import report_file_name
from dienchau_desktop.reports.registry import REPORT_KINDS, REPORTS, ReportKind, formats
from tests.conftest import make_sample_file
from tests.reports.sixth_report import add_the_sixth_report

UNIT = "Công an xã"  # a unit of the sample plan, with tasks it leads and coordinates

EVERY_EXPORT = [(kind.key, fmt) for kind in REPORT_KINDS for fmt in kind.formats]
EVERY_REFUSAL = [(kind.key, fmt) for kind in REPORT_KINDS for fmt in formats()
                 if fmt not in kind.formats]  # fmt: skip


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_sample_file(tmp_path_factory.mktemp("data"))


def needs(kind: ReportKind) -> list[str]:
    """The arguments the report cannot do without."""
    return ["--unit", UNIT] if kind.needs_unit else []


def assert_a_report_file(path: Path, fmt: str) -> None:
    if fmt == "pdf":
        assert path.read_bytes().startswith(b"%PDF-")
    else:
        assert load_workbook(path).sheetnames
    assert path.stat().st_size > 1000


def test_the_registry_is_what_the_command_line_offers() -> None:
    assert [kind.key for kind in REPORT_KINDS] == ["appendix", "progress", "due", "unit",
                                                   "return-form"]  # fmt: skip
    assert set(REPORTS) == {kind.key for kind in REPORT_KINDS}
    assert formats() == ("xlsx", "pdf")
    assert ("return-form", "pdf") in EVERY_REFUSAL  # the test below refuses something


@pytest.mark.parametrize(("report", "fmt"), EVERY_EXPORT)
def test_every_report_in_every_format_it_lists(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], report: str, fmt: str
) -> None:
    kind = REPORTS[report]
    out = tmp_path / "ra" / f"{report}.{fmt}"
    code = cli.main(["--db", str(data), "export", report, "--format", fmt, "--out", str(out),
                     *needs(kind)])  # fmt: skip
    said = capsys.readouterr()
    assert code == 0, said.err
    assert said.out.startswith("Đã xuất ") and f"«{out}»" in said.out
    assert_a_report_file(out, fmt)
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary left
    name = report_file_name(report, fmt, plan_number="125", plan_year=2026, unit=UNIT)
    assert name.startswith(kind.file_stem) and name.endswith(f".{fmt}")


@pytest.mark.parametrize(("report", "fmt"), EVERY_REFUSAL)
def test_a_format_a_report_does_not_list_is_refused_in_words(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], report: str, fmt: str
) -> None:
    kind = REPORTS[report]
    out = tmp_path / f"{report}.{fmt}"
    with pytest.raises(SystemExit) as exited:
        cli.main(["--db", str(data), "export", report, "--format", fmt, "--out", str(out),
                  *needs(kind)])  # fmt: skip
    assert exited.value.code == 2
    listed = " hoặc ".join(kind.formats)
    assert capsys.readouterr().err.rstrip().endswith(f"error: {report} chỉ có dạng {listed}")
    assert not out.exists()
    # Asked by a program (the window), the export refuses in the secretary's words.
    db = Database.open(data)
    try:
        with pytest.raises(ValidationError) as refused:
            export_report(db, ExportRequest(report, fmt, 1, unit=UNIT), out)
    finally:
        db.close()
    assert refused.value.message == f"{kind.label} chỉ có dạng {kind.formats_in_words()}."
    assert not out.exists()


def test_the_return_form_refusal_reads_as_it_always_has(data: Path, tmp_path: Path) -> None:
    db = Database.open(data)
    try:
        with pytest.raises(ValidationError, match=r"^Mẫu báo cáo gửi đơn vị chỉ có dạng Excel\.$"):
            export_report(db, ExportRequest("return-form", "pdf", 1, unit=UNIT),
                          tmp_path / "m.pdf")  # fmt: skip
    finally:
        db.close()


@pytest.mark.parametrize("report", [kind.key for kind in REPORT_KINDS if kind.needs_unit])
def test_a_report_of_a_unit_needs_the_unit(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], report: str
) -> None:
    fmt = REPORTS[report].formats[0]
    with pytest.raises(SystemExit) as exited:
        cli.main(["--db", str(data), "export", report, "--format", fmt, "--out",
                  str(tmp_path / f"x.{fmt}")])  # fmt: skip
    assert exited.value.code == 2
    assert capsys.readouterr().err.rstrip().endswith(f"error: export {report} cần --unit NAME")


def test_the_help_names_every_report_and_what_it_reads(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for kind in REPORT_KINDS:
        assert f"{kind.key} ({' '.join(kind.summary.split())})" in shown
    assert "--format {xlsx,pdf}" in shown
    assert "đơn vị (cho unit, return-form)" in shown
    assert "kỳ báo cáo (progress, return-form)" in shown
    assert "Kính gửi (progress)" in shown and "phần V. Đề xuất, kiến nghị (progress)" in shown


def test_a_sixth_report_is_one_registry_entry(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    kind = add_the_sixth_report(monkeypatch)
    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])
    assert "unit-list (danh sách đơn vị)" in " ".join(capsys.readouterr().out.split())
    out = tmp_path / "don-vi.xlsx"
    code = cli.main(["--db", str(data), "export", kind.key, "--format", "xlsx", "--out", str(out)])
    said = capsys.readouterr()
    assert code == 0, said.err
    assert said.out.strip() == f"Đã xuất 7 đơn vị ra «{out}»."
    assert load_workbook(out).active["A2"].value
    with pytest.raises(SystemExit) as exited:
        cli.main(["--db", str(data), "export", kind.key, "--format", "pdf", "--out", str(out)])
    assert exited.value.code == 2
    assert capsys.readouterr().err.rstrip().endswith("error: unit-list chỉ có dạng xlsx")
    named = report_file_name(kind.key, "xlsx", today=date(2026, 11, 28))
    assert named == "danh-sach-don-vi-28-11-2026.xlsx"
