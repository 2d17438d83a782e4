"""What the command modules share: the ``--doc``, ``--lang``, ``--format`` and ``--jobs``
options, the languages they select, and how a path is shown in the terminal.  Commands
import this, never :mod:`workflow.cli`."""

from __future__ import annotations

import argparse
from pathlib import Path

from workflow.export import FORMATS
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


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """``--format pdf,docx`` (comma-separated or repeated; default: both)."""
    parser.add_argument(
        "--format",
        action="extend",
        dest="formats",
        type=_formats,
        metavar="FMT",
        help="pdf, docx or both (comma-separated or repeated; default: both)",
    )


def add_jobs_option(parser: argparse.ArgumentParser, work: str) -> None:
    """``--jobs N``: worker processes for *work* (default: all cores)."""
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=None,
        metavar="N",
        help=f"{work} in N worker processes (default: all cores; output is the same)",
    )


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number ≥ 1, not {value!r}")
    return jobs


def _formats(value: str) -> list[str]:
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown format {value!r}; choose from pdf, docx")
    return names
