"""``workflow pretranslate``: fill empty translations from memory and machine translation."""

from __future__ import annotations

import argparse

from workflow.commands.common import add_doc_option, add_lang_option, selected_languages
from workflow.pretranslate import ENGINE_CHOICES, pretranslate_project
from workflow.project import Project


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "pretranslate",
        help="fill untranslated entries (empty or blank msgstr) from translation memory, "
        "then machine translation (as fuzzy)",
        description="Fill only empty translations of locales/<lang>/<doc>.po: first from "
        "reviewed translations of the language (exact, then similar sentences), then by "
        "machine translation. Everything written is fuzzy and says where it came from in a "
        "translator comment; existing translations are never changed.",
    )
    add_lang_option(parser)
    add_doc_option(parser)
    parser.add_argument(
        "--engine",
        choices=ENGINE_CHOICES,
        default="auto",
        help="auto: the configured engine, memory only if none is installed (default); "
        "none: memory only",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, project: Project) -> int:
    langs = selected_languages(args, project)
    with project.lock("pretranslate"):
        summary = pretranslate_project(project, langs, args.docs, engine=args.engine)
    print(summary.format())
    return 0
