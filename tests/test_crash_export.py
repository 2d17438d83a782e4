"""Killing ``export`` at random points leaves every export old or new, never a mix or empty."""

from __future__ import annotations

import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import snapshot, start_workflow
from tests.export_samples import TRANSLATIONS, make_project, write_catalog
from workflow.fsio import TEMP_SUFFIX
from workflow.project import Project

pytestmark = pytest.mark.slow

DOCS = ("118", "119", "120")
TRIALS = 6


def write_catalogs(root: Path, edition: str) -> None:
    """Reviewed en and ru catalogs for every document; *edition* marks each text."""
    project = Project.discover(root)
    for doc_id in DOCS:
        for lang in ("en", "ru"):
            texts = [f"{text} [{edition}]" for text in TRANSLATIONS[lang]]
            write_catalog(project, lang, texts, doc_id=doc_id)


@pytest.fixture
def old_export(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """Three documents exported in en and ru; the catalogs then edited (not yet exported)."""
    project = make_project(tmp_path / "project")
    source = project.root / "sources" / "ja" / "118.md"
    for doc_id in DOCS[1:]:
        shutil.copy(source, source.with_name(f"{doc_id}.md"))
    write_catalogs(project.root, "1")  # a number: a Latin word in Russian fails the check
    assert start_workflow(project.root, "export", "--lang", "en", "--lang", "ru").wait() == 0
    old = snapshot(project.root / "exports")
    write_catalogs(project.root, "2")
    return project.root, old


def test_killed_export_leaves_every_file_old_or_new(old_export) -> None:
    root, old = old_export
    exports = root / "exports"
    # one process renders, so the writes spread over the run (workers write all at its end)
    export = ("export", "--jobs", "1", "--lang", "en", "--lang", "ru")
    started = time.monotonic()
    assert start_workflow(root, *export).wait() == 0
    full_run = time.monotonic() - started
    new = snapshot(exports)
    assert new.keys() == old.keys() and all(new[name] != old[name] for name in old)
    rng = random.Random(20260217)
    outcomes = set()
    for trial in range(TRIALS):
        shutil.rmtree(exports)
        for name, data in old.items():
            (exports / name).parent.mkdir(parents=True, exist_ok=True)
            (exports / name).write_bytes(data)
        process = start_workflow(root, *export)
        # spread over the run (and past its end), each point jittered
        time.sleep((0.1 + trial * 1.1 / (TRIALS - 1) + rng.uniform(-0.05, 0.05)) * full_run)
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = {k: v for k, v in snapshot(exports).items() if not k.endswith(TEMP_SUFFIX)}
        assert after.keys() == old.keys()
        for name, data in after.items():
            assert data in (old[name], new[name]), name
            outcomes.add("old" if data == old[name] else "new")
        assert start_workflow(root, *export).wait() == 0
        assert snapshot(exports) == new  # finished, and the killed run's temp files swept
    assert outcomes == {"old", "new"}  # the kills did land in the middle of runs
