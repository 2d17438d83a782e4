"""``workflow update``: source documents → POT → merged PO per language."""

from __future__ import annotations

import argparse

from workflow.catalog import update_project
from workflow.commands.common import add_doc_option, add_lang_option, selected_languages, shown_path
from workflow.project import Project


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "update",
        help="extract segments into locales/<doc>.pot and merge them into each PO file",
        description="Segment the sources, write the POT and merge it into locales/<lang>/<doc>.po "
        "like msgmerge: translations are kept, changed sentences become fuzzy, removed ones "
        "obsolete. Files whose content did not change are not rewritten. Prints per catalog the "
        "entries that are new, fuzzy (to review), obsolete, revived or removed.",
    )
    add_doc_option(parser)
    add_lang_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, project: Project) -> int:
    langs = selected_languages(args, project)
    with project.lock("update"):
        changes = update_project(project, args.docs, langs)
    for change in changes:
        state = "updated" if change.written else "unchanged"
        detail = change.describe()
        print(f"{state:9} {shown_path(change.path)}" + (f": {detail}" if detail else ""))
    return 0
