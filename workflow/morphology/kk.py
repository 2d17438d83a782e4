"""Kazakh: a suffix model of noun inflection with vowel harmony and consonant assimilation.

Only the last word of a term inflects (``Алтай таулары`` → ``Алтай тауларында``).  A word form
is the term's last word followed by a valid *chain* of suffixes, in this order::

    stem  [plural]  [possessive]  [case | -дағы]

- plural: ``-лар/-лер`` after vowels and р, й, у; ``-дар/-дер`` after л, м, н, ң, ж, з;
  ``-тар/-тер`` after voiceless consonants;
- possessive: 3rd person ``-ы/-і`` (``-сы/-сі`` after vowels), 1st singular ``-ым/-ім``
  (``-м``), 2nd singular ``-ың/-ің`` (``-ң``), 1st plural ``-ымыз/-іміз`` (``-мыз/-міз``),
  polite 2nd ``-ыңыз/-іңіз`` (``-ңыз/-ңіз``);
- cases: genitive ``-ның/-дың/-тың``, dative ``-ға/-қа`` (``-на`` after the 3rd person
  possessive, ``-а`` after ``-ым/-ың``), locative ``-да/-та`` (``-нда``), ablative
  ``-дан/-тан/-нан``, accusative ``-ны/-ды/-ты`` (``-н``), instrumental ``-мен/-бен/-пен``
  (``-менен``...), and the attributive locative ``-дағы/-тағы`` (``-ндағы``).

Back vowels (а о ұ ы, and я ё ю in loans) select back suffixes, front vowels (ә ө ү і е э)
front ones; the last vowel of the stem decides (и and у are ambiguous and look further
back; a stem with no decisive vowel accepts both).  Final к, қ, п may voice to г, ғ, б before
a vowel (``кітап`` → ``кітабы``); a few roots drop their second vowel (``кәсіпорын`` →
``кәсіпорны``), and a loanword's final ь drops (``никель`` → ``никелі``).  Anything else
(``Өскеменшіл``) is not a form of the term.  Abbreviations and Latin names take the suffixes
after a hyphen (``ODA-ның``, ``ГДР-дың``).
"""

from __future__ import annotations

from functools import lru_cache

from workflow.morphology import PhrasePattern, normalize, words

BACK, FRONT = "аоұыяёю", "әөүіеэ"
_VOICELESS = "кқпстфхцчшщбвгд"  # б в г д are devoiced at the end of a word
_NASALS = "мнң"
_VOICING = {"к": "г", "қ": "ғ", "п": "б"}
#: Roots whose second (high) vowel drops before a vowel-initial suffix.
_ELIDING_ROOTS = {
    "орын": "орн",
    "мұрын": "мұрн",
    "ауыз": "ауз",
    "ерін": "ерн",
    "халық": "халқ",
    "қарын": "қарн",
    "ғұрып": "ғұрп",
    "әріп": "әрп",
    "ерік": "ерк",
    "көрік": "көрк",
    "бөрік": "бөрк",
    "сіңір": "сіңр",
}

#: Back forms of the case and plural suffixes by the sound class of what precedes them;
#: front forms follow by :func:`_harmonize`.  Only plural separates л from р, й, у.
_PLURAL = {
    "vowel": "лар",
    "sonorant": "лар",
    "nasal": "дар",
    "voiced": "дар",
    "lateral": "дар",
    "voiceless": "тар",
}
_GENITIVE = {
    "vowel": "ның",
    "nasal": "ның",
    "sonorant": "дың",
    "lateral": "дың",
    "voiced": "дың",
    "voiceless": "тың",
}
_ACCUSATIVE = {
    "vowel": "ны",
    "nasal": "ды",
    "sonorant": "ды",
    "lateral": "ды",
    "voiced": "ды",
    "voiceless": "ты",
}
_LOCATIVE = {
    "vowel": "да",
    "nasal": "да",
    "sonorant": "да",
    "lateral": "да",
    "voiced": "да",
    "voiceless": "та",
}
_DATIVE = {
    "vowel": "ға",
    "nasal": "ға",
    "sonorant": "ға",
    "lateral": "ға",
    "voiced": "ға",
    "voiceless": "қа",
}
_ABLATIVE = {
    "vowel": "дан",
    "nasal": "нан",
    "sonorant": "дан",
    "lateral": "дан",
    "voiced": "дан",
    "voiceless": "тан",
}
_INSTRUMENTAL = {
    "vowel": "мен",
    "nasal": "мен",
    "sonorant": "мен",
    "lateral": "мен",
    "voiced": "бен",
    "voiceless": "пен",
}
_FRONT_OF = str.maketrans({"а": "е", "ы": "і", "ғ": "г", "қ": "к"})


def _sound_class(form: str) -> str:
    last = form.rstrip("ьъ")[-1:]
    if last in "рйуи":
        return "sonorant"
    if last == "л":
        return "lateral"
    if last in _NASALS:
        return "nasal"
    if last in "жз":
        return "voiced"
    if last in _VOICELESS:
        return "voiceless"
    return "vowel"


def harmonies(stem: str) -> tuple[bool, ...]:
    """``(True,)`` for a front stem, ``(False,)`` for back, both when undecidable.

    A final -и/-ий (loanwords: ниобий → ниобийдің, литийдің) is front in the literary norm,
    but back forms are common in print (мидың); both are accepted.
    """
    if stem.endswith(("ий", "и")):
        return (False, True)
    for char in reversed(stem):
        if char in FRONT:
            return (True,)
        if char in BACK:
            return (False,)
    return (False, True)


def _harmonize(suffix: str, front: bool) -> str:
    return suffix.translate(_FRONT_OF) if front else suffix


def _vowel_stems(stem: str) -> set[str]:
    """Stem variants used before a vowel-initial suffix (voicing, vowel loss, the soft sign
    of a loanword dropped: ``никель`` → ``никелі``)."""
    stem = stem.removesuffix("ь")
    variants = {stem}
    if stem[-1:] in _VOICING:
        variants.add(stem[:-1] + _VOICING[stem[-1]])
    for root, elided in _ELIDING_ROOTS.items():
        if stem.endswith(root):
            variants.add(stem[: -len(root)] + elided)
    return variants


def _possessives(stem: str, front: bool) -> list[tuple[str, str]]:
    """(form, kind) after adding each possessive suffix to *stem*."""
    if _sound_class(stem) == "vowel":
        return [
            (stem + _harmonize(suffix, front), kind)
            for suffix, kind in (
                ("сы", "p3"),
                ("м", "p1"),
                ("ң", "p2"),
                ("мыз", "p1pl"),
                ("ңыз", "p2pl"),
            )
        ]
    forms = []
    for base in _vowel_stems(stem):
        forms += [
            (base + _harmonize(suffix, front), kind)
            for suffix, kind in (
                ("ы", "p3"),
                ("ым", "p1"),
                ("ың", "p2"),
                ("ымыз", "p1pl"),
                ("ыңыз", "p2pl"),
            )
        ]
    return forms


def _cases(form: str, kind: str, front: bool) -> set[str]:
    """Every case ending (and -дағы) added to *form*; *kind* is the preceding suffix."""
    if kind == "p3":
        endings = ["ның", "на", "нда", "нан", "н", "мен", "менен", "ндағы"]
    else:
        sound = _sound_class(form)
        locative = _LOCATIVE[sound]
        endings = [
            _GENITIVE[sound],
            _ACCUSATIVE[sound],
            locative,
            _ABLATIVE[sound],
            locative + "ғы",
            _INSTRUMENTAL[sound],
            _INSTRUMENTAL[sound] + "ен",
            "а" if kind in ("p1", "p2") else _DATIVE[sound],
        ]
    # the instrumental (-мен/-бен/-пен, -менен...) has no back and front forms: harmonizing
    # leaves it as it is
    return {form + _harmonize(ending, front) for ending in endings}


@lru_cache(maxsize=4096)
def word_forms(word: str) -> frozenset[str]:
    """All inflected forms of the (normalized) Kazakh noun *word*, the word itself included."""
    forms: set[str] = {word}
    for stem in _stems(word):
        for front in harmonies(stem):
            forms |= _chain_forms(stem, front)
        if stem[-1:] in _DOUBLED_IN_LOANWORDS and stem != word:
            forms.add(stem + stem[-1])  # the bare loanword keeps its spelling: металл
    return frozenset(forms)


#: Final consonants that Russian loanwords double (металл, класс) and drop before suffixes.
_DOUBLED_IN_LOANWORDS = "лс"
_DOUBLED_FINALS = tuple(letter * 2 for letter in _DOUBLED_IN_LOANWORDS)
_PLURAL_ENDINGS = ("лар", "лер", "дар", "дер", "тар", "тер")


def _stems(word: str) -> set[str]:
    """*word*, its singular when it is a plural term (металдар → метал), and a loanword's
    doubled final consonant simplified as before suffixes (металл → метал)."""
    stems = {word}
    for ending in _PLURAL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stems.add(word[: -len(ending)])
    for stem in list(stems):
        if stem.endswith(_DOUBLED_FINALS):
            stems.add(stem[:-1])
    return stems


def _chain_forms(stem: str, front: bool) -> set[str]:
    plural = stem + _harmonize(_PLURAL[_sound_class(stem)], front)
    bases: list[tuple[str, str]] = [(stem, "stem"), (plural, "plural")]
    for base, _kind in list(bases):
        bases += _possessives(base, front)
    forms = {base for base, _kind in bases}
    for base, kind in bases:
        forms |= _cases(base, kind, front)
    return forms


def phrase_pattern(term: str) -> PhrasePattern:
    """The pattern of a Kazakh *term*: fixed words, then an inflecting last word.

    An abbreviation (all capitals or Latin letters, e.g. ``ODA``) takes its suffixes after a
    hyphen: ``ODA-ның``.  A multi-word term whose last word already ends in the 3rd person
    possessive (``Алтай таулары``, ``Қазақстан Республикасы``) continues with the
    possessive case endings (``тауларында``).
    """
    originals = [token.group() for token in words(term)]
    if not originals:
        return PhrasePattern(())
    keys = [normalize(word) for word in originals]
    last, last_original = keys[-1], originals[-1]
    if _is_hyphen_word(last_original):
        forms = _hyphenated_forms(last)
    elif len(keys) > 1 and _ends_in_possessive(last):
        forms = _compound_forms(last)
    else:
        forms = word_forms(last)
    reading = (*(frozenset({key}) for key in keys[:-1]), forms)
    return PhrasePattern((reading,))


def _is_hyphen_word(word: str) -> bool:
    """Abbreviations, capital letters as names and Latin-script names: ``ODA`` →
    ``ODA-ның``, ``гепатит В`` → ``гепатит В-ның``."""
    latin = all(char.isascii() for char in word if char.isalpha())
    return latin or word.isupper()


def _hyphenated_forms(word: str) -> frozenset[str]:
    forms = {word}
    for front in harmonies(word):  # both for a Latin name or an abbreviation without vowels
        # the abbreviation is read aloud; accept the suffixes of a stem ending in a vowel, a
        # voiceless consonant, a nasal or р (ГДР-дың), as Kazakh writers do any
        for probe in ("а", "т", "н", "р"):
            forms |= {
                word + "-" + form[len(probe) :]
                for form in _chain_forms(probe, front)
                if len(form) > len(probe)
            }
    return frozenset(forms)


def _ends_in_possessive(word: str) -> bool:
    """Whether *word* ends like the 3rd person possessive (таулары, өзені, жылан уы)."""
    return word.endswith(("ы", "і"))


def _compound_forms(word: str) -> frozenset[str]:
    """Forms of an izafet head such as ``таулары``: it takes the possessive case endings."""
    front = harmonies(word)[0]
    return frozenset({word} | _cases(word, "p3", front))
