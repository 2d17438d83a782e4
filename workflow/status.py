"""Translation progress per document and language, read from the PO files.

Counts and glossary findings come from the same per-catalog results as ``workflow check``
(:func:`workflow.checks.analyse_project`), so with a warm result cache nothing is parsed or
checked again; whether a catalog lags behind its source is decided from a digest of the
source's segments, cached per source file.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from workflow.cache import KeyedStore, code_version, content_key
from workflow.checks import analyse_project, glossary_findings_count
from workflow.checks.run import msgids_digest
from workflow.fsio import read_input_bytes
from workflow.project import Project
from workflow.source import read_document


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
    use_cache: bool = True,
) -> list[CatalogStatus]:
    """Status of every (document, language) catalog, in document then language order.

    ``glossary_checks=False`` leaves the glossary findings at 0.
    """
    langs = list(project.languages if langs is None else langs)
    store = KeyedStore(project.root, "sources", enabled=use_cache)
    segments = _source_segments(project, doc_ids, store)
    results = analyse_project(project, langs, doc_ids, use_cache=use_cache, missing="skip")
    store.save()  # only when every input was good: bad input changes nothing
    rows = []
    for source in project.source_paths(doc_ids):
        digest, count = segments[source.stem]
        for lang in langs:
            shown = project.relative(project.po_path(lang, source.stem))
            result = results[(lang, source.stem)]
            if result is None:
                rows.append(
                    CatalogStatus(
                        source.stem, lang, shown, False, total=count, untranslated=count, stale=True
                    )
                )
                continue
            counts = result.counts
            rows.append(
                CatalogStatus(
                    source.stem,
                    lang,
                    shown,
                    exists=True,
                    total=counts.total,
                    reviewed=counts.reviewed,
                    fuzzy=counts.fuzzy,
                    untranslated=counts.untranslated,
                    obsolete=counts.obsolete,
                    glossary_findings=glossary_findings_count(result.findings)
                    if glossary_checks
                    else 0,
                    stale=counts.msgids != digest,
                )
            )
    return rows


def _source_segments(
    project: Project, doc_ids: list[str] | None, store: KeyedStore
) -> dict[str, tuple[str, int]]:
    """``doc → (digest of its segment texts, number of segments)``, cached per source file
    in *store* (the caller saves it)."""
    base = content_key(code_version(), project.config.model_dump_json())
    found = {}
    for path in project.source_paths(doc_ids):
        name = project.relative(path)
        try:
            digest, _data = store.file_digest(name, str(path), "source")
        except OSError:
            read_input_bytes(path, "source")  # raises the error that names the file
            raise
        key = content_key(base, digest)
        cached = store.get(name, key)
        if cached is None:
            document = read_document(
                path,
                root=project.root,
                language=project.config.source_language,
                segmentation=project.config.segmentation,
            )
            texts = {segment.text for segment in document.segments()}
            cached = [msgids_digest(texts), len(texts)]
            store.put(name, key, cached)
        found[path.stem] = (cached[0], cached[1])
    return found


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
