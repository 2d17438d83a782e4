"""``workflow check``: glossary and QA checks over the PO catalogs (the CI gate).

Exit 0 when no unwaived error remains, 1 otherwise (``--strict`` counts warnings as errors).
``--calibrate`` prints the length-ratio bounds (Q115) recomputed from the reviewed entries.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workflow.checks import RULES, check_project
from workflow.checks.run import reviewed_pairs
from workflow.checks.structure import calibrate
from workflow.commands.common import (
    add_doc_option,
    add_jobs_option,
    add_lang_option,
    selected_languages,
)
from workflow.diagnostics import Diagnostic, render_json, render_sarif, render_text
from workflow.exitcodes import EXIT_FINDINGS, EXIT_OK
from workflow.fsio import atomic_write_text
from workflow.project import Project


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check translations against the glossary and for QA problems",
        description="Check every reviewed entry of locales/<lang>/<doc>.po: glossary terms "
        "(inflected forms accepted), numbers, units, URLs, quotes, dashes, brackets, end "
        "punctuation, scripts, full-width characters, markup, spacing, doubled words, "
        "sentence count and length; list untranslated and fuzzy entries. Waive a finding on "
        "an entry with the translator comment '# workflow: ignore CODE'.",
    )
    add_doc_option(parser)
    add_lang_option(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json", "sarif"),
        default="text",
        help="report format (default: text; sarif for code-scanning uploads)",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write the report to FILE instead of standard output",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="check every catalog again instead of reusing results from .workflow-cache/",
    )
    add_jobs_option(parser, "check catalogs")
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="print the length-ratio bounds (Q115) computed from the reviewed entries, as a "
        "[tool.workflow.check.length-ratio] table for pyproject.toml, and check nothing",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, project: Project) -> int:
    output = project.output_path(args.output) if args.output else None  # refused before work
    langs = selected_languages(args, project)
    if args.calibrate:
        sys.stdout.write(calibration_table(project, langs, args.docs))
        return EXIT_OK
    findings = check_project(project, langs, args.docs, use_cache=not args.no_cache, jobs=args.jobs)
    if args.strict:
        findings = [item.strict() for item in findings]
    report = render(findings, args.format)
    if output is not None:
        atomic_write_text(output, report)
    else:
        sys.stdout.write(report)
    return EXIT_FINDINGS if any(item.counts_as_error() for item in findings) else EXIT_OK


def calibration_table(project: Project, langs: list[str], docs: list[str] | None) -> str:
    """The ``[tool.workflow.check.length-ratio]`` TOML table for *langs*."""
    lines = ["[tool.workflow.check.length-ratio]"]
    for lang in langs:
        result = calibrate(lang, reviewed_pairs(project, lang, docs))
        if result is None:
            lines.append(f"# {lang}: fewer than 10 reviewed entries, built-in bounds apply")
        else:
            lines.append(
                f"{lang} = [{result.low}, {result.high}]  # from {result.entries} reviewed entries"
            )
    return "\n".join(lines) + "\n"


def render(findings: list[Diagnostic], fmt: str) -> str:
    """The report in *fmt* (``text``, ``json`` or ``sarif``)."""
    if fmt == "json":
        return render_json(findings)
    if fmt == "sarif":
        return render_sarif(findings, RULES)
    return render_text(findings)
