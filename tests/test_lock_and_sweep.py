"""Every writing command takes the project lock; the lock holder sweeps only its own leftovers."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import GLOSSARY, snapshot
from workflow.cli import main
from workflow.errors import LockedError
from workflow.fsio import (
    LOCK_NAME,
    TEMP_MARKER,
    TEMP_SUFFIX,
    project_lock,
    remove_stale_temp_files,
)

WRITING_COMMANDS = [
    ("update",),
    ("pretranslate", "--engine", "none"),
    ("export",),
    ("build",),
    ("review", "export"),
    ("models", "install", "missing.argosmodel"),
]
READING_COMMANDS = [("status",), ("check",), ("glossary", "validate"), ("models", "list")]


def run(root: Path, *args: str) -> int:
    return main(["--project", str(root), *args])


def leftover(folder: Path, target: str) -> Path:
    """A temporary file named exactly as fsio names them (as a killed run leaves it)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target}{TEMP_MARKER}", suffix=TEMP_SUFFIX, dir=folder)
    os.write(fd, b"half a catalog")
    os.close(fd)
    return Path(name)


@pytest.mark.parametrize("command", WRITING_COMMANDS, ids=lambda args: " ".join(args[:2]))
def test_writing_command_is_refused_while_another_run_holds_the_lock(
    make_project, capsys, command: tuple[str, ...]
) -> None:
    root = make_project()
    assert run(root, "update") == 0
    capsys.readouterr()
    with project_lock(root, "export"):
        before = snapshot(root)
        assert run(root, *command) == 2
        assert snapshot(root) == before
    err = capsys.readouterr().err
    assert err == (
        f"workflow: error: {root / LOCK_NAME}: project is locked by workflow export "
        f"(pid {os.getpid()}) (wait for the other workflow run to finish, then retry)\n"
    )


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_reading_commands_run_while_the_project_is_locked(
    make_project, capsys, command: tuple[str, ...]
) -> None:
    root = make_project()
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    assert run(root, "update") == 0
    catalogs = snapshot(root / "locales")
    capsys.readouterr()
    with project_lock(root, "update"):
        assert run(root, *command) == 0, capsys.readouterr()
    out, err = capsys.readouterr()
    assert out and "locked" not in out + err  # it ran and said what it found
    assert snapshot(root / "locales") == catalogs


def test_lock_is_released_after_the_command_and_after_an_error(make_project) -> None:
    root = make_project()
    with project_lock(root, "update"):
        pass
    with pytest.raises(RuntimeError), project_lock(root, "update"):
        raise RuntimeError("stage failed")
    locked = pytest.raises(LockedError, match=r"project is locked by workflow update \(pid")
    with project_lock(root, "update"), locked, project_lock(root, "export"):
        pass
    assert run(root, "update") == 0


def test_lock_holder_names_itself_even_over_a_longer_old_name(tmp_path: Path) -> None:
    (tmp_path / LOCK_NAME).write_text("workflow models install (pid 99999999)\nextra\n")
    with project_lock(tmp_path, "export"):
        assert (tmp_path / LOCK_NAME).read_text() == f"workflow export (pid {os.getpid()})\n"


def test_update_sweeps_the_leftovers_of_killed_runs_and_nothing_else(make_project) -> None:
    root = make_project()
    assert run(root, "update") == 0
    mine = [
        leftover(root / "locales" / "ru", "7.po"),
        leftover(root / "locales", "7.pot"),
        leftover(root / "exports" / "en", "7.pdf"),
        leftover(root / "exports" / ".stamps" / "en", "7.pdf.json"),
    ]
    users = {
        root / "locales" / "ru" / "notes.tmp": b"a translator's notes",
        root / "locales" / "ru" / ".7.tmp": b"an editor's backup",
        root / "locales" / "ru" / ".7.po.k2j3h4g5.tmp": b"another tool's temp file",
        root / "sources" / "ja" / ".7.md.abc123.tmp": b"outside the swept folders",
    }
    for path, data in users.items():
        path.write_bytes(data)
    assert all(path.exists() for path in mine)
    assert run(root, "update") == 0
    assert not any(path.exists() for path in mine)
    assert {path: path.read_bytes() for path in users} == users


def test_sweep_returns_what_it_removed_and_keeps_folders_named_like_leftovers(
    tmp_path: Path,
) -> None:
    stale = leftover(tmp_path / "en", "118.docx")
    (tmp_path / ".a.b.tmp").mkdir()
    assert remove_stale_temp_files(tmp_path, tmp_path) == [stale]
    assert (tmp_path / ".a.b.tmp").is_dir()


def test_a_refused_run_sweeps_nothing(make_project) -> None:
    """Leftovers may belong to the run holding the lock: only the holder may sweep."""
    root = make_project()
    assert run(root, "update") == 0
    in_flight = leftover(root / "locales" / "en", "7.po")
    with project_lock(root, "update"):
        assert run(root, "update") == 2
    assert in_flight.exists()


def test_sweep_takes_leftovers_of_names_without_a_suffix(tmp_path: Path) -> None:
    stale = leftover(tmp_path, "LICENSE")  # .LICENSE.workflow-x1y2z3a4.tmp
    (tmp_path / ".notes.tmp").write_bytes(b"no marker: not ours")
    assert remove_stale_temp_files(tmp_path, tmp_path) == [stale]
    assert (tmp_path / ".notes.tmp").exists()


def test_sweep_never_follows_a_folder_link_out_of_the_project(tmp_path: Path) -> None:
    """A project folder that is a link to a folder elsewhere (shared exports, say) is not
    swept: what lies outside the project is not the tool's to delete, whatever its name."""
    elsewhere, project = tmp_path / "shared-exports", tmp_path / "project"
    project.mkdir()
    theirs = leftover(elsewhere / "en", "7.pdf")
    (project / "exports").symlink_to(elsewhere, target_is_directory=True)
    assert remove_stale_temp_files(project / "exports", project) == []
    assert theirs.exists()
    assert remove_stale_temp_files(project / "missing", project) == []


def test_the_lock_file_is_created_readable_by_all_and_writable_by_its_owner(tmp_path) -> None:
    umask = os.umask(0o022)
    try:
        with project_lock(tmp_path, "update"):
            pass
    finally:
        os.umask(umask)
    assert (tmp_path / LOCK_NAME).stat().st_mode & 0o777 == 0o644


def test_a_program_the_workflow_starts_does_not_inherit_the_lock(tmp_path: Path) -> None:
    """A program started while the lock is held (even one whose starter keeps open files,
    as ``os.system`` does) must not hold the project locked after the run has ended."""
    with project_lock(tmp_path, "review"):
        listed = subprocess.run(
            "ls -l /proc/self/fd/", shell=True, close_fds=False, capture_output=True, text=True
        )
    assert "/proc/self/fd" not in listed.stderr and listed.stdout.count("->") >= 3
    assert LOCK_NAME not in listed.stdout


@pytest.mark.parametrize(
    ("plant", "message"),
    [
        (
            lambda lock, outside: os.symlink(outside, lock),
            "cannot open the project lock: is a symlink",
        ),
        (
            lambda lock, outside: os.link(outside, lock),
            "the project lock is a file with other names (hard link); not used",
        ),
        (lambda lock, outside: os.mkdir(lock), "cannot open the project lock: Is a directory"),
        (
            lambda lock, outside: os.mkfifo(lock),
            "the project lock is a FIFO (named pipe); not used",
        ),
    ],
    ids=["symlink", "hard link", "folder", "fifo"],
)
def test_a_planted_lock_is_refused_with_what_it_is_and_what_to_do(
    tmp_path: Path, plant, message: str
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("not the lock", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    plant(project / LOCK_NAME, outside)
    with pytest.raises(LockedError) as refused, project_lock(project, "update"):
        pass
    assert str(refused.value) == (
        f"{project / LOCK_NAME}: {message} (delete it; the workflow creates its own lock file)"
    )
    assert outside.read_text(encoding="utf-8") == "not the lock"
