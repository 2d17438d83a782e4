"""The Russian stem model (``workflow.morphology.ru``), checked against pymorphy3 itself.

The model declines words the dictionary does not know (most proper names).  For regular
words the dictionary DOES know, its tables must agree with pymorphy3's own declension, slot
by slot (case, number), except where the model cannot know what the dictionary knows and
so accepts more, on purpose:

* animacy: a masculine noun's singular accusative and every plural accusative accept both
  the nominative and the genitive form (``завод``/``завода``, ``заводы``/``заводов``);
* gender of a ``-ь`` noun: masculine and feminine endings both (``площадя``, ``рубли``);
* stress: after ``ж ш ч щ ц`` an ending whose ``о`` is spelled ``е`` when unstressed takes
  both spellings (``гаражом``/``гаражем``), and a sibilant stem also takes the genitive plural
  ``-ей``; a ``-я`` noun takes both genitive plurals ``-ь`` and ``-ей``.

Those extra forms are spelled out below per word, so every table is asserted exactly.
Fleeting vowels (``отец``/``отца``) are outside the model, so no such word is listed.
"""

from __future__ import annotations

from collections import defaultdict

import pymorphy3
import pytest

from workflow.morphology import normalize
from workflow.morphology.ru import (
    CASES,
    fallback_adjective_table,
    fallback_noun_table,
)

MORPH = pymorphy3.MorphAnalyzer(lang="ru")
SLOTS = [(case, number) for case in CASES for number in ("sing", "plur")]


def _nominative(word: str, pos: str) -> pymorphy3.analyzer.Parse:
    return next(
        parse
        for parse in MORPH.parse(word)
        if parse.is_known and pos == parse.tag.POS and parse.tag.case == "nomn"
    )


def dictionary_noun(word: str) -> dict[tuple[str, str], set[str]]:
    """pymorphy3's declension of *word* (its first nominative noun reading)."""
    table: dict[tuple[str, str], set[str]] = defaultdict(set)
    for form in _nominative(word, "NOUN").lexeme:
        table[(str(form.tag.case), str(form.tag.number))].add(normalize(form.word))
    return table


def with_unknown_animacy(word: str, table: dict[tuple[str, str], set[str]]) -> None:
    """Widen the accusative as the model does (it cannot tell animate from inanimate)."""
    table[("accs", "plur")] |= table[("nomn", "plur")] | table[("gent", "plur")]
    if _nominative(word, "NOUN").tag.gender == "masc":
        table[("accs", "sing")] |= table[("nomn", "sing")] | table[("gent", "sing")]


#: Regular nouns by declension class → the forms the model gives beyond the dictionary
#: (after the accusative widening).
NOUNS: dict[str, dict[tuple[str, str], set[str]]] = {
    # hard masculine, also after a velar (ы → и: рудники)
    "завод": {},
    "бухгалтер": {},
    "рудник": {},
    # after a sibilant or ц: -ом/-ем and -ов/-ев (and -ей after a sibilant) whatever the stress
    "гараж": {
        ("ablt", "sing"): {"гаражем"},
        ("gent", "plur"): {"гаражов", "гаражев"},
        ("accs", "plur"): {"гаражов", "гаражев"},
    },
    "врач": {
        ("ablt", "sing"): {"врачем"},
        ("gent", "plur"): {"врачов", "врачев"},
        ("accs", "plur"): {"врачов", "врачев"},
    },
    "месяц": {
        ("ablt", "sing"): {"месяцом"},
        ("gent", "plur"): {"месяцов"},
        ("accs", "plur"): {"месяцов"},
    },
    "кузнец": {
        ("ablt", "sing"): {"кузнецем"},
        ("gent", "plur"): {"кузнецев"},
        ("accs", "plur"): {"кузнецев"},
    },
    # -й and -ий
    "музей": {},
    "герой": {},
    "кафетерий": {},
    "гений": {},
    # -ь: the other gender's singular endings
    "рубль": {
        ("gent", "sing"): {"рубли"},
        ("datv", "sing"): {"рубли"},
        ("ablt", "sing"): {"рублью"},
        ("loct", "sing"): {"рубли"},
    },
    "площадь": {
        ("gent", "sing"): {"площадя"},
        ("datv", "sing"): {"площадю"},
        ("accs", "sing"): {"площадя"},
        ("ablt", "sing"): {"площадем"},
        ("loct", "sing"): {"площаде"},
    },
    # -а, also after a velar (книги) and after a sibilant or ц (-ой/-ей)
    "шахта": {},
    "книга": {},
    "нога": {},
    "душа": {("ablt", "sing"): {"душей", "душею"}},
    "улица": {("ablt", "sing"): {"улицой", "улицою"}},
    "птица": {("ablt", "sing"): {"птицой", "птицою"}},
    # -я: both genitive plurals
    "буря": {("gent", "plur"): {"бурей"}, ("accs", "plur"): {"бурей"}},
    "доля": {("gent", "plur"): {"доль"}, ("accs", "plur"): {"доль"}},
    # -ия
    "лекция": {},
    "компания": {},
    # indeclinable (a final vowel other than а, я)
    "кафе": {},
    "пальто": {},
    "такси": {},
    "рагу": {},
    "меню": {},
    "досье": {},
    "шоу": {},
    "жюри": {},
}


@pytest.mark.parametrize("word", NOUNS)
def test_noun_model_agrees_with_the_dictionary(word: str) -> None:
    expected = dictionary_noun(word)
    with_unknown_animacy(word, expected)
    for slot, extra in NOUNS[word].items():
        assert not extra & expected[slot], "an extra form the dictionary has already"
        expected[slot] |= extra
    model = fallback_noun_table(normalize(word))
    assert {slot: set(forms) for slot, forms in model.items()} == dict(expected)


@pytest.mark.parametrize("word", ["каратэ", "улан-удэ", "сочи", "чебоксары", "ан2"])
def test_noun_model_keeps_other_endings_as_written(word: str) -> None:
    """A final vowel other than а, я (also э, ы: Улан-Удэ, Чебоксары) or a non-letter
    (a digit of a model name): the same form in every slot."""
    assert fallback_noun_table(word) == {slot: frozenset({word}) for slot in SLOTS}


def dictionary_adjective(word: str, gender: str | None) -> dict[tuple[str, str], set[str]]:
    """pymorphy3's positive-degree forms of adjective *word*: the plural and the singular
    of *gender* (default: the word's own gender; all three for a plural nominative)."""
    parse = _nominative(word, "ADJF")
    gender = gender or (str(parse.tag.gender) if parse.tag.gender else None)
    table: dict[tuple[str, str], set[str]] = defaultdict(set)
    for form in parse.lexeme:
        tag = form.tag
        if tag.POS != "ADJF" or "Supr" in tag:
            continue
        if tag.number == "sing" and gender and tag.gender != gender:
            continue
        table[(str(tag.case), str(tag.number))].add(normalize(form.word))
    return table


#: (adjective, gender of the head noun or None) → the forms the model gives beyond the
#: dictionary: only after a sibilant in a feminine -ая, whose stress the model cannot know
#: (свежей but чужой), both spellings of the о-endings.
ADJECTIVES: dict[tuple[str, str | None], dict[tuple[str, str], set[str]]] = {
    # hard stems
    ("новый", None): {},
    ("новая", None): {},
    ("новое", None): {},
    ("новые", None): {},
    ("новые", "femn"): {},
    ("новый", "masc"): {},
    # soft stems
    ("синий", None): {},
    ("синяя", None): {},
    ("синее", None): {},
    ("синие", None): {},
    ("синие", "neut"): {},
    # velar stems: hard endings spelled with и (русский, русские)
    ("русский", None): {},
    ("русская", None): {},
    ("русское", None): {},
    ("русские", None): {},
    ("тихий", None): {},
    ("дорогой", None): {},
    # sibilant stems: -ий/-ее/-ие are unstressed (о spelled е), -ой/-ое stressed
    ("свежий", None): {},
    ("свежее", None): {},
    ("свежие", None): {},
    ("горячий", None): {},
    ("хороший", None): {},
    ("большой", None): {},
    ("большое", None): {},
    # after ц: о is spelled е in unstressed endings, ы stays (куцего, куцым)
    ("куцый", None): {},
    ("куцее", None): {},
    ("куцые", None): {},
    # stressed -ой, also in the shortest adjective the model reads (four letters)
    ("молодой", None): {},
    ("злой", None): {},
    ("злая", None): {},
    ("золотой", None): {},
    # sibilant stem with -ая: both spellings
    (
        "свежая",
        None,
    ): {
        ("gent", "sing"): {"свежой"},
        ("datv", "sing"): {"свежой"},
        ("ablt", "sing"): {"свежой", "свежою"},
        ("loct", "sing"): {"свежой"},
    },
    (
        "чужая",
        None,
    ): {
        ("gent", "sing"): {"чужей"},
        ("datv", "sing"): {"чужей"},
        ("ablt", "sing"): {"чужей", "чужею"},
        ("loct", "sing"): {"чужей"},
    },
}


@pytest.mark.parametrize(("word", "gender"), ADJECTIVES)
def test_adjective_model_agrees_with_the_dictionary(word: str, gender: str | None) -> None:
    expected = dictionary_adjective(word, gender)
    for slot, extra in ADJECTIVES[(word, gender)].items():
        assert not extra & expected[slot], "an extra form the dictionary has already"
        expected[slot] |= extra
    model = fallback_adjective_table(normalize(word), gender)
    assert model is not None
    assert {slot: set(forms) for slot, forms in model.items()} == dict(expected)
