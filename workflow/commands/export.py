"""``workflow export``: publish documents as PDF and DOCX under ``exports/<lang>/``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from workflow.commands.common import add_doc_option, add_format_option, add_jobs_option, shown_path
from workflow.exitcodes import EXIT_FINDINGS, EXIT_OK
from workflow.export import FORMATS
from workflow.project import Project
from workflow.wording import plural

if TYPE_CHECKING:
    from workflow.export.pipeline import ExportResult


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` command."""
    parser = subparsers.add_parser(
        "export",
        help="write PDF and DOCX exports from reviewed translations",
        description=(
            "Assemble each document from its PO catalog and write exports/<lang>/<doc>.pdf and"
            " .docx.  Only reviewed translations are used; a language with missing or fuzzy"
            " segments or with check errors is refused (exit 1) and its previous exports are"
            " removed, unless --draft is given."
        ),
    )
    parser.add_argument(
        "--lang",
        action="append",
        dest="langs",
        metavar="CODE",
        help="only this language; repeatable; the source language exports the original"
        " (default: all target languages)",
    )
    add_format_option(parser)
    parser.add_argument(
        "--draft",
        action="store_true",
        help="include fuzzy and untranslated segments, visibly marked, with a draft notice",
    )
    add_doc_option(parser)
    add_jobs_option(parser, "render exports")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, project: Project) -> int:
    """Export, print one line per file, and list what keeps refused languages back."""
    from workflow.export.pipeline import export_project

    langs = [project.require_language(lang) for lang in args.langs or project.languages]
    formats = list(dict.fromkeys(args.formats or FORMATS))
    with project.lock("export"):
        results = export_project(project, langs, formats, args.docs, args.draft, args.jobs)
    return report(results, draft=args.draft)


#: Why an export status refuses a language: (what is counted, what follows).
REFUSAL_REASONS = {
    "incomplete": ("segment", " not reviewed"),
    "refused": ("check error", "; previous exports removed (see workflow check)"),
}


def report(results: list[ExportResult], *, draft: bool = False) -> int:
    """Print the results; exit 1 if any language was refused (incomplete or check errors).

    A file written with unreviewed segments says ``(draft)``, as ``build`` does.
    """
    refused: set[tuple[str, str]] = set()
    for result in results:
        if result.status in REFUSAL_REASONS:
            if (result.lang, result.doc_id) not in refused:
                refused.add((result.lang, result.doc_id))
                counted, reason = REFUSAL_REASONS[result.status]
                print(
                    f"refused {result.lang}/{result.doc_id}: "
                    f"{plural(len(result.problems), counted)}{reason}"
                    " (use --draft to export anyway)",
                    file=sys.stderr,
                )
                for problem in result.problems:
                    print(f"  {problem}", file=sys.stderr)
        else:
            marked = draft and result.status == "written" and result.problems
            status = f"{result.status} (draft)" if marked else result.status
            print(f"{status:9} {shown_path(result.path)}")
    return EXIT_FINDINGS if refused else EXIT_OK
