"""Plans as offices send them (tests/importers/plan_docs.py builds them in the shape of
public provincial and ministerial plans): the appendix after the signature, a stand-alone
appendix, a task table in the body, Word's automatic numbering, "1.1." items and
"Đơn vị chủ trì:" lines. Each is imported into a data file and the stored tree checked
against what the document says (the issue's figures: rows in their groups, leads,
deadlines as written, part headings, the number, empty sections)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dienchau_desktop.db.database import Database
from dienchau_desktop.importers.plan_document import (
    NotAPlanError,
    import_plan,
    read_document,
    read_lines,
)
from dienchau_desktop.services import items, plans
from tests.importers import plan_docs
from tests.importers.test_plan_document import SEED, shape


def tasks_by_title(db: Database, plan_id: int) -> dict[str, items.ItemNode]:
    return {n.title: n for n in items.plan_tree(db, plan_id).nodes if n.kind == "task"}


def test_the_seed_with_word_numbering_imports_as_typed(sample_db: Database, tmp_path: Path) -> None:
    """The seed plan saved with automatic numbering (a multilevel list I. / 1. / a) and
    bullets) reads exactly as the typed seed, and as the built-in sample."""
    lines = read_lines(SEED)
    typed = plan_docs.twin_of_lines(tmp_path / "go-tay.docx", lines, auto=False)
    auto = plan_docs.twin_of_lines(tmp_path / "tu-dong.docx", lines, auto=True)
    sample = [(n, k, t) for n, k, t, _u in shape(sample_db, 1)]
    shapes = []
    for document in (typed, auto):
        summary = import_plan(sample_db, document)
        assert (summary.sections, summary.tasks, summary.texts) == (21, 36, 16)
        shapes.append(shape(sample_db, summary.plan_id))
        assert [(n, k, t) for n, k, t, _u in shapes[-1]] == sample
    assert shapes[0] == shapes[1]  # leads too


def test_a_province_plan_with_its_appendix_after_the_signature(
    db: Database, tmp_path: Path
) -> None:
    expected = plan_docs.province_plan(tmp_path / "ke-hoach-tinh.docx")
    summary = import_plan(db, tmp_path / "ke-hoach-tinh.docx")
    figures = plan_docs.measure(db, summary.plan_id, expected)
    # Every appendix row is a task under its group, with its lead and deadline as written
    # (151 rows over two tables, the header repeated, one row cut by the page break).
    assert (figures.rows, figures.in_group, figures.lead, figures.deadline) == (151,) * 4
    assert figures.parts_found == figures.parts and figures.number_found
    assert figures.empty_sections == 0
    plan = plans.get_plan(db, summary.plan_id)
    assert plan.issuing_body == "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP"  # no "-------"
    assert (plan.place, plan.issue_date, plan.year) == ("Đồng Tháp", date(2026, 3, 12), 2026)
    assert plan.title == ("Triển khai Chương trình chuyển đổi số và phát triển dữ liệu trên "
                          "địa bàn tỉnh Đồng Tháp năm 2026")  # fmt: skip
    assert plan.legal_bases[0].startswith("Thực hiện Quyết định số 2629/QĐ-TTg")
    # The signature, not the appendix's last cells.
    assert (plan.signer_authority, plan.signer_title, plan.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Bình",
    )
    assert plan.recipients[-1] == "Lưu: VT, KGVX"
    # The appendix is the last part, titled by its heading.
    roots = items.plan_tree(db, summary.plan_id).roots()
    assert [r.title for r in roots][-1].startswith("PHỤ LỤC: DANH MỤC NHIỆM VỤ")
    # Body: "1.1." items filled by their "- Đơn vị chủ trì:" lines; points with nothing
    # under them are tasks with what their sentence states; duties led by their unit.
    tasks = tasks_by_title(db, summary.plan_id)
    for start, (lead, deadline) in expected.body_tasks.items():
        [task] = [t for title, t in tasks.items() if title.startswith(start)]
        assert (task.lead_unit_name, task.deadline_text) == (lead, deadline), start
    rules = next(t for title, t in tasks.items() if title.startswith("Rà soát, đề xuất sửa đổi"))
    assert rules.coordinator_names == ("Các sở, ban, ngành", "UBND các xã, phường")
    assert rules.expected_product == "Báo cáo rà soát" and rules.due_date == date(2026, 6, 30)
    assert not any(t.title.startswith(("Đơn vị", "Thời gian", "Sản phẩm")) for t in tasks.values())
    assert summary.warnings == []


def test_an_appendix_heading_in_lower_case(db: Database, tmp_path: Path) -> None:
    """ "Phụ lục I" / "Danh mục nhiệm vụ…" as some offices type them: still the appendix,
    not lines of the signature (the name would have been the heading's last line)."""
    heading = ("Phụ lục I", "Danh mục nhiệm vụ triển khai năm 2026")
    expected = plan_docs.province_plan(tmp_path / "tinh.docx", rows=20, appendix=heading)
    summary = import_plan(db, tmp_path / "tinh.docx")
    figures = plan_docs.measure(db, summary.plan_id, expected)
    assert (figures.rows, figures.in_group, figures.lead, figures.deadline) == (20,) * 4
    assert plans.get_plan(db, summary.plan_id).signer_name == "Nguyễn Văn Bình"
    last = items.plan_tree(db, summary.plan_id).roots()[-1]
    assert last.title == "Phụ lục I: Danh mục nhiệm vụ triển khai năm 2026"


def test_automatic_numbering_imports_as_its_typed_twin(db: Database, tmp_path: Path) -> None:
    plan_docs.province_plan(tmp_path / "go-tay.docx", rows=30)
    plan_docs.province_plan(tmp_path / "tu-dong.docx", rows=30, auto=True)
    typed = import_plan(db, tmp_path / "go-tay.docx")
    auto = import_plan(db, tmp_path / "tu-dong.docx")
    assert typed.tree == auto.tree and typed.tasks == auto.tasks > 40
    assert shape(db, typed.plan_id) == shape(db, auto.plan_id)


def test_an_stt_column_numbered_by_word(db: Database, tmp_path: Path) -> None:
    """The STT cells hold no text, only Word's numbering ("List Number", restarted in
    the table); the number is the cell's text, and the rows nest under their groups."""
    writer = plan_docs.Writer(auto=True)
    writer.para("PHỤ LỤC")
    writer.para("DANH MỤC NHIỆM VỤ NĂM 2026")
    rows = [["I", "NHÓM MỘT", "", "", ""], ["", "Việc một", "Sở Y tế", "", "Quý I/2026"],
            ["", "Việc hai", "Sở Tư pháp", "Công an tỉnh", "Tháng 5/2026"],
            ["II", "NHÓM HAI", "", "", ""], ["", "Việc ba", "Sở Nội vụ", "", "Năm 2026"]]  # fmt: skip
    table = writer.task_table(["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"], rows,
                              groups=set())  # fmt: skip
    restarted = writer.restarted_list_number()
    for index, row in enumerate(table.rows[1:]):
        if not rows[index][0]:  # the STT cell: empty, in the "List Number" style
            cell = row.cells[0].paragraphs[0]
            cell.style = writer.doc.styles["List Number"]
            if index == 1:
                plan_docs.Writer._num(cell, restarted, None)
    document = writer.save(tmp_path / "stt-tu-dong.docx")
    [table_read] = [e for e in read_document(document) if not isinstance(e, str)]
    assert [r.number for r in table_read.rows] == ["I", "1.", "2.", "II", "3."]
    summary = import_plan(db, document)
    tree = items.plan_tree(db, summary.plan_id)
    assert [(r.title, [tree.node(c).title for c in r.child_ids]) for r in tree.roots()] == [
        ("NHÓM MỘT", ["Việc một", "Việc hai"]),
        ("NHÓM HAI", ["Việc ba"]),
    ]
    assert summary.warnings == []


def test_a_stand_alone_appendix(db: Database, tmp_path: Path) -> None:
    """Only the table: "I." alone in its cell, sub-groups "1", rows "1.1"; the header over
    two rows; the column numbers row; the plan's number from "(Kèm theo Kế hoạch số …)"."""
    expected = plan_docs.standalone_appendix(tmp_path / "phu-luc.docx")
    summary = import_plan(db, tmp_path / "phu-luc.docx")
    figures = plan_docs.measure(db, summary.plan_id, expected)
    assert (figures.rows, figures.in_group, figures.lead, figures.deadline) == (140,) * 4
    assert figures.number_found and figures.empty_sections == 0
    plan = plans.get_plan(db, summary.plan_id)
    assert plan.title == "NHIỆM VỤ CỤ THỂ THỰC HIỆN CHIẾN LƯỢC DỮ LIỆU ĐẾN NĂM 2030"
    assert plan.issue_date == date(2026, 2, 5)
    tree = items.plan_tree(db, summary.plan_id)
    assert [r.title for r in tree.roots()] == [g for g in plan_docs.GROUPS[:4]]
    first = tree.roots()[0]
    assert tree.children(first.id)[0].title == "Nhóm nhiệm vụ 1 của phần I."
    # Coordinators from the "Phối hợp" half of "Cơ quan thực hiện".
    assert any(n.coordinator_names for n in tree.nodes if n.kind == "task")


def test_a_task_table_in_the_body(db: Database, tmp_path: Path) -> None:
    expected = plan_docs.body_table_plan(tmp_path / "bo.docx")
    summary = import_plan(db, tmp_path / "bo.docx")
    figures = plan_docs.measure(db, summary.plan_id, expected)
    assert (figures.rows, figures.in_group, figures.lead, figures.deadline) == (20,) * 4
    assert figures.parts_found == 3 and figures.number_found
    tree = items.plan_tree(db, summary.plan_id)
    tasks_part = next(r for r in tree.roots() if r.title == "NHIỆM VỤ CỤ THỂ")
    # Groups A and B nest under the part the table stands in, "1", "2" under them.
    assert [c.title for c in tree.children(tasks_part.id) if c.kind == "section"] == [
        "CẢI CÁCH THỂ CHẾ",
        "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    ]
    plan = plans.get_plan(db, summary.plan_id)
    assert (plan.number, plan.symbol, plan.signer_title) == ("312", "KH-BKHCN", "THỨ TRƯỞNG")


def test_a_plan_without_parts(db: Database, tmp_path: Path) -> None:
    expected = plan_docs.department_plan(tmp_path / "so.docx")
    summary = import_plan(db, tmp_path / "so.docx")
    figures = plan_docs.measure(db, summary.plan_id, expected)
    assert (figures.rows, figures.in_group, figures.lead, figures.deadline) == (3,) * 4
    assert figures.parts_found == 3 and figures.number_found and figures.empty_sections == 0
    tasks = tasks_by_title(db, summary.plan_id)
    # A time the rules cannot read is kept, not turned into a date, and said.
    published = tasks["Công bố thủ tục hành chính mới, sửa đổi"]
    assert (published.due_date, published.notes) == (None, "Thời hạn: Theo quy định")
    assert summary.warnings == [
        "bảng thứ 2, dòng 6: không hiểu thời hạn «Theo quy định», giữ ở phần ghi chú."
    ]
    assert (
        tasks["Kiểm tra việc thực hiện văn bản sau ban hành"].notes == "Lồng ghép kiểm tra công vụ"
    )
    # "Văn phòng Sở: chủ trì …" is a duty led by the unit before the colon.
    duty = next(t for title, t in tasks.items() if title.startswith("Văn phòng Sở:"))
    assert duty.lead_unit_name == "Văn phòng Sở"
    plan = plans.get_plan(db, summary.plan_id)
    assert (plan.signer_title, plan.signer_name) == ("GIÁM ĐỐC", "Lê Văn Cường")


#: A province's yearly plan as text, in the shape of Ninh Bình's 194/KH-UBND (2022): a
#: part of legal bases and one assessing the past year before the tasks, "1.1." tasks
#: with "- Cơ quan chủ trì:" lines, funding, and duties shared by several units.
YEARLY_PLAN = """ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
Số: 194/KH-UBND
Ninh Bình, ngày 15 tháng 12 năm 2022
KẾ HOẠCH
PHÁT TRIỂN CHÍNH QUYỀN SỐ VÀ BẢO ĐẢM AN TOÀN THÔNG TIN MẠNG
NĂM 2023
I. CĂN CỨ LẬP KẾ HOẠCH
- Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ;
- Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;
II. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NĂM 2022
1. Kết quả đạt được
Hạ tầng được nâng cấp; các cơ quan sử dụng văn bản điện tử.
2. Tồn tại, hạn chế
Một số nhiệm vụ còn chậm.
III. NHIỆM VỤ NĂM 2023
1. Phát triển hạ tầng số
1.1. Nâng cấp Trung tâm tích hợp dữ liệu tỉnh
- Cơ quan chủ trì: Sở Thông tin và Truyền thông
- Cơ quan phối hợp: Sở Tài chính, Sở Kế hoạch và Đầu tư
- Thời gian thực hiện: Năm 2023
1.2. Triển khai mạng truyền số liệu chuyên dùng đến cấp xã
- Cơ quan chủ trì: Sở Thông tin và Truyền thông
- Thời gian hoàn thành: Quý III/2023
2. Phát triển dữ liệu số
2.1. Xây dựng kho dữ liệu dùng chung
2.2. Số hóa hồ sơ giải quyết thủ tục hành chính
IV. KINH PHÍ THỰC HIỆN
Từ nguồn ngân sách tỉnh và nguồn hợp pháp khác.
V. TỔ CHỨC THỰC HIỆN
1. Sở Thông tin và Truyền thông
Chủ trì, hướng dẫn, đôn đốc triển khai Kế hoạch.
2. Các sở, ban, ngành; UBND các huyện, thành phố
Xây dựng kế hoạch chuyển đổi số năm 2023 của cơ quan, địa phương.
Nơi nhận:
- Lưu: VT, VP5.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Tống Quang Thìn
"""


def test_a_yearly_plan_with_bases_and_assessment_parts(db: Database, tmp_path: Path) -> None:
    document = tmp_path / "ke-hoach-nam.txt"
    document.write_text(YEARLY_PLAN, encoding="utf-8")
    summary = import_plan(db, document)
    tree = items.plan_tree(db, summary.plan_id)
    parts = tree.roots()
    assert [p.title for p in parts] == [
        "CĂN CỨ LẬP KẾ HOẠCH",
        "ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NĂM 2022",
        "NHIỆM VỤ NĂM 2023",
        "KINH PHÍ THỰC HIỆN",
        "TỔ CHỨC THỰC HIỆN",
    ]
    # Bases, the assessment and the funding state; they assign nothing.
    for part in (parts[0], parts[1], parts[3]):
        under = [n for n in tree.nodes if n.kind == "task" and _under(tree, n, part.id)]
        assert under == [], part.title
    tasks = tasks_by_title(db, summary.plan_id)
    centre = tasks["Nâng cấp Trung tâm tích hợp dữ liệu tỉnh"]
    assert (centre.lead_unit_name, centre.coordinator_names, centre.deadline_text) == (
        "Sở Thông tin và Truyền thông",
        ("Sở Tài chính", "Sở Kế hoạch và Đầu tư"),
        "Năm 2023",
    )
    assert tasks["Xây dựng kho dữ liệu dùng chung"].deadline_text == ""  # none written
    shared = tasks["Xây dựng kế hoạch chuyển đổi số năm 2023 của cơ quan, địa phương."]
    assert (shared.lead_unit_name, shared.coordinator_names) == (
        "Các sở, ban, ngành",
        ("UBND các huyện, thành phố",),
    )
    plan = plans.get_plan(db, summary.plan_id)
    assert plan.title == "PHÁT TRIỂN CHÍNH QUYỀN SỐ VÀ BẢO ĐẢM AN TOÀN THÔNG TIN MẠNG NĂM 2023"
    assert plan.year == 2023 and plan.issue_date == date(2022, 12, 15)


def _under(tree: items.PlanTree, node: items.ItemNode, ancestor: int) -> bool:
    while node.parent_id is not None:
        if node.parent_id == ancestor:
            return True
        node = tree.node(node.parent_id)
    return False


#: A plan issued by a decision, in the shape of Thanh Hóa's 4216/QĐ-UBND (2020): the
#: decision's header, bases, articles and signature, then "KẾ HOẠCH" and "(Ban hành kèm
#: theo Quyết định số …)" and the plan's parts.
PLAN_BY_DECISION = """ỦY BAN NHÂN DÂN
TỈNH THANH HÓA
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 4216/QĐ-UBND
Thanh Hóa, ngày 06 tháng 10 năm 2020
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH THANH HÓA ĐẾN NĂM 2025
ỦY BAN NHÂN DÂN TỈNH THANH HÓA
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;
Theo đề nghị của Sở Thông tin và Truyền thông.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số tỉnh Thanh Hóa đến năm 2025.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Đỗ Minh Tuấn
KẾ HOẠCH
CHUYỂN ĐỔI SỐ TRÊN ĐỊA BÀN TỈNH THANH HÓA ĐẾN NĂM 2025
(Ban hành kèm theo Quyết định số 4216/QĐ-UBND ngày 06/10/2020 của Chủ tịch UBND tỉnh)
I. MỤC TIÊU
Đến năm 2025, 100% cơ quan kết nối liên thông.
II. NHIỆM VỤ
1. Phát triển hạ tầng số
- Đơn vị chủ trì: Sở Thông tin và Truyền thông.
- Thời gian thực hiện: Năm 2021.
2. Phát triển dữ liệu
III. TỔ CHỨC THỰC HIỆN
1. Sở Thông tin và Truyền thông
Chủ trì theo dõi, đôn đốc.
"""


def test_a_plan_issued_by_a_decision(db: Database, tmp_path: Path) -> None:
    document = tmp_path / "quyet-dinh.txt"
    document.write_text(PLAN_BY_DECISION, encoding="utf-8")
    summary = import_plan(db, document)  # a plan, not refused as a QUYẾT ĐỊNH
    plan = plans.get_plan(db, summary.plan_id)
    assert (plan.doc_type, plan.number, plan.symbol) == ("KẾ HOẠCH", "4216", "QĐ-UBND")
    assert plan.title == "CHUYỂN ĐỔI SỐ TRÊN ĐỊA BÀN TỈNH THANH HÓA ĐẾN NĂM 2025"
    assert (plan.issuing_body, plan.issue_date) == ("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA",
                                                    date(2020, 10, 6))  # fmt: skip
    assert [b[:30] for b in plan.legal_bases] == ["Căn cứ Luật Tổ chức chính quyề",
                                                  "Căn cứ Quyết định số 749/QĐ-TT"]  # fmt: skip
    assert (plan.signer_title, plan.signer_name) == ("CHỦ TỊCH", "Đỗ Minh Tuấn")
    assert [r.title for r in items.plan_tree(db, summary.plan_id).roots()] == [
        "MỤC TIÊU",
        "NHIỆM VỤ",
        "TỔ CHỨC THỰC HIỆN",
    ]
    task = tasks_by_title(db, summary.plan_id)["Phát triển hạ tầng số"]
    assert (task.lead_unit_name, task.deadline_text) == ("Sở Thông tin và Truyền thông", "Năm 2021")


def test_a_notice_is_not_silently_a_plan(db: Database, tmp_path: Path) -> None:
    document = plan_docs.notice(tmp_path / "thong-bao.docx")
    with pytest.raises(NotAPlanError) as info:
        import_plan(db, document)
    assert "THÔNG BÁO" in info.value.message and "--as-plan" in info.value.hint
    assert plans.list_plans(db) == []
    summary = import_plan(db, document, as_plan=True)
    tasks = list(tasks_by_title(db, summary.plan_id).values())
    assert len(tasks) == 2 and plans.get_plan(db, summary.plan_id).doc_type == "THÔNG BÁO"
    assert [t.deadline_text for t in tasks] == ["trước ngày 30/6/2026", "trong Quý II/2026"]


@pytest.mark.parametrize(("written", "stored"), [
    ("Thời gian thực hiện: Hoàn thành trong năm 2025", ("Hoàn thành trong năm 2025", date(2025, 12, 31))),
    ("Thời hạn: trước ngày 30/6/2026", ("trước ngày 30/6/2026", date(2026, 6, 30))),
    ("Thời gian hoàn thành: trong Quý III/2026", ("trong Quý III/2026", date(2026, 9, 30))),
    ("Tiến độ: Thường xuyên", ("Thường xuyên", None)),
    ("Thời gian thực hiện: Hằng năm", ("Hằng năm", None)),
    ("Thời gian: năm 2026", ("năm 2026", date(2026, 12, 31))),
])  # fmt: skip
def test_deadlines_written_in_the_text(db: Database, tmp_path: Path, written: str,
                                       stored: tuple[str, date | None]) -> None:  # fmt: skip
    text = (f"KẾ HOẠCH\nThử nghiệm\nII. NHIỆM VỤ\n1. Việc chung\n1.1. Làm việc một\n"
            f"- Đơn vị chủ trì: Sở Nội vụ.\n- {written}.\n1.2. Làm việc hai\n")  # fmt: skip
    document = tmp_path / "ke-hoach.txt"
    document.write_text(text, encoding="utf-8")
    summary = import_plan(db, document)
    tasks = tasks_by_title(db, summary.plan_id)
    assert (tasks["Làm việc một"].deadline_text, tasks["Làm việc một"].due_date) == stored
    assert tasks["Làm việc một"].lead_unit_name == "Sở Nội vụ"
    # Never invented: the point that states none has none.
    assert (tasks["Làm việc hai"].deadline_text, tasks["Làm việc hai"].due_date) == ("", None)


def test_a_deadline_in_parentheses_after_a_task(db: Database, tmp_path: Path) -> None:
    document = tmp_path / "ke-hoach.txt"
    document.write_text("KẾ HOẠCH\nThử\nII. NHIỆM VỤ\n1. Việc\n- Tổ chức sơ kết (tháng 7/2026).\n"
                        "- Rà soát quy chế (theo Kế hoạch số 12/KH-UBND).\n", encoding="utf-8")  # fmt: skip
    tasks = tasks_by_title(db, import_plan(db, document).plan_id)
    review = tasks["Tổ chức sơ kết (tháng 7/2026)."]
    assert (review.deadline_text, review.due_date) == ("tháng 7/2026", date(2026, 7, 31))
    assert tasks["Rà soát quy chế (theo Kế hoạch số 12/KH-UBND)."].deadline_text == ""


def test_a_deadline_the_rules_cannot_read_is_kept_and_said(db: Database, tmp_path: Path) -> None:
    document = tmp_path / "ke-hoach.txt"
    document.write_text("KẾ HOẠCH\nThử\nII. NHIỆM VỤ\n1. Việc\n1.1. Làm A\n"
                        "- Thời gian thực hiện: Sau khi có hướng dẫn của Bộ.\n", encoding="utf-8")  # fmt: skip
    summary = import_plan(db, document)
    task = tasks_by_title(db, summary.plan_id)["Làm A"]
    assert (task.deadline_text, task.due_date) == ("", None)
    assert task.notes == "Thời hạn: Sau khi có hướng dẫn của Bộ"
    assert any("Sau khi có hướng dẫn" in w for w in summary.warnings)


def test_the_benchmark_appendix_document_reads(db: Database, tmp_path: Path) -> None:
    """The benchmark's appendix (benchmarks/generate.py): its group rows "I" | "NHÓM
    NHIỆM VỤ 1" right under the header are groups, not a second header row."""
    from benchmarks.generate import generate_appendix_document

    summary = import_plan(db, generate_appendix_document(tmp_path / "phu-luc.docx", rows=120))
    tree = items.plan_tree(db, summary.plan_id)
    appendix = tree.roots()[-1]
    groups = tree.children(appendix.id)
    assert [g.title for g in groups] == ["NHÓM NHIỆM VỤ 1", "NHÓM NHIỆM VỤ 2", "NHÓM NHIỆM VỤ 3"]
    assert [len(g.child_ids) for g in groups] == [50, 50, 20]
    assert all(tree.node(c).lead_unit_name for g in groups for c in g.child_ids)
    assert all(tree.node(c).deadline_text for g in groups for c in g.child_ids)


def test_tracked_changes_and_hyphens_read_as_word_shows_them() -> None:
    """A tracked move shows its text once (at its new place), a deleted run not at all,
    an old paragraph style in w:pPrChange is not the paragraph's, and Word's
    non-breaking hyphen is a hyphen."""
    from dienchau_desktop.importers.bounded import Paragraph, word_blocks
    from dienchau_desktop.importers.plan_document import LIMITS

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = (f"<w:document {w}><w:body>"
           '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pPrChange><w:pPr><w:pStyle w:val="Old"/>'
           "</w:pPr></w:pPrChange></w:pPr><w:r><w:t>Phòng Văn hóa </w:t></w:r>"
           "<w:r><w:noBreakHyphen/><w:t xml:space=\"preserve\"> Xã hội</w:t></w:r></w:p>"
           "<w:p><w:moveFrom><w:r><w:t>Việc cũ</w:t></w:r></w:moveFrom>"
           "<w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del>"
           "<w:moveTo><w:r><w:t>Việc chuyển</w:t></w:r></w:moveTo></w:p>"
           "</w:body></w:document>")  # fmt: skip
    blocks = word_blocks([xml.encode()], LIMITS)
    assert blocks == [Paragraph(["Phòng Văn hóa - Xã hội"], style="Heading1"),
                      Paragraph(["Việc chuyển"])]  # fmt: skip
