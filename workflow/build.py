"""The main job: every stage in pipeline order, for editors and for ``.ci/build``.

update → pretranslate (languages with an installed engine) → check → export.  Each language
is exported final when every segment is reviewed, otherwise as a marked draft (``final``
refuses instead).  The Japanese original is exported too unless languages are chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from workflow.catalog import update_project
from workflow.checks import check_project
from workflow.diagnostics import Diagnostic
from workflow.errors import ModelError
from workflow.export.pipeline import ExportResult, ExportTask, export_tasks
from workflow.mt.engines import open_engine
from workflow.pretranslate import pretranslate_project
from workflow.project import Project
from workflow.status import CatalogStatus, project_status
from workflow.wording import plural


@dataclass
class BuildReport:
    """What the build found and wrote (its lines go to ``echo`` as each stage ends)."""

    findings: list[Diagnostic] = field(default_factory=list)
    exports: list[ExportResult] = field(default_factory=list)
    progress: list[CatalogStatus] = field(default_factory=list)  # after pretranslate
    drafts: dict[tuple[str, str], bool] = field(default_factory=dict)  # (lang, doc) → draft?


def build_project(
    project: Project,
    langs: Sequence[str],
    docs: list[str] | None,
    formats: Sequence[str],
    *,
    final: bool = False,
    export_original: bool = True,
    jobs: int | None = None,
    echo: Callable[[str], None] = print,
) -> BuildReport:
    """Run every stage; the caller holds the project lock.  Exports render in *jobs*
    worker processes (None: all cores)."""
    report = BuildReport()

    def say(stage: str, text: str) -> None:
        echo(f"{stage:12} {text}")

    for line in _update(project, langs, docs):
        say("update", line)
    for line in _pretranslate(project, langs, docs):
        say("pretranslate", line)
    report.findings = check_project(project, langs, docs)
    errors = sum(item.counts_as_error() for item in report.findings)
    warnings = sum(item.severity == "warning" and not item.waived for item in report.findings)
    say("check", f"{plural(errors, 'error')}, {plural(warnings, 'warning')}")
    export_langs = [*([project.config.source_language] if export_original else []), *langs]
    report.progress = project_status(project, docs, list(langs), glossary_checks=False)
    drafts = report.drafts = _draft_modes(report.progress, final, report.findings)
    doc_ids = [path.stem for path in project.source_paths(docs)]
    tasks = [
        ExportTask(lang, doc_id, drafts.get((lang, doc_id), False))
        for lang in export_langs
        for doc_id in doc_ids
    ]
    results = export_tasks(project, tasks, formats, jobs, report.findings)
    report.exports += results
    by_task: dict[tuple[str, str], list[ExportResult]] = {}
    for result in results:
        by_task.setdefault((result.lang, result.doc_id), []).append(result)
    for (lang, doc_id), done in by_task.items():
        mode = " (draft)" if drafts.get((lang, doc_id)) else ""
        say("export", f"{lang}/{doc_id}{mode}: {_statuses(done)}")
        refused = next((r for r in done if r.status in ("incomplete", "refused")), None)
        if refused is not None:
            label = "not reviewed" if refused.status == "incomplete" else "check error"
            for problem in refused.problems:
                say("", f"  {label}: {problem}")
    return report


def _statuses(results: list[ExportResult]) -> str:
    """``pdf written, docx unchanged``."""
    return ", ".join(f"{result.fmt} {result.status}" for result in results)


def _update(project: Project, langs: Sequence[str], docs: list[str] | None) -> list[str]:
    """One line of counts, then one per rewritten file saying what changed in it."""
    changes = update_project(project, docs, list(langs))
    catalogs = [change for change in changes if change.path.suffix == ".po"]
    updated = sum(change.written for change in catalogs)
    templates = len(changes) - len(catalogs)
    templates_updated = sum(change.written for change in changes) - updated
    lines = [
        f"catalogs: {updated} updated, {len(catalogs) - updated} unchanged; "
        f"templates: {templates_updated} updated, {templates - templates_updated} unchanged"
    ]
    lines += [f"  {project.relative(c.path)}: {c.describe()}" for c in changes if c.written]
    return lines


def _pretranslate(project: Project, langs: Sequence[str], docs: list[str] | None) -> list[str]:
    pending = _untranslated_by_language(project, langs, docs)
    lines, ready = [], []
    for lang in langs:
        if not pending.get(lang):
            lines.append(f"{lang}: nothing to fill")
            continue
        try:
            open_engine(project, lang)
        except ModelError as exc:
            lines.append(
                f"warning: {lang}: machine translation skipped, "
                f"{plural(pending[lang], 'untranslated segment')} left as they are: {exc}"
            )
        else:
            ready.append(lang)
    if ready:  # one run for all languages: shared stages (ja→en, the pivot) run once
        lines += pretranslate_project(project, ready, docs).format().splitlines()
    return lines


def _untranslated_by_language(
    project: Project, langs: Sequence[str], docs: list[str] | None
) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in project_status(project, docs, list(langs), glossary_checks=False):
        counts[row.lang] = counts.get(row.lang, 0) + row.untranslated
    return counts


def _draft_modes(
    rows: list[CatalogStatus], final: bool, findings: Sequence[Diagnostic]
) -> dict[tuple[str, str], bool]:
    """``(lang, doc_id) → draft?``: draft where not every segment is reviewed or the check
    found errors (unless final: then export refuses)."""
    failing = {item.path for item in findings if item.counts_as_error()}
    return {
        (row.lang, row.doc): not final and (row.reviewed < row.total or row.path in failing)
        for row in rows
    }
