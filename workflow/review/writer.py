"""The bilingual review document (DOCX): a title block and one table row per segment.

Landscape A4; the header row repeats on every page and rows do not split across pages.
Columns: id, Japanese source, translation (white: the only cell to edit), state, glossary
terms with their required target forms, current check findings, and an empty comment column.
Each column has its own paragraph style carrying its font and proofing language (``ja-JP``
for the source, the target's tag for the translation, no proofing for the reference
columns), so Word and LibreOffice spell-check the translation in the right language, also
for text the reviewer types.  A line break inside a segment is a paragraph in the cell; the
first row of each source paragraph has a heavy top rule and its paragraph number.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from workflow import languages
from workflow.export.ooxml import normalized_zip, write_core_properties
from workflow.review.properties import ReviewIdentity, write_custom_properties
from workflow.review.rows import STATES, ReviewRow

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.styles.style import ParagraphStyle
    from docx.table import Table, _Cell

SANS = "Noto Sans"
CJK = "Noto Serif CJK JP"

#: (header, width in mm, paragraph style, cell shading) per column, left to right.
COLUMNS = (
    ("#", 14, "Review Id", "F2F2F2"),
    ("Japanese source", 58, "Review Source", "F2F2F2"),
    ("{language} translation — edit here", 76, "Review Translation", None),
    ("State", 21, "Review Note", None),
    ("Glossary", 35, "Review Note", "F2F2F2"),
    ("Checks", 37, "Review Note", "F2F2F2"),
    ("Comment", 32, "Review Note", "FFFDF0"),
)
ID, SOURCE, TRANSLATION, STATE, TERMS, FINDINGS, COMMENT = range(len(COLUMNS))
STATE_SHADING = {
    "reviewed": "E3F1E0",
    "fuzzy": "FFF3C4",
    "machine": "FCE1C8",
    "untranslated": "F9D6D5",
}
_INSTRUCTIONS = (
    "Edit only the white translation column; tracked changes are welcome. Put remarks in the "
    "Comment column or in Word comments. Do not add, delete, split or reorder rows, and leave "
    "the grey columns as they are: they identify each segment when the file is read back."
)


@dataclass(frozen=True)
class ReviewSheet:
    """Everything a review document shows besides its rows."""

    identity: ReviewIdentity
    title: str  # the document title (translated when it is)
    exported: dt.datetime


def render_review_docx(sheet: ReviewSheet, rows: list[ReviewRow]) -> bytes:
    """The review DOCX; identical inputs give identical bytes."""
    out = docx.Document()
    lang = sheet.identity.lang
    _page_setup(out)
    _styles(out, lang)
    _title_block(out, sheet, rows)
    table = _table(out, lang)
    for row in rows:
        _add_row(table, row)
    _footer(out, sheet)
    write_custom_properties(out, sheet.identity.to_properties())
    language = languages.get(lang)
    write_core_properties(
        out,
        title=f"Review: {sheet.title}",
        subject=f"{sheet.identity.catalog} ({language.english_name})",
        language=language.proofing_tag,
        when=sheet.exported,
    )
    buffer = io.BytesIO()
    out.save(buffer)
    return normalized_zip(buffer.getvalue(), sheet.exported)


def _page_setup(out: DocxDocument) -> None:
    section = out.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(12)
    section.top_margin, section.bottom_margin = Mm(12), Mm(14)
    section.footer_distance = Mm(6)


def _styles(out: DocxDocument, lang: str) -> None:
    normal = out.styles["Normal"]
    _font(normal, SANS, CJK, "en-GB", Pt(9))
    normal.paragraph_format.space_after = Pt(0)
    title = out.styles["Title"]
    _font(title, SANS, CJK, "en-GB", Pt(18))
    title.font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    title.paragraph_format.space_after = Pt(2)
    target = languages.get(lang)
    western = next(family for family in target.font_families if "CJK" not in family)
    for name, family, tag, size in (
        ("Review Id", SANS, None, Pt(8)),
        ("Review Source", CJK, "ja-JP", Pt(10)),
        ("Review Translation", western, target.proofing_tag, Pt(10)),
        ("Review Note", SANS, None, Pt(7.5)),
        ("Review Header", SANS, None, Pt(8)),
    ):
        style = out.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _font(style, family, CJK, tag, size)
        style.paragraph_format.space_after = Pt(2)
        style.paragraph_format.line_spacing = 1.15
    out.styles["Review Header"].font.bold = True
    out.styles["Review Header"].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    out.styles["Review Note"].font.color.rgb = RGBColor(0x33, 0x33, 0x33)


def _font(style: ParagraphStyle, western: str, east_asian: str, lang: str | None, size: Pt) -> None:
    """Set fonts, size and proofing language (``None``: no proofing) on *style*."""
    style.font.name = western
    style.font.size = size
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    if lang is None:
        style.font.no_proof = True
        return
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), lang)
    element.set(qn("w:eastAsia"), "ja-JP")
    rpr.append(element)


def _title_block(out: DocxDocument, sheet: ReviewSheet, rows: list[ReviewRow]) -> None:
    identity = sheet.identity
    language = languages.get(identity.lang).english_name
    out.add_paragraph(f"Review: {sheet.title}", style="Title")
    counts = Counter(row.state for row in rows)
    states = ", ".join(f"{counts[state]} {state}" for state in STATES if counts[state])
    facts = out.add_paragraph(
        f"Japanese → {language} ({identity.lang}) · document {identity.doc_id} · "
        f"{identity.catalog} · exported {sheet.exported:%Y-%m-%d} · "
        f"{len(rows)} segments: {states or 'none'}"
    )
    facts.runs[0].font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    instructions = out.add_paragraph(_INSTRUCTIONS)
    instructions.paragraph_format.space_before = Pt(4)
    instructions.paragraph_format.space_after = Pt(8)


def _table(out: DocxDocument, lang: str) -> Table:
    table = out.add_table(rows=1, cols=len(COLUMNS))
    table.style = out.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # fixed layout: the column widths below hold
    for column, (_header, width, _style, _fill) in zip(table.columns, COLUMNS, strict=True):
        column.width = Mm(width)
    header = table.rows[0]
    _row_properties(header._tr, header=True)
    for cell, (text, width, _style, _fill) in zip(header.cells, COLUMNS, strict=True):
        cell.width = Mm(width)
        _shade(cell, "2F3B4C")
        _fill_cell(cell, text.format(language=languages.get(lang).english_name), "Review Header")
    return table


def _add_row(table: Table, row: ReviewRow) -> None:
    cells = table.add_row().cells
    _row_properties(table.rows[-1]._tr, header=False)
    state = row.state if not row.provenance else f"{row.state}\n{row.provenance}"
    texts = (
        str(row.row_id),
        row.source,
        row.translation,
        state,
        "\n".join(row.terms),
        "\n".join(row.findings),
        "",
    )
    for index, (cell, text, (_header, width, style, fill)) in enumerate(
        zip(cells, texts, COLUMNS, strict=True)
    ):
        cell.width = Mm(width)
        _fill_cell(cell, text, style)
        shading = STATE_SHADING[row.state] if index == STATE else fill
        if shading:
            _shade(cell, shading)
        if row.starts_block and len(table.rows) > 2:  # not under the header
            _top_rule(cell)
    if row.starts_block:
        cells[ID].add_paragraph(_block_label(row.block))._p.style = "ReviewNote"


def _block_label(block: str) -> str:
    kind, _, number = block.partition(" ")
    if kind == "paragraph" and number.isdigit():
        return f"¶ {number}"
    if kind == "heading" and number.isdigit():
        return f"§ {number}"
    return block.removeprefix("front matter: ").split(" ")[0]


def _fill_cell(cell: _Cell, text: str, style: str) -> None:
    """*text* in *cell*, one paragraph per line (an empty text leaves one empty paragraph).

    The style is set by id: python-docx's lookup by name scans every built-in style."""
    style_id = style.replace(" ", "")  # python-docx's id for a style it added
    lines = text.split("\n")
    first = cell.paragraphs[0]
    first._p.style = style_id
    if lines[0]:
        first.add_run(lines[0])
    for line in lines[1:]:
        cell.add_paragraph(line)._p.style = style_id


def _row_properties(tr: object, *, header: bool) -> None:
    trpr = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)  # type: ignore[arg-type]  # types-lxml: Self


def _top_rule(cell: _Cell) -> None:
    borders = OxmlElement("w:tcBorders")
    top = OxmlElement("w:top")
    for name, value in (("val", "single"), ("sz", "12"), ("space", "0"), ("color", "2F3B4C")):
        top.set(qn(f"w:{name}"), value)
    borders.append(top)
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.insert(1, borders)  # type: ignore[arg-type]  # after w:tcW, before w:shd


def _footer(out: DocxDocument, sheet: ReviewSheet) -> None:
    identity = sheet.identity
    paragraph = out.sections[0].footer.paragraphs[0]
    paragraph.style = out.styles["Review Note"]
    paragraph.add_run(f"Review of {identity.catalog} · page ")
    run = paragraph.add_run()
    for kind in ("begin", "instr", "separate", "end"):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
