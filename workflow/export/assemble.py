"""Assemble a translated document from the source :class:`Document` and a PO catalog.

The source is segmented by the same code as ``update`` (:meth:`Project.documents`), and each
segment is looked up by ``msgid = segment.text``, so the published text and the catalog keys
cannot drift apart.  Only reviewed translations (non-empty, not fuzzy) are final; in draft
mode fuzzy translations and the Japanese source stand in for the rest, marked by status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polib

from workflow import languages
from workflow.document import Block, BlockKind, Document, Segment
from workflow.errors import ExportError
from workflow.fsio import project_relative
from workflow.languages import Language
from workflow.po import entry_state, load_po
from workflow.project import Project

#: Longest translation accepted, in characters.  A sentence is a few hundred; WeasyPrint
#: needs seconds per 100 000 and, past some hundred thousand in one paragraph, silently
#: drops text (measured: of a 1 MB paragraph less than half reached the PDF).
MAX_SEGMENT_CHARS = 20_000

#: ``reviewed``: final text; ``fuzzy``: an unreviewed msgstr; ``untranslated``: source text.
PieceStatus = Literal["reviewed", "fuzzy", "untranslated"]


@dataclass(frozen=True)
class Piece:
    """One segment as published: its text, review status and where it comes from."""

    text: str
    status: PieceStatus
    segment: Segment
    po_line: int | None  # line of the PO entry, None for the original or a missing entry


@dataclass(frozen=True)
class AssembledBlock:
    """A title, heading or paragraph made of published pieces."""

    kind: BlockKind
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Problem:
    """A segment that keeps a language from being final: missing, empty or fuzzy."""

    segment: Segment
    source_path: Path
    po_path: Path
    po_line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.po_path}:{self.po_line}" if self.po_line else str(self.po_path)
        text = self.segment.text
        excerpt = text if len(text) <= 40 else text[:39] + "…"
        return f"{where}: {self.reason} (source {self.source_path}:{self.segment.line}: {excerpt})"


class IncompleteTranslationError(ExportError):
    """Final mode refuses a language with missing or fuzzy segments; ``problems`` lists them."""

    def __init__(self, message: str, problems: list[Problem], **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.problems = problems


@dataclass(frozen=True)
class TranslatedDocument:
    """A document ready to typeset in one language."""

    doc_id: str
    lang: str
    source_lang: str
    source_path: Path  # project-relative
    po_path: Path | None  # project-relative; None for the original
    blocks: tuple[AssembledBlock, ...]
    number: int
    date: dt.date
    draft: bool
    problems: tuple[Problem, ...]  # unreviewed segments (shown marked in a draft)
    revised: dt.datetime | None  # the catalog's PO-Revision-Date, when it is a real date

    @property
    def language(self) -> Language:
        """The registry record of :attr:`lang`: typography, fonts, tags."""
        return languages.get(self.lang)

    @property
    def source_language(self) -> Language:
        """The registry record of the source language (untranslated passages of a draft)."""
        return languages.get(self.source_lang)

    def text_of(self, block: AssembledBlock) -> str:
        """The block's pieces joined with the language's sentence spacing."""
        return self.language.typography.joiner.join(piece.text for piece in block.pieces)

    def field(self, kind: BlockKind) -> str:
        """Text of the front-matter block *kind* (title, subtitle, series, author) or ``""``."""
        return next((self.text_of(b) for b in self.blocks if b.kind == kind), "")

    @property
    def body(self) -> tuple[AssembledBlock, ...]:
        """Headings and paragraphs, in reading order."""
        return tuple(b for b in self.blocks if b.kind in ("heading", "paragraph"))

    @property
    def total(self) -> int:
        return sum(len(block.pieces) for block in self.blocks)

    @property
    def reviewed(self) -> int:
        return self.total - len(self.problems)

    @property
    def reviewed_percent(self) -> int:
        """Reviewed share in whole percent, rounded down so a draft never shows 100."""
        return self.reviewed * 100 // self.total if self.total else 100

    def segment_location(self, piece: Piece) -> tuple[Path, int]:
        """Where a reader should look for *piece*: its PO entry, else its source line."""
        if self.po_path is not None and piece.po_line:
            return self.po_path, piece.po_line
        return self.source_path, piece.segment.line


def assemble(
    project: Project, document: Document, lang: str, *, draft: bool = False
) -> TranslatedDocument:
    """Build the *lang* version of *document*.

    ``lang`` may be the source language (the original text, never a draft).  In final mode
    a missing, empty or fuzzy translation raises :class:`IncompleteTranslationError`
    listing every such segment.
    """
    if lang == document.language:
        blocks = tuple(
            AssembledBlock(b.kind, tuple(Piece(s.text, "reviewed", s, None) for s in b.segments))
            for b in document.blocks
        )
        return _translated(document, lang, None, blocks, [], False, None)
    po_file = project.po_path(lang, document.doc_id)
    po_rel = project_relative(po_file, project.root)
    catalog = load_po(po_file) if po_file.is_file() else None
    if catalog is None and not draft:
        raise ExportError(
            f"no {lang} catalog for {document.doc_id}",
            path=po_rel,
            hint="run `workflow update` to create it, or export with --draft",
        )
    entries = _entries(catalog)
    problems: list[Problem] = []
    blocks = tuple(
        AssembledBlock(block.kind, _pieces(block, entries, document, po_rel, problems))
        for block in document.blocks
    )
    if problems and not draft:
        raise IncompleteTranslationError(
            f"{len(problems)} of {len(document.segments())} segments are not reviewed"
            f" in {lang} for {document.doc_id}",
            problems,
            path=po_rel,
            hint="review them (fuzzy, empty or missing), or export with --draft",
        )
    return _translated(document, lang, po_rel, blocks, problems, draft, catalog)


def _translated(
    document: Document,
    lang: str,
    po_rel: Path | None,
    blocks: tuple[AssembledBlock, ...],
    problems: list[Problem],
    draft: bool,
    catalog: polib.POFile | None,
) -> TranslatedDocument:
    return TranslatedDocument(
        doc_id=document.doc_id,
        lang=lang,
        source_lang=document.language,
        source_path=document.path,
        po_path=po_rel,
        blocks=blocks,
        number=document.front_matter.number,
        date=document.front_matter.date,
        draft=draft,
        problems=tuple(problems),
        revised=_revision_date(catalog),
    )


def _revision_date(catalog: polib.POFile | None) -> dt.datetime | None:
    """``PO-Revision-Date`` as an aware datetime; ``None`` if absent or the template value."""
    value = catalog.metadata.get("PO-Revision-Date", "") if catalog is not None else ""
    try:
        return dt.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M%z")
    except ValueError:
        return None


def _entries(catalog: polib.POFile | None) -> dict[str, polib.POEntry]:
    if catalog is None:
        return {}
    return {entry.msgid: entry for entry in catalog if not entry.obsolete}


def _pieces(
    block: Block,
    entries: dict[str, polib.POEntry],
    document: Document,
    po_rel: Path,
    problems: list[Problem],
) -> tuple[Piece, ...]:
    pieces = []
    for segment in block.segments:
        entry = entries.get(segment.text)
        line = entry.linenum if entry is not None else None
        if entry is not None and len(entry.msgstr) > MAX_SEGMENT_CHARS:
            raise ExportError(
                f"translation of {len(entry.msgstr)} characters, more than {MAX_SEGMENT_CHARS}",
                path=po_rel,
                line=line,
                hint="split it: one entry should hold one sentence of the source",
            )
        state = "untranslated" if entry is None else entry_state(entry)
        if entry is None or state == "untranslated":
            reason = "no entry (run `workflow update`)" if entry is None else "untranslated"
            problems.append(Problem(segment, document.path, po_rel, line, reason))
            pieces.append(Piece(segment.text, "untranslated", segment, line))
        elif state == "fuzzy":
            problems.append(Problem(segment, document.path, po_rel, line, "fuzzy"))
            pieces.append(Piece(entry.msgstr, "fuzzy", segment, line))
        else:
            pieces.append(Piece(entry.msgstr, "reviewed", segment, line))
    return tuple(pieces)
