"""Numbering of plan items, computed from their place in the tree, never stored.

The administrative convention: level 1 Roman (I, II), level 2 Arabic (1, 2), level 3
Vietnamese letters (a b c d đ e g h i k l m n o p q r s t u v x y: no f, j, w, z),
then "-" and "+". A plan may override the scheme per level.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from functools import lru_cache

from dienchau_desktop.core.errors import ValidationError

VIETNAMESE_LETTERS = (
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
)  # fmt: skip


class Style(StrEnum):
    """How one level of the tree is numbered."""

    ROMAN = "roman"
    ARABIC = "arabic"
    LETTER = "letter"
    DASH = "dash"
    PLUS = "plus"
    NONE = "none"


DEFAULT_SCHEME: tuple[Style, ...] = (
    Style.ROMAN,
    Style.ARABIC,
    Style.LETTER,
    Style.DASH,
    Style.PLUS,
)

_ROMAN_DIGITS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: int) -> str:
    """Upper-case Roman numeral for 1 ≤ number ≤ 3999."""
    if not 1 <= number <= 3999:
        raise ValueError(f"no Roman numeral for {number}")
    out = []
    for value, digits in _ROMAN_DIGITS:
        count, number = divmod(number, value)
        out.append(digits * count)
    return "".join(out)


def letter(number: int) -> str:
    """Vietnamese list letter: 1 → a, 5 → đ, 23 → y, 24 → aa, 25 → ab…"""
    if number < 1:
        raise ValueError(f"no letter for {number}")
    base = len(VIETNAMESE_LETTERS)
    out = ""
    while number:
        number, rest = divmod(number - 1, base)
        out = VIETNAMESE_LETTERS[rest] + out
    return out


def label(style: Style, index: int) -> str:
    """The label as printed before a title: "II.", "3.", "đ)", "-", "+"."""
    if style is Style.ROMAN:
        return f"{roman(index)}."
    if style is Style.ARABIC:
        return f"{index}."
    if style is Style.LETTER:
        return f"{letter(index)})"
    if style is Style.DASH:
        return "-"
    if style is Style.PLUS:
        return "+"
    return ""


@lru_cache(maxsize=256)
def style_for_depth(depth: int, scheme: tuple[Style, ...] | None = None) -> Style:
    """Style of level `depth` (1 = top). Levels past the scheme repeat its last style."""
    if depth < 1:
        raise ValueError(f"depth starts at 1, got {depth}")
    levels = scheme or DEFAULT_SCHEME
    return levels[min(depth, len(levels)) - 1]


def parse_scheme(values: Sequence[str] | None) -> tuple[Style, ...] | None:
    """A plan's stored override (list of style names) as styles; None for the default."""
    if not values:
        return None
    try:
        return tuple(Style(v) for v in values)
    except ValueError:
        raise ValidationError(
            "numbering_scheme",
            f"Kiểu đánh số không hợp lệ: {list(values)}.",
            "Mỗi cấp phải là một trong: " + ", ".join(s.value for s in Style) + ".",
        ) from None
