"""Document custom properties (``docProps/custom.xml``): where a review document keeps its
identity and the per-row fingerprints.

Word and LibreOffice both keep custom properties through open/edit/save (LibreOffice shows
them under File ▸ Properties ▸ Custom Properties), and reviewers do not see them in the text,
so they cannot be edited by accident.  The round trip through LibreOffice is tested.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml

from workflow.review.rows import Fingerprints

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id every user-defined property carries (FMTID_UserDefinedProperties).
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def write_custom_properties(document: DocxDocument, values: dict[str, str]) -> None:
    """Add a custom-properties part holding *values* (text properties) to *document*."""
    items = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name={quoteattr(name)}>'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(values.items(), start=2)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_NS}" xmlns:vt="{_VT}">{items}</Properties>'
    )
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), _CONTENT_TYPE, xml.encode("utf-8"), package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)


def read_custom_properties(document: DocxDocument) -> dict[str, str]:
    """The text custom properties of *document* (empty if it has none)."""
    for rel in document.part.package.rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.CUSTOM_PROPERTIES and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            return {
                prop.get("name", ""): "".join(prop.itertext())
                for prop in root.iter(f"{{{_NS}}}property")
            }
    return {}


#: Bumped when the layout of review documents changes incompatibly.
FORMAT_VERSION = "1"
_PREFIX = "workflow."
_ROW_PREFIX = "workflow.row."


@dataclass(frozen=True)
class ReviewIdentity:
    """Which catalog a review document was exported from, and its rows' fingerprints."""

    project_id: str
    lang: str
    doc_id: str
    catalog: str  # the PO file, relative to the project root
    rows: dict[int, Fingerprints]

    def to_properties(self) -> dict[str, str]:
        values = {
            f"{_PREFIX}review-format": FORMAT_VERSION,
            f"{_PREFIX}project": self.project_id,
            f"{_PREFIX}lang": self.lang,
            f"{_PREFIX}doc": self.doc_id,
            f"{_PREFIX}catalog": self.catalog,
        }
        for row_id, prints in self.rows.items():
            values[f"{_ROW_PREFIX}{row_id:04d}"] = prints.encode()
        return values

    @classmethod
    def from_properties(cls, values: dict[str, str]) -> ReviewIdentity | None:
        """The identity stored in *values*, or None if they are not a review document's."""
        if values.get(f"{_PREFIX}review-format") != FORMAT_VERSION:
            return None
        rows: dict[int, Fingerprints] = {}
        for name, value in values.items():
            if not name.startswith(_ROW_PREFIX):
                continue
            prints = Fingerprints.decode(value)
            number = name.removeprefix(_ROW_PREFIX)
            if prints is None or not number.isdigit():
                return None
            rows[int(number)] = prints
        try:
            return cls(
                values[f"{_PREFIX}project"],
                values[f"{_PREFIX}lang"],
                values[f"{_PREFIX}doc"],
                values[f"{_PREFIX}catalog"],
                dict(sorted(rows.items())),
            )
        except KeyError:
            return None
