"""Export documents × languages × formats, skipping outputs whose inputs did not change.

Each output has a stamp ``exports/.stamps/<lang>/<doc>.<fmt>.json`` holding a hash of
everything that shapes it (source and PO bytes, settings, options, template, stylesheet,
font files, code and library versions, ``SOURCE_DATE_EPOCH``) and the hash and size of the
bytes written.  When both still match, the document is not typeset again.  The inputs all
outputs share (code, settings, fonts) are hashed once per run, and an output not modified
since its stamp was written is not read back, so checking a whole series stays cheap.

Out-of-date outputs are typeset in worker processes (``jobs``); each document in each
language is one independent task, and the bytes do not depend on how many workers ran.

Timestamps inside the files come from ``SOURCE_DATE_EPOCH`` when set, otherwise from the
inputs (the newest of the source's front-matter date and the catalog's PO-Revision-Date),
so rebuilding unchanged inputs gives byte-identical PDF and DOCX files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from workflow import languages
from workflow.cache import code_version
from workflow.clock import source_date_epoch
from workflow.diagnostics import Diagnostic
from workflow.errors import ExportError
from workflow.export import FORMATS, fonts
from workflow.export import assemble as assembly
from workflow.export.docx import render_docx
from workflow.export.metadata import draft_notice
from workflow.export.pdf import render_pdf
from workflow.fsio import atomic_write_bytes, atomic_write_text
from workflow.project import Project

__all__ = ["FORMATS", "ExportResult", "ExportTask", "export_project", "export_tasks"]

#: Tasks assembled in this process before they are handed to the workers (bounds memory).
PREPARED_AT_ONCE = 64
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


@dataclass(frozen=True)
class ExportTask:
    """One document in one language, exported final or as a draft."""

    lang: str
    doc_id: str
    draft: bool = False


def export_project(
    project: Project,
    langs: Sequence[str],
    formats: Sequence[str] = FORMATS,
    docs: Sequence[str] | None = None,
    draft: bool = False,
    jobs: int | None = 1,
    findings: Sequence[Diagnostic] | None = None,
) -> list[ExportResult]:
    """Export every selected document in every language and format.

    *langs* may include the source language (the original).  In final mode a language with
    unreviewed segments is not written (status ``incomplete``, the segments as problems), nor
    one whose catalog has check errors (status ``refused``, the errors as problems); either
    way a previous final output is removed (a draft is marked as such and stays), so no
    stale file stays published.  *findings* are the check results of these catalogs if the
    caller has them (otherwise they come from the check cache or are computed, once).  Other
    errors (a missing font, a character no font has) raise :class:`ExportError`.  *jobs*
    worker processes render (None: all cores).  The caller holds the project lock.
    """
    doc_ids = [path.stem for path in project.source_paths(list(docs) if docs else None)]
    tasks = [ExportTask(lang, doc_id, draft) for doc_id in doc_ids for lang in langs]
    return export_tasks(project, tasks, formats, jobs, findings)


def export_tasks(
    project: Project,
    tasks: Sequence[ExportTask],
    formats: Sequence[str],
    jobs: int | None = 1,
    findings: Sequence[Diagnostic] | None = None,
) -> list[ExportResult]:
    """Export *tasks* in *formats*; results in task order, whatever *jobs* is.

    A final task whose catalog has check errors is refused (see :func:`export_project`).
    Which outputs are out of date is decided here, with the inputs every output shares
    (code, settings, fonts) hashed once; only those are rendered, in *jobs* worker
    processes when there are several (None: all cores).  Output bytes do not depend on
    *jobs*.
    """
    for fmt in formats:
        if fmt not in RENDERERS:
            raise ExportError(f"unknown format {fmt!r}", hint=f"choose from {', '.join(FORMATS)}")
    shared = SharedInputs.of(project)
    gate = _Gate(project, tasks, findings)
    results: dict[int, list[ExportResult]] = {}
    pending: list[tuple[int, _Render]] = []
    for number, task in enumerate(tasks):
        keys = shared.keys(project, task, formats)
        stale = tuple(fmt for fmt in formats if not _up_to_date(project, task, fmt, keys[fmt]))
        if stale:
            pending.append((number, _Render(task, stale, keys)))
        elif errors := gate.errors(task):
            results[number] = _refuse(project, task, formats, "refused", errors)
            continue
        results[number] = [
            ExportResult(task.lang, task.doc_id, fmt, _path(project, task, fmt), "unchanged")
            for fmt in formats
            if fmt not in stale
        ]
    with _worker_pool(jobs, len(pending)) as pool:
        for start in range(0, len(pending), PREPARED_AT_ONCE):
            batch = pending[start : start + PREPARED_AT_ONCE]
            prepared = [_gated(project, gate, render, formats) for _, render in batch]
            renders = [item for item in prepared if isinstance(item, _Typeset)]
            if pool is None:
                written = iter([_write_outputs(project, item) for item in renders])
            else:
                written = pool.map(_write_outputs, [project] * len(renders), renders)
            for (number, _), item in zip(batch, prepared, strict=True):
                if isinstance(item, _Typeset):
                    results[number] += next(written)
                else:
                    results[number] = item
    return [result for number in range(len(tasks)) for result in results[number]]


def worker_count(jobs: int | None) -> int:
    """Worker processes for *jobs* (None or 0: every core this process may use)."""
    if jobs:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class _Render:
    """The out-of-date formats of one task and their input keys."""

    task: ExportTask
    formats: tuple[str, ...]
    keys: dict[str, str]


@dataclass(frozen=True)
class _Typeset:
    """A document assembled and checked here, for a worker to render and write."""

    render: _Render
    document: assembly.TranslatedDocument
    timestamp: dt.datetime


def _worker_pool(
    jobs: int | None, pending: int
) -> contextlib.AbstractContextManager[ProcessPoolExecutor | None]:
    """Worker processes for *pending* renders, or None to render in this process."""
    workers = min(worker_count(jobs), pending)
    if workers <= 1:
        return contextlib.nullcontext()
    # forkserver: workers fork from a clean process that has imported the renderers once,
    # never from this one (which may be running MT threads)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_exit_with_parent)


def _exit_with_parent() -> None:
    """In a worker: stop as soon as the exporting process is gone (killed or interrupted),
    rather than write outputs for a run that no longer exists."""
    parent = multiprocessing.parent_process()
    if parent is not None:

        def watch() -> None:
            parent.join()
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()


def _gated(
    project: Project, gate: _Gate, render: _Render, formats: Sequence[str]
) -> _Typeset | list[ExportResult]:
    """:func:`_prepare`, then the publish gate: a task that may not be published is refused
    in every format, unreviewed segments first, then check errors (input errors raise)."""
    prepared = _prepare(project, render)
    if not isinstance(prepared, _Typeset):
        return _refuse(project, render.task, formats, "incomplete", prepared[0].problems)
    if errors := gate.errors(render.task):
        return _refuse(project, render.task, formats, "refused", errors)
    return prepared


def _prepare(project: Project, render: _Render) -> _Typeset | list[ExportResult]:
    """Read, assemble and check one task in this process, so bad input stops the run here,
    in task order, exactly as in a serial run; an incomplete language gives its results."""
    task = render.task
    document = project.documents([task.doc_id])[0]
    try:
        translated = assembly.assemble(project, document, task.lang, draft=task.draft)
    except assembly.IncompleteTranslationError as exc:
        return _refuse(project, task, render.formats, "incomplete", exc.problems)
    fonts.check_coverage(translated, _labels(translated))
    return _Typeset(render, translated, export_timestamp(translated))


def _write_outputs(project: Project, typeset: _Typeset) -> list[ExportResult]:
    """Render the out-of-date formats of one assembled document and write them (in a
    worker process when there are several)."""
    task, results = typeset.render.task, []
    for fmt in typeset.render.formats:
        data = RENDERERS[fmt](typeset.document, typeset.timestamp)
        path = _path(project, task, fmt)
        atomic_write_bytes(path, data)
        _write_stamp(project, task, fmt, typeset.render.keys[fmt], data)
        results.append(
            ExportResult(task.lang, task.doc_id, fmt, path, "written", typeset.document.problems)
        )
    return results


class _Gate:
    """Unwaived check errors per catalog of the final tasks, computed once, when first
    needed (never for drafts or the original)."""

    def __init__(
        self, project: Project, tasks: Sequence[ExportTask], findings: Sequence[Diagnostic] | None
    ) -> None:
        source = project.config.source_language
        self.project = project
        self.final = {task for task in tasks if not task.draft and task.lang != source}
        self.findings = findings
        self._errors: dict[str, tuple[Diagnostic, ...]] | None = None

    def errors(self, task: ExportTask) -> tuple[Diagnostic, ...]:
        if task not in self.final:
            return ()
        if self._errors is None:
            self._errors = self._collect()
        path = self.project.po_path(task.lang, task.doc_id).relative_to(self.project.root)
        return self._errors.get(path.as_posix(), ())

    def _collect(self) -> dict[str, tuple[Diagnostic, ...]]:
        from workflow.checks import analyse_project

        findings = self.findings
        if findings is None:
            langs = sorted({task.lang for task in self.final})
            docs = sorted({task.doc_id for task in self.final})
            results = analyse_project(self.project, langs, docs, missing="skip")
            findings = [item for result in results.values() if result for item in result.findings]
        errors: dict[str, list[Diagnostic]] = {}
        for item in findings:
            if item.counts_as_error():
                errors.setdefault(item.path, []).append(item)
        return {path: tuple(items) for path, items in errors.items()}


def _refuse(
    project: Project,
    task: ExportTask,
    formats: Sequence[str],
    status: ExportStatus,
    problems: Sequence[assembly.Problem | Diagnostic],
) -> list[ExportResult]:
    """Results for a task that may not be published; previous final outputs are removed
    (a draft, marked as one inside, stays)."""
    results = []
    for fmt in formats:
        path = _path(project, task, fmt)
        stamp = stamp_path(project, task.lang, task.doc_id, fmt)
        if not _stamped_draft(stamp):
            path.unlink(missing_ok=True)
            stamp.unlink(missing_ok=True)
        results.append(ExportResult(task.lang, task.doc_id, fmt, path, status, tuple(problems)))
    return results


def _stamped_draft(stamp: Path) -> bool:
    try:
        return json.loads(stamp.read_text("utf-8")).get("draft") is True
    except (OSError, ValueError, AttributeError):
        return False


def _path(project: Project, task: ExportTask, fmt: str) -> Path:
    return project.export_path(task.lang, task.doc_id, fmt)


def _labels(document: assembly.TranslatedDocument) -> list[str]:
    language = document.language
    labels = [language.night(document.number), language.format_date(document.date)]
    return [*labels, draft_notice(document)] if document.draft else labels


def export_timestamp(document: assembly.TranslatedDocument) -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` if set, else the newest input date (front matter, PO revision)."""
    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    day = dt.datetime.combine(document.date, dt.time(), dt.UTC)
    return max(day, document.revised) if document.revised else day


@dataclass(frozen=True)
class SharedInputs:
    """What every output's key shares, hashed once per run: code and library versions,
    settings, ``SOURCE_DATE_EPOCH`` and each language's font files."""

    common: str
    fonts: dict[str, str]

    @classmethod
    def of(cls, project: Project) -> SharedInputs:
        common = "\0".join(
            [
                code_version(),
                project.config.model_dump_json(),
                os.environ.get("SOURCE_DATE_EPOCH", "").strip(),
            ]
        )
        return cls(common, {})

    def font_fingerprint(self, lang: str) -> str:
        if lang not in self.fonts:
            families = languages.get(lang).font_families
            self.fonts[lang] = "\0".join(fonts.resolve(f).fingerprint() for f in families)
        return self.fonts[lang]

    def keys(self, project: Project, task: ExportTask, formats: Sequence[str]) -> dict[str, str]:
        """Hash of every input that shapes each output file of *task* (see the module
        docstring); the source and catalog are read once for all formats."""
        digest = hashlib.sha256()
        for part in (self.common, task.lang, f"draft={task.draft}"):
            digest.update(part.encode("utf-8") + b"\0")
        digest.update(self.font_fingerprint(task.lang).encode("utf-8") + b"\0")
        source = project.source_dir / f"{task.doc_id}.md"
        digest.update(source.relative_to(project.root).as_posix().encode("utf-8") + b"\0")
        digest.update(_file_bytes(source) + b"\0")
        if task.lang != project.config.source_language:
            digest.update(_file_bytes(project.po_path(task.lang, task.doc_id)))
        keys = {}
        for fmt in formats:
            per_format = digest.copy()
            per_format.update(b"\0" + fmt.encode("utf-8"))
            keys[fmt] = per_format.hexdigest()
        return keys


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b"<absent>"
    except OSError as exc:
        raise ExportError(f"cannot read file: {exc.strerror}", path=path) from exc


def stamp_path(project: Project, lang: str, doc_id: str, fmt: str) -> Path:
    """Where the build stamp of one output lives."""
    return project.exports_dir / STAMPS_DIR / lang / f"{doc_id}.{fmt}.json"


def _up_to_date(project: Project, task: ExportTask, fmt: str, key: str) -> bool:
    """The stamp has this key and the output is the file it recorded.

    An output of the recorded size not modified after its stamp was written is trusted
    without reading it; otherwise its SHA-256 must match (a touched but equal file).
    """
    stamp_file = stamp_path(project, task.lang, task.doc_id, fmt)
    output = _path(project, task, fmt)
    try:
        stamp = json.loads(stamp_file.read_text("utf-8"))
        if not isinstance(stamp, dict) or stamp.get("inputs") != key:
            return False
        stat = output.stat()
        if stamp.get("size") == stat.st_size and stat.st_mtime_ns <= stamp_file.stat().st_mtime_ns:
            return True
        return stamp.get("sha256") == hashlib.sha256(output.read_bytes()).hexdigest()
    except (OSError, ValueError):
        return False


def _write_stamp(project: Project, task: ExportTask, fmt: str, key: str, data: bytes) -> None:
    stamp = {
        "inputs": key,
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "draft": task.draft,
    }
    path = stamp_path(project, task.lang, task.doc_id, fmt)
    atomic_write_text(path, json.dumps(stamp, indent=1, sort_keys=True) + "\n")
