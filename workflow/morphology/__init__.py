"""Inflection-aware matching of glossary target terms in translations.

The language registry (:mod:`workflow.languages`) names each language's builder, which turns
a target term into a :class:`PhrasePattern`: one or more *readings*, each a tuple with the set
of accepted word forms for every word of the term; a language without a builder gets
:func:`exact_pattern` (every word as written).  A reading for Russian is one grammatical case
and number (so the words of ``титановая губка`` must agree: ``титановой губки``, not
``титановой губку``); Kazakh and English have a single reading in which only the last word
inflects.  A translation contains the term when some run of consecutive words matches some
reading word by word.

Words are compared after :func:`normalize` (lower case, ``ё`` → ``е``, typographic
apostrophe → ``'``, stress marks removed).  Terms flagged ``keep`` in the glossary must
appear verbatim instead (:func:`find_verbatim`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workflow.glossary import Term

#: A word: letters, optionally joined by hyphens or apostrophes (Усть-Каменогорском, ODA-ның,
#: tantalum's).
WORD = re.compile(r"[^\W\d_]+(?:[-'’‐][^\W\d_]+)*")

#: One reading: the accepted (normalized) forms of each word of the term, in order.
Reading = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class PhrasePattern:
    """All readings of a target term; see the module docstring."""

    readings: tuple[Reading, ...]
    #: What separates consecutive words of the term besides whitespace (``:`` in
    #: ``Rare Metals: A Thousand and One Nights``); set by :func:`phrase_pattern`.
    gaps: tuple[str, ...] = ()

    @property
    def length(self) -> int:
        return len(self.readings[0]) if self.readings else 0

    @cached_property
    def first_words(self) -> frozenset[str]:
        """Every accepted form of the first word (where a match can start)."""
        return frozenset().union(*(reading[0] for reading in self.readings if reading))

    def accepts(self, words: list[str]) -> bool:
        """Whether the normalized *words* (as many as the term has) are a form of the term."""
        return any(
            all(word in forms for word, forms in zip(words, reading, strict=True))
            for reading in self.readings
        )


@dataclass(frozen=True)
class Span:
    """A target term found in a translation at ``text[start:end]``."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=65536)
def normalize(word: str) -> str:
    """Lower-case comparison key of a word: ``Ё`` → ``е``, ``’`` → ``'``, no stress marks."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    stripped = decomposed.replace("\u0301", "").replace("\u0300", "")
    return unicodedata.normalize("NFC", stripped).replace("ё", "е").replace("’", "'")


def words(text: str) -> list[re.Match[str]]:
    """The words of *text*, as regex matches (with positions)."""
    return list(WORD.finditer(text))


@lru_cache(maxsize=4096)
def phrase_pattern(lang: str, term: str) -> PhrasePattern:
    """The inflection pattern of *term* in *lang*: the language's morphology from the
    registry, or :func:`exact_pattern` for a language that has none."""
    from workflow import languages

    build = languages.get(lang).morphology or exact_pattern
    tokens = words(term)
    gaps = tuple(_gap(term, left, right) for left, right in itertools.pairwise(tokens))
    return replace(build(term), gaps=gaps)


def exact_pattern(term: str) -> PhrasePattern:
    """One reading in which every word stands as written (compared after :func:`normalize`)."""
    keys = [normalize(token.group()) for token in words(term)]
    return PhrasePattern((tuple(frozenset({key}) for key in keys),) if keys else ())


def _gap(text: str, left: re.Match[str], right: re.Match[str]) -> str:
    return "".join(text[left.end() : right.start()].split())


def find_term(lang: str, forms: list[str] | tuple[str, ...], text: str) -> list[Span]:
    """Every occurrence of any of *forms* (inflected as *lang* allows) in *text*, in order.

    Overlapping candidates are resolved leftmost-longest.  Only words that can start one of
    the forms are tried (the forms' patterns and first words are built once per term).
    """
    tokens, keys = _tokenized(text)
    patterns, starts = _patterns(lang, tuple(forms))
    spans: list[Span] = []
    index = 0
    for candidate in [i for i, key in enumerate(keys) if key in starts]:
        if candidate < index:
            continue
        length = _longest_match(patterns, tokens, keys, candidate, text)
        if length:
            start, end = tokens[candidate].start(), tokens[candidate + length - 1].end()
            spans.append(Span(start, end, text[start:end]))
            index = candidate + length
    return spans


@lru_cache(maxsize=4096)
def _patterns(lang: str, forms: tuple[str, ...]) -> tuple[list[PhrasePattern], frozenset[str]]:
    """The patterns of *forms* and every word a match of one of them can start with."""
    patterns = [phrase_pattern(lang, form) for form in forms]
    return patterns, frozenset().union(*(pattern.first_words for pattern in patterns))


@lru_cache(maxsize=32)
def _tokenized(text: str) -> tuple[list[re.Match[str]], list[str]]:
    """The words of *text* and their :func:`normalize` keys (the last texts are kept, as
    every glossary term of an entry is looked up in the same translation)."""
    tokens = words(text)
    return tokens, [normalize(token.group()) for token in tokens]


def _longest_match(
    patterns: list[PhrasePattern],
    tokens: list[re.Match[str]],
    keys: list[str],
    index: int,
    text: str,
) -> int:
    best = 0
    for pattern in patterns:
        size = pattern.length
        if size <= best or index + size > len(tokens):
            continue
        if not _adjacent(tokens[index : index + size], text, pattern.gaps):
            continue
        if pattern.accepts(keys[index : index + size]):
            best = size
    return best


def _adjacent(run: list[re.Match[str]], text: str, gaps: tuple[str, ...]) -> bool:
    """Words of a multi-word term are separated as in the term (ignoring whitespace)."""
    return all(
        _gap(text, left, right) == gap
        for (left, right), gap in zip(itertools.pairwise(run), gaps, strict=True)
    )


def find_verbatim(form: str, text: str) -> list[Span]:
    """Exact (case-sensitive) occurrences of *form* not inside a longer word."""
    pattern = re.compile(rf"(?<![^\W_]){re.escape(form)}(?![^\W\d_])")
    return [Span(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def find_target_term(lang: str, term: Term, text: str) -> list[Span]:
    """Occurrences of glossary *term* in a *lang* translation.

    ``keep`` terms must appear verbatim (any of their accepted forms); others may inflect.
    """
    forms = term.accepted_forms(lang)
    if term.keep:
        spans = [span for form in forms for span in find_verbatim(form, text)]
        return sorted(spans, key=lambda span: span.start)
    return find_term(lang, forms, text)


def target_term_present(lang: str, term: Term | str, text: str) -> bool:
    """Whether *text* (in *lang*) contains *term* in an accepted form.

    *term* is a glossary :class:`~workflow.glossary.Term` or a plain target term string.
    """
    if isinstance(term, str):
        return bool(find_term(lang, [term], text))
    return bool(find_target_term(lang, term, text))
