"""PDF export: the translated document as HTML (template + CSS) typeset by WeasyPrint.

Every text from a catalog is HTML-escaped, and the URL fetcher serves only the package's
own stylesheet: file, network and data URLs are refused and recorded, so a translator's
``<img src="file:///…">`` prints as text and reads nothing.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from importlib import resources
from string import Template
from typing import TYPE_CHECKING

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

from workflow import __version__
from workflow.errors import ExportError
from workflow.export.metadata import DocumentMetadata, draft_notice
from workflow.export.pdf_tagging import finish_tags

if TYPE_CHECKING:
    from workflow.export.assemble import AssembledBlock, Piece, TranslatedDocument
    from workflow.languages import Language

ASSET_SCHEME = "workflow-asset:"
#: PDF/UA-1 (ISO 14289-1): a tagged PDF with a structure tree (headings, paragraphs), the
#: document language, page furniture (running heads, folios) as artifacts, XMP metadata and
#: the title shown in the window bar.
PDF_VARIANT = "pdf/ua-1"
_PACKAGE = resources.files("workflow.export")
#: Longer than any real word of the target languages: not hyphenated (see _escaped_words).
MAX_HYPHENATED_WORD = 64
_LONG_WORD = re.compile(rf"(\w{{{MAX_HYPHENATED_WORD + 1},}})")


class AssetFetcher(URLFetcher):
    """Serves ``workflow-asset:<name>`` from ``workflow/export/assets``; refuses the rest."""

    def __init__(self) -> None:
        super().__init__(allow_redirects=False, fail_on_errors=False)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        name = url.removeprefix(ASSET_SCHEME)
        asset = _PACKAGE / "assets" / name
        if url.startswith(ASSET_SCHEME) and "/" not in name and asset.is_file():
            return URLFetcherResponse(
                url, body=asset.read_bytes(), headers={"Content-Type": "text/css; charset=utf-8"}
            )
        self.refused.append(url)
        raise PermissionError(f"export refuses to load {url!r}: only package assets are allowed")


def template_text(name: str) -> str:
    """A template of ``workflow/export/templates`` as text."""
    return (_PACKAGE / "templates" / name).read_text(encoding="utf-8")


def render_html(document: TranslatedDocument, timestamp: dt.datetime) -> str:
    """The HTML page for *document*; all catalog text is escaped."""
    language = document.language
    meta = DocumentMetadata.of(document, timestamp)
    esc = html.escape
    title_block = _first(document, "title")
    subtitle_block = _first(document, "subtitle")
    author_block = _first(document, "author")
    series_block = _first(document, "series")
    notice = ""
    if document.draft:
        notice = f'<aside class="draft-notice">{esc(draft_notice(document))}</aside>'
    return Template(template_text("document.html")).substitute(
        lang=esc(meta.language),
        lang_class=language.code,
        draft_class=" draft" if document.draft else "",
        title=esc(meta.title),
        author=esc(meta.author),
        description=esc(meta.subject),
        keywords=esc(", ".join(meta.keywords)),
        generator=esc(f"workflow {__version__} (WeasyPrint {weasyprint.__version__})"),
        timestamp=meta.timestamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        font_stack=", ".join(f'"{family}"' for family in language.font_families),
        language_css=language_css(language),
        series=_inline(document, series_block),
        night=esc(language.night(document.number)),
        title_html=_inline(document, title_block),
        subtitle_html=(
            f'<p class="subtitle">{_inline(document, subtitle_block)}</p>' if subtitle_block else ""
        ),
        author_html=(
            f'<span class="author">{_inline(document, author_block)}</span>' if author_block else ""
        ),
        iso_date=document.date.isoformat(),
        date=esc(language.format_date(document.date)),
        draft_notice=notice,
        body="\n".join(_body(document)),
    )


def language_css(language: Language) -> str:
    """Rules that follow from the language: automatic hyphenation where pyphen (WeasyPrint's
    hyphenator) has a dictionary, flush left where justified lines without it would gape."""
    rules = []
    if language.hyphenates:
        rules.append("main p { hyphens: auto; }")
    if language.ragged_right:
        rules.append("main p { text-align: left; }")
    return "\n".join(rules)


def render_pdf(document: TranslatedDocument, timestamp: dt.datetime) -> bytes:
    """Typeset *document* as PDF bytes; identical inputs and *timestamp* give identical bytes."""
    fetcher = AssetFetcher()
    page = weasyprint.HTML(string=render_html(document, timestamp), url_fetcher=fetcher)
    data = page.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=True, uncompressed_pdf=False)
    data = finish_tags(data, document.source_language.html_tag)
    if fetcher.refused:
        raise ExportError(
            f"the page tried to load {', '.join(fetcher.refused)}",
            hint="only the package's own assets may be loaded",
        )
    return data


def _first(document: TranslatedDocument, kind: str) -> AssembledBlock | None:
    return next((block for block in document.blocks if block.kind == kind), None)


def _inline(document: TranslatedDocument, block: AssembledBlock | None) -> str:
    if block is None:
        return ""
    typography = document.language.typography
    parts = []
    for position, piece in enumerate(block.pieces):
        parts += [typography.separator(piece.text)] if position else []
        parts.append(_piece(document, piece))
    return "".join(parts)


def _piece(document: TranslatedDocument, piece: Piece) -> str:
    text = _escaped_words(document.language.typography.typeset(piece.text))
    if piece.status == "reviewed":
        return text
    if piece.status == "untranslated" and document.lang != document.source_lang:
        # an <a> without href: its own structure element, tagged by pdf_tagging
        return f'<a class="untranslated" lang="{document.source_language.html_tag}">{text}</a>'
    return f'<span class="{piece.status}">{text}</span>'


def _escaped_words(text: str) -> str:
    """HTML of *text*; words longer than any real one are exempt from hyphenation.

    Hyphenating one token costs WeasyPrint time superlinear in its length (minutes for
    8,000 letters); such a token is no word, so it only wraps (``overflow-wrap``).
    """
    parts = _LONG_WORD.split(text)
    return "".join(
        f'<span class="unhyphenated">{html.escape(part)}</span>' if index % 2 else html.escape(part)
        for index, part in enumerate(parts)
    )


def _body(document: TranslatedDocument) -> list[str]:
    parts = []
    first = True
    for block in document.body:
        content = _inline(document, block)
        if block.kind == "heading":
            parts.append(f"<h2>{content}</h2>")
            first = True
        else:
            parts.append(f'<p class="first">{content}</p>' if first else f"<p>{content}</p>")
            first = False
    return parts
