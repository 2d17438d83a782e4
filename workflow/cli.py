"""Command-line interface: ``workflow <command>``; ``main(argv) -> int`` never raises.

Each command lives in ``workflow/commands/<name>.py`` with ``register(subparsers)``,
which adds its parser and sets ``handler(args, project) -> int``; the options and helpers
commands share are in :mod:`workflow.commands.common`, the exit codes in
:mod:`workflow.exitcodes` (0 success, 1 findings, 2 bad input or usage, 130 interrupted).
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
from workflow.exitcodes import EXIT_BROKEN_PIPE, EXIT_ERROR, EXIT_INTERRUPTED
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


def _quiet_broken_pipe() -> int:
    """The reader of standard output went away (``workflow status --json | head -1``): stop
    quietly, as Unix tools killed by SIGPIPE do.  Standard output is pointed at /dev/null so
    the interpreter's final flush does not complain either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE
