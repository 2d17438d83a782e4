"""``workflow build``: update, pretranslate, check and export in one command (the main job)."""

from __future__ import annotations

import argparse

from workflow.build import build_project
from workflow.cli import EXIT_FINDINGS, EXIT_OK, add_doc_option, add_lang_option
from workflow.commands.export import add_format_option, add_jobs_option
from workflow.export.pipeline import FORMATS
from workflow.project import Project


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="run the whole pipeline: update, pretranslate, check, export",
        description="Update the catalogs, pre-translate where an MT engine is installed, run "
        "the checks and export PDF and DOCX for the original and every language (as a marked "
        "draft where translations are not all reviewed).",
    )
    add_doc_option(parser)
    add_lang_option(parser)
    add_format_option(parser)
    add_jobs_option(parser)
    parser.add_argument(
        "--final",
        action="store_true",
        help="refuse languages with unreviewed segments instead of exporting drafts",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, project: Project) -> int:
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
    failed = any(item.counts_as_error() for item in report.findings) or any(
        result.status == "incomplete" for result in report.exports
    )
    return EXIT_FINDINGS if failed else EXIT_OK
