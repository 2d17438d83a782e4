"""Benchmark exports: time per document and format, and a scaled corpus build.

1. The real essay (this repository's ``sources/ja/118.md``): the Japanese original and a
   Russian draft (catalog built from the source, so every segment is a marked fallback),
   timed per format.
2. A temporary project of N documents (the test essay under N ids) × en, ru, kk with complete
   catalogs: a full build from scratch, then a rebuild after editing one PO entry.  The
   incremental/full ratio shows what the build stamps save.

Run: ``.venv/bin/python benchmarks/bench_export.py [--docs N] [--formats pdf,docx]``.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import polib

T = TypeVar("T")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.export_samples import SOURCE, TRANSLATIONS, make_project, write_catalog  # noqa: E402
from workflow.export.pipeline import export_project  # noqa: E402
from workflow.project import Project  # noqa: E402


def timed(function: Callable[..., T], *args: object, **kwargs: object) -> tuple[float, T]:
    """Seconds taken by ``function(*args, **kwargs)``, and its result."""
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def bench_essay(work: Path, formats: list[str]) -> None:
    root = work / "essay"
    root.mkdir()
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(REPO / "sources", root / "sources")
    project = Project.discover(root)
    print("Real essay (sources/ja/118.md), seconds per document:")
    for lang, draft in (("ja", False), ("ru", True)):
        for fmt in formats:
            seconds, _ = timed(export_project, project, [lang], [fmt], None, draft)
            label = f"{lang}{' (draft)' if draft else ''}"
            print(f"  {label:12} {fmt:5} {seconds:7.2f}")


def bench_corpus(work: Path, docs: int, formats: list[str]) -> None:
    project = make_project(work / "corpus")
    source_dir = project.source_dir
    (source_dir / "118.md").unlink()
    for number in range(docs):
        doc_id = f"{number + 1:03d}"
        (source_dir / f"{doc_id}.md").write_text(
            SOURCE.replace("number: 118", f"number: {number + 1}"), encoding="utf-8"
        )
        for lang in TRANSLATIONS:
            write_catalog(project, lang, doc_id=doc_id)
    langs = list(TRANSLATIONS)
    full, results = timed(export_project, project, langs, formats)
    counts = Counter(result.status for result in results)
    print(f"Corpus {docs} documents × {len(langs)} languages × {len(formats)} formats:")
    print(f"  full build     {full:8.2f} s  {dict(counts)}  ({full / len(results):.3f} s per file)")
    noop, results = timed(export_project, project, langs, formats)
    print(f"  no-op rebuild  {noop:8.2f} s  {dict(Counter(r.status for r in results))}")
    po_path = project.po_path("ru", "001")
    catalog = polib.pofile(str(po_path))
    catalog[6].msgstr = "Этот город — сердце металлургии Казахстана."
    catalog.save()
    incremental, results = timed(export_project, project, langs, formats)
    print(f"  after 1 PO edit{incremental:8.2f} s  {dict(Counter(r.status for r in results))}")
    print(f"  incremental/full ratio {incremental / full:.4f}  (no-op/full {noop / full:.4f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100, help="documents in the corpus")
    parser.add_argument("--formats", default="pdf,docx")
    args = parser.parse_args()
    formats = args.formats.split(",")
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as folder:
        bench_essay(Path(folder), formats)
        bench_corpus(Path(folder), args.docs, formats)


if __name__ == "__main__":
    main()
