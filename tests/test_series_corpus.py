"""The series corpus generator: distinct nights whose reviewed catalogs pass ``check``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks.series_corpus import YEAR, generate_series
from workflow.catalog import update_project
from workflow.checks import check_project
from workflow.po import load_po
from workflow.project import Project

NIGHTS = 4


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_series(tmp_path_factory.mktemp("series") / "p", documents=NIGHTS, jobs=1)


def test_catalogs_are_reviewed_and_pass_check(series: Path) -> None:
    project = Project.open(series)
    assert [p.stem for p in project.source_paths()] == sorted(str(n) for n in range(1, 5))
    assert check_project(project, project.languages) == []
    for lang in project.languages:
        for doc in range(1, NIGHTS + 1):
            entries = [e for e in load_po(project.po_path(lang, str(doc))) if e.msgid]
            assert entries and all(e.msgstr and not e.fuzzy for e in entries)


def test_catalogs_are_what_update_writes(series: Path) -> None:
    changes = update_project(Project.open(series))
    assert changes and not any(change.written for change in changes)


def test_body_entries_are_distinct_across_the_series(series: Path) -> None:
    project = Project.open(series)
    counts: Counter[str] = Counter()
    for doc in range(1, NIGHTS + 1):
        counts.update(e.msgid for e in load_po(project.po_path("ru", str(doc))) if e.msgid)
    repeated = {msgid for msgid, count in counts.items() if count > 1}
    # only the front matter shared by every night repeats: subtitle, series name, author
    assert len(repeated) == 3
    assert all(not msgid.startswith("§") for msgid in repeated)


def test_years_shift_alike_in_source_and_translation(series: Path) -> None:
    project = Project.open(series)
    essay_years = set(YEAR.findall(Path("sources/ja/118.md").read_text(encoding="utf-8")))
    series_years: set[str] = set()
    for doc in range(1, NIGHTS + 1):
        for entry in load_po(project.po_path("en", str(doc))):
            years = YEAR.findall(entry.msgid)
            assert all(year in entry.msgstr for year in years), entry.msgid
            series_years.update(years)
    assert len(series_years - essay_years) > len(essay_years)


def test_same_arguments_same_bytes(series: Path, tmp_path: Path) -> None:
    again = generate_series(tmp_path / "p", documents=2, jobs=2)
    for name in ("sources/ja/2.md", "locales/2.pot", "locales/kk/2.po"):
        assert (again / name).read_bytes() == (series / name).read_bytes()
