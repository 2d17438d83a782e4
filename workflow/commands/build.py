"""``workflow build``: update, pretranslate, check and export in one command (the main job).

The stages print as they run; a summary follows: per document and language whether it was
published final, as a draft or refused (and why), the check counts, the files written, and
what the exit status means.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workflow.commands.common import (
    add_doc_option,
    add_format_option,
    add_jobs_option,
    add_lang_option,
    shown_path,
)
from workflow.exitcodes import EXIT_FINDINGS, EXIT_OK
from workflow.export import FORMATS
from workflow.project import Project
from workflow.wording import plural

if TYPE_CHECKING:
    from workflow.build import BuildReport
    from workflow.export.pipeline import ExportResult


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="run the whole pipeline: update, pretranslate, check, export",
        description="Update the catalogs, pre-translate where an MT engine is installed, run "
        "the checks and export PDF and DOCX for the original and every language (as a marked "
        "draft where translations are not all reviewed or have check errors), then print a "
        "summary. Exit 0: every language published and no check error; 1: a language refused "
        "(--final) or check errors; 2: bad input.",
    )
    add_doc_option(parser)
    add_lang_option(parser)
    add_format_option(parser)
    add_jobs_option(parser, "render exports")
    parser.add_argument(
        "--final",
        action="store_true",
        help="refuse languages with unreviewed segments or check errors (removing their "
        "previous exports) instead of exporting drafts",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, project: Project) -> int:
    from workflow.build import build_project

    langs = [project.require_language(lang) for lang in args.langs or project.languages]
    with project.lock("build"):
        report = build_project(
            project,
            [lang for lang in langs if lang != project.config.source_language],
            args.docs,
            args.formats or FORMATS,
            final=args.final,
            export_original=not args.langs or project.config.source_language in langs,
            jobs=args.jobs,
        )
    outcomes = publication_outcomes(report, project.config.source_language)
    errors = sum(item.counts_as_error() for item in report.findings)
    status = EXIT_FINDINGS if errors or any(o.state == "refused" for o in outcomes) else EXIT_OK
    print("\n".join(summary_lines(report, outcomes, status)))
    return status


#: Export statuses that mean a language was not published.
_REFUSALS = ("incomplete", "refused")


@dataclass(frozen=True)
class Outcome:
    """How one document was published in one language."""

    lang: str
    doc: str
    state: str  # original | final | draft | refused
    detail: str  # counts and the reason for a draft or a refusal
    files: tuple[ExportResult, ...]


def publication_outcomes(report: BuildReport, source_language: str) -> list[Outcome]:
    """One :class:`Outcome` per (language, document) exported, in build order."""
    grouped: dict[tuple[str, str], list[ExportResult]] = {}
    for result in report.exports:
        grouped.setdefault((result.lang, result.doc_id), []).append(result)
    progress = {(row.lang, row.doc): row for row in report.progress}
    outcomes = []
    for (lang, doc), results in grouped.items():
        row = progress.get((lang, doc))
        refused = next((r for r in results if r.status in _REFUSALS), None)
        if lang == source_language:
            state, detail = "original", ""
        elif refused is not None and refused.status == "refused":
            state = "refused"
            detail = f"{plural(len(refused.problems), 'check error')}; previous exports removed"
        elif refused is not None:
            total = row.total if row else len(refused.problems)
            state = "refused"
            detail = f"{len(refused.problems)} of {plural(total, 'segment')} not reviewed (--final)"
        elif row is None:
            state, detail = "final", ""
        else:
            state = "draft" if report.drafts.get((lang, doc)) else "final"
            detail = f"{row.reviewed} of {plural(row.total, 'segment')} reviewed"
            left = [f"{row.fuzzy} fuzzy"] * bool(row.fuzzy)
            left += [f"{row.untranslated} untranslated"] * bool(row.untranslated)
            detail += f" ({', '.join(left)})" if left else ""
        written = tuple(r for r in results if r.status not in _REFUSALS)
        outcomes.append(Outcome(lang, doc, state, detail, written))
    return outcomes


def summary_lines(report: BuildReport, outcomes: list[Outcome], status: int) -> list[str]:
    """The closing summary: outcomes with their files, check counts, the exit status."""
    lines = ["", "Summary"]
    for outcome in outcomes:
        head = f"  {outcome.lang}/{outcome.doc}  {outcome.state}"
        lines.append(f"{head}: {outcome.detail}" if outcome.detail else head)
        for result in outcome.files:
            lines.append(f"      {result.status:9} {shown_path(result.path)}")
    errors = sum(item.counts_as_error() for item in report.findings)
    warnings = sum(item.severity == "warning" and not item.waived for item in report.findings)
    waived = sum(item.waived for item in report.findings)
    checks = f"  checks: {plural(errors, 'error')}, {plural(warnings, 'warning')}"
    checks += f", {waived} waived" if waived else ""
    lines.append(checks + (" (list them: workflow check)" if errors or warnings else ""))
    lines.append(_exit_line(outcomes, errors, status))
    return lines


def _exit_line(outcomes: list[Outcome], errors: int, status: int) -> str:
    if status == EXIT_OK:
        drafts = [f"{o.lang}/{o.doc}" for o in outcomes if o.state == "draft"]
        note = f" ({', '.join(drafts)} as draft)" if drafts else ""
        return f"exit {status}: everything published{note}, no check error"
    reasons = [f"{o.lang}/{o.doc} refused" for o in outcomes if o.state == "refused"]
    if errors:
        reasons.append(plural(errors, "check error"))
    return f"exit {status}: {'; '.join(reasons)}"
