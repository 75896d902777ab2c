"""The progress report for a period: header, parts I–V, closing, appendix numbered on
its own; read back with pdftotext and pdffonts."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.progress_pdf import export_progress_pdf
from dienchau_desktop.reports.progress_report import build_progress_report
from dienchau_desktop.services import items, periods, progress


def page_texts(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    return [p for p in text.split("\f") if p.strip()]


def test_progress_report_pdf(sample_db: Database, tmp_path: Path) -> None:
    half = periods.list_periods(sample_db, 1)[0]
    task = items.plan_tree(sample_db, 1).tasks()[0]
    progress.record_progress(sample_db, task.id, half.id, status="completed",
                             completed_on=date(2026, 3, 2), result_text="Đã quán triệt 100% chi bộ")  # fmt: skip
    report = build_progress_report(sample_db, 1, half.id, shortcomings="Báo cáo còn chậm.",
                                   proposals="Bổ sung kinh phí.", report_date=date(2026, 6, 16))  # fmt: skip
    assert report.overview.overall.total == 36
    out = export_progress_pdf(report, tmp_path / "bao-cao.pdf")
    pages = page_texts(out)
    first = " ".join(pages[0].split())
    for words in ("ỦY BAN NHÂN DÂN XÃ DIỄN CHÂU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", "Diễn Châu, ngày 16 tháng 6 năm 2026",
                  "BÁO CÁO", "Sơ kết 6 tháng đầu năm 2026", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
                  "hoàn thành 1 nhiệm vụ"):  # fmt: skip
        assert words in first, words
    whole = " ".join(" ".join(pages).split())
    for words in ("II. KẾT QUẢ THỰC HIỆN", "Đã quán triệt 100% chi bộ",
                  "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "Báo cáo còn chậm.",
                  "IV. NHIỆM VỤ, GIẢI PHÁP KỲ TỚI",
                  "V. ĐỀ XUẤT, KIẾN NGHỊ", "Bổ sung kinh phí.", "Nơi nhận:", "Lưu: VT, VHXH.",
                  "TM. ỦY BAN NHÂN DÂN", "Nguyễn Văn Lợi"):  # fmt: skip
        assert words in whole, words
    appendix_start = next(i for i, p in enumerate(pages) if p.startswith("PHỤ LỤC"))
    assert appendix_start > 0
    # The report's pages 2… carry their number; the appendix starts again at 1 (unprinted).
    for index in range(1, appendix_start):
        assert pages[index].split()[0] == str(index + 1)
    if len(pages) > appendix_start + 1:
        assert pages[appendix_start + 1].split()[0] == "2"
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout  # fmt: skip
    assert "Helvetica" not in fonts and "LiberationSerif" in fonts
