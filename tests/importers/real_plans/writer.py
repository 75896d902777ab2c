"""Flat OpenDocument (.fodt, .fods) as LibreOffice Writer and Calc store what is typed in
them, turned into .docx / .xlsx by LibreOffice itself (`soffice --convert-to`): Writer's
own lists (automatic numbering, list styles with "I." / "1." / "1.1." / "a)" levels),
tables whose first row repeats on every page, page breaks, the header and signature as
two-column tables. Used by make.py to build the committed fixtures; the tests read only
the .docx / .xlsx it leaves.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as _escape


def escape(text: str) -> str:
    """Text for a paragraph; a "\\n" is a line break inside it (Shift+Enter), a "\\t" a
    tab, and "**…**" a run in bold (the label of "**Đơn vị chủ trì:** …")."""
    text = _escape(text).replace("\n", "<text:line-break/>").replace("\t", "<text:tab/>")
    return re.sub(r"\*\*(.+?)\*\*", r'<text:span text:style-name="Strong">\1</text:span>', text)


_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"'
)

#: The outline an office sets up once (Định dạng > Dấu đầu dòng và Đánh số): parts "I.",
#: items "1.", sub-items "1.1." (two levels shown), points "a)", and dash lines "-".
_LIST_STYLE = """
<text:list-style style:name="Outline">
 <text:list-level-style-number text:level="1" style:num-format="I" style:num-suffix=".">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm"
     fo:margin-left="0cm"/></style:list-level-properties></text:list-level-style-number>
 <text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix=".">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm"
     fo:margin-left="0cm"/></style:list-level-properties></text:list-level-style-number>
 <text:list-level-style-number text:level="3" style:num-format="1" style:num-suffix="."
   text:display-levels="2">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm"
     fo:margin-left="0cm"/></style:list-level-properties></text:list-level-style-number>
 <text:list-level-style-number text:level="4" style:num-format="a" style:num-suffix=")">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm"
     fo:margin-left="0cm"/></style:list-level-properties></text:list-level-style-number>
</text:list-style>
<text:list-style style:name="Stt">
 <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
</text:list-style>
<text:outline-style style:name="Chapters">
 <text:outline-level-style text:level="1" style:num-format="I" style:num-suffix="."/>
 <text:outline-level-style text:level="2" style:num-format="1" style:num-suffix="."/>
 <text:outline-level-style text:level="3" style:num-format="1" style:num-suffix="."
   text:display-levels="2"/>
</text:outline-style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
  style:default-outline-level="1"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
  style:default-outline-level="2"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph"
  style:default-outline-level="3"/>
<text:list-style style:name="Dash">
 <text:list-level-style-bullet text:level="1" text:bullet-char="-">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm"
     fo:margin-left="0cm"/></style:list-level-properties></text:list-level-style-bullet>
</text:list-style>
"""


@dataclass
class Document:
    """What is typed into Writer, in order."""

    body: list[str] = field(default_factory=list)
    _lists: int = 0
    _stt: str | None = None

    def para(self, text: str, *, bold: bool = False, center: bool = False) -> None:
        style = {(False, False): "Body", (True, False): "Bold", (False, True): "Center",
                 (True, True): "BoldCenter"}[(bold, center)]  # fmt: skip
        self.body.append(f'<text:p text:style-name="{style}">{escape(text)}</text:p>')

    def page_break(self) -> None:
        self.body.append('<text:p text:style-name="Break"/>')

    def numbered(self, level: int, text: str, *, bold: bool = False) -> None:
        """A paragraph of the outline at `level` (1 "I.", 2 "1.", 3 "1.1.", 4 "a)"),
        numbered by Writer: each is its own list continuing the one before, as Writer
        stores paragraphs numbered between unnumbered ones."""
        style = "Bold" if bold else "Body"
        inner = f'<text:p text:style-name="{style}">{escape(text)}</text:p>'
        # Levels above the paragraph's are list items holding only the nested list:
        # Writer writes them so, and they are not numbered.
        for _ in range(level - 1):
            inner = f"<text:list><text:list-item>{inner}</text:list-item></text:list>"
        self._lists += 1
        attrs = f'xml:id="list{self._lists}" text:style-name="Outline"'
        if self._lists > 1:
            attrs += ' text:continue-list="list1"'
        self.body.append(f"<text:list {attrs}><text:list-item>{inner}</text:list-item></text:list>")

    def heading(self, level: int, text: str) -> None:
        """A heading numbered by Writer's chapter numbering (Công cụ > Đánh số chương:
        Heading 1 "I.", Heading 2 "1.", Heading 3 "1.1.")."""
        self.body.append(f'<text:h text:style-name="Heading_20_{level}" '
                         f'text:outline-level="{level}">{escape(text)}</text:h>')  # fmt: skip

    def dash(self, text: str) -> None:
        """A "-" line from Writer's bullet list."""
        self.body.append(f'<text:list text:style-name="Dash"><text:list-item><text:p '
                         f'text:style-name="Body">{escape(text)}</text:p></text:list-item>'
                         "</text:list>")  # fmt: skip

    def two_columns(self, left: list[str], right: list[str], *, bold: bool = True,
                    then: tuple[list[str], list[str]] | None = None) -> None:  # fmt: skip
        """The header ("ỦY BAN NHÂN DÂN / TỈNH …" | "CỘNG HÒA …", and `then` a second
        row "Số: …" | "…, ngày …") or the signature ("Nơi nhận: …" | "TM. ỦY BAN NHÂN
        DÂN …") as a borderless two-column table."""

        def cell(lines: list[str], style: str) -> str:
            paragraphs = "".join(f'<text:p text:style-name="{style}">{escape(t)}</text:p>'
                                 for t in lines)  # fmt: skip
            return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'

        style = "BoldCenter" if bold else "Body"
        rows = f"<table:table-row>{cell(left, style)}{cell(right, style)}</table:table-row>"
        if then is not None:
            rows += f"<table:table-row>{cell(then[0], 'Center')}{cell(then[1], 'Center')}"
            rows += "</table:table-row>"
        self.body.append('<table:table table:name="Khung"><table:table-column '
                         f'table:number-columns-repeated="2"/>{rows}</table:table>')  # fmt: skip

    def blank(self) -> None:
        """An empty paragraph (Enter pressed twice)."""
        self.body.append('<text:p text:style-name="Body"/>')

    def table(self, header: list[str], rows: list[list[str]], *, groups: set[int] = frozenset(),
              repeat_header: bool = True, merged_groups: set[int] = frozenset(),
              auto_numbers: bool = False) -> None:  # fmt: skip
        """A task table; its header row marked to repeat on every page (Bảng > Thuộc
        tính > Lặp lại đầu đề); the rows at `groups` bold (a group's row), those at
        `merged_groups` one cell across the table holding the row's second cell ("I.
        NHÓM …"); with `auto_numbers` the other rows' STT is Writer's numbering, one
        list through the table, the typed number not used."""

        def row(cells: list[str], bold: bool) -> str:
            style = "Bold" if bold else "Body"
            return "<table:table-row>" + "".join(
                f'<table:table-cell office:value-type="string"><text:p text:style-name='
                f'"{style}">{escape(c)}</text:p></table:table-cell>' for c in cells
            ) + "</table:table-row>"  # fmt: skip

        def merged(title: str) -> str:
            return (f'<table:table-row><table:table-cell table:number-columns-spanned='
                    f'"{len(header)}" office:value-type="string"><text:p text:style-name="Bold">'
                    f"{escape(title)}</text:p></table:table-cell><table:covered-table-cell "
                    f'table:number-columns-repeated="{len(header) - 1}"/></table:table-row>')  # fmt: skip

        def numbered(cells: list[str]) -> str:
            self._lists += 1
            attrs = f'xml:id="stt{self._lists}" text:style-name="Stt"'
            if self._stt is not None:
                attrs += f' text:continue-list="{self._stt}"'
            else:
                self._stt = f"stt{self._lists}"
            first = (f'<table:table-cell office:value-type="string"><text:list {attrs}>'
                     '<text:list-item><text:p text:style-name="Body"/></text:list-item>'
                     "</text:list></table:table-cell>")  # fmt: skip
            return row(cells, False).replace("<table:table-row>", "<table:table-row>" + first, 1)

        head = row(header, True)
        if repeat_header:
            head = f"<table:table-header-rows>{head}</table:table-header-rows>"
        body = "".join(
            merged(r[1]) if i in merged_groups
            else numbered(r[1:]) if auto_numbers and i not in groups
            else row(r, i in groups)
            for i, r in enumerate(rows)
        )  # fmt: skip
        self.body.append(f'<table:table table:name="Bang{len(self.body)}"><table:table-column '
                         f'table:number-columns-repeated="{len(header)}"/>{head}{body}'
                         "</table:table>")  # fmt: skip

    def fodt(self) -> str:
        styles = """
<style:style style:name="Body" style:family="paragraph"><style:text-properties
  style:font-name="Times New Roman" fo:font-size="13pt"/></style:style>
<style:style style:name="Bold" style:family="paragraph" style:parent-style-name="Body">
  <style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Center" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="BoldCenter" style:family="paragraph" style:parent-style-name="Bold">
  <style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="Strong" style:family="text"><style:text-properties
  fo:font-weight="bold"/></style:style>
<style:style style:name="Break" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:break-before="page"/></style:style>"""
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_NS} '
                'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
                f"<office:styles>{styles}{_LIST_STYLE}</office:styles>"
                f"<office:body><office:text>{''.join(self.body)}</office:text></office:body>"
                "</office:document>")  # fmt: skip


def spreadsheet(rows: list[list[str]], merged: set[int] = frozenset(), width: int = 6) -> str:
    """A flat .fods of one sheet: `rows` as typed into Calc; the rows at `merged` are one
    cell spread over the table's width (a group's title, the sheet's headings)."""
    out = []
    for index, cells in enumerate(rows):
        if index in merged:
            text = " ".join(c for c in cells if c)
            out.append(f'<table:table-row><table:table-cell office:value-type="string" '
                       f'table:number-columns-spanned="{width}"><text:p>{escape(text)}</text:p>'
                       f'</table:table-cell><table:covered-table-cell '
                       f'table:number-columns-repeated="{width - 1}"/></table:table-row>')  # fmt: skip
            continue
        cells = cells + [""] * (width - len(cells))
        out.append("<table:table-row>" + "".join(_cell(c) for c in cells) + "</table:table-row>")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_NS} '
            'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            f'{_DATE_STYLE}<office:body><office:spreadsheet><table:table table:name="Phụ lục">'
            f'<table:table-column table:number-columns-repeated="{width}"/>{"".join(out)}'
            "</table:table></office:spreadsheet></office:body></office:document>")  # fmt: skip


def _cell(text: str) -> str:
    """A cell as Calc keeps what was typed: "30/06/2023" typed is a date (Calc turns it
    into one, shown in the cell's date format), the rest text."""
    if not text:
        return "<table:table-cell/>"
    parts = text.split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        day, month, year = parts
        return (f'<table:table-cell table:style-name="Date" office:value-type="date" '
                f'office:date-value="{year}-{month:0>2}-{day:0>2}"><text:p>{text}</text:p>'
                "</table:table-cell>")  # fmt: skip
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(text)}</text:p>'
            "</table:table-cell>")  # fmt: skip


_DATE_STYLE = """<office:automatic-styles>
<number:date-style style:name="DMY"><number:day number:style="long"/><number:text>/</number:text>
<number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>
</number:date-style>
<style:style style:name="Date" style:family="table-cell" style:data-style-name="DMY"/>
</office:automatic-styles>"""


def convert(source_text: str, suffix: str, target: Path, filter_name: str) -> Path:
    """Save `source_text` as a flat ODF file and have LibreOffice write it as `target`."""
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"{target.stem}{suffix}"
        source.write_text(source_text, encoding="utf-8")
        profile = Path(work) / "profile"
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", filter_name, "--outdir", work, str(source)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        shutil.copyfile(Path(work) / target.name, target)
    return target
