"""The built-in sample plan holds the seed plan faithfully, in order."""

from __future__ import annotations

import re
from datetime import date

from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, periods, plans
from tests.conftest import SEED_TEXT

SECTIONS = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "2. Yêu cầu",
    "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
    "1. Nâng cao nhận thức, trách nhiệm của người đứng đầu",
    "2. Đẩy mạnh chuyển đổi số trong thực hiện nhiệm vụ tại cấp xã",
    "3. Thực hiện cải cách hành chính gắn với chuyển đổi số và Đề án 06",
    "4. Thực hiện nhiệm vụ đột phá năm 2026",
    "a) Mục tiêu",
    "b) Nội dung thực hiện",
    "- Đẩy mạnh chuyển đổi số trong giáo dục:",
    "- Phát triển giáo dục toàn diện:",
    "- Hình thành công dân số, công dân toàn cầu:",
    "- Tăng cường phối hợp các lực lượng trong công tác giáo dục:",
    "c) Kết quả dự kiến",
    "d) Tổ chức thực hiện",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Phòng Văn hoá - Xã hội",
    "2. Trung tâm phục vụ hành chính công",
    "3. Công an xã",
    "4. Chế độ phối hợp và kiểm tra, giám sát và báo cáo",
]


def seed_paragraphs() -> list[str]:
    """The seed's body paragraphs (between the legal bases and the closing), markup removed."""
    lines = [line.strip() for line in SEED_TEXT.read_text(encoding="utf-8").splitlines()]
    lines = [re.sub(r"^(- \+ |\+ |- )", "", line.replace("*", "")) for line in lines if line]
    body = lines[lines.index("I. MỤC ĐÍCH, YÊU CẦU") : lines.index("Nơi nhận:") - 1]
    # The seed breaks one paragraph across a page ("nâng cao chất" / "lượng phục vụ …").
    joined: list[str] = []
    for line in body:
        if joined and joined[-1].endswith("nâng cao chất"):
            joined[-1] += " " + line
        else:
            joined.append(line)
    return joined


def test_every_section_is_there_in_order_with_its_title(sample_db: Database) -> None:
    tree = items.plan_tree(sample_db, 1)
    assert [f"{n.number} {n.title}" for n in tree.sections()] == SECTIONS


def test_every_paragraph_of_the_seed_is_an_item_in_document_order(sample_db: Database) -> None:
    tree = items.plan_tree(sample_db, 1)
    as_written = [
        f"{n.number} {n.title}" if n.kind == "section" and n.number not in "-+" else n.title
        for n in tree.nodes
    ]
    as_written = [t.removeprefix("- ") for t in as_written]
    assert as_written == [s.removeprefix("- ") for s in seed_paragraphs()]


def test_header_and_closing_fields(sample_db: Database) -> None:
    plan = plans.get_plan(sample_db, 1)
    assert plan.reference == "   /KH-UBND"
    assert plan.doc_type == "KẾ HOẠCH"
    assert plan.title.startswith("Thực hiện Thông báo kết luận của Ban Chỉ đạo tỉnh")
    assert plan.title.endswith("Đề án 06 năm 2026")
    assert plan.place == "Diễn Châu"
    assert plan.issue_date is None and plan.issue_date_text == "ngày    tháng 01 năm 2026"
    assert plan.issuing_body == "ỦY BAN NHÂN DÂN\nXÃ DIỄN CHÂU"
    assert (plan.signer_authority, plan.signer_title, plan.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn Lợi",
    )
    assert len(plan.legal_bases) == 5
    assert plan.legal_bases[1].startswith("Nghị quyết số 57-NQ/TW")
    assert plan.recipients[0] == "Đảng ủy (để b/c);"
    assert plan.recipients[-1] == "Lưu: VT, VHXH."
    assert plan.closing_text.startswith("Trên đây là Kế hoạch hành động của UBND xã Diên Châu")


def test_tasks_units_and_the_breakthrough_task(sample_db: Database) -> None:
    tree = items.plan_tree(sample_db, 1)
    tasks = tree.tasks()
    assert len(tasks) == 36
    assert all(t.lead_unit_name for t in tasks)
    breakthrough = [t for t in tasks if t.is_breakthrough]
    assert len(breakthrough) == 16
    for task in breakthrough:
        assert task.lead_unit_name == "UBND xã Diễn Châu"
        assert task.responsible_person == "Phó Chủ tịch UBND xã"
        assert task.coordinator_names == (
            "Các trường Trung học cơ sở trên địa bàn xã",
            "Phòng Văn hoá - Xã hội",
            "Đoàn Thanh niên",
            "Hội Phụ huynh học sinh",
        )
        assert task.due_date == date(2026, 12, 31)
    target = next(t for t in tasks if t.title.startswith("100% trường học"))
    assert (target.indicator_target, target.indicator_unit) == (100.0, "% trường học")
    group = next(n for n in tree.sections() if n.title == "Thực hiện nhiệm vụ đột phá năm 2026")
    assert group.is_breakthrough and group.funding_source.startswith("Lồng ghép từ ngân sách")
    police = [t for t in tasks if t.lead_unit_name == "Công an xã"]
    assert len(police) == 4
    assert {t.deadline_text for t in tasks} == {
        "Thường xuyên",
        "Năm 2026",
        "Định kỳ 6 tháng và hằng năm",
    }


def test_reporting_rhythm_is_the_2026_periods(sample_db: Database) -> None:
    got = [(p.label, p.start, p.cutoff, p.due) for p in periods.list_periods(sample_db, 1)]
    assert got == [
        ("6 tháng đầu năm 2026", date(2025, 12, 15), date(2026, 6, 14), date(2026, 6, 16)),
        ("Năm 2026", date(2025, 12, 15), date(2026, 12, 14), date(2026, 12, 16)),
    ]
