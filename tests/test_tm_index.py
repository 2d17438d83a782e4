"""Translation memory at series size: the SQLite index and the length-filtered C lookup."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.series_corpus import generate_series
from tests.test_similarity import reference_similarity
from workflow import tm
from workflow.cache import CACHE_DIR
from workflow.po import load_po, save_po
from workflow.project import Project
from workflow.tm import TmMatch, TmUnit, TranslationMemory, language_memory


@pytest.fixture
def series(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = generate_series(tmp_path_factory.mktemp("series") / "p", 3, ("ru",), jobs=1)
    return Project.open(root)


def _from_catalogs(project: Project) -> list[TmUnit]:
    paths = sorted((project.locales_dir / "ru").glob("*.po"))
    return TranslationMemory.from_catalogs([(p, load_po(p)) for p in paths], project.root).units


def _count_parses(monkeypatch) -> list[Path]:
    parsed: list[Path] = []
    parse = tm.parse_po_bytes

    def counted(data: bytes, path: Path):
        parsed.append(path)
        return parse(data, path)

    monkeypatch.setattr(tm, "parse_po_bytes", counted)
    return parsed


def test_index_holds_what_parsing_every_catalog_gives(series: Project, monkeypatch) -> None:
    parsed = _count_parses(monkeypatch)
    assert language_memory(series, "ru").units == _from_catalogs(series)
    assert len(parsed) == 3
    assert language_memory(series, "ru").units == _from_catalogs(series)
    assert len(parsed) == 3  # nothing changed: nothing parsed again
    assert (series.root / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"


def test_only_a_changed_catalog_is_parsed_again(series: Project, monkeypatch) -> None:
    language_memory(series, "ru")
    path = series.po_path("ru", "2")
    po = load_po(path)
    po[0].msgstr = "Изменённый перевод."
    save_po(po, path)
    series.po_path("ru", "3").unlink()
    series.po_path("ru", "1").touch()  # newer, same bytes: hashed, not parsed
    parsed = _count_parses(monkeypatch)
    units = language_memory(series, "ru").units
    assert parsed == [path]
    assert units == _from_catalogs(series)
    assert "Изменённый перевод." in {unit.target for unit in units}
    assert not any(unit.origin.endswith("/3.po") for unit in units)


def test_a_damaged_index_is_rebuilt(series: Project) -> None:
    language_memory(series, "ru")
    (series.root / CACHE_DIR / tm.INDEX_FILE).write_bytes(b"not a database" * 100)
    assert language_memory(series, "ru").units == _from_catalogs(series)


def _scan(units: list[TmUnit], source: str, threshold: float) -> TmMatch | None:
    """The lookup before the index: every unit in memory order, first best wins."""
    live_first = sorted(units, key=lambda unit: unit.obsolete)
    for unit in live_first:
        if unit.source == source:
            return TmMatch(unit, 1.0)
    best: TmMatch | None = None
    for unit in live_first:
        score = reference_similarity(source, unit.source)
        if score >= (best.score if best else threshold) and (best is None or score > best.score):
            best = TmMatch(unit, score)
    return best


def test_lookup_finds_what_a_full_scan_finds(series: Project) -> None:
    units = _from_catalogs(series)
    memory = TranslationMemory(units)
    rng = random.Random(1001)
    for _ in range(150):
        chars = list(rng.choice(units).source)
        for _ in range(min(rng.randint(0, 12), len(chars) - 1)):
            del chars[rng.randrange(len(chars))]
        query = "".join(chars)
        for threshold in (0.6, 0.75, 0.9):
            assert memory.lookup(query, threshold) == _scan(units, query, threshold)
