"""Translation memory: reviewed translations of a language, looked up exactly or fuzzily.

The memory of a language is every reviewed entry (non-empty msgstr, not fuzzy) of all its PO
files, obsolete ``#~`` entries included (they are the language's history); live entries win
over obsolete ones, then files and lines in order.  A fuzzy match scores the similarity of the
source texts (:func:`workflow.similarity.similarity` on characters, 0..1) and must reach the
threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polib

from workflow.similarity import similarity


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
        TmUnit(entry.msgid, entry.msgstr, origin, entry.linenum, bool(entry.obsolete))
        for entry in po
        if entry.msgid and entry.msgstr and not entry.msgid_plural and "fuzzy" not in entry.flags
    ]


class TranslationMemory:
    """Exact and fuzzy lookup over memory units."""

    def __init__(self, units: Iterable[TmUnit]) -> None:
        ordered = sorted(units, key=lambda unit: unit.obsolete)  # stable: live entries first
        self.units = ordered
        self._exact: dict[str, TmUnit] = {}
        for unit in ordered:
            self._exact.setdefault(unit.source, unit)

    @classmethod
    def from_catalogs(
        cls, catalogs: Iterable[tuple[Path, polib.POFile]], root: Path
    ) -> TranslationMemory:
        """Memory from ``(path, po)`` pairs; origins are paths relative to *root*."""
        units: list[TmUnit] = []
        for path, po in catalogs:
            origin = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            units += reviewed_units(po, origin)
        return cls(units)

    def __len__(self) -> int:
        return len(self.units)

    def lookup(self, source: str, threshold: float) -> TmMatch | None:
        """The exact match, else the best fuzzy match scoring at least *threshold*."""
        unit = self._exact.get(source)
        if unit is not None:
            return TmMatch(unit, 1.0)
        best: TmMatch | None = None
        for unit in self.units:
            floor = best.score if best else threshold
            score = similarity(source, unit.source, floor)
            if score >= floor and (best is None or score > best.score):
                best = TmMatch(unit, score)
        return best
