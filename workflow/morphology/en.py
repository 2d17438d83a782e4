"""English: the last word of a term takes the plural and the possessive.

``sponge`` → ``sponges``, ``sponge's``, ``sponges'``; ``tantalum`` → ``tantalum's``;
``refinery`` → ``refineries``; ``process`` → ``processes``.  Other words stay as written.
"""

from __future__ import annotations

from workflow.morphology import PhrasePattern, normalize, words

_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
_VOWELS = "aeiou"


def plurals(word: str) -> set[str]:
    """Regular plural spellings of a (normalized) English noun."""
    if word.endswith(_SIBILANT_ENDINGS):
        return {word + "es"}
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return {word[:-1] + "ies"}
    if word.endswith("o"):
        return {word + "s", word + "es"}
    return {word + "s"}


def word_forms(word: str) -> frozenset[str]:
    """*word* with its plural and possessive forms."""
    return frozenset({word, word + "'s", *plurals(word)})


def phrase_pattern(term: str) -> PhrasePattern:
    """The pattern of an English *term*: fixed words, then an inflecting last word."""
    keys = [normalize(token.group()) for token in words(term)]
    if not keys:
        return PhrasePattern(())
    reading = (*(frozenset({key}) for key in keys[:-1]), word_forms(keys[-1]))
    return PhrasePattern((reading,))
