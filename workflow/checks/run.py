"""Running the rules: per entry, per catalog (waivers, Q201/Q202) and per project.

A project run reads each catalog's bytes once.  Catalogs whose key (catalog bytes, glossary,
``[tool.workflow.check]`` settings, language, code version) is in the result cache
(:mod:`workflow.cache`) are not parsed at all; the others are checked, in parallel worker
processes when there are many, and stored.  Each result also carries the catalog's counts,
so ``workflow status`` reads them from the same cache instead of checking again.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import polib

from workflow.cache import KeyedStore, code_version, content_key
from workflow.checks.context import CheckContext
from workflow.checks.markup import check_addresses, check_markup
from workflow.checks.quantities import check_numbers, check_units
from workflow.checks.rules import GLOSSARY_CODES, RULES, Entry
from workflow.checks.script import (
    check_foreign_words,
    check_full_width,
    check_mixed_script,
    check_same_script_language,
    check_source_script,
)
from workflow.checks.structure import check_length_ratio, check_sentence_count
from workflow.checks.terms import check_glossary
from workflow.checks.typography import (
    check_brackets,
    check_dashes,
    check_doubled_words,
    check_edge_whitespace,
    check_ending,
    check_quotes,
    check_spaces,
)
from workflow.diagnostics import Diagnostic
from workflow.errors import InputError
from workflow.fsio import read_input_bytes
from workflow.glossary import Glossary, load_glossary
from workflow.po import entry_line, is_live, load_po, parse_po_bytes, translation, translation_state
from workflow.project import Project

Check = Callable[[Entry, CheckContext], list[Diagnostic]]

ENTRY_CHECKS: tuple[Check, ...] = (
    check_glossary,
    check_numbers,
    check_units,
    check_brackets,
    check_ending,
    check_mixed_script,
    check_spaces,
    check_edge_whitespace,
    check_doubled_words,
    check_source_script,
    check_foreign_words,
    check_same_script_language,
    check_full_width,
    check_quotes,
    check_dashes,
    check_markup,
    check_addresses,
    check_sentence_count,
    check_length_ratio,
)

WAIVER = re.compile(r"^\s*workflow:\s*ignore\s+(?P<codes>.+?)\s*$", re.MULTILINE)

#: Below this many catalogs to check, worker processes cost more than they save.
PARALLEL_THRESHOLD = 24


def _context(glossary: Glossary | CheckContext | None) -> CheckContext:
    return glossary if isinstance(glossary, CheckContext) else CheckContext(glossary)


def check_entry(entry: Entry, context: CheckContext | Glossary | None) -> list[Diagnostic]:
    """All findings for one reviewed entry (before waivers)."""
    context = _context(context)
    findings: list[Diagnostic] = []
    for check in ENTRY_CHECKS:
        findings += check(entry, context)
    return findings


# --- catalogs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogCounts:
    """Entries of one catalog by state, and a digest of its active msgids (for staleness)."""

    total: int = 0
    reviewed: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    msgids: str = ""


@dataclass(frozen=True)
class CatalogResult:
    """The findings and counts of one catalog."""

    findings: list[Diagnostic] = field(default_factory=list)
    counts: CatalogCounts = field(default_factory=CatalogCounts)

    def as_json(self) -> dict[str, object]:
        return {"findings": [asdict(item) for item in self.findings], "counts": asdict(self.counts)}

    @classmethod
    def from_json(cls, data: dict) -> CatalogResult:
        return cls(
            [Diagnostic(**item) for item in data["findings"]], CatalogCounts(**data["counts"])
        )


def waived_codes(entry: polib.POEntry) -> list[str]:
    """Codes listed in ``# workflow: ignore CODE[, CODE...]`` translator comments."""
    codes: list[str] = []
    for match in WAIVER.finditer(entry.tcomment or ""):
        codes += [code for code in re.split(r"[\s,]+", match.group("codes").upper()) if code]
    return codes


def check_catalog(
    po: polib.POFile, path: str, lang: str, context: CheckContext | Glossary | None
) -> list[Diagnostic]:
    """Findings for one catalog; *path* is how the file is named in the findings."""
    return analyse_catalog(po, path, lang, _context(context)).findings


def analyse_catalog(po: polib.POFile, path: str, lang: str, context: CheckContext) -> CatalogResult:
    """Findings and counts of one catalog.

    Reviewed entries are checked; every untranslated (Q201) and fuzzy (Q202) entry is one
    info finding at its own line.
    """
    findings: list[Diagnostic] = []
    pending: dict[str, list[polib.POEntry]] = {"Q201": [], "Q202": []}
    active = [entry for entry in po if is_live(entry)]
    for po_entry in active:
        state = translation_state(po_entry)
        if state == "untranslated":
            pending["Q201"].append(po_entry)
        elif state == "fuzzy":
            pending["Q202"].append(po_entry)
        else:
            findings += _check_reviewed(po_entry, path, lang, context)
    for code, entries in pending.items():
        what = RULES[code].name
        findings += [
            Diagnostic(
                path,
                entry_line(entry),
                code,
                RULES[code].severity,
                f"{what} entry ({index} of {len(entries)}; the catalog has {len(active)})",
            )
            for index, entry in enumerate(entries, start=1)
        ]
    counts = CatalogCounts(
        total=len(active),
        reviewed=len(active) - len(pending["Q201"]) - len(pending["Q202"]),
        fuzzy=len(pending["Q202"]),
        untranslated=len(pending["Q201"]),
        obsolete=sum(1 for entry in po if entry.obsolete),
        msgids=msgids_digest(entry.msgid for entry in active),
    )
    return CatalogResult(findings, counts)


def _check_reviewed(
    po_entry: polib.POEntry, path: str, lang: str, context: CheckContext
) -> list[Diagnostic]:
    """The findings of a reviewed entry; a plural entry's forms are checked one by one (each
    against its msgid or msgid_plural), a finding repeated by several forms listed once."""
    line = entry_line(po_entry)
    findings: dict[tuple[str, str], Diagnostic] = {}
    for source, form in _forms(po_entry):
        entry = Entry(path, line, source, form, lang)
        for item in _apply_waivers(po_entry, entry, check_entry(entry, context)):
            findings.setdefault((item.code, item.message), item)
    return list(findings.values())


def _forms(entry: polib.POEntry) -> list[tuple[str, str]]:
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    return [
        (entry.msgid if index == 0 else entry.msgid_plural, entry.msgstr_plural[index])
        for index in sorted(entry.msgstr_plural)
    ]


def msgids_digest(msgids: Iterable[str]) -> str:
    """Order-independent digest of a set of msgids (catalog vs source segments)."""
    return content_key(*sorted(set(msgids)))


def _apply_waivers(
    po_entry: polib.POEntry, entry: Entry, findings: list[Diagnostic]
) -> list[Diagnostic]:
    codes = waived_codes(po_entry)
    if not codes:
        return findings
    result = [item.waive() if item.code in codes else item for item in findings]
    for code in codes:
        if code not in RULES:
            result.append(
                entry.finding(
                    "W001",
                    f"waiver names unknown code {code}",
                    hint=f"known codes: {', '.join(sorted(RULES))}",
                )
            )
    return result


# --- projects --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    """One catalog to check: its language, shown path, real path and bytes."""

    lang: str
    shown: str
    path: Path
    data: bytes


def check_project(
    project: Project,
    langs: Iterable[str],
    doc_ids: list[str] | None = None,
    glossary: Glossary | None = None,
    *,
    use_cache: bool = True,
    jobs: int | None = None,
) -> list[Diagnostic]:
    """Findings for every catalog ``locales/<lang>/<doc>.po`` of *langs* (and documents).

    The glossary is loaded from the project unless given; a missing catalog is an error.
    """
    if glossary is None and not project.glossary_path.exists():
        load_glossary(project.glossary_path, project.languages)  # the error names the missing file
    results = analyse_project(
        project, langs, doc_ids, glossary, use_cache=use_cache, jobs=jobs, missing="error"
    )
    return [item for result in results.values() if result for item in result.findings]


def analyse_project(
    project: Project,
    langs: Iterable[str],
    doc_ids: list[str] | None = None,
    glossary: Glossary | None = None,
    *,
    use_cache: bool = True,
    jobs: int | None = None,
    missing: str = "error",
) -> dict[tuple[str, str], CatalogResult | None]:
    """``(lang, doc) → result`` for every selected catalog, in language then document order.

    A missing catalog raises :class:`InputError` (``missing="error"``) or maps to ``None``.
    Results come from the cache where the key matches; the rest are checked (in *jobs*
    worker processes, default: one per core, when there are many) and stored.  The glossary
    is read from the project unless given, and parsed only when a catalog needs checking.
    """
    store = KeyedStore(project.root, "check", enabled=use_cache)
    base_key = _base_key(project, glossary)
    locales = project.locales_dir
    shown_locales = project.relative(locales)
    results: dict[tuple[str, str], CatalogResult | None] = {}
    todo: dict[tuple[str, str], tuple[_Job, str]] = {}
    for lang in langs:
        for doc in (path.stem for path in project.source_paths(doc_ids)):
            shown = f"{shown_locales}/{lang}/{doc}.po"
            try:
                digest, data = store.file_digest(shown, os.path.join(locales, lang, f"{doc}.po"))
            except OSError:
                results[(lang, doc)] = _missing(project.po_path(lang, doc), missing)
                continue
            key = content_key(base_key, lang, shown, digest)
            cached = store.get(shown, key)
            results[(lang, doc)] = CatalogResult.from_json(cached) if cached else None
            if cached is None:
                path = project.po_path(lang, doc)
                data = data if data is not None else read_input_bytes(path, "PO file")
                todo[(lang, doc)] = (_Job(lang, shown, path, data), key)
    if todo:
        if glossary is None and project.glossary_path.exists():
            glossary = load_glossary(project.glossary_path, project.languages)
        context = CheckContext(glossary, project.config.check)
        by_document = sorted(todo, key=lambda slot: slot[1])  # a source's languages together
        jobs_in_order = [todo[slot][0] for slot in by_document]
        for slot, result in zip(by_document, _run_jobs(jobs_in_order, context, jobs), strict=True):
            job, key = todo[slot]
            results[slot] = result
            store.put(job.shown, key, result.as_json())
    store.save()
    return results


def _missing(path: Path, missing: str) -> CatalogResult | None:
    """A catalog that does not exist: an error, or ``None`` (``missing="skip"``)."""
    if missing == "error":
        raise InputError(
            "catalog not found", path=path, hint="run 'workflow update' to create the catalogs"
        )
    return None


def _base_key(project: Project, glossary: Glossary | None) -> str:
    """What every catalog's key shares: code version, glossary, settings."""
    if glossary is not None:
        terms = glossary.model_dump_json().encode("utf-8")
    else:
        try:
            terms = project.glossary_path.read_bytes()
        except OSError:
            terms = b""
    return content_key(code_version(), terms, project.config.model_dump_json())


def _run_jobs(jobs: list[_Job], context: CheckContext, workers: int | None) -> list[CatalogResult]:
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(jobs) < PARALLEL_THRESHOLD:
        return [_check_job(job, context) for job in jobs]
    chunk = max(1, len(jobs) // (workers * 4))
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_init_worker,
        initargs=(context,),
    )
    with pool:
        return list(pool.map(_check_job_in_worker, jobs, chunksize=chunk))


_WORKER_CONTEXT: CheckContext | None = None


def _init_worker(context: CheckContext) -> None:
    global _WORKER_CONTEXT
    _WORKER_CONTEXT = context


def _check_job_in_worker(job: _Job) -> CatalogResult:
    assert _WORKER_CONTEXT is not None
    return _check_job(job, _WORKER_CONTEXT)


def _check_job(job: _Job, context: CheckContext) -> CatalogResult:
    return analyse_catalog(parse_po_bytes(job.data, job.path), job.shown, job.lang, context)


def reviewed_pairs(
    project: Project, lang: str, doc_ids: list[str] | None = None
) -> list[tuple[str, str]]:
    """(source, translation) of every reviewed entry of *lang* (for calibration)."""
    pairs = []
    for source in project.source_paths(doc_ids):
        po_path = project.po_path(lang, source.stem)
        if not po_path.is_file():
            continue
        for entry in load_po(po_path):
            if is_live(entry) and translation_state(entry) == "reviewed":
                pairs.append((entry.msgid, translation(entry)))
    return pairs


def glossary_findings_count(findings: Iterable[Diagnostic]) -> int:
    """Unwaived glossary findings (G001, G002) among *findings*."""
    return sum(1 for item in findings if item.code in GLOSSARY_CODES and not item.waived)
