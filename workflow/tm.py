"""Translation memory: reviewed translations of a language, looked up exactly or fuzzily.

The memory of a language is every reviewed entry (a translation, not fuzzy:
:func:`workflow.po.translation_state`) of all its PO files, obsolete ``#~`` entries
included (they are the language's history); live entries win over obsolete ones, then files
and lines in order.  A fuzzy match scores the similarity of the
source texts (:func:`workflow.similarity.similarity` on characters, 0..1) and must reach the
threshold.  :func:`language_memory` keeps a language's units in an SQLite index in the
cache folder, refreshed only for catalogs whose bytes changed.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polib
from rapidfuzz import process
from rapidfuzz.distance import Indel

from workflow.cache import CACHE_DIR, cache_dir
from workflow.fsio import project_relative, read_input_bytes
from workflow.po import entry_line, parse_po_bytes, translation_state
from workflow.project import Project
from workflow.similarity import length_window, similarity


@dataclass(frozen=True)
class TmUnit:
    """One reviewed translation and where it comes from (``locales/ru/117.po:42``)."""

    source: str
    target: str
    origin: str
    line: int
    obsolete: bool = False

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.line}"


@dataclass(frozen=True)
class TmMatch:
    """A memory hit for a source text; ``score`` is 1.0 for an exact match."""

    unit: TmUnit
    score: float

    @property
    def exact(self) -> bool:
        return self.score >= 1.0

    def provenance(self) -> str:
        """``tm: 100% locales/ru/117.po:42`` (the translator comment line)."""
        return f"tm: {int(self.score * 100)}% {self.unit.where}"


def reviewed_units(po: polib.POFile, origin: str) -> list[TmUnit]:
    """The reviewed, singular entries of *po* as memory units."""
    return [
        TmUnit(entry.msgid, entry.msgstr, origin, entry_line(entry), bool(entry.obsolete))
        for entry in po
        if entry.msgid and not entry.msgid_plural and translation_state(entry) == "reviewed"
    ]


class TranslationMemory:
    """Exact and fuzzy lookup over memory units.

    Fuzzy lookup compares only units whose length can reach the threshold (a window over
    the units sorted by length) and scores them in C (rapidfuzz); among equal best scores
    the first unit in memory order wins, as a plain scan would pick it.
    """

    def __init__(self, units: Iterable[TmUnit]) -> None:
        ordered = sorted(units, key=lambda unit: unit.obsolete)  # stable: live entries first
        self.units = ordered
        self._exact: dict[str, TmUnit] = {}
        for unit in ordered:
            self._exact.setdefault(unit.source, unit)
        by_length = sorted(range(len(ordered)), key=lambda i: (len(ordered[i].source), i))
        self._order = by_length
        self._sources = [ordered[i].source for i in by_length]
        self._lengths = [len(source) for source in self._sources]

    @classmethod
    def from_catalogs(
        cls, catalogs: Iterable[tuple[Path, polib.POFile]], root: Path
    ) -> TranslationMemory:
        """Memory from ``(path, po)`` pairs; origins are paths relative to *root*."""
        units: list[TmUnit] = []
        for path, po in catalogs:
            units += reviewed_units(po, project_relative(path, root).as_posix())
        return cls(units)

    def __len__(self) -> int:
        return len(self.units)

    def lookup(self, source: str, threshold: float) -> TmMatch | None:
        """The exact match, else the best fuzzy match scoring at least *threshold*."""
        unit = self._exact.get(source)
        if unit is not None:
            return TmMatch(unit, 1.0)
        low, high = length_window(len(source), threshold)
        start = bisect.bisect_left(self._lengths, low)
        end = bisect.bisect_right(self._lengths, high)
        candidates = self._sources[start:end]
        # rapidfuzz rounds scores and cut-offs differently from gettext's 2·LCS/total in the
        # last bits: search with a small margin, then rescore the near-best exactly and keep
        # the first of the best, as a scan in memory order would
        margin = 1e-6
        best = process.extractOne(
            source, candidates, scorer=Indel.normalized_similarity, score_cutoff=threshold - margin
        )
        if best is None:
            return None
        near = process.extract(
            source,
            candidates,
            scorer=Indel.normalized_similarity,
            score_cutoff=best[1] - margin,
            limit=None,
        )
        score, position = max(
            (similarity(source, text), -self._order[start + index]) for text, _, index in near
        )
        if score < threshold:
            return None
        return TmMatch(self.units[-position], score)


# --- the memory of a whole language, indexed -------------------------------------------

#: Bump when what a catalog contributes to the memory changes; the index is then rebuilt.
INDEX_FORMAT = 1
INDEX_FILE = "tm.sqlite"


def language_memory(project: Project, lang: str) -> TranslationMemory:
    """The memory of *lang*: reviewed units of every ``locales/<lang>/*.po``.

    Units are kept in an SQLite index in the cache folder, refreshed file by file: a catalog
    whose size and modification time are unchanged is not read, one whose bytes hash the
    same is not parsed, and only changed catalogs are parsed again.  A malformed catalog
    raises :class:`~workflow.errors.InputError` as loading it would.
    """
    paths = sorted((project.locales_dir / lang).glob("*.po"))
    origins = {project.relative(path): path for path in paths}
    index = project.root / CACHE_DIR / INDEX_FILE
    try:
        rows = _indexed_units(project, index, lang, origins)
    except sqlite3.DatabaseError:
        index.unlink(missing_ok=True)  # a damaged cache is rebuilt, never trusted
        rows = _indexed_units(project, index, lang, origins)
    rank = {origin: number for number, origin in enumerate(origins)}
    rows.sort(key=lambda row: (rank[row[0]], row[1]))
    return TranslationMemory(
        TmUnit(source, target, origin, line, bool(obsolete))
        for origin, line, obsolete, source, target in rows
    )


@dataclass(frozen=True)
class _FileState:
    """A catalog as indexed: size and modification time, content hash, and its units
    (None: same hash as indexed, units unchanged)."""

    size: int
    mtime_ns: int
    sha256: str
    units: list[TmUnit] | None


def _indexed_units(
    project: Project, index: Path, lang: str, origins: dict[str, Path]
) -> list[tuple]:
    """Refresh the index for *lang* and return its rows.  Changed catalogs are parsed
    before anything is written, so a malformed one leaves the cache as it was."""
    known = _known_files(index, lang)
    changed = _changed_files(origins, known)
    gone = known.keys() - origins.keys()
    if not (changed or gone) and index.is_file():
        with contextlib.closing(sqlite3.connect(index)) as db:
            return _rows(db, lang)
    cache_dir(project.root)
    with contextlib.closing(sqlite3.connect(index)) as db:
        if db.execute("PRAGMA user_version").fetchone()[0] != INDEX_FORMAT:
            db.executescript(_SCHEMA)
        with db:
            _write_changes(db, lang, changed, gone)
        return _rows(db, lang)


def _known_files(index: Path, lang: str) -> dict[str, tuple[int, int, str]]:
    if not index.is_file():
        return {}
    with contextlib.closing(sqlite3.connect(index)) as db:
        if db.execute("PRAGMA user_version").fetchone()[0] != INDEX_FORMAT:
            return {}
        rows = db.execute(
            "SELECT origin, size, mtime_ns, sha256 FROM files WHERE lang = ?", (lang,)
        )
        return {origin: (size, mtime_ns, sha) for origin, size, mtime_ns, sha in rows}


def _changed_files(
    origins: dict[str, Path], known: dict[str, tuple[int, int, str]]
) -> dict[str, _FileState]:
    changed: dict[str, _FileState] = {}
    for origin, path in origins.items():
        stat = path.stat()
        size, mtime_ns, digest = known.get(origin, (None, None, None))
        if (size, mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            continue
        data = read_input_bytes(path, "PO file")
        fresh = hashlib.sha256(data).hexdigest()
        units = None if fresh == digest else reviewed_units(parse_po_bytes(data, path), origin)
        changed[origin] = _FileState(stat.st_size, stat.st_mtime_ns, fresh, units)
    return changed


def _rows(db: sqlite3.Connection, lang: str) -> list[tuple]:
    return db.execute(
        "SELECT origin, line, obsolete, source, target FROM units WHERE lang = ?", (lang,)
    ).fetchall()


_SCHEMA = f"""
DROP TABLE IF EXISTS files;
DROP TABLE IF EXISTS units;
CREATE TABLE files (origin TEXT PRIMARY KEY, lang TEXT, size INTEGER, mtime_ns INTEGER,
                    sha256 TEXT);
CREATE TABLE units (origin TEXT, lang TEXT, line INTEGER, obsolete INTEGER, source TEXT,
                    target TEXT);
CREATE INDEX units_origin ON units (origin);
CREATE INDEX units_lang ON units (lang);
PRAGMA user_version = {INDEX_FORMAT};
"""


def _write_changes(
    db: sqlite3.Connection, lang: str, changed: dict[str, _FileState], gone: set[str]
) -> None:
    for origin in gone:
        db.execute("DELETE FROM files WHERE origin = ?", (origin,))
        db.execute("DELETE FROM units WHERE origin = ?", (origin,))
    for origin, state in changed.items():
        if state.units is not None:
            db.execute("DELETE FROM units WHERE origin = ?", (origin,))
            db.executemany(
                "INSERT INTO units VALUES (?, ?, ?, ?, ?, ?)",
                [(origin, lang, u.line, int(u.obsolete), u.source, u.target) for u in state.units],
            )
        db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
            (origin, lang, state.size, state.mtime_ns, state.sha256),
        )
