"""What the command modules share: the ``--doc`` and ``--lang`` options, the languages they
select, and how a path is shown in the terminal.  Commands import this, never
:mod:`workflow.cli`."""

from __future__ import annotations

import argparse
from pathlib import Path

from workflow.project import Project


def add_doc_option(parser: argparse.ArgumentParser) -> None:
    """``--doc ID`` (repeatable): restrict a command to some documents."""
    parser.add_argument(
        "--doc",
        action="append",
        dest="docs",
        metavar="ID",
        help="only this document: the file stem of a source, e.g. 118 for sources/ja/118.md;"
        " repeatable (default: all documents)",
    )


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """``--lang CODE`` (repeatable): restrict a command to some target languages."""
    parser.add_argument(
        "--lang",
        action="append",
        dest="langs",
        metavar="CODE",
        help="only this target language; repeatable (default: all)",
    )


def selected_languages(args: argparse.Namespace, project: Project) -> list[str]:
    """The languages named by ``--lang`` (validated), or all target languages."""
    langs = getattr(args, "langs", None) or list(project.languages)
    return [project.require_language(lang, source_allowed=False) for lang in langs]


def shown_path(path: Path) -> str:
    """*path* as a user can click it in the terminal: relative to the current folder when it
    lies inside it, absolute otherwise."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(absolute)
