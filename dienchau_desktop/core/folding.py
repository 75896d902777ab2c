"""Vietnamese text folding for search (tìm kiếm không dấu).

Folding makes "Diễn Châu", "DIỄN CHÂU", "dien chau" and the seed's typo "Diên Châu"
equal; likewise the old and new tone placements ("hoá"/"hóa") and the i/y spelling
variants officials still mix ("Quí"/"Quý", "kĩ"/"kỹ").

Search folds every title of a 10,000-task plan, so the common case (Vietnamese and
ASCII text) takes a path made of C-speed string methods; anything else takes the
general path, which gives the same result.
"""

from __future__ import annotations

import re
import unicodedata


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Precomposed letters whose base letter is ASCII (every Vietnamese letter but đ).
_FOLDABLE = "".join(
    chr(code)
    for code in range(0x00C0, 0x2000)
    if unicodedata.category(chr(code)).startswith("L") and _strip_marks(chr(code)).isascii()
    and _strip_marks(chr(code)) != chr(code)
)  # fmt: skip
# Text without any other character folds exactly by NFD + dropping what is not ASCII.
_NOT_FAST = re.compile("[^\x00-\x7f" + re.escape(_FOLDABLE) + "\u0300-\u036f]")
_DOTTED_D = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})

# A syllable whose only vowel is a final "y" after its initial consonant (or "qu") is
# spelled with "i" by some writers: quý/quí, kỹ/kĩ, lý/lí, mỹ/mĩ. "y" after another
# vowel (thủy, tây) is not a variant and stays.
_SINGLE_ONSETS = frozenset("bcdghklmnpqrstvx")
_DOUBLE_ONSETS = frozenset({"qu", "ch", "kh", "gh", "nh", "ph", "th"})


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _ends_word(text: str, index: int) -> bool:
    return index + 1 == len(text) or not _is_word(text[index + 1])


def _starts_word(text: str, index: int) -> bool:
    return index == 0 or (index > 0 and not _is_word(text[index - 1]))


def _fold_final_y(text: str) -> str:
    index = text.find("y")
    if index < 0:
        return text
    chars = list(text)
    while index >= 0:
        if _ends_word(text, index) and (
            (_starts_word(text, index - 2) and text[index - 2 : index] in _DOUBLE_ONSETS)
            or (_starts_word(text, index - 1) and text[index - 1] in _SINGLE_ONSETS)
        ):
            chars[index] = "i"
        index = text.find("y", index + 1)
    return "".join(chars)


def fold(text: str) -> str:
    """Return `text` without case, diacritics or spelling variants, for comparison."""
    # str.replace runs at C speed; str.translate with a dict goes through Python per char.
    text = text.replace("đ", "d").replace("Đ", "d")
    if _NOT_FAST.search(text) is None:
        bare = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")
        bare = bare.casefold()
    else:
        bare = _strip_marks(text.translate(_DOTTED_D)).casefold().translate(_DOTTED_D)
        bare = _strip_marks(bare)  # casefold can uncover new precomposed forms
    return _fold_final_y(" ".join(bare.split()))


_PUNCTUATION = re.compile(r"[^0-9a-z]+")


def search_key(text: str) -> str:
    """`text` folded, with punctuation turned into spaces: " xa hoi hoa giao duc ".

    The spaces at both ends let a search match at the start of a word only.
    """
    return f" {_PUNCTUATION.sub(' ', fold(text)).strip()} "


def matches(query: str, text: str) -> bool:
    """True when `query` occurs in `text` as a phrase starting at a word.

    "cong an" finds "Công an xã" but not "công tác an toàn"; "dien" finds "Diễn Châu"
    but not "điện" inside "ngừng điện"… (which folds to "dien" too, and is found:
    folding cannot tell them apart, and a few extra rows beat a missed task).
    """
    key = search_key(query).rstrip()
    return not key.strip() or key in search_key(text)


# Bodies written in full or by their initials: one unit either way ("Văn phòng UBND
# xã" in a table, "Văn phòng Ủy ban nhân dân xã" heading its duties).
_INITIALS = (
    (re.compile(r"\buy ban nhan dan\b"), "ubnd"),
    (re.compile(r"\bhoi dong nhan dan\b"), "hdnd"),
    (re.compile(r"\bmat tran to quoc\b"), "mttq"),
)


def unit_key(name: str) -> str:
    """A unit's name folded, with the bodies offices write by their initials written
    so: "Ủy ban nhân dân xã Diễn Châu" and "UBND xã Diễn Châu" have one key."""
    key = fold(name)
    for words, initials in _INITIALS:
        key = words.sub(initials, key)
    return key
