"""Shape of the translation: Q114 sentence count and Q115 length ratio.

The length bounds per language come from the project's own reviewed entries:
:func:`calibrate` computes them (``workflow check --calibrate`` prints them as a
``[tool.workflow.check]`` table) and :class:`~workflow.checks.context.CheckContext` holds them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from workflow.checks.context import CheckContext
from workflow.checks.rules import Entry
from workflow.diagnostics import Diagnostic

#: Bracketed or quoted passages; sentence ends inside them do not count.
_SOURCE_QUOTED = re.compile(r"「[^「」]*」|『[^『』]*』|（[^（）]*）|\([^()]*\)|【[^【】]*】")
_TARGET_QUOTED = re.compile(r"«[^«»]*»|„[^„“]*“|“[^“”]*”|‘[^‘’]*’|\([^()]*\)|\[[^\[\]]*\]")
_SOURCE_END = re.compile(r"[。！？!?]+")
#: A sentence end: . ! ? … (runs count once) followed by the end of the text, or by
#: whitespace and a capital letter, a digit or an opening quote or bracket.
_TARGET_END = re.compile(r"(?<![.!?…])[.!?…]+[»”“’)\]]*(?=$|\s+([«„“\"(\[]?)(\w))")
#: A translation ending in an ellipsis, and a source ending in 。！？ (closing brackets aside).
_TRAILING_ELLIPSIS = re.compile(r"(?<![.!?])(?:…+|\.\.\.)[»”“’)\]]*\s*$")
_CLOSED_SOURCE = re.compile(r"[。！？!?][」』）)】〉》”’]*\s*$")
#: Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "г",
        "гг",
        "в",
        "вв",
        "т",
        "е",
        "д",
        "п",
        "пр",
        "др",
        "им",
        "ул",
        "стр",
        "см",
        "млн",
        "млрд",
        "тыс",
        "руб",
        "долл",
        "ок",
        "ж",
        "жж",
        "т.б",
        "т.с.с",
        "б.з.д",
        "ғ",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "approx",
    ]
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*)$")


@lru_cache(maxsize=1024)
def source_sentences(text: str) -> tuple[int, bool]:
    """Sentence ends of a Japanese *text* outside brackets, and whether it ends in ``――。``;
    in a text that is all quotations or parentheses, each one closed by 。！？ is a sentence.

    >>> source_sentences("「今日はここまで。」彼は言った。時間――。")
    (2, True)
    >>> source_sentences("「今日はここまで。」")
    (1, False)
    """
    whole = text = text.strip()
    while True:
        stripped = _SOURCE_QUOTED.sub("", text)
        if stripped == text:
            break
        text = stripped
    if not text.strip():  # all quotations: each closed by 。！？ is a sentence
        passages = _SOURCE_QUOTED.finditer(whole)
        return sum(1 for match in passages if _CLOSED_SOURCE.search(match.group())), False
    ends = len(_SOURCE_END.findall(text))
    return ends, text.rstrip("。").endswith("――")


def target_sentences(text: str) -> int:
    """Sentence ends of a translation outside quotes and brackets (abbreviations skipped).

    >>> target_sentences("In 1989 (see p. 3) Mr. Smith came. He left «later. Much.» Then?")
    3
    """
    text = text.strip()
    while True:
        stripped = _TARGET_QUOTED.sub(_quoted_stand_in, text)
        if stripped == text:
            break
        text = stripped
    return sum(1 for match in _TARGET_END.finditer(text) if _ends_sentence(text, match))


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether a candidate end really ends a sentence: at the end of the text, or before a
    capital, a digit or an opening quote; a full stop after an initial or an abbreviation
    ends one only at the end of the text."""
    at_end = match.group(1) is None
    if not at_end and not (match.group(1) or match.group(2).isupper() or match.group(2).isdigit()):
        return False
    if at_end or match.group().rstrip("»”“’)]") != ".":
        return True
    before = _WORD_BEFORE.search(text, 0, match.start())
    word = before.group(1).lower() if before else ""
    return len(word) != 1 and "." not in word and word not in _ABBREVIATIONS


def _quoted_stand_in(match: re.Match[str]) -> str:
    """A quoted passage shrinks to one capitalised word (a full stop before an opening quote
    ends a sentence), keeping a sentence end it closes with."""
    inner = match.group()[1:-1].rstrip()
    return "Quote" + (inner[-1] if inner and inner[-1] in ".!?…" else "")


def check_sentence_count(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q114: as many sentences as the source; a ``――。`` ending may continue in the next entry."""
    expected, continues = source_sentences(entry.source)
    found = target_sentences(entry.translation)
    if _TRAILING_ELLIPSIS.search(entry.translation) and not _CLOSED_SOURCE.search(entry.source):
        found -= 1  # "A Quiet Upheaval…" for 静かなる地殻変動……: an open end, as in the source
    low = expected - 1 if continues else expected
    if low <= found <= expected:
        return []
    what = "added" if found > expected else "missing"
    return [
        entry.finding(
            "Q114",
            f"{found} sentence(s) in the translation, {expected} in the source "
            f"(a sentence {what}?)",
            detail=f"{found}/{expected}",
            hint="translate sentence by sentence",
            waiver="when a split is intended",
        )
    ]


#: Entries shorter than this (source characters) are not length-checked: titles and names
#: vary too much.
MIN_SOURCE_CHARS = 8
#: Characters of the translation forgiven on either side of the bounds: a short sentence's
#: ratio varies more than a long one's.
LENGTH_SLACK = 15

_GLOSS = re.compile(r"（[^（）]*）|\([^()]*\)")


def lengths(source: str, translation: str) -> tuple[int, int] | None:
    """Characters of the source without parenthesised glosses (改革), which translations
    often drop, and of the translation; ``None`` for sources under :data:`MIN_SOURCE_CHARS`.

    >>> lengths("ペレストロイカ(改革)のお陰である。", "Thanks to perestroika.")
    (14, 22)
    """
    length = len(_GLOSS.sub("", source).strip())
    if length < MIN_SOURCE_CHARS:
        return None
    return length, len(translation.strip())


def check_length_ratio(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q115: the translation is between ``low × source - slack`` and ``high × source + slack``
    characters long, with the language's calibrated bounds and :data:`LENGTH_SLACK`."""
    bounds = context.length_ratio(entry.lang)
    measured = lengths(entry.source, entry.translation)
    if bounds is None or measured is None:
        return []
    (low, high), (source, target) = bounds, measured
    if low * source - LENGTH_SLACK <= target <= high * source + LENGTH_SLACK:
        return []
    ratio = target / source
    what = "short (truncated?)" if ratio < low else "long (padded, or another entry's?)"
    return [
        entry.finding(
            "Q115",
            f"translation is {ratio:.2f}× the source length, too {what}; "
            f"reviewed {entry.lang} entries are {low:.2f}–{high:.2f}×",
            detail=f"{ratio:.2f}",
            hint="compare with the source; recompute the bounds with 'workflow check --calibrate'",
        )
    ]


@dataclass(frozen=True)
class Calibration:
    """Length-ratio bounds for one language and the reviewed entries they come from."""

    lang: str
    entries: int
    low: float
    high: float


#: Margin around the reviewed entries' extremes, on the log scale (about ±12 %).
CALIBRATION_MARGIN = 0.12


def calibrate(lang: str, pairs: Iterable[tuple[str, str]]) -> Calibration | None:
    """The tightest bounds that accept every reviewed (source, translation) pair of *lang*
    (with :data:`LENGTH_SLACK`), widened by :data:`CALIBRATION_MARGIN`; ``None`` with fewer
    than 10 usable entries."""
    measured = [
        found
        for source, target in pairs
        if target.strip() and (found := lengths(source, target)) is not None
    ]
    if len(measured) < 10:
        return None
    lowest = min((target + LENGTH_SLACK) / source for source, target in measured)
    highest = max(max(target - LENGTH_SLACK, 1) / source for source, target in measured)
    low = math.exp(math.log(lowest) - CALIBRATION_MARGIN)
    high = math.exp(math.log(highest) + CALIBRATION_MARGIN)
    return Calibration(lang, len(measured), math.floor(low * 10) / 10, math.ceil(high * 10) / 10)
