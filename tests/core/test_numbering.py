import pytest

from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.numbering import (
    Style,
    label,
    letter,
    parse_scheme,
    roman,
    style_for_depth,
)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (9, "IX"),
        (14, "XIV"),
        (40, "XL"),
        (1999, "MCMXCIX"),
    ],
)
def test_roman(number: int, expected: str) -> None:
    assert roman(number) == expected


def test_vietnamese_letters_skip_f_j_w_z_and_include_dd() -> None:
    letters = [letter(i) for i in range(1, 24)]
    assert letters == [
        "a",
        "b",
        "c",
        "d",
        "đ",
        "e",
        "g",
        "h",
        "i",
        "k",
        "l",
        "m",
        "n",
        "o",
        "p",
        "q",
        "r",
        "s",
        "t",
        "u",
        "v",
        "x",
        "y",
    ]
    assert not {"f", "j", "w", "z"} & set(letters)
    assert letter(24) == "aa"
    assert letter(25) == "ab"


def test_labels_by_depth_follow_the_administrative_convention() -> None:
    got = [label(style_for_depth(depth), 2) for depth in range(1, 7)]
    assert got == ["II.", "2.", "b)", "-", "+", "+"]


def test_plan_may_override_the_scheme() -> None:
    scheme = parse_scheme(["arabic", "letter"])
    assert scheme == (Style.ARABIC, Style.LETTER)
    assert label(style_for_depth(1, scheme), 3) == "3."
    assert label(style_for_depth(2, scheme), 5) == "đ)"
    assert label(style_for_depth(3, scheme), 1) == "a)"  # deeper levels repeat the last


def test_bad_scheme_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as info:
        parse_scheme(["roman", "greek"])
    assert info.value.field == "numbering_scheme"


@pytest.mark.parametrize("bad", [0, -1, 4000])
def test_roman_out_of_range(bad: int) -> None:
    with pytest.raises(ValueError):
        roman(bad)
