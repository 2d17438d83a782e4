"""The tool's own cache folder: results keyed by content hashes and the code version.

Everything lives under ``<project>/.workflow-cache/`` (it holds its own ``.gitignore`` and a
``CACHEDIR.TAG``, so git and backup tools skip it) and is always safe to delete.  A
:class:`KeyedStore` is one JSON file mapping a name (a catalog path) to the key it was
computed for and the stored value; a changed key is a miss, and saving keeps one record per
name, so the file never grows beyond the project.  Each record also remembers the file's
modification time, size and content digest, so an untouched file is not read again (as
ruff's cache does); any write to the file changes its time and so its digest is recomputed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
from importlib import metadata
from pathlib import Path
from typing import Any

import workflow
from workflow.fsio import atomic_write_text, read_input_bytes

CACHE_DIR = ".workflow-cache"
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is a cache of the workflow tool; it is safe to delete.\n"
)
#: Libraries whose version shapes cached results (check findings, segmentation, exports).
_LIBRARIES = (
    "pymorphy3",
    "pymorphy3-dicts-ru",
    "polib",
    "pydantic",
    "rapidfuzz",
    "weasyprint",
    "pyphen",
    "python-docx",
    "babel",
)


def cache_dir(root: Path) -> Path:
    """The cache folder of the project at *root* (created with its ignore files)."""
    folder = root / CACHE_DIR
    if not (folder / "CACHEDIR.TAG").exists():
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(folder / ".gitignore", "# created by workflow; safe to delete\n*\n")
        atomic_write_text(folder / "CACHEDIR.TAG", _CACHEDIR_TAG)
    return folder


@functools.cache
def code_version() -> str:
    """Hash of the workflow package (code, templates, stylesheets) and the versions of the
    libraries in :data:`_LIBRARIES`: a cached result or export stamp made by other code is
    stale."""
    package = Path(workflow.__file__).parent
    digest = hashlib.sha256(workflow.__version__.encode())
    for file in sorted(package.rglob("*")):
        if file.is_file() and "__pycache__" not in file.parts:
            digest.update(file.relative_to(package).as_posix().encode() + b"\0")
            digest.update(file.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=absent".encode())
    return digest.hexdigest()


def content_key(*parts: str | bytes) -> str:
    """A SHA-256 over *parts* (separated, so that ("ab", "c") differs from ("a", "bc"))."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


class KeyedStore:
    """One JSON file of ``name → {"key": …, "value": …}`` records (see the module docstring).

    With ``enabled=False`` nothing is read or written (``--no-cache``).  A corrupt or
    unreadable file counts as empty.
    """

    def __init__(self, root: Path, name: str, *, enabled: bool = True) -> None:
        self.root = root
        self.path = root / CACHE_DIR / f"{name}.json"
        self.enabled = enabled
        self._records: dict[str, dict[str, Any]] = self._read() if enabled else {}
        self._files: dict[str, list[Any]] = {}
        self._dirty = False

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def file_digest(self, name: str, path: str, what: str = "PO file") -> tuple[str, bytes | None]:
        """SHA-256 of the file at *path* (stored under *name*), and its bytes if they had to
        be read; ``OSError`` if it does not exist, :class:`InputError` if it may not be read
        (a link leading out of the project, a FIFO)."""
        status = os.lstat(path)
        stamp = [status.st_mtime_ns, status.st_size]
        record = self._records.get(name)
        known = record.get("file") if isinstance(record, dict) else None
        trusted = stat.S_ISREG(status.st_mode)  # a link or a FIFO is read (and refused) below
        if trusted and isinstance(known, list) and len(known) == 3 and known[:2] == stamp:
            return known[2], None
        data = read_input_bytes(Path(path), what)
        digest = hashlib.sha256(data).hexdigest()
        self._files[name] = [*stamp, digest]
        if isinstance(record, dict) and self.enabled:
            record["file"] = self._files[name]
            self._dirty = True
        return digest, data

    def get(self, name: str, key: str) -> Any | None:
        """The value stored for *name* under *key*, or ``None``."""
        record = self._records.get(name)
        if isinstance(record, dict) and record.get("key") == key:
            return record.get("value")
        return None

    def put(self, name: str, key: str, value: Any) -> None:
        if self.enabled:
            self._records[name] = {"key": key, "value": value}
            if name in self._files:
                self._records[name]["file"] = self._files[name]
            self._dirty = True

    def save(self) -> None:
        """Write the records if anything changed; a cache that cannot be written is skipped."""
        if not (self.enabled and self._dirty):
            return
        try:
            cache_dir(self.root)
            atomic_write_text(self.path, json.dumps(self._records, ensure_ascii=False))
        except OSError:
            return
        self._dirty = False
