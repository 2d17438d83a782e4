"""``workflow glossary``: validate the glossary, export it (TBX, CSV), validate a TBX file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workflow.errors import WorkflowError
from workflow.exitcodes import EXIT_OK
from workflow.fsio import atomic_write_bytes
from workflow.glossary import load_glossary
from workflow.project import Project
from workflow.termbase import read_tbx, to_csv, to_tbx


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "glossary",
        help="validate or export the glossary (TBX, CSV)",
        description="Work with glossary/terms.yaml.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    validate = actions.add_parser(
        "validate",
        help="validate glossary/terms.yaml (and optionally TBX files)",
        description="Load and validate the glossary; with --tbx, also parse TBX files safely.",
    )
    validate.add_argument(
        "--tbx",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="also validate this TBX file (repeatable)",
    )
    validate.set_defaults(handler=run_validate)
    export = actions.add_parser(
        "export",
        help="export the glossary as TBX-Basic or CSV",
        description="Write the glossary as TBX-Basic (for Weblate, OmegaT and other CAT "
        "tools) or CSV with a header row.",
    )
    export.add_argument(
        "--format",
        choices=("tbx", "csv"),
        default="tbx",
        help="tbx: TBX-Basic XML, one concept per term with ja/en/ru/kk terms and the note "
        "(Weblate, OmegaT, Trados); csv: one row per term, columns id,kind,ja,en,ru,kk,note "
        "(spreadsheets); default: tbx",
    )
    export.add_argument(
        "--lang",
        metavar="CODE",
        help="TBX for one target language: ja + CODE only, one entry per pair of forms "
        "(Weblate imports a TBX this way; README: Working in Weblate)",
    )
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="output file (default: stdout)"
    )
    export.set_defaults(handler=run_export)


def run_validate(args: argparse.Namespace, project: Project) -> int:
    glossary = load_glossary(project.glossary_path, project.languages)
    print(f"{project.glossary_path}: {len(glossary.terms)} terms, valid")
    for path in args.tbx:
        print(f"{path}: {len(read_tbx(path))} term entries, valid")
    return EXIT_OK


def run_export(args: argparse.Namespace, project: Project) -> int:
    glossary = load_glossary(project.glossary_path, project.languages)
    if args.format == "tbx":
        title = f"{project.config.project_id} glossary"
        source_lang = project.config.source_language
        target = args.lang and project.require_language(args.lang, source_allowed=False)
        data = to_tbx(glossary, title=title, source_lang=source_lang, target_lang=target)
    elif args.lang:
        raise WorkflowError("--lang applies to TBX only", hint="CSV has a column per language")
    else:
        data = to_csv(glossary).encode("utf-8")
    if args.output:
        atomic_write_bytes(project.output_path(args.output), data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return EXIT_OK
