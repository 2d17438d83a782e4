"""Inflection-aware term matching: one block of passing and failing examples per family."""

from __future__ import annotations

import pytest

from workflow.glossary import Term
from workflow.morphology import find_term, kk, target_term_present


def present(lang: str, term: str, text: str) -> bool:
    return target_term_present(lang, term, text)


# --- Russian ----------------------------------------------------------------------------------

RU_CASES = [
    ("Разноимпорт", "статистика Разноимпорта"),  # genitive
    ("Разноимпорт", "договор с Разноимпортом"),  # instrumental
    ("Разноимпорт", "в Разноимпорте"),  # prepositional
    ("Разноимпорт", "письмо Разноимпорту"),  # dative
    ("Москва", "в Москве"),
    ("Москва", "из Москвы"),
    ("перестройка", "благодаря перестройке"),
    ("гласность", "эпоха гласности"),
    ("тантал", "поставки тантала"),
    ("ниобий", "торговля ниобием"),
    ("ёлка", "у елки"),
]

RU_UNKNOWN_AND_HYPHENATED = [
    ("Усть-Каменогорск", "в Усть-Каменогорске"),
    ("Усть-Каменогорск", "из Усть-Каменогорска"),
    ("Усть-Каменогорск", "с Усть-Каменогорском"),
    ("Оскемен", "в Оскемене"),
    ("Накамура", "у Накамуры"),
    ("Сигэо Накамура", "с Сигэо Накамурой"),
]

RU_PHRASES = [
    ("титановая губка", "контракт на поставку титановой губки"),
    ("титановая губка", "производить титановую губку"),
    ("титановая губка", "титановые губки"),
    ("Центральная Азия", "в Центральной Азии"),
    ("редкие металлы", "рынок редких металлов"),
    ("редкие металлы", "редкий металл"),
    ("институт цветных металлов", "в институте цветных металлов"),
    ("события на площади Тяньаньмэнь", "после событий на площади Тяньаньмэнь"),
]

RU_NEGATIVE = [
    ("Разноимпорт", "Разноэкспорт"),  # a different organization
    ("тантал", "танталовый концентрат"),  # derived adjective, not the noun
    ("Казахстан", "казахстанский"),
    ("титановая губка", "титановой губку"),  # no agreement
    ("титановая губка", "губка"),
    ("Центральная Азия", "Центральная Азии"),
    ("Усть-Каменогорск", "Каменогорске"),
    ("институт цветных металлов", "институт редких металлов"),
]


@pytest.mark.parametrize(("term", "text"), RU_CASES + RU_UNKNOWN_AND_HYPHENATED + RU_PHRASES)
def test_russian_inflected_forms_match(term, text):
    assert present("ru", term, text)


@pytest.mark.parametrize(("term", "text"), RU_NEGATIVE)
def test_russian_look_alikes_do_not_match(term, text):
    assert not present("ru", term, text)


# --- Kazakh -----------------------------------------------------------------------------------

KK_FAMILIES = {
    "locative": [("Өскемен", "Өскеменде"), ("Алматы", "Алматыда"), ("кітап", "кітапта")],
    "genitive": [
        ("Өскемен", "Өскеменнің"),
        ("Разноимпорт", "Разноимпорттың"),
        ("тау", "таудың"),
        ("қала", "қаланың"),
        ("көл", "көлдің"),
        ("қыз", "қыздың"),
    ],
    "dative": [("Өскемен", "Өскеменге"), ("Разноимпорт", "Разноимпортқа"), ("қала", "қалаға")],
    "ablative": [("Өскемен", "Өскеменнен"), ("Алматы", "Алматыдан"), ("кітап", "кітаптан")],
    "accusative": [("Өскемен", "Өскеменді"), ("қала", "қаланы"), ("кітап", "кітапты")],
    "instrumental": [("Өскемен", "Өскеменмен"), ("қыз", "қызбен"), ("кітап", "кітаппен")],
    "plural": [("тау", "таулар"), ("көл", "көлдер"), ("кітап", "кітаптар"), ("адам", "адамдар")],
    "possessive": [("кітап", "кітабы"), ("кітап", "кітабым"), ("қала", "қаласы")],
    "attributive": [("Өскемен", "Өскемендегі"), ("кітап", "кітаптағы")],
    "chains": [
        ("кәсіпорын", "кәсіпорындарының"),
        ("кітап", "кітабымды"),
        ("кітап", "кітабыңа"),
        ("Алтай таулары", "Алтай тауларында"),
        ("Кеңес Одағы", "Кеңес Одағының"),
        ("Қазақстан", "Қазақстандағы"),
    ],
    "abbreviations": [("ГДР", "ГДР-да"), ("ODA", "ODA-ның")],
    "loanwords in -ий": [("ниобий", "ниобийдің"), ("ниобий", "ниобийге"), ("литий", "литиймен")],
    "loanwords in -лл": [("металл", "металдар"), ("металл", "металдың"), ("металл", "металға")],
    "plural terms": [("сирек металдар", "сирек металды"), ("сирек металдар", "сирек металл")],
}

KK_NEGATIVE = [
    ("Өскемен", "Өскеменшіл"),  # derivational suffix, not an inflection
    ("Өскемен", "Өскеменда"),  # breaks vowel harmony
    ("Өскемен", "Өскеменға"),  # back dative on a front stem
    ("Алматы", "Алматында"),  # -нда only after a possessive
    ("Разноимпорт", "Разноимпортда"),  # no assimilation after voiceless т
    ("Разноимпорт", "Разноэкспорт"),
    ("кітап", "кітаплар"),
    ("тау", "таунің"),
    ("ниобий", "ниобийші"),  # derivational, not an inflection
]


@pytest.mark.parametrize(
    ("term", "text"),
    [pair for family in KK_FAMILIES.values() for pair in family],
    ids=[f"{name}-{text}" for name, pairs in KK_FAMILIES.items() for _, text in pairs],
)
def test_kazakh_suffix_chains_match(term, text):
    assert present("kk", term, text)


@pytest.mark.parametrize(("term", "text"), KK_NEGATIVE)
def test_kazakh_invalid_chains_do_not_match(term, text):
    assert not present("kk", term, text)


def test_kazakh_harmony_is_taken_from_the_last_vowel():
    assert kk.harmonies("Өскемен".lower()) == (True,)
    assert kk.harmonies("разноимпорт") == (False,)
    assert kk.harmonies("гдр") == (False, True)
    assert "өскемендер" in kk.word_forms("өскемен")
    assert "өскемендар" not in kk.word_forms("өскемен")


# --- English ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("tantalum", "tantalum's price"),
        ("tantalum", "Tantalum is rare"),
        ("titanium sponge", "titanium sponges"),
        ("titanium sponge", "the titanium sponge’s quality"),
        ("refinery", "two refineries"),
        ("process", "processes"),
        ("Raznoimport", "Raznoimport's statistics"),
    ],
)
def test_english_plural_and_possessive(term, text):
    assert present("en", term, text)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("tantalum", "tantalums-like"),
        ("Raznoimport", "Raznoexport"),
        ("sponge", "spongey"),
        ("rare metal", "rare, metal"),
        ("rare metal", "rare-metal resources"),  # a compound: list it under forms if wanted
    ],
)
def test_english_look_alikes(term, text):
    assert not present("en", term, text)


# --- spans, multi-word separation, keep terms ---------------------------------------------


def test_spans_point_at_the_inflected_text():
    text = "Поставки из Усть-Каменогорска и в Усть-Каменогорск."
    spans = find_term("ru", ["Усть-Каменогорск"], text)
    assert [span.text for span in spans] == ["Усть-Каменогорска", "Усть-Каменогорск"]
    assert text[spans[0].start : spans[0].end] == "Усть-Каменогорска"


def test_multiword_terms_need_the_same_separators():
    title = "Rare Metals: A Thousand and One Nights"
    assert present("en", title, f"the series {title}")
    assert not present("en", title, "Rare Metals A Thousand and One Nights")
    assert not present("ru", "титановая губка", "титановая, губка")


def test_extra_forms_and_keep_terms():
    term = Term(id="oda", kind="concept", ja=["ODA"], en="ODA", ru="ODA", kk="ODA", keep=True)
    assert target_term_present("kk", term, "ODA-ның келісімі")
    assert target_term_present("en", term, "the ODA agreement")
    assert not target_term_present("en", term, "the oda agreement")
    assert not target_term_present("ru", term, "ОДА")
    named = Term(
        id="r",
        kind="organization",
        ja=["ラ"],
        en="R",
        ru="Р",
        kk="Разноимпорт",
        forms={"kk": ["Разноимпорт бірлестігі"]},
    )
    assert target_term_present("kk", named, "Разноимпорт бірлестігінің статистикасы")


#: A name the Russian dictionary does not know: its forms come from the fallback rules.
UNKNOWN_NOUN_FORMS = {
    "Тенгизшевройл": True,
    "Тенгизшевройла": True,
    "Тенгизшевройлу": True,
    "Тенгизшевройлом": True,
    "Тенгизшевройле": True,
    "Тенгизшевройлы": True,
    "Тенгизшевройлов": True,
    "Тенгизшевройлам": True,
    "Тенгизшевройлами": True,
    "Тенгизшевройлах": True,
    "Тенгизшевройлой": False,
    "Тенгизшевройлю": False,
    "Тенгизшевройлик": False,
}


@pytest.mark.parametrize(("form", "accepted"), UNKNOWN_NOUN_FORMS.items())
def test_a_noun_outside_the_dictionary_inflects_by_rule(form: str, accepted: bool) -> None:
    assert target_term_present("ru", "Тенгизшевройл", f"Контракт с {form} подписан.") is accepted
