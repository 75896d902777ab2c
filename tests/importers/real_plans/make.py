"""Type the four plans of sources.py into LibreOffice Writer and Calc (flat ODF) and save
them as .docx / .xlsx with LibreOffice, as an office does. Run once, by hand, from the
repository (needs libreoffice-writer-nogui and -calc-nogui):

    python3 -m uv run --locked python -m tests.importers.real_plans.make

The tests read only the files it leaves here; it is not run by them.
"""

from __future__ import annotations

from pathlib import Path

from tests.importers.real_plans import sources as s
from tests.importers.real_plans.writer import Document, convert, spreadsheet

HERE = Path(__file__).resolve().parent
DOCX = "docx:MS Word 2007 XML"


def _rows(groups: list[s.Group], group_numbers: bool = True) -> tuple[list[list[str]], set[int]]:
    rows: list[list[str]] = []
    bold: set[int] = set()
    for number, title, items in groups:
        bold.add(len(rows))
        rows.append([number if group_numbers else "", title, "", "", "", ""])
        rows.extend(list(row) for row in items)
    return rows, bold


def _outline(doc: Document, auto: bool, level: int, label: str, text: str,
             bold: bool = False) -> None:  # fmt: skip
    if auto:
        doc.numbered(level, text, bold=bold)
    else:
        doc.para(f"{label} {text}", bold=bold)


def _dash(doc: Document, auto: bool, text: str) -> None:
    if auto:
        doc.dash(text)
    else:
        doc.para(f"- {text}")


def bac_ninh() -> Path:
    """Automatic numbering in the body, the appendix after the signature, its table split
    by a page break (the header repeated, a row broken in two)."""
    doc = Document()
    doc.two_columns(*s.BAC_NINH_HEADER)
    doc.two_columns(["Số: 186/KH-UBND"], ["Bắc Ninh, ngày 29 tháng 12 năm 2025"], bold=False)
    doc.para("KẾ HOẠCH", bold=True, center=True)
    doc.para("PHÁT TRIỂN CHÍNH QUYỀN SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026-2030", bold=True,
             center=True)  # fmt: skip
    for line in s.BAC_NINH_BASES:
        doc.para(line)
    doc.numbered(1, "MỤC ĐÍCH, YÊU CẦU", bold=True)
    for line in s.BAC_NINH_PURPOSES:
        doc.dash(line)
    doc.numbered(1, "NHIỆM VỤ, GIẢI PHÁP", bold=True)
    for title, duties in s.BAC_NINH_TASKS:
        doc.numbered(2, title, bold=True)
        for duty in duties:
            doc.dash(duty)
    doc.para("Nhiệm vụ cụ thể của các cơ quan, đơn vị tại Phụ lục kèm theo Kế hoạch này.")
    doc.numbered(1, "TỔ CHỨC THỰC HIỆN", bold=True)
    for unit, duties in s.BAC_NINH_DUTIES:
        doc.numbered(2, unit, bold=True)
        for duty in duties:
            doc.dash(duty)
    doc.para("Trên đây là Kế hoạch phát triển Chính quyền số tỉnh Bắc Ninh giai đoạn 2026-2030; "
             "trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo "
             "cáo UBND tỉnh (qua Sở Khoa học và Công nghệ) để xem xét, chỉ đạo./.")  # fmt: skip
    doc.two_columns(*s.BAC_NINH_SIGNATURE, bold=False)
    doc.page_break()
    doc.para(s.BAC_NINH_APPENDIX_HEADING[0], bold=True, center=True)
    doc.para(s.BAC_NINH_APPENDIX_HEADING[1], bold=True, center=True)
    doc.para(s.BAC_NINH_APPENDIX_HEADING[2], center=True)
    rows, bold = _rows(s.BAC_NINH_APPENDIX)
    # The page break falls in group III's second row: its task is broken after "Triển
    # khai hệ thống họp", the rest (and the row's other cells) on the next page's first
    # row, under the repeated header.
    cut = next(i for i, r in enumerate(rows) if r[1].startswith("Triển khai hệ thống họp"))
    broken = rows[cut]
    words = broken[1].split(" ")
    first = [*rows[:cut], [broken[0], " ".join(words[:5]), broken[2], "", "", ""]]
    second = [["", " ".join(words[5:]), "", broken[3], broken[4], broken[5]], *rows[cut + 1 :]]
    doc.table(s.TABLE_HEADER, first, groups={i for i in bold if i < cut})
    doc.page_break()
    doc.table(s.TABLE_HEADER, second, groups={i - cut for i in bold if i > cut})
    return convert(doc.fodt(), ".fodt", HERE / "bac-ninh-186-kh-ubnd.docx", DOCX)


def lai_chau(auto: bool) -> Path:
    """ "1.1." tasks with "- Đơn vị chủ trì:" lines; typed, or numbered by Writer."""
    doc = Document()
    doc.two_columns(*s.LAI_CHAU_HEADER)
    doc.two_columns(["Số: 1888/KH-VPUBND"], ["Lai Châu, ngày 30 tháng 12 năm 2025"], bold=False)
    doc.para("KẾ HOẠCH", bold=True, center=True)
    doc.para("Cải cách hành chính năm 2026", bold=True, center=True)
    for line in s.LAI_CHAU_BASES:
        doc.para(line)
    _outline(doc, auto, 1, "I.", "MỤC ĐÍCH, YÊU CẦU", bold=True)
    for line in s.LAI_CHAU_PURPOSES:
        _dash(doc, auto, line)
    _outline(doc, auto, 1, "II.", "NỘI DUNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", bold=True)
    for number, (item, tasks) in enumerate(s.LAI_CHAU_TASKS, start=1):
        _outline(doc, auto, 2, f"{number}.", item, bold=True)
        for sub, (task, lead, helpers, deadline) in enumerate(tasks, start=1):
            _outline(doc, auto, 3, f"{number}.{sub}.", task)
            # The labels in bold, as the office's template has them.
            _dash(doc, auto, f"**Đơn vị chủ trì:** {lead}")
            if helpers:
                _dash(doc, auto, f"**Đơn vị phối hợp:** {helpers}")
            _dash(doc, auto, f"**Thời gian thực hiện:** {deadline}")
        doc.blank()
    _outline(doc, auto, 1, "III.", "TỔ CHỨC THỰC HIỆN", bold=True)
    for number, (unit, duties) in enumerate(s.LAI_CHAU_DUTIES, start=1):
        _outline(doc, auto, 2, f"{number}.", unit, bold=True)
        for duty in duties:
            _dash(doc, auto, duty)
    doc.para("Trên đây là Kế hoạch cải cách hành chính năm 2026 của Văn phòng UBND tỉnh./.")
    doc.two_columns(*s.LAI_CHAU_SIGNATURE, bold=False)
    name = "vp-lai-chau-1888-tu-dong.docx" if auto else "vp-lai-chau-1888-go-tay.docx"
    return convert(doc.fodt(), ".fodt", HERE / name, DOCX)


def dak_nong() -> Path:
    """A stand-alone appendix kept in Calc: heading rows merged across, groups "1" with
    their title merged across the row, rows "1.1"."""
    rows: list[list[str]] = []
    merged: set[int] = set()
    for heading in s.DAK_NONG_HEADING:
        merged.add(len(rows))
        rows.append(heading)
    rows.append([])
    rows.append(list(s.DAK_NONG_HEADER))
    for number, title, items in s.DAK_NONG_APPENDIX:
        merged.add(len(rows))
        rows.append([f"{number}. {title}"])
        rows.extend(list(row) for row in items)
    return convert(spreadsheet(rows, merged), ".fods", HERE / "dak-nong-561-phu-luc.xlsx",
                   "xlsx:Calc MS Excel 2007 XML")  # fmt: skip


def ho_chi_minh() -> Path:
    """Typed numbers, "2.1." items, and the task table in the body (part III)."""
    doc = Document()
    # The header as one table: the bodies on the first row, number and date on the second.
    doc.two_columns(*s.HCM_HEADER, then=(["Số: 1576/KH-UBND"],
                    ["Thành phố Hồ Chí Minh, ngày 17 tháng 4 năm 2019"]))  # fmt: skip
    doc.blank()
    doc.para("KẾ HOẠCH", bold=True, center=True)
    # The title broken by Enter where the line looked long enough.
    doc.para("Triển khai đánh giá hài lòng về giải quyết", bold=True, center=True)
    doc.para("thủ tục hành chính trên địa bàn thành phố", bold=True, center=True)
    doc.blank()
    for line in s.HCM_BASES:
        doc.para(line)
    # Numbers followed by a tab, as typed where the indent is set by tab stops.
    doc.para("I.\tMỤC ĐÍCH, YÊU CẦU", bold=True)
    doc.para("1.\tMục đích", bold=True)
    doc.para(s.HCM_PURPOSE)
    doc.para("2.\tYêu cầu", bold=True)
    for number, line in enumerate(s.HCM_REQUIREMENTS, start=1):
        doc.para(f"2.{number}. {line}")
    doc.para("II. NGUYÊN TẮC THỰC HIỆN", bold=True)
    for number, line in enumerate(s.HCM_PRINCIPLES, start=1):
        doc.para(f"{number}. {line}")
    doc.para("III. NỘI DUNG, TIẾN ĐỘ THỰC HIỆN", bold=True)
    rows, bold = _rows(s.HCM_TABLE)
    doc.table(s.HCM_TABLE_HEADER, rows, groups=bold)
    doc.para("IV. TỔ CHỨC THỰC HIỆN", bold=True)
    for number, (unit, duties) in enumerate(s.HCM_DUTIES, start=1):
        doc.para(f"{number}. {unit}", bold=True)
        for duty in duties:
            doc.para(f"- {duty}")
    doc.para("Trên đây là Kế hoạch triển khai đánh giá hài lòng về giải quyết thủ tục hành chính "
             "trên địa bàn thành phố./.")  # fmt: skip
    doc.two_columns(*s.HCM_SIGNATURE, bold=False)
    return convert(doc.fodt(), ".fodt", HERE / "tphcm-1576-kh-ubnd.docx", DOCX)


def tuyen_quang() -> Path:
    """Headings numbered by Writer's chapter numbering (Heading 1 "I.", 2 "1.", 3 "1.1."),
    typed "1." sentences beside them, a task table in the body whose group rows are one
    cell across the table and whose STT column is Writer's numbering."""
    doc = Document()
    doc.two_columns(*s.TUYEN_QUANG_HEADER, then=(["Số: 87/KH-UBND"],
                    ["Tuyên Quang, ngày 10 tháng 12 năm 2013"]))  # fmt: skip
    doc.para("KẾ HOẠCH", bold=True, center=True)
    doc.para("CẢI CÁCH HÀNH CHÍNH TỈNH TUYÊN QUANG NĂM 2014", bold=True, center=True)
    for line in s.TUYEN_QUANG_BASES:
        doc.para(line)
    doc.heading(1, "MỤC TIÊU")
    for number, line in enumerate(s.TUYEN_QUANG_GOALS, start=1):
        doc.para(f"{number}. {line}")
    doc.heading(1, "NHIỆM VỤ")
    for item, tasks in s.TUYEN_QUANG_TASKS:
        doc.heading(2, item)
        for task, lead, helpers, deadline in tasks:
            doc.heading(3, task)
            doc.para(f"- Cơ quan chủ trì: {lead}")
            if helpers:
                doc.para(f"- Cơ quan phối hợp: {helpers}")
            doc.para(f"- Thời gian thực hiện: {deadline}")
    doc.heading(2, "Cải cách thủ tục hành chính")
    doc.para("Nhiệm vụ cụ thể theo bảng sau:")
    rows: list[list[str]] = []
    merged: set[int] = set()
    for number, title, items in s.TUYEN_QUANG_TABLE:
        merged.add(len(rows))
        rows.append([number, f"{number}. {title}", "", "", "", ""])
        rows.extend(list(row) for row in items)
    doc.table(s.TABLE_HEADER, rows, merged_groups=merged, auto_numbers=True)
    doc.heading(1, "TỔ CHỨC THỰC HIỆN")
    for unit, duties in s.TUYEN_QUANG_DUTIES:
        doc.heading(2, unit)
        for duty in duties:
            doc.para(f"- {duty}")
    doc.para("Trên đây là Kế hoạch cải cách hành chính tỉnh Tuyên Quang năm 2014./.")
    doc.two_columns(*s.TUYEN_QUANG_SIGNATURE, bold=False)
    return convert(doc.fodt(), ".fodt", HERE / "tuyen-quang-87-kh-ubnd.docx", DOCX)


if __name__ == "__main__":
    for made in (bac_ninh(), lai_chau(auto=False), lai_chau(auto=True), dak_nong(),
                 ho_chi_minh(), tuyen_quang()):  # fmt: skip
        print(made.name, made.stat().st_size)
