"""Review documents for a project: export ``review/<lang>/<doc>.docx``, import them back.

Callers hold the project lock.  An export never replaces a review document that still holds
reviewer work not yet in the catalog (unless forced); an import validates the whole file
before it writes the catalog once, atomically, and only if something changed.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from workflow.checks import CheckContext
from workflow.clock import now
from workflow.errors import InputError
from workflow.fsio import atomic_write_bytes, file_digest
from workflow.glossary import load_glossary
from workflow.po import has_translation, load_po, save_po
from workflow.project import Project
from workflow.review.merge import MergeReport, merge_review
from workflow.review.properties import ReviewIdentity
from workflow.review.reader import ReviewedDocument, read_review
from workflow.review.rows import State, build_rows
from workflow.review.writer import ReviewSheet, render_review_docx


@dataclass(frozen=True)
class ExportedReview:
    """One review document written (or already up to date)."""

    path: Path
    rows: int
    written: bool


def review_path(project: Project, lang: str, doc_id: str) -> Path:
    """``<review-dir>/<lang>/<doc>.docx`` under the project root."""
    return project.review_dir / lang / f"{doc_id}.docx"


def export_reviews(
    project: Project,
    langs: Sequence[str],
    doc_ids: list[str] | None = None,
    only: Collection[State] | None = None,
    force: bool = False,
) -> list[ExportedReview]:
    """Write a review document per document and language (rows limited to *only* states)."""
    glossary = (
        load_glossary(project.glossary_path, project.languages)
        if project.glossary_path.exists()
        else None
    )
    context = CheckContext(glossary, project.config.check)  # as `workflow check` sees it
    results = []
    for source in project.source_paths(doc_ids):
        for lang in langs:
            results.append(_export_one(project, lang, source.stem, context, only, force))
    return results


def _export_one(
    project: Project,
    lang: str,
    doc_id: str,
    context: CheckContext,
    only: Collection[State] | None,
    force: bool,
) -> ExportedReview:
    po_path = _catalog(project, lang, doc_id)
    po = load_po(po_path)
    catalog = project.relative(po_path)
    rows = build_rows(po, catalog, lang, context, only)
    identity = ReviewIdentity(
        project.config.project_id,
        lang,
        doc_id,
        catalog,
        {row.row_id: row.fingerprints for row in rows},
    )
    title = next(
        (
            entry.msgstr if has_translation(entry) else entry.msgid
            for entry in po
            if entry.comment == "front matter: title"
        ),
        doc_id,
    )
    target = review_path(project, lang, doc_id)
    if target.exists() and not force:
        _refuse_unimported_work(project, target)
    data = render_review_docx(ReviewSheet(identity, title, now()), rows)
    return ExportedReview(target, len(rows), atomic_write_bytes(target, data))


def _catalog(project: Project, lang: str, doc_id: str) -> Path:
    path = project.po_path(lang, doc_id)
    if not path.is_file():
        raise InputError(
            "catalog not found", path=path, hint="run 'workflow update' to create the catalogs"
        )
    return path


def _refuse_unimported_work(project: Project, target: Path) -> None:
    """Raise if importing the existing review document at *target* would change anything."""
    shown = project.relative(target)
    try:
        document = read_review(target)
        report = _merge(project, document, "reviewed")[0]
    except InputError as exc:
        raise InputError(
            f"an unreadable review document is in the way ({exc.message})",
            path=target,
            hint="move it away, or pass --force to replace it",
        ) from exc
    pending = sum(1 for result in report.results if result.changed) + len(report.problems)
    if pending:
        raise InputError(
            f"holds reviewer work not yet imported ({pending} rows with changes or conflicts)",
            path=target,
            hint=f"import it first: workflow review import {shown}; or pass --force",
        )


def import_review(
    project: Project, path: Path, as_state: str = "reviewed", dry_run: bool = False
) -> tuple[ReviewedDocument, MergeReport]:
    """Merge the review document at *path* into its catalog (written unless *dry_run*)."""
    document = read_review(path)
    report, po, po_path, digest = _merge(project, document, as_state)
    if report.changed and not dry_run:
        save_po(po, po_path, expected_digest=digest)
    return document, report


def _merge(
    project: Project, document: ReviewedDocument, as_state: str
) -> tuple[MergeReport, polib.POFile, Path, str | None]:
    """Check the document belongs here, then merge it into a freshly loaded catalog."""
    identity = document.identity
    if identity.project_id != project.config.project_id:
        raise InputError(
            f"exported from project {identity.project_id!r}, not {project.config.project_id!r}",
            path=document.path,
            hint="import it into the project it came from",
        )
    if identity.lang not in project.languages:
        raise InputError(
            f"review document for language {identity.lang!r}, which this project does not have",
            path=document.path,
            hint=f"project languages: {', '.join(project.languages)}",
        )
    po_path = _catalog(project, identity.lang, identity.doc_id)
    digest = file_digest(po_path, "PO file")
    po = load_po(po_path)
    return merge_review(document, po, as_state=as_state), po, po_path, digest
