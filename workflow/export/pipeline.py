"""Export documents × languages × formats, skipping outputs whose inputs did not change.

Each output has a stamp ``exports/.stamps/<lang>/<doc>.<fmt>.json`` holding a hash of
everything that shapes it (source and PO bytes, settings, options, template, stylesheet,
font files, code and library versions, ``SOURCE_DATE_EPOCH``) and the hash of the bytes
written.  When both still match, the document is not typeset again.

Timestamps inside the files come from ``SOURCE_DATE_EPOCH`` when set, otherwise from the
inputs (the newest of the source's front-matter date and the catalog's PO-Revision-Date),
so rebuilding unchanged inputs gives byte-identical PDF and DOCX files.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import docx as python_docx
import weasyprint

import workflow
from workflow import assemble as assembly
from workflow.clock import source_date_epoch
from workflow.diagnostics import Diagnostic
from workflow.document import Document
from workflow.errors import ExportError
from workflow.export import FORMATS, fonts
from workflow.export.conventions import conventions
from workflow.export.docx import render_docx
from workflow.export.pdf import draft_notice, render_pdf
from workflow.fsio import atomic_write_bytes, atomic_write_text
from workflow.project import Project

__all__ = ["FORMATS", "ExportResult", "export_project"]

STAMPS_DIR = ".stamps"

#: format -> renderer(translated document, timestamp) -> file bytes
RENDERERS: dict[str, Callable[..., bytes]] = {"pdf": render_pdf, "docx": render_docx}

ExportStatus = Literal["written", "unchanged", "incomplete", "refused"]


@dataclass(frozen=True)
class ExportResult:
    """What happened to one output file."""

    lang: str
    doc_id: str
    fmt: str
    path: Path
    status: ExportStatus
    #: unreviewed segments (incomplete or marked as draft), or the check errors (refused)
    problems: tuple[assembly.Problem | Diagnostic, ...] = ()


def export_project(
    project: Project,
    langs: Sequence[str],
    formats: Sequence[str] = FORMATS,
    docs: Sequence[str] | None = None,
    draft: bool = False,
    findings: Sequence[Diagnostic] | None = None,
) -> list[ExportResult]:
    """Export every selected document in every language and format.

    *langs* may include the source language (the original).  In final mode a language with
    unreviewed segments is not written (status ``incomplete``, the segments as problems), nor
    one whose catalog has check errors (status ``refused``, the errors as problems); either
    way a previous final output is removed (a draft is marked as such and stays), so no
    stale file stays published.  *findings* are the check results of these catalogs if the
    caller has them (otherwise they come from the check cache or are computed, once).  Other
    errors (a missing font, a character no font has) raise :class:`ExportError`.  The
    caller holds the project lock.
    """
    for fmt in formats:
        if fmt not in RENDERERS:
            raise ExportError(f"unknown format {fmt!r}", hint=f"choose from {', '.join(FORMATS)}")
    documents = project.documents(list(docs) if docs else None)
    gate = _Gate(project, langs, documents, findings, draft)
    results: list[ExportResult] = []
    for document in documents:
        for lang in langs:
            results += _export_one(project, document, lang, formats, draft, gate)
    return results


class _Gate:
    """Unwaived check errors per catalog, computed for every selected catalog when first
    needed (never in draft mode or for the original)."""

    def __init__(
        self,
        project: Project,
        langs: Sequence[str],
        documents: Sequence[Document],
        findings: Sequence[Diagnostic] | None,
        draft: bool,
    ) -> None:
        self.project = project
        self.targets = [lang for lang in langs if lang != project.config.source_language]
        self.doc_ids = [document.doc_id for document in documents]
        self.findings = findings
        self.draft = draft
        self._errors: dict[str, tuple[Diagnostic, ...]] | None = None

    def errors(self, lang: str, document: Document) -> tuple[Diagnostic, ...]:
        if self.draft or lang not in self.targets:
            return ()
        if self._errors is None:
            self._errors = self._collect()
        path = self.project.po_path(lang, document.doc_id).relative_to(self.project.root)
        return self._errors.get(path.as_posix(), ())

    def _collect(self) -> dict[str, tuple[Diagnostic, ...]]:
        from workflow.checks import analyse_project

        findings = self.findings
        if findings is None:
            results = analyse_project(self.project, self.targets, self.doc_ids, missing="skip")
            findings = [item for result in results.values() if result for item in result.findings]
        errors: dict[str, list[Diagnostic]] = {}
        for item in findings:
            if item.counts_as_error():
                errors.setdefault(item.path, []).append(item)
        return {path: tuple(items) for path, items in errors.items()}


def _refuse(
    project: Project,
    document: Document,
    lang: str,
    formats: Sequence[str],
    status: ExportStatus,
    problems: Sequence[assembly.Problem | Diagnostic],
) -> list[ExportResult]:
    """Results for a language that may not be published; previous final outputs are removed
    (a draft, marked as one inside, stays)."""
    results = []
    for fmt in formats:
        path = project.export_path(lang, document.doc_id, fmt)
        stamp = stamp_path(project, lang, document.doc_id, fmt)
        if not _stamped_draft(stamp):
            path.unlink(missing_ok=True)
            stamp.unlink(missing_ok=True)
        results.append(ExportResult(lang, document.doc_id, fmt, path, status, tuple(problems)))
    return results


def _stamped_draft(stamp: Path) -> bool:
    try:
        return json.loads(stamp.read_text("utf-8")).get("draft") is True
    except (OSError, ValueError, AttributeError):
        return False


def _export_one(
    project: Project,
    document: Document,
    lang: str,
    formats: Sequence[str],
    draft: bool,
    gate: _Gate,
) -> list[ExportResult]:
    keys = {fmt: input_key(project, document, lang, fmt, draft) for fmt in formats}
    pending = [fmt for fmt in formats if not _up_to_date(project, document, lang, fmt, keys[fmt])]
    path = functools.partial(project.export_path, lang, document.doc_id)
    results = [
        ExportResult(lang, document.doc_id, fmt, path(fmt), "unchanged")
        for fmt in formats
        if fmt not in pending
    ]
    if pending:
        try:
            translated = assembly.assemble(project, document, lang, draft=draft)
        except assembly.IncompleteTranslationError as exc:
            return results + _refuse(project, document, lang, pending, "incomplete", exc.problems)
    errors = gate.errors(lang, document)
    if errors:
        return _refuse(project, document, lang, formats, "refused", errors)
    if not pending:
        return results
    fonts.check_coverage(translated, _labels(translated))
    timestamp = export_timestamp(translated)
    for fmt in pending:
        data = RENDERERS[fmt](translated, timestamp)
        atomic_write_bytes(path(fmt), data)
        _write_stamp(project, document, lang, fmt, keys[fmt], data, draft)
        results.append(
            ExportResult(lang, document.doc_id, fmt, path(fmt), "written", translated.problems)
        )
    return results


def _labels(document: assembly.TranslatedDocument) -> list[str]:
    conv = document.conventions
    labels = [conv.night(document.number), conv.format_date(document.date)]
    return [*labels, draft_notice(document)] if document.draft else labels


def export_timestamp(document: assembly.TranslatedDocument) -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` if set, else the newest input date (front matter, PO revision)."""
    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    day = dt.datetime.combine(document.date, dt.time(), dt.UTC)
    return max(day, document.revised) if document.revised else day


def input_key(project: Project, document: Document, lang: str, fmt: str, draft: bool) -> str:
    """Hash of every input that shapes the output file (see the module docstring)."""
    digest = hashlib.sha256()
    po_file = project.po_path(lang, document.doc_id)
    parts = [
        _code_version(),
        project.config.model_dump_json(),
        lang,
        fmt,
        f"draft={draft}",
        os.environ.get("SOURCE_DATE_EPOCH", "").strip(),
        *(fonts.resolve(family).fingerprint() for family in conventions(lang).fonts),
    ]
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(_file_bytes(project.root / document.path) + b"\0")
    if lang != document.language:
        digest.update(_file_bytes(po_file))
    return digest.hexdigest()


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b"<absent>"
    except OSError as exc:
        raise ExportError(f"cannot read file: {exc.strerror}", path=path) from exc


@functools.cache
def _code_version() -> str:
    """Hash of the code, template and stylesheet that render documents, and library versions."""
    package = Path(workflow.__file__).parent
    files = sorted(
        [
            *(package / "export").rglob("*.py"),
            *(package / "export" / "templates").iterdir(),
            *(package / "export" / "assets").iterdir(),
            *(package / name for name in ("assemble.py", "document.py", "source.py", "segment.py")),
        ]
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    versions = f"{workflow.__version__}/{weasyprint.__version__}/{python_docx.__version__}"
    return f"{versions}/{digest.hexdigest()}"


def stamp_path(project: Project, lang: str, doc_id: str, fmt: str) -> Path:
    """Where the build stamp of one output lives."""
    return project.exports_dir / STAMPS_DIR / lang / f"{doc_id}.{fmt}.json"


def _up_to_date(project: Project, document: Document, lang: str, fmt: str, key: str) -> bool:
    try:
        stamp = json.loads(stamp_path(project, lang, document.doc_id, fmt).read_text("utf-8"))
        output = project.export_path(lang, document.doc_id, fmt).read_bytes()
    except (OSError, ValueError):
        return False
    return (
        isinstance(stamp, dict)
        and stamp.get("inputs") == key
        and stamp.get("sha256") == hashlib.sha256(output).hexdigest()
    )


def _write_stamp(
    project: Project, document: Document, lang: str, fmt: str, key: str, data: bytes, draft: bool
) -> None:
    stamp = {"inputs": key, "sha256": hashlib.sha256(data).hexdigest(), "draft": draft}
    path = stamp_path(project, lang, document.doc_id, fmt)
    atomic_write_text(path, json.dumps(stamp, indent=1, sort_keys=True) + "\n")
