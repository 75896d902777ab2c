"""Cleaning of text before it is stored: NFC, trimmed, length-limited."""

from __future__ import annotations

import re
import unicodedata

from dienchau_desktop.core.errors import ValidationError

#: Longest title or paragraph accepted. A real plan paragraph is under 2,000 characters;
#: this bound stops a pasted document or a hostile file from bloating the data file.
MAX_LONG_TEXT = 20_000
#: Longest short field (unit name, person, deadline as written, plan number...).
MAX_SHORT_TEXT = 500

# Characters that are never meaningful in stored text and break exports (C0 controls
# other than tab and newline; Excel refuses them in cells).
_FORBIDDEN_CONTROLS = {chr(c) for c in range(32)} - {"\t", "\n"}

#: Code points that are not characters and that no file format may carry: the Unicode
#: non-characters (U+FDD0–U+FDEF, and the last two code points of every plane, U+FFFE,
#: U+FFFF, U+1FFFE…U+10FFFF) and surrogates, which stand alone in a Python string (a
#: file decoded with "surrogateescape" or "surrogatepass"). XML refuses them, so an
#: Excel export holding one failed; SQLite cannot store a surrogate at all.
NON_CHARACTERS_RE = re.compile(
    r"[\ud800-\udfff\ufdd0-\ufdef"
    + "".join(rf"\U{plane:04x}fffe\U{plane:04x}ffff" for plane in range(17))
    + "]"
)


def drop_non_characters(text: str) -> str:
    """`text` without the code points of NON_CHARACTERS_RE."""
    return NON_CHARACTERS_RE.sub("", text)


def clean_text(
    value: str | None,
    field: str,
    *,
    max_length: int = MAX_SHORT_TEXT,
    required: bool = False,
    label: str | None = None,
) -> str:
    """Return `value` NFC-normalised and trimmed, or raise `ValidationError`.

    Windows line ends become "\\n"; other control characters, Unicode non-characters
    (U+FFFE, U+FFFF…) and lone surrogates are dropped; the empty string stands for
    "not given".
    """
    name = label or field
    text = unicodedata.normalize("NFC", drop_non_characters(value or ""))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch not in _FORBIDDEN_CONTROLS).strip()
    if required and not text:
        raise ValidationError(field, f"«{name}» không được để trống.")
    if len(text) > max_length:
        raise ValidationError(
            field,
            f"«{name}» dài {_grouped(len(text))} ký tự, quá giới hạn {_grouped(max_length)} ký tự.",
            "Hãy rút gọn nội dung, hoặc đưa phần chi tiết vào mục Ghi chú.",
        )
    return text


def _grouped(number: int) -> str:
    """12345 → "12.345": thousands grouped with dots, as Vietnamese writes them (the
    dots are put into the number only, not into the sentence around it)."""
    return f"{number:,}".replace(",", ".")
