"""Killing ``update`` at random points leaves every catalog old or new; runs never interleave."""

from __future__ import annotations

import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import snapshot, start_workflow

pytestmark = pytest.mark.slow

FRONT = "---\ntitle: 題{n}\nseries: 叢書\nnumber: {n}\ndate: 2025-01-01\n---\n\n"
DOCS = 12


def source(n: int, variant: str) -> str:
    sentences = [f"文書{n}の第{k}文は{variant}版である。" for k in range(1, 40)]
    return FRONT.format(n=n) + "\n\n".join("".join(sentences[i : i + 4]) for i in range(0, 39, 4))


def write_sources(root: Path, variant: str) -> None:
    for n in range(DOCS):
        (root / "sources" / "ja" / f"d{n}.md").write_text(source(n, variant), encoding="utf-8")


@pytest.fixture
def old_and_new(make_project) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    root = make_project({f"d{n}": source(n, "旧") for n in range(DOCS)})
    assert start_workflow(root, "update").wait() == 0
    old = snapshot(root / "locales")
    write_sources(root, "新")
    assert start_workflow(root, "update").wait() == 0
    new = snapshot(root / "locales")
    assert old.keys() == new.keys() and old != new
    return root, old, new


def restore(folder: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(folder)
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def test_killed_update_leaves_every_file_old_or_new(old_and_new) -> None:
    root, old, new = old_and_new
    rng = random.Random(1234)
    started = time.monotonic()
    assert start_workflow(root, "update").wait() == 0  # time one full run to spread the kills
    full_run = time.monotonic() - started
    for _trial in range(6):
        restore(root / "locales", old)
        process = start_workflow(root, "update")
        time.sleep(rng.uniform(0.2, 1.2) * full_run)
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = {k: v for k, v in snapshot(root / "locales").items() if not k.endswith(".tmp")}
        assert after.keys() == old.keys()
        for name, data in after.items():
            assert data in (old[name], new[name]), name
        assert start_workflow(root, "update").wait() == 0
        assert snapshot(root / "locales") == new  # finished, and stale temp files swept


def test_concurrent_updates_serialize_or_fail_fast(old_and_new) -> None:
    root, old, new = old_and_new
    for _trial in range(3):
        restore(root / "locales", old)
        runs = [start_workflow(root, "update", "--lang", lang) for lang in ("en", "ru")]
        results = [(run.wait(), run.stderr.read().decode()) for run in runs]
        for (code, err), lang in zip(results, ("en", "ru"), strict=True):
            done = snapshot(root / "locales" / lang)
            if code == 0:
                assert done == {k.split("/", 1)[1]: v for k, v in new.items() if k.startswith(lang)}
            else:
                assert code == 2 and "project is locked by" in err
