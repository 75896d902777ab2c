"""`import-plan` on the command line (#17 items 6, 7): a dry run in JSON prints the whole
tree and the warnings and stores nothing; an Excel task table imports; a document with
no plan in it, and a notice, end with exit 3 and the reason."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, plans
from tests.cli.test_cli import run_cli
from tests.conftest import make_sample_file
from tests.importers import plan_docs


def stored(data_file: Path) -> list[tuple[int, str]]:
    db = Database.open(data_file, create=False)
    try:
        return sorted((p.id, p.title) for p in plans.list_plans(db))
    finally:
        db.close()


def test_a_dry_run_prints_the_tree_and_the_warnings(tmp_path: Path) -> None:
    data_file = make_sample_file(tmp_path / "data")
    before = stored(data_file)
    document = tmp_path / "ke-hoach.docx"
    plan_docs.province_plan(document, rows=20)
    result = run_cli("import-plan", str(document), "--db", str(data_file), "--dry-run", "--json",
                     data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["dry_run"] is True and report["plan_id"] is None
    assert stored(data_file) == before
    tree = report["tree"]
    assert [p["number"] for p in tree] == ["I.", "II.", "III.", "IV.", "V."]
    appendix = tree[-1]
    assert appendix["title"].startswith("PHỤ LỤC") and appendix["kind"] == "section"
    group = appendix["children"][0]
    assert (group["number"], group["kind"]) == ("1.", "section")
    task = group["children"][0]
    assert set(task) >= {"number", "kind", "title", "lead_unit", "coordinators", "deadline",
                         "due_date"}  # fmt: skip
    assert task["kind"] == "task" and task["lead_unit"] and task["deadline"]
    rules = tree[1]["children"][0]["children"][0]
    assert (rules["deadline"], rules["due_date"]) == ("Quý II/2026", "30/06/2026")
    assert report["warnings"] == []


def test_warnings_name_what_was_not_understood(tmp_path: Path) -> None:
    data_file = make_sample_file(tmp_path / "data")
    document = tmp_path / "ke-hoach.txt"
    document.write_text("KẾ HOẠCH\nThử\nII. NHIỆM VỤ\n1. Việc\n1.1. Làm A\n"
                        "- Thời gian thực hiện: khi có kinh phí.\n", encoding="utf-8")  # fmt: skip
    words = run_cli("import-plan", str(document), "--db", str(data_file), "--dry-run",
                    data_dir=tmp_path)  # fmt: skip
    assert words.returncode == 0
    assert "Cảnh báo: «Làm A»: không hiểu thời hạn «khi có kinh phí»" in words.stdout


def test_an_excel_task_table_imports(tmp_path: Path) -> None:
    data_file = make_sample_file(tmp_path / "data")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026"])
    sheet.append(["(Kèm theo Kế hoạch số 88/KH-UBND ngày 10/02/2026 của UBND xã Diễn Châu)"])
    sheet.append([])
    sheet.append(["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn",
                  "Sản phẩm"])  # fmt: skip
    sheet.append(["I. CHÍNH QUYỀN SỐ"])  # typed in the first cell, merged across
    sheet.merge_cells(start_row=5, start_column=1, end_row=5, end_column=6)
    sheet.append([1, "Số hóa hồ sơ một cửa", "Văn phòng HĐND và UBND xã",
                  "Công an xã, Trung tâm phục vụ hành chính công", "Quý III/2026", "Kho số"])  # fmt: skip
    sheet.append([2, "Tập huấn kỹ năng số cho cán bộ", "Phòng Văn hóa - Xã hội", None,
                  "Tháng 5/2026", None])  # fmt: skip
    sheet.append(["II", "XÃ HỘI SỐ"])
    sheet.append([3, "Tuyên truyền dịch vụ công trực tuyến", "Đoàn Thanh niên xã",
                  "Hội Phụ nữ xã; các trường học", "Thường xuyên", None])  # fmt: skip
    book.save(tmp_path / "bang.xlsx")
    result = run_cli("import-plan", str(tmp_path / "bang.xlsx"), "--db", str(data_file), "--json",
                     data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["sections"], report["tasks"]) == (2, 3)
    db = Database.open(data_file, create=False)
    try:
        plan = plans.get_plan(db, report["plan_id"])
        assert (plan.number, plan.title) == ("88", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026")
        tree = items.plan_tree(db, report["plan_id"])
        first = next(n for n in tree.nodes if n.title == "Số hóa hồ sơ một cửa")
        assert first.lead_unit_name == "Văn phòng HĐND và UBND xã"
        assert first.coordinator_names == ("Công an xã", "Trung tâm phục vụ hành chính công")
        assert (first.deadline_text, tree.node(first.parent_id).title) == ("Quý III/2026",
                                                                           "CHÍNH QUYỀN SỐ")  # fmt: skip
    finally:
        db.close()


def test_no_plan_and_a_notice_are_exit_3_with_the_reason(tmp_path: Path) -> None:
    data_file = make_sample_file(tmp_path / "data")
    before = stored(data_file)
    prose = tmp_path / "van-xuoi.txt"
    prose.write_text("Chỉ là một đoạn văn.\n", encoding="utf-8")
    result = run_cli("import-plan", str(prose), "--db", str(data_file), "--dry-run", "--json",
                     data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 3
    report = json.loads(result.stdout)
    assert report["ok"] is False and "không tìm thấy phần nào" in report["message"]
    notice = plan_docs.notice(tmp_path / "thong-bao.docx")
    result = run_cli("import-plan", str(notice), "--db", str(data_file), data_dir=tmp_path)
    assert result.returncode == 3
    assert "là một THÔNG BÁO, không phải kế hoạch" in result.stderr and "--as-plan" in result.stderr
    assert stored(data_file) == before
    result = run_cli("import-plan", str(notice), "--db", str(data_file), "--as-plan",
                     data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 0 and "2 nhiệm vụ" in result.stdout
