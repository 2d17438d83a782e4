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
from workflow.export.pipeline import ExportResult, ExportTask, export_tasks
from workflow.mt.engines import available_engine
from workflow.pretranslate import pretranslate_project
from workflow.project import Project
from workflow.status import project_status


@dataclass
class BuildReport:
    """What the build did, stage by stage, as lines for the terminal."""

    lines: list[str] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)
    exports: list[ExportResult] = field(default_factory=list)

    def say(self, stage: str, text: str) -> None:
        self.lines.append(f"{stage:12} {text}")


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
    changes = update_project(project, docs, list(langs))
    written = sum(change.written for change in changes)
    report.say("update", f"{written} catalog(s) updated, {len(changes) - written} unchanged")
    echo(report.lines[-1])
    for line in _pretranslate(project, langs, docs):
        report.say("pretranslate", line)
        echo(report.lines[-1])
    report.findings = check_project(project, langs, docs)
    errors = sum(item.counts_as_error() for item in report.findings)
    warnings = sum(item.severity == "warning" and not item.waived for item in report.findings)
    report.say("check", f"{errors} error(s), {warnings} warning(s) (details: workflow check)")
    echo(report.lines[-1])
    export_langs = [*([project.config.source_language] if export_original else []), *langs]
    drafts = _draft_modes(project, langs, docs, final)
    tasks = [
        ExportTask(lang, doc_id, drafts.get((lang, doc_id), False))
        for lang in export_langs
        for doc_id in (path.stem for path in project.source_paths(docs))
    ]
    results = export_tasks(project, tasks, formats, jobs)
    report.exports += results
    refused: set[tuple[str, str]] = set()
    for result in results:
        draft = drafts.get((result.lang, result.doc_id), False)
        mode = " (draft)" if draft and result.status == "written" else ""
        report.say("export", f"{result.status}{mode} {result.path.relative_to(project.root)}")
        echo(report.lines[-1])
        if result.status == "incomplete" and (result.lang, result.doc_id) not in refused:
            refused.add((result.lang, result.doc_id))
            for problem in result.problems:
                report.say("", f"  not reviewed: {problem}")
                echo(report.lines[-1])
    return report


def _pretranslate(project: Project, langs: Sequence[str], docs: list[str] | None) -> list[str]:
    pending = _untranslated_by_language(project, langs, docs)
    lines, ready = [], []
    for lang in langs:
        if not pending.get(lang):
            lines.append(f"{lang}: nothing to fill")
        elif available_engine(project, lang) is None:
            lines.append(
                f"{lang}: {pending[lang]} untranslated segment(s) left as they are: no MT engine "
                "for this language (see README, Machine pre-translation)"
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
    project: Project, langs: Sequence[str], docs: list[str] | None, final: bool
) -> dict[tuple[str, str], bool]:
    """``(lang, doc_id) → draft?``: draft where not every segment is reviewed (unless final)."""
    rows = project_status(project, docs, list(langs), glossary_checks=False)
    return {(row.lang, row.doc): not final and row.reviewed < row.total for row in rows}
