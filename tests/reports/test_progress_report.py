"""The progress report for a period: header, parts I–V, closing, appendix numbered on
its own; read back with pdftotext and pdffonts."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.progress_pdf import export_progress_pdf
from dienchau_desktop.reports.progress_report import build_progress_report
from dienchau_desktop.reports.progress_xlsx import export_progress_xlsx
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
                  "Độc lập - Tự do - Hạnh phúc", "Diễn Châu, ngày 16 tháng 06 năm 2026",
                  "BÁO CÁO", "sơ kết 6 tháng", "I. TÌNH HÌNH THỰC HIỆN CHUNG",
                  "hoàn thành 1 nhiệm vụ"):  # fmt: skip
        assert words in first, words
    whole = " ".join(" ".join(pages).split())
    for words in ("II. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ", "Đã quán triệt 100% chi bộ",
                  "III. TỒN TẠI, HẠN CHẾ", "Báo cáo còn chậm.", "IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
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


def test_progress_report_workbook(sample_db: Database, tmp_path: Path) -> None:
    """The Excel version: the report sheet with numbers the district can add up, the
    free texts and the closing; then the task table on its own sheet."""
    half = periods.list_periods(sample_db, 1)[0]
    tasks = items.plan_tree(sample_db, 1).tasks()
    progress.record_progress(sample_db, tasks[0].id, half.id, status="completed",
                             completed_on=date(2026, 3, 2), result_text="=Đã quán triệt")  # fmt: skip
    report = build_progress_report(sample_db, 1, half.id, shortcomings="+ Báo cáo còn chậm.",
                                   proposals="Bổ sung kinh phí.", number="15",
                                   addressee="UBND tỉnh Nghệ An", report_date=date(2026, 6, 5))  # fmt: skip
    out = export_progress_xlsx(report, tmp_path / "bao-cao.xlsx")
    book = load_workbook(out)
    assert book.sheetnames == ["Báo cáo", "Kết quả"]
    sheet = book["Báo cáo"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    for words in ("XÃ DIỄN CHÂU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 15/BC-UBND",
                  "Diễn Châu, ngày 05 tháng 06 năm 2026", "BÁO CÁO", "Kính gửi: UBND tỉnh Nghệ An",
                  "I. TÌNH HÌNH THỰC HIỆN CHUNG", "III. TỒN TẠI, HẠN CHẾ", "+ Báo cáo còn chậm.",
                  "V. ĐỀ XUẤT, KIẾN NGHỊ", "Bổ sung kinh phí.", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN",
                  "Nguyễn Văn Lợi"):  # fmt: skip
        assert words in texts, words
    assert any("=Đã quán triệt" in t for t in texts)
    assert all(
        c.data_type == "s" for row in sheet.iter_rows() for c in row if isinstance(c.value, str)
    )  # fmt: skip  no text ever became a formula
    # The bucket table holds numbers: one of 36 tasks completed.
    head = next(r for r in sheet.iter_rows() if r[0].value == "Tình trạng")[0].row
    rows = {sheet.cell(r, 1).value: (sheet.cell(r, 2).value, sheet.cell(r, 3).value)
            for r in range(head + 1, head + 7)}  # fmt: skip
    assert rows["Tổng số"] == (36, 100)
    assert sum(n for label, (n, _p) in rows.items() if label != "Tổng số") == 36
    completed = ("Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Hoàn thành")
    assert sum(rows[label][0] for label in completed) == 1
    assert all(isinstance(n, int) for n, _p in rows.values())
    unit_head = next(r for r in sheet.iter_rows() if r[0].value == "Cơ quan chủ trì")[0].row
    assert sheet.cell(unit_head + 1, 2).data_type == "n"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    table = book["Kết quả"]
    titles = [table.cell(r, 2).value for r in range(1, table.max_row + 1)]
    assert [t for t in titles if t in {x.title for x in tasks}] == [t.title for t in tasks]
    assert table.freeze_panes == "A6"
