"""Read a source document: YAML front matter plus Markdown paragraphs → :class:`Document`.

The format is deliberately small: front matter between ``---`` lines, then blocks
separated by blank lines; a block starting with ``#`` is a heading, any other is a
paragraph.  Hard line breaks inside a block are joined (see :mod:`workflow.segment`).

Anything that cannot become a catalog entry is refused here with ``path:line``: control
characters, lone surrogates (YAML escapes can make them), an empty title or heading.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from workflow.document import TRANSLATABLE_FIELDS, Block, BlockKind, Document, FrontMatter, Segment
from workflow.errors import InputError
from workflow.fsio import read_input_text
from workflow.po import FORBIDDEN_CHARACTERS
from workflow.segment import join_lines, sentence_spans
from workflow.yamlio import load_yaml

FENCE = "---"


def read_document(
    path: Path, *, root: Path, language: str, segmentation: str = "sentence"
) -> Document:
    """Parse the source file at *path* (``root``-relative paths go into references)."""
    text = read_input_text(path, "source file")
    _check_characters(text, path, 1)
    lines = text.split("\n")
    meta, field_lines, body_start = _parse_front_matter(lines, path)
    _check_front_matter_text(meta, field_lines, path)
    relative = path.relative_to(root) if path.is_absolute() else path
    blocks = _front_matter_blocks(meta, field_lines)
    blocks += _body_blocks(
        lines, body_start, first_block=len(blocks) + 1, segmentation=segmentation
    )
    for block in blocks:
        if not any(segment.text for segment in block.segments):
            raise InputError(
                f"empty {block.kind}: nothing to translate",
                path=path,
                line=block.line,
                hint="write its text or remove it",
            )
    return Document(
        doc_id=path.stem, path=relative, language=language, front_matter=meta, blocks=tuple(blocks)
    )


def _parse_front_matter(lines: list[str], path: Path) -> tuple[FrontMatter, dict[str, int], int]:
    """The front matter, the line of each of its fields, and the index of the first body line."""
    if not lines or lines[0].strip() != FENCE:
        raise InputError(
            "missing front matter",
            path=path,
            line=1,
            hint="start with a '---' line, the metadata (title, series, number, date), '---'",
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise InputError(
            "front matter is not closed",
            path=path,
            line=1,
            hint="add a '---' line after the metadata",
        ) from None
    front = load_yaml("\n".join(lines[1:end]), path, what="front matter", first_line=2)
    if front is None or not isinstance(front.data, dict):
        raise InputError(
            "front matter must be a mapping of fields",
            path=path,
            line=2,
            hint="write 'field: value' lines",
        )
    field_lines = {str(key.value): front.line(key) for key, _value in front.root.value}
    try:
        meta = FrontMatter.model_validate(front.data)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else ""
        problem = "unknown field" if error["type"] == "extra_forbidden" else error["msg"].lower()
        raise InputError(
            f"front matter field {field!r}: {problem}",
            path=path,
            line=field_lines.get(field, 2),
            hint="fields: title, subtitle, series, number, date (YYYY-MM-DD), author",
        ) from exc
    return meta, field_lines, end + 1


def _check_characters(text: str, path: Path, first_line: int) -> None:
    """Refuse a control character or lone surrogate: no catalog or document may hold one."""
    bad = FORBIDDEN_CHARACTERS.search(text)
    if bad is not None:
        raise InputError(
            f"control character U+{ord(bad.group()):04X} in the text",
            path=path,
            line=first_line + text.count("\n", 0, bad.start()),
            hint="remove it: only tab and newline are allowed",
        )


def _check_front_matter_text(meta: FrontMatter, field_lines: dict[str, int], path: Path) -> None:
    for kind in TRANSLATABLE_FIELDS:
        value = getattr(meta, kind)
        _check_characters(value, path, field_lines.get(kind, 2))
    if not meta.title.strip():
        raise InputError(
            "front matter field 'title' is empty",
            path=path,
            line=field_lines.get("title", 2),
            hint="give the document a title",
        )


def _front_matter_blocks(meta: FrontMatter, field_lines: dict[str, int]) -> list[Block]:
    blocks: list[Block] = []
    for kind in TRANSLATABLE_FIELDS:
        value = getattr(meta, kind)
        if value.strip():
            line = field_lines.get(kind, 1)
            number = len(blocks) + 1
            blocks.append(Block(kind, line, (Segment(value.strip(), line, number, 1),)))
    return blocks


def _body_blocks(
    lines: list[str], start: int, *, first_block: int, segmentation: str
) -> list[Block]:
    blocks: list[Block] = []
    chunk: list[str] = []
    chunk_line = 0
    for number, line in enumerate([*lines[start:], ""], start=start + 1):
        if line.strip():
            chunk_line = chunk_line or number
            chunk.append(line)
        elif chunk:
            block_number = first_block + len(blocks)
            blocks.append(_make_block("\n".join(chunk), chunk_line, block_number, segmentation))
            chunk, chunk_line = [], 0
    return blocks


def _make_block(text: str, line: int, number: int, segmentation: str) -> Block:
    kind: BlockKind = "paragraph"
    if text.startswith("#"):
        kind, text = "heading", text.lstrip("#")
    if kind == "heading" or segmentation == "paragraph":
        spans = [(0, len(text))]
    else:
        spans = sentence_spans(text)
    segments = tuple(
        Segment(join_lines(text[start:end]), line + text.count("\n", 0, start), number, index)
        for index, (start, end) in enumerate(spans, start=1)
    )
    return Block(kind, line, segments)
