"""Word documents shaped like the plans offices send, built with python-docx for the tests.

Modelled on public plans of provinces and ministries (Kế hoạch … /KH-UBND of provincial
People's Committees on digital transformation, administrative reform, data strategy,
2019–2026): the two-column header table with its typed rules, the title in capitals
over two lines, "Thực hiện …" before the parts, I.–IV. parts with "1.", "1.1." and "a)"
items, "- Đơn vị chủ trì: …" / "- Thời gian thực hiện: …" lines, duties of "Sở …",
"Công an tỉnh", "UBND các xã, phường" in "Tổ chức thực hiện", the signature table, and
after it the appendix "PHỤ LỤC / DANH MỤC NHIỆM VỤ …" whose table runs over pages: its
header repeated, a second table after a page break, a row cut in two. A stand-alone
appendix (only the table, group rows "I." alone in their cell, the header over two rows,
the column-number row) and a plan with its task table in the body are built too. Each
builder returns what a reader should find (`Expected`), so tests can count what came in.

Any document can be written with its numbers typed, or with Word's automatic numbering
(numbering.xml: a multilevel list upperRoman "%1." / decimal "%2." / "%2.%3." /
lowerLetter "%4)", bullets "" and "+", the built-in "List Number" style restarted by a
`w:lvlOverride/w:startOverride` instance): the two are twins and must import alike.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

UNITS = [
    "Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp",
    "Văn phòng UBND tỉnh", "Công an tỉnh", "Sở Giáo dục và Đào tạo", "Sở Y tế",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Nông nghiệp và Môi trường", "Sở Công Thương",
    "Sở Xây dựng", "Bảo hiểm xã hội tỉnh", "Ban Quản lý các khu công nghiệp",
    "Trung tâm Phục vụ hành chính công tỉnh", "Báo và Phát thanh, Truyền hình tỉnh",
    "UBND các xã, phường", "Bộ Chỉ huy Quân sự tỉnh", "Hội Nông dân tỉnh",
    "Tỉnh Đoàn", "Trường Cao đẳng Kỹ thuật", "Kho bạc Nhà nước khu vực",
]  # fmt: skip
DEADLINES = [
    "Quý IV/2026", "Năm 2026", "Thường xuyên", "Tháng 6/2026", "2026 - 2030",
    "Trước ngày 30/9/2026", "Hằng năm", "6 tháng đầu năm 2026", "Quí III-2026",
    "Tháng 12/2026", "Quý II/2026", "Hoàn thành trong năm 2026",
]  # fmt: skip
PRODUCTS = [
    "Báo cáo kết quả", "Quyết định của UBND tỉnh", "Kế hoạch được ban hành",
    "Hệ thống được vận hành", "Cơ sở dữ liệu được cập nhật", "Văn bản hướng dẫn",
]  # fmt: skip
VERBS = [
    "Rà soát, hoàn thiện", "Xây dựng, triển khai", "Nâng cấp, mở rộng", "Tổ chức tập huấn về",
    "Đẩy mạnh ứng dụng", "Số hóa, chuẩn hóa", "Kiểm tra, đánh giá việc thực hiện",
    "Tuyên truyền, phổ biến", "Kết nối, chia sẻ dữ liệu của", "Triển khai thí điểm",
]  # fmt: skip
OBJECTS = [
    "nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh", "hệ thống thông tin giải quyết thủ tục hành chính",
    "cơ sở dữ liệu chuyên ngành y tế", "kho dữ liệu dùng chung của tỉnh",
    "dịch vụ công trực tuyến toàn trình", "hồ sơ sức khỏe điện tử của người dân",
    "quy chế quản lý, vận hành Trung tâm điều hành thông minh",
    "kỹ năng số cho cán bộ, công chức cấp xã", "danh mục dữ liệu mở của cơ quan nhà nước",
    "ứng dụng định danh điện tử VNeID trong thanh toán không dùng tiền mặt",
    "hạ tầng mạng 5G tại các khu công nghiệp", "chữ ký số cho người dân và doanh nghiệp",
]  # fmt: skip
GROUPS = [
    "HOÀN THIỆN THỂ CHẾ, CƠ CHẾ, CHÍNH SÁCH", "PHÁT TRIỂN HẠ TẦNG SỐ",
    "PHÁT TRIỂN DỮ LIỆU SỐ", "PHÁT TRIỂN CHÍNH QUYỀN SỐ", "PHÁT TRIỂN KINH TẾ SỐ, XÃ HỘI SỐ",
    "BẢO ĐẢM AN TOÀN, AN NINH MẠNG", "PHÁT TRIỂN NGUỒN NHÂN LỰC SỐ",
]  # fmt: skip


@dataclass
class Expected:
    """What a careful reader finds in the document."""

    number: str = ""
    symbol: str = ""
    parts: list[str] = field(default_factory=list)  # the body's part headings
    #: Appendix (or table) rows that are tasks: (group heading, title, lead, deadline)
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    #: Tasks of the body with a stated lead or deadline: title start → (lead, deadline)
    body_tasks: dict[str, tuple[str, str]] = field(default_factory=dict)


# ------------------------------------------------------------------ Word plumbing

#: A multilevel list as offices set one up (Định dạng > Đánh số nhiều cấp):
#: I. / 1. / 1.1. / a), and a bullet list  / +.
NUMBERING = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="40">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
</w:abstractNum>"""
BULLETS = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="41">
  <w:multiLevelType w:val="hybridMultilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
</w:abstractNum>"""
OUTLINE, BULLET = "40", "41"
LEVEL_OF = {"I": 0, "1": 1, "1.1": 2, "a": 3}


class Writer:
    """One document being written, typed or with Word's numbering."""

    def __init__(self, auto: bool) -> None:
        self.doc = docx.Document()
        self.auto = auto
        numbering = self.doc.part.numbering_part.element
        # abstractNum elements must come before the num elements.
        first_num = numbering.find(qn("w:num"))
        for xml in (NUMBERING, BULLETS):
            first_num.addprevious(parse_xml(xml))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="40">'
                                   f'<w:abstractNumId w:val="{OUTLINE}"/></w:num>'))  # fmt: skip
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="41">'
                                   f'<w:abstractNumId w:val="{BULLET}"/></w:num>'))  # fmt: skip
        self.numbering = numbering
        self.next_num = 60
        # "List Number" is the built-in numId 5 → abstract 7; restarting it takes a new
        # instance with a start override, as Word's "Restart at 1" makes.
        self.list_number_abstract = next(
            n.find(qn("w:abstractNumId")).get(qn("w:val"))
            for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == "5"
        )  # fmt: skip

    def para(self, text: str, *, bold: bool = False, style: str | None = None) -> Any:
        paragraph = self.doc.add_paragraph(style=style)
        lines = text.split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.bold = bold
            if index < len(lines) - 1:
                run.add_break()
        return paragraph

    def numbered(self, label: str, text: str, *, bold: bool = False) -> Any:
        """A paragraph numbered `label` ("II.", "3.", "1.2.", "b)", "-", "+"): typed, or
        by the multilevel list (which counts them itself)."""
        if not self.auto:
            return self.para(f"{label} {text}", bold=bold)
        paragraph = self.para(text, bold=bold)
        if label in ("-", "+"):
            self._num(paragraph, "41", 0 if label == "-" else 1)
        else:
            kind = label.rstrip(".)")
            level = 0 if re.fullmatch(r"[IVX]+", kind) else 2 if "." in kind else \
                3 if kind.isalpha() else 1  # fmt: skip
            self._num(paragraph, "40", level)
        return paragraph

    def list_number(self, label: str, text: str, restart: bool) -> Any:
        """A "1." item typed, or in the "List Number" style (restarted when asked)."""
        if not self.auto:
            return self.para(f"{label} {text}")
        paragraph = self.para(text, style="List Number")
        if restart:
            self._num(paragraph, self.restarted_list_number(), None)
        return paragraph

    def restarted_list_number(self) -> str:
        """A new instance of "List Number" starting again at 1 (Word's "Restart at 1")."""
        self.next_num += 1
        self.numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{self.next_num}">'
            f'<w:abstractNumId w:val="{self.list_number_abstract}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        ))  # fmt: skip
        return str(self.next_num)

    @staticmethod
    def _num(paragraph: Any, num_id: str, level: int | None) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        ilvl = f'<w:ilvl w:val="{level}"/>' if level is not None else ""
        ppr.append(
            parse_xml(f'<w:numPr {nsdecls("w")}>{ilvl}<w:numId w:val="{num_id}"/></w:numPr>')
        )

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def header(self, body: list[str], number: str, place_date: str) -> None:
        table = self.doc.add_table(rows=2, cols=2)
        left, right = table.rows[0].cells
        left.text = "\n".join([*body, "-------"])
        right.text = (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------"
        )
        table.rows[1].cells[0].text = f"Số: {number}"
        table.rows[1].cells[1].text = place_date

    def signature(self, recipients: list[str], authority: list[str], name: str) -> None:
        table = self.doc.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.text = "Nơi nhận:"
        for line in recipients:
            left.add_paragraph(f"- {line}")
        right.text = "\n".join(authority)
        right.add_paragraph("")
        right.add_paragraph("(Đã ký)")
        right.add_paragraph(name)

    def task_table(self, header: list[str], rows: list[list[str]], *, groups: set[int],
                   repeat_header: bool = True, two_row_header: tuple[int, str, str] | None = None,
                   column_numbers: bool = False) -> Any:  # fmt: skip
        """A task table: `rows` by column; rows in `groups` span the table when their
        first cell is empty (a heading row), else keep the number in its cell."""
        heads = 2 if two_row_header else 1
        extra = 1 if column_numbers else 0
        table = self.doc.add_table(rows=heads + extra + len(rows), cols=len(header))
        table.style = "Table Grid"
        for index, text in enumerate(header):
            table.rows[0].cells[index].text = text
        if two_row_header:
            at, first, second = two_row_header
            table.rows[1].cells[at].text = first
            table.rows[1].cells[at + 1].text = second
            table.rows[0].cells[at].merge(table.rows[0].cells[at + 1])
            table.rows[0].cells[at].text = header[at]
            for index in range(len(header)):
                if index not in (at, at + 1):
                    table.cell(0, index).merge(table.cell(1, index))
        if repeat_header:
            for row in table.rows[:heads]:
                row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        if column_numbers:
            for index, cell in enumerate(table.rows[heads].cells):
                cell.text = f"({index + 1})"
        for offset, values in enumerate(rows):
            row = table.rows[heads + extra + offset]
            if offset in groups and not values[0]:
                merged = row.cells[0].merge(row.cells[-1])
                merged.text = values[1]
                continue
            for index, text in enumerate(values):
                row.cells[index].text = text
        return table

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


# ------------------------------------------------------------------ the documents


def _task_rows(
    rng: random.Random, groups: int, per_group: int
) -> list[tuple[str, list[tuple[str, str, str, str, str]]]]:
    """Groups of rows: (group heading, [(title, lead, coordinators, deadline, product)])."""
    out = []
    for group in range(groups):
        rows = []
        for _ in range(per_group):
            lead = rng.choice(UNITS)
            helpers = rng.sample([u for u in UNITS if u != lead], rng.randint(0, 3))
            rows.append((f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}", lead, "; ".join(helpers),
                         rng.choice(DEADLINES), rng.choice(PRODUCTS)))  # fmt: skip
        out.append((GROUPS[group % len(GROUPS)], rows))
    return out


def province_plan(path: Path, *, auto: bool = False, rows: int = 151, seed: int = 17,
                  appendix: tuple[str, str] = ("PHỤ LỤC", "DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ "
                                                "HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026")) -> Expected:  # fmt: skip
    """A province's plan with an appendix table after the signature (`rows` task rows in
    groups I, II…, over two tables split by a page break, one row cut in two)."""
    rng = random.Random(seed)
    w = Writer(auto)
    expected = Expected(number="125", symbol="KH-UBND")
    w.header(["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"], "125/KH-UBND",
             "Đồng Tháp, ngày 12 tháng 3 năm 2026")  # fmt: skip
    w.para("KẾ HOẠCH", bold=True)
    w.para("Triển khai Chương trình chuyển đổi số và phát triển dữ liệu\n"
           "trên địa bàn tỉnh Đồng Tháp năm 2026", bold=True)  # fmt: skip
    w.para("---------------")
    w.para("Thực hiện Quyết định số 2629/QĐ-TTg ngày 01/12/2025 của Thủ tướng Chính phủ phê "
           "duyệt Chương trình phát triển Chính phủ số; Nghị quyết số 71/NQ-CP ngày 01/4/2025 "
           "của Chính phủ; Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai trên địa bàn tỉnh "
           "năm 2026 như sau:")  # fmt: skip
    parts = ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "KINH PHÍ THỰC HIỆN",
             "TỔ CHỨC THỰC HIỆN"]  # fmt: skip
    expected.parts = parts
    w.numbered("I.", parts[0], bold=True)
    w.numbered("1.", "Mục đích", bold=True)
    w.numbered("-", "Cụ thể hóa các nhiệm vụ được giao tại Chương trình của Chính phủ, bảo đảm "
               "phù hợp với điều kiện thực tế của tỉnh.")  # fmt: skip
    w.numbered("-", "Xác định rõ nhiệm vụ, thời hạn hoàn thành và trách nhiệm của từng cơ quan.")
    w.numbered("2.", "Yêu cầu", bold=True)
    w.numbered("-", "Bám sát mục tiêu, bảo đảm đồng bộ, thống nhất, hiệu quả, tránh hình thức.")
    w.numbered("II.", parts[1], bold=True)
    w.numbered("1.", "Hoàn thiện thể chế, chính sách", bold=True)
    body = [
        ("Rà soát, đề xuất sửa đổi các quy định về quản lý, chia sẻ dữ liệu của tỉnh",
         "Sở Tư pháp", "Các sở, ban, ngành; UBND các xã, phường", "Quý II/2026",
         "Báo cáo rà soát"),
        ("Xây dựng quy chế khai thác kho dữ liệu dùng chung của tỉnh",
         "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh, Công an tỉnh",
         "Hoàn thành trong năm 2026", "Quyết định của UBND tỉnh"),
    ]  # fmt: skip
    for index, (title, lead, helpers, deadline, product) in enumerate(body, start=1):
        w.numbered(f"1.{index}.", title)
        w.numbered("-", f"Đơn vị chủ trì: {lead}.")
        w.numbered("-", f"Đơn vị phối hợp: {helpers}.")
        w.numbered("-", f"Thời gian thực hiện: {deadline}.")
        w.numbered("-", f"Sản phẩm: {product}.")
        expected.body_tasks[title[:40]] = (lead, deadline)
    w.numbered("2.", "Phát triển hạ tầng số và nền tảng số", bold=True)
    points = [
        ("Nâng cấp mạng truyền số liệu chuyên dùng đến cấp xã", "Sở Khoa học và Công nghệ",
         "trong Quý III/2026"),
        ("Triển khai nền tảng giám sát an toàn thông tin tập trung", "Công an tỉnh",
         "trước ngày 30/11/2026"),
        ("Mở rộng dịch vụ công trực tuyến toàn trình cho các thủ tục đủ điều kiện",
         "Văn phòng UBND tỉnh", "năm 2026"),
    ]  # fmt: skip
    for index, (title, lead, deadline) in enumerate(points):
        w.numbered(f"{'abc'[index]})", f"{title} ({lead} chủ trì; hoàn thành {deadline}).")
        expected.body_tasks[title[:40]] = (lead, deadline)
    w.numbered("3.", "Phát triển dữ liệu số", bold=True)
    w.para("Thực hiện theo các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.")
    w.numbered("III.", parts[2], bold=True)
    w.para("Kinh phí thực hiện từ ngân sách nhà nước theo phân cấp hiện hành và các nguồn "
           "huy động hợp pháp khác.")  # fmt: skip
    w.numbered("IV.", parts[3], bold=True)
    duties = [
        ("Sở Khoa học và Công nghệ", ["Là cơ quan thường trực, theo dõi, đôn đốc việc thực "
                                      "hiện Kế hoạch.", "Tổng hợp, báo cáo UBND tỉnh trước "
                                      "ngày 15/12 hằng năm."]),
        ("Sở Tài chính", ["Tham mưu bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch."]),
        ("Công an tỉnh", ["Bảo đảm an ninh mạng, bảo vệ dữ liệu cá nhân trong quá trình "
                          "triển khai."]),
        ("Các sở, ban, ngành tỉnh", ["Chủ động triển khai nhiệm vụ được giao tại Phụ lục."]),
        ("UBND các xã, phường", ["Triển khai các nhiệm vụ trên địa bàn; báo cáo kết quả "
                                 "về Sở Khoa học và Công nghệ."]),
    ]  # fmt: skip
    for index, (unit, lines) in enumerate(duties, start=1):
        w.list_number(f"{index}.", unit, restart=index == 1)
        for line in lines:
            w.numbered("-", line)
            expected.body_tasks[line[:40]] = (unit, "")
    w.para("Trên đây là Kế hoạch triển khai Chương trình chuyển đổi số và phát triển dữ liệu "
           "trên địa bàn tỉnh năm 2026. Trong quá trình thực hiện, nếu có vướng mắc, các cơ "
           "quan, đơn vị báo cáo về Sở Khoa học và Công nghệ để tổng hợp./.")  # fmt: skip
    w.signature(["Bộ Khoa học và Công nghệ (b/c);", "TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
                 "CT, các PCT UBND tỉnh;", "Như mục IV;", "Lưu: VT, KGVX."],
                ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                "Nguyễn Văn Bình")  # fmt: skip
    w.page_break()
    w.para(appendix[0], bold=True)
    w.para(appendix[1], bold=True)
    w.para("(Kèm theo Kế hoạch số 125/KH-UBND ngày 12/3/2026 của UBND tỉnh Đồng Tháp)")
    header = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
              "Sản phẩm"]  # fmt: skip
    groups = _task_rows(rng, 7, -(-rows // 7))
    table: list[list[str]] = []
    group_rows: set[int] = set()
    counted = 0
    romans = ["I", "II", "III", "IV", "V", "VI", "VII"]
    for g, (heading, items) in enumerate(groups):
        group_rows.add(len(table))
        table.append([romans[g], heading, "", "", "", ""])
        for title, lead, helpers, deadline, product in items:
            if counted == rows:
                break
            counted += 1
            table.append([str(counted), title, lead, helpers, deadline, product])
            expected.rows.append((heading, title, lead, deadline))
    # Split after the middle, as a page break splits a table copied from another file:
    # the second table repeats the header, and the row at the cut is broken in two.
    cut = len(table) // 2
    while cut in group_rows or cut - 1 in group_rows:
        cut += 1
    first, second = table[:cut], table[cut:]
    broken = first[-1]
    words = broken[1].split(" ")
    head_part, tail_part = " ".join(words[:3]), " ".join(words[3:]).lower()
    expected_title = f"{head_part} {tail_part}"
    index = next(i for i, r in enumerate(expected.rows) if r[1] == broken[1])
    expected.rows[index] = (expected.rows[index][0], expected_title, *expected.rows[index][2:])
    first[-1] = [broken[0], head_part, broken[2], "", "", ""]
    second.insert(0, ["", tail_part, "", broken[3], broken[4], broken[5]])
    w.task_table(header, first, groups={i for i in group_rows if i < cut})
    w.page_break()
    w.task_table(header, second, groups={i - cut + 1 for i in group_rows if i >= cut})
    w.save(path)
    return expected


def standalone_appendix(path: Path, *, rows: int = 140, seed: int = 26) -> Expected:
    """Only the appendix: group rows "I." alone in their first cell with the heading in the
    next, sub-groups "1" with rows "1.1", "1.2"…, a two-row header ("Cơ quan thực hiện"
    over "Chủ trì" | "Phối hợp") and the "(1) (2)…" column-number row."""
    rng = random.Random(seed)
    w = Writer(False)
    expected = Expected(number="45", symbol="KH-UBND")
    w.para("PHỤ LỤC I", bold=True)
    w.para("NHIỆM VỤ CỤ THỂ THỰC HIỆN CHIẾN LƯỢC DỮ LIỆU ĐẾN NĂM 2030", bold=True)
    w.para("(Kèm theo Kế hoạch số 45/KH-UBND ngày 05/02/2026 của UBND tỉnh Nghệ An)")
    header = ["TT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian hoàn thành"]
    table: list[list[str]] = []
    done = 0
    romans = ["I.", "II.", "III.", "IV."]
    for g, (heading, items) in enumerate(_task_rows(rng, 4, -(-rows // 4))):
        table.append([romans[g], heading, "", "", ""])
        for sub, start in enumerate(range(0, len(items), 12), start=1):
            subheading = f"Nhóm nhiệm vụ {sub} của phần {romans[g]}"
            table.append([str(sub), subheading, "", "", ""])
            for k, (title, lead, helpers, deadline, _product) in enumerate(
                items[start : start + 12], 1
            ):
                if done == rows:
                    break
                done += 1
                table.append([f"{sub}.{k}", title, lead, helpers, deadline])
                expected.rows.append((subheading, title, lead, deadline))
    w.task_table(header, table, groups=set(), two_row_header=(2, "Chủ trì", "Phối hợp"),
                 column_numbers=True)  # fmt: skip
    w.save(path)
    return expected


def body_table_plan(path: Path, *, seed: int = 8) -> Expected:
    """A ministry's plan whose tasks are a table in the body, groups A, B and 1, 2 with
    rows 1.1, 1.2…, "Tiến độ" for the time and "Đơn vị thực hiện" for the lead."""
    rng = random.Random(seed)
    w = Writer(False)
    expected = Expected(number="312", symbol="KH-BKHCN")
    w.header(["BỘ KHOA HỌC VÀ CÔNG NGHỆ"], "312/KH-BKHCN", "Hà Nội, ngày 20 tháng 01 năm 2026")
    w.para("KẾ HOẠCH")
    w.para("Cải cách hành chính của Bộ Khoa học và Công nghệ năm 2026")
    w.para("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình "
           "tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;")  # fmt: skip
    expected.parts = ["MỤC TIÊU", "NHIỆM VỤ CỤ THỂ", "TỔ CHỨC THỰC HIỆN"]
    w.para("I. MỤC TIÊU")
    w.para("Nâng cao hiệu quả phục vụ người dân, doanh nghiệp; 100% thủ tục đủ điều kiện được "
           "cung cấp trực tuyến toàn trình.")  # fmt: skip
    w.para("II. NHIỆM VỤ CỤ THỂ")
    w.para("(Chi tiết tại bảng dưới đây)")
    header = ["TT", "Nội dung công việc", "Đơn vị thực hiện", "Đơn vị phối hợp", "Tiến độ",
              "Kết quả/Sản phẩm"]  # fmt: skip
    table: list[list[str]] = []
    letters = ["A", "B"]
    for g, letter in enumerate(letters):
        table.append([letter, f"CẢI CÁCH {['THỂ CHẾ', 'THỦ TỤC HÀNH CHÍNH'][g]}", "", "", "", ""])
        for sub, (heading, items) in enumerate(_task_rows(rng, 2, 5), start=1):
            table.append([str(sub), heading.capitalize(), "", "", "", ""])
            for k, (title, lead, helpers, deadline, product) in enumerate(items, start=1):
                table.append([f"{sub}.{k}", title, lead, helpers, deadline, product])
                expected.rows.append((heading.capitalize(), title, lead, deadline))
    w.task_table(header, table, groups=set())
    w.para("III. TỔ CHỨC THỰC HIỆN")
    w.para("1. Văn phòng Bộ")
    w.para("- Theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch.")
    w.para("2. Các đơn vị thuộc Bộ")
    w.para("- Chủ động triển khai nhiệm vụ được giao; báo cáo trước ngày 10/12/2026.")
    w.para("Nơi nhận:")
    w.para("- Lưu: VT, VP.")
    w.para("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG")
    w.para("Trần Văn Tùng")
    w.save(path)
    return expected


def department_plan(path: Path) -> Expected:
    """A department's plan without I., II. parts ("1. Mục đích" … "3. Tổ chức thực
    hiện"): its table's groups are rows spanning the table ("I. CẢI CÁCH THỂ CHẾ"), some
    rows carry no number, one time is "Theo quy định"; the duties are written "Văn
    phòng Sở: chủ trì …"; the director signs alone."""
    w = Writer(False)
    expected = Expected(number="15", symbol="KH-SNV")
    w.header(
        ["UBND TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ"], "15/KH-SNV", "Quảng Trị, ngày 3 tháng 4 năm 2026"
    )
    w.para("KẾ HOẠCH")
    w.para("Cải cách hành chính năm 2026")
    expected.parts = ["Mục đích", "Nhiệm vụ", "Tổ chức thực hiện"]
    w.para("1. Mục đích")
    w.para("Nâng cao chất lượng phục vụ người dân, doanh nghiệp.")
    w.para("2. Nhiệm vụ")
    w.para("Các nhiệm vụ cụ thể như sau:")
    rows = [
        ["", "I. CẢI CÁCH THỂ CHẾ", "", "", "", ""],
        ["1", "Rà soát văn bản quy phạm pháp luật do Sở tham mưu", "Phòng Pháp chế",
         "Các phòng thuộc Sở", "Quý II/2026", ""],
        ["", "Kiểm tra việc thực hiện văn bản sau ban hành", "Thanh tra Sở", "", "Thường xuyên",
         "Lồng ghép kiểm tra công vụ"],
        ["", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", ""],
        ["2", "Công bố thủ tục hành chính mới, sửa đổi", "Văn phòng Sở",
         "Trung tâm Phục vụ hành chính công tỉnh", "Theo quy định", ""],
    ]  # fmt: skip
    w.task_table(["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện",
                  "Ghi chú"], rows, groups={0, 3})  # fmt: skip
    expected.rows = [
        ("CẢI CÁCH THỂ CHẾ", rows[1][1], "Phòng Pháp chế", "Quý II/2026"),
        ("CẢI CÁCH THỂ CHẾ", rows[2][1], "Thanh tra Sở", "Thường xuyên"),
        ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", rows[4][1], "Văn phòng Sở", ""),  # "Theo quy định"
    ]  # fmt: skip
    w.para("3. Tổ chức thực hiện")
    w.para("a) Văn phòng Sở: chủ trì theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp, báo cáo "
           "Giám đốc Sở.")  # fmt: skip
    w.para("b) Các phòng, đơn vị thuộc Sở: căn cứ nhiệm vụ được giao, chủ động triển khai.")
    w.para("Nơi nhận:")
    w.para("- Lưu: VT.")
    w.para("GIÁM ĐỐC")
    w.para("Lê Văn Cường")
    w.save(path)
    return expected


def notice(path: Path) -> Path:
    """A notice of conclusions (THÔNG BÁO): not a plan, though its points could be tasks."""
    w = Writer(False)
    w.header(["UBND TỈNH NGHỆ AN", "VĂN PHÒNG"], "20/TB-VP", "Nghệ An, ngày 15 tháng 01 năm 2026")
    w.para("THÔNG BÁO")
    w.para("Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số")
    w.para("Ngày 10/01/2026, Chủ tịch UBND tỉnh chủ trì cuộc họp; sau khi nghe báo cáo, Chủ tịch "
           "kết luận như sau:")  # fmt: skip
    w.para("1. Sở Khoa học và Công nghệ hoàn thành kho dữ liệu dùng chung trước ngày 30/6/2026.")
    w.para("2. Công an tỉnh đẩy nhanh làm sạch dữ liệu dân cư, hoàn thành trong Quý II/2026.")
    w.para("Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.")
    return w.save(path)


def twin_of_lines(path: Path, lines: list[str], *, auto: bool) -> Path:
    """`lines` (a plan as text) written as Word paragraphs, their numbers typed or made
    by the multilevel list: "I." level 1, "1." level 2, "a)" level 4, "-" and "+" bullets."""
    w = Writer(auto)
    for line in lines:
        match = re.match(r"^([IVX]+\.|\d{1,2}\.(?:\d{1,2}\.)?|[a-zđ]\)|[-+])\s+(.*)$", line)
        if match and not (auto and match.group(1).startswith("đ")):
            w.numbered(match.group(1), match.group(2))
        else:
            w.para(line)
    return w.save(path)


# ------------------------------------------------------------------ measuring


@dataclass
class Figures:
    """The issue's "done when" figures for one imported document."""

    rows: int = 0
    in_group: int = 0  # rows that became tasks under their group
    lead: int = 0  # … with the right lead unit
    deadline: int = 0  # … with the deadline as written
    parts: int = 0
    parts_found: int = 0
    number_found: bool = False
    sections: int = 0
    empty_sections: int = 0

    def shares(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return round(100 * part / whole, 1) if whole else 100.0

        return {"rows→tasks in groups %": share(self.in_group, self.rows),
                "right lead %": share(self.lead, self.rows),
                "deadline as written %": share(self.deadline, self.rows),
                "part headings %": share(self.parts_found, self.parts),
                "empty sections %": share(self.empty_sections, self.sections)}  # fmt: skip


def measure(db: Any, plan_id: int, expected: Expected) -> Figures:
    """Compare the stored plan with what the document holds."""
    from dienchau_desktop.core.folding import fold
    from dienchau_desktop.services import items, plans

    tree = items.plan_tree(db, plan_id)
    by_title: dict[str, list[Any]] = {}
    for node in tree.nodes:
        if node.kind == "task":
            by_title.setdefault(fold(node.title), []).append(node)
    figures = Figures(rows=len(expected.rows), parts=len(expected.parts))
    for group, title, lead, deadline in expected.rows:
        candidates = by_title.get(fold(title), [])
        placed = [n for n in candidates if n.parent_id is not None
                  and fold(tree.node(n.parent_id).title) == fold(group)]  # fmt: skip
        if not placed:
            continue
        node = placed.pop(0)
        by_title[fold(title)].remove(node)
        figures.in_group += 1
        figures.lead += node.lead_unit_name == lead
        figures.deadline += node.deadline_text == deadline
    roots = {fold(n.title) for n in tree.roots() if n.kind == "section"}
    figures.parts_found = sum(fold(p) in roots for p in expected.parts)
    figures.number_found = plans.get_plan(db, plan_id).number == expected.number
    sections = [n for n in tree.nodes if n.kind == "section"]
    figures.sections = len(sections)
    figures.empty_sections = sum(1 for n in sections if not n.child_ids)
    return figures
