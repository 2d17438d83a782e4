"""Fonts for publishing: resolve fontconfig families to files and prove glyph coverage.

Exports name fonts by fontconfig family, exactly as WeasyPrint finds them (each language's
record in :mod:`workflow.languages` names its families and their Debian packages).
Before typesetting, every character of the document is checked against the ``cmap`` of
the chosen fonts, so a character no font has is an error naming its segment instead of a
box of tofu in the PDF.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fontTools.ttLib import TTFont

from workflow import languages
from workflow.errors import ExportError

if TYPE_CHECKING:
    from workflow.export.assemble import TranslatedDocument

#: Characters that are never drawn with a glyph of their own: spaces, controls, joiners.
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cf"})


@dataclass(frozen=True)
class FontFile:
    """One resolved face: its family, file and index inside a collection (``.ttc``)."""

    family: str
    path: Path
    index: int

    def fingerprint(self) -> str:
        """Identifies the installed file (path, size, modification time) for build stamps."""
        stat = self.path.stat()
        return f"{self.family}={self.path}#{self.index}:{stat.st_size}:{stat.st_mtime_ns}"


@functools.cache
def resolve(family: str) -> FontFile:
    """The regular face of *family* as fontconfig resolves it; ExportError if not installed."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        raise ExportError("fc-match not found", hint="install fontconfig")
    result = subprocess.run(
        [fc_match, "--format=%{family[0]}\n%{file}\n%{index}", f"{family}:style=Regular"],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.split("\n")
    if result.returncode != 0 or len(lines) != 3 or lines[0] != family:
        package = languages.font_package(family) or "a package that provides it"
        raise ExportError(f"font {family!r} is not installed", hint=f"install {package}")
    return FontFile(family, Path(lines[1]), int(lines[2] or 0))


@functools.cache
def _codepoints(font: FontFile) -> frozenset[int]:
    with TTFont(font.path, fontNumber=font.index, lazy=True) as face:
        return frozenset(face.getBestCmap())


def resolve_stack(families: Iterable[str]) -> tuple[FontFile, ...]:
    """Resolve every family of a CSS-style font stack."""
    return tuple(resolve(family) for family in families)


def uncovered(text: str, stack: tuple[FontFile, ...]) -> str:
    """The characters of *text* that no font of *stack* can draw (in order, once each)."""
    missing: dict[str, None] = {}
    for char in text:
        if char in missing or char in "\n\t" or unicodedata.category(char) in _INVISIBLE_CATEGORIES:
            continue
        if not any(ord(char) in _codepoints(font) for font in stack):
            missing[char] = None
    return "".join(missing)


def describe(chars: str) -> str:
    """``U+04D9 'ә' (CYRILLIC SMALL LETTER SCHWA)``-style list for error messages."""
    return ", ".join(f"U+{ord(c):04X} {c!r} ({unicodedata.name(c, 'unnamed')})" for c in chars)


def check_coverage(document: TranslatedDocument, labels: Iterable[str] = ()) -> None:
    """Raise ExportError unless the language's fonts draw every character of *document*.

    *labels* are the generated strings (date, night number, draft notice) typeset with it.
    The error names the segment's PO entry (or source line) and the characters.
    """
    stack = resolve_stack(document.language.font_families)
    families = " / ".join(font.family for font in stack)
    for block in document.blocks:
        for piece in block.pieces:
            missing = uncovered(piece.text, stack)
            if missing:
                path, line = document.segment_location(piece)
                raise ExportError(
                    f"no font has {describe(missing)} (segment from"
                    f" {document.source_path}:{piece.segment.line}; fonts: {families})",
                    path=path,
                    line=line,
                    hint="fix the translation or install a font that covers it",
                )
    for label in labels:
        missing = uncovered(label, stack)
        if missing:
            raise ExportError(f"no font has {describe(missing)} in {label!r} (fonts: {families})")
