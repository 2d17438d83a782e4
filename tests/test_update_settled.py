"""``update`` skips documents whose files are exactly what the last update left."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.series_corpus import generate_series
from workflow import catalog
from workflow.cache import CACHE_DIR
from workflow.catalog import update_project
from workflow.project import Project


@pytest.fixture
def series(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = generate_series(tmp_path_factory.mktemp("series") / "p", 3, ("en", "ru"), jobs=1)
    return Project.open(root)


def _count_loads(monkeypatch) -> list[Path]:
    loaded: list[Path] = []
    read = catalog.read_input_bytes

    def counted(path: Path, what: str) -> bytes:
        loaded.append(Path(path))
        return read(path, what)

    monkeypatch.setattr(catalog, "read_input_bytes", counted)
    return loaded


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and CACHE_DIR not in p.parts and p.name != ".workflow-lock"
    }


def test_a_settled_project_is_not_read_again(series: Project, monkeypatch) -> None:
    first = update_project(series)
    loaded = _count_loads(monkeypatch)
    second = update_project(series)
    assert loaded == []
    assert [(c.path, c.written) for c in second] == [(c.path, False) for c in first]


def test_an_edited_file_is_merged_again_like_without_the_cache(
    series: Project, tmp_path: Path, monkeypatch
) -> None:
    update_project(series)
    source = series.source_dir / "2.md"
    source.write_text(source.read_text() + "\n新しい段落である。\n", encoding="utf-8")
    po = series.po_path("ru", "3")
    po.write_bytes(po.read_bytes().replace(b"msgstr", b"msgstr", 1) + b"\n")
    fresh = Project.open(shutil.copytree(series.root, tmp_path / "fresh"))
    shutil.rmtree(fresh.root / CACHE_DIR)
    loaded = _count_loads(monkeypatch)
    changes = update_project(series)
    assert {path.parent.name + "/" + path.name for path in loaded} >= {"ru/3.po", "ru/2.po"}
    assert not any("1." in path.name for path in loaded)
    assert any(c.written for c in changes)
    update_project(fresh)
    assert _files(series.root) == _files(fresh.root)


def test_selected_languages_are_settled_separately(series: Project, monkeypatch) -> None:
    update_project(series, langs=["en"])
    loaded = _count_loads(monkeypatch)
    update_project(series)
    assert loaded  # the run over all languages has not settled yet
