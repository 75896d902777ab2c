"""Seeded generator of realistic data files for the benchmark.

Sizes: `small` (the built-in sample plan), `commune` (300 tasks), `district` (10,000
tasks and 200,000 progress entries over 20 reporting periods); `docx` writes a
100-page plan document for the importer's benchmark. Plans are shaped like
real ones: sections I–III, nested items, long Vietnamese titles, 40 units, lead and
coordinating units, deadlines in every written form.

Rows are inserted in bulk with SQLAlchemy Core (the services validate one item at a
time, which is right for a user and far too slow for 200,000 rows); the deadlines still
go through the real parser so the data is what the program itself would store.

    uv run python -m benchmarks.generate district --out /tmp/district.sqlite3
    uv run --group bench python -m benchmarks.generate docx --out /tmp/plan.docx
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from dienchau_desktop import paths
from dienchau_desktop.core.deadline import parse_deadline
from dienchau_desktop.core.folding import fold
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import (
    Plan,
    PlanItem,
    ProgressEntry,
    ReportingPeriod,
    TaskCoordinator,
    Unit,
)
from dienchau_desktop.services.plan_file import load_plan_file


@dataclass(frozen=True)
class Size:
    tasks: int
    periods: int
    progress: int


SIZES = {
    "commune": Size(tasks=300, periods=4, progress=600),
    "thousand": Size(tasks=1000, periods=4, progress=4000),
    "district": Size(tasks=10_000, periods=20, progress=200_000),
}

VERBS = [
    "Tổ chức quán triệt", "Đẩy mạnh", "Tăng cường", "Triển khai", "Rà soát, đánh giá",
    "Chủ trì, phối hợp", "Xây dựng kế hoạch", "Kiểm tra, giám sát", "Hướng dẫn, đôn đốc",
    "Nâng cao chất lượng", "Số hóa", "Tuyên truyền, phổ biến",
]  # fmt: skip
OBJECTS = [
    "thủ tục hành chính trên môi trường số", "Cơ sở dữ liệu quốc gia về dân cư",
    "chuyển đổi số trong quản lý, dạy học và đánh giá học sinh", "Đề án 06",
    "kỹ năng số cho đội ngũ cán bộ, công chức", "an toàn, an ninh thông tin",
    "hồ sơ điện tử, học bạ số", "cải cách hành chính gắn với chuyển đổi số",
    "văn hóa công sở và đạo đức công vụ", "xã hội hóa giáo dục",
    "định danh và xác thực điện tử", "phát triển khoa học, công nghệ, đổi mới sáng tạo",
]  # fmt: skip
TAILS = [
    "trên địa bàn xã", "bảo đảm tiến độ, chất lượng và hiệu quả", "đúng quy định",
    "góp phần nâng cao mức độ hài lòng của người dân, doanh nghiệp",
    "theo Kế hoạch của Ban Chỉ đạo tỉnh", "gắn với kiểm tra, giám sát và đánh giá kết quả",
]  # fmt: skip
UNIT_KINDS = [
    ("Phòng", ["Văn hoá - Xã hội", "Kinh tế", "Nội vụ", "Tư pháp - Hộ tịch", "Tài chính"]),
    ("Trường", ["Mầm non", "Tiểu học", "Trung học cơ sở"]),
    ("Công an", ["xã"]),
    ("Trung tâm", ["phục vụ hành chính công", "Y tế", "Văn hóa - Thể thao"]),
    ("Hội", ["Phụ nữ", "Nông dân", "Cựu chiến binh", "Người cao tuổi", "Phụ huynh học sinh"]),
]
PLACES = ["Diễn Châu", "Diễn Kỷ", "Diễn Hồng", "Diễn Thành", "Diễn Phúc", "Diễn Ngọc", "Diễn Vạn"]


def deadline_texts(rng: random.Random, year: int) -> str:
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    forms = [
        f"{day}/{month}/{year}",
        f"Tháng {month}/{year}",
        f"Quý {['I', 'II', 'III', 'IV'][rng.randint(0, 3)]}/{year}",
        f"Quí {['I', 'II', 'III', 'IV'][rng.randint(0, 3)]}-{year}",
        f"Trước ngày {day}/{month}/{year}",
        f"{month}/{year}",
        f"{year}",
        f"{year} - {year + 4}",
        "Thường xuyên",
        "Hằng năm",
        f"6 tháng đầu năm {year}",
    ]
    return rng.choice(forms)


def title(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"


def make_units(rng: random.Random, count: int = 40) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        kind, variants = rng.choice(UNIT_KINDS)
        name = f"{kind} {rng.choice(variants)} {rng.choice(PLACES)}"
        if name not in names:
            names.append(name)
    return names


def generate(path: Path, size_name: str, seed: int = 2026) -> Path:
    """Write a data file of `size_name` at `path` (which must not exist)."""
    if path.exists():
        raise SystemExit(f"{path} exists; refusing to overwrite it")
    if size_name == "small":
        Database.open(path, initialise=lambda db: load_plan_file(db, paths.sample_plan_file()))
        return path
    size = SIZES[size_name]
    rng = random.Random(seed)
    year = 2026
    now = datetime(2026, 11, 1, 8, 0)

    def fill(db: Database) -> None:
        with db.write() as session:
            conn = session.connection()
            unit_names = make_units(rng)
            conn.execute(
                insert(Unit),
                [{"id": i + 1, "name": n, "name_key": fold(n), "short_name": "", "kind": "",
                  "email": "", "contact": ""} for i, n in enumerate(unit_names)],
            )  # fmt: skip
            conn.execute(
                insert(Plan),
                [{
                    "id": 1, "number": "15", "symbol": "KH-UBND", "doc_type": "KẾ HOẠCH",
                    "title": f"Kế hoạch thử nghiệm {size_name}: " + title(rng),
                    "parent_body": "UBND HUYỆN DIỄN CHÂU", "issuing_body": "ỦY BAN NHÂN DÂN",
                    "place": "Diễn Châu", "issue_date": date(year, 1, 5),
                    "issue_date_text": f"ngày 05 tháng 01 năm {year}", "year": year,
                    "signer_name": "Nguyễn Văn A", "signer_authority": "TM. ỦY BAN NHÂN DÂN",
                    "signer_title": "CHỦ TỊCH", "legal_bases": [], "recipients": [],
                    "closing_text": "", "numbering_scheme": None, "status": "active",
                    "created_at": now, "updated_at": now,
                }],
            )  # fmt: skip
            items, links, task_ids = [], [], []
            next_id = 1

            def add(parent: int | None, position: int, kind: str, text: str, **extra) -> int:
                nonlocal next_id
                item_id = next_id
                next_id += 1
                row = {
                    "id": item_id, "plan_id": 1, "parent_id": parent, "position": position,
                    "kind": kind, "title": text, "body": "", "lead_unit_id": None,
                    "responsible_person": "", "start_date": None, "deadline_text": "",
                    "deadline_kind": None, "deadline_start": None, "due_date": None,
                    "expected_product": "", "indicator_target": None, "indicator_unit": "",
                    "indicator_text": "", "is_breakthrough": False, "funding_source": "",
                    "notes": "", "created_at": now, "updated_at": now,
                }  # fmt: skip
                row.update(extra)
                items.append(row)
                return item_id

            tops = ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "TỔ CHỨC THỰC HIỆN"]
            per_top = [size.tasks // 10, size.tasks * 7 // 10]
            per_top.append(size.tasks - sum(per_top))
            for top_pos, (top_title, quota) in enumerate(zip(tops, per_top, strict=True)):
                top = add(None, top_pos, "section", top_title)
                sub_count = max(1, quota // 25)
                remaining = quota
                for sub_pos in range(sub_count):
                    sub = add(top, sub_pos, "section", f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}")
                    share = remaining // (sub_count - sub_pos)
                    remaining -= share
                    pos = 0
                    while share > 0:
                        group = None
                        if share > 6 and rng.random() < 0.3:
                            group = add(sub, pos, "section", rng.choice(OBJECTS).capitalize() + ":")
                            pos += 1
                        for k in range(min(share, rng.randint(3, 6)) if group else 1):
                            deadline = parse_deadline(deadline_texts(rng, year))
                            lead = rng.randint(1, len(unit_names))
                            task = add(
                                group or sub, k if group else pos, "task", title(rng),
                                lead_unit_id=lead,
                                responsible_person=rng.choice(["Phó Chủ tịch UBND xã", "Chủ tịch UBND xã", "Trưởng phòng", ""]),
                                deadline_text=deadline.text, deadline_kind=deadline.kind.value,
                                deadline_start=deadline.start, due_date=deadline.due,
                                expected_product=rng.choice(["Báo cáo", "Kế hoạch", "Văn bản chỉ đạo", ""]),
                                is_breakthrough=rng.random() < 0.05,
                            )  # fmt: skip
                            task_ids.append(task)
                            coordinators = rng.sample(range(1, len(unit_names) + 1), 3)
                            links.extend(
                                {"item_id": task, "unit_id": u, "position": p}
                                for p, u in enumerate(c for c in coordinators if c != lead)
                            )
                            share -= 1
                            if not group:
                                pos += 1
            conn.execute(insert(PlanItem), items)
            conn.execute(insert(TaskCoordinator), links)

            period_rows = []
            start = date(year - 4, 12, 15)
            for n in range(size.periods):
                cutoff = start + timedelta(days=180 * (n + 1))
                period_rows.append({
                    "id": n + 1, "plan_id": 1, "kind": "half_year" if n % 2 == 0 else "year",
                    "label": f"Kỳ {n + 1}", "start_date": start + timedelta(days=180 * n),
                    "cutoff_date": cutoff, "due_date": cutoff + timedelta(days=2),
                    "is_closed": n < size.periods - 2,
                })  # fmt: skip
            conn.execute(insert(ReportingPeriod), period_rows)
            statuses = ["not_started", "in_progress", "completed", "paused", "cancelled"]
            batch = []
            for n in range(size.progress):
                status = rng.choices(statuses, weights=[2, 5, 4, 1, 0.3])[0]
                batch.append({
                    "item_id": task_ids[n % len(task_ids)],
                    "period_id": (n // len(task_ids)) % size.periods + 1,
                    "status": status,
                    "percent": 100 if status == "completed" else rng.randint(0, 95),
                    "result_text": "Đã triển khai " + rng.choice(OBJECTS),
                    "indicator_actual": None,
                    "completed_on": date(year, rng.randint(1, 12), rng.randint(1, 28)) if status == "completed" else None,
                    "reported_by": rng.choice(unit_names), "recorded_at": now,
                    "source": "manual", "source_file": "",
                })  # fmt: skip
                if len(batch) == 20_000:
                    conn.execute(insert(ProgressEntry), batch)
                    batch = []
            if batch:
                conn.execute(insert(ProgressEntry), batch)

    Database.open(path, initialise=fill).close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=["small", *SIZES, "docx"])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if args.size == "docx":
        generate_plan_document(args.out, seed=args.seed)
    else:
        generate(args.out, args.size, args.seed)
    print(args.out)
    return 0


def generate_plan_document(path: Path, pages: int = 100, seed: int = 2026) -> Path:
    """A plan as it arrives from the district: a .docx of about `pages` A4 pages.

    Header, legal bases, sections I–III with numbered and lettered items, "-" and "+"
    lines, unit duties and a closing: the shapes the plan importer must read.
    """
    from docx import Document
    from docx.shared import Pt

    rng = random.Random(seed)
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    document.add_paragraph("ỦY BAN NHÂN DÂN\nXÃ DIỄN CHÂU")
    document.add_paragraph("Số: 15/KH-UBND")
    document.add_paragraph("Diễn Châu, ngày 05 tháng 01 năm 2026")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph(f"Thực hiện {rng.choice(OBJECTS)} năm 2026")
    for n in range(5):
        document.add_paragraph(
            f"Căn cứ Kế hoạch số {n + 1}/KH-UBND của UBND huyện về {rng.choice(OBJECTS)};"
        )
    # About 26 paragraphs of 14 pt text fill an A4 page.
    budget = pages * 26
    written = 0
    romans = ["I", "II", "III"]
    for top in range(3):
        document.add_paragraph(
            f"{romans[top]}. {['MỤC ĐÍCH, YÊU CẦU', 'NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU', 'TỔ CHỨC THỰC HIỆN'][top]}"
        )
        share = budget // 3
        number = 0
        while share > 0:
            number += 1
            document.add_paragraph(f"{number}. {rng.choice(VERBS)} {rng.choice(OBJECTS)}")
            for letter in "abcdđeg"[: rng.randint(1, 4)]:
                document.add_paragraph(f"{letter}) {title(rng)}.")
                for _ in range(rng.randint(1, 3)):
                    document.add_paragraph(f"- {title(rng)}; {rng.choice(TAILS)}.")
                    if rng.random() < 0.3:
                        document.add_paragraph(f"+ {title(rng)}.")
                        share -= 1
                    share -= 1
                share -= 1
            written += 1
    document.add_paragraph("Nơi nhận:\n- Như trên;\n- Lưu: VT, VHXH.")
    document.add_paragraph("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
    document.add_paragraph("Nguyễn Văn A")
    document.save(path)
    return path


def generate_appendix_document(path: Path, rows: int = 1000, seed: int = 2026) -> Path:
    """A province's plan whose tasks are a `rows`-row appendix after the signature, as
    offices send them: "PHỤ LỤC", then a table STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan
    phối hợp | Thời gian hoàn thành | Sản phẩm, its header repeated on each page, the rows
    in groups I, II… of 50 (python-docx, seeded)."""
    from docx import Document
    from docx.oxml import OxmlElement

    rng = random.Random(seed)
    units = make_units(rng)
    document = Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n-------")
    document.add_paragraph("Số: 88/KH-UBND")
    document.add_paragraph("Nghệ An, ngày 10 tháng 02 năm 2026")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Chuyển đổi số tỉnh Nghệ An năm 2026")
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    document.add_paragraph("- Triển khai đồng bộ các nhiệm vụ chuyển đổi số năm 2026.")
    document.add_paragraph("II. NHIỆM VỤ, GIẢI PHÁP")
    document.add_paragraph("Chi tiết tại Phụ lục kèm theo.")
    document.add_paragraph("Nơi nhận:\n- Như trên;\n- Lưu: VT.")
    document.add_paragraph("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
    document.add_paragraph("Nguyễn Văn A")
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph("DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026")
    document.add_paragraph("(Kèm theo Kế hoạch số 88/KH-UBND ngày 10/02/2026 của UBND tỉnh)")
    header = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
              "Thời gian hoàn thành", "Sản phẩm"]  # fmt: skip
    groups = -(-rows // 50)
    table = document.add_table(rows=1 + rows + groups, cols=len(header))
    for index, text in enumerate(header):
        table.rows[0].cells[index].text = text
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    line = 1
    for number in range(rows):
        if number % 50 == 0:
            cells = table.rows[line].cells
            cells[0].text = _roman(number // 50 + 1)
            cells[1].text = f"NHÓM NHIỆM VỤ {number // 50 + 1}"
            line += 1
        cells = table.rows[line].cells
        lead = rng.choice(units)
        helpers = rng.sample([u for u in units if u != lead], rng.randint(0, 3))
        for cell, text in zip(cells, (str(number + 1), title(rng), lead, "; ".join(helpers),
                                      deadline_texts(rng, 2026), "Báo cáo"), strict=True):  # fmt: skip
            cell.text = text
        line += 1
    document.save(path)
    return path


def _roman(number: int) -> str:
    from dienchau_desktop.core.numbering import roman

    return roman(number)


if __name__ == "__main__":
    sys.exit(main())
