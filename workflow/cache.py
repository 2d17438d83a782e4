"""The tool's own cache folder, ``<project>/.workflow-cache/``: git-ignored, safe to delete.

Everything in it is derived from project files and keyed by their content, so deleting the
folder only costs the time to rebuild it.  The folder ignores itself (a ``.gitignore``
holding ``*``), so projects need no entry of their own.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import sqlite3
from pathlib import Path

import workflow
from workflow.fsio import atomic_write_text
from workflow.project import Project

CACHE_DIR = ".workflow-cache"
STORE_FILE = "keys.sqlite"


def cache_path(project: Project, name: str) -> Path:
    """Where the cache file *name* lives (the folder may not exist yet)."""
    return project.root / CACHE_DIR / name


def cache_dir(project: Project) -> Path:
    """The project's cache folder, created (git-ignored) on first use."""
    folder = project.root / CACHE_DIR
    ignore = folder / ".gitignore"
    if not ignore.is_file():
        folder.mkdir(exist_ok=True)
        atomic_write_text(ignore, "# workflow cache: derived data, safe to delete\n*\n")
    return folder


@functools.cache
def code_digest() -> str:
    """Hash of the workflow package's code: a cached result made by other code is stale."""
    package = Path(workflow.__file__).parent
    digest = hashlib.sha256(workflow.__version__.encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class KeyStore:
    """A table of ``name → key`` in the cache folder's SQLite file (one table per use).

    A damaged file is deleted and starts empty: the cache only ever saves work.
    """

    def __init__(self, project: Project, table: str) -> None:
        self.project = project
        self.path = cache_path(project, STORE_FILE)
        self.table = table
        try:
            self.keys = self._read()
        except sqlite3.DatabaseError:
            self.path.unlink(missing_ok=True)
            self.keys = {}

    def _read(self) -> dict[str, str]:
        if not self.path.is_file():
            return {}
        with contextlib.closing(sqlite3.connect(self.path)) as db:
            exists = db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (self.table,)
            ).fetchone()
            if not exists:
                return {}
            return dict(db.execute(f'SELECT name, key FROM "{self.table}"').fetchall())

    def save(self, keys: dict[str, str]) -> None:
        """Store *keys* (replacing those names' earlier keys); creates the cache folder."""
        if not keys:
            return
        cache_dir(self.project)
        try:
            self._write(keys)
        except sqlite3.DatabaseError:
            self.path.unlink(missing_ok=True)
            self._write(keys)
        self.keys.update(keys)

    def _write(self, keys: dict[str, str]) -> None:
        with contextlib.closing(sqlite3.connect(self.path)) as db, db:
            db.execute(
                f'CREATE TABLE IF NOT EXISTS "{self.table}" (name TEXT PRIMARY KEY, key TEXT)'
            )
            db.executemany(f'INSERT OR REPLACE INTO "{self.table}" VALUES (?, ?)', keys.items())
