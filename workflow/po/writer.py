"""Render a :class:`polib.POFile` as the text GNU gettext 0.21 (``msgcat``) writes.

A port of ``msgdomain_list_print_po()`` and ``message_print()`` in gettext's
``write-po.c``: header first, active entries in catalog order, obsolete entries last,
one blank line between entries; per entry translator comments, extracted comments,
references (wrapped at 79 columns), flags, previous strings, then the strings themselves
(wrapped by :func:`workflow.po.wrap.wrap`). The text is always written as UTF-8 and the
header's ``charset=`` says so.

Normalisations that ``msgcat`` makes too: duplicate references are dropped, ``./`` is
stripped from reference paths, known flags come in gettext's order, ``fuzzy`` is not
written on an entry whose msgstr is empty, an obsolete entry keeps no ``range:`` flag, and
an obsolete entry without translation is not written at all.
"""

from __future__ import annotations

import re

import polib

from workflow.po.reader import NPLURALS
from workflow.po.wrap import PAGE_WIDTH, wrap

# gettext 0.21 format.c, format_language[]: the order in which "#, xxx-format" flags appear.
FORMAT_LANGUAGES = (
    "c",
    "objc",
    "python",
    "python-brace",
    "java",
    "java-printf",
    "csharp",
    "javascript",
    "scheme",
    "lisp",
    "elisp",
    "librep",
    "ruby",
    "sh",
    "awk",
    "lua",
    "object-pascal",
    "smalltalk",
    "qt",
    "qt-plural",
    "kde",
    "kde-kuit",
    "boost",
    "tcl",
    "perl",
    "perl-brace",
    "php",
    "gcc-internal",
    "gfc-internal",
    "ycp",
)
_CHARSET = re.compile(r"charset=[^ \t\n]*")


def format_catalog(po: polib.POFile) -> str:
    """The whole catalog as PO text (empty string for a catalog with nothing in it)."""
    return "\n".join(catalog_blocks(po))


def catalog_blocks(po: polib.POFile) -> list[str]:
    """The text of each entry in writing order (header first), each ending in a newline;
    the catalog is these blocks with a blank line between them."""
    blocks: list[list[str]] = []
    header = header_entry(po)
    breakable = header is not None and _declares_charset(header.msgstr)
    if header is not None:
        blocks.append(_entry_lines(header, obsolete=False, breakable=breakable, nplurals=1))
    active = [entry for entry in po if not entry.obsolete]
    obsolete = [entry for entry in po if entry.obsolete and _first_msgstr(entry)]
    nplurals = plural_count(po)
    blocks += [
        _entry_lines(entry, obsolete=False, breakable=breakable, nplurals=nplurals)
        for entry in active
    ]
    blocks += [
        _entry_lines(entry, obsolete=True, breakable=breakable, nplurals=nplurals)
        for entry in obsolete
    ]
    return ["".join(line + "\n" for line in block) for block in blocks]


def header_entry(po: polib.POFile) -> polib.POEntry | None:
    """The header as an entry (``msgid ""``), its charset set to UTF-8; None if empty."""
    if not po.metadata and not po.header:
        return None
    metadata = dict(po.metadata)
    if "Content-Type" in metadata:
        content_type = _CHARSET.sub("charset=UTF-8", metadata["Content-Type"], count=1)
        if not _CHARSET.search(content_type):
            content_type += "; charset=UTF-8"
        metadata["Content-Type"] = content_type
    msgstr = "".join(f"{key}: {value}\n" for key, value in metadata.items())
    return polib.POEntry(msgid="", msgstr=msgstr, tcomment=po.header, flags=_header_flags(po))


def _header_flags(po: polib.POFile) -> list[str]:
    """The header's flags: polib's own reader gives them all as a list (``no-wrap`` too),
    ours and the merge a boolean for ``fuzzy``."""
    flags: object = po.metadata_is_fuzzy
    if isinstance(flags, list):
        return list(flags)  # a copy: the entry's flags are not polib's header list
    return ["fuzzy"] if flags else []


def _declares_charset(header_msgstr: str) -> bool:
    """Whether gettext would wrap non-ASCII text (it knows the charset: here UTF-8)."""
    return _CHARSET.search(header_msgstr) is not None


def _first_msgstr(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        return entry.msgstr_plural.get(0, "") if entry.msgstr_plural else ""
    return entry.msgstr


def plural_count(po: polib.POFile) -> int:
    """``nplurals`` from the Plural-Forms header (2, gettext's default, when absent)."""
    match = NPLURALS.search(po.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def _entry_lines(
    entry: polib.POEntry, *, obsolete: bool, breakable: bool, nplurals: int
) -> list[str]:
    lines = _comment_lines(entry.tcomment, "#")
    lines += _comment_lines(entry.comment, "#.")
    lines += reference_lines(entry.occurrences)
    flags = ordered_flags(entry)  # obsolete entries keep theirs too, as msgmerge does
    lines += [f"#, {', '.join(flags)}"] if flags else []
    do_wrap = "no-wrap" not in flags
    kwargs = {"do_wrap": do_wrap, "breakable": breakable}
    previous_prefix = "#~| " if obsolete else "#| "
    previous_msgid = entry.previous_msgid
    if previous_msgid is None and (
        entry.previous_msgctxt is not None or entry.previous_msgid_plural is not None
    ):
        previous_msgid = ""  # the PO grammar has no "#| msgctxt" without "#| msgid"
    for name, value in (
        ("msgctxt", entry.previous_msgctxt),
        ("msgid", previous_msgid),
        ("msgid_plural", entry.previous_msgid_plural),
    ):
        if value is not None:
            lines += wrap(name, value, prefix=previous_prefix, **kwargs)
    prefix = "#~ " if obsolete else ""
    if entry.msgctxt is not None:
        lines += wrap("msgctxt", entry.msgctxt, prefix=prefix, **kwargs)
    lines += wrap("msgid", entry.msgid, prefix=prefix, **kwargs)
    if entry.msgid_plural:
        lines += wrap("msgid_plural", entry.msgid_plural, prefix=prefix, **kwargs)
        plural = entry.msgstr_plural or dict.fromkeys(range(max(nplurals, 1)), "")
        for index in sorted(plural):
            lines += wrap(f"msgstr[{index}]", plural[index], prefix=prefix, **kwargs)
    else:
        lines += wrap("msgstr", entry.msgstr, prefix=prefix, **kwargs)
    return lines


def _comment_lines(text: str | None, mark: str) -> list[str]:
    """``# text`` (or ``#. text``) lines; an empty line is just the mark."""
    if not text:
        return []
    return [f"{mark} {line}" if line else mark for line in text.split("\n")]


def reference_lines(occurrences: list[tuple[str, str]]) -> list[str]:
    """``#:`` lines, filled up to the page width like gettext does."""
    lines: list[str] = []
    seen: set[tuple[str, str]] = set()
    current = "#:"
    column = 2
    for path, line in occurrences:
        while path.startswith("./"):
            path = path[2:]
        if (path, str(line)) in seen:
            continue
        seen.add((path, str(line)))
        reference = f"{path}:{line}" if line not in ("", None) else path
        length = len(reference.encode("utf-8")) + 1
        if column > 2 and column + length > PAGE_WIDTH:
            lines.append(current)
            current, column = "#:", 2
        current += " " + reference
        column += length
    if column > 2:
        lines.append(current)
    return lines


def ordered_flags(entry: polib.POEntry) -> list[str]:
    """The entry's flags as gettext writes them: ``fuzzy`` (only on a translated entry), one
    format per language, one range (none on an obsolete entry), ``no-wrap``, each the last
    one said where several contradict (``c-format, no-c-format`` is ``no-c-format``), in
    gettext's order; ``wrap`` is not written. Flags gettext doesn't know come last, kept."""
    flags = [flag for flag in entry.flags if flag]
    known = ["fuzzy"] if "fuzzy" in flags and _first_msgstr(entry) else []
    for language in FORMAT_LANGUAGES:
        said = (f"{language}-format", f"no-{language}-format")
        known += [flag for flag in flags if flag in said][-1:]
    if not entry.obsolete:
        known += [flag for flag in flags if flag.startswith("range:")][-1:]
    if [flag for flag in flags if flag in ("wrap", "no-wrap")][-1:] == ["no-wrap"]:
        known.append("no-wrap")
    return known + [flag for flag in dict.fromkeys(flags) if not _known_to_gettext(flag)]


def _known_to_gettext(flag: str) -> bool:
    name = flag.removeprefix("no-").removesuffix("-format")
    return (
        flag in ("fuzzy", "wrap", "no-wrap")
        or flag.startswith("range:")
        or (flag.endswith("-format") and name in FORMAT_LANGUAGES)
    )
