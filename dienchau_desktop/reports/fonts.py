"""The serif family every PDF report uses: Liberation Serif (Times New Roman metrics,
every Vietnamese letter), registered once with reportlab and embedded in the files."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dienchau_desktop import paths

FAMILY = "TimesVN"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (
    f"{FAMILY}", f"{FAMILY}-Bold", f"{FAMILY}-Italic", f"{FAMILY}-BoldItalic"
)  # fmt: skip


class _TTFont(TTFont):
    """A TrueType font that remembers how it encoded each text in a document.

    reportlab maps every character of every string it draws to the font's subsets in
    Python, one character at a time: a tenth of a long report's time, for a unit's
    name, a state or a date drawn a thousand times. A character keeps the code it was
    given first in a document, so the same text always encodes the same way there."""

    def splitString(self, text, doc, encoding="utf-8"):
        state = self.state.get(doc)
        memo = getattr(state, "dienchau_encoded", None)
        if memo is None:
            encoded = super().splitString(text, doc, encoding)
            self.state[doc].dienchau_encoded = {text: encoded}
            return encoded
        encoded = memo.get(text)
        if encoded is None:
            encoded = memo[text] = super().splitString(text, doc, encoding)
        return encoded


@cache
def register_fonts() -> str:
    """Register the family (once) and return its name for styles."""
    folder = paths.resources_dir() / "fonts"
    for name, file in (
        (REGULAR, "LiberationSerif-Regular.ttf"),
        (BOLD, "LiberationSerif-Bold.ttf"),
        (ITALIC, "LiberationSerif-Italic.ttf"),
        (BOLD_ITALIC, "LiberationSerif-BoldItalic.ttf"),
    ):
        pdfmetrics.registerFont(_TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return FAMILY
