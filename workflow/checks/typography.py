"""Punctuation, spacing and typography of the translation.

Q102 brackets, Q103 end punctuation, Q105 doubled spaces, Q106 edge whitespace, Q107 doubled
words, Q111 quotation marks and Q112 dashes, each following the target language's
conventions in :mod:`workflow.languages` (« » and „ “ in Russian and Kazakh, “ ” and ‘ ’ in
English).
"""

from __future__ import annotations

import re
from functools import lru_cache

from workflow import languages
from workflow.checks.context import CheckContext
from workflow.checks.rules import Entry
from workflow.diagnostics import Diagnostic
from workflow.morphology import normalize
from workflow.segment import BRACKET_PAIRS

_TARGET_PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "„": "“", "“": "”"}
_CLOSING = "」』）)】〉》”»’\"'"
_SENTENCE_END_JA = "。．.！？!?"
_SENTENCE_END = ".!?…"
_DASHES = "—–―"


def balanced(text: str, pairs: dict[str, str]) -> bool:
    """Whether quotes and brackets of *text* nest properly (``“`` closes ``„`` if open)."""
    closers = {close: open_ for open_, close in pairs.items()}
    stack: list[str] = []
    for char in _marks(tuple(pairs.items())).findall(text):
        if stack and pairs.get(stack[-1]) == char:
            stack.pop()
        elif char in pairs:
            stack.append(char)
        elif char in closers:
            return False
    return not stack and text.count('"') % 2 == 0


@lru_cache(maxsize=8)
def _marks(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """A scan for the quote and bracket characters of *pairs*."""
    return re.compile("[" + re.escape("".join(a + b for a, b in pairs)) + "]")


def check_brackets(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q102: quotes and brackets of the translation are balanced (when the source's are)."""
    if not balanced(entry.source, BRACKET_PAIRS) or balanced(entry.translation, _TARGET_PAIRS):
        return []
    return [
        entry.finding(
            "Q102",
            "unbalanced quotes or brackets in the translation",
            hint="close every « ( [ „ “ you open, and open every one you close",
        )
    ]


def check_ending(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q103: sentence-final punctuation matches the source.

    A source ending in ``――`` (with or without ``。``) may end with a dash (— – ―) or with
    sentence punctuation; closing quotes and brackets after the punctuation are ignored.
    """
    source = entry.source.rstrip().rstrip(_CLOSING)
    target = entry.translation.rstrip().rstrip(_CLOSING).rstrip()
    if not source or not target:
        return []
    if source.rstrip("。").endswith("――"):
        if target[-1] in _SENTENCE_END + _DASHES:
            return []
        return [
            _ending(
                entry,
                "source ends with ―― but the translation ends without punctuation",
                "end with an em dash (—) or . ! ?",
            )
        ]
    if source[-1] in _SENTENCE_END_JA:
        if target[-1] not in _SENTENCE_END:
            return [
                _ending(
                    entry,
                    "source ends a sentence but the translation has no end punctuation",
                    "end with . ! ? or …",
                )
            ]
        if source[-1] in "？?" and target[-1] != "?":
            return [
                _ending(
                    entry,
                    "source is a question but the translation does not end with ?",
                    "end with ?",
                )
            ]
        return []
    if target[-1] == "." and not target.endswith(".."):
        return [
            _ending(
                entry,
                "translation ends with a full stop the source does not have",
                "remove the final full stop (titles, headings)",
            )
        ]
    return []


def _ending(entry: Entry, message: str, hint: str) -> Diagnostic:
    return entry.finding("Q103", message, hint=hint)


def check_spaces(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q105: no doubled spaces inside the translation."""
    if re.search(r"[ \u00a0]{2,}", entry.translation.strip()):
        return [
            entry.finding("Q105", "doubled space in the translation", hint="use a single space")
        ]
    return []


def check_edge_whitespace(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q106: no leading or trailing whitespace that the source does not have."""
    findings = []
    for side, source_edge, target_edge in (
        ("leading", entry.source[:1], entry.translation[:1]),
        ("trailing", entry.source[-1:], entry.translation[-1:]),
    ):
        if target_edge.isspace() and not source_edge.isspace():
            findings.append(
                entry.finding(
                    "Q106",
                    f"{side} whitespace {target_edge!r} that the source does not have",
                    detail=target_edge,
                    hint=f"remove the {side} whitespace",
                )
            )
    if "\n" in entry.translation.strip() and "\n" not in entry.source:
        findings.append(
            entry.finding(
                "Q106",
                "line break inside the translation that the source does not have",
                hint="join the lines (a PO editor's Enter key)",
            )
        )
    return findings


#: Two occurrences of a word separated by whitespace only (compared case-insensitively).
_DOUBLED = re.compile(r"(?<![^\W\d_])([^\W\d_]+)(\s+)(\1)(?![^\W\d_])", re.IGNORECASE)


def check_doubled_words(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q107: no word written twice in a row ("the the", "в в"); hyphenated doubles are fine."""
    allowed = languages.get(entry.lang).allowed_doubles  # "she had had enough"
    findings = []
    for match in _DOUBLED.finditer(entry.translation):
        word = match.group(1)
        if normalize(word) in allowed or _hyphen_joined(entry.translation, match):
            continue
        findings.append(
            entry.finding(
                "Q107",
                f"word '{word}' is doubled: '{match.group()}'",
                detail=match.group(),
                hint="delete one of them",
            )
        )
    return findings


def _hyphen_joined(text: str, match: re.Match[str]) -> bool:
    """Whether the pair is part of a hyphenated word (еле-еле те-те …)."""
    before = text[match.start() - 1 : match.start()]
    after = text[match.end() : match.end() + 1]
    return before in ("-", "‐") or after in ("-", "‐")


_STRAIGHT = re.compile("[\"']")
#: ’ between two letters is an apostrophe (Кот-д’Ивуар), in every language, not a quote.
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])’(?=[^\W\d_])")


def check_quotes(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q111: the language's quotation marks; no straight quotes, no foreign ones.

    In Russian and Kazakh ``“`` is right only as the closing mark of a nested ``„``; ``’``
    between letters is an apostrophe, not a quotation mark.
    """
    language = languages.get(entry.lang)
    quotes = language.typography.quotes
    marks = [m.group() for m in _STRAIGHT.finditer(entry.translation)]
    marks += [char for char in _APOSTROPHE.sub("", entry.translation) if char in quotes.wrong]
    if quotes.closes_low_nested:
        marks += _unpaired_english_openers(entry.translation)
    if not marks:
        return []
    listed = ", ".join(dict.fromkeys(marks))
    return [
        entry.finding(
            "Q111",
            f"quotation marks {listed} are not {language.english_name} style",
            detail=listed,
            hint=quotes.hint,
        )
    ]


def _unpaired_english_openers(text: str) -> list[str]:
    """``“`` used as an opening mark (English style) instead of closing a nested ``„``."""
    open_low = 0
    found = []
    for char in text:
        if char == "„":
            open_low += 1
        elif char == "“":
            if open_low:
                open_low -= 1
            else:
                found.append(char)
    return found


#: Dash slips: (pattern, only where the language spaces its dashes, what it is, what to write).
_DASH_SLIPS = (
    (re.compile(r"(?:^|(?<=\s))-(?=\s)"), False, "a hyphen used as a dash", "—"),
    (re.compile(r"(?<!-)--(?!-)"), False, "a double hyphen", "—"),
    (re.compile(r"―+"), False, "the Japanese dash ―", "—"),
    (re.compile(r"(?<=\s)–(?=\s)"), True, "a spaced en dash", "a spaced em dash —"),
    (re.compile(r"(?<=[^\W\d_])—(?=[^\W\d_])"), True, "an unspaced em dash", "' — '"),
)


def check_dashes(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q112: a dash between words is an em dash (spaced where the language's typography
    says so, as in Russian and Kazakh)."""
    spaced = languages.get(entry.lang).typography.spaced_dash
    findings = []
    for pattern, spaced_only, what, instead in _DASH_SLIPS:
        if spaced_only and not spaced:
            continue
        match = pattern.search(entry.translation)
        if match:
            findings.append(
                entry.finding(
                    "Q112",
                    f"{what} at column {match.start() + 1}",
                    detail=match.group(),
                    hint=f"write {instead}",
                )
            )
    return findings
