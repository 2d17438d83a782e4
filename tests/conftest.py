"""Shared fixtures: a small, real workflow project in a temporary folder."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import Phase, settings

REPO = Path(__file__).resolve().parent.parent

#: Hypothesis profiles, chosen with HYPOTHESIS_PROFILE: "ci" (the default, also in CI) draws
#: the same examples on every run; "long" draws ten times as many, at random, on demand.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("long", max_examples=1000, deadline=None, print_blob=True)
#: benchmarks/mutation.py runs the tests once per mutant: a sixth of the examples (at least 10),
#: and no shrinking (a failure kills the mutant at once; shrinking it took minutes a mutant).
settings.register_profile(
    "mutation",
    derandomize=True,
    deadline=None,
    print_blob=True,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(HYPOTHESIS_PROFILE)


def examples(count: int) -> int:
    """A test's ``max_examples``: *count*, ten times more under the "long" profile, a sixth
    (at least 10) under the "mutation" one."""
    if HYPOTHESIS_PROFILE == "mutation":
        return max(10, count // 6)
    return count * 10 if HYPOTHESIS_PROFILE == "long" else count


def pytest_report_header() -> str:
    if HYPOTHESIS_PROFILE in ("ci", "mutation"):
        return (
            f"hypothesis profile: {HYPOTHESIS_PROFILE} "
            "(derandomized: a fixed seed per test, the same every run)"
        )
    return f"hypothesis profile: {HYPOTHESIS_PROFILE} (random; failing examples print a blob)"


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """A bytes parameter's id when test ids are left unescaped (benchmarks/mutation.py
    does that), where pytest cannot make one: its escaped text, as in any other run."""
    unescaped = "disable_test_id_escaping_and_forfeit_all_rights_to_community_support"
    if isinstance(val, bytes) and config.getini(unescaped):
        return val.decode("ascii", "backslashreplace")
    return None


PYPROJECT = """\
[project]
name = "sample-essays"
version = "0"

[tool.workflow]
project-id = "sample"
source-language = "ja"
languages = ["en", "ru", "kk"]
translation-team = "Sample team"
"""

#: A glossary with one term (モスクワ → Moscow), for projects made by ``make_project``.
GLOSSARY = (
    "terms:\n  - {id: moscow, kind: place, ja: [モスクワ], en: Moscow, ru: Москва, kk: Мәскеу}\n"
)

SAMPLE_SOURCE = """\
---
title: 中央アジアの資源
series: レアメタル千夜一夜
number: 7
date: 2025-12-01
author: 著者
---

私は1989年にモスクワを訪れた。ラズノインポルトの統計はあるが現場がない――。
それはペレストロイカ(改革)のお陰である。

カザフスタンの「周期表の交差点」は、ウスチ・カメノゴルスクである。
"""


@pytest.fixture
def make_project(tmp_path: Path):
    """Create a project with ``{doc_id: markdown}`` sources; returns its root."""

    def make(sources: dict[str, str] | None = None, pyproject: str = PYPROJECT) -> Path:
        root = tmp_path / "project"
        (root / "sources" / "ja").mkdir(parents=True)
        (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
        for doc_id, text in (sources or {"7": SAMPLE_SOURCE}).items():
            (root / "sources" / "ja" / f"{doc_id}.md").write_text(text, encoding="utf-8")
        return root

    return make


@pytest.fixture
def essay_project(tmp_path: Path) -> Path:
    """A copy of this repository's real project files (sources, locales, glossary)."""
    root = tmp_path / "essay"
    root.mkdir()
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    for folder in ("sources", "locales", "glossary"):
        if (REPO / folder).exists():
            shutil.copytree(REPO / folder, root / folder)
    return root


def start_workflow(
    root: Path, *args: str, epoch: str = "1771286400", env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """``workflow --project root ARGS`` in a child process (for kill and concurrency tests)."""
    return subprocess.Popen(
        [sys.executable, "-m", "workflow", "--project", str(root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "SOURCE_DATE_EPOCH": epoch, **(env or {})},
        preexec_fn=_interruptible,
    )


def _interruptible() -> None:
    """Ctrl-C raises KeyboardInterrupt in the child, as in a terminal, even when the test
    run itself was started in the background with SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under *root* (relative path → bytes), to prove nothing changed."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


class _OneThreadPool(ThreadPoolExecutor):
    """One thread of this process in place of the export's worker processes (the worker
    count is still computed, and the work still handed over as to a pool)."""

    def __init__(self, workers: int, **process_options: object) -> None:
        super().__init__(1)


@pytest.fixture(autouse=True)
def _under_mutation(monkeypatch: pytest.MonkeyPatch):
    """Under mutmut (benchmarks/mutation.py, which sets ``MUTANT_UNDER_TEST``) every test
    runs the code in its own process, and mutmut's coverage pass (``stats``) sees every call.

    mutmut learns which tests reach a function only in the process it runs, so exports
    render in one thread here instead of in worker processes; in the coverage pass the
    variable is removed for child processes (which would try to record without mutmut's
    settings, and fail; the pass keeps its own copy of the value), and the glossary-matching
    caches are emptied (a term pattern cached by an earlier test would hide which tests run
    the inflection rules)."""
    mode = os.environ.get("MUTANT_UNDER_TEST")
    if mode is None:
        return
    from workflow.export import pipeline

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", _OneThreadPool)
    if mode == "stats":
        monkeypatch.delenv("MUTANT_UNDER_TEST")
        from workflow import morphology
        from workflow.morphology import kk

        cached = (morphology.normalize, morphology.phrase_pattern, kk.word_forms)
        for function in (*cached, morphology._patterns, morphology._tokenized):
            function.cache_clear()
