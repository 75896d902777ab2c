"""Task tables' cells read as plans write them (importers/task_tables.py): unit lists,
row numbers, the header's words."""

from __future__ import annotations

import pytest

from dienchau_desktop.importers.task_tables import header_of, number_level, unit_names


@pytest.mark.parametrize(("listed", "names"), [
    ("Sở Văn hóa, Thể thao và Du lịch; Sở Tài chính", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính"]),
    ("Các sở, ban, ngành, UBND các xã, phường", ["Các sở, ban, ngành", "UBND các xã, phường"]),
    ("Sở Tài chính, các sở, ngành liên quan", ["Sở Tài chính"]),
    ("Sở KH&CN, Sở Nội vụ và các cơ quan liên quan", ["Sở KH&CN", "Sở Nội vụ"]),
    ("Công an tỉnh và Sở Tư pháp", ["Công an tỉnh", "Sở Tư pháp"]),
    ("Sở Tài nguyên và Môi trường", ["Sở Tài nguyên và Môi trường"]),
    ("Sở Lao động - Thương binh và Xã hội, Bảo hiểm xã hội tỉnh",
     ["Sở Lao động - Thương binh và Xã hội", "Bảo hiểm xã hội tỉnh"]),
    ("Điện lực Nghệ An, Viettel Nghệ An", ["Điện lực Nghệ An", "Viettel Nghệ An"]),
    ("Báo và Phát thanh, Truyền hình tỉnh", ["Báo và Phát thanh, Truyền hình tỉnh"]),
    ("Văn phòng HĐND và UBND xã", ["Văn phòng HĐND và UBND xã"]),
    ("Sở Y tế (chủ trì); Sở Y tế", ["Sở Y tế"]),
    ("- Hội Nông dân tỉnh;\n- Tỉnh Đoàn.", ["Hội Nông dân tỉnh", "Tỉnh Đoàn"]),
    ("các cơ quan, đơn vị liên quan", []),
])  # fmt: skip
def test_unit_lists(listed: str, names: list[str]) -> None:
    assert unit_names(listed) == names


@pytest.mark.parametrize(("number", "level"), [
    ("A", 0), ("B.", 0), ("I", 1), ("IV.", 1), ("1", 2), ("12.", 2), ("1.1", 3), ("2.3.", 3),
    ("1.1.1", 4), ("a)", 6), ("đ", 6), ("-", 7), ("+", 8), ("", None), ("Ghi chú", None),
])  # fmt: skip
def test_row_numbers(number: str, level: int | None) -> None:
    assert number_level(number) == level


def test_headers_by_their_words() -> None:
    found = header_of([["TT", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp",
                        "Thời gian hoàn thành", "Kết quả/sản phẩm", "Ghi chú"]])  # fmt: skip
    assert found is not None
    columns, rows = found
    assert rows == 1 and columns.at == {"number": 0, "title": 1, "lead": 2, "coordinators": 3,
                                        "deadline": 4, "product": 5, "notes": 6}  # fmt: skip
    # The header table and the signature table are not task tables.
    assert header_of([["ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                      ["Số: 125/KH-UBND", "Đồng Tháp, ngày 12 tháng 3 năm 2026"]]) is None  # fmt: skip
    assert header_of([["Nơi nhận:\n- Như trên;", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"]]) is None
