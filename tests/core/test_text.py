import unicodedata

import pytest

from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.text import MAX_SHORT_TEXT, clean_text


def test_nfc_trimmed_and_windows_line_ends() -> None:
    nfd = unicodedata.normalize("NFD", "  Diễn Châu\r\nNghệ An  ")
    assert clean_text(nfd, "f") == "Diễn Châu\nNghệ An"
    assert unicodedata.is_normalized("NFC", clean_text(nfd, "f"))


def test_control_characters_are_dropped_but_tabs_kept() -> None:
    assert clean_text("a\x00b\x07c\td", "f") == "abc\td"


def test_required_and_length_limits_name_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        clean_text("   ", "title", required=True, label="Tiêu đề")
    assert info.value.field == "title"
    assert "Tiêu đề" in info.value.message
    with pytest.raises(ValidationError) as info:
        clean_text("x" * (MAX_SHORT_TEXT + 1), "person", label="Người chịu trách nhiệm")
    assert "501" in info.value.message
    assert "Người chịu trách nhiệm" in info.value.message


@pytest.mark.parametrize(
    "odd",
    ["\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff", "\ud800", "\udfff"],
)
def test_non_characters_and_lone_surrogates_are_dropped(odd: str) -> None:
    """XML (so every xlsx export) refuses them, SQLite cannot store a surrogate."""
    assert clean_text(f"Diễn{odd} Châu{odd}", "f") == "Diễn Châu"


def test_characters_next_to_the_non_characters_are_kept() -> None:
    kept = "\ufdcf\ufdf0\ufffd\ufff0\U0001f600\U00010000"
    assert clean_text(kept, "f") == kept


def test_an_overlong_text_is_told_in_vietnamese_numbers() -> None:
    with pytest.raises(ValidationError) as info:
        clean_text("x" * 1_234, "title", max_length=500, label="Tên")
    assert info.value.message == "«Tên» dài 1.234 ký tự, quá giới hạn 500 ký tự."
