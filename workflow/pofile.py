"""Reading and writing PO files (validated load, GNU-compatible output, atomic save)."""

from __future__ import annotations

from pathlib import Path

import polib

from workflow.errors import InputError
from workflow.fsio import atomic_write_text


def load_po(path: Path) -> polib.POFile:
    """Load a PO/POT file; malformed input raises :class:`InputError` with ``path:line``."""
    try:
        return polib.pofile(str(path), wrapwidth=79)
    except (OSError, ValueError) as exc:
        raise InputError(f"malformed PO file: {exc}", path=path) from exc


def format_po(po: polib.POFile) -> str:
    """The text of *po* as GNU gettext would write it."""
    return str(po)


def save_po(po: polib.POFile, path: Path) -> bool:
    """Write *po* atomically; returns False when the file already had these bytes."""
    return atomic_write_text(path, format_po(po))
