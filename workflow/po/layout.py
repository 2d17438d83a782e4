"""Keep the text of the entries a write does not change.

PO editors and translation servers wrap lines their own way: Weblate saves an edited entry
through translate-toolkit, which breaks long lines elsewhere than ``msgcat``, and rewrites
the header (``PO-Revision-Date``, ``Last-Translator``, ``X-Generator``, its spelling of
``Plural-Forms``). Rewriting such entries in our wrapping when their content did not change
would churn every commit between the two tools. :func:`format_keeping_layout` writes the
catalog as :func:`~workflow.po.writer.format_catalog` does, except that each block (the
header, an entry) whose content is the same as in the file being replaced keeps that file's
text. An entry whose content changes is written as ``msgcat`` would.

Two blocks have the same content when they render to the same ``msgcat`` text; a block of
the old file is read back by the strict reader on its own (after the old header), so only
text that parses to exactly that entry is reused. The old file is used only when it is
UTF-8 with ``\\n`` line ends and declares ``charset=UTF-8``, the form every write produces.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

from workflow.errors import InputError
from workflow.po.reader import parse_po_bytes
from workflow.po.writer import catalog_blocks

_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")
_UTF8_CHARSET = re.compile(r"charset=utf-?8(?![\w-])", re.IGNORECASE)


def format_keeping_layout(po: polib.POFile, old: bytes | None) -> str:
    """*po* as PO text, each block unchanged from *old* (the file's bytes) in *old*'s text."""
    kept = original_blocks(old) if old else {}
    return "\n".join(kept.get(block, block) for block in catalog_blocks(po))


def original_blocks(data: bytes) -> dict[str, str]:
    """``msgcat`` text → the file's own text, for each block of *data* that holds the header
    or exactly one entry ({} when *data* is not plain UTF-8 with ``\\n`` line ends)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return {}
    if "\r" in text or text.startswith("\ufeff"):
        return {}
    chunks = [chunk + "\n" for chunk in _BLANK_LINES.split(text.strip("\n")) if chunk.strip()]
    header = _header_prefix(chunks)
    if header is None:
        return {}
    count, header_text = header
    kept = {_canonical(header_text, "")[0]: header_text}
    for chunk in chunks[count:]:
        blocks = _canonical(header_text, chunk)
        if len(blocks) == 2:
            kept.setdefault(blocks[1], chunk)
    return kept


def _header_prefix(chunks: list[str]) -> tuple[int, str] | None:
    """How many leading chunks make the header (comments above it included) and their text,
    when it declares UTF-8; None otherwise."""
    for count in range(1, min(len(chunks), 3) + 1):
        text = "\n".join(chunks[:count])
        blocks = _canonical(text, "")
        if len(blocks) == 1:
            return (count, text) if _UTF8_CHARSET.search(text) else None
    return None


def _canonical(header: str, chunk: str) -> list[str]:
    """The ``msgcat`` blocks of *header* followed by *chunk* ([] if they do not parse)."""
    text = header + ("\n" + chunk if chunk else "")
    try:
        po = parse_po_bytes(text.encode("utf-8"), Path("<layout>"))
    except InputError:
        return []
    return catalog_blocks(po)
