"""Benchmark ``workflow check`` and ``workflow status`` on a generated series.

The corpus is :mod:`benchmarks.series_corpus`: N distinct nights (default 1001) made from the
essay's sentences with numbers varied per night, reviewed catalogs in en, ru and kk that pass
the check.  Each figure is the wall time of the real command in a fresh process (imports
included), as a user sees it:

1. baseline: ``check --no-cache --jobs 1`` (every rule, one process, no result cache);
2. ``check`` cold: empty result cache, catalogs checked by one worker per core;
3. ``check`` warm: nothing changed since the last run;
4. ``status`` right after that check (it segments the sources once, to tell stale catalogs),
   then ``status`` warm: nothing changed.

With ``--baseline-rev REV`` the ``workflow check`` of an older commit (extracted with
``git archive``) is timed on the same corpus as well.

Run: ``.venv/bin/python benchmarks/bench_check.py [--documents 1001] [--corpus DIR]``
(``--corpus`` keeps the generated series in DIR and reuses it on the next run).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.series_corpus import generate_series  # noqa: E402

CACHE = ".workflow-cache"


def workflow(root: Path, *args: str, code: Path = REPO) -> float:
    """Seconds taken by ``workflow --project root ARGS`` in a new process (run from *code*)."""
    command = [sys.executable, "-c", "import sys; from workflow.cli import main; sys.exit(main())"]
    environment = {**os.environ, "PYTHONPATH": str(code)}
    start = time.perf_counter()
    result = subprocess.run(
        [*command, "--project", str(root), *args],
        env=environment,
        cwd=code,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(
            f"workflow {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr}"
        )
    return seconds


def corpus(path: Path | None, documents: int, work: Path) -> Path:
    """The series project: reused from *path* if it is there, generated otherwise."""
    root = path or work / "series"
    if not (root / "pyproject.toml").exists():
        start = time.perf_counter()
        generate_series(root, documents)
        print(
            f"generated {documents} documents × en, ru, kk in {time.perf_counter() - start:.0f} s"
        )
    return root


def old_code(rev: str, work: Path) -> Path:
    """The ``workflow`` package as of *rev*, extracted into *work*."""
    folder = work / f"code-{rev}"
    folder.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", rev, "workflow"], check=True, stdout=subprocess.PIPE
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1001)
    parser.add_argument("--corpus", type=Path, help="keep (and reuse) the series in this folder")
    parser.add_argument("--baseline-rev", help="also time 'workflow check' of this commit")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        work = Path(tmp)
        root = corpus(args.corpus, args.documents, work)
        catalogs = len(list((root / "locales").glob("*/*.po")))
        print(f"corpus: {catalogs} catalogs; {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}")
        figures: dict[str, float] = {}
        if args.baseline_rev:
            figures[f"check at {args.baseline_rev}"] = workflow(
                root, "check", code=old_code(args.baseline_rev, work)
            )
        figures["baseline: check --no-cache --jobs 1"] = workflow(
            root, "check", "--no-cache", "--jobs", "1"
        )
        shutil.rmtree(root / CACHE, ignore_errors=True)
        figures["check cold"] = workflow(root, "check")
        figures["check warm (unchanged)"] = workflow(root, "check")
        figures["status, first after check"] = workflow(root, "status")
        figures["status warm"] = workflow(root, "status")
    baseline = figures["baseline: check --no-cache --jobs 1"]
    for name, seconds in figures.items():
        print(f"{name:40} {seconds:8.2f} s   ×{baseline / seconds:6.1f} vs baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
