"""``workflow pretranslate``: fill untranslated entries from memory and machine translation."""

from __future__ import annotations

import argparse

from workflow.commands.common import add_doc_option, add_lang_option, selected_languages
from workflow.mt.registry import AUTO, ENGINES, MEMORY_ONLY, engine_choices
from workflow.pretranslate import pretranslate_project
from workflow.project import Project


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "pretranslate",
        help="fill untranslated entries (empty or blank msgstr) from translation memory, "
        "then machine translation (as fuzzy)",
        description="Fill only untranslated entries (empty or whitespace-only msgstr) of "
        "locales/<lang>/<doc>.po: first from "
        "reviewed translations of the language (exact, then similar sentences), then by "
        "machine translation. Everything written is fuzzy and says where it came from in a "
        "translator comment; existing translations are never changed.",
    )
    add_lang_option(parser)
    add_doc_option(parser)
    parser.add_argument(
        "--engine",
        choices=engine_choices(),
        default=AUTO,
        help=f"{AUTO}: the configured engine, memory only if none is installed (default); "
        + "; ".join(f"{info.name}: {info.summary}" for info in ENGINES.values())
        + f"; {MEMORY_ONLY}: memory only",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, project: Project) -> int:
    langs = selected_languages(args, project)
    with project.lock("pretranslate"):
        summary = pretranslate_project(project, langs, args.docs, engine=args.engine)
    print(summary.format())
    return 0
