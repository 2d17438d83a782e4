"""Installing ``.argosmodel`` archives safely.

The archive is checked completely before anything is written: a zip with exactly one top
folder holding ``metadata.json`` (valid, a translation package) and ``model/model.bin``; no
absolute paths, ``..`` parts, symlinks or other special members; member and total sizes
within limits; language codes that are codes, not paths.  It is then extracted into a
hidden staging folder (``STAGING_PREFIX``) inside the packages folder and renamed into
place, so the packages folder never holds a half-installed package; the staging folders
of a killed install are removed by the next one.  A corrupt member (bad CRC) or a full
disk is an error naming the file, with nothing installed.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from workflow.errors import ModelError
from workflow.fsio import STAGING_PREFIX, remove_stale_temp_files
from workflow.mt.argos import METADATA, SPM_MODEL, ArgosPackage
from workflow.mt.ct2 import pip_command

MAX_MEMBER_BYTES = 2 * 1024**3
MAX_TOTAL_BYTES = 6 * 1024**3
MAX_MEMBERS = 10_000
_CHUNK = 1024 * 1024
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")


def check_archive(
    archive: Path, *, max_member: int = MAX_MEMBER_BYTES, max_total: int = MAX_TOTAL_BYTES
) -> tuple[str, ArgosPackage]:
    """Validate *archive*; return its top folder name and package metadata."""
    if archive.is_dir():
        raise ModelError(
            "is a folder, not a package file", path=archive, hint="give the .argosmodel file"
        )
    if not archive.is_file():
        raise ModelError("no such package file", path=archive)
    if not zipfile.is_zipfile(archive):
        raise ModelError("not a zip archive (.argosmodel)", path=archive)
    with zipfile.ZipFile(archive) as zf:
        infos = zf.infolist()
        top = _check_members(archive, infos, max_member, max_total)
        names = {info.filename.rstrip("/") for info in infos}
        for needed in (METADATA, SPM_MODEL, "model/model.bin"):
            if f"{top}/{needed}" not in names:
                raise ModelError(f"archive lacks {top}/{needed}", path=archive)
        try:
            metadata = json.loads(zf.read(f"{top}/{METADATA}").decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelError(f"{top}/{METADATA} is not valid JSON: {exc}", path=archive) from exc
    package = ArgosPackage.from_metadata(Path(top), metadata, archive)
    for code in (package.from_code, package.to_code):
        if not _LANGUAGE_CODE.match(code):
            raise ModelError(
                f"{top}/{METADATA} has a language code that is not one: {code[:20]!r}",
                path=archive,
                hint="from_code and to_code are codes like 'ja' or 'zh_TW'",
            )
    return top, package


def _check_members(
    archive: Path, infos: list[zipfile.ZipInfo], max_member: int, max_total: int
) -> str:
    if not infos:
        raise ModelError("empty archive", path=archive)
    if len(infos) > MAX_MEMBERS:
        raise ModelError(f"more than {MAX_MEMBERS} members", path=archive)
    tops: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        parts = PurePosixPath(name).parts
        if name.startswith(("/", "\\")) or "\\" in name or (parts and ":" in parts[0]):
            raise ModelError(f"member with an absolute path: {name}", path=archive)
        if ".." in parts or not parts:
            raise ModelError(f"member escaping the package folder: {name}", path=archive)
        file_type = stat.S_IFMT(info.external_attr >> 16)
        if file_type not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise ModelError(f"symlink or special file in archive: {name}", path=archive)
        if len(parts) == 1 and not info.is_dir():
            raise ModelError(f"file outside the package folder: {name}", path=archive)
        if info.file_size > max_member:
            raise ModelError(f"member too large ({info.file_size} bytes): {name}", path=archive)
        total += info.file_size
        tops.add(parts[0])
    if len(tops) != 1:
        raise ModelError(
            f"archive must hold exactly one top folder, found {len(tops)}: {sorted(tops)}",
            path=archive,
        )
    if total > max_total:
        raise ModelError(f"archive too large when extracted ({total} bytes)", path=archive)
    return tops.pop()


def install_package(
    archive: Path,
    packages_dir: Path,
    *,
    max_member: int = MAX_MEMBER_BYTES,
    max_total: int = MAX_TOTAL_BYTES,
) -> ArgosPackage:
    """Validate and install *archive* into *packages_dir*; return the installed package."""
    top, _ = check_archive(archive, max_member=max_member, max_total=max_total)
    target = packages_dir / top
    if target.exists():
        raise ModelError(
            "a package with this name is already installed",
            path=target,
            hint="remove that folder first to reinstall",
        )
    try:
        packages_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _install_error(packages_dir, exc) from exc
    with _folder_lock(packages_dir):  # packages folders may be shared by several projects
        remove_stale_temp_files(packages_dir, packages_dir)
        _extract_and_rename(archive, top, packages_dir, target, max_member)
    return ArgosPackage.load(target)


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _extract_and_rename(
    archive: Path, top: str, packages_dir: Path, target: Path, max_member: int
) -> None:
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=packages_dir))
    except OSError as exc:
        raise _install_error(packages_dir, exc) from exc
    try:
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                _extract(zf, info, staging, max_member, archive)
        package = ArgosPackage.load(staging / top)
        package.check_files()
        (staging / top).rename(target)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ModelError(
            f"corrupt archive: {exc}", path=archive, hint="download the package again"
        ) from exc
    except OSError as exc:
        raise _install_error(packages_dir, exc) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _install_error(packages_dir: Path, exc: OSError) -> ModelError:
    return ModelError(
        f"cannot install: {exc.strerror or exc}",
        path=exc.filename or packages_dir,
        hint="check that the packages folder is writable and has space",
    )


def _extract(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, staging: Path, limit: int, archive: Path
) -> None:
    """Extract one checked member, counting bytes (declared sizes are not trusted)."""
    destination = staging.joinpath(*PurePosixPath(info.filename).parts)
    if info.is_dir():
        destination.mkdir(parents=True, exist_ok=True)
        return
    destination.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with zf.open(info) as source, destination.open("xb") as target:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > limit:
                raise ModelError(f"member larger than declared: {info.filename}", path=archive)
            target.write(chunk)


@contextlib.contextmanager
def _argos_errors() -> Iterator[list[logging.LogRecord]]:
    """Catch the errors argostranslate logs instead of raising (a failed download), which
    Python would otherwise print as a stray ``(URLError(...),)`` line."""
    handler = _Collect(logging.WARNING)
    logger = logging.getLogger("argostranslate")
    propagate, logger.propagate = logger.propagate, False
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


class _Collect(logging.Handler):
    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def install_from_index(from_code: str, to_code: str, packages_dir: Path) -> ArgosPackage:
    """Download the *from_code*→*to_code* package from Argos' index, then install it."""
    try:
        from argostranslate import package as argos_package
        from argostranslate import settings as argos_settings
    except ImportError as exc:
        raise ModelError(
            "installing from the package index needs argostranslate",
            hint=f"{pip_command()} install --no-deps argostranslate (no torch needed)",
        ) from exc
    with _argos_errors() as failed:
        argos_package.update_package_index()
    if failed or not Path(argos_settings.local_package_index).is_file():
        raise ModelError(
            f"cannot download the Argos package index from {argos_settings.remote_package_index}",
            hint="no network? download the .argosmodel elsewhere, then "
            "`workflow models install FILE`",
        )
    found = [
        p
        for p in argos_package.get_available_packages()
        if (p.from_code, p.to_code) == (from_code, to_code)
    ]
    if not found:
        raise ModelError(f"the Argos package index has no {from_code}→{to_code} package")
    try:
        archive = found[0].download()
    except Exception as exc:  # argostranslate raises bare Exception on download failure
        raise ModelError(f"download of {from_code}→{to_code} failed: {exc}") from exc
    return install_package(Path(archive), packages_dir)
