"""Two runs of a writing command on one project serialize or fail fast; no update is lost."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from tests.conftest import snapshot, start_workflow
from tests.export_samples import TRANSLATIONS, make_project, write_catalog
from tests.mt_fixtures import mt_models, mt_project
from workflow.fsio import TEMP_SUFFIX
from workflow.project import Project

__all__ = ["mt_models", "mt_project"]  # fixtures used by the tests below

TRIALS = 6


def finish(runs: list[subprocess.Popen[bytes]]) -> list[tuple[int, str]]:
    results = []
    for run in runs:
        _, err = run.communicate()
        results.append((run.returncode, err.decode()))
    return results


def assert_ok_or_locked(code: int, err: str) -> None:
    assert code == 0 or (code == 2 and err.count("\n") == 1 and "project is locked by" in err), (
        code,
        err,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project").root


def test_concurrent_updates_lose_no_edit(project: Path) -> None:
    """Each trial edits the source; every update that exits 0 leaves it merged."""
    source = project / "sources" / "ja" / "118.md"
    original = source.read_text(encoding="utf-8")
    assert start_workflow(project, "update").wait() == 0
    for trial in range(TRIALS):
        source.write_text(original.replace("1995年", f"{2000 + trial}年"), encoding="utf-8")
        results = finish(
            [start_workflow(project, "update", "--lang", lang) for lang in ("en", "ru")]
        )
        for (code, err), lang in zip(results, ("en", "ru"), strict=True):
            assert_ok_or_locked(code, err)
            msgids = {
                entry.msgid for entry in polib.pofile(str(project / "locales" / lang / "118.po"))
            }
            if code == 0:
                assert f"私が初めてウスケメンを訪れたのは{2000 + trial}年の冬だった。" in msgids
        assert any(code == 0 for code, _ in results)
        assert not [p for p in project.rglob(f"*{TEMP_SUFFIX}")]


def test_concurrent_exports_serialize_or_fail_fast(project: Path) -> None:
    handle = Project.discover(project)
    exports = project / "exports"
    for trial in range(TRIALS):
        texts = [f"{text} ({trial})" for text in TRANSLATIONS["en"]]
        write_catalog(handle, "en", texts)
        results = finish([start_workflow(project, "export", "--lang", "en") for _ in range(2)])
        for code, err in results:
            assert_ok_or_locked(code, err)
        assert any(code == 0 for code, _ in results)
        files = snapshot(exports)
        assert not [name for name in files if name.endswith(TEMP_SUFFIX)]
        text = subprocess.run(
            ["pdftotext", str(exports / "en" / "118.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert f"({trial})" in text  # the run that exited 0 wrote this trial's text


def test_concurrent_pretranslations_serialize_or_fail_fast(mt_project: Project) -> None:
    """Two pre-translation runs with real (tiny) models: each one either fills its language
    completely or is refused with the lock message; nothing else changes."""
    root = mt_project.root
    fresh = {lang: mt_project.po_path(lang, "118").read_bytes() for lang in ("en", "ru")}
    for _trial in range(3):
        for lang, data in fresh.items():
            mt_project.po_path(lang, "118").write_bytes(data)
        runs = [start_workflow(root, "pretranslate", "--lang", lang) for lang in ("en", "ru")]
        for (code, err), lang in zip(finish(runs), ("en", "ru"), strict=True):
            assert_ok_or_locked(code, err)
            entries = [e for e in polib.pofile(str(mt_project.po_path(lang, "118"))) if e.msgid]
            if code == 0:
                assert all(e.msgstr and e.fuzzy for e in entries), lang
            else:
                assert mt_project.po_path(lang, "118").read_bytes() == fresh[lang]
        leftovers = [p for p in (root / "locales").rglob(f"*{TEMP_SUFFIX}")]
        assert not leftovers
