"""The progress report's PDF read back (pdftotext, pdfinfo), for a plan with progress
in every state, tasks at the top level and under a task, a breakthrough section with
funding and an indicator (#16): every counted task once in part II and once in the
appendix, part IV's horizon, the states in words, Vietnamese numbers, the "…"
placeholders, the texts kept per period, the chart inside the page, the appendix
landscape with nothing broken."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.export import ExportRequest, export_report
from dienchau_desktop.services import items, periods, plans, progress, report_texts, units

#: title: (deadline, status, percent, completion date); status None: nothing reported.
TASKS = {
    "Việc xong đúng hạn": ("Tháng 3/2026", "completed", None, date(2026, 3, 2)),
    "Việc xong muộn": ("Tháng 2/2026", "completed", None, date(2026, 4, 10)),
    "Việc chưa làm": ("Quý IV/2026", "not_started", None, None),
    "Việc tạm dừng": ("Quý IV/2026", "paused", 30, None),
    "Việc đang làm": ("Quý III/2026", "in_progress", 72, None),
    "Việc xong sau ngày chốt": ("Quý IV/2026", "completed", None, date(2026, 6, 20)),
    "Việc chưa báo cáo": ("Tháng 5/2026", None, None, None),
    "Việc năm sau": ("Quý I/2027", None, None, None),
    "Việc thường xuyên": ("Thường xuyên", "in_progress", 50, None),
}
#: Part II's words for each state (cut-off 14/06/2026).
STATE_WORDS = {
    "Việc xong đúng hạn": "Hoàn thành ngày 02/03/2026.",
    "Việc xong muộn": "Hoàn thành ngày 10/04/2026 (quá hạn).",
    "Việc chưa làm": "Chưa thực hiện.",
    "Việc tạm dừng": "Tạm dừng, đạt 30 %.",
    "Việc đang làm": "Đang thực hiện, đạt 72 %.",
    "Việc xong sau ngày chốt": "Hoàn thành sau ngày chốt số liệu (ngày 20/06/2026).",
    "Việc chưa báo cáo": "Chưa báo cáo; quá hạn (Tháng 5/2026).",
    "Việc con của việc đang làm": "Đang thực hiện, đạt 50 %; quá hạn (30/05/2026).",
    "Việc ở cấp cao nhất": "Chưa báo cáo.",
    "Việc đột phá": "Đang thực hiện, đạt 40 %.",
}


def plan_in_every_state(db: Database, *, number: str = "", issue_date_text: str = "") -> int:
    unit = units.create_unit(db, "Phòng Văn hoá - Xã hội")
    plan = plans.create_plan(
        db, "Kế hoạch chuyển đổi số năm 2026", number=number, year=2026,
        issue_date_text=issue_date_text, issuing_body="ỦY BAN NHÂN DÂN\nXÃ DIỄN CHÂU",
        place="Diễn Châu", signer_authority="TM. ỦY BAN NHÂN DÂN", signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Văn Lợi", recipients=["Đảng ủy (để b/c);", "Lưu: VT, VHXH."],
    )  # fmt: skip
    half, _year = periods.create_standard_periods(db, plan.id, 2026)
    top = items.add_item(db, plan.id, "section", "NHIỆM VỤ CHUNG").id
    group = items.add_item(db, plan.id, "section", "Tuyên truyền", parent_id=top).id
    ids = {}
    for title, (deadline, status, percent, done_on) in TASKS.items():
        ids[title] = items.add_item(db, plan.id, "task", title, parent_id=group,
                                    deadline=deadline, lead_unit_id=unit.id).id  # fmt: skip
        if status is not None:
            progress.record_progress(db, ids[title], half.id, status=status, percent=percent,
                                     completed_on=done_on)  # fmt: skip
    under = items.add_item(db, plan.id, "task", "Việc con của việc đang làm",
                           parent_id=ids["Việc đang làm"], deadline="30/05/2026").id  # fmt: skip
    progress.record_progress(db, under, half.id, status="in_progress", percent=50)
    items.add_item(db, plan.id, "task", "Việc ở cấp cao nhất", deadline="Năm 2026")
    special = items.add_item(db, plan.id, "section", "Thực hiện nhiệm vụ đột phá năm 2026",
                             is_breakthrough=True, funding_source="Ngân sách xã",
                             funding_amount=1500.5).id  # fmt: skip
    task = items.add_item(db, plan.id, "task", "Việc đột phá", parent_id=special,
                          deadline="Năm 2026", indicator_target=1000, indicator_unit="người",
                          funding_amount=200).id  # fmt: skip
    progress.record_progress(db, task, half.id, status="in_progress", percent=40,
                             indicator_actual=725)  # fmt: skip
    return plan.id


TITLES = [*TASKS, "Việc con của việc đang làm", "Việc ở cấp cao nhất", "Việc đột phá"]


def export(db: Database, plan_id: int, out: Path, period: int = 0, **fields: object) -> Path:
    chosen = periods.list_periods(db, plan_id)[period]
    request = ExportRequest(
        "progress", "pdf", plan_id, chosen.id, report_date=date(2026, 6, 16), **fields
    )  # type: ignore[arg-type]
    export_report(db, request, out)
    return out


def words(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The text, whitespace (no-break spaces too) made single spaces, page numbers
    (a line of digits) dropped."""
    pages = ["-f", str(first), "-l", str(last)] if first else []
    text = subprocess.run(["pdftotext", "-raw", *pages, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    lines = [line for line in text.replace("\u00a0", " ").splitlines()
             if not line.strip().isdigit()]  # fmt: skip
    return " ".join(" ".join(lines).split())


def page_sizes(path: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    return [(float(w), float(h)) for w, h in re.findall(r"size:\s+([\d.]+) x ([\d.]+)", info)]


def parts(text: str) -> tuple[str, str, str]:
    """Part II, part IV and the appendix of the report's text."""
    part_two = text.split("II. KẾT QUẢ THỰC HIỆN", 1)[1].split("III. TỒN TẠI, HẠN CHẾ", 1)[0]
    part_four = text.split("IV. NHIỆM VỤ, GIẢI PHÁP KỲ TỚI", 1)[1].split("V. ĐỀ XUẤT", 1)[0]
    appendix = text.split("KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ", 1)[1]
    return part_two, part_four, appendix


def test_every_counted_task_once_in_part_two_and_the_appendix(db: Database,
                                                              tmp_path: Path) -> None:  # fmt: skip
    plan_id = plan_in_every_state(db)
    text = words(export(db, plan_id, tmp_path / "bc.pdf"))
    assert "Kế hoạch có 12 nhiệm vụ" in text  # the count part II starts with
    part_two, _four, appendix = parts(text)
    for title in TITLES:
        lines = re.findall(rf"[-+] {re.escape(title)}(?: \(|:)", part_two)
        assert len(lines) == 1, (title, lines)
        # In the appendix: its row, once (its title is no other's beginning).
        assert len(re.findall(rf"\b{re.escape(title)}\b(?! của)", appendix)) == 1, title
    # The task under a task is marked as the plan marks it, after its parent.
    assert part_two.index("- Việc đang làm") < part_two.index("+ Việc con của việc đang làm")
    # Tasks at the top level are a group of their own; the breakthrough is reported apart.
    assert "Nhiệm vụ khác - Việc ở cấp cao nhất" in part_two
    assert (
        "Kết quả thực hiện nhiệm vụ đột phá Nhiệm vụ đột phá «Thực hiện nhiệm vụ đột phá năm 2026»"
        in part_two
    )
    assert (
        "Nhiệm vụ khác" in appendix
        and "STT Nhiệm vụ Chủ trì Thời hạn Trạng thái % Kết quả Ngày hoàn thành" in appendix
    )
    numbers = re.findall(r"(?:^| )(\d+) Việc", appendix)
    assert numbers == [str(n) for n in range(1, 13)]


def test_states_in_words(db: Database, tmp_path: Path) -> None:
    plan_id = plan_in_every_state(db)
    part_two, _four, appendix = parts(words(export(db, plan_id, tmp_path / "bc.pdf")))
    for title, said in STATE_WORDS.items():
        assert re.search(rf"[-+] {re.escape(title)}(?: \([^)]*\))?: {re.escape(said)}", part_two), (
            title
        )
    assert "[" not in part_two and "]" not in part_two
    # The buckets name the counts; a task's line says its own state.
    assert "trong hạn" not in part_two.split("2. Kết quả thực hiện các nhiệm vụ")[1]
    # The appendix's state column: as entered.
    for state in ("Chưa thực hiện", "Tạm dừng", "Chưa báo cáo", "Hoàn thành sau ngày chốt số liệu"):
        assert state in appendix, state
    # No stray bullet after a group's number; the plan's numbers only cited, in brackets.
    assert not re.search(r"\b[a-zđ]\) -", part_two)
    assert "2.1. Tuyên truyền (mục I.1 của Kế hoạch)" in part_two
    assert not re.search(r"(?:^| )I\.1\. ", part_two)


def test_part_four_runs_to_the_end_of_the_next_period(db: Database, tmp_path: Path) -> None:
    plan_id = plan_in_every_state(db)
    _two, half_four, _appendix = parts(words(export(db, plan_id, tmp_path / "6-thang.pdf")))
    carried, due = half_four.split("Các nhiệm vụ đến hạn từ nay đến ngày 31/12/2026:")
    assert "Việc chưa báo cáo" in carried and "Việc con của việc đang làm" in carried
    for title in (
        "Việc chưa làm",
        "Việc tạm dừng",
        "Việc đang làm",
        "Việc ở cấp cao nhất",
        "Việc đột phá",
    ):  # due "Năm 2026", "Quý IV/2026": by 31/12
        assert f"- {title}" in due, title
    for title in ("Việc năm sau", "Việc xong sau ngày chốt", "Việc xong muộn",
                  "Việc thường xuyên"):  # fmt: skip
        assert f"- {title}" not in half_four, title
    assert "Tiếp tục thực hiện 1 nhiệm vụ thường xuyên" in half_four
    # The annual report's next period is the next year.
    _two, year_four, _appendix = parts(words(export(db, plan_id, tmp_path / "nam.pdf", 1)))
    assert "đến ngày 31/12/2027" in year_four and "- Việc năm sau" in year_four


def test_numbers_dates_and_placeholders(db: Database, tmp_path: Path) -> None:
    plan_id = plan_in_every_state(db)  # no number, no date yet
    text = words(export(db, plan_id, tmp_path / "bc.pdf", number="45/BC-UBND",
                        addressee="UBND tỉnh Nghệ An"))  # fmt: skip
    assert "Số: 45/BC-UBND Diễn Châu" in text or "Số: 45/BC-UBND" in text
    assert "/BC-UBND/BC-UBND" not in text
    assert "Diễn Châu, ngày 16 tháng 6 năm 2026" in text
    assert (
        "Sơ kết 6 tháng đầu năm 2026 thực hiện Kế hoạch số …/KH-UBND ngày … tháng … năm … "
        "của UBND xã Diễn Châu về chuyển đổi số năm 2026" in text
    )
    assert "Kèm theo Báo cáo số 45/BC-UBND ngày 16 tháng 6 năm 2026 của UBND xã Diễn Châu" in text
    assert "Kính gửi: UBND tỉnh Nghệ An" in text
    assert "Nơi nhận: - Như trên; - Đảng ủy (để b/c); - Lưu: VT, VHXH." in text
    # Vietnamese numbers: 2 of 12 tasks completed on time or late is 8,3 %; the indicator
    # 725 of 1.000 people is 72,5 %; 1.500,5 million đồng.
    assert "hoàn thành đúng hạn 1 nhiệm vụ (8,3 %)" in text
    assert "1.000 người 725 người 72,5 % Chưa đạt" in text
    # Funding: the task's 200 is part of its section's 1.500,5, not added to it.
    assert "Trong đó: Việc đột phá (mục III.1 của Kế hoạch)" in text
    assert "Tổng cộng 1.500,5" in text
    raw = subprocess.run(["pdftotext", "-raw", str(tmp_path / "bc.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "\n200\n" in raw  # its own amount, on a line of its own (words() drops those)
    assert not re.search(r"\d\.\d %", text) and "%]" not in text

    # A plan's date written with blanks is cited with "…", never closed up.
    other = Database.open(tmp_path / "khac.sqlite3")
    try:
        plan_id = plan_in_every_state(
            other, number="12", issue_date_text="ngày    tháng 02 năm 2026"
        )
        text = words(export(other, plan_id, tmp_path / "bc2.pdf"))
    finally:
        other.close()
    assert "Kế hoạch số 12/KH-UBND ngày … tháng 02 năm 2026" in text
    assert "Kèm theo Báo cáo số …/BC-UBND ngày 16 tháng 6 năm 2026" in text
    assert "Như trên" not in text  # no "Kính gửi": nothing for it to refer to
    # Nor when she lists it: "Như trên" names no one in a report with no "Kính gửi".
    other = Database.open(tmp_path / "khac.sqlite3")
    try:
        half = periods.list_periods(other, plan_id)[0]
        report_texts.save_report_texts(other, half.id, {"recipients": "- Như trên;\n- Lưu: VT."})
        text = words(export(other, plan_id, tmp_path / "bc3.pdf"))
    finally:
        other.close()
    assert "Nơi nhận: - Lưu: VT." in text and "Như trên" not in text


def test_texts_are_kept_per_period(db: Database, tmp_path: Path) -> None:
    plan_id = plan_in_every_state(db)
    half, year = periods.list_periods(db, plan_id)[:2]
    report_texts.save_report_texts(db, half.id, {
        "direction": "Đã ban hành 05 văn bản chỉ đạo.", "shortcomings": "Một số việc chậm.",
        "next_tasks": "Đẩy nhanh nhiệm vụ đột phá.", "proposals": "Đề nghị hỗ trợ kinh phí.",
        "recipients": "Sở Khoa học và Công nghệ;\nLưu: VT.",
    })  # fmt: skip
    text = words(export(db, plan_id, tmp_path / "6-thang.pdf"))
    assert "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH Đã ban hành 05 văn bản chỉ đạo. II." in text
    assert "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN Một số việc chậm. IV." in text
    assert "Đẩy nhanh nhiệm vụ đột phá. V. ĐỀ XUẤT, KIẾN NGHỊ Đề nghị hỗ trợ kinh phí." in text
    assert "Nơi nhận: - Sở Khoa học và Công nghệ; - Lưu: VT." in text
    # The signature never stands alone on the last page: part V's text goes with it.
    pages = subprocess.run(["pdftotext", "-raw", str(tmp_path / "6-thang.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout.split("\f")  # fmt: skip
    closing = next(page for page in pages if "Nơi nhận:" in page)
    assert "Đề nghị hỗ trợ kinh phí." in closing
    # The annual report has its own: part I's skeleton, parts III and V not written yet.
    text = words(export(db, plan_id, tmp_path / "nam.pdf", 1))
    assert "Đã ban hành 05 văn bản" not in text and "Một số việc chậm" not in text
    assert "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH Sau khi Kế hoạch số …/KH-UBND" in text
    assert "ban hành … văn bản chỉ đạo" in text
    assert "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN (Chưa nhập.)" in text
    assert "Nơi nhận: - Đảng ủy (để b/c); - Lưu: VT, VHXH." in text
    # What is given for one export wins over what is kept, and is not kept.
    text = words(
        export(db, plan_id, tmp_path / "lan-nay.pdf", texts={"shortcomings": "Chỉ lần này."})
    )
    assert "Chỉ lần này." in text
    assert report_texts.report_texts(db, half.id)["shortcomings"] == "Một số việc chậm."
    assert report_texts.report_texts(db, year.id) == {}


def test_chart_inside_the_page_and_appendix_landscape_unbroken(db: Database,
                                                                tmp_path: Path) -> None:  # fmt: skip
    plan_id = plan_in_every_state(db)
    out = export(db, plan_id, tmp_path / "bc.pdf")
    sizes = page_sizes(out)
    first_appendix = next(i for i, (w, h) in enumerate(sizes) if w > h)
    assert first_appendix > 0 and all(w > h for w, h in sizes[first_appendix:])
    # Every word of page 1 (the chart's legend too) ends inside the right margin (15 mm).
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(out), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)]
    assert "Chưa hoàn thành, quá hạn:" in words(out, 1, 1)
    assert max(right_edges) <= sizes[0][0] - 15 * 72 / 25.4 + 1
    # In the appendix no number, percentage or date is broken: each is one word.
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", str(first_appendix + 1), str(out), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    found = re.findall(r">([^<]+)</word>", bbox)
    for whole in ("100", "72", "30", "02/03/2026", "10/04/2026", "20/06/2026", "30/05/2026",
                  "III/2026", "STT", "12"):  # fmt: skip
        assert whole in found, whole
    assert not [w for w in found if re.fullmatch(r"\d{1,2}/\d{2}/\d{0,3}|\d{2}/\d{1,2}/?", w)]


def test_the_sample_plan_every_task_once_and_no_colliding_numbers(sample_db: Database,
                                                                   tmp_path: Path) -> None:  # fmt: skip
    """The sample plan: its breakthrough task's groups are numbered "II.4.b) -" in the
    plan; part II numbers them its own way and cites the plan's number in brackets."""
    text = words(export(sample_db, 1, tmp_path / "bc.pdf", addressee="UBND tỉnh Nghệ An"))
    part_two, _four, appendix = parts(text)
    tree = items.plan_tree(sample_db, 1)
    for task in tree.tasks():
        title = " ".join(task.title.split()).rstrip(".")
        assert part_two.count(f"- {title} (") == 1, title
    assert not re.search(r"\b[a-zđ]\) -", part_two)
    # The plan's "III. TỔ CHỨC THỰC HIỆN" groups never start a line as "III.1.".
    assert not re.search(r"(?:^| )I{1,3}\.\d\. ", part_two)
    assert "(mục III.1 của Kế hoạch)" in part_two
    assert len(re.findall(r"(?:^| )\d+ ", appendix)) >= 36


def test_two_flagged_tasks_in_one_section_are_listed_once(db: Database, tmp_path: Path) -> None:
    plan = plans.create_plan(db, "Kế hoạch năm 2026", year=2026)
    periods.create_standard_periods(db, plan.id, 2026)
    group = items.add_item(db, plan.id, "section", "Việc chung").id
    for title in ("Đột phá thứ nhất", "Đột phá thứ hai", "Việc thường"):
        items.add_item(db, plan.id, "task", title, parent_id=group, deadline="Năm 2026",
                       is_breakthrough=title.startswith("Đột phá"))  # fmt: skip
    part_two, _four, appendix = parts(words(export(db, plan.id, tmp_path / "bc.pdf")))
    for title in ("Đột phá thứ nhất", "Đột phá thứ hai", "Việc thường"):
        assert part_two.count(f"- {title}:") == 1, title
        assert appendix.count(title) == 1, title
    assert part_two.count("Nhiệm vụ đột phá «") == 2


def test_no_issuing_body_leaves_no_dangling_words(db: Database, tmp_path: Path) -> None:
    plan = plans.create_plan(db, "Thực hiện chuyển đổi số năm 2026", number="7", year=2026,
                             issue_date_text="ngày 05 tháng 01 năm 2026")  # fmt: skip
    periods.create_standard_periods(db, plan.id, 2026)
    items.add_item(db, plan.id, "task", "Một việc", deadline="Năm 2026")
    text = words(export(db, plan.id, tmp_path / "bc.pdf"))
    assert (
        "Sơ kết 6 tháng đầu năm 2026 thực hiện Kế hoạch số 7/KH-UBND ngày 05 tháng 01 năm 2026 "
        "về thực hiện chuyển đổi số năm 2026" in text
    )
    assert "của về" not in text and "của (" not in text and "của;" not in text
    assert "(Kèm theo Báo cáo số …/BC-UBND ngày 16 tháng 6 năm 2026; số liệu" in text


def test_a_report_made_before_the_cut_off_counts_to_its_own_date(db: Database,
                                                                 tmp_path: Path) -> None:  # fmt: skip
    """A walk found a report dated 29/11 saying "số liệu tính đến ngày 14/12/2026": the
    figures of a day not come yet, with tasks due in between counted overdue."""
    plan_id = plan_in_every_state(db)
    half = periods.list_periods(db, plan_id)[0]  # cut off on 14/06/2026
    out = tmp_path / "som.pdf"
    export_report(db, ExportRequest("progress", "pdf", plan_id, half.id,
                                    report_date=date(2026, 5, 20)), out)  # fmt: skip
    text = words(out)
    assert "Tính đến ngày 20/05/2026, Kế hoạch có 12 nhiệm vụ" in text
    assert "số liệu tính đến ngày 20/05/2026" in text
    assert "14/06/2026" not in text.split("I. CÔNG TÁC CHỈ ĐẠO", 1)[0]  # not in the heading
    _two, four, _appendix = parts(text)
    carried, due = four.split("Các nhiệm vụ đến hạn từ nay đến ngày 31/12/2026:")
    # Due 31/05 and 30/05: not late on 20/05, so due in the coming period, not carried.
    for title in ("Việc chưa báo cáo", "Việc con của việc đang làm"):
        assert f"- {title}" in due and title not in carried, title
    # The same report dated after the cut-off counts to the cut-off, as before.
    after = words(export(db, plan_id, tmp_path / "sau.pdf"))
    assert "Tính đến ngày 14/06/2026, Kế hoạch có 12 nhiệm vụ" in after
