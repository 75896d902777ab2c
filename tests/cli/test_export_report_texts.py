"""`export progress` with the report's free texts (#16): given for one export, or kept
in the data file for the period with --save-texts; a text too long is refused, saying
which part, and nothing is kept."""

from __future__ import annotations

import subprocess
from pathlib import Path

from dienchau_desktop.db.database import Database
from dienchau_desktop.services import periods, report_texts
from tests.cli.test_cli import run_cli


def pdf_words(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    lines = [line for line in text.splitlines() if not line.strip().isdigit()]
    return " ".join(" ".join(lines).split())


def export(
    tmp_path: Path, name: str, *options: str
) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path / name
    result = run_cli("export", "progress", "--format", "pdf", "--out", str(out), "--period", "1",
                     *options, data_dir=tmp_path)  # fmt: skip
    return result, out


def test_texts_given_kept_and_read_back(tmp_path: Path) -> None:
    result, out = export(
        tmp_path, "mot-lan.pdf", "--direction", "Đã ban hành 03 văn bản.",
        "--next-text", "Hoàn thành nhiệm vụ đột phá.", "--to", "UBND tỉnh Nghệ An",
        "--recipient", "Sở Khoa học và Công nghệ;", "--recipient", "Lưu: VT.",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = pdf_words(out)
    assert "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH Đã ban hành 03 văn bản. II." in text
    assert "Hoàn thành nhiệm vụ đột phá. V. ĐỀ XUẤT, KIẾN NGHỊ" in text
    assert "Nơi nhận: - Như trên; - Sở Khoa học và Công nghệ; - Lưu: VT." in text
    # Not kept without --save-texts: the next export has the skeleton again.
    result, out = export(tmp_path, "lan-sau.pdf")
    assert "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH Sau khi Kế hoạch số …/KH-UBND" in pdf_words(out)

    result, out = export(tmp_path, "luu.pdf", "--shortcomings", "Còn chậm.",
                         "--direction", "Đã họp 02 lần.", "--save-texts")  # fmt: skip
    assert result.returncode == 0, result.stderr
    result, out = export(tmp_path, "doc-lai.pdf")
    text = pdf_words(out)
    assert "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH Đã họp 02 lần. II." in text
    assert "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN Còn chậm. IV." in text
    db = Database.open(tmp_path / "ke-hoach.sqlite3")
    try:
        half = periods.list_periods(db, 1)[0]
        assert report_texts.report_texts(db, half.id) == {
            "direction": "Đã họp 02 lần.", "shortcomings": "Còn chậm."
        }  # fmt: skip
    finally:
        db.close()


def test_a_text_too_long_is_refused_and_nothing_kept(tmp_path: Path) -> None:
    result, out = export(tmp_path, "dai.pdf", "--direction", "Đã họp.", "--proposals",
                         "x" * 20_001, "--save-texts")  # fmt: skip
    assert result.returncode == 3, (result.returncode, result.stderr)
    assert "V. Đề xuất, kiến nghị" in result.stderr and "20.000" in result.stderr
    assert not out.exists()
    db = Database.open(tmp_path / "ke-hoach.sqlite3")
    try:
        assert report_texts.report_texts(db, periods.list_periods(db, 1)[0].id) == {}
    finally:
        db.close()


def test_parts_not_written_are_warned_of_on_stderr(tmp_path: Path) -> None:
    """A report whose parts I (still its skeleton), III and V (empty) she never wrote is
    made, and stderr names those parts and the options that write them; once written,
    no warning. The exit code is the export's."""
    result, out = export(tmp_path, "nhap.pdf")
    assert result.returncode == 0 and out.is_file()
    assert "Đã xuất" in result.stdout
    warning = result.stderr
    assert warning.startswith("Cảnh báo:")
    for part in (
        "«I. Công tác chỉ đạo, điều hành»",
        "«III. Tồn tại, hạn chế và nguyên nhân»",
        "«V. Đề xuất, kiến nghị»",
        "--direction",
        "--shortcomings",
        "--proposals",
    ):
        assert part in warning, part
    assert "IV." not in warning  # part IV has its list of tasks whatever she writes

    # Part I written, III and V saved for the period: only what is still missing.
    result, _out = export(tmp_path, "phan-ba.pdf", "--shortcomings", "Còn chậm.",
                          "--save-texts")  # fmt: skip
    assert result.returncode == 0
    assert "«III." not in result.stderr and "«I. Công tác" in result.stderr
    result, _out = export(tmp_path, "du.pdf", "--direction", "Đã họp 02 lần.",
                          "--proposals", "Đề nghị hỗ trợ kinh phí.")  # fmt: skip
    assert result.returncode == 0 and result.stderr == ""

    # An Excel file is warned of the same way; another report never.
    result = run_cli("export", "progress", "--format", "xlsx", "--out",
                     str(tmp_path / "nhap.xlsx"), "--period", "1", data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 0 and "«I. Công tác" in result.stderr
    result = run_cli("export", "appendix", "--format", "pdf", "--out",
                     str(tmp_path / "phu-luc.pdf"), data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 0 and result.stderr == ""
