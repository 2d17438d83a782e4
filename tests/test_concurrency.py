"""Two runs of a writing command on one project: while the first is writing, the second is
refused at once; the first then finishes with its own result.  Deterministic: the first run
is held inside its first write by fsio's test-only pause (see tests/test_write_window.py).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from tests.conftest import snapshot, start_workflow
from tests.export_samples import TRANSLATIONS, make_project, write_catalog
from tests.mt_fixtures import mt_models, mt_project
from tests.test_write_window import pause_at_first_write
from workflow.fsio import TEMP_SUFFIX
from workflow.project import Project

__all__ = ["mt_models", "mt_project"]  # fixtures used by the tests below

pytestmark = pytest.mark.slow

TRIALS = 2


def race(root: Path, first: list[str], second: list[str]) -> str:
    """Run *second* while *first* is half-way through a write; return *first*'s stderr.

    The second run must fail with the lock message and change nothing; the first must then
    succeed and leave no temporary file.
    """
    running, signal_file = pause_at_first_write(root, *first)
    before = snapshot(root)
    refused = start_workflow(root, *second)
    _, err = refused.communicate(timeout=120)
    assert refused.returncode == 2, err.decode()
    assert err.decode() == (
        f"workflow: error: {root / '.workflow-lock'}: project is locked by workflow "
        f"{first[0]} (pid {running.pid}) (wait for the other workflow run to finish, then retry)\n"
    )
    assert snapshot(root) == before
    signal_file.unlink()
    _, first_err = running.communicate(timeout=300)
    assert running.returncode == 0, first_err.decode()
    assert not [path for path in root.rglob(f"*{TEMP_SUFFIX}")]
    return first_err.decode()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project").root


def test_concurrent_updates_lose_no_edit(project: Path) -> None:
    """Each trial edits the source; the update that runs leaves it merged, the other is refused."""
    source = project / "sources" / "ja" / "118.md"
    original = source.read_text(encoding="utf-8")
    assert start_workflow(project, "update").wait() == 0
    for trial in range(TRIALS):
        source.write_text(original.replace("1995年", f"{2000 + trial}年"), encoding="utf-8")
        race(project, ["update", "--lang", "en"], ["update", "--lang", "ru"])
        merged = f"私が初めてウスケメンを訪れたのは{2000 + trial}年の冬だった。"
        en = {entry.msgid for entry in polib.pofile(str(project / "locales" / "en" / "118.po"))}
        ru = {entry.msgid for entry in polib.pofile(str(project / "locales" / "ru" / "118.po"))}
        assert merged in en and merged not in ru  # ru's update was refused, not half-run


def test_concurrent_exports_serialize_or_fail_fast(project: Path) -> None:
    handle = Project.discover(project)
    exports = project / "exports"
    for trial in range(TRIALS):
        texts = [f"{text} ({trial})" for text in TRANSLATIONS["en"]]
        write_catalog(handle, "en", texts)
        race(project, ["export", "--lang", "en"], ["export", "--lang", "en"])
        text = subprocess.run(
            ["pdftotext", str(exports / "en" / "118.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert f"({trial})" in text  # the run that went ahead wrote this trial's text


def test_concurrent_pretranslations_serialize_or_fail_fast(mt_project: Project) -> None:
    """With real (tiny) models: the first run fills its language completely, the second is
    refused and its language stays as it was."""
    root = mt_project.root
    fresh = mt_project.po_path("ru", "118").read_bytes()
    race(root, ["pretranslate", "--lang", "en"], ["pretranslate", "--lang", "ru"])
    filled = [e for e in polib.pofile(str(mt_project.po_path("en", "118"))) if e.msgid]
    assert len(filled) > 40 and all(e.msgstr and e.fuzzy for e in filled)
    assert mt_project.po_path("ru", "118").read_bytes() == fresh
