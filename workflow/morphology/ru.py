"""Russian: case and number inflection of glossary terms, with agreement.

A term is read as ``[adjectives] head-noun [fixed words]``: the head is the first noun in the
nominative, the adjectives before it agree with it, and words after it (genitive complements
such as ``Институт редких металлов``) do not change, except capitalized unknown names in
apposition to a capitalized head (``Сигэо Накамура``), which take the head's case.
Forms come from the pymorphy3 dictionary (the lexeme of the term's own nominative reading).
Words the dictionary does not know (most proper nouns) and the last part of hyphenated names
(``Усть-Каменогорск``) inflect by a stem model of the regular noun and adjective declensions.
All-capital abbreviations and words in Latin script are kept as written.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import pymorphy3
from pymorphy3.units import DictionaryAnalyzer

from workflow.morphology import PhrasePattern, normalize, words

#: (case, number): the grammatical slot a word form fills.
Slot = tuple[str, str]
Table = dict[Slot, frozenset[str]]

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CASE_ALIASES = {
    "gen1": "gent",
    "gen2": "gent",
    "loc1": "loct",
    "loc2": "loct",
    "acc2": "accs",
    "voct": "nomn",
}
_ADJECTIVAL = {"ADJF", "PRTF", "NUMR"}
_VELARS, _SIBILANTS = "кгх", "жшчщ"
_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The shared pymorphy3 analyzer (loading the dictionary takes a moment)."""
    return pymorphy3.MorphAnalyzer(lang="ru")


def phrase_pattern(term: str) -> PhrasePattern:
    """The pattern of a Russian *term*: one reading per case and number."""
    originals = [token.group() for token in words(term)]
    if not originals:
        return PhrasePattern(())
    head = _head_index(originals)
    gender = _gender(originals[head]) if head is not None else None
    tables: list[Table | str] = []
    heads = _co_heads(originals, head)
    epithets = _epithets(originals, heads)
    for index, word in enumerate(originals):
        if _is_fixed(word):
            tables.append(normalize(word))
        elif index in heads:
            tables.append(noun_table(word))
        elif head is None or index < head or index in epithets:
            table = adjective_table(word, gender)
            tables.append(table or normalize(word))
        else:
            tables.append(normalize(word))
    return PhrasePattern(_readings(tables))


def _readings(tables: list[Table | str]) -> tuple[tuple[frozenset[str], ...], ...]:
    inflecting = [table for table in tables if isinstance(table, dict)]
    if not inflecting:
        return (tuple(frozenset({table}) for table in tables if isinstance(table, str)),)
    slots = sorted(set.intersection(*(set(table) for table in inflecting)))
    return tuple(
        tuple(table[slot] if isinstance(table, dict) else frozenset({table}) for table in tables)
        for slot in slots
    )


def _is_fixed(word: str) -> bool:
    """Abbreviations (``ОДА``), initials (``Ш. Накамура``) and non-Cyrillic words are not
    inflected."""
    return word.isupper() or not set(word.lower()) & _CYRILLIC


def _dictionary_parses(word: str) -> list[pymorphy3.analyzer.Parse]:
    return [
        parse
        for parse in analyzer().parse(word)
        if isinstance(parse.methods_stack[0][0], DictionaryAnalyzer)
    ]


def _nominative_parses(word: str) -> list[pymorphy3.analyzer.Parse]:
    """Dictionary readings of *word* as a nominative (terms are given in the nominative)."""
    return [parse for parse in _dictionary_parses(word) if parse.tag.case == "nomn"]


def _head_index(originals: list[str]) -> int | None:
    """The first word that is a nominative noun (or unknown to the dictionary).  A word that
    is also an adjective (``цветные``, ``учёные``) is the head only when no noun follows it
    (``учёные``) or a complement does (``учёные Казахстана``): ``цветные металлы``."""
    adjective_or_noun = None
    for index, word in enumerate(originals):
        if _is_fixed(word):
            continue
        last_part = word.rsplit("-", 1)[-1]
        parses = _nominative_parses(word) or _nominative_parses(last_part)
        if not parses:
            if adjective_or_noun is not None and _dictionary_parses(word):
                return adjective_or_noun
            if _fallback_adjective_endings(normalize(last_part)) is None:
                return index
            continue
        if any(p.tag.POS == "NOUN" for p in parses):
            if not any(p.tag.POS in _ADJECTIVAL for p in parses):
                return index
            if adjective_or_noun is None:
                adjective_or_noun = index
    return adjective_or_noun


def _co_heads(originals: list[str], head: int | None) -> set[int]:
    """The head and the capitalized names in apposition right after a capitalized head
    (``Сигэо Накамура`` → ``Сигэо Накамуры``): they inflect in the same case.  A word the
    dictionary knows only outside the nominative is a complement (``Совет Министров``)."""
    if head is None:
        return set()
    heads = {head}
    index = head + 1
    while index < len(originals) and originals[head][:1].isupper():
        word = originals[index]
        parses = _nominative_parses(word)
        if not word[:1].isupper() or _is_fixed(word):
            break
        if parses and not any(p.tag.POS == "NOUN" for p in parses):
            break
        if not parses and analyzer().word_is_known(word.lower()):
            break
        heads.add(index)
        index += 1
    return heads


def _epithets(originals: list[str], heads: set[int]) -> set[int]:
    """Capitalized adjectives right after a capitalized name (``Пётр Первый`` → ``Петра
    Первого``, ``Екатерина Вторая``): they agree with it."""
    if not heads or not originals[min(heads)][:1].isupper():
        return set()
    found = set()
    for index in range(max(heads) + 1, len(originals)):
        word = originals[index]
        parses = _nominative_parses(word)
        if not word[:1].isupper() or not any(p.tag.POS in _ADJECTIVAL for p in parses):
            break
        found.add(index)
    return found


def _gender(word: str) -> str | None:
    for parse in _dictionary_parses(word) or _dictionary_parses(word.rsplit("-", 1)[-1]):
        if parse.tag.POS == "NOUN" and parse.tag.case == "nomn" and parse.tag.gender:
            return str(parse.tag.gender)
    return None


def _add(table: dict[Slot, set[str]], case: str, number: str, form: str) -> None:
    table[(_CASE_ALIASES.get(case, case), number)].add(normalize(form))


def _freeze(table: dict[Slot, set[str]]) -> Table:
    return {slot: frozenset(forms) for slot, forms in table.items()}


def noun_table(word: str) -> Table:
    """Forms of a noun by (case, number); hyphenated names inflect their last part."""
    parses = [p for p in _dictionary_parses(word) if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    if parses:
        table: dict[Slot, set[str]] = defaultdict(set)
        for parse in parses:
            for form in parse.lexeme:
                if form.tag.case and form.tag.number:
                    _add(table, str(form.tag.case), str(form.tag.number), form.word)
        return _freeze(table)
    if "-" in word:
        prefix, last = word.rsplit("-", 1)
        return {
            slot: frozenset(f"{normalize(prefix)}-{form}" for form in forms)
            for slot, forms in noun_table(last).items()
        }
    return fallback_noun_table(normalize(word))


def adjective_table(word: str, gender: str | None) -> Table | None:
    """Forms of an agreeing adjective (singular forms of *gender* only, when known); not its
    superlative (``редчайших`` is not a form of ``редкие``)."""
    parses = [
        p for p in _dictionary_parses(word) if p.tag.POS in _ADJECTIVAL and p.tag.case == "nomn"
    ]
    if not parses:
        return fallback_adjective_table(normalize(word), gender)
    gender = gender or next((str(p.tag.gender) for p in parses if p.tag.gender), None)
    table: dict[Slot, set[str]] = defaultdict(set)
    for parse in parses:
        for form in parse.lexeme:
            tag = form.tag
            if tag.POS not in _ADJECTIVAL or "Supr" in tag or not tag.case or not tag.number:
                continue
            if tag.number == "sing" and gender and tag.gender and tag.gender != gender:
                continue
            _add(table, str(tag.case), str(tag.number), form.word)
    return _freeze(table)


# --- stem model for words the dictionary does not know ---------------------------------------

#: Endings by case, singular then plural, for each declension class of the stem model.
_HARD_MASC = (
    (("",), ("а",), ("у",), ("", "а"), ("ом",), ("е",)),
    (("ы",), ("ов",), ("ам",), ("ы", "ов"), ("ами",), ("ах",)),
)
_SOFT_MASC = (
    (("ь",), ("я",), ("ю",), ("ь", "я"), ("ем",), ("е",)),
    (("и",), ("ей",), ("ям",), ("и", "ей"), ("ями",), ("ях",)),
)
_SOFT_FEM = (
    (("ь",), ("и",), ("и",), ("ь",), ("ью",), ("и",)),
    (("и",), ("ей",), ("ям",), ("и",), ("ями",), ("ях",)),
)
_J_MASC = (
    (("й",), ("я",), ("ю",), ("й", "я"), ("ем",), ("е",)),
    (("и",), ("ев",), ("ям",), ("и", "ев"), ("ями",), ("ях",)),
)
_IJ_MASC = (
    (("ий",), ("ия",), ("ию",), ("ий", "ия"), ("ием",), ("ии",)),
    (("ии",), ("иев",), ("иям",), ("ии", "иев"), ("иями",), ("иях",)),
)
_HARD_FEM = (
    (("а",), ("ы",), ("е",), ("у",), ("ой", "ою"), ("е",)),
    (("ы",), ("",), ("ам",), ("ы", ""), ("ами",), ("ах",)),
)
_SOFT_A_FEM = (
    (("я",), ("и",), ("е",), ("ю",), ("ей", "ею"), ("е",)),
    (("и",), ("ь", "ей"), ("ям",), ("и", "ь", "ей"), ("ями",), ("ях",)),
)
_IJA_FEM = (
    (("ия",), ("ии",), ("ии",), ("ию",), ("ией", "иею"), ("ии",)),
    (("ии",), ("ий",), ("иям",), ("ии", "ий"), ("иями",), ("иях",)),
)

Paradigm = tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]


def _table_from(stem: str, paradigm: Paradigm) -> dict[Slot, set[str]]:
    table: dict[Slot, set[str]] = defaultdict(set)
    for number, endings in zip(("sing", "plur"), paradigm, strict=True):
        for case, alternatives in zip(CASES, endings, strict=True):
            for ending in alternatives:
                table[(case, number)].add(_spell(stem, ending))
    return table


def _spell(stem: str, ending: str) -> str:
    """Russian spelling rules: ``ы`` → ``и`` after velars and sibilants, ``о`` → ``е`` after
    sibilants and ``ц`` in unstressed endings (both spellings are accepted there)."""
    if ending.startswith("ы") and stem[-1:] in _VELARS + _SIBILANTS:
        ending = "и" + ending[1:]
    return stem + ending


def _unstressed_o_variants(stem: str, table: dict[Slot, set[str]]) -> None:
    if stem[-1:] in _SIBILANTS + "ц":
        for forms in table.values():
            forms |= {
                form[: len(stem)] + "е" + form[len(stem) + 1 :]
                for form in list(forms)
                if form[len(stem) : len(stem) + 1] == "о"
            }
    if stem[-1:] in _SIBILANTS:
        for (case, number), forms in table.items():
            if number == "plur" and case in ("gent", "accs"):
                forms |= {stem + "ей" for form in list(forms) if form == stem + "ов"}


def fallback_noun_table(word: str) -> Table:
    """Stem-model forms of an unknown noun (by its ending), e.g. a proper name."""
    last = word[-1:]
    if word.endswith("ия"):
        table = _table_from(word[:-2], _IJA_FEM)
    elif word.endswith("ий"):
        table = _table_from(word[:-2], _IJ_MASC)
    elif last == "а":
        table = _table_from(word[:-1], _HARD_FEM)
        _unstressed_o_variants(word[:-1], table)
    elif last == "я":
        table = _table_from(word[:-1], _SOFT_A_FEM)
    elif last == "й":
        table = _table_from(word[:-1], _J_MASC)
    elif last == "ь":
        table = _table_from(word[:-1], _SOFT_MASC)
        for slot, forms in _table_from(word[:-1], _SOFT_FEM).items():
            table[slot] |= forms
    elif last in "оеиуюэыё" or not last.isalpha():
        table = {(case, number): {word} for case in CASES for number in ("sing", "plur")}
    else:
        table = _table_from(word, _HARD_MASC)
        _unstressed_o_variants(word, table)
    return _freeze(table)


#: Endings by gender (or plural) and case; a tuple where two endings are correct.
AdjectiveParadigm = dict[str, tuple[str | tuple[str, ...], ...]]

_ADJ_HARD: AdjectiveParadigm = {
    "masc": ("ый", "ого", "ому", ("ый", "ого"), "ым", "ом"),
    "femn": ("ая", "ой", "ой", "ую", ("ой", "ою"), "ой"),
    "neut": ("ое", "ого", "ому", "ое", "ым", "ом"),
    "plur": ("ые", "ых", "ым", ("ые", "ых"), "ыми", "ых"),
}
#: A stressed masculine ending (молодой, большой, дорогой); the rest as _ADJ_HARD.
_ADJ_STRESSED: AdjectiveParadigm = {
    **_ADJ_HARD,
    "masc": ("ой", "ого", "ому", ("ой", "ого"), "ым", "ом"),
}
_ADJ_SOFT: AdjectiveParadigm = {
    "masc": ("ий", "его", "ему", ("ий", "его"), "им", "ем"),
    "femn": ("яя", "ей", "ей", "юю", ("ей", "ею"), "ей"),
    "neut": ("ее", "его", "ему", "ее", "им", "ем"),
    "plur": ("ие", "их", "им", ("ие", "их"), "ими", "их"),
}
#: Unstressed endings after a sibilant or ц (свежий, свежее, куцый): hard endings whose о is
#: spelled е (ы becomes и after a sibilant by :func:`_spell`).
_ADJ_UNSTRESSED_E: AdjectiveParadigm = {
    "masc": ("ый", "его", "ему", ("ый", "его"), "ым", "ем"),
    "femn": ("ая", "ей", "ей", "ую", ("ей", "ею"), "ей"),
    "neut": ("ее", "его", "ему", "ее", "ым", "ем"),
    "plur": ("ые", "ых", "ым", ("ые", "ых"), "ыми", "ых"),
}
_ADJ_NOMINATIVES = {
    "ый": ("masc", False),
    "ой": ("masc", False),
    "ая": ("femn", False),
    "ое": ("neut", False),
    "ые": ("plur", False),
    "ий": ("masc", True),
    "яя": ("femn", True),
    "ее": ("neut", True),
    "ие": ("plur", True),
}


def _fallback_adjective_endings(word: str) -> tuple[str, bool] | None:
    """(gender or plural, soft) of an unknown adjective in the nominative, or None."""
    if len(word) < 4:
        return None
    return _ADJ_NOMINATIVES.get(word[-2:])


def _adjective_paradigm(word: str, soft: bool) -> AdjectiveParadigm:
    """The endings of an unknown adjective, by its nominative ending and the stem's last
    letter (-ой shows the stress; -ий, -ее, -ие after a sibilant and -ый, -ее, -ые after ц
    show an unstressed ending)."""
    stem_end, ending = word[-3], word[-2:]
    if ending == "ой":
        return _ADJ_STRESSED
    if (soft and stem_end in _SIBILANTS) or (stem_end == "ц" and ending in ("ый", "ее", "ые")):
        return _ADJ_UNSTRESSED_E
    # -кий/-гий/-хий are hard stems spelled with и
    return _ADJ_SOFT if soft and stem_end not in _VELARS else _ADJ_HARD


def fallback_adjective_table(word: str, gender: str | None) -> Table | None:
    """Stem-model forms of an unknown adjective (``-ый/-ий/-ой/-ая/-ое/-ые``), or None.

    After a sibilant or ц, ``-ая`` does not show the stress (свежей, чужой): both spellings."""
    kind = _fallback_adjective_endings(word)
    if kind is None:
        return None
    own, soft = kind
    stem = word[:-2]
    paradigm = _adjective_paradigm(word, soft)
    table: dict[Slot, set[str]] = defaultdict(set)
    known = gender or (own if own != "plur" else None)
    genders = [known] if known else ["masc", "femn", "neut"]
    for key in (*genders, "plur"):
        number = "plur" if key == "plur" else "sing"
        for case, endings in zip(CASES, paradigm[key], strict=True):
            for ending in (endings,) if isinstance(endings, str) else endings:
                table[(case, number)].add(_spell(stem, ending))
    if word.endswith("ая"):
        _unstressed_o_variants(stem, table)
    return _freeze(table)
