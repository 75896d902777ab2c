"""Vietnamese text folding for search (tìm kiếm không dấu).

Folding makes "Diễn Châu", "DIỄN CHÂU", "dien chau" and the seed's typo "Diên Châu"
equal; likewise the old and new tone placements ("hoá"/"hóa") and the i/y spelling
variants officials still mix ("Quí"/"Quý", "kĩ"/"kỹ").
"""

from __future__ import annotations

import re
import unicodedata

_DOTTED_D = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
_SPACES = re.compile(r"\s+")
# A syllable whose only vowel is a final "y" after its initial consonant (or "qu") is
# spelled with "i" by some writers: quý/quí, kỹ/kĩ, lý/lí, mỹ/mĩ. "y" after another
# vowel (thủy, tây) is not a variant and stays.
_FINAL_Y = re.compile(r"(?:(?<=\b[bcdghklmnpqrstvx])|(?<=\b[ckgnpt]h)|(?<=\bqu))y\b")


def fold(text: str) -> str:
    """Return `text` without case, diacritics or spelling variants, for comparison."""
    decomposed = unicodedata.normalize("NFD", text.translate(_DOTTED_D))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = unicodedata.normalize("NFC", bare).casefold().translate(_DOTTED_D)
    bare = _SPACES.sub(" ", bare).strip()
    return _FINAL_Y.sub("i", bare)


def matches(query: str, text: str) -> bool:
    """True when every word of `query` occurs in `text`, both folded."""
    haystack = fold(text)
    return all(word in haystack for word in fold(query).split())
