"""``workflow check``: glossary and QA checks over the PO catalogs (the CI gate).

Exit 0 when no unwaived error remains, 1 otherwise (``--strict`` counts warnings as errors).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workflow.checks import RULES, check_project
from workflow.cli import EXIT_FINDINGS, EXIT_OK, add_doc_option, add_lang_option, selected_languages
from workflow.diagnostics import Diagnostic, render_json, render_sarif, render_text
from workflow.fsio import atomic_write_text
from workflow.project import Project


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check translations against the glossary and for QA problems",
        description="Check every reviewed entry of locales/<lang>/<doc>.po: glossary terms "
        "(inflected forms accepted), numbers, quotes and brackets, end punctuation, mixed "
        "scripts, doubled spaces; count untranslated and fuzzy entries. Waive a finding on an "
        "entry with the translator comment '# workflow: ignore CODE'.",
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
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, project: Project) -> int:
    findings = check_project(project, selected_languages(args, project), args.docs)
    if args.strict:
        findings = [item.strict() for item in findings]
    report = render(findings, args.format)
    if args.output:
        atomic_write_text(project.output_path(args.output), report)
    else:
        sys.stdout.write(report)
    return EXIT_FINDINGS if any(item.counts_as_error() for item in findings) else EXIT_OK


def render(findings: list[Diagnostic], fmt: str) -> str:
    """The report in *fmt* (``text``, ``json`` or ``sarif``)."""
    if fmt == "json":
        return render_json(findings)
    if fmt == "sarif":
        return render_sarif(findings, RULES)
    return render_text(findings)
