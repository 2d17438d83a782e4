"""Glossary matching as translators meet it: ``workflow check`` on a real PO file with names
the Russian dictionary does not know, the Japanese-side lookup at script boundaries, keep-as-is
terms, English plurals and a language without inflection rules."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from workflow.cli import main
from workflow.glossary import Glossary, Term
from workflow.morphology import Span, find_target_term, find_term, target_term_present

GLOSSARY = """\
terms:
  - {id: karazhyra, kind: place, ja: [カラジラ], en: Karazhyra, ru: Каражыра, kk: Қаражыра}
  - id: tengizchevroil
    kind: organization
    ja: [テンギスシェブロイル]
    en: Tengizchevroil
    ru: Тенгизшевройл
    kk: Теңізшевройл
  - id: uktmk
    kind: organization
    ja: [チタン・マグネシウム・コンビナート]
    en: Ust-Kamenogorsk Titanium and Magnesium Plant
    ru: Усть-Каменогорский титано-магниевый комбинат
    kk: Өскемен титан-магний комбинаты
  - {id: rare-metals, kind: concept, ja: [レアメタル], en: rare metal, ru: редкие металлы,
     kk: сирек металдар}
"""

#: (source, Russian translation, whether ``check`` reports the glossary term missing).
ENTRIES = [
    # Каражыра (a coal field) and Тенгизшевройл are outside pymorphy3's dictionary: the stem
    # model declines them (feminine -а, hard masculine).
    ("カラジラの炭田。", "Угольный бассейн Каражыры.", False),
    ("カラジラで働いた。", "Он работал на Каражыре.", False),
    ("カラジラと比べる。", "Сравним с Каражырой.", False),
    ("カラジラの炭鉱。", "Шахты Каражыра.", False),  # the nominative, as in the glossary
    ("カラジラの石炭。", "Уголь Каражыром.", True),  # declined as a masculine noun
    ("カラジラの歴史。", "История Каражырии.", True),  # a longer, different name
    ("テンギスシェブロイルとの契約。", "Контракт с Тенгизшевройлом.", False),
    ("テンギスシェブロイルの株。", "Акции Тенгизшевройла.", False),
    ("テンギスシェブロイルに送った。", "Отправили Тенгизшевройлю.", True),  # a soft ending
    # Hyphenated adjectives are outside the dictionary too; they agree with the head.
    (
        "チタン・マグネシウム・コンビナートの製品。",
        "Продукция Усть-Каменогорского титано-магниевого комбината.",
        False,
    ),
    (
        "チタン・マグネシウム・コンビナートで働く。",
        "Работает на Усть-Каменогорском титано-магниевой комбинате.",
        True,
    ),
    # An adjective and its noun agree; a superlative is another word.
    ("レアメタルの採掘。", "Добыча редких металлов.", False),
    ("レアメタルの輸出。", "Экспорт редкими металлами.", False),
    ("レアメタルの価格。", "Цены редкой металлов.", True),
    ("レアメタルの市場。", "Рынок редчайших металлов.", True),
]


@pytest.fixture
def project(make_project) -> Path:
    root = make_project()
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}
    for source, translation, _ in ENTRIES:
        po.append(polib.POEntry(msgid=source, msgstr=translation))
    (root / "locales" / "ru").mkdir(parents=True)
    po.save(str(root / "locales" / "ru" / "7.po"))
    return root


def test_check_finds_unknown_names_inflected_and_reports_wrong_forms(project, capsys) -> None:
    assert main(["--project", str(project), "check", "--lang", "ru", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    lines = (project / "locales" / "ru" / "7.po").read_text(encoding="utf-8").splitlines()
    missing = [lines.index(f'msgid "{source}"') + 1 for source, _, missing in ENTRIES if missing]
    glossary_lines = [item["line"] for item in report["diagnostics"] if item["code"] == "G001"]
    assert sorted(glossary_lines) == missing


def glossary(*forms: str) -> Glossary:
    """A glossary of one term per Japanese form."""
    terms = [
        Term(id=f"t{index}", kind="concept", ja=[form], en="x", ru="x", kk="x")
        for index, form in enumerate(forms)
    ]
    return Glossary(terms=terms)


def found(terms: Glossary, text: str) -> list[str]:
    return [match.form for match in terms.find_source_terms(text)]


def test_katakana_forms_stop_at_katakana_on_either_side() -> None:
    # ソ連 starts with katakana and ends with a kanji; 日中ソ the other way round.
    terms = glossary("ソ連", "日中ソ")
    assert found(terms, "当時のソ連は大きかった。") == ["ソ連"]
    assert found(terms, "エストニアソ連") == []
    assert found(terms, "日中ソの会談。") == ["日中ソ"]
    assert found(terms, "日中ソビエト") == []


def test_latin_forms_stop_at_latin_letters_of_either_case() -> None:
    # X線 starts with a Latin letter, 鉱区A ends with one.
    terms = glossary("ODA", "X線", "鉱区A")
    assert found(terms, "日本のODAで。") == ["ODA"]
    assert found(terms, "CODAとcodaとodaと") == []
    assert found(terms, "ODAsとODAbと") == []
    assert found(terms, "X線の装置。") == ["X線"]
    assert found(terms, "MX線とmX線") == []
    assert found(terms, "鉱区Aの採掘。") == ["鉱区A"]
    assert found(terms, "鉱区ABと鉱区Ab") == []


def test_source_matches_name_the_term_and_position() -> None:
    terms = glossary("ウラン", "ウラン鉱")
    [match] = terms.find_source_terms("良質なウラン鉱がある。")
    assert (match.term.id, match.start, match.end, match.form) == ("t1", 3, 7, "ウラン鉱")


def keep_term(*forms: str) -> Term:
    first, *extra = forms
    forms = {"en": extra}
    return Term(
        id="oda", kind="concept", ja=["ODA"], en=first, ru="x", kk="x", keep=True, forms=forms
    )


def test_keep_terms_are_found_verbatim_in_text_order() -> None:
    term = keep_term("ODA", "JICA")
    text = "Both JICA and ODA, then JICA again."
    assert find_target_term("en", term, text) == [
        Span(5, 9, "JICA"),
        Span(14, 17, "ODA"),
        Span(24, 28, "JICA"),
    ]
    assert find_target_term("en", term, "CODA and ODAs") == []


@pytest.mark.parametrize(
    ("term", "text", "present"),
    [
        ("tornado", "two tornados", True),
        ("tornado", "two tornadoes", True),
        ("economy", "both economies", True),
        ("economy", "both economys", False),
        ("survey", "two surveys", True),
        ("survey", "two surveies", False),
        ("ty", "two ties", True),  # consonant + y, however short
        ("y", "the ys", True),
        ("y", "the ies", False),
        ("box", "two boxes", True),
        ("box", "two boxs", False),
    ],
)
def test_english_plurals(term: str, text: str, present: bool) -> None:
    assert target_term_present("en", term, text) is present


def test_a_language_without_inflection_rules_matches_words_as_written() -> None:
    # Uzbek has no morphology in the registry: words match after normalization only.
    assert target_term_present("uz", "Toshkent shahri", "Biz TOSHKENT SHAHRI da edik.")
    assert not target_term_present("uz", "Toshkent shahri", "Toshkentda edik.")
    assert not target_term_present("uz", "Toshkent shahri", "Toshkent shahrida edik.")


@pytest.mark.parametrize("lang", ["en", "ru", "kk", "uz"])
def test_a_term_without_words_is_never_found(lang: str) -> None:
    assert not target_term_present(lang, "—", "— 1989 —")


# --- Russian terms: which words inflect -------------------------------------------------------

RUSSIAN_TERMS = [
    # The head's gender: a plural adjective agrees in the singular with a masculine head only.
    ("редкие металлы", "добыча редкого металла", True),
    ("редкие металлы", "добыча редкой металла", False),
    # Adjectives the dictionary knows decline as it says, not by the stem model: рабочей
    # (unstressed after ч), третьего (an ordinal).
    ("рабочая сила", "стоимость рабочей силы", True),
    ("рабочая сила", "стоимость рабочой силы", False),
    ("третий мир", "страны третьего мира", True),
    ("третий мир", "страны третего мира", False),
    # A head of unknown gender (a name outside the dictionary): the adjective's own gender.
    ("Северная Каражыра", "на Северной Каражыре", True),
    ("Северная Каражыра", "на Северном Каражыре", False),
    # Hyphenated adjectives (outside the dictionary) agree in the head's gender.
    ("титано-магниевые комбинаты", "титано-магниевого комбината", True),
    ("титано-магниевые комбинаты", "титано-магниевой комбината", False),
    # ... also in a name written in title case (they are not names in apposition).
    (
        "Усть-Каменогорский Титано-Магниевый Комбинат",
        "продукция Усть-Каменогорского Титано-Магниевого Комбината",
        True,
    ),
    # Words after the head are a fixed genitive complement, capitalized or not.
    ("Институт редких металлов", "сотрудник Института редких металлов", True),
    ("Институт редких металлов", "сотрудник Института редким металлам", False),
    ("Совет Министров СССР", "решение Совета Министров СССР", True),
    ("Совет Министров СССР", "решение Совета Министрами СССР", False),
    # Capitalized names in apposition take the head's case, however many.
    ("Нурсултан Абишевич Назарбаев", "встреча с Нурсултаном Абишевичем Назарбаевым", True),
    ("Нурсултан Абишевич Назарбаев", "встреча с Нурсултаном Абишевич Назарбаевым", False),
    # A capitalized adjective after a name (an ordinal, an epithet) agrees with it.
    ("Пётр Первый", "реформы Петра Первого", True),
    ("Пётр Первый", "при Петре Первом", True),
    ("Пётр Первый", "при Петре Первый", False),
    ("Екатерина Вторая", "при Екатерине Второй", True),
    # An abbreviation before the head stays as written; the head still inflects.
    ("АО Казатомпром", "акции АО Казатомпрома", True),
    ("АО Казатомпром", "акции АО Казатомпромов", True),
    ("АО Казатомпром", "акции Ао Казатомпрома", True),  # words compare case-insensitively
    # Initials and abbreviations of two letters are kept as written as well.
    ("Ш. Накамура", "книга Ш. Накамуры", True),
    ("Ш. Накамура", "книга Ша. Накамуры", False),
    ("УК РК", "статья 190 УК РК", True),
    ("УК РК", "статья 190 УКа РК", False),
    # Latin words are kept as written, even inside a Russian term (no Cyrillic endings).
    ("Chevron", "акции Chevron", True),
    ("Chevron", "акции Chevronа", False),
    ("компания Chevron", "акции компании Chevron", True),
    # A hyphenated noun inflects its last part, also when the whole word is unknown.
    ("горно-обогащение", "предприятие горно-обогащения", True),
    ("Кызыл-Орда", "в Кызыл-Орде", True),
    ("Кызыл-Орда", "в Кызыл-Ордом", False),
    ("Шарм-эль-Шейх", "встреча в Шарм-эль-Шейхе", True),
    # A second locative (в порту) is a locative: the adjective agrees with it.
    ("морской порт", "в морском порту", True),
    # A head with an adjective reading too (Грозный: a city, a surname, "menacing") declines
    # as a noun only.
    ("Грозный", "в Грозном", True),
    ("Грозный", "в Грозной", False),
    # A word outside the dictionary with a stressed adjective ending agrees with the noun
    # after it and matches itself in the nominative (a made-up name: the dictionary's
    # guesser reads most real ones).
    ("Жанаозенской разъезд", "Жанаозенской разъезд", True),
    ("Жанаозенской разъезд", "у Жанаозенского разъезда", True),
    ("Жанаозенской разъезд", "у Жанаозенской разъезда", False),
    # A genitive complement whose adjective looks nominative (цветной) stays as written.
    ("институт цветной металлургии", "сотрудники института цветной металлургии", True),
    # A term without a nominative noun matches as written.
    ("пять металлов", "ровно пять металлов", True),
    ("пять металлов", "ровно пяти металлам", False),
    # A word of three letters is never read as an adjective (Хой: a city, not -ой).
    ("Хой", "в Хое", True),
]


@pytest.mark.parametrize(("term", "text", "present"), RUSSIAN_TERMS)
def test_russian_term_structure(term: str, text: str, present: bool) -> None:
    assert target_term_present("ru", term, text) is present


def test_term_and_glossary_lookups_name_what_is_missing() -> None:
    term = Term(id="moscow", kind="place", ja=["モスクワ"], en="Moscow", ru="Москва", kk="Мәскеу")
    assert term.target_forms("ru").lang == "ru"
    with pytest.raises(KeyError, match="term 'moscow' has no target term in 'uz'"):
        term.target("uz")
    with pytest.raises(KeyError, match="tashkent"):
        Glossary(terms=[term]).get("tashkent")


@pytest.mark.parametrize(
    ("term", "text", "present"),
    [
        # The instrumental -мен/-бен/-пен has no back-vowel variant.
        ("Алматы", "Алматымен бірге", True),
        ("Алматы", "Алматыман бірге", False),
        # After a first- or second-person possessive the dative is -а/-е.
        ("кітап", "кітабыма", True),
        ("кітап", "кітабымға", False),
        ("Алматы", "Алматыңа", True),
        ("Алматы", "Алматыңға", False),
    ],
)
def test_kazakh_endings_without_harmony(term: str, text: str, present: bool) -> None:
    assert target_term_present("kk", term, text) is present


def test_every_occurrence_is_found_after_a_longer_form() -> None:
    """A word inside a longer match is skipped, and the search goes on after it."""
    text = "Центральная Азия и Азия"
    assert find_term("ru", ["Центральная Азия", "Азия"], text) == [
        Span(0, 16, "Центральная Азия"),
        Span(19, 23, "Азия"),
    ]
