"""The whole series in one project: build, incremental rebuild, update, memory, MT reuse.

Run on demand (not in CI)::

    .venv/bin/python benchmarks/bench_series.py [--documents 1001] [--corpus DIR]
        [--build-docs 6] [--jobs 2] [--skip-mt]

Generates the series corpus (benchmarks/series_corpus.py; or copies ``--corpus DIR``, one
made before) and prints, each against a baseline measured in the same run:

1. ``update`` of every catalog: first run, then with nothing changed, vs GNU ``msgmerge``
   over the same catalogs (one call per catalog, as a Makefile would);
2. translation memory: filling a new night from the memory of all nights
   (``pretranslate --engine none``): the previous way (parse every catalog, pure-Python
   LCS over every unit), ours with a cold and a warm index, and ``msgmerge --compendium``;
3. machine translation of the new night into en and ru, two runs (ja→en twice, models
   loaded per language) vs one run sharing the ja→en stage; random-weight models;
4. export of ``--build-docs`` documents in every language and format, ``--jobs 1`` vs
   ``--jobs N`` (same bytes), cost per PDF and DOCX;
5. after one PO edit: ``update`` and ``status`` over the whole series, ``check`` and the
   stamp check of unchanged exports measured on the exported documents and projected to
   the series;
6. peak memory of this process and of the largest child.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.series_corpus import (  # noqa: E402
    generate_series,
    load_essay,
    make_night,
    night_markdown,
)
from tests.test_similarity import reference_similarity  # noqa: E402
from workflow.catalog import update_project  # noqa: E402
from workflow.checks import check_project  # noqa: E402
from workflow.export.pipeline import export_project  # noqa: E402
from workflow.po import load_po, save_po  # noqa: E402
from workflow.pretranslate import pretranslate_project  # noqa: E402
from workflow.project import Project  # noqa: E402
from workflow.similarity import length_allows  # noqa: E402
from workflow.status import project_status  # noqa: E402
from workflow.tm import TranslationMemory  # noqa: E402

T = TypeVar("T")
LANGS = ("en", "ru", "kk")


#: CPU seconds of the last :func:`timed` call (this process and the children it waited for).
LAST_CPU = [0.0]


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(func: Callable[[], T]) -> tuple[float, T]:
    """Wall seconds of *func* (and its CPU seconds in ``LAST_CPU``)."""
    cpu, start = _cpu(), time.perf_counter()
    result = func()
    LAST_CPU[0] = _cpu() - cpu
    return time.perf_counter() - start, result


def say(label: str, seconds: float, extra: str = "") -> None:
    """One figure: wall time and, since the cores are shared, the CPU time it used."""
    cpu = f"cpu {LAST_CPU[0]:7.2f} s"
    print(f"  {label:<44} {seconds:7.2f} s  {cpu}{('   ' + extra) if extra else ''}", flush=True)


# --- 1. update vs msgmerge -------------------------------------------------------------


def msgmerge_all(project: Project, out: Path) -> None:
    """GNU msgmerge over every catalog of the project, one call each."""
    out.mkdir(exist_ok=True)
    for source in project.source_paths():
        pot = project.pot_path(source.stem)
        for lang in project.languages:
            subprocess.run(
                [
                    "msgmerge",
                    "--quiet",
                    "--previous",
                    "-o",
                    str(out / f"{lang}-{source.stem}.po"),
                    str(project.po_path(lang, source.stem)),
                    str(pot),
                ],
                check=True,
            )


def bench_update(project: Project, work: Path) -> None:
    print("1. update every catalog vs GNU msgmerge", flush=True)
    first, changes = timed(lambda: update_project(project))
    written = sum(change.written for change in changes)
    say("update, first run (parses everything)", first, f"{len(changes)} files, {written} written")
    settled, changes = timed(lambda: update_project(project))
    settled_cpu = LAST_CPU[0]
    say("update, nothing changed", settled, f"{sum(c.written for c in changes)} written")
    merge, _ = timed(lambda: msgmerge_all(project, work / "msgmerge"))
    merge_cpu = LAST_CPU[0]
    say("msgmerge --previous, every catalog", merge)
    print(
        f"  msgmerge / update-unchanged = {merge / settled:.1f}x wall, "
        f"{merge_cpu / settled_cpu:.1f}x cpu; msgmerge / update-first = {merge / first:.2f}x wall"
    )


# --- 2. translation memory -------------------------------------------------------------


def add_night(project: Project, number: int) -> str:
    """Write a new night's source and its empty catalogs (``update --doc``)."""
    essay = load_essay(REPO, LANGS)
    night = make_night(essay, number, seed=7)
    path = project.source_dir / f"{number}.md"
    path.write_text(night_markdown(night, essay), encoding="utf-8")
    update_project(project, [str(number)])
    return str(number)


def previous_fill(project: Project, lang: str, doc: str) -> int:
    """The memory lookup before the index: parse every catalog, scan every unit with the
    pure-Python LCS (matches counted; nothing written)."""
    paths = sorted((project.locales_dir / lang).glob("*.po"))
    memory = TranslationMemory.from_catalogs([(p, load_po(p)) for p in paths], project.root)
    threshold = project.config.mt.tm_threshold
    found = 0
    for entry in load_po(project.po_path(lang, doc)):
        if not entry.msgid or entry.msgstr:
            continue
        best = 1.0 if any(u.source == entry.msgid for u in memory.units) else 0.0
        for unit in memory.units if best < 1 else ():
            if length_allows(len(entry.msgid), len(unit.source), max(best, threshold)):
                best = max(best, reference_similarity(entry.msgid, unit.source))
        found += best >= threshold
    return found


def filled(path: Path) -> tuple[int, int]:
    entries = [e for e in load_po(path) if e.msgid and not e.obsolete]
    return sum(bool(e.msgstr) for e in entries), len(entries)


def bench_memory(project: Project, work: Path, doc: str) -> None:
    print(f"2. translation memory: fill new night {doc} in ru from every ru catalog", flush=True)
    po = project.po_path("ru", doc)
    empty = po.read_bytes()
    before, found = timed(lambda: previous_fill(project, "ru", doc))
    say("previous: parse all + Python LCS scan", before, f"{found} matches")
    cold, _ = timed(lambda: pretranslate_project(project, ["ru"], [doc], engine="none"))
    count = filled(po)
    say("pretranslate --engine none, cold index", cold, f"{count[0]}/{count[1]} filled")
    po.write_bytes(empty)
    warm, _ = timed(lambda: pretranslate_project(project, ["ru"], [doc], engine="none"))
    warm_cpu = LAST_CPU[0]
    count = filled(po)
    say("pretranslate --engine none, warm index", warm, f"{count[0]}/{count[1]} filled")
    po.write_bytes(empty)
    others = [p for p in sorted((project.locales_dir / "ru").glob("*.po")) if p.stem != doc]
    out = work / "compendium.po"
    args = ["msgmerge", "--quiet", "--previous", "-o", str(out)]
    for path in others:
        args += ["-C", str(path)]
    gnu, _ = timed(lambda: subprocess.run([*args, str(po), str(project.pot_path(doc))], check=True))
    count_gnu = filled(out)
    gnu_cpu = LAST_CPU[0]
    say("msgmerge --compendium (all other nights)", gnu, f"{count_gnu[0]}/{count_gnu[1]} filled")
    print(
        f"  warm index / msgmerge = {warm / gnu:.2f}x wall, {warm_cpu / gnu_cpu:.2f}x cpu "
        f"(target ≤ 1.5x); previous / warm = {before / warm:.1f}x wall"
    )


# --- 3. machine translation with stage reuse -------------------------------------------


def build_packages(work: Path) -> Path:
    from tests import modelfactory

    shape = modelfactory.ModelShape(layers=3, d_model=256, heads=4, ffn=1024)
    packages = work / "packages"
    for seed, (src, tgt) in enumerate((("ja", "en"), ("en", "ru"))):
        archive = modelfactory.build_argos_package(
            work,
            src,
            tgt,
            shape=shape,
            quantization="int8",
            eos_bias=2.2,
            vocab_size=2000,
            seed=seed,
        )
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(packages)
    return packages


def bench_mt(project: Project, work: Path, doc: str) -> None:
    print(f"3. machine translation of night {doc} into en and ru (no memory)", flush=True)
    built, packages = timed(lambda: build_packages(work))
    say("built ja→en, en→ru models (3 layers, d256, int8)", built)
    root = work / "mt"
    for sub in ("glossary", "sources/ja", "locales/en", "locales/ru"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    text = (project.root / "pyproject.toml").read_text(encoding="utf-8")
    text = text.replace('languages = ["en", "ru", "kk"]', 'languages = ["en", "ru"]')
    text += f'\n[tool.workflow.mt]\npackages-dir = "{packages}"\nmax-decoding-length = 48\n'
    (root / "pyproject.toml").write_text(text, encoding="utf-8")
    shutil.copy(project.glossary_path, root / "glossary" / "terms.yaml")
    shutil.copy(project.source_dir / f"{doc}.md", root / "sources/ja" / f"{doc}.md")
    mt_project = Project.open(root)
    update_project(mt_project)
    empty = {lang: mt_project.po_path(lang, doc).read_bytes() for lang in ("en", "ru")}

    def reset() -> None:
        for lang, data in empty.items():
            mt_project.po_path(lang, doc).write_bytes(data)

    def separate() -> None:
        for lang in ("en", "ru"):
            pretranslate_project(mt_project, [lang], engine="argos")

    apart, _ = timed(separate)
    apart_cpu = LAST_CPU[0]
    results = {lang: mt_project.po_path(lang, doc).read_bytes() for lang in ("en", "ru")}
    say(
        "en, then ru: two runs (ja→en twice)",
        apart,
        f"{filled(mt_project.po_path('ru', doc))[0]} ru filled",
    )
    reset()
    shared, _ = timed(lambda: pretranslate_project(mt_project, ["en", "ru"], engine="argos"))
    same = all(mt_project.po_path(lang, doc).read_bytes() == data for lang, data in results.items())
    say("en+ru in one run (ja→en once)", shared, f"same output: {same}")
    print(f"  two runs / one run = {apart / shared:.2f}x wall, {apart_cpu / LAST_CPU[0]:.2f}x cpu")


# --- 4. build serial vs parallel -------------------------------------------------------


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".stamps" not in p.parts
    }


def bench_build(project: Project, docs: list[str], jobs: int) -> None:
    """Serial vs parallel export; per-output costs in CPU seconds (robust to shared cores;
    the workers' CPU is not counted: they are the fork server's children, not ours)."""
    langs = ["ja", *LANGS]
    outputs = len(docs) * len(langs)
    print(f"4. export {len(docs)} documents x {len(langs)} languages x pdf+docx", flush=True)
    pdf, _ = timed(lambda: export_project(project, langs, ["pdf"], docs, jobs=1))
    pdf_cpu = LAST_CPU[0] / outputs
    say("--jobs 1, pdf", pdf, f"{pdf_cpu:.3f} s cpu per PDF")
    docx, _ = timed(lambda: export_project(project, langs, ["docx"], docs, jobs=1))
    docx_cpu = LAST_CPU[0] / outputs
    say("--jobs 1, docx", docx, f"{docx_cpu:.3f} s cpu per DOCX")
    serial = tree_digest(project.exports_dir)
    shutil.rmtree(project.exports_dir)
    parallel, _ = timed(lambda: export_project(project, langs, ["pdf", "docx"], docs, jobs=jobs))
    same = tree_digest(project.exports_dir) == serial
    say(f"--jobs {jobs}, pdf+docx (workers' cpu not counted)", parallel, f"same bytes: {same}")
    print(f"  speed-up --jobs {jobs} over --jobs 1: {(pdf + docx) / parallel:.2f}x wall")
    per_document = (pdf_cpu + docx_cpu) * len(langs)
    print(
        f"  per document ({len(langs)} languages, pdf+docx): {per_document:.2f} s cpu; "
        f"1001 documents: {per_document * 1001 / 60:.0f} cpu-minutes"
    )


# --- 5. after one edit ------------------------------------------------------------------


def bench_incremental(project: Project, docs: list[str], jobs: int) -> None:
    """Stage costs after one edit, in CPU seconds; check and stamps projected to the series."""
    print("5. after one PO edit (ru of one night)", flush=True)
    path = project.po_path("ru", docs[0])
    po = load_po(path)
    entry = next(e for e in po if e.msgid and e.msgstr and not e.obsolete)
    entry.tcomment = "reviewed again"
    save_po(po, path)
    catalogs = len(project.source_paths()) * len(LANGS)
    wall, changes = timed(lambda: update_project(project))
    update = LAST_CPU[0]
    say("update, whole series", wall, f"{sum(c.written for c in changes)} written")
    wall, _ = timed(lambda: check_project(project, LANGS, docs))
    check = LAST_CPU[0] / (len(docs) * len(LANGS)) * catalogs
    say(f"check, {len(docs)} documents", wall, f"whole series: {check:.1f} s cpu (projected)")
    wall, _ = timed(lambda: project_status(project, None, list(LANGS), glossary_checks=False))
    status = LAST_CPU[0]
    say("status counts, whole series", wall)
    langs = ["ja", *LANGS]
    wall, results = timed(lambda: export_project(project, langs, ["pdf", "docx"], docs, jobs=jobs))
    export = LAST_CPU[0]
    written = [f"{r.lang}/{r.path.name}" for r in results if r.status == "written"]
    say(f"export of the {len(docs)} exported documents", wall, f"written: {', '.join(written)}")
    wall, results = timed(lambda: export_project(project, langs, ["pdf", "docx"], docs, jobs=jobs))
    per_output = LAST_CPU[0] / len(results)
    say("stamp check, nothing to do", wall, f"{per_output * 1000:.2f} ms cpu per output")
    outputs = len(project.source_paths()) * len(langs) * 2
    export_stage = per_output * outputs + export
    build = update + check + 2 * status + export_stage  # build asks for the status twice
    print(
        f"  projected for the whole series ({outputs} outputs), cpu: export stage "
        f"{export_stage:.1f} s, incremental build {build:.1f} s (check {check:.0f} s of it)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1001)
    parser.add_argument("--corpus", type=Path, help="a corpus made by series_corpus.py (copied)")
    parser.add_argument("--build-docs", type=int, default=6)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--skip-mt", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-series-") as tmp:
        work = Path(tmp)
        root = work / "series"
        if args.corpus:
            seconds, _ = timed(
                lambda: shutil.copytree(
                    args.corpus,
                    root,
                    ignore=shutil.ignore_patterns(".workflow-cache", "exports", ".workflow-lock"),
                )
            )
            what = "copied"
        else:
            seconds, _ = timed(lambda: generate_series(root, args.documents))
            what = "generated"
        project = Project.open(root)
        documents = len(project.source_paths())
        print(
            f"series: {documents} documents x 3 languages {what} in {seconds:.1f} s "
            f"({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})",
            flush=True,
        )
        bench_update(project, work)
        new = add_night(project, documents + 1)
        bench_memory(project, work, new)
        if not args.skip_mt:
            bench_mt(project, work, new)
        docs = [str(n) for n in range(1, args.build_docs + 1)]
        bench_build(project, docs, args.jobs)
        bench_incremental(project, docs, args.jobs)
        me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"6. peak memory: this process {me:.0f} MiB, largest child {children:.0f} MiB "
            f"(target ≤ 1024 MiB)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
