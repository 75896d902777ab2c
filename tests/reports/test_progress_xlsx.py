"""The progress report's Excel file, read back with openpyxl and printed by LibreOffice:
the report sheet portrait and the results sheet landscape, both on A4 at full size;
only the table's heading row repeated; page numbers in the footer; STT, percentages,
figures and dates stored as numbers and dates in Vietnamese display formats; section
rows merged, bold and indented; every counted task once; the report sheet saying what
the PDF says (parts, indicators, breakthrough task, funding, the closing kept whole)."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from collections import Counter
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.progress_report import (
    PART_TITLES,
    ProgressReport,
    breakthrough_sentence,
    build_progress_report,
    next_task_line,
    recipient_lines,
    task_sentence,
)
from dienchau_desktop.reports.progress_xlsx import export_progress_xlsx
from dienchau_desktop.reports.xlsx import (
    A4_LANDSCAPE_WIDTH,
    A4_PORTRAIT_WIDTH,
    POINTS_PER_WIDTH,
    keep_with_next,
    times_workbook,
)
from dienchau_desktop.services import items, periods, plans, progress, units

#: (status, percent, completion date) in turn; None: nothing reported. The cut-off of
#: the 6-month period of 2025 is 14/06/2025.
STATES = (
    ("completed", None, date(2025, 3, 2)),
    ("in_progress", 45, None),
    ("paused", 30, None),
    ("not_started", None, None),
    ("completed", None, date(2025, 6, 20)),  # after the cut-off
    None,
    ("cancelled", None, None),
)
RESULT = "Đã tổ chức hội nghị quán triệt đến 100% chi bộ, cán bộ, đảng viên; "


def varied_plan(db: Database, tasks: int = 42) -> tuple[int, periods.PeriodInfo]:
    """Sections on three levels, a task at the top level and one under a task, work
    in every state, indicators, a breakthrough section with its funding: more than a
    page of results."""
    plan = plans.create_plan(db, "Kế hoạch chuyển đổi số năm 2025", number="7", year=2025,
                             issuing_body="Ủy ban nhân dân\nxã Diễn Châu", place="Diễn Châu")  # fmt: skip
    half, _year = periods.create_standard_periods(db, plan.id, 2025)
    lead = units.create_unit(db, "Phòng Văn hoá - Xã hội").id
    top = items.add_item(db, plan.id, "section", "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU").id
    middle = items.add_item(db, plan.id, "section", "Chuyển đổi số", parent_id=top).id
    low = items.add_item(db, plan.id, "section", "Hạ tầng số:", parent_id=middle).id
    parents = (top, middle, low)
    ids = [items.add_item(db, plan.id, "task", "Việc ở cấp ngoài cùng",
                          deadline="Tháng 5/2025").id]  # fmt: skip
    for n in range(tasks):
        indicator = {0: {"indicator_target": 95, "indicator_unit": "%"},
                     1: {"indicator_target": 1500.5, "indicator_unit": "km"}}.get(n % 7, {})  # fmt: skip
        ids.append(items.add_item(
            db, plan.id, "task", f"Việc số {n + 1}: triển khai nền tảng số cho người dân",
            parent_id=parents[n % 3], lead_unit_id=lead,
            deadline=("Quý IV/2025", "Tháng 3/2025", "Thường xuyên")[n % 3], **indicator,
        ).id)  # fmt: skip
    ids.append(items.add_item(db, plan.id, "task", "Việc con của việc số 1",
                              parent_id=ids[1], deadline="Quý IV/2025").id)  # fmt: skip
    bold = items.add_item(db, plan.id, "section", "Đột phá: chính quyền số", is_breakthrough=True,
                          funding_amount=1500.5, funding_source="Ngân sách xã").id  # fmt: skip
    for n in range(3):
        funding = {"funding_amount": 200} if n == 0 else {}  # part of the section's
        ids.append(items.add_item(db, plan.id, "task", f"Việc đột phá số {n + 1}", parent_id=bold,
                                  lead_unit_id=lead, deadline="Quý IV/2025", **funding).id)  # fmt: skip
    for n, task in enumerate(ids):
        state = STATES[n % len(STATES)]
        if state is not None:
            status, percent, done_on = state
            progress.record_progress(db, task, half.id, status=status, percent=percent,
                                     completed_on=done_on, result_text=RESULT * (1 + n % 3),
                                     indicator_actual=90 if n % 7 in (1, 2) else None)  # fmt: skip
    return plan.id, half


def exported(db: Database, tmp_path: Path) -> tuple[ProgressReport, Path]:
    plan_id, half = varied_plan(db)
    signer = {"signer_authority": "TM. Ủy ban nhân dân", "signer_title": "Chủ tịch",
              "signer_name": "Nguyễn Văn Lợi"}  # fmt: skip
    report = build_progress_report(db, plan_id, half.id, number="15", report_date=date(2025, 6, 16),
                                   addressee="UBND tỉnh Nghệ An", header=signer,
                                   proposals="Đề nghị bổ sung kinh phí.\nĐề nghị tập huấn.")  # fmt: skip
    return report, export_progress_xlsx(report, tmp_path / "bao-cao.xlsx")


def printed_width(sheet: Worksheet) -> float:
    """The points the sheet's used columns take on paper at 100 %."""
    return POINTS_PER_WIDTH * sum(
        sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJ"[: sheet.max_column]
    )


def heading_row(sheet: Worksheet) -> int:
    return next(row[0].row for row in sheet.iter_rows() if row[0].value == "STT")


def test_results_sheet_stores_numbers_and_dates(db: Database, tmp_path: Path) -> None:
    report, out = exported(db, tmp_path)
    sheet = load_workbook(out)["Kết quả"]
    head = heading_row(sheet)
    keys = [c.key for c in report.appendix.columns]
    assert keys == [
        "stt",
        "title",
        "lead",
        "deadline",
        "status",
        "percent",
        "result",
        "completed",
    ]  # fmt: skip  the PDF appendix's columns
    assert [c.value for c in sheet[head]] == [c.heading for c in report.appendix.columns]
    rows = [[c for c in row] for row in sheet.iter_rows(min_row=head + 1)]
    tasks = [r for r in rows if isinstance(r[0].value, int)]
    # Every counted task once, numbered on 1, 2, 3… as numbers.
    titles = Counter(r[1].value for r in tasks)
    every = [t.title for t in items.plan_tree(db, 1).tasks()]
    assert report.overview.overall.total == len(every) == len(tasks)
    assert titles == Counter(every)
    assert [r[0].value for r in tasks] == list(range(1, len(every) + 1))
    assert all(r[0].data_type == "n" and r[0].number_format == "0" for r in tasks)
    by_title = {r[1].value: {k: c for k, c in zip(keys, r, strict=True)} for r in tasks}

    paused = by_title["Việc số 2: triển khai nền tảng số cho người dân"]
    assert paused["status"].value == "Tạm dừng"
    assert paused["percent"].value == 0.3 and paused["percent"].number_format == "0 %"
    assert paused["completed"].value is None

    late = by_title["Việc số 4: triển khai nền tảng số cho người dân"]
    assert late["status"].value == "Hoàn thành sau ngày chốt số liệu"
    assert late["completed"].value == datetime(2025, 6, 20)
    assert late["completed"].number_format == "dd/mm/yyyy"
    assert late["percent"].value == 1
    on_time = by_title["Việc số 7: triển khai nền tảng số cho người dân"]
    assert on_time["completed"].value == datetime(2025, 3, 2)
    # Text stays text: the deadline as written, an empty percent is an empty cell.
    assert on_time["deadline"].value == "Quý IV/2025" and on_time["deadline"].data_type == "s"
    assert by_title["Việc số 5: triển khai nền tảng số cho người dân"]["percent"].value is None
    assert all(isinstance(c.value, (int, float)) for r in tasks for c in r[5:6] if c.value)
    assert all(isinstance(c.value, datetime) for r in tasks for c in r[7:8] if c.value)


def test_results_sheet_section_rows_and_print_setup(db: Database, tmp_path: Path) -> None:
    report, out = exported(db, tmp_path)
    sheet = load_workbook(out)["Kết quả"]
    head = heading_row(sheet)
    merged = {str(r) for r in sheet.merged_cells.ranges}
    sections = [row[0] for row in sheet.iter_rows(min_row=head + 1)
                if isinstance(row[0].value, str) and row[1].value is None]  # fmt: skip
    assert [c.value for c in sections] == [r.cells[0] for r in report.appendix.rows
                                           if r.kind == "section"]  # fmt: skip
    for cell in sections:
        assert f"A{cell.row}:H{cell.row}" in merged
        assert cell.font.b
    indents = {c.value.split()[0]: c.alignment.indent for c in sections}
    # Indented by the section's level in the plan.
    assert indents["I."] == 0 and indents["I.1."] == 1 and indents["I.1.a)"] == 2

    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape", 9, 1, 0)  # fmt: skip
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    # Fitting to the width shrinks nothing: the columns fit between the margins.
    assert printed_width(sheet) <= A4_LANDSCAPE_WIDTH
    assert setup.scale in (None, 100)
    assert sheet.print_title_rows == f"${head}:${head}"  # the heading row, and only it
    assert sheet.oddFooter.center.text == "Trang &P"
    assert sheet.freeze_panes == f"A{head + 1}"


def test_report_sheet_prints_portrait_with_numbers(db: Database, tmp_path: Path) -> None:
    report, out = exported(db, tmp_path)
    book = load_workbook(out)
    assert book.sheetnames == ["Báo cáo", "Kết quả"]
    sheet = book["Báo cáo"]
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "portrait", 9, 1, 0)  # fmt: skip
    assert printed_width(sheet) <= A4_PORTRAIT_WIDTH
    assert sheet.print_title_rows is None  # not the header "ỦY BAN NHÂN DÂN … CỘNG HÒA…"
    assert sheet.oddFooter.center.text == "Trang &P"
    assert book.defined_names.get("_xlnm.Print_Titles") is None
    assert "Print_Titles" not in str(sheet.defined_names)

    head = next(r for r in sheet.iter_rows() if r[0].value == "Tình trạng")[0].row
    rows = {sheet.cell(r, 1).value: (sheet.cell(r, 5).value, sheet.cell(r, 7))
            for r in range(head + 1, head + 7)}  # fmt: skip
    counts = report.overview.overall
    assert rows["Tổng số"][0] == counts.total and rows["Tổng số"][1].value == 1
    assert all(isinstance(n, int) for n, _p in rows.values())
    assert sum(n for label, (n, _p) in rows.items() if label != "Tổng số") == counts.total
    for label, (n, percent) in rows.items():
        assert percent.number_format == "0.0 %", label
        assert abs(percent.value - n / counts.total) < 0.001, label
    unit_head = next(r for r in sheet.iter_rows() if r[0].value == "Cơ quan chủ trì")[0].row
    assert sheet.cell(unit_head + 1, 3).data_type == "n"
    # The PDF's pie, drawn by Excel from the bucket counts (not the total).
    (chart,) = sheet._charts
    series = chart.series[0]
    assert series.val.numRef.f == f"'Báo cáo'!$E${head + 1}:$E${head + 5}"
    assert series.cat.numRef.f == f"'Báo cáo'!$A${head + 1}:$A${head + 5}"


def test_report_sheet_texts_stay_text(sample_db: Database, tmp_path: Path) -> None:
    """The report sheet holds the header, the parts and the closing, the free texts as
    typed (never a formula); then the task table on its own sheet. Moved here from
    test_progress_report.py."""
    half = periods.list_periods(sample_db, 1)[0]
    tasks = items.plan_tree(sample_db, 1).tasks()
    progress.record_progress(sample_db, tasks[0].id, half.id, status="completed",
                             completed_on=date(2026, 3, 2), result_text="=Đã quán triệt")  # fmt: skip
    report = build_progress_report(sample_db, 1, half.id, shortcomings="+ Báo cáo còn chậm.",
                                   proposals="Bổ sung kinh phí.", number="15",
                                   addressee="UBND tỉnh Nghệ An", report_date=date(2026, 6, 5))  # fmt: skip
    book = load_workbook(export_progress_xlsx(report, tmp_path / "bao-cao.xlsx"))
    sheet = book["Báo cáo"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    for words in ("XÃ DIỄN CHÂU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 15/BC-UBND",
                  "BÁO CÁO", "Kính gửi: UBND tỉnh Nghệ An", "+ Báo cáo còn chậm.",
                  "Bổ sung kinh phí.", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN",
                  "Nguyễn Văn Lợi"):  # fmt: skip
        assert words in texts, words
    assert "Diễn Châu, ngày 05 tháng 6 năm 2026" in texts  # Decree 30: no "tháng 06"
    assert any("=Đã quán triệt" in t or "Đã quán triệt" in t for t in texts)
    assert all(
        c.data_type == "s" for row in sheet.iter_rows() for c in row if isinstance(c.value, str)
    )  # fmt: skip  no text ever became a formula
    table = book["Kết quả"]
    (result,) = [c for row in table.iter_rows() for c in row if c.value == "=Đã quán triệt"]
    assert result.data_type == "s" and result.quotePrefix  # text, never a formula
    titles = [table.cell(r, 2).value for r in range(1, table.max_row + 1)]
    assert [t for t in titles if t in {x.title for x in tasks}] == [t.title for t in tasks]
    assert table.freeze_panes == "A6"


def converted(xlsx: Path, folder: Path) -> Path:
    """The workbook printed to PDF by LibreOffice, as the secretary's office would."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is installed by .ci/run"
    result = subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{folder}/lo-profile",
         "--convert-to", "pdf", "--outdir", str(folder / "lo"), str(xlsx)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = folder / "lo" / f"{xlsx.stem}.pdf"
    assert pdf.exists(), result.stderr
    return pdf


def word_boxes(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    """(height, right edge, word) of every word on a page (pdftotext -bbox)."""
    xml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    return [(float(y2) - float(y1), float(x2), word) for _x1, y1, x2, y2, word in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', xml)]  # fmt: skip


#: The height pdftotext gives a word of Liberation Serif 12 pt printed at 100 %.
HEIGHT_AT_FULL_SIZE = 15.59


def test_libreoffice_prints_both_sheets_at_full_size(db: Database, tmp_path: Path) -> None:
    report, out = exported(db, tmp_path)
    pdf = converted(out, tmp_path)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)
    portrait = [n for n, (w, h) in enumerate(sizes, start=1) if float(w) < float(h)]
    landscape = [n for n, (w, h) in enumerate(sizes, start=1) if float(w) > float(h)]
    # The report's pages portrait, then the results' landscape, on A4, more than one each.
    assert len(portrait) >= 2 and len(landscape) >= 2
    assert portrait == list(range(1, len(portrait) + 1))
    assert all({round(float(w)), round(float(h))} == {595, 842} for w, h in sizes)
    texts = [
        subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                       capture_output=True, text=True, check=True).stdout
        for n in range(1, len(sizes) + 1)
    ]  # fmt: skip
    # The document header is on the first page only: no row of it repeats.
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts[0]
    assert "XÃ DIỄN CHÂU" in texts[0]
    assert not any("CỘNG HÒA" in t or "XÃ DIỄN CHÂU" in t for t in texts[1 : len(portrait)])
    # Each results page opens with the table's heading row; the appendix title once.
    for n in landscape:
        assert re.search(r"STT +Nhiệm vụ .* Trạng thái +% +Kết quả", texts[n - 1]), n
    assert sum("PHỤ LỤC" in texts[n - 1] for n in landscape) == 1
    # Each sheet's pages numbered from 1 in the footer.
    footers = [re.findall(r"Trang (\d+)", t)[-1] for t in texts]
    assert footers == [str(n) for n in range(1, len(portrait) + 1)] + [
        str(n) for n in range(1, len(landscape) + 1)
    ]
    # Numbers and dates shown the way they are written, never cut.
    results = " ".join(texts[n - 1] for n in landscape)
    assert "30 %" in results and "100 %" in results and "20/06/2025" in results
    for task in items.plan_tree(db, 1).tasks():
        assert task.title.split(":")[0] in results, task.title
    # The closing on one page with the last paragraph before it; no section row at
    # the foot of a results page, away from its first task.
    closing = next(t for t in texts if "Nơi nhận:" in t)
    assert "Nguyễn Văn Lợi" in closing and "Đề nghị tập huấn." in closing
    sections = {r.cells[0] for r in report.appendix.rows if r.kind == "section"}
    for n in landscape:
        lines = [line.strip() for line in texts[n - 1].splitlines() if line.strip()]
        assert lines[-2] not in sections, (n, lines[-2])  # the last is the footer
    # Printed at full size (fitting the width shrank nothing), nothing past the edge.
    for page, (width, _height) in enumerate(sizes, start=1):
        boxes = word_boxes(pdf, page)
        assert statistics.median(h for h, _x, _w in boxes) >= 0.9 * HEIGHT_AT_FULL_SIZE, page
        assert max(x for _h, x, _w in boxes) <= float(width) - 15 / 25.4 * 72 + 1, page


def test_report_sheet_says_what_the_pdf_says(db: Database, tmp_path: Path) -> None:
    """Parts I–V with their subsections, every task's sentence once, the indicators and
    the funding as numbers with their units, the breakthrough task, the closing."""
    report, out = exported(db, tmp_path)
    sheet = load_workbook(out)["Báo cáo"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    for title in PART_TITLES.values():
        assert texts.count(title) == 1, title
    assert [k for k, _h in report.result_parts] == [
        "summary", "sections", "indicators", "breakthrough", "funding"]  # fmt: skip
    for _key, heading in report.result_parts:
        assert heading in texts, heading
    sentences = Counter(texts)
    tasks = [t for group in report.sections for t in group.tasks]
    assert len(tasks) == report.overview.overall.total
    for task in tasks:
        assert sentences[task_sentence(task)] == 1, task.title
    for group in report.sections:
        assert texts.count(group.heading) == 1, group.heading
    assert breakthrough_sentence(report.breakthrough[0]) in texts
    assert report.carried_over and report.due_next
    for task in (*report.carried_over, *report.due_next):
        assert next_task_line(task) in texts
    assert report.date_text == "ngày 16 tháng 6 năm 2025"
    assert "Diễn Châu, ngày 16 tháng 6 năm 2025" in texts
    for line in recipient_lines(report.info.recipients):
        assert line in texts

    def row_of(first: str, column: int = 1) -> int:
        return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, column).value == first)

    # The indicators: STT | Chỉ tiêu | Đơn vị tính | Kế hoạch | Thực hiện | Tỷ lệ | Đánh
    # giá, the figures as numbers.
    head = row_of("Chỉ tiêu", 2)
    assert [sheet.cell(head, c).value for c in (1, 2, 4, 5, 6, 7, 8)] == [
        "STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ", "Đánh giá"]  # fmt: skip
    rows = {sheet.cell(r, 2).value: [sheet.cell(r, c) for c in (1, 4, 5, 6, 7, 8)]
            for r in range(head + 1, head + 1 + len(report.indicators))}  # fmt: skip
    assert len(rows) == len(report.indicators) == 12
    for line in report.indicators:
        number, unit, target, actual, rate, verdict = rows[line.title]
        assert isinstance(number.value, int)
        assert (unit.value, verdict.value) == (line.unit, line.verdict)
        if line.unit == "%":
            assert (target.value, target.number_format) == (95, "#,##0")
        else:
            assert (target.value, target.number_format) == (1500.5, "#,##0.0")
        if line.actual is None:
            assert actual.value == "…" and rate.value is None
        else:
            assert (actual.value, actual.number_format) == (90, "#,##0")
            assert rate.number_format == "0.0 %"
            assert abs(rate.value - line.rate / 100) < 1e-9
    # The funding: the breakthrough section's amount, a task's within it (not added to
    # the total again), and the total, as numbers.
    head = row_of("Nội dung, nhiệm vụ", 2)
    assert sheet.cell(head, 5).value == "Kinh phí (triệu đồng)"
    assert sheet.cell(head + 1, 2).value.startswith("Đột phá: chính quyền số")
    assert sheet.cell(head + 2, 2).value == "Trong đó: Việc đột phá số 1 (mục III.1 của Kế hoạch)"
    assert (sheet.cell(head + 2, 5).value, sheet.cell(head + 2, 5).number_format) == (200, "#,##0")
    for row in (head + 1, head + 3):
        assert sheet.cell(row, 5).value == 1500.5
        assert sheet.cell(row, 5).number_format == "#,##0.0"
    assert sheet.cell(head + 1, 7).value == "Ngân sách xã"
    assert sheet.cell(head + 3, 2).value == "Tổng cộng" and sheet.cell(head + 3, 2).font.b


def test_keep_with_next_breaks_before_a_heading_at_a_page_foot() -> None:
    """Rows of 100 points on a page of 450: four a page. A heading (kept with the row
    after it) falling fourth goes to the next page; a run of kept rows goes whole; a
    run taller than a page is left alone."""
    book = times_workbook()
    sheet = book.active
    for row in range(1, 31):
        sheet.cell(row, 1, f"dòng {row}")
        sheet.row_dimensions[row].height = 100
    keep_with_next(sheet, {4, 7, 10, 11, 13, 20, 21, 22, 23, 24}, 450)
    # Row 4 would end page 1: it starts page 2 (rows 4–7), but row 7 would end it too:
    # page 2 is 4–6, page 3 starts with 7, 8, 9; the run 10–12 next; 13 with 14…
    assert [b.id for b in sheet.row_breaks.brk] == [3, 6, 9, 12]
    # With a heading row of 50 repeated on every page after the first.
    sheet.row_breaks.brk = []
    keep_with_next(sheet, {4}, 450, repeated=1)
    assert [b.id for b in sheet.row_breaks.brk] == [3]


def test_a_long_paragraph_goes_on_in_rows_no_taller_than_excel_allows(
    sample_db: Database, tmp_path: Path
) -> None:
    """A row is at most 409 points tall: a result of 3,000 characters would be cut off
    in print; its sentence goes on in the rows below, every word kept."""
    half = periods.list_periods(sample_db, 1)[0]
    task = items.plan_tree(sample_db, 1).tasks()[0]
    result = " ".join(f"kq{n:04d}" for n in range(430))  # 3,000 characters
    progress.record_progress(sample_db, task.id, half.id, status="in_progress", percent=40,
                             result_text=result)  # fmt: skip
    report = build_progress_report(sample_db, 1, half.id, report_date=date(2026, 6, 16))
    sheet = load_workbook(export_progress_xlsx(report, tmp_path / "bc.xlsx"))["Báo cáo"]
    rows = [r for r in range(1, sheet.max_row + 1)
            if "kq" in str(sheet.cell(r, 1).value)]  # fmt: skip
    assert len(rows) >= 3 and rows == list(range(rows[0], rows[0] + len(rows)))
    (sentence,) = [task_sentence(t) for g in report.sections for t in g.tasks if t.id == task.id]
    assert " ".join(sheet.cell(r, 1).value for r in rows) == sentence
    assert all(sheet.row_dimensions[r].height < 409 for r in rows)
