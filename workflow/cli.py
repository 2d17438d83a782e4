"""Command-line interface: ``workflow <command>``; ``main(argv) -> int`` never raises.

Each command lives in ``workflow/commands/<name>.py`` with ``register(subparsers)``,
which adds its parser and sets ``handler(args, project) -> int``.  Exit codes:
0 success, 1 findings (checks failed, translations incomplete), 2 bad input or usage,
130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from workflow import __version__
from workflow.errors import WorkflowError
from workflow.project import Project

#: Commands in pipeline order, as shown by ``workflow --help``.
COMMAND_MODULES = (
    "update",
    "pretranslate",
    "check",
    "export",
    "build",
    "status",
    "review",
    "glossary",
    "models",
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every command registered."""
    parser = argparse.ArgumentParser(
        prog="workflow",
        description="Segment, translate (PO catalogs), check and publish the essay.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--project",
        type=Path,
        default=None,
        metavar="DIR",
        help="project folder (default: the nearest folder with [tool.workflow] in pyproject.toml)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"workflow.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and usage errors
        return int(exc.code or 0)
    try:
        project = Project.open(args.project) if args.project else Project.discover()
        return int(args.handler(args, project))
    except WorkflowError as exc:
        print(f"workflow: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:  # a file operation outside the readers and writers of fsio
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"workflow: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("workflow: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def add_doc_option(parser: argparse.ArgumentParser) -> None:
    """``--doc ID`` (repeatable): restrict a command to some documents."""
    parser.add_argument(
        "--doc",
        action="append",
        dest="docs",
        metavar="ID",
        help="only this document (file stem under sources/<lang>/); repeatable",
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
