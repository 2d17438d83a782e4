"""Safe file input and output: confined, typed reads; atomic replacement; a project lock.

Every input file is opened through :func:`read_input_bytes`: a symlink that leads out of
the project, a FIFO, a device or a folder is refused by name before a byte is read.
Every file the workflow writes goes through :func:`atomic_write_bytes`: a temporary file
in the same folder, flushed and fsynced, then ``os.replace``d over the target, so a reader
(or a crash) sees either the old or the new file, never a mix or an empty one.  Temporary
names carry :data:`TEMP_MARKER`, so the sweep after a killed run removes only the tool's own.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from workflow.errors import InputError, LockedError, WorkflowError

LOCK_NAME = ".workflow-lock"
TEMP_SUFFIX = ".tmp"
#: Part of every temporary name this tool creates: ``.<name>.workflow-XXXXXXXX.tmp``.
TEMP_MARKER = ".workflow-"
#: Prefix of the staging folders of ``models install``: ``.workflow-install-XXXXXXXX``.
STAGING_PREFIX = ".workflow-install-"
_TEMP_NAME = re.compile(rf"^\..+{re.escape(TEMP_MARKER)}[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}$")
_STAGING_NAME = re.compile(rf"^{re.escape(STAGING_PREFIX)}[a-z0-9_]{{8}}$")
_FILE_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}
_project_root: Path | None = None
#: Test-only fault point (tests/test_write_window.py): when this variable names a file, the
#: process's first write stops half-way through its temporary file, creates that file and
#: waits until it is deleted (or the process killed): tests kill or race inside the window.
PAUSE_ENV = "WORKFLOW_TEST_PAUSE_IN_WRITE"


def confine_to_project(root: Path) -> None:
    """Make *root* the project whose inputs may not be symlinks leading out of it.

    Set once per opened project (:class:`workflow.project.Project` does it); a module
    setting rather than a parameter so that every reader, in every thread, obeys it.
    """
    global _project_root
    _project_root = Path(root).resolve()


def project_relative(path: Path, root: Path) -> Path:
    """*path* relative to *root* when it lies inside it (as messages and provenance name
    files), otherwise as given."""
    return path.relative_to(root) if path.is_relative_to(root) else path


def outside_project(path: Path, root: Path) -> bool:
    """Whether *path* (symlinks resolved) lies outside the folder *root*."""
    return not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def read_input_bytes(
    path: Path, what: str, hint: str = "check that it exists and is readable"
) -> bytes:
    """The bytes of the regular file *path* (a *what*, for messages), or :class:`InputError`.

    Refused before reading: a path inside the project that resolves outside it (a symlink
    to ``/etc/passwd``), and anything that is not a regular file (folder, FIFO, device).
    """
    path = Path(path)
    _refuse_escape(path, what)
    try:
        _require_regular(os.stat(path), path, what)  # before open: opening a device acts
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    except OSError as exc:
        raise _read_error(path, what, hint, exc) from exc
    try:
        _require_regular(os.fstat(fd), path, what)  # and after: the name may have changed
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as exc:
        raise _read_error(path, what, hint, exc) from exc
    finally:
        os.close(fd)


def _read_error(path: Path, what: str, hint: str, exc: OSError) -> InputError:
    return InputError(f"cannot read {what}: {exc.strerror or exc}", path=path, hint=hint)


def _refuse_escape(path: Path, what: str) -> None:
    root = _project_root
    if root is None:
        return
    absolute = Path(os.path.abspath(path))
    if absolute.is_relative_to(root) and outside_project(absolute, root):
        raise InputError(
            f"{what} is a link to a file outside the project; not read",
            path=path,
            hint="replace the link by the file itself, or a link inside the project",
        )


def _require_regular(info: os.stat_result, path: Path, what: str) -> None:
    kind = _FILE_KINDS.get(stat.S_IFMT(info.st_mode))
    if kind is not None:
        raise InputError(
            f"cannot read {what}: it is {kind}, not a regular file",
            path=path,
            hint="give the path of a regular file",
        )


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


def file_digest(path: Path, what: str) -> str | None:
    """SHA-256 of the file at *path* (a *what*, for messages), or None if there is none
    (see ``expected_digest``)."""
    return _digest(_current_bytes(path, InputError, what))


def _current_bytes(path: Path, error: type[WorkflowError], what: str = "file") -> bytes | None:
    """The bytes now at *path* (read like any input), or None when nothing is there."""
    if not os.path.lexists(path):
        return None
    try:
        return read_input_bytes(
            path, what, "every folder on the path must be a folder, and the file readable"
        )
    except InputError as exc:
        if isinstance(exc.__cause__, FileNotFoundError):
            return None
        raise error(exc.message, path=path, hint=exc.hint) from exc


def atomic_write_bytes(path: Path, data: bytes, *, expected_digest: str | None = None) -> bool:
    """Write *data* to *path* atomically; return False (touching nothing) if unchanged.

    The new file keeps the permissions, owner and group of the one it replaces (new files
    follow the umask).  With *expected_digest* (from :func:`file_digest` before the file
    was read), a file that someone else changed in the meantime is left alone and
    :class:`InputError` is raised, so an edit saved in a PO editor during a long run is
    never overwritten.  A symlink at *path* is replaced, never written through.
    """
    path = Path(path)
    current = _current_bytes(path, WorkflowError)
    if current == data:
        return False
    if expected_digest is not None and _digest(current) != expected_digest:
        raise InputError(
            "changed on disk while this command ran; left as it is",
            path=path,
            hint="run the command again: it will work from the saved file",
        )
    try:
        _replace(path, data, _owner_and_mode(path, current is not None))
    except OSError as exc:
        raise _write_error(path, exc) from exc
    return True


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _owner_and_mode(path: Path, exists: bool) -> tuple[int, int, int]:
    """``(uid, gid, mode)`` for the new file: those of the old one, else ours and the umask."""
    if exists:
        info = path.stat()
        return info.st_uid, info.st_gid, info.st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return -1, -1, 0o666 & ~umask


def _replace(path: Path, data: bytes, owner_and_mode: tuple[int, int, int]) -> None:
    uid, gid, mode = owner_and_mode
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(
        prefix=f".{path.name}{TEMP_MARKER}", suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            with contextlib.suppress(PermissionError):  # only root may give a file away
                os.fchown(handle.fileno(), uid, gid)
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


def remove_stale_temp_files(folder: Path, root: Path) -> list[Path]:
    """Delete what killed runs of this tool left under *folder*; return what was removed.

    Only the tool's own names go (``TEMP_MARKER`` files, ``STAGING_PREFIX`` folders), never
    through a symlink, and nothing when *folder* lies outside the project *root*.  Call
    this only while holding :func:`project_lock`: then no other run is writing.
    """
    if not folder.is_dir() or outside_project(folder, root):
        return []
    stale: list[Path] = []
    for parent, folders, files in os.walk(folder):
        here = Path(parent)
        for name in files:
            if (
                _TEMP_NAME.match(name)
                and (here / name).is_file()
                and not (here / name).is_symlink()
            ):
                stale.append(here / name)
        for name in [name for name in folders if _STAGING_NAME.match(name)]:
            folders.remove(name)
            if not (here / name).is_symlink():
                stale.append(here / name)
    for path in stale:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return stale


@contextlib.contextmanager
def project_lock(root: Path, command: str, sweep: tuple[Path, ...] = ()) -> Iterator[None]:
    """Hold an exclusive lock on the project for the duration of a writing command.

    A second run fails fast with :class:`LockedError` instead of interleaving writes.
    The lock is an ``flock`` on ``<root>/.workflow-lock``, released by the kernel even if
    the process is killed.  The lock file is opened without following a symlink and must
    be a regular file of the tool's own (one link), so a planted link or hard link can
    never make the lock write elsewhere.  Temporary files a killed run left behind in the
    *sweep* folders inside the project are removed once the lock is held.
    """
    lock_path = root / LOCK_NAME
    fd = _open_lock(lock_path)
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
        owner = f"workflow {command} (pid {os.getpid()})\n".encode()
        os.pwrite(fd, owner, 0)  # write, then trim: a reader never sees an empty file
        os.ftruncate(fd, len(owner))
        for folder in sweep:
            remove_stale_temp_files(folder, root)
        yield
    finally:
        os.close(fd)


def _open_lock(lock_path: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY
    try:
        fd = os.open(lock_path, flags, 0o644)
    except OSError as exc:
        reason = "is a symlink" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
        raise LockedError(
            f"cannot open the project lock: {reason}",
            path=lock_path,
            hint="delete it; the workflow creates its own lock file",
        ) from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
        os.close(fd)
        kind = _FILE_KINDS.get(stat.S_IFMT(info.st_mode), "a file with other names (hard link)")
        raise LockedError(
            f"the project lock is {kind}; not used",
            path=lock_path,
            hint="delete it; the workflow creates its own lock file",
        )
    return fd
