"""A workflow project on disk: its root, settings, and where each file lives."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from workflow.config import ProjectConfig, load_config
from workflow.document import Document
from workflow.errors import ConfigError, InputError
from workflow.fsio import (
    confine_to_project,
    outside_project,
    project_lock,
    project_relative,
    read_input_text,
)
from workflow.source import read_document

PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class Project:
    """Root folder plus validated settings; every path the pipeline uses comes from here.

    Opening a project confines input reading to it (see :func:`workflow.fsio.confine_to_project`).
    """

    root: Path
    config: ProjectConfig

    def __post_init__(self) -> None:
        confine_to_project(self.root)

    @classmethod
    def open(cls, folder: Path) -> Project:
        """The project whose ``pyproject.toml`` is in *folder* itself (``--project DIR``)."""
        pyproject = folder.resolve() / PYPROJECT
        if not pyproject.is_file():
            raise ConfigError(
                f"no {PYPROJECT} here",
                path=folder,
                hint="pass the project folder, the one holding pyproject.toml",
            )
        return cls(pyproject.parent, load_config(pyproject))

    @classmethod
    def discover(cls, start: Path | None = None) -> Project:
        """Find the nearest folder at or above *start* whose pyproject has ``[tool.workflow]``."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            candidate = folder / PYPROJECT
            if candidate.is_file() and "[tool.workflow]" in read_input_text(candidate, PYPROJECT):
                return cls(folder, load_config(candidate))
        raise ConfigError(
            f"no {PYPROJECT} with a [tool.workflow] table in {here} or above",
            hint="run inside a workflow project or pass --project DIR",
        )

    @property
    def languages(self) -> tuple[str, ...]:
        return self.config.languages

    @property
    def source_dir(self) -> Path:
        return self.root / self.config.sources_dir / self.config.source_language

    @property
    def locales_dir(self) -> Path:
        return self.root / self.config.locales_dir

    @property
    def glossary_path(self) -> Path:
        return self.root / self.config.glossary

    def source_paths(self, doc_ids: list[str] | None = None) -> list[Path]:
        """Source files ``sources/<source-language>/*.md``, sorted; optionally only *doc_ids*."""
        paths = sorted(self.source_dir.glob("*.md"))
        if doc_ids:
            known = {path.stem: path for path in paths}
            missing = [doc for doc in doc_ids if doc not in known]
            if missing:
                raise InputError(
                    f"unknown document {missing[0]!r}",
                    path=self.source_dir,
                    hint=f"known documents: {', '.join(known) or 'none'}",
                )
            paths = [known[doc] for doc in doc_ids]
        return paths

    def documents(self, doc_ids: list[str] | None = None) -> list[Document]:
        """Read and segment every source document (or only *doc_ids*)."""
        return [
            read_document(
                path,
                root=self.root,
                language=self.config.source_language,
                segmentation=self.config.segmentation,
            )
            for path in self.source_paths(doc_ids)
        ]

    def pot_path(self, doc_id: str) -> Path:
        return self.locales_dir / f"{doc_id}.pot"

    def po_path(self, lang: str, doc_id: str) -> Path:
        return self.locales_dir / lang / f"{doc_id}.po"

    def export_path(self, lang: str, doc_id: str, fmt: str) -> Path:
        return self.exports_dir / lang / f"{doc_id}.{fmt}"

    @property
    def exports_dir(self) -> Path:
        return self.root / self.config.exports_dir

    @property
    def review_dir(self) -> Path:
        return self.root / self.config.review_dir

    def relative(self, path: Path) -> str:
        """*path* relative to the project root with ``/`` (absolute when outside it), as
        findings, reports and review documents name files."""
        return project_relative(path, self.root).as_posix()

    def output_path(self, path: Path) -> Path:
        """*path* for a report or export named by an option, refused if it is a project input.

        An ``-o FILE`` never overwrites the settings, the glossary, a source or a catalog.
        """
        inputs = (self.root / PYPROJECT, self.glossary_path)
        folders = (self.root / self.config.sources_dir, self.locales_dir)
        if any(not outside_project(path, folder) for folder in folders) or any(
            _same_place(path, known) for known in inputs
        ):
            raise InputError(
                "is a project input; an output option never overwrites one",
                path=path,
                hint="write the output to another file, e.g. under exports/",
            )
        return path

    @contextlib.contextmanager
    def lock(self, command: str) -> Iterator[None]:
        """Exclusive lock for a writing command; sweeps temp files of killed runs."""
        sweep = (self.locales_dir, self.exports_dir, self.review_dir)
        with project_lock(self.root, command, sweep=sweep):
            yield

    def require_language(self, lang: str, *, source_allowed: bool = True) -> str:
        """Return *lang* if it is a target (or, if allowed, the source) language, else raise."""
        if lang == self.config.source_language and not source_allowed:
            raise ConfigError(
                f"{lang!r} is the source language; this command works on translations",
                hint=f"choose from {', '.join(self.languages)}",
            )
        if lang not in self.languages and lang != self.config.source_language:
            raise ConfigError(
                f"unknown language {lang!r}",
                path=self.root / PYPROJECT,
                hint=f"project languages: {', '.join(self.languages)}",
            )
        return lang


def _same_place(first: Path, second: Path) -> bool:
    return os.path.realpath(first) == os.path.realpath(second)
