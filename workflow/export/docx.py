"""DOCX export through python-docx: real styles, proofing languages, core properties.

The document uses Word's built-in styles (Title, Subtitle, Heading 2, Normal) with the
language set on the styles and on every run (``w:lang``; ``w:eastAsia`` for Japanese), so
Word proofs Kazakh as Kazakh.  Unreviewed draft text carries the character style
``Draft`` and a highlight.  The package is rewritten with fixed zip timestamps so the same
inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from workflow.export.metadata import DocumentMetadata, draft_notice
from workflow.export.ooxml import normalized_zip, write_core_properties

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.section import Section
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    from workflow.export.assemble import AssembledBlock, TranslatedDocument
    from workflow.languages import Language

DRAFT_STYLE = "Draft"
_HIGHLIGHT = {"fuzzy": WD_COLOR_INDEX.YELLOW, "untranslated": WD_COLOR_INDEX.PINK}
_STYLES = ("Normal", "Title", "Subtitle", "Heading 2", DRAFT_STYLE)


def render_docx(document: TranslatedDocument, timestamp: dt.datetime) -> bytes:
    """The DOCX bytes for *document*; identical inputs and *timestamp* give identical bytes."""
    out = docx.Document()
    _setup(out, document)
    _title_block(out, document)
    if document.draft:
        _add_runs(out.add_paragraph(style="Intense Quote"), document, draft_notice(document))
    first = True
    for block in document.body:
        if block.kind == "heading":
            _add_block(out.add_paragraph(style="Heading 2"), document, block)
            first = True
        else:
            paragraph = out.add_paragraph(style="Normal")
            if not first:
                paragraph.paragraph_format.first_line_indent = Pt(14)
            _add_block(paragraph, document, block)
            first = False
    meta = DocumentMetadata.of(document, timestamp)
    write_core_properties(
        out,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=", ".join(meta.keywords),
        language=meta.proofing_language,
        category=meta.category,
        when=meta.timestamp,
    )
    buffer = io.BytesIO()
    out.save(buffer)
    return normalized_zip(buffer.getvalue(), timestamp)


def _setup(out: DocxDocument, document: TranslatedDocument) -> None:
    language = document.language
    section = out.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(24)
    styles = out.styles
    if DRAFT_STYLE not in [style.name for style in styles]:
        draft = styles.add_style(DRAFT_STYLE, WD_STYLE_TYPE.CHARACTER)
        draft.font.highlight_color = WD_COLOR_INDEX.YELLOW
    normal = styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = language.typography.docx_line_spacing
    for name in _STYLES:
        style = styles[name]
        _set_fonts(style.element.get_or_add_rPr(), language.font_families)
        _set_lang(style.element.get_or_add_rPr(), language)
    styles["Title"].font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    styles["Heading 2"].font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    subtitle = styles["Subtitle"].font
    subtitle.color.rgb = RGBColor(0x44, 0x44, 0x44)
    subtitle.italic = language.typography.italic  # CJK has none; Word would slant it
    section.different_first_page_header_footer = True
    _page_number_footer(section.footer.paragraphs[0])
    _page_number_footer(section.first_page_footer.paragraphs[0])
    _running_header(section, document)


def _set_fonts(rpr: object, families: tuple[str, ...]) -> None:
    western = next((f for f in families if "CJK" not in f), families[0])
    east_asian = next((f for f in families if "CJK" in f), families[0])
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), western)
    fonts.set(qn("w:hAnsi"), western)
    fonts.set(qn("w:eastAsia"), east_asian)


def _set_lang(rpr: object, language: Language) -> None:
    lang = rpr.find(qn("w:lang"))  # type: ignore[attr-defined]
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)  # type: ignore[attr-defined]
    lang.set(qn("w:val"), language.proofing_tag)
    if language.east_asian:
        lang.set(qn("w:eastAsia"), language.proofing_tag)


def _title_block(out: DocxDocument, document: TranslatedDocument) -> None:
    language = document.language
    series = _block(document, "series")
    heading = out.add_paragraph(style="Subtitle")
    if series is not None:
        _add_block(heading, document, series)
        _add_runs(heading, document, " · ")
    _add_runs(heading, document, language.night(document.number))
    _add_block(out.add_paragraph(style="Title"), document, _block(document, "title"))
    subtitle = _block(document, "subtitle")
    if subtitle is not None:
        _add_block(out.add_paragraph(style="Subtitle"), document, subtitle)
    byline = out.add_paragraph(style="Normal")
    author = _block(document, "author")
    if author is not None:
        _add_block(byline, document, author)
        _add_runs(byline, document, " · ")
    _add_runs(byline, document, language.format_date(document.date))
    byline.paragraph_format.space_after = Pt(18)


def _block(document: TranslatedDocument, kind: str) -> AssembledBlock | None:
    return next((block for block in document.blocks if block.kind == kind), None)


def _add_block(
    paragraph: Paragraph, document: TranslatedDocument, block: AssembledBlock | None
) -> None:
    if block is None:
        return
    typography = document.language.typography
    for position, piece in enumerate(block.pieces):
        text = typography.typeset(piece.text)
        text = text if position == 0 else typography.separator(text) + text
        if piece.status == "reviewed":
            _add_runs(paragraph, document, text)
        else:
            run = _add_runs(paragraph, document, text, style=DRAFT_STYLE)
            run.font.highlight_color = _HIGHLIGHT[piece.status]
            if piece.status == "untranslated":
                _set_lang(run._r.get_or_add_rPr(), document.source_language)


def _add_runs(
    paragraph: Paragraph, document: TranslatedDocument, text: str, style: str | None = None
) -> Run:
    run = paragraph.add_run(text, style=style)
    _set_lang(run._r.get_or_add_rPr(), document.language)
    return run


def _running_header(section: Section, document: TranslatedDocument) -> None:
    """Series on the left, title on the right, on every page after the first (the first page
    has the title block), small and grey like the PDF's running head."""
    paragraph = section.header.paragraphs[0]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    assert page is not None and left is not None and right is not None  # the template's
    width = page - left - right
    stops = paragraph.style.paragraph_format.tab_stops  # Word's centre stop would catch the title
    stops.clear_all()
    stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    paragraph.paragraph_format.space_after = Pt(0)
    typeset = document.language.typography.typeset
    text = f"{typeset(document.field('series'))}\t{typeset(document.field('title'))}"
    run = _add_runs(paragraph, document, text)
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor(0x6B, 0x6B, 0x6B)


def _page_number_footer(paragraph: Paragraph) -> None:
    """Centred ``PAGE`` field in the footer."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)  # type: ignore[arg-type]  # types-lxml: append(Self)
