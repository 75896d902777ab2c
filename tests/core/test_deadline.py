from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dienchau_desktop.core.deadline import DeadlineKind, format_date, parse_deadline
from dienchau_desktop.core.errors import ValidationError

D = date


@pytest.mark.parametrize(
    ("text", "kind", "start", "due"),
    [
        ("30/6/2026", DeadlineKind.DAY, D(2026, 6, 30), D(2026, 6, 30)),
        ("05/01/2027", DeadlineKind.DAY, D(2027, 1, 5), D(2027, 1, 5)),
        ("30-6-2026", DeadlineKind.DAY, D(2026, 6, 30), D(2026, 6, 30)),
        ("30.6.2026", DeadlineKind.DAY, D(2026, 6, 30), D(2026, 6, 30)),
        ("ngày 05 tháng 01 năm 2027", DeadlineKind.DAY, D(2027, 1, 5), D(2027, 1, 5)),
        ("Trước ngày 30/11/2026", DeadlineKind.DAY, D(2026, 11, 30), D(2026, 11, 30)),
        ("Chậm nhất ngày 15/12/2026", DeadlineKind.DAY, D(2026, 12, 15), D(2026, 12, 15)),
        ("Tháng 10/2026", DeadlineKind.MONTH, D(2026, 10, 1), D(2026, 10, 31)),
        ("tháng 2 năm 2028", DeadlineKind.MONTH, D(2028, 2, 1), D(2028, 2, 29)),
        ("6/2026", DeadlineKind.MONTH, D(2026, 6, 1), D(2026, 6, 30)),
        ("Quý IV/2026", DeadlineKind.QUARTER, D(2026, 10, 1), D(2026, 12, 31)),
        ("Quí IV-2026", DeadlineKind.QUARTER, D(2026, 10, 1), D(2026, 12, 31)),
        ("Quý I năm 2027", DeadlineKind.QUARTER, D(2027, 1, 1), D(2027, 3, 31)),
        ("Quý 2/2026", DeadlineKind.QUARTER, D(2026, 4, 1), D(2026, 6, 30)),
        ("QUÝ III/2026", DeadlineKind.QUARTER, D(2026, 7, 1), D(2026, 9, 30)),
        ("6 tháng đầu năm 2026", DeadlineKind.HALF_YEAR, D(2026, 1, 1), D(2026, 6, 30)),
        ("6 tháng cuối năm 2026", DeadlineKind.HALF_YEAR, D(2026, 7, 1), D(2026, 12, 31)),
        ("2026", DeadlineKind.YEAR, D(2026, 1, 1), D(2026, 12, 31)),
        ("Năm 2026", DeadlineKind.YEAR, D(2026, 1, 1), D(2026, 12, 31)),
        ("2026 - 2030", DeadlineKind.YEAR_RANGE, D(2026, 1, 1), D(2030, 12, 31)),
        ("2026-2030", DeadlineKind.YEAR_RANGE, D(2026, 1, 1), D(2030, 12, 31)),
        ("Giai đoạn 2026 – 2030", DeadlineKind.YEAR_RANGE, D(2026, 1, 1), D(2030, 12, 31)),
        ("Thường xuyên", DeadlineKind.RECURRING, None, None),
        ("Hằng năm", DeadlineKind.RECURRING, None, None),
        ("Thường xuyên, hằng năm", DeadlineKind.RECURRING, None, None),
        ("Định kỳ 6 tháng và hằng năm", DeadlineKind.RECURRING, None, None),
        ("Thường xuyên trong năm 2026", DeadlineKind.RECURRING, D(2026, 1, 1), None),
        # As plans write them (#17): the words before the date do not change it.
        ("Ngày 30/6/2026", DeadlineKind.DAY, D(2026, 6, 30), D(2026, 6, 30)),
        ("Đến hết năm 2026", DeadlineKind.YEAR, D(2026, 1, 1), D(2026, 12, 31)),
        ("Hết Quý II/2026", DeadlineKind.QUARTER, D(2026, 4, 1), D(2026, 6, 30)),
        ("Cả năm 2026", DeadlineKind.YEAR, D(2026, 1, 1), D(2026, 12, 31)),
        ("Hoàn thành trong năm 2025", DeadlineKind.YEAR, D(2025, 1, 1), D(2025, 12, 31)),
        ("Năm 2026 và các năm tiếp theo", DeadlineKind.RECURRING, D(2026, 1, 1), None),
        # Found in real appendices (#17): several of one form are due with the last of
        # them; the vague parts of a year are read as the form then shows them.
        ("Quý I, II/2026", DeadlineKind.QUARTER, D(2026, 1, 1), D(2026, 6, 30)),
        ("Quý I và Quý III năm 2026", DeadlineKind.QUARTER, D(2026, 1, 1), D(2026, 9, 30)),
        ("Năm 2026, 2027", DeadlineKind.YEAR_RANGE, D(2026, 1, 1), D(2027, 12, 31)),
        ("Tháng 3/2026; tháng 9/2026", DeadlineKind.MONTH, D(2026, 3, 1), D(2026, 9, 30)),
        ("Tháng 3 và tháng 9 năm 2026", DeadlineKind.MONTH, D(2026, 3, 1), D(2026, 9, 30)),
        (
            "Trước ngày 30/6/2026, 31/12/2026",
            DeadlineKind.DAY,
            D(2026, 6, 30),
            D(2026, 12, 31),
        ),
        ("Đầu năm 2026", DeadlineKind.QUARTER, D(2026, 1, 1), D(2026, 3, 31)),
        ("Giữa năm 2026", DeadlineKind.HALF_YEAR, D(2026, 1, 1), D(2026, 6, 30)),
        ("Cuối năm 2026", DeadlineKind.YEAR, D(2026, 1, 1), D(2026, 12, 31)),
        ("Từ năm 2026", DeadlineKind.RECURRING, D(2026, 1, 1), None),
        ("Từ năm 2026 trở đi", DeadlineKind.RECURRING, D(2026, 1, 1), None),
        ("Từ tháng 3/2026", DeadlineKind.RECURRING, D(2026, 3, 1), None),
    ],
)
def test_forms_officials_write(text: str, kind: DeadlineKind, start: date, due: date) -> None:
    deadline = parse_deadline(text)
    assert deadline is not None
    assert (deadline.kind, deadline.start, deadline.due) == (kind, start, due)
    # The text prints back exactly as written.
    assert deadline.text == text


def test_text_is_kept_nfc_and_trimmed() -> None:
    nfd = "  Qu\u0079\u0301 IV/2026 \r\n"  # "Quý" with a combining acute
    deadline = parse_deadline(nfd)
    assert deadline is not None
    assert deadline.text == "Quý IV/2026"
    assert deadline.kind is DeadlineKind.QUARTER


@pytest.mark.parametrize("empty", [None, "", "   ", "\n"])
def test_nothing_written_is_no_deadline(empty: str | None) -> None:
    assert parse_deadline(empty) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/2/2026", "không có thật"),
        ("29/2/2027", "không có thật"),
        ("Tháng 13/2026", "không có tháng 13"),
        ("Quý V/2026", ""),
        ("2030 - 2026", "năm kết thúc"),
        ("1/1/1800", "nằm ngoài khoảng"),
        ("sớm nhất có thể", ""),
        ("=SUM(A1)", ""),
        ("30/6", ""),
        ("🙂", ""),
        # A list reads only when every part does.
        ("Tháng 13/2026; tháng 2/2026", "không có tháng 13"),
        ("Năm 2026, có báo cáo", ""),
        ("Quý I, V/2026", ""),
        ("Từ tháng 14/2026", "không có tháng 14"),
    ],
)
def test_nonsense_is_refused_with_a_message_naming_the_text(text: str, reason: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_deadline(text)
    assert info.value.field == "deadline"
    assert f"«{text}»" in info.value.message
    assert reason in info.value.message
    assert "Quý IV/2026" in info.value.hint  # the message shows the accepted forms


@given(st.text(max_size=60))
def test_any_text_parses_or_is_refused_cleanly(text: str) -> None:
    try:
        deadline = parse_deadline(text)
    except ValidationError:
        return
    if deadline is not None and deadline.due is not None:
        assert deadline.start is not None
        assert deadline.start <= deadline.due


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)))
def test_every_real_day_round_trips(day: date) -> None:
    deadline = parse_deadline(format_date(day))
    assert deadline is not None
    assert deadline.due == day


def test_format_date_is_dd_mm_yyyy() -> None:
    assert format_date(D(2026, 1, 5)) == "05/01/2026"
    assert format_date(None) == ""


def test_parse_date_for_single_day_fields() -> None:
    from dienchau_desktop.core.deadline import parse_date

    assert parse_date("05/01/2026", "start_date", "Ngày bắt đầu") == D(2026, 1, 5)
    assert parse_date("5-1-2026", "start_date", "Ngày bắt đầu") == D(2026, 1, 5)
    assert parse_date("  ", "start_date", "Ngày bắt đầu") is None
    for bad in ("31/02/2026", "Quý IV/2026", "hôm nay"):
        with pytest.raises(ValidationError) as info:
            parse_date(bad, "start_date", "Ngày bắt đầu")
        assert info.value.field == "start_date"
        assert "Ngày bắt đầu" in info.value.message
