"""``workflow status``: reviewed / fuzzy / untranslated counts per document and language."""

from __future__ import annotations

import argparse
import json

from workflow.commands.common import add_doc_option, add_lang_option, selected_languages
from workflow.project import Project
from workflow.status import format_table, project_status


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "status",
        help="show translation progress per document and language",
        description="Count reviewed (translated, not fuzzy), fuzzy and untranslated segments "
        "in every PO file, and glossary findings (shared with 'workflow check' through the "
        "result cache).",
    )
    add_doc_option(parser)
    add_lang_option(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="read every catalog again instead of reusing results from .workflow-cache/",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, project: Project) -> int:
    rows = project_status(
        project, args.docs, selected_languages(args, project), use_cache=not args.no_cache
    )
    if args.json:
        print(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
    else:
        print(format_table(rows))
    return 0
