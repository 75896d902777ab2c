"""Email addresses as typed into a unit's record or a draft's "To"."""

from __future__ import annotations

import re

from dienchau_desktop.core.errors import ValidationError

# Deliberately plain: one "@", no spaces or separators, a dot in the domain. Mail
# programs accept more, but an address that fails this is almost always a typing slip
# ("vhxh@dienchau", "vhxh dienchau.gov.vn").
_ADDRESS = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]+")
_SEPARATORS = re.compile(r"[,;\s]+")
EXAMPLE = "Ví dụ: vhxh@dienchau.gov.vn"


def is_address(text: str) -> bool:
    return bool(_ADDRESS.fullmatch(text.strip()))


def addresses(text: str, field: str = "to") -> tuple[str, ...]:
    """The addresses in `text`, separated by commas, semicolons or spaces; a clear
    message naming the first that is not an address."""
    found = tuple(part for part in _SEPARATORS.split(text.strip()) if part)
    if not found:
        raise ValidationError(field, "Chưa có địa chỉ thư người nhận.", EXAMPLE)
    for address in found:
        if not is_address(address):
            raise ValidationError(
                field,
                f"«{address}» không phải là một địa chỉ thư.",
                "Địa chỉ có dạng ten@donvi.gov.vn; nhiều địa chỉ cách nhau bằng dấu phẩy.",
            )
    return found
