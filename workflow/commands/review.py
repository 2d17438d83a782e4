"""``workflow review export|import``: bilingual review documents for Word and LibreOffice."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workflow.commands.common import add_doc_option, add_lang_option, selected_languages
from workflow.exitcodes import EXIT_FINDINGS, EXIT_OK
from workflow.project import Project
from workflow.review.rows import STATES, State

if TYPE_CHECKING:
    from workflow.review.merge import MergeReport


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``review export`` and ``review import``."""
    parser = subparsers.add_parser(
        "review",
        help="bilingual review documents (DOCX) out to reviewers and back into the catalogs",
        description="Export a bilingual review document per catalog for reviewers who work in "
        "Word or LibreOffice, and merge their corrections and comments back (three-way).",
    )
    actions = parser.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write <review-dir>/<lang>/<doc>.docx",
        description="Write review/<lang>/<doc>.docx: one table row per segment with the source, "
        "the translation to edit, its state, glossary terms, check findings and a comment "
        "column.  A review document holding work not yet imported is not replaced.",
    )
    add_lang_option(export)
    add_doc_option(export)
    export.add_argument(
        "--only",
        type=_states,
        metavar="STATES",
        help=f"only segments in these states (comma-separated: {', '.join(STATES)})",
    )
    export.add_argument(
        "--force", action="store_true", help="replace a review document even if not imported"
    )
    export.set_defaults(handler=run_export)
    merge = actions.add_parser(
        "import",
        help="merge a reviewed document into its catalog",
        description="Merge FILE.docx into the catalog it was exported from: the reviewer's "
        "translations (where the catalog did not change since export), comments and Word "
        "comments.  Where both changed, the catalog's text stays, the entry becomes fuzzy and "
        "the reviewer's text is kept in a comment (exit 1).",
    )
    merge.add_argument("file", type=Path, metavar="FILE.docx", help="the reviewed document")
    merge.add_argument(
        "--as",
        dest="as_state",
        choices=("reviewed", "fuzzy"),
        default="reviewed",
        help="state of the translations taken from the reviewer (default: reviewed)",
    )
    merge.add_argument("--dry-run", action="store_true", help="print what would change only")
    merge.set_defaults(handler=run_import)


def _states(value: str) -> list[State]:
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in STATES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown state {value!r}; choose from {', '.join(STATES)}"
        )
    return names  # type: ignore[return-value]


def run_export(args: argparse.Namespace, project: Project) -> int:
    """Export and print one line per document."""
    from workflow.review.run import export_reviews

    with project.lock("review export"):
        results = export_reviews(
            project, selected_languages(args, project), args.docs, args.only, args.force
        )
    for result in results:
        status = "written" if result.written else "unchanged"
        print(f"{status:9} {project.relative(result.path)} ({result.rows} segments)")
    return EXIT_OK


def run_import(args: argparse.Namespace, project: Project) -> int:
    """Import, print one line per row result, exit 1 on conflicts."""
    from workflow.review.run import import_review

    with project.lock("review import"):
        document, report = import_review(project, args.file, args.as_state, args.dry_run)
    print_report(report, document.identity.catalog, str(args.file), args.dry_run)
    return EXIT_FINDINGS if report.problems else EXIT_OK


def print_report(report: MergeReport, catalog: str, shown: str, dry_run: bool) -> None:
    """``FILE:ROW: segment N (catalog:line): outcome: message`` lines, then a summary
    counting what changed (or would) and every problem."""
    from workflow.review.merge import PROBLEMS

    for result in report.results:
        where = f"{catalog}:{result.po_line}" if result.po_line else catalog
        stream = sys.stderr if result.outcome in ("conflict", "stale", "ignored") else sys.stdout
        print(
            f"{shown}:{result.row}: segment {result.segment} ({where}): "
            f"{result.outcome}: {result.message}",
            file=stream,
        )
    for comment in report.stray_comments:
        print(
            f"{shown}: comment outside the segment rows, not imported: {comment}", file=sys.stderr
        )
    counts = {
        outcome: sum(
            1
            for result in report.results
            if result.outcome == outcome and (result.changed or outcome in PROBLEMS)
        )
        for outcome in ("updated", "comment", "conflict", "stale")
    }
    summary = ", ".join(f"{count} {outcome}" for outcome, count in counts.items())
    if dry_run:
        verdict = "dry run: would change the catalog" if report.changed else "dry run: no change"
    else:
        verdict = f"{catalog} written" if report.changed else f"{catalog} unchanged"
    print(f"{summary}; {verdict}")
