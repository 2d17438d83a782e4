"""Translation progress per document and language, read from the PO files."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from workflow.checks import check_catalog, glossary_findings_count
from workflow.glossary import Glossary, load_glossary
from workflow.pofile import load_po
from workflow.project import Project


@dataclass(frozen=True)
class CatalogStatus:
    """Counts for one ``locales/<lang>/<doc>.po``; ``stale`` if it lags behind the source."""

    doc: str
    lang: str
    path: str
    exists: bool
    total: int = 0
    reviewed: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    glossary_findings: int = 0
    stale: bool = False

    @property
    def percent_reviewed(self) -> float:
        return 100.0 * self.reviewed / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "percent_reviewed": round(self.percent_reviewed, 1)}


def project_status(
    project: Project,
    doc_ids: list[str] | None = None,
    langs: list[str] | None = None,
    *,
    glossary_checks: bool = True,
) -> list[CatalogStatus]:
    """Status of every (document, language) catalog, in document then language order.

    ``glossary_checks=False`` skips counting glossary findings (they stay 0).
    """
    glossary = None
    if glossary_checks and project.glossary_path.exists():
        glossary = load_glossary(project.glossary_path)
    rows = []
    for document in project.documents(doc_ids):
        msgids = {segment.text for segment in document.segments()}
        for lang in project.languages if langs is None else langs:
            rows.append(_catalog_status(project, document.doc_id, lang, msgids, glossary))
    return rows


def _catalog_status(
    project: Project, doc: str, lang: str, msgids: set[str], glossary: Glossary | None
) -> CatalogStatus:
    path = project.po_path(lang, doc)
    shown = str(path.relative_to(project.root))
    if not path.exists():
        return CatalogStatus(
            doc, lang, shown, exists=False, total=len(msgids), stale=True, untranslated=len(msgids)
        )
    po = load_po(path)
    active = [entry for entry in po if not entry.obsolete]
    fuzzy = sum(1 for entry in active if entry.fuzzy and entry.msgstr)
    untranslated = sum(1 for entry in active if not entry.msgstr)
    findings = check_catalog(po, shown, lang, glossary) if glossary else []
    return CatalogStatus(
        doc,
        lang,
        shown,
        exists=True,
        total=len(active),
        reviewed=len(active) - fuzzy - untranslated,
        fuzzy=fuzzy,
        untranslated=untranslated,
        obsolete=len(po) - len(active),
        glossary_findings=glossary_findings_count(findings),
        stale={entry.msgid for entry in active} != msgids,
    )


def format_table(rows: list[CatalogStatus]) -> str:
    """A plain-text table, one line per catalog."""
    header = (
        "document",
        "lang",
        "reviewed",
        "fuzzy",
        "untranslated",
        "obsolete",
        "glossary",
        "progress",
    )
    lines = [header]
    for row in rows:
        note = "" if row.exists else "  (missing: run workflow update)"
        note = note or ("  (stale: run workflow update)" if row.stale else "")
        lines.append(
            (
                row.doc,
                row.lang,
                f"{row.reviewed}/{row.total}",
                str(row.fuzzy),
                str(row.untranslated),
                str(row.obsolete),
                str(row.glossary_findings),
                f"{row.percent_reviewed:5.1f}%{note}",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=False))
        + "  "
        + line[-1]
        for line in lines
    )
