"""Line breaking of PO strings exactly as GNU gettext 0.21 writes them.

A port of ``wrap()`` in gettext's ``write-po.c`` and of the UAX #14 line breaker it calls,
libunistring 1.0's ``u8_width_linebreaks_v2`` (``u8_possible_linebreaks_loop``), with the
library's own class and width tables (:mod:`workflow.po.unidata`). Key behaviour:

* a string is cut into portions after each ``\\n``; each portion starts a new line;
* ``msgid ""`` comes first whenever the string has several portions or needs a break;
* lines are at most 79 columns including quotes, East Asian wide characters count 2;
* breaks go after spaces, between ideographs and kana, never before a closing bracket,
  small kana or ``ー``, never after an opening bracket, never inside an escape sequence.
"""

from __future__ import annotations

import functools

from workflow.po import unidata

PAGE_WIDTH = 79

# Break values named as in libunistring's unilbrk.h (UNDEFINED only appears in overrides).
UNDEFINED = -1
PROHIBITED = 0
POSSIBLE = 1
MANDATORY = 2

# Line-break classes of libunistring 1.0 (lbrktables.h); values >= 33 are resolved at run time.
HY, BA = 5, 3
RI, ZWJ, HL = 29, 30, 28
BK, CR, LF, CM, ZW, SP, CB, AI, SA, XX = 33, 34, 35, 36, 37, 38, 39, 40, 41, 42
AL, ID1 = 20, 23
HL_BA = 100  # artificial: a Hebrew letter followed by a hyphen or break-after

_PAIR_CLASSES = 33
_ESCAPES = {
    "\a": "a",
    "\b": "b",
    "\f": "f",
    "\n": "n",
    "\r": "r",
    "\t": "t",
    "\v": "v",
    "\\": "\\",
    '"': '"',
}


def _expand_runs(runs: str, convert: dict[int, int] | None = None) -> bytearray:
    """A per-code-point table from ``start:value`` runs, values mapped through *convert*."""
    table = bytearray(0x110000)
    items = [item.split(":") for item in runs.split()]
    for index, (start, value) in enumerate(items):
        end = int(items[index + 1][0], 16) if index + 1 < len(items) else 0x110000
        begin = int(start, 16)
        number = int(value)
        number = convert.get(number, number) if convert else number
        table[begin:end] = bytes([number]) * (end - begin)
    return table


# Line-break class per code point, with the classes resolved that UTF-8 text resolves
# statically (ambiguous -> alphabetic, contingent -> ideographic, complex/unknown -> alphabetic).
_CLASS = _expand_runs(unidata.LINE_BREAK_CLASS_RUNS, {AI: AL, CB: ID1, SA: AL, XX: AL})
_WIDTH = _expand_runs(unidata.WIDTH_RUNS, {-1: 0})  # controls count 0 columns
_PAIR = [  # flattened: _PAIR[before * 33 + after]
    {"D": POSSIBLE, "I": UNDEFINED, "P": PROHIBITED}[cell]
    for row in unidata.PAIR_TABLE
    for cell in row
]


def text_width(text: str) -> int:
    """Columns *text* takes on a terminal, as gettext counts them."""
    return sum(map(_WIDTH.__getitem__, map(ord, text)))


def possible_linebreaks(text: str) -> list[int]:
    """Break opportunity before each character of *text* (UAX #14, libunistring 1.0)."""
    breaks = [PROHIBITED] * len(text)
    prev_prop = last_prop = BK
    seen_space = False
    ri_count = 0
    for index, prop in enumerate(map(_CLASS.__getitem__, map(ord, text))):
        if (
            prop < _PAIR_CLASSES
            and prop != ZWJ
            and prev_prop < _PAIR_CLASSES
            and prev_prop != ZWJ
            and last_prop < _PAIR_CLASSES
            and last_prop != RI
        ):
            # The common case: two ordinary classes, decided by the pair table (LB12-LB31).
            verdict = _PAIR[last_prop * _PAIR_CLASSES + prop]
            if verdict == UNDEFINED:
                verdict = POSSIBLE if seen_space else PROHIBITED
            breaks[index] = verdict
            prev_prop = HL_BA if prev_prop == HL and prop in (HY, BA) else prop
            last_prop, seen_space, ri_count = prop, False, int(prop == RI)
            continue
        if prop in (BK, LF, CR):
            breaks[index] = MANDATORY
            prev_prop, last_prop, seen_space = prop, BK, False
        else:
            if prop == SP:
                seen_space = True
            elif prop == ZW:
                last_prop, seen_space = ZW, False
            elif prop in (CM, ZWJ):
                if last_prop == BK:
                    last_prop, seen_space = AL, False
                elif last_prop == ZW or seen_space:
                    breaks[index] = POSSIBLE
                    last_prop, seen_space = AL, False
            else:
                breaks[index] = _pair_break(prev_prop, last_prop, prop, seen_space, ri_count)
                last_prop, seen_space = prop, False
            prev_prop = HL_BA if prev_prop == HL and prop in (HY, BA) else prop
        ri_count = ri_count + 1 if prop == RI else 0
    return breaks


def _pair_break(prev_prop: int, last_prop: int, prop: int, seen_space: bool, ri_count: int) -> int:
    """The break before a character of class *prop* that is neither space nor mark."""
    if last_prop == BK or prev_prop in (ZWJ, HL_BA):
        return PROHIBITED
    if last_prop == ZW:
        return POSSIBLE
    if last_prop == RI and prop == RI:
        return POSSIBLE if seen_space or ri_count % 2 == 0 else PROHIBITED
    verdict = _PAIR[last_prop * _PAIR_CLASSES + prop]
    if verdict == UNDEFINED:
        return POSSIBLE if seen_space else PROHIBITED
    return verdict


def width_linebreaks(text: str, width: int, start_column: int, overrides: list[int]) -> list[int]:
    """Where to break *text* so that lines stay within *width* columns.

    Mirrors ``u8_width_linebreaks_v2``: *overrides* (one per character, ``UNDEFINED`` to
    keep the computed opportunity) forbid breaks, e.g. inside escape sequences. Returns
    ``POSSIBLE`` where a line break is inserted, ``PROHIBITED`` (or ``MANDATORY``) elsewhere.
    """
    breaks = possible_linebreaks(text)
    last_break = -1
    last_column = start_column
    piece_width = 0
    for index, char in enumerate(text):
        if overrides[index] != UNDEFINED:
            breaks[index] = overrides[index]
        value = breaks[index]
        if value != PROHIBITED and last_break >= 0 and last_column + piece_width > width:
            breaks[last_break] = POSSIBLE
            last_column = 0
        if value == MANDATORY:
            last_break, last_column, piece_width = -1, 0, 0
            continue
        if value == POSSIBLE:
            last_break = index
            last_column += piece_width
            piece_width = 0
        breaks[index] = PROHIBITED
        piece_width += _WIDTH[ord(char)]
    if last_break >= 0 and last_column + piece_width > width:
        breaks[last_break] = POSSIBLE
    return breaks


def _portions(value: str) -> list[str]:
    """*value* cut after each newline; an empty string is one empty portion."""
    portions = []
    start = 0
    while True:
        end = value.find("\n", start)
        if end < 0 or end == len(value) - 1:
            portions.append(value[start:])
            return portions
        portions.append(value[start : end + 1])
        start = end + 1


def _escape_portion(portion: str) -> tuple[str, list[int]]:
    """The portion as written between quotes, with its break overrides."""
    chars: list[str] = []
    overrides: list[int] = []
    for char in portion:
        escape = _ESCAPES.get(char)
        if escape is None:
            chars.append(char)
            overrides.append(UNDEFINED)
        else:
            chars += ("\\", escape)
            overrides += (UNDEFINED, PROHIBITED)
    if portion.endswith("\n"):
        overrides[-2] = PROHIBITED  # don't break just before the final "\n"
    return "".join(chars), overrides


def _wrapped(
    name: str,
    value: str,
    *,
    prefix: str = "",
    do_wrap: bool = True,
    breakable: bool = True,
    page_width: int = PAGE_WIDTH,
) -> tuple[str, ...]:
    """Lines (without newline) that write ``name "value"`` the way GNU gettext does.

    *prefix* is ``"#~ "`` for obsolete entries, ``"#| "`` / ``"#~| "`` for previous
    strings; *do_wrap* is False for ``no-wrap`` entries; *breakable* is False when the
    catalog's charset cannot be decoded by gettext (then non-ASCII text is never broken);
    *page_width* is msgcat's ``--width`` (which msgcat never sets below 20).
    """
    lines: list[str] = []
    portions = _portions(value)
    startcol_after_break = len(prefix) + 1
    width = (page_width if do_wrap else 2**31 - 1) - 1 - startcol_after_break
    first_line = True
    first_startcol = len(prefix) + len(name) + 2 - startcol_after_break
    later_startcol = len(prefix) + 1 - startcol_after_break
    for number, portion in enumerate(portions):
        text, overrides = _escape_portion(portion)
        startcol = first_startcol if first_line else later_startcol
        breaks = _breaks(text, overrides, width, startcol, breakable)
        if (
            first_line
            and text
            and (number + 1 < len(portions) or startcol > width or POSSIBLE in breaks)
        ):
            lines.append(f'{prefix}{name} ""')
            first_line = False
            breaks = _breaks(text, overrides, width, later_startcol, breakable)
        head = f"{prefix}{name} " if first_line else prefix
        first_line = False
        start = 0
        for index, value_ in enumerate(breaks):
            if value_ == POSSIBLE:
                lines.append(f'{head}"{text[start:index]}"')
                head, start = prefix, index
        lines.append(f'{head}"{text[start:]}"')
    return tuple(lines)


#: :func:`_wrapped`, cached: the same msgid is written to every language's catalog, and again
#: at each save. (Applied here, not as a decorator, so that mutation testing reaches it.)
wrap = functools.lru_cache(maxsize=16384)(_wrapped)


def _breaks(
    text: str, overrides: list[int], width: int, start_column: int, breakable: bool
) -> list[int]:
    """Line breaks for one escaped portion (fast path when it fits on the line)."""
    if not text or start_column + text_width(text) <= width:
        return []
    if not breakable and not text.isascii():
        return []
    return width_linebreaks(text, width, start_column, overrides)
