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
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return FAMILY
