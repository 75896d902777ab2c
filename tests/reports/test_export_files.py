"""An export writes its file whole or not at all, and leaves nothing else behind: a
failure half-way removes its temporary and keeps the report written before; a
temporary left by a killed export is removed by the next export into that folder."""

from __future__ import annotations

import errno
import os
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from dienchau_desktop import cli
from dienchau_desktop.reports import files, pdf, xlsx
from tests.conftest import make_sample_file


def export(data: Path, report: str, fmt: str, out: Path) -> int:
    return cli.main(["--db", str(data), "export", report, "--format", fmt, "--out", str(out)])


def test_a_report_is_written_under_a_recognisable_temporary_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real = files.write_atomically

    def spy(out: Path, write):  # type: ignore[no-untyped-def]
        def watched(temporary: str) -> None:
            seen.append(Path(temporary).name)
            write(temporary)

        return real(out, watched)

    monkeypatch.setattr(pdf, "write_atomically", spy)
    out = tmp_path / "bao-cao" / "phu-luc.pdf"
    assert export(make_sample_file(tmp_path), "appendix", "pdf", out) == 0
    [name] = seen
    assert name.startswith(".~phu-luc.pdf.") and name.endswith(".partial")
    assert [p.name for p in out.parent.iterdir()] == ["phu-luc.pdf"]


@pytest.mark.parametrize(("report", "fmt"), [("appendix", "pdf"), ("progress", "pdf"),
                                             ("appendix", "xlsx"), ("progress", "xlsx")])  # fmt: skip
def test_an_export_failing_half_way_keeps_the_previous_report_and_leaves_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    report: str,
    fmt: str,
) -> None:
    data = make_sample_file(tmp_path)
    folder = tmp_path / "bao-cao"
    out = folder / f"bao-cao.{fmt}"
    assert export(data, report, fmt, out) == 0
    before = out.read_bytes()
    capsys.readouterr()

    def half_then_full_disk(filename: str) -> None:
        Path(filename).write_bytes(b"PK half a report")
        raise OSError(errno.ENOSPC, "No space left on device", filename)

    if fmt == "pdf":
        monkeypatch.setattr(
            pdf.NumberedDocument,
            "build",
            lambda document, story: half_then_full_disk(document.filename),
        )
    else:
        monkeypatch.setattr(xlsx, "write_file", lambda name, data: half_then_full_disk(name))
    assert export(data, report, fmt, out) == 3
    error = capsys.readouterr().err
    assert f"Không ghi được tệp «{out}» (ổ đĩa đã đầy)." in error
    assert "No space" not in error
    assert out.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == [out.name]


def test_an_export_failing_on_a_bug_leaves_no_temporary_either(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self, story, *args, **kwargs):  # type: ignore[no-untyped-def]
        Path(self.filename).write_bytes(b"%PDF-1.4")
        raise RuntimeError("a bug in the middle of the layout")

    monkeypatch.setattr(pdf.NumberedDocument, "build", broken)
    folder = tmp_path / "bao-cao"
    with pytest.raises(RuntimeError):
        export(make_sample_file(tmp_path), "due", "pdf", folder / "qua-han.pdf")
    assert list(folder.iterdir()) == []


def test_the_next_export_removes_temporaries_left_by_a_killed_one(tmp_path: Path) -> None:
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    two_hours_ago = time.time() - 7200

    def left(name: str, content: bytes = b"", old: bool = True) -> Path:
        path = folder / name
        path.write_bytes(content)
        if old:
            os.utime(path, (two_hours_ago, two_hours_ago))
        return path

    stale = left(".~phu-luc.pdf.k3j2_x9a.partial", b"%PDF-1.4 half")
    stale_xlsx = left(".~bao-cao.xlsx.a8b7c6d5.partial")
    old_style = left("tmpab12cd_3.pdf")
    running = left(".~phu-luc.pdf.zz99yy88.partial", b"%PDF", old=False)  # another export
    users = [
        left("tmpab12cd_4.pdf", b"%PDF-1.4 a file of the user's"),  # not empty: not ours
        left("ghi-chu.partial"),
        left(".~lock.bao-cao.xlsx#"),  # LibreOffice's lock file
        left("phu-luc-cu.pdf", b"%PDF-1.4 old report"),
    ]

    assert export(make_sample_file(tmp_path), "appendix", "pdf", folder / "phu-luc.pdf") == 0

    for path in (stale, stale_xlsx, old_style):
        assert not path.exists()
    for path in (running, *users):
        assert path.exists()
    assert (folder / "phu-luc.pdf").read_bytes().startswith(b"%PDF")


def test_a_workbook_saved_through_memory_is_the_file_openpyxl_writes(tmp_path: Path) -> None:
    def book() -> Workbook:
        made = Workbook()
        sheet = made.active
        sheet.title = "Phụ lục"
        xlsx.merge_row(sheet, 1, 1, 3)
        for row in range(1, 200):
            for column in range(1, 4):
                xlsx.write_text(sheet.cell(row=row, column=column), f"=ô {row}.{column}")
        return made

    ours = xlsx.save_workbook(book(), tmp_path / "ours.xlsx")
    theirs = tmp_path / "theirs.xlsx"
    book().save(theirs)
    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(theirs) as b:
        assert a.namelist() == b.namelist()
        # Only the time of saving differs.
        assert [n for n in a.namelist() if a.read(n) != b.read(n)] in ([], ["docProps/core.xml"])

    def cells(path: Path) -> list[list[object]]:
        return [[c.value for c in r] for r in load_workbook(path).active.iter_rows()]

    assert cells(ours) == cells(theirs)
    assert cells(ours)[1] == ["=ô 2.1", "=ô 2.2", "=ô 2.3"]


def test_a_temporary_older_than_ten_minutes_goes_with_the_next_export(tmp_path: Path) -> None:
    """What a killed export left (kill -9: empty) does not wait an hour any more; a
    temporary younger than the limit may be a running export's, and stays."""
    folder = tmp_path / "bao-cao"
    folder.mkdir()

    def left(name: str, minutes_ago: float) -> Path:
        path = folder / name
        path.touch()
        when = time.time() - minutes_ago * 60
        os.utime(path, (when, when))
        return path

    killed = left(".~a.pdf.k3j2_x9a.partial", 11)
    running = left(".~a.pdf.zz99yy88.partial", 8)
    just_made = left(".~a.pdf.ab12cd34.partial", 0)
    assert export(make_sample_file(tmp_path), "appendix", "pdf", folder / "a.pdf") == 0
    assert not killed.exists()
    assert running.exists() and just_made.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["a.pdf", running.name, just_made.name]
    )


def test_ages_are_read_on_the_folders_clock_not_this_computers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shared folder's server keeps the files' times: with this computer's clock two
    hours ahead of it, a running export's temporary must not look two hours old."""
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    running = folder / ".~a.xlsx.zz99yy88.partial"
    running.touch()
    killed = folder / ".~a.xlsx.k3j2_x9a.partial"
    killed.touch()
    an_hour_ago = time.time() - 3600
    os.utime(killed, (an_hour_ago, an_hour_ago))
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 7200)
    assert export(make_sample_file(tmp_path), "appendix", "xlsx", folder / "a.xlsx") == 0
    assert running.exists() and not killed.exists()
