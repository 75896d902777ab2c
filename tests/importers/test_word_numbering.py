"""Word's automatic numbering computed as Word shows it (importers/word_numbering.py):
formats, level texts, restarts and overrides, styles and their bases."""

from __future__ import annotations

from dienchau_desktop.importers.bounded import Paragraph
from dienchau_desktop.importers.word_numbering import Numbering

BULLET = "\u2022"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')  # fmt: skip


NUMBERING = f"""<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
  {lvl(0, "upperRoman", "%1.")}{lvl(1, "decimal", "%2.")}{lvl(2, "decimal", "%2.%3.")}
  {lvl(3, "lowerLetter", "%4)")}{lvl(4, "bullet", BULLET)}{lvl(5, "bullet", "+")}
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  {lvl(0, "decimal", "%1.", extra='<w:pStyle w:val="ListNumber"/>')}
  {lvl(1, "decimal", "%1.%2.", extra="<w:isLgl/>")}
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">{lvl(0, "upperLetter", "%1.")}{lvl(1, "decimal", "%2)")}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/>
  <w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="5"/><w:numFmt w:val="lowerRoman"/>
  <w:lvlText w:val="(%2)"/></w:lvl></w:lvlOverride></w:num>
</w:numbering>"""
STYLES = f"""<w:styles {W}>
<w:style w:type="paragraph" w:styleId="ListNumber"><w:pPr><w:numPr><w:numId w:val="2"/>
  </w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Dieu"><w:basedOn w:val="ListNumber"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:ilvl w:val="0"/>
  <w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"""


def numbering() -> Numbering:
    found = Numbering()
    found.read_numbering(iter([NUMBERING.encode()]))
    found.read_styles(iter([STYLES.encode()]))
    return found


def labels(found: Numbering, paragraphs: list[Paragraph]) -> list[str]:
    return [found.label(p) for p in paragraphs]


def p(num: str | None = None, level: int | None = None, style: str = "") -> Paragraph:
    return Paragraph(["x"], style=style, num_id=num, level=level)


def test_a_multilevel_list_counts_and_restarts_its_levels() -> None:
    found = numbering()
    got = labels(found, [p("1", 0), p("1", 1), p("1", 2), p("1", 2), p("1", 3), p("1", 3),
                         p("1", 1), p("1", 3), p("1", 4), p("1", 5), p("1", 0), p("1", 1)])  # fmt: skip
    assert got == ["I.", "1.", "1.1.", "1.2.", "a)", "b)", "2.", "a)", "-", "+", "II.", "1."]


def test_styles_their_bases_a_restart_and_legal_numbers() -> None:
    found = numbering()
    got = labels(found, [
        p(style="Heading1"),          # the style's list: I.
        p(style="ListNumber"),        # 1.
        p(style="Dieu"),              # based on ListNumber: 2.
        p("2", 1),                    # isLgl: "%1.%2." in decimals: 2.1.
        p("3", 0),                    # the same list restarted (startOverride): 1.
        p(style="ListNumber"),        # continues the restarted count: 2.
        p("0", style="ListNumber"),   # numId 0 takes the style's numbering away
        p(),                          # not in a list
        p("9", 0),                    # a list numbering.xml does not define
    ])  # fmt: skip
    assert got == ["I.", "1.", "2.", "2.1.", "1.", "2.", "", "", ""]


def test_a_level_overridden_by_its_instance() -> None:
    found = numbering()
    assert labels(found, [p("4", 0), p("4", 1), p("4", 1), p("4", 0)]) == [
        "A.",
        "(v)",
        "(vi)",
        "B.",
    ]


def test_letters_and_romans_past_the_first_ones() -> None:
    found = numbering()
    got = labels(found, [p("1", 3) for _ in range(28)])
    assert got[25:] == ["z)", "aa)", "bb)"]
    assert labels(found, [p("1", 0) for _ in range(4)]) == ["I.", "II.", "III.", "IV."]
