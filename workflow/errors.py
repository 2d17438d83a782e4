"""One error tree for the whole workflow.

Every error names the file (and line when known) and says what to do; the CLI prints
``str(error)`` as a single line and exits non-zero, never with a traceback.
"""

from __future__ import annotations

from pathlib import Path


class WorkflowError(Exception):
    """Base class: a problem the user can fix, described in one line."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.hint = hint

    def location(self) -> str:
        """``path:line`` (or just ``path``) of the offending input, or ``""``."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def __str__(self) -> str:
        where = self.location()
        text = f"{where}: {self.message}" if where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class InputError(WorkflowError):
    """A source, PO, glossary or other input file is malformed or unreadable."""


class ConfigError(WorkflowError):
    """The ``[tool.workflow]`` settings are invalid."""


class LockedError(WorkflowError):
    """Another workflow run holds the project lock."""


class ExportError(WorkflowError):
    """A document cannot be exported (incomplete translation, missing font ...)."""


class ModelError(WorkflowError):
    """A machine-translation model or package is missing or invalid."""
