"""Installing ``.argosmodel`` archives safely.

The archive is checked completely before anything is written: a zip with exactly one top
folder holding ``metadata.json`` (valid, a translation package) and ``model/model.bin``; no
absolute paths, ``..`` parts, symlinks or other special members; member and total sizes
within limits.  It is then extracted into a hidden staging folder inside the packages folder
and renamed into place, so the packages folder never holds a half-installed package.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from workflow.errors import ModelError
from workflow.mt.argos import METADATA, SPM_MODEL, ArgosPackage
from workflow.mt.ct2 import pip_command

MAX_MEMBER_BYTES = 2 * 1024**3
MAX_TOTAL_BYTES = 6 * 1024**3
MAX_MEMBERS = 10_000
_CHUNK = 1024 * 1024


def check_archive(
    archive: Path, *, max_member: int = MAX_MEMBER_BYTES, max_total: int = MAX_TOTAL_BYTES
) -> tuple[str, ArgosPackage]:
    """Validate *archive*; return its top folder name and package metadata."""
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
    return top, ArgosPackage.from_metadata(Path(top), metadata, archive)


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
    packages_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".install-", dir=packages_dir))
    try:
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                _extract(zf, info, staging, max_member)
        package = ArgosPackage.load(staging / top)
        package.check_files()
        (staging / top).rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return ArgosPackage.load(target)


def _extract(zf: zipfile.ZipFile, info: zipfile.ZipInfo, staging: Path, limit: int) -> None:
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
                raise ModelError(f"member larger than declared: {info.filename}")
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
