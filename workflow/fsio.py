"""Safe file output: atomic replacement and a project-wide lock.

Every file the workflow writes goes through :func:`atomic_write_bytes`: a temporary file
in the same folder, flushed and fsynced, then ``os.replace``d over the target, so a reader
(or a crash) sees either the old or the new file, never a mix or an empty one.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from workflow.errors import InputError, LockedError, WorkflowError

LOCK_NAME = ".workflow-lock"
TEMP_SUFFIX = ".tmp"
#: Test-only fault point (tests/test_write_window.py): when this variable names a file, the
#: process's first write stops half-way through its temporary file, creates that file and
#: waits until it is deleted (or the process killed): tests kill or race inside the window.
PAUSE_ENV = "WORKFLOW_TEST_PAUSE_IN_WRITE"


def read_input_bytes(
    path: Path, what: str, hint: str = "check that it exists and is readable"
) -> bytes:
    """The bytes of the input file *path* (a *what*, for messages), or :class:`InputError`."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(
            f"cannot read {what}: {exc.strerror or exc}", path=path, hint=hint
        ) from exc


def read_input_text(
    path: Path, what: str, hint: str = "check that it exists and is readable"
) -> str:
    """UTF-8 text of *path* (BOM dropped, newlines normalized); bad bytes name their line."""
    data = read_input_bytes(path, what, hint)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"invalid UTF-8 (byte 0x{data[exc.start]:02x})",
            path=path,
            line=line,
            hint="save the file as UTF-8",
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def file_digest(path: Path) -> str | None:
    """SHA-256 of the file at *path*, or None if there is none (see ``expected_digest``)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(
            f"cannot read file: {exc.strerror or exc}",
            path=path,
            hint="every folder on the path must be a folder, and the file readable",
        ) from exc


def atomic_write_bytes(path: Path, data: bytes, *, expected_digest: str | None = None) -> bool:
    """Write *data* to *path* atomically; return False (touching nothing) if unchanged.

    The new file keeps the permissions of the one it replaces (new files follow the umask).
    With *expected_digest* (from :func:`file_digest` before the file was read), a file that
    someone else changed in the meantime is left alone and :class:`InputError` is raised,
    so an edit saved in a PO editor during a long run is never overwritten.
    """
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        current = None
    except OSError as exc:
        raise _write_error(path, exc) from exc
    if current == data:
        return False
    if expected_digest is not None and _digest(current) != expected_digest:
        raise InputError(
            "changed on disk while this command ran; left as it is",
            path=path,
            hint="run the command again: it will work from the saved file",
        )
    try:
        _replace(path, data, _mode_for(path, current is not None))
    except OSError as exc:
        raise _write_error(path, exc) from exc
    return True


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _mode_for(path: Path, exists: bool) -> int:
    if exists:
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _replace(path: Path, data: bytes, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            _pause_in_write_window(handle, data)
            handle.write(data[handle.tell() :])
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_directory(path.parent)


def _pause_in_write_window(handle: BinaryIO, data: bytes) -> None:  # pragma: no mutate block
    signal_file = os.environ.pop(PAUSE_ENV, None)
    if signal_file:
        handle.write(data[: len(data) // 2])
        handle.flush()
        Path(signal_file).touch()
        deadline = time.monotonic() + 300
        while os.path.exists(signal_file) and time.monotonic() < deadline:
            time.sleep(0.02)


def _write_error(path: Path, exc: OSError) -> WorkflowError:
    return WorkflowError(
        f"cannot write file: {exc.strerror or exc}",
        path=path,
        hint="check that its folder exists, is writable and has space, and that no folder "
        "has the file's name",
    )


def atomic_write_text(path: Path, text: str) -> bool:
    """UTF-8 variant of :func:`atomic_write_bytes`."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_directory(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Delete temporary files that a killed run left under *folder*; return them.

    Only call this while holding :func:`project_lock`: then no other run is writing.
    """
    stale = [
        path
        for path in folder.rglob(f".*{TEMP_SUFFIX}")
        if path.is_file() and path.name.count(".") >= 3
    ]
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


@contextlib.contextmanager
def project_lock(root: Path, command: str, sweep: tuple[Path, ...] = ()) -> Iterator[None]:
    """Hold an exclusive lock on the project for the duration of a writing command.

    A second run fails fast with :class:`LockedError` instead of interleaving writes.
    The lock is an ``flock`` on ``<root>/.workflow-lock``, released by the kernel even if
    the process is killed.  Temporary files a killed run left behind in the *sweep*
    folders are removed once the lock is held.
    """
    lock_path = root / LOCK_NAME
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another run"
            raise LockedError(
                f"project is locked by {holder}",
                path=lock_path,
                hint="wait for the other workflow run to finish, then retry",
            ) from None
        holder = f"workflow {command} (pid {os.getpid()})\n".encode()
        os.pwrite(fd, holder, 0)  # write, then trim: a reader never sees an empty file
        os.ftruncate(fd, len(holder))
        for folder in sweep:
            if folder.is_dir():
                remove_stale_temp_files(folder)
        yield
    finally:
        os.close(fd)
