"""Command-line interface: ``workflow <command>``; ``main(argv) -> int`` never raises.

Each command lives in ``workflow/commands/<name>.py`` with ``register(subparsers)``,
which adds its parser and sets ``handler(args, project) -> int``.  Exit codes:
0 success, 1 findings (checks failed, translations incomplete), 2 bad input or usage,
130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import os
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
#: Exit status of a process killed by SIGPIPE, as a shell reports it (128 + 13).
EXIT_BROKEN_PIPE = 141


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
        status = int(args.handler(args, project))
        sys.stdout.flush()  # a closed pipe shows up here when the output was buffered
        return status
    except BrokenPipeError:
        return _quiet_broken_pipe()
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


def shown_path(path: Path) -> str:
    """*path* as a user can click it in the terminal: relative to the current folder when it
    lies inside it, absolute otherwise."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(absolute)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 segment``, ``2 segments``."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def _quiet_broken_pipe() -> int:
    """The reader of standard output went away (``workflow status --json | head -1``): stop
    quietly, as Unix tools killed by SIGPIPE do.  Standard output is pointed at /dev/null so
    the interpreter's final flush does not complain either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE


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
