"""The state of a catalog entry: one definition for status, check, pretranslate and export.

* ``untranslated`` — no translation: an empty msgstr, or one of whitespace only (a space, a
  tab, a newline, a no-break or ideographic space); a plural entry with any form blank;
* ``fuzzy`` — a translation flagged ``fuzzy`` (machine or memory suggestion, changed source);
* ``reviewed`` — a translation without the flag: final, published and never overwritten;
* ``obsolete`` — a ``#~`` entry whose sentence left the source.

>>> entry_state(polib.POEntry(msgid="源", msgstr="\\u3000"))
'untranslated'
>>> entry_state(polib.POEntry(msgid="源", msgstr="Source", flags=["fuzzy"]))
'fuzzy'
>>> entry_state(polib.POEntry(msgid="源", msgstr="Source", obsolete=True))
'obsolete'
"""

from __future__ import annotations

from typing import Literal

import polib

TranslationState = Literal["untranslated", "fuzzy", "reviewed"]
EntryState = Literal["untranslated", "fuzzy", "reviewed", "obsolete"]


def translation(entry: polib.POEntry) -> str:
    """The translation as one text: msgstr, or the plural forms joined by newlines."""
    if entry.msgid_plural:
        return "\n".join(entry.msgstr_plural[key] for key in sorted(entry.msgstr_plural))
    return entry.msgstr


def has_translation(entry: polib.POEntry) -> bool:
    """Whether *entry* holds a translation: text other than whitespace (in every plural form)."""
    if entry.msgid_plural:
        forms = entry.msgstr_plural.values()
        return bool(forms) and all(form.strip() for form in forms)
    return bool(entry.msgstr.strip())


def translation_state(entry: polib.POEntry) -> TranslationState:
    """untranslated / fuzzy / reviewed, whether or not the entry is obsolete (translation
    memory draws on obsolete entries too)."""
    if not has_translation(entry):
        return "untranslated"
    return "fuzzy" if entry.fuzzy else "reviewed"


def entry_state(entry: polib.POEntry) -> EntryState:
    """untranslated / fuzzy / reviewed / obsolete (see the module docstring)."""
    return "obsolete" if entry.obsolete else translation_state(entry)


def is_header(entry: polib.POEntry) -> bool:
    """The header entry: an empty msgid without context (with a context, it is a message)."""
    return entry.msgid == "" and entry.msgctxt is None


def is_live(entry: polib.POEntry) -> bool:
    """A message of the current source: not the header, not obsolete."""
    return not is_header(entry) and not entry.obsolete


def entry_line(entry: polib.POEntry) -> int:
    """The line of *entry*'s msgid in its file (:func:`workflow.po.load_po` sets it on every
    entry; 0 for an entry made in memory)."""
    return entry.linenum or 0


def holds_msgstr(entry: polib.POEntry) -> bool:
    """Whether any msgstr byte is present, whitespace included.

    This is ``msgmerge``'s notion, used only by the merge (``update``) so that it keeps,
    obsoletes and drops exactly the entries GNU gettext does and never loses what a
    translator typed; every other stage asks :func:`entry_state`.
    """
    return bool(entry.msgstr or any(entry.msgstr_plural.values()))
