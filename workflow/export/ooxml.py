"""OOXML packages (DOCX) written reproducibly, for exported and review documents alike:
core properties with fixed dates and no host details, ZIP members with fixed order,
timestamps and attributes (python-docx stamps the current time and the host's attributes
on every member)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

#: Longest text a DOCX core property holds (python-docx refuses more; Word shows 255).
CORE_PROPERTY_LIMIT = 255


def write_core_properties(
    document: DocxDocument,
    *,
    title: str,
    language: str,
    when: dt.datetime,
    author: str = "",
    subject: str = "",
    keywords: str | None = None,
    category: str | None = None,
) -> None:
    """Fill the core properties: texts cut to :data:`CORE_PROPERTY_LIMIT` (the document keeps
    them whole), no comment or last editor, revision 1, every date *when*.  ``None`` leaves
    *keywords* and *category* as the template has them."""
    props = document.core_properties
    props.title = core_text(title)
    props.author = core_text(author)
    props.subject = core_text(subject)
    if keywords is not None:
        props.keywords = core_text(keywords)
    props.language = language
    if category is not None:
        props.category = core_text(category)
    props.comments = ""
    props.last_modified_by = ""
    props.revision = 1
    naive = when.astimezone(dt.UTC).replace(tzinfo=None)
    props.created = props.modified = props.last_printed = naive


def core_text(text: str) -> str:
    """*text* cut to the characters a core property holds, with an ellipsis."""
    return text if len(text) <= CORE_PROPERTY_LIMIT else text[: CORE_PROPERTY_LIMIT - 1] + "…"


def normalized_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite the package with fixed member order, timestamps and attributes."""
    stamp = max(when.astimezone(dt.UTC), dt.datetime(1980, 1, 1, tzinfo=dt.UTC))
    date_time = stamp.timetuple()[:6]
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=9)
    return output.getvalue()
