"""Crashes and races *inside* the write window, made certain by fsio's test-only pause.

With ``WORKFLOW_TEST_PAUSE_IN_WRITE=FILE`` a run stops half-way through its first write,
creates FILE and waits: the tests then kill it there (an in-place write would leave a
half-written target) or start a second run while the first holds the project lock.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import snapshot, start_workflow
from tests.export_samples import TRANSLATIONS, make_project, write_catalog
from workflow.cli import main
from workflow.fsio import PAUSE_ENV, TEMP_MARKER, TEMP_SUFFIX
from workflow.project import Project

pytestmark = pytest.mark.slow

#: Every command that writes, with arguments that would make it write here.
LOCKING_COMMANDS = [
    ("update",),
    ("pretranslate", "--engine", "none"),
    ("export", "--lang", "en"),
    ("build", "--lang", "en"),
    ("review", "export", "--lang", "en"),
    ("models", "install", "missing.argosmodel"),
]


def pause_at_first_write(root: Path, *args: str) -> tuple[subprocess.Popen[bytes], Path]:
    """Start ``workflow ARGS`` and return once it is half-way through its first write."""
    signal_file = root.parent / "paused-in-write"
    signal_file.unlink(missing_ok=True)
    process = start_workflow(root, *args, env={PAUSE_ENV: str(signal_file)})
    deadline = time.monotonic() + 60
    while not signal_file.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run never reached a write"
        time.sleep(0.02)
    return process, signal_file


def temp_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob(f"*{TEMP_SUFFIX}") if path.is_file())


def target_of(temp: Path) -> Path:
    """``.118.po.workflow-k2x9ab3c.tmp`` → ``118.po`` (the name fsio gives its temporary
    files)."""
    return temp.with_name(temp.name[1:].rsplit(TEMP_MARKER, 1)[0])


def assert_killed_in_first_write(folder: Path, old: dict[str, bytes]) -> None:
    """Every file under *folder* is as before; the half-written data is in one temp file."""
    after = snapshot(folder)
    leftovers = [name for name in after if name.endswith(TEMP_SUFFIX)]
    # an in-place write would leave its target half-written here:
    assert {name: data for name, data in after.items() if name not in leftovers} == old
    (leftover,) = leftovers
    assert len(after[leftover]) > 0
    assert str(target_of(folder / leftover).relative_to(folder)) in old


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The export sample with reviewed en/ru catalogs, after ``update``."""
    handle = make_project(tmp_path / "project")
    for lang in ("en", "ru"):
        write_catalog(handle, lang, TRANSLATIONS[lang])
    assert main(["--project", str(handle.root), "update"]) == 0
    return handle.root


def edit_catalogs(root: Path, mark: str) -> None:
    handle = Project.discover(root)
    for lang in ("en", "ru"):
        write_catalog(handle, lang, [f"{text} {mark}" for text in TRANSLATIONS[lang]])


def test_update_killed_in_the_write_window_leaves_the_old_file(project: Path) -> None:
    source = project / "sources" / "ja" / "118.md"
    source.write_text(source.read_text(encoding="utf-8").replace("1995", "1996"), "utf-8")
    old = snapshot(project / "locales")
    process, _ = pause_at_first_write(project, "update")
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert_killed_in_first_write(project / "locales", old)
    assert start_workflow(project, "update").wait() == 0
    assert temp_files(project / "locales") == []  # swept under the lock
    assert "1996年" in (project / "locales" / "118.pot").read_text(encoding="utf-8")
    assert snapshot(project / "locales") != old


def test_export_killed_in_the_write_window_leaves_the_old_file(project: Path) -> None:
    exports = project / "exports"
    assert main(["--project", str(project), "export", "--lang", "en", "--lang", "ru"]) == 0
    old = snapshot(exports)
    edit_catalogs(project, "[edited]")
    # a draft skips the publish gate (whose cache would be the first write) and one process
    # renders, so the first write is an export
    again = ("export", "--draft", "--jobs", "1", "--lang", "en", "--lang", "ru")
    process, _ = pause_at_first_write(project, *again)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert_killed_in_first_write(exports, old)
    assert start_workflow(project, *again).wait() == 0
    after = snapshot(exports)
    assert after.keys() == old.keys() and all(after[name] != old[name] for name in old)


def test_a_paused_run_finishes_with_the_new_file(project: Path) -> None:
    """The pause itself changes nothing: released, the run completes the same write."""
    edit_catalogs(project, "[edited]")
    process, signal_file = pause_at_first_write(project, "export", "--lang", "en")
    signal_file.unlink()
    assert process.wait(timeout=120) == 0
    assert temp_files(project / "exports") == []
    text = subprocess.run(
        ["pdftotext", str(project / "exports" / "en" / "118.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "[edited]" in text


def test_every_writing_command_is_refused_while_another_process_holds_the_lock(
    project: Path, capsys
) -> None:
    source = project / "sources" / "ja" / "118.md"
    source.write_text(source.read_text(encoding="utf-8").replace("1995", "1996"), "utf-8")
    first, signal_file = pause_at_first_write(project, "update")
    before = snapshot(project)
    for command in LOCKING_COMMANDS:
        capsys.readouterr()
        assert main(["--project", str(project), *command]) == 2, command
        err = capsys.readouterr().err
        assert err.startswith("workflow: error: ") and err.count("\n") == 1, err
        assert f"project is locked by workflow update (pid {first.pid})" in err
        assert snapshot(project) == before  # the refused run touched nothing, swept nothing
    signal_file.unlink()
    assert first.wait(timeout=120) == 0
    assert temp_files(project) == []
    assert "1996年" in (project / "locales" / "118.pot").read_text(encoding="utf-8")
