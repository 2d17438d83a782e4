"""Reading a review document back: its identity, every row's cells, tracked changes, comments.

Cell text is read from the WordprocessingML itself, so a document saved by Word or
LibreOffice with *track changes* on reads as the reviewer's proposal: inserted runs
(``w:ins``, ``w:moveTo``) count, deleted runs (``w:del``, ``w:moveFrom``) do not, and a
deleted paragraph mark joins two lines.  Word comments (``word/comments.xml``) belong to the
row that holds their ``w:commentRangeStart`` or ``w:commentReference``.

Every problem raises :class:`~workflow.errors.InputError` naming ``file:row``; nothing is
written by this module.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from workflow.errors import InputError
from workflow.review.properties import ReviewIdentity, read_custom_properties
from workflow.review.writer import COLUMNS, COMMENT, ID, SOURCE, TRANSLATION
from workflow.wording import plural

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

_SKIPPED = {qn("w:del"), qn("w:moveFrom")}
#: Elements that carry text in a run: ``w:t`` its own, the others the character given.
_TEXT: dict[str, str | None] = {
    qn("w:t"): None,
    qn("w:tab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "\u2011",
    qn("w:softHyphen"): "\u00ad",
}
_TRACKED = {qn("w:ins"): "insertion", qn("w:del"): "deletion"}
_NOT_REVIEW = "export one with 'workflow review export' and review that file"


@dataclass(frozen=True)
class WordComment:
    """A Word comment: its author and text."""

    author: str
    text: str


@dataclass(frozen=True)
class ReviewedRow:
    """One table row as the reviewer left it (``number`` counts data rows from 1)."""

    number: int
    id_text: str
    source: str
    translation: str
    comment: str
    word_comments: tuple[WordComment, ...]
    tracked_changes: tuple[str, ...]  # "2 insertions, 1 deletion by Anna"


@dataclass(frozen=True)
class ReviewedDocument:
    """A review document read back."""

    path: Path
    identity: ReviewIdentity
    rows: list[ReviewedRow]
    stray_comments: list[WordComment]  # Word comments outside the segment rows
    reviewed_on: dt.date


def read_review(path: Path) -> ReviewedDocument:
    """Read the review document at *path*; raise :class:`InputError` if it is not one."""
    document = _open(path)
    identity = ReviewIdentity.from_properties(read_custom_properties(document))
    if identity is None:
        raise InputError(
            "not a review document (its workflow properties are missing)",
            path=path,
            hint=_NOT_REVIEW,
        )
    table = _review_table(document, path)
    comments = {
        str(comment.comment_id): WordComment(comment.author or "reviewer", comment.text.strip())
        for comment in document.comments
    }
    anchored: set[str] = set()
    rows = []
    for number, tr in enumerate(table.findall(qn("w:tr"))[1:], start=1):
        ids = _comment_ids(tr)
        anchored.update(ids)
        rows.append(_read_row(path, number, tr, [comments[i] for i in ids if i in comments]))
    stray = [comment for key, comment in comments.items() if key not in anchored]
    return ReviewedDocument(path, identity, rows, stray, _review_date(document, path))


def _open(path: Path) -> DocxDocument:
    if not path.is_file():
        raise InputError("review document not found", path=path, hint="check the file name")
    if not zipfile.is_zipfile(path):
        raise InputError("not a DOCX file (not a ZIP package)", path=path, hint=_NOT_REVIEW)
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"not a readable DOCX file ({exc})", path=path, hint=_NOT_REVIEW) from exc
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed XML inside the DOCX ({exc})", path=path) from exc


def _review_table(document: DocxDocument, path: Path) -> etree._Element:
    for table in document.tables:
        header = table._tbl.findall(qn("w:tr"))[:1]
        if header and _cell_texts(header[0])[: SOURCE + 1] == ["#", COLUMNS[SOURCE][0]]:
            return table._tbl
    raise InputError(
        "the segment table is missing (was it deleted or its header edited?)",
        path=path,
        hint=_NOT_REVIEW,
    )


def _cell_texts(tr: etree._Element) -> list[str]:
    return [cell_text(tc) for tc in tr.findall(qn("w:tc"))]


def _read_row(
    path: Path, number: int, tr: etree._Element, comments: list[WordComment]
) -> ReviewedRow:
    cells = tr.findall(qn("w:tc"))
    if len(cells) != len(COLUMNS):
        raise InputError(
            f"row {number} has {len(cells)} cells instead of {len(COLUMNS)}"
            " (cells merged or split)",
            path=path,
            line=number,
            hint="undo the change to the table layout; only edit the text of the cells",
        )
    return ReviewedRow(
        number=number,
        id_text=cell_text(cells[ID]).split("\n")[0].strip(),
        source=cell_text(cells[SOURCE]),
        translation=cell_text(cells[TRANSLATION]),
        comment=cell_text(cells[COMMENT]).strip(),
        word_comments=tuple(comments),
        tracked_changes=_tracked_changes(cells[TRANSLATION]),
    )


def cell_text(tc: etree._Element) -> str:
    """The text of a table cell with tracked changes accepted; paragraphs joined by ``\\n``."""
    parts: list[str] = []
    for paragraph in tc.iter(qn("w:p")):
        parts.append(_paragraph_text(paragraph))
        mark_deleted = paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is not None
        parts.append("" if mark_deleted else "\n")
    return "".join(parts[:-1])


def _paragraph_text(paragraph: etree._Element) -> str:
    text = []
    for element in paragraph.iter(*_TEXT):
        if any(ancestor.tag in _SKIPPED for ancestor in element.iterancestors()):
            continue
        replacement = _TEXT[str(element.tag)]
        text.append((element.text or "") if replacement is None else replacement)
    return "".join(text)


def _tracked_changes(tc: etree._Element) -> tuple[str, ...]:
    counts: dict[tuple[str, str], int] = {}
    for element in tc.iter(*_TRACKED):
        key = (_TRACKED[str(element.tag)], element.get(qn("w:author")) or "unknown author")
        counts[key] = counts.get(key, 0) + 1
    return tuple(f"{plural(count, kind)} by {author}" for (kind, author), count in counts.items())


def _comment_ids(tr: etree._Element) -> list[str]:
    ids = [
        element.get(qn("w:id"), "")
        for element in tr.iter(qn("w:commentRangeStart"), qn("w:commentReference"))
    ]
    return list(dict.fromkeys(ids))


def _review_date(document: DocxDocument, path: Path) -> dt.date:
    """When the reviewer last saved the file (document property, else the file's time)."""
    modified = document.core_properties.modified
    if modified is not None:
        return modified.date()
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date()
