"""Reading and writing PO files: validated load, GNU-identical output, atomic save.

The package's one public entry point: other modules import from ``workflow.po`` only.

* :func:`load_po` reads strictly (:mod:`workflow.po.reader`): any malformed input raises
  :class:`~workflow.errors.InputError` with ``path:line``, never a silently dropped entry.
  Every entry's ``linenum`` is the line of its msgid.
* :func:`format_po` gives the bytes GNU gettext 0.21 ``msgcat`` would write for the same
  catalog (:mod:`workflow.po.writer`, :mod:`workflow.po.wrap`), so files never churn
  between our runs, ``msgmerge`` and translators' tools.
* :func:`render_po` gives those bytes only after reading them back with the strict
  reader: no command ever writes a catalog that a later command would refuse. Given the
  bytes of the file it replaces, entries whose content did not change keep their text
  (:mod:`workflow.po.layout`), so another tool's wrapping does not churn.
* :func:`save_po` writes atomically, keeps the layout of the entries it does not change and
  leaves an unchanged file untouched (same mtime).
* :func:`entry_state` says whether an entry is untranslated, fuzzy, reviewed or obsolete
  (:mod:`workflow.po.state`), the one definition every stage uses.
"""

from __future__ import annotations

from pathlib import Path

import polib

from workflow.errors import InputError
from workflow.fsio import atomic_write_bytes, read_input_bytes
from workflow.po.layout import format_keeping_layout
from workflow.po.reader import FORBIDDEN_CHARACTERS, parse_po_bytes
from workflow.po.state import (
    EntryState,
    TranslationState,
    entry_line,
    entry_state,
    has_translation,
    holds_msgstr,
    is_header,
    is_live,
    translation,
    translation_state,
)
from workflow.po.writer import format_catalog

__all__ = [
    "FORBIDDEN_CHARACTERS",
    "EntryState",
    "TranslationState",
    "entry_line",
    "entry_state",
    "format_po",
    "has_translation",
    "holds_msgstr",
    "is_header",
    "is_live",
    "load_po",
    "parse_po_bytes",
    "render_po",
    "save_po",
    "translation",
    "translation_state",
]


def load_po(path: Path) -> polib.POFile:
    """Load a PO/POT file; malformed or unreadable input raises :class:`InputError`."""
    path = Path(path)
    data = read_input_bytes(path, "PO file")
    return parse_po_bytes(data, path)


def format_po(po: polib.POFile) -> str:
    """The text of *po* exactly as GNU gettext's ``msgcat`` would write it (UTF-8)."""
    return format_catalog(po)


def render_po(po: polib.POFile, path: Path, *, old: bytes | None = None) -> bytes:
    """The bytes of *po* for *path*, checked by the strict reader, or :class:`InputError`.

    *old*, the bytes of the file being replaced, lends its text to every entry (and the
    header) whose content is unchanged.
    """
    try:
        data = format_keeping_layout(po, old).encode("utf-8")
        parse_po_bytes(data, Path(path))
    except UnicodeEncodeError as exc:
        problem = f"character U+{ord(exc.object[exc.start]):04X} cannot be written"
    except InputError as exc:
        problem = f"{exc.message} (line {exc.line} of the new file)"
    else:
        return data
    raise InputError(
        f"not written: the new catalog would be invalid: {problem}",
        path=path,
        hint="fix the source text or translation it came from; the file is unchanged",
    )


def save_po(po: polib.POFile, path: Path, *, expected_digest: str | None = None) -> bool:
    """Write *po* atomically; returns False (file untouched) when it already had these bytes.

    The bytes are validated first (:func:`render_po`).  Pass
    ``expected_digest=file_digest(path, what)`` taken before loading the file to refuse
    overwriting an edit saved by someone else meanwhile.
    """
    path = Path(path)
    old = read_input_bytes(path, "PO file") if path.exists() else None
    data = render_po(po, path, old=old)
    return atomic_write_bytes(path, data, expected_digest=expected_digest)
