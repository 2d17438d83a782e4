"""The central data model: a source document as blocks of segments.

The same model is built for the POT (``extract``) and for reassembling translations
(``assemble``), so catalog keys and published text can never drift apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

#: Block kinds in reading order.  Front-matter fields become blocks of their own kind so
#: translators see them in the catalog; body paragraphs and Markdown headings follow.
BlockKind = Literal["title", "subtitle", "series", "author", "heading", "paragraph"]

#: Front-matter fields whose values are translated (each becomes a block).
TRANSLATABLE_FIELDS: tuple[BlockKind, ...] = ("title", "subtitle", "series", "author")


@dataclass(frozen=True)
class Segment:
    """One unit of translation (a sentence, or a whole paragraph)."""

    text: str
    line: int  # 1-based line of the source file where the segment starts
    block: int  # 1-based position of its block in the document
    index: int  # 1-based position within the block


@dataclass(frozen=True)
class Block:
    """A title, heading or paragraph, made of one or more segments."""

    kind: BlockKind
    line: int
    segments: tuple[Segment, ...]


class FrontMatter(BaseModel):
    """Metadata from the YAML front matter of a source file (validated; unknown keys refused)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    series: str
    number: int
    date: dt.date
    subtitle: str = ""
    author: str = ""


@dataclass(frozen=True)
class Document:
    """A source document: id (file stem), file, language, metadata and blocks."""

    doc_id: str
    path: Path  # relative to the project root, as written in ``#:`` references
    language: str
    front_matter: FrontMatter
    blocks: tuple[Block, ...]

    def segments(self) -> list[Segment]:
        """All segments in reading order."""
        return [segment for block in self.blocks for segment in block.segments]
