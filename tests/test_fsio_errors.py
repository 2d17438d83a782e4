"""fsio's edge cases, message by message: unchanged writes, vanished files, failed writes."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import tempfile
from pathlib import Path

import pytest

from workflow import fsio
from workflow.errors import InputError, WorkflowError
from workflow.fsio import (
    TEMP_SUFFIX,
    atomic_write_bytes,
    atomic_write_text,
    confine_to_project,
    file_digest,
    project_relative,
    read_input_bytes,
    read_input_text,
)

#: The user and group id of ``nobody`` (a user without rights).
NOBODY = 65534

WRITE_HINT = (
    "(check that its folder exists, is writable and has space, and that no folder has the "
    "file's name)"
)


def test_unchanged_data_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "118.po"
    assert atomic_write_bytes(path, b"data") is True
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert atomic_write_bytes(path, b"data") is False
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_text_is_written_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "new" / "118.po"
    assert atomic_write_text(path, "Өскемен\n") is True
    assert path.read_bytes() == "Өскемен\n".encode()
    assert atomic_write_text(path, "Өскемен\n") is False


def test_a_file_deleted_since_it_was_read_is_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "118.po"
    path.write_bytes(b"as loaded")
    digest = file_digest(path, "PO file")
    path.unlink()
    with pytest.raises(InputError) as caught:
        atomic_write_bytes(path, b"merged", expected_digest=digest)
    assert str(caught.value) == (
        f"{path}: changed on disk while this command ran; left as it is "
        "(run the command again: it will work from the saved file)"
    )
    assert not path.exists()


def test_a_file_unchanged_since_it_was_read_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "118.po"
    path.write_bytes(b"as loaded")
    assert atomic_write_bytes(path, b"merged", expected_digest=file_digest(path, "PO file"))
    assert path.read_bytes() == b"merged"
    assert file_digest(tmp_path / "absent.po", "PO file") is None


def test_a_file_in_place_of_a_folder_is_a_write_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"")
    assert file_digest(tmp_path / "file" / "118.po", "PO file") is None  # nothing can be there
    with pytest.raises(WorkflowError) as caught:
        atomic_write_bytes(tmp_path / "file" / "118.po", b"data")
    assert str(caught.value).startswith(f"{tmp_path / 'file' / '118.po'}: cannot write file: ")


def test_a_folder_in_the_way_is_an_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "118.po").mkdir()
    with pytest.raises(WorkflowError) as caught:
        atomic_write_bytes(tmp_path / "118.po", b"data")
    assert str(caught.value) == (
        f"{tmp_path / '118.po'}: cannot read file: it is a folder, not a regular file "
        "(give the path of a regular file)"
    )
    assert (tmp_path / "118.po").is_dir()


def test_a_failed_write_names_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / ("n" * 250)  # a valid name, but its temporary file's name is too long
    with pytest.raises(WorkflowError) as caught:
        atomic_write_bytes(path, b"data")
    assert str(caught.value) == f"{path}: cannot write file: File name too long {WRITE_HINT}"
    assert list(tmp_path.iterdir()) == []
    assert not list(tmp_path.rglob(f"*{TEMP_SUFFIX}"))


class InterruptedData(bytes):
    """Bytes whose copying into the temporary file is interrupted (Ctrl-C mid-write)."""

    def __getitem__(self, index: object) -> bytes:
        raise KeyboardInterrupt


def test_an_interrupted_write_removes_its_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "118.po"
    path.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(path, InterruptedData(b"new"))
    assert [p.name for p in tmp_path.iterdir()] == ["118.po"]
    assert path.read_bytes() == b"old"


def test_a_folder_that_cannot_be_synced_is_not_an_error(tmp_path: Path, monkeypatch) -> None:
    """fsync of the folder is best effort (some filesystems refuse it); the file is written."""
    synced_files = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "fsync of a folder refused")
        synced_files.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    path = tmp_path / "118.po"
    assert atomic_write_bytes(path, b"x")
    assert path.read_bytes() == b"x" and synced_files


def test_a_missing_input_names_the_file_and_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_input_bytes(tmp_path / "118.po", "PO file")
    assert str(caught.value) == (
        f"{tmp_path / '118.po'}: cannot read PO file: No such file or directory "
        "(check that it exists and is readable)"
    )


def test_a_missing_text_input_names_what_it_is_and_the_given_hint(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_input_text(tmp_path / "terms.yaml", "glossary", hint="create glossary/terms.yaml")
    assert str(caught.value) == (
        f"{tmp_path / 'terms.yaml'}: cannot read glossary: No such file or directory "
        "(create glossary/terms.yaml)"
    )
    with pytest.raises(InputError, match=r"cannot read source: .* \(check that it exists"):
        read_input_text(tmp_path / "118.md", "source")


def test_invalid_utf8_names_its_line_counting_a_leading_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "118.md"
    path.write_bytes(b"\ntitle\n\xff\n")
    with pytest.raises(InputError) as caught:
        read_input_text(path, "source")
    assert str(caught.value) == f"{path}:3: invalid UTF-8 (byte 0xff) (save the file as UTF-8)"


def test_text_input_drops_the_bom_and_normalizes_newlines(tmp_path: Path) -> None:
    path = tmp_path / "118.md"
    path.write_bytes("\ufeffa\r\nb\rc\n".encode())
    assert read_input_text(path, "source") == "a\nb\nc\n"


def test_a_catalog_that_cannot_be_read_for_its_digest_names_the_file_and_what_to_do(
    tmp_path: Path,
) -> None:
    path = tmp_path / "118.po"
    path.symlink_to(path)  # a link to itself: there, but unreadable
    with pytest.raises(InputError) as caught:
        file_digest(path, "PO file")
    assert str(caught.value) == (
        f"{path}: cannot read PO file: Too many levels of symbolic links "
        "(every folder on the path must be a folder, and the file readable)"
    )
    (tmp_path / "ru").write_bytes(b"a file where the language folder belongs")
    assert file_digest(tmp_path / "ru" / "118.po", "PO file") is None  # nothing is there


def test_paths_inside_the_project_are_shown_relative_and_others_as_given(tmp_path: Path) -> None:
    assert project_relative(tmp_path / "locales" / "ru" / "118.po", tmp_path) == Path(
        "locales/ru/118.po"
    )
    assert project_relative(Path("/etc/passwd"), tmp_path) == Path("/etc/passwd")


def test_a_new_file_belongs_to_the_user_who_wrote_it(tmp_path: Path) -> None:
    path = tmp_path / "new.po"
    assert atomic_write_bytes(path, b"data")
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (os.geteuid(), os.getegid())


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to act as a second user")
def test_a_file_of_another_user_in_a_shared_folder_is_rewritten_as_ones_own() -> None:
    """In a shared (writable) project folder a translator may update a catalog another user
    created: the rewrite cannot give the file back to its owner, and is still made."""
    shared = Path(tempfile.mkdtemp(prefix="shared-project-", dir="/tmp"))
    try:
        shared.chmod(0o777)
        path = shared / "118.po"
        assert atomic_write_bytes(path, b"written by root")
        path.chmod(0o666)
        child = os.fork()
        if child == 0:  # the second user, a translator without root rights
            code = 1
            try:
                os.setgid(NOBODY)
                os.setuid(NOBODY)
                code = 0 if atomic_write_bytes(path, b"rewritten by nobody") else 1
            finally:
                os._exit(code)
        _, status = os.waitpid(child, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert path.read_bytes() == b"rewritten by nobody"
        info = path.stat()
        assert (info.st_uid, info.st_mode & 0o777) == (NOBODY, 0o666)
    finally:
        shutil.rmtree(shared)


def test_a_link_out_of_the_project_is_refused_naming_what_it_is_and_what_to_do(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(fsio, "_project_root", None)  # restored after the test
    project, outside = tmp_path / "project", tmp_path / "secret.txt"
    project.mkdir()
    outside.write_text("secret", encoding="utf-8")
    (project / "118.po").symlink_to(outside)
    confine_to_project(project)
    with pytest.raises(InputError) as caught:
        read_input_bytes(project / "118.po", "PO file")
    assert str(caught.value) == (
        f"{project / '118.po'}: PO file is a link to a file outside the project; not read "
        "(replace the link by the file itself, or a link inside the project)"
    )


def test_a_file_swapped_for_a_fifo_after_its_check_is_refused_without_waiting(
    tmp_path: Path, monkeypatch
) -> None:
    """The file is checked before it is opened, and again once open: a FIFO put in its
    place in between is opened without waiting for a writer, then refused."""
    path = tmp_path / "118.po"
    path.write_bytes(b"msgid")
    checked, swapped = os.stat, []

    def stat_then_swap(target, *args, **kwargs):
        info = checked(target, *args, **kwargs)
        if str(target) == str(path) and not swapped:
            swapped.append(path)
            os.unlink(path)
            os.mkfifo(path)
        return info

    monkeypatch.setattr(os, "stat", stat_then_swap)
    previous = signal.signal(signal.SIGALRM, _opening_blocked)
    signal.alarm(10)
    try:
        with pytest.raises(InputError) as caught:
            read_input_bytes(path, "PO file")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert swapped and str(caught.value) == (
        f"{path}: cannot read PO file: it is a FIFO (named pipe), not a regular file "
        "(give the path of a regular file)"
    )


def _opening_blocked(signum, frame) -> None:
    raise AssertionError("opening the FIFO waited for a writer")


def test_a_read_error_after_opening_names_the_file_and_what_to_do() -> None:
    """A regular file that fails when read (as on a failing disk: reading the start of
    /proc/self/mem, which is not mapped, gives EIO)."""
    with pytest.raises(InputError) as caught:
        read_input_bytes(Path("/proc/self/mem"), "PO file", "check the disk")
    assert str(caught.value) == (
        "/proc/self/mem: cannot read PO file: Input/output error (check the disk)"
    )
    assert isinstance(caught.value.__cause__, OSError)
