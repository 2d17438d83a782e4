"""The rows of a review document: one per PO entry, with state, glossary terms and findings.

A row's fingerprints record the entry as exported, so the importer can tell who changed what:

* ``source`` — hash of the msgid (detects an edited source cell);
* ``key`` — hash of msgctxt and msgid (finds the entry in the catalog again);
* ``base`` — hash of msgctxt, msgid and msgstr (the translation at export time).

>>> fingerprint("ctx", "源", "text") == fingerprint("ctx", "源", "text")
True
>>> fingerprint(None, "源", "a") == fingerprint("", "源", "a")
False
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

import polib

from workflow.checks import CheckContext, Entry, check_entry, waived_codes
from workflow.po import entry_line, has_translation, is_live, translation_state

State = Literal["reviewed", "fuzzy", "machine", "untranslated"]
STATES: tuple[State, ...] = ("reviewed", "fuzzy", "machine", "untranslated")

#: Provenance comments that make a fuzzy entry a machine (MT or memory) suggestion.
_MACHINE_PREFIXES = ("mt: ", "tm: ")
_POSITION = re.compile(r"^(?P<block>.+?)(?:, sentence \d+)?$")
_HASH_CHARS = 16


def fingerprint(msgctxt: str | None, msgid: str, msgstr: str | None = None) -> str:
    """A short, stable hash of an entry's parts (``None`` context differs from ``""``)."""
    parts = ["\x00" if msgctxt is None else msgctxt, msgid]
    if msgstr is not None:
        parts.append(msgstr)
    digest = hashlib.sha256("\x04".join(parts).encode("utf-8")).hexdigest()
    return digest[:_HASH_CHARS]


@dataclass(frozen=True)
class Fingerprints:
    """The three hashes stored per row (see the module docstring)."""

    source: str
    key: str
    base: str

    @classmethod
    def of(cls, entry: polib.POEntry) -> Fingerprints:
        return cls(
            fingerprint(None, entry.msgid),
            entry_key(entry),
            fingerprint(entry.msgctxt, entry.msgid, entry.msgstr),
        )

    def encode(self) -> str:
        return f"{self.source}:{self.key}:{self.base}"

    @classmethod
    def decode(cls, value: str) -> Fingerprints | None:
        parts = value.strip().split(":")
        if len(parts) != 3 or not all(re.fullmatch(r"[0-9a-f]{16}", part) for part in parts):
            return None
        return cls(*parts)


def entry_key(entry: polib.POEntry) -> str:
    """The hash that finds *entry* in a catalog (msgctxt and msgid)."""
    return fingerprint(entry.msgctxt, entry.msgid)


@dataclass(frozen=True)
class ReviewRow:
    """One segment as shown to the reviewer."""

    row_id: int
    source: str
    translation: str
    state: State
    provenance: str  # "MT", "TM 87%" or ""
    terms: tuple[str, ...]  # "ラズノインポルト → Разноимпорт"
    findings: tuple[str, ...]  # "G001 glossary term ... missing"
    block: str  # "paragraph 3", "front matter: title"
    starts_block: bool
    fingerprints: Fingerprints


def row_state(entry: polib.POEntry) -> State:
    """The entry's state (:func:`workflow.po.translation_state`), a fuzzy entry with an
    ``mt:`` or ``tm:`` provenance comment shown as ``machine``."""
    state = translation_state(entry)
    machine = any(line.startswith(_MACHINE_PREFIXES) for line in entry.tcomment.splitlines())
    return "machine" if state == "fuzzy" and machine else state


def _provenance(entry: polib.POEntry) -> str:
    for line in entry.tcomment.splitlines():
        if line.startswith("mt: "):
            return "MT " + line[4:].split()[0]
        if line.startswith("tm: "):
            return "TM " + line[4:].split()[0]
    return ""


def reviewable_entries(po: polib.POFile) -> list[polib.POEntry]:
    """The live, singular entries of *po* in file order (the rows of a review document)."""
    return [entry for entry in po if is_live(entry) and not entry.msgid_plural]


def build_rows(
    po: polib.POFile,
    po_name: str,
    lang: str,
    context: CheckContext,
    only: Collection[State] | None = None,
) -> list[ReviewRow]:
    """One :class:`ReviewRow` per reviewable entry, numbered from 1 (only those in the
    *only* states, when given; a paragraph's first shown row starts its block)."""
    rows: list[ReviewRow] = []
    previous_block = None
    for number, entry in enumerate(reviewable_entries(po), start=1):
        state = row_state(entry)
        if only and state not in only:
            continue
        block = _block_of(entry)
        rows.append(
            ReviewRow(
                row_id=number,
                source=entry.msgid,
                translation=entry.msgstr,
                state=state,
                provenance=_provenance(entry) if state in ("fuzzy", "machine") else "",
                terms=_terms(entry, lang, context),
                findings=_findings(entry, po_name, lang, context),
                block=block,
                starts_block=block != previous_block,
                fingerprints=Fingerprints.of(entry),
            )
        )
        previous_block = block
    return rows


def _block_of(entry: polib.POEntry) -> str:
    first = (entry.comment or "").splitlines()[0] if entry.comment else ""
    match = _POSITION.match(first.strip())
    return match.group("block") if match else ""


def _terms(entry: polib.POEntry, lang: str, context: CheckContext) -> tuple[str, ...]:
    shown: dict[str, str] = {}
    for match in context.source_terms(entry.msgid):
        forms = ", ".join(match.term.accepted_forms(lang))
        shown.setdefault(match.term.id, f"{match.form} → {forms}")
    return tuple(shown.values())


def _findings(
    entry: polib.POEntry, po_name: str, lang: str, context: CheckContext
) -> tuple[str, ...]:
    if not has_translation(entry):
        return ()
    checked = Entry(po_name, entry_line(entry), entry.msgid, entry.msgstr, lang)
    waived = set(waived_codes(entry))
    return tuple(
        f"{item.code} {item.message}"
        for item in check_entry(checked, context)
        if item.code not in waived
    )
