"""What PDF and DOCX say about a document: its metadata, and the draft notice both print.

One :class:`DocumentMetadata` per export feeds the PDF (HTML ``<title>`` and ``<meta>``
elements, which WeasyPrint turns into the PDF's info and XMP) and the DOCX (core
properties, :func:`workflow.export.ooxml.write_core_properties`), so both formats describe
a document alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workflow.export.assemble import TranslatedDocument


@dataclass(frozen=True)
class DocumentMetadata:
    """Title, author, subject, keywords, languages and dates of one exported document."""

    title: str  # plain text, no no-break spaces: it shows in the window bar
    author: str
    subject: str  # ``Series, Night N``
    keywords: tuple[str, ...]  # series, night label, document id
    language: str  # BCP 47 tag of the HTML ``lang`` and the PDF ``/Lang``
    proofing_language: str  # the tag Word proofs with (``w:lang``, core property)
    category: str  # the draft label, or "" for a final document
    timestamp: dt.datetime  # creation and modification date (UTC)

    @classmethod
    def of(cls, document: TranslatedDocument, timestamp: dt.datetime) -> DocumentMetadata:
        language = document.language
        night = language.night(document.number)
        series = document.field("series")
        return cls(
            title=document.field("title"),
            author=document.field("author"),
            subject=f"{series}, {night}",
            keywords=tuple(word for word in (series, night, document.doc_id) if word),
            language=language.html_tag,
            proofing_language=language.proofing_tag,
            category=language.draft_label if document.draft else "",
            timestamp=timestamp.astimezone(dt.UTC),
        )


def draft_notice(document: TranslatedDocument) -> str:
    """The draft banner text, stating how much is reviewed (typeset like the body)."""
    notice = document.language.draft_notice.format(
        reviewed=document.reviewed, total=document.total, percent=document.reviewed_percent
    )
    return document.language.typography.typeset(notice)
